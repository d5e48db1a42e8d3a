/** What the rule reads of a procedure (the catalogue's type or the wire contract's). */
export interface DocumentList {
  documents: readonly { name: string; required: boolean }[];
  formSchema?: { properties?: Record<string, unknown> } | null;
}

/**
 * Which of a procedure's required documents a dossier still lacks — the one rule the wizard's
 * review step and the server's intake both apply, so the citizen's warning and the desk's record
 * never disagree.
 *
 * The declaration ("Tờ khai …") is not missing when the dossier was filed online through the
 * procedure's interactive e-form: the answers ARE the declaration. The catalogue itself lists
 * it so ("Tờ khai đăng ký khai sinh (hoặc biểu mẫu điện tử tương tác khi nộp trực tuyến)",
 * 1.001193; same for 2.000635), after Nghị định 45/2020/NĐ-CP on administrative procedures in
 * the electronic environment (the e-form, "biểu mẫu điện tử tương tác"). At the desk and in
 * the field the signed paper declaration is still received, so it stays required there.
 */
export function isDeclaration(doc: { name: string }): boolean {
  return /^tờ khai\b/iu.test(doc.name.normalize('NFC').trim());
}

/** The procedure has an e-form with at least one question (an empty schema declares nothing). */
export function hasEForm(procedure: Pick<DocumentList, 'formSchema'>): boolean {
  return Object.keys(procedure.formSchema?.properties ?? {}).length > 0;
}

/** A required declaration that the e-form, filed online, takes the place of (see above). */
export function declaredByEForm(procedure: DocumentList, doc: DocumentList['documents'][number], channel: string): boolean {
  return channel === 'online' && doc.required && isDeclaration(doc) && hasEForm(procedure);
}

/**
 * Indexes (into `procedure.documents`) of required documents with no file. `attached` holds the
 * document indexes (as strings, the attachment `kind` the wizard sends) that have at least one file.
 */
export function missingRequiredDocuments(procedure: DocumentList, attached: ReadonlySet<string>, channel: string): number[] {
  return procedure.documents.flatMap((doc, index) => (!doc.required || attached.has(String(index)) || declaredByEForm(procedure, doc, channel) ? [] : [index]));
}
