/**
 * An archived page shown in the raw view must not make the reader's browser contact the original site.
 * Its CSP blocks every load, but Chromium still opens a TCP connection (no HTTP request) to the origin of
 * an `<iframe src>` / `<frame src>` before the policy is applied: the publisher learns the reader's address
 * and the time. So the copy shown renames the attributes that name a nested document (`src`, `srcdoc`,
 * `data`) on frame-like elements to `data-archived-*`; everything else is as archived, and the exact bytes
 * stay one click away (`/s/<id>/raw/original`, a download).
 */
const FRAME_TAG = /<(iframe|frame|object|embed)\b[^>]*>/gi;
const NESTED_DOCUMENT_ATTR = /(\s)(src|srcdoc|data)(\s*=)/gi;

export function neutraliseFrames(html: string): string {
  return html.replace(FRAME_TAG, (tag) => tag.replace(NESTED_DOCUMENT_ATTR, '$1data-archived-$2$3'));
}
