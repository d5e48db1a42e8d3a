import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  carveReservedBlock,
  codeFromReservedBlock,
  defaultAgencyCode,
  deskCeiling,
  formatDossierCode,
  isAgencyCode,
  MAX_DAILY_SEQ,
  parseDossierCode,
  RESERVED_BLOCK_SIZE,
  type SeqRange,
} from './code.ts';

const AGENCY = '000.01.01.H24';

describe('dossier codes V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX (Circular 01/2018/TT-VPCP art. 19(1))', () => {
  it('writes the agency identifier, the day of receipt and a 4-digit daily number', () => {
    expect(formatDossierCode(AGENCY, '2025-07-01', 7)).toBe('000.01.01.H24-250701-0007');
    expect(formatDossierCode('000.00.00.H49', '2026-02-28', MAX_DAILY_SEQ)).toBe('000.00.00.H49-260228-9999');
  });

  it('never writes a fifth digit: XXXX "gồm 04 ký tự số", so 9,999 is the last number of a day', () => {
    expect(MAX_DAILY_SEQ).toBe(9999);
    expect(() => formatDossierCode(AGENCY, '2025-07-01', 10_000)).toThrow(RangeError);
    expect(parseDossierCode('000.01.01.H24-250701-10000')).toBeNull();
  });

  it('takes the agency identifier in the QCVN 102:2016/BTTTT form only (Circular 10/2016/TT-BTTTT)', () => {
    expect(isAgencyCode('000.00.00.H49')).toBe(true);
    for (const bad of ['26734', 'H26.123', '000.00.00.h49', '00.00.00.H49', '000.00.00.H4', '000-00-00-H49']) expect(isAgencyCode(bad)).toBe(false);
    expect(() => formatDossierCode('26734', '2025-07-01', 1)).toThrow(RangeError);
  });

  it.each([
    '',
    '000.01.01.H24-250701-007',
    '000.01.01.H24-250230-0001',
    '000.01.01.H24-251301-0001',
    '-250701-0001',
    '000.01.01.H24-250701-0000',
    '26734-250701-0001',
    '000.01.01.H24 -250701-0001',
  ])('rejects %j', (code) => expect(parseDossierCode(code)).toBeNull());

  it('refuses to format impossible parts', () => {
    expect(() => formatDossierCode(AGENCY, '2025-02-29', 1)).toThrow(RangeError);
    expect(() => formatDossierCode(AGENCY, '1999-12-31', 1)).toThrow(RangeError);
    expect(() => formatDossierCode(AGENCY, '2025-07-01', 0)).toThrow(RangeError);
  });

  it('round-trips any valid parts', () => {
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, '0'));
    const agency = fc.tuple(digits(3), digits(2), digits(2), fc.constantFrom('G', 'H', 'K'), digits(2)).map(([v, z, y, m, x]) => `${v}.${z}.${y}.${m}${x}`);
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(agency, day, fc.integer({ min: 1, max: MAX_DAILY_SEQ }), (agencyCode, intakeDate, seq) => {
        expect(parseDossierCode(formatDossierCode(agencyCode, intakeDate, seq))).toEqual({ agencyCode, intakeDate, seq });
      }),
    );
  });
});

describe('the default agency identifier of a commune (a derivation, not an official assignment)', () => {
  it("is 'H' + the province code, the commune's place in its province in Z1Z2 (01–99) and Y1Y2 (blocks of 99)", () => {
    expect(defaultAgencyCode('24', 1)).toBe('000.01.01.H24');
    expect(defaultAgencyCode('24', 99)).toBe('000.99.01.H24');
    expect(defaultAgencyCode('38', 100)).toBe('000.01.02.H38');
    expect(defaultAgencyCode('38', 166)).toBe('000.67.02.H38');
  });

  it('gives distinct, well-formed identifiers to every commune of a province', () => {
    const codes = Array.from({ length: 300 }, (_, i) => defaultAgencyCode('01', i + 1));
    expect(new Set(codes).size).toBe(300);
    expect(codes.every(isAgencyCode)).toBe(true);
  });
});

describe('reserved code blocks for offline outreach', () => {
  it('carves the first blocks of a day from the top (9900–9999, then 9800–9899)', () => {
    const first = carveReservedBlock(0, [])!;
    expect(first).toEqual({ firstSeq: 9900, lastSeq: 9999 });
    expect(carveReservedBlock(12, [first])).toEqual({ firstSeq: 9800, lastSeq: 9899 });
    const block = { agencyCode: AGENCY, blockIndex: 0, ...first };
    expect(codeFromReservedBlock(block, '2025-07-08', 3)).toBe('000.01.01.H24-250708-9903');
    expect(() => codeFromReservedBlock(block, '2025-07-08', RESERVED_BLOCK_SIZE)).toThrow(RangeError);
  });

  it('reuses a returned block: its numbers are free again and come first', () => {
    const held = [{ firstSeq: 9800, lastSeq: 9899 }]; // 9900–9999 was returned
    expect(carveReservedBlock(0, held)).toEqual({ firstSeq: 9900, lastSeq: 9999 });
  });

  it('never carves at or below the desk’s last number, and says so when the day is full', () => {
    expect(carveReservedBlock(9900, [])).toBeNull();
    expect(carveReservedBlock(9899, [])).toEqual({ firstSeq: 9900, lastSeq: 9999 });
    expect(carveReservedBlock(9799, [{ firstSeq: 9900, lastSeq: 9999 }])).toEqual({ firstSeq: 9800, lastSeq: 9899 });
    expect(carveReservedBlock(9800, [{ firstSeq: 9900, lastSeq: 9999 }])).toBeNull();
  });

  it('keeps the desk below every held block', () => {
    expect(deskCeiling([])).toBe(MAX_DAILY_SEQ + 1);
    expect(
      deskCeiling([
        { firstSeq: 9900, lastSeq: 9999 },
        { firstSeq: 9800, lastSeq: 9899 },
      ]),
    ).toBe(9800);
  });

  it('never yields overlapping blocks nor a block meeting the desk, whatever is returned in between', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(50), fc.nat(30)), { maxLength: 60 }), (steps) => {
        let desk = 0;
        let held: SeqRange[] = [];
        for (const [reserve, returnIndex, deskTakes] of steps) {
          desk = Math.min(desk + deskTakes, deskCeiling(held) - 1);
          if (reserve) {
            const r = carveReservedBlock(desk, held);
            if (r) {
              expect(r.firstSeq).toBeGreaterThan(desk);
              expect(r.lastSeq).toBeLessThanOrEqual(MAX_DAILY_SEQ);
              for (const h of held) expect(r.lastSeq < h.firstSeq || r.firstSeq > h.lastSeq).toBe(true);
              held.push(r);
            }
          } else if (held.length > 0) {
            held = held.filter((_, i) => i !== returnIndex % held.length);
          }
        }
      }),
    );
  });
});
