import type { Procedure } from './types.ts';

/**
 * The procedure as a citizen sees it. `processingNote`, `feeNote` and `uncertain` are the catalog
 * team's checking notes ("chưa đối chiếu Thông tư…", "Không thấy quy định lệ phí"): internal,
 * for officials only (GUIDE: internal notes never shown to citizens). Where they explained an
 * unknown fact, the portal says the commune will tell the applicant instead.
 */
export function withoutInternalNotes(procedure: Procedure): Procedure {
  return { ...procedure, processingNote: '', feeNote: '', uncertain: '' };
}
