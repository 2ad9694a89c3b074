import type { CaseStatus, CaseType, Channel, Priority } from '../case-model.js';
import { reportFactsOf, type ReportFact } from '../reports/report-facts.js';
import type { Actor, Received, RecordedEvent } from './case-events.js';
import { OPEN_STATUSES, type CaseState } from './case-state.js';
import { JOINABLE_STATUSES } from './citizen-messages.js';
import { applyEvent } from './project.js';

/** Who reported the case and how to reach them (personal data), as far as the channel knows. */
export interface IntakeCitizen {
  name: string | null;
  /** E.164 when it parsed; an SMS sender's number as received otherwise. */
  phone: string | null;
  email: string | null;
  /** The reporter's own address, not the incident's. */
  address: string | null;
}

/** What every channel knows of a new case, already validated and normalised by its adapter. */
interface IntakeCommon {
  caseId: string;
  trackingCode: string;
  receivedAt: Date;
  text: string;
  /** The hotline written or called to (E.164), when known. */
  hotlineNumber: string | null;
  citizen: IntakeCitizen;
}

/** A filled-in form: the web, an operator's call log, an Open311 app. */
interface IntakeForm {
  categoryCode: string;
  /** What the author asked for; null: the default. */
  caseType: CaseType | null;
  communeCode: string | null;
  /** The incident's address. */
  address: string | null;
  location: { lat: number; lng: number } | null;
  isAnonymous: boolean;
  consentToPublish: boolean;
  /** SHA-256 (hex) of the owner's secret link token; the token itself is never stored. */
  ownerTokenHash: string | null;
}

/** A new case as one channel received it. Voice and messengers add a member each. */
export type IntakeInput =
  | (IntakeCommon &
      IntakeForm & {
        channel: 'web';
        /** A citizen, or an official filing on someone's behalf (a drill, a letter). */
        author: { kind: 'citizen' } | { kind: 'official'; officialId: string };
      })
  | (IntakeCommon & IntakeForm & { channel: 'call'; operatorId: string })
  | (IntakeCommon & IntakeForm & { channel: 'open311' })
  | (IntakeCommon & { channel: 'sms' });

/** What the channel's configuration adds to the rules. */
export interface IntakeContext {
  /**
   * Messages from one phone to one number within this window join one case (SMS); absent,
   * the message starts a case whatever came before.
   */
  joinWindowMs?: number;
}

/**
 * The ids a store resolves from the references when it writes (lookups, not rules): an
 * unknown or inactive reference writes nothing.
 */
export interface ReferenceIds {
  categoryId: string;
  hotlineId: string | null;
  communeUnitId: string | null;
}
type ReferenceKey = keyof ReferenceIds;

/** The references of a new case, by the codes channels know. */
export interface IntakeReferences {
  categoryCode: string;
  communeCode: string | null;
  hotlineNumber: string | null;
  /** A drill category is for officials logging a drill: to a citizen it does not exist. */
  mayUseDrillCategory: boolean;
}

/** The `cases` row of a new case, apart from the reference ids. */
export interface IntakeRow {
  id: string;
  trackingCode: string;
  caseType: CaseType;
  channel: Channel;
  status: CaseStatus;
  priority: Priority;
  citizenName: string | null;
  citizenPhone: string | null;
  citizenEmail: string | null;
  citizenAddress: string | null;
  isAnonymous: boolean;
  consentToPublish: boolean;
  text: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  version: number;
  receivedAt: Date;
  updatedAt: Date;
  ownerTokenHash: string | null;
}

/** A job the new case needs, named as the job catalog names it (contracts' `JOBS`). */
export type IntakeJob = { job: 'routeCase'; caseId: string };

/** An earlier open case the new one repeats: when one exists, it is answered and nothing written. */
export interface DuplicateLookup {
  citizenPhone: string;
  text: string;
  since: Date;
  statuses: readonly CaseStatus[];
}

/** A recent case the sender's message joins instead of starting one (SMS). */
export interface JoinLookup {
  since: Date;
  statuses: readonly CaseStatus[];
}

/** A new case as the domain receives it, ready to store: the store resolves the references. */
export interface ReceivedCase {
  references: IntakeReferences;
  row: IntakeRow;
  received: Omit<RecordedEvent<Received>, 'event'> & { event: Omit<Received, ReferenceKey> };
  reportFacts: Array<Omit<ReportFact, ReferenceKey>>;
  jobs: IntakeJob[];
  duplicateOf: DuplicateLookup | null;
  joins: JoinLookup | null;
}

/** The same text from the same phone within this window, while that case is open, is one case. */
export const DUPLICATE_WINDOW_MS = 24 * 3600_000;

/** Every case starts here; triage may raise it. */
const INITIAL_PRIORITY: Priority = 'normal';
const DEFAULT_CASE_TYPE: CaseType = 'feedback';
/** An SMS says nothing of its category: triage classifies it. */
export const UNCLASSIFIED_CATEGORY_CODE = 'khac';

function authorOf(input: IntakeInput): Actor {
  switch (input.channel) {
    case 'web':
      return input.author;
    case 'call':
      return { kind: 'official', officialId: input.operatorId };
    case 'open311':
    case 'sms':
      return { kind: 'citizen' };
  }
}

const formOf = (input: IntakeInput): IntakeForm =>
  input.channel === 'sms'
    ? {
        categoryCode: UNCLASSIFIED_CATEGORY_CODE,
        caseType: null,
        communeCode: null,
        address: null,
        location: null,
        isAnonymous: false,
        consentToPublish: false,
        ownerTokenHash: null,
      }
    : input;

/**
 * Receives a new case from any channel: its `received` event with its author, the case row it
 * starts as, its first report facts (the open span from receipt, reportFactsOf), the jobs it
 * needs (routing), and what to look for first — an open duplicate (forms) or a recent case the
 * message joins (SMS). The store resolves the references and writes all of it or nothing.
 */
export function receiveCase(input: IntakeInput, context: IntakeContext = {}): ReceivedCase {
  const form = formOf(input);
  const actor = authorOf(input);
  const at = input.receivedAt;
  const event: Received = {
    type: 'received',
    caseType: form.caseType ?? DEFAULT_CASE_TYPE,
    channel: input.channel,
    categoryId: PENDING_ID,
    hotlineId: null,
    communeUnitId: null,
    priority: INITIAL_PRIORITY,
  };
  const recorded: RecordedEvent<Received> = { version: 1, at, actor, event };
  const state = applyEvent(null, event);
  // No deadline at receipt: routing sets the first, and begins the next span.
  const { facts } = reportFactsOf([recorded], () => ({ dueAt: null, workingMs: 0 }));
  const phone = input.citizen.phone;
  return {
    references: {
      categoryCode: form.categoryCode,
      communeCode: form.communeCode,
      hotlineNumber: input.hotlineNumber,
      mayUseDrillCategory: actor.kind === 'official',
    },
    row: {
      id: input.caseId,
      trackingCode: input.trackingCode,
      caseType: state.caseType,
      channel: state.channel,
      status: state.status,
      priority: state.priority,
      citizenName: input.citizen.name,
      citizenPhone: phone,
      citizenEmail: input.citizen.email,
      citizenAddress: input.citizen.address,
      isAnonymous: form.isAnonymous,
      consentToPublish: form.consentToPublish,
      text: input.text,
      address: form.address,
      latitude: form.location?.lat ?? null,
      longitude: form.location?.lng ?? null,
      version: state.version,
      receivedAt: at,
      updatedAt: at,
      ownerTokenHash: form.ownerTokenHash,
    },
    received: { version: 1, at, actor, event: withoutIds(event) },
    reportFacts: facts.map(withoutIds),
    jobs: [{ job: 'routeCase', caseId: input.caseId }],
    // An SMS joins its sender's recent case instead; a form repeated while its case is open
    // is that case.
    duplicateOf:
      input.channel !== 'sms' && phone !== null
        ? {
            citizenPhone: phone,
            text: input.text,
            since: new Date(at.getTime() - DUPLICATE_WINDOW_MS),
            statuses: [...OPEN_STATUSES],
          }
        : null,
    joins:
      input.channel === 'sms' && context.joinWindowMs !== undefined
        ? { since: new Date(at.getTime() - context.joinWindowMs), statuses: JOINABLE_STATUSES }
        : null,
  };
}

// Stands for the category id while the domain decides; never leaves this module.
const PENDING_ID = '';

function withoutIds<T extends Partial<ReferenceIds>>(value: T): Omit<T, ReferenceKey> {
  const { categoryId: _c, hotlineId: _h, communeUnitId: _u, ...rest } = value;
  return rest;
}

/**
 * The received case with its references resolved: the history it starts, the state it
 * projects and its report facts exactly as the domain has them (what a store must have written).
 */
export function resolveReceivedCase(
  received: ReceivedCase,
  ids: ReferenceIds,
): { history: RecordedEvent<Received>[]; state: CaseState; reportFacts: ReportFact[] } {
  const event: Received = { ...received.received.event, ...ids };
  const state = applyEvent(null, event);
  return {
    history: [{ ...received.received, event }],
    state,
    reportFacts: received.reportFacts.map((f) => ({ ...f, categoryId: ids.categoryId })),
  };
}
