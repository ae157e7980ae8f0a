// Unit tests of the editing state (editing.ts): autosave, superseded previews,
// switching posts and errors, with a fake backend and fake timers. They run in
// Node with no DOM, which also keeps editing.ts free of DOM calls.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUTOSAVE_MS, EditingSession, RETRY_DELAYS_MS, retriedSaveError, type EditingEvent } from "./editing";
import { FakeBackend, FakeFrame, makePost, previewOf } from "./editing.fakes";
import type { Post } from "./types";

/** Let every settled promise run its callbacks. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

let backend: FakeBackend;
let frame: FakeFrame;
let session: EditingSession;
let events: EditingEvent[];

async function openFresh(...posts: Post[]): Promise<void> {
  backend = new FakeBackend(...posts);
  frame = new FakeFrame();
  session = new EditingSession(backend, frame);
  events = [];
  session.on((e) => events.push(e));
  await session.open(posts[0].id);
}

const types = () => events.map((e) => e.type);

beforeEach(async () => {
  vi.useFakeTimers();
  await openFresh(makePost(1), makePost(2));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("autosave", () => {
  it("writes once, AUTOSAVE_MS after the last edit", async () => {
    session.edit({ body: "a" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 100);
    session.edit({ body: "ab" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 1);
    expect(backend.updates).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.updates.map((u) => [u.id, u.patch, u.kind])).toEqual([[1, { body: "ab" }, "autosave"]]);
    expect(session.changes()).toBeNull();
    expect(types()).toContain("saved");
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_MS);
    expect(backend.updates).toHaveLength(1);
  });

  it("does not save when nothing differs from the saved post", async () => {
    session.edit({ body: "Body of 1" });
    await session.save("autosave");
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_MS);
    expect(backend.updates).toHaveLength(0);
    expect(backend.previews).toHaveLength(0);
    expect(types()).toEqual([]);
  });

  it("an edit that leaves the text as just saved starts no new save", async () => {
    session.edit({ body: "changed" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    session.edit({ body: "changed" });
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_MS);
    expect(backend.updates).toHaveLength(1);
  });

  it("an explicit save writes at once and cuts a revision, even with nothing changed", async () => {
    session.edit({ body: "now" });
    await session.save("save");
    expect(backend.updates.map((u) => [u.patch, u.kind])).toEqual([[{ body: "now" }, "save"]]);
    expect(backend.revisions).toEqual([1]);
    await session.save("save");
    expect(backend.updates).toHaveLength(1);
    expect(backend.revisions).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_MS);
    expect(backend.updates).toHaveLength(1);
  });

  it("a save on blur replaces the pending autosave", async () => {
    session.edit({ body: "blurred" });
    await session.save("autosave");
    expect(backend.updates).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_MS);
    expect(backend.updates).toHaveLength(1);
  });

  it("text typed while a save is in flight is kept and saved after it", async () => {
    backend.holdUpdates = true;
    session.edit({ body: "one" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(backend.updates).toHaveLength(1);
    session.edit({ body: "one two" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    // The second save waits in the queue for the first.
    expect(backend.updates).toHaveLength(1);
    const first = backend.updates[0];
    first.reply.resolve(backend.write(first.id, first.patch));
    await settle();
    expect(session.post?.body).toBe("one two");
    expect(backend.updates.map((u) => u.patch.body)).toEqual(["one", "one two"]);
    const second = backend.updates[1];
    second.reply.resolve(backend.write(second.id, second.patch));
    await settle();
    expect(session.changes()).toBeNull();
    expect(backend.library.get(1)?.body).toBe("one two");
  });

  it("text typed after a save started but before its timer is saved by a later autosave", async () => {
    backend.holdUpdates = true;
    session.edit({ body: "one" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    session.edit({ body: "one two" });
    const first = backend.updates[0];
    first.reply.resolve(backend.write(first.id, first.patch));
    await settle();
    // Saved "one", but "one two" is still dirty and its timer still runs.
    expect(session.changes()).toEqual({ body: "one two" });
    backend.holdUpdates = false;
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(backend.updates.map((u) => u.patch.body)).toEqual(["one", "one two"]);
    expect(session.changes()).toBeNull();
  });

  it("takes the slug the core gives a draft, unless the writer set one", async () => {
    backend.slugFollowsTitle = true;
    session.edit({ title: "New Title" }, { preview: true });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(events).toContainEqual({ type: "slug", slug: "new-title" });
    expect(session.post?.slug).toBe("new-title");
    expect(session.changes()).toBeNull();

    session.edit({ title: "Other", slug: "mine" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(session.post?.slug).toBe("mine");
    expect(session.changes()).toBeNull();
  });
});

describe("previews", () => {
  it("stages the edit and shows the preview of the latest text", async () => {
    session.edit({ body: "hello" });
    await settle();
    expect(backend.previews.map((p) => [p.id, p.patch, p.stage, p.reset])).toEqual([[1, { body: "hello", summary: "" }, true, true]]);
    expect(frame.shown).toEqual([{ id: 1, keys: ["hello"], reset: true }]);
    expect(events.find((e) => e.type === "preview")).toMatchObject({ post: { id: 1 }, preview: { splice: { keys: ["hello"] } } });
  });

  it("sends the editor's changes, not the text, once the core holds the text", async () => {
    session.edit({ body: "Body of 1!" }, { changes: [{ from: 9, to: 9, insert: "!" }] });
    await settle();
    // The first render of a post sends its whole text.
    expect(backend.previews[0].text).toEqual({ kind: "whole", text: "Body of 1!" });
    session.edit({ body: "Body of 1!?" }, { changes: [{ from: 10, to: 10, insert: "?" }] });
    await settle();
    expect(backend.previews[1].text).toEqual({ kind: "changes", base: 1, changes: [{ from: 10, to: 10, insert: "?" }] });
    expect(backend.previews[1].patch.body).toBe("Body of 1!?");
    // Fields other than the body go along; the body does not.
    session.edit({ title: "T", body: "XBody of 1!?" }, { changes: [{ from: 0, to: 0, insert: "X" }] });
    await settle();
    expect(backend.previews[2].text).toEqual({ kind: "changes", base: 2, changes: [{ from: 0, to: 0, insert: "X" }] });
    expect(backend.previews[2].patch).toEqual({ title: "T", summary: "", body: "XBody of 1!?" });
  });

  it("changes typed while a render is in flight go in the next call, in order", async () => {
    session.edit({ body: "Body of 1a" }, { changes: [{ from: 9, to: 9, insert: "a" }] });
    await settle();
    backend.holdPreviews = true;
    session.edit({ body: "Body of 1ab" }, { changes: [{ from: 10, to: 10, insert: "b" }] });
    session.edit({ body: "Body of 1abc" }, { changes: [{ from: 11, to: 11, insert: "c" }] });
    session.edit({ body: "Body of 1abcd" }, { changes: [{ from: 12, to: 12, insert: "d" }] });
    await settle();
    backend.previews[1].reply.resolve(previewOf("Body of 1ab", 2));
    await settle();
    expect(backend.previews[2].text).toEqual({
      kind: "changes",
      base: 2,
      changes: [
        { from: 11, to: 11, insert: "c" },
        { from: 12, to: 12, insert: "d" },
      ],
    });
    expect(backend.previews[2].patch.body).toBe("Body of 1abcd");
  });

  it("changes the core cannot apply are refused; the whole text is sent once and heals its copy", async () => {
    session.edit({ body: "Body of 1a" }, { changes: [{ from: 9, to: 9, insert: "a" }] });
    await settle();
    // The core's copy went out of step (here: it was dropped).
    backend.documents.set(1, { text: "stale", version: 7 });
    session.edit({ body: "Body of 1ab" }, { changes: [{ from: 10, to: 10, insert: "b" }] });
    await settle();
    expect(backend.previews.map((p) => p.text.kind)).toEqual(["whole", "changes", "whole"]);
    expect(backend.documents.get(1)?.text).toBe("Body of 1ab");
    expect(frame.shown.at(-1)?.keys).toEqual(["Body of 1ab"]);
    // No error is shown for it, and changes flow again.
    expect(types()).not.toContain("error");
    session.edit({ body: "Body of 1abc" }, { changes: [{ from: 11, to: 11, insert: "c" }] });
    await settle();
    expect(backend.previews.at(-1)?.text).toEqual({ kind: "changes", base: 8, changes: [{ from: 11, to: 11, insert: "c" }] });
    expect(backend.documents.get(1)?.text).toBe("Body of 1abc");
  });

  it("a body set without changes (a restore) is sent whole", async () => {
    session.edit({ body: "Body of 1a" }, { changes: [{ from: 9, to: 9, insert: "a" }] });
    await settle();
    session.edit({ body: "restored text" });
    await settle();
    expect(backend.previews.at(-1)?.text).toEqual({ kind: "whole", text: "restored text" });
  });

  it("a newer request supersedes the ones waiting: one in flight, one pending", async () => {
    backend.holdPreviews = true;
    session.edit({ body: "a" });
    session.edit({ body: "ab" });
    session.edit({ body: "abc" });
    await settle();
    expect(backend.previews).toHaveLength(1);
    backend.previews[0].reply.resolve(previewOf("a"));
    await settle();
    // The pending render runs once, with the text of now, not once per edit.
    expect(backend.previews.map((p) => p.patch.body)).toEqual(["a", "abc"]);
    backend.previews[1].reply.resolve(previewOf("abc"));
    await settle();
    expect(backend.previews).toHaveLength(2);
    expect(frame.shown.map((s) => s.keys[0])).toEqual(["a", "abc"]);
    expect(frame.shown.map((s) => s.reset)).toEqual([true, false]);
  });

  it("drops a response for a post that is no longer open, and renders the new one", async () => {
    backend.holdPreviews = true;
    session.edit({ body: "post one text" });
    await settle();
    const opened = session.open(2);
    await settle();
    expect(await opened).toMatchObject({ id: 2 });
    void session.renderPreview();
    backend.previews[0].reply.resolve(previewOf("post one text"));
    await settle();
    expect(frame.shown).toEqual([]);
    expect(backend.previews.map((p) => p.id)).toEqual([1, 2]);
    backend.previews[1].reply.resolve(previewOf("Body of 2"));
    await settle();
    expect(frame.shown.map((s) => s.id)).toEqual([2]);
    expect(events.filter((e) => e.type === "preview").map((e) => (e.type === "preview" ? e.post.id : 0))).toEqual([2]);
  });

  it("drops a response for a copy of the post that was reloaded (restored) meanwhile", async () => {
    backend.holdPreviews = true;
    session.edit({ body: "before restore" });
    await settle();
    session.load(makePost(1, { body: "restored" }));
    backend.previews[0].reply.resolve(previewOf("before restore"));
    await settle();
    expect(frame.shown).toEqual([]);
  });

  it("reports a failed preview and renders again on the next edit", async () => {
    backend.holdPreviews = true;
    session.edit({ body: "x" });
    backend.previews[0].reply.reject({ code: "invalid", message: "Bad." });
    await settle();
    expect(events).toContainEqual({ type: "error", during: "preview", code: "invalid", error: { code: "invalid", message: "Bad." } });
    backend.holdPreviews = false;
    session.edit({ body: "xy" });
    await settle();
    expect(frame.shown.map((s) => s.keys[0])).toEqual(["xy"]);
  });
});

describe("switching posts", () => {
  it("saves the unsaved text of the open post before reading the next", async () => {
    session.edit({ body: "unsaved words" });
    const opened = await session.open(2);
    expect(opened?.id).toBe(2);
    expect(backend.calls).toEqual(["get 1", "update 1", "get 2"]);
    expect(backend.library.get(1)?.body).toBe("unsaved words");
    expect(session.post?.id).toBe(2);
    expect(session.changes()).toBeNull();
    // The first post's autosave timer was cancelled by the save.
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_MS);
    expect(backend.updates).toHaveLength(1);
  });

  it("opening the open post again does nothing", async () => {
    session.edit({ body: "still editing" });
    expect(await session.open(1)).toBeNull();
    expect(backend.calls).toEqual(["get 1"]);
    expect(session.post?.body).toBe("still editing");
  });

  it("a save finishing after a switch does not touch the new post", async () => {
    backend.holdUpdates = true;
    session.edit({ body: "slow" });
    void session.save("autosave");
    await settle();
    const opened = session.open(2);
    const first = backend.updates[0];
    first.reply.resolve(backend.write(first.id, first.patch));
    await opened;
    expect(session.post).toMatchObject({ id: 2, body: "Body of 2" });
    expect(session.changes()).toBeNull();
  });

  it("a post that cannot be read rejects, and the open post's text was still saved", async () => {
    session.edit({ body: "kept" });
    await expect(session.open(99)).rejects.toMatchObject({ code: "post_not_found" });
    expect(backend.library.get(1)?.body).toBe("kept");
  });
});

describe("errors", () => {
  it("a failed save keeps the text dirty, reports it, and a later edit retries", async () => {
    backend.failNextUpdate = { code: "slug_taken", message: "Another post already uses this slug." };
    session.edit({ body: "precious", slug: "post-2" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(events).toContainEqual({
      type: "error",
      during: "save",
      code: "slug_taken",
      error: { code: "slug_taken", message: "Another post already uses this slug." },
    });
    expect(types()).not.toContain("saved");
    expect(session.post?.body).toBe("precious");
    expect(session.changes()).toEqual({ body: "precious", slug: "post-2" });

    session.edit({ body: "precious!", slug: "post-1b" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(backend.updates.map((u) => u.patch)).toEqual([
      { body: "precious", slug: "post-2" },
      { body: "precious!", slug: "post-1b" },
    ]);
    expect(session.changes()).toBeNull();
    expect(backend.library.get(1)?.body).toBe("precious!");
  });

  it("a failed save does not block the saves queued after it", async () => {
    backend.failNextUpdate = new Error("network");
    session.edit({ body: "first" });
    const failed = session.save("autosave");
    const retried = session.save("save");
    await failed;
    await retried;
    expect(events.find((e) => e.type === "error")).toMatchObject({ during: "save", code: null });
    expect(backend.updates.map((u) => [u.patch.body, u.kind])).toEqual([
      ["first", "autosave"],
      ["first", "save"],
    ]);
    expect(session.changes()).toBeNull();
  });

  it("emits saving then saved around a write", async () => {
    session.edit({ body: "z" });
    await session.save("autosave");
    expect(types().filter((t) => t === "saving" || t === "saved" || t === "editing")).toEqual(["editing", "saving", "saved"]);
  });
});

describe("a full or read-only disk", () => {
  const full = { code: "disk_full", message: "The disk holding the library is full." };

  it("retries the failed save after 2 s, 5 s, 10 s, then every 30 s, until it goes through", async () => {
    backend.failUpdatesWith = full;
    session.edit({ body: "typed while the disk was full" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(backend.updates).toHaveLength(1);
    expect(events).toContainEqual({ type: "retry", code: "disk_full", attempt: 1, inMs: RETRY_DELAYS_MS[0] });
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0] - 1);
    expect(backend.updates).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.updates).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(backend.updates).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(10000);
    expect(backend.updates).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(30000);
    expect(backend.updates).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(30000);
    expect(backend.updates).toHaveLength(6);
    expect(events.filter((e) => e.type === "retry").map((e) => e.type === "retry" && e.inMs)).toEqual([2000, 5000, 10000, 30000, 30000, 30000]);
    expect(types()).not.toContain("saved");
    expect(session.post?.body).toBe("typed while the disk was full");

    backend.failUpdatesWith = null;
    await vi.advanceTimersByTimeAsync(30000);
    expect(backend.updates).toHaveLength(7);
    expect(backend.library.get(1)?.body).toBe("typed while the disk was full");
    expect(session.changes()).toBeNull();
    expect(types()).toContain("saved");
    await vi.advanceTimersByTimeAsync(10 * 30000);
    expect(backend.updates).toHaveLength(7);
  });

  it("a retry saves the latest text, typed after the failure", async () => {
    backend.failUpdatesWith = { code: "read_only", message: "Read-only." };
    session.edit({ body: "one" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    session.edit({ body: "one two" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    backend.failUpdatesWith = null;
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1]);
    expect(backend.updates.map((u) => u.patch.body)).toEqual(["one", "one two", "one two"]);
    expect(backend.library.get(1)?.body).toBe("one two");
  });

  it("keeps the post open instead of switching away from its unsaved text", async () => {
    backend.failUpdatesWith = full;
    session.edit({ body: "not lost" });
    await expect(session.open(2)).rejects.toEqual(full);
    expect(session.post?.id).toBe(1);
    expect(session.post?.body).toBe("not lost");
    expect(backend.calls).not.toContain("get 2");
    backend.failUpdatesWith = null;
    expect((await session.open(2))?.id).toBe(2);
    expect(backend.library.get(1)?.body).toBe("not lost");
  });

  it("does not retry on its own a failure that will not pass (a taken slug)", async () => {
    backend.failNextUpdate = { code: "slug_taken", message: "Taken." };
    session.edit({ body: "x", slug: "post-2" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 60000);
    expect(backend.updates).toHaveLength(1);
    expect(types()).not.toContain("retry");
    expect(retriedSaveError("slug_taken")).toBe(false);
    expect(retriedSaveError("disk_full")).toBe(true);
  });
});

describe("a team sync writing the open post", () => {
  it("sends the copy the edit started from, and saves normally when nothing else wrote", async () => {
    session.edit({ body: "mine" });
    await session.save("autosave");
    expect(backend.kept).toEqual([]);
    expect(backend.library.get(1)?.body).toBe("mine");
  });

  it("a save based on an older copy overwrites nothing: the newer copy is shown, the words kept", async () => {
    session.edit({ body: "typed before the sync landed" });
    backend.teammateWrite(1, { body: "Ana's version" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    await settle();
    expect(backend.library.get(1)?.body).toBe("Ana's version");
    expect(backend.kept).toEqual([{ id: 1, patch: { body: "typed before the sync landed" } }]);
    expect(events).toContainEqual(expect.objectContaining({ type: "error", during: "save", code: "post_changed" }));
    expect(events.at(-1)).toMatchObject({ type: "reloaded", post: { id: 1, body: "Ana's version" } });
    expect(session.post?.body).toBe("Ana's version");
    expect(session.changes()).toBeNull();
    // Typing goes on from the newer copy and saves.
    session.edit({ body: "Ana's version, and mine" });
    await session.save("autosave");
    expect(backend.library.get(1)?.body).toBe("Ana's version, and mine");
    expect(backend.kept).toHaveLength(1);
  });

  it("stages the edit for a close with the copy it started from, so a close overwrites nothing newer", async () => {
    session.edit({ body: "typed" });
    await settle();
    expect(backend.previews.map((p) => [p.stage, p.basedOn])).toEqual([[true, "2026-01-01T00:00:00Z"]]);
    await session.save("autosave");
    session.edit({ body: "typed more" });
    await settle();
    // After a save, the copy the library now holds.
    expect(backend.previews.at(-1)).toMatchObject({ stage: true, basedOn: "2026-01-01T10:00:00Z" });
  });

  it("is not retried like a full disk", async () => {
    session.edit({ body: "x" });
    backend.teammateWrite(1, { title: "Retitled" });
    await session.save("autosave");
    await settle();
    expect(types()).not.toContain("retry");
    expect(session.post?.title).toBe("Retitled");
  });
});
