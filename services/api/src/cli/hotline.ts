// `pnpm hotline …`: commands run on the server itself, by whoever may run them there. There is
// no standing master key: the first administrator is made here, with a one-time temporary
// password (changed, and a second factor enrolled, at the first sign-in); a locked-out
// administrator is reset here. Everything else goes through the API as an official.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '@hotline/config';
import { AppError, createAdministrator, resetAdministrator } from '@hotline/core';
import { createDatabase } from '@hotline/db';
import { createRedis } from '@hotline/queue';
import { redisSessionStore } from '../plugins/official-session.js';

const USAGE = `Usage:
  pnpm hotline admin create --login LOGIN --name "FULL NAME" --email EMAIL [--unit CODE]
      A new administrator (in the province's root unit unless --unit), with a one-time
      temporary password printed once: it must be changed, and a second factor (TOTP)
      enrolled, at the first sign-in.
  pnpm hotline admin reset --login LOGIN
      An administrator who is locked out: a new one-time temporary password, the second
      factor forgotten (enrolled again at sign-in), every session ended.
`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    login: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    unit: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

/** Usage problems exit 2 (after the output is written: stdout may be a pipe). */
function usage(message: string, code: number) {
  process.stderr.write(message ? `${message}\n\n` : '');
  (code === 0 ? process.stdout : process.stderr).write(USAGE);
  process.exitCode = code;
}

const [area, command] = positionals;
const isKnown = area === 'admin' && (command === 'create' || command === 'reset');
const problem = !isKnown
  ? 'Unknown command.'
  : !values.login
    ? '--login is required'
    : command === 'create' && (!values.name || !values.email)
      ? '--name and --email are required'
      : null;
if (values.help) usage('', 0);
else if (problem) usage(problem, 2);
else await run(values.login!);

async function run(login: string) {
  const config = loadConfig();
  const database = createDatabase(config.databaseUrl, { max: 2 });
  const by = { osUser: userInfo().username };

  function printOnce(password: string) {
    process.stdout.write(
      [
        `Administrator ${login}: temporary password (shown this once, not stored):`,
        ``,
        `    ${password}`,
        ``,
        `Sign in at /console/ with it: you will enrol a second factor (TOTP) and choose a new password.`,
        ``,
      ].join('\n'),
    );
  }

  try {
    if (command === 'create') {
      const created = await createAdministrator(
        { db: database.db },
        {
          login: login,
          fullName: values.name!,
          email: values.email!,
          ...(values.unit ? { unitCode: values.unit } : {}),
        },
        by,
      );
      printOnce(created.temporaryPassword);
    } else {
      const redis = createRedis(config.redisUrl, 'producer');
      try {
        const sessions = redisSessionStore(redis, config.redisPrefix, config.session);
        const reset = await resetAdministrator({ db: database.db, sessions }, login, by);
        printOnce(reset.temporaryPassword);
        process.stdout.write(`Sessions ended: ${reset.revokedSessions}\n`);
      } finally {
        redis.disconnect();
      }
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const details = err.problems.map((p) => ` (${p.field}: ${p.reason})`).join('');
    process.stderr.write(`${err.code}: ${err.message}${details}\n`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
