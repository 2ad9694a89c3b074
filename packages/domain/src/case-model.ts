/** Case statuses (DESIGN.md "The case"). Only the state machine decides which moves are legal. */
export const CASE_STATUSES = [
  'received',
  'triaged',
  'assigned',
  'in_progress',
  'awaiting_citizen',
  'resolved',
  'closed',
  'reopened',
  'rejected',
  'merged',
  /** Taken back by the citizen before anyone was assigned to it. */
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CHANNELS = ['web', 'sms', 'call', 'email', 'open311', 'counter'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The type chooses the SLA policy: feedback (phản ánh, kiến nghị), complaint, denunciation… */
export const CASE_TYPES = ['feedback', 'complaint', 'denunciation', 'leader_hotline'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const SLA_STATES = ['on_track', 'at_risk', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Limits on what a citizen may send; enforced by the HTTP schemas. */
export const CASE_TEXT_MAX = 5000;
export const CASE_TEXT_MIN = 10;
