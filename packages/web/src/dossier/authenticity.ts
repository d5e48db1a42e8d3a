import type { IssuedDocument } from '@motcua/core/api';

/**
 * The document "Kiểm tra tính xác thực" checks: the result when there is one, else the latest
 * signed document. Its `verifyUrl` carries the `h` token; a link without it always answers
 * "Không tìm thấy văn bản". null when nothing has been signed yet (no link is shown).
 */
export function documentToVerify(docs: readonly IssuedDocument[]): IssuedDocument | null {
  const latest = (list: readonly IssuedDocument[]) => list.reduce<IssuedDocument | null>((best, d) => (!best || d.signedAt > best.signedAt ? d : best), null);
  return latest(docs.filter((d) => d.kind === 'result')) ?? latest(docs);
}
