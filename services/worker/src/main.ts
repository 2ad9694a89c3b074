// Starts the worker: `pnpm --filter @hotline/worker start`. Closes gracefully on SIGINT/SIGTERM.
import closeWithGrace from 'close-with-grace';
import { createLogger, loadConfig } from '@hotline/config';
import { startWorker } from './start-worker.js';

const config = loadConfig();
const log = createLogger(config, { service: 'worker' });
const worker = startWorker(config, log);
log.info({ queues: ['routing', 'sla', 'notifications', 'maintenance'] }, 'worker started');

closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'closing after an error');
  else log.info({ signal }, 'shutting down');
  await worker.close();
});
