//! Markdown rendering benchmarks: `postdesk::markdown::render` (parse, the
//! render passes, HTML, sanitization) on a ~1,500-word post and a
//! ~100,000-word document, against pulldown-cmark's plain `push_html` on the
//! same input with the same options (the baseline, so figures can be read as
//! ratios), and the sanitizer alone.
//!
//! The live preview per keystroke (`live/…`): one change applied to the
//! open post's [`LiveDocument`] and the preview brought up to date (cut the
//! changed stretch, render what must be, splice), at 1,500, 20,000 and
//! 100,000 words and at 20,000 words with 40 footnotes and reference links,
//! printed as a ratio against a whole render of the same document in the
//! same run, with how many keystrokes walked every block, and the
//! per-keystroke time at each length against the one at 1,500 words (flat
//! when the work does not grow with the document).
//!
//! `cargo bench --no-default-features --bench render`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use postdesk::markdown::live::{LiveDocument, LiveText, TextChange};
use postdesk::markdown::{parser, render, sanitize, RenderOptions};

#[path = "../support/mod.rs"]
mod support;
use support::Rng;

const ENGLISH: &[&str] = &[
    "the",
    "a",
    "post",
    "draft",
    "writer",
    "newsletter",
    "reader",
    "site",
    "export",
    "offline",
    "quickly",
    "careful",
    "editor",
    "preview",
    "image",
    "table",
    "list",
    "heading",
    "summary",
    "and",
    "of",
    "to",
    "in",
    "with",
    "for",
    "on",
    "is",
    "was",
    "will",
    "can",
    "every",
    "week",
    "story",
    "team",
    "publish",
    "schedule",
    "review",
    "morning",
    "evening",
    "city",
    "river",
    "market",
    "history",
    "music",
    "garden",
    "winter",
    "summer",
    "letter",
    "answer",
    "question",
    "simple",
    "important",
    "different",
    "together",
    "between",
    "through",
    "without",
    "because",
];

const FRENCH: &[&str] = &[
    "l’été",
    "aujourd’hui",
    "écrire",
    "très",
    "peut-être",
    "où",
    "déjà",
    "français",
    "cœur",
    "lettre",
    "rédaction",
    "éditeur",
    "journée",
    "qu’il",
    "c’est",
    "après",
    "à",
    "être",
    "même",
    "fenêtre",
    "forêt",
    "hôpital",
    "naïve",
    "garçon",
    "leçon",
    "le",
    "la",
    "les",
    "des",
    "une",
    "et",
    "dans",
    "pour",
    "avec",
    "sur",
    "mais",
    "chaque",
    "semaine",
    "histoire",
    "marché",
];

/// One sentence of 6 to 16 words, with occasional inline formatting.
fn sentence(rng: &mut Rng, french: bool, words: &mut usize) -> String {
    let vocabulary = if french { FRENCH } else { ENGLISH };
    let n = 6 + rng.below(11);
    *words += n;
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let word = rng.pick(vocabulary);
        match rng.below(40) {
            0 => out.push_str(&format!("*{word}*")),
            1 => out.push_str(&format!("**{word}**")),
            2 => out.push_str(&format!("`{word}`")),
            3 => out.push_str(&format!(
                "[{word}](https://example.com/{}/)",
                rng.below(1000)
            )),
            _ if i == 0 => {
                let mut chars = word.chars();
                let first = chars.next().unwrap();
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(word),
        }
    }
    out.push_str(if french {
        rng.pick(&[".", " !", " ?", "."])
    } else {
        rng.pick(&[".", ".", "!", "?"])
    });
    out
}

fn paragraph(rng: &mut Rng, french: bool, words: &mut usize) -> String {
    let n = 3 + rng.below(4);
    (0..n)
        .map(|_| sentence(rng, french, words))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A realistic document of about `target` words: sections with headings,
/// paragraphs (one in four in French), lists, task lists, tables, images
/// (asset references and remote), quotations and code blocks.
fn document(target: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut words = 0;
    let mut doc = String::from("# A generated post for benchmarks\n\n");
    let mut section = 0;
    while words < target {
        section += 1;
        let french = rng.one_in(4);
        let title = sentence(&mut rng, french, &mut words);
        doc.push_str(&format!(
            "## {}\n\n",
            title.trim_end_matches(['.', '!', '?', ' '])
        ));
        for _ in 0..2 + rng.below(4) {
            let french = rng.one_in(4);
            doc.push_str(&paragraph(&mut rng, french, &mut words));
            doc.push_str("\n\n");
        }
        if section % 3 == 0 {
            for i in 0..3 + rng.below(3) {
                let marker = if section % 6 == 0 {
                    if i % 2 == 0 {
                        "- [x] "
                    } else {
                        "- [ ] "
                    }
                } else {
                    "- "
                };
                doc.push_str(marker);
                doc.push_str(&sentence(&mut rng, french, &mut words));
                doc.push('\n');
            }
            doc.push('\n');
        }
        if section % 4 == 0 {
            if rng.one_in(2) {
                doc.push_str(&format!(
                    "![A photo of the {}](asset:{:016x} \"Photo\")\n\n",
                    rng.pick(ENGLISH),
                    rng.next()
                ));
            } else {
                doc.push_str(&format!(
                    "![Une image de la {}](https://images.example.com/{}.jpg)\n\n",
                    rng.pick(FRENCH),
                    rng.below(10_000)
                ));
            }
        }
        if section % 5 == 0 {
            doc.push_str("| Item | Quantité | Note |\n|:-----|-------:|:----:|\n");
            for _ in 0..4 {
                words += 3;
                doc.push_str(&format!(
                    "| {} | {} | {} |\n",
                    rng.pick(ENGLISH),
                    rng.below(500),
                    rng.pick(FRENCH)
                ));
            }
            doc.push('\n');
        }
        if section % 7 == 0 {
            doc.push_str("> ");
            doc.push_str(&sentence(&mut rng, !french, &mut words));
            doc.push_str("\n\n");
        }
        if section % 11 == 0 {
            words += 8;
            doc.push_str("```rust\nfn main() {\n    println!(\"<b>{}</b>\", 1 < 2);\n}\n```\n\n");
        }
    }
    doc
}

/// Asset references become relative paths, as in an export.
fn resolve(url: &str) -> Option<String> {
    Some(format!("media/{}.jpg", &url["asset:".len()..]))
}

fn bench_render(c: &mut Criterion) {
    let resolver = resolve;
    let opts = RenderOptions {
        resolve_asset: Some(&resolver),
        summary: "",
    };
    for (name, target, seed) in [("1.5k_words", 1_500, 7), ("100k_words", 100_000, 42)] {
        let doc = document(target, seed);
        let rendered = render(&doc, &opts);
        let mut raw = String::new();
        pulldown_cmark::html::push_html(&mut raw, parser(&doc));
        eprintln!(
            "{name}: {} words, {} KiB of Markdown, {} KiB of HTML, {} headings, {} links, {} images",
            rendered.word_count,
            doc.len() / 1024,
            rendered.html.len() / 1024,
            rendered.outline.len(),
            rendered.links.len(),
            rendered.images.len(),
        );

        let mut group = c.benchmark_group(format!("render/{name}"));
        group.throughput(Throughput::Bytes(doc.len() as u64));
        if target > 10_000 {
            group.sample_size(20);
        }
        group.bench_function("baseline_pulldown_push_html", |b| {
            b.iter(|| {
                let mut out = String::with_capacity(doc.len() * 3 / 2);
                pulldown_cmark::html::push_html(&mut out, parser(black_box(&doc)));
                out
            })
        });
        group.bench_function("postdesk_render", |b| {
            b.iter(|| render(black_box(&doc), &opts))
        });
        group.bench_function("sanitize_only", |b| b.iter(|| sanitize(black_box(&raw))));
        group.finish();
    }
}

/// Where a writer types: the end of the paragraph in the middle of `doc`,
/// as a UTF-16 offset (what the editor sends).
fn typing_point(doc: &str) -> u32 {
    let middle = doc.len() / 2;
    let at = doc[middle..]
        .find(".\n\n")
        .map_or(doc.len(), |i| middle + i + 1);
    doc[..at].encode_utf16().count() as u32
}

/// One keystroke: `key` typed at `at` on version `base`.
fn keystroke(base: u32, at: u32, key: &str) -> LiveText {
    LiveText::Changes {
        base,
        changes: vec![TextChange {
            from: at,
            to: at,
            insert: key.to_owned(),
        }],
    }
}

fn percentile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// Time `n` keystrokes typed into `doc` and `n / 10` whole renders of it,
/// and print both with their ratio.
fn print_keystroke_ratio(name: &str, doc: &str, opts: &RenderOptions) -> Duration {
    let mut live = LiveDocument::default();
    live.edit(
        LiveText::Whole {
            text: doc.to_owned(),
        },
        opts,
        true,
    );
    let start = typing_point(doc);
    let walks = live.whole_walks();
    let mut keys = Vec::new();
    for (i, at) in (start..start + 400).enumerate() {
        let key = if i % 6 == 5 { " " } else { "x" };
        let t = Instant::now();
        let p = live.edit(keystroke(live.version(), at, key), opts, false);
        keys.push(t.elapsed());
        assert!(!p.resync && p.splice.html.len() <= 2, "{:?}", p.splice.keys);
    }
    let mut wholes = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        black_box(render(black_box(live.text()), opts));
        wholes.push(t.elapsed());
    }
    let walked = live.whole_walks() - walks;
    keys.sort();
    wholes.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let whole = percentile(&wholes, 0.5);
    eprintln!(
        "live/{name}: per keystroke p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms; whole render p50 {:.2} ms; \
         keystroke/whole = {:.4} (p50), {:.4} (p95); {walked} of {} keystrokes walked every block",
        ms(percentile(&keys, 0.5)),
        ms(percentile(&keys, 0.95)),
        ms(keys[keys.len() - 1]),
        ms(whole),
        ms(percentile(&keys, 0.5)) / ms(whole),
        ms(percentile(&keys, 0.95)) / ms(whole),
        keys.len(),
    );
    percentile(&keys, 0.5)
}

fn bench_live(c: &mut Criterion) {
    let resolver = resolve;
    let opts = RenderOptions {
        resolve_asset: Some(&resolver),
        summary: "",
    };
    let short = document(1_500, 7);
    let middle = document(20_000, 9);
    let long = document(100_000, 42);
    let cited = support::with_footnotes(&document(20_000, 11), 40);
    let base = print_keystroke_ratio("1.5k_words", &short, &opts);
    for (name, doc) in [
        ("20k_words", &middle),
        ("100k_words", &long),
        ("20k_words_40_footnotes", &cited),
    ] {
        let p50 = print_keystroke_ratio(name, doc, &opts);
        eprintln!(
            "live/{name}: per keystroke p50 / per keystroke p50 at 1.5k words = {:.2}",
            p50.as_secs_f64() / base.as_secs_f64()
        );
    }
    for (name, doc) in [("100k_words", &long), ("20k_words_40_footnotes", &cited)] {
        let mut group = c.benchmark_group(format!("live/{name}"));
        group.sample_size(20);
        group.bench_function("whole_render", |b| b.iter(|| render(black_box(doc), &opts)));
        let mut live = LiveDocument::default();
        live.edit(LiveText::Whole { text: doc.clone() }, &opts, true);
        let at = typing_point(doc);
        // An "x" typed, then deleted: the paragraph keeps its length however
        // many iterations criterion runs (typed on and on, it grew to
        // thousands of x's and each keystroke cost five times more).
        let mut typed = false;
        group.bench_function("keystroke", |b| {
            b.iter(|| {
                let change = if typed {
                    LiveText::Changes {
                        base: live.version(),
                        changes: vec![TextChange {
                            from: at,
                            to: at + 1,
                            insert: String::new(),
                        }],
                    }
                } else {
                    keystroke(live.version(), at, "x")
                };
                typed = !typed;
                live.edit(change, &opts, false)
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench_render, bench_live);
criterion_main!(benches);
