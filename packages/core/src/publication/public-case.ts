import {
  coarseCoordinate,
  publicViewOf,
  redactPersonalData,
  type KnownPersonalData,
  type PublicationFacts,
  type PublicView,
} from '@hotline/domain';

/**
 * The one place that decides what of a case may be public. The tracking page, the public
 * case API, Open311 and the published answers (API and portal) all read a case through
 * `publicCaseOf`: a denunciation is hidden entirely; a case that is not published shows its
 * id, service, status, dates and unit only; a published one (consented and approved by an
 * official) shows the approved, redacted text and answer and never its address or exact place.
 */
export type { PublicView, PublicationFacts };

/** What of this case anyone may see. */
export function publicCaseOf(facts: PublicationFacts): PublicView {
  return publicViewOf(facts);
}

/** The case's place as the public may see it: none unless published, then about 1 km. */
export function publicPlaceOf(
  view: PublicView,
  place: { latitude: number | null; longitude: number | null },
): { lat: number | null; long: number | null } {
  if (view.kind !== 'published') return { lat: null, long: null };
  return { lat: coarseCoordinate(place.latitude), long: coarseCoordinate(place.longitude) };
}

/** What is known to be personal in a case, for redaction. */
export function knownPersonalDataOf(row: {
  citizenName: string | null;
  citizenPhone: string | null;
  citizenEmail: string | null;
  address: string | null;
  officialNames: readonly string[];
}): KnownPersonalData {
  return {
    citizen: {
      name: row.citizenName,
      phone: row.citizenPhone,
      email: row.citizenEmail,
      address: row.address,
    },
    officialNames: row.officialNames,
  };
}

/** A text with every piece of personal data taken out, before anyone may approve it. */
export function redactForPublication(text: string, known: KnownPersonalData): string {
  return redactPersonalData(text, known).text;
}
