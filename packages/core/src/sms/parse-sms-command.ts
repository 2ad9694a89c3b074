import { isValidTrackingCode, normalizeTrackingCode } from '@hotline/domain';

/** What an inbound SMS asks for: a command, or text for a case. */
export type SmsCommand =
  | { kind: 'status'; code: string }
  | { kind: 'withdraw'; code: string }
  | { kind: 'rate'; rating: 1 | 2 | 3 | 4 | 5 }
  | { kind: 'text' };

/** Upper-case without diacritics, so "Hủy", "HUY" and "huỷ" read the same. */
const plain = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'D').toUpperCase().trim();

/**
 * Reads `TRA <code>` (or the code alone), `HUY <code>` and a lone `1`–`5` (a rating); anything
 * else is text for a case. A keyword with a malformed code is still that command (the answer
 * is then "not found"), never a new case.
 */
export function parseSmsCommand(text: string): SmsCommand {
  const t = plain(text);
  if (/^[1-5]$/.test(t)) return { kind: 'rate', rating: Number(t) as 1 | 2 | 3 | 4 | 5 };
  const m = /^(TRA|HUY)\s+([A-Z0-9 -]{4,20})$/.exec(t);
  if (m) {
    const code = normalizeTrackingCode(m[2]!);
    return m[1] === 'TRA' ? { kind: 'status', code } : { kind: 'withdraw', code };
  }
  if (t.length <= 12 && isValidTrackingCode(t)) {
    return { kind: 'status', code: normalizeTrackingCode(t) };
  }
  return { kind: 'text' };
}
