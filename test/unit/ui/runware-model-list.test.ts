import type { ILoadOptionsFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { RunwareVideo } from '../../../nodes/RunwareVideo/RunwareVideo.node';
import { findRunwareModel } from '../../../nodes/shared/providers/runware/catalogue';

const node = new RunwareVideo();
const modelProperty = node.description.properties.find(({ name }) => name === 'model')!;

async function listed(filter?: string): Promise<string[]> {
	const { results } = await node.methods.listSearch.searchModels.call(
		{} as ILoadOptionsFunctions,
		filter,
	);
	return results.map(({ value }) => String(value));
}

describe('Runware Video: the model a new node starts with, and the list order', () => {
	it('starts with a current text-to-video model of the catalogue, named in the field', () => {
		const initial = modelProperty.default as INodeParameterResourceLocator;
		const model = findRunwareModel(String(initial.value));
		expect(model).toBeDefined();
		expect(model!.legacy ?? false).toBe(false);
		expect(model!.modes).toContain('t2v');
		expect(initial.mode).toBe('list');
		expect(initial.cachedResultName).toBe(model!.name);
	});

	it('lists the most used models first, the default at the top', async () => {
		const all = await listed();
		const initial = (modelProperty.default as INodeParameterResourceLocator).value;
		expect(all[0]).toBe(initial);
		expect(all.slice(0, 4)).toEqual([
			'google:veo@3.1-lite',
			'google:3@3',
			'google:3@2',
			'klingai:kling-video@3-standard',
		]);
		expect(new Set(all).size).toBe(all.length);
	});

	it('keeps the most used first within a search', async () => {
		expect((await listed('veo'))[0]).toBe('google:veo@3.1-lite');
		expect(await listed('kling 3.0 standard')).toEqual(['klingai:kling-video@3-standard']);
	});
});
