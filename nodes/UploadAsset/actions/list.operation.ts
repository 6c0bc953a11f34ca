import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fieldName, TypedParameters } from '../../shared/parameters';
import { ANY_ACCOUNT } from '../../shared/providers/runway/accounts';
import { listRunwayAssets, RUNWAY_ASSET_MEDIA_TYPES } from '../../shared/providers/runway/assets';
import { checkedAccountEmail } from './account';
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
				fieldName('Runway Account', 'listAccount'),
				parameter('listAccount', ANY_ACCOUNT),
			) ?? ''
		).trim();
		const email = checkedAccountEmail(
			this,
			itemIndex,
			'Runway Account (listAccount)',
			account === ANY_ACCOUNT || account === '' ? undefined : account,
		);
		const mediaType = read.oneOf(
			fieldName('Media Type', 'mediaType'),
			parameter('mediaType', ''),
			RUNWAY_ASSET_MEDIA_TYPES,
		);
		const returnAll = read.boolean('Return All', parameter('returnAll', false));
		const assets = await listRunwayAssets(this, {
			email,
			mediaType,
			limit: returnAll
				? undefined
				: (read.number(fieldName('Limit', 'limit'), parameter('limit', 50), LIMIT_RANGE) ?? 50),
			signal,
		});
		return assets.map((json) => ({ json }));
	});
}
