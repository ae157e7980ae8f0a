// What the Publish and Import dialogs decide without the DOM: which targets
// are set up, which setting is missing, what an error code asks the dialog
// to offer, the "changed on the site" difference, and the words of an
// outcome or an import report. Unit-tested in publishing.test.ts.
import { t } from "./i18n";
import type { DiffKind, ErrorCode, PublishNote, PublishOutcome, Setting, SitePublishReport, WordPressSettings, WxrNote, WxrReport } from "./types";

/** The settings key of the application password (not a library setting: the keychain). */
export const PASSWORD_KEY = "wordpress.password";

export interface PublishTargets {
  /** A WordPress site address is set (the rest may still be missing). */
  wordpress: boolean;
  /** A site repository is chosen. */
  site: boolean;
}

/** Which publish targets to offer. */
export function publishTargets(wp: WordPressSettings, settings: Setting[]): PublishTargets {
  const repo = settings.find((s) => s.key === "publish.repo")?.value ?? "";
  return { wordpress: wp.url.trim() !== "", site: repo.trim() !== "" };
}

/** The first WordPress setting still missing (the key Settings opens at), or null. */
export function missingWordPressKey(wp: WordPressSettings): string | null {
  if (wp.url.trim() === "") return "wordpress.url";
  if (wp.user.trim() === "") return "wordpress.user";
  if (!wp.password_stored) return PASSWORD_KEY;
  return null;
}

/** What the dialog offers after a failure. */
export type Remedy = "overwrite" | "settings" | "retry" | "none";

export function remedyFor(code: ErrorCode | null): Remedy {
  switch (code) {
    case "remote_changed":
      return "overwrite";
    case "publish_not_configured":
    case "publish_auth_failed":
      return "settings";
    case "network":
    case "publish_rejected":
      return "retry";
    default:
      return "none";
  }
}

/**
 * The Settings key to open for a failure: the missing WordPress setting, the
 * password after a refused login, the repository for a site-repository problem.
 */
export function settingsKeyFor(code: ErrorCode | null, wp: WordPressSettings): string {
  if (code === "publish_auth_failed") return PASSWORD_KEY;
  if (code === "site_repo") return "publish.repo";
  return missingWordPressKey(wp) ?? "wordpress.url";
}

export interface ChangedOnSite {
  /** The sentence before the difference. */
  sentence: string;
  lines: { kind: DiffKind; text: string }[];
}

/**
 * A `remote_changed` error's message: its first line is the sentence, the
 * next lines the difference (`- ` on the site, `+ ` in Postdesk).
 */
export function parseChangedOnSite(message: string): ChangedOnSite {
  const [first, ...rest] = message.split("\n");
  const sentence = (first ?? "").replace(/\s*What differs \(- on the site, \+ in Postdesk\):\s*$/, "").trim();
  const lines = rest
    .filter((l) => l.trim() !== "")
    .map((l) => {
      if (l.startsWith("+ ")) return { kind: "added" as const, text: l.slice(2) };
      if (l.startsWith("- ")) return { kind: "removed" as const, text: l.slice(2) };
      if (l.startsWith("  ")) return { kind: "skipped" as const, text: l.slice(2) };
      return { kind: "skipped" as const, text: l };
    });
  return { sentence, lines };
}

/** One line about a WordPress publish. */
export function wordpressOutcomeText(o: PublishOutcome, title: string): string {
  const known = ["draft", "publish", "future", "pending", "private"].includes(o.status);
  const status = known ? t(`wp-status-${o.status}`) : `(${o.status})`;
  const images = o.images_uploaded + o.images_reused;
  const imageText = images === 0 ? "" : ` ${t("wp-images", { uploaded: o.images_uploaded, reused: o.images_reused })}`;
  const what = t(o.created ? "wp-published" : "wp-updated", { title, status });
  return `${what}${imageText}${o.notes.map((n) => ` ${publishNoteText(n)}`).join("")}`;
}

/** What a publish tells the person, in the interface's language. */
export function publishNoteText(n: PublishNote): string {
  switch (n.kind) {
    case "deleted_on_site":
      return t("wp-note-deleted-on-site", { link: n.link });
    case "site_changes_overwritten":
      return t("wp-note-site-changes-overwritten");
    case "no_polylang":
      return t("wp-note-no-polylang");
    case "twin_not_published":
      return t("wp-note-twin-not-published", { lang: n.lang });
    case "linked_with_translation":
      return t("wp-note-linked-with-translation");
  }
}

/** What an import tells the person, in the interface's language. */
export function importNoteText(n: WxrNote): string {
  switch (n.kind) {
    case "duplicate":
      return t("import-note-duplicate", { guid: n.guid });
    case "private_made_draft":
      return t("import-note-private-made-draft", { title: n.title });
    case "image_not_stored":
      return t("import-note-image-not-stored", { url: n.url });
  }
}

/** One line about a site-repository publish. */
export function siteOutcomeText(r: SitePublishReport): string {
  if (!r.commit) return `${t("site-nothing-changed")} ${r.export_summary}`;
  return `${t("site-pushed", { commit: r.commit.slice(0, 7), target: `${r.remote}/${r.branch}`, files: r.files.length })} ${r.export_summary}`;
}

/** The import report as a summary line and the lines under it. */
export function importReportText(r: WxrReport): { summary: string; details: string[] } {
  const total = r.created.length + r.updated.length + r.unchanged.length;
  let summary = t("import-summary", { total, created: r.created.length, updated: r.updated.length, unchanged: r.unchanged.length });
  if (r.images_stored > 0) summary += t("import-images", { count: r.images_stored });
  if (r.skipped.length > 0) summary += t("import-skipped", { list: r.skipped.map((s) => skippedText(s.count, s.what)).join(", ") });
  const details = [
    ...r.created.map((p) => t("import-new", { title: p.title })),
    ...r.updated.map((p) => t("import-updated", { title: p.title })),
    ...r.notes.map(importNoteText),
  ];
  return { summary: `${summary}.`, details };
}

/** "2 pages", "1 attachment": the kinds WordPress items the import skips. */
function skippedText(count: number, what: string): string {
  const key = `import-skipped-${what.replace(/[^a-z]+/gi, "-")}`;
  const named = t(key, { count });
  return named === key ? `${count} ${what}${count === 1 ? "" : "s"}` : named;
}
