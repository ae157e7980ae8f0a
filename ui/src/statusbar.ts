// The status bar under the panes: counts of the open post and the save state.
import { $, setText } from "./dom";
import { t } from "./i18n";
import type { LivePreview, Post } from "./types";

/** Say what happened to the open post's text ("Saving…", "Saved 14:05", …). */
export function setSaveState(text: string): void {
  setText($("st-save"), text);
}

/** Words, characters and reading time of `post` as last rendered. */
export function showCounts(post: Post, preview: LivePreview | null): void {
  setText($("st-words"), t("count-words", { count: preview?.word_count ?? 0 }));
  setText($("st-chars"), t("count-characters", { count: post.body.length }));
  setText($("st-time"), t("count-reading", { minutes: preview?.reading_minutes ?? 0 }));
}

/** The save state while a failed save is being retried, worded from the error code. */
export function retryingText(code: string | null): string {
  return code === "disk_full" || code === "read_only" ? t("save-retrying-disk") : t("save-retrying");
}
