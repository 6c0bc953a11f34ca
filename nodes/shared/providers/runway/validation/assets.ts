import { RUNWAY_ASSET_FIELDS, RUNWAY_KEYFRAME_FIELDS } from '../catalogue';
import { useApiIdForm, useApiIdKind } from '../ids';
import { isGiven } from '../body';
import { issue, listOrNone, show, type Rule, type RunwayValidationIssue } from './checks';

/** Asset fields take only IDs that useapi.net gave for an uploaded asset (a file name or a task ID is refused). */
export const assetIdsWellFormed: Rule = ({ request, fileInputs }) =>
	RUNWAY_ASSET_FIELDS.filter((field) => isGiven(request[field])).flatMap((field) => {
		const id = request[field] as string;
		const kind = useApiIdKind(id);
		if (kind === 'asset' || fileInputs?.files.has(field)) return [];
		const problem =
			kind === 'task' ? 'is a task ID, not an asset ID' : 'is not a useapi.net Runway asset ID';
		const binary = fileInputs
			? `, or the name of a binary field of the input item (its binary fields: ${listOrNone(fileInputs.binaryFields)})`
			: '';
		return [
			issue(
				field,
				id,
				`${field} ${show(id)} ${problem}: expected ${useApiIdForm('asset')}, as the Upload Asset ` +
					`node outputs it${binary}`,
			),
		];
	});

export const combinedReferencesWithinLimit: Rule = ({ request, model, images, videos }) => {
	const limit = model.combinedReferences;
	const total = images.length + videos.length;
	if (!limit || (total <= limit.max && videos.length <= limit.maxVideos)) return [];
	const last = [...images, ...videos][total - 1];
	return [
		issue(
			last,
			request[last],
			`${last} ${show(request[last])} makes ${total} references (${images.length} images + ` +
				`${videos.length} videos); ${model.id} takes at most ${limit.max} in total, at most ` +
				`${limit.maxVideos} videos`,
		),
	];
};

export const keyframeRules: Rule = ({ request, model, images, videos }) => {
	const keyframes = model.keyframes;
	if (!keyframes) return [];
	const { startFrameAssetId: start, endFrameAssetId: end } = request;
	const issues: RunwayValidationIssue[] = [];
	if (isGiven(end) && !isGiven(start)) {
		issues.push(
			issue(
				'endFrameAssetId',
				end,
				`endFrameAssetId ${show(end)} needs startFrameAssetId, which is missing`,
			),
		);
	}
	const keyframe = RUNWAY_KEYFRAME_FIELDS.find((field) => isGiven(request[field]));
	const references = [...images, ...videos];
	if (keyframes.withReferences === 'exclusive' && keyframe && references.length > 0) {
		issues.push(
			issue(
				keyframe,
				request[keyframe],
				`${keyframe} ${show(request[keyframe])} cannot be combined with ${references.join(', ')} ` +
					`on ${model.id}: keyframe mode and multi-reference mode are mutually exclusive`,
			),
		);
	}
	if (keyframes.withReferences === 'startFrameOnly' && isGiven(end) && images.length > 0) {
		issues.push(
			issue(
				'endFrameAssetId',
				end,
				`endFrameAssetId ${show(end)} cannot be combined with reference images ` +
					`(${images.join(', ')}) on ${model.id}; only startFrameAssetId can`,
			),
		);
	}
	return issues;
};

export const editVideoReferenceLimit: Rule = ({ request, model, images }) => {
	const edit = model.editVideo;
	if (!edit?.supported || !isGiven(request.videoAssetId)) return [];
	if (images.length <= edit.maxReferenceImages) return [];
	const firstExtra = images[edit.maxReferenceImages];
	return [
		issue(
			firstExtra,
			request[firstExtra],
			`${firstExtra} ${show(request[firstExtra])}: Edit Video (videoAssetId set) on ${model.id} ` +
				`takes at most ${edit.maxReferenceImages} reference images; ${images.length} supplied ` +
				`(${images.join(', ')})`,
		),
	];
};
