import type { Logger } from '@hotline/config';
import { relayOutbox } from '@hotline/core';
import type { Database } from '@hotline/db';
import type { JobPublisher } from '@hotline/queue';

export interface OutboxRelay {
  stop(): Promise<void>;
}

/**
 * Relays committed outbox rows to BullMQ, polling every `pollMs` and draining without pause
 * while rows remain. Polling, not LISTEN/NOTIFY: NOTIFY takes a global lock at commit and
 * halved intake throughput when measured (bench/). This loop cannot itself be a BullMQ job: it
 * must keep running, and keep the work safe in Postgres, while Redis is down.
 */
export function startOutboxRelay(deps: {
  db: Database;
  publisher: JobPublisher;
  log: Logger;
  pollMs: number;
}): OutboxRelay {
  const { log } = deps;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let failures = 0;

  async function pass() {
    let delay = deps.pollMs;
    try {
      let relayed: number;
      do {
        relayed = await relayOutbox(deps);
        if (relayed > 0) log.debug({ relayed }, 'outbox relayed');
      } while (relayed > 0 && !stopped);
      if (failures > 0) log.info({ after: failures }, 'outbox relay recovered');
      failures = 0;
    } catch (err) {
      failures++;
      // Back off up to 5 s; the rows stay in Postgres meanwhile.
      delay = Math.min(deps.pollMs * 2 ** Math.min(failures, 6), 5000);
      if (failures === 1 || failures % 20 === 0) {
        log.warn(
          { err: (err as Error).message, failures, retryInMs: delay },
          'outbox relay failed',
        );
      }
    }
    if (!stopped) {
      timer = setTimeout(() => {
        running = pass();
      }, delay);
    }
  }

  running = pass();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
