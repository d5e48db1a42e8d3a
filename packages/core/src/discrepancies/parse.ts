import { foldKey, nfc } from '../text/index.ts';
import { CIVIL_EVENTS, type CivilEvent, type CivilStatusRecord, type ExtractKind, type PartialDate, type PopulationRecord, type Sex } from './types.ts';

/** The headers each extract must carry (issue #14); others are kept as extra columns. */
export const CIVIL_HEADERS = [
  'loai_viec',
  'so_dang_ky',
  'ngay_dang_ky',
  'so_dinh_danh',
  'ho_ten',
  'ngay_sinh',
  'gioi_tinh',
  'dan_toc',
  'quoc_tich',
  'noi_sinh',
  'ho_ten_cha',
  'ho_ten_me',
  'noi_cu_tru',
  'ngay_chet',
] as const;
export const POPULATION_HEADERS = [
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
] as const;
/** Columns a file may leave out (deaths only, or data the register did not hold). */
const OPTIONAL: Record<ExtractKind, readonly string[]> = {
  civil_status: ['so_dinh_danh', 'ngay_chet', 'ho_ten_cha', 'ho_ten_me', 'dan_toc', 'quoc_tich', 'noi_sinh', 'noi_cu_tru', 'ngay_dang_ky'],
  population: ['ho_ten_cha', 'ho_ten_me', 'dan_toc', 'quoc_tich', 'noi_sinh', 'noi_thuong_tru', 'trang_thai'],
};

/** "Họ Tên", "HO_TEN", " ho ten " → "ho_ten": headers are case-, spacing- and diacritics-insensitive. */
export function headerKey(header: string): string {
  return foldKey(header.replace(/^\uFEFF/, '')).replace(/ /g, '_');
}

/** The headers of a file, checked: the missing required ones, or the column names in key form. */
export function readHeaders(kind: ExtractKind, headers: readonly string[]): { ok: true; keys: string[] } | { ok: false; missing: string[] } {
  const keys = headers.map(headerKey);
  const known = kind === 'civil_status' ? CIVIL_HEADERS : POPULATION_HEADERS;
  const missing = known.filter((h) => !OPTIONAL[kind].includes(h) && !keys.includes(h));
  return missing.length ? { ok: false, missing } : { ok: true, keys };
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** dd/mm/yyyy, d/m/yyyy (also with - or .), yyyy-mm-dd, or a year alone; null when empty; an Error when unreadable. */
export function parseDate(text: string): PartialDate | null | Error {
  const s = text.trim();
  if (!s) return null;
  let y: number;
  let m: number;
  let d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(s);
  const year = /^(\d{4})$/.exec(s);
  if (year) {
    y = Number(year[1]);
    return y >= 1850 && y <= 2100 ? { year: y, month: null, day: null } : new Error(`năm ${s} không hợp lệ`);
  }
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return new Error(`ngày "${s}" không đúng dạng dd/mm/yyyy, yyyy-mm-dd hoặc năm`);
  if (y < 1850 || y > 2100 || !validDay(y, m, d)) return new Error(`ngày "${s}" không có thật`);
  return { year: y, month: m, day: d };
}

export function formatDate(date: PartialDate | null): string {
  if (!date) return '';
  if (date.month === null || date.day === null) return String(date.year);
  return `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
}

/** yyyy-mm-dd when the day is known (the dossier form's date), else null. */
export function isoDate(date: PartialDate | null): string | null {
  if (!date || date.month === null || date.day === null) return null;
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const SEXES: Record<string, Sex> = { nam: 'male', male: 'male', m: 'male', nu: 'female', female: 'female', f: 'female' };

/** Nam/Nữ/male/female (any case, with or without diacritics); null when empty; an Error otherwise. */
export function parseSex(text: string): Sex | null | Error {
  const k = foldKey(text);
  if (!k) return null;
  return SEXES[k] ?? new Error(`giới tính "${text.trim()}" không rõ (Nam/Nữ/male/female)`);
}

const DEAD = new Set(['da chet', 'chet', 'da mat', 'mat', 'tu vong', 'dead', 'deceased']);
const ALIVE = new Set(['', 'con song', 'song', 'alive', 'living']);

export type RowResult<T> = { ok: true; record: T } | { ok: false; row: number; reason: string };

/** A row as read from a file: column key (headerKey form) → text. */
export type RawRow = Record<string, string>;

function text(raw: RawRow, key: string): string {
  return nfc(raw[key] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function extras(raw: RawRow, known: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (!known.includes(k) && v !== '' && v !== undefined) out[k] = String(v);
  return out;
}

function idNumber(raw: RawRow): string | null | Error {
  const s = text(raw, 'so_dinh_danh').replace(/[\s.]/g, '');
  if (!s) return null;
  return /^\d{12}$/.test(s) ? s : new Error(`số định danh "${s}" phải có 12 chữ số`);
}

type Fail = { ok: false; row: number; reason: string };
const fail = (row: number, reason: string): Fail => ({ ok: false, row, reason });

/** One civil-status row; `row` is its line number in the file (header = 1). */
export function parseCivilRow(raw: RawRow, row: number): RowResult<CivilStatusRecord> {
  const event = foldKey(text(raw, 'loai_viec')).replace(/ /g, '_') as CivilEvent;
  if (!CIVIL_EVENTS.includes(event)) return fail(row, `loai_viec "${text(raw, 'loai_viec')}" phải là khai_sinh, ket_hon hoặc khai_tu`);
  const registrationNo = text(raw, 'so_dang_ky');
  if (!registrationNo) return fail(row, 'thiếu so_dang_ky');
  const fullName = text(raw, 'ho_ten');
  if (!fullName) return fail(row, 'thiếu ho_ten');
  const id = idNumber(raw);
  if (id instanceof Error) return fail(row, id.message);
  const registeredOn = parseDate(text(raw, 'ngay_dang_ky'));
  const birthDate = parseDate(text(raw, 'ngay_sinh'));
  const deathDate = parseDate(text(raw, 'ngay_chet'));
  for (const d of [registeredOn, birthDate, deathDate]) if (d instanceof Error) return fail(row, d.message);
  const sex = parseSex(text(raw, 'gioi_tinh'));
  if (sex instanceof Error) return fail(row, sex.message);
  if (event === 'khai_sinh' && !birthDate) return fail(row, 'khai sinh thiếu ngay_sinh');
  if (event === 'khai_tu' && !deathDate) return fail(row, 'khai tử thiếu ngay_chet');
  return {
    ok: true,
    record: {
      key: `${event}:${registrationNo}`,
      row,
      event,
      registrationNo,
      registeredOn: registeredOn as PartialDate | null,
      idNumber: id,
      fullName,
      birthDate: birthDate as PartialDate | null,
      sex,
      ethnicity: text(raw, 'dan_toc'),
      nationality: text(raw, 'quoc_tich'),
      birthPlace: text(raw, 'noi_sinh'),
      fatherName: text(raw, 'ho_ten_cha'),
      motherName: text(raw, 'ho_ten_me'),
      residence: text(raw, 'noi_cu_tru'),
      deathDate: deathDate as PartialDate | null,
      extra: extras(raw, CIVIL_HEADERS),
    },
  };
}

/** One population row; `row` is its line number in the file (header = 1). */
export function parsePopulationRow(raw: RawRow, row: number): RowResult<PopulationRecord> {
  const id = idNumber(raw);
  if (id instanceof Error) return fail(row, id.message);
  if (!id) return fail(row, 'thiếu so_dinh_danh');
  const fullName = text(raw, 'ho_ten');
  if (!fullName) return fail(row, 'thiếu ho_ten');
  const birthDate = parseDate(text(raw, 'ngay_sinh'));
  if (birthDate instanceof Error) return fail(row, birthDate.message);
  const sex = parseSex(text(raw, 'gioi_tinh'));
  if (sex instanceof Error) return fail(row, sex.message);
  const status = foldKey(text(raw, 'trang_thai'));
  if (!ALIVE.has(status) && !DEAD.has(status)) return fail(row, `trang_thai "${text(raw, 'trang_thai')}" phải là con_song hoặc da_chet`);
  return {
    ok: true,
    record: {
      key: id,
      row,
      idNumber: id,
      fullName,
      birthDate,
      sex,
      ethnicity: text(raw, 'dan_toc'),
      nationality: text(raw, 'quoc_tich'),
      birthPlace: text(raw, 'noi_sinh'),
      fatherName: text(raw, 'ho_ten_cha'),
      motherName: text(raw, 'ho_ten_me'),
      permanentAddress: text(raw, 'noi_thuong_tru'),
      hamlet: text(raw, 'thon'),
      alive: !DEAD.has(status),
      extra: extras(raw, POPULATION_HEADERS),
    },
  };
}
