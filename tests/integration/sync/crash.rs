//! A sync stopped anywhere (fault injection in-process, and a real SIGKILL
//! of the CLI) leaves library and repository consistent; the next sync
//! finishes the work and the remote history is never rewritten.

use std::os::unix::process::ExitStatusExt;
use std::process::Command;

use postdesk::sync::{self, CrashPoint, SyncOptions};

use super::{git, TeamRepo};

fn is_ancestor(team: &TeamRepo, old: &str) -> bool {
    Command::new("git")
        .args(["merge-base", "--is-ancestor", old, "main"])
        .current_dir(&team.remote)
        .status()
        .expect("git")
        .success()
}

#[test]
fn a_sync_stopped_at_any_point_is_completed_by_the_next() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "Start.\n\nMiddle.\n\nEnd.").uid;
    ana.sync();
    let mut ben = team.joined("ben");
    let mut heads = vec![team.head()];
    for (i, at) in CrashPoint::ALL.into_iter().enumerate() {
        let words = format!("Edit {i} before a crash {}.", at.as_str());
        let (_, rest) = ana
            .by_uid(&uid)
            .body
            .split_once("\n\n")
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .expect("paragraphs");
        ana.set_body(&uid, &format!("{words}\n\n{rest}"));
        let ben_body = ben.by_uid(&uid).body;
        let (head, _) = ben_body.rsplit_once("\n\n").expect("paragraphs");
        ben.set_body(&uid, &format!("{head}\n\nBen's ending {i}."));
        let opts = SyncOptions {
            crash_at: Some(at),
            ..SyncOptions::default()
        };
        sync::sync_now(&mut ana.store, &opts).expect_err("stopped");
        ana.sync();
        ben.sync();
        ana.sync();
        heads.push(team.head());
        assert_eq!(ana.by_uid(&uid).body, ben.by_uid(&uid).body, "{at:?}");
        assert!(
            ana.by_uid(&uid).body.contains(&words),
            "{at:?}: Ana's edit lost"
        );
        assert_eq!(
            sync::status(&ana.store).expect("status").unshared,
            0,
            "{at:?}"
        );
        assert!(sync::conflicts(&ana.store).expect("c").is_empty());
    }
    assert!(
        heads.iter().all(|h| is_ancestor(&team, h)),
        "history rewritten"
    );
}

#[test]
fn the_cli_killed_mid_sync_leaves_everything_consistent() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "Start.").uid;
    ana.sync();
    for at in CrashPoint::ALL {
        let words = format!("Written before kill at {}.", at.as_str());
        ana.set_body(&uid, &words);
        let status = Command::new(env!("CARGO_BIN_EXE_postdesk"))
            .args(["--db".as_ref(), ana.path.as_os_str(), "sync".as_ref()])
            .env("POSTDESK_SYNC_KILL_AT", at.as_str())
            .output()
            .expect("postdesk runs")
            .status;
        assert_eq!(status.signal(), Some(9), "{at:?}: not killed ({status:?})");
        assert_eq!(ana.store.integrity_check().expect("check"), ["ok"]);
        ana.sync();
        let ben = team.joined(&format!("ben-{}", at.as_str()));
        assert_eq!(ben.by_uid(&uid).body, words, "{at:?}");
    }
    git(&team.remote, &["fsck", "--no-progress"]);
}
