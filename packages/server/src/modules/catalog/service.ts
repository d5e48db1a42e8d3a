import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { buildCatalogIndex, searchCatalog, type CatalogIndex, type Procedure } from '@motcua/core/catalog';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/access.ts';
import { CatalogStore } from './store.ts';

const seedFile = path.resolve(import.meta.dirname, '../../../data/procedures.json');
const REFRESH_MS = 2000;

const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;
addFormats(ajv);

/** The procedure catalog: stored in the database, searched in memory with the shared core index. */
export class CatalogService {
  readonly store: CatalogStore;
  private index: CatalogIndex | undefined;
  private fingerprint = '';
  private checkedAt = 0;
  private readonly forms = new Map<string, { stamp: string; procedure: Procedure; validate: ValidateFunction }>();

  constructor(private readonly ctx: AppContext) {
    this.store = new CatalogStore(ctx.db);
  }

  async seed(): Promise<void> {
    if ((await this.store.count()) > 0) return;
    const procedures = JSON.parse(fs.readFileSync(seedFile, 'utf8')) as Procedure[];
    await this.store.insertMany(procedures);
  }

  /** Rebuilds the in-memory index when any server has changed the catalog. */
  private async current(): Promise<CatalogIndex> {
    const now = Date.now();
    if (this.index && now - this.checkedAt < REFRESH_MS) return this.index;
    const fp = await this.store.fingerprint();
    this.checkedAt = now;
    if (!this.index || fp !== this.fingerprint) {
      this.index = buildCatalogIndex(await this.store.all());
      this.fingerprint = fp;
    }
    return this.index;
  }

  async search(q: string, filters: { field?: string; online?: 'full' | 'partial'; nameOnly?: boolean }, limit?: number): Promise<Procedure[]> {
    return searchCatalog(await this.current(), q, filters, limit);
  }

  async get(code: string): Promise<Procedure> {
    const p = await this.store.get(code);
    if (!p) throw notFound('thủ tục', 'Procedure', code);
    return p;
  }

  /**
   * A procedure as its row stands now, with its form validator compiled once per version: an
   * intake reads only the row's version stamp, and neither parses the document nor compiles Ajv
   * (which also caches every schema object it is given, so compiling per request grew for ever).
   */
  async forIntake(code: string): Promise<{ procedure: Procedure; validate: ValidateFunction } | undefined> {
    const stamp = await this.store.stamp(code);
    if (stamp === undefined) return undefined;
    const hit = this.forms.get(code);
    if (hit?.stamp === stamp) return hit;
    const fresh = await this.store.getStamped(code);
    if (!fresh) return undefined;
    if (hit) ajv.removeSchema(hit.procedure.formSchema as object);
    const entry = { stamp: fresh.stamp, procedure: fresh.procedure, validate: ajv.compile(fresh.procedure.formSchema as object) };
    this.forms.set(code, entry);
    return entry;
  }

  /** The form validator of a procedure: the cached one for a procedure forIntake returned. */
  formValidator(p: Procedure): ValidateFunction {
    const cached = this.forms.get(p.code);
    return cached?.procedure === p ? cached.validate : ajv.compile(p.formSchema as object);
  }

  async save(actor: Actor, code: string, p: Procedure): Promise<{ procedure: Procedure; created: boolean }> {
    if (actor.kind !== 'official' || !actor.roles.includes('system_admin')) {
      throw forbidden('Chỉ quản trị hệ thống mới được sửa danh mục thủ tục.', 'Only system administrators may edit the procedure catalog.');
    }
    if (p.code !== code) throw badRequest('Mã thủ tục trong đường dẫn và nội dung không khớp.', 'The procedure code in the path and the body differ.');
    if (p.sameDay && p.processingDays !== null && p.processingDays > 0) {
      throw badRequest('Thủ tục giải quyết trong ngày không có số ngày làm việc.', 'A same-day procedure cannot also have a number of working days.');
    }
    try {
      ajv.compile(p.formSchema as object);
    } catch (e) {
      throw badRequest(
        `Biểu mẫu (formSchema) không hợp lệ: ${(e as Error).message}`,
        `The form schema is not valid JSON Schema 2020-12: ${(e as Error).message}`,
      );
    }
    const { created } = await this.store.upsert(p, actor.userId, this.ctx.clock.now());
    this.checkedAt = 0;
    return { procedure: p, created };
  }
}
