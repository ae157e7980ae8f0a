//! Launching the real app under tauri-driver (WebKitWebDriver) for one test.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use postdesk::store::Store;
use serde_json::{json, Value};

pub struct App {
    pub client: Client,
    /// Held for its `Drop`: the driver and all it started stop with the `App`.
    _driver: DriverGroup,
    /// From spawning the driver to an editable window.
    pub startup: Duration,
}

/// Two different free ports. Both listeners are held until both ports are
/// known: a port picked and released can be picked again at once, and
/// tauri-driver and WebKitWebDriver given the same port fail to start (a
/// whole e2e run failed so).
fn two_free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("a free port");
    let (a, b) = (bind(), bind());
    let port = |l: &TcpListener| l.local_addr().expect("a bound port").port();
    (port(&a), port(&b))
}

/// tauri-driver's process group, stopped when dropped: tauri-driver starts
/// WebKitWebDriver (which starts the app) and does not stop it when killed.
/// Held from the spawn on, so a launch that fails before the session exists
/// leaves no driver behind either.
struct DriverGroup(Child);

impl Drop for DriverGroup {
    fn drop(&mut self) {
        stop_group(&mut self.0);
    }
}

fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(p);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let local = home.join(".cargo/bin/tauri-driver");
    if local.exists() {
        return local;
    }
    PathBuf::from("tauri-driver")
}

/// The app's and the driver's stderr, kept beside the test's library for a failure's post-mortem.
fn log_file(home: &Path) -> Stdio {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(home.join("app.log"))
        .map(Stdio::from)
        .unwrap_or_else(|_| Stdio::null())
}

/// The folder the app's dialogs answer with in a test (`POSTDESK_E2E_DIALOG_DIR`,
/// honoured only by `e2e` builds): WebDriver cannot drive the system's dialog,
/// and no command takes a path from the page.
pub fn dialog_dir(home: &Path) -> PathBuf {
    home.join("dialog")
}

/// A library file in `dir` prepared by `setup`.
pub fn library(dir: &Path, setup: impl FnOnce(&mut Store)) -> PathBuf {
    let db = dir.join("library.sqlite");
    let mut store = Store::open(&db).expect("open library");
    setup(&mut store);
    db
}

impl App {
    /// Start the app on `db` and wait until the editor is ready.
    pub async fn launch(db: &Path, home: &Path) -> App {
        App::launch_with_env(db, home, &[]).await
    }

    /// [`App::launch`] with more environment variables for the app (such as
    /// `POSTDESK_WORDPRESS_PASSWORD`): tauri-driver passes its own down.
    pub async fn launch_with_env(db: &Path, home: &Path, env: &[(&str, &str)]) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no DISPLAY: run the e2e tests through scripts/test.sh (it starts Xvfb)"
        );
        let dialogs = dialog_dir(home);
        std::fs::create_dir_all(&dialogs).expect("create the dialog folder");
        let (port, native) = two_free_ports();
        let start = Instant::now();
        let driver = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("POSTDESK_DB", db)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("POSTDESK_LOG", "info")
            .env("POSTDESK_E2E_DIALOG_DIR", &dialogs)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log_file(home))
            // A process group of its own, so `Drop` can stop the
            // WebKitWebDriver it starts along with it.
            .process_group(0)
            .spawn()
            .expect("tauri-driver not found: run scripts/test.sh, which installs it");
        let driver = DriverGroup(driver);
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": env!("CARGO_BIN_EXE_postdesk") }
        });
        let caps = match caps {
            Value::Object(m) => m,
            _ => unreachable!(),
        };
        // tauri-driver listens before WebKitWebDriver behind it is ready: retry the session.
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if attempt < 10 => {
                    eprintln!("WebDriver session attempt {attempt} failed: {e}; retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => panic!("WebDriver session: {e}"),
            }
        };
        let mut app = App {
            client,
            _driver: driver,
            startup: Duration::ZERO,
        };
        app.wait_js("return document.body.dataset.ready === 'true' && !!document.querySelector('.cm-content')", 30)
            .await;
        app.startup = start.elapsed();
        app
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Run an asynchronous script: it ends by calling its last argument with the result.
    pub async fn js_async(&self, script: &str) -> Value {
        self.client
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Poll `script` until it returns true.
    pub async fn wait_js(&self, script: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if self.js(script).await == Value::Bool(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for: {script}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    pub async fn editor_text(&self) -> String {
        // One entry per line, as CodeMirror draws them (innerText adds stray newlines).
        self.js("return [...document.querySelectorAll('.cm-content .cm-line')].map(l => l.textContent).join('\\n')")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The app's process id (the child of the WebDriver that runs our binary).
    pub fn app_pid(&self) -> Option<u32> {
        let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_postdesk")).ok()?;
        std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
            let pid: u32 = e.file_name().to_str()?.parse().ok()?;
            let target = std::fs::read_link(e.path().join("exe")).ok()?;
            (target == exe).then_some(pid)
        })
    }

    /// Type keys that end with the app quitting: the driver may report the
    /// window gone before it answers, which is the point.
    pub async fn type_and_quit(&self, css: &str, text: &str) {
        let el = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        let _ = el.send_keys(text).await;
    }

    /// Wait for the app to exit by itself (after Ctrl+Q or a signal), then end the session.
    pub async fn wait_exit(self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.app_pid().is_some() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(self.app_pid().is_none(), "the app did not exit");
        self.quit().await;
    }

    /// End the session (the driver stops the app); dropping `self` then
    /// stops the driver and everything it started.
    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
    }
}

/// Stop `leader` and the process group it leads (spawned with
/// `process_group(0)`): SIGTERM, up to 5 s for the group to go, then SIGKILL.
pub fn stop_group(leader: &mut Child) {
    let group = -(leader.id() as i32);
    // SAFETY: kill(2) with a negative pid signals a process group we created.
    unsafe { libc::kill(group, libc::SIGTERM) };
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        // The group is gone when signal 0 can reach none of it.
        // SAFETY: as above; signal 0 only checks.
        if unsafe { libc::kill(group, 0) } != 0 {
            break;
        }
        let _ = leader.try_wait();
        std::thread::sleep(Duration::from_millis(50));
    }
    // SAFETY: as above.
    unsafe { libc::kill(group, libc::SIGKILL) };
    let _ = leader.wait();
}

/// The KiB figure of line `key` (e.g. `VmRSS:`) in `/proc/<pid>/<file>`, 0 if absent.
fn proc_kib(pid: u32, file: &str, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/{file}"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Resident memory of a process in KiB (`VmRSS`).
pub fn rss_kib(pid: u32) -> u64 {
    proc_kib(pid, "status", "VmRSS:")
}

/// Proportional set size of `pid` in KiB: its private pages plus its share
/// of pages it shares with other processes (the libraries WebKit maps into
/// the app and each of its processes are counted once across them).
pub fn pss_kib(pid: u32) -> u64 {
    proc_kib(pid, "smaps_rollup", "Pss:")
}

/// Child processes of `pid` whose command name contains `name`.
pub fn children_named(pid: u32, name: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(child) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
            continue;
        };
        let comm = stat
            .split('(')
            .nth(1)
            .and_then(|s| s.split(')').next())
            .unwrap_or("");
        let ppid = stat
            .rsplit(')')
            .next()
            .and_then(|s| s.split_whitespace().nth(1))
            .and_then(|s| s.parse::<u32>().ok());
        if ppid == Some(pid) && comm.contains(name) {
            out.push(child);
        }
    }
    out
}

/// p50 and p95 of a list of milliseconds.
pub fn percentiles(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95))
}

/// When process `pid` started, in milliseconds since the Unix epoch (boot
/// time from `/proc/stat` plus the process's start in clock ticks: 10 ms
/// resolution), to set the page's marks against the process start.
pub fn process_start_epoch_ms(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let ticks: f64 = stat
        .rsplit(')')
        .next()?
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()?;
    let btime: f64 = std::fs::read_to_string("/proc/stat")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("btime "))?
        .trim()
        .parse()
        .ok()?;
    // SAFETY: sysconf only reads a configuration value.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    (hz > 0.0).then(|| (btime + ticks / hz) * 1000.0)
}

/// Run `xdotool` with `args` (real X events on the app's window under
/// Xvfb: they reach GTK and then the page, as a person's keys do); its output.
pub fn xdotool(args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .expect("xdotool not found: scripts/setup.sh installs it");
    assert!(
        out.status.success(),
        "xdotool {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The X window id of the app's main window (process `pid`).
pub fn app_window(pid: &str) -> String {
    let found = xdotool(&[
        "search",
        "--sync",
        "--onlyvisible",
        "--pid",
        pid,
        "--name",
        "^Postdesk$",
    ]);
    found.lines().next().unwrap_or_default().to_string()
}

/// Focus the app's window (no window manager runs under Xvfb) and press
/// `keys` (xdotool key names), 150 ms apart.
pub fn press(window: &str, keys: &[&str]) {
    xdotool(&["windowfocus", "--sync", window]);
    for key in keys {
        xdotool(&["key", "--clearmodifiers", key]);
        std::thread::sleep(Duration::from_millis(150));
    }
}
