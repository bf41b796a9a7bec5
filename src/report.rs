//! The report: everything the core concluded about a page, and the actions the page layer
//! applies. One `analyze` call produces it from a [`Snapshot`].

use crate::article::{self, Article};
use crate::overlays::{self, OverlayScan, ScanContext};
use crate::quotes::{self, PageQuote, SpeakerGroup};
use crate::snapshot::Snapshot;
use crate::summary::{self, SummarySentence};
use serde::{Deserialize, Serialize};

/// Bumped whenever the report's shape changes, so the page layer and popup can tell.
pub const REPORT_VERSION: u32 = 1;

/// How many summary sentences the report carries, ranked; the popup shows the top 1, 3 or 5.
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
    /// Key sentences of the article, in article order, each with its rank (0 = best).
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

/// Analyses a whole page: article, summary, quotes and overlays.
pub fn analyze(snapshot: &Snapshot) -> Report {
    let mut analysis = Analysis::new(snapshot);
    while analysis.step(snapshot) {}
    analysis.into_report()
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
    /// The chars of the article's text, read once for the summary's sentences and the
    /// quotes (both count offsets in chars).
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
                article_chars: Vec::new(),
            },
            Err(error) => Analysis {
                report: refusal(snapshot, error),
                next: Stage::Done,
                article_chars: Vec::new(),
            },
        }
    }

    /// Runs the next stage on the same `snapshot` given to [`Analysis::new`]; returns
    /// whether stages remain.
    pub fn step(&mut self, snapshot: &Snapshot) -> bool {
        let report = &mut self.report;
        self.next = match self.next {
            Stage::Article => {
                report.article = article::extract(snapshot);
                Stage::Overlays
            }
            Stage::Overlays => {
                let context = ScanContext::from_article(report.article.as_ref());
                report.overlays = overlays::scan(snapshot, &context);
                Stage::Summary
            }
            Stage::Summary => {
                if let Some(article) = &report.article {
                    self.article_chars = article.text.chars().collect();
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
    fn an_invalid_snapshot_is_refused_before_any_stage() {
        let mut snapshot = crate::html::parse(PAGE, "https://example.org/pier");
        let last = snapshot.nodes.len() as u32;
        snapshot.nodes[1].parent = Some(last);
        let mut analysis = Analysis::new(&snapshot);
        assert!(!analysis.step(&snapshot));
        assert_eq!(analysis.into_report().status, Status::Invalid);
    }
}
