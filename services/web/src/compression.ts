import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses what the browser UI sends (pages, CSS, JS) with brotli or gzip, as the browser
 * accepts: a cheap phone on a slow network gets the portal in a fraction of the bytes. Register
 * it inside the UI's own scope: the API's JSON, exports and attachment downloads stay as they
 * are. Ranges (206) and bodies under 1 KiB are left alone by the plugin.
 */
export async function compressResponses(scope: FastifyInstance) {
  await scope.register(fastifyCompress, {
    // Every browser speaks these two; deflate and zstd would only add variants to cache.
    encodings: ['br', 'gzip'],
    // Browsers never compress a form they post: inflating request bodies is only risk here.
    globalDecompression: false,
  });
}
