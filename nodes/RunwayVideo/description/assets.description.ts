import type { INodeProperties } from 'n8n-workflow';

import {
	RUNWAY_IMAGE_SLOTS,
	RUNWAY_KEYFRAME_FIELDS,
	RUNWAY_VIDEO_SLOTS,
	type RunwayAssetField,
	type RunwayKeyframeField,
	type RunwayModel,
} from '../../shared/providers/runway/catalogue';
import { perModel } from './visibility';

/** What an asset field's value looks like, shown in the empty field. */
export const RUNWAY_ASSET_PLACEHOLDER =
	'e.g. data, or user:12345-runwayml:you@example.com-asset:<uuid>';

const ASSET_HINT =
	"The name of a binary field of the input item (the node uploads the file), or an asset ID from Upload Asset's assetId output";

function seconds(min?: number, max?: number): string {
	if (min !== undefined && max !== undefined) return `, ${min}–${max} s long`;
	return max !== undefined ? `, at most ${max} s long` : '';
}

function imageRole(model: RunwayModel, slotNumber: number): string {
	if (model.images.endFrameSlot) {
		return slotNumber === 1 ? 'First frame of the video' : 'Last frame of the video';
	}
	if ((model.promptReferences?.images ?? 0) >= slotNumber) {
		return `Reference image ${slotNumber}, written @IMG_${slotNumber} in prompts`;
	}
	if (model.videos.min > 0) return 'The character image to animate';
	return 'The image the video starts from';
}

function videoRole(model: RunwayModel, slotNumber: number): string {
	const { minSeconds, maxSeconds } = model.videos;
	if (slotNumber === 1 && model.editVideo?.supported) {
		return `Source video to edit (Edit Video)${seconds(undefined, model.editVideo.maxSourceSeconds)}; the output keeps its length`;
	}
	if ((model.promptReferences?.videos ?? 0) >= slotNumber) {
		return `Reference video ${slotNumber}, written @VID_${slotNumber} in prompts${seconds(minSeconds, maxSeconds)}`;
	}
	return `The performance video whose motion is copied${seconds(minSeconds, maxSeconds)}`;
}

function keyframeRole(model: RunwayModel, field: RunwayKeyframeField): string {
	if (field === 'startFrameAssetId') return 'First frame of the video (keyframe mode)';
	const limit =
		model.keyframes?.withReferences === 'exclusive'
			? 'keyframes cannot be combined with reference images or videos'
			: 'cannot be combined with reference images';
	return `Last frame of the video; needs a start frame, and ${limit}`;
}

function assetField(
	name: string,
	displayName: string,
	role: string,
	required: boolean,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required,
		default: '',
		placeholder: RUNWAY_ASSET_PLACEHOLDER,
		hint: ASSET_HINT,
		description: `${role}${required ? '' : ' (optional)'}. An asset ID pins the generation to the Runway account holding it; a file is uploaded to that account (or to the chosen one).`,
	};
}

/** The UI name of an asset field: Image 1…11, Video (2, 3), Start/End Frame. */
export function assetDisplayName(field: RunwayAssetField): string {
	const image = (RUNWAY_IMAGE_SLOTS as readonly string[]).indexOf(field);
	if (image >= 0) return `Image ${image + 1}`;
	const video = (RUNWAY_VIDEO_SLOTS as readonly string[]).indexOf(field);
	if (video >= 0) return video === 0 ? 'Video' : `Video ${video + 1}`;
	return field === 'startFrameAssetId' ? 'Start Frame' : 'End Frame';
}

const imageSlots = RUNWAY_IMAGE_SLOTS.flatMap((slot, index) =>
	perModel((model) =>
		model.images.slots.includes(slot)
			? assetField(
					slot,
					assetDisplayName(slot),
					imageRole(model, index + 1),
					index < model.images.min,
				)
			: undefined,
	),
);

const videoSlots = RUNWAY_VIDEO_SLOTS.flatMap((slot, index) =>
	perModel((model) =>
		model.videos.slots.includes(slot)
			? assetField(
					slot,
					assetDisplayName(slot),
					videoRole(model, index + 1),
					index < model.videos.min,
				)
			: undefined,
	),
);

const keyframes = RUNWAY_KEYFRAME_FIELDS.flatMap((field) =>
	perModel((model) =>
		model.keyframes
			? assetField(field, assetDisplayName(field), keyframeRole(model, field), false)
			: undefined,
	),
);

export const assetProperties: INodeProperties[] = [...imageSlots, ...videoSlots, ...keyframes];
