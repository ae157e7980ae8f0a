// The editing state of the open post, with no DOM in it: the post being
// edited and its saved copy, what changed between them, the save queue and
// the autosave timer, and the live preview requests. Views listen to its
// events ("editing", "saving", "saved", "slug", "error", "preview") and call
// `edit`/`save`/`open`; the backend, the preview frame and the timers are
// injected, so editing.test.ts drives it with fakes and fake timers.
//
// A save that fails for a reason that can pass (full or read-only disk, busy
// or unreachable backend) keeps the text, is retried on its own after
// RETRY_DELAYS_MS (then every last delay) while the post stays unsaved, and
// keeps the post open: switching posts waits until it is saved.
//
// The live preview sends the core only what changed (CodeMirror's changes,
// in order) against the version of the post's document the core last
// answered with; the core answers with a splice of the preview's blocks. A
// post opened, a text set by code (a restore) or a fresh preview frame sends
// the whole text; so does a refused change set (`resync`: one was lost),
// once, which heals the core's copy.
import type { LivePreview, LiveText, Post, PostPatch, SaveKind, TextChange } from "./types";
import { phase } from "./phases";

/** Autosave this long after the last change. */
export const AUTOSAVE_MS = 500;

/** Waits before each automatic retry of a failed save; the last repeats. */
export const RETRY_DELAYS_MS = [2000, 5000, 10000, 30000] as const;

/** Error codes of a save failure that can pass by itself (null: no code, e.g. the backend is unreachable). */
const RETRIED_CODES: ReadonlySet<string | null> = new Set([null, "disk_full", "read_only", "busy", "database", "io", "write_failed", "internal"]);

/** True when a save that failed with `code` is retried on its own. */
export function retriedSaveError(code: string | null): boolean {
  return RETRIED_CODES.has(code);
}

/** "autosave" writes only when something changed; "save" also cuts a revision. */
export type { SaveKind };

/** The backend calls editing needs (implemented by `rpc` in the app). */
export interface EditingBackend {
  getPost(id: number): Promise<Post>;
  /** `basedOn`: the `updated_at` of the copy the edit started from; the core
   *  refuses (`post_changed`) when the library holds a newer one. */
  updatePost(id: number, patch: PostPatch, kind: SaveKind, basedOn: string | null): Promise<Post>;
  saveRevision(id: number): Promise<unknown>;
  /** The live preview of `text` (changes or the whole text); with `stage`,
   *  the backend also keeps the edit (`fields` and the text) for a close,
   *  written then as a save `basedOn` this copy (see `updatePost`). */
  liveEdit(id: number, text: LiveText, fields: PostPatch, stage: boolean, reset: boolean, basedOn: string | null): Promise<LivePreview>;
}

/** Where previews are shown (the preview frame in the app). */
export interface PreviewTarget {
  /** True when the next render must send every block (a fresh page). */
  needsAll(): boolean;
  show(post: Post, preview: LivePreview, reset: boolean): Promise<void>;
}

/** Timers, injected so tests can use fake ones. */
export interface Clock {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemClock: Clock = {
  set: (fn, ms) => globalThis.setTimeout(fn, ms),
  clear: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type EditingEvent =
  /** Something changed that is not saved yet. */
  | { type: "editing" }
  | { type: "saving" }
  /** `post` is what the library now holds; `patch` what was written (null: nothing). */
  | { type: "saved"; post: Post; kind: SaveKind; patch: PostPatch | null }
  /** The core changed the slug of the open post (a draft's slug follows its title). */
  | { type: "slug"; slug: string }
  /** A save or a preview failed; `code` is the backend's error code when there is one
   *  (e.g. "slug_taken"). A failed save keeps the edit, so the next change retries. */
  | { type: "error"; during: "save" | "preview"; code: string | null; error: unknown }
  /** The failed save (`attempt` failures in a row, the last with `code`) is tried again in `inMs`. */
  | { type: "retry"; code: string | null; attempt: number; inMs: number }
  /** A team sync wrote the open post while it was being edited: the save was
   *  refused (the editor's words are kept in History) and `post`, the
   *  library's newer copy, is now the open post. */
  | { type: "reloaded"; post: Post }
  /** A preview of the open post was shown. */
  | { type: "preview"; post: Post; preview: LivePreview };

export type EditingListener = (event: EditingEvent) => void;

/** The fields edits may change (not the ids and dates the core keeps). */
export type EditableFields = Partial<Pick<Post, keyof PostPatch>>;

const SCALAR_FIELDS = ["title", "slug", "summary", "preview_text", "body", "lang", "status", "author", "canonical_url", "featured_image", "reviewer"] as const;

/** The fields of `current` that differ from `saved`; null when none do. */
export function changes(current: Post, saved: Post): PostPatch | null {
  const patch: PostPatch = {};
  for (const k of SCALAR_FIELDS) {
    if (current[k] !== saved[k]) (patch as Record<string, unknown>)[k] = current[k];
  }
  if (current.tags.join("\u0000") !== saved.tags.join("\u0000")) patch.tags = current.tags;
  if (current.publish_at !== saved.publish_at) patch.publish_at = current.publish_at;
  return Object.keys(patch).length ? patch : null;
}

function errorCode(e: unknown): string | null {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : null;
}

export class EditingSession {
  /** The open post, as edited. */
  private current: Post | null = null;
  /** What the library holds for `current`. */
  private saved: Post | null = null;
  private saveTimer: unknown = undefined;
  private retryTimer: unknown = undefined;
  /** Failed saves in a row, and the last one's error (null after a save went through). */
  private failures = 0;
  private lastSaveError: unknown = null;
  /** The save queue: saves run one after another. */
  private saving: Promise<void> = Promise.resolve();
  private rendering = false;
  private renderAgain = false;
  /** Body changes not sent to the core yet, in order; null: send the whole text. */
  private unsent: TextChange[] | null = null;
  /** The version of the core's document the unsent changes apply to. */
  private liveVersion = 0;
  private readonly listeners: EditingListener[] = [];

  constructor(
    private readonly backend: EditingBackend,
    private readonly previews: PreviewTarget,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Listen to every event; returns a function that stops listening. */
  on(listener: EditingListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  private emit(event: EditingEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  /** The open post as edited (null when none is open). Read it; change it through `edit`. */
  get post(): Post | null {
    return this.current;
  }

  /** What changed since the last save, or null. */
  changes(): PostPatch | null {
    return this.current && this.saved ? changes(this.current, this.saved) : null;
  }

  /** Open post `id`: the open post's unsaved edits are saved first. Resolves to
   *  the post, or null when it is already open; rejects when it cannot be read,
   *  or when the open post's text could not be saved and is being retried
   *  (the open post stays open, so its text stays on screen). */
  async open(id: number): Promise<Post | null> {
    if (this.current?.id === id) return null;
    await this.save("autosave");
    if (this.changes() && this.failures > 0 && retriedSaveError(errorCode(this.lastSaveError))) throw this.lastSaveError;
    const post = await this.backend.getPost(id);
    this.load(post);
    return post;
  }

  /** Make `post`, as the library holds it, the open post (no save). */
  load(post: Post): void {
    this.current = { ...post };
    this.saved = post;
    this.unsent = null;
    this.clock.clear(this.retryTimer);
    this.failures = 0;
  }

  /** No post is open any more (it was trashed, or is being replaced). */
  close(): void {
    this.current = this.saved = null;
    this.clock.clear(this.retryTimer);
    this.failures = 0;
  }

  /**
   * Apply an edit to the open post. When something now differs from what is
   * saved, the preview call keeps it in the backend's memory at once (so closing
   * the window writes it) and the library is written `AUTOSAVE_MS` after the last
   * edit. `preview`: re-render even when nothing differs (title, teaser).
   * `changes`: how the body became `fields.body` (the editor's changes, in
   * order); without them a new body is sent whole.
   */
  edit(fields: EditableFields, options: { preview?: boolean; changes?: TextChange[] } = {}): void {
    if (!this.current) return;
    if (fields.body !== undefined && fields.body !== this.current.body) {
      if (options.changes && this.unsent) this.unsent.push(...options.changes);
      else this.unsent = null;
    }
    Object.assign(this.current, fields);
    if (options.preview) void this.renderPreview();
    if (!this.changes()) return;
    this.emit({ type: "editing" });
    void this.renderPreview();
    this.clock.clear(this.saveTimer);
    this.saveTimer = this.clock.set(() => void this.save("autosave"), AUTOSAVE_MS);
  }

  /** Queue a save of the open post; resolves when it (and every save before it) is done. Never rejects. */
  save(kind: SaveKind): Promise<void> {
    this.clock.clear(this.saveTimer);
    this.clock.clear(this.retryTimer);
    this.saving = this.saving.then(() => this.saveNow(kind));
    return this.saving;
  }

  private async saveNow(kind: SaveKind): Promise<void> {
    const post = this.current;
    const patch = this.changes();
    if (!post || (!patch && kind === "autosave")) return;
    try {
      this.emit({ type: "saving" });
      const basedOn = this.saved && this.saved.id === post.id ? this.saved.updated_at : null;
      const result = patch ? await this.backend.updatePost(post.id, patch, kind, basedOn) : post;
      if (kind === "save") await this.backend.saveRevision(post.id);
      if (this.current && this.current.id === result.id) {
        this.saved = result;
        // The core may have changed the slug (a draft's slug follows its title).
        if (this.current.slug !== result.slug && !patch?.slug) {
          this.current.slug = result.slug;
          this.saved = { ...result };
          this.emit({ type: "slug", slug: result.slug });
        }
      }
      this.failures = 0;
      this.lastSaveError = null;
      this.clock.clear(this.retryTimer);
      this.emit({ type: "saved", post: result, kind, patch });
    } catch (e) {
      // `saved` is left as it was: the edit stays dirty and the next change retries.
      this.failures += 1;
      this.lastSaveError = e;
      const code = errorCode(e);
      this.emit({ type: "error", during: "save", code, error: e });
      if (code === "post_changed" && this.current?.id === post.id) return this.reload(post.id);
      if (retriedSaveError(code) && this.current?.id === post.id && this.changes()) this.scheduleRetry(code);
    }
  }

  /** Show the library's newer copy of the open post instead of the editor's
   *  (whose words the core kept as a revision when it refused the save). */
  private async reload(id: number): Promise<void> {
    let fresh: Post;
    try {
      fresh = await this.backend.getPost(id);
    } catch (e) {
      this.emit({ type: "error", during: "save", code: errorCode(e), error: e });
      return;
    }
    if (this.current?.id !== id) return;
    this.load(fresh);
    this.emit({ type: "reloaded", post: fresh });
  }

  /** Try the failed save again after the next delay of RETRY_DELAYS_MS. */
  private scheduleRetry(code: string | null): void {
    const inMs = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length) - 1];
    this.clock.clear(this.retryTimer);
    this.retryTimer = this.clock.set(() => void this.save("autosave"), inMs);
    this.emit({ type: "retry", code, attempt: this.failures, inMs });
  }

  /**
   * Render the open post. At most one request is in flight: a call while one
   * is pending marks one more render, which runs with the text of that moment.
   * A response for a post that is no longer open is dropped.
   */
  async renderPreview(): Promise<void> {
    if (!this.current) return;
    if (this.rendering) {
      this.renderAgain = true;
      return;
    }
    this.rendering = true;
    try {
      do {
        this.renderAgain = false;
        const post: Post | null = this.current;
        if (!post) break;
        const reset = this.previews.needsAll();
        // Only the changes, unless the whole text must go.
        const text: LiveText =
          this.unsent && !reset ? { kind: "changes", base: this.liveVersion, changes: this.unsent } : { kind: "whole", text: post.body };
        this.unsent = [];
        // One call per change: the preview, and the edit kept by the backend for a close.
        const patch = this.changes();
        const fields: PostPatch = { ...patch, summary: post.summary };
        delete fields.body;
        phase("send");
        const basedOn = this.saved?.id === post.id ? this.saved.updated_at : null;
        const answer = this.backend.liveEdit(post.id, text, fields, patch !== null, reset, basedOn);
        phase("invoked");
        const r = await answer;
        phase("back");
        // Another post was opened (or this one reloaded): drop this render, run any pending one.
        if (post !== this.current) continue;
        if (r.resync) {
          // A change set went missing on the way: send the whole text once.
          this.unsent = null;
          this.renderAgain = true;
          continue;
        }
        // The next changes apply to this version (as sent, they are one more each).
        this.liveVersion = r.version;
        await this.previews.show(post, r, reset);
        phase("shown");
        this.emit({ type: "preview", post, preview: r });
      } while (this.renderAgain);
    } catch (e) {
      // What was sent may not have reached the core: the next call sends the whole text.
      this.unsent = null;
      this.emit({ type: "error", during: "preview", code: errorCode(e), error: e });
    } finally {
      this.rendering = false;
    }
  }
}
