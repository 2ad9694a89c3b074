import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The last bytes of a service's output kept for a failure's report (a run logs for minutes). */
const KEEP_OUTPUT = 64 * 1024;

/** An exit nobody asked for: the suite records it as a failure of the fault under way. */
export interface UnexpectedExit {
  service: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
  tail: string;
}

/**
 * A service run as a child process (its real entry point, as `npm start` does), which the suite
 * can kill with SIGKILL and start again as a supervisor would. An exit the suite did not cause
 * is recorded, never hidden: `unexpectedExits`.
 */
export class Service {
  private child: ChildProcess | null = null;
  private out = '';
  private exited: Promise<void> = Promise.resolve();
  readonly unexpectedExits: UnexpectedExit[] = [];

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
  ) {}

  get isRunning() {
    return this.child !== null;
  }

  start() {
    const child = spawn(process.execPath, ['--import', 'tsx', this.entry], {
      cwd: root,
      // Child processes inherit the environment on purpose: it is how services are configured.
      // eslint-disable-next-line no-restricted-properties
      env: { ...process.env, LOG_LEVEL: 'warn', LOG_PRETTY: 'false', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => {
      this.out = (this.out + d.toString()).slice(-KEEP_OUTPUT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (this.child === child) {
          this.unexpectedExits.push({
            service: this.name,
            code,
            signal,
            at: Date.now(),
            tail: this.out.slice(-4000),
          });
          this.child = null;
        }
        resolve();
      }),
    );
  }

  /** Sends a signal the suite means (SIGKILL: a crash; SIGTERM: a clean stop) and waits. */
  async kill(signal: NodeJS.Signals = 'SIGKILL') {
    const child = this.child;
    if (!child) return;
    this.child = null;
    child.kill(signal);
    await this.exited;
  }

  output() {
    return this.out;
  }
}
