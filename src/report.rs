//! The report: everything the core concluded about a page, and the actions the page layer
//! applies. One `analyze` call produces it from a [`Snapshot`].

use crate::article::{self, Article};
use crate::overlays::{self, OverlayScan, ScanContext};
use crate::quotes::{self, PageQuote, SpeakerGroup};
use crate::snapshot::Snapshot;
use crate::summary::{self, SummarySentence};
use serde::{Deserialize, Serialize};

/// Bumped whenever the report's shape changes, so the page layer and popup can tell (2: the
/// page's report, [`PageReport`]: no URL, no summary, the overlay scan's context).
pub const REPORT_VERSION: u32 = 2;

/// How many summary sentences a summary has, ranked; the popup shows the top 1, 3 or 5.
pub const SUMMARY_SENTENCES: usize = 5;

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Analysed.
    #[default]
    Ok,
    /// The page is larger than the core's caps; nothing was changed.
    TooLarge,
    /// The snapshot was malformed; nothing was changed.
    Invalid,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub status: Status,
    /// Human-readable explanation when `status` is not `ok`.
    pub message: Option<String>,
    pub url: String,
    /// The article, or `None` when the page has none (a home page, a search page).
    pub article: Option<Article>,
    /// Key sentences of the article, in article order, each with its rank (0 = best). Empty
    /// in the page's report ([`analyze_for_page`]): the popup asks for it ([`summarize_article`]).
    pub summary: Vec<SummarySentence>,
    /// Attributed quotes in the article, in order, with where to mark them.
    pub quotes: Vec<PageQuote>,
    /// Quotes grouped by resolved speaker, most quoted first.
    pub speakers: Vec<SpeakerGroup>,
    /// Overlays to hide and the page fixes that give the page back.
    pub overlays: OverlayScan,
}

impl Report {
    fn refused(snapshot: &Snapshot, status: Status, message: String) -> Report {
        Report {
            version: REPORT_VERSION,
            status,
            message: Some(message),
            url: snapshot.url.clone(),
            ..Report::default()
        }
    }
}

/// The report as the page layer receives it: what the wasm binding returns and `unveil
/// reports` writes, byte for byte. No URL (the page has it) and no summary (the popup asks
/// for it: [`summarize_article`]); the article with its text, which the page sends back for
/// that summary. What a later overlay scan needs to know of the article is made here, once.
#[derive(Debug, Serialize)]
pub struct PageReport<'a> {
    version: u32,
    status: Status,
    message: Option<&'a str>,
    article: Option<PageArticle<'a>>,
    quotes: &'a [PageQuote],
    speakers: &'a [SpeakerGroup],
    overlays: &'a OverlayScan,
    /// What a later overlay scan of the page needs to know of its article (the page sends
    /// it back with each `scanOverlays`); absent when the report has no article.
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<ScanContext>,
}

/// An [`Article`] as the page receives it: every field but the text's map (held to that by a
/// test).
#[derive(Debug, Serialize)]
struct PageArticle<'a> {
    title: &'a str,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    lang: &'a str,
    site: Option<&'a str>,
    text: &'a str,
    word_count: usize,
    reading_minutes: usize,
    root: Option<crate::snapshot::NodeId>,
}

impl<'a> PageArticle<'a> {
    fn of(article: &'a Article) -> PageArticle<'a> {
        PageArticle {
            title: &article.title,
            byline: article.byline.as_deref(),
            published: article.published.as_deref(),
            lang: &article.lang,
            site: article.site.as_deref(),
            text: &article.text,
            word_count: article.word_count,
            reading_minutes: article.reading_minutes,
            root: article.root,
        }
    }
}

impl Report {
    /// The part of the report the page layer reads ([`PageReport`]).
    pub fn for_page(&self) -> PageReport<'_> {
        PageReport {
            version: self.version,
            status: self.status,
            message: self.message.as_deref(),
            article: self.article.as_ref().map(PageArticle::of),
            quotes: &self.quotes,
            speakers: &self.speakers,
            overlays: &self.overlays,
            context: self
                .article
                .as_ref()
                .map(|article| ScanContext::from_article(Some(article))),
        }
    }

    /// [`Report::for_page`] as JSON text.
    pub fn page_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(&self.for_page())
    }
}

/// Analyses a whole page: article, overlays, summary and quotes (the command line's report).
pub fn analyze(snapshot: &Snapshot) -> Report {
    let mut analysis = Analysis::new(snapshot);
    while analysis.step(snapshot) {}
    analysis.into_report()
}

/// What the page needs once it has loaded: the article, the overlays and the quotes. The
/// summary waits until the popup shows it ([`summarize_article`]): it was the costliest
/// stage (28% of the analysis over the 181 AEB pages), and on most pages nobody opens the
/// popup.
pub fn analyze_for_page(snapshot: &Snapshot) -> Report {
    let mut analysis = Analysis::for_page(snapshot);
    while analysis.step(snapshot) {}
    analysis.into_report()
}

/// The article's key sentences (a report's `summary`), from what the page's report gave it.
pub fn summarize_article(text: &str, title: &str, lang: &str) -> Vec<SummarySentence> {
    summary::summarize_with_title(text, title, lang, SUMMARY_SENTENCES)
}

/// The stages of a full analysis, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Article,
    Overlays,
    Summary,
    Quotes,
    Done,
}

/// A full analysis run one stage at a time ([`analyze`] runs all the stages at once; both
/// give the same report): the stages can be measured and profiled one by one.
#[derive(Debug, Clone)]
pub struct Analysis {
    report: Report,
    next: Stage,
    /// False for the page's analysis ([`analyze_for_page`]).
    summarize: bool,
    /// The chars of the article's text, read once after the article for the summary's
    /// sentences (when it runs) and the quotes (both count offsets in chars).
    article_chars: Vec<char>,
}

impl Analysis {
    /// Starts the analysis of `snapshot`; a snapshot that fails validation is refused here
    /// and leaves nothing to do.
    pub fn new(snapshot: &Snapshot) -> Analysis {
        match snapshot.validate() {
            Ok(()) => Analysis {
                report: Report {
                    version: REPORT_VERSION,
                    url: snapshot.url.clone(),
                    ..Report::default()
                },
                next: Stage::Article,
                summarize: true,
                article_chars: Vec::new(),
            },
            Err(error) => Analysis {
                report: refusal(snapshot, error),
                next: Stage::Done,
                summarize: true,
                article_chars: Vec::new(),
            },
        }
    }

    /// The analysis [`analyze_for_page`] runs: every stage but the summary.
    pub fn for_page(snapshot: &Snapshot) -> Analysis {
        Analysis {
            summarize: false,
            ..Analysis::new(snapshot)
        }
    }

    /// Runs the next stage on the same `snapshot` given to [`Analysis::new`]; returns
    /// whether stages remain.
    pub fn step(&mut self, snapshot: &Snapshot) -> bool {
        let report = &mut self.report;
        self.next = match self.next {
            Stage::Article => {
                report.article = article::extract(snapshot);
                if let Some(article) = &report.article {
                    self.article_chars = article.text.chars().collect();
                }
                Stage::Overlays
            }
            Stage::Overlays => {
                let context = ScanContext::from_article(report.article.as_ref());
                report.overlays = overlays::scan(snapshot, &context);
                if self.summarize {
                    Stage::Summary
                } else {
                    Stage::Quotes
                }
            }
            Stage::Summary => {
                if let Some(article) = &report.article {
                    report.summary = summary::summarize_chars(
                        &article.text,
                        &self.article_chars,
                        &article.title,
                        &article.lang,
                        SUMMARY_SENTENCES,
                    );
                }
                Stage::Quotes
            }
            Stage::Quotes => {
                if let Some(article) = &report.article {
                    // The last stage to read them: taken, and freed with the stage.
                    let chars = std::mem::take(&mut self.article_chars);
                    report.quotes = quotes::find_in_article_chars(article, &chars);
                    report.speakers = quotes::group_by_speaker(&report.quotes);
                }
                Stage::Done
            }
            Stage::Done => Stage::Done,
        };
        self.next != Stage::Done
    }

    /// The report: complete once `step` has returned false.
    pub fn into_report(self) -> Report {
        self.report
    }
}

/// Scans a partial snapshot (subtrees added after load) for overlays only. `context`
/// carries what the full analysis learned about the article, for the vetoes.
pub fn scan_overlays(snapshot: &Snapshot, context: &ScanContext) -> Report {
    if let Err(error) = snapshot.validate() {
        return refusal(snapshot, error);
    }
    Report {
        version: REPORT_VERSION,
        url: snapshot.url.clone(),
        overlays: overlays::scan(snapshot, context),
        ..Report::default()
    }
}

fn refusal(snapshot: &Snapshot, error: crate::snapshot::SnapshotError) -> Report {
    let status = match error {
        crate::snapshot::SnapshotError::TooLarge { .. } => Status::TooLarge,
        crate::snapshot::SnapshotError::BadParent { .. } => Status::Invalid,
    };
    Report::refused(snapshot, status, error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html lang="en"><head><title>Pier reopens</title></head><body><article>
        <h1>The old pier reopens after a long winter of repairs</h1>
        <p>The old pier opened again on Saturday after four months of repairs, and the first
        visitors arrived before the gates did.</p>
        <p>"We rebuilt every plank that the storms had cracked," said Mara Holt, the engineer
        who led the work for the town.</p>
        <p>Holt said the new supports would last fifty years. The town paid for the repairs
        from its harbour fund, and the kiosk at the far end opens next week.</p>
        </article><div class="paywall-overlay">Subscribe now to keep reading</div></body></html>"#;

    #[test]
    fn stages_run_one_at_a_time_and_build_the_report() {
        let snapshot = crate::html::parse(PAGE, "https://example.org/pier");
        let mut analysis = Analysis::new(&snapshot);
        let mut stages = 1;
        while analysis.step(&snapshot) {
            stages += 1;
        }
        assert_eq!(stages, 4);
        // Stepping past the end changes nothing.
        assert!(!analysis.step(&snapshot));
        let report = analysis.into_report();
        assert_eq!(report.status, Status::Ok);
        let article = report.article.as_ref().expect("an article");
        assert!(article.text.contains("Mara Holt"));
        assert!(!report.summary.is_empty());
        assert!(!report.quotes.is_empty());
    }

    #[test]
    fn the_page_gets_the_report_without_url_or_summary_and_asks_for_the_summary_later() {
        let snapshot = crate::html::parse(PAGE, "https://example.org/pier");
        let full = analyze(&snapshot);
        let for_page = analyze_for_page(&snapshot);
        assert!(!full.summary.is_empty() && for_page.summary.is_empty());
        let page: serde_json::Value =
            serde_json::from_str(&for_page.page_json().expect("writes")).expect("JSON");
        // Every field of the report but the URL and the summary, every field of the
        // article: a field added to `Report` or `Article` fails here until the page's view
        // has it too (or this test says why not).
        let mut expected = serde_json::to_value(&for_page).expect("writes");
        let report = expected.as_object_mut().expect("an object");
        assert!(report.remove("url").is_some() && report.remove("summary").is_some());
        let mut without_context = page.clone();
        let context = without_context
            .as_object_mut()
            .and_then(|r| r.remove("context"))
            .expect("a context with the article");
        assert_eq!(without_context, expected);
        // The summary the popup asks for is the one the whole analysis makes.
        let article = &page["article"];
        let field = |name: &str| article[name].as_str().expect(name).to_string();
        let asked = summarize_article(&field("text"), &field("title"), &field("lang"));
        assert_eq!(asked, full.summary);
        // The overlay scan's context: the headline, the article's first characters, its root.
        let excerpt = context["excerpt"].as_str().expect("an excerpt");
        assert!(!excerpt.is_empty() && field("text").starts_with(excerpt));
        assert_eq!(context["headline"], article["title"]);
        assert_eq!(context["article_root"], article["root"]);
    }

    #[test]
    fn a_report_without_an_article_sends_no_context() {
        let report = scan_overlays(
            &crate::html::parse(PAGE, "https://example.org/pier"),
            &ScanContext::default(),
        );
        let page = report.page_json().expect("writes");
        assert!(
            !page.contains("\"context\"") && page.contains("\"article\":null"),
            "{page}"
        );
    }

    #[test]
    fn an_invalid_snapshot_is_refused_before_any_stage() {
        let mut snapshot = crate::html::parse(PAGE, "https://example.org/pier");
        let last = snapshot.nodes.len() as u32;
        snapshot.nodes[1].parent = Some(last);
        let mut analysis = Analysis::new(&snapshot);
        assert!(!analysis.step(&snapshot));
        assert_eq!(analysis.into_report().status, Status::Invalid);
    }
}
