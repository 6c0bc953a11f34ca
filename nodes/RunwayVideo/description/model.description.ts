import type { INodeProperties } from 'n8n-workflow';

import { runwayModels, type RunwayModel } from '../../shared/providers/runway/catalogue';
import { perModel } from './visibility';

const DEFAULT_MODEL = 'gen4.5';

const modelProperty: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'options',
	default: DEFAULT_MODEL,
	options: runwayModels.map((model) => ({
		name: model.name,
		value: model.id,
		description: model.description,
	})),
	description: 'The Runway model. The fields below follow what it accepts.',
};

function referenceHint(model: RunwayModel): string {
	const references = model.promptReferences;
	if (!references) return '';
	const kinds = [
		references.images > 0 ? `images as @IMG_1..@IMG_${references.images}` : '',
		references.videos > 0 ? `videos as @VID_1..@VID_${references.videos}` : '',
	].filter(Boolean);
	return ` Refer to the input ${kinds.join(' and ')}.`;
}

const textPrompt = perModel((model): INodeProperties | undefined => {
	const { requirement, maxLength } = model.prompt;
	if (requirement === 'unsupported') return undefined;
	const required = requirement === 'required';
	return {
		displayName: 'Text Prompt',
		name: 'text_prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		required,
		default: '',
		description:
			`What the video shows${required ? '' : ' (optional)'}, up to ${maxLength} characters.` +
			referenceHint(model),
	};
});

const multishot = perModel((model): INodeProperties | undefined => {
	const spec = model.multishot;
	if (!spec) return undefined;
	const { min, max } = spec.shotSeconds;
	const binding = spec.shotBoundImages
		? ' Writing @IMG_N in a shot prompt binds imageAssetIdN to that shot.'
		: '';
	return {
		displayName: 'Multishot',
		name: 'multishot',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Shot',
		default: {},
		description:
			`Scenes of one video: ${spec.minShots} to ${spec.maxShots} shots of ${min}–${max} s each, at most ` +
			`${spec.maxTotalSeconds} s in total (sent as multishot_prompt_N / multishot_duration_N).${binding}`,
		options: [
			{
				displayName: 'Shot',
				name: 'shots',
				values: [
					{
						displayName: 'Prompt',
						name: 'prompt',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
						description: `What happens in this shot, up to ${spec.maxPromptLength} characters`,
					},
					{
						displayName: 'Duration (Seconds)',
						name: 'duration',
						type: 'number',
						typeOptions: { minValue: min, maxValue: max },
						default: min,
					},
				],
			},
		],
	};
});

export const modelProperties: INodeProperties[] = [modelProperty, ...textPrompt, ...multishot];
