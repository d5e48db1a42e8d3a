/** An upload on its way (or refused) beside a document's finished files. */
export interface Pending {
  key: number;
  name: string;
  progress: number | null;
  error?: string;
  file: File;
}

/**
 * The list after upload `key` succeeded: it leaves, and so do the refused uploads before it — a
 * good file now answers the document, and an error beside it would say the document is still
 * wrong. Uploads still running stay.
 */
export function afterSuccess(list: readonly Pending[], key: number): Pending[] {
  return list.filter((p) => p.key !== key && p.error === undefined);
}
