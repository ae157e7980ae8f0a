// The team library's words, with no DOM: the status-bar badge, a conflict
// part's name, and which choices a part offers. Tested in teamText.test.ts.
import type { ConflictItem, SyncReport, TeamStatus } from "./types";

/** The badge: shared or not, the last good sync, and a failure if any. */
export function badgeText(status: TeamStatus, failure: string | null, now: Date = new Date()): string {
  const parts: string[] = [];
  if (status.unshared > 0) parts.push(status.unshared === 1 ? "1 change not shared" : `${status.unshared} changes not shared`);
  else parts.push("All shared");
  if (status.last_sync_at) parts.push(`synced ${when(new Date(status.last_sync_at), now)}`);
  else parts.push("never synced");
  if (failure) parts.push(failure);
  return parts.join(" · ");
}

/** "14:05" today, else a short date. */
export function when(at: Date, now: Date): string {
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay
    ? at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
    : at.toLocaleDateString([], { month: "short", day: "numeric" });
}

/** What a finished sync did, in a few words; null when it did nothing worth saying. */
export function reportText(r: SyncReport): string | null {
  const parts: string[] = [];
  if (r.received > 0) parts.push(r.received === 1 ? "1 post updated from the team" : `${r.received} posts updated from the team`);
  if (r.pushed > 0) parts.push(r.pushed === 1 ? "1 change shared" : `${r.pushed} changes shared`);
  if (r.conflicts > 0) parts.push(r.conflicts === 1 ? "1 post needs your choice" : `${r.conflicts} posts need your choice`);
  if (r.problems.length > 0) parts.push(r.problems.length === 1 ? "1 shared file could not be read" : `${r.problems.length} shared files could not be read`);
  return parts.length > 0 ? parts.join(" · ") : null;
}

const FIELD_NAMES: Record<string, string> = {
  title: "Title",
  slug: "Slug",
  summary: "Teaser",
  preview_text: "Email preview text",
  body: "Body",
  status: "Status",
  lang: "Language",
  author: "Author",
  reviewer: "Reviewer",
  publish_at: "Publish date",
  canonical_url: "Canonical URL",
  featured_image: "Featured image",
  tags: "Tags",
  created: "Created",
  translation: "Translation link",
  extra: "Other details",
};

/** "Body, paragraph 2", "Title"… */
export function partName(item: ConflictItem): string {
  const name = FIELD_NAMES[item.field] ?? item.field;
  return item.field === "body" ? `${name}, passage ${item.block}` : name;
}

/** Text fields can keep both versions (mine first); the others take one side. */
export function offersBoth(item: ConflictItem): boolean {
  return ["body", "summary", "preview_text"].includes(item.field);
}
