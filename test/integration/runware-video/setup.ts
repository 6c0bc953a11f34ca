import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Emulator } from '../../emulator';
import type { NodeOptions, RunWorkflowInput } from '../../harness';
import { NODE_TYPES } from '../../support/environment';
import { jsonBodies, nodeRun } from '../setup';

export { FAST_WAITING, setup, type Setup } from '../setup';

export const RUNWARE_VIDEO = NODE_TYPES.runwareVideo;
export const NODE_NAME = 'Runware Video';

/** A model parameter as the editor stores it (list mode). */
export const model = (air: string) => ({ __rl: true, mode: 'list', value: air });

/**
 * The seed requires a duration in every videoInference request. Runs that are not about the duration get one the
 * model offers (KlingAI, Pixverse, ByteDance and models nobody describes: 5 s); a run that sets duration,
 * even to '' (unset), keeps its own.
 */
const DURATIONS: Record<string, number> = {
	'openai:3@1': 4,
	'vidu:1@5': 4,
	'google:3@3': 8,
	'google:3@2': 4,
	'google:veo@3.1-lite': 4,
	'minimax:3@1': 6,
	'minimax:2@1': 6,
	'minimax:1@1': 6,
	'lightricks:2@0': 6,
};

export function withDuration(parameters: INodeParameters): INodeParameters {
	if ('duration' in parameters) return parameters;
	// The AIR as given, or quoted in an expression (`={{ "vidu:1@5" }}`).
	const given = String((parameters.model as IDataObject | undefined)?.value ?? '');
	const air = /^=\{\{\s*"([^"]+)"\s*\}\}$/.exec(given)?.[1] ?? given;
	return { ...parameters, duration: DURATIONS[air] ?? 5 };
}

/** Start → Runware Video, with the given parameters (and a duration, see `withDuration`) and input items. */
export function videoRun(
	parameters: INodeParameters,
	items: INodeExecutionData[] = [{ json: {} }],
	options: NodeOptions = {},
): RunWorkflowInput {
	return nodeRun(
		{ name: NODE_NAME, type: RUNWARE_VIDEO, credential: 'runwareApi' },
		withDuration(parameters),
		items,
		options,
	);
}

/** Bodies of the videoInference requests the emulator received, as sent (media shortened). */
export function sentTasks(emulator: Emulator): IDataObject[] {
	return jsonBodies(emulator, 'runware.videoInference').flatMap((body) =>
		Array.isArray(body) ? (body as IDataObject[]) : [],
	);
}
