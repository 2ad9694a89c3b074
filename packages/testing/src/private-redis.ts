import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { waitFor } from './wait-for.js';

export interface PrivateRedis {
  port: number;
  url: string;
  /** Kills the server (SIGKILL by default) and waits for it to be gone. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts it again on the same port: empty, since nothing is persisted. */
  start: () => Promise<void>;
  /** Stops it for good. */
  stop: () => Promise<void>;
}

/** The redis-server on the PATH, or null (the faults that need a server of their own skip). */
export function redisServerPath(): string | null {
  const found = spawnSync('which', ['redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

/** A TCP port free right now on 127.0.0.1. */
export async function freeTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A redis-server of a test's own, on a free loopback port with no persistence: SHUTDOWN,
 * CLIENT PAUSE, CONFIG SET maxmemory or a SIGKILL touch nothing the other tests share.
 */
export async function startPrivateRedis(binary = redisServerPath()): Promise<PrivateRedis> {
  if (!binary) throw new Error('redis-server is not on the PATH');
  const port = await freeTcpPort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const proc = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      // What the server prints is of no use to a test; a failed start shows as no answer.
      { stdio: 'ignore' },
    );
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    await waitFor(
      async () => {
        const probe = new Redis(url, {
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        });
        probe.on('error', () => {});
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG' ? true : undefined;
        } catch {
          return undefined;
        } finally {
          probe.disconnect();
        }
      },
      { timeoutMs: 10_000, intervalMs: 50, what: `redis-server on port ${port}` },
    );
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    child = null;
  };
  await start();
  return { port, url, kill, start, stop: () => kill('SIGTERM') };
}
