// A PKCS#12 opened once and kept warm: the CMS signer of @signpdf/signer-p12, minus the two costs
// it pays on every document (docs/decisions.md "Signing with a warm key"): decrypting the
// PKCS#12 (PBKDF rounds in node-forge) and an RSA private-key operation in forge's pure-JS
// big-number code (≈ 150 ms for 2048 bits). The CMS structure is still forge's, byte for byte the
// same shape (SHA-256, contentType/signingTime/messageDigest, the whole chain embedded); only the
// RSASSA-PKCS1-v1_5 operation goes to Node's OpenSSL, with the key parsed once.
import { constants, createPrivateKey, type KeyObject, privateEncrypt } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';

/** DER of DigestInfo's algorithm part for SHA-256 (RFC 8017 §9.2 note 1), before the 32-byte hash. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export class WarmP12Signer extends Signer {
  private readonly certificates: forge.pki.Certificate[];
  private readonly certificate: forge.pki.Certificate;
  private readonly key: KeyObject;

  constructor(p12: Buffer, passphrase: string) {
    super();
    const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
    const certBag = forge.pki.oids.certBag as string;
    const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag as string;
    this.certificates = (parsed.getBags({ bagType: certBag })[certBag] ?? []).map((b) => b.cert!).filter(Boolean);
    const privateKey = parsed.getBags({ bagType: keyBag })[keyBag]?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!privateKey) throw new Error('Tệp PKCS#12 không có khóa bí mật / PKCS#12 holds no private key');
    const own = this.certificates.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n.compareTo(privateKey.n) === 0 && pub.e.compareTo(privateKey.e) === 0;
    });
    if (!own) throw new Error('Failed to find a certificate that matches the private key.');
    this.certificate = own;
    this.key = createPrivateKey(forge.pki.privateKeyToPem(privateKey));
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const c of this.certificates) p7.addCertificate(c);
    const key = this.key;
    // forge calls key.sign(md) with the digest of the signed attributes; OpenSSL does the RSA.
    const nodeKey = {
      sign(md: forge.md.MessageDigest): string {
        const digest = Buffer.from(md.digest().getBytes(), 'binary');
        const signature = privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest]));
        return signature.toString('binary');
      },
    };
    p7.addSigner({
      key: nodeKey as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.certificate,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        { type: forge.pki.oids.signingTime as string, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
