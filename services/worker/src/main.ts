// Starts the worker: `pnpm --filter @hotline/worker start`. Closes gracefully on SIGINT/SIGTERM.
// An uncaught error closes it too (close-with-grace), and whatever supervises it (npm start,
// the production start, an orchestrator) starts it again.
import closeWithGrace from 'close-with-grace';
import { createLogger, loadConfig } from '@hotline/config';
import { QUEUE_NAMES } from '@hotline/contracts';
import { startHealthServer } from './health-server.js';
import { startWorker } from './start-worker.js';

const config = loadConfig();
const log = createLogger(config, { service: 'worker' });
const worker = startWorker(config, log);
log.info({ queues: QUEUE_NAMES }, 'worker started');
const health = await startHealthServer({
  host: config.host,
  port: config.workerHealthPort,
  readiness: () => worker.readiness(),
  log,
});

closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'closing after an error');
  else log.info({ signal }, 'shutting down');
  await health.close();
  await worker.close();
});
