import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '@hotline/db';
import type { OfficialResolver } from '../../plugins/official-token.js';
import { caseAssigneesRoute } from './case-assignees.route.js';
import { caseLookupRoute } from './case-lookup.route.js';
import { caseAttachmentFileRoute } from './case-attachment-file.route.js';
import { consoleReferenceRoute } from './console-reference.route.js';
import { myNotificationsRoute } from './my-notifications.route.js';

/** The reads the officials' console needs beside the queues and the case page. */
export const consoleRoutes =
  (deps: {
    db: Database;
    sessions?: OfficialResolver;
    attachmentsDir: string;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, sessions } = deps;
    await app.register(myNotificationsRoute({ db, sessions }));
    await app.register(caseAssigneesRoute({ db, sessions }));
    await app.register(consoleReferenceRoute({ db, sessions }));
    await app.register(caseLookupRoute({ db, sessions }));
    await app.register(caseAttachmentFileRoute({ db, sessions, dir: deps.attachmentsDir }));
  };
