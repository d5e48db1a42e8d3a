import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DeliveryBody, Shipment } from '@motcua/core/api';
import { nfc } from '@motcua/core/text';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { appendAudit, auditActor } from '../audit/index.ts';
import type { DossierJson } from '../dossiers/index.ts';
import { canAdvance, SHIPMENT_STATUS_LABEL, type PostalAdapter } from './postal.ts';
import { sha256Hex } from './signing/index.ts';
import type { ResultsService } from './service.ts';
import { resultsStore as store, type ShipmentRow } from './store.ts';
import type { ShipmentStatus } from './tables.ts';

/** How a result is handed over (@motcua/core/api `DeliveryBody`). */
export type DeliveryInput = DeliveryBody;
/** A postal shipment as the API shows it (@motcua/core/api). */
export type ShipmentJson = Shipment;

const MAX_SIGNATURE_BYTES = 256 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function signatureImage(raw: string): Buffer {
  const b64 = raw.replace(/^data:image\/png;base64,/, '');
  const bytes = /^[A-Za-z0-9+/=\s]+$/.test(b64) ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
  if (bytes.length < PNG_MAGIC.length || !bytes.subarray(0, 8).equals(PNG_MAGIC)) {
    throw badRequest('Chữ ký phải là ảnh PNG.', 'The signature must be a PNG image.', { field: 'signaturePng' });
  }
  if (bytes.length > MAX_SIGNATURE_BYTES)
    throw badRequest('Ảnh chữ ký quá lớn (tối đa 256 KB).', 'The signature image is too large (256 KB at most).', { field: 'signaturePng' });
  return bytes;
}

/**
 * Hands a ready result over — at the counter (recipient's name, ID number and signature image or
 * typed confirmation), by post (a shipment booked with the carrier) or electronically (the signed
 * result in the citizen's personal store) — and records it with the dossier's return_result action.
 */
export class DeliveryService {
  constructor(
    private readonly ctx: AppContext,
    private readonly results: ResultsService,
    private readonly postal: PostalAdapter,
  ) {}

  async deliver(actor: Actor, code: string, input: DeliveryInput): Promise<DossierJson> {
    const { view, intake } = await this.results.dossiers.loadVisible(actor, code, ['results', 'identity', 'contact']);
    if (view.state !== 'result_ready') {
      throw conflict('Hồ sơ chưa có kết quả để trả.', 'The dossier has no result ready to hand over.', { state: view.state, version: view.lastSeq });
    }
    const act = (fields: Record<string, unknown>, within: (trx: Db) => Promise<void>) =>
      this.results.dossiers.act(actor, code, { action: 'return_result', version: view.lastSeq, ...fields }, { within });
    const now = this.ctx.clock.now();

    if (input.method === 'counter') {
      const name = nfc(input.recipientName).trim();
      if (!/^(\d{9}|\d{12})$/.test(input.recipientIdNumber))
        throw badRequest('Số giấy tờ tùy thân phải có 9 hoặc 12 chữ số.', 'The ID number must have 9 or 12 digits.', { field: 'recipientIdNumber' });
      const typed = input.typedConfirmation ? nfc(input.typedConfirmation).trim() : '';
      if (!!input.signaturePng === !!typed) {
        throw badRequest(
          'Cần chữ ký (ảnh) hoặc lời xác nhận đánh máy của người nhận, một trong hai.',
          "Give either the recipient's signature image or a typed confirmation, not both.",
          { field: 'signaturePng' },
        );
      }
      const id = randomUUID();
      let image: { key: string; sha256: string } | null = null;
      if (input.signaturePng) {
        const bytes = signatureImage(input.signaturePng);
        const sha256 = sha256Hex(bytes);
        image = { key: `results/handover/${sha256}.png`, sha256 };
        await this.results.blobs.put(image.key, Readable.from([bytes]));
      }
      return act({ method: 'counter', recipientName: name, signatureRef: `handover:${id}` }, async (trx) => {
        await trx
          .insertInto('result_handover')
          .values({
            id,
            dossier_code: code,
            recipient_name: name,
            recipient_id_number: input.recipientIdNumber,
            confirmation: image ? 'signature_image' : 'typed',
            signature_blob_key: image?.key ?? null,
            signature_sha256: image?.sha256 ?? null,
            typed_confirmation: typed || null,
            recorded_by: actor.kind === 'official' ? actor.userId : 'unknown',
            at: now,
          })
          .execute();
      });
    }

    if (input.method === 'electronic') {
      const outcome = await store.latestOutcome(this.ctx.db, code);
      if (!outcome) throw conflict('Kết quả chưa được ký số; chưa thể trả trực tuyến.', 'The result is not signed yet; it cannot be delivered electronically.');
      return act({ method: 'electronic' }, async (trx) => {
        await this.results.keepForCitizen(trx, outcome, view.applicantIdNumber);
      });
    }

    const address = nfc(input.address ?? intake.postalAddress ?? intake.applicant.addressLine).trim();
    if (address.length < 5) throw badRequest('Cần địa chỉ nhận kết quả qua bưu điện.', 'A postal address is needed.', { field: 'address' });
    const phone = input.phone ?? intake.applicant.phone;
    const fee = this.ctx.config.results.postalCodFeeVnd;
    const booked = await this.postal.createShipment({ dossierCode: code, recipient: { name: intake.applicant.fullName, phone, address }, codFeeVnd: fee });
    const id = randomUUID();
    return act({ method: 'post', trackingNumber: booked.trackingNumber }, async (trx) => {
      await trx
        .insertInto('shipment')
        .values({
          id,
          dossier_code: code,
          carrier: this.postal.carrier,
          tracking_number: booked.trackingNumber,
          recipient_name: intake.applicant.fullName,
          recipient_phone: phone,
          address,
          cod_fee_vnd: fee,
          status: 'accepted',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx.insertInto('shipment_event').values({ shipment_id: id, status: 'accepted', at: now, source: 'system', note: null }).execute();
    });
  }

  /** A dossier's shipments with their status history, for the applicant and covering officials. */
  async shipments(actor: Actor, code: string): Promise<ShipmentJson[]> {
    await this.results.dossiers.loadVisible(actor, code, ['results', 'contact']);
    const rows = await store.shipments(this.ctx.db, code);
    // Recipient and address are personal data: an official's look is audited.
    if (rows.length > 0)
      await this.results.dossiers.auditRead(actor, {
        action: 'results.shipment.list',
        dossierCode: code,
        kinds: ['results', 'contact'],
        detail: { count: rows.length },
      });
    return this.json(rows);
  }

  /** An official in the dossier's scope moves a shipment on (the local stand-in has no carrier feed). */
  async advanceByOfficial(actor: Actor, shipmentId: string, status: ShipmentStatus, note: string | null): Promise<ShipmentJson> {
    const row = /^[0-9a-f-]{36}$/i.test(shipmentId) ? await store.shipment(this.ctx.db, shipmentId) : undefined;
    if (!row) throw shipmentNotFound(shipmentId);
    await this.results.dossiers.loadVisible(actor, row.dossier_code).catch(() => {
      throw shipmentNotFound(shipmentId);
    });
    return this.advance(row, status, 'official', note, actor);
  }

  /** A carrier's status report (already authenticated by its HMAC). Repeating a report is harmless. */
  async advanceByCarrier(trackingNumber: string, status: ShipmentStatus, note: string | null): Promise<ShipmentJson> {
    const row = await store.shipmentByTracking(this.ctx.db, trackingNumber);
    if (!row) throw shipmentNotFound(trackingNumber);
    if (row.status === status) return (await this.json([row]))[0]!;
    return this.advance(row, status, 'carrier', note, { kind: 'system', name: `Bưu chính (${row.carrier})` });
  }

  private async advance(
    row: ShipmentRow,
    status: ShipmentStatus,
    source: 'official' | 'carrier',
    note: string | null,
    actor: Actor | { kind: 'system'; name: string },
  ): Promise<ShipmentJson> {
    if (!canAdvance(row.status, status)) {
      throw conflict(
        `Không thể chuyển bưu gửi từ "${SHIPMENT_STATUS_LABEL[row.status].vi}" sang "${SHIPMENT_STATUS_LABEL[status].vi}".`,
        `A shipment cannot go from ${row.status} to ${status}.`,
        { status: row.status },
      );
    }
    const now = this.ctx.clock.now();
    await inTransaction(this.ctx.db, async (trx) => {
      const r = await trx.updateTable('shipment').set({ status, updated_at: now }).where('id', '=', row.id).where('status', '=', row.status).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw conflict('Bưu gửi vừa được cập nhật; vui lòng tải lại.', 'The shipment was just updated; reload and try again.');
      await trx.insertInto('shipment_event').values({ shipment_id: row.id, status, at: now, source, note }).execute();
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: 'results.shipment.status',
        dossierCode: row.dossier_code,
        detail: { shipmentId: row.id, trackingNumber: row.tracking_number, from: row.status, to: status },
      });
    });
    return (await this.json([{ ...row, status, updated_at: now }]))[0]!;
  }

  private async json(rows: ShipmentRow[]): Promise<ShipmentJson[]> {
    const events = await store.shipmentEvents(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      dossierCode: r.dossier_code,
      carrier: r.carrier,
      trackingNumber: r.tracking_number,
      recipientName: r.recipient_name,
      address: r.address,
      codFeeVnd: r.cod_fee_vnd,
      codFeeNote: {
        vi: `Cước thu hộ ${r.cod_fee_vnd.toLocaleString('vi-VN')} đồng, trả khi nhận (mức do đơn vị cấu hình, tạm tính).`,
        en: `Cash on delivery ${r.cod_fee_vnd.toLocaleString('en')} VND, paid on receipt (a configured stand-in amount).`,
      },
      status: r.status,
      statusLabel: SHIPMENT_STATUS_LABEL[r.status],
      events: events.filter((e) => e.shipment_id === r.id).map((e) => ({ status: e.status, at: new Date(e.at).toISOString(), source: e.source, note: e.note })),
    }));
  }
}

const shipmentNotFound = (id: string) => notFound('bưu gửi', 'Shipment', id);
