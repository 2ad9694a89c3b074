/**
 * How the case page may show a stored file in place: photos as images, PDFs in a frame. Only
 * types browsers render without running the file's own code (no SVG, no HTML); anything else,
 * HEIC photos among them, is downloaded. The type is the one found from the file's bytes.
 */
export type PreviewKind = 'image' | 'pdf';

const PREVIEWS: Readonly<Record<string, PreviewKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'application/pdf': 'pdf',
};

/** The preview of a file of this type, or null: downloaded only. */
export function previewKindOf(contentType: string | null): PreviewKind | null {
  if (contentType === null) return null;
  return PREVIEWS[contentType.toLowerCase()] ?? null;
}
