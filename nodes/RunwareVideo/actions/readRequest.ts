import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldName, TypedParameters } from '../../shared/parameters';
import {
	providerSettingsFields,
	type ProviderSettingField,
	type RunwareProviderKey,
} from '../../shared/providers/runware/catalogue';
import {
	binaryMediaPlaceholder,
	compact,
	isPlainObject,
	runwareMediaFields,
	runwareMediaPath,
	type RunwareAcceleration,
	type RunwareFrameImage,
	type RunwareMediaField,
	type RunwareOutputFormat,
	type RunwareSafetyMode,
	type RunwareVideoRequest,
} from '../../shared/providers/runware/body';
import type { MediaSource } from '../description/media.description';
import { MEDIA_ENTRIES } from '../description/media.description';
import { itemParameters, type ItemParameters } from '../../shared/parameters';

/** A media value that is a file of the input item, resolved after validation (it may be uploaded). */
export interface BinaryMediaSlot {
	field: RunwareMediaField;
	index: number;
	propertyName: string;
}

export interface RunwareItemRequest {
	request: RunwareVideoRequest;
	binarySlots: BinaryMediaSlot[];
}

interface MediaEntry extends IDataObject {
	source?: MediaSource;
	binaryPropertyName?: string;
	frame?: string;
	frameNumber?: number;
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

/** Where each media field's entries are, in the node's parameters. */
const MEDIA_PARAMETERS = runwareMediaFields.map((field) => ({
	field,
	path: `${field}.${MEDIA_ENTRIES[field].entry}`,
	kind: MEDIA_ENTRIES[field].kind,
}));

const FRAME_CHOICES = ['auto', 'first', 'last', 'number'] as const;
const MEDIA_SOURCES: readonly MediaSource[] = ['text', 'binary'];

function framePosition(
	read: TypedParameters,
	path: string,
	entry: MediaEntry,
): RunwareFrameImage['frame'] {
	const frame = read.oneOf(fieldName('Frame', `${path}.frame`), entry.frame, FRAME_CHOICES);
	if (frame === 'first' || frame === 'last') return frame;
	if (frame !== 'number') return undefined;
	return read.number(fieldName('Frame Number', `${path}.frame`), entry.frameNumber, {
		integer: true,
		min: 0,
	});
}

function readMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	param: ItemParameters,
	read: TypedParameters,
	request: RunwareVideoRequest,
	binarySlots: BinaryMediaSlot[],
): void {
	for (const { field, path: entriesPath, kind } of MEDIA_PARAMETERS) {
		const entries = param(entriesPath, []) as MediaEntry[];
		const values = entries.map((item, index) => {
			const path = `${field}[${index}]`;
			const binary =
				read.oneOf(fieldName('Source', `${path}.source`), item.source, MEDIA_SOURCES) === 'binary';
			const given = binary
				? read.text(fieldName('Input Binary Field', path), item.binaryPropertyName)
				: read.text(fieldName(kind.noun, runwareMediaPath(field, index)), item[kind.valueName]);
			const value = (given ?? '').trim();
			if (value === '') {
				const what = binary ? 'input binary field' : kind.noun.toLowerCase();
				throw invalid(ctx, itemIndex, `${path}: the ${what} is empty`);
			}
			if (!binary) return value;
			binarySlots.push({ field, index, propertyName: value });
			return binaryMediaPlaceholder(value);
		});
		if (values.length === 0) continue;
		if (field === 'frameImages') {
			request.frameImages = values.map((image, index) => ({
				image,
				frame: framePosition(read, `frameImages[${index}]`, entries[index]),
			}));
		} else {
			request[field] = values;
		}
	}
}

function readDimensions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	read: TypedParameters,
	value: unknown,
): Pick<RunwareVideoRequest, 'width' | 'height'> {
	const text = read.text(fieldName('Dimensions', 'width x height'), value);
	if (text === undefined || text === '') return {};
	const match = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/i.exec(text);
	if (!match) {
		throw invalid(
			ctx,
			itemIndex,
			`dimensions ${JSON.stringify(value)} is not valid: write WIDTHxHEIGHT, e.g. 1280x720`,
		);
	}
	return { width: Number(match[1]), height: Number(match[2]) };
}

/** A provider setting read by its described type; undescribed ones are passed on for the validation to name. */
function readSetting(
	ctx: IExecuteFunctions,
	itemIndex: number,
	read: TypedParameters,
	path: string,
	field: ProviderSettingField | undefined,
	value: unknown,
): unknown {
	const label = fieldName(field?.label ?? path, path);
	switch (field?.type) {
		case 'number':
			return read.number(label, value);
		case 'boolean':
			return read.boolean(label, value);
		case 'string':
		case 'options':
			return read.text(label, value);
		case 'json':
			return parseJson(ctx, itemIndex, path, value);
		default:
			return value;
	}
}

function readProviderSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	param: ItemParameters,
	read: TypedParameters,
): RunwareVideoRequest['providerSettings'] {
	const groups = param('providerSettings', {}) as IDataObject;
	const result: Record<string, Record<string, unknown>> = {};
	for (const [provider, settings] of Object.entries(groups)) {
		if (!isPlainObject(settings)) continue;
		const fields = providerSettingsFields[provider as RunwareProviderKey] ?? [];
		result[provider] = Object.fromEntries(
			Object.entries(settings).map(([name, value]) => {
				const field = fields.find((candidate) => candidate.name === name);
				const path = `providerSettings.${provider}.${name}`;
				return [name, readSetting(ctx, itemIndex, read, path, field, value)];
			}),
		);
	}
	return result;
}

// Most fields are unset (undefined) in most items: those are not read, so that their label is never built.
const text = (read: TypedParameters, name: string, field: string, value: unknown) =>
	value === undefined ? undefined : read.text(fieldName(name, field), value);

const number = (read: TypedParameters, name: string, field: string, value: unknown) =>
	value === undefined ? undefined : read.number(fieldName(name, field), value);

/**
 * Reads item `itemIndex`'s parameters into the API-level request (API field names, nothing unset).
 * Files from binary properties get a placeholder and a slot, to be resolved after validation.
 */
export function readRunwareRequest(ctx: IExecuteFunctions, itemIndex: number): RunwareItemRequest {
	const read = new TypedParameters(ctx, itemIndex);
	const param = itemParameters(ctx, itemIndex);
	const model = param('model', '', { extractValue: true });
	const video = param('videoOptions', {}) as IDataObject;
	// Options and Advanced are two collections of one namespace: their names never overlap.
	const options = {
		...(param('options', {}) as IDataObject),
		...(param('advanced', {}) as IDataObject),
	};
	const speech = param('speech', {}) as IDataObject;
	const safety = (options.safety ?? {}) as IDataObject;
	const lora = ((options.lora as IDataObject | undefined)?.model ?? []) as IDataObject[];
	// Read in this order so that the first problem reported stays the same; not spread into the request below,
	// as V8 builds an object literal holding a spread on a slow path.
	const air = (text(read, 'Model', 'model', model) ?? '').trim();
	const positivePrompt = text(read, 'Prompt', 'positivePrompt', param('positivePrompt', ''));
	const negativePrompt = text(read, 'Negative Prompt', 'negativePrompt', options.negativePrompt);
	const duration = number(read, 'Duration', 'duration', param('duration', ''));
	const size = readDimensions(ctx, itemIndex, read, param('dimensions', ''));
	const request: RunwareVideoRequest = {
		model: air,
		positivePrompt,
		negativePrompt,
		duration,
		width: size.width,
		height: size.height,
		resolution: text(read, 'Resolution', 'resolution', video.resolution),
		fps: number(read, 'Frame Rate', 'fps', video.fps),
		steps: number(read, 'Quality Steps', 'steps', options.steps),
		// 0 is the UI's "random": the seed is not sent and Runware picks one.
		seed: options.seed === 0 ? undefined : number(read, 'Seed', 'seed', options.seed),
		CFGScale: number(read, 'Prompt Strength', 'CFGScale', options.CFGScale),
		numberResults: number(read, 'Number of Results', 'numberResults', options.numberResults),
		outputFormat: text(
			read,
			'Output Format',
			'outputFormat',
			options.outputFormat,
		) as RunwareOutputFormat,
		outputQuality: number(read, 'Compression Quality', 'outputQuality', options.outputQuality),
		outputType: text(
			read,
			'Delivery',
			'outputType',
			options.outputType,
		) as RunwareVideoRequest['outputType'],
		ttl: number(read, 'Keep Video URL For', 'ttl', options.ttl),
		includeCost: read.boolean(fieldName('Include Cost', 'includeCost'), options.includeCost),
		acceleration: text(
			read,
			'Speed Preset',
			'acceleration',
			options.acceleration,
		) as RunwareAcceleration,
		uploadEndpoint: text(read, 'Also Upload Video To', 'uploadEndpoint', options.uploadEndpoint),
		webhookURL: text(read, 'Notify URL When Done', 'webhookURL', options.webhookURL),
		speech: {
			voice: text(read, 'Voice', 'speech.voice', speech.voice),
			text: text(read, 'Text', 'speech.text', speech.text),
		},
		safety: {
			checkContent: read.boolean(
				fieldName('Check Content', 'safety.checkContent'),
				safety.checkContent,
			),
			mode: text(read, 'Mode', 'safety.mode', safety.mode) as RunwareSafetyMode,
		},
		lora: lora.map((entry, index) => ({
			model: (text(read, 'LoRA Model', `lora[${index}].model`, entry.model) ?? '').trim(),
			weight: number(read, 'Weight', `lora[${index}].weight`, entry.weight),
		})),
		advancedFeatures: parseJsonObject(ctx, itemIndex, 'advancedFeatures', options.advancedFeatures),
		acceleratorOptions: parseJsonObject(
			ctx,
			itemIndex,
			'acceleratorOptions',
			options.acceleratorOptions,
		),
		settings: parseJsonObject(ctx, itemIndex, 'settings', options.settings),
		providerSettings: readProviderSettings(ctx, itemIndex, param, read),
	};
	const binarySlots: BinaryMediaSlot[] = [];
	readMedia(ctx, itemIndex, param, read, request, binarySlots);
	// The model stays even when blank, for the validation to name it.
	const compacted = compact(request);
	compacted.model = request.model;
	return { request: compacted, binarySlots };
}
