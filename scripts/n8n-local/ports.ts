/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as net from 'node:net';

/** A port nobody listens on right now on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** Fails with a readable message when something already listens on the port. */
export async function assertPortFree(port: number, purpose: string): Promise<void> {
	const server = net.createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) =>
			reject(
				error.code === 'EADDRINUSE'
					? new Error(
							`Port ${port} (${purpose}) is in use; stop what uses it or choose another port`,
						)
					: error,
			),
		);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	await new Promise<void>((resolve) => server.close(() => resolve()));
}
