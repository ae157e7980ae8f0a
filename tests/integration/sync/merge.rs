//! The merge rules on single posts, without git.

use postdesk::model::{Post, Status};
use postdesk::sync::format::SharedPost;
use postdesk::sync::merge::{merge, merge_tags, Merged};
use postdesk::sync::{has_conflict_markers, Take};

fn post(body: &str) -> SharedPost {
    SharedPost::from_local(
        &Post {
            uid: "00000000000000000000000000000001".into(),
            title: "Appeal".into(),
            slug: "appeal".into(),
            body: body.into(),
            tags: vec!["news".into()],
            ..Post::default()
        },
        None,
    )
    .expect("live")
}

fn clean(m: Merged) -> SharedPost {
    match m {
        Merged::Clean(Some(p)) => p,
        other => panic!("expected a clean merge, got {other:?}"),
    }
}

#[test]
fn a_field_changed_on_one_side_takes_that_side() {
    let base = post("A\n\nB");
    let mut mine = base.clone();
    mine.title = "Appeal 2026".into();
    let mut theirs = base.clone();
    theirs.status = Status::Review;
    theirs.reviewer = "Ana".into();
    let m = clean(merge(Some(&base), Some(&mine), Some(&theirs), &[]));
    assert_eq!(
        (m.title.as_str(), m.status, m.reviewer.as_str()),
        ("Appeal 2026", Status::Review, "Ana")
    );
}

#[test]
fn tags_merge_as_sets() {
    let s = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    assert_eq!(
        merge_tags(
            Some(&s(&["a", "b"])),
            &s(&["a", "b", "mine"]),
            &s(&["b", "theirs"])
        ),
        s(&["b", "mine", "theirs"]),
        "both additions kept, a removal on one side applies"
    );
}

#[test]
fn different_paragraphs_merge_and_the_same_paragraph_conflicts() {
    let base = post("One.\n\nTwo.\n\nThree.");
    let mut mine = base.clone();
    mine.body = "One, mine.\n\nTwo.\n\nThree.".into();
    let mut theirs = base.clone();
    theirs.body = "One.\n\nTwo.\n\nThree, theirs.".into();
    let m = clean(merge(Some(&base), Some(&mine), Some(&theirs), &[]));
    assert_eq!(m.body, "One, mine.\n\nTwo.\n\nThree, theirs.");

    theirs.body = "One, theirs.\n\nTwo.\n\nThree.".into();
    let Merged::Conflict { items, .. } = merge(Some(&base), Some(&mine), Some(&theirs), &[]) else {
        panic!("same paragraph must conflict")
    };
    assert_eq!(items.len(), 1);
    assert_eq!(
        (
            items[0].field.as_str(),
            items[0].mine.as_str(),
            items[0].theirs.as_str()
        ),
        ("body", "One, mine.", "One, theirs.")
    );
    let mut both = items.clone();
    let mut stale = items.clone();
    stale[0].mine = "One, mine, before another edit.".into();
    stale[0].choice = Some(Take::Theirs);
    assert!(
        matches!(
            merge(Some(&base), Some(&mine), Some(&theirs), &stale),
            Merged::Conflict { .. }
        ),
        "a choice made on other texts is not applied"
    );
    both[0].choice = Some(Take::Both);
    let m = clean(merge(Some(&base), Some(&mine), Some(&theirs), &both));
    assert_eq!(m.body, "One, mine.\n\nOne, theirs.\n\nTwo.\n\nThree.");
    both[0].choice = Some(Take::Theirs);
    let m = clean(merge(Some(&base), Some(&mine), Some(&theirs), &both));
    assert_eq!(m.body, theirs.body);
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = post("One.\n\nTwo.");
    let mut mine = base.clone();
    mine.body = "One.\n\nTwo, edited.\n\nNew.".into();
    let theirs = mine.clone();
    assert_eq!(
        clean(merge(Some(&base), Some(&mine), Some(&theirs), &[])),
        mine
    );
}

#[test]
fn neighbouring_paragraphs_edited_on_each_side_merge() {
    let base = post("One.\n\nTwo.");
    let mut mine = base.clone();
    mine.body = "One, mine.\n\nTwo.".into();
    let mut theirs = base.clone();
    theirs.body = "One.\n\nTwo, theirs.\n\nThree, theirs.".into();
    let m = clean(merge(Some(&base), Some(&mine), Some(&theirs), &[]));
    assert_eq!(m.body, "One, mine.\n\nTwo, theirs.\n\nThree, theirs.");
}

#[test]
fn an_edit_beats_a_delete_on_either_side() {
    let base = post("One.");
    let mut edited = base.clone();
    edited.body = "One, edited.".into();
    assert_eq!(
        merge(Some(&base), None, Some(&edited), &[]),
        Merged::Clean(Some(edited.clone()))
    );
    assert_eq!(
        merge(Some(&base), Some(&edited), None, &[]),
        Merged::Clean(Some(edited.clone()))
    );
    assert_eq!(
        merge(Some(&base), None, Some(&base), &[]),
        Merged::Clean(None)
    );
    assert_eq!(
        merge(Some(&base), Some(&base), None, &[]),
        Merged::Clean(None)
    );
}

#[test]
fn text_that_looks_like_markers_never_confuses_the_merge() {
    let tricky = "<<<<<<< ours\n\n=======\n\n>>>>>>> theirs";
    let base = post(&format!("{tricky}\n\nEnd."));
    let mut mine = base.clone();
    mine.body = format!("{tricky}\n\nEnd, mine.");
    let mut theirs = base.clone();
    theirs.body = format!("Start.\n\n{tricky}\n\nEnd.");
    let m = clean(merge(Some(&base), Some(&mine), Some(&theirs), &[]));
    assert_eq!(m.body, format!("Start.\n\n{tricky}\n\nEnd, mine."));
    assert!(has_conflict_markers(
        "a\n<<<<<<< ours\nb\n=======\nc\n>>>>>>> theirs\n"
    ));
    assert!(!has_conflict_markers("Title\n=======\n\n> > > quote"));
}
