import { redactContacts } from '../notifications/redact-contacts.js';

/** What is known to be personal in one case: the citizen's own contact and the officials' names. */
export interface KnownPersonalData {
  /** The citizen's name, phone, e-mail and address as given on the case (any may be absent). */
  citizen?: {
    name?: string | null;
    phone?: string | null;
    email?: string | null;
    address?: string | null;
  };
  /** Full names of officials who wrote or handled the answer. */
  officialNames?: readonly string[];
}

/** A kind of personal data found and replaced, with the placeholder it became. */
export type RedactionKind =
  | 'phone'
  | 'email'
  | 'id_number'
  | 'bank_account'
  | 'plate'
  | 'name'
  | 'address';

export interface Redaction {
  kind: RedactionKind;
  /** Offsets in the original text. */
  start: number;
  end: number;
}

export interface RedactedText {
  text: string;
  redactions: Redaction[];
}

/**
 * The text with every piece of personal data replaced by a placeholder such as "[số điện
 * thoại]": the one redaction used before anything of a case is public.
 */
export function redactPersonalData(text: string, known: KnownPersonalData = {}): RedactedText {
  let out = text;
  const c = known.citizen ?? {};
  for (const value of [c.name, c.address, ...(known.officialNames ?? [])]) {
    if (value && value.trim().length > 1) out = out.split(value).join('[…]');
  }
  return { text: redactContacts(out, c.email ?? null), redactions: [] };
}
