import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeFromReservedBlock,
  formatDossierCode,
  isReservedSeq,
  parseDossierCode,
  RESERVED_BLOCK_SIZE,
  RESERVED_SEQ_START,
  reservedCodeBlock,
} from './code.ts';

describe('dossier codes AGENCYCODE-YYMMDD-NNNN', () => {
  it('formats with the Vietnam intake date and a 4-digit sequence', () => {
    expect(formatDossierCode('26734', '2025-07-01', 7)).toBe('26734-250701-0007');
    expect(formatDossierCode('000.00.21.H26', '2026-02-28', 12345)).toBe('000.00.21.H26-260228-12345');
  });

  it('parses from the right, so agency codes may contain hyphens', () => {
    expect(parseDossierCode('G22-42-250701-0012')).toEqual({ unitCode: 'G22-42', intakeDate: '2025-07-01', seq: 12 });
  });

  it.each(['', '26734-250701-007', '26734-250230-0001', '26734-251301-0001', '-250701-0001', '26734-250701-0000', '26734-250701-01234', '26 734-250701-0001'])(
    'rejects %j',
    (code) => expect(parseDossierCode(code)).toBeNull(),
  );

  it('refuses to format impossible parts', () => {
    expect(() => formatDossierCode('26734', '2025-02-29', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('26734', '1999-12-31', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('26734', '2025-07-01', 0)).toThrow(RangeError);
    expect(() => formatDossierCode('a b', '2025-07-01', 1)).toThrow(RangeError);
  });

  it('round-trips any valid parts', () => {
    const agency = fc.stringMatching(/^[A-Z0-9](?:[A-Z0-9.-]{0,12}[A-Z0-9])?$/);
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(agency, day, fc.integer({ min: 1, max: 10_000_000 }), (unitCode, intakeDate, seq) => {
        expect(parseDossierCode(formatDossierCode(unitCode, intakeDate, seq))).toEqual({ unitCode, intakeDate, seq });
      }),
    );
  });
});

describe('reserved code blocks for offline outreach', () => {
  it('gives each block its own range above the server’s daily sequence', () => {
    const first = reservedCodeBlock('26734', 0);
    const second = reservedCodeBlock('26734', 1);
    expect(first).toEqual({ unitCode: '26734', blockIndex: 0, firstSeq: RESERVED_SEQ_START, lastSeq: RESERVED_SEQ_START + RESERVED_BLOCK_SIZE - 1 });
    expect(second.firstSeq).toBe(first.lastSeq + 1);
    expect(isReservedSeq(RESERVED_SEQ_START - 1)).toBe(false);
    expect(codeFromReservedBlock(second, '2025-07-08', 3)).toBe(`26734-250708-${RESERVED_SEQ_START + RESERVED_BLOCK_SIZE + 3}`);
    expect(() => codeFromReservedBlock(first, '2025-07-08', RESERVED_BLOCK_SIZE)).toThrow(RangeError);
  });

  it('never yields the same code from two blocks or from the server’s own range', () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.nat(500),
        fc.nat(RESERVED_BLOCK_SIZE - 1),
        fc.nat(RESERVED_BLOCK_SIZE - 1),
        fc.integer({ min: 1, max: RESERVED_SEQ_START - 1 }),
        (blockA, blockB, offA, offB, serverSeq) => {
          const a = codeFromReservedBlock(reservedCodeBlock('26734', blockA), '2025-07-08', offA);
          const b = codeFromReservedBlock(reservedCodeBlock('26734', blockB), '2025-07-08', offB);
          expect(a === b).toBe(blockA === blockB && offA === offB);
          expect(a).not.toBe(formatDossierCode('26734', '2025-07-08', serverSeq));
        },
      ),
    );
  });
});
