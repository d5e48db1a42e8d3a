import type { AppContext } from '../../platform/context.ts';
import { findIssuer } from './issuer.ts';
import { UnitSigners } from './signers.ts';
import { lockedVault } from './credential-vault.ts';
import type { StatementSignature } from './signing/index.ts';

/**
 * Who signs statements that belong to no unit (the 'system' audit chain, the legacy one): the
 * platform operator's key, configured like a unit's (SIGNING_P12_PATH_system, else the shared
 * PKCS#12, else the development CA's key for "system").
 */
export const PLATFORM_SIGNER = { code: 'system', name: 'Hệ thống Motcua (đơn vị vận hành)' };

export interface SignedStatement extends StatementSignature {
  /** The unit whose key signed, or PLATFORM_SIGNER.code. */
  signerCode: string;
  signerName: string;
}

/**
 * Signs short statements about a unit (e.g. the head of its audit chain) with that unit's signing
 * key, the one its documents are signed with, so the same certificate vouches for both.
 */
export class UnitStatementSigners {
  private readonly signers: UnitSigners;

  constructor(readonly ctx: AppContext) {
    this.signers = new UnitSigners(ctx.config.results, lockedVault(ctx.db, ctx.dbKind, ctx.config.results.pkiDir));
  }

  async sign(unitCode: string, statement: string): Promise<SignedStatement> {
    const issuer = findIssuer(unitCode);
    const unit = issuer ? { code: issuer.code, name: issuer.displayName } : PLATFORM_SIGNER;
    const signer = await this.signers.statementSigner(unit);
    return { ...signer.sign(statement), signerCode: unit.code, signerName: unit.name };
  }
}
