import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { binarySource, type UploadSource } from '../../shared/binary/source';
import { accountOfUseApiId } from '../../shared/providers/runway/accounts';
import { runwayAssetFileType, uploadRunwayAssetFile } from '../../shared/providers/runway/assets';
import { isVideoSlot, type RunwayAssetField } from '../../shared/providers/runway/catalogue';
import { useApiIdKind } from '../../shared/providers/runway/ids';
import type { QueuedCreate } from '../../shared/providers/runway/submit';
import type { RunwayCreateRequest } from '../../shared/providers/runway/body';
import { assetDisplayName } from '../description/assets.description';

/** A file of the input item that an asset field names: uploaded as a Runway asset before the item's create. */
export interface RunwayInputFile {
	field: RunwayAssetField;
	/** The item's binary field holding the file. */
	propertyName: string;
	source: UploadSource;
	/** Its type in useapi.net's spelling. */
	contentType: string;
}

/** An asset field naming a binary field of the input item. */
export interface NamedFile {
	field: RunwayAssetField;
	propertyName: string;
}

/** A create whose asset fields may still name files to upload. */
export interface PendingCreate extends QueuedCreate {
	files: RunwayInputFile[];
}

/** The names of the item's binary fields. */
export function binaryFieldsOf(ctx: IExecuteFunctions, itemIndex: number): string[] {
	return Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
}

/**
 * The asset fields whose value is not an asset ID but the name of one of the item's binary fields. (Asset IDs have
 * a strict form, `user:<n>-runwayml:<email>-asset:<uuid>`, that no binary field name in n8n has.)
 */
export function fileFields(
	request: RunwayCreateRequest,
	fields: readonly RunwayAssetField[],
	binaryFields: readonly string[],
): RunwayAssetField[] {
	if (binaryFields.length === 0) return [];
	return fields.filter((field) => {
		const value = request[field];
		return value !== undefined && useApiIdKind(value) !== 'asset' && binaryFields.includes(value);
	});
}

/**
 * Opens the files the fields name and checks each as Upload Asset does (a type useapi.net takes, not empty), and that
 * it is of the kind the field takes (an image, or a video): every problem is found before any request.
 */
export async function readInputFiles(
	ctx: IExecuteFunctions,
	itemIndex: number,
	named: ReadonlyArray<NamedFile>,
): Promise<RunwayInputFile[]> {
	const files: RunwayInputFile[] = [];
	for (const { field, propertyName } of named) {
		const label = assetDisplayName(field);
		const source = await binarySource(
			ctx,
			itemIndex,
			propertyName,
			`binary field '${propertyName}' of ${label}`,
		);
		const contentType = runwayAssetFileType(ctx, itemIndex, source);
		const kind = isVideoSlot(field) ? 'video' : 'image';
		if (!contentType.startsWith(`${kind}/`)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${label} takes ${kind === 'image' ? 'an image' : 'a video'}, but ${source.fileName} (binary field '${propertyName}') is ${contentType}`,
				{ itemIndex, description: 'Nothing was sent.' },
			);
		}
		files.push({ field, propertyName, source, contentType });
	}
	return files;
}

/**
 * Uploads an item's files as assets on the account its create runs on (when none is decided, useapi.net picks one
 * for the first file, and the others follow it), and puts their asset IDs in the create's body. A file two fields
 * name is uploaded once.
 */
export async function uploadInputFiles(
	ctx: IExecuteFunctions,
	create: PendingCreate,
	bounds: { signal?: AbortSignal; deadline: number },
): Promise<void> {
	const uploaded = new Map<string, string>();
	for (const { field, propertyName, source, contentType } of create.files) {
		let assetId = uploaded.get(propertyName);
		if (assetId === undefined) {
			const asset = await uploadRunwayAssetFile(ctx, source, {
				email: create.account,
				contentType,
				...bounds,
			});
			assetId = String(asset.assetId);
			uploaded.set(propertyName, assetId);
			create.account ??= accountOfUseApiId(assetId);
		}
		create.body[field] = assetId;
	}
}
