import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	providerSettingsFields,
	type RunwareProviderKey,
} from '../../shared/providers/runware/catalogue';
import {
	binaryMediaPlaceholder,
	compact,
	isPlainObject,
	runwareMediaFields,
	type RunwareFrameImage,
	type RunwareMediaField,
	type RunwareVideoRequest,
} from '../../shared/providers/runware/request';
import type { MediaSource } from '../description/media.description';
import { MEDIA_ENTRIES } from '../description/media.description';

/** A media value that is a file of the input item, resolved after validation (it may be uploaded). */
export interface BinaryMediaSlot {
	field: RunwareMediaField;
	index: number;
	propertyName: string;
}

export interface ItemRequest {
	request: RunwareVideoRequest;
	binarySlots: BinaryMediaSlot[];
}

interface MediaEntry extends IDataObject {
	source?: MediaSource;
	binaryPropertyName?: string;
	frame?: string;
	frameNumber?: number;
}

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/** Options loaded into a dropdown are numbers; an expression may give their text. */
function numberOrAsIs(value: unknown): unknown {
	return typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value;
}

function invalid(ctx: IExecuteFunctions, itemIndex: number, message: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

function parseJson(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	value: unknown,
): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		throw invalid(ctx, itemIndex, `${path} is not valid JSON: ${(error as Error).message}`);
	}
}

function parseJsonObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	value: unknown,
): Record<string, unknown> | undefined {
	const parsed = parseJson(ctx, itemIndex, path, value);
	if (parsed === undefined) return undefined;
	if (!isPlainObject(parsed)) throw invalid(ctx, itemIndex, `${path} must be a JSON object`);
	return parsed;
}

function framePosition(entry: MediaEntry): RunwareFrameImage['frame'] {
	if (entry.frame === 'first' || entry.frame === 'last') return entry.frame;
	return entry.frame === 'number' ? (numberOrAsIs(entry.frameNumber) as number) : undefined;
}

function readMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: RunwareVideoRequest,
	binarySlots: BinaryMediaSlot[],
): void {
	for (const field of runwareMediaFields) {
		const { entry, kind } = MEDIA_ENTRIES[field];
		const entries = ctx.getNodeParameter(`${field}.${entry}`, itemIndex, []) as MediaEntry[];
		const values = entries.map((item, index) => {
			const binary = item.source === 'binary';
			const value = String((binary ? item.binaryPropertyName : item[kind.valueName]) ?? '').trim();
			if (value === '') {
				const what = binary ? 'input binary field' : kind.noun.toLowerCase();
				throw invalid(ctx, itemIndex, `${field}[${index}]: the ${what} is empty`);
			}
			if (!binary) return value;
			binarySlots.push({ field, index, propertyName: value });
			return binaryMediaPlaceholder(value);
		});
		if (values.length === 0) continue;
		if (field === 'frameImages') {
			request.frameImages = values.map((image, index) => ({
				image,
				frame: framePosition(entries[index]),
			}));
		} else {
			request[field] = values;
		}
	}
}

function readDimensions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): Pick<RunwareVideoRequest, 'width' | 'height'> {
	if (value === undefined || value === '') return {};
	const match = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/i.exec(String(value));
	if (!match) {
		throw invalid(
			ctx,
			itemIndex,
			`dimensions ${JSON.stringify(value)} is not valid: write WIDTHxHEIGHT, e.g. 1280x720`,
		);
	}
	return { width: Number(match[1]), height: Number(match[2]) };
}

function readProviderSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
): RunwareVideoRequest['providerSettings'] {
	const groups = ctx.getNodeParameter('providerSettings', itemIndex, {}) as IDataObject;
	const result: Record<string, Record<string, unknown>> = {};
	for (const [provider, settings] of Object.entries(groups)) {
		if (!isPlainObject(settings)) continue;
		const fields = providerSettingsFields[provider as RunwareProviderKey] ?? [];
		result[provider] = Object.fromEntries(
			Object.entries(settings).map(([name, value]) => {
				const isJson = fields.some((field) => field.name === name && field.type === 'json');
				const path = `providerSettings.${provider}.${name}`;
				return [name, isJson ? parseJson(ctx, itemIndex, path, value) : value];
			}),
		);
	}
	return result;
}

/**
 * Reads item `itemIndex`'s parameters into the API-level request (API field names, nothing unset).
 * Files from binary properties get a placeholder and a slot, to be resolved after validation.
 */
export function readItemRequest(ctx: IExecuteFunctions, itemIndex: number): ItemRequest {
	const model = String(ctx.getNodeParameter('model', itemIndex, '', { extractValue: true })).trim();
	const video = ctx.getNodeParameter('videoOptions', itemIndex, {}) as IDataObject;
	// Options and Advanced are two collections of one namespace: their names never overlap.
	const options = {
		...(ctx.getNodeParameter('options', itemIndex, {}) as IDataObject),
		...(ctx.getNodeParameter('advanced', itemIndex, {}) as IDataObject),
	};
	const lora = ((options.lora as IDataObject | undefined)?.model ?? []) as IDataObject[];
	const request: RunwareVideoRequest = {
		model,
		positivePrompt: ctx.getNodeParameter('positivePrompt', itemIndex, '') as string,
		negativePrompt: options.negativePrompt as string | undefined,
		duration: numberOrAsIs(ctx.getNodeParameter('duration', itemIndex, '')) as number | undefined,
		...readDimensions(ctx, itemIndex, ctx.getNodeParameter('dimensions', itemIndex, '')),
		resolution: video.resolution as string | undefined,
		fps: numberOrAsIs(video.fps) as number | undefined,
		steps: options.steps as number | undefined,
		// 0 is the UI's "random": the seed is not sent and Runware picks one.
		seed: options.seed === 0 ? undefined : (options.seed as number | undefined),
		CFGScale: options.CFGScale as number | undefined,
		numberResults: options.numberResults as number | undefined,
		outputFormat: options.outputFormat as RunwareVideoRequest['outputFormat'],
		outputQuality: options.outputQuality as number | undefined,
		outputType: options.outputType as RunwareVideoRequest['outputType'],
		ttl: options.ttl as number | undefined,
		includeCost: options.includeCost as boolean | undefined,
		acceleration: options.acceleration as RunwareVideoRequest['acceleration'],
		uploadEndpoint: options.uploadEndpoint as string | undefined,
		webhookURL: options.webhookURL as string | undefined,
		speech: ctx.getNodeParameter('speech', itemIndex, {}) as RunwareVideoRequest['speech'],
		safety: options.safety as RunwareVideoRequest['safety'],
		lora: lora.map((entry) => ({
			model: String(entry.model ?? '').trim(),
			weight: entry.weight as number | undefined,
		})),
		advancedFeatures: parseJsonObject(ctx, itemIndex, 'advancedFeatures', options.advancedFeatures),
		acceleratorOptions: parseJsonObject(
			ctx,
			itemIndex,
			'acceleratorOptions',
			options.acceleratorOptions,
		),
		settings: parseJsonObject(ctx, itemIndex, 'settings', options.settings),
		providerSettings: readProviderSettings(ctx, itemIndex),
	};
	const binarySlots: BinaryMediaSlot[] = [];
	readMedia(ctx, itemIndex, request, binarySlots);
	// The model stays even when empty: it is mandatory, and validation names it.
	return { request: { ...compact(request), model }, binarySlots };
}
