import type { Locator, Page } from 'playwright-core';

export interface CredentialTestOutcome {
	ok: boolean;
	/** The banner's text: "Connection tested successfully", or the failure and its details. */
	message: string;
}

/** The credential edit dialog (Connection tab). */
export class CredentialModal {
	private constructor(readonly root: Locator) {}

	static async typeOptions(page: Page, search: string): Promise<string[]> {
		const picker = page.getByTestId('selectCredential-modal');
		await picker.getByTestId('new-credential-type-select').waitFor();
		await page.keyboard.type(search);
		const options = picker.page().getByTestId('new-credential-type-select-option');
		await options
			.first()
			.waitFor({ timeout: 5000 })
			.catch(() => undefined);
		return (await options.allInnerTexts()).map((text) => text.trim());
	}

	static async forNewCredential(page: Page, typeDisplayName: string): Promise<CredentialModal> {
		await CredentialModal.typeOptions(page, typeDisplayName);
		await page
			.getByTestId('new-credential-type-select-option')
			.filter({ hasText: typeDisplayName })
			.first()
			.click();
		await page.getByTestId('new-credential-type-button').click();
		const modal = new CredentialModal(page.getByTestId('editCredential-modal'));
		await modal.root.getByTestId('credential-connection-parameter').first().waitFor();
		return modal;
	}

	/** Fills connection fields by parameter name (`apiKey`, `baseUrl`…). */
	async fill(fields: Record<string, string>): Promise<void> {
		for (const [name, value] of Object.entries(fields)) {
			await this.root
				.getByTestId(`parameter-input-${name}`)
				.locator('input, textarea')
				.first()
				.fill(value);
		}
	}

	/** Saves; n8n then runs the credential's test and shows its outcome in a banner. */
	async saveAndTest(): Promise<CredentialTestOutcome> {
		await this.root.getByTestId('credential-save-button').click();
		const success = this.root.getByText('Connection tested successfully');
		const failure = this.root.getByText('Couldn’t connect with these settings');
		await success.or(failure).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
		if (await success.isVisible()) return { ok: true, message: 'Connection tested successfully' };
		const moreDetails = this.root.getByText('More details');
		if (await moreDetails.isVisible()) {
			await moreDetails.click();
			await moreDetails.waitFor({ state: 'hidden' });
		}
		// The banner is the failure line with its Retry button; the details appear next to it.
		const banner = failure.locator(
			'xpath=ancestor::*[.//button[@title="Retry credential test"]][1]/..',
		);
		const lines = (await banner.innerText()).split('\n').map((line) => line.trim());
		return { ok: false, message: lines.filter((line) => line && line !== 'Retry').join('\n') };
	}

	async close(): Promise<void> {
		await this.root.page().keyboard.press('Escape');
	}
}
