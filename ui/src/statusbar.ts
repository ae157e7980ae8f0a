// The status bar under the panes: counts of the open post and the save state.
import { $ } from "./dom";
import type { LivePreview, Post } from "./types";

/** Say what happened to the open post's text ("Saving…", "Saved 14:05", …). */
export function setSaveState(text: string): void {
  $("st-save").textContent = text;
}

/** Words, characters and reading time of `post` as last rendered. */
export function showCounts(post: Post, preview: LivePreview | null): void {
  $("st-words").textContent = `${preview?.word_count ?? 0} words`;
  $("st-chars").textContent = `${post.body.length} characters`;
  $("st-time").textContent = `${preview?.reading_minutes ?? 0} min read`;
}

/** The save state while a failed save is being retried, worded from the error code. */
export function retryingText(code: string | null): string {
  return code === "disk_full" || code === "read_only" ? "Not saved — the disk is full or read-only; retrying…" : "Not saved; retrying…";
}
