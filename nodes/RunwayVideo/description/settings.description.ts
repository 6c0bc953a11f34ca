import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	runwayModels,
	aspectRatioChoices,
	durationChoices,
	resolutionChoices,
	type RunwayModel,
} from '../../shared/providers/runway/catalogue';
import { perModel } from './visibility';

/** Value of the "Model Default" choice: the field is not sent and the model picks. */
const MODEL_DEFAULT = '';

function modelDefault(label?: string): INodePropertyOptions {
	return {
		name: label ? `Model Default (${label})` : 'Model Default',
		value: MODEL_DEFAULT,
		description: 'Not sent: the model uses its own default',
	};
}

function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

const duration = perModel((model): INodeProperties | undefined => {
	const choices = durationChoices(model);
	if (choices.length === 0 || (model.duration.kind !== 'set' && model.duration.kind !== 'range')) {
		return undefined;
	}
	return {
		displayName: 'Duration',
		name: 'duration',
		type: 'options',
		default: MODEL_DEFAULT,
		options: [
			modelDefault(`${model.duration.default} s`),
			...choices.map((seconds) => ({ name: `${seconds} s`, value: seconds })),
		],
		description: 'Length of the video in seconds',
	};
});

const aspectRatio = perModel((model): INodeProperties | undefined => {
	const choices = aspectRatioChoices(model);
	if (choices.length === 0) return undefined;
	const textToVideo: readonly string[] = aspectRatioChoices(model, 'textToVideo');
	return {
		displayName: 'Aspect Ratio',
		name: 'aspect_ratio',
		type: 'options',
		default: MODEL_DEFAULT,
		options: [
			modelDefault(),
			...choices.map((ratio) => ({
				name: ratio,
				value: ratio,
				...(textToVideo.includes(ratio)
					? {}
					: { description: 'Only with an input image (image to video)' }),
			})),
		],
	};
});

const resolution = perModel((model): INodeProperties | undefined => {
	const choices = resolutionChoices(model);
	if (choices.length === 0 || model.resolution.kind !== 'values') return undefined;
	return {
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		default: MODEL_DEFAULT,
		options: [
			modelDefault(model.resolution.default),
			...choices.map((value) => ({ name: value, value })),
		],
	};
});

const characterOrientation = perModel((model): INodeProperties | undefined => {
	const spec = model.characterOrientation;
	if (!spec) return undefined;
	return {
		displayName: 'Character Orientation',
		name: 'characterOrientation',
		type: 'options',
		default: MODEL_DEFAULT,
		options: [
			modelDefault(capitalised(spec.default)),
			...spec.values.map((value) => ({
				name: capitalised(value),
				value,
				description: `The character faces as in the ${value === 'image' ? 'character image' : 'performance video'}`,
			})),
		],
	};
});

const audio = perModel((model): INodeProperties | undefined => {
	if (model.audio.kind !== 'toggle') return undefined;
	return {
		displayName: 'Audio',
		name: 'audio',
		type: 'options',
		default: MODEL_DEFAULT,
		options: [
			modelDefault(model.audio.default ? 'On' : 'Off'),
			{ name: 'On', value: true },
			{ name: 'Off', value: false },
		],
		description: `Whether the video has sound${model.audio.note ? `. ${capitalised(model.audio.note)}` : ''}`,
	};
});

/**
 * An option (in the Options collection), so that "not set" is the option left out: a number field always holds a
 * number, and 0 is outside the seed's range, not a way to say "let Runway pick".
 */
export const seedOption: INodeProperties = {
	displayName: 'Seed',
	name: 'seed',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 4294967294 },
	default: 1,
	description: 'Seed for repeatable results, 1 to 4294967294. Unset: Runway picks one.',
	displayOptions: {
		show: { '/model': runwayModels.filter((model) => model.seed).map((model) => model.id) },
	},
};

const exploreMode = perModel((model: RunwayModel): INodeProperties | undefined =>
	model.exploreMode
		? {
				displayName: 'Explore Mode',
				name: 'exploreMode',
				type: 'boolean',
				default: false,
				description:
					'Whether to generate without credits (Runway Unlimited plan only). Explore mode jobs are queued at lower priority and take longer.',
			}
		: undefined,
);

export const settingsProperties: INodeProperties[] = [
	...duration,
	...aspectRatio,
	...resolution,
	...characterOrientation,
	...audio,
	...exploreMode,
];
