import { countPendingOutbox, findCategoryCodes, type Database, type RawSql } from '@hotline/db';
import type { WorkingCalendar } from '@hotline/domain';
import { PROVINCE_CALENDAR_ID, loadWorkingCalendar } from '@hotline/core';
import type { ReplayContext } from './case-life.js';
import { FORMER_COMMUNES, PRESENT_COMMUNES, type DemoCommune } from './demo-communes.js';
import { ensureDemoRoutingRules } from './demo-routing-rules.js';
import { liveDemoCase, type LivedCase } from './live-demo-case.js';
import { planDemoCases } from './plan-demo-cases.js';
import {
  renameAfterReform,
  REORGANISATION_DATES,
  reorganiseDemoProvince,
} from './reorganise-demo-province.js';
import { ReplayStaff } from './replay-staff.js';
import { VirtualQueues } from './virtual-queues.js';
import {
  hasAnyCase,
  loadDemoOrganisation,
  settleDemoHistoryNotifications,
  withDemoHistoryLock,
  type DemoOrganisation,
} from './demo-history-store.js';

export interface DemoHistoryOptions {
  /** The end of the history: the real now (a fixed instant in tests). */
  now: Date;
  seed?: string;
  /** How many cases, over how many days before `now`. */
  cases?: number;
  days?: number;
  /**
   * Cases of early 2025, handled by the units of then before the reorganisation merged them
   * (only when `now` lies after the reform); 0: none, and the province is reorganised at once.
   */
  formerCases?: number;
  /** Cases replayed at once (each case's own acts stay in order). */
  concurrency?: number;
  /** As the worker is configured: links and times in messages, SMS receipts in the reply. */
  publicBaseUrl?: string;
  timeZone?: string;
  smsReceiptInReply?: boolean;
  sms?: { joinWindowMs: number; foldAscii: boolean };
}

export type DemoHistoryResult =
  | { outcome: 'skipped'; reason: 'has_cases' | 'not_demo_province' }
  | {
      outcome: 'seeded';
      /** The recent cases, then those of the former era. */
      cases: LivedCase[];
      formerCases: number;
      routingRules: number;
      /** Former units merged into today's by the reorganisation. */
      merged: number;
      /** SMS and e-mails the history planned, recorded as sent and never delivered. */
      messages: number;
      settled: number;
    };

/** Where the demo province's seed (province/demo-province.ts) put its people. */
const DEMO_UNITS = ['ubnd-tinh', 'tt-phvhcc', 'so-xay-dung'];
const DAY = 24 * 3600_000;
/** The former era's cases came in over these weeks (a Friday at 17:00 its last day). */
const FORMER_INTAKE_END = new Date('2025-02-07T10:00:00Z');
const FORMER_INTAKE_DAYS = 36;

interface Era {
  seed: string;
  /** Cases arrive over `days` before `intakeEnd`; their lives stop at `end`. */
  intakeEnd: Date;
  days: number;
  end: Date;
  count: number;
  communes: readonly DemoCommune[];
  firstIndex: number;
  isSettled: boolean;
}

/**
 * Gives a fresh demo database its past, lived through the real use cases with `now` values in
 * the past — submitted by web, call or SMS, routed by the worker's routing use case (after the
 * demo's routing rules are set up through the admin one), worked, transferred, answered, rated,
 * reopened and closed by the demo's officials and citizens — with the SLA timers fired at their
 * moments, so events, deadlines, escalations, report facts and notifications are what the system
 * itself writes. First a few dozen cases of early 2025, handled by the province as it then was
 * (districts, the departments before their merger); then the 2025 reorganisation, carried out
 * on its dates through the unit-merge use case; then about 420 cases over the last 90 days on
 * today's two levels. The outbox is relayed into an in-memory stand-in for the queues as it
 * goes; the open cases' future timers are left to the worker's reconcile, which rebuilds them
 * from Postgres when it starts. Only into a database without any case, and only the demo
 * province's: otherwise nothing. The same seed and `now` give the same history.
 */
export async function seedDemoHistory(
  deps: { db: Database; raw: RawSql },
  options: DemoHistoryOptions,
): Promise<DemoHistoryResult> {
  const { db, raw } = deps;
  return withDemoHistoryLock(raw, async () => {
    if (await hasAnyCase(db)) return { outcome: 'skipped', reason: 'has_cases' } as const;
    let org = await loadDemoOrganisation(db);
    const codes = new Set(org.units.map((u) => u.code));
    if (!DEMO_UNITS.every((c) => codes.has(c))) {
      return { outcome: 'skipped', reason: 'not_demo_province' } as const;
    }
    const calendar = await loadWorkingCalendar(db, PROVINCE_CALENDAR_ID);
    if (!calendar) throw new Error('the province calendar is missing');
    const seed = options.seed ?? 'ha-tinh';
    const admin = org.officials.find((o) => o.roles.includes('admin'))?.id ?? null;
    const replay = { db, raw, calendar, options };
    const reform = REORGANISATION_DATES[REORGANISATION_DATES.length - 1]!;
    const days = options.days ?? 90;
    const start = options.now.getTime() - days * DAY;
    // The reform lies in the past the history covers: the former era is lived, then reorganised.
    const former: LivedCase[] = [];
    let messages = 0;
    if (options.now > reform) {
      const count = options.formerCases ?? 36;
      if (count > 0 && start > reform.getTime()) {
        await ensureDemoRoutingRules(db, org, 'former');
        const done = await replayEra(replay, org, {
          seed: `${seed}:2025`,
          intakeEnd: FORMER_INTAKE_END,
          days: FORMER_INTAKE_DAYS,
          end: REORGANISATION_DATES[0]!,
          count,
          communes: FORMER_COMMUNES,
          firstIndex: 500,
          isSettled: true,
        });
        former.push(...done.lived);
        messages += done.messages;
      }
    }
    let merged = 0;
    if (options.now > reform) {
      for (let step = 0; step < REORGANISATION_DATES.length; step++) {
        merged += await reorganiseDemoProvince(db, step, admin);
      }
      await renameAfterReform(db, admin);
      org = await loadDemoOrganisation(db);
    }
    const routingRules = await ensureDemoRoutingRules(db, org, 'present');
    const recent = await replayEra(replay, org, {
      seed,
      intakeEnd: options.now,
      days,
      end: options.now,
      count: options.cases ?? 420,
      communes: PRESENT_COMMUNES,
      firstIndex: 0,
      isSettled: false,
    });
    messages += recent.messages;
    const left = await countPendingOutbox(db);
    if (left > 0) throw new Error(`${left} outbox rows were left unrelayed`);
    const { settled } = await settleDemoHistoryNotifications(db, options.now);
    return {
      outcome: 'seeded',
      cases: [...recent.lived, ...former],
      formerCases: former.length,
      routingRules,
      merged,
      messages,
      settled,
    };
  });
}

/** Plans and lives one era's cases with the province as it then stood. */
async function replayEra(
  r: { db: Database; raw: RawSql; calendar: WorkingCalendar; options: DemoHistoryOptions },
  org: DemoOrganisation,
  era: Era,
): Promise<{ lived: LivedCase[]; messages: number }> {
  const { db, raw, options } = r;
  const unitOf = new Map(org.units.map((u) => [u.id, u]));
  const plan = planDemoCases(
    era.seed,
    era.intakeEnd,
    {
      hotlines: org.hotlines.map((h) => ({
        number: h.number,
        unitCode: unitOf.get(h.unitId)?.code ?? '',
        isGeneral: unitOf.get(h.unitId)?.isTriage ?? false,
      })),
      unitCodes: new Set(org.units.map((u) => u.code)),
      categoryCodes: new Set((await findCategoryCodes(db)).values()),
      communes: era.communes,
      firstIndex: era.firstIndex,
      isSettled: era.isSettled,
    },
    era.count,
    era.days,
  );
  const queues = new VirtualQueues(db);
  const ctx: ReplayContext = {
    seed: era.seed,
    deps: {
      db,
      everyTimerInOutbox: true,
      ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      ...(options.smsReceiptInReply ? { smsReceiptInReply: true } : {}),
    },
    raw,
    calendar: r.calendar,
    end: era.end,
    queues,
    staff: new ReplayStaff(org),
    sms: options.sms ?? { joinWindowMs: 120_000, foldAscii: true },
  };
  const lived: LivedCase[] = [];
  let next = 0;
  const lane = async () => {
    while (next < plan.length) {
      const planned = plan[next++]!;
      lived.push(await liveDemoCase(ctx, planned));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 6) }, lane));
  await queues.relay(era.end);
  return { lived: lived.sort((a, b) => a.index - b.index), messages: queues.messages };
}
