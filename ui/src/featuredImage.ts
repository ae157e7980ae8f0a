// The featured image picker's choices, NO DOM (tested: featuredImage.test.ts):
// the post's library images as thumbnails, the one the post has marked.
import type { PostImage } from "./types";
import { t } from "./i18n";

export interface FeaturedChoice {
  reference: string;
  /** The button's accessible name and the thumbnail's caption. */
  label: string;
  url: string;
  /** The post's featured image now. */
  current: boolean;
}

export function featuredChoices(images: PostImage[], current: string): FeaturedChoice[] {
  const now = current.trim();
  return images.map((i) => ({ reference: i.reference, label: i.file_name, url: i.url, current: i.reference === now }));
}

/** What the picker says about the field as it is: which image, an address, or none. */
export function featuredSummary(current: string, images: PostImage[]): string {
  const now = current.trim();
  if (!now) return t("featured-summary-none");
  if (!now.startsWith("asset:")) return t("featured-summary-url", { url: now });
  const found = images.find((i) => i.reference === now);
  return found ? t("featured-summary-file", { file: found.file_name }) : t("featured-summary-gone");
}
