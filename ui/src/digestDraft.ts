// The digest builder's state, NO DOM (tested: digestDraft.test.ts): what the
// library keeps so the digest survives a restart, and the email it asks for.
import type { DigestDraft, EmailSource, Lang } from "./types";

/** The kept digest, its posts narrowed to those still in the library (in the trash or deleted: dropped). */
export function restoredDraft(d: DigestDraft, live: Set<number>): DigestDraft {
  return { ...d, ids: d.ids.filter((id, i) => live.has(id) && d.ids.indexOf(id) === i) };
}

/** The email the digest builder previews, copies and saves. */
export function digestSource(d: DigestDraft): EmailSource {
  return { kind: "digest", ids: d.ids, intro: d.intro, subject: d.subject.trim() || null, esp: d.esp || null, lang: d.lang };
}

/** The select's value as a language, or null (from the posts). */
export function langChoice(value: string): Lang | null {
  return value === "en" || value === "fr" ? value : null;
}
