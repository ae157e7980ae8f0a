// The Listing tab: the open post as it appears in the site's list of posts.
// Its words come from the core's label table, as the site export's do.
import { $, setText } from "./dom";
import { rpc } from "./rpc";
import type { LivePreview, Lang, ListingLabels, Post } from "./types";

const labels = new Map<Lang, Promise<ListingLabels>>();

function labelsFor(lang: Lang): Promise<ListingLabels> {
  let found = labels.get(lang);
  if (!found) {
    found = rpc.listingLabels(lang);
    // A failed call is asked again next time rather than remembered.
    found.catch(() => labels.delete(lang));
    labels.set(lang, found);
  }
  return found;
}

export async function showListing(post: Post, preview: LivePreview | null): Promise<void> {
  setText($("listing-title"), post.title);
  setText($("listing-teaser"), preview?.teaser ?? "");
  setText($("listing-more"), (await labelsFor(post.lang)).continue_reading);
}
