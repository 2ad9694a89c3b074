/**
 * The placeholders a reply template may use, in the words officials read in the admin page:
 * the case's tracking code, its unit, its resolution deadline, its category and the day it came.
 */
export const TEMPLATE_PLACEHOLDERS = [
  'ma_phan_anh',
  'don_vi',
  'han_xu_ly',
  'linh_vuc',
  'ngay_tiep_nhan',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** Each known placeholder's text for one case; null when the case has none (no deadline yet). */
export type TemplateValues = Record<TemplatePlaceholder, string | null>;

/** A placeholder left as written: not one we know, or known but empty for this case. */
export interface UnresolvedPlaceholder {
  name: string;
  reason: 'unknown' | 'no_value';
}

export interface FilledTemplate {
  text: string;
  /** Distinct, in order of first appearance. */
  unresolved: UnresolvedPlaceholder[];
}

// `{name}` with a lower-case ASCII name: anything else in braces is ordinary text.
const PLACEHOLDER = /\{([a-z][a-z0-9_]{0,39})\}/g;

const isKnown = (name: string): name is TemplatePlaceholder =>
  (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * The template's text with each known placeholder replaced by the case's value, in one pass
 * over the template only: a value that itself looks like `{don_vi}` is inserted as written and
 * never expanded again. Placeholders we do not know, or cannot fill, stay visible as typed and
 * are listed, so the official sees what is left to write.
 */
export function fillTemplate(template: string, values: TemplateValues): FilledTemplate {
  const unresolved: UnresolvedPlaceholder[] = [];
  const seen = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = isKnown(name) ? values[name] : undefined;
    if (value !== undefined && value !== null) return value;
    if (!seen.has(name)) {
      seen.add(name);
      unresolved.push({ name, reason: isKnown(name) ? 'no_value' : 'unknown' });
    }
    return whole;
  });
  return { text, unresolved };
}

/** The placeholders a template uses that we do not know (refused when a template is saved). */
export function unknownPlaceholdersOf(template: string): string[] {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((n) => !isKnown(n)))];
}
