const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text is a UUID, the form of every Runware task, media and image ID. */
export function isRunwareUuid(id: string): boolean {
	return UUID.test(id);
}
