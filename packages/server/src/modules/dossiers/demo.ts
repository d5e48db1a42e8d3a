import { addDays, isWorkingDay, defaultCalendar, vnDate, vnInstant, type IsoDate } from '@motcua/core/calendar';
import { fixedClock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access.ts';
import { CatalogService } from '../catalog/index.ts';
import { demoPeople, IdentityService } from '../identity/index.ts';
import { allHamlets } from '../units/index.ts';
import type { Applicant, SubmissionInput } from './intake.ts';
import { DossierService } from './service.ts';

type Who = 'citizen' | 'R' | 'S' | 'A' | 'O' | 'C';
/** [who, command, working days after the intake day]. */
type Step = [Who, Record<string, unknown>, number?];

const FORMS: Record<string, Record<string, unknown>> = {
  '1.004873': { maritalStatus: 'chua_ket_hon', purpose: 'muc_dich_khac', purposeDetail: 'Bổ sung hồ sơ vay vốn ngân hàng', copies: 1 },
  '2.000815': { documents: [{ documentName: 'Bằng tốt nghiệp trung học phổ thông', pages: 1, copies: 3 }] },
  '2.000884': { documentTitle: 'Giấy ủy quyền nhận lương hưu', pages: 1, copies: 2 },
  '1.003677': {
    absentFrom: '2026-12-01',
    absentUntil: '2027-02-28',
    destinationAddress: 'Phường Tân Định, TP. Hồ Chí Minh',
    reason: 'Đi làm việc theo hợp đồng',
  },
  '1.004194': { residenceAddress: 'Tổ 3, khu phố chợ', legalResidenceProof: 'thue_muon', stayFrom: '2026-12-01', stayUntil: '2027-11-30' },
};

const assignTo = { action: 'assign' } as const;
const toApproval: Step[] = [
  ['R', assignTo],
  ['S', { action: 'propose', outcome: 'approve', note: 'Hồ sơ đủ điều kiện giải quyết' }],
];

/**
 * One commune's week at the desk: every state, every channel. [procedure, channel, applicant index,
 * working days before today the intake happened, steps].
 */
const WEEK: [string, SubmissionInput['channel'], number, number, Step[]][] = [
  ['1.004873', 'online', 0, 1, []],
  ['1.004194', 'online', 1, 2, [['R', { action: 'receive', note: 'Đủ thành phần hồ sơ' }]]],
  ['1.003677', 'online', 2, 3, [['R', { action: 'refuse_intake', reason: 'Hồ sơ thuộc thẩm quyền của xã nơi cư trú' }]]],
  ['1.004873', 'counter', 3, 1, [['R', assignTo]]],
  ['1.004194', 'counter', 4, 2, toApproval],
  ['1.004873', 'counter', 0, 3, [...toApproval, ['A', { action: 'approve', note: 'Đồng ý' }, 1]]],
  ['1.004194', 'online', 1, 4, [['R', { action: 'receive' }], ...toApproval, ['A', { action: 'approve' }, 1], ['R', { action: 'mark_result_ready' }, 1]]],
  [
    '1.004873',
    'counter',
    2,
    5,
    [
      ...toApproval,
      ['A', { action: 'approve' }, 1],
      ['R', { action: 'mark_result_ready' }, 2],
      ['R', { action: 'return_result', method: 'counter', recipientName: '', signatureRef: 'ky-nhan-tai-quay' }, 3],
    ],
  ],
  [
    '2.000815',
    'counter',
    3,
    1,
    [
      ['R', { action: 'complete_on_spot' }],
      ['R', { action: 'return_result', method: 'counter', recipientName: '', signatureRef: 'ky-nhan-tai-quay' }],
    ],
  ],
  ['2.000884', 'outreach', 4, 2, [['O', { action: 'complete_on_spot', note: 'Chứng thực tại nhà văn hóa ấp' }]]],
  [
    '1.004194',
    'counter',
    0,
    2,
    [['R', { action: 'request_supplement', reason: 'Thiếu hợp đồng thuê nhà có công chứng', missingDocuments: ['Hợp đồng thuê nhà'] }]],
  ],
  ['1.003677', 'counter', 1, 5, []], // 1 working day, never touched: late
  [
    '1.003677',
    'counter',
    2,
    5,
    [
      ['R', { action: 'record_apology', reason: 'Chậm xác minh thông tin nơi đến', newAppointment: 'later' }, 3],
      ['R', assignTo, 3],
    ],
  ],
  ['1.004873', 'online', 3, 3, [['citizen', { action: 'withdraw', reason: 'Đã nộp tại quầy' }]]],
  [
    '1.004194',
    'postal',
    4,
    4,
    [
      ['R', { action: 'receive' }],
      ['R', assignTo],
      ['S', { action: 'propose', outcome: 'refuse', note: 'Chỗ ở chưa bảo đảm diện tích tối thiểu' }],
      ['A', { action: 'refuse', reason: 'Chỗ ở không đáp ứng điều kiện đăng ký tạm trú' }, 1],
    ],
  ],
];

/** Applicants without a demo login, as a desk would meet them. */
const WALK_INS: Record<string, Omit<Applicant, 'unitCode' | 'hamlet'>[]> = {
  '30421': [
    { idNumber: '089087012345', fullName: 'Lý Thị Hồng Nhung', birthDate: '1987-06-21', sex: 'female', phone: '0934556677', addressLine: 'Tổ 5' },
    { idNumber: '089066004321', fullName: 'Phan Văn Mười', birthDate: '1966-11-02', sex: 'male', phone: '0913778899', addressLine: 'Tổ 2' },
  ],
  '30790': [
    { idNumber: '091099007788', fullName: 'Danh Thị Sa Mây', birthDate: '1999-01-15', sex: 'female', phone: '0945112233', addressLine: 'Tổ 7' },
    { idNumber: '091072003456', fullName: 'Thạch Văn Sơn', birthDate: '1972-08-30', sex: 'male', phone: '0917334455', addressLine: 'Tổ 1' },
    { idNumber: '091085009900', fullName: 'Nguyễn Thị Kim Cúc', birthDate: '1985-04-09', sex: 'female', phone: '0903445566', addressLine: 'Tổ 4' },
  ],
};

const UNITS = { '30421': 'phulam', '30790': 'hoadien' } as const;

function workingDaysBack(today: IsoDate, n: number): IsoDate {
  let day = today;
  for (let left = n; left > 0; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, defaultCalendar)) left--;
  }
  return day;
}

function workingDaysAfter(day: IsoDate, n: number): IsoDate {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, defaultCalendar)) left--;
  }
  return d;
}

/**
 * Demo dossiers for Phú Lâm (30421) and Hòa Điền (30790), made through the real service over the
 * last working days, so codes, events, notices and audit entries are all genuine. Runs once.
 */
export async function seedDemoDossiers(ctx: AppContext): Promise<number> {
  const existing = await ctx.db.selectFrom('dossier').select('code').where('unit_code', 'in', Object.keys(UNITS)).limit(1).execute();
  if (existing.length > 0) return 0;
  const identity = new IdentityService(ctx);
  const clock = fixedClock(ctx.clock.now());
  const service = new DossierService({ ...ctx, clock }, new CatalogService(ctx));
  const today = vnDate(ctx.clock.now());
  const hamlets = await allHamlets(ctx.db);
  let made = 0;

  for (const [unitCode, prefix] of Object.entries(UNITS)) {
    const staff: Partial<Record<Who, Actor>> = {};
    for (const [who, suffix] of [
      ['R', 'tiepnhan'],
      ['S', 'chuyenvien'],
      ['A', 'lanhdao'],
      ['O', 'luudong'],
      ['C', 'quantri'],
    ] as const) {
      const o = await identity.findOfficialByUsername(`${prefix}.${suffix}`);
      if (!o) return made; // demo officials not seeded: nothing to act with
      staff[who] = { kind: 'official', userId: o.id, fullName: o.fullName, roles: o.roles, unitCodes: o.unitCodes, via: 'session' };
    }
    const unitHamlets = hamlets.filter((h) => h.unitCode === unitCode).map((h) => h.code);
    const citizens = demoPeople().citizens.filter((c) => c.address.communeCode === unitCode);
    const applicants: Applicant[] = [
      ...citizens.map((c) => ({
        idNumber: c.idNumber,
        fullName: c.name,
        birthDate: c.birthdate,
        sex: c.gender,
        phone: c.phoneNumber,
        addressLine: c.address.streetAddress,
      })),
      ...WALK_INS[unitCode]!,
    ].map((a, i) => ({ ...a, unitCode, hamlet: unitHamlets.length ? unitHamlets[i % unitHamlets.length]! : null }));

    for (const [i, [procedureCode, channel, who, back, steps]] of WEEK.entries()) {
      const applicant = applicants[who % applicants.length]!;
      const day = workingDaysBack(today, back);
      // Online filings come from citizens with a login; a walk-in's arrives by post instead (also checked at the desk).
      const hasLogin = citizens.some((c) => c.idNumber === applicant.idNumber);
      const ch = channel === 'online' && !hasLogin ? 'postal' : channel;
      const citizen: Actor = { kind: 'citizen', subject: `demo-${applicant.idNumber}`, idNumber: applicant.idNumber, fullName: applicant.fullName };
      let at = vnInstant(day, '07:45').getTime() + i * 17 * 60_000;
      clock.set(new Date(at));
      const { dossier } = await service.submit(ch === 'online' ? citizen : ch === 'outreach' ? staff.O! : staff.R!, {
        procedureCode,
        unitCode,
        channel: ch,
        applicant,
        form: FORMS[procedureCode]!,
        resultDelivery: ch === 'postal' ? 'post' : 'counter',
        ...(ch === 'postal' ? { postalAddress: `${applicant.addressLine}, ${unitCode === '30421' ? 'xã Phú Lâm' : 'xã Hòa Điền'}, An Giang` } : {}),
        ...(ch !== 'online' ? { consent: { method: 'signature' as const } } : {}),
      });
      made++;
      for (const [actor, command, after = 0] of steps) {
        const stepDay = workingDaysAfter(day, after);
        at = Math.max(at + 20 * 60_000, vnInstant(stepDay, '08:00').getTime() + i * 11 * 60_000);
        clock.set(new Date(at));
        const cmd = { ...command };
        if (cmd.action === 'assign') cmd.assigneeUserId = (staff.S as { userId: string }).userId;
        if (cmd.newAppointment === 'later') cmd.newAppointment = vnInstant(workingDaysAfter(today, 2), '17:00').toISOString();
        if (cmd.recipientName === '') cmd.recipientName = applicant.fullName;
        try {
          await service.act(actor === 'citizen' ? citizen : staff[actor]!, dossier.code, cmd as { action: string });
        } catch (e) {
          throw new Error(`demo dossier ${i} (${procedureCode}, ${ch}) step ${String(cmd.action)} by ${actor}: ${(e as Error).message}`);
        }
      }
    }
  }
  return made;
}
