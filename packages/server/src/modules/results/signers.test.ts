import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { scratchDir } from '../../testing/scratch.ts';
import { receiptInput } from './documents/fixtures.ts';
import { renderReceipt } from './documents/index.ts';
import { UnitSigners } from './signers.ts';
import { ensureUnitCredentials, inspectSignedPdf } from './signing/index.ts';

const dataDir = scratchDir('motcua-signers-');
const unit = (code: string) => ({ code, name: `Ủy ban nhân dân xã ${code}` });

describe('signing configuration', () => {
  it('uses the dev CA under DATA_DIR/pki unless a PKCS#12 is configured, per unit first', () => {
    expect(new UnitSigners(loadConfig({ DATA_DIR: dataDir }).results).configFor(unit('30421'))).toEqual({
      kind: 'dev-ca',
      dir: join(dataDir, 'pki'),
      unitCode: '30421',
      unitName: 'Ủy ban nhân dân xã 30421',
    });
    const config = loadConfig({
      DATA_DIR: dataDir,
      SIGNING_P12_PATH: '/etc/motcua/all.p12',
      SIGNING_P12_PASSPHRASE: 'a',
      SIGNING_P12_PATH_30421: '/etc/motcua/30421.p12',
      SIGNING_P12_PASSPHRASE_30421: 'b',
    }).results;
    const signers = new UnitSigners(config);
    expect(signers.configFor(unit('30421'))).toEqual({ kind: 'p12', path: '/etc/motcua/30421.p12', passphrase: 'b' });
    expect(signers.configFor(unit('30790'))).toEqual({ kind: 'p12', path: '/etc/motcua/all.p12', passphrase: 'a' });
    expect(() => loadConfig({ DATA_DIR: dataDir, SIGNING_P12_PATH: '/x.p12' })).toThrow(/SIGNING_P12_PASSPHRASE/);
    expect(() => loadConfig({ DATA_DIR: dataDir, POSTAL_COD_FEE_VND: '-1' })).toThrow(/POSTAL_COD_FEE_VND/);
    expect(loadConfig({ DATA_DIR: dataDir }).results.postalCodFeeVnd).toBe(25_000);
  });

  it('signs with a configured PKCS#12 file, and the same signer signs many documents', async () => {
    const creds = await ensureUnitCredentials(join(dataDir, 'elsewhere'), { code: 'provider', name: 'Nhà cung cấp chứng thư thử' });
    const signers = new UnitSigners(loadConfig({ DATA_DIR: dataDir, SIGNING_P12_PATH: creds.p12Path, SIGNING_P12_PASSPHRASE: creds.passphrase }).results);
    const signer = await signers.get(unit('30421'));
    const meta = { reason: 'Thử', location: 'Phú Lâm', signerName: 'Thử' };
    for (let i = 0; i < 2; i++) {
      const sig = inspectSignedPdf(await signer.sign(await renderReceipt(receiptInput()), meta)).signatures[0];
      expect(sig).toMatchObject({ digestValid: true, signatureValid: true, byteRangeCoversWholeFile: true, signerName: 'Nhà cung cấp chứng thư thử' });
    }
    await expect(
      new UnitSigners(loadConfig({ DATA_DIR: dataDir, SIGNING_P12_PATH: creds.p12Path, SIGNING_P12_PASSPHRASE: 'wrong' }).results).get(unit('30421')),
    ).rejects.toThrow(/PKCS#12/);
  });
});
