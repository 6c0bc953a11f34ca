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
	/** Models whose entry names no Runware model page. */
	withoutPage: readonly RunwareModel[];
	/** Models with no stated fact at all. */
	bare: readonly RunwareModel[];
}

export function catalogueCoverage(models: readonly RunwareModel[]): CatalogueCoverage {
	const stated = models.reduce((sum, model) => sum + statedFacts(model), 0);
	return {
		models: models.length,
		cells: models.length * catalogueFacts.length,
		stated,
		withoutPage: models.filter((model) => !model.page),
		bare: models.filter((model) => statedFacts(model) === 0),
	};
}

function report(coverage: CatalogueCoverage): string {
	const share = ((100 * coverage.stated) / coverage.cells).toFixed(1);
	const airs = (models: readonly RunwareModel[]) =>
		models.length === 0
			? '  (none)'
			: models.map((model) => `  ${model.air}  ${model.name}`).join('\n');
	return [
		`Runware video models catalogued: ${coverage.models}`,
		`Facts per model: ${catalogueFacts.length} (${catalogueFacts.join(', ')})`,
		`Model x fact cells stated: ${coverage.stated} of ${coverage.cells} (${share} %)`,
		`Models with no fact stated: ${coverage.bare.length}`,
		`Models whose Runware model page was not found (${coverage.withoutPage.length}):`,
		airs(coverage.withoutPage),
	].join('\n');
}

if (require.main === module) {
	console.log(report(catalogueCoverage(runwareModels)));
}
