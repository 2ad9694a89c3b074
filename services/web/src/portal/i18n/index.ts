import { en } from './messages.en.js';
import { vi, type Messages } from './messages.vi.js';

export type { Messages } from './messages.vi.js';

/** The portal's languages; Vietnamese is the default. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const DICTIONARIES: Record<Lang, Messages> = { vi, en };

export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** The dictionary of a language. */
export const messagesFor = (lang: Lang): Messages => DICTIONARIES[lang];
