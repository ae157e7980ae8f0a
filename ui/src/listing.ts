// The Listing tab: the open post as it appears in the site's list of posts.
import { $ } from "./dom";
import type { BlockPreview, Post } from "./types";

export function showListing(post: Post, preview: BlockPreview | null): void {
  $("listing-title").textContent = post.title;
  $("listing-teaser").textContent = preview?.teaser ?? "";
  // TODO(core labels): take this word from the core's label table instead of a copy here.
  $("listing-more").textContent = post.lang === "fr" ? "Lire la suite →" : "Continue reading →";
}
