//! Exports: the site (Hugo, Jekyll, standalone HTML, feeds) and the
//! newsletter (email HTML, plain text, .eml, digests). Everything here is
//! core: no Tauri, driven by the CLI and by the app's commands.

pub mod description;
pub mod email;
pub mod site;
pub mod urls;
