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
    if let Err(error) = snapshot.validate() {
        return refusal(snapshot, error);
    }
    let article = article::extract(snapshot);
    let context = ScanContext::from_article(article.as_ref());
    let overlays = overlays::scan(snapshot, &context);
    let (summary, quotes, speakers) = match &article {
        Some(article) => {
            let summary = summary::summarize_with_title(
                &article.text,
                &article.title,
                &article.lang,
                SUMMARY_SENTENCES,
            );
            let quotes = quotes::find_in_article(article);
            let speakers = quotes::group_by_speaker(&quotes);
            (summary, quotes, speakers)
        }
        None => Default::default(),
    };
    Report {
        version: REPORT_VERSION,
        status: Status::Ok,
        message: None,
        url: snapshot.url.clone(),
        article,
        summary,
        quotes,
        speakers,
        overlays,
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
