import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { defaultOf, formatDimensionPair } from '../../shared/providers/runware/catalogue';
import { MODEL_DEFAULT } from '../description/model.description';
import {
	listNumberChoices,
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

async function optionsOfModel(ctx: ILoadOptionsFunctions): Promise<RunwareModelOptions> {
	const air = ctx.getNodeParameter('model', '', { extractValue: true });
	return await runwareModelOptions(ctx, typeof air === 'string' ? air : '');
}

/** Width:height reduced, e.g. 16:9 for 1920x1080. */
function aspectRatio(width: number, height: number): string {
	const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
	const divisor = gcd(width, height);
	return `${width / divisor}:${height / divisor}`;
}

export async function getDurations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { durations } = await optionsOfModel(this);
	const initial = defaultOf(durations);
	return [
		modelDefault(initial === undefined ? undefined : `${initial} s`),
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

export async function getDimensions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { dimensions } = await optionsOfModel(this);
	return [
		modelDefault(),
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
