// The preview frame. It shows sanitized HTML from the Rust renderer in an
// iframe sandboxed WITHOUT allow-scripts: nothing in it can run, so nothing
// in it can reach the IPC. `allow-same-origin` lets this (trusted) module
// patch the frame's DOM block by block instead of reloading the page.
import { rpc } from "./rpc";
import type { BlockSplice, Lang } from "./types";

export class PreviewFrame {
  private doc: Promise<Document> | null = null;
  private lang: Lang | null = null;
  private fresh = true;
  private readonly shells = new Map<Lang, Promise<string>>();
  /** Resets asked for so far: only the latest writes the page. */
  private resets = 0;

  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly onLink: (url: string) => void,
    /** The reader scrolled the preview to this fraction of its height. */
    private readonly onScroll: (fraction: number) => void,
  ) {}

  /** Start from the empty page for a post in `lang`. The core's page shell
   *  is written into the frame's own (initial, empty) document: no
   *  navigation, so no load to wait for (loading it as `srcdoc` took 100-150
   *  ms of start-up). The shell's doctype keeps the page in standards mode,
   *  as the site's pages are. */
  async reset(lang: Lang): Promise<void> {
    // Every post starts from a complete render.
    this.fresh = true;
    const resets = ++this.resets;
    if (this.doc && this.lang === lang) return;
    const shell = await this.shell(lang);
    // A newer reset came meanwhile: the page is its to write (or keep).
    if (resets !== this.resets) return;
    const doc = this.frame.contentDocument;
    if (!doc) return;
    this.lang = lang;
    this.fresh = true;
    doc.open();
    doc.write(shell);
    doc.close();
    // `open` dropped the document's listeners: add them again.
    doc.addEventListener("click", (ev) => this.click(ev, doc));
    doc.addEventListener("scroll", () => {
      const el = doc.scrollingElement;
      if (el && el.scrollHeight > el.clientHeight) this.onScroll(el.scrollTop / (el.scrollHeight - el.clientHeight));
    });
    this.doc = Promise.resolve(doc);
  }

  /** The core's page shell for `lang`, asked for once (start-up asks early: `preload`). */
  private shell(lang: Lang): Promise<string> {
    let shell = this.shells.get(lang);
    if (!shell) {
      shell = rpc.previewShell(lang);
      // A failed request is asked again next time.
      shell.catch(() => this.shells.delete(lang));
      this.shells.set(lang, shell);
    }
    return shell;
  }

  /** Ask for the page shells now, beside the start-up's other requests. */
  preload(): void {
    for (const lang of ["en", "fr"] as const) this.shell(lang).catch(() => undefined);
  }

  /** True when the next render must send every block (a fresh page). */
  needsAll(): boolean {
    return this.fresh;
  }

  /**
   * Show a render: replace `splice.remove` blocks from `splice.at` with the
   * new blocks' sanitized HTML (`reset`: the page holds none yet). Nothing
   * else on the page is touched.
   */
  async show(title: string, splice: BlockSplice, reset: boolean): Promise<void> {
    if (!this.doc) return;
    const doc = await this.doc;
    const titleEl = doc.getElementById("pd-title");
    const body = doc.getElementById("pd-body");
    if (!titleEl || !body) return;
    if (reset) body.replaceChildren();
    this.fresh = false;
    if (titleEl.textContent !== title) titleEl.textContent = title;
    const children = body.children;
    for (let i = splice.at + splice.remove - 1; i >= splice.at; i--) children[i]?.remove();
    const before = children[splice.at] ?? null;
    const frag = doc.createDocumentFragment();
    splice.html.forEach((html, i) => {
      const div = doc.createElement("div");
      div.className = "pd-block";
      div.dataset.key = splice.keys[i];
      // Sanitized by the core's allow-list; the frame runs no script regardless.
      div.innerHTML = html;
      frag.appendChild(div);
    });
    body.insertBefore(frag, before);
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
