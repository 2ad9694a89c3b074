import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIAL_HASHES } from '@hotline/db';
import {
  DEMO_OPEN311_API_KEY,
  DEMO_OPERATOR_TOKEN,
  DEMO_PASSWORD_HASH,
} from './seed-demo-tokens.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// Production refuses a database holding the demo credentials by their hashes alone (it never
// imports the demo): a credential changed here and not there would slip through.
describe('the demo credentials production refuses', () => {
  it('are the ones the demo seed stores', () => {
    expect(sha256(DEMO_OPEN311_API_KEY)).toBe(DEMO_CREDENTIAL_HASHES.open311Key);
    expect(sha256(DEMO_OPERATOR_TOKEN)).toBe(DEMO_CREDENTIAL_HASHES.operatorToken);
    expect(DEMO_PASSWORD_HASH).toBe(DEMO_CREDENTIAL_HASHES.password);
  });
});
