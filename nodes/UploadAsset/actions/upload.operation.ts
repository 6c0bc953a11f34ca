import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fieldName, TypedParameters } from '../../shared/parameters';
import {
	RUNWARE_IMAGE_MAX_BYTES,
	RUNWARE_MEDIA_TYPES,
	storeRunwareMedia,
	runwareMediaType,
	uploadRunwareImage,
} from '../../shared/providers/runware/storage';
import {
	chosenEmail,
	CREDENTIAL_ACCOUNT,
	CREDENTIAL_EMAIL_FIELD,
} from '../../shared/providers/runway/accounts';
import { runwayAssetFileType, uploadRunwayAssetFile } from '../../shared/providers/runway/assets';
import { useApiCredentials } from '../../shared/providers/runway/transport';
import type { AssetProviderName } from '../description';
import { checkedAccountEmail } from './account';
import { forEachItem } from './items';
import type { UploadSource } from '../../shared/binary/source';
import { acceptedType, checkSize } from '../../shared/binary/source';
import { readUploadSource } from './source';

const RUNWARE = {
	label: 'Runware',
	accepted: Object.values(RUNWARE_MEDIA_TYPES).flat(),
	accept: runwareMediaType,
};

/** The file as Runware's media fields take it: a URL as it is (Runware fetches it), else a data URI. */
async function runwareMedia(source: UploadSource, mimeType: string): Promise<string> {
	if (source.kind === 'url') return source.url;
	return await source.input.dataUri(mimeType);
}

/**
 * Stores the file at Runware with `mediaStorage` (or, for an image when asked, the legacy `imageUpload`), and
 * outputs the UUID that frameImages, referenceImages, referenceVideos and inputAudios take.
 */
async function uploadToRunware(
	ctx: IExecuteFunctions,
	itemIndex: number,
	source: UploadSource,
	signal: AbortSignal | undefined,
): Promise<IDataObject> {
	const { mimeType, kind } = acceptedType(ctx, itemIndex, source, RUNWARE);
	checkSize(
		ctx,
		itemIndex,
		source,
		kind === 'image'
			? { maxBytes: RUNWARE_IMAGE_MAX_BYTES, what: 'Runware video models take' }
			: undefined,
	);
	const media = await runwareMedia(source, mimeType);
	const imageUpload =
		kind === 'image' &&
		new TypedParameters(ctx, itemIndex).boolean(
			fieldName('Store Images With Image Upload', 'imageUpload'),
			ctx.getNodeParameter('imageUpload', itemIndex, false),
		) === true;
	const stored = imageUpload
		? await uploadRunwareImage(ctx, media, { signal }).then((image) => ({
				mediaUUID: image.imageUUID,
				mediaURL: image.imageURL,
			}))
		: await storeRunwareMedia(ctx, media, { signal });
	return {
		mediaUUID: stored.mediaUUID,
		...(stored.mediaURL ? { mediaURL: stored.mediaURL } : {}),
		mediaType: kind,
		mimeType,
		fileName: source.fileName,
		...(source.size !== undefined ? { fileSize: source.size } : {}),
		task: imageUpload ? 'imageUpload' : 'mediaStorage',
	};
}

/**
 * Uploads the file's bytes as a Runway asset on the chosen account, which then runs every generation that uses
 * it, and outputs the assetId that the asset fields of the Runway Video node take.
 */
async function uploadToRunway(
	ctx: IExecuteFunctions,
	itemIndex: number,
	source: UploadSource,
	signal: AbortSignal | undefined,
): Promise<IDataObject> {
	const contentType = runwayAssetFileType(ctx, itemIndex, source);
	const { email: credentialEmail } = await useApiCredentials(ctx);
	const read = new TypedParameters(ctx, itemIndex);
	const choice = (
		read.text(
			fieldName('Runway Account Name or ID', 'email'),
			ctx.getNodeParameter('email', itemIndex, CREDENTIAL_ACCOUNT),
		) ?? ''
	).trim();
	const email = checkedAccountEmail(
		ctx,
		itemIndex,
		choice === CREDENTIAL_ACCOUNT ? CREDENTIAL_EMAIL_FIELD : 'Runway Account (email)',
		chosenEmail(choice, credentialEmail),
	);
	const name = read
		.text(fieldName('Asset Name', 'name'), ctx.getNodeParameter('assetName', itemIndex, ''))
		?.trim();
	const asset = await uploadRunwayAssetFile(ctx, source, { name, email, contentType, signal });
	return { ...asset, mimeType: contentType };
}

export async function execute(
	this: IExecuteFunctions,
	provider: AssetProviderName,
): Promise<INodeExecutionData[][]> {
	const signal = this.getExecutionCancelSignal();
	const upload = provider === 'runway' ? uploadToRunway : uploadToRunware;
	return await forEachItem(this, async (itemIndex) => {
		const source = await readUploadSource(this, itemIndex, signal);
		try {
			return [{ json: await upload(this, itemIndex, source, signal) }];
		} finally {
			source.discard();
		}
	});
}
