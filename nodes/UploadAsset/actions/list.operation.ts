import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ANY_ACCOUNT } from '../../shared/providers/runway/accounts';
import { fieldName, TypedParameters } from '../../shared/parameters/typed';
import { listRunwayAssets, RUNWAY_ASSET_MEDIA_TYPES } from '../../shared/providers/runway/assets';
import { forEachItem } from './items';

const LIMIT_RANGE = { integer: true, min: 1, max: 1000 };

/** Lists the Runway assets of one account or all, newest first: one output item per asset. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const signal = this.getExecutionCancelSignal();
	return await forEachItem(this, async (itemIndex) => {
		const read = new TypedParameters(this, itemIndex);
		const parameter = (name: string, fallback: unknown) =>
			this.getNodeParameter(name, itemIndex, fallback);
		const account = (
			read.text(
				fieldName('Runway Account Name or ID', 'email'),
				parameter('listAccount', ANY_ACCOUNT),
			) ?? ''
		).trim();
		const mediaType = read.oneOf(
			fieldName('Media Type', 'mediaType'),
			parameter('mediaType', ''),
			RUNWAY_ASSET_MEDIA_TYPES,
		);
		const returnAll = read.boolean('Return All', parameter('returnAll', false));
		const assets = await listRunwayAssets(this, {
			email: account === ANY_ACCOUNT || account === '' ? undefined : account,
			mediaType,
			limit: returnAll
				? undefined
				: (read.number(fieldName('Limit', 'limit'), parameter('limit', 50), LIMIT_RANGE) ?? 50),
			signal,
		});
		return assets.map((json) => ({ json }));
	});
}
