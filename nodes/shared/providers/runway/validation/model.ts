import {
	acceptsField,
	isImageSlot,
	isVideoSlot,
	modelsAccepting,
	refusalReason,
	type RunwayModel,
} from '../catalogue';
import {
	RUNWAY_CREATE_FIELDS,
	isGiven,
	type RunwayCreateField,
	type RunwayCreateRequest,
} from '../body';
import { issue, listOrNone, show, type Rule, type RunwayValidationIssue } from './checks';

function slotsOfModel(model: RunwayModel, field: RunwayCreateField): string {
	if (isImageSlot(field)) return `; its image slots: ${listOrNone(model.images.slots)}`;
	if (isVideoSlot(field)) return `; its video slots: ${listOrNone(model.videos.slots)}`;
	return '';
}

/** A field the model does not take, sent; exploreMode: false is harmless everywhere, the API document refuses only `true`. */
function isRefused(request: RunwayCreateRequest, field: RunwayCreateField) {
	const value = request[field];
	return isGiven(value) && (field !== 'exploreMode' || value === true);
}

/** Per model: the fields it does not take, in body order; built once rather than for every item. */
const refusedFields = new Map<RunwayModel, RunwayCreateField[]>();

function refusedFieldsOf(model: RunwayModel): RunwayCreateField[] {
	let fields = refusedFields.get(model);
	if (!fields) {
		fields = RUNWAY_CREATE_FIELDS.filter((field) => !acceptsField(model, field));
		refusedFields.set(model, fields);
	}
	return fields;
}

export const fieldsAccepted: Rule = ({ request, model }) =>
	refusedFieldsOf(model)
		.filter((field) => isRefused(request, field))
		.map((field) => {
			const reason = refusalReason(model, field);
			return issue(
				field,
				request[field],
				`${field} ${show(request[field])} is not accepted by ${model.id}` +
					(reason ? ` (${reason})` : '') +
					slotsOfModel(model, field) +
					`; models that accept ${field}: ${listOrNone(modelsAccepting(field))}`,
			);
		});

/** The first `min` slots of a model are the required ones (imageAssetId1, videoAssetId). */
function missingRequired<Slot extends string>(
	model: RunwayModel,
	spec: { slots: readonly Slot[]; min: number },
	supplied: readonly Slot[],
	kind: string,
): RunwayValidationIssue[] {
	return spec.slots
		.slice(0, spec.min)
		.filter((slot) => !supplied.includes(slot))
		.map((slot) =>
			issue(slot, undefined, `${slot} (${kind}) is required by ${model.id} but missing`),
		);
}

export const requiredInputs: Rule = ({ model, images, videos }) => [
	...missingRequired(model, model.images, images, 'image'),
	...missingRequired(model, model.videos, videos, 'video'),
];
