/**
 * Hocuspocus with its defaults (no extensions, so no persistence: a document lives in
 * memory while it has connections), on 127.0.0.1 and the port given as the first argument.
 * `quiet` only suppresses the start banner.
 */
import { Server } from '@hocuspocus/server';

const port = Number(process.argv[2] ?? 0);
const server = new Server({ port, address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`hocuspocus listening on ${server.webSocketURL}\n`);
