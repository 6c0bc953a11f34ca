import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ANY_ACCOUNT } from '../../shared/providers/runway/accounts';
import type { RunwayAssetMediaType } from '../../shared/providers/runway/assets';
import { listRunwayAssets } from '../../shared/providers/runway/assets';
import { forEachItem } from './items';

/** Lists the Runway assets of one account or all, newest first: one output item per asset. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const signal = this.getExecutionCancelSignal();
	return await forEachItem(this, async (itemIndex) => {
		const account = String(this.getNodeParameter('listAccount', itemIndex, ANY_ACCOUNT)).trim();
		const mediaType = this.getNodeParameter('mediaType', itemIndex, '') as
			| RunwayAssetMediaType
			| '';
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const assets = await listRunwayAssets(this, {
			email: account === ANY_ACCOUNT || account === '' ? undefined : account,
			mediaType: mediaType || undefined,
			limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
			signal,
		});
		return assets.map((json) => ({ json }));
	});
}
