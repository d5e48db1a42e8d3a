import path from 'node:path';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { checkDataFolder, DataFolderError } from './db/data-folder.ts';
import { databaseFault } from './platform/errors.ts';
import { migrateToLatest } from './db/migrate.ts';
import { withPrepareLock } from './db/prepare-lock.ts';
import type { Config } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { UnitsService } from './modules/units/service.ts';
import { CatalogService } from './modules/catalog/service.ts';
import { seedDemoDossiers } from './modules/dossiers/demo.ts';
import { DossierService } from './modules/dossiers/service.ts';
import { IdentityService } from './modules/identity/service.ts';
import { seedOutreachDemo } from './modules/outreach/demo.ts';
import { OutreachService } from './modules/outreach/service.ts';
import { createBlobStore, UploadsService } from './modules/uploads/index.ts';
import { createResults, resultsDossierHook, type Results } from './modules/results/index.ts';
import { auditUploadRead } from './modules/audit/reads.ts';
import { InsightsService } from './modules/insights/service.ts';
import { insightsDossierHook, rebuildRollup } from './modules/insights/index.ts';
import { PrivacyService } from './modules/privacy/service.ts';
import { createPayments, type PaymentsService } from './modules/payments/index.ts';
import { DiscrepancyService, seedDiscrepancyDemo } from './modules/discrepancies/index.ts';
import { dossierHooks, RatingsService, ratingsDossierHook } from './modules/ratings/index.ts';
import { FeedbackService } from './modules/feedback/index.ts';
import { CalendarService } from './modules/calendar/index.ts';
import { AgenciesService } from './modules/agencies/index.ts';
import { DossierGroupService, dossierGroupsHook, localPartnerAdapter } from './modules/dossier-groups/index.ts';

/**
 * The composition root: every service built once, from one context, for the HTTP server
 * (app.ts) and for the background workers (workers.ts) alike — in one process (`npm start`) or
 * in separate ones (`npm run worker`) on the same database.
 */
export interface Services {
  identity: IdentityService;
  units: UnitsService;
  catalog: CatalogService;
  uploads: UploadsService;
  dossiers: DossierService;
  results: Results;
  outreach: OutreachService;
  insights: InsightsService;
  privacy: PrivacyService;
  payments: PaymentsService;
  discrepancies: DiscrepancyService;
  ratings: RatingsService;
  feedback: FeedbackService;
  calendar: CalendarService;
  agencies: AgenciesService;
  groups: DossierGroupService;
}

export function buildServices(ctx: AppContext): Services {
  const identity = new IdentityService(ctx);
  const units = new UnitsService(ctx);
  const catalog = new CatalogService(ctx);
  const uploads = new UploadsService(ctx, { blobs: createBlobStore(ctx.config), onOfficialRead: auditUploadRead(ctx.clock) });
  // The results module follows every recorded dossier event (documents to issue, notice details);
  // insights adds the event's counts to its rollup in the same transaction; the ratings module
  // adds a rating link to the result notice (built after dossiers, hence lazy).
  let ratings: RatingsService | undefined;
  const onRecorded = dossierHooks(
    insightsDossierHook,
    resultsDossierHook(ctx.config),
    ratingsDossierHook(() => ratings!),
    dossierGroupsHook(ctx, localPartnerAdapter),
  );
  const dossiers = new DossierService(ctx, catalog, { attachments: uploads, onRecorded });
  ratings = new RatingsService(ctx, dossiers);
  const results = createResults(ctx, { dossiers, catalog, uploads, blobs: uploads.blobs });
  const outreach = new OutreachService(ctx, { dossiers, uploads });
  const insights = new InsightsService(ctx, (code) => {
    const u = units.index.current.get(code);
    return u ? { fullName: u.fullName, type: u.type, provinceCode: u.provinceCode ?? null } : null;
  });
  const privacy = new PrivacyService(ctx, {
    dossiers,
    uploads,
    results: results.results,
    delivery: results.delivery,
    identity,
    unitName: (code) => units.index.current.get(code)?.fullName ?? null,
  });
  const payments = createPayments(ctx, { dossiers, results: results.results, blobs: uploads.blobs });
  const discrepancies = new DiscrepancyService(ctx, { dossiers, outreach });
  return {
    identity,
    units,
    catalog,
    uploads,
    dossiers,
    results,
    outreach,
    insights,
    privacy,
    payments,
    discrepancies,
    ratings,
    feedback: new FeedbackService(ctx),
    calendar: new CalendarService(ctx),
    agencies: new AgenciesService(ctx),
    groups: new DossierGroupService(ctx, dossiers),
  };
}

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR.
 * DATA_DIR (uploads, keys, and the embedded database) must be writable with room to spare, and
 * the embedded database is this process's alone: otherwise a DataFolderError says why.
 */
export async function openConfiguredDatabase(config: Config, options: { onConnectionError?: (err: Error) => void } = {}): Promise<DatabaseHandle> {
  checkDataFolder(config.dataDir);
  return openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'), ...options });
}

/**
 * Brings a database to the current schema and fills reference data (units, catalog) and, when
 * asked, the demo data. Safe to run on every start: each step checks what is already there.
 */
export async function prepareDatabase(ctx: AppContext, options: { demo: boolean }): Promise<void> {
  // Several processes may start together on one PostgreSQL (issue #19): one prepares, the others
  // wait and then find every step done.
  await withPrepareLock(ctx.db, ctx.dbKind, () => prepareUnlocked(ctx, options));
}

async function prepareUnlocked(ctx: AppContext, options: { demo: boolean }): Promise<void> {
  await migrateToLatest(ctx.db);
  await new UnitsService(ctx).seed(options.demo);
  await new CatalogService(ctx).seed();
  await new IdentityService(ctx).seed(options.demo);
  if (options.demo && ctx.config.demoDossiers) await seedDemoDossiers(ctx);
  await seedOutreachDemo(ctx, options.demo);
  if (options.demo && ctx.config.demoDossiers) await seedDiscrepancyDemo(ctx);
  // Demo data is written by services without the app's event hooks: its figures come from the log.
  if (options.demo) await rebuildRollup(ctx.db);
}

export function contextFor(config: Config, handle: DatabaseHandle, clock: Clock = systemClock): AppContext {
  return { config, db: handle.db, dbKind: handle.kind, clock };
}

/**
 * A start that cannot succeed (data folder unwritable, disk full, the embedded database held by
 * another process, the database unreachable) says so in both languages and exits 1, for the
 * operator or the service manager; anything else is a bug and keeps its stack. Used by the
 * server and the command-line tools.
 */
export function startFailed(err: unknown): never {
  const text =
    err instanceof DataFolderError
      ? `${err.messageVi}\n${err.messageEn}`
      : databaseFault(err)
        ? `Không kết nối được cơ sở dữ liệu (${(err as Error).message}); hãy kiểm tra DATABASE_URL và máy chủ PostgreSQL.\nCannot reach the database (${(err as Error).message}); check DATABASE_URL and the PostgreSQL server.`
        : err instanceof Error
          ? (err.stack ?? err.message)
          : String(err);
  process.stderr.write(`Motcua không khởi động được — Motcua could not start:\n${text}\n`);
  process.exit(1);
}
