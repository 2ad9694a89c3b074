import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CalendarIdParams,
  CalendarList,
  DaysQuery,
  DaysResponse,
  DeadlineQuery,
  DeadlineResponse,
  ErrorResponse,
} from '@hotline/contracts';
import { computeDeadline, getCalendarDays, listCalendars } from '@hotline/core';
import type { Database } from '@hotline/db';

/** Public, read-only: the working calendars and the deadlines they give. */
export const publicCalendarRoutes =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/calendars',
      {
        schema: {
          summary: 'Working calendars (the province calendar is `default`)',
          tags: ['calendars'],
          response: { 200: CalendarList },
        },
      },
      async () => listCalendars(deps),
    );
    app.get(
      '/v1/calendars/:id/days',
      {
        schema: {
          summary: 'Each date of a range: working or not, and why (at most 366 days)',
          tags: ['calendars'],
          params: CalendarIdParams,
          querystring: DaysQuery,
          response: { 200: DaysResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) =>
        getCalendarDays(deps, request.params.id, request.query.from, request.query.to),
    );
    app.get(
      '/v1/calendars/:id/deadline',
      {
        schema: {
          summary: 'The deadline a duration gives from an instant',
          description:
            'PTnH / PTnM: n working hours or minutes added exactly (time outside working intervals does not count). PnD: the close of business of the n-th working day after the day of receipt; the day of receipt is not counted, whatever the hour, and receipt on a day off counts from the next working day. With unit=calendar, PnD is n calendar days, ending at the close of business of the n-th day after the day of receipt, moved to the next working day’s close if that day is off.',
          tags: ['calendars'],
          params: CalendarIdParams,
          querystring: DeadlineQuery,
          response: { 200: DeadlineResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => computeDeadline(deps, request.params.id, request.query),
    );
  };
