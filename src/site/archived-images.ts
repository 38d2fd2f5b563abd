/**
 * Archived page requisites on the site: which of a snapshot's images can be shown from the archive
 * (`/s/<id>/img/<n>.<ext>`, n = index in snapshot.json `requisites.images`), and the rules for serving
 * their bytes. Only raster image types are served: SVG can carry script and links, so an archived SVG
 * keeps its placeholder like an image that was never archived.
 */
import type { ArchivedRequisiteImage, SnapshotRecord } from '../snapshot/index.js';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/png': 'png',
  'image/apng': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
};

/** The media type of a Content-Type value, lower-case, parameters dropped; '' when absent. */
export function mediaTypeOf(contentType: string | undefined | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The file extension the site uses for a servable image type; null for anything it will not serve. */
export function servableImageExtension(contentType: string | undefined | null): string | null {
  return Object.hasOwn(EXTENSIONS, mediaTypeOf(contentType)) ? EXTENSIONS[mediaTypeOf(contentType)] : null;
}

/** One image of a snapshot the site can show from the archive. */
export interface ShownImage {
  n: number;
  ext: string;
  image: ArchivedRequisiteImage;
}

/** The archived, servable images of a snapshot by their URL (as the article names them). */
export function shownImages(record: Pick<SnapshotRecord, 'requisites'>): Map<string, ShownImage> {
  const out = new Map<string, ShownImage>();
  (record.requisites?.images ?? []).forEach((image, n) => {
    if (image.status !== 'archived') return;
    const ext = servableImageExtension(image.contentType);
    if (ext && !out.has(image.url)) out.set(image.url, { n, ext, image });
  });
  return out;
}

/** The same URL as the body Markdown may spell it (WHATWG-serialized); the input when it does not parse. */
export function sameUrlKey(url: string): string {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim();
  }
}
