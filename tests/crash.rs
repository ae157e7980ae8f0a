//! Crash safety: SIGKILL a CLI process that edits a post in a loop, at random
//! moments, 200 times. After every kill the library must pass
//! `PRAGMA integrity_check` and hold every edit the process reported as saved.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use postdesk::model::NewPost;
use postdesk::store::Store;

const KILLS: u32 = 200;

/// xorshift64*: enough randomness for kill times, with a printed seed to replay a failure.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// `(label, n)` from a body written by `postdesk torture-edit`.
fn parse_body(body: &str) -> Option<(String, u64)> {
    let first = body.lines().next()?;
    let (label, n) = first.split_once(" edit ")?;
    Some((label.to_string(), n.parse().ok()?))
}

#[test]
fn sigkill_during_edits_never_loses_a_saved_edit_or_corrupts_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite");
    let id = {
        let mut store = Store::open(&db).unwrap();
        store
            .create_post(NewPost {
                title: "Crash target".into(),
                body: "start".into(),
                ..NewPost::default()
            })
            .unwrap()
            .id
    };
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("crash test seed: {seed} (set CRASH_SEED to replay)");
    let mut rng = Rng(seed);
    let mut confirmed_total = 0u64;
    let mut killed_mid_run = 0u32;
    let mut previous: Option<(String, u64)> = None;

    for run in 0..KILLS {
        let label = format!("run{run}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_postdesk"))
            .arg("--db")
            .arg(&db)
            .args(["torture-edit", "crash-target", "--label", &label])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn postdesk");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel::<u64>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("saved ").and_then(|n| n.parse().ok()) {
                    if tx.send(n).is_err() {
                        break;
                    }
                }
            }
        });
        // Between 2 and 120 ms: some kills land while opening, most mid-edit.
        std::thread::sleep(Duration::from_micros(2_000 + rng.next() % 118_000));
        child.kill().expect("SIGKILL");
        let status = child.wait().unwrap();
        reader.join().unwrap();
        let reported: Vec<u64> = rx.try_iter().collect();
        if status.code().is_none() {
            killed_mid_run += 1;
        }

        let store =
            Store::open(&db).unwrap_or_else(|e| panic!("run {run}: library unreadable: {e}"));
        assert_eq!(
            store.integrity_check().unwrap(),
            vec!["ok".to_string()],
            "run {run}: integrity_check failed (seed {seed})"
        );
        let body = store.get_post(id).unwrap().body;
        let found = parse_body(&body);
        if let Some(&last) = reported.last() {
            confirmed_total += reported.len() as u64;
            let (l, n) = found
                .clone()
                .unwrap_or_else(|| panic!("run {run}: body lost: {body:.40} (seed {seed})"));
            assert_eq!(
                l, label,
                "run {run}: an edit reported as saved is missing (seed {seed})"
            );
            // The process may have committed one more edit before it could report it.
            assert!(
                n == last || n == last + 1,
                "run {run}: reported {last} saved, library holds {n} (seed {seed})"
            );
        } else if let Some((l, n)) = &found {
            // Nothing reported: the body is the previous run's or this run's first edit.
            let from_previous = previous.as_ref() == Some(&(l.clone(), *n));
            let first_of_this = *l == label && *n == 0;
            assert!(
                from_previous || first_of_this || (previous.is_none() && found.is_none()),
                "run {run}: unexpected body {l} {n} (seed {seed})"
            );
        }
        previous = found;
    }
    println!("crash test: {KILLS} kills ({killed_mid_run} by signal), {confirmed_total} edits reported saved, all present");
    assert!(
        killed_mid_run >= KILLS * 9 / 10,
        "most runs must be killed, not finish"
    );
    assert!(
        confirmed_total > u64::from(KILLS),
        "too few edits happened to test anything"
    );
}
