import { findContacts } from '../publication/contacts.js';

/**
 * Text from outside (a provider's error, an SMTP reply) with the recipient's address and
 * anything that looks like an e-mail address or a phone number taken out: such text is stored
 * for administrators and logged, and personal data must reach neither. Uses the detectors of the
 * publication redaction, so "0912.345.678" or "long[at]gmail.com" are caught here too.
 */
export function redactContacts(text: string, address?: string | null): string {
  let out = text;
  if (address) out = out.split(address).join('[address]');
  const found = findContacts(out).sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const c of found) {
    if (c.start < at) continue;
    result += out.slice(at, c.start) + (c.kind === 'email' ? '[email]' : '[phone]');
    at = c.end;
  }
  return result + out.slice(at);
}
