//! Twins on a site that runs Polylang: the language is sent and the second
//! twin published is linked to the first. Polylang itself is not packaged
//! in Debian, so a must-use plugin stands in for its REST contract: the
//! `pll/v1` namespace and the `lang` and `translations` fields of posts.

use postdesk::model::{Lang, PostPatch, Status};
use postdesk::publish::wordpress::{self, PublishNote, PublishOptions};
use postdesk::store::EditKind;
use serde_json::json;

use super::Site;

const FAKE_POLYLANG: &str = r#"<?php
add_action('rest_api_init', function () {
    register_rest_route('pll/v1', '/languages', array(
        'methods' => 'GET',
        'callback' => function () { return array(array('slug' => 'en'), array('slug' => 'fr')); },
        'permission_callback' => '__return_true',
    ));
    register_rest_field('post', 'lang', array(
        'get_callback' => function ($p) { return (string) get_post_meta($p['id'], 'pll_test_lang', true); },
        'update_callback' => function ($value, $post) { update_post_meta($post->ID, 'pll_test_lang', $value); },
        'schema' => array('type' => 'string', 'context' => array('view', 'edit')),
    ));
    register_rest_field('post', 'translations', array(
        'get_callback' => function ($p) { $t = get_post_meta($p['id'], 'pll_test_translations', true); return $t ? $t : new stdClass(); },
        'update_callback' => function ($value, $post) { update_post_meta($post->ID, 'pll_test_translations', $value); },
        'schema' => array('type' => 'object', 'context' => array('view', 'edit'), 'additionalProperties' => array('type' => 'integer')),
    ));
});
"#;

pub fn twins_are_linked_when_the_site_runs_polylang(site: &mut Site) {
    site.wp
        .add_mu_plugin("postdesk-test-polylang", FAKE_POLYLANG);
    let en = site.new_post(
        "Snow clearing on bike lanes",
        "The city agreed.\n",
        Status::Published,
    );
    let fr = site.store.create_translation(en.id).unwrap();
    let fr = site
        .store
        .update_post(
            fr.id,
            PostPatch {
                title: Some("Déneigement des pistes cyclables".into()),
                body: Some("La ville a accepté.\n".into()),
                status: Some(Status::Published),
                ..PostPatch::default()
            },
            EditKind::Save,
        )
        .unwrap();
    let en_out =
        wordpress::publish_post(&mut site.store, en.id, PublishOptions::default()).unwrap();
    assert!(
        en_out
            .notes
            .contains(&PublishNote::TwinNotPublished { lang: Lang::Fr }),
        "{:?}",
        en_out.notes
    );
    let fr_out =
        wordpress::publish_post(&mut site.store, fr.id, PublishOptions::default()).unwrap();
    assert!(
        fr_out.notes.contains(&PublishNote::LinkedWithTranslation),
        "{:?}",
        fr_out.notes
    );
    let remote = site.remote_post(fr_out.wordpress_id);
    assert_eq!(remote["lang"], "fr", "{remote}");
    assert_eq!(
        remote["translations"],
        json!({ "en": en_out.wordpress_id }),
        "{remote}"
    );
    assert_eq!(site.remote_post(en_out.wordpress_id)["lang"], "en");
    site.wp.remove_mu_plugin("postdesk-test-polylang");
}
