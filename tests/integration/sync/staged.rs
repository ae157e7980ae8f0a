//! The edits the desktop stages for a close (`StagedEdits`, written by
//! `Store::write_staged` when the window closes): guarded like an autosave,
//! so closing never reverts a teammate's change a sync brought in, and the
//! editor's own save on its way is not taken for one.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};
use postdesk::model::{Post, PostPatch};
use postdesk::store::{EditKind, StagedEdit, StagedEdits, Store};

use super::TeamRepo;
use crate::support::{manual_clock, post, Library};

fn typed(body: &str) -> PostPatch {
    PostPatch {
        body: Some(body.into()),
        ..PostPatch::default()
    }
}

/// A library with one post, "Gala" ("One."), as the editor read it at `t0`,
/// and the library's clock (set it to move time on).
struct OnePost {
    /// Keeps the library's folder for the test's length.
    _lib: Library,
    store: Store,
    clock: Arc<Mutex<DateTime<Utc>>>,
    t0: DateTime<Utc>,
    read: Post,
}

impl OnePost {
    /// Set the library's clock to `t0` + `secs` seconds.
    fn at_second(&self, secs: i64) {
        *self.clock.lock().unwrap() = self.t0 + Duration::seconds(secs);
    }
}

fn one_post() -> OnePost {
    let lib = Library::new();
    let mut store = lib.open();
    let t0 = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let clock = manual_clock(&mut store, t0);
    let read = post(&mut store, "Gala", "One.");
    OnePost {
        _lib: lib,
        store,
        clock,
        t0,
        read,
    }
}

#[test]
fn closing_after_a_sync_wrote_the_post_keeps_the_teammates_change_and_the_words_in_history() {
    let team = TeamRepo::new();
    let (mut ana, mut ben, uid) = team.ana_shares_gala_with_ben();
    // Ben's editor reads the post (T0) and he types: the edit is staged.
    let in_editor = ben.by_uid(&uid);
    let mut staged = StagedEdits::default();
    staged.stage(
        in_editor.id,
        StagedEdit {
            patch: typed("One, with Ben's words.\n\nTwo."),
            based_on: Some(in_editor.updated_at),
        },
    );
    // Ana's change reaches Ben's library before he closes the window (T1).
    ana.set_body(&uid, "One.\n\nTwo, with Ana's fix.");
    ana.sync();
    assert_eq!(ben.sync().received, 1);
    // Closing the window writes what was staged.
    let outcomes = ben.store.write_staged(staged.take_all());
    assert!(
        matches!(
            outcomes.as_slice(),
            [(id, Err(postdesk::Error::PostChangedMeanwhile { .. }))] if *id == in_editor.id
        ),
        "{outcomes:?}"
    );
    ben.assert_kept_theirs_and_mine(
        &uid,
        "One.\n\nTwo, with Ana's fix.",
        "One, with Ben's words.\n\nTwo.",
    );
}

#[test]
fn an_edit_staged_from_the_copy_before_the_editors_own_save_is_written_on_close() {
    let mut p = one_post();
    let mut staged = StagedEdits::default();
    // The autosave of "One, two." is written (T1)...
    p.at_second(1);
    let mark = staged.mark();
    let saved = p
        .store
        .save_edit(
            p.read.id,
            typed("One, two."),
            EditKind::Autosave,
            Some(p.read.updated_at),
        )
        .expect("autosave");
    assert_ne!(saved.updated_at, p.read.updated_at);
    staged.written(p.read.id, Some(p.read.updated_at), &saved, mark);
    // ...while the next keystroke was staged from the editor's copy (T0).
    staged.stage(
        p.read.id,
        StagedEdit {
            patch: typed("One, two, three."),
            based_on: Some(p.read.updated_at),
        },
    );
    p.at_second(2);
    let outcomes = p.store.write_staged(staged.take_all());
    assert!(matches!(outcomes.as_slice(), [(_, Ok(_))]), "{outcomes:?}");
    assert_eq!(
        p.store.get_post(p.read.id).unwrap().body,
        "One, two, three."
    );
}

#[test]
fn an_edit_staged_while_the_editors_save_was_being_written_stays_for_the_close() {
    let mut p = one_post();
    let mut staged = StagedEdits::default();
    staged.stage(
        p.read.id,
        StagedEdit {
            patch: typed("One, two."),
            based_on: Some(p.read.updated_at),
        },
    );
    // The autosave of "One, two." starts; a keystroke is staged meanwhile.
    let mark = staged.mark();
    staged.stage(
        p.read.id,
        StagedEdit {
            patch: typed("One, two, three."),
            based_on: Some(p.read.updated_at),
        },
    );
    p.at_second(1);
    let saved = p
        .store
        .save_edit(
            p.read.id,
            typed("One, two."),
            EditKind::Autosave,
            Some(p.read.updated_at),
        )
        .expect("autosave");
    staged.written(p.read.id, Some(p.read.updated_at), &saved, mark);
    p.at_second(2);
    let outcomes = p.store.write_staged(staged.take_all());
    assert!(matches!(outcomes.as_slice(), [(_, Ok(_))]), "{outcomes:?}");
    assert_eq!(
        p.store.get_post(p.read.id).unwrap().body,
        "One, two, three."
    );
}
