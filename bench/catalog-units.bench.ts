// Catalog search latency (in process and over HTTP) and unit-resolution throughput, each beside a
// baseline measured in the same run.
import { buildCatalogIndex, searchCatalog } from '@motcua/core/catalog';
import { resolveAddress } from '@motcua/core/units';
import { foldKey } from '@motcua/core/text';
import { startTestApp } from '../packages/server/src/testing/harness.ts';
import { unitIndex } from '../packages/server/src/modules/units/service.ts';
import { bareFastify, fmt, loadTest, opsPerSecond, percentiles, row, timeEach } from './lib.ts';

const QUERIES = [
  'dang ky khai sinh',
  'khai sinh',
  'khaisinh',
  'dang ki khai sinh',
  'chứng thực bản sao',
  'ket hon',
  'thuong tru',
  'tro cap',
  'xac nhan tinh trang hon nhan',
  '1.001193',
  'ho tich',
  'giay phep xay dung',
  'x',
  '',
];

const ADDRESSES = [
  'Xã Long Hòa, huyện Phú Tân, tỉnh An Giang',
  'xa long hoa huyen phu tan an giang',
  'X. Long Hòa, H. Phú Tân, T. An Giang',
  'Số 12, ấp Long Hòa 1, xã Long Hòa, huyện Phú Tân, An Giang',
  'P. 1, TP. Cao Lãnh, Đồng Tháp',
  'Phường Bến Nghé, Q.1, TP.HCM',
  'Xã Phú Lâm, tỉnh An Giang',
  'Phường Từ Sơn, Bắc Ninh',
  'TT. Phú Mỹ, huyện Phú Tân',
  'Xã Na Sang, huyện Mường Chà, tỉnh Điện Biên',
];

export async function run() {
  const rows = [];
  const t = await startTestApp({ demo: false });
  try {
    const procedures = await t.ctx.db.selectFrom('procedure').select('document').execute();
    const index = buildCatalogIndex(procedures.map((p) => p.document));

    // In process: the core search against a baseline of folding the query alone (work any search must do).
    const search = percentiles(timeEach(QUERIES, (q) => searchCatalog(index, q), 200));
    const fold = percentiles(timeEach(QUERIES, (q) => foldKey(q), 200));
    rows.push(row('catalog search, in process, p50 (ms)', fmt(search.p50, 4), `${fmt(fold.p50, 4)} (fold query only)`, `${fmt(search.p50 / fold.p50, 1)}×`));
    rows.push(row('catalog search, in process, p99 (ms)', fmt(search.p99, 4), `${fmt(fold.p99, 4)} (fold query only)`, `${fmt(search.p99 / fold.p99, 1)}×`));

    // Over HTTP: GET /api/procedures?q= against a bare Fastify route returning a body of the same size.
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const sample = await (await fetch(`${address}/api/procedures?q=khai%20sinh`)).json();
    const bare = await bareFastify(sample);
    const requests = QUERIES.map((q) => ({ method: 'GET' as const, path: `/api/procedures?q=${encodeURIComponent(q)}&limit=10` }));
    const api = await loadTest({ url: address, requests, duration: 5 });
    const base = await loadTest({ url: bare.url, duration: 5 });
    await bare.close();
    rows.push(row('GET /api/procedures?q= p50 (ms)', fmt(api.p50), fmt(base.p50), `${fmt(api.p50 / Math.max(base.p50, 0.01), 1)}×`));
    rows.push(row('GET /api/procedures?q= p99 (ms)', fmt(api.p99), fmt(base.p99), `${fmt(api.p99 / Math.max(base.p99, 0.01), 1)}×`));
    rows.push(row('GET /api/procedures?q= req/s', fmt(api.rps, 0), fmt(base.rps, 0), `${fmt(api.rps / base.rps)}×`));
    if (api.non2xx || api.errors) throw new Error(`catalog bench saw ${api.non2xx} non-2xx and ${api.errors} errors`);
  } finally {
    await t.close();
  }

  // Unit resolution: addresses per second against folding the same addresses.
  const units = unitIndex();
  const resolved = opsPerSecond(ADDRESSES, (a) => resolveAddress(units, a));
  const folded = opsPerSecond(ADDRESSES, (a) => foldKey(a));
  rows.push(row('unit resolution (addresses/s)', fmt(resolved, 0), `${fmt(folded, 0)} (fold only)`, `${fmt(resolved / folded, 3)}×`));
  return rows;
}
