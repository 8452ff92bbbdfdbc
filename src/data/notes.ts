/**
 * The compiler's notes in figures.csv and entities.csv are working remarks,
 * mostly in English ("家; as of 2023-02", "科技日报 via huai123.net"), not
 * the 备注 of the source. Pure.
 */

/** Whether a note is (partly) an English remark: it has a Latin word of two letters or more. */
export function isEnglishNote(note: string): boolean {
  return /[A-Za-z]{2,}/.test(note);
}
