import { and, count, eq, inArray } from 'drizzle-orm';
import { OPEN_STATUSES } from '@hotline/domain';
import { cases, officials } from '../schema/index.js';

// An official's load, one definition for the assign dialog and least-open routing: the open
// cases assigned to them. Joined (officials left join cases … group by official), not a
// correlated subquery: drizzle writes the columns of a one-table select unqualified, and
// inside a subquery over cases "id" then meant the case's id (every official showed 0).

/** The join condition: a case open and assigned to the official. */
export const holdsOpenCase = and(
  eq(cases.assigneeId, officials.id),
  inArray(cases.status, [...OPEN_STATUSES]),
);

/** The number of open cases held, over `holdsOpenCase` grouped by official. */
export const openCasesHeld = () => count(cases.id);
