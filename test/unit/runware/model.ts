import {
	findRunwareModel,
	type RunwareModel,
} from '../../../nodes/shared/providers/runware/catalogue';

/** A catalogued model by its AIR; a test naming one the catalogue lacks fails here. */
export function model(air: string): RunwareModel {
	const found = findRunwareModel(air);
	if (!found) throw new Error(`${air} is not catalogued`);
	return found;
}
