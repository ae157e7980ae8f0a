// The only module that calls `invoke`: one typed function per command.
import { Channel, convertFileSrc, invoke } from "@tauri-apps/api/core";
import { QuickPath } from "./livePath";
import { phase } from "./phases";
import type {
  Asset,
  ChosenFolder,
  EmailPreview,
  EmailSource,
  DigestDraft,
  PostImage,
  ErrorCode,
  ExportProgress,
  ExportScope,
  ExportSummary,
  FolderToken,
  IpcError,
  Lang,
  ListFilter,
  ListingLabels,
  LivePreview,
  LiveText,
  Post,
  PostPatch,
  PostSummary,
  Revision,
  RevisionDiff,
  VersionDiff,
  SaveKind,
  RestoredBackup,
  SearchHit,
  Setting,
  ChangedByInfo,
  PostConflict,
  SyncReport,
  Take,
  TeamStatus,
  TeammateVersion,
  Template,
} from "./types";
import type {
  PublishOptions,
  PublishOutcome,
  PublishScope,
  RemoteCopyStatus,
  SitePublishReport,
  WordPressSettings,
  WordPressSettingsUpdate,
  WxrReport,
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

/** The live preview's quick path (see livePath.ts): a synchronous request
 *  to the core's `pdlive` scheme, answered while the page waits. */
const quickLive = new QuickPath((body) => {
  const xhr = new XMLHttpRequest();
  xhr.open("POST", convertFileSrc("edit", "pdlive"), false);
  xhr.send(body);
  return { status: xhr.status, text: xhr.responseText };
});

export const rpc = {
  listPosts: (filter: ListFilter = {}) => call<PostSummary[]>("list_posts", { filter }),
  searchPosts: (query: string) => call<SearchHit[]>("search_posts", { query }),
  getPost: (id: number) => call<Post>("get_post", { id }),
  allTags: () => call<[string, number][]>("all_tags"),
  templates: () => call<Template[]>("templates"),
  createPost: (template: string | null) => call<Post>("create_post", { template }),
  duplicatePost: (id: number) => call<Post>("duplicate_post", { id }),
  createTranslation: (id: number) => call<Post>("create_translation", { id }),
  updatePost: (id: number, patch: PostPatch, kind: SaveKind, basedOn: string | null = null) =>
    call<Post>("update_post", { id, patch, kind, basedOn }),
  trashPost: (id: number) => call<Post>("trash_post", { id }),
  restorePost: (id: number) => call<Post>("restore_post", { id }),
  emptyTrash: () => call<number>("empty_trash"),
  listRevisions: (id: number) => call<Revision[]>("list_revisions", { id }),
  saveRevision: (id: number) => call<Revision | null>("save_revision", { id }),
  restoreRevision: (id: number, revision: number) => call<Post>("restore_revision", { id, revision }),
  revisionDiff: (id: number, revision: number) => call<VersionDiff>("revision_diff", { id, revision }),
  addAsset: (fileName: string, dataBase64: string) => call<Asset>("add_asset", { fileName, dataBase64 }),
  /** The live preview after `text` (the editor's changes, or the whole text): a splice of the
   *  preview's blocks, or `resync` (send the whole text); with `stage`, the backend also keeps
   *  the edit (`fields` and the text) for a close, written then as a save `basedOn` that copy. */
  liveEdit: (id: number, text: LiveText, fields: PostPatch, stage: boolean, reset: boolean, basedOn: string | null): Promise<LivePreview> => {
    const args = { id, fields, stage, reset, basedOn };
    const quick = quickLive.edit(text, args);
    if (quick.kind === "answer") {
      phase("quick");
      return Promise.resolve(quick.preview);
    }
    if (quick.kind === "error") return Promise.reject(new BackendError(quick.error.code, quick.error.message));
    return call<LivePreview>("live_edit", { ...args, text });
  },
  previewShell: (lang: Lang) => call<string>("preview_shell", { lang }),
  listingLabels: (lang: Lang) => call<ListingLabels>("listing_labels", { lang }),
  openLink: (url: string) => call<void>("open_link", { url }),
  quit: () => call<void>("quit"),
  /** The window is editable and painted: the backend starts what could wait (spell checking). */
  windowReady: () => call<void>("window_ready"),
  /** Why the library did not open (a damaged file), or null when it did. */
  libraryProblem: () => call<IpcError | null>("library_problem"),
  /** Restore the newest good backup; the damaged file is kept aside. Says what it did. */
  restoreNewestBackup: () => call<RestoredBackup>("restore_newest_backup"),
  emailPreview: (source: EmailSource) => call<EmailPreview>("email_preview", { source }),
  digestDraft: () => call<DigestDraft>("digest_draft"),
  saveDigestDraft: (draft: DigestDraft) => call<void>("save_digest_draft", { draft }),
  postImages: (id: number) => call<PostImage[]>("post_images", { id }),
  chooseImageFile: () => call<PostImage | null>("choose_image_file"),
  copyEmail: (source: EmailSource) => call<void>("copy_email", { source }),
  // No command takes a path: files and folders come from the system's dialog,
  // shown by the Rust side; a chosen folder comes back as an opaque token.
  /** The system's save dialog asks where; the path saved back, or null when cancelled. */
  saveEml: (source: EmailSource) => call<string | null>("save_eml", { source }),
  /** The system's folder dialog; null when cancelled. */
  pickFolder: () => call<ChosenFolder | null>("pick_folder"),
  exportSite: (format: string, folder: FolderToken, scope: ExportScope, force: boolean, onProgress: (p: ExportProgress) => void) => {
    const progress = new Channel<ExportProgress>();
    progress.onmessage = onProgress;
    return call<ExportSummary>("export_site_to", { format, folder, scope, force, progress });
  },
  /** The file manager on the folder of an export just done (its token). */
  showInFolder: (folder: FolderToken) => call<void>("show_in_folder", { folder }),
  listSettings: () => call<Setting[]>("list_settings"),
  /** Check and store one setting; a refused value keeps the old one (the error says why). */
  setSetting: (key: string, value: string) => call<Setting>("set_setting", { key, value }),
  /** The settings the first-run welcome asks for; empty when no welcome is due. */
  welcome: () => call<Setting[]>("welcome"),
  finishWelcome: () => call<void>("finish_welcome"),
  // Team library (git). A folder on this computer comes from pickFolder as a token.
  teamStatus: () => call<TeamStatus>("team_status"),
  teamConnect: (url: string, folder: string | null) => call<SyncReport>("team_connect", { url, folder }),
  teamConnectFolder: (repository: FolderToken, folder: string | null) => call<SyncReport>("team_connect_folder", { repository, folder }),
  syncNow: () => call<SyncReport>("sync_now"),
  listConflicts: () => call<PostConflict[]>("list_conflicts"),
  /** Settle one part; the conflict left (null once the post is settled). */
  resolveConflict: (uid: string, field: string, block: number, take: Take) => call<PostConflict | null>("resolve_conflict", { uid, field, block, take }),
  /** Settle every part of a post's conflict the same way. */
  resolvePostConflict: (uid: string, take: Take) => call<PostConflict | null>("resolve_post_conflict", { uid, take }),
  postChangedBy: (id: number) => call<ChangedByInfo | null>("post_changed_by", { id }),
  teammateVersions: (id: number) => call<TeammateVersion[]>("teammate_versions", { id }),
  waitingForMyReview: () => call<PostSummary[]>("waiting_for_my_review"),
  /** A teammate's shared version (by commit) against the open text. */
  teammateDiff: (id: number, commit: string) => call<RevisionDiff>("teammate_diff", { id, commit }),
  // Publishing and importing (src-tauri/desktop/publish.rs). The password goes
  // to the keychain and never comes back: only `password_stored`.
  wordpressSettings: () => call<WordPressSettings>("wordpress_settings"),
  saveWordPressSettings: (update: WordPressSettingsUpdate) => call<WordPressSettings>("save_wordpress_settings", { update }),
  publishWordPress: (id: number, options: PublishOptions) => call<PublishOutcome>("publish_wordpress", { id, options }),
  /** Asks the site whether its copy of the post changed since the last publish. */
  wordpressRemoteStatus: (id: number) => call<RemoteCopyStatus>("wordpress_remote_status", { id }),
  /** The remembered link of the post on the site, or null (no network). */
  wordpressLink: (id: number) => call<string | null>("wordpress_link", { id }),
  publishSite: (scope: PublishScope, onProgress: (p: ExportProgress) => void) => {
    const progress = new Channel<ExportProgress>();
    progress.onmessage = onProgress;
    return call<SitePublishReport>("publish_site", { scope, progress });
  },
  /** Set the site repository to a folder chosen with `pickFolder` (its token). */
  setPublishRepo: (folder: FolderToken) => call<Setting>("set_publish_repo", { folder }),
  /** The system's open dialog asks for a WordPress export file, then imports it; null when cancelled. */
  importWordPressFile: (uploads: FolderToken | null) => call<WxrReport | null>("import_wordpress_file", { uploads }),
};
