/* eslint-disable @n8n/community-nodes/require-node-api-error */
import type { Locator, Page } from 'playwright-core';

const OUTPUT_TIMEOUT_MS = 10_000;
/**
 * Typed text reaches the workflow only after the editor's debounce (up to 1 s in n8n 2.41's parameter inputs);
 * closing the panel earlier loses it.
 */
const INPUT_DEBOUNCE_MS = 1_000;

/** One file of the output panel's Binary view. */
export interface OutputBinary {
	/** The binary field, e.g. `data`. */
	field: string;
	fileName: string;
	mimeType: string;
}

/** The node details view (NDV) of the open node: parameters, execution, output. */
export class NodeDetails {
	readonly root: Locator;

	constructor(private readonly page: Page) {
		this.root = page.getByTestId('ndv');
	}

	async waitUntilOpen(): Promise<void> {
		await this.root.waitFor();
	}

	/** Names of the parameters the Parameters tab shows (display options applied). */
	async visibleParameters(): Promise<string[]> {
		const ids = await this.root
			.getByTestId('node-parameters')
			.locator('[data-test-id^="parameter-input-"]')
			.evaluateAll((elements) =>
				elements
					.filter((element) => element.checkVisibility())
					.map((element) => element.getAttribute('data-test-id') ?? ''),
			);
		const technical = new Set([
			'parameter-input-field',
			'parameter-input-item',
			'parameter-input-hint',
		]);
		return [...new Set(ids.filter((id) => !technical.has(id)))].map((id) =>
			id.slice('parameter-input-'.length),
		);
	}

	/** Names of the parameters that show an issue marker (the red warning triangle) in the Parameters tab. */
	async parametersWithIssues(): Promise<string[]> {
		return await this.root
			.getByTestId('node-parameters')
			.locator('[data-test-id^="parameter-input-"]')
			.filter({ has: this.page.getByTestId('parameter-issues') })
			.evaluateAll((elements) =>
				elements
					.filter((element) => element.checkVisibility())
					.map((element) =>
						(element.getAttribute('data-test-id') ?? '').slice('parameter-input-'.length),
					),
			);
	}

	/** Names of the fixed collections (lists such as "Frame Images") the Parameters tab shows. */
	async visibleFixedCollections(): Promise<string[]> {
		const ids = await this.root
			.getByTestId('node-parameters')
			.locator('[data-test-id^="fixed-collection-"]')
			.evaluateAll((elements) =>
				elements
					.filter((element) => element.checkVisibility())
					.map((element) => element.getAttribute('data-test-id') ?? ''),
			);
		return [...new Set(ids.filter((id) => id !== 'fixed-collection-add'))].map((id) =>
			id.slice('fixed-collection-'.length),
		);
	}

	/** Names of the collection parameters (e.g. `options`, `providerSettings`) the Parameters tab shows. */
	async visibleCollections(): Promise<string[]> {
		const names = await this.root
			.getByTestId('node-parameters')
			.getByTestId('parameter-item')
			.filter({ has: this.page.getByTestId('collection-parameter-add') })
			.locator('label[for]')
			.evaluateAll((labels) =>
				labels
					.filter((label) => label.checkVisibility())
					.map((label) => label.getAttribute('for') ?? ''),
			);
		return [...new Set(names)];
	}

	/** Whether the Parameters tab shows exactly this text, e.g. a notice. */
	async showsText(text: string): Promise<boolean> {
		return await this.root
			.getByTestId('node-parameters')
			.getByText(text, { exact: true })
			.isVisible();
	}

	/** The options a collection parameter (e.g. `options`) offers in its "Add …" dropdown right now. */
	async collectionOptions(collection: string): Promise<string[]> {
		const options = await this.openCollectionAdd(collection);
		const names = await options.allInnerTexts();
		await this.closeList(options);
		return names.map((name) => name.trim());
	}

	/** Adds an option to a collection parameter by its display name (e.g. "Duration (Seconds)"). */
	async addCollectionOption(collection: string, displayName: string): Promise<void> {
		const options = await this.openCollectionAdd(collection);
		await options.filter({ has: this.page.getByText(displayName, { exact: true }) }).click();
	}

	/** Picks a stored credential by name in the node's credential dropdown. */
	async selectCredential(name: string): Promise<void> {
		await this.root.getByTestId('node-credentials-select').click();
		const option = this.page
			.locator('.el-popper:visible')
			.getByRole('option')
			.filter({ has: this.page.getByText(name, { exact: true }) })
			.first();
		await option.click();
		await option.waitFor({ state: 'hidden' });
	}

	parameter(name: string): Locator {
		return this.root.getByTestId(`parameter-input-${name}`);
	}

	/**
	 * Sets a parameter the way a user would: types into text inputs, picks an option in dropdowns (by its exact
	 * name) and in model lists (by any part of the entry, e.g. the AIR), flips switches. A string starting with
	 * `=` is an expression, as in workflow JSON (`={{ $json.prompt }}`).
	 */
	async setParameter(name: string, value: string | number | boolean): Promise<void> {
		if (typeof value === 'string' && value.startsWith('=')) {
			await this.setExpression(name, value.slice(1));
			return;
		}
		const kind = await this.kindOf(name);
		if (kind === 'switch') {
			const toggle = this.parameter(name).getByRole('switch');
			if (((await toggle.getAttribute('aria-checked')) === 'true') !== value) await toggle.click();
			return;
		}
		if (kind === 'options' || kind === 'resourceLocator') {
			await this.openDropdown(name, kind);
			const option =
				kind === 'options'
					? this.page
							.locator('.el-popper:visible')
							.getByRole('option')
							.filter({ has: this.page.getByText(String(value), { exact: true }) })
					: this.page.getByTestId('rlc-item').filter({ hasText: String(value) });
			await option.first().click();
			// The list fades out; wait, so that nothing (a screenshot, the next click) meets it half gone.
			await option.first().waitFor({ state: 'hidden' });
			return;
		}
		const input = this.parameter(name).locator('input, textarea').first();
		await input.fill(String(value));
		await input.blur();
		await this.page.waitForTimeout(INPUT_DEBOUNCE_MS);
	}

	/** Switches the parameter to expression mode (if needed) and writes the expression. */
	async setExpression(name: string, expression: string): Promise<void> {
		const editor = this.parameter(name).locator('.cm-content');
		if ((await editor.count()) === 0) {
			await this.parameter(name).hover();
			await this.root
				.getByTestId(`${name}-parameter-input-options-container`)
				.getByTestId('radio-button-expression')
				.click();
		}
		await editor.fill(expression);
		await editor.blur();
		await this.page.waitForTimeout(INPUT_DEBOUNCE_MS);
	}

	/** The option names a dropdown or model list offers right now (first line of each option). */
	async dropdownOptions(name: string): Promise<string[]> {
		const kind = await this.kindOf(name);
		if (kind !== 'options' && kind !== 'resourceLocator') {
			throw new Error(`Parameter ${name} is not a dropdown (${kind})`);
		}
		await this.openDropdown(name, kind);
		const items =
			kind === 'options'
				? this.page.locator('.el-popper:visible').getByRole('option')
				: this.page.getByTestId('rlc-item');
		await items.first().waitFor();
		const texts = await items.allInnerTexts();
		await this.closeList(items);
		return texts.map((text) => text.split('\n')[0].trim());
	}

	/** The value shown in a text, dropdown or switch parameter. */
	async parameterValue(name: string): Promise<string> {
		const kind = await this.kindOf(name);
		if (kind === 'switch') {
			return (await this.parameter(name).getByRole('switch').getAttribute('aria-checked')) ?? '';
		}
		if (kind === 'resourceLocator') {
			return await this.root
				.getByTestId(`resource-locator-${name}`)
				.getByTestId('rlc-input')
				.inputValue();
		}
		return await this.parameter(name).locator('input, textarea').first().inputValue();
	}

	/** Runs this node (and what it needs before it). */
	async execute(): Promise<void> {
		await this.root.getByTestId('node-execute-button').click();
	}

	/** The output panel's text as displayed in the chosen mode (`JSON` prints the items as JSON). */
	async outputText(mode: 'Table' | 'JSON' | 'Schema' = 'JSON'): Promise<string> {
		const output = this.page.getByTestId('output-panel');
		const modeButton = output.getByTestId(`radio-button-${mode.toLowerCase()}`);
		if (await modeButton.isVisible()) await modeButton.click();
		const data = output.getByTestId('ndv-data-container');
		await data.waitFor();
		// The container shows up before the run data is rendered into it.
		const deadline = Date.now() + OUTPUT_TIMEOUT_MS;
		let text = await data.innerText();
		while (!text.trim() && Date.now() < deadline) {
			await this.page.waitForTimeout(200);
			text = await data.innerText();
		}
		return text;
	}

	/** The output items as JSON (the output panel in JSON mode). */
	async outputJson(): Promise<unknown> {
		// The JSON view indents with non-breaking spaces, and may be read while it is still rendering: read again.
		const deadline = Date.now() + OUTPUT_TIMEOUT_MS;
		for (;;) {
			const text = (await this.outputText('JSON')).replace(/\u00a0/g, ' ');
			try {
				return JSON.parse(text) as unknown;
			} catch {
				if (Date.now() >= deadline) {
					throw new Error(`The output panel does not show JSON: ${text.slice(0, 500)}`);
				}
				await this.page.waitForTimeout(200);
			}
		}
	}

	/** The files of the output items (the output panel in Binary mode), in item order. */
	async outputBinaries(): Promise<OutputBinary[]> {
		const output = this.page.getByTestId('output-panel');
		await output.getByTestId('radio-button-binary').click();
		const files = output.locator('[data-test-id^="ndv-binary-data_"]');
		await files.first().waitFor({ timeout: OUTPUT_TIMEOUT_MS });
		// Each file reads: field name, then "Label:" / value lines (File Name, File Extension, Mime Type, …).
		return (await files.allInnerTexts()).map((text) => {
			const lines = text
				.split('\n')
				.map((line) => line.trim())
				.filter(Boolean);
			const valueOf = (label: string) => {
				const at = lines.indexOf(`${label}:`);
				return at === -1 ? '' : (lines[at + 1] ?? '');
			};
			return { field: lines[0], fileName: valueOf('File Name'), mimeType: valueOf('Mime Type') };
		});
	}

	/** Text of the error the output panel shows after a failed run. */
	async outputError(): Promise<string> {
		return await this.page
			.getByTestId('output-panel')
			.getByTestId('node-error-message')
			.innerText();
	}

	async close(): Promise<void> {
		await this.root.getByTestId('ndv-close-button').click();
		await this.root.waitFor({ state: 'hidden' });
	}

	private async kindOf(name: string): Promise<'switch' | 'options' | 'resourceLocator' | 'text'> {
		if ((await this.root.getByTestId(`resource-locator-${name}`).count()) > 0)
			return 'resourceLocator';
		const parameter = this.parameter(name);
		await parameter.waitFor();
		if ((await parameter.getByRole('switch').count()) > 0) return 'switch';
		if ((await parameter.locator('.el-select').count()) > 0) return 'options';
		return 'text';
	}

	/** Closes an open dropdown and waits until its fade-out has ended. */
	private async closeList(items: Locator): Promise<void> {
		await this.page.keyboard.press('Escape');
		await items.first().waitFor({ state: 'hidden' });
	}

	private async openCollectionAdd(collection: string): Promise<Locator> {
		await this.root
			.getByTestId('parameter-item')
			.filter({ has: this.page.locator(`label[for="${collection}"]`) })
			.getByTestId('collection-parameter-add')
			// Options added to the collection may be collections with their own "Add" button, above this one.
			.last()
			.click();
		const options = this.page.locator('.el-popper:visible').getByRole('option');
		await options.first().waitFor();
		return options;
	}

	private async openDropdown(name: string, kind: 'options' | 'resourceLocator'): Promise<void> {
		if (kind === 'options') {
			const select = this.parameter(name).locator('.el-select').first();
			// While its options load, the list is disabled and a click opens nothing.
			await select.locator('.is-disabled').first().waitFor({ state: 'detached' });
			await select.click();
			await this.page.locator('.el-popper:visible').getByRole('option').first().waitFor();
		} else {
			await this.root.getByTestId(`resource-locator-${name}`).getByTestId('rlc-input').click();
			await this.page.getByTestId('rlc-item').first().waitFor();
		}
	}
}
