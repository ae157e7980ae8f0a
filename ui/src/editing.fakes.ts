// Fakes for the editing-state tests: a library in memory standing in for
// the backend, and a preview frame that records what it was asked to show.
import type { EditingBackend, PreviewTarget, SaveKind } from "./editing";
import type { LivePreview, LiveText, Post, PostPatch, TextChange } from "./types";

export function makePost(id: number, fields: Partial<Post> = {}): Post {
  return {
    id,
    uid: `uid${id}`,
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
    reviewer: "",
    extra: {},
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
  /** What was sent: changes or the whole text. */
  text: LiveText;
  /** The fields sent, with the body the core holds after `text`. */
  patch: PostPatch;
  stage: boolean;
  reset: boolean;
  /** The `updated_at` of the copy the staged edit started from. */
  basedOn: string | null;
  reply: Deferred<LivePreview>;
}

export interface UpdateCall {
  id: number;
  patch: PostPatch;
  kind: SaveKind;
  reply: Deferred<Post>;
}

/** A preview of `body` as one block replacing the page (version `version`). */
export function previewOf(body: string, version = 0): LivePreview {
  return {
    version,
    resync: false,
    splice: { at: 0, remove: 0, keys: [body], html: [`<p>${body}</p>`] },
    word_count: body.split(/\s+/).length,
    reading_minutes: 1,
    teaser: "",
  };
}

/** Apply changes as the core does: in order, each to the text the one before left. */
export function applyChanges(text: string, changes: TextChange[]): string {
  for (const c of changes) text = text.slice(0, c.from) + c.insert + text.slice(c.to);
  return text;
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

  /** Words kept as a revision because a save was based on an older copy. */
  readonly kept: { id: number; patch: PostPatch }[] = [];
  private teammateWrites = 0;

  /** A team sync writes the post (as the core's sync does: a newer `updated_at`). */
  teammateWrite(id: number, patch: PostPatch): Post {
    const old = this.library.get(id) ?? makePost(id);
    this.teammateWrites += 1;
    const next: Post = { ...old, ...patch, updated_at: `2026-02-0${this.teammateWrites}T10:00:00Z` };
    this.library.set(id, next);
    return { ...next };
  }

  updatePost(id: number, patch: PostPatch, kind: SaveKind, basedOn: string | null = null): Promise<Post> {
    this.calls.push(`update ${id}`);
    const reply = deferred<Post>();
    this.updates.push({ id, patch, kind, reply });
    const held = this.library.get(id);
    if (basedOn !== null && held && held.updated_at !== basedOn) {
      // Like the core: nothing overwritten, the editor's words kept.
      this.kept.push({ id, patch });
      reply.reject({ code: "post_changed", message: "It was changed by a team sync." });
    } else if (this.failNextUpdate !== null) {
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

  /** The core's copy of each post's text and its version. */
  readonly documents = new Map<number, { text: string; version: number }>();

  liveEdit(id: number, text: LiveText, fields: PostPatch, stage: boolean, reset: boolean, basedOn: string | null): Promise<LivePreview> {
    const reply = deferred<LivePreview>();
    const doc = this.documents.get(id) ?? { text: "", version: 0 };
    let resync = false;
    if (text.kind === "whole") {
      doc.text = text.text;
      doc.version += 1;
    } else if (text.base === doc.version) {
      doc.text = applyChanges(doc.text, text.changes);
      doc.version += 1;
    } else {
      resync = true;
    }
    this.documents.set(id, doc);
    this.previews.push({ id, text, patch: { ...fields, body: doc.text }, stage, reset, basedOn, reply });
    const answer = resync ? { ...previewOf(""), resync: true, version: doc.version, splice: { at: 0, remove: 0, keys: [], html: [] } } : previewOf(doc.text, doc.version);
    if (!this.holdPreviews) reply.resolve(answer);
    return reply.promise;
  }
}

export class FakeFrame implements PreviewTarget {
  fresh = true;
  readonly shown: { id: number; keys: string[]; reset: boolean }[] = [];
  needsAll(): boolean {
    return this.fresh;
  }
  async show(post: Post, preview: LivePreview, reset: boolean): Promise<void> {
    this.fresh = false;
    this.shown.push({ id: post.id, keys: preview.splice.keys, reset });
  }
}
