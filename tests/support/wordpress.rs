//! A real, throwaway WordPress for tests: Debian's `wordpress` package served
//! by PHP's built-in server on 127.0.0.1 (a free port) over its own MariaDB
//! (a fresh data folder, a socket, no network), installed, with an
//! application password. Everything lives in a temporary folder; the one
//! file outside it, `/etc/wordpress/config-<name>.php` (where Debian's
//! `wp-config.php` looks), has a name unique to this instance, chosen by the
//! router through `$_SERVER['WORDPRESS_CONFIG']`, so several instances (and
//! other test binaries) run side by side. [`WordPress`]'s `Drop` kills both
//! servers and removes that file.
//!
//! [`WordPress::start`] returns `None`, after printing why, only when the
//! packages are not installed and `POSTDESK_REQUIRE_WORDPRESS` is not set
//! (`scripts/test.sh` sets it, so there a missing package fails the test).
//!
//! Needs: wordpress, wordpress-theme-twentytwentyone, mariadb-server,
//! php-mysql, php-cli (see scripts/setup.sh).

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where Debian installs WordPress.
pub const WORDPRESS_DIR: &str = "/usr/share/wordpress";
/// Where Debian's `wp-config.php` looks for a site's configuration.
pub const CONFIG_DIR: &str = "/etc/wordpress";
/// The environment variable that turns "not installed" into a failure.
pub const REQUIRE_VAR: &str = "POSTDESK_REQUIRE_WORDPRESS";
/// The administrator created by the install.
pub const ADMIN_USER: &str = "editor";
const ADMIN_LOGIN_PASSWORD: &str = "not-the-app-password-1";
const THEME: &str = "twentytwentyone";

/// A running WordPress. Dropping it stops it.
pub struct WordPress {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub url: String,
    /// The administrator's user name.
    pub user: String,
    /// An application password of that user (for the REST API).
    pub app_password: String,
    /// `WP_CONTENT_DIR`: themes, uploads, mu-plugins.
    pub content_dir: PathBuf,
    config_name: String,
    config_file: PathBuf,
    db_socket: PathBuf,
    processes: Vec<Child>,
    // Removed last (fields drop in order, after `Drop::drop`).
    _dir: tempfile::TempDir,
}

/// Whether every program and file the fixture needs is installed.
pub fn installed() -> Result<(), String> {
    let needed = [
        (format!("{WORDPRESS_DIR}/wp-load.php"), "wordpress"),
        (
            format!("{WORDPRESS_DIR}/wp-content/themes/{THEME}/style.css"),
            "wordpress-theme-twentytwentyone",
        ),
        ("/usr/sbin/mariadbd".to_string(), "mariadb-server"),
        ("/usr/bin/mariadb-install-db".to_string(), "mariadb-server"),
        ("/usr/bin/php".to_string(), "php-cli"),
    ];
    let missing: Vec<&str> = needed
        .iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("missing Debian packages: {}", missing.join(", ")))
    }
}

impl WordPress {
    /// Start a fresh WordPress, or `None` (after printing why) when the
    /// packages are absent and [`REQUIRE_VAR`] is not set. Panics on any
    /// other failure: a test that needs WordPress must not pass without it.
    pub fn start() -> Option<WordPress> {
        if let Err(why) = installed() {
            if std::env::var_os(REQUIRE_VAR).is_some() {
                panic!("WordPress tests required ({REQUIRE_VAR} is set) but {why}");
            }
            eprintln!(
                "SKIPPED: the WordPress tests did not run ({why}; install them with scripts/setup.sh, \
                 or set {REQUIRE_VAR}=1 to make this a failure)"
            );
            return None;
        }
        Some(Self::start_installed())
    }

    fn start_installed() -> WordPress {
        let started = Instant::now();
        let dir = tempfile::Builder::new()
            .prefix("postdesk-wordpress.")
            .tempdir()
            .expect("temp dir");
        let root = dir.path().to_path_buf();
        let unique = format!(
            "{}-{}",
            std::process::id(),
            root.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("x")
                .rsplit('.')
                .next()
                .unwrap_or("x")
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        );
        let config_name = format!("postdesk-test-{unique}");
        let config_file = Path::new(CONFIG_DIR).join(format!("config-{config_name}.php"));
        let content_dir = root.join("content");
        for sub in ["uploads", "mu-plugins", "plugins"] {
            std::fs::create_dir_all(content_dir.join(sub)).expect("content folders");
        }
        std::os::unix::fs::symlink(
            format!("{WORDPRESS_DIR}/wp-content/themes"),
            content_dir.join("themes"),
        )
        .expect("link the themes");

        let mut wp = WordPress {
            url: String::new(),
            user: ADMIN_USER.to_string(),
            app_password: String::new(),
            content_dir: content_dir.clone(),
            config_name,
            config_file,
            db_socket: root.join("db/my.sock"),
            processes: Vec::new(),
            _dir: dir,
        };

        // The database: its own data folder and socket, no TCP.
        let datadir = root.join("db");
        run(Command::new("mariadb-install-db")
            .arg("--user=root")
            .arg(format!("--datadir={}", datadir.display()))
            .arg("--auth-root-authentication-method=normal")
            .arg("--skip-test-db"));
        let db = Command::new("mariadbd")
            .arg("--no-defaults")
            .arg("--user=root")
            .arg(format!("--datadir={}", datadir.display()))
            .arg(format!("--socket={}", wp.db_socket.display()))
            .arg(format!(
                "--pid-file={}",
                datadir.join("mariadbd.pid").display()
            ))
            .arg("--skip-networking")
            .arg("--skip-log-bin")
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(root.join("mariadbd.log")).expect("log file"))
            .spawn()
            .expect("start mariadbd");
        wp.processes.push(db);
        wait_for(Duration::from_secs(30), "the database socket", || {
            std::os::unix::net::UnixStream::connect(&wp.db_socket).is_ok()
        });
        run(Command::new("mariadb")
            .arg("--no-defaults")
            .arg(format!("--socket={}", wp.db_socket.display()))
            .arg("-uroot")
            .arg("-e")
            .arg(
                "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; \
                 GRANT ALL ON wp.* TO 'wp'@'localhost';",
            ));

        // The web server: a free port, the site's own configuration file.
        let port = free_port();
        wp.url = format!("http://127.0.0.1:{port}");
        std::fs::write(&wp.config_file, wp.config_php()).expect(
            "write the WordPress configuration in /etc/wordpress (the tests must run as root)",
        );
        let router = root.join("router.php");
        std::fs::write(&router, wp.router_php()).expect("write router.php");
        let php = Command::new("php")
            .arg("-S")
            .arg(format!("127.0.0.1:{port}"))
            .arg("-t")
            .arg(WORDPRESS_DIR)
            .arg(&router)
            .env("PHP_CLI_SERVER_WORKERS", "4")
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(root.join("php.log")).expect("log file"))
            .spawn()
            .expect("start php -S");
        wp.processes.push(php);
        wait_for(Duration::from_secs(15), "the web server", || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
        });

        // Install, as the browser form would.
        let install = format!("{}/wp-admin/install.php?step=2", wp.url);
        let response = ureq::post(&install)
            .send_form([
                ("weblog_title", "Postdesk test site"),
                ("user_name", ADMIN_USER),
                ("admin_password", ADMIN_LOGIN_PASSWORD),
                ("admin_password2", ADMIN_LOGIN_PASSWORD),
                ("pw_weak", "1"),
                ("admin_email", "editor@example.org"),
                ("blog_public", "0"),
                ("language", ""),
            ])
            .expect("run the WordPress install");
        assert_eq!(response.status(), 200, "WordPress install answered");
        wp.app_password = wp.new_app_password("postdesk-tests");
        eprintln!(
            "WordPress started at {} in {:.1} s",
            wp.url,
            started.elapsed().as_secs_f64()
        );
        wp
    }

    fn config_php(&self) -> String {
        format!(
            "<?php\n\
             define('DB_NAME', 'wp');\n\
             define('DB_USER', 'wp');\n\
             define('DB_PASSWORD', 'wp');\n\
             define('DB_HOST', 'localhost:{socket}');\n\
             define('WP_ENVIRONMENT_TYPE', 'local');\n\
             define('WP_HOME', '{url}');\n\
             define('WP_SITEURL', '{url}');\n\
             define('WP_CONTENT_DIR', '{content}');\n\
             define('WP_CONTENT_URL', '{url}/wp-content');\n\
             define('WP_DEFAULT_THEME', '{THEME}');\n\
             define('DISABLE_WP_CRON', true);\n\
             define('AUTOMATIC_UPDATER_DISABLED', true);\n\
             $table_prefix = 'wp_';\n",
            socket = self.db_socket.display(),
            url = self.url,
            content = self.content_dir.display(),
        )
    }

    /// The router of `php -S`: names this site's configuration; serves
    /// uploads from `WP_CONTENT_DIR`; existing files as they are; everything
    /// else through `index.php`.
    fn router_php(&self) -> String {
        format!(
            r#"<?php
$_SERVER['WORDPRESS_CONFIG'] = '{name}';
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$content = '{content}';
if (strpos($path, '/wp-content/') === 0 && !is_file('{WORDPRESS_DIR}' . $path)) {{
    $file = realpath($content . substr($path, strlen('/wp-content')));
    if ($file !== false && strpos($file, $content . '/') === 0 && is_file($file)) {{
        header('Content-Type: ' . mime_content_type($file));
        header('Content-Length: ' . filesize($file));
        readfile($file);
        return true;
    }}
    http_response_code(404);
    return true;
}}
if ($path !== '/' && file_exists('{WORDPRESS_DIR}' . $path)) {{
    return false;
}}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require '{WORDPRESS_DIR}/index.php';
"#,
            name = self.config_name,
            content = self.content_dir.display(),
        )
    }

    /// Run PHP with WordPress loaded (as this site) and return its output.
    pub fn php(&self, code: &str) -> String {
        let host = self.url.trim_start_matches("http://");
        let script = format!(
            "$_SERVER['HTTP_HOST'] = '{host}'; $_SERVER['WORDPRESS_CONFIG'] = '{name}'; \
             $_SERVER['REQUEST_URI'] = '/'; \
             require '{WORDPRESS_DIR}/wp-load.php'; {code}",
            name = self.config_name,
        );
        let out = Command::new("php")
            .arg("-r")
            .arg(&script)
            .output()
            .expect("run php");
        assert!(
            out.status.success(),
            "php failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A new application password of the administrator.
    pub fn new_app_password(&self, name: &str) -> String {
        let out = self.php(&format!(
            "$u = get_user_by('login', '{ADMIN_USER}'); \
             $r = WP_Application_Passwords::create_new_application_password($u->ID, ['name' => '{name}']); \
             if (is_wp_error($r)) {{ fwrite(STDERR, $r->get_error_message()); exit(1); }} \
             echo $r[0];"
        ));
        let password = out.trim().to_string();
        assert!(password.len() >= 20, "an application password: {out:?}");
        password
    }

    /// Write a must-use plugin (loaded on every request) into the site.
    pub fn add_mu_plugin(&self, name: &str, php: &str) -> PathBuf {
        let path = self
            .content_dir
            .join("mu-plugins")
            .join(format!("{name}.php"));
        std::fs::write(&path, php).expect("write mu-plugin");
        path
    }

    /// Remove a must-use plugin written by [`WordPress::add_mu_plugin`].
    pub fn remove_mu_plugin(&self, name: &str) {
        let path = self
            .content_dir
            .join("mu-plugins")
            .join(format!("{name}.php"));
        std::fs::remove_file(&path).expect("remove mu-plugin");
    }

    /// A REST route as a URL that works without pretty permalinks.
    pub fn rest_url(&self, route: &str) -> String {
        format!("{}/?rest_route={route}", self.url)
    }

    /// GET a REST route with the application password, as JSON.
    pub fn rest_get(&self, route: &str) -> serde_json::Value {
        let mut response = ureq::get(&self.rest_url(route))
            .header("Authorization", &self.basic_auth())
            .config()
            .http_status_as_error(false)
            .build()
            .call()
            .expect("REST GET");
        let text = response.body_mut().read_to_string().expect("REST body");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("REST {route}: {e}: {text}"))
    }

    /// POST JSON to a REST route with the application password (an edit
    /// "made on the site").
    pub fn rest_post(&self, route: &str, body: &serde_json::Value) -> serde_json::Value {
        let mut response = ureq::post(&self.rest_url(route))
            .header("Authorization", &self.basic_auth())
            .header("Content-Type", "application/json")
            .config()
            .http_status_as_error(false)
            .build()
            .send(body.to_string().as_bytes())
            .expect("REST POST");
        let text = response.body_mut().read_to_string().expect("REST body");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("REST {route}: {e}: {text}"))
    }

    /// The `Authorization` header of the administrator's application password.
    pub fn basic_auth(&self) -> String {
        use base64::Engine;
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD
                .encode(format!("{}:{}", self.user, self.app_password))
        )
    }

    /// GET a URL (no auth): status and body.
    pub fn get(&self, url: &str) -> (u16, Vec<u8>) {
        let mut response = ureq::get(url)
            .config()
            .http_status_as_error(false)
            .build()
            .call()
            .expect("GET");
        let status = response.status().as_u16();
        let mut body = Vec::new();
        response
            .body_mut()
            .as_reader()
            .read_to_end(&mut body)
            .expect("read body");
        (status, body)
    }
}

impl Drop for WordPress {
    fn drop(&mut self) {
        // Each server leads its own process group (php -S forks workers):
        // stop the whole group, then reap the leader.
        for child in self.processes.iter_mut().rev() {
            if let Ok(pid) = i32::try_from(child.id()) {
                // SAFETY: kill(2) on a process group this fixture created.
                unsafe {
                    libc::kill(-pid, libc::SIGKILL);
                }
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_file(&self.config_file);
    }
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for(limit: Duration, what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < limit,
            "{what} did not come up within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
