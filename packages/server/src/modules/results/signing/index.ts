// Signing of result documents: dev CA, PKCS#12 signer chosen by configuration, and inspection.
export { DEV_CA_ORGANISATION, devCaCertificatePem, ensureDevCa, ensureUnitCredentials, type CredentialVault, type StoredCredential } from './dev-ca.ts';
export type { DevCa, UnitCredentials } from './dev-ca.ts';
export { assertP12Opens, p12Signer, pdfTextLiteral, signerFromConfig, SIGNATURE_PLACEHOLDER_BYTES } from './signer.ts';
export type { DocumentSigner, SignatureMeta, SignerConfig } from './signer.ts';
export { inspectSignedPdf, sha256Hex } from './verify.ts';
export type { SignatureReport, SignedPdfReport } from './verify.ts';
export { p12StatementSigner, statementSignerFromConfig } from './statement.ts';
export type { StatementSignature, StatementSigner } from './statement.ts';
