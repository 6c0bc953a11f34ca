import type { IExecuteFunctions } from 'n8n-workflow';

import { readBinaryInput } from '../../shared/binary/input';
import { runwareMediaFromBinary } from '../../shared/providers/runware/media';
import type { RunwareVideoRequest } from '../../shared/providers/runware/request';
import type { BinaryMediaSlot } from './request';

/**
 * Replaces the placeholders of files from binary properties by what Runware takes: a data URI when
 * small, else the UUID of an upload. The same file used twice in an item is read and uploaded once.
 */
export async function resolveBinaryMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: RunwareVideoRequest,
	slots: readonly BinaryMediaSlot[],
	signal?: AbortSignal,
): Promise<RunwareVideoRequest> {
	const resolved = structuredClone(request);
	const byProperty = new Map<string, Promise<string>>();
	for (const slot of slots) {
		let media = byProperty.get(slot.propertyName);
		if (media === undefined) {
			media = readBinaryInput(ctx, itemIndex, slot.propertyName).then(
				async (input) => await runwareMediaFromBinary(ctx, input, { signal }),
			);
			byProperty.set(slot.propertyName, media);
		}
		const value = await media;
		if (slot.field === 'frameImages') {
			(resolved.frameImages ?? [])[slot.index].image = value;
		} else {
			(resolved[slot.field] ?? [])[slot.index] = value;
		}
	}
	return resolved;
}
