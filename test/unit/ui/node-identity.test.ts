/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INode, INodeParameters, INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { PollTask } from '../../../nodes/PollTask/PollTask.node';
import { RunwareVideo } from '../../../nodes/RunwareVideo/RunwareVideo.node';
import { RunwayVideo } from '../../../nodes/RunwayVideo/RunwayVideo.node';
import { UploadAsset } from '../../../nodes/UploadAsset/UploadAsset.node';
import { createNodeTypes } from '../../harness/node-types';

const NODES_DIR = path.join(__dirname, '..', '..', '..', 'nodes');
const nodes = [new RunwareVideo(), new RunwayVideo(), new PollTask(), new UploadAsset()];

/** The subtitle as n8n's canvas evaluates it: an expression over the node's own parameters. */
function subtitleOf(description: INodeTypeDescription, parameters: INodeParameters): unknown {
	const node: INode = {
		id: '1',
		name: description.displayName,
		type: description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes(Object.fromEntries(nodes.map((n) => [n.description.name, n]))),
	});
	return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
}

const locator = (value: string) => ({ __rl: true, mode: 'list', value });

describe('Node identity in the editor', () => {
	it('gives each video node an icon of its own, in light and dark', () => {
		const files = [
			'RunwareVideo/runware',
			'RunwareVideo/runware.dark',
			'RunwayVideo/runway',
			'RunwayVideo/runway.dark',
		];
		const texts = files.map((file) => fs.readFileSync(path.join(NODES_DIR, `${file}.svg`), 'utf8'));
		expect(new Set(texts).size).toBe(4);
		for (const text of texts) expect(text).toMatch(/^<svg [^>]*viewBox="0 0 64 64"/);
		const [runware, runway] = [new RunwareVideo(), new RunwayVideo()].map(
			(n) => n.description.icon,
		);
		expect(runware).toEqual({ light: 'file:runware.svg', dark: 'file:runware.dark.svg' });
		expect(runway).toEqual({ light: 'file:runway.svg', dark: 'file:runway.dark.svg' });
	});

	it('names the Runware model in plain words in the subtitle', () => {
		const { description } = new RunwareVideo();
		expect(subtitleOf(description, { model: locator('google:3@2') })).toBe('Generate · Veo 3.1');
		expect(subtitleOf(description, { model: locator('klingai:5@2') })).toBe(
			'Generate · KlingAI 2.1 Pro',
		);
		expect(subtitleOf(description, { model: locator('acme:video@1') })).toBe(
			'Generate · acme:video@1',
		);
		expect(subtitleOf(description, { model: locator('') })).toBe('Generate · choose a model');
	});

	it('names the Runway model in plain words in the subtitle', () => {
		const { description } = new RunwayVideo();
		expect(subtitleOf(description, { model: 'seedance-2' })).toBe('Generate · Seedance 2.0');
	});

	// Runware Video serves Runway's models too; Runway Video has nothing of Runware.
	it.each([
		['video', ['runwareVideo', 'runwayVideo', 'pollTask', 'uploadAsset']],
		['runway', ['runwareVideo', 'runwayVideo', 'pollTask', 'uploadAsset']],
		['runware', ['runwareVideo', 'pollTask', 'uploadAsset']],
	])('lists the nodes found when the node panel is searched for "%s"', (word, expected) => {
		const found = nodes.filter(({ description }) => {
			const codex = JSON.parse(
				fs.readFileSync(
					path.join(
						NODES_DIR,
						capitalised(description.name),
						`${capitalised(description.name)}.node.json`,
					),
					'utf8',
				),
			) as { alias?: string[] };
			const words = [description.displayName, ...(codex.alias ?? [])].map((w) => w.toLowerCase());
			return words.some((w) => w.includes(word));
		});
		expect(found.map(({ description }) => description.name)).toEqual(expected);
	});
});

function capitalised(name: string): string {
	return name.charAt(0).toUpperCase() + name.slice(1);
}
