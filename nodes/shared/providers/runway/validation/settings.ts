import {
	acceptsField,
	aspectRatioChoices,
	resolutionChoices,
	type RunwayGenerationMode,
} from '../catalogue';
import { isGiven } from '../body';
import { isIntegerIn, issue, show, tooLong, type Rule } from './checks';

/** Limits the API document gives for every model. */
const SEED_RANGE = { min: 1, max: 4294967294 };

const MAX_JOBS_RANGE = { min: 1, max: 10 };

const MAX_REPLY_LENGTH = 1024;

export const durationAllowed: Rule = ({ request: { duration }, model }) => {
	const spec = model.duration;
	if (!isGiven(duration)) return [];
	if (spec.kind === 'set' && !spec.values.includes(duration)) {
		return [
			issue(
				'duration',
				duration,
				`duration ${show(duration)} is not allowed for ${model.id}: allowed values are ` +
					`${spec.values.join(', ')} seconds`,
			),
		];
	}
	if (spec.kind === 'range' && !isIntegerIn(duration, spec)) {
		return [
			issue(
				'duration',
				duration,
				`duration ${show(duration)} is not allowed for ${model.id}: whole seconds from ` +
					`${spec.min} to ${spec.max}`,
			),
		];
	}
	return [];
};

const MODE_LABELS: Record<RunwayGenerationMode, string> = {
	textToVideo: 'text-to-video (no input image)',
	imageToVideo: 'image-to-video',
};

export const aspectRatioAllowed: Rule = ({ request: { aspect_ratio: ratio }, model, mode }) => {
	if (!isGiven(ratio) || !acceptsField(model, 'aspect_ratio')) return [];
	const choices: readonly string[] = aspectRatioChoices(model, mode);
	if (choices.includes(ratio)) return [];
	const modeDiffers =
		aspectRatioChoices(model, 'textToVideo').length !==
		aspectRatioChoices(model, 'imageToVideo').length;
	return [
		issue(
			'aspect_ratio',
			ratio,
			`aspect_ratio ${show(ratio)} is not allowed for ${model.id}` +
				(modeDiffers ? ` in ${MODE_LABELS[mode]}` : '') +
				`: allowed values are ${choices.join(', ')}`,
		),
	];
};

export const resolutionAllowed: Rule = ({ request: { resolution }, model }) => {
	if (!isGiven(resolution) || !acceptsField(model, 'resolution')) return [];
	const choices: readonly string[] = resolutionChoices(model);
	if (choices.includes(resolution)) return [];
	return [
		issue(
			'resolution',
			resolution,
			`resolution ${show(resolution)} is not allowed for ${model.id}: allowed values are ` +
				choices.join(', '),
		),
	];
};

export const characterOrientationAllowed: Rule = ({ request, model }) => {
	const { characterOrientation: orientation } = request;
	const spec = model.characterOrientation;
	if (!isGiven(orientation) || !spec) return [];
	if ((spec.values as readonly string[]).includes(orientation)) return [];
	return [
		issue(
			'characterOrientation',
			orientation,
			`characterOrientation ${show(orientation)} is not allowed: use ${spec.values.join(' or ')}`,
		),
	];
};

export const seedInRange: Rule = ({ request: { seed }, model }) =>
	isGiven(seed) && model.seed && !isIntegerIn(seed, SEED_RANGE)
		? [
				issue(
					'seed',
					seed,
					`seed ${show(seed)} is out of range: a whole number from ${SEED_RANGE.min} to ` +
						`${SEED_RANGE.max}`,
				),
			]
		: [];

export const maxJobsInRange: Rule = ({ request: { maxJobs } }) =>
	isGiven(maxJobs) && !isIntegerIn(maxJobs, MAX_JOBS_RANGE)
		? [
				issue(
					'maxJobs',
					maxJobs,
					`maxJobs ${show(maxJobs)} is out of range: a whole number from ${MAX_JOBS_RANGE.min} ` +
						`to ${MAX_JOBS_RANGE.max}`,
				),
			]
		: [];

export const replyFieldsShortEnough: Rule = ({ request }) =>
	(['replyUrl', 'replyRef'] as const).flatMap((field) => {
		const value = request[field];
		return isGiven(value) && value.length > MAX_REPLY_LENGTH
			? [tooLong(field, value, MAX_REPLY_LENGTH)]
			: [];
	});
