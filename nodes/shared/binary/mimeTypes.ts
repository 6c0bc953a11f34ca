/** MIME types of the file extensions the providers' upload formats use. */
const BY_EXTENSION: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	jfif: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	mpo: 'image/mpo',
	mp4: 'video/mp4',
	m4v: 'video/mp4',
	mov: 'video/quicktime',
	qt: 'video/quicktime',
	'3gp': 'video/3gpp',
	mkv: 'video/x-matroska',
	flv: 'video/x-flv',
	mpeg: 'video/mpeg',
	mpg: 'video/mpeg',
	ts: 'video/mp2t',
	m2ts: 'video/mp2t',
	avi: 'video/x-msvideo',
	mjpeg: 'video/x-motion-jpeg',
	mjpg: 'video/x-motion-jpeg',
	webm: 'video/webm',
	ogv: 'video/ogg',
	wav: 'audio/wav',
	mp3: 'audio/mpeg',
	flac: 'audio/flac',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	weba: 'audio/webm',
};

// Types that say nothing about the content.
const GENERIC = new Set([
	'',
	'application/octet-stream',
	'binary/octet-stream',
	'application/binary',
]);

function bare(mimeType: string): string {
	return mimeType.split(';')[0].trim().toLowerCase();
}

/** The type a file name's extension suggests, if it is one of the upload formats. */
export function mimeTypeOfFileName(fileName: string): string | undefined {
	const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	return extension === undefined ? undefined : BY_EXTENSION[extension];
}

/**
 * The types a file may have, best first: the declared one (unless it says nothing, like
 * application/octet-stream), then the one its file name suggests.
 */
export function mimeTypeCandidates(declared: string | undefined, fileName: string): string[] {
	const candidates = [bare(declared ?? ''), mimeTypeOfFileName(fileName) ?? ''];
	return [...new Set(candidates.filter((type) => !GENERIC.has(type)))];
}
