import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readBinaryInput, type BinaryInput } from '../../shared/binary/input';
import { mimeTypeCandidates } from '../../shared/binary/mimeTypes';
import { runwareMediaFromBinary } from '../../shared/providers/runware/media';
import {
	runwareMediaFieldKinds,
	runwareMediaPath,
	type RunwareVideoRequest,
} from '../../shared/providers/runware/body';
import { RUNWARE_MEDIA_TYPES, runwareMediaType } from '../../shared/providers/runware/storage';
import type { BinaryMediaSlot } from './readRequest';

interface SlotFile {
	slot: BinaryMediaSlot;
	input: BinaryInput;
	/** The file's type in Runware's spelling, of the kind its field takes. */
	mimeType: string;
}

/**
 * The slot's file with a type its field takes (the declared one, else the one its name suggests), or an error
 * naming the field, the file's type and the types the field takes.
 */
function slotFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	slot: BinaryMediaSlot,
	input: BinaryInput,
): SlotFile {
	const kind = runwareMediaFieldKinds[slot.field];
	const candidates = mimeTypeCandidates(input.mimeType, input.fileName);
	const mimeType = candidates
		.map((candidate) => runwareMediaType(candidate))
		.find((type) => type?.kind === kind)?.mimeType;
	if (mimeType !== undefined) return { slot, input, mimeType };
	const path = runwareMediaPath(slot.field, slot.index);
	throw new NodeOperationError(
		ctx.getNode(),
		`${path}: ${input.fileName} (binary field '${slot.propertyName}') is of type ` +
			`${candidates[0] ?? input.mimeType}: ${slot.field} takes ${RUNWARE_MEDIA_TYPES[kind].join(', ')}`,
		{ itemIndex, description: 'Nothing was sent to Runware.' },
	);
}

/**
 * Replaces the placeholders of files from binary properties by what Runware takes: a data URI when
 * small, else the UUID of an upload. Every file's type is checked before anything is uploaded. The
 * same file used twice in an item is read and uploaded once. The request is not modified: with files, a
 * resolved copy is returned.
 */
export async function resolveBinaryMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: RunwareVideoRequest,
	slots: readonly BinaryMediaSlot[],
	bounds: { signal?: AbortSignal; deadline?: number } = {},
): Promise<RunwareVideoRequest> {
	if (slots.length === 0) return request;
	const inputs = new Map<string, BinaryInput>();
	const files: SlotFile[] = [];
	for (const slot of slots) {
		const input =
			inputs.get(slot.propertyName) ?? (await readBinaryInput(ctx, itemIndex, slot.propertyName));
		inputs.set(slot.propertyName, input);
		files.push(slotFile(ctx, itemIndex, slot, input));
	}
	const resolved = structuredClone(request);
	const media = new Map<string, string>();
	for (const { slot, input, mimeType } of files) {
		const key = `${mimeType} ${slot.propertyName}`;
		const value =
			media.get(key) ?? (await runwareMediaFromBinary(ctx, input, { ...bounds, mimeType }));
		media.set(key, value);
		if (slot.field === 'frameImages') {
			(resolved.frameImages ?? [])[slot.index].image = value;
		} else {
			(resolved[slot.field] ?? [])[slot.index] = value;
		}
	}
	return resolved;
}
