import type { N8nApp } from '../pages/n8n-app';
import type { NodeDetails } from '../pages/node-details';
import type { WorkflowEditor } from '../pages/workflow-editor';
import { provisionedCredential } from './state';

// Tall enough for a screenshot to show the whole parameter list.
const TALL_VIEWPORT = { width: 1440, height: 2000 };

/** A new workflow with one node added, its details open, for the tests of a describe block. */
export function useNodeOnNewWorkflow(
	app: () => N8nApp,
	displayName: string,
	credentialType: string,
): () => { editor: WorkflowEditor; details: NodeDetails } {
	let opened: { editor: WorkflowEditor; details: NodeDetails } | undefined;
	beforeAll(async () => {
		await app().page.setViewportSize(TALL_VIEWPORT);
		const editor = await app().openNewWorkflow();
		const details = await editor.addNode(displayName);
		// Other test files add credentials of the same types; n8n preselects the newest one.
		await details.selectCredential(provisionedCredential(credentialType));
		opened = { editor, details };
	});
	return () => {
		if (!opened) throw new Error(`${displayName} is not open`);
		return opened;
	};
}
