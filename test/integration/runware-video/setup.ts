import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Emulator, KnobsPatch } from '../../emulator';
import { node, startNode, workflow, type NodeOptions, type RunWorkflowInput } from '../../harness';
import { startEnvironment, type Environment } from '../../support/environment';

export const RUNWARE_VIDEO = 'n8n-nodes-ai-video.runwareVideo';
export const NODE_NAME = 'Runware Video';

export type Setup = Environment;

export interface SetupOptions {
	knobs?: KnobsPatch;
	binaryMode?: 'filesystem' | 'default';
	/** Whether the credential points at the emulator's model schemas (default: no schema URL). */
	schemas?: boolean;
}

/** An emulator and a harness whose credentials point at it. */
export async function setup(options: SetupOptions = {}): Promise<Setup> {
	return await startEnvironment(
		{ knobs: options.knobs },
		{ binaryMode: options.binaryMode, schemas: options.schemas },
	);
}

/** A model parameter as the editor stores it (list mode). */
export const model = (air: string) => ({ __rl: true, mode: 'list', value: air });

/** Polls fast: the emulator finishes tasks in a few hundred milliseconds. */
export const FAST_WAITING = { firstPollSeconds: 0.1, maxPollSeconds: 0.2, timeoutMinutes: 1 };

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
	return workflow([
		startNode(items),
		node(
			NODE_NAME,
			RUNWARE_VIDEO,
			{ waitingOptions: FAST_WAITING, ...withDuration(parameters) },
			{
				credentials: ['runwareApi'],
				...options,
			},
		),
	]);
}

/** Bodies of the videoInference requests the emulator received, as sent (media shortened). */
export function sentTasks(emulator: Emulator): IDataObject[] {
	return emulator
		.requestsTo('runware.videoInference')
		.flatMap((request) =>
			request.body?.kind === 'json' && Array.isArray(request.body.value)
				? (request.body.value as IDataObject[])
				: [],
		);
}
