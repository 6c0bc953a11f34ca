import type { Locator, Page } from 'playwright-core';

/** The node panel ("What happens next?"): search and pick nodes. */
export class NodeCreator {
	readonly root: Locator;

	constructor(private readonly page: Page) {
		this.root = page.getByTestId('node-creator');
	}

	/** Opens the panel from the canvas' add button (or the "+" of an empty canvas). */
	async open(): Promise<void> {
		if (await this.root.isVisible()) return;
		const emptyCanvasButton = this.page.getByTestId('canvas-add-button');
		const plusButton = this.page.getByTestId('node-creator-plus-button');
		await ((await emptyCanvasButton.isVisible()) ? emptyCanvasButton : plusButton).click();
		await this.root.waitFor();
	}

	async search(text: string): Promise<void> {
		await this.page.getByTestId('node-creator-search-bar').fill(text);
	}

	/**
	 * Names of the nodes the panel lists for a search text. The list updates a moment after typing, so this waits
	 * (up to 5 s) for an entry that contains the search text before reading it.
	 */
	async nodeNames(search: string): Promise<string[]> {
		await this.open();
		await this.search(search);
		const names = this.root.getByTestId('node-creator-item-name');
		await names
			.filter({ hasText: search })
			.first()
			.waitFor({ timeout: 5000 })
			.catch(() => undefined);
		return (await names.allInnerTexts()).map((name) => name.trim());
	}

	/**
	 * Adds a node by display name and waits for its details view. A community node first shows its details panel
	 * ("Add to workflow"); a node with operations lists its actions: `action` picks one by name, else the first.
	 */
	async addNode(displayName: string, action?: string): Promise<void> {
		await this.open();
		await this.search(displayName);
		await this.itemNamed(displayName).click();
		const ndv = this.page.getByTestId('ndv');
		const addToWorkflow = this.page.getByRole('button', { name: 'Add to workflow' });
		const actions = this.root
			.locator('[data-category-collapsed]')
			.filter({ has: this.page.locator('[data-keyboard-nav-id="Actions"]') })
			.getByTestId('item-iterator-item');
		for (let step = 0; step < 3; step++) {
			await ndv.or(addToWorkflow).or(actions.first()).first().waitFor();
			if (await ndv.isVisible()) return;
			if (await addToWorkflow.isVisible()) {
				await addToWorkflow.click();
			} else {
				await (
					action ? actions.filter({ has: this.exactName(action) }).first() : actions.first()
				).click();
			}
		}
		await ndv.waitFor();
	}

	private itemNamed(name: string): Locator {
		return this.root
			.getByTestId('item-iterator-item')
			.filter({ has: this.exactName(name) })
			.first();
	}

	private exactName(name: string): Locator {
		return this.page.getByTestId('node-creator-item-name').getByText(name, { exact: true });
	}
}
