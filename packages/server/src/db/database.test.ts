import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

describe('embedded database', () => {
  it('keeps data and the schema version across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pglite-'));
    try {
      const first = await openDatabase({ databaseUrl: null, pgliteDir: path.join(dir, 'pglite') });
      expect((await migrateToLatest(first.db)).length).toBeGreaterThan(0);
      await first.db
        .insertInto('unit')
        .values({ code: '00001', name: 'Thử', name_en: null, full_name: 'Xã Thử', full_name_en: null, type: 'commune', province_code: '01' })
        .execute();
      await first.close();

      const second = await openDatabase({ databaseUrl: null, pgliteDir: path.join(dir, 'pglite') });
      expect(await migrateToLatest(second.db)).toEqual([]);
      const row = await second.db.selectFrom('unit').selectAll().where('code', '=', '00001').executeTakeFirst();
      await second.close();
      expect(row?.full_name).toBe('Xã Thử');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serialises concurrent transactions on the single embedded connection', async () => {
    const h = await openDatabase({ databaseUrl: null });
    await migrateToLatest(h.db);
    const codes = Array.from({ length: 20 }, (_, i) => String(10000 + i));
    await Promise.all(
      codes.map((code) =>
        h.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('unit')
            .values({ code, name: code, name_en: null, full_name: code, full_name_en: null, type: 'commune', province_code: '01' })
            .execute();
          await trx.selectFrom('unit').select('code').where('code', '=', code).executeTakeFirstOrThrow();
        }),
      ),
    );
    const n = await h.db
      .selectFrom('unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await h.close();
    expect(Number(n.n)).toBe(20);
  });
});
