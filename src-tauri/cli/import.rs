//! `postdesk import`: Markdown files or folders with Hugo/Jekyll front
//! matter. Imports what it can, lists what it could not and then fails.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::store::Store;

// The arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(store: &mut Store, args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    let report = crate::import::import_paths(store, &args.paths);
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
