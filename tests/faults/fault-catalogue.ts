import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { submitCase } from '@hotline/core';
import { deleteRedisPrefix } from '@hotline/testing';
import { settings } from './fault-settings.js';
import { STORM_CATEGORY, TWILIO_TOKEN, type Harness } from './harness.js';

export const FAULT_NAMES = [
  'worker kill -9',
  'API kill -9',
  'Redis keys flushed',
  'Redis killed, restarted empty',
  'Redis down',
  'Redis hung',
  'Redis at maxmemory',
  'Postgres cut',
  'Postgres hung',
  'duplicate SMS',
  'deadline storm',
] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

/** What a fault found beyond the auditor's four invariants, counted under one of them. */
export interface FaultFinding {
  invariant: 'intake' | 'duplicates';
  what: string;
}

export interface Fault {
  name: FaultName;
  /** Breaks something; resolves when the fault is in place. */
  inject: (h: Harness) => Promise<void>;
  /** How long the fault lasts before it is lifted. */
  lastsMs: () => number;
  /** Ends the fault (a restart, a reconnection); recovery is timed from here. */
  lift: (h: Harness) => Promise<void>;
  /** Checks of its own once the system has recovered; a figure or two for the table's notes. */
  check?: (h: Harness) => Promise<{ findings: FaultFinding[]; note?: string }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const faultMs = () => settings.faultMs;
const nothing = async () => {};
/** A supervisor restarts a crashed process after a short back-off. */
const SUPERVISOR_BACKOFF_MS = 1000;

function duplicateSms(): Fault {
  const sent: { sid: string; text: string; statuses: number[] }[] = [];
  return {
    name: 'duplicate SMS',
    async inject(h) {
      const url = `${h.baseUrl}/webhooks/sms/twilio`;
      const run = Date.now().toString(16);
      for (let m = 0; m < settings.smsMessages; m++) {
        const sid = `SM${run}${String(m).padStart(8, '0')}`;
        const params = {
          MessageSid: sid,
          AccountSid: 'AC00000000000000000000000000000000',
          From: `0988${String(m).padStart(6, '0')}`,
          To: h.province.hotlineNumber,
          Body: `Tin nhắn thử ${sid}: nước ngập đường sau mưa lớn.`,
          NumMedia: '0',
        };
        const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, url, params);
        // The gateway delivers the same message several times at once (retries crossing).
        const statuses = await Promise.all(
          Array.from({ length: settings.smsCopies }, async () => {
            try {
              const res = await fetch(url, {
                method: 'POST',
                headers: {
                  'content-type': 'application/x-www-form-urlencoded',
                  'x-twilio-signature': signature,
                },
                body: new URLSearchParams(params).toString(),
              });
              await res.arrayBuffer();
              return res.status;
            } catch {
              return 0;
            }
          }),
        );
        sent.push({ sid, text: params.Body, statuses });
      }
    },
    lastsMs: () => 0,
    lift: nothing,
    async check(h) {
      const findings: FaultFinding[] = [];
      const { raw: sql } = h.database;
      for (const s of sent) {
        const bad = s.statuses.filter((st) => st !== 200);
        if (bad.length > 0) {
          findings.push({
            invariant: 'intake',
            what: `${s.sid}: deliveries answered ${bad.join(',')}`,
          });
        }
        const [row] = await sql<{ messages: number; cases: number; replies: number }[]>`
          select (select count(*)::int from inbound_messages where provider_message_id = ${s.sid}) as messages,
                 (select count(*)::int from cases where text = ${s.text}) as cases,
                 (select count(*)::int from notifications
                   where recipient_key like ${`sms-reply:%:${s.sid}`}) as replies`;
        if (row!.messages !== 1 || row!.cases !== 1 || row!.replies !== 1) {
          const kind =
            row!.messages > 1 || row!.cases > 1 || row!.replies > 1 ? 'duplicates' : 'intake';
          findings.push({
            invariant: kind,
            what: `${s.sid}: ${row!.messages} message(s), ${row!.cases} case(s), ${row!.replies} reply(ies)`,
          });
        }
      }
      return {
        findings,
        note: `${sent.length} SMS × ${settings.smsCopies} deliveries at once`,
      };
    },
  };
}

function deadlineStorm(): Fault {
  let at = 0;
  const p = settings.stormPolicy;
  const seconds = (iso: string) => Number(/PT(\d+)S/.exec(iso)?.[1] ?? 0);
  const lastDueMs = () =>
    (seconds(p.resolution) + seconds(p.rung2After) + seconds(p.rung3After)) * 1000;
  return {
    name: 'deadline storm',
    async inject(h) {
      // One instant of receipt for every case: their deadlines (warning, breach, each rung)
      // fall due in the same millisecond, four storms of `stormCases` timers each.
      const receivedAt = new Date();
      at = receivedAt.getTime();
      for (let i = 0; i < settings.stormCases; i++) {
        await submitCase(
          { sql: h.database.raw, randomBytes },
          {
            body: { categoryCode: STORM_CATEGORY, text: `Bão hạn ${i}: cống thoát nước bị tắc.` },
            channel: 'web',
            actor: { kind: 'citizen' },
          },
          receivedAt,
        );
      }
    },
    // Until the last rung of the storm is due (and its grace passed): then the audit says
    // whether every one was recorded, once, and not early.
    lastsMs: () => Math.max(0, at + lastDueMs() + settings.firingGraceMs - Date.now()),
    lift: nothing,
    async check(h) {
      const { raw: sql } = h.database;
      const late = await sql<{ late_ms: number }[]>`
        with storm as (
          select c.id, c.sla_timers from cases c join categories k on k.id = c.category_id
          where k.code = ${STORM_CATEGORY}),
        t as (select s.id, x->>'kind' as kind, (x->>'at')::timestamptz as at
              from storm s, jsonb_array_elements(s.sla_timers) x)
        select extract(epoch from e.occurred_at - t.at)::float8 * 1000 as late_ms
        from case_events e join t on t.id = e.case_id
        where (e.type = 'sla_breached' and t.kind = 'due:' || (e.payload->>'target'))
           or (e.type = 'sla_warning' and t.kind = 'warn:' || (e.payload->>'target'))
           or (e.type = 'escalated' and (e.payload->>'level')::int > 1
               and t.kind = 'rung:' || (e.payload->>'level'))
        order by 1`;
      const ms = late.map((r) => r.late_ms);
      const pick = (q: number) =>
        Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN);
      const expected = settings.stormCases * 4;
      const findings: FaultFinding[] =
        ms.length === expected
          ? []
          : [{ invariant: 'intake', what: `${ms.length} of ${expected} storm deadlines recorded` }];
      return {
        findings,
        note:
          `storm: ${settings.stormCases} cases × 4 deadlines due at once; lateness of the recorded ` +
          `event p50 ${pick(0.5)} ms, p99 ${pick(0.99)} ms, max ${pick(1)} ms`,
      };
    },
  };
}

/** Every fault, in the order the suite injects them. */
export function faultCatalogue(): Fault[] {
  return [
    {
      name: 'worker kill -9',
      inject: (h) => h.worker.kill('SIGKILL'),
      lastsMs: () => SUPERVISOR_BACKOFF_MS,
      lift: async (h) => h.worker.start(),
    },
    {
      name: 'API kill -9',
      inject: (h) => h.api.kill('SIGKILL'),
      lastsMs: () => SUPERVISOR_BACKOFF_MS,
      lift: async (h) => h.api.start(),
    },
    {
      // Never FLUSHALL: the suite deletes its own prefix's keys (the same loss for the system).
      name: 'Redis keys flushed',
      inject: (h) => deleteRedisPrefix(h.prefix, h.redis.url),
      lastsMs: faultMs,
      lift: nothing,
    },
    {
      name: 'Redis killed, restarted empty',
      inject: (h) => h.redis.kill('SIGKILL'),
      lastsMs: faultMs,
      lift: (h) => h.redis.start(),
    },
    {
      name: 'Redis down',
      inject: async (h) => h.redisProxy.cut(),
      lastsMs: faultMs,
      lift: async (h) => h.redisProxy.restore(),
    },
    {
      // Every client's commands wait unanswered; the pause ends by itself.
      name: 'Redis hung',
      inject: async (h) => {
        await h.redisClient.call('CLIENT', 'PAUSE', String(settings.faultMs), 'ALL');
      },
      lastsMs: faultMs,
      lift: async (h) => {
        await h.redisClient.ping();
      },
    },
    {
      // noeviction: every write is refused with OOM, reads still answer.
      name: 'Redis at maxmemory',
      inject: async (h) => {
        await h.redisClient.config('SET', 'maxmemory', '1');
      },
      lastsMs: faultMs,
      lift: async (h) => {
        await h.redisClient.config('SET', 'maxmemory', '0');
      },
    },
    {
      name: 'Postgres cut',
      inject: async (h) => h.pgProxy.cut(),
      lastsMs: faultMs,
      lift: async (h) => h.pgProxy.restore(),
    },
    {
      name: 'Postgres hung',
      inject: async (h) => h.pgProxy.hang(),
      lastsMs: faultMs,
      lift: async (h) => h.pgProxy.resume(),
    },
    duplicateSms(),
    deadlineStorm(),
  ];
}

export { sleep };
