// Shapes of what the Rust core returns over IPC (see src-tauri/model.rs).

export type Status = "draft" | "ready" | "scheduled" | "published" | "archived";
export type Lang = "en" | "fr";

export interface PostSummary {
  id: number;
  title: string;
  slug: string;
  summary: string;
  lang: Lang;
  status: Status;
  tags: string[];
  author: string;
  created_at: string;
  updated_at: string;
  publish_at: string | null;
  deleted_at: string | null;
}

export interface Post extends PostSummary {
  preview_text: string;
  body: string;
  translation_of: number | null;
  canonical_url: string;
  featured_image: string;
}

export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  status: Status;
  lang: Lang;
  /** Escaped text with <mark> around matches, built by the core. */
  snippet: string;
  rank: number;
}

export interface ListFilter {
  status?: Status | null;
  tag?: string | null;
  lang?: Lang | null;
  trashed?: boolean;
  sort?: "updated" | "created" | "title";
}

export interface Heading {
  level: number;
  text: string;
  anchor: string;
}

/** Every backend error arrives as a stable code and a sentence for people. */
export interface IpcError {
  code: string;
  message: string;
}

export interface PostPatch {
  title?: string;
  slug?: string;
  summary?: string;
  preview_text?: string;
  body?: string;
  lang?: Lang;
  status?: Status;
  tags?: string[];
  author?: string;
  publish_at?: string | null;
  canonical_url?: string;
  featured_image?: string;
}

export interface Revision {
  id: number;
  post_id: number;
  title: string;
  summary: string;
  body: string;
  reason: "save" | "status" | "auto" | "restore";
  created_at: string;
}

export interface DiffLine {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface Asset {
  id: number;
  reference: string;
  hash: string;
  file_name: string;
  mime: string;
  size: number;
  created_at: string;
}

export interface Template {
  id: string;
  name: string;
}

export interface BlockPreview {
  /** One key per top-level block, in order. */
  keys: string[];
  /** Sanitized HTML of the blocks this view has not been sent before. */
  html: Record<string, string>;
  word_count: number;
  reading_minutes: number;
  teaser: string;
  outline: Heading[];
}

export interface EmailPreview {
  subject: string;
  preheader: string;
  html: string;
  text: string;
  warnings: string[];
}

export type ExportScope = { kind: "published" } | { kind: "all" } | { kind: "post"; id: number };

export interface ExportProgress {
  done: number;
  total: number;
  step: string;
}

export interface ExportSummary {
  summary: string;
  out_dir: string;
  warnings: string[];
}

export type EmailSource =
  | { kind: "post"; id: number }
  | { kind: "digest"; ids: number[]; intro: string; subject: string | null; esp: string | null };
