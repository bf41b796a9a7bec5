//! Article extraction on fixture pages written for these tests
//! (tests/fixtures/extraction/<case>/{source.html, expected.txt}).
//! An empty expected.txt means the page has no article.

use std::path::{Path, PathBuf};
use unveil::article::{self, Article};
use unveil::html;

fn fixture_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extraction")
        .join(case)
}

fn extract_case(case: &str) -> Option<Article> {
    let source = std::fs::read_to_string(fixture_dir(case).join("source.html")).expect("source");
    let snapshot = html::parse(&source, &format!("https://www.example.test/{case}"));
    snapshot.validate().expect("valid snapshot");
    article::extract(&snapshot)
}

fn expected_text(case: &str) -> String {
    std::fs::read_to_string(fixture_dir(case).join("expected.txt"))
        .expect("expected")
        .trim()
        .to_string()
}

#[test]
fn every_fixture_extracts_its_expected_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extraction");
    let mut cases: Vec<String> = std::fs::read_dir(root)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() >= 5);
    for case in cases {
        let expected = expected_text(&case);
        let got = extract_case(&case).map(|a| a.text).unwrap_or_default();
        assert_eq!(got, expected, "case {case}");
    }
}

#[test]
fn article_among_boilerplate_reads_meta_tags() {
    let article = extract_case("article-among-boilerplate").expect("article");
    assert_eq!(article.title, "Harbour town restores its old lighthouse");
    assert_eq!(article.byline.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(article.published.as_deref(), Some("2025-03-14T09:30:00Z"));
    assert_eq!(article.lang, "en");
    assert_eq!(article.site.as_deref(), Some("Coastal Courier"));
    assert_eq!(article.word_count, article.text.split_whitespace().count());
    assert_eq!(article.reading_minutes, 1);
}

#[test]
fn json_ld_wins_over_markup() {
    let article = extract_case("hidden-elements").expect("article");
    assert_eq!(article.title, "City library extends its opening hours");
    assert_eq!(article.byline.as_deref(), Some("Ines Okafor, Tom Reyes"));
    assert_eq!(article.published.as_deref(), Some("2025-06-02"));
    assert_eq!(article.site.as_deref(), Some("The Daily Lantern"));
    assert_eq!(article.lang, "en");
}

#[test]
fn site_and_language_fall_back_to_url_and_lang() {
    let article = extract_case("multi-section").expect("article");
    assert_eq!(article.title, "How a village saved its orchard");
    assert_eq!(article.site.as_deref(), Some("example.test"));
    assert_eq!(article.lang, "fr");
    let paywalled = extract_case("paywall-class").expect("article");
    assert_eq!(paywalled.title, "Night trains return to the mountain line");
    assert_eq!(paywalled.lang, "de");
}

#[test]
fn text_maps_back_to_the_text_nodes() {
    let source =
        std::fs::read_to_string(fixture_dir("paywall-class").join("source.html")).expect("source");
    let snapshot = html::parse(&source, "");
    let article = article::extract(&snapshot).expect("article");
    let start = article.text.find("Sleeping cars").expect("phrase");
    let start_chars = article.text[..start].chars().count();
    let ranges = article
        .map
        .node_ranges(start_chars, start_chars + "Sleeping cars".len());
    assert_eq!(ranges.len(), 1);
    let node = snapshot.node(ranges[0].node).expect("node");
    assert!(node.text.trim_start().starts_with("Sleeping cars"));
    let root = article.root.expect("root");
    assert!(snapshot.is_within(ranges[0].node, root));
}

/// A big page (deep nesting, many paragraphs) must stay fast: linear passes only.
#[test]
fn large_deep_page_is_handled() {
    let mut html = String::from("<html><body>");
    for _ in 0..2_000 {
        html.push_str("<div class=\"wrap\">");
    }
    for i in 0..3_000 {
        html.push_str(&format!(
            "<p>Paragraph number {i} tells, at some length, a small story about rivers, hills and towns.</p>"
        ));
    }
    for _ in 0..2_000 {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    let snapshot = html::parse(&html, "");
    let started = std::time::Instant::now();
    let article = article::extract(&snapshot).expect("article");
    assert!(article.word_count > 30_000);
    // Generous bound: a quadratic pass over 8 000 nodes × 2 000 levels would take far longer.
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn empty_and_odd_snapshots_do_not_panic() {
    for source in [
        "",
        "<html></html>",
        "<p>",
        "<body><p>é😀</p></body>",
        "<table><td>x",
    ] {
        let snapshot = html::parse(source, "not a url");
        let _ = article::extract(&snapshot);
    }
    assert!(article::extract(&unveil::Snapshot::default()).is_none());
}

/// Teasers in their own `<article>` elements do not make a home page an article.
#[test]
fn article_teasers_on_a_home_page_are_not_an_article() {
    let teaser = "<article class=\"teaser\"><h2><a href=\"/s\">Council votes on the new tram line</a></h2>\
        <p>The vote, expected for weeks, was delayed twice by questions about the cost of the depot.</p></article>";
    let html = format!(
        "<html><body><main>{}</main></body></html>",
        teaser.repeat(6)
    );
    let snapshot = html::parse(&html, "https://news.example.test/");
    assert!(article::extract(&snapshot).is_none());
}

#[test]
fn language_is_read_from_the_text_when_the_markup_is_silent() {
    let paragraph =
        "<p>Der Stadtrat hat am Montag beschlossen, dass die neue Brücke über den Fluss \
        im nächsten Frühjahr gebaut wird, und die Bürger haben sich darüber sehr gefreut, weil \
        der alte Übergang seit Jahren gesperrt ist und der Umweg für alle zu lang war.</p>";
    let html = format!(
        "<html><head><title>Brücke</title></head><body><article>{}</article></body></html>",
        paragraph.repeat(6)
    );
    let article = unveil::article::extract(&unveil::html::parse(&html, "")).expect("an article");
    assert_eq!(article.lang, "de");
}
