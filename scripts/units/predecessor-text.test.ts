import { describe, expect, it } from 'vitest';
import { parsePredecessorText, parseProvinceText } from './predecessor-text.ts';
import { editDistance } from './matcher.ts';

const names = (text: string) => parsePredecessorText(text).mentions.map((m) => `${m.prefix ?? '?'} ${m.name}`);

describe('parsePredecessorText', () => {
  it('splits a plain list and keeps the unit type', () => {
    expect(names('Xã Long Hòa, Xã Phú Long và Thị trấn Phú Mỹ')).toEqual(['xã Long Hòa', 'xã Phú Long', 'thị trấn Phú Mỹ']);
  });

  it('reads "giữ nguyên" as unchanged', () => {
    expect(parsePredecessorText('giữ nguyên')).toEqual({ unchanged: true, mentions: [] });
  });

  it('keeps district qualifiers, even with a province inside', () => {
    const [m] = parsePredecessorText('Thị trấn Châu Thành (huyện Châu Thành, tỉnh Bến Tre), Xã Tân Thạch').mentions;
    expect(m).toMatchObject({ prefix: 'thị trấn', name: 'Châu Thành', qualifier: { prefix: 'huyện', name: 'Châu Thành' } });
    expect(parsePredecessorText('Xã Đăk Long (thuộc huyện Đăk Hà)').mentions[0]?.qualifier).toEqual({
      prefix: 'huyện',
      name: 'Đăk Hà',
    });
  });

  it('unpacks the Hà Nội style of partial transfers', () => {
    const text =
      'Phường Quán Thánh, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Điện Biên, ' +
      'Phường Ngọc Thụy (phần còn lại sau khi sáp nhập vào phường Hồng Hà, phường Long Biên), Phường Bồ Đề';
    const mentions = parsePredecessorText(text).mentions;
    expect(mentions.map((m) => [m.prefix, m.name, m.partial])).toEqual([
      ['phường', 'Quán Thánh', false],
      ['phường', 'Cửa Nam', true],
      ['phường', 'Điện Biên', true],
      ['phường', 'Ngọc Thụy', false],
      ['phường', 'Bồ Đề', false],
    ]);
    expect(mentions[2]?.inheritedPrefix).toBe(true);
  });

  it('marks "(một phần)" and drops doubled type words and "sau khi sắp xếp" notes', () => {
    const mentions = parsePredecessorText(
      'Xã Trần Hợi (một phần), phần còn lại của xã  Xã Vầy Nưa sau khi sắp xếp theo quy định tại khoản 99 Điều này',
    ).mentions;
    expect(mentions.map((m) => [m.name, m.partial])).toEqual([
      ['Trần Hợi', true],
      ['Vầy Nưa', false],
    ]);
    expect(names('một phần diện tích tự nhiên, quy mô dân số của xã Yên Định  Xã Yên Định')).toEqual(['xã Yên Định']);
  });
});

describe('parseProvinceText', () => {
  it('reads province lists, aliases and ignores trailing notes', () => {
    expect(parseProvinceText('TPHCM, tỉnh Bà Rịa - Vũng Tàu và tỉnh Bình Dương').mentions.map((m) => m.name)).toEqual([
      'Hồ Chí Minh',
      'Bà Rịa - Vũng Tàu',
      'Bình Dương',
    ]);
    expect(parseProvinceText('tỉnh Bình Phước và tỉnh Đồng Nai. Từ ngày 30/04/2026, Tỉnh Đồng Nai mới …').mentions).toHaveLength(2);
  });
});

describe('editDistance', () => {
  it('counts edits and gives up past the cap', () => {
    expect(editDistance('huabum', 'huabun', 2)).toBe(1);
    expect(editDistance('iamron', 'iamaron', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
