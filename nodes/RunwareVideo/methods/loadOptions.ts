import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { formatDimensionPair } from '../../shared/providers/runware/catalogue';
import {
	listNumberChoices,
	resolveRunwareModel,
	runwareModelOptions,
	type RunwareModelOptions,
} from '../../shared/providers/runware/modelOptions';

/** The chosen model's options, from the same resolved facts that validation checks against. */
async function optionsOfModel(ctx: ILoadOptionsFunctions): Promise<RunwareModelOptions> {
	const air = ctx.getNodeParameter('model', '', { extractValue: true });
	return runwareModelOptions(await resolveRunwareModel(ctx, typeof air === 'string' ? air : ''));
}

/** Width:height reduced, e.g. 16:9 for 1920x1080. */
function aspectRatio(width: number, height: number): string {
	const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
	const divisor = gcd(width, height);
	return `${width / divisor}:${height / divisor}`;
}

export async function getDurations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { durations } = await optionsOfModel(this);
	return (durations ? listNumberChoices(durations) : []).map((value) => ({
		name: `${value} s`,
		value,
	}));
}

export async function getFrameRates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { fps } = await optionsOfModel(this);
	return (fps ? listNumberChoices(fps) : []).map((value) => ({ name: `${value} fps`, value }));
}

export async function getDimensions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { dimensions } = await optionsOfModel(this);
	return (dimensions ?? []).map((pair) => ({
		name: `${formatDimensionPair(pair)} (${aspectRatio(pair.width, pair.height)})`,
		value: formatDimensionPair(pair),
	}));
}

export async function getResolutions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { resolutions } = await optionsOfModel(this);
	return (resolutions ?? []).map((value) => ({ name: value, value }));
}

export async function getVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { voices } = await optionsOfModel(this);
	return (voices ?? []).map((value) => ({ name: value, value }));
}
