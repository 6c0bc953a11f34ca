import { modelLabel, refusedFields, type RunwareModel } from '../catalogue';
import { isSet } from '../body';
import { report, type Context } from './checks';

export function checkAcceptedFields(ctx: Context, model: RunwareModel): void {
	for (const field of refusedFields(model)) {
		if (isSet(ctx.request[field])) {
			report(ctx, field, ctx.request[field], `${field} is not accepted by ${modelLabel(model)}`);
		}
	}
}

/** The media a model needs (the prompt and duration every model needs are checked with the API document's rules). */
export function checkRequiredInputs(ctx: Context, model: RunwareModel): void {
	const { request } = ctx;
	for (const group of model.requiredInputs ?? []) {
		if (!group.some((field) => isSet(request[field]))) {
			report(ctx, group[0], undefined, `${modelLabel(model)} requires ${group.join(' or ')}`);
		}
	}
}

export function checkDependencies(ctx: Context, model: RunwareModel): void {
	for (const [field, needed] of model.dependencies ?? []) {
		if (isSet(ctx.request[field]) && !isSet(ctx.request[needed])) {
			report(
				ctx,
				field,
				ctx.request[field],
				`${field} is only accepted together with ${needed} by ${modelLabel(model)}`,
			);
		}
	}
}

export function checkConflicts(ctx: Context, model: RunwareModel): void {
	for (const [first, second] of model.conflicts ?? []) {
		if (isSet(ctx.request[first]) && isSet(ctx.request[second])) {
			report(
				ctx,
				second,
				ctx.request[second],
				`${first} and ${second} cannot be used together with ${modelLabel(model)}`,
			);
		}
	}
}
