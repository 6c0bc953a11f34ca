import type { RunwareModel } from '../../nodes/shared/providers/runware/catalogue';

/** The per-model facts the editor and validation follow (issue 12). */
export const catalogueFacts = [
	'modes',
	'durations',
	'dimensions',
	'fps',
	'prompt',
	'negativePrompt',
	'CFGScale',
	'seed',
	'frameImages',
	'referenceImages',
	'referenceVideos',
	'inputAudios',
	'speech',
	'providerSettings',
] as const satisfies ReadonlyArray<keyof RunwareModel>;

export type CatalogueFact = (typeof catalogueFacts)[number];
