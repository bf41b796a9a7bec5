//! Native benchmarks of the core on one large generated news page (≈5,000 words of original
//! filler prose with attributed quotes, navigation, a footer and three overlays).
//!
//! ```text
//! cargo bench --bench core                 # full run
//! cargo bench --bench core -- --quick      # a quick look
//! ```

use criterion::{criterion_group, criterion_main, Criterion};
use std::fmt::Write as _;
use std::hint::black_box;
use unveil::overlays::ScanContext;
use unveil::snapshot::wire;
use unveil::{analyze, article, html, overlays, quotes, summary};

const SPEAKERS: [&str; 6] = [
    "Mayor Ilse Varga",
    "the harbour engineer Tomas Reyl",
    "Councillor Amara Osei",
    "a spokesperson for the ferry company",
    "Professor Lena Hoff",
    "the fisherman Piet Olander",
];

const TOPICS: [&str; 8] = [
    "the new sea wall",
    "the winter ferry timetable",
    "the budget for the lighthouse",
    "the flooded market square",
    "the school on the cliff road",
    "the tidal power pilot",
    "the closed bridge",
    "the night bus",
];

/// One paragraph of ≈90 words: narration, a direct quote with a cue, a split quote.
fn paragraph(index: usize) -> String {
    let speaker = SPEAKERS[index % SPEAKERS.len()];
    let topic = TOPICS[index % TOPICS.len()];
    let other = TOPICS[(index * 3 + 1) % TOPICS.len()];
    format!(
        "On the {n}th day of the consultation the council returned to {topic}, which residents \
         have debated since the storm in March. “We cannot keep patching {topic} every winter \
         and hope the sea forgets us,” said {speaker}. Figures shown at the meeting put the cost \
         at {cost} thousand euros, roughly twice the estimate from last year. “The numbers are \
         not the problem,” {speaker} added, “the problem is that nobody wants to decide first.” \
         Others asked why {other} had been postponed again, and the session ran late into the \
         evening before a vote was called.",
        n = index + 1,
        cost = 120 + index * 7,
    )
}

/// A large article page: header nav, ≈55 paragraphs (≈5,000 words), related links, footer,
/// a cookie banner, a donation modal and a newsletter slide-in.
fn large_page() -> String {
    let mut page = String::from(
        "<!doctype html><html lang=\"en\"><head><title>Harbour town argues over its sea wall</title>\
         <meta property=\"og:site_name\" content=\"The Coastal Ledger\">\
         <meta name=\"author\" content=\"Mira Calloway\">\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2026-03-14\"}</script>\
         </head><body class=\"modal-open\"><header><nav><ul>",
    );
    for section in [
        "News", "Harbour", "Weather", "Sport", "Culture", "Opinion", "Archive",
    ] {
        let _ = write!(page, "<li><a href=\"/{section}\">{section}</a></li>");
    }
    page.push_str(
        "</ul></nav></header><main><article><h1>Harbour town argues over its sea wall</h1>\
         <p class=\"byline\">By Mira Calloway</p>",
    );
    for index in 0..55 {
        let _ = write!(page, "<p>{}</p>", paragraph(index));
        if index % 12 == 11 {
            page.push_str(
                "<aside class=\"related\"><a href=\"/a\">Read also: ferry fares</a></aside>",
            );
        }
    }
    page.push_str("</article></main><footer><p>© The Coastal Ledger. All rights reserved.</p>");
    for link in ["About", "Contact", "Privacy", "Terms", "Careers"] {
        let _ = write!(page, "<a href=\"/{link}\">{link}</a> ");
    }
    page.push_str(
        "</footer>\
         <div class=\"cookie-banner\" role=\"dialog\"><p>We use cookies to measure visits.</p>\
         <button>Accept</button></div>\
         <div class=\"donate-modal overlay\" role=\"dialog\" aria-modal=\"true\">\
         <h2>Support local journalism</h2><p>Readers like you keep the Ledger afloat. \
         Give what you can today.</p><button>Donate</button><button>Maybe later</button></div>\
         <div class=\"newsletter-popup\"><p>Get the harbour news in your inbox every morning.</p>\
         <input type=\"email\"><button>Subscribe</button><button>No thanks</button></div>\
         </body></html>",
    );
    page
}

/// Each stage's first call on a tiny input, then a full cold `analyze`: what lazily built
/// state (compiled regexes, lexicons) costs once per instance — in the extension, once per
/// page load, on the analysis's critical path.
fn report_cold_start() {
    let time = |what: &str, f: &mut dyn FnMut()| {
        let started = std::time::Instant::now();
        f();
        eprintln!("cold start: {what:<40} {:?}", started.elapsed());
    };
    let tiny = html::parse(
        "<html><body><p>“Yes,” she said. A short line of text for the first call.</p></body></html>",
        "",
    );
    let text = "“Yes,” said Ilse Varga. The council met again on Monday to talk it over.";
    time("quotes::find (first call)", &mut || {
        quotes::find(text, "en");
    });
    time("summary::summarize (first call)", &mut || {
        summary::summarize(text, "en", 3);
    });
    time("overlays::scan (first call)", &mut || {
        overlays::scan(&tiny, &ScanContext::default());
    });
    time("article::extract (first call)", &mut || {
        article::extract(&tiny);
    });
    time("analyze (tiny page, everything warm)", &mut || {
        analyze(&tiny);
    });
}

fn bench_core(c: &mut Criterion) {
    report_cold_start();
    let page = large_page();
    let snapshot = html::parse(&page, "https://ledger.example/harbour/sea-wall");
    let extracted = article::extract(&snapshot);
    let text = extracted
        .as_ref()
        .map(|a| a.text.clone())
        .unwrap_or_default();
    let context = ScanContext::from_article(extracted.as_ref());
    eprintln!(
        "bench page: {} bytes of HTML, {} nodes, {} words of article text",
        page.len(),
        snapshot.nodes.len(),
        text.split_whitespace().count()
    );

    let mut group = c.benchmark_group("core");
    group.bench_function("html::parse", |b| {
        b.iter(|| html::parse(black_box(&page), "https://ledger.example/"))
    });
    group.bench_function("analyze", |b| b.iter(|| analyze(black_box(&snapshot))));
    group.bench_function("article::extract", |b| {
        b.iter(|| article::extract(black_box(&snapshot)))
    });
    group.bench_function("quotes::find", |b| {
        b.iter(|| quotes::find(black_box(&text), "en"))
    });
    group.bench_function("summary::summarize", |b| {
        b.iter(|| summary::summarize(black_box(&text), "en", 5))
    });
    group.bench_function("overlays::scan", |b| {
        b.iter(|| overlays::scan(black_box(&snapshot), black_box(&context)))
    });
    // Reading the snapshot as the wasm does (the wire format) beside serde_json's read of the
    // same snapshot as JSON (how it crossed before; JSON stays for fixtures and tools).
    let (strings, numbers) = wire::encode(&snapshot);
    let json = serde_json::to_string(&snapshot).unwrap_or_default();
    group.bench_function("snapshot read: wire::decode", |b| {
        b.iter(|| wire::decode(black_box(&strings), black_box(&numbers)))
    });
    group.bench_function("snapshot read: serde_json (JSON)", |b| {
        b.iter(|| serde_json::from_str::<unveil::Snapshot>(black_box(&json)))
    });
    group.finish();
}

criterion_group!(benches, bench_core);
criterion_main!(benches);
