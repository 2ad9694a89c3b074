// Starts the worker: `pnpm --filter @hotline/worker start`. Closes gracefully on SIGINT/SIGTERM.
import closeWithGrace from 'close-with-grace';
import { createLogger, loadConfig } from '@hotline/config';
import { QUEUE_NAMES } from '@hotline/contracts';
import { startWorker } from './start-worker.js';

const config = loadConfig();
const log = createLogger(config, { service: 'worker' });
const worker = startWorker(config, log);
log.info({ queues: QUEUE_NAMES }, 'worker started');

closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'closing after an error');
  else log.info({ signal }, 'shutting down');
  await worker.close();
});
