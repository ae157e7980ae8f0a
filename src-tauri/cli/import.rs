//! `postdesk import`: Markdown files or folders with Hugo/Jekyll front
//! matter, and WordPress export files (WXR, recognised by their content,
//! whatever their name). Imports what it can, lists what it could not and
//! then fails; a WordPress export is imported whole or not at all.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::import::wxr::{self, WxrOptions};
use crate::store::Store;

// The arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// For a WordPress export: the site's wp-content/uploads folder; images
    /// found there are stored in the library instead of staying links.
    #[arg(long, value_name = "DIR")]
    uploads: Option<PathBuf>,
}

pub fn run(store: &mut Store, args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    let (wordpress, markdown): (Vec<PathBuf>, Vec<PathBuf>) =
        args.paths.into_iter().partition(|p| wxr::is_wxr_file(p));
    let opts = WxrOptions {
        uploads: args.uploads,
    };
    for file in &wordpress {
        let report = wxr::import_wxr(store, file, &opts)?;
        for (what, posts) in [
            ("imported", &report.created),
            ("updated", &report.updated),
            ("unchanged", &report.unchanged),
        ] {
            for p in posts {
                writeln!(out, "{what} {} (WordPress post {})", p.slug, p.wordpress_id)?;
            }
        }
        for note in &report.notes {
            writeln!(out, "note: {note}")?;
        }
        writeln!(out, "{}: {}", file.display(), report.summary())?;
    }
    if markdown.is_empty() {
        return Ok(());
    }
    let report = crate::import::import_paths(store, &markdown);
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
    Ok(())
}
