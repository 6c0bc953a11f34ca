import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { uploadAssetProperties } from './description';
import { getListAccounts, getUploadAccounts } from './methods/loadOptions';
import { providerCredentials } from '../shared/descriptions/provider';

export class UploadAsset implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Upload Asset',
		name: 'uploadAsset',
		icon: { light: 'file:uploadAsset.svg', dark: 'file:uploadAsset.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["operation"] + " (" + ($parameter["provider"] === "runway" ? "Runway" : "Runware") + ")" }}',
		description: 'Upload images, videos and audio for the Runware and Runway Video nodes',
		defaults: { name: 'Upload Asset' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: providerCredentials,
		properties: uploadAssetProperties,
	};

	methods = { loadOptions: { getListAccounts, getUploadAccounts } };

	execute = router;
}
