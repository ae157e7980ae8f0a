//! Failures lose nothing: a refused key, no network, a remote that
//! refuses the push, a damaged file in the repository.

use std::sync::Once;

use postdesk::sync::{self, SyncOptions};

use super::{git, TeamRepo};

/// One fake `ssh` for the failure tests: refuses keys for refuse.invalid,
/// cannot resolve offline.invalid (the environment is per process, so one
/// script serves every test). It lives in Cargo's temporary folder under
/// `target/`, one fixed path written by an atomic rename, so no run leaves a
/// folder behind in the system's /tmp.
fn fake_ssh() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fake-ssh");
        std::fs::create_dir_all(&dir).expect("dir");
        let script = dir.join("ssh");
        let partial = dir.join(format!("ssh.{}", std::process::id()));
        std::fs::write(
            &partial,
            "#!/bin/sh\ncase \"$*\" in\n  *refuse.invalid*) echo 'git@refuse.invalid: Permission denied (publickey).' >&2 ;;\n  *) echo 'ssh: Could not resolve hostname offline.invalid: Name or service not known' >&2 ;;\nesac\nexit 255\n",
        )
        .expect("script");
        std::fs::set_permissions(&partial, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        std::fs::rename(&partial, &script).expect("rename");
        std::env::set_var("GIT_SSH_COMMAND", &script);
    });
}

#[test]
fn a_refused_key_and_no_network_are_typed_errors_and_lose_nothing() {
    fake_ssh();
    let team = TeamRepo::new();
    let mut ana = team.laptop("ana");
    ana.new_post("Kept", "words");
    let e = sync::connect(&mut ana.store, "git@refuse.invalid:team/drafts.git", None)
        .expect_err("refused");
    assert_eq!(e.code(), "git_auth", "{e}");
    assert!(e.to_string().contains("refused your key"), "{e}");
    let e = sync::connect(&mut ana.store, "git@offline.invalid:team/drafts.git", None)
        .expect_err("offline");
    assert_eq!(e.code(), "git_offline", "{e}");
    assert_eq!(
        ana.store
            .list_posts(&Default::default())
            .expect("list")
            .len(),
        1
    );
    let e = sync::connect(&mut ana.store, "--upload-pack=touch /tmp/x", None).expect_err("bad");
    assert_eq!(e.code(), "git_failed");
}

#[test]
fn an_offline_remote_keeps_the_work_and_the_next_sync_shares_it() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "One.").uid;
    ana.sync();
    let aside = team.dir.path().join("unmounted.git");
    std::fs::rename(&team.remote, &aside).expect("unplug");
    ana.set_body(&uid, "One, offline.");
    let e = sync::sync_now(&mut ana.store, &SyncOptions::default()).expect_err("offline");
    assert_eq!(e.code(), "git_offline", "{e}");
    assert_eq!(sync::status(&ana.store).expect("status").unshared, 1);
    std::fs::rename(&aside, &team.remote).expect("plug back");
    ana.sync();
    let ben = team.joined("ben");
    assert_eq!(ben.by_uid(&uid).body, "One, offline.");
}

#[test]
fn a_remote_that_refuses_the_push_keeps_the_post_unshared() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "One.").uid;
    ana.sync();
    let hook = team.remote.join("hooks/pre-receive");
    std::fs::write(&hook, "#!/bin/sh\necho 'protected branch' >&2\nexit 1\n").expect("hook");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    ana.set_body(&uid, "Two.");
    let e = sync::sync_now(&mut ana.store, &SyncOptions::default()).expect_err("refused");
    assert_eq!(e.code(), "git_failed", "{e}");
    assert_eq!(ana.by_uid(&uid).body, "Two.");
    assert_eq!(sync::status(&ana.store).expect("status").unshared, 1);
}

#[test]
fn a_damaged_shared_file_is_reported_and_the_local_post_is_untouched() {
    let team = TeamRepo::new();
    let mut ana = team.joined("ana");
    let uid = ana.new_post("Gala", "One.").uid;
    ana.sync();
    // A teammate commits a broken file by hand.
    let work = team.dir.path().join("work");
    git(team.dir.path(), &["clone", "-q", &team.url(), "work"]);
    let file = work.join(format!("postdesk/posts/{uid}/index.md"));
    std::fs::write(&file, "---\nuid: [unclosed\n---\nbody").expect("write");
    git(
        &work,
        &[
            "-c",
            "user.name=x",
            "-c",
            "user.email=x@x",
            "commit",
            "-qam",
            "oops",
        ],
    );
    git(&work, &["push", "-q", "origin", "HEAD:main"]);
    let r = ana.sync();
    assert_eq!(r.problems.len(), 1, "{r:?}");
    assert!(r.problems[0].path.ends_with(&format!("{uid}/index.md")));
    assert_eq!(ana.by_uid(&uid).body, "One.");
}
