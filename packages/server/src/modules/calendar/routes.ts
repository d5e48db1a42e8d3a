import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AnnouncementIdParams,
  AnnouncementWithdrawBodySchema,
  CalendarYearQuery,
  CalendarYearSchema,
  HolidayAnnouncementBodySchema,
  HolidayAnnouncementSchema,
  type AnnouncementWithdrawBody,
  type HolidayAnnouncementBody,
} from '@motcua/core/api';
import { SYSTEM_ADMIN_ONLY } from '../../platform/access.ts';
import type { CalendarService } from './service.ts';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncTypebox<{ calendar: CalendarService }> = async (app, { calendar }) => {
  app.get(
    '/api/calendar/year',
    {
      // Announcements move every deadline in the country.
      config: { access: SYSTEM_ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Lịch nghỉ của một năm và các thông báo đã ghi — a year’s days off and recorded announcements',
        querystring: CalendarYearQuery,
        response: { 200: Type.Ref(CalendarYearSchema) },
      },
    },
    async (request) => calendar.year(request.query.year),
  );
  app.post(
    '/api/calendar/announcements',
    {
      // Announcements move every deadline in the country.
      config: { access: SYSTEM_ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Ghi một ngày nghỉ hoặc ngày làm bù đã công bố — record an announced day off or make-up day',
        body: Type.Ref(HolidayAnnouncementBodySchema),
        response: { 201: Type.Ref(HolidayAnnouncementSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await calendar.record(request.actor, request.body as HolidayAnnouncementBody)),
  );
  app.post(
    '/api/calendar/announcements/:id/withdraw',
    {
      // Announcements move every deadline in the country.
      config: { access: SYSTEM_ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Rút một thông báo đã ghi, có lý do — withdraw a recorded announcement, with the reason',
        params: AnnouncementIdParams,
        body: Type.Ref(AnnouncementWithdrawBodySchema),
        response: { 200: Type.Ref(HolidayAnnouncementSchema) },
      },
    },
    async (request) => calendar.withdraw(request.actor, request.params.id, request.body as AnnouncementWithdrawBody),
  );
};
