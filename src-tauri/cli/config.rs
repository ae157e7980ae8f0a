//! `postdesk config get|set|list`: the library's settings.

use std::io::Write;

use clap::Subcommand;

use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    Get { key: String },
    Set { key: String, value: String },
    List,
}

pub fn run(store: &mut Store, action: ConfigAction, out: &mut dyn Write) -> Result<()> {
    match action {
        ConfigAction::Get { key } => {
            writeln!(out, "{}", crate::library_settings::get(store, &key)?)?
        }
        ConfigAction::Set { key, value } => crate::library_settings::set(store, &key, &value)?,
        ConfigAction::List => {
            for s in crate::library_settings::list(store)? {
                writeln!(out, "{} = {}", s.key, s.value)?;
            }
        }
    }
    Ok(())
}
