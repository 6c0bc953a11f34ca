import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { defaultOf, formatDimensionPair } from '../../shared/providers/runware/catalogue';
import { MODEL_DEFAULT } from '../description/model.description';
import {
	durationWhenUnset,
	listNumberChoices,
	resolveRunwareModel,
	runwareModelOptions,
	type RunwareModelOptions,
} from '../../shared/providers/runware/modelOptions';

/** The first entry of every list: not sending the field, named after the model's default when it is known. */
function modelDefault(label?: string): INodePropertyOptions {
	return {
		name: label === undefined ? 'Model Default' : `Model Default (${label})`,
		value: MODEL_DEFAULT,
		description: 'Not sent: the model uses its own default',
	};
}

async function modelOf(ctx: ILoadOptionsFunctions) {
	const air = ctx.getNodeParameter('model', '', { extractValue: true });
	return await resolveRunwareModel(ctx, typeof air === 'string' ? air : '');
}

async function optionsOfModel(ctx: ILoadOptionsFunctions): Promise<RunwareModelOptions> {
	return runwareModelOptions(await modelOf(ctx));
}

/** Width:height reduced, e.g. 16:9 for 1920x1080. */
function aspectRatio(width: number, height: number): string {
	const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
	const divisor = gcd(width, height);
	return `${width / divisor}:${height / divisor}`;
}

/**
 * The first entry sends the model's default length (or its shortest when the default is not documented);
 * it is left out where the model needs a length and nobody describes its lengths.
 */
export async function getDurations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const model = await modelOf(this);
	const { durations } = runwareModelOptions(model);
	const unset = durationWhenUnset(model);
	const first: INodePropertyOptions[] =
		unset !== undefined
			? [
					{
						name:
							defaultOf(model?.durations || undefined) === unset
								? `Model Default (${unset} s)`
								: `Shortest (${unset} s)`,
						value: MODEL_DEFAULT,
						description: `Sends ${unset} s`,
					},
				]
			: model?.seedExemptions?.duration
				? [modelDefault()]
				: [];
	return [
		...first,
		...(durations ? listNumberChoices(durations) : []).map((value) => ({
			name: `${value} s`,
			value,
		})),
	];
}

export async function getFrameRates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { fps } = await optionsOfModel(this);
	const initial = defaultOf(fps);
	return [
		modelDefault(initial === undefined ? undefined : `${initial} fps`),
		...(fps ? listNumberChoices(fps) : []).map((value) => ({ name: `${value} fps`, value })),
	];
}

/** No first entry where the model always needs a size; where it needs one only without a frame image, it says so. */
export async function getDimensions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const model = await modelOf(this);
	const { dimensions } = runwareModelOptions(model);
	const required = model?.dimensions ? model.dimensions.required : undefined;
	const first =
		required === 'always'
			? []
			: [modelDefault(required === 'withoutFrameImages' ? 'from the frame image' : undefined)];
	return [
		...first,
		...(dimensions ?? []).map((pair) => ({
			name: `${formatDimensionPair(pair)} (${aspectRatio(pair.width, pair.height)})`,
			value: formatDimensionPair(pair),
		})),
	];
}

export async function getResolutions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { resolutions } = await optionsOfModel(this);
	return [modelDefault(), ...(resolutions ?? []).map((value) => ({ name: value, value }))];
}

export async function getVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { voices } = await optionsOfModel(this);
	return (voices ?? []).map((value) => ({ name: value, value }));
}
