import type { INodeProperties } from 'n8n-workflow';

import { runwareModels, type RunwareModel } from '../../shared/providers/runware/catalogue';

/** How the editor names each input a model may require. */
const INPUT_NAMES: Record<string, string> = {
	frameImages: 'a frame image',
	referenceImages: 'a reference image',
	referenceVideos: 'a reference video',
	inputAudios: 'an input audio',
	speech: 'speech',
};

/**
 * What the catalogue says a model cannot run without, beyond the prompt every request carries:
 * its required inputs and a size it always needs. Undefined when it needs nothing more.
 */
export function requirementsText(model: RunwareModel): string | undefined {
	const needs = (model.requiredInputs ?? []).map((group) =>
		group.map((field) => INPUT_NAMES[field]).join(' or '),
	);
	if (model.dimensions && model.dimensions.required === 'always') needs.push('Dimensions');
	return needs.length > 0 ? `${model.name} requires ${needs.join(' and ')}` : undefined;
}

/**
 * One notice per catalogued model with requirements, shown only while that model is chosen: hidden
 * for any other value, an expression included (a `show` rule would let an expression show them all).
 */
export const requirementsNotices: INodeProperties[] = runwareModels.flatMap((model) => {
	const text = requirementsText(model);
	if (text === undefined) return [];
	return [
		{
			displayName: text,
			name: `requirementsNotice_${model.air.replace(/[^A-Za-z0-9]/g, '_')}`,
			type: 'notice',
			default: '',
			displayOptions: { hide: { '/model': [{ _cnd: { not: model.air } }] } },
		},
	];
});
