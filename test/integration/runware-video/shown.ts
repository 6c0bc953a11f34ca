import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { RunwareVideo } from '../../../nodes/RunwareVideo/RunwareVideo.node';
import { NODE_NAME, RUNWARE_VIDEO } from './setup';

const description = new RunwareVideo().description;

/** Paths of every parameter n8n shows for these node parameters (collections opened). */
export function visiblePaths(parameters: INodeParameters): Set<string> {
	const node: INode = {
		id: '1',
		name: NODE_NAME,
		type: RUNWARE_VIDEO,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const paths = new Set<string>();
	const walk = (properties: INodeProperties[], prefix: string, values: INodeParameters) => {
		for (const property of properties) {
			if (!NodeHelpers.displayParameter(values, property, node, description, parameters)) continue;
			const path = `${prefix}${property.name}`;
			paths.add(path);
			if (property.type === 'collection') {
				walk(property.options as INodeProperties[], `${path}.`, {});
			}
		}
	};
	walk(description.properties, '', parameters);
	return paths;
}

/** What n8n shows once this model is chosen from the list. */
export const shown = (air: unknown, extra: INodeParameters = {}) =>
	visiblePaths({ model: { __rl: true, mode: 'list', value: air } as never, ...extra });
