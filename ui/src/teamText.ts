// The team library's words, with no DOM: the status-bar badge, a conflict
// part's name, and which choices a part offers. Tested in teamText.test.ts.
import { dayMonth, locale, t } from "./i18n";
import type { ConflictItem, SyncReport, TeamStatus } from "./types";

/** The badge: shared or not, the last good sync, and a failure if any. */
export function badgeText(status: TeamStatus, failure: string | null, now: Date = new Date()): string {
  const parts: string[] = [];
  if (status.unshared > 0) parts.push(t("team-unshared", { count: status.unshared }));
  else parts.push(t("team-all-shared"));
  if (status.last_sync_at) parts.push(t("team-synced-at", { when: when(new Date(status.last_sync_at), now) }));
  else parts.push(t("team-never-synced"));
  if (failure) parts.push(failure);
  return parts.join(" · ");
}

/** "14:05" today, else a short date. */
export function when(at: Date, now: Date): string {
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay
    ? at.toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit" })
    : dayMonth(at);
}

/** What a finished sync did, in a few words; null when it did nothing worth saying. */
export function reportText(r: SyncReport): string | null {
  const parts: string[] = [];
  if (r.received > 0) parts.push(t("team-received", { count: r.received }));
  if (r.pushed > 0) parts.push(t("team-pushed", { count: r.pushed }));
  if (r.conflicts > 0) parts.push(t("team-conflicts", { count: r.conflicts }));
  if (r.problems.length > 0) parts.push(t("team-problems", { count: r.problems.length }));
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** The catalogue key of each part of a post a conflict can name. */
const FIELD_NAMES: Record<string, string> = {
  title: "ui-title",
  slug: "ui-slug",
  summary: "ui-teaser",
  preview_text: "ui-email-preview-text",
  body: "field-body",
  status: "ui-status",
  lang: "ui-language",
  author: "ui-author",
  reviewer: "ui-reviewer",
  publish_at: "ui-publish-date",
  canonical_url: "ui-canonical-url",
  featured_image: "ui-featured-image",
  tags: "ui-tags",
  created: "ui-created",
  translation: "field-translation",
  extra: "field-extra",
};

/** "Body, paragraph 2", "Title"… */
export function partName(item: ConflictItem): string {
  const key = FIELD_NAMES[item.field];
  const name = key ? t(key) : item.field;
  return item.field === "body" ? t("field-passage", { name, block: item.block }) : name;
}

/** Text fields can keep both versions (mine first); the others take one side. */
export function offersBoth(item: ConflictItem): boolean {
  return ["body", "summary", "preview_text"].includes(item.field);
}
