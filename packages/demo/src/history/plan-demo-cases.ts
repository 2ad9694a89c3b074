import type { CaseType } from '@hotline/domain';
import type { DemoCommune } from './demo-communes.js';
import { demoCitizen, withoutDiacritics, type DemoCitizen } from './demo-places.js';
import {
  callSummary,
  citizenText,
  CIVIL_DISPUTE_TEXT,
  SPAM_TEXTS,
  VAGUE_TEXT,
  type TopicPlace,
} from './demo-phrases.js';
import { DEMO_TOPICS } from './demo-topics.js';
import { SeededRandom } from './seeded-random.js';
import type { Situation, Topic } from './topic-types.js';

export type IntakeChannel = 'web' | 'call' | 'sms';

/** How a case's life goes, decided before it starts (the replay stops at `now` whatever). */
export interface CaseFate {
  end: 'resolve' | 'reject' | 'withdraw' | 'stuck_unassigned' | 'stuck_assigned' | 'stuck_working';
  rejectReason: 'spam' | 'out_of_scope' | 'insufficient_information' | null;
  /** Units (by code) the case is passed on to after the one it first reaches, in order. */
  passedTo: string[];
  asksInformation: { citizenAnswers: boolean } | null;
  interimReply: boolean;
  extension: { granted: boolean } | null;
  /** When it is resolved: this fraction of the working time from receipt to its deadline. */
  resolveFraction: number;
  rating: { value: 1 | 2 | 3 | 4 | 5; reopens: boolean } | null;
}

export interface PlannedCase {
  index: number;
  receivedAt: Date;
  channel: IntakeChannel;
  /** E.164 of the hotline it came through (calls and SMS). */
  hotline: string | null;
  categoryCode: string;
  caseType: CaseType;
  communeCode: string | null;
  address: string | null;
  text: string;
  citizen: DemoCitizen;
  isAnonymous: boolean;
  consentToPublish: boolean;
  /** The unit that must answer it (by code). */
  competentUnit: string;
  answer: string;
  fate: CaseFate;
}

/** What the plan may use of the province: its hotlines and the units that exist. */
export interface PlanContext {
  /** Hotlines, with their unit's code; `isGeneral`: the triage centre's line. */
  hotlines: readonly { number: string; unitCode: string; isGeneral: boolean }[];
  unitCodes: ReadonlySet<string>;
  categoryCodes: ReadonlySet<string>;
  /** The communes of the era, with the units that answer for them then. */
  communes: readonly DemoCommune[];
  /** The first case's index (citizens' numbers carry it): eras of one history never share. */
  firstIndex?: number;
  /**
   * An era that ended (the reorganisation): every case is answered, rejected or withdrawn, none
   * answered very late, so the units that were merged closed their own cases.
   */
  isSettled?: boolean;
}

const DAY = 24 * 3600_000;
/** Hanoi time is UTC+7 all year. */
const LOCAL = 7 * 3600_000;

/** A moment `daysAgo` before `now`, at a local hour the channel is used at. */
function arrival(r: SeededRandom, now: Date, channel: IntakeChannel, daysAgo: number): Date {
  const localDay = Math.floor((now.getTime() + LOCAL) / DAY) - daysAgo;
  // Calls are taken at the switchboard in office hours; people write any time of day.
  const minutes =
    channel === 'call'
      ? r.pick([r.int(7 * 60 + 35, 11 * 60 + 20), r.int(13 * 60 + 35, 16 * 60 + 50)])
      : r.weighted([
          [r.int(6 * 60, 11 * 60 + 30), 5],
          [r.int(11 * 60 + 30, 17 * 60), 4],
          [r.int(17 * 60, 22 * 60 + 30), 4],
          [r.int(22 * 60 + 30, 23 * 60 + 59), 1],
        ]);
  return new Date(localDay * DAY - LOCAL + minutes * 60_000 + r.int(0, 59) * 1000);
}

/** Another unit a case of this topic is wrongly passed to ("đùn đẩy"). */
function wrongUnitFor(competent: string, commune: DemoCommune, category: string): string {
  if (competent.startsWith('so-') || competent === 'thanh-tra-tinh' || competent === 'tt-phvhcc') {
    return commune.local;
  }
  if (category === 'dat-dai' || category === 'moi-truong') return commune.landDepartment;
  if (category === 'giao-thong') return commune.roads;
  return 'so-xay-dung';
}

/**
 * The share of cases each unit answers late: land and environment cases are slow, some
 * districts slower than others, so the on-time rate differs from unit to unit.
 */
const LATE_SHARE: Record<string, number> = {
  'so-tai-nguyen-moi-truong': 0.2,
  'so-nong-nghiep-moi-truong': 0.2,
  'huyen-cam-xuyen': 0.16,
  'xa-cam-xuyen': 0.16,
  'huyen-thach-ha': 0.1,
  'xa-thach-ha': 0.1,
  'so-xay-dung': 0.08,
  'tp-ha-tinh': 0.06,
  'phuong-thanh-sen': 0.06,
  'so-giao-thong-van-tai': 0.04,
  'thanh-tra-tinh': 0.03,
  'tt-phvhcc': 0.03,
};

function fateOf(
  r: SeededRandom,
  c: { competent: string; commune: DemoCommune; category: string; isRecent: boolean },
  isSettled: boolean,
) {
  const late = LATE_SHARE[c.competent] ?? 0.07;
  // The current backlog holds more of the slow ones: some are close to their deadline now.
  const slow = c.isRecent ? 45 : 15;
  const stuck = isSettled ? 0 : 1;
  const end = r.weighted<CaseFate['end']>([
    ['resolve', 86],
    ['stuck_working', 5 * stuck],
    ['stuck_assigned', 2 * stuck],
    ['stuck_unassigned', 2 * stuck],
    ['reject', 3],
    ['withdraw', 2],
  ]);
  const bounces = r.weighted([
    [0, 84],
    [1, 11],
    [2, 4],
    [4, 1],
  ]);
  const wrong = wrongUnitFor(c.competent, c.commune, c.category);
  const passedTo =
    bounces === 0
      ? []
      : bounces === 1
        ? [r.chance(0.5) ? wrong : c.competent]
        : Array.from({ length: bounces }, (_, i) => (i % 2 === 0 ? wrong : c.competent));
  const value = r.weighted<1 | 2 | 3 | 4 | 5>([
    [5, 44],
    [4, 30],
    [3, 9],
    [2, 9],
    [1, 8],
  ]);
  return {
    end,
    rejectReason: null as CaseFate['rejectReason'],
    passedTo,
    asksInformation: r.chance(0.12) ? { citizenAnswers: r.chance(0.85) } : null,
    interimReply: r.chance(0.88),
    extension: r.chance(0.07) ? { granted: r.chance(0.8) } : null,
    resolveFraction: r.chance(late)
      ? r.between(1.05, isSettled ? 1.25 : 1.7)
      : r.weighted([
          [r.between(0.12, 0.5), 50],
          [r.between(0.5, 0.8), 35],
          [r.between(0.8, 0.97), slow],
        ]),
    rating: r.chance(0.55) ? { value, reopens: value <= 2 && r.chance(0.75) } : null,
  } satisfies CaseFate;
}

function placeOf(r: SeededRandom, communes: readonly DemoCommune[]): [TopicPlace, string] {
  const c = r.pick(communes);
  const place = {
    spot: r.pick(c.spots),
    commune: c.name,
    district: c.areaName,
    communeAscii: c.ascii,
  };
  return [place, c.code];
}

/**
 * The demo history's cases, oldest first: `count` cases over the `days` before `now`, on
 * working days mostly, across the topics, communes, channels and hotlines; a few retell an
 * earlier case (another citizen, days later), so "similar cases" have something to show.
 * Pure: the same seed and `now` give the same plan.
 */
export function planDemoCases(
  seed: string,
  now: Date,
  ctx: PlanContext,
  count: number,
  days: number,
): PlannedCase[] {
  const topics = DEMO_TOPICS.filter((t) => ctx.categoryCodes.has(t.category));
  const communes = ctx.communes.filter((c) => ctx.unitCodes.has(c.code));
  const general = ctx.hotlines.filter((h) => h.isGeneral);
  const leaders = ctx.hotlines.filter((h) => !h.isGeneral && h.unitCode !== 'to-truc-dien-tap');
  const planned: PlannedCase[] = [];
  const retellable: {
    topic: Topic;
    situation: Situation;
    place: TopicPlace;
    commune: string;
    receivedAt: Date;
  }[] = [];

  const first = ctx.firstIndex ?? 0;
  for (let index = first; index < first + count; index++) {
    const cr = new SeededRandom(`${seed}:case:${index}`);
    const channel = cr.weighted<IntakeChannel>([
      ['web', 50],
      ['call', 28],
      ['sms', 22],
    ]);
    // Fewer cases on weekends, and a little more lately (the service is getting known).
    let daysAgo = Math.floor(days * Math.pow(cr.next(), 1.15));
    const weekday = new Date(now.getTime() + LOCAL - daysAgo * DAY).getUTCDay();
    if ((weekday === 0 || weekday === 6) && cr.chance(0.6)) daysAgo = Math.max(0, daysAgo - 2);
    let receivedAt = arrival(cr, now, channel, daysAgo);
    const retell = retellable.length > 0 && cr.chance(0.06) ? cr.pick(retellable) : null;
    // A retold case comes from another citizen a few days after the first.
    if (retell) receivedAt = new Date(retell.receivedAt.getTime() + cr.int(20, 140) * 3600_000);
    if (receivedAt >= now) receivedAt = new Date(now.getTime() - cr.int(10, 90) * 60_000);

    const hotlineOf = (): PlanContext['hotlines'][number] | null => {
      if (channel === 'web') return null;
      const pool = cr.chance(0.55) || leaders.length === 0 ? general : leaders;
      return pool.length > 0 ? cr.pick(pool) : null;
    };
    const hotline = hotlineOf();
    // A leader's hotline hears mostly about his own district or commune.
    const inArea = hotline
      ? communes.filter((c) => c.local === hotline.unitCode || c.code === hotline.unitCode)
      : [];
    const topic = retell?.topic ?? cr.weighted(topics.map((t) => [t, t.weight] as const));
    const situation = retell?.situation ?? cr.pick(topic.situations);
    const [place, communeCode] = retell
      ? [retell.place, retell.commune]
      : placeOf(cr, inArea.length > 0 ? inArea : communes);
    const commune = communes.find((c) => c.code === communeCode)!;
    const competentUnit = topic.competent(commune);
    let fate = fateOf(
      cr,
      {
        competent: competentUnit,
        commune,
        category: topic.category,
        isRecent: now.getTime() - receivedAt.getTime() < 16 * DAY,
      },
      ctx.isSettled ?? false,
    );
    if (channel === 'sms') {
      // By SMS the citizen answers no questions and reopens nothing; a rating is an SMS "1"–"5".
      fate = {
        ...fate,
        asksInformation: null,
        rating: fate.rating ? { ...fate.rating, reopens: false } : null,
      };
    }

    const core = situation.core(place, cr);
    let text =
      channel === 'sms'
        ? cr.chance(0.65)
          ? withoutDiacritics(situation.sms(place))
          : situation.sms(place)
        : channel === 'call'
          ? callSummary(cr, core)
          : citizenText(cr, core);
    if (fate.end === 'reject') {
      const reason: CaseFate['rejectReason'] =
        channel === 'sms' ? 'spam' : cr.chance(0.5) ? 'out_of_scope' : 'insufficient_information';
      fate = { ...fate, rejectReason: reason, passedTo: [] };
      text =
        reason === 'spam'
          ? withoutDiacritics(cr.pick(SPAM_TEXTS))
          : reason === 'out_of_scope'
            ? CIVIL_DISPUTE_TEXT
            : VAGUE_TEXT;
    } else if (!retell && cr.chance(0.3)) {
      retellable.push({ topic, situation, place, commune: communeCode, receivedAt });
    }
    const caseType: CaseType =
      channel === 'sms'
        ? 'feedback' // SMS intake files every message as feedback
        : hotline && !hotline.isGeneral
          ? 'leader_hotline'
          : channel === 'web' &&
              ['dat-dai', 'chinh-sach-xa-hoi'].includes(topic.category) &&
              cr.chance(0.15)
            ? 'complaint'
            : channel === 'web' && topic.category === 'thai-do-can-bo' && cr.chance(0.2)
              ? 'denunciation'
              : 'feedback';
    const isAnonymous = channel === 'web' && cr.chance(0.06);
    planned.push({
      index,
      receivedAt,
      channel,
      hotline: hotline?.number ?? null,
      categoryCode: topic.category,
      caseType,
      communeCode: channel === 'sms' ? null : communeCode,
      address: channel === 'sms' || cr.chance(0.4) ? null : `${place.spot}, ${place.commune}`,
      text,
      citizen: demoCitizen(cr, index),
      isAnonymous,
      consentToPublish: channel === 'web' && !isAnonymous && cr.chance(0.45),
      competentUnit,
      answer: situation.answer(place, cr),
      fate,
    });
  }
  return planned.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}
