//! Postdesk: the core library (store, markdown, import, CLI) with the Tauri
//! desktop shell behind the `desktop` feature. Nothing outside `desktop`
//! knows about Tauri.

pub mod cli;
pub mod diff;
pub mod error;
pub mod export;
pub mod import;
pub mod ipc;
pub mod labels;
pub mod lang;
pub mod library_location;
pub mod library_settings;
pub mod markdown;
pub mod model;
pub mod preview;
pub mod publish;
pub mod seed;
pub mod slug;
pub mod store;
pub mod templates;
pub mod util;

#[cfg(feature = "desktop")]
pub mod desktop;

pub use error::{Error, Result};

/// The application identifier: also the name of the data folder.
pub const IDENTIFIER: &str = "org.postdesk.desktop";
