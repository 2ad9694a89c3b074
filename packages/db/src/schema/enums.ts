import { pgEnum } from 'drizzle-orm/pg-core';
import {
  CASE_STATUSES,
  CASE_TYPES,
  CHANNELS,
  OFFICIAL_ROLES,
  PRIORITIES,
  SLA_STATES,
  UNIT_KINDS,
} from '@hotline/domain';

// Postgres enums mirror the domain's lists so a bad value cannot be stored by any writer.
export const unitKind = pgEnum('unit_kind', UNIT_KINDS);
export const officialRole = pgEnum('official_role', OFFICIAL_ROLES);
export const caseStatus = pgEnum('case_status', CASE_STATUSES);
export const caseType = pgEnum('case_type', CASE_TYPES);
export const channel = pgEnum('channel', CHANNELS);
export const priority = pgEnum('priority', PRIORITIES);
export const slaState = pgEnum('sla_state', SLA_STATES);
