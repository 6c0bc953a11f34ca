import {
	acceptsField,
	aspectRatioChoices,
	findRunwayModel,
	isImageSlot,
	isVideoSlot,
	modelsAccepting,
	refusalReason,
	resolutionChoices,
	runwayModels,
	RUNWAY_ASSET_FIELDS,
	RUNWAY_IMAGE_SLOTS,
	RUNWAY_KEYFRAME_FIELDS,
	RUNWAY_VIDEO_SLOTS,
	type RunwayGenerationMode,
	type RunwayImageSlot,
	type RunwayModel,
	type RunwayVideoSlot,
} from './catalogue';
import { useApiIdForm, useApiIdKind } from './ids';
import {
	RUNWAY_CREATE_FIELDS,
	isGiven,
	multishotDurationField,
	multishotPromptField,
	type RunwayCreateField,
	type RunwayCreateRequest,
	type RunwayShot,
} from './videosCreate';

export interface RunwayValidationIssue {
	/** Request field (API name; multishot_prompt_N / multishot_duration_N for shots). */
	field: string;
	value: unknown;
	message: string;
}

/** Limits the API document gives for every model. */
const SEED_RANGE = { min: 1, max: 4294967294 };
const MAX_JOBS_RANGE = { min: 1, max: 10 };
const MAX_REPLY_LENGTH = 1024;

/** What the caller takes besides asset IDs (Runway Video: files from binary fields, uploaded before the create). */
export interface RunwayFileInputs {
	/** Asset fields that name a file to upload: their values are not asset IDs (yet). */
	files: ReadonlySet<string>;
	/** The binary fields of the input item, which a message lists when an asset field names neither. */
	binaryFields: readonly string[];
}

interface RuleContext {
	request: RunwayCreateRequest;
	fileInputs?: RunwayFileInputs;
	model: RunwayModel;
	/** Image and video slots the request fills, in slot order. */
	images: RunwayImageSlot[];
	videos: RunwayVideoSlot[];
	mode: RunwayGenerationMode;
}

type Rule = (context: RuleContext) => RunwayValidationIssue[];

function show(value: unknown): string {
	if (Array.isArray(value)) return `(${value.length} shots)`;
	if (typeof value !== 'string') return String(value);
	// Long enough for a whole asset ID (`user:<n>-runwayml:<email>-asset:<uuid>`), short for a prompt.
	const quoted = JSON.stringify(value);
	return quoted.length > 120 ? `${quoted.slice(0, 116)}…"` : quoted;
}

function issue(field: string, value: unknown, message: string): RunwayValidationIssue {
	return { field, value, message };
}

function isIntegerIn(value: unknown, range: { min: number; max: number }): boolean {
	return (
		Number.isInteger(value) && (value as number) >= range.min && (value as number) <= range.max
	);
}

function listOrNone(values: readonly unknown[]): string {
	return values.length > 0 ? values.join(', ') : 'none';
}

function slotsOfModel(model: RunwayModel, field: RunwayCreateField): string {
	if (isImageSlot(field)) return `; its image slots: ${listOrNone(model.images.slots)}`;
	if (isVideoSlot(field)) return `; its video slots: ${listOrNone(model.videos.slots)}`;
	return '';
}

/** A field the model does not take, sent; exploreMode: false is harmless everywhere, the API document refuses only `true`. */
function isRefused(request: RunwayCreateRequest, field: RunwayCreateField) {
	const value = request[field];
	return isGiven(value) && (field !== 'exploreMode' || value === true);
}

/** Per model: the fields it does not take, in body order; built once rather than for every item. */
const refusedFields = new Map<RunwayModel, RunwayCreateField[]>();

function refusedFieldsOf(model: RunwayModel): RunwayCreateField[] {
	let fields = refusedFields.get(model);
	if (!fields) {
		fields = RUNWAY_CREATE_FIELDS.filter((field) => !acceptsField(model, field));
		refusedFields.set(model, fields);
	}
	return fields;
}

const fieldsAccepted: Rule = ({ request, model }) =>
	refusedFieldsOf(model)
		.filter((field) => isRefused(request, field))
		.map((field) => {
			const reason = refusalReason(model, field);
			return issue(
				field,
				request[field],
				`${field} ${show(request[field])} is not accepted by ${model.id}` +
					(reason ? ` (${reason})` : '') +
					slotsOfModel(model, field) +
					`; models that accept ${field}: ${listOrNone(modelsAccepting(field))}`,
			);
		});

/** Asset fields take only IDs that useapi.net gave for an uploaded asset (a file name or a task ID is refused). */
const assetIdsWellFormed: Rule = ({ request, fileInputs }) =>
	RUNWAY_ASSET_FIELDS.filter((field) => isGiven(request[field])).flatMap((field) => {
		const id = request[field] as string;
		const kind = useApiIdKind(id);
		if (kind === 'asset' || fileInputs?.files.has(field)) return [];
		const problem =
			kind === 'task' ? 'is a task ID, not an asset ID' : 'is not a useapi.net Runway asset ID';
		const binary = fileInputs
			? `, or the name of a binary field of the input item (its binary fields: ${listOrNone(fileInputs.binaryFields)})`
			: '';
		return [
			issue(
				field,
				id,
				`${field} ${show(id)} ${problem}: expected ${useApiIdForm('asset')}, as the Upload Asset ` +
					`node outputs it${binary}`,
			),
		];
	});

const durationAllowed: Rule = ({ request: { duration }, model }) => {
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

const aspectRatioAllowed: Rule = ({ request: { aspect_ratio: ratio }, model, mode }) => {
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

const resolutionAllowed: Rule = ({ request: { resolution }, model }) => {
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

const characterOrientationAllowed: Rule = ({ request, model }) => {
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

const seedInRange: Rule = ({ request: { seed }, model }) =>
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

const maxJobsInRange: Rule = ({ request: { maxJobs } }) =>
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

function tooLong(field: string, value: string, maxLength: number): RunwayValidationIssue {
	return issue(
		field,
		value,
		`${field} ${show(value)} is ${value.length} characters long; the limit is ${maxLength}`,
	);
}

const replyFieldsShortEnough: Rule = ({ request }) =>
	(['replyUrl', 'replyRef'] as const).flatMap((field) => {
		const value = request[field];
		return isGiven(value) && value.length > MAX_REPLY_LENGTH
			? [tooLong(field, value, MAX_REPLY_LENGTH)]
			: [];
	});

const promptRules: Rule = ({ request: { text_prompt: prompt }, model }) => {
	const { requirement, maxLength } = model.prompt;
	if (requirement === 'required' && !isGiven(prompt)) {
		return [issue('text_prompt', prompt, `text_prompt is required by ${model.id} (missing)`)];
	}
	if (isGiven(prompt) && maxLength !== undefined && prompt.length > maxLength) {
		return [tooLong('text_prompt', prompt, maxLength)];
	}
	return [];
};

/** The first `min` slots of a model are the required ones (imageAssetId1, videoAssetId). */
function missingRequired<Slot extends string>(
	model: RunwayModel,
	spec: { slots: readonly Slot[]; min: number },
	supplied: readonly Slot[],
	kind: string,
): RunwayValidationIssue[] {
	return spec.slots
		.slice(0, spec.min)
		.filter((slot) => !supplied.includes(slot))
		.map((slot) =>
			issue(slot, undefined, `${slot} (${kind}) is required by ${model.id} but missing`),
		);
}

const requiredInputs: Rule = ({ model, images, videos }) => [
	...missingRequired(model, model.images, images, 'image'),
	...missingRequired(model, model.videos, videos, 'video'),
];

const combinedReferencesWithinLimit: Rule = ({ request, model, images, videos }) => {
	const limit = model.combinedReferences;
	const total = images.length + videos.length;
	if (!limit || (total <= limit.max && videos.length <= limit.maxVideos)) return [];
	const last = [...images, ...videos][total - 1];
	return [
		issue(
			last,
			request[last],
			`${last} ${show(request[last])} makes ${total} references (${images.length} images + ` +
				`${videos.length} videos); ${model.id} takes at most ${limit.max} in total, at most ` +
				`${limit.maxVideos} videos`,
		),
	];
};

const keyframeRules: Rule = ({ request, model, images, videos }) => {
	const keyframes = model.keyframes;
	if (!keyframes) return [];
	const { startFrameAssetId: start, endFrameAssetId: end } = request;
	const issues: RunwayValidationIssue[] = [];
	if (isGiven(end) && !isGiven(start)) {
		issues.push(
			issue(
				'endFrameAssetId',
				end,
				`endFrameAssetId ${show(end)} needs startFrameAssetId, which is missing`,
			),
		);
	}
	const keyframe = RUNWAY_KEYFRAME_FIELDS.find((field) => isGiven(request[field]));
	const references = [...images, ...videos];
	if (keyframes.withReferences === 'exclusive' && keyframe && references.length > 0) {
		issues.push(
			issue(
				keyframe,
				request[keyframe],
				`${keyframe} ${show(request[keyframe])} cannot be combined with ${references.join(', ')} ` +
					`on ${model.id}: keyframe mode and multi-reference mode are mutually exclusive`,
			),
		);
	}
	if (keyframes.withReferences === 'startFrameOnly' && isGiven(end) && images.length > 0) {
		issues.push(
			issue(
				'endFrameAssetId',
				end,
				`endFrameAssetId ${show(end)} cannot be combined with reference images ` +
					`(${images.join(', ')}) on ${model.id}; only startFrameAssetId can`,
			),
		);
	}
	return issues;
};

const editVideoReferenceLimit: Rule = ({ request, model, images }) => {
	const edit = model.editVideo;
	if (!edit?.supported || !isGiven(request.videoAssetId)) return [];
	if (images.length <= edit.maxReferenceImages) return [];
	const firstExtra = images[edit.maxReferenceImages];
	return [
		issue(
			firstExtra,
			request[firstExtra],
			`${firstExtra} ${show(request[firstExtra])}: Edit Video (videoAssetId set) on ${model.id} ` +
				`takes at most ${edit.maxReferenceImages} reference images; ${images.length} supplied ` +
				`(${images.join(', ')})`,
		),
	];
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

const multishotRules: Rule = ({ request: { shots }, model }) => {
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
const promptReferencesSupplied: Rule = ({ request, model, images, videos }) => {
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

const RULES: readonly Rule[] = [
	fieldsAccepted,
	assetIdsWellFormed,
	durationAllowed,
	aspectRatioAllowed,
	resolutionAllowed,
	characterOrientationAllowed,
	seedInRange,
	maxJobsInRange,
	replyFieldsShortEnough,
	promptRules,
	requiredInputs,
	combinedReferencesWithinLimit,
	keyframeRules,
	editVideoReferenceLimit,
	multishotRules,
	promptReferencesSupplied,
];

function suppliedSlots<Slot extends keyof RunwayCreateRequest>(
	request: RunwayCreateRequest,
	slots: readonly Slot[],
): Slot[] {
	return slots.filter((slot) => isGiven(request[slot]));
}

function knownModelIds(): string {
	return runwayModels.map((known) => known.id).join(', ');
}

/**
 * Every rule of the API document for POST /videos/create, checked before anything is sent. With `fileInputs`, the asset fields it
 * names hold files still to upload: they count as supplied, and their values are not checked as asset IDs.
 */
export function validateRunwayCreate(
	request: RunwayCreateRequest,
	fileInputs?: RunwayFileInputs,
): RunwayValidationIssue[] {
	if (!isGiven(request.model)) {
		return [issue('model', request.model, `model is missing: use one of ${knownModelIds()}`)];
	}
	const model = findRunwayModel(request.model);
	if (!model) {
		return [
			issue(
				'model',
				request.model,
				`model ${show(request.model)} is unknown: use one of ${knownModelIds()}`,
			),
		];
	}
	const images = suppliedSlots(request, RUNWAY_IMAGE_SLOTS);
	const videos = suppliedSlots(request, RUNWAY_VIDEO_SLOTS);
	const mode: RunwayGenerationMode =
		images.length > 0 || isGiven(request.startFrameAssetId) ? 'imageToVideo' : 'textToVideo';
	const context: RuleContext = { request, fileInputs, model, images, videos, mode };
	const issues: RunwayValidationIssue[] = [];
	for (const rule of RULES) {
		const found = rule(context);
		if (found.length > 0) issues.push(...found);
	}
	return issues;
}
