export interface Deferred<T> {
	promise: Promise<T>;
	resolve(value: T | Promise<T>): void;
}

/** n8n-workflow 2.41 no longer exports `createDeferredPromise`. */
export function createDeferred<T>(): Deferred<T> {
	let resolve!: Deferred<T>['resolve'];
	const promise = new Promise<T>((settle) => {
		resolve = settle;
	});
	return { promise, resolve };
}
