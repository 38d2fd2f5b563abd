import type { Dispatcher } from 'undici';
import { watchTransferRate, type MinTransferRate } from './transferRate.js';

/** A response body as undici hands it over: read capped (readCapped) or drained (discard). */
export type ResponseBody = Dispatcher.ResponseData['body'];

/** Reads at most maxBytes; stopping early destroys the stream, which aborts the request. */
export async function readCapped(stream: ResponseBody, maxBytes: number, minRate: MinTransferRate): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const watch = watchTransferRate(stream, () => size, minRate);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (size + chunk.length > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - size));
        size = maxBytes;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } finally {
    watch.stop();
  }
  if (truncated) stream.destroy();
  return { body: Buffer.concat(chunks, size), truncated };
}

/** Drains a body we don't keep (redirects, retried errors) so the connection can be reused. */
export async function discard(stream: ResponseBody): Promise<void> {
  try {
    await stream.dump();
  } catch {
    stream.destroy();
  }
}
