// Fakes for the editing-state tests: a library in memory standing in for
// the backend, and a preview frame that records what it was asked to show.
import type { EditingBackend, PreviewTarget, SaveKind } from "./editing";
import type { PreviewBlocks, Post, PostPatch } from "./types";

export function makePost(id: number, fields: Partial<Post> = {}): Post {
  return {
    id,
    title: `Post ${id}`,
    slug: `post-${id}`,
    summary: "",
    lang: "en",
    status: "draft",
    tags: [],
    author: "",
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    publish_at: null,
    deleted_at: null,
    preview_text: "",
    body: `Body of ${id}`,
    translation_of: null,
    canonical_url: "",
    featured_image: "",
    extra: {},
    uid: `uid-${id}`,
    reviewer: "",
    ...fields,
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

export interface PreviewCall {
  id: number;
  patch: PostPatch;
  stage: boolean;
  reset: boolean;
  reply: Deferred<PreviewBlocks>;
}

export interface UpdateCall {
  id: number;
  patch: PostPatch;
  kind: SaveKind;
  reply: Deferred<Post>;
}

export function previewOf(body: string): PreviewBlocks {
  return { keys: [body], html: { [body]: `<p>${body}</p>` }, word_count: body.split(/\s+/).length, reading_minutes: 1, teaser: "", outline: [] };
}

/** A library in memory. Calls answer at once unless `hold*` is set; held calls wait for the test. */
export class FakeBackend implements EditingBackend {
  readonly library = new Map<number, Post>();
  readonly updates: UpdateCall[] = [];
  readonly previews: PreviewCall[] = [];
  readonly revisions: number[] = [];
  readonly calls: string[] = [];
  holdUpdates = false;
  holdPreviews = false;
  /** The next update fails with this error. */
  failNextUpdate: unknown = null;
  /** Every update fails with this error while it is set (a full disk). */
  failUpdatesWith: unknown = null;
  /** Like the core: a draft's slug follows its title. */
  slugFollowsTitle = false;

  constructor(...posts: Post[]) {
    for (const p of posts) this.library.set(p.id, p);
  }

  getPost(id: number): Promise<Post> {
    this.calls.push(`get ${id}`);
    const p = this.library.get(id);
    return p ? Promise.resolve({ ...p }) : Promise.reject({ code: "post_not_found", message: "No such post." });
  }

  /** What the library holds after writing `patch`. */
  write(id: number, patch: PostPatch): Post {
    const old = this.library.get(id) ?? makePost(id);
    const next: Post = { ...old, ...patch, updated_at: "2026-01-01T10:00:00Z" };
    if (this.slugFollowsTitle && patch.title !== undefined && patch.slug === undefined) {
      next.slug = patch.title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    }
    this.library.set(id, next);
    return { ...next };
  }

  updatePost(id: number, patch: PostPatch, kind: SaveKind): Promise<Post> {
    this.calls.push(`update ${id}`);
    const reply = deferred<Post>();
    this.updates.push({ id, patch, kind, reply });
    if (this.failNextUpdate !== null) {
      reply.reject(this.failNextUpdate);
      this.failNextUpdate = null;
    } else if (this.failUpdatesWith !== null) {
      reply.reject(this.failUpdatesWith);
    } else if (!this.holdUpdates) {
      reply.resolve(this.write(id, patch));
    }
    return reply.promise;
  }

  saveRevision(id: number): Promise<unknown> {
    this.revisions.push(id);
    return Promise.resolve(null);
  }

  liveEdit(id: number, patch: PostPatch, stage: boolean, reset: boolean): Promise<PreviewBlocks> {
    const reply = deferred<PreviewBlocks>();
    this.previews.push({ id, patch, stage, reset, reply });
    if (!this.holdPreviews) reply.resolve(previewOf(patch.body ?? ""));
    return reply.promise;
  }
}

export class FakeFrame implements PreviewTarget {
  fresh = true;
  readonly shown: { id: number; keys: string[]; reset: boolean }[] = [];
  needsAll(): boolean {
    return this.fresh;
  }
  async show(post: Post, preview: PreviewBlocks, reset: boolean): Promise<void> {
    this.fresh = false;
    this.shown.push({ id: post.id, keys: preview.keys, reset });
  }
}
