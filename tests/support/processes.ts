import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@hotline/testing';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts a service's real entry point (as `npm start` does) with extra environment. */
export function spawnService(
  entry: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    // Child processes inherit the environment on purpose: it is how services are configured.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, LOG_LEVEL: 'info', LOG_PRETTY: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** A TCP port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until `${baseUrl}/readyz` answers 200 (a service started from scratch, or restarted). */
export async function waitUntilReady(baseUrl: string, timeoutMs: number, what = 'API ready') {
  await waitFor(
    async () => {
      try {
        return (await fetch(`${baseUrl}/readyz`)).ok ? true : undefined;
      } catch {
        return undefined;
      }
    },
    { timeoutMs, what },
  );
}
