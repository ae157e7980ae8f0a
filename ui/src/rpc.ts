// The only module that calls `invoke`: one typed function per command.
import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  Asset,
  DiffLine,
  EmailPreview,
  EmailSource,
  ErrorCode,
  ExportProgress,
  ExportScope,
  ExportSummary,
  IpcError,
  Lang,
  ListFilter,
  ListingLabels,
  PreviewBlocks,
  Post,
  PostPatch,
  PostSummary,
  Revision,
  SaveKind,
  SearchHit,
  Template,
} from "./types";

export class BackendError extends Error {
  constructor(
    readonly code: ErrorCode,
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
  allTags: () => call<[string, number][]>("all_tags"),
  templates: () => call<Template[]>("templates"),
  createPost: (template: string | null) => call<Post>("create_post", { template }),
  duplicatePost: (id: number) => call<Post>("duplicate_post", { id }),
  createTranslation: (id: number) => call<Post>("create_translation", { id }),
  updatePost: (id: number, patch: PostPatch, kind: SaveKind) => call<Post>("update_post", { id, patch, kind }),
  trashPost: (id: number) => call<Post>("trash_post", { id }),
  restorePost: (id: number) => call<Post>("restore_post", { id }),
  emptyTrash: () => call<number>("empty_trash"),
  listRevisions: (id: number) => call<Revision[]>("list_revisions", { id }),
  saveRevision: (id: number) => call<Revision | null>("save_revision", { id }),
  restoreRevision: (id: number, revision: number) => call<Post>("restore_revision", { id, revision }),
  revisionDiff: (id: number, revision: number) => call<DiffLine[]>("revision_diff", { id, revision }),
  addAsset: (fileName: string, dataBase64: string) => call<Asset>("add_asset", { fileName, dataBase64 }),
  /** The live preview of `patch.body`; with `stage`, the backend also keeps the edit for a close. */
  liveEdit: (id: number, patch: PostPatch, stage: boolean, reset: boolean) => call<PreviewBlocks>("live_edit", { id, patch, stage, reset }),
  previewShell: (lang: Lang) => call<string>("preview_shell", { lang }),
  listingLabels: (lang: Lang) => call<ListingLabels>("listing_labels", { lang }),
  openLink: (url: string) => call<void>("open_link", { url }),
  quit: () => call<void>("quit"),
  emailPreview: (source: EmailSource) => call<EmailPreview>("email_preview", { source }),
  copyEmail: (source: EmailSource) => call<void>("copy_email", { source }),
  /** Without a path the system's save dialog asks; null back means cancelled. */
  saveEml: (source: EmailSource, path: string | null = null) => call<string | null>("save_eml", { source, path }),
  pickFolder: () => call<string | null>("pick_folder"),
  exportSite: (format: string, outDir: string, scope: ExportScope, force: boolean, onProgress: (p: ExportProgress) => void) => {
    const progress = new Channel<ExportProgress>();
    progress.onmessage = onProgress;
    return call<ExportSummary>("export_site_to", { format, outDir, scope, force, progress });
  },
  showInFolder: (path: string) => call<void>("show_in_folder", { path }),
};
