import { describe, expect, it } from "vitest";
import { AFTER_SLOW, MAX_QUICK_BYTES, QuickPath, SLOW_MS, type QuickReply } from "./livePath";
import type { LivePreview, LiveText } from "./types";

const preview: LivePreview = {
  version: 3,
  resync: false,
  splice: { at: 0, remove: 1, keys: ["k"], html: ["<p>a</p>"] },
  word_count: 1,
  reading_minutes: 1,
  teaser: "a",
};
const keystroke: LiveText = { kind: "changes", base: 2, changes: [{ from: 0, to: 0, insert: "a" }] };
const args = { id: 7, fields: {}, stage: true, reset: false, basedOn: null };

/** A quick path whose transport answers `replies` in turn and records what it was sent. */
function path(...replies: (QuickReply | Error)[]) {
  const sent: string[] = [];
  const quick = new QuickPath((body) => {
    sent.push(body);
    const r = replies.shift();
    if (!r) throw new Error("no reply left");
    if (r instanceof Error) throw r;
    return r;
  });
  return { quick, sent };
}

describe("QuickPath", () => {
  it("sends a keystroke's changes with the call's arguments and returns the core's answer", () => {
    const { quick, sent } = path({ status: 200, text: JSON.stringify(preview) });
    expect(quick.edit(keystroke, args)).toEqual({ kind: "answer", preview });
    expect(JSON.parse(sent[0])).toEqual({ ...args, text: keystroke });
  });

  it("sends a short post's whole text (opening it), so its text and preview paint together", () => {
    const { quick, sent } = path({ status: 200, text: JSON.stringify(preview) });
    const opened: LiveText = { kind: "whole", text: "A short post." };
    expect(quick.edit(opened, { ...args, reset: true })).toEqual({ kind: "answer", preview });
    expect(JSON.parse(sent[0]).text).toEqual(opened);
  });

  it("leaves long texts and large change sets to the command, without sending anything", () => {
    const { quick, sent } = path();
    expect(quick.edit({ kind: "whole", text: "x".repeat(MAX_QUICK_BYTES) }, args)).toEqual({ kind: "command" });
    const paste: LiveText = { kind: "changes", base: 0, changes: [{ from: 0, to: 0, insert: "a".repeat(MAX_QUICK_BYTES) }] };
    expect(quick.edit(paste, args)).toEqual({ kind: "command" });
    expect(sent).toEqual([]);
    expect(quick.enabled).toBe(true);
  });

  it("counts the request's size in UTF-8 bytes, as the core does", () => {
    const { quick, sent } = path();
    // Fewer UTF-16 units than the limit, more UTF-8 bytes.
    const accented: LiveText = { kind: "changes", base: 0, changes: [{ from: 0, to: 0, insert: "é".repeat(MAX_QUICK_BYTES / 2) }] };
    expect(quick.edit(accented, args)).toEqual({ kind: "command" });
    expect(sent).toEqual([]);
  });

  it("after a slow answer, sends the next edits by the command, then tries again", () => {
    let clock = 0;
    const sent: string[] = [];
    const quick = new QuickPath(
      (body) => {
        sent.push(body);
        clock += sent.length === 1 ? SLOW_MS + 1 : 1;
        return { status: 200, text: JSON.stringify(preview) };
      },
      () => clock,
    );
    expect(quick.edit(keystroke, args).kind).toBe("answer");
    for (let i = 0; i < AFTER_SLOW; i++) expect(quick.edit(keystroke, args)).toEqual({ kind: "command" });
    expect(quick.edit(keystroke, args).kind).toBe("answer");
    expect(sent).toHaveLength(2);
    expect(quick.enabled).toBe(true);
  });

  it("passes the core's refusal on, but a busy document takes the command and the path stays on", () => {
    const { quick } = path(
      { status: 409, text: JSON.stringify({ code: "not_found", message: "gone" }) },
      { status: 409, text: JSON.stringify({ code: "busy", message: "busy" }) },
      { status: 503, text: "" },
      { status: 200, text: JSON.stringify(preview) },
    );
    expect(quick.edit(keystroke, args)).toEqual({ kind: "error", error: { code: "not_found", message: "gone" } });
    expect(quick.edit(keystroke, args)).toEqual({ kind: "command" });
    expect(quick.edit(keystroke, args)).toEqual({ kind: "command" });
    expect(quick.edit(keystroke, args).kind).toBe("answer");
    expect(quick.enabled).toBe(true);
  });

  it.each([
    ["a blocked request (CSP, no support)", new Error("NetworkError")],
    ["a refused origin", { status: 403, text: "" }],
    ["no answer at all", { status: 0, text: "" }],
    ["an answer that is not JSON", { status: 200, text: "<html>" }],
    ["an answer of another shape", { status: 200, text: "{}" }],
  ])("turns itself off after %s: every later edit takes the command", (_, reply) => {
    const { quick, sent } = path(reply);
    expect(quick.edit(keystroke, args)).toEqual({ kind: "command" });
    expect(quick.enabled).toBe(false);
    expect(quick.edit(keystroke, args)).toEqual({ kind: "command" });
    expect(sent).toHaveLength(1);
  });
});
