import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ANY_ACCOUNT } from '../../shared/providers/runway/accounts';
import type { RunwayAssetMediaType } from '../../shared/providers/runway/assets';
import { listRunwayAssets, RUNWAY_ASSET_MEDIA_TYPES } from '../../shared/providers/runway/assets';
import { checkedAccountEmail } from './account';
import { forEachItem } from './items';

/** Lists the Runway assets of one account or all, newest first: one output item per asset. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const signal = this.getExecutionCancelSignal();
	return await forEachItem(this, async (itemIndex) => {
		const account = String(this.getNodeParameter('listAccount', itemIndex, ANY_ACCOUNT)).trim();
		const email = checkedAccountEmail(
			this,
			itemIndex,
			'Runway Account (listAccount)',
			account === ANY_ACCOUNT || account === '' ? undefined : account,
		);
		const mediaType = String(this.getNodeParameter('mediaType', itemIndex, ''));
		if (mediaType !== '' && !RUNWAY_ASSET_MEDIA_TYPES.includes(mediaType as RunwayAssetMediaType)) {
			throw new NodeOperationError(
				this.getNode(),
				`Media Type ${JSON.stringify(mediaType)} is not one useapi.net lists: use ${RUNWAY_ASSET_MEDIA_TYPES.join(', ')} or nothing (all)`,
				{ itemIndex },
			);
		}
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const assets = await listRunwayAssets(this, {
			email,
			mediaType: (mediaType || undefined) as RunwayAssetMediaType | undefined,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
			signal,
		});
		return assets.map((json) => ({ json }));
	});
}
