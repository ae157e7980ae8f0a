//! One integration-test binary, a module per feature (as mdBook does). Every
//! test works on a real SQLite file in a temporary folder.
mod assets;
mod cli;
mod common;
mod export_email;
mod export_site;
mod import;
mod ipc_types;
mod library_settings;
mod migrations;
mod posts;
mod proptests;
mod render;
mod revisions;
mod search;
mod slugs;
#[path = "../support/mod.rs"]
mod support;
mod trash;
