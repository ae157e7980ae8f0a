// The only module that calls `invoke`: one typed function per command.
import { invoke } from "@tauri-apps/api/core";
import type { IpcError, ListFilter, Post, PostSummary, Preview, SearchHit } from "./types";

export class BackendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isIpcError(e)) throw new BackendError(e.code, e.message);
    throw new BackendError("internal", "Postdesk could not reach its library. Restart it; nothing saved was lost.");
  }
}

export const rpc = {
  listPosts: (filter: ListFilter = {}) => call<PostSummary[]>("list_posts", { filter }),
  searchPosts: (query: string) => call<SearchHit[]>("search_posts", { query }),
  getPost: (id: number) => call<Post>("get_post", { id }),
  previewPost: (id: number) => call<Preview>("preview_post", { id }),
};
