import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PLAN_ROLES, READ_ROLES } from './access.ts';
import { reportPage, reportWorkbook, schedulePage } from './pages.ts';
import {
  AssistanceInputSchema,
  AssistanceListSchema,
  AssistancePatchSchema,
  AssistanceQuerySchema,
  AssistanceSchema,
  HtmlPage,
  OutreachIdParams,
  OutreachSessionSchema,
  OutreachUnitQuery,
  RoundInputSchema,
  RoundListSchema,
  RoundReportSchema,
  RoundUpdateSchema,
  RoundViewSchema,
  ScheduleParams,
  ScheduleQuerySchema,
  ScheduleSchema,
  SessionPatchSchema,
  SessionReportSchema,
  SuggestionsSchema,
  XlsxFile,
} from '@motcua/core/api';
import type { OutreachService } from './service.ts';

const tags = ['outreach'];
const IdParams = OutreachIdParams;
const UnitQuery = OutreachUnitQuery;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Reads are decided by the who-sees-what policy in the service (team = staff, reports = figures,
// residents = personal data); changes need a role of the unit.
const read = { access: 'official' as const };
const member = { access: { roles: READ_ROLES } };
const plan = { access: { roles: PLAN_ROLES } };

/** Planning, residents needing help, suggestions, reports and the public schedule. */
export const outreachRoutes: FastifyPluginAsyncTypebox<{ outreach: OutreachService }> = async (app, { outreach }) => {
  const { planning, reports } = outreach;

  app.get(
    '/api/office/outreach/rounds',
    {
      config: read,
      schema: {
        tags,
        summary: 'Các đợt tiếp nhận lưu động của xã — outreach rounds of a unit',
        querystring: UnitQuery,
        response: { 200: Type.Ref(RoundListSchema) },
      },
    },
    async (request) => ({ items: await planning.listRounds(request.actor, request.query.unit) }),
  );

  app.post(
    '/api/office/outreach/rounds',
    {
      config: plan,
      schema: {
        tags,
        summary: 'Lập đợt lưu động (lịch lặp, thôn ấp, tổ công tác, thủ tục) — plan a round',
        description:
          'Sinh các buổi theo quy tắc lặp, bỏ qua ngày nghỉ (lễ, Tết, nghỉ bù) theo @motcua/core/calendar; `skipped` liệt kê các ngày bị bỏ và lý do.',
        body: Type.Ref(RoundInputSchema),
        response: { 201: Type.Ref(RoundViewSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await planning.createRound(request.actor, request.body)),
  );

  app.get(
    '/api/office/outreach/rounds/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Chi tiết đợt lưu động và các buổi — a round with its sessions',
        params: IdParams,
        response: { 200: Type.Ref(RoundViewSchema) },
      },
    },
    async (request) => planning.getRound(request.actor, request.params.id),
  );

  app.put(
    '/api/office/outreach/rounds/:id',
    {
      config: plan,
      schema: {
        tags,
        summary: 'Sửa kế hoạch đợt (sinh lại các buổi chưa diễn ra) — replace a round plan',
        description: 'Gửi `version` đang xem; khác phiên bản hiện tại thì 409. Buổi đã có hoạt động (đã tải bộ công cụ, đã đồng bộ) được giữ nguyên.',
        params: IdParams,
        body: Type.Ref(RoundUpdateSchema),
        response: { 200: Type.Ref(RoundViewSchema) },
      },
    },
    async (request) => planning.updateRound(request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/office/outreach/sessions/:id',
    {
      config: read,
      schema: { tags, summary: 'Một buổi lưu động — one session', params: IdParams, response: { 200: Type.Ref(OutreachSessionSchema) } },
    },
    async (request) => planning.getSession(request.actor, request.params.id),
  );

  app.patch(
    '/api/office/outreach/sessions/:id',
    {
      config: plan,
      schema: {
        tags,
        summary: 'Đổi thôn ấp, điểm tập trung hoặc hủy một buổi — adjust or cancel a session',
        params: IdParams,
        body: Type.Ref(SessionPatchSchema),
        response: { 200: Type.Ref(OutreachSessionSchema) },
      },
    },
    async (request) => planning.patchSession(request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/office/outreach/suggestions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Gợi ý thôn, ấp nên đến trước, có giải thích điểm — which hamlets first, with the score explained',
        description: 'Điểm 0–100 = khoảng cách (30) + người cần hỗ trợ (30) + nhu cầu: hồ sơ và lượt tư vấn 12 tháng (20) + lần đến gần nhất (20).',
        querystring: UnitQuery,
        response: { 200: Type.Ref(SuggestionsSchema) },
      },
    },
    async (request) => planning.suggestions(request.actor, request.query.unit),
  );

  app.get(
    '/api/office/outreach/assistance',
    {
      config: read,
      schema: {
        tags,
        summary: 'Người cần hỗ trợ tại nhà (cao tuổi, khuyết tật, ốm đau) — residents needing help',
        querystring: AssistanceQuerySchema,
        response: { 200: Type.Ref(AssistanceListSchema) },
      },
    },
    async (request) => ({ items: await planning.listAssistance(request.actor, request.query.unit, request.query.hamlet) }),
  );

  app.post(
    '/api/office/outreach/assistance',
    {
      config: member,
      schema: {
        tags,
        summary: 'Ghi nhận người cần hỗ trợ — flag a resident',
        body: Type.Ref(AssistanceInputSchema),
        response: { 201: Type.Ref(AssistanceSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(await planning.addAssistance(request.actor, request.body)),
  );

  app.patch(
    '/api/office/outreach/assistance/:id',
    {
      config: member,
      schema: {
        tags,
        summary: 'Sửa thông tin người cần hỗ trợ — edit a flagged resident',
        params: IdParams,
        body: Type.Ref(AssistancePatchSchema),
        response: { 200: Type.Ref(AssistanceSchema) },
      },
    },
    async (request) => planning.updateAssistance(request.actor, request.params.id, request.body),
  );

  app.delete(
    '/api/office/outreach/assistance/:id',
    {
      config: member,
      schema: { tags, summary: 'Bỏ khỏi danh sách (không còn cần hỗ trợ) — unflag a resident', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await planning.updateAssistance(request.actor, request.params.id, { active: false });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/office/outreach/sessions/:id/report',
    {
      config: read,
      schema: { tags, summary: 'Kết quả một buổi lưu động — session report', params: IdParams, response: { 200: Type.Ref(SessionReportSchema) } },
    },
    async (request) => reports.forSession(request.actor, request.params.id),
  );

  app.get(
    '/api/office/outreach/rounds/:id/report',
    {
      config: read,
      schema: { tags, summary: 'Báo cáo đợt lưu động theo buổi và thôn, ấp — round report', params: IdParams, response: { 200: Type.Ref(RoundReportSchema) } },
    },
    async (request) => reports.forRound(request.actor, request.params.id),
  );

  app.get(
    '/api/office/outreach/rounds/:id/report.html',
    {
      config: read,
      schema: {
        tags,
        summary: 'Báo cáo đợt lưu động (trang in) — printable round report',
        params: IdParams,
        produces: ['text/html'],
        response: { 200: HtmlPage },
      },
    },
    async (request, reply) => reply.type('text/html; charset=utf-8').send(reportPage(await reports.forRound(request.actor, request.params.id))),
  );

  app.get(
    '/api/office/outreach/rounds/:id/report.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'Báo cáo đợt lưu động (Excel) — round report as .xlsx',
        params: IdParams,
        produces: [XLSX],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const report = await reports.forRound(request.actor, request.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="bao-cao-luu-dong-${report.unitCode}.xlsx"`)
        .send(await reportWorkbook(report));
    },
  );

  app.get(
    '/api/outreach/schedule',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Lịch tiếp nhận lưu động sắp tới (công khai) — upcoming outreach schedule (public)',
        querystring: ScheduleQuerySchema,
        response: { 200: Type.Ref(ScheduleSchema) },
      },
    },
    async (request) => planning.schedule(request.query.unit, request.query.days),
  );

  app.get(
    '/lich-luu-dong/:unitCode',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Lịch lưu động một trang để in và niêm yết — one-page printable schedule',
        params: ScheduleParams,
        produces: ['text/html'],
        response: { 200: HtmlPage },
      },
    },
    async (request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(schedulePage(await planning.schedule(request.params.unitCode))),
  );
};
