import { createHash } from 'node:crypto';

import { USEAPI_ASSUMPTIONS } from '../assumptions';
import type { Reply, RequestContext } from '../http';
import { json } from '../http';
import { extensionFor } from '../media/files';
import type { SharedState } from '../state';
import type { RunwayAccount } from './accounts';
import { parseUseApiId, useApiId } from './ids';

/** The Content-Type allow-list of POST /assets (useapi.net's reference, "Assets"). */
export const ASSET_CONTENT_TYPES = [
	...['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/mpo'],
	...[
		'video/mp4',
		'video/quicktime',
		'video/3gpp',
		'video/x-matroska',
		'video/x-flv',
		'video/mpeg',
	],
	...['video/MP2T', 'video/x-msvideo', 'video/x-motion-jpeg', 'video/webm', 'video/ogg'],
	...['audio/wav', 'audio/wave', 'audio/mpeg', 'audio/flac', 'audio/ogg', 'audio/webm'],
] as const;

/** Uploads larger than this keep only their size and hash; their URL then serves a padded sample. */
const KEEP_BYTES_LIMIT = 16 * 1024 * 1024;

export interface StoredAsset {
	assetId: string;
	id: string;
	email: string;
	name: string;
	contentType: string;
	mediaType: 'image' | 'video' | 'audio';
	size: number;
	sha256: string;
	url: string;
	createdAt: string;
}

export function assetJson(asset: StoredAsset): Record<string, unknown> {
	const [, subtype] = asset.contentType.split('/');
	return {
		assetId: asset.assetId,
		id: asset.id,
		name: asset.name,
		type: { name: asset.mediaType, type: asset.mediaType, isDirectory: false },
		size: asset.size,
		fileSize: asset.size,
		url: asset.url,
		previewUrls: [],
		createdAt: asset.createdAt,
		private: true,
		isUserUpload: true,
		mediaType: asset.mediaType,
		mediaSubtype: subtype,
		metadata: { hasAlphaChannel: false, hasAudio: asset.mediaType !== 'image' },
		taskId: null,
	};
}

function allowedContentType(header: string | undefined): string | undefined {
	const type = (header ?? '').split(';')[0].trim().toLowerCase();
	return ASSET_CONTENT_TYPES.find((allowed) => allowed.toLowerCase() === type);
}

function badRequest(message: string): Reply {
	return json(400, { error: message, code: 400 });
}

export class AssetStore {
	private assets = new Map<string, StoredAsset>();

	constructor(
		private readonly shared: SharedState,
		private readonly accounts: () => RunwayAccount[],
	) {}

	all(): StoredAsset[] {
		return [...this.assets.values()];
	}

	clear(): void {
		this.assets.clear();
	}

	/** POST /v1/runwayml/assets/?name=&email=: raw body, Content-Type from the allow-list. */
	async upload(ctx: RequestContext): Promise<Reply> {
		const contentType = allowedContentType(ctx.req.headers['content-type']);
		if (!contentType) {
			return badRequest(
				`Content-Type ${JSON.stringify(ctx.req.headers['content-type'] ?? '')} is not supported, ` +
					`use one of: ${ASSET_CONTENT_TYPES.join(', ')}`,
			);
		}
		const name = ctx.query.get('name');
		if (!name) return badRequest('Parameter name is required');
		const chosen = this.accountFor(ctx.query.get('email') ?? undefined);
		if ('reply' in chosen) return chosen.reply;
		const { account } = chosen;
		const body = await this.readUpload(ctx);
		ctx.record.body = { kind: 'raw', bytes: body.size, contentType, sha256: body.sha256 };
		if (body.size === 0) return badRequest('Request body is empty, provide the file content');
		const id = this.shared.rng.uuid();
		const mediaType = contentType.split('/')[0] as StoredAsset['mediaType'];
		const url = this.shared.files.put(id, extensionFor(contentType), {
			kind: 'upload',
			contentType,
			data: body.data,
			bytes: body.size,
		});
		const asset: StoredAsset = {
			assetId: useApiId('asset', account.email, id),
			id,
			email: account.email,
			name,
			contentType,
			mediaType,
			size: body.size,
			sha256: body.sha256,
			url,
			createdAt: new Date().toISOString(),
		};
		this.assets.set(asset.assetId, asset);
		return json(200, assetJson(asset));
	}

	/** GET /v1/runwayml/assets/?offset=&limit=&email=&mediaType=: a bare array. */
	list(ctx: RequestContext): Reply {
		const offset = Number(ctx.query.get('offset') ?? Number.NaN);
		const limit = Number(ctx.query.get('limit') ?? Number.NaN);
		if (!Number.isInteger(offset) || offset < 0 || offset > 1000) {
			return badRequest('Parameter offset is required, a whole number from 0 to 1000');
		}
		if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
			return badRequest('Parameter limit is required, a whole number from 1 to 50');
		}
		const mediaType = ctx.query.get('mediaType');
		if (mediaType && !['video', 'image', 'audio'].includes(mediaType)) {
			return badRequest('Parameter mediaType must be one of video, image, audio');
		}
		const email = ctx.query.get('email');
		const matching = this.all()
			.filter((asset) => !email || asset.email === email)
			.filter((asset) => !mediaType || asset.mediaType === mediaType)
			.reverse();
		return json(200, matching.slice(offset, offset + limit).map(assetJson));
	}

	/** GET /v1/runwayml/assets/{assetId}. */
	getOne(ctx: RequestContext): Reply {
		const asset = this.assets.get(ctx.params[0]);
		return asset ? json(200, assetJson(asset)) : json(404, { error: 'Not found.', code: 404 });
	}

	/** DELETE /v1/runwayml/assets/{assetId}. */
	delete(ctx: RequestContext): Reply {
		const asset = this.assets.get(ctx.params[0]);
		if (!asset) return json(404, { error: 'Not found.', code: 404 });
		this.assets.delete(asset.assetId);
		this.shared.files.delete(asset.id);
		return json(200, USEAPI_ASSUMPTIONS.assetDeleteReply(asset.assetId));
	}

	/** Asset IDs must exist and belong to one account; that account runs the generation. */
	pinnedAccount(assetIds: string[]): { email?: string } | { error: string } {
		const emails = new Set<string>();
		for (const assetId of assetIds) {
			const parsed = parseUseApiId(assetId);
			if (!parsed || parsed.kind !== 'asset' || !this.assets.has(assetId)) {
				return { error: `Asset ${assetId} not found` };
			}
			emails.add(parsed.email);
		}
		if (emails.size > 1) {
			return { error: `Assets belong to different accounts: ${[...emails].join(', ')}` };
		}
		return { email: [...emails][0] };
	}

	private accountFor(email: string | undefined): { account: RunwayAccount } | { reply: Reply } {
		const accounts = this.accounts();
		if (email) {
			const account = accounts.find((candidate) => candidate.email === email);
			return account
				? { account }
				: { reply: badRequest(`Runway account ${email} is not configured`) };
		}
		if (accounts.length === 1) return { account: accounts[0] };
		return {
			reply: badRequest('Parameter email is required when several Runway accounts are configured'),
		};
	}

	private async readUpload(
		ctx: RequestContext,
	): Promise<{ size: number; sha256: string; data?: Buffer }> {
		const hash = createHash('sha256');
		const kept: Buffer[] = [];
		let size = 0;
		for await (const chunk of ctx.req) {
			const buffer = chunk as Buffer;
			hash.update(buffer);
			size += buffer.length;
			if (size <= KEEP_BYTES_LIMIT) kept.push(buffer);
		}
		return {
			size,
			sha256: hash.digest('hex'),
			data: size <= KEEP_BYTES_LIMIT ? Buffer.concat(kept) : undefined,
		};
	}
}
