import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { RunwareVideo } from '../../../nodes/RunwareVideo/RunwareVideo.node';
import { RunwayVideo } from '../../../nodes/RunwayVideo/RunwayVideo.node';

type Described = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/** Every property of a description, nested collection fields and fixed-collection values included. */
function allProperties(properties: readonly Described[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = 'options' in property && Array.isArray(property.options) ? property.options : [];
		const values = 'values' in property && Array.isArray(property.values) ? property.values : [];
		const own =
			'type' in property && 'displayName' in property ? [property as INodeProperties] : [];
		return [...own, ...allProperties([...(nested as Described[]), ...values])];
	});
}

/*
 * The video nodes read expression parameters with getNodeParameter's `skipValidation` (nodes/shared/parameters/
 * itemParameter.ts). n8n's check of a read value (n8n-core validateValueAgainstSchema) changes or refuses a value only
 * for a property with `validateType`, a resource mapper, or a collection holding a field with `validateType`: with
 * none of them, skipping it changes nothing a node reads.
 */
describe('Reading parameters without n8n’s schema check', () => {
	it.each([
		['Runware Video', new RunwareVideo()],
		['Runway Video', new RunwayVideo()],
	])('%s declares no property n8n’s check would act on', (_label, node) => {
		const properties = allProperties(node.description.properties);
		expect(properties.length).toBeGreaterThan(10);
		const acted = properties.filter(
			(property) =>
				property.validateType !== undefined ||
				property.type === 'resourceMapper' ||
				property.type === 'filter',
		);
		expect(acted.map((property) => property.name)).toEqual([]);
	});
});
