import type { DiscrepancyType } from '@motcua/core/discrepancies';

/**
 * Generated civil-status and population extracts of one commune, with planted discrepancies of
 * every type and the traps that must NOT read as discrepancies: old vs new tone-mark placement,
 * missing personal IDs in the civil-status book, birth places written with pre-2025 addresses.
 * Deterministic for a seed; used by the demo data (scripts/discrepancies/demo.ts), the bench and tests.
 */
export interface Planted {
  type: DiscrepancyType;
  civilKey: string | null;
  populationKey: string | null;
}

export interface Extracts {
  civilHeader: string[];
  civil: string[][];
  populationHeader: string[];
  population: string[][];
  planted: Planted[];
}

export interface GenerateOptions {
  people: number;
  seed?: number;
  hamlets: readonly string[];
  /** The commune as written today and before the 2025 merger (same place, resolved through the lineage). */
  place: { now: string; old: string[] };
  /** Another place (a planted birth_place). */
  elsewhere: string;
  /** Share of people with one planted discrepancy. */
  rate?: number;
}

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Tô',
  'Lâm',
  'Thạch',
];
const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Công', 'Hoàng', 'Gia', 'Trọng', 'Xuân', 'Bảo'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Mỹ', 'Thanh', 'Bích', 'Hồng', 'Diệu', 'Khánh', 'Phương', 'Tuyết'];
/** Given names; those with oa/oe/uy carry the tone on a vowel whose placement differs old/new. */
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khoa',
  'Long',
  'Nam',
  'Phúc',
  'Quang',
  'Sơn',
  'Tài',
  'Thắng',
  'Trí',
  'Tuấn',
  'Vinh',
  'Hoà',
  'Thuỵ',
  'Khoẻ',
  'Luỹ',
  'Toả',
  'Hiếu',
  'Khải',
  'Lộc',
  'Nghĩa',
  'Phát',
  'Tâm',
  'Thịnh',
  'Việt',
  'Duy',
  'Đạt',
  'Kiên',
  'Mạnh',
  'Nhân',
  'Quý',
];
const GIVEN_F = [
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phượng',
  'Quyên',
  'Thảo',
  'Trang',
  'Vy',
  'Thuỷ',
  'Hoà',
  'Xoà',
  'Khuê',
  'Loan',
  'Hoè',
  'Duyên',
  'Hằng',
  'Liên',
  'Nga',
  'Nhi',
  'Tâm',
  'Thư',
  'Trinh',
  'Uyên',
  'Yến',
  'Diễm',
  'Ngọc',
];
const ETHNIC = ['Kinh', 'Kinh', 'Kinh', 'Kinh', 'Khmer', 'Hoa', 'Chăm'];

/** New placement (on the main vowel: "Hòa") for a name written the old way ("Hoà"). */
const NEW_PLACEMENT: Record<string, string> = { Hoà: 'Hòa', Thuỵ: 'Thụy', Khoẻ: 'Khỏe', Luỹ: 'Lũy', Toả: 'Tỏa', Thuỷ: 'Thủy', Xoà: 'Xòa', Hoè: 'Hòe' };
/** A different tone: a real name difference the diacritics-free key would hide. */
const OTHER_TONE: Record<string, string> = {
  An: 'Ân',
  Bình: 'Binh',
  Hải: 'Hài',
  Lan: 'Lân',
  Linh: 'Lình',
  Mai: 'Mại',
  Nam: 'Năm',
  Tâm: 'Tám',
  Hà: 'Hạ',
  Anh: 'Ánh',
};

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function generateExtracts(o: GenerateOptions): Extracts {
  const r = rng(o.seed ?? 14);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const rate = o.rate ?? 0.3;
  const TYPES: DiscrepancyType[] = [
    'name',
    'birth_date',
    'sex',
    'ethnicity',
    'nationality',
    'birth_place',
    'father_name',
    'mother_name',
    'missing_in_population',
    'missing_in_civil_status',
    'death_not_reflected',
    'duplicate_person',
  ];
  const civil: string[][] = [];
  const population: string[][] = [];
  const planted: Planted[] = [];
  let reg = 0;
  let idSeq = 0;
  const newId = () => `0891${pad(Math.floor(r() * 100), 2)}${pad(++idSeq, 6)}`;
  const maleName = () => `${pick(SURNAMES)} ${pick(MIDDLE_M)} ${pick(GIVEN_M)}`;
  const femaleName = () => `${pick(SURNAMES)} ${pick(MIDDLE_F)} ${pick(GIVEN_F)}`;

  for (let i = 0; i < o.people; i++) {
    const sex = r() < 0.5 ? 'male' : 'female';
    const fullName = sex === 'male' ? maleName() : femaleName();
    const father = maleName();
    const mother = femaleName();
    const y = 1940 + Math.floor(r() * 84);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const hamlet = pick(o.hamlets);
    const id = newId();
    const ethnic = pick(ETHNIC);
    const so = `${y}-KS-${pad(++reg, 6)}`;
    const civilKey = `khai_sinh:${so}`;
    const oldStyle = r() < 0.2;
    const civilRow = {
      loai_viec: 'khai_sinh',
      so_dang_ky: so,
      ngay_dang_ky: `${pad(Math.min(28, d + 3))}/${pad(m)}/${y}`,
      // Many older registrations carry no personal ID: matched on the evidence instead.
      so_dinh_danh: r() < 0.3 ? '' : id,
      ho_ten: fullName,
      ngay_sinh: `${pad(d)}/${pad(m)}/${y}`,
      gioi_tinh: sex === 'male' ? 'Nam' : 'Nữ',
      dan_toc: ethnic,
      quoc_tich: 'Việt Nam',
      noi_sinh: oldStyle ? pick(o.place.old) : o.place.now,
      ho_ten_cha: father,
      ho_ten_me: mother,
      noi_cu_tru: `${hamlet}, ${o.place.now}`,
      ngay_chet: '',
    };
    const given = fullName.split(' ').at(-1)!;
    const popName = NEW_PLACEMENT[given] && r() < 0.7 ? fullName.replace(/\S+$/, NEW_PLACEMENT[given]) : fullName;
    const popRow = {
      so_dinh_danh: id,
      ho_ten: popName,
      // Population data written yyyy-mm-dd, the book dd/mm/yyyy: both must read the same.
      ngay_sinh: `${y}-${pad(m)}-${pad(d)}`,
      gioi_tinh: sex === 'male' ? 'male' : 'female',
      dan_toc: ethnic,
      quoc_tich: 'Việt Nam',
      noi_sinh: oldStyle ? o.place.now : r() < 0.2 ? pick(o.place.old) : o.place.now,
      ho_ten_cha: father,
      ho_ten_me: mother,
      noi_thuong_tru: `${hamlet}, ${o.place.now}`,
      thon: hamlet,
      trang_thai: 'con_song',
    };
    let civilOut: typeof civilRow | null = civilRow;
    let popOut: typeof popRow | null = popRow;
    const extraCivil: (typeof civilRow)[] = [];
    const extraPop: (typeof popRow)[] = [];
    if (r() < rate) {
      const type = pick(TYPES);
      const mark = (civilK: string | null, popK: string | null) => planted.push({ type, civilKey: civilK, populationKey: popK });
      switch (type) {
        case 'name': {
          const v = r();
          if (v < 0.4 && OTHER_TONE[given]) popRow.ho_ten = fullName.replace(/\S+$/, OTHER_TONE[given]);
          else if (v < 0.7) popRow.ho_ten = fullName.replace(/^(\S+) (\S+) (\S+)$/, '$1 $3 $2');
          else
            popRow.ho_ten = fullName.replace(
              /^(\S+) (\S+)/,
              (_a, s) => `${s} ${pick(sex === 'male' ? MIDDLE_M : MIDDLE_F.filter((x) => !fullName.includes(x)))}`,
            );
          if (popRow.ho_ten === fullName) popRow.ho_ten = `${fullName}h`;
          mark(civilKey, id);
          break;
        }
        case 'birth_date': {
          const v = r();
          if (v < 0.35 && d <= 12 && d !== m) popRow.ngay_sinh = `${y}-${pad(d)}-${pad(m)}`;
          else if (v < 0.7) popRow.ngay_sinh = String(y);
          else popRow.ngay_sinh = `${y}-${pad(m)}-${pad(d === 28 ? 27 : d + 1)}`;
          mark(civilKey, id);
          break;
        }
        case 'sex':
          popRow.gioi_tinh = sex === 'male' ? 'female' : 'male';
          mark(civilKey, id);
          break;
        case 'ethnicity':
          popRow.dan_toc = ethnic === 'Kinh' ? 'Khmer' : 'Kinh';
          mark(civilKey, id);
          break;
        case 'nationality':
          civilRow.quoc_tich = '';
          mark(civilKey, id);
          break;
        case 'birth_place':
          popRow.noi_sinh = o.elsewhere;
          mark(civilKey, id);
          break;
        case 'father_name':
          popRow.ho_ten_cha = r() < 0.5 ? '' : maleName();
          if (popRow.ho_ten_cha === father) popRow.ho_ten_cha = '';
          mark(civilKey, id);
          break;
        case 'mother_name':
          popRow.ho_ten_me = `${mother.slice(0, -1)}`;
          mark(civilKey, id);
          break;
        case 'missing_in_population':
          popOut = null;
          mark(civilKey, null);
          break;
        case 'missing_in_civil_status':
          civilOut = null;
          mark(null, id);
          break;
        case 'death_not_reflected': {
          const so2 = `${2024}-KT-${pad(++reg, 6)}`;
          extraCivil.push({
            ...civilRow,
            loai_viec: 'khai_tu',
            so_dang_ky: so2,
            so_dinh_danh: r() < 0.5 ? id : '',
            ngay_dang_ky: '05/03/2024',
            ngay_chet: '01/03/2024',
          });
          mark(`khai_tu:${so2}`, id);
          break;
        }
        case 'duplicate_person': {
          const id2 = newId();
          extraPop.push({ ...popRow, so_dinh_danh: id2 });
          mark(null, id2);
          break;
        }
      }
    } else if (r() < 0.02) {
      // Died, and both sides know it: not a discrepancy.
      const so2 = `2023-KT-${pad(++reg, 6)}`;
      extraCivil.push({ ...civilRow, loai_viec: 'khai_tu', so_dang_ky: so2, ngay_dang_ky: '10/10/2023', ngay_chet: '02/10/2023' });
      popRow.trang_thai = 'da_chet';
    } else if (r() < 0.03) {
      // A marriage in the book: about two people, not compared person by person.
      extraCivil.push({ ...civilRow, loai_viec: 'ket_hon', so_dang_ky: `2020-KH-${pad(++reg, 6)}`, ngay_dang_ky: '01/06/2020' });
    }
    for (const c of [civilOut, ...extraCivil]) if (c) civil.push(Object.values(c));
    for (const p of [popOut, ...extraPop]) if (p) population.push(Object.values(p));
  }
  return {
    civilHeader: [
      'Loại việc',
      'Số đăng ký',
      'Ngày đăng ký',
      'Số định danh',
      'Họ tên',
      'Ngày sinh',
      'Giới tính',
      'Dân tộc',
      'Quốc tịch',
      'Nơi sinh',
      'Họ tên cha',
      'Họ tên mẹ',
      'Nơi cư trú',
      'Ngày chết',
    ],
    civil,
    populationHeader: [
      'so_dinh_danh',
      'ho_ten',
      'ngay_sinh',
      'gioi_tinh',
      'dan_toc',
      'quoc_tich',
      'noi_sinh',
      'ho_ten_cha',
      'ho_ten_me',
      'noi_thuong_tru',
      'thon',
      'trang_thai',
    ],
    population,
    planted,
  };
}

/** CSV text (RFC 4180 quoting) with the given separator. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], separator = ','): string {
  const cell = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((row) => row.map(cell).join(separator)).join('\n') + '\n';
}

/** Xã Phú Lâm (An Giang) written today and before the 2025 merger (Long Hoà, Phú Long merged into it). */
export const PHU_LAM_PLACE = {
  now: 'Xã Phú Lâm, tỉnh An Giang',
  old: ['Xã Phú Lâm, huyện Phú Tân, tỉnh An Giang', 'Xã Long Hoà, huyện Phú Tân, tỉnh An Giang', 'Xã Phú Long, huyện Phú Tân, tỉnh An Giang'],
};
export const ELSEWHERE = 'Phường Long Xuyên, tỉnh An Giang';
