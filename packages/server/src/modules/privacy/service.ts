import type { AccessLogEntry, PersonalDataExport, Role } from '@motcua/core/api';
import type { DataKind, Text } from '@motcua/core/privacy';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { type READ_ACTIONS, readsOfDossiers, type ReadEntry } from '../audit/index.ts';
import type { DossierService } from '../dossiers/index.ts';
import type { DossierJson } from '../dossiers/index.ts';
import type { IdentityService } from '../identity/index.ts';
import { noticesSentFor } from '../notifications/index.ts';
import type { DeliveryService, ResultsService } from '../results/index.ts';
import { KIND_TITLE } from '../results/index.ts';
import type { DocumentKind } from '../results/index.ts';
import type { UploadsService } from '../uploads/index.ts';

type Citizen = Extract<Actor, { kind: 'citizen' }>;

export interface PrivacyDeps {
  dossiers: DossierService;
  uploads: UploadsService;
  results: ResultsService;
  delivery: DeliveryService;
  identity: IdentityService;
  unitName: (code: string) => string | null;
}

const WHAT: Record<(typeof READ_ACTIONS)[number], { text: Text; kinds: DataKind[] }> = {
  'dossier.read': {
    text: { vi: 'Chi tiết hồ sơ (nhân thân, liên lạc, tờ khai)', en: 'The dossier (identity, contact, form)' },
    kinds: ['identity', 'contact', 'application'],
  },
  'dossier.attachment.read': { text: { vi: 'Tệp đính kèm', en: 'An attached file' }, kinds: ['documents'] },
  'results.document.list': { text: { vi: 'Danh sách văn bản đã phát hành', en: 'The list of issued documents' }, kinds: ['results'] },
  'results.document.read': { text: { vi: 'Văn bản đã phát hành', en: 'An issued document' }, kinds: ['results'] },
  'results.shipment.list': { text: { vi: 'Bưu gửi kết quả (người nhận, địa chỉ)', en: 'Postal shipment (recipient, address)' }, kinds: ['results', 'contact'] },
  'payments.list': { text: { vi: 'Các khoản nộp phí, lệ phí', en: 'Fee payments' }, kinds: ['results'] },
  'payments.receipt.read': { text: { vi: 'Biên lai thu phí, lệ phí', en: 'Fee receipt' }, kinds: ['results'] },
  'notifications.notice.list': { text: { vi: 'Thông báo đã gửi (số điện thoại, e-mail)', en: 'Notices sent (phone, e-mail)' }, kinds: ['contact'] },
};

/** Cap on dossiers in an export or log: far above what one person files. */
const MAX_DOSSIERS = 1000;

/**
 * What a citizen may know and take away about themselves (Nghị định 13/2023/NĐ-CP, khoản 1, 3
 * và 7 Điều 9): who among the officials opened their data and when, and everything Motcua
 * holds about them as one file.
 */
export class PrivacyService {
  constructor(
    private readonly ctx: AppContext,
    private readonly deps: PrivacyDeps,
  ) {}

  async accessLog(citizen: Citizen): Promise<AccessLogEntry[]> {
    const codes = await this.deps.dossiers.store.codesOfApplicant(citizen.idNumber, MAX_DOSSIERS);
    const reads = await readsOfDossiers(this.ctx.db, codes);
    const files = new Map<string, string>();
    for (const code of new Set(reads.filter((r) => r.action === 'dossier.attachment.read').map((r) => r.dossierCode))) {
      for (const a of await this.deps.uploads.dossierAttachments(this.ctx.db, code)) files.set(a.uploadId, a.upload.filename);
    }
    return reads.map((r) => this.describe(r, files));
  }

  private describe(r: ReadEntry, files: Map<string, string>): AccessLogEntry {
    const what = WHAT[r.action as keyof typeof WHAT] ?? { text: { vi: r.action, en: r.action }, kinds: [] };
    const as = (r.detail.as ?? {}) as { roles?: Role[]; unitCodes?: string[]; via?: 'session' | 'token' };
    let text = what.text;
    if (r.action === 'dossier.attachment.read') {
      const name = files.get(String(r.detail.uploadId ?? ''));
      if (name) text = { vi: `Tệp đính kèm "${name}"`, en: `Attached file "${name}"` };
    } else if (r.action === 'results.document.read') {
      const title = KIND_TITLE[r.detail.kind as DocumentKind];
      if (title) text = { vi: `Văn bản: ${title.vi}`, en: `Document: ${title.en}` };
    }
    return {
      at: r.at.toISOString(),
      dossierCode: r.dossierCode,
      viewer: {
        name: r.actor.name,
        roles: as.roles ?? [],
        units: (as.unitCodes ?? []).map((code) => ({ code, name: this.deps.unitName(code) ?? code })),
        via: as.via ?? 'unknown',
      },
      what: text,
      kinds: Array.isArray(r.detail.kinds) ? (r.detail.kinds as DataKind[]) : what.kinds,
    };
  }

  /** Everything Motcua holds about the citizen, as the citizen sees it (no internal notes). */
  async export(citizen: Citizen): Promise<PersonalDataExport> {
    const { dossiers, uploads, results, delivery, identity } = this.deps;
    const mine = await dossiers.listMine(citizen, MAX_DOSSIERS);
    const codes = mine.map((d) => d.code);
    const perDossier = [];
    for (const d of mine) {
      perDossier.push({
        ...withLinks(d),
        issuedDocuments: await results.list(citizen, d.code),
        shipments: await delivery.shipments(citizen, d.code),
      });
    }
    const sessions = await identity.citizenSessions(citizen.idNumber);
    return {
      format: 'motcua.personal-data-export/1' as const,
      generatedAt: this.ctx.clock.now().toISOString(),
      legalBasis: 'Nghị định 13/2023/NĐ-CP, khoản 1, 3 và 7 Điều 9 (quyền được biết, truy cập, cung cấp dữ liệu)',
      subject: { idNumber: citizen.idNumber, fullName: citizen.fullName },
      profileFromIdentityProvider: sessions[0]?.claims ?? null,
      sessions: sessions.map(({ claims: _c, ...s }) => s),
      dossiers: perDossier,
      consents: mine.filter((d) => d.consent).map((d) => ({ dossierCode: d.code, ...d.consent! })),
      uploads: (await uploads.ownedBy(citizen)).map((u) => ({ ...u, downloadUrl: `/api/uploads/${u.id}` })),
      personalDocuments: (await uploads.personalDocuments(citizen)).map((p) => ({ ...p, downloadUrl: `/api/uploads/${p.upload.id}` })),
      notices: await noticesSentFor(this.ctx.db, codes),
      accessLog: await this.accessLog(citizen),
    };
  }
}

function withLinks(d: DossierJson) {
  return { ...d, attachments: d.attachments.map((a) => ({ ...a, downloadUrl: `/api/uploads/${a.id}` })) };
}
