// Races: PostgreSQL only, where transactions really interleave (testing/race.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { openMigratedTestDatabase } from '../../testing/harness.ts';
import { requireInterleaving } from '../../testing/race.ts';
import { scratchDir } from '../../testing/scratch.ts';
import { lockedVault } from './credential-vault.ts';
import { ensureUnitCredentials } from './signing/index.ts';

/*
 * Issue #19: with a shared DATA_DIR one unit's receipts were signed by two certificates, because
 * the guard against a second key worked only within a process. Here several "processes" (each its
 * own pool and its own data folder, so nothing in-process can help) ask for the same unit's key
 * at once: every one gets the same certificate, and the database holds exactly one.
 */

const handles: DatabaseHandle[] = [];
let first: DatabaseHandle & { name: string };
beforeAll(async () => {
  first = await openMigratedTestDatabase();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${first.name}`;
  for (let i = 0; i < 3; i++) handles.push(await openDatabase({ databaseUrl: url.toString(), poolSize: 2 }));
  handles.push(first);
  await requireInterleaving(first.db);
});
afterAll(async () => {
  for (const h of handles) await h.close();
});

// At the file's top level: scratchDir registers its removal as the file's afterAll.
const root = scratchDir('motcua-pki-race-');

describe('development signing keys across processes', () => {
  it('creates one CA and one key per unit, whichever process asks first, and every process signs with it', async () => {
    const unit = { code: '30421', name: 'Ủy ban nhân dân Xã Phú Lâm' };
    // Each node has its own working folder and the one shared key store (shared storage in production).
    const shared = path.join(root, 'shared-pki');
    const got = await Promise.all(handles.map((h, i) => ensureUnitCredentials(path.join(root, `node-${i}`), unit, lockedVault(h.db, 'postgres', shared))));
    expect(new Set(got.map((c) => c.certPem)).size).toBe(1);
    expect(new Set(got.map((c) => c.caCertPem)).size).toBe(1);
    expect(new Set(got.map((c) => c.p12.toString('base64'))).size).toBe(1);
    expect(fs.readdirSync(path.join(shared, 'vault')).sort()).toEqual(['ca.json', 'unit_30421.json']);
    // A node that starts later, with an empty folder, finds the same key.
    const later = await ensureUnitCredentials(path.join(root, 'late'), unit, lockedVault(handles[0]!.db, 'postgres', shared));
    expect(later.certPem).toBe(got[0]!.certPem);
  });
});
