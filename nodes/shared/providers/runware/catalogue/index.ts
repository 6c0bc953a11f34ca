import { z } from 'zod';

import { bytedanceModels } from './models/bytedance';
import { googleModels } from './models/google';
import { klingaiModels } from './models/klingai';
import { lightricksModels } from './models/lightricks';
import { minimaxModels } from './models/minimax';
import { openaiModels } from './models/openai';
import { alibabaModels, otherModels } from './models/others';
import { pixverseModels } from './models/pixverse';
import { runwayModels } from './models/runway';
import { viduModels } from './models/vidu';
import { providerDisplayName } from './capabilities';
import { providerSettingsFields } from './providers';
import {
	runwareModelSchema,
	runwareProviderKeys,
	type RunwareModel,
	type RunwareModelInput,
	type RunwareProviderKey,
} from './schema';

export * from './capabilities';
export * from './choices';
export { providerSettingsFields } from './providers';
export type {
	DimensionPair,
	ProviderSettingField,
	RunwareModel,
	RunwareModelInput,
	RunwareProviderKey,
	RunwareVideoMode,
} from './schema';

function crossEntryIssues(models: readonly RunwareModel[]): string[] {
	const issues: string[] = [];
	const seen = new Set<string>();
	for (const model of models) {
		if (seen.has(model.air)) issues.push(`${model.air}: duplicate AIR`);
		seen.add(model.air);
		if (!Array.isArray(model.providerSettings)) continue;
		const known = (providerSettingsFields[model.provider] ?? []).map((field) => field.name);
		for (const name of model.providerSettings) {
			if (!known.includes(name)) {
				issues.push(`${model.air}: providerSettings names unknown ${model.provider} field ${name}`);
			}
		}
	}
	return issues;
}

/** A union's own issue only says "Invalid input": report the branch that got furthest instead. */
function specificIssues(issues: readonly z.ZodIssue[]): z.ZodIssue[] {
	return issues.flatMap((issue) => {
		if (issue.code !== 'invalid_union') return [issue];
		const branches = issue.unionErrors.map((error) => specificIssues(error.issues));
		const depth = (branch: z.ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
		return branches.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
	});
}

/** Parses catalogue entries; throws with every problem, each named by its AIR, if one is bad. */
export function parseRunwareModels(entries: readonly RunwareModelInput[]): readonly RunwareModel[] {
	const parsed = z.array(runwareModelSchema).safeParse(entries);
	if (!parsed.success) {
		const problems = specificIssues(parsed.error.issues).map((issue) => {
			const [index, ...path] = issue.path;
			const air = typeof index === 'number' ? entries[index]?.air : undefined;
			return `${air ?? 'entry ' + String(index)}: ${path.join('.') || '(entry)'}: ${issue.message}`;
		});
		throw new Error(`Invalid Runware model catalogue: ${problems.join('; ')}`);
	}
	const problems = crossEntryIssues(parsed.data);
	if (problems.length > 0) {
		throw new Error(`Invalid Runware model catalogue: ${problems.join('; ')}`);
	}
	return Object.freeze(parsed.data);
}

/** Every catalogued video model (registry schema-map 20260722152433 plus a few legacy ones). */
export const runwareModels: readonly RunwareModel[] = parseRunwareModels([
	...alibabaModels,
	...bytedanceModels,
	...googleModels,
	...klingaiModels,
	...lightricksModels,
	...minimaxModels,
	...openaiModels,
	...pixverseModels,
	...runwayModels,
	...viduModels,
	...otherModels,
]);

const modelsByAir = new Map(runwareModels.map((model) => [model.air, model]));

export function findRunwareModel(air: string): RunwareModel | undefined {
	return modelsByAir.get(air.trim());
}

/** A bare entry for an AIR the catalogue lacks, to carry the facts of the model's public schema. */
export function uncataloguedModel(air: string): RunwareModel {
	return {
		air,
		name: air,
		provider: air.split(':')[0] as RunwareProviderKey,
		// The API document's shape, as for any model the catalogue does not know.
		inputShape: 'flat',
	};
}

export const runwareProviders: ReadonlyArray<{ key: RunwareProviderKey; displayName: string }> =
	runwareProviderKeys.map((key) => ({ key, displayName: providerDisplayName(key) }));
