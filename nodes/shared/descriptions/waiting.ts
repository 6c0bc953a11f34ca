import type { IExecuteFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import type { WaitSettings } from '../execution/tasks';
import { TypedParameters } from '../parameters';

const WAIT_MODES = ['wait', 'submit', 'webhook'] as const;
export type WaitMode = (typeof WAIT_MODES)[number];

/** The Waiting parameter, checked: a workflow written by hand may hold anything there. */
export function readWaitMode(ctx: IExecuteFunctions): WaitMode {
	const value = ctx.getNodeParameter('waitMode', 0, 'wait');
	return new TypedParameters(ctx, 0).oneOf('Waiting', value, WAIT_MODES) ?? 'wait';
}

interface WaitingOptions {
	timeoutMinutes: number;
	firstPollSeconds: number;
	maxPollSeconds: number;
}

export function waitModeProperty(idField: string): INodeProperties {
	return {
		displayName: 'Waiting',
		name: 'waitMode',
		type: 'options',
		noDataExpression: true,
		default: 'wait',
		options: [
			{
				name: 'Wait for Completion',
				value: 'wait',
				description: 'Poll until every video is ready, then output it',
			},
			{
				name: 'Submit Only',
				value: 'submit',
				description: `Output the ${idField} at once; pick the result up later with the Poll Task node`,
			},
			{
				name: 'Resume on Webhook',
				value: 'webhook',
				description:
					'Pause the execution and continue when the provider calls back (n8n must be reachable from the internet)',
			},
		],
	};
}

const waitingModes = { waitMode: ['wait', 'webhook'] };

/** Options for how long and how often to wait; shown for the waiting modes of the video nodes and in Poll Task. */
export function waitingOptionsProperty(
	displayOptions = { show: waitingModes } as INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Waiting Options',
		name: 'waitingOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Timeout (Minutes)',
				name: 'timeoutMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1440 },
				default: 30,
				description:
					'How long to wait for all videos. Tasks still running then fail their items (the provider may still finish them).',
			},
			{
				displayName: 'First Check After (Seconds)',
				name: 'firstPollSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: 5,
				description:
					"Delay before the first status check; later checks back off gradually, or aim at the end the task's reported progress predicts",
			},
			{
				displayName: 'Longest Interval (Seconds)',
				name: 'maxPollSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: 20,
				description:
					'Upper bound of the interval between status checks while a task reports no progress to predict its end from',
			},
		],
	};
}

/** How a finished video is handed on: as a file in binary data, or only as its URL (no download). */
export const RETURN_AS = ['binary', 'url'] as const;
export type ReturnAs = (typeof RETURN_AS)[number];

const returnAsProperty: INodeProperties = {
	displayName: 'Return As',
	name: 'returnAs',
	type: 'options',
	options: [
		{
			name: 'Binary File',
			value: 'binary',
			description:
				'Download each finished video into binary data, for nodes that store or send files',
		},
		{
			name: 'URL',
			value: 'url',
			description:
				"Output only the video's URL (nothing is downloaded): for AI agents, or to fetch it later",
		},
	],
	default: 'binary',
	description: 'Whether to output each video as a file, or only its URL',
};

/**
 * Return As in a workflow (Binary File by default), and in the node's AI tool form ('@tool'), where it defaults to
 * URL: an AI agent gets only JSON from a tool (n8n drops binary data there).
 */
function returnAsProperties(displayOptions: INodeProperties['displayOptions']): INodeProperties[] {
	return [
		{
			...returnAsProperty,
			displayOptions: {
				...displayOptions,
				hide: { ...displayOptions?.hide, '@tool': [true] },
			},
		},
		{
			...returnAsProperty,
			default: 'url',
			displayOptions: {
				...displayOptions,
				show: { ...displayOptions?.show, '@tool': [true] },
			},
		},
	];
}

/**
 * Whether to put the video file in binary data, and where; hidden in Submit Only mode, where there is no file yet.
 * Return As has two variants of one name: n8n shows the node's tool form ('@tool') the one whose default is URL.
 */
export function downloadProperties(
	displayOptions = { show: waitingModes } as INodeProperties['displayOptions'],
): INodeProperties[] {
	return [
		...returnAsProperties(displayOptions),
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: 'The name of the output binary field to put the video in',
			displayOptions: {
				...displayOptions,
				show: { ...displayOptions?.show, returnAs: ['binary'] },
			},
		},
	];
}

// A collection holds only the options the user added, so unset ones fall back to the defaults shown in the UI.
// (Runway jobs average ten minutes and explore mode takes longer; Runware's mostly take one to five.)
const DEFAULTS = Object.fromEntries(
	(waitingOptionsProperty().options as INodeProperties[]).map((option) => [
		option.name,
		option.default,
	]),
) as unknown as WaitingOptions;

/** A node-level parameter (read for the first item) in an execute or a webhook context. */
export function nodeParameter(
	ctx: IExecuteFunctions | IWebhookFunctions,
	name: string,
	fallback: unknown,
): unknown {
	return 'getInputData' in ctx
		? ctx.getNodeParameter(name, 0, fallback)
		: ctx.getNodeParameter(name, fallback);
}

/** Reads the waiting options shared by all items of a run (they are waited for together). */
export function readWaitSettings(ctx: IExecuteFunctions | IWebhookFunctions): WaitSettings {
	const read = new TypedParameters(ctx, 0);
	const given = (nodeParameter(ctx, 'waitingOptions', {}) ?? {}) as Partial<
		Record<keyof WaitingOptions, unknown>
	>;
	const option = (name: keyof WaitingOptions, displayName: string) =>
		read.number(displayName, given[name], { min: 0 }) ?? DEFAULTS[name];
	const options: WaitingOptions = {
		timeoutMinutes: option('timeoutMinutes', 'Timeout (Minutes)'),
		firstPollSeconds: option('firstPollSeconds', 'First Check After (Seconds)'),
		maxPollSeconds: option('maxPollSeconds', 'Longest Interval (Seconds)'),
	};
	const download =
		read.oneOf('Return As', nodeParameter(ctx, 'returnAs', 'url'), RETURN_AS) === 'binary';
	const firstMs = options.firstPollSeconds * 1000;
	return {
		timeoutMs: options.timeoutMinutes * 60_000,
		backoff: {
			initialMs: firstMs,
			factor: 1.5,
			maxMs: Math.max(firstMs, options.maxPollSeconds * 1000),
			jitter: 0.2,
		},
		binaryProperty: download
			? read.text('Put Output File in Field', nodeParameter(ctx, 'binaryPropertyName', 'data')) ||
				'data'
			: undefined,
	};
}
