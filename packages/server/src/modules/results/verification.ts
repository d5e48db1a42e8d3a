import type { Verdict, VerificationReport } from '@motcua/core/api';
import type { AppContext } from '../../platform/context.ts';
import { KIND_TITLE } from './inputs.ts';
import { readAll, type ResultsService } from './service.ts';
import { inspectSignedPdf, sha256Hex, type SignatureReport } from './signing/index.ts';
import { resultsStore as store, type DocumentRow } from './store.ts';

/** What a verification answers (@motcua/core/api `VerificationReport`: the verdicts are explained there). */
export type { Verdict, VerificationReport };

function signatureOk(s: SignatureReport | undefined): boolean {
  return !!s && s.digestValid && s.signatureValid && s.byteRangeCoversWholeFile;
}

function describe(row: DocumentRow) {
  return {
    kind: row.kind,
    kindTitle: KIND_TITLE[row.kind],
    dossierCode: row.dossier_code,
    issuingUnit: row.unit_name,
    signedBy: row.signer_subject,
    signedAt: new Date(row.signed_at).toISOString(),
    sha256: row.sha256,
  };
}

export class VerificationService {
  constructor(
    private readonly ctx: AppContext,
    private readonly results: ResultsService,
  ) {}

  /** From the QR link: does Motcua hold this document, intact and validly signed? */
  async byLink(code: string, token: string): Promise<VerificationReport> {
    const row = /^[0-9a-f]{8,64}$/.test(token) ? await store.documentByToken(this.ctx.db, code, token) : undefined;
    if (!row)
      return {
        verdict: 'not_found',
        checkedFrom: 'link',
        document: null,
        checks: { issuedByMotcua: false, hashMatches: false, signatureValid: null, coversWholeFile: null },
        sha256: null,
      };
    const bytes = await readAll(this.results.blobs.get(row.blob_key));
    const sha256 = sha256Hex(bytes);
    const sig = inspectSignedPdf(bytes).signatures[0];
    const hashMatches = sha256 === row.sha256;
    return {
      verdict: hashMatches && signatureOk(sig) ? 'authentic' : 'altered',
      checkedFrom: 'link',
      document: describe(row),
      checks: {
        issuedByMotcua: true,
        hashMatches,
        signatureValid: sig ? sig.digestValid && sig.signatureValid : false,
        coversWholeFile: sig?.byteRangeCoversWholeFile ?? false,
      },
      sha256,
    };
  }

  /** From an uploaded file: its SHA-256 must be one Motcua recorded, and its signature must hold. */
  async byFile(bytes: Uint8Array): Promise<VerificationReport> {
    const sha256 = sha256Hex(bytes);
    const row = await store.documentBySha(this.ctx.db, sha256);
    const signatures = inspectSignedPdf(bytes).signatures;
    const sig = signatures[0];
    const allValid = signatures.length > 0 && signatures.every(signatureOk);
    const broken = signatures.some((s) => !s.digestValid || !s.signatureValid || !s.byteRangeCoversWholeFile);
    const verdict: Verdict = row && allValid ? 'authentic' : broken ? 'altered' : 'unknown';
    return {
      verdict,
      checkedFrom: 'file',
      document: row ? describe(row) : null,
      checks: {
        issuedByMotcua: !!row,
        hashMatches: !!row,
        signatureValid: sig ? sig.digestValid && sig.signatureValid : null,
        coversWholeFile: sig ? sig.byteRangeCoversWholeFile : null,
      },
      sha256,
    };
  }
}
