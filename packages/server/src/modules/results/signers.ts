import type { ResultsConfig } from '../../platform/config.ts';
import {
  signerFromConfig,
  statementSignerFromConfig,
  type CredentialVault,
  type DocumentSigner,
  type SignerConfig,
  type StatementSigner,
} from './signing/index.ts';

/**
 * Which key signs a unit's documents: the unit's own PKCS#12 (SIGNING_P12_PATH_<code>), else the
 * shared one (SIGNING_P12_PATH), else the development CA's key for that unit under DATA_DIR/pki.
 * Signers are opened once per unit and kept (opening checks the file and passphrase).
 */
export class UnitSigners {
  private readonly cache = new Map<string, Promise<DocumentSigner>>();
  private readonly statements = new Map<string, Promise<StatementSigner>>();

  /** `vault`: where the development CA's keys are shared by every process (the database). */
  constructor(
    private readonly config: ResultsConfig,
    private readonly vault?: CredentialVault,
  ) {}

  configFor(unit: { code: string; name: string }): SignerConfig {
    const p12 = this.config.unitP12[unit.code] ?? this.config.p12;
    if (p12) return { kind: 'p12', path: p12.path, passphrase: p12.passphrase };
    return { kind: 'dev-ca', dir: this.config.pkiDir, unitCode: unit.code, unitName: unit.name, ...(this.vault ? { vault: this.vault } : {}) };
  }

  get(unit: { code: string; name: string }): Promise<DocumentSigner> {
    let signer = this.cache.get(unit.code);
    if (!signer) {
      signer = signerFromConfig(this.configFor(unit));
      signer.catch(() => this.cache.delete(unit.code));
      this.cache.set(unit.code, signer);
    }
    return signer;
  }

  /** The same key as get(), for signing short statements (audit anchors) rather than PDFs. */
  statementSigner(unit: { code: string; name: string }): Promise<StatementSigner> {
    let signer = this.statements.get(unit.code);
    if (!signer) {
      signer = statementSignerFromConfig(this.configFor(unit));
      signer.catch(() => this.statements.delete(unit.code));
      this.statements.set(unit.code, signer);
    }
    return signer;
  }
}
