import {
  countPendingOutbox,
  findCategoryCodes,
  hasAnyCase,
  loadDemoOrganisation,
  settleDemoHistoryNotifications,
  withDemoHistoryLock,
  type Database,
  type RawSql,
} from '@hotline/db';
import { PROVINCE_CALENDAR_ID } from '../calendars/admin-calendars.js';
import { loadWorkingCalendar } from '../calendars/load-working-calendar.js';
import type { ReplayContext } from './case-life.js';
import { ensureDemoRoutingRules } from './demo-routing-rules.js';
import { liveDemoCase, type LivedCase } from './live-demo-case.js';
import { planDemoCases } from './plan-demo-cases.js';
import { ReplayStaff } from './replay-staff.js';
import { VirtualQueues } from './virtual-queues.js';

export interface DemoHistoryOptions {
  /** The end of the history: the real now (a fixed instant in tests). */
  now: Date;
  seed?: string;
  /** How many cases, over how many days before `now`. */
  cases?: number;
  days?: number;
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
      cases: LivedCase[];
      routingRules: number;
      /** SMS and e-mails the history planned, recorded as sent and never delivered. */
      messages: number;
      settled: number;
    };

/** Where the demo province's seed (packages/db demo-province.ts) put its people. */
const DEMO_UNITS = ['ubnd-tinh', 'tt-phvhcc', 'so-xay-dung'];

/**
 * Gives a fresh demo database its past: about 420 cases over the last 90 days, each lived
 * through the real use cases with `now` values in the past — submitted by web, call or SMS,
 * routed by the worker's routing use case (after the demo's routing rules are set up through
 * the admin one), worked, transferred, answered, rated, reopened and closed by the demo's
 * officials and citizens — with the SLA timers fired at their moments, so events, deadlines,
 * escalations, report facts and notifications are what the system itself writes. The outbox is
 * relayed into an in-memory stand-in for the queues as it goes; the open cases' future timers
 * are left to the worker's reconcile, which rebuilds them from Postgres when it starts.
 * Only into a database without any case, and only the demo province's: otherwise nothing.
 * The same seed and `now` give the same history (tracking codes, statuses, times).
 */
export async function seedDemoHistory(
  deps: { db: Database; raw: RawSql },
  options: DemoHistoryOptions,
): Promise<DemoHistoryResult> {
  const { db, raw } = deps;
  return withDemoHistoryLock(raw, async () => {
    if (await hasAnyCase(db)) return { outcome: 'skipped', reason: 'has_cases' } as const;
    const org = await loadDemoOrganisation(db);
    const codes = new Set(org.units.map((u) => u.code));
    if (!DEMO_UNITS.every((c) => codes.has(c))) {
      return { outcome: 'skipped', reason: 'not_demo_province' } as const;
    }
    const routingRules = await ensureDemoRoutingRules(db, org);
    const calendar = await loadWorkingCalendar(db, PROVINCE_CALENDAR_ID);
    if (!calendar) throw new Error('the province calendar is missing');
    const seed = options.seed ?? 'ha-tinh';
    const unitCodeOf = new Map(org.units.map((u) => [u.id, u]));
    const plan = planDemoCases(
      seed,
      options.now,
      {
        hotlines: org.hotlines.map((h) => ({
          number: h.number,
          unitCode: unitCodeOf.get(h.unitId)?.code ?? '',
          isGeneral: unitCodeOf.get(h.unitId)?.isTriage ?? false,
        })),
        unitCodes: codes,
        categoryCodes: new Set((await findCategoryCodes(db)).values()),
      },
      options.cases ?? 420,
      options.days ?? 90,
    );
    const queues = new VirtualQueues(db);
    const ctx: ReplayContext = {
      seed,
      deps: {
        db,
        ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        ...(options.smsReceiptInReply ? { smsReceiptInReply: true } : {}),
      },
      raw,
      calendar,
      end: options.now,
      queues,
      staff: new ReplayStaff(org),
      sms: options.sms ?? { joinWindowMs: 120_000, foldAscii: true },
    };
    const lived: LivedCase[] = [];
    let next = 0;
    const lane = async () => {
      while (next < plan.length) {
        const planned = plan[next++]!;
        lived[planned.index] = await liveDemoCase(ctx, planned);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 6) }, lane));
    await queues.relay(options.now);
    const left = await countPendingOutbox(db);
    if (left > 0) throw new Error(`${left} outbox rows were left unrelayed`);
    const { settled } = await settleDemoHistoryNotifications(db, options.now);
    return { outcome: 'seeded', cases: lived, routingRules, messages: queues.messages, settled };
  });
}
