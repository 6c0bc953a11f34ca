/*
 * Behaviour the emulator assumes although no document in the project confirms it. Every entry is
 * checked against the real APIs by `npm run test:live` (test/live), which compares the shapes of
 * the real answers with the emulator's; keep each assumption here and nowhere else.
 */

/** Runware. */
export const RUNWARE_ASSUMPTIONS = {
	/**
	 * getResponse for a taskUUID the API does not know: an `errors[]` item with this code (the
	 * reference lists the code among "not-found" errors, not as the answer to an unknown UUID).
	 */
	unknownTaskCode: 'taskFailedOrNotFound',
	unknownTaskMessage: (taskUUID: string) => `No task found with taskUUID ${taskUUID}.`,
	/**
	 * Several getResponse tasks in one POST are answered together, one item per task ("plausible
	 * but unverified", Runware's reference, "Results and download"); nothing in the emulator's code marks this but the router.
	 */
	batchedGetResponse: true,
	/** A webhook POST carries the getResponse envelope `{data:[item]}` per completed item. */
	webhookShape: 'envelope',
} as const;

/** useapi.net (Runway). */
export const USEAPI_ASSUMPTIONS = {
	/** The text of a 422 (moderated prompt); the reference names the status, not the text. */
	moderatedText: 'Your prompt was flagged by Runway moderation. Please adjust it and try again.',
	/** The text of a 596 (linked account broken); ditto. */
	brokenAccountText:
		'Runway account is in an error state (session expired or pending moderation), re-add it',
	/** DELETE /assets/{assetId}: the reply ("response shape unknown", useapi.net's reference, "Assets"). */
	assetDeleteReply: (assetId: string) => ({ assetId, deleted: true }),
} as const;
