// The live preview's quick path (no DOM): an edit sent by a synchronous
// request the core answers while the page waits, so the preview is patched
// before the frame that paints the typed letter (or the opened post's text),
// not one frame later (src-tauri/desktop/live_path.rs says why). It takes a
// keystroke's change set and the whole text of a short post (opening it, a
// resync), both bounded in size. Anything else goes through the `live_edit`
// command as before: long texts, large change sets, a document busy with a
// whole render, and every request once the quick path has failed in a way
// that will not pass (blocked by the webview, an unknown answer). The core
// declines (`busy`) documents that render whole on every edit; an answer
// that still took long (a fence opened high up in a long post) sends the
// next edits by the command too.
import type { IpcError, LivePreview, LiveText } from "./types";

/** The most JSON a quick request carries: the core's `MAX_QUICK_BYTES` (a Rust test in
 *  src-tauri/desktop/live_path.rs holds the two equal). */
export const MAX_QUICK_BYTES = 16 * 1024;

/** A quick answer slower than this (ms; a frame)… */
export const SLOW_MS = 16;
/** …sends this many of the following edits by the command. */
export const AFTER_SLOW = 10;

const utf8 = new TextEncoder();

/** What a synchronous request returned: its HTTP status (0: it failed) and body. */
export interface QuickReply {
  status: number;
  text: string;
}

/** Send `body` to the quick path and wait for the reply (a synchronous XHR in the app). */
export type QuickTransport = (body: string) => QuickReply;

export type QuickOutcome =
  | { kind: "answer"; preview: LivePreview }
  /** The core refused the edit: the same error the command would give. */
  | { kind: "error"; error: IpcError }
  /** Use the command for this edit. */
  | { kind: "command" };

function isIpcError(v: unknown): v is IpcError {
  return typeof v === "object" && v !== null && typeof (v as IpcError).code === "string" && typeof (v as IpcError).message === "string";
}

function isLivePreview(v: unknown): v is LivePreview {
  return typeof v === "object" && v !== null && typeof (v as LivePreview).version === "number" && typeof (v as LivePreview).splice === "object";
}

export class QuickPath {
  private off = false;
  /** Edits still to send by the command after a slow answer. */
  private resting = 0;

  constructor(
    private readonly transport: QuickTransport,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** False once the quick path failed in a way that will not pass: every edit takes the command. */
  get enabled(): boolean {
    return !this.off;
  }

  /** The edit through the quick path when it suits it (bounded in size), else `command`. */
  edit(text: LiveText, args: Record<string, unknown>): QuickOutcome {
    if (this.off) return { kind: "command" };
    if (this.resting > 0) {
      this.resting -= 1;
      return { kind: "command" };
    }
    const body = JSON.stringify({ ...args, text });
    // The core counts UTF-8 bytes (never fewer than UTF-16 units).
    if (body.length > MAX_QUICK_BYTES || utf8.encode(body).length > MAX_QUICK_BYTES) return { kind: "command" };
    let reply: QuickReply;
    const start = this.now();
    try {
      reply = this.transport(body);
    } catch {
      return this.giveUp();
    }
    if (this.now() - start > SLOW_MS) this.resting = AFTER_SLOW;
    return this.read(reply);
  }

  private read(reply: QuickReply): QuickOutcome {
    switch (reply.status) {
      case 200:
      case 409: {
        let value: unknown;
        try {
          value = JSON.parse(reply.text);
        } catch {
          return this.giveUp();
        }
        if (reply.status === 200 && isLivePreview(value)) return { kind: "answer", preview: value };
        // Busy: a whole render holds the document; the command waits for it.
        if (reply.status === 409 && isIpcError(value)) return value.code === "busy" ? { kind: "command" } : { kind: "error", error: value };
        return this.giveUp();
      }
      // Not ready yet (no library), or this edit is not one for the quick path.
      case 503:
      case 400:
      case 413:
        return { kind: "command" };
      default:
        return this.giveUp();
    }
  }

  private giveUp(): QuickOutcome {
    this.off = true;
    return { kind: "command" };
  }
}
