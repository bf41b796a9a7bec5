//! `unveil eval quotes GOLD.jsonl… [--json] [--kind direct|all] [--min-span-f1 X]
//! [--min-precision X] [--min-person-f1 X] [--min-written-f1 X] [--errors] [--spans-errors]`
//!
//! Scores `quotes::find` against gold attributed quotes (../shared/README.md, data/quotes):
//! - span: a predicted quote matches a gold one when they overlap by ≥ 50 % of both
//!   lengths, one-to-one (largest overlaps first); exact = same start and end;
//! - speaker as written: on matched quotes, the predicted phrase equals the gold speaker
//!   span text (case-insensitive, surrounding punctuation ignored);
//! - right person: on matched quotes, the resolved speaker names the gold
//!   `speaker_resolved` (same words, or the same surname, or one name inside the other);
//!   an unresolved pronoun is right only where the gold is unresolved too.

use crate::cli::{read_jsonl_file, Args};
use crate::quotes::{self, Quote, QuoteKind};
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KindFilter {
    Direct,
    All,
}

impl KindFilter {
    fn name(self) -> &'static str {
        match self {
            KindFilter::Direct => "direct",
            KindFilter::All => "all",
        }
    }
}

/// Counts for one file and one kind filter.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    matched: usize,
    exact: usize,
    speaker_as_written: usize,
    right_person: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.matched += other.matched;
        self.exact += other.exact;
        self.speaker_as_written += other.speaker_as_written;
        self.right_person += other.right_person;
    }

    fn precision(&self, hits: usize) -> f64 {
        ratio(hits, self.predicted)
    }

    fn recall(&self, hits: usize) -> f64 {
        ratio(hits, self.gold)
    }

    fn f1(&self, hits: usize) -> f64 {
        super::f1(self.precision(hits), self.recall(hits))
    }

    fn to_json(self) -> Value {
        let prf = |hits| json!({"precision": self.precision(hits), "recall": self.recall(hits), "f1": self.f1(hits)});
        json!({
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "span": prf(self.matched), "exact_span": prf(self.exact),
            "speaker_as_written": prf(self.speaker_as_written),
            "right_person": prf(self.right_person),
        })
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A gold quote, as read from the file.
#[derive(Debug)]
struct Gold {
    start: usize,
    end: usize,
    speaker: String,
    resolved: String,
    direct: bool,
}

pub fn run(args: &mut Args) -> Result<(), String> {
    let as_json = args.flag("json");
    // Development aid: one stderr line per matched quote whose person is wrong.
    let dump_errors = args.flag("errors");
    // Development aid: one stderr line per unmatched span (FP/FN) with its context.
    let dump_spans = args.flag("spans-errors");
    let gated_kind = match args.option("kind")?.as_deref() {
        None | Some("direct") => KindFilter::Direct,
        Some("all") => KindFilter::All,
        Some(other) => return Err(format!("--kind takes direct or all, not '{other}'")),
    };
    let min_span_f1 = threshold(args, "min-span-f1")?;
    let min_precision = threshold(args, "min-precision")?;
    let min_person_f1 = threshold(args, "min-person-f1")?;
    let min_written_f1 = threshold(args, "min-written-f1")?;
    let mut paths = Vec::new();
    while let Some(path) = args.positional() {
        paths.push(path);
    }
    args.finish()?;
    if paths.is_empty() {
        return Err("eval quotes needs GOLD.jsonl files".into());
    }

    let mut rows = Vec::new();
    for path in &paths {
        let articles = read_jsonl_file(path)?;
        // A data set that never marks a quote mixed does not tell the kinds apart: there
        // the direct filter applies to the gold only.
        let distinguishes_kinds = articles.iter().any(|a| {
            a.get("quotes").and_then(Value::as_array).is_some_and(|qs| {
                qs.iter()
                    .any(|q| q.get("kind").and_then(Value::as_str) == Some("mixed"))
            })
        });
        for kind in [KindFilter::Direct, KindFilter::All] {
            let mut counts = Counts::default();
            for article in &articles {
                let dump = Dumps {
                    persons: dump_errors && kind == gated_kind,
                    spans: dump_spans && kind == gated_kind,
                };
                counts.add(&score_article(
                    article,
                    path,
                    kind,
                    distinguishes_kinds,
                    dump,
                ));
            }
            rows.push((path.clone(), kind, counts));
        }
    }
    let mut total = Counts::default();
    for (_, kind, counts) in &rows {
        if *kind == gated_kind {
            total.add(counts);
        }
    }

    if as_json {
        let files: Vec<Value> = rows
            .iter()
            .map(|(path, kind, counts)| json!({"file": path, "kind": kind.name(), "scores": counts.to_json()}))
            .collect();
        println!(
            "{}",
            json!({"files": files, "total": {"kind": gated_kind.name(), "scores": total.to_json()}})
        );
    } else {
        print_table(&rows, gated_kind, &total);
    }

    let mut failures = Vec::new();
    let mut gate = |name: &str, value: f64, minimum: Option<f64>| {
        if let Some(minimum) = minimum.filter(|&m| value < m) {
            failures.push(format!("{name} {value:.3} < {minimum}"));
        }
    };
    gate("span F1", total.f1(total.matched), min_span_f1);
    gate(
        "span precision",
        total.precision(total.matched),
        min_precision,
    );
    gate(
        "right-person F1",
        total.f1(total.right_person),
        min_person_f1,
    );
    gate(
        "speaker-as-written F1",
        total.f1(total.speaker_as_written),
        min_written_f1,
    );
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("quote gates failed: {}", failures.join("; ")))
    }
}

fn threshold(args: &mut Args, name: &str) -> Result<Option<f64>, String> {
    match args.option(name)? {
        Some(value) => value
            .parse()
            .map(Some)
            .map_err(|_| format!("--{name} takes a number, not '{value}'")),
        None => Ok(None),
    }
}

fn print_table(rows: &[(String, KindFilter, Counts)], gated: KindFilter, total: &Counts) {
    println!(
        "{:<28} {:<6} {:>5} {:>5}  {:>17}  {:>17}  {:>5}  {:>6}",
        "file", "kind", "gold", "pred", "span P/R/F1", "exact P/R/F1", "as-wr", "person"
    );
    let line = |name: &str, kind: &str, c: &Counts| {
        println!(
            "{:<28} {:<6} {:>5} {:>5}  {:>5.1}/{:>5.1}/{:>5.1}  {:>5.1}/{:>5.1}/{:>5.1}  {:>5.1}  {:>6.1}",
            name,
            kind,
            c.gold,
            c.predicted,
            100.0 * c.precision(c.matched),
            100.0 * c.recall(c.matched),
            100.0 * c.f1(c.matched),
            100.0 * c.precision(c.exact),
            100.0 * c.recall(c.exact),
            100.0 * c.f1(c.exact),
            100.0 * c.f1(c.speaker_as_written),
            100.0 * c.f1(c.right_person),
        );
    };
    for (path, kind, counts) in rows {
        let name = path.rsplit('/').next().unwrap_or(path);
        line(name, kind.name(), counts);
    }
    line("TOTAL", gated.name(), total);
    println!("as-wr = speaker-as-written F1, person = right-person F1 (percent)");
}

/// The language of a gold article: its `lang`, else its id or file name prefix.
fn language_of(article: &Value, path: &str) -> String {
    if let Some(lang) = article.get("lang").and_then(Value::as_str) {
        return lang.to_string();
    }
    let id = article.get("id").and_then(Value::as_str).unwrap_or("");
    let file = path.rsplit('/').next().unwrap_or(path);
    if id.starts_with("polnear") || file.starts_with("en-") {
        "en".into()
    } else if id.starts_with("de-") || file.starts_with("de-") {
        "de".into()
    } else {
        file.get(..2).unwrap_or("").to_string()
    }
}

/// Which development dumps to print to stderr.
#[derive(Debug, Clone, Copy)]
struct Dumps {
    persons: bool,
    spans: bool,
}

fn score_article(
    article: &Value,
    path: &str,
    kind: KindFilter,
    distinguishes_kinds: bool,
    dump: Dumps,
) -> Counts {
    let text = article.get("text").and_then(Value::as_str).unwrap_or("");
    let lang = language_of(article, path);
    let gold: Vec<Gold> = article
        .get("quotes")
        .and_then(Value::as_array)
        .map(|quotes| quotes.iter().filter_map(gold_quote).collect())
        .unwrap_or_default();
    let all_gold = gold;
    let gold: Vec<&Gold> = all_gold
        .iter()
        .filter(|g| kind == KindFilter::All || g.direct)
        .collect();
    let all_predicted = quotes::find(text, &lang);
    let predicted: Vec<Quote> = all_predicted
        .iter()
        .filter(|q| kind == KindFilter::All || !distinguishes_kinds || q.kind == QuoteKind::Direct)
        .cloned()
        .collect();
    let mut counts = Counts {
        gold: gold.len(),
        predicted: predicted.len(),
        ..Counts::default()
    };
    let pairs = match_spans(&gold, &predicted);
    if dump.spans {
        let id = article.get("id").and_then(Value::as_str).unwrap_or("");
        print_span_errors(
            text,
            id,
            &gold,
            &predicted,
            &pairs,
            &all_gold,
            &all_predicted,
        );
    }
    for (g, p) in pairs {
        let (Some(gold), Some(quote)) = (gold.get(g), predicted.get(p)) else {
            continue;
        };
        counts.matched += 1;
        counts.exact += usize::from(gold.start == quote.start && gold.end == quote.end);
        let written = quote.speaker_as_written.as_deref().unwrap_or("");
        counts.speaker_as_written +=
            usize::from(!written.is_empty() && normalize(written) == normalize(&gold.speaker));
        let right = right_person(quote, &gold.resolved);
        counts.right_person += usize::from(right);
        let written_right = !written.is_empty() && normalize(written) == normalize(&gold.speaker);
        if dump.persons && right && !written_right {
            eprintln!("WRITTEN {:?} vs ours {:?}", gold.speaker, written);
        }
        if dump.persons && !right {
            print_person_error(text, gold, quote);
        }
    }
    counts
}

/// FN: gold spans left unmatched, with what we made of that place (our kind, or
/// nothing); FP: our spans left unmatched, with what the gold has there (mixed, or none).
fn print_span_errors(
    text: &str,
    id: &str,
    gold: &[&Gold],
    predicted: &[Quote],
    pairs: &[(usize, usize)],
    all_gold: &[Gold],
    all_predicted: &[Quote],
) {
    let chars: Vec<char> = text.chars().collect();
    let context = |start: usize, end: usize| {
        let from = start.saturating_sub(160);
        let to = (end + 100).min(chars.len());
        let piece = |a: usize, b: usize| -> String {
            chars
                .get(a..b)
                .unwrap_or(&[])
                .iter()
                .collect::<String>()
                .replace('\n', " / ")
        };
        format!(
            "{}[[{}]]{}",
            piece(from, start),
            piece(start, end.min(to)),
            piece(end.min(to), to)
        )
    };
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    for (g, gold) in gold.iter().enumerate() {
        if pairs.iter().any(|&(pg, _)| pg == g) {
            continue;
        }
        let ours = all_predicted
            .iter()
            .find(|q| overlaps((q.start, q.end), (gold.start, gold.end)))
            .map_or("none".to_string(), |q| format!("{:?}", q.kind));
        eprintln!(
            "FN {id} ours={ours} gold-speaker={:?}\n    {}",
            gold.speaker,
            context(gold.start, gold.end)
        );
    }
    for (p, quote) in predicted.iter().enumerate() {
        if pairs.iter().any(|&(_, pp)| pp == p) {
            continue;
        }
        let theirs = all_gold
            .iter()
            .find(|g| overlaps((g.start, g.end), (quote.start, quote.end)))
            .map_or("none", |g| if g.direct { "direct" } else { "mixed" });
        eprintln!(
            "FP {id} gold={theirs} ours-speaker={:?} cue={:?}\n    {}",
            quote.speaker_as_written,
            quote.cue,
            context(quote.start, quote.end)
        );
    }
}

fn print_person_error(text: &str, gold: &Gold, quote: &Quote) {
    let around: String = text
        .chars()
        .skip(gold.start.saturating_sub(400))
        .take(gold.end.saturating_sub(gold.start.saturating_sub(400)) + 80)
        .collect::<String>()
        .replace('\n', " / ");
    eprintln!(
        "GOLD {:?} => {:?} | OURS {:?} => {:?}\n    {}",
        gold.speaker, gold.resolved, quote.speaker_as_written, quote.speaker, around
    );
}

fn gold_quote(value: &Value) -> Option<Gold> {
    let text_field = |name: &str| {
        value
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    Some(Gold {
        start: usize::try_from(value.get("start")?.as_u64()?).ok()?,
        end: usize::try_from(value.get("end")?.as_u64()?).ok()?,
        speaker: text_field("speaker"),
        // German WikiNews has no resolved speakers: the span as written stands in.
        resolved: if value.get("speaker_resolved").is_some() {
            text_field("speaker_resolved")
        } else {
            text_field("speaker")
        },
        direct: value.get("kind").and_then(Value::as_str) != Some("mixed"),
    })
}

/// One-to-one pairs (gold index, predicted index) overlapping ≥ 50 % of both, largest first.
fn match_spans(gold: &[&Gold], predicted: &[Quote]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (g, gold) in gold.iter().enumerate() {
        for (p, quote) in predicted.iter().enumerate() {
            let overlap = gold
                .end
                .min(quote.end)
                .saturating_sub(gold.start.max(quote.start));
            let enough = |start: usize, end: usize| 2 * overlap >= end.saturating_sub(start);
            if overlap > 0 && enough(gold.start, gold.end) && enough(quote.start, quote.end) {
                candidates.push((overlap, g, p));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut gold_used = vec![false; gold.len()];
    let mut predicted_used = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (_, g, p) in candidates {
        if !gold_used[g] && !predicted_used[p] {
            gold_used[g] = true;
            predicted_used[p] = true;
            pairs.push((g, p));
        }
    }
    pairs
}

/// Lowercase words without surrounding punctuation.
fn normalize(text: &str) -> String {
    text.trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "you", "er", "sie", "wir", "ich", "es",
];

/// Words of a name, without articles, honorifics and possessive endings.
fn name_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .map(|w| {
            // One apostrophe for both spellings: "O’Neill" and "O'Neill" are one name.
            w.replace('’', "'")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .to_lowercase()
        })
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "the"
                        | "mr"
                        | "mrs"
                        | "ms"
                        | "dr"
                        | "der"
                        | "die"
                        | "das"
                        | "president"
                        | "sen"
                        | "senator"
                        | "rep"
                        | "gov"
                )
        })
        .collect()
}

/// Whether the quote's resolved speaker names the gold's person: the whole gold phrase, or
/// its head before a comma when a description follows ("Mr. Lee, the law professor" is Lee).
fn right_person(quote: &Quote, gold_resolved: &str) -> bool {
    let head = gold_resolved.split(',').next().unwrap_or(gold_resolved);
    names_gold_person(quote, gold_resolved)
        || head != gold_resolved && names_gold_person(quote, head)
}

fn names_gold_person(quote: &Quote, gold_resolved: &str) -> bool {
    let gold_words = name_words(gold_resolved);
    let gold_unresolved = gold_words.is_empty()
        || gold_words.len() == 1 && PRONOUNS.contains(&gold_words[0].as_str());
    let predicted = match &quote.speaker {
        Some(name) => name.clone(),
        None => {
            // An unresolved pronoun is right where the gold is unresolved too.
            return gold_unresolved
                && quote
                    .speaker_as_written
                    .as_deref()
                    .is_some_and(|w| PRONOUNS.contains(&normalize(w).as_str()));
        }
    };
    let predicted_words = name_words(&predicted);
    if gold_unresolved {
        return predicted_words == gold_words;
    }
    if predicted_words.is_empty() {
        return false;
    }
    let contains = |outer: &[String], inner: &[String]| inner.iter().all(|w| outer.contains(w));
    predicted_words.last() == gold_words.last()
        || contains(&predicted_words, &gold_words)
        || contains(&gold_words, &predicted_words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(speaker: Option<&str>, written: &str) -> Quote {
        Quote {
            speaker: speaker.map(str::to_string),
            speaker_as_written: Some(written.to_string()),
            ..Quote::default()
        }
    }

    #[test]
    fn right_person_matches_surnames_and_unresolved_pronouns() {
        assert!(right_person(&quote(Some("Jane Roe"), "Roe"), "Ms. Roe"));
        assert!(right_person(&quote(Some("Jane Roe"), "she"), "Jane Roe"));
        assert!(!right_person(&quote(Some("John Doe"), "he"), "Jane Roe"));
        assert!(right_person(&quote(None, "they"), "they"));
        assert!(right_person(&quote(Some("Jim O’Hara"), "he"), "Jim O'Hara"));
        assert!(right_person(
            &quote(Some("Ann Lee"), "Lee"),
            "Ms. Lee, the law professor"
        ));
        assert!(!right_person(
            &quote(Some("Ann Lee"), "she"),
            "Ms. Poe, the law professor"
        ));
        assert!(!right_person(&quote(None, "he"), "Jane Roe"));
    }

    #[test]
    fn spans_match_one_to_one_with_half_overlap() {
        let gold = Gold {
            start: 0,
            end: 10,
            speaker: String::new(),
            resolved: String::new(),
            direct: true,
        };
        let near = Quote {
            start: 2,
            end: 10,
            ..Quote::default()
        };
        let far = Quote {
            start: 8,
            end: 30,
            ..Quote::default()
        };
        assert_eq!(match_spans(&[&gold], &[far, near]), vec![(0, 1)]);
    }
}
