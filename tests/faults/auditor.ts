import type { Redis } from 'ioredis';
import { slaSlotJobId, slaTimerJobId } from '@hotline/core';
import type { RawSql } from '@hotline/db';
import { OPEN_STATUSES } from '@hotline/domain';
import { LOAD_TEXT_MARK, type LoadRequest } from './load.js';

/** The four invariants, counted: zero everywhere is a clean audit. */
export interface AuditCounts {
  /** (i) a 201 without its case, or a case stored for a request that was told otherwise. */
  intake: number;
  /** (ii) an open case's timer neither in Redis nor fired, a case unrouted, the outbox stuck. */
  timers: number;
  /** (iii) something that happened twice: routed, a warning or breach, a rung, an SMS. */
  duplicates: number;
  /** (iv) a deadline event recorded before its due time. */
  early: number;
}

export interface AuditResult {
  counts: AuditCounts;
  /** Each violation by a stable key (so one seen before is not blamed on the next fault). */
  violations: Map<string, { invariant: keyof AuditCounts; what: string }>;
}

export interface AuditInput {
  sql: RawSql;
  redis: Redis;
  prefix: string;
  requests: readonly LoadRequest[];
  /**
   * The API honours Idempotency-Key: a request has at most one case whatever happened to its
   * attempts. Without it, a retry after no answer may store a second case (tolerated, since
   * the first attempt was in flight), but never one after a 5xx: that answer was false.
   */
  idempotencyKeys: boolean;
  /** Deliveries per notification at the SMS gateway stand-in. */
  smsDeliveries: ReadonlyMap<string, number>;
  firingGraceMs: number;
  drainWithinMs: number;
  /** Redis holds the timers due within this from now (the others wait in Postgres). */
  queuedWithinMs: number;
}

const OPEN = [...OPEN_STATUSES];

/** Checks the four invariants in SQL and Redis; see AuditCounts. */
export async function audit(input: AuditInput): Promise<AuditResult> {
  const violations: AuditResult['violations'] = new Map();
  const add = (invariant: keyof AuditCounts, key: string, what: string) =>
    violations.set(`${invariant}:${key}`, { invariant, what });
  const now = Date.now();

  await checkIntake(input, add);
  await checkTimers(input, now, add);
  await checkDuplicates(input, add);
  await checkEarly(input, add);

  const counts: AuditCounts = { intake: 0, timers: 0, duplicates: 0, early: 0 };
  for (const v of violations.values()) counts[v.invariant]++;
  return { counts, violations };
}

type Add = (invariant: keyof AuditCounts, key: string, what: string) => void;

/** (i) Every 201 has its case; no case beyond what the attempts' answers allow. */
async function checkIntake(input: AuditInput, add: Add) {
  // Settled before the cases are read: one answered while they are read may not be in them.
  const settled = input.requests.filter((r) => r.settled);
  const rows = await input.sql<{ code: string; key: string }[]>`
    select tracking_code as code, substring(text from ${`${LOAD_TEXT_MARK} ([0-9a-f-]{36})`}) as key
    from cases where text like ${`${LOAD_TEXT_MARK} %`}`;
  const codesByKey = new Map<string, string[]>();
  const keyByCode = new Map<string, string>();
  for (const r of rows) {
    codesByKey.set(r.key, [...(codesByKey.get(r.key) ?? []), r.code]);
    keyByCode.set(r.code, r.key);
  }
  for (const r of settled) {
    if (r.code && keyByCode.get(r.code) !== r.key) {
      add('intake', `missing:${r.key}`, `answered ${r.code} but no such case holds its text`);
    }
    const others = (codesByKey.get(r.key) ?? []).filter((c) => c !== r.code);
    const unanswered = r.attempts.filter((a) => a.outcome === 'no-answer').length;
    const allowed = input.idempotencyKeys ? (r.code ? 0 : Math.min(1, unanswered)) : unanswered;
    if (others.length > allowed) {
      const answers = r.attempts.map((a) => a.outcome).join(',');
      add(
        'intake',
        `unanswered-case:${r.key}`,
        `${others.length} case(s) without a 201 for a request answered [${answers}]`,
      );
    }
  }
}

/**
 * (ii) Every open case's timers due within the queue's horizon live in Redis or have fired;
 * routing and the outbox drain.
 */
async function checkTimers(input: AuditInput, now: number, add: Add) {
  const { sql } = input;
  const open = await sql<
    { id: string; generation: number; timers: { kind: string; at: string }[]; level: number }[]
  >`
    select id, deadline_generation as generation, sla_timers as timers,
           escalation_level as level
    from cases where status::text in ${sql(OPEN)} and sla_timers is not null`;
  const fired = new Set<string>();
  const events = await sql<
    {
      case_id: string;
      type: string;
      target: string | null;
      due: string | null;
      level: number | null;
    }[]
  >`
    select case_id, type, payload->>'target' as target, payload->>'dueAt' as due,
           (payload->>'level')::int as level
    from case_events where type in ('sla_warning', 'sla_breached', 'escalated')`;
  for (const e of events) {
    fired.add(
      e.type === 'escalated'
        ? `${e.case_id}|rung:${e.level}`
        : `${e.case_id}|${e.type}:${e.target}|${Date.parse(e.due ?? '')}`,
    );
  }
  // A timer is in Redis as a job of its own or as its slot's (see slaTimerJobs).
  const future: { jobId: string; slotId: string }[] = [];
  for (const c of open) {
    const dueOf = new Map(c.timers.map((t) => [t.kind, Date.parse(t.at)]));
    for (const t of c.timers) {
      const at = Date.parse(t.at);
      const jobId = slaTimerJobId(c.id, c.generation, t.kind);
      if (at > now + input.queuedWithinMs) continue;
      if (at > now + 1000) {
        future.push({ jobId, slotId: slaSlotJobId(at) });
        continue;
      }
      if (at > now - input.firingGraceMs) continue; // firing now
      const [what, target] = t.kind.split(':') as [string, string];
      const key =
        what === 'warn'
          ? `${c.id}|sla_warning:${target}|${dueOf.get(`due:${target}`)}`
          : what === 'due'
            ? `${c.id}|sla_breached:${target}|${at}`
            : `${c.id}|rung:${target}`;
      if (!fired.has(key)) {
        add('timers', `unfired:${jobId}`, `${t.kind} due ${t.at} of case ${c.id} never recorded`);
      }
    }
  }
  for (let i = 0; i < future.length; i += 1000) {
    const chunk = future.slice(i, i + 1000);
    const pipeline = input.redis.pipeline();
    for (const f of chunk) {
      pipeline.exists(`${input.prefix}:sla:${f.jobId}`, `${input.prefix}:sla:${f.slotId}`);
    }
    const results = (await pipeline.exec()) ?? [];
    chunk.forEach((f, k) => {
      const [err, exists] = results[k] ?? [null, 0];
      if (err || !(Number(exists) >= 1)) {
        add('timers', `missing:${f.jobId}`, `timer ${f.jobId} not in Redis`);
      }
    });
  }
  const drain = `${input.drainWithinMs} milliseconds`;
  const unrouted = await sql<{ id: string }[]>`
    select id from cases
    where sla_timers is null and status::text in ${sql(OPEN)}
      and received_at < now() - ${drain}::interval`;
  for (const u of unrouted) add('timers', `unrouted:${u.id}`, `case ${u.id} not routed`);
  const stuck = await sql<{ id: string; queue: string }[]>`
    select id::text, queue from outbox where created_at < now() - ${drain}::interval`;
  for (const s of stuck)
    add('timers', `outbox:${s.id}`, `outbox row ${s.id} (${s.queue}) not relayed`);
}

/** (iii) Nothing happens twice. */
async function checkDuplicates(input: AuditInput, add: Add) {
  const { sql } = input;
  const twice = await sql<{ case_id: string; type: string; what: string; n: number }[]>`
    select case_id, type,
           concat_ws(':', payload->>'target', payload->>'dueAt', payload->>'level') as what,
           count(*)::int as n
    from case_events where type in ('routed', 'sla_warning', 'sla_breached', 'escalated')
    group by 1, 2, 3 having count(*) > 1`;
  for (const t of twice) {
    add(
      'duplicates',
      `event:${t.case_id}:${t.type}:${t.what}`,
      `${t.type} ${t.what} ×${t.n} for case ${t.case_id}`,
    );
  }
  // One case per inbound SMS (each of the suite's messages has a text of its own).
  const smsCases = await sql<{ text: string; n: number }[]>`
    select text, count(*)::int as n from cases where channel = 'sms' group by text having count(*) > 1`;
  for (const s of smsCases) add('duplicates', `sms-case:${s.text}`, `${s.n} cases for one SMS`);
  // One reply per inbound message id, one delivery per notification at the gateway.
  const replies = await sql<{ key: string; n: number }[]>`
    select recipient_key as key, count(*)::int as n from notifications
    where recipient_key like 'sms-reply:%' group by 1 having count(*) > 1`;
  for (const r of replies) add('duplicates', `reply:${r.key}`, `${r.n} replies to ${r.key}`);
  for (const [key, n] of input.smsDeliveries) {
    if (n > 1) add('duplicates', `sent:${key}`, `notification ${key} delivered ${n} times`);
  }
}

/** (iv) No deadline event before its due time (the timers of the case's current generation). */
async function checkEarly(input: AuditInput, add: Add) {
  const early = await input.sql<
    { id: string; case_id: string; type: string; level: number | null }[]
  >`
    with t as (
      select c.id, x->>'kind' as kind, (x->>'at')::timestamptz as at
      from cases c, jsonb_array_elements(c.sla_timers) x where c.sla_timers is not null)
    select e.id::text, e.case_id, e.type, (e.payload->>'level')::int as level from case_events e
    where (e.type = 'sla_breached' and e.occurred_at < (e.payload->>'dueAt')::timestamptz)
       or (e.type = 'sla_warning' and exists (
             select 1 from t d join t w on w.id = d.id
             where d.id = e.case_id and d.kind = 'due:' || (e.payload->>'target')
               and d.at = (e.payload->>'dueAt')::timestamptz
               and w.kind = 'warn:' || (e.payload->>'target') and e.occurred_at < w.at))
       or (e.type = 'escalated' and exists (
             select 1 from t r where r.id = e.case_id
               and r.kind = case when (e.payload->>'level')::int = 1 then 'due:resolution'
                                 else 'rung:' || (e.payload->>'level') end
               and e.occurred_at < r.at))`;
  for (const e of early) {
    add(
      'early',
      `event:${e.id}`,
      `${e.type}${e.level ? ` ${e.level}` : ''} of case ${e.case_id} early`,
    );
  }
}

/** A line on where work stands, for a fault that did not recover: what to look at first. */
export async function systemState(h: {
  database: { raw: RawSql };
  redisClient: Redis;
  prefix: string;
}): Promise<string> {
  const { raw: sql } = h.database;
  const [pg] = await sql<{ open: number; unrouted: number; outbox: number; sla_events: number }[]>`
    select (select count(*)::int from cases where status::text in ${sql(OPEN)}) as open,
           (select count(*)::int from cases where sla_timers is null) as unrouted,
           (select count(*)::int from outbox) as outbox,
           (select count(*)::int from case_events
             where type in ('sla_warning', 'sla_breached', 'escalated')
               and occurred_at > now() - interval '10 seconds') as sla_events`;
  const q = `${h.prefix}:sla`;
  const [delayed, wait, active, failed] = await Promise.all([
    h.redisClient.zcard(`${q}:delayed`),
    h.redisClient.llen(`${q}:wait`),
    h.redisClient.llen(`${q}:active`),
    h.redisClient.zcard(`${q}:failed`),
  ]).catch(() => ['?', '?', '?', '?']);
  // Where the services' connections are: a stall shows here first (waiting, idle in a transaction).
  const sessions = await sql<{ app: string; state: string; waiting: string | null; n: number }[]>`
    select application_name as app, coalesce(state, '?') as state,
           wait_event_type as waiting, count(*)::int as n
    from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()
    group by 1, 2, 3 order by 1, 2`;
  const pool = sessions
    .map((s) => `${s.app || '?'} ${s.state}${s.waiting ? `/${s.waiting}` : ''}×${s.n}`)
    .join(', ');
  return (
    `Postgres sessions: ${pool}; open cases ${pg!.open}, unrouted ${pg!.unrouted}, outbox ${pg!.outbox}, ` +
    `SLA events in the last 10 s ${pg!.sla_events}; sla queue: delayed ${delayed}, ` +
    `waiting ${wait}, active ${active}, failed ${failed}`
  );
}

/** Whether the worker is at work: a case routed after `since` (ms since the epoch). */
export async function routedSince(h: { database: { raw: RawSql } }, since: number) {
  const [row] = await h.database.raw<{ n: number }[]>`
    select count(*)::int as n from case_events
    where type = 'routed' and occurred_at > ${new Date(since)}`;
  return row!.n > 0;
}
