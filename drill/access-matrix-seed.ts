// The access drill's world: two citizens with dossiers, files, issued documents and a shipment in
// two communes of one province, residents needing help and outreach rounds in both, and the
// people who will look at them. Everything is made through the real API and services.
import { createHash, randomUUID } from 'node:crypto';
import { deflateSync, crc32 } from 'node:zlib';
import type { DataKind, Viewer } from '@motcua/core/privacy';
import type { TestContext } from '../packages/server/src/testing/harness.ts';
import { loginAs } from '../packages/server/src/testing/auth.ts';
import { IdentityService } from '../packages/server/src/modules/identity/service.ts';
import { resultsWorker } from '../packages/server/src/modules/results/testkit.ts';

/** Where a target's data lives, as the drill knows it from seeding (not from the server's rules). */
export interface Target {
  key: 'A' | 'B' | 'X' | 'P' | 'Q';
  unit: string;
  province: string;
  /** The citizen whose dossier it is (A, B). */
  citizen: string | null;
}

export interface Seeded {
  targets: Record<Target['key'], Target>;
  /** Per citizen target: dossier, upload, documents, markers. */
  cases: Record<
    'A' | 'B',
    {
      code: string;
      uploadId: string;
      documents: { id: string; kind: string; url: string; verifyUrl: string }[];
      shipmentId: string | null;
      roundId: string;
      sessionId: string;
      assistanceId: string;
      hamlet: string;
      phone: string;
    }
  >;
  markers: Marker[];
  viewers: ViewerSpec[];
}

/** Something only one target's data contains, and which kind of data it gives away. */
export interface Marker {
  target: 'A' | 'B';
  kind: DataKind;
  label: string;
  text?: string;
  bytes?: Buffer;
  sha256?: string;
}

export interface ViewerSpec {
  label: string;
  viewers: Viewer[];
  units: string[];
  citizen: string | null;
  headers: Record<string, string>;
  remoteAddress: string;
}

interface SeedCitizen {
  idNumber: string;
  name: string;
  phone: string;
  birthDate: string;
  unit: string;
  resident: string;
  png: readonly [number, number];
}

const CITIZENS: Record<'A' | 'B', SeedCitizen> = {
  A: {
    idNumber: '079184011223',
    name: 'Đinh Thị Khánh Vân',
    phone: '0966123457',
    birthDate: '1984-06-17',
    unit: '30421',
    resident: 'Cao Thị Rạng Drill',
    png: [7, 5],
  },
  B: {
    idNumber: '079291044556',
    name: 'Lương Quốc Thịnh',
    phone: '0977345129',
    birthDate: '1991-11-03',
    unit: '30790',
    resident: 'Mạc Văn Khuê Drill',
    png: [9, 4],
  },
};
const PROVINCE = '91';
/** A ward of another province (Hà Nội), for figures and staff outside every seeded scope. */
const ELSEWHERE = { unit: '00004', province: '01' };

function png(width: number, height: number, seed: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push((x * 37 + seed) & 255, (y * 53 + seed) & 255, (seed * 11) & 255);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function seedWorld(t: TestContext, full: boolean): Promise<Seeded> {
  const identity = new IdentityService(t.ctx);
  const officialHeaders = async (username: string) => (await loginAs(t, `official:${username}`)).headers;
  const citizenHeaders = async (c: SeedCitizen) => {
    const s = await identity.startSession({ sub: `drill-${c.idNumber}`, id_number: c.idNumber, name: c.name, birthdate: c.birthDate, phone_number: c.phone });
    return { cookie: `motcua_session=${s.sessionId}; motcua_csrf=${s.csrfToken}`, 'x-csrf-token': s.csrfToken };
  };
  const call = async (
    headers: Record<string, string>,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: unknown,
    extra: Record<string, string> = {},
  ) => {
    const r = await t.app.inject({ method, url, headers: { ...headers, ...extra }, ...(payload === undefined ? {} : { payload: payload as never }) });
    if (r.statusCode >= 300) throw new Error(`seed: ${method} ${url} → ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json();
  };
  const idOf = async (username: string) => (await identity.findOfficialByUsername(username))!.id;
  const drain = resultsWorker(t);
  const markers: Marker[] = [];
  const cases = {} as Seeded['cases'];

  for (const key of ['A', 'B'] as const) {
    const c = CITIZENS[key];
    const commune = c.unit === '30421' ? 'phulam' : 'hoadien';
    const desk = await officialHeaders(`${commune}.tiepnhan`);
    const specialist = await officialHeaders(`${commune}.chuyenvien`);
    const approver = await officialHeaders(`${commune}.lanhdao`);
    const outreach = await officialHeaders(`${commune}.luudong`);
    const me = await citizenHeaders(c);
    const file = png(c.png[0], c.png[1], key === 'A' ? 17 : 91);
    const upload = await call(me, 'POST', '/api/uploads?filename=giay-to.png', file, { 'content-type': 'image/png' });
    const dossier = await call(me, 'POST', '/api/dossiers', {
      procedureCode: '1.004873',
      unitCode: c.unit,
      channel: 'online',
      applicant: {
        idNumber: c.idNumber,
        fullName: c.name,
        birthDate: c.birthDate,
        sex: key === 'A' ? 'female' : 'male',
        phone: c.phone,
        unitCode: c.unit,
        hamlet: null,
        addressLine: `Số ${key === 'A' ? 7 : 9}, ấp 1`,
      },
      form: { maritalStatus: 'chua_ket_hon', purpose: 'muc_dich_khac', purposeDetail: 'Vay vốn ngân hàng', copies: 1 },
      attachments: [{ uploadId: upload.id, label: 'CCCD' }],
      resultDelivery: 'post',
      postalAddress: `Số ${key === 'A' ? 7 : 9}, ấp 1, ${commune}`,
    });
    const code = dossier.code as string;
    await call(desk, 'POST', `/api/dossiers/${code}/actions`, { action: 'receive' });
    const note = `drill-internal-note-${key}-${randomUUID()}`;
    let shipmentId: string | null = null;
    if (key === 'A') {
      await call(desk, 'POST', `/api/dossiers/${code}/actions`, { action: 'assign', assigneeUserId: await idOf(`${commune}.chuyenvien`) });
      await call(specialist, 'POST', `/api/dossiers/${code}/actions`, { action: 'propose', outcome: 'approve', note });
      await call(approver, 'POST', `/api/dossiers/${code}/actions`, { action: 'approve' });
      await drain();
      await call(desk, 'POST', `/api/office/dossiers/${code}/delivery`, { method: 'post' });
      shipmentId = (await call(me, 'GET', `/api/dossiers/${code}/shipments`)).items[0].id;
      markers.push({ target: key, kind: 'internal_notes', label: 'internal note', text: note });
    }
    await drain();
    const documents = (await call(me, 'GET', `/api/dossiers/${code}/documents`)).items.map(
      (d: { id: string; kind: string; downloadUrl: string; verifyUrl: string }) => ({ id: d.id, kind: d.kind, url: d.downloadUrl, verifyUrl: d.verifyUrl }),
    );
    for (const d of documents) {
      const pdf = await t.app.inject({ url: d.url, headers: me });
      markers.push({ target: key, kind: 'results', label: `${d.kind} PDF`, sha256: sha(pdf.rawPayload) });
    }
    const hamlet = (await call({}, 'GET', `/api/units/${c.unit}/hamlets`)).items[0].code as string;
    const resident = await call(outreach, 'POST', '/api/office/outreach/assistance', {
      unitCode: c.unit,
      hamletCode: hamlet,
      fullName: c.resident,
      reason: 'elderly',
    });
    const round = await call(outreach, 'POST', '/api/office/outreach/rounds', {
      unitCode: c.unit,
      title: `Lưu động ${commune}`,
      meetingPoint: 'Nhà văn hóa ấp 1',
      rules: [{ weekdays: [3], part: 'morning', from: '2026-03-04', to: '2026-03-25' }],
      hamletCodes: [hamlet],
      teamUserIds: [await idOf(`${commune}.luudong`), await idOf(`${commune}.tiepnhan`)],
      procedureCodes: ['2.000815'],
    });
    markers.push(
      { target: key, kind: 'identity', label: 'name', text: c.name },
      { target: key, kind: 'identity', label: 'CCCD', text: c.idNumber },
      { target: key, kind: 'identity', label: 'birth date', text: c.birthDate },
      { target: key, kind: 'contact', label: 'phone', text: c.phone },
      { target: key, kind: 'documents', label: 'uploaded file', bytes: file },
      { target: key, kind: 'residents', label: 'resident', text: c.resident },
    );
    cases[key] = {
      code,
      uploadId: upload.id,
      documents,
      shipmentId,
      roundId: round.id,
      sessionId: round.sessions[0].id,
      assistanceId: resident.id,
      hamlet,
      phone: c.phone,
    };
  }

  const targets: Seeded['targets'] = {
    A: { key: 'A', unit: CITIZENS.A.unit, province: PROVINCE, citizen: CITIZENS.A.idNumber },
    B: { key: 'B', unit: CITIZENS.B.unit, province: PROVINCE, citizen: CITIZENS.B.idNumber },
    X: { key: 'X', unit: ELSEWHERE.unit, province: ELSEWHERE.province, citizen: null },
    P: { key: 'P', unit: PROVINCE, province: PROVINCE, citizen: null },
    Q: { key: 'Q', unit: ELSEWHERE.province, province: ELSEWHERE.province, citizen: null },
  };

  let n = 1;
  const viewers: ViewerSpec[] = [];
  const add = (label: string, v: Viewer[], units: string[], citizen: string | null, headers: Record<string, string>) =>
    viewers.push({ label, viewers: v, units, citizen, headers, remoteAddress: `10.9.0.${n++}` });
  add('anonymous', ['anonymous'], [], null, {});
  add('citizen A', ['citizen'], [], CITIZENS.A.idNumber, await citizenHeaders(CITIZENS.A));
  add('citizen B', ['citizen'], [], CITIZENS.B.idNumber, await citizenHeaders(CITIZENS.B));
  const communes = full ? ['phulam', 'hoadien'] : ['phulam'];
  const ROLES = [
    ['tiepnhan', 'receptionist'],
    ['chuyenvien', 'specialist'],
    ['lanhdao', 'approver'],
    ['luudong', 'outreach'],
    ['quantri', 'commune_admin'],
  ] as const;
  for (const commune of communes) {
    const unit = commune === 'phulam' ? '30421' : '30790';
    for (const [suffix, role] of ROLES) add(`${commune}.${suffix} (${role} ${unit})`, [role], [unit], null, await officialHeaders(`${commune}.${suffix}`));
  }
  add('angiang.theodoi (province_viewer 91)', ['province_viewer'], [PROVINCE], null, await officialHeaders('angiang.theodoi'));
  add('hethong.quantri (system_admin)', ['system_admin'], [], null, await officialHeaders('hethong.quantri'));
  if (full) {
    // Programs with API tokens act with exactly one role in one unit.
    for (const [, role] of ROLES) {
      const tok = await identity.tokens.create('cli', { role, unitCode: '30421' });
      add(`token ${role} 30421`, [role], ['30421'], null, { authorization: `Bearer ${tok.token}` });
    }
    const tok = await identity.tokens.create('cli', { role: 'province_viewer', unitCode: PROVINCE });
    add('token province_viewer 91', ['province_viewer'], [PROVINCE], null, { authorization: `Bearer ${tok.token}` });
  }
  return { targets, cases, markers, viewers };
}
