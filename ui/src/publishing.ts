// What the Publish and Import dialogs decide without the DOM: which targets
// are set up, which setting is missing, what an error code asks the dialog
// to offer, the "changed on the site" difference, and the words of an
// outcome or an import report. Unit-tested in publishing.test.ts.
import type { DiffKind, ErrorCode, PublishOutcome, Setting, SitePublishReport, WordPressSettings, WxrReport } from "./types";

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
  const what = o.created ? "Published" : "Updated";
  const status = { draft: "as a draft", publish: "live", future: "scheduled", pending: "pending review", private: "as private" }[o.status] ?? `(${o.status})`;
  const images = o.images_uploaded + o.images_reused;
  const imageText = images === 0 ? "" : ` ${o.images_uploaded} image(s) uploaded, ${o.images_reused} already there.`;
  return `${what} \u201c${title}\u201d on the WordPress site ${status}.${imageText}${o.notes.map((n) => ` ${n}`).join("")}`;
}

/** One line about a site-repository publish. */
export function siteOutcomeText(r: SitePublishReport): string {
  if (!r.commit) return `Nothing changed in the site repository, so nothing was pushed. ${r.export_summary}`;
  return `Pushed ${r.commit.slice(0, 7)} to ${r.remote}/${r.branch}: ${r.files.length} file(s). ${r.export_summary}`;
}

/** The import report as a summary line and the lines under it. */
export function importReportText(r: WxrReport): { summary: string; details: string[] } {
  const total = r.created.length + r.updated.length + r.unchanged.length;
  let summary = `${total} post(s) from WordPress: ${r.created.length} new, ${r.updated.length} updated, ${r.unchanged.length} unchanged`;
  if (r.images_stored > 0) summary += `; ${r.images_stored} image(s) stored`;
  if (r.skipped.length > 0) summary += `; skipped ${r.skipped.map((s) => `${s.count} ${s.what}${s.count === 1 ? "" : "s"}`).join(", ")}`;
  const details = [
    ...r.created.map((p) => `New: ${p.title}`),
    ...r.updated.map((p) => `Updated from the site: ${p.title}`),
    ...r.notes,
  ];
  return { summary: `${summary}.`, details };
}
