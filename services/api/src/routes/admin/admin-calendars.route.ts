import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CalendarBody,
  CalendarDetail,
  CalendarIdParams,
  CreateCalendarBody,
  ErrorResponse,
  OverrideBody,
  OverrideParams,
} from '@hotline/contracts';
import {
  createCalendar,
  deleteCalendar,
  getCalendarDetail,
  removeCalendarOverride,
  replaceCalendar,
  setCalendarOverride,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import { adminActorOf, ADMIN_SECURITY } from '../../plugins/admin-guard.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const security = ADMIN_SECURITY;

/** Admin: calendars and their per-date overrides. */
export const adminCalendarRoutes =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['admin'];
    app.get(
      '/v1/admin/calendars/:id',
      {
        schema: {
          tags,
          security,
          params: CalendarIdParams,
          response: { 200: CalendarDetail, ...errors },
        },
      },
      async (request) => getCalendarDetail(deps, request.params.id),
    );
    app.post(
      '/v1/admin/calendars',
      {
        schema: {
          tags,
          security,
          body: CreateCalendarBody,
          response: { 201: CalendarDetail, ...errors },
        },
      },
      async (request, reply) => {
        const { id, ...body } = request.body;
        return reply.status(201).send(await createCalendar(deps, id, body, adminActorOf(request)));
      },
    );
    app.put(
      '/v1/admin/calendars/:id',
      {
        schema: {
          summary: 'Replace a calendar’s own settings (omitted ones are inherited)',
          tags,
          security,
          params: CalendarIdParams,
          body: CalendarBody,
          response: { 200: CalendarDetail, ...errors },
        },
      },
      async (request) =>
        replaceCalendar(deps, request.params.id, request.body, adminActorOf(request)),
    );
    app.delete(
      '/v1/admin/calendars/:id',
      {
        schema: {
          tags,
          security,
          params: CalendarIdParams,
          response: { 204: { type: 'null' }, ...errors },
        },
      },
      async (request, reply) => {
        await deleteCalendar(deps, request.params.id, adminActorOf(request));
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/v1/admin/calendars/:id/overrides/:date',
      {
        schema: {
          summary: 'Make a date a working day or a day off (the government’s yearly schedule)',
          tags,
          security,
          params: OverrideParams,
          body: OverrideBody,
          response: { 200: OverrideBody, ...errors },
        },
      },
      async (request) =>
        setCalendarOverride(
          deps,
          request.params.id,
          request.params.date,
          request.body,
          adminActorOf(request),
        ),
    );
    app.delete(
      '/v1/admin/calendars/:id/overrides/:date',
      {
        schema: {
          tags,
          security,
          params: OverrideParams,
          response: { 204: { type: 'null' }, ...errors },
        },
      },
      async (request, reply) => {
        const { id, date } = request.params;
        await removeCalendarOverride(deps, id, date, adminActorOf(request));
        return reply.status(204).send(null);
      },
    );
  };
