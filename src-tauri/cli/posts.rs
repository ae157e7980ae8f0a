//! `postdesk new`, `edit`, `show`, `list` and `render`: one post at a time,
//! or the list of them.

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use serde::Serialize;

use super::common::{find_post, local, read_body, write_json};
use crate::error::Result;
use crate::model::{Lang, ListFilter, NewPost, Post, PostPatch, SortOrder, Status};
use crate::store::{EditKind, Store};

// The arguments of `new` (its help text is on `Command::New`).
#[derive(Debug, clap::Args)]
pub struct NewArgs {
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
}

// The arguments of `list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
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
}

// The arguments of `show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    slug: String,
    #[arg(long)]
    lang: Option<Lang>,
    #[arg(long)]
    json: bool,
}

// The arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    slug: String,
    #[arg(long)]
    lang: Option<Lang>,
}

// The arguments of `edit`.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
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
}

/// `--date YYYY-MM-DD`: 09:00 local time that day.
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

/// Create the post and print its slug.
pub fn run_new(store: &mut Store, args: NewArgs, out: &mut dyn Write) -> Result<()> {
    let body = args
        .body_file
        .map(|f| read_body(&f))
        .transpose()?
        .unwrap_or_default();
    let post = store.create_post(NewPost {
        title: args.title,
        summary: args.summary.unwrap_or_default(),
        body,
        tags: args.tags,
        lang: args.lang,
        status: args.status,
        publish_at: args.date,
        author: crate::library_settings::get(store, "author.name")?,
        ..NewPost::default()
    })?;
    writeln!(out, "{}", post.slug)?;
    Ok(())
}

/// One line per post, or a JSON array.
pub fn run_list(store: &mut Store, args: ListArgs, out: &mut dyn Write) -> Result<()> {
    let posts = store.list_posts(&ListFilter {
        status: args.status,
        tag: args.tag,
        lang: args.lang,
        trashed: args.trashed,
        sort: SortOrder::Updated,
    })?;
    if args.json {
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
    Ok(())
}

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    post: &'a Post,
    teaser: &'a str,
    word_count: usize,
    reading_minutes: u32,
    /// The remote post on the WordPress site (`publish wordpress`), if any.
    wordpress_id: Option<i64>,
    wordpress_link: Option<String>,
}

/// Every field of the post and its teaser and reading time, as text or JSON.
pub fn run_show(store: &mut Store, args: ShowArgs, out: &mut dyn Write) -> Result<()> {
    let post = find_post(store, &args.slug, args.lang)?;
    let rendered = crate::preview::render_post(store, &post)?;
    if args.json {
        let remote = crate::publish::wordpress::remote_copy(store, post.id)?;
        write_json(
            out,
            &ShowJson {
                post: &post,
                teaser: &rendered.teaser,
                word_count: rendered.word_count,
                reading_minutes: rendered.reading_minutes,
                wordpress_id: remote.as_ref().map(|r| r.0),
                wordpress_link: remote.map(|r| r.1),
            },
        )
    } else {
        show_text(out, &post, &rendered)
    }
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

/// The preview HTML document on standard output.
pub fn run_render(store: &mut Store, args: RenderArgs, out: &mut dyn Write) -> Result<()> {
    let post = find_post(store, &args.slug, args.lang)?;
    out.write_all(crate::preview::preview_document(store, &post)?.as_bytes())?;
    Ok(())
}

/// Apply the changes as an explicit save and print the (possibly new) slug.
pub fn run_edit(store: &mut Store, args: EditArgs, out: &mut dyn Write) -> Result<()> {
    let post = find_post(store, &args.slug, args.lang)?;
    let body = args.body_file.map(|f| read_body(&f)).transpose()?;
    let patch = PostPatch {
        title: args.title,
        summary: args.summary,
        body,
        status: args.status,
        tags: (!args.tags.is_empty()).then_some(args.tags),
        slug: args.new_slug,
        ..PostPatch::default()
    };
    let post = store.update_post(post.id, patch, EditKind::Save)?;
    writeln!(out, "{}", post.slug)?;
    Ok(())
}
