import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubErrorText } from './logger.js';

const EMAIL = 'hong.nhung.pham@example.vn';
const PHONE = '+84 987 654 321';
const NAME = 'Phạm Thị Hồng Nhung';

/** drizzle's wrapper as it is built: the query's values written into its message. */
class DrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    override readonly cause: unknown,
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(',')}`);
  }
}

/** postgres.js's error with its debug fields (enumerable when the client runs with `debug`). */
function postgresError(message: string, fields: Record<string, unknown>) {
  return Object.assign(new Error(message), { name: 'PostgresError', ...fields });
}

function logged(err: unknown): string {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  createLogger({ logLevel: 'info', logPretty: false }, {}, sink).error({ err }, 'failed');
  return lines.join('');
}

describe('error serializer: no personal data, whatever the error carries', () => {
  it('drops a failing query’s values, the quoted row and the parameters', () => {
    const cause = postgresError(
      'duplicate key value violates unique constraint "officials_email_key"',
      {
        code: '23505',
        detail: `Key (email)=(${EMAIL}) already exists.`,
        where: `Failing row contains (${NAME}, ${EMAIL}, ${PHONE})`,
        parameters: [NAME, EMAIL, PHONE],
        args: [NAME, EMAIL, PHONE],
      },
    );
    const err = new DrizzleQueryError(
      'insert into "officials" ("full_name", "email", "phone") values ($1, $2, $3)',
      [NAME, EMAIL, PHONE],
      cause,
    );
    const line = logged(err);
    for (const value of [NAME, EMAIL, PHONE, '987 654 321']) expect(line).not.toContain(value);
    // What helps a developer stays: the statement, the constraint's message, the stack.
    expect(line).toContain('insert into \\"officials\\"');
    expect(line).toContain('officials_email_key');
    expect(line).toContain('logger.test.ts');
    expect(line).not.toContain('[email]');
  });

  it('redacts values Postgres quotes in its messages, e-mail addresses and phone numbers', () => {
    const err = postgresError(`invalid input syntax for type uuid: "${EMAIL}"`, { code: '22P02' });
    expect(logged(err)).not.toContain(EMAIL);
    expect(scrubErrorText(`sent to ${EMAIL} and 0987654321, +84 912 345 678`)).toBe(
      'sent to [email] and [number], [number]',
    );
  });

  it('leaves literals out of a logged SQL text', () => {
    const err = Object.assign(new Error('failed'), {
      query: `select * from cases where phone = '${PHONE}'`,
    });
    expect(logged(err)).not.toContain('987');
  });
});
