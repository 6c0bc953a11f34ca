import { RUNWAY_IMAGE_SLOTS, RUNWAY_VIDEO_SLOTS, type RunwayModel } from '../catalogue';
import {
	isGiven,
	multishotDurationField,
	multishotPromptField,
	type RunwayCreateRequest,
	type RunwayShot,
} from '../body';
import { isIntegerIn, issue, show, tooLong, type Rule, type RunwayValidationIssue } from './checks';

export const promptRules: Rule = ({ request: { text_prompt: prompt }, model }) => {
	const { requirement, maxLength } = model.prompt;
	if (requirement === 'required' && !isGiven(prompt)) {
		return [issue('text_prompt', prompt, `text_prompt is required by ${model.id} (missing)`)];
	}
	if (isGiven(prompt) && maxLength !== undefined && prompt.length > maxLength) {
		return [tooLong('text_prompt', prompt, maxLength)];
	}
	return [];
};

type MultishotSpec = NonNullable<RunwayModel['multishot']>;

function halfShotIssue(field: string, value: unknown, setField: string): RunwayValidationIssue {
	return issue(field, value, `${field} is missing: every shot needs both (${setField} is set)`);
}

function shotIssues(
	shot: RunwayShot,
	number: number,
	spec: MultishotSpec,
): RunwayValidationIssue[] {
	const promptField = multishotPromptField(number);
	const durationField = multishotDurationField(number);
	const { prompt, duration } = shot;
	if (!isGiven(prompt) && !isGiven(duration)) {
		const message =
			`shot ${number} (${promptField}, ${durationField}) is empty: shots are numbered ` +
			'contiguously from 1 and each needs a prompt and a duration';
		return [issue(promptField, undefined, message)];
	}
	const issues: RunwayValidationIssue[] = [];
	if (!isGiven(prompt)) {
		issues.push(halfShotIssue(promptField, prompt, durationField));
	} else if (prompt.length > spec.maxPromptLength) {
		issues.push(tooLong(promptField, prompt, spec.maxPromptLength));
	}
	if (!isGiven(duration)) {
		issues.push(halfShotIssue(durationField, duration, promptField));
	} else if (!isIntegerIn(duration, spec.shotSeconds)) {
		issues.push(
			issue(
				durationField,
				duration,
				`${durationField} ${show(duration)} is not allowed: whole seconds from ` +
					`${spec.shotSeconds.min} to ${spec.shotSeconds.max} per shot`,
			),
		);
	}
	return issues;
}

export const multishotRules: Rule = ({ request: { shots }, model }) => {
	const spec = model.multishot;
	if (!spec || !isGiven(shots)) return [];
	const issues = shots.flatMap((shot, index) => shotIssues(shot, index + 1, spec));
	if (shots.length < spec.minShots || shots.length > spec.maxShots) {
		issues.unshift(
			issue(
				'shots',
				shots.length,
				`${shots.length} multishot shots are not allowed for ${model.id}: ` +
					`${spec.minShots} to ${spec.maxShots} shots`,
			),
		);
	}
	const total = shots.reduce((sum, shot) => sum + (shot.duration ?? 0), 0);
	if (total > spec.maxTotalSeconds) {
		issues.push(
			issue(
				'shots',
				total,
				`multishot total duration ${total} s exceeds ${spec.maxTotalSeconds} s ` +
					'(sum of multishot_duration_N)',
			),
		);
	}
	return issues;
};

const REFERENCE_PATTERN = /@(IMG|VID)_(\d+)/g;

function promptTexts(request: RunwayCreateRequest): Array<[field: string, text: string]> {
	const texts: Array<[string, string | undefined]> = [
		['text_prompt', request.text_prompt],
		...(request.shots ?? []).map((shot, index): [string, string | undefined] => [
			multishotPromptField(index + 1),
			shot.prompt,
		]),
	];
	return texts.filter((entry): entry is [string, string] => isGiven(entry[1]));
}

/** `@IMG_N` points at imageAssetIdN, `@VID_N` at the N-th video slot; both must be supplied. */
export const promptReferencesSupplied: Rule = ({ request, model, images, videos }) => {
	const limits = model.promptReferences;
	if (!limits) return [];
	const kinds = {
		IMG: { max: limits.images, slots: RUNWAY_IMAGE_SLOTS, supplied: images as readonly string[] },
		VID: { max: limits.videos, slots: RUNWAY_VIDEO_SLOTS, supplied: videos as readonly string[] },
	};
	return promptTexts(request).flatMap(([field, text]) => {
		const references = new Map<string, { kind: 'IMG' | 'VID'; number: number }>();
		for (const match of text.matchAll(REFERENCE_PATTERN)) {
			references.set(match[0], { kind: match[1] as 'IMG' | 'VID', number: Number(match[2]) });
		}
		return Array.from(references).flatMap(([token, { kind, number }]) => {
			const { max, slots, supplied } = kinds[kind];
			if (number < 1 || number > max) {
				const rule =
					max > 0
						? `${model.id} prompts may use @${kind}_1..@${kind}_${max}`
						: `${model.id} prompts take no @${kind}_N references`;
				return [issue(field, token, `${field} references ${token}: ${rule}`)];
			}
			const slot = slots[number - 1];
			return supplied.includes(slot)
				? []
				: [issue(field, token, `${field} references ${token} but ${slot} is not supplied`)];
		});
	});
};
