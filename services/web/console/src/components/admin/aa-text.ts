import type { CSSProperties } from 'react';

/**
 * Mantine's "dimmed" grey (descriptions, captions, placeholders' neighbours) is 3.3:1 on white,
 * below WCAG AA for small text: inside these pages it is the darker grey (8:1). Set on the
 * pages' root and on their modals' content (which portal out of it).
 */
export const AA_TEXT = { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' } as CSSProperties;

/**
 * A light Alert's title in the text colour: Mantine's coloured title (shade 6, even 9 on the
 * tinted background) falls below 4.5:1; the alert's colour still says what kind it is.
 */
export const AA_ALERT = { title: { color: 'var(--mantine-color-text)', fontWeight: 700 } };
