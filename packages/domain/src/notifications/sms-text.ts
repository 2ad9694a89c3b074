import { SegmentedMessage } from 'sms-segments-calculator';
import { foldDiacritics } from '../text/fold-diacritics.js';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** How an SMS text travels: its encoding and how many segments (billed messages) it takes. */
export interface SmsSegments {
  encoding: SmsEncoding;
  segments: number;
}

/**
 * Segments of an SMS: GSM-7 when every character is in the GSM 03.38 basic set or its
 * extension table (`€ [ ] { } \ ^ ~ |` take two septets each), 160 septets in one message and
 * 153 per part when concatenated; otherwise UCS-2, 70 UTF-16 units or 67 per part. Vietnamese
 * with diacritics is UCS-2. Counted by `sms-segments-calculator` (Twilio's own calculator,
 * kept up to date), which also never splits an extension pair or a surrogate pair across parts.
 */
export function smsSegments(text: string): SmsSegments {
  const message = new SegmentedMessage(text, 'auto', false);
  return {
    encoding: message.encodingName === 'GSM-7' ? 'GSM-7' : 'UCS-2',
    segments: message.segmentsCount,
  };
}

// Typography that Vietnamese text editors put in and GSM-7 lacks, with its plain equivalent.
const TYPOGRAPHY: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2022': '-',
  '`': "'",
};
const TYPOGRAPHY_RE = /[\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u2022`]/g;
// What stays after folding: printable ASCII and line feeds, all in the GSM-7 basic set or its
// extension table. Anything else (an emoji, a Chinese character) would turn the whole text
// into UCS-2 and is replaced.
const NOT_PLAIN = /[^\n\x20-\x7e]/g;

/**
 * The text of an SMS: NFC, CRLF → LF, and with `foldToAscii` Vietnamese without diacritics
 * (`Phản ánh` → `Phan anh`) so it fits GSM-7: 160 characters a message instead of 70.
 */
export function toSmsText(text: string, options: { foldToAscii: boolean }): string {
  const normalised = text.normalize('NFC').replace(/\r\n?/g, '\n');
  if (!options.foldToAscii) return normalised;
  return foldDiacritics(normalised)
    .replace(TYPOGRAPHY_RE, (c) => TYPOGRAPHY[c] ?? '?')
    .replace(NOT_PLAIN, '?');
}
