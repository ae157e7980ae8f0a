//! One integration-test binary, a module per feature (as mdBook does). Every
//! test works on a real SQLite file in a temporary folder.
mod assets;
mod backups;
mod cli;
mod common;
mod damaged;
mod export_email;
mod export_site;
mod full_disk;
mod import;
mod import_wxr;
mod ipc_types;
mod library_settings;
mod migrations;
mod posts;
mod proptests;
mod publish_site;
mod publish_wordpress;
mod render;
mod render_facts;
mod revisions;
mod search;
mod slugs;
#[path = "../support/mod.rs"]
mod support;
mod sync;
mod trash;
