import { AnchorOutcomeSchema, AuditAnchorsSchema } from '@motcua/core/api';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { covers } from '../units/index.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { isPlatformChain, type AuditAnchoring } from './anchoring.ts';
import { PAGE_CSS, unitListHtml, unitPageHtml } from './page.ts';

export interface PublicUnit {
  fullName: string;
  provinceName: string | null;
}

const Chain = Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'Chuỗi nhật ký: mã xã (5 chữ số), "system" hoặc "audit"' });
/** The audit anchors, published: JSON for auditors, a server-rendered page per commune, and signing on demand. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ anchoring: AuditAnchoring; unit(code: string): PublicUnit | null; anchorMinutes: number }> = async (
  app,
  o,
) => {
  app.get(
    '/api/audit-anchors/:chain',
    {
      config: { access: 'public' },
      schema: {
        tags: ['audit'],
        summary: 'Neo nhật ký kiểm toán đã ký (mới nhất trước) — signed audit anchors of a chain, newest first',
        description: 'What `npm run audit:verify -- --anchors <this URL or a saved copy>` checks the database against.',
        params: Type.Object({ chain: Chain }),
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) }),
        response: { 200: Type.Ref(AuditAnchorsSchema) },
      },
    },
    async (request, reply) => {
      const { chain } = request.params;
      reply.header('cache-control', 'no-cache');
      return { chain, unitName: o.unit(chain)?.fullName ?? null, anchors: await o.anchoring.recent(chain, request.query.limit ?? 50) };
    },
  );

  app.post(
    '/api/audit-anchors/:chain',
    {
      config: { access: { roles: ['commune_admin', 'system_admin'] } },
      schema: {
        tags: ['audit'],
        summary: 'Ký đầu chuỗi nhật ký ngay (quản trị xã) — sign the chain head now (administrators)',
        params: Type.Object({ chain: Chain }),
        response: { 200: Type.Ref(AnchorOutcomeSchema) },
      },
    },
    async (request) => {
      const { chain } = request.params;
      const actor = request.actor;
      const allowed = actor.kind === 'official' && (actor.roles.includes('system_admin') || (!isPlatformChain(chain) && covers(actor, chain)));
      if (!allowed) throw forbidden('Bạn chỉ ký được nhật ký của xã mình.', 'You can only sign the log of your own commune.');
      const outcome = await o.anchoring.anchorChain(chain);
      if (outcome.status === 'empty') throw notFound('chuỗi nhật ký', 'Audit chain', chain);
      if (outcome.status === 'failed') {
        throw conflict(`Nhật ký có dấu hiệu bị sửa, không ký: ${outcome.message}.`, `The log shows tampering; not signed: ${outcome.message}.`, {
          entryId: outcome.entryId,
          problem: outcome.problem,
        });
      }
      return { status: outcome.status, anchor: outcome.anchor };
    },
  );

  app.get('/xa', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const units = (await o.anchoring.published()).flatMap((p) => {
      const u = o.unit(p.chain);
      return u ? [{ code: p.chain, fullName: u.fullName, lastSignedAt: p.lastSignedAt }] : [];
    });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(unitListHtml(units));
  });

  app.get('/xa/_/page.css', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PAGE_CSS),
  );

  app.get(
    '/xa/:code',
    {
      config: { access: 'public' },
      schema: { hide: true, params: Type.Object({ code: Type.String({ pattern: '^[0-9]{5}$' }) }) },
    },
    async (request, reply) => {
      const { code } = request.params;
      const unit = o.unit(code);
      if (!unit) throw notFound('xã, phường', 'Commune or ward', code);
      const html = unitPageHtml({ code, ...unit, anchors: await o.anchoring.recent(code, 20), anchorMinutes: o.anchorMinutes });
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    },
  );
};
