import { type Static, Type } from '@sinclair/typebox';

/**
 * Giving back the unused numbers of an outreach code block (core/dossier/code.ts): the field app,
 * having synced every dossier it numbered from the block, says how many numbers it used (offsets
 * 0 … used − 1); the rest return to the day, for the desk and the next block.
 */
export const ReturnCodesBodySchema = Type.Object(
  {
    deviceId: Type.String({ minLength: 1, maxLength: 200 }),
    used: Type.Integer({ minimum: 0, maximum: 9999, description: 'Số mã đã dùng của khối (offset 0 … used − 1)' }),
  },
  { $id: 'ReturnCodesBody', additionalProperties: false },
);
export type ReturnCodesBody = Static<typeof ReturnCodesBodySchema>;

export const ReturnedCodesSchema = Type.Object(
  {
    agencyCode: Type.String(),
    firstSeq: Type.Integer(),
    /** The block's last number kept (firstSeq − 1 when none was used). */
    lastSeq: Type.Integer(),
    returned: Type.Integer({ description: 'Số mã đã trả lại cho ngày' }),
  },
  { $id: 'ReturnedCodes' },
);
export type ReturnedCodes = Static<typeof ReturnedCodesSchema>;

export const CODE_BLOCK_SCHEMAS = [ReturnCodesBodySchema, ReturnedCodesSchema];
