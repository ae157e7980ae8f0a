//! Markdown rendering benchmarks: `postdesk::markdown::render` (parse, the
//! render passes, HTML, sanitization) on a ~1,500-word post and a
//! ~100,000-word document, against pulldown-cmark's plain `push_html` on the
//! same input with the same options (the baseline, so figures can be read as
//! ratios), and the sanitizer alone.
//!
//! `cargo bench --no-default-features --bench render`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use postdesk::markdown::{parser, render, sanitize, RenderOptions};

#[path = "../tests/support/mod.rs"]
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

criterion_group!(benches, bench_render);
criterion_main!(benches);
