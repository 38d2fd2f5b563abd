import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * What decides "changed": the extracted body text, so rotating ads or timestamps in the markup don't
 * make a new version. Pages with no extractable text fall back to the raw bytes' hash.
 */
export function contentHashOf(bodyText: string, rawSha256: string): string {
  return bodyText.trim() === '' ? rawSha256 : sha256Hex(bodyText);
}
