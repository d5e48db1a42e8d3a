// `npm run audit:verify [-- --anchors <file or URL>... [--ca <CA certificate PEM>...]]`: walks every
// hash chain of the audit log (one per unit) on the configured database; exits 1 naming the first
// edited or deleted entry and its chain. With --anchors, the chains must also pass through the
// published signed heads (the unit's public page, the API, a saved daily e-mail): a tail rewritten
// with recomputed hashes and head no longer does. Each anchor's signature is checked against its
// certificate, and the certificate against --ca (default: the development CA in DATA_DIR/pki).
import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../platform/config.ts';
import { openConfiguredDatabase, startFailed } from '../../services.ts';
import { anchorJson, checkAnchor, parsePublishedAnchors, verifyAuditChain, type AnchorPoint } from '../audit/index.ts';

const { values } = parseArgs({ options: { anchors: { type: 'string', multiple: true }, ca: { type: 'string', multiple: true } } });
const config = loadConfig();

function certificatesIn(file: string): X509Certificate[] {
  const pems = fs.readFileSync(file, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (!pems.length) throw new Error(`${file} holds no PEM certificate`);
  return pems.map((pem) => new X509Certificate(pem));
}

async function readSource(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return fs.readFileSync(source, 'utf8');
  const response = await fetch(source, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
  return response.text();
}

/** The published anchors whose signatures hold; any that does not is reported and fails the run. */
async function publishedAnchors(sources: string[]): Promise<AnchorPoint[]> {
  const devCa = path.join(config.results.pkiDir, 'ca.cert.pem');
  const caFiles = values.ca ?? (fs.existsSync(devCa) ? [devCa] : []);
  if (!caFiles.length) throw new Error("no trusted CA to check the anchors' certificates against: pass --ca <certificate.pem>");
  const trusted = caFiles.flatMap(certificatesIn);
  const points: AnchorPoint[] = [];
  for (const source of sources) {
    for (const a of parsePublishedAnchors(await readSource(source))) {
      const check = checkAnchor(a, trusted);
      if (!check.ok) {
        console.error(`Neo không hợp lệ — anchor not genuine: chain ${a.chain} entry ${a.entryId} (${source}): ${check.reason}.`);
        process.exitCode = 1;
        continue;
      }
      points.push({ chain: a.chain, entryId: a.entryId, headHash: a.headHash, signedAt: a.signedAt, source: `${source}, signed by ${check.subject}` });
    }
  }
  console.log(`${points.length} published anchor(s) with valid signatures (CA: ${caFiles.join(', ')}).`);
  return points;
}

const handle = await openConfiguredDatabase(config).catch(startFailed);
try {
  const published = values.anchors?.length ? await publishedAnchors(values.anchors) : [];
  // The database's own copies catch a careless rewrite only: whoever can rewrite the log can rewrite them.
  const stored = (await handle.db.selectFrom('audit_anchor').selectAll().execute())
    .map(anchorJson)
    .map((a): AnchorPoint => ({ chain: a.chain, entryId: a.entryId, headHash: a.headHash, signedAt: a.signedAt, source: 'audit_anchor table' }));
  const result = await verifyAuditChain(handle.db, { anchors: [...published, ...stored] });
  if (result.ok) {
    console.log(
      `Nhật ký kiểm toán nguyên vẹn — audit log intact: ${result.entries} entries verified in ${result.chains} chain(s); ${result.anchors} anchor(s) matched (${published.length} published).`,
    );
  } else {
    console.error(
      `Nhật ký kiểm toán bị can thiệp — audit log tampered: ${result.message} (entry ${result.entryId}, ${result.problem}; ${result.entries} entries verified before it).`,
    );
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`audit:verify: ${(err as Error).message}`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
