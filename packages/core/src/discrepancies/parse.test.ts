import { describe, expect, it } from 'vitest';
import { headerKey, parseCivilRow, parseDate, parsePopulationRow, parseSex, readHeaders } from './index.ts';

describe('reading extract rows', () => {
  it('reads headers case-, spacing- and diacritics-insensitively', () => {
    expect(headerKey('Họ Tên')).toBe('ho_ten');
    expect(headerKey('\uFEFFSO_DINH_DANH')).toBe('so_dinh_danh');
    expect(headerKey(' ngày  sinh ')).toBe('ngay_sinh');
    expect(readHeaders('population', ['Số định danh', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Thôn', 'Ghi chú'])).toEqual({
      ok: true,
      keys: ['so_dinh_danh', 'ho_ten', 'ngay_sinh', 'gioi_tinh', 'thon', 'ghi_chu'],
    });
    expect(readHeaders('civil_status', ['ho_ten'])).toMatchObject({ ok: false, missing: ['loai_viec', 'so_dang_ky', 'ngay_sinh', 'gioi_tinh'] });
  });

  it('reads dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd and a year alone, and refuses days that do not exist', () => {
    expect(parseDate('05/09/1987')).toEqual({ year: 1987, month: 9, day: 5 });
    expect(parseDate('5/9/1987')).toEqual({ year: 1987, month: 9, day: 5 });
    expect(parseDate('1987-09-05')).toEqual({ year: 1987, month: 9, day: 5 });
    expect(parseDate('1987')).toEqual({ year: 1987, month: null, day: null });
    expect(parseDate('')).toBeNull();
    expect(parseDate('31/02/1990')).toBeInstanceOf(Error);
    expect(parseDate('hôm qua')).toBeInstanceOf(Error);
  });

  it('reads Nam/Nữ/male/female in any case and refuses anything else', () => {
    expect([parseSex('Nam'), parseSex('NỮ'), parseSex('nu'), parseSex('Male'), parseSex('female')]).toEqual(['male', 'female', 'female', 'male', 'female']);
    expect(parseSex('khác')).toBeInstanceOf(Error);
  });

  it('gives the row number and the reason for a bad row, and keeps extra columns of a good one', () => {
    const bad = parsePopulationRow({ so_dinh_danh: '12345', ho_ten: 'Lê Văn A' }, 7);
    expect(bad).toEqual({ ok: false, row: 7, reason: 'số định danh "12345" phải có 12 chữ số' });
    const good = parsePopulationRow(
      { so_dinh_danh: '089123456789', ho_ten: ' Lê  Văn An ', ngay_sinh: '1960', gioi_tinh: 'Nam', trang_thai: 'da_chet', ghi_chu: 'chuyển đến' },
      3,
    );
    expect(good).toMatchObject({
      ok: true,
      record: { fullName: 'Lê Văn An', alive: false, birthDate: { year: 1960, month: null }, extra: { ghi_chu: 'chuyển đến' } },
    });
    const death = parseCivilRow({ loai_viec: 'khai_tu', so_dang_ky: '12', ho_ten: 'Lê Văn An', ngay_sinh: '1960', gioi_tinh: 'Nam' }, 4);
    expect(death).toEqual({ ok: false, row: 4, reason: 'khai tử thiếu ngay_chet' });
    expect(parseCivilRow({ loai_viec: 'nhan_con', so_dang_ky: '1', ho_ten: 'X' }, 2)).toMatchObject({ ok: false, row: 2 });
  });
});
