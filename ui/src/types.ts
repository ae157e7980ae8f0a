// Shapes of what the Rust core sends and receives over IPC. They are generated
// from the Rust types into ./bindings (see src-tauri/ipc.rs); never edit them by
// hand. After changing a Rust type that crosses IPC, regenerate with
//   UPDATE_BINDINGS=1 cargo test --no-default-features --test integration ipc_types
// (the same test fails while the committed files are stale).

export type { Asset } from "./bindings/Asset";
export type { ChosenFolder } from "./bindings/ChosenFolder";
export type { PreviewBlocks } from "./bindings/PreviewBlocks";
export type { BlockSplice } from "./bindings/BlockSplice";
export type { LivePreview } from "./bindings/LivePreview";
export type { LiveText } from "./bindings/LiveText";
export type { TextChange } from "./bindings/TextChange";
export type { DiffKind } from "./bindings/DiffKind";
export type { DiffLine } from "./bindings/DiffLine";
export type { EmailPreview } from "./bindings/EmailPreview";
export type { EmailSource } from "./bindings/EmailSource";
export type { EmailWarning } from "./bindings/EmailWarning";
export type { DigestDraft } from "./bindings/DigestDraft";
export type { PostImage } from "./bindings/PostImage";
export type { ErrorCode } from "./bindings/ErrorCode";
export type { ExportProgress } from "./bindings/ExportProgress";
export type { ExportScope } from "./bindings/ExportScope";
export type { ExportSummary } from "./bindings/ExportSummary";
export type { StepKind } from "./bindings/StepKind";
export type { ExportWarning } from "./bindings/ExportWarning";
export type { SiteWarning } from "./bindings/SiteWarning";
export type { RemovedContent } from "./bindings/RemovedContent";
export type { FolderToken } from "./bindings/FolderToken";
export type { Heading } from "./bindings/Heading";
export type { IpcError } from "./bindings/IpcError";
export type { Lang } from "./bindings/Lang";
export type { ListFilter } from "./bindings/ListFilter";
export type { ListingLabels } from "./bindings/ListingLabels";
export type { Post } from "./bindings/Post";
export type { PostPatch } from "./bindings/PostPatch";
export type { PostSummary } from "./bindings/PostSummary";
export type { Revision } from "./bindings/Revision";
export type { RevisionDiff } from "./bindings/RevisionDiff";
export type { VersionDiff } from "./bindings/VersionDiff";
export type { FieldChange } from "./bindings/FieldChange";
export type { RevisionReason } from "./bindings/RevisionReason";
export type { SaveKind } from "./bindings/SaveKind";
export type { SearchHit } from "./bindings/SearchHit";
export type { SortOrder } from "./bindings/SortOrder";
export type { Status } from "./bindings/Status";
export type { Template } from "./bindings/Template";
export type { Setting } from "./bindings/Setting";
export type { SettingGroup } from "./bindings/SettingGroup";
export type { TeamStatus } from "./bindings/TeamStatus";
export type { SyncReport } from "./bindings/SyncReport";
export type { SyncProblem } from "./bindings/SyncProblem";
export type { PostConflict } from "./bindings/PostConflict";
export type { ConflictItem } from "./bindings/ConflictItem";
export type { Take } from "./bindings/Take";
export type { ChangedByInfo } from "./bindings/ChangedByInfo";
export type { TeammateVersion } from "./bindings/TeammateVersion";
export type { PublishOptions } from "./bindings/PublishOptions";
export type { PublishOutcome } from "./bindings/PublishOutcome";
export type { PublishScope } from "./bindings/PublishScope";
export type { RemoteCopyStatus } from "./bindings/RemoteCopyStatus";
export type { SitePublishReport } from "./bindings/SitePublishReport";
export type { WordPressSettings } from "./bindings/WordPressSettings";
export type { WordPressSettingsUpdate } from "./bindings/WordPressSettingsUpdate";
export type { WordPressStatus } from "./bindings/WordPressStatus";
export type { WxrPost } from "./bindings/WxrPost";
export type { WxrReport } from "./bindings/WxrReport";
export type { WxrSkipped } from "./bindings/WxrSkipped";
