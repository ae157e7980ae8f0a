// The preview frame. It shows sanitized HTML from the Rust renderer in an
// iframe sandboxed WITHOUT allow-scripts: nothing in it can run, so nothing
// in it can reach the IPC. `allow-same-origin` lets this (trusted) module
// patch the frame's DOM block by block instead of reloading the page.
import { rpc } from "./rpc";
import type { Lang } from "./types";

export class PreviewFrame {
  private doc: Promise<Document> | null = null;
  private lang: Lang | null = null;
  /** HTML of every block the core has sent for this page, by key. */
  private readonly known = new Map<string, string>();
  /** The keys of the blocks on the page, in order. */
  private keys: string[] = [];
  private fresh = true;

  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly onLink: (url: string) => void,
    /** The reader scrolled the preview to this fraction of its height. */
    private readonly onScroll: (fraction: number) => void,
  ) {}

  /** Start from the empty page for a post in `lang`. */
  async reset(lang: Lang): Promise<void> {
    // Every post starts from a complete render.
    this.fresh = true;
    if (this.doc && this.lang === lang) return;
    this.lang = lang;
    this.keys = [];
    const shell = await rpc.previewShell(lang);
    this.doc = new Promise((resolve) => {
      this.frame.addEventListener(
        "load",
        () => {
          const doc = this.frame.contentDocument;
          if (doc) {
            doc.addEventListener("click", (ev) => this.click(ev, doc));
            doc.addEventListener("scroll", () => {
              const el = doc.scrollingElement;
              if (el && el.scrollHeight > el.clientHeight) this.onScroll(el.scrollTop / (el.scrollHeight - el.clientHeight));
            });
            resolve(doc);
          }
        },
        { once: true },
      );
    });
    this.frame.srcdoc = shell;
    await this.doc;
  }

  /** True when the next render must send every block (a fresh page). */
  needsAll(): boolean {
    return this.fresh;
  }

  /**
   * Show a render: `keys` are the document's blocks in order, `html` the
   * sanitized HTML of blocks not sent before (`reset`: this is all of them).
   * Only the run of blocks between the unchanged head and tail is touched.
   */
  async show(title: string, keys: string[], html: Record<string, string>, reset: boolean): Promise<void> {
    if (!this.doc) return;
    const doc = await this.doc;
    const titleEl = doc.getElementById("pd-title");
    const body = doc.getElementById("pd-body");
    if (!titleEl || !body) return;
    if (reset) this.known.clear();
    for (const [k, h] of Object.entries(html)) this.known.set(k, h);
    this.fresh = false;
    if (titleEl.textContent !== title) titleEl.textContent = title;

    const old = this.keys;
    let head = 0;
    while (head < old.length && head < keys.length && old[head] === keys[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < keys.length - head && old[old.length - 1 - tail] === keys[keys.length - 1 - tail]) tail++;
    const children = body.children;
    // Remove the changed run of the old document…
    for (let i = old.length - tail - 1; i >= head; i--) children[i]?.remove();
    // …and insert the new run before the unchanged tail.
    const before = children[head] ?? null;
    const frag = doc.createDocumentFragment();
    for (let i = head; i < keys.length - tail; i++) {
      const div = doc.createElement("div");
      div.className = "pd-block";
      // Sanitized by the core's allow-list; the frame runs no script regardless.
      div.innerHTML = this.known.get(keys[i]) ?? "";
      frag.appendChild(div);
    }
    body.insertBefore(frag, before);
    this.keys = keys;
  }

  /** Scroll the preview to the same fraction as the editor. */
  async scrollToFraction(f: number): Promise<void> {
    if (!this.doc) return;
    const doc = await this.doc;
    const el = doc.scrollingElement;
    if (el) el.scrollTop = f * (el.scrollHeight - el.clientHeight);
  }

  private click(ev: MouseEvent, doc: Document): void {
    const a = (ev.target as Element | null)?.closest?.("a");
    if (!a) return;
    ev.preventDefault();
    const href = a.getAttribute("href") ?? "";
    if (href.startsWith("#")) {
      doc.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
    } else if (href) {
      this.onLink(href);
    }
  }
}
