/**
 * JSON request bodies for the relay's small HTTP APIs (api.ts, contacts/): read with a
 * size limit, parsed with a schema, and refused with a status and a machine-readable code.
 */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';

export const MAX_BODY_BYTES = 16 * 1024;

/** A refusal the API answers as `{ error: code, message }` with `status`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    throw new HttpError(415, 'unsupported-media-type', 'Send application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'too-large', 'Request body too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-json', 'Request body is not JSON');
  }
}

/** `body` parsed with `schema`, or a 400 naming the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new HttpError(400, 'invalid', `${issue?.path.join('.') || 'body'}: ${issue?.message}`);
  }
  return result.data;
}
