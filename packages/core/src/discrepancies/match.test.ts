import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDiscrepancies, fixFor, findHamlet, type CivilStatusRecord, type PopulationRecord } from './index.ts';

const birth = (over: Partial<CivilStatusRecord> = {}): CivilStatusRecord => ({
  key: 'khai_sinh:1',
  row: 2,
  event: 'khai_sinh',
  registrationNo: '1',
  registeredOn: null,
  idNumber: '089000000001',
  fullName: 'Nguyễn Thị Hoà',
  birthDate: { year: 1990, month: 3, day: 7 },
  sex: 'female',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  birthPlace: 'Xã Phú Lâm',
  fatherName: 'Nguyễn Văn Tài',
  motherName: 'Lê Thị Lan',
  residence: 'Ấp Phú Lâm 1',
  deathDate: null,
  extra: {},
  ...over,
});
const resident = (over: Partial<PopulationRecord> = {}): PopulationRecord => ({
  key: '089000000001',
  row: 2,
  idNumber: '089000000001',
  fullName: 'Nguyễn Thị Hòa',
  birthDate: { year: 1990, month: 3, day: 7 },
  sex: 'female',
  ethnicity: 'kinh',
  nationality: 'VN',
  birthPlace: 'Xã Phú Lâm',
  fatherName: 'Nguyễn Văn Tài',
  motherName: 'Lê Thị Lan',
  permanentAddress: '',
  hamlet: 'Ấp Phú Lâm 1',
  alive: true,
  extra: {},
  ...over,
});

const types = (c: CivilStatusRecord[], p: PopulationRecord[]) => findDiscrepancies(c, p).discrepancies.map((d) => d.type);

describe('matching civil-status records against population data', () => {
  it('takes old and new tone-mark placement, letter case and the spelling of Việt Nam as the same', () => {
    expect(types([birth()], [resident()])).toEqual([]);
  });

  it('matches without a personal ID on the evidence, with its score and reasons', () => {
    const r = findDiscrepancies([birth({ idNumber: null })], [resident({ sex: 'male' })]);
    expect(r.discrepancies).toHaveLength(1);
    expect(r.discrepancies[0]).toMatchObject({ type: 'sex', needsPerson: false, verdict: { side: 'civil_status', reason: 'civil_status_is_original' } });
    expect(r.discrepancies[0]!.reasons).toEqual(expect.arrayContaining(['name_tone_placement', 'birth_equal', 'sex_differs', 'mother_equal']));
  });

  it('reads a different tone as a name discrepancy, though the diacritics-free names agree', () => {
    const d = findDiscrepancies([birth({ idNumber: null })], [resident({ fullName: 'Nguyễn Thị Hóa' })]).discrepancies;
    expect(d.map((x) => [x.type, x.fields.name])).toEqual([['name', ['Nguyễn Thị Hoà', 'Nguyễn Thị Hóa']]]);
  });

  it('prefers the candidate whose diacritics agree when two share the diacritics-free name', () => {
    const a = resident({ key: '089000000002', idNumber: '089000000002', fullName: 'Nguyễn Thị Hóa' });
    const b = resident({ key: '089000000003', idNumber: '089000000003', fullName: 'Nguyễn Thị Hoà' });
    const r = findDiscrepancies([birth({ idNumber: null })], [a, b]);
    expect(r.discrepancies.map((d) => [d.type, d.population?.key])).toEqual([['missing_in_civil_status', '089000000002']]);
  });

  it('finds swapped day and month, a year alone, and says which side is likelier right', () => {
    const swapped = findDiscrepancies([birth()], [resident({ birthDate: { year: 1990, month: 7, day: 3 } })]).discrepancies;
    expect(swapped[0]).toMatchObject({ type: 'birth_date', fields: { birth_date: ['07/03/1990', '03/07/1990'] } });
    const yearOnly = findDiscrepancies([birth({ idNumber: null })], [resident({ birthDate: { year: 1990, month: null, day: null } })]).discrepancies;
    expect(yearOnly[0]).toMatchObject({ type: 'birth_date', verdict: { side: 'civil_status', reason: 'population_incomplete' } });
    expect(yearOnly[0]!.reasons).toContain('birth_year_only');
  });

  it('takes name order as a name discrepancy, matched on the evidence', () => {
    const d = findDiscrepancies([birth({ idNumber: null })], [resident({ fullName: 'Nguyễn Hòa Thị' })]).discrepancies;
    expect(d.map((x) => x.type)).toEqual(['name']);
    expect(d[0]!.reasons).toContain('name_order');
  });

  it('shows a close call as needing a person instead of merging it', () => {
    const d = findDiscrepancies(
      [birth({ idNumber: null })],
      [resident({ idNumber: '089000000009', key: '089000000009', birthDate: { year: 1990, month: 5, day: 20 }, fatherName: 'Trần Văn Bình' })],
    ).discrepancies;
    expect(d.length).toBeGreaterThan(0);
    expect(d.every((x) => x.needsPerson)).toBe(true);
  });

  it('finds people missing on either side, deaths not reflected, and one person under two IDs', () => {
    const death = birth({ key: 'khai_tu:9', event: 'khai_tu', registrationNo: '9', deathDate: { year: 2024, month: 1, day: 2 } });
    const twin = resident({ key: '089000000005', idNumber: '089000000005' });
    const other = resident({ key: '089000000006', idNumber: '089000000006', fullName: 'Trần Văn Sơn', sex: 'male', motherName: 'Võ Thị Mai' });
    const lonely = birth({
      key: 'khai_sinh:2',
      idNumber: null,
      fullName: 'Phạm Văn Long',
      motherName: 'Đỗ Thị Hà',
      sex: 'male',
      birthDate: { year: 2001, month: 1, day: 1 },
    });
    expect(types([birth(), death, lonely], [resident(), twin, other]).sort()).toEqual(
      ['death_not_reflected', 'duplicate_person', 'missing_in_civil_status', 'missing_in_population'].sort(),
    );
  });

  it('routes each discrepancy to its fix', () => {
    expect(fixFor({ type: 'name', verdict: { side: 'population', reason: 'civil_status_incomplete' } })).toEqual({
      route: 'civil_status_dossier',
      procedureCode: '1.004859',
      requestKind: 'bo_sung',
    });
    expect(fixFor({ type: 'death_not_reflected', verdict: { side: 'civil_status', reason: 'registered_death' } }).route).toBe('population_update');
    expect(
      findHamlet('Ấp Phú Lâm 12, xã Phú Lâm', [
        { code: 'a', name: 'Ấp Phú Lâm 1' },
        { code: 'b', name: 'Ấp Phú Lâm 12' },
      ])?.code,
    ).toBe('b');
    expect(findHamlet('30421-02', [{ code: '30421-02', name: 'Ấp Phú Lâm 2' }])?.name).toBe('Ấp Phú Lâm 2');
  });

  it('property: the same records in any order give the same discrepancies; a record always agrees with itself', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (ids, dropIds) => {
        const unique = [...new Set(ids)];
        const births = unique.map((n) =>
          birth({ key: `khai_sinh:${n}`, idNumber: dropIds ? null : `08900000000${n}`, fullName: `Lê Văn Tên${'abcdefghij'[n]}`, motherName: `Mẹ ${n}` }),
        );
        const people = unique.map((n) =>
          resident({ key: `08900000000${n}`, idNumber: `08900000000${n}`, fullName: `Lê Văn Tên${'abcdefghij'[n]}`, motherName: `Mẹ ${n}` }),
        );
        const fp = (c: CivilStatusRecord[], p: PopulationRecord[]) =>
          findDiscrepancies(c, p)
            .discrepancies.map((d) => d.fingerprint)
            .sort();
        expect(fp(births, people)).toEqual([]);
        expect(fp([...births].reverse(), [...people].reverse())).toEqual(fp(births, people));
      }),
    );
  });
});
