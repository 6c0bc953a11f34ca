const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text is a UUID, the form of every Runware task, media and image ID. */
export function isRunwareUuid(id: string): boolean {
	return UUID.test(id);
}

// provider:id@version, e.g. klingai:5@2 or civitai:133005@782002: nothing in it can leave a path segment.
const AIR = /^[a-z0-9-]+:[a-z0-9.-]+@[a-z0-9.-]+$/i;

/** Whether the text is an AIR, the form of every Runware model identifier. */
export function isRunwareAir(text: string): boolean {
	return AIR.test(text);
}
