// The workspace layout: Split/Editor/Preview modes, the Page/Listing/Email
// tabs of the preview pane, and scroll sync between the editor and the preview.
import { $, toggleGroup } from "./dom";

export type PreviewTab = "page" | "listing" | "email";

export interface Layout {
  /** The preview tab shown. */
  tab(): PreviewTab;
}

export function setupLayout(onTab: (tab: PreviewTab) => void): Layout {
  let tab: PreviewTab = "page";
  toggleGroup("#toolbar [data-mode]", "aria-pressed", (b) => {
    document.body.dataset.mode = b.dataset.mode;
  });
  toggleGroup("#toolbar [data-tab]", "aria-selected", (b) => {
    tab = (b.dataset.tab ?? "page") as PreviewTab;
    $("listing").hidden = tab !== "listing";
    $("preview").hidden = tab !== "page";
    $("email").hidden = tab !== "email";
    onTab(tab);
  });
  return { tab: () => tab };
}

/** Who leads a scroll: the other pane follows without echoing back. */
type Pane = "editor" | "preview";

export interface ScrollSync {
  /** `pane` was scrolled to `fraction` of its height. */
  scrolled(pane: Pane, fraction: number): void;
}

/**
 * Scroll sync, both ways: whichever pane the reader scrolls leads for 150 ms,
 * and the other follows. `editorScroller` is the editor's scrolling element;
 * the preview reports its own scrolls through `scrolled("preview", …)`.
 */
export function scrollSync(editorScroller: HTMLElement, scrollPreview: (fraction: number) => void): ScrollSync {
  let leader: Pane | null = null;
  let leaderTimer: number | undefined;
  const scrolled = (from: Pane, fraction: number) => {
    if (leader !== null && leader !== from) return;
    leader = from;
    window.clearTimeout(leaderTimer);
    leaderTimer = window.setTimeout(() => (leader = null), 150);
    if (from === "editor") {
      scrollPreview(fraction);
    } else {
      const el = editorScroller;
      el.scrollTop = fraction * (el.scrollHeight - el.clientHeight);
    }
  };
  editorScroller.addEventListener("scroll", () => {
    const el = editorScroller;
    if (el.scrollHeight > el.clientHeight) scrolled("editor", el.scrollTop / (el.scrollHeight - el.clientHeight));
  });
  return { scrolled };
}
