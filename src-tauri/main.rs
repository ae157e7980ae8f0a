// Keep a Windows release build from opening a console beside the window.
#![cfg_attr(
    all(not(debug_assertions), target_os = "windows"),
    windows_subsystem = "windows"
)]

use std::process::ExitCode;

use clap::Parser;
use postdesk::cli::{self, Cli};

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("POSTDESK_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let args = Cli::parse();
    match args.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match cli::run(args.db, command, &mut out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let _ = std::io::Write::flush(&mut out);
                    eprintln!("postdesk: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        None => open_app(args.db),
    }
}

#[cfg(feature = "desktop")]
fn open_app(db: Option<std::path::PathBuf>) -> ExitCode {
    match postdesk::desktop::run(db) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("postdesk: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "desktop"))]
fn open_app(_db: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("postdesk: this build has no desktop app (built without the `desktop` feature); run `postdesk --help` for the commands.");
    ExitCode::FAILURE
}
