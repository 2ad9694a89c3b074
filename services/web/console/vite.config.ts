import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The officials' console: a single-page app served by the API process at /console/ (same
// origin, so the session cookie and CSRF token work without CORS).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    // Old hashed bundles stay: a page loaded before a rebuild keeps finding its assets (a
    // running server caches index.html). dist/ is never committed.
    emptyOutDir: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `pnpm --filter @hotline/web dev` next to `npm start`: API calls go to the running API.
    proxy: { '/v1': 'http://127.0.0.1:3000' },
  },
});
