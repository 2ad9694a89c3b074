import { describe, expect, it } from 'vitest';
import { previewKindOf } from './preview-kind.js';

describe('previewKindOf', () => {
  it.each([
    ['image/jpeg', 'image'],
    ['image/PNG', 'image'],
    ['application/pdf', 'pdf'],
    ['image/svg+xml', null],
    ['text/html', null],
    ['image/heic', null],
    ['video/mp4', null],
    [null, null],
  ] as const)('%s → %s', (type, kind) => expect(previewKindOf(type)).toBe(kind));
});
