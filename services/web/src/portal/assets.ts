import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ASSETS_PREFIX } from './paths.js';
import type { AssetUrls } from './render.js';

/** The portal's templates and static files (not built: served as written). */
export const VIEWS_DIR = fileURLToPath(new URL('../../portal/views', import.meta.url));
export const PUBLIC_DIR = fileURLToPath(new URL('../../portal/public', import.meta.url));

const versioned = (file: string) => {
  const hash = createHash('sha256')
    .update(readFileSync(`${PUBLIC_DIR}/${file}`))
    .digest('hex')
    .slice(0, 12);
  return `${ASSETS_PREFIX}${file}?v=${hash}`;
};

/** Addresses carrying each file's content hash, so browsers may cache them for a year. */
export const assetUrls = (): AssetUrls => ({
  css: versioned('portal.css'),
  js: versioned('portal.js'),
  icon: versioned('favicon.svg'),
});
