//! The command line: the same binary as the app. With a subcommand it works
//! headless on the library and never opens a window.

mod export_email;
mod export_site;

use std::io::{Read, Write};
use std::path::PathBuf;

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Lang, ListFilter, NewPost, Post, PostPatch, SortOrder, Status};
use crate::paths;
use crate::store::{EditKind, Store};

#[derive(Debug, Parser)]
#[command(
    name = "postdesk",
    version,
    about = "Write, find and revise posts offline; preview and export them.",
    long_about = "Postdesk with no command opens the desktop app. With a command it works on the library \
                  from the terminal and never opens a window."
)]
pub struct Cli {
    /// The library file (default: the Postdesk folder in your data folder; also POSTDESK_DB).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a post and print its slug.
    New {
        #[arg(long)]
        title: String,
        #[arg(long)]
        summary: Option<String>,
        /// Read the Markdown body from a file, or `-` for standard input.
        #[arg(long, value_name = "FILE")]
        body_file: Option<PathBuf>,
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        #[arg(long, default_value = "en")]
        lang: Lang,
        #[arg(long, default_value = "draft")]
        status: Status,
        /// The publish date, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<DateTime<Utc>>,
    },
    /// List posts, most recently updated first.
    List {
        #[arg(long)]
        status: Option<Status>,
        #[arg(long)]
        tag: Option<String>,
        #[arg(long)]
        lang: Option<Lang>,
        /// List the trash instead.
        #[arg(long)]
        trashed: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show one post.
    Show {
        slug: String,
        #[arg(long)]
        lang: Option<Lang>,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search (accents ignored; "quoted phrases", prefix*).
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Print the preview HTML of a post.
    Render {
        slug: String,
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Change a post (this is an explicit save: it cuts a revision).
    Edit {
        slug: String,
        /// Which post, when an English and a French post share the slug.
        #[arg(long)]
        lang: Option<Lang>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        summary: Option<String>,
        #[arg(long, value_name = "FILE")]
        body_file: Option<PathBuf>,
        #[arg(long)]
        status: Option<Status>,
        /// Replace the tags (repeat for several).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        #[arg(long = "new-slug", value_name = "SLUG")]
        new_slug: Option<String>,
    },
    /// Move a post to the trash (kept 30 days).
    Trash {
        slug: String,
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Bring a post back from the trash.
    Restore {
        slug: String,
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Delete everything in the trash now.
    EmptyTrash,
    /// List a post's revisions, or restore one.
    Revisions {
        slug: String,
        #[arg(long)]
        lang: Option<Lang>,
        /// Restore this revision (the current text is kept as a revision first).
        #[arg(long, value_name = "ID")]
        restore: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Import Markdown files with Hugo or Jekyll front matter (files or folders).
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export posts for the site or the newsletter.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Read and change the library's settings.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Crash-test helper: rewrite a post's body in a loop, printing `saved N` after each commit.
    #[command(hide = true)]
    TortureEdit {
        slug: String,
        #[arg(long, default_value_t = u64::MAX)]
        count: u64,
        /// Written into each body so a checker can tell runs apart.
        #[arg(long, default_value = "run")]
        label: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Posts for a static site: Hugo, Jekyll or standalone HTML, with listing pages.
    Site(export_site::SiteArgs),
    /// An RSS or Atom feed of published posts.
    Feed(export_site::FeedArgs),
    /// One post as an email: HTML, plain text or .eml.
    Email(export_email::EmailArgs),
    /// A newsletter digest of several posts: HTML, plain text or .eml.
    Digest(export_email::DigestArgs),
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    Get { key: String },
    Set { key: String, value: String },
    List,
}

fn parse_date(s: &str) -> std::result::Result<DateTime<Utc>, String> {
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("\"{s}\" is not a date; write it as YYYY-MM-DD"))?;
    let nine = d.and_hms_opt(9, 0, 0).ok_or("invalid time")?;
    Ok(Local
        .from_local_datetime(&nine)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&nine)))
}

/// Run a subcommand, writing results to `out`.
pub fn run(db: Option<PathBuf>, command: Command, out: &mut dyn Write) -> Result<()> {
    let location = paths::resolve(db)?;
    let mut store = paths::open_library(&location)?;
    match command {
        Command::New {
            title,
            summary,
            body_file,
            tags,
            lang,
            status,
            date,
        } => {
            let body = body_file
                .map(|f| read_body(&f))
                .transpose()?
                .unwrap_or_default();
            let post = store.create_post(NewPost {
                title,
                summary: summary.unwrap_or_default(),
                body,
                tags,
                lang,
                status,
                publish_at: date,
                ..NewPost::default()
            })?;
            writeln!(out, "{}", post.slug)?;
        }
        Command::List {
            status,
            tag,
            lang,
            trashed,
            json,
        } => {
            let posts = store.list_posts(&ListFilter {
                status,
                tag,
                lang,
                trashed,
                sort: SortOrder::Updated,
            })?;
            if json {
                write_json(out, &posts)?;
            } else if posts.is_empty() {
                writeln!(out, "No posts.")?;
            } else {
                for p in posts {
                    writeln!(
                        out,
                        "{:<10} {}  {}  {:<40} {}",
                        p.status,
                        p.lang,
                        local(p.updated_at),
                        p.slug,
                        p.title
                    )?;
                }
            }
        }
        Command::Show { slug, lang, json } => {
            let post = store.find_post(&slug, lang)?;
            let rendered = crate::preview::render_post(&store, &post)?;
            if json {
                write_json(
                    out,
                    &ShowJson {
                        post: &post,
                        teaser: &rendered.teaser,
                        word_count: rendered.word_count,
                        reading_minutes: rendered.reading_minutes,
                    },
                )?;
            } else {
                show_text(out, &post, &rendered)?;
            }
        }
        Command::Search { query, limit, json } => {
            let hits = store.search(&query, limit)?;
            if json {
                write_json(out, &hits)?;
            } else if hits.is_empty() {
                writeln!(out, "Nothing matches \"{query}\".")?;
            } else {
                for h in hits {
                    writeln!(out, "{}  {} ({})", h.slug, h.title, h.lang)?;
                    writeln!(out, "    {}", snippet_text(&h.snippet))?;
                }
            }
        }
        Command::Render { slug, lang } => {
            let post = store.find_post(&slug, lang)?;
            out.write_all(crate::preview::preview_document(&store, &post)?.as_bytes())?;
        }
        Command::Edit {
            slug,
            lang,
            title,
            summary,
            body_file,
            status,
            tags,
            new_slug,
        } => {
            let post = store.find_post(&slug, lang)?;
            let body = body_file.map(|f| read_body(&f)).transpose()?;
            let patch = PostPatch {
                title,
                summary,
                body,
                status,
                tags: (!tags.is_empty()).then_some(tags),
                slug: new_slug,
                ..PostPatch::default()
            };
            let post = store.update_post(post.id, patch, EditKind::Save)?;
            writeln!(out, "{}", post.slug)?;
        }
        Command::Trash { slug, lang } => {
            let post = store.find_post(&slug, lang)?;
            store.trash_post(post.id)?;
            writeln!(
                out,
                "Moved \"{}\" to the trash; it is kept for {} days.",
                post.title,
                crate::store::TRASH_DAYS
            )?;
        }
        Command::Restore { slug, lang } => {
            let post = store.find_post(&slug, lang)?;
            store.restore_post(post.id)?;
            writeln!(out, "Restored \"{}\".", post.title)?;
        }
        Command::EmptyTrash => {
            let n = store.empty_trash()?;
            writeln!(out, "Deleted {n} post(s) from the trash for good.")?;
        }
        Command::Revisions {
            slug,
            lang,
            restore,
            json,
        } => {
            let post = store.find_post(&slug, lang)?;
            if let Some(id) = restore {
                store.restore_revision(post.id, id)?;
                writeln!(out, "Restored revision {id} of \"{}\".", post.title)?;
            } else {
                let revs = store.revisions(post.id)?;
                if json {
                    write_json(out, &revs)?;
                } else {
                    for r in revs {
                        let words = r.body.split_whitespace().count();
                        writeln!(
                            out,
                            "{:>6}  {}  {:<8} {} words  {}",
                            r.id,
                            local(r.created_at),
                            r.reason.as_str(),
                            words,
                            r.title
                        )?;
                    }
                }
            }
        }
        Command::Import { paths } => {
            let report = crate::import::import_paths(&mut store, &paths);
            for (path, slug) in &report.imported {
                writeln!(out, "imported {} as {slug}", path.display())?;
            }
            writeln!(
                out,
                "Imported {} post(s); {} file(s) could not be imported.",
                report.imported.len(),
                report.failed.len()
            )?;
            if !report.failed.is_empty() {
                let lines: Vec<String> = report
                    .failed
                    .iter()
                    .map(|f| format!("{}: {}", f.path.display(), f.reason))
                    .collect();
                return Err(Error::Import {
                    path: PathBuf::from(format!("{} file(s)", report.failed.len())),
                    message: format!("could not be imported:\n  {}", lines.join("\n  ")),
                });
            }
        }
        Command::Export { what } => match what {
            ExportCommand::Site(args) => export_site::run_site(&mut store, args, out)?,
            ExportCommand::Feed(args) => export_site::run_feed(&mut store, args, out)?,
            ExportCommand::Email(args) => export_email::run_email(&mut store, args, out)?,
            ExportCommand::Digest(args) => export_email::run_digest(&mut store, args, out)?,
        },
        Command::Config { action } => match action {
            ConfigAction::Get { key } => writeln!(out, "{}", crate::settings::get(&store, &key)?)?,
            ConfigAction::Set { key, value } => crate::settings::set(&mut store, &key, &value)?,
            ConfigAction::List => {
                for s in crate::settings::list(&store)? {
                    writeln!(out, "{} = {}", s.key, s.value)?;
                }
            }
        },
        Command::TortureEdit { slug, count, label } => {
            torture_edit(&mut store, &slug, count, &label, out)?
        }
    }
    Ok(())
}

fn torture_edit(
    store: &mut Store,
    slug: &str,
    count: u64,
    label: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let post = store.find_post(slug, None)?;
    for i in 0..count {
        let patch = PostPatch {
            body: Some(format!(
                "{label} edit {i}\n\n{}",
                "Lorem ipsum dolor sit amet. ".repeat(40 + (i % 50) as usize)
            )),
            summary: Some(format!("summary {i}")),
            ..PostPatch::default()
        };
        store.update_post(post.id, patch, EditKind::Autosave)?;
        // Only after commit returned: this edit is durable.
        writeln!(out, "saved {i}")?;
        out.flush()?;
    }
    Ok(())
}

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    post: &'a Post,
    teaser: &'a str,
    word_count: usize,
    reading_minutes: u32,
}

fn show_text(out: &mut dyn Write, post: &Post, r: &crate::markdown::Rendered) -> Result<()> {
    writeln!(out, "{}", post.title)?;
    writeln!(out, "slug:      {}", post.slug)?;
    writeln!(out, "status:    {}", post.status)?;
    writeln!(out, "language:  {}", post.lang)?;
    if !post.tags.is_empty() {
        writeln!(out, "tags:      {}", post.tags.join(", "))?;
    }
    if !post.author.is_empty() {
        writeln!(out, "author:    {}", post.author)?;
    }
    writeln!(out, "created:   {}", local(post.created_at))?;
    writeln!(out, "updated:   {}", local(post.updated_at))?;
    if let Some(p) = post.publish_at {
        writeln!(out, "publish:   {}", local(p))?;
    }
    if post.deleted_at.is_some() {
        writeln!(out, "in trash:  yes")?;
    }
    writeln!(
        out,
        "words:     {} ({} min read)",
        r.word_count, r.reading_minutes
    )?;
    writeln!(out, "teaser:    {}", r.teaser)?;
    writeln!(out)?;
    writeln!(out, "{}", post.body)?;
    Ok(())
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// The snippet for a terminal: marks become [brackets], entities decoded.
fn snippet_text(html: &str) -> String {
    html.replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn read_body(path: &PathBuf) -> Result<String> {
    let mut text = String::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|source| Error::ReadFile {
                path: path.clone(),
                source,
            })?;
    } else {
        text = std::fs::read_to_string(path).map_err(|source| Error::ReadFile {
            path: path.clone(),
            source,
        })?;
    }
    Ok(text)
}
