// Where a load phase's CPU went on this one machine: the API process (asked over IPC), this
// process (the load generator) and the rest, which during a phase is Postgres and Redis.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Sends `kind` to the child and resolves with its first answer of the same kind. */
export const ask = <T>(child: ChildProcess, kind: string) =>
  new Promise<T>((resolve) => {
    const on = (m: { kind: string }) => {
      if (m.kind === kind) {
        child.off('message', on);
        resolve(m as T);
      }
    };
    child.on('message', on);
    child.send({ kind });
  });

/** CPU time (ms) the whole machine has spent busy, from /proc/stat. */
function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields.map(Number);
  // /proc/stat counts in clock ticks (USER_HZ, 100 on Linux).
  return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** The API processes' CPU time so far (ms). */
const apiCpuMs = async (api: readonly ChildProcess[]) => {
  const usages = await Promise.all(api.map((a) => ask<{ usage: NodeJS.CpuUsage }>(a, 'cpu')));
  return usages.reduce((sum, u) => sum + cpuMs(u.usage), 0);
};

/** Starts a measurement; `end(requests)` gives CPU ms per request by part. */
export async function startCpuSplit(api: readonly ChildProcess[]) {
  const apiBefore = await apiCpuMs(api);
  const selfBefore = process.cpuUsage();
  const machineBefore = machineBusyMs();
  return async (requests: number) => {
    const machine = machineBusyMs() - machineBefore;
    const self = cpuMs(process.cpuUsage(selfBefore));
    const apiMs = (await apiCpuMs(api)) - apiBefore;
    const per = (ms: number) => (requests > 0 ? ms / requests : NaN);
    return {
      apiMs: per(apiMs),
      loadMs: per(self),
      restMs: per(Math.max(0, machine - apiMs - self)),
    };
  };
}
