//! `postdesk export email` and `postdesk export digest`: the core's
//! newsletter exports ([`crate::export::email`]) written to a file.
//!
//! A file is written whole or not at all, by the one atomic writer
//! ([`write_atomic`]), so a failure never leaves half an email.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};

use super::common::find_post;
use crate::error::{Error, Result};
use crate::export::email::{
    digest_email, post_email, Digest, EmailOptions, EmailParts, Esp, ImageMode,
};
use crate::model::Lang;
use crate::store::Store;
use crate::util::atomic_file::write_atomic;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The email HTML (styles inlined).
    Html,
    /// The plain-text alternative.
    Text,
    /// A complete message (text + HTML) to open in a mail client.
    Eml,
}

/// Options shared by both commands.
#[derive(Debug, clap::Args)]
pub struct Output {
    #[arg(long, value_enum)]
    format: Format,
    /// The file to write (replaced whole); standard output without it.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The email service whose placeholders the footer uses (default: the newsletter.esp setting).
    #[arg(long)]
    esp: Option<Esp>,
    /// Embed the images in the .eml (cid: parts) instead of linking to the site.
    #[arg(long)]
    embed_images: bool,
}

#[derive(Debug, clap::Args)]
pub struct EmailArgs {
    /// The post's slug.
    slug: String,
    /// Which post, when an English and a French post share the slug.
    #[arg(long)]
    lang: Option<Lang>,
    #[command(flatten)]
    output: Output,
}

#[derive(Debug, clap::Args)]
pub struct DigestArgs {
    /// The posts, in the order they appear.
    #[arg(required = true, value_name = "SLUG")]
    slugs: Vec<String>,
    /// The digest's language (labels, and which post a shared slug means);
    /// default: French if every post is French.
    #[arg(long)]
    lang: Option<Lang>,
    /// The introduction, a Markdown file.
    #[arg(long, value_name = "FILE")]
    intro_file: Option<PathBuf>,
    /// The subject (default: the newsletter's name and the date).
    #[arg(long)]
    subject: Option<String>,
    /// The date, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    date: Option<NaiveDate>,
    #[command(flatten)]
    output: Output,
}

pub fn run_email(store: &mut Store, args: EmailArgs, out: &mut dyn Write) -> Result<()> {
    let options = options(store, &args.output)?;
    let post = find_post(store, &args.slug, args.lang)?;
    let parts = post_email(store, &post, &options)?;
    emit(&parts, &args.output, out)
}

pub fn run_digest(store: &mut Store, args: DigestArgs, out: &mut dyn Write) -> Result<()> {
    let options = options(store, &args.output)?;
    let posts = args
        .slugs
        .iter()
        .map(|slug| find_for_digest(store, slug, args.lang))
        .collect::<Result<Vec<_>>>()?;
    let intro = match &args.intro_file {
        Some(path) => fs::read_to_string(path).map_err(|source| Error::ReadFile {
            path: path.clone(),
            source,
        })?,
        None => String::new(),
    };
    let digest = Digest {
        posts,
        intro,
        subject: args.subject,
        lang: args.lang,
        date: args.date.unwrap_or_else(|| Local::now().date_naive()),
    };
    let parts = digest_email(store, &digest, &options)?;
    emit(&parts, &args.output, out)
}

/// A digest's post: with `--lang`, the post in that language when both
/// languages share the slug, else whichever post has it.
fn find_for_digest(store: &Store, slug: &str, lang: Option<Lang>) -> Result<crate::model::Post> {
    match lang.map(|l| store.find_post(slug, Some(l))) {
        Some(Err(Error::PostNotFound(_))) | None => find_post(store, slug, None),
        Some(found) => found,
    }
}

fn options(store: &Store, output: &Output) -> Result<EmailOptions> {
    if output.embed_images && output.format != Format::Eml {
        return Err(Error::invalid(
            "embed-images",
            "--embed-images only applies to --format eml: an HTML file or a copy cannot carry cid: images.",
        ));
    }
    let mut options = EmailOptions::load(store)?;
    if let Some(esp) = output.esp {
        options.settings.esp = esp;
    }
    if output.embed_images {
        options.images = ImageMode::Embedded;
    }
    Ok(options)
}

/// Write the chosen format; report what the author may want to fix on stderr.
fn emit(parts: &EmailParts, output: &Output, out: &mut dyn Write) -> Result<()> {
    let bytes = match output.format {
        Format::Html => parts.html.clone().into_bytes(),
        Format::Text => parts.text.clone().into_bytes(),
        Format::Eml => parts.to_eml(Utc::now())?,
    };
    for warning in &parts.warnings {
        eprintln!("postdesk: warning: {warning}");
    }
    match &output.out {
        Some(path) => {
            if path.is_dir() {
                return Err(Error::invalid(
                    "out",
                    format!(
                        "{} is a folder; give a file name, such as {}.",
                        path.display(),
                        path.join("newsletter.html").display()
                    ),
                ));
            }
            write_atomic(path, &bytes)?;
            writeln!(out, "Wrote {} ({} bytes).", path.display(), bytes.len())?;
        }
        None => out.write_all(&bytes)?,
    }
    Ok(())
}

fn parse_day(s: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("\"{s}\" is not a date; write it as YYYY-MM-DD"))
}
