import type { Page } from 'playwright-core';

import { screenshot } from '../support/browser';
import type { E2eState } from '../support/state';
import { CredentialModal } from './credential-modal';
import { WorkflowEditor } from './workflow-editor';

/** The n8n editor in one browser page, logged in as the instance owner. */
export class N8nApp {
	constructor(
		readonly page: Page,
		private readonly state: E2eState,
	) {}

	/** Logs in through the REST endpoint the sign-in form uses; the browser keeps the session cookie. */
	async signIn(): Promise<void> {
		const response = await this.page.request.post('/rest/login', {
			data: { emailOrLdapLoginId: this.state.owner.email, password: this.state.owner.password },
		});
		if (!response.ok()) throw new Error(`Sign-in failed with ${response.status()}`);
	}

	async openNewWorkflow(): Promise<WorkflowEditor> {
		await this.page.goto('/workflow/new');
		return await WorkflowEditor.ready(this.page);
	}

	async openWorkflow(id: string): Promise<WorkflowEditor> {
		return await WorkflowEditor.open(this.page, id);
	}

	/** Opens "Create credential" for a credential type, by its display name (e.g. "Runware API"). */
	async createCredential(typeDisplayName: string): Promise<CredentialModal> {
		await this.page.goto('/home/credentials/create');
		return await CredentialModal.forNewCredential(this.page, typeDisplayName);
	}

	/** Display names the "Create credential" type picker offers for a search text. */
	async credentialTypesMatching(search: string): Promise<string[]> {
		await this.page.goto('/home/credentials/create');
		return await CredentialModal.typeOptions(this.page, search);
	}

	async screenshot(name: string): Promise<string> {
		return await screenshot(this.page, name);
	}
}
