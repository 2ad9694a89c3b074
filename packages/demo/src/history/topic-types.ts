import type { DemoCommune } from './demo-communes.js';
import type { TopicPlace } from './demo-phrases.js';
import type { SeededRandom } from './seeded-random.js';

/** One kind of matter a citizen reports, with the unit's answer to it. */
export interface Situation {
  /** The heart of the citizen's text (an opening and a closing may be added around it). */
  core: (p: TopicPlace, r: SeededRandom) => string;
  /** The same in a line, as an SMS (folded to ASCII for most senders). */
  sms: (p: TopicPlace) => string;
  /** What the unit found and did: the resolution text. */
  answer: (p: TopicPlace, r: SeededRandom) => string;
}

/** A category's situations and where its cases belong. */
export interface Topic {
  category: string;
  /** How often citizens write about it, relative to the others. */
  weight: number;
  /** The unit (by code) that must answer a case of this topic from this commune. */
  competent: (commune: DemoCommune) => string;
  situations: readonly Situation[];
}

/** Local matters: the district or city above the commune before the reform, since then itself. */
export const localOf = (c: DemoCommune) => c.local;
/** The commune itself where it has its own staff for them (Thạch Hạ), else the local unit. */
export const communeOrLocal = (c: DemoCommune) => (c.environment === c.code ? c.code : c.local);
