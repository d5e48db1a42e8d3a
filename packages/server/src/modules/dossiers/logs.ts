import { sql } from 'kysely';
import type { DossierEvent } from '@motcua/core/dossier';
import type { Db } from '../../db/database.ts';

/**
 * Every dossier's event log, one dossier at a time in code order, read in pages of `pageSize`
 * dossiers: what a projection rebuilt from the log (the insights rollup) folds. The intake's file
 * count rides along (it is kept on the first event).
 */
export async function forEachDossierLog(
  db: Db,
  visit: (events: DossierEvent[], intake: { files: number }) => void | Promise<void>,
  pageSize = 500,
): Promise<number> {
  let after = '';
  let seen = 0;
  for (;;) {
    const codes = await db.selectFrom('dossier').select('code').where('code', '>', after).orderBy('code').limit(pageSize).execute();
    if (codes.length === 0) return seen;
    const list = codes.map((c) => c.code);
    const rows = await sql<{ dossier_code: string; seq: number; type: string; at: Date; actor: unknown; data: Record<string, unknown> }>`
      select dossier_code, seq, type, at, actor, data from dossier_event
      where dossier_code in (${sql.join(list)}) order by dossier_code, seq`.execute(db);
    let current: DossierEvent[] = [];
    let currentCode = '';
    const flush = async () => {
      if (current.length === 0) return;
      const intake = (current[0]!.data as { intake?: { attachments?: unknown[] } }).intake;
      await visit(current, { files: intake?.attachments?.length ?? 0 });
      seen++;
      current = [];
    };
    for (const r of rows.rows) {
      if (r.dossier_code !== currentCode) await flush();
      currentCode = r.dossier_code;
      current.push({ seq: r.seq, type: r.type, at: new Date(r.at).toISOString(), actor: r.actor, data: r.data } as unknown as DossierEvent);
    }
    await flush();
    after = list[list.length - 1]!;
  }
}
