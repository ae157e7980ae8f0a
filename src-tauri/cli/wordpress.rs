//! `postdesk wordpress login` (store the application password in the OS
//! keychain) and `postdesk publish wordpress SLUG` (see `cli/publish.rs`).

use std::io::{BufRead, IsTerminal, Write};

use clap::Subcommand;

use super::common::find_post;
use crate::error::{Error, Result};
use crate::model::Lang;
use crate::publish::wordpress::{self, credentials, PublishOptions, WordPressStatus};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum WordpressAction {
    /// Store the WordPress application password in the system keychain
    /// (asked for on a terminal, else read from standard input).
    Login,
}

// The arguments of `publish wordpress`.
#[derive(Debug, clap::Args)]
pub struct PublishArgs {
    slug: String,
    /// Which post, when an English and a French post share the slug.
    #[arg(long)]
    lang: Option<Lang>,
    /// draft, publish or future (default: from the post's status and date).
    #[arg(long)]
    status: Option<WordPressStatus>,
    /// Overwrite the post on the site even if it was changed there.
    #[arg(long)]
    force: bool,
}

pub fn run(store: &mut Store, action: WordpressAction, out: &mut dyn Write) -> Result<()> {
    match action {
        WordpressAction::Login => run_login(store, out),
    }
}

fn run_login(store: &mut Store, out: &mut dyn Write) -> Result<()> {
    let (url, user) = wordpress::site_and_user(store)?;
    let stdin = std::io::stdin();
    let password = if stdin.is_terminal() {
        rpassword::prompt_password(format!("Application password for {user} on {url}: "))
            .map_err(Error::from)?
    } else {
        let mut line = String::new();
        stdin.lock().read_line(&mut line)?;
        line
    };
    credentials::store_password(&url, &user, &password)?;
    writeln!(
        out,
        "Stored the application password for {user} on {url} in the system keychain."
    )?;
    Ok(())
}

/// Publish one post; the link on standard output, notes on standard error.
pub fn run_publish(store: &mut Store, args: PublishArgs, out: &mut dyn Write) -> Result<()> {
    let post = find_post(store, &args.slug, args.lang)?;
    let outcome = wordpress::publish_post(
        store,
        post.id,
        PublishOptions {
            status: args.status,
            force: args.force,
        },
    )?;
    for note in &outcome.notes {
        eprintln!("postdesk: {note}");
    }
    eprintln!(
        "postdesk: {} post {} ({}); images: {} uploaded, {} already on the site.",
        if outcome.created {
            "created"
        } else {
            "updated"
        },
        outcome.wordpress_id,
        outcome.status,
        outcome.images_uploaded,
        outcome.images_reused
    );
    writeln!(out, "{}", outcome.link)?;
    Ok(())
}
