import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CORRECTION_PROCEDURE,
  FIELD_TYPES,
  findDiscrepancies,
  findHamlet,
  isoDate,
  lineagePlaceKey,
  parseCivilRow,
  parsePopulationRow,
  readHeaders,
  TYPE_LABELS,
  type CivilStatusRecord,
  type ExtractKind,
  type FieldType,
  type PopulationRecord,
  type RawRow,
} from '@motcua/core/discrepancies';
import type {
  DiscrepancyDossierInput,
  DiscrepancyFixResult,
  DiscrepancyImport,
  DiscrepancyJson,
  DiscrepancyPage,
  DiscrepancyQuery,
  DiscrepancyStatusInput,
  HamletProgress,
  Submission,
} from '@motcua/core/api';
import { inTransaction } from '../../db/database.ts';
import type { Actor, OfficialRole } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, conflict, forbidden, notFound, Problem } from '../../platform/errors.ts';
import { appendAudit, auditActor } from '../audit/index.ts';
import type { DossierService } from '../dossiers/index.ts';
import type { OutreachService } from '../outreach/index.ts';
import { hamletsOf, unitIndex, unitOf } from '../units/index.ts';
import { readRows, UnreadableFile } from './reader.ts';
import { DiscrepancyStore, type StoredDiscrepancy } from './store.ts';
import { discrepancyJson, importJson } from './views.ts';

type Official = Extract<Actor, { kind: 'official' }>;

/** The commune's own officials; province viewers and platform administrators see none of it (Nghị định 13/2023). */
export const COMMUNE_ROLES: OfficialRole[] = ['receptionist', 'specialist', 'approver', 'outreach', 'commune_admin'];
const BATCH = 1000;
const MAX_PROBLEMS = 200;

function assertCommune(actor: Actor, unitCode: string): Official {
  if (actor.kind !== 'official' || !COMMUNE_ROLES.some((r) => actor.roles.includes(r)) || !actor.unitCodes.includes(unitCode))
    throw forbidden('Chỉ cán bộ của xã này xem được đối chiếu hộ tịch – dân cư.', "Only this commune's officials may see the civil-status comparison.");
  return actor;
}

/**
 * Civil-status records against population data: streaming imports of both extracts, matching
 * (core/discrepancies) after each import, the per-hamlet list (every view audited), statuses, and
 * the one step to a fix through the dossiers and outreach modules' ports.
 */
export class DiscrepancyService {
  readonly store: DiscrepancyStore;

  constructor(
    private readonly ctx: AppContext,
    private readonly deps: { dossiers: DossierService; outreach: OutreachService },
  ) {
    this.store = new DiscrepancyStore(ctx.db);
  }

  /**
   * Reads the file row by row, storing good rows in batches (upsert on the natural key, so a re-run
   * replaces rather than adds) and noting bad ones with their row number; then matches the unit anew.
   * Progress is written after each batch, so the office screen can show it while the upload runs.
   */
  async importExtract(actor: Actor, unitCode: string, kind: ExtractKind, filename: string, source: Readable): Promise<DiscrepancyImport> {
    const official = assertCommune(actor, unitCode);
    if (!unitOf(unitCode)) throw badRequest(`Không có đơn vị ${unitCode}.`, `No unit ${unitCode}.`, { field: 'unit' });
    const result = await this.ingest(unitCode, kind, filename, source, official.userId);
    await inTransaction(this.ctx.db, (trx) =>
      appendAudit(trx, {
        at: this.ctx.clock.now(),
        actor: auditActor(official),
        action: 'discrepancies.import',
        dossierCode: null,
        detail: { unitCode, kind, importId: result.id, filename, rowsStored: result.rowsStored, rowsBad: result.rowsBad },
      }),
    );
    return result;
  }

  /** The import itself, for an official's upload and for the demo seed. */
  async ingest(unitCode: string, kind: ExtractKind, filename: string, source: Readable, startedBy: string): Promise<DiscrepancyImport> {
    const id = randomUUID();
    await this.store.startImport({
      id,
      unit_code: unitCode,
      kind,
      filename,
      state: 'running',
      failure: null,
      discrepancies: null,
      started_by: startedBy,
      started_at: this.ctx.clock.now(),
      finished_at: null,
    });
    const counts = { rowsRead: 0, rowsStored: 0, rowsBad: 0, problems: [] as { row: number; reason: string }[] };
    let keys: string[] | null = null;
    let batch: (CivilStatusRecord | PopulationRecord)[] = [];
    const flush = async () => {
      await this.store.putRecords(unitCode, kind, id, batch);
      counts.rowsStored += batch.length;
      batch = [];
      await this.store.progress(id, counts);
    };
    const fail = async (vi: string, en: string) => {
      await this.store.progress(id, counts);
      await this.store.finishImport(id, { state: 'failed', failure: vi, discrepancies: null, at: this.ctx.clock.now() });
      source.resume();
      throw new Problem(422, 'invalid_input', vi, en, { importId: id });
    };
    try {
      for await (const { row, cells } of readRows(source)) {
        if (!keys) {
          const headers = readHeaders(kind, cells);
          if (!headers.ok) return await fail(`Tệp thiếu cột: ${headers.missing.join(', ')}.`, `The file lacks the columns: ${headers.missing.join(', ')}.`);
          keys = headers.keys;
          continue;
        }
        counts.rowsRead++;
        const raw: RawRow = {};
        keys.forEach((k, i) => {
          raw[k] = cells[i] ?? '';
        });
        const parsed = kind === 'civil_status' ? parseCivilRow(raw, row) : parsePopulationRow(raw, row);
        if (parsed.ok) batch.push(parsed.record);
        else {
          counts.rowsBad++;
          if (counts.problems.length < MAX_PROBLEMS) counts.problems.push({ row: parsed.row, reason: parsed.reason });
        }
        if (batch.length >= BATCH) await flush();
      }
    } catch (err) {
      if (err instanceof UnreadableFile)
        return await fail(
          'Tệp không đọc được: hãy gửi CSV (UTF-8, dấu phẩy hoặc chấm phẩy) hoặc Excel (.xlsx).',
          'Unreadable file: send CSV (UTF-8, comma or semicolon) or Excel (.xlsx).',
        );
      throw err;
    }
    if (!keys) return await fail('Tệp trống.', 'The file is empty.');
    await flush();
    const found = await this.rematch(unitCode);
    await this.store.finishImport(id, { state: 'done', failure: null, discrepancies: found, at: this.ctx.clock.now() });
    return importJson((await this.store.importById(id))!);
  }

  /** Matches the unit's stored records and writes the run; returns how many discrepancies are open to view. */
  async rematch(unitCode: string): Promise<number> {
    const [civil, population, hamlets] = await Promise.all([
      this.store.records<CivilStatusRecord>(unitCode, 'civil_status'),
      this.store.records<PopulationRecord>(unitCode, 'population'),
      hamletsOf(this.ctx.db, unitCode),
    ]);
    const { discrepancies } = findDiscrepancies(civil, population, { placeKey: lineagePlaceKey(unitIndex()) });
    const active = hamlets.filter((h) => h.active);
    const found = discrepancies.map((d) => {
      const hamlet =
        (d.population && findHamlet(d.population.hamlet, active)) ??
        (d.other && findHamlet(d.other.hamlet, active)) ??
        (d.civil && findHamlet(d.civil.residence, active)) ??
        null;
      return { id: randomUUID(), d, hamletCode: hamlet?.code ?? null };
    });
    await inTransaction(this.ctx.db, (trx) => this.store.replaceRun(trx, unitCode, found, this.ctx.clock.now()));
    return found.length;
  }

  async imports(actor: Actor, unitCode: string): Promise<DiscrepancyImport[]> {
    assertCommune(actor, unitCode);
    return (await this.store.imports(unitCode)).map(importJson);
  }

  async importById(actor: Actor, id: string): Promise<DiscrepancyImport> {
    const row = await this.store.importById(id);
    if (!row) throw notFound('lần nhập', 'Import', id);
    assertCommune(actor, row.unit_code);
    return importJson(row);
  }

  private async hamletNames(unitCode: string): Promise<Map<string, string>> {
    return new Map((await hamletsOf(this.ctx.db, unitCode)).map((h) => [h.code, h.name]));
  }

  /** The list with both records side by side: personal data, so the view is in the audit log before it leaves. */
  async list(actor: Actor, q: DiscrepancyQuery): Promise<DiscrepancyPage> {
    const official = assertCommune(actor, q.unit);
    const limit = q.limit ?? 100;
    const [{ rows, total }, counts, names] = await Promise.all([
      this.store.list({ unitCode: q.unit, hamlet: q.hamlet, type: q.type, status: q.status, limit, offset: q.offset ?? 0 }),
      this.store.progressByHamlet(q.unit),
      this.hamletNames(q.unit),
    ]);
    await inTransaction(this.ctx.db, (trx) =>
      appendAudit(trx, {
        at: this.ctx.clock.now(),
        actor: auditActor(official),
        action: 'discrepancies.read',
        dossierCode: null,
        detail: {
          unitCode: q.unit,
          hamlet: q.hamlet ?? null,
          type: q.type ?? null,
          kinds: ['civil_status', 'population'],
          shown: rows.length,
          ids: rows.map((r) => r.id),
          as: { roles: official.roles, unitCodes: official.unitCodes, via: official.via },
        },
      }),
    );
    return { unitCode: q.unit, items: rows.map((r) => discrepancyJson(r, names)), total, progress: progressOf(counts, names) };
  }

  private async visible(actor: Actor, id: string): Promise<{ row: StoredDiscrepancy; official: Official }> {
    const row = await this.store.byId(id);
    if (!row) throw notFound('sai lệch', 'Discrepancy', id);
    return { row, official: assertCommune(actor, row.unit_code) };
  }

  private async json(row: StoredDiscrepancy): Promise<DiscrepancyJson> {
    return discrepancyJson((await this.store.byId(row.id))!, await this.hamletNames(row.unit_code));
  }

  async setStatus(actor: Actor, id: string, input: DiscrepancyStatusInput): Promise<DiscrepancyJson> {
    const { row, official } = await this.visible(actor, id);
    await inTransaction(this.ctx.db, async (trx) => {
      await this.store.update(trx, id, { status: input.status, ...(input.note !== undefined ? { note: input.note } : {}) }, this.ctx.clock.now());
      await appendAudit(trx, {
        at: this.ctx.clock.now(),
        actor: auditActor(official),
        action: 'discrepancy.status',
        dossierCode: null,
        detail: { id, from: row.status, to: input.status },
      });
    });
    return this.json(row);
  }

  /**
   * One step from a field discrepancy to a correction dossier (procedure 1.004859), opened at the
   * desk as the desk would (dossiers module, counter channel, the person's consent recorded): the
   * form carries the record, what it says and what the population data says. Keyed on the
   * discrepancy, so a second click returns the same dossier.
   */
  async openDossier(actor: Actor, id: string, input: DiscrepancyDossierInput): Promise<DiscrepancyFixResult> {
    const { row, official } = await this.visible(actor, id);
    const d = row.data;
    if (!(FIELD_TYPES as readonly string[]).includes(d.type) || !d.civil || !d.population)
      throw conflict(
        'Loại sai lệch này không sửa bằng hồ sơ cải chính hộ tịch: hãy đề nghị Công an xã cập nhật dữ liệu dân cư.',
        'This kind of discrepancy is not fixed by a civil-status correction: ask the commune police to update the population data.',
      );
    const field = d.type as FieldType;
    const [current, requested] = d.fields[field] ?? ['', ''];
    const civil = d.civil;
    const person = d.population;
    const birthDate = isoDate(civil.birthDate) ?? isoDate(person.birthDate);
    const sex = civil.sex ?? person.sex;
    if (!birthDate || !sex)
      throw conflict('Cần ngày sinh đầy đủ và giới tính của người này để lập hồ sơ.', "The person's full birth date and sex are needed for the dossier.");
    const unit = unitOf(row.unit_code)!;
    const province = unit.provinceCode ? unitOf(unit.provinceCode) : undefined;
    const place = [unit.fullName, province?.fullName].filter(Boolean).join(', ');
    const label = TYPE_LABELS[field].vi;
    const submission: Submission = {
      procedureCode: CORRECTION_PROCEDURE,
      unitCode: row.unit_code,
      channel: 'counter',
      applicant: {
        idNumber: person.idNumber,
        fullName: person.fullName,
        birthDate,
        sex,
        phone: input.phone,
        unitCode: row.unit_code,
        hamlet: row.hamlet_code,
        addressLine: person.permanentAddress || civil.residence || place,
      },
      form: {
        requestKind: current.trim() === '' ? 'bo_sung' : 'cai_chinh',
        recordKind: 'khai_sinh',
        recordNumber: civil.registrationNo,
        registrationPlace: place,
        subjectFullName: civil.fullName,
        subjectDateOfBirth: birthDate,
        subjectCccd: person.idNumber,
        subjectRelationship: 'ban_than',
        currentContent: `${label}: ${current || '(để trống)'}`,
        requestedContent: `${label}: ${requested || '(để trống)'}`,
        reason: `Thông tin trong sổ hộ tịch khác dữ liệu dân cư quốc gia (đối chiếu tại xã: ${label.toLowerCase()}).`,
      },
      resultDelivery: 'counter',
      consent: { method: 'signature', ...(input.consentNote ? { note: input.consentNote } : {}) },
    };
    const { dossier } = await this.deps.dossiers.submit(official, submission, `discrepancy:${id}`);
    await inTransaction(this.ctx.db, async (trx) => {
      await this.store.update(trx, id, { status: 'dossier_filed', dossier_code: dossier.code }, this.ctx.clock.now());
      await appendAudit(trx, {
        at: this.ctx.clock.now(),
        actor: auditActor(official),
        action: 'discrepancy.dossier',
        dossierCode: null,
        detail: { id, dossierCode: dossier.code, procedureCode: CORRECTION_PROCEDURE },
      });
    });
    return { discrepancy: await this.json(row), dossierCode: dossier.code, assistanceId: null };
  }

  /**
   * Puts the person on an outreach session's list of residents to visit (the outreach module's
   * residents list, which the session's kit carries offline) with what to bring and check.
   */
  async addToVisit(actor: Actor, id: string, sessionId: string): Promise<DiscrepancyFixResult> {
    const { row, official } = await this.visible(actor, id);
    const session = await this.deps.outreach.planning.getSession(actor, sessionId);
    if (session.unitCode !== row.unit_code)
      throw badRequest('Đợt lưu động này không thuộc xã.', 'This outreach session is not of this commune.', { field: 'sessionId' });
    if (!row.hamlet_code || !session.hamletCodes.includes(row.hamlet_code))
      throw new Problem(
        422,
        'hamlet_not_in_unit',
        'Đợt lưu động này không đến thôn, ấp của người này.',
        "This outreach session does not go to this person's hamlet.",
        {
          field: 'sessionId',
        },
      );
    if (row.assistance_id && row.outreach_session_id === sessionId)
      return { discrepancy: await this.json(row), dossierCode: row.dossier_code, assistanceId: row.assistance_id };
    const d = row.data;
    const who = d.population ?? d.civil ?? d.other!;
    const diff = Object.values(d.fields)[0];
    const note = `Sai lệch hộ tịch – dân cư: ${TYPE_LABELS[d.type].vi}${diff ? ` (sổ hộ tịch: "${diff[0] || 'trống'}", dân cư: "${diff[1] || 'trống'}")` : ''}. Mời mang giấy khai sinh, CCCD để đối chiếu.`;
    const assistance = await this.deps.outreach.planning.addAssistance(actor, {
      unitCode: row.unit_code,
      hamletCode: row.hamlet_code,
      fullName: who.fullName,
      reason: 'other',
      note: note.slice(0, 500),
    });
    await inTransaction(this.ctx.db, async (trx) => {
      await this.store.update(trx, id, { outreach_session_id: sessionId, assistance_id: assistance.id }, this.ctx.clock.now());
      await appendAudit(trx, {
        at: this.ctx.clock.now(),
        actor: auditActor(official),
        action: 'discrepancy.visit',
        dossierCode: null,
        detail: { id, sessionId, assistanceId: assistance.id },
      });
    });
    return { discrepancy: await this.json(row), dossierCode: row.dossier_code, assistanceId: assistance.id };
  }
}

function progressOf(counts: { hamlet_code: string | null; status: string; n: number }[], names: ReadonlyMap<string, string>): HamletProgress[] {
  const by = new Map<string | null, HamletProgress>();
  for (const c of counts) {
    let p = by.get(c.hamlet_code);
    if (!p) {
      p = {
        hamletCode: c.hamlet_code,
        hamletName: c.hamlet_code ? (names.get(c.hamlet_code) ?? null) : null,
        total: 0,
        open: 0,
        contacted: 0,
        dossierFiled: 0,
        fixed: 0,
        notADiscrepancy: 0,
      };
      by.set(c.hamlet_code, p);
    }
    p.total += c.n;
    const key = ({ open: 'open', contacted: 'contacted', dossier_filed: 'dossierFiled', fixed: 'fixed', not_a_discrepancy: 'notADiscrepancy' } as const)[
      c.status as 'open'
    ];
    if (key) p[key] += c.n;
  }
  return [...by.values()].sort((a, b) => (a.hamletCode ?? '~').localeCompare(b.hamletCode ?? '~'));
}
