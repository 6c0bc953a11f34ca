import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldName, TypedParameters } from '../../shared/parameters';
import { isRunwareUuid } from '../../shared/providers/runware/ids';
import { deleteRunwareMedia } from '../../shared/providers/runware/storage';
import { deleteRunwayAsset } from '../../shared/providers/runway/assets';
import { namingUnknownId, useApiIdForm, useApiIdKind } from '../../shared/providers/runway/ids';
import type { AssetProviderName } from '../description';
import { forEachItem } from './items';

const TARGETS = {
	runware: {
		field: 'mediaUUID',
		label: fieldName('Media UUID', 'mediaUUID'),
		problem: (id: string) =>
			isRunwareUuid(id) ? undefined : `mediaUUID ${JSON.stringify(id)} is not a Runware media UUID`,
		remove: deleteRunwareMedia,
	},
	runway: {
		field: 'assetId',
		label: fieldName('Asset ID', 'assetId'),
		problem: (id: string) =>
			useApiIdKind(id) === 'asset'
				? undefined
				: `assetId ${JSON.stringify(id)} is not a useapi.net Runway asset ID (${useApiIdForm('asset')})`,
		remove: async (ctx: IExecuteFunctions, id: string, options: { signal?: AbortSignal }) => {
			try {
				await deleteRunwayAsset(ctx, id, options);
			} catch (error) {
				throw namingUnknownId(error, 'asset', id);
			}
		},
	},
} as const;

/** Deletes each item's uploaded file (Runware media UUID or Runway asset ID). */
export async function execute(
	this: IExecuteFunctions,
	provider: AssetProviderName,
): Promise<INodeExecutionData[][]> {
	const signal = this.getExecutionCancelSignal();
	const target = TARGETS[provider];
	return await forEachItem(this, async (itemIndex) => {
		const given = this.getNodeParameter(target.field, itemIndex, '');
		const id = (new TypedParameters(this, itemIndex).text(target.label, given) ?? '').trim();
		const problem = id === '' ? `No ${target.field} to delete` : target.problem(id);
		if (problem !== undefined) {
			throw new NodeOperationError(this.getNode(), problem, { itemIndex });
		}
		await target.remove(this, id, { signal });
		return [{ json: { [target.field]: id, deleted: true } }];
	});
}
