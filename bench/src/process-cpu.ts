// CPU time of given processes, read from /proc: a measure that, unlike throughput or the
// machine's busy time, hardly moves when other work shares the machine.
import { readdirSync, readFileSync } from 'node:fs';
import type { Sql } from 'postgres';

/** User + system CPU time (ms) a process has used so far; 0 once it has gone. */
export function processCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // The command name (field 2) may hold spaces: count fields from after its closing paren.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (USER_HZ, 100).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Read and write system calls a process has made so far (each socket read or write is one). */
export function processSyscalls(pid: number): { reads: number; writes: number } {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(io)?.[1] ?? 0);
    return { reads: field('syscr'), writes: field('syscw') };
  } catch {
    return { reads: 0, writes: 0 };
  }
}

/** The Redis server's processes on this machine (shared with whatever else uses it). */
export function redisPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('redis-server');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The Postgres backends serving one database for clients of one application name. */
export async function backendPids(sql: Sql, database: string, applicationName: string) {
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = ${database} and application_name = ${applicationName}`;
  return rows.map((r) => r.pid);
}

/**
 * Starts counting the CPU of some Node processes and of the Postgres backends that the given
 * query lists (backends opened later count from zero), and of Redis; `end()` gives each part's
 * milliseconds.
 */
export async function startProcessCpu(
  nodePids: readonly number[],
  backends: () => Promise<number[]>,
) {
  const sum = (pids: readonly number[]) => pids.reduce((s, pid) => s + processCpuMs(pid), 0);
  const redis = redisPids();
  const redisBefore = sum(redis);
  const nodeBefore = sum(nodePids);
  const pgBefore = new Map((await backends()).map((pid) => [pid, processCpuMs(pid)]));
  return async () => {
    const nodeMs = sum(nodePids) - nodeBefore;
    const redisMs = sum(redis) - redisBefore;
    let pgMs = 0;
    for (const pid of await backends()) pgMs += processCpuMs(pid) - (pgBefore.get(pid) ?? 0);
    return { nodeMs, pgMs, redisMs };
  };
}
