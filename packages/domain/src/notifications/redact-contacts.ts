// An e-mail address, or a run of 9+ digits with the separators people put in phone numbers.
const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[A-Za-z]{2,}/g;
const PHONE = /\+?\d(?:[\s.-]?\d){8,}/g;

/**
 * Text from outside (a provider's error, an SMTP reply) with the recipient's address and
 * anything that looks like an e-mail address or a phone number taken out: such text is stored
 * for administrators and logged, and personal data must reach neither.
 */
export function redactContacts(text: string, address?: string | null): string {
  let out = text;
  if (address) out = out.split(address).join('[address]');
  return out.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}
