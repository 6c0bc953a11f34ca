/* eslint-disable no-console -- a command-line report */
import { runwareModels } from '../../nodes/shared/providers/runware/catalogue';
import type { RunwareModel } from '../../nodes/shared/providers/runware/catalogue';
import { catalogueFacts } from './facts';

/** A fact is stated when the entry gives a value or says the model does not take the field. */
export function statedFacts(model: RunwareModel): number {
	return catalogueFacts.filter((fact) => model[fact] !== undefined).length;
}

export interface CatalogueCoverage {
	models: number;
	cells: number;
	stated: number;
	/** Cells, and stated cells, of the models whose entry names the Runware page it was checked against. */
	withPage: { cells: number; stated: number };
	/** Models whose entry names no Runware model page. */
	withoutPage: readonly RunwareModel[];
	/** Models with no stated fact at all. */
	bare: readonly RunwareModel[];
}

export function catalogueCoverage(models: readonly RunwareModel[]): CatalogueCoverage {
	const count = (list: readonly RunwareModel[]) =>
		list.reduce((sum, model) => sum + statedFacts(model), 0);
	const paged = models.filter((model) => model.page);
	return {
		models: models.length,
		cells: models.length * catalogueFacts.length,
		stated: count(models),
		withPage: { cells: paged.length * catalogueFacts.length, stated: count(paged) },
		withoutPage: models.filter((model) => !model.page),
		bare: models.filter((model) => statedFacts(model) === 0),
	};
}

function report(coverage: CatalogueCoverage): string {
	const percent = (part: number, whole: number) => ((100 * part) / whole).toFixed(1);
	const share = percent(coverage.stated, coverage.cells);
	const paged = coverage.withPage;
	const airs = (models: readonly RunwareModel[]) =>
		models.length === 0
			? '  (none)'
			: models.map((model) => `  ${model.air}  ${model.name}`).join('\n');
	return [
		`Runware video models catalogued: ${coverage.models}`,
		`Facts per model: ${catalogueFacts.length} (${catalogueFacts.join(', ')})`,
		`Model x fact cells stated: ${coverage.stated} of ${coverage.cells} (${share} %)`,
		`  of models checked against a Runware page (${paged.cells / catalogueFacts.length}): ` +
			`${paged.stated} of ${paged.cells} (${percent(paged.stated, paged.cells)} %)`,
		`Models with no fact stated: ${coverage.bare.length}`,
		`Models whose Runware model page was not found (${coverage.withoutPage.length}):`,
		airs(coverage.withoutPage),
	].join('\n');
}

if (require.main === module) {
	console.log(report(catalogueCoverage(runwareModels)));
}
