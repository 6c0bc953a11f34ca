import {
	describeNumberChoices,
	formatDimensionPair,
	maxMediaCount,
	providerDisplayName,
	runwareModels,
	runwareProviders,
} from '../../nodes/shared/providers/runware/catalogue';
import type { RunwareModel } from '../../nodes/shared/providers/runware/catalogue';
import {
	aspectRatioChoices,
	resolutionChoices,
	runwayModels,
} from '../../nodes/shared/providers/runway/catalogue';
import type { RunwayModel } from '../../nodes/shared/providers/runway/catalogue';

// The model tables of docs/model-tables.md are generated from the catalogues, never written by hand.
const UNKNOWN = '?';
const NONE = '–';

function row(cells: Array<string | number>): string {
	return `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
}

function table(header: string[], rows: string[]): string {
	return [row(header), row(header.map(() => '---')), ...rows].join('\n');
}

function runwareDurations(model: RunwareModel): string {
	if (model.durations === false) return NONE;
	return model.durations ? describeNumberChoices(model.durations) : UNKNOWN;
}

function runwareSizes(model: RunwareModel): string {
	if (model.resolutions) return model.resolutions.values.join(', ');
	if (model.dimensions === false) return 'from input';
	const pairs = model.dimensions?.pairs;
	if (!pairs) return UNKNOWN;
	return pairs.length > 6
		? `${pairs.length} sizes, ${formatDimensionPair(pairs[0])} … ${formatDimensionPair(pairs[pairs.length - 1])}`
		: pairs.map(formatDimensionPair).join(', ');
}

function runwareInputs(model: RunwareModel): string {
	const frames = model.frameImages === undefined ? UNKNOWN : model.frameImages || NONE;
	const count = (field: 'referenceImages' | 'referenceVideos' | 'inputAudios') => {
		const max = maxMediaCount(model, field);
		return max === undefined ? UNKNOWN : String(max);
	};
	return `frames ${frames}; ref. images ${count('referenceImages')}; ref. videos ${count('referenceVideos')}; audio ${count('inputAudios')}`;
}

export function runwareModelTable(): string {
	const rows = runwareProviders.flatMap(({ key }) =>
		runwareModels
			.filter((model) => model.provider === key)
			.map((model) =>
				row([
					`\`${model.air}\``,
					model.name + (model.legacy ? ' (legacy)' : ''),
					providerDisplayName(model.provider),
					(model.modes ?? [UNKNOWN]).join(', '),
					runwareDurations(model),
					runwareSizes(model),
					model.fps === false ? NONE : model.fps ? describeNumberChoices(model.fps) : UNKNOWN,
					runwareInputs(model),
					model.inputShape,
				]),
			),
	);
	return table(
		['AIR', 'Model', 'Provider', 'Modes', 'Duration (s)', 'Sizes', 'FPS', 'Inputs', 'Request shape'],
		rows,
	);
}

function runwayDurations(model: RunwayModel): string {
	const duration = model.duration;
	if (duration.kind === 'set') return duration.values.join(', ');
	if (duration.kind === 'range') return `${duration.min}–${duration.max}`;
	return duration.kind === 'auto' ? 'auto' : 'from input';
}

function runwayImages(model: RunwayModel): string {
	const slots = model.images.slots.length;
	if (slots === 0) return NONE;
	return model.images.min > 0 ? `${model.images.min}–${slots} (required)` : `0–${slots}`;
}

export function runwayModelTable(): string {
	const rows = runwayModels.map((model) =>
		row([
			`\`${model.id}\``,
			model.name,
			runwayDurations(model),
			aspectRatioChoices(model).join(', ') || 'from input',
			resolutionChoices(model).join(', ') || 'auto',
			runwayImages(model),
			model.videos.slots.length ? `${model.videos.min}–${model.videos.slots.length}` : NONE,
			model.keyframes ? 'start + end' : model.images.endFrameSlot ? 'end via imageAssetId2' : NONE,
			model.multishot ? `${model.multishot.minShots}–${model.multishot.maxShots}` : NONE,
			model.prompt.requirement === 'unsupported'
				? 'not accepted'
				: `${model.prompt.requirement}, ≤ ${model.prompt.maxLength}`,
			model.audio.kind === 'toggle' ? 'on/off' : model.audio.kind === 'alwaysOn' ? 'always' : NONE,
			model.seed ? 'yes' : NONE,
			model.exploreMode ? 'yes' : 'no',
		]),
	);
	return table(
		[
			'Model',
			'Name',
			'Duration (s)',
			'Aspect ratios',
			'Resolution',
			'Images',
			'Videos',
			'Keyframes',
			'Shots',
			'Prompt',
			'Audio',
			'Seed',
			'Explore',
		],
		rows,
	);
}

export const GENERATED_SECTIONS: Record<string, () => string> = {
	'runware-models': runwareModelTable,
	'runway-models': runwayModelTable,
};

/** Replaces every `<!-- generated:NAME -->…<!-- /generated:NAME -->` block of the document. */
export function renderGeneratedSections(document: string): string {
	return Object.entries(GENERATED_SECTIONS).reduce(
		(text, [name, render]) =>
			text.replace(
				new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`),
				(_match, open: string, close: string) => `${open}\n${render()}\n${close}`,
			),
		document,
	);
}
