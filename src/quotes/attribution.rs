//! Who is quoted: finds the cue and the speaker phrase around each quoted span.
//!
//! The context of a quote is its own sentence: the words before it (back to the sentence
//! start or the previous quote) and after it (up to the sentence end or the next quote).
//! Patterns are tried from the most reliable down:
//! 1. inverted, after the quote: “…,” said X / “…,” X said / “…,” X, a doctor, said /
//!    “…” — X / “…,” according to X / „…“, so X
//! 2. before the quote: X said: “…” / According to X, “…” / X called it “…” (mixed)
//! 3. a sentence that is only the quote takes the attribution of the quote before it in
//!    the paragraph, of the multi-paragraph quote it continues, or of the previous
//!    paragraph when that one announces it ("X said:" or "X said on Monday.").

use super::cues::{self, CueClass, Cues};
use super::marks::Span;
use super::tokens::{is_abbreviation_word, is_capitalized, text_of, tokenize, Token};
use super::QuoteKind;

mod german;

/// How far (in chars) to look for a speaker around a quote; keeps long pages linear.
const WINDOW: usize = 400;
/// Longest appositive we skip between a name and its verb ("X, a doctor in Y, said").
const MAX_APPOSITIVE: usize = 24;

/// The attribution of one quoted span.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Char range of the speaker as written.
    pub speaker: Option<(usize, usize)>,
    /// Char range of the cue.
    pub cue: Option<(usize, usize)>,
    pub kind: QuoteKind,
    /// Set when the attribution is the one of an earlier quote (index into the spans).
    pub continues: Option<usize>,
}

/// The tokens of a context with their lowercase words.
struct Context {
    tokens: Vec<Token>,
    words: Vec<String>,
}

impl Context {
    fn new(chars: &[char], tokens: Vec<Token>) -> Context {
        let words = tokens
            .iter()
            .map(|t| super::tokens::lowercase_text_of(chars, t))
            .collect();
        Context { tokens, words }
    }

    fn word(&self, index: usize) -> &str {
        self.words.get(index).map(String::as_str).unwrap_or("")
    }

    fn is_word(&self, index: usize) -> bool {
        self.tokens.get(index).is_some_and(|t| t.is_word)
    }

    fn is_capitalized(&self, chars: &[char], index: usize) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|t| t.is_word && chars.get(t.start).is_some_and(|c| c.is_uppercase()))
    }

    /// A lowercase word with one of `endings`: how both languages spot an inflected
    /// adjective in front of a name or role ("former", "deutsche", "neuen").
    fn has_adjective_ending(&self, chars: &[char], index: usize, endings: &[&str]) -> bool {
        let word = self.word(index);
        self.is_word(index)
            && !self.is_capitalized(chars, index)
            && endings.iter().any(|ending| word.ends_with(ending))
    }

    fn range(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let first = self.tokens.get(from)?;
        let last = self.tokens.get(to.checked_sub(1)?)?;
        (from < to).then_some((first.start, last.end))
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }
}

/// Attributes every span; `None` where no speaker could be found.
pub fn attribute_all(chars: &[char], spans: &[Span], cues: &Cues) -> Vec<Option<Attribution>> {
    let mut found: Vec<Option<Attribution>> = Vec::with_capacity(spans.len());
    for index in 0..spans.len() {
        let mut attribution = attribute(chars, spans, index, cues, &found);
        if let Some(found) = attribution.as_mut() {
            found.speaker = found.speaker.and_then(|range| clean_speaker(chars, range));
        }
        if cues.german_only() {
            // German word order and noun phrases need their own reading of the speaker.
            if let Some(span) = spans.get(index) {
                let previous = index
                    .checked_sub(1)
                    .and_then(|i| Some((spans.get(i)?, found.get(i)?.as_ref()?)))
                    .filter(|(p, _)| p.paragraph_start == span.paragraph_start);
                attribution = attribution
                    .map(|attribution| german::respeak(chars, span, attribution, previous, cues))
                    .filter(|found| !german::only_names_something(chars, span, found));
            }
        }
        if attribution.is_none() {
            attribution = coordinated_with_previous(chars, spans, index, &found);
        }
        if let (Some(found), Some(span)) = (attribution.as_mut(), spans.get(index)) {
            if sentence_goes_on_after(chars, span.end) {
                found.kind = QuoteKind::Mixed;
            } else if introduced_as_a_sentence(chars, span) {
                found.kind = QuoteKind::Direct;
            }
        }
        found.push(attribution);
    }
    found
}

/// als „aggressiv“ und „herausfordernd“, Parolen wie „A“ oder „B“: a quote joined to an
/// attributed quote before it by a bare "und"/"oder" (and a determiner) is a second
/// fragment of the same report, with the same speaker.
fn coordinated_with_previous(
    chars: &[char],
    spans: &[Span],
    index: usize,
    found: &[Option<Attribution>],
) -> Option<Attribution> {
    let span = spans.get(index)?;
    let previous = spans
        .get(index.checked_sub(1)?)
        .filter(|p| p.paragraph_start == span.paragraph_start)?;
    let earlier = found.get(index - 1)?.as_ref()?;
    let between = Context::new(chars, tokenize(chars, previous.end, span.start));
    let joined = matches!(between.word(0), "und" | "oder" | "sowie" | "and" | "or")
        && match between.len() {
            1 => true,
            2 => cues::is_determiner(between.word(1)),
            _ => false,
        };
    joined.then(|| Attribution {
        speaker: earlier.speaker,
        cue: earlier.cue,
        kind: QuoteKind::Mixed,
        continues: Some(index - 1),
    })
}

/// The written speaker without a leading conjunction ("But Ms. Capito", "And, he"); none
/// when it is only a time ("Thursday", "late last month") or a shouted headline.
fn clean_speaker(chars: &[char], (start, end): (usize, usize)) -> Option<(usize, usize)> {
    let tokens = tokenize(chars, start, end);
    let words: Vec<String> = tokens
        .iter()
        .map(|t| super::tokens::lowercase_text_of(chars, t))
        .collect();
    let skip = words
        .iter()
        .take_while(|w| matches!(w.as_str(), "and" | "but" | "so" | "yet" | "or" | ","))
        .count();
    let rest = tokens
        .get(skip..)
        .filter(|rest| rest.len() > 1 || skip == 0)?;
    let timed = words.iter().skip(skip).all(|w| {
        is_time_noun(w) || matches!(w.as_str(), "late" | "early" | "last" | "next" | "this")
    });
    let shouted = rest.iter().filter(|t| t.is_word).count() >= 3
        && rest
            .iter()
            .all(|t| !text_of(chars, t).chars().any(char::is_lowercase));
    if timed || shouted {
        return None;
    }
    Some((rest.first()?.start, end))
}

/// The nearest non-space char before `pos` within the paragraph starting at `floor`,
/// and the one before it.
fn chars_before(chars: &[char], pos: usize, floor: usize) -> (Option<char>, Option<char>) {
    let mut seen = chars
        .get(floor..pos)
        .unwrap_or(&[])
        .iter()
        .rev()
        .filter(|c| !c.is_whitespace())
        .copied();
    (seen.next(), seen.next())
}

/// The nearest non-space char after `pos` within the paragraph ending at `ceiling`.
fn char_after(chars: &[char], pos: usize, ceiling: usize) -> Option<char> {
    chars
        .get(pos..ceiling)
        .unwrap_or(&[])
        .iter()
        .find(|c| !c.is_whitespace())
        .copied()
}

/// She said, “We won.” / Fallon fired back: “As a guardian …,” he wrote: a comma or
/// colon after the reporting clause followed by a quote that is a sentence of its own
/// (capitalised, closing the writer's sentence, or inverted after a colon) is direct
/// speech, whatever paths found its speaker. A fragment woven into the clause ("said
/// the plan was “…”") has no such punctuation before it.
fn introduced_as_a_sentence(chars: &[char], span: &Span) -> bool {
    let (mark, word_end) = chars_before(chars, span.start, span.paragraph_start);
    let after_clause =
        word_end.is_some_and(|c| c.is_alphanumeric() || matches!(c, ')' | '”' | '"' | '\''));
    if !matches!(mark, Some(',' | ':')) || !after_clause {
        return false;
    }
    let capitalised = chars
        .get(span.start..span.end)
        .unwrap_or(&[])
        .iter()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase());
    if !capitalised {
        return false;
    }
    let next = char_after(chars, span.end, span.paragraph_end);
    match last_inside(chars, span) {
        '.' | '?' | '!' => next.is_none_or(|c| c.is_uppercase() || c == '“' || c == '"'),
        ',' => mark == Some(':') && next.is_some_and(char::is_lowercase),
        _ => false,
    }
}

/// “We are thrilled” about the ruling, … : a preposition or conjunction right after the
/// closing mark means the writer's sentence continues around the quote (mixed).
fn sentence_goes_on_after(chars: &[char], quote_end: usize) -> bool {
    let rest = chars.get(quote_end..).unwrap_or(&[]);
    let from = rest
        .iter()
        .take(4)
        .position(|c| !c.is_whitespace())
        .unwrap_or(0);
    let word: String = rest
        .iter()
        .skip(from)
        .take(12)
        .take_while(|c| c.is_alphabetic())
        .collect();
    matches!(
        word.as_str(),
        "about"
            | "at"
            | "as"
            | "like"
            | "of"
            | "before"
            | "but"
            | "for"
            | "that"
            | "if"
            | "because"
            | "in"
            | "on"
            | "with"
            | "to"
            | "from"
            | "after"
            | "than"
            | "since"
            | "into"
            | "while"
            | "when"
    )
}

fn attribute(
    chars: &[char],
    spans: &[Span],
    index: usize,
    cues: &Cues,
    earlier: &[Option<Attribution>],
) -> Option<Attribution> {
    let span = spans.get(index)?;
    let previous = index
        .checked_sub(1)
        .and_then(|i| spans.get(i))
        .filter(|p| p.paragraph_start == span.paragraph_start);
    let before_limit = previous
        .map_or(span.paragraph_start, |p| p.end)
        .max(span.start.saturating_sub(WINDOW));
    let after_limit = spans
        .get(index + 1)
        .filter(|n| n.paragraph_start == span.paragraph_start)
        .map_or(span.paragraph_end, |n| n.start)
        .min(span.end + WINDOW);

    let before_tokens = tokenize(chars, before_limit, span.start);
    let whole_before = before_tokens.len();
    let before = Context::new(chars, sentence_tail(chars, before_tokens));
    let after = Context::new(
        chars,
        sentence_head(
            chars,
            tokenize(chars, after_closing(chars, span), after_limit),
        ),
    );
    if names_something(chars, span, &before, &after, cues) || is_no_speech(chars, span) {
        return None;
    }
    if let Some(turn) = transcript_turn(chars, span) {
        return Some(turn);
    }
    let starts_sentence = before.tokens.iter().all(|t| !t.is_word);
    let closes_sentence = ends_new_sentence(chars, span, &after);
    // “…so do voters!” After the rally…: a new sentence, unless it reports the quote
    // (“Why?” Roe asked.), which the inverted patterns below try first.
    let exclaims = matches!(last_inside(chars, span), '!' | '?')
        && after.is_capitalized(chars, 0)
        && !cues::is_pronoun(after.word(0));
    let ends_sentence = closes_sentence
        || exclaims
        || after.len() == 0
        || !after.is_word(0) && !matches!(after.word(0), "," | "-" | "—" | "–" | "―" | ")");

    // “…done.” Roe said. — a period for the comma, but the sentence is only "Roe said".
    let bare_report = after.len() <= 5
        && after.len() >= 2
        && cues
            .at(&after.words, after.len() - 1)
            .is_some_and(|(class, _)| class == CueClass::Verb);
    if !closes_sentence || bare_report {
        let comma_inside = matches!(last_inside(chars, span), ',' | '?' | '!');
        if let Some(mut found) = after_quote(chars, &after, cues, comma_inside) {
            if !starts_sentence {
                found.kind = QuoteKind::Mixed;
            }
            return Some(found);
        }
    }
    if let Some(mut found) = before_quote(chars, &before, cues) {
        // The second part of a split quote (“A,” he said, “B.”) is as direct as the first;
        // it follows the cue's clause and its comma, not more paraphrase ("“A,” saying the
        // city was the “heart of it all.”").
        let after_clause_mark = before
            .len()
            .checked_sub(1)
            .is_some_and(|last| matches!(before.word(last), "," | ":" | "—" | "–"));
        let split_part = before.len() == whole_before
            && after_clause_mark
            && previous.is_some()
            && index
                .checked_sub(1)
                .and_then(|i| earlier.get(i))
                .and_then(Option::as_ref)
                .is_some_and(|p| p.cue == found.cue);
        if split_part {
            found.kind = if ends_sentence {
                QuoteKind::Direct
            } else {
                QuoteKind::Mixed
            };
            found.continues = index.checked_sub(1);
        } else if found.kind == QuoteKind::Direct && !ends_sentence {
            found.kind = QuoteKind::Mixed;
        }
        return Some(found);
    }
    if let Some(found) = added_to_earlier_quote(spans, index, &before, cues, earlier) {
        return Some(found);
    }
    if ends_sentence {
        if let Some(found) =
            announced_by_subject(chars, &before).or_else(|| unlisted_verb_before(chars, &before))
        {
            return Some(found);
        }
    }
    if let Some(found) = signed_below(chars, span).or_else(|| signed_at_paragraph_end(chars, span))
    {
        return Some(found);
    }
    if starts_sentence && ends_sentence {
        if let Some(found) = continued(chars, spans, index, cues, earlier) {
            return Some(found);
        }
    }
    if !starts_sentence {
        if let Some(found) = fragment_in_report(chars, &before, &after, cues) {
            return Some(found);
        }
    }
    // “We had better years,” a delegate from Texas, 62, told us: a sentence opened by a
    // quote that closes on its own comma is inverted reporting, whoever the speaker is.
    let opens_inverted =
        starts_sentence && matches!(last_inside(chars, span), ',' | '?' | '!') && after.is_word(0);
    speech_without_speaker(
        chars,
        span,
        starts_sentence && ends_sentence || opens_inverted,
    )
}

/// The words inside a quote's marks (at most `limit` chars of them).
fn inside(chars: &[char], span: &Span, limit: usize) -> Vec<Token> {
    let from = span.start + 1;
    tokenize(chars, from, span.end.min(from + limit))
}

/// Most words a footer ("Follow Jo Roe on Twitter @jroe.") runs to.
const MAX_FOOTER_WORDS: usize = 12;

/// "(CROSSTALK.)", "(Laughter)": a stage direction of a transcript; "Follow Jo Roe on
/// Twitter @jroe.": a page footer a stray mark opened. Neither is anybody's speech.
fn is_no_speech(chars: &[char], span: &Span) -> bool {
    let tokens = inside(chars, span, span.end - span.start);
    let words: Vec<String> = tokens.iter().map(|t| text_of(chars, t)).collect();
    let last_word = tokens.iter().rposition(|t| t.is_word);
    let directed = words.first().is_some_and(|w| w == "(")
        && last_word.is_some_and(|last| words[last + 1..].iter().any(|w| w == ")"))
        && !words[1..]
            .iter()
            .take_while(|w| *w != ")")
            .any(|w| w == "(");
    let footer = words.first().is_some_and(|w| w == "Follow")
        && tokens.iter().filter(|t| t.is_word).count() <= MAX_FOOTER_WORDS
        && words.windows(2).any(|pair| {
            pair[0] == "on" && matches!(pair[1].as_str(), "Twitter" | "Facebook" | "Instagram")
        });
    directed || footer
}

/// Most words of a transcript's speaker label ("SEN. JO ROE:").
const MAX_LABEL_WORDS: usize = 4;

/// "WALLACE: If I may, sir…": a transcript turn opens on its speaker's name in capitals
/// and a colon; that name is the speaker, whatever the text before the quote says.
fn transcript_turn(chars: &[char], span: &Span) -> Option<Attribution> {
    let tokens = inside(chars, span, 60);
    let colon = tokens
        .iter()
        .position(|t| chars.get(t.start) == Some(&':'))
        .filter(|&colon| (1..=MAX_LABEL_WORDS * 2).contains(&colon))?;
    let label = &tokens[..colon];
    let shouted = label.iter().all(|t| {
        let text = text_of(chars, t);
        !t.is_word
            || text.chars().all(|c| !c.is_lowercase()) && text.chars().any(char::is_alphabetic)
    });
    let words = label.iter().filter(|t| t.is_word).count();
    let named = label.first().is_some_and(|t| {
        let word = super::tokens::lowercase(&text_of(chars, t)).into_owned();
        t.is_word && t.end - t.start >= 2 && !is_page_label(&word)
    });
    if !shouted || !named || words > MAX_LABEL_WORDS {
        return None;
    }
    let cue = &tokens[colon];
    Some(Attribution {
        speaker: Some((label.first()?.start, label.last()?.end)),
        cue: Some((cue.start, cue.end)),
        kind: QuoteKind::Direct,
        continues: None,
    })
}

/// "UPDATE: …", "WATCH: …": capitals before a colon that label a page's parts.
fn is_page_label(word: &str) -> bool {
    matches!(
        word,
        "note"
            | "update"
            | "updated"
            | "breaking"
            | "watch"
            | "read"
            | "warning"
            | "editor’s"
            | "editor's"
            | "correction"
            | "video"
            | "photo"
            | "source"
    )
}

/// Where the words after a quote start: past the stray third mark of ''…'case,''' (the
/// NYT closes a single quote inside a double one with three straight marks, and the span
/// takes only two of them).
fn after_closing(chars: &[char], span: &Span) -> usize {
    let tail = chars.get(span.end.saturating_sub(2)..=span.end);
    if span.closed && tail == Some(&['\'', '\'', '\''][..]) {
        span.end + 1
    } else {
        span.end
    }
}

/// “…,” Roe said on “Meet the Press,” adding, “…”: a cue alone between two quotes of a
/// paragraph reports the second for the speaker of the last attributed one (titles in
/// between have no speaker and are skipped).
fn added_to_earlier_quote(
    spans: &[Span],
    index: usize,
    before: &Context,
    cues: &Cues,
    earlier: &[Option<Attribution>],
) -> Option<Attribution> {
    let cue_at = (0..before.len()).find(|&i| before.is_word(i))?;
    let only_cue = (cue_at + 1..before.len()).all(|i| !before.is_word(i));
    let (class, length) = cues.at(&before.words, cue_at)?;
    if !only_cue || length != 1 || class != CueClass::Verb {
        return None;
    }
    let paragraph = spans.get(index)?.paragraph_start;
    let speaker = (0..index)
        .rev()
        .take_while(|&i| spans.get(i).is_some_and(|s| s.paragraph_start == paragraph))
        .find_map(|i| earlier.get(i)?.as_ref()?.speaker)?;
    Some(Attribution {
        speaker: Some(speaker),
        cue: before.range(cue_at, cue_at + 1),
        kind: QuoteKind::Direct,
        continues: None,
    })
}

/// Longest line (in chars) taken as a quote's signature: "— Jane Roe, Ohio."
const MAX_SIGNATURE: usize = 120;

/// A quote opening a paragraph that ends on a signature after a later quote: "“…” More
/// words “…” ― Jane Roe." (a list of readers' quotes; an odd mark inside the first one
/// split it). The signature is every part's, not the speaker of the paragraph before.
fn signed_at_paragraph_end(chars: &[char], span: &Span) -> Option<Attribution> {
    if span.start != span.paragraph_start {
        return None;
    }
    let line = Context::new(chars, tokenize(chars, span.end, span.paragraph_end));
    let dash = (0..line.len()).rev().find(|&i| is_dash(line.word(i)))?;
    let signs_a_quote = dash
        .checked_sub(1)
        .is_some_and(|i| matches!(line.word(i), "”" | "\"" | "’" | "'"));
    let name_end = name_run_end(chars, &line, dash + 1);
    let ends_paragraph = (name_end..line.len()).all(|i| !line.is_word(i));
    (signs_a_quote && name_end > dash + 1 && ends_paragraph).then(|| Attribution {
        speaker: line.range(dash + 1, name_end),
        cue: line.range(dash, dash + 1),
        kind: QuoteKind::Direct,
        continues: None,
    })
}

/// A quote that is a paragraph of its own, signed on the next line: "“…”¶- Jane Roe."
fn signed_below(chars: &[char], span: &Span) -> Option<Attribution> {
    let alone = span.start == span.paragraph_start
        && span.closed
        && !tokenize(chars, span.end, span.paragraph_end)
            .iter()
            .any(|t| t.is_word);
    if !alone {
        return None;
    }
    let next_start = (span.paragraph_end..chars.len().min(span.paragraph_end + WINDOW))
        .find(|&i| chars.get(i).is_some_and(|c| !c.is_whitespace()))?;
    let next_end = chars
        .get(next_start..)?
        .iter()
        .position(|&c| c == '\n')
        .map_or(chars.len(), |p| next_start + p);
    if next_end - next_start > MAX_SIGNATURE {
        return None;
    }
    let line = Context::new(chars, tokenize(chars, next_start, next_end));
    if !is_dash(line.word(0)) {
        return None;
    }
    let name_end = name_run_end(chars, &line, 1);
    (name_end > 1).then(|| Attribution {
        speaker: line.range(1, name_end),
        cue: line.range(0, 1),
        kind: QuoteKind::Direct,
        continues: None,
    })
}

/// Putin called the idea “quite possible”, Sie sprach von einem „beschämenden Deal“, sei
/// „mit Vorsicht zu genießen“, so die FIFA: a quoted fragment inside reported speech.
/// The sentence must report (a cue anywhere in it, or German reported-speech verb
/// forms); its speaker is the subject of that cue, or else the sentence's first name.
fn fragment_in_report(
    chars: &[char],
    before: &Context,
    after: &Context,
    cues: &Cues,
) -> Option<Attribution> {
    let mixed = |context: &Context, speaker: (usize, usize), cue: Option<(usize, usize)>| {
        Some(Attribution {
            speaker: context.range(speaker.0, speaker.1),
            cue: cue.and_then(|(from, to)| context.range(from, to)),
            kind: QuoteKind::Mixed,
            continues: None,
        })
    };
    // ", so die FIFA" / ", sagte er" later in the sentence.
    for at in 1..after.len() {
        if after.word(at - 1) != "," {
            continue;
        }
        if let Some((class, length)) = cues.at(&after.words, at) {
            if matches!(class, CueClass::Verb | CueClass::So) {
                if let Some(speaker) = phrase_after(chars, after, at + length) {
                    return mixed(after, speaker, Some((at, at + length)));
                }
            }
        }
    }
    let cue = (0..before.len()).rev().find_map(|i| {
        cues.at(&before.words, i)
            .map(|(class, length)| (i, class, length))
    });
    if let Some((at, class, length)) = cue {
        if matches!(class, CueClass::Verb | CueClass::Naming) {
            if let Some(speaker) = phrase_before(chars, before, at, 0)
                .or_else(|| phrase_after(chars, before, at + length))
            {
                return mixed(before, speaker, Some((at, at + length)));
            }
        }
    }
    let reported = (0..before.len()).any(|i| is_reported_speech_verb(before.word(i)))
        || (0..after.len()).any(|i| is_reported_speech_verb(after.word(i)));
    if !reported {
        return None;
    }
    let subject = (0..before.len()).find(|&i| {
        cues::is_pronoun(before.word(i))
            || before.is_capitalized(chars, i)
                && !is_function_word(chars, before, i)
                && i > 0
                && cues::is_determiner(before.word(i - 1))
    });
    // "Besonders betroffen seien junge Menschen aus „…“": the sentence reports, but
    // who says it lies in an earlier sentence; the fragment is still quoted speech.
    let Some(subject) = subject else {
        return Some(Attribution {
            speaker: None,
            cue: None,
            kind: QuoteKind::Mixed,
            continues: None,
        });
    };
    let (from, to) = if cues::is_pronoun(before.word(subject)) {
        (subject, subject + 1)
    } else {
        (
            subject - 1,
            name_run_end(chars, before, subject).max(subject + 1),
        )
    };
    mixed(before, (from, to), None)
}

/// Words that mark German reported speech: a subjunctive ("er sei", "sie habe") or a verb
/// of judging ("bezeichnete", "kritisierte").
fn is_reported_speech_verb(word: &str) -> bool {
    german::is_listed_subjunctive(word)
        || matches!(
            word,
            "bezeichnete"
                | "nannte"
                | "kritisierte"
                | "sprach"
                | "beurteilte"
                | "attackierte"
                | "warnte"
                | "forderte"
                | "lobte"
                | "verurteilte"
                | "sicherte"
                | "nennt"
                | "spricht"
                | "beschrieb"
                | "wertete"
                | "sieht"
                | "sah"
                | "hält"
                | "hielt"
                | "bezeichnet"
                | "bezeichneten"
                | "äußerte"
                | "äußerten"
                | "konstatierte"
                | "riet"
                | "verlangte"
                | "würdigte"
                | "empfiehlt"
                | "zurückgewiesen"
                | "vorwarf"
        )
}

/// Words a quote needs to count as speech even when its speaker cannot be found: shorter
/// quoted spans are mostly titles, names and scare quotes.
const MIN_UNATTRIBUTED_WORDS: usize = 6;

/// A long quoted passage is somebody's speech even when the speaker is out of reach.
fn speech_without_speaker(
    chars: &[char],
    span: &Span,
    whole_sentence: bool,
) -> Option<Attribution> {
    let words = chars
        .get(span.start..span.end)?
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .count();
    (words >= MIN_UNATTRIBUTED_WORDS).then_some(Attribution {
        speaker: None,
        cue: None,
        kind: if whole_sentence {
            QuoteKind::Direct
        } else {
            QuoteKind::Mixed
        },
        continues: None,
    })
}

/// "Hillary Clinton cracked, “…”": a name (or pronoun) and one -ed verb right before the
/// comma that opens the quote.
fn unlisted_verb_before(chars: &[char], before: &Context) -> Option<Attribution> {
    let comma = before.len().checked_sub(1)?;
    if before.word(comma) != "," {
        return None;
    }
    let verb = comma.checked_sub(1)?;
    let word = before.word(verb);
    if !before.is_word(verb) || before.is_capitalized(chars, verb) || !word.ends_with("ed") {
        return None;
    }
    let (from, to) = phrase_ending_at(chars, before, verb, 0)?;
    let is_subject = cues::is_pronoun(before.word(from)) || before.is_capitalized(chars, to - 1);
    is_subject.then(|| Attribution {
        speaker: before.range(from, to),
        cue: before.range(verb, verb + 1),
        kind: QuoteKind::Direct,
        continues: None,
    })
}

/// "Kasich resisted: “…”": a sentence ending on a colon announces the quote; its
/// speaker is the sentence's subject (its first pronoun or name).
fn announced_by_subject(chars: &[char], before: &Context) -> Option<Attribution> {
    if before.word(before.len().checked_sub(1)?) != ":" {
        return None;
    }
    let (from, to) = sentence_subject(chars, before)?;
    let colon = before.len() - 1;
    Some(Attribution {
        speaker: before.range(from, to),
        cue: before.range(colon, colon + 1),
        kind: QuoteKind::Direct,
        continues: None,
    })
}

/// The first pronoun or name of the sentence, after an opening participle clause
/// ("Surveying the damage, Roe concluded:").
fn sentence_subject(chars: &[char], before: &Context) -> Option<(usize, usize)> {
    let opens_with_participle = before.is_capitalized(chars, 0)
        && (before.word(0).ends_with("ing") || before.word(0).ends_with("ed"));
    // "Hours later, Roe told…", "Back in 1999, Roe said…": one opening word and a short
    // phrase without names before the comma, then the subject.
    let opening_phrase = (2..before.len().min(6))
        .find(|&i| before.word(i) == ",")
        .filter(|&comma| {
            (1..comma).all(|i| !before.is_capitalized(chars, i) || is_time_word(before.word(i)))
                && (before.is_capitalized(chars, comma + 1)
                    || cues::is_pronoun(before.word(comma + 1)))
        });
    let first = if opens_with_participle {
        (0..before.len()).find(|&i| before.word(i) == ",")? + 1
    } else {
        opening_phrase
            .or_else(|| opening_prepositional_phrase(chars, before))
            .map_or(0, |comma| comma + 1)
    };
    let subject = (first..before.len().min(first + 12)).find(|&i| {
        before.is_word(i)
            && (cues::is_pronoun(before.word(i))
                || before.is_capitalized(chars, i) && !is_function_word(chars, before, i))
    });
    // "The email goes on to say:": no name, but a determiner and its noun open the
    // sentence.
    let Some(subject) = subject else {
        let noun = first + 1;
        let described = cues::is_determiner(before.word(first))
            && before.is_word(noun)
            && !before.is_capitalized(chars, noun)
            && !is_phrase_stop(before.word(noun))
            && !is_clause_start(before.word(noun));
        return described.then(|| (first, with_head_nouns(chars, before, noun + 1)));
    };
    if cues::is_pronoun(before.word(subject)) {
        return Some((subject, subject + 1));
    }
    // "Former Secretary of State Jo Roe": "of" between capitalised words is in the name.
    let mut to = subject;
    while to < before.len()
        && (before.is_capitalized(chars, to)
            || before.word(to) == "." && to > subject && is_abbreviation(before, to - 1)
            || before.word(to) == "of" && to > subject && before.is_capitalized(chars, to + 1))
    {
        to += 1;
    }
    let to = described_name_end(chars, before, subject, to);
    let determined = subject > 0 && cues::is_determiner(before.word(subject - 1))
        || matches!(before.word(subject), "one" | "another");
    if determined {
        // "The Clinton campaign argued": the names modify the noun after them.
        let from =
            subject - usize::from(subject > 0 && cues::is_determiner(before.word(subject - 1)));
        return Some((from, with_head_nouns(chars, before, to)));
    }
    Some((subject, to))
}

/// Longest opening phrase "On July 6, 2015," or "With Democratic support fading,".
const MAX_OPENING_PREPOSITIONAL: usize = 10;

/// The comma that ends an opening prepositional phrase ("On July 6, 2015, Roe said:",
/// "With Democratic support fading, Roe wrote:"): its capitalised words are dates and
/// modifiers, not the subject, which is the name or pronoun after the comma.
fn opening_prepositional_phrase(chars: &[char], before: &Context) -> Option<usize> {
    let opens = matches!(
        before.word(0),
        "on" | "in"
            | "with"
            | "after"
            | "since"
            | "during"
            | "by"
            | "at"
            | "from"
            | "amid"
            | "despite"
            | "following"
            | "before"
            | "until"
    ) && before.is_capitalized(chars, 0);
    if !opens {
        return None;
    }
    // "in Birmingham, Alabama, on Saturday": a name between two commas is a place.
    let names_a_place = |i: usize| before.word(name_run_end(chars, before, i + 1)) == ",";
    (2..before.len().min(MAX_OPENING_PREPOSITIONAL)).find(|&i| {
        before.word(i) == ","
            && (before.is_capitalized(chars, i + 1)
                && !is_function_word(chars, before, i + 1)
                && !names_a_place(i)
                || cues::is_pronoun(before.word(i + 1)))
    })
}

/// A lowercase word that can be a noun of a description: not a past form or adverb
/// ("-ed", "-ly"), not a word that stops a phrase or opens a clause, not a filler verb.
fn is_lowercase_noun(chars: &[char], context: &Context, i: usize) -> bool {
    let word = context.word(i);
    context.is_word(i)
        && !context.is_capitalized(chars, i)
        && !word.ends_with("ed")
        && !word.ends_with("ly")
        && !is_phrase_stop(word)
        && !is_clause_start(word)
        && !cues::is_verb_filler(word)
}

/// Common verbs that follow a described subject ("The Republican candidate went…").
fn is_common_verb(word: &str) -> bool {
    matches!(
        word,
        "goes" | "went" | "seems" | "appears" | "made" | "took"
    )
}

/// `to` moved over up to two lowercase nouns that end a described subject ("An early
/// tweet quoted…", "The Republican candidate appeared…"), stopping at its verb.
fn with_head_nouns(chars: &[char], context: &Context, to: usize) -> usize {
    let nouns = (to..context.len().min(to + 2))
        .take_while(|&i| {
            let word = context.word(i);
            is_lowercase_noun(chars, context, i)
                && !cues::is_reporting_verb(word)
                && !is_common_verb(word)
        })
        .count();
    // Only a noun right before a verb-like word ends the subject: not "The Clinton
    // years brought…"-like runs we cannot check.
    let verb = context.word(to + nouns);
    let verb_follows = nouns > 0
        && (verb.ends_with("ed")
            || cues::is_reporting_verb(verb)
            || is_phrase_stop(verb)
            || cues::is_verb_filler(verb)
            || is_common_verb(verb)
            || verb == ":");
    if verb_follows {
        to + nouns
    } else {
        to
    }
}

/// "Republican presidential candidate Jo Roe", "Democratic strategist Al Poe": a lone
/// capitalised adjective (-an, -ic) opening a description runs on over up to three
/// lowercase nouns to the name after them; else the subject ends at `to`.
fn described_name_end(chars: &[char], context: &Context, subject: usize, to: usize) -> usize {
    let word = context.word(subject);
    let adjective = to == subject + 1 && (word.ends_with("an") || word.ends_with("ic"));
    if !adjective {
        return to;
    }
    let nouns = (to..context.len().min(to + 3))
        .take_while(|&i| is_lowercase_noun(chars, context, i))
        .count();
    let name_end = name_run_end(chars, context, to + nouns);
    if nouns > 0 && name_end > to + nouns {
        name_end
    } else {
        to
    }
}

/// Cues whose object is the listener, not the speaker: "telling CNN: “…”".
fn addresses_a_listener(word: &str) -> bool {
    matches!(word, "told" | "telling" | "tells" | "tell")
}

fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "–" | "―" | "-")
}

fn is_sentence_end(chars: &[char], tokens: &[Token], index: usize) -> bool {
    let Some(token) = tokens.get(index) else {
        return false;
    };
    if token.is_word || !matches!(chars.get(token.start), Some('.' | '!' | '?')) {
        return false;
    }
    // "Mr.", "U.S.", "J." are abbreviations, not sentence ends.
    let abbreviation = index
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .filter(|t| t.is_word && t.end == token.start)
        .is_some_and(|t| {
            let word = text_of(chars, t);
            is_abbreviation_word(&word) || word.contains('.') && is_capitalized(&word)
        });
    let within = !abbreviation
        && !inside_a_name(chars, tokens, index)
        && !german::ordinal_date(chars, tokens, index);
    within || chars.get(token.start) != Some(&'.')
}

/// "Jo Roe, R-Wis., said", "Rep. Jo Roe (D-N.Y.) said": a period right before a comma
/// or a letter, or closing a short parenthesis, is part of an abbreviation, not the end
/// of the sentence.
fn inside_a_name(chars: &[char], tokens: &[Token], period: usize) -> bool {
    let Some(next) = tokens
        .get(period + 1)
        .filter(|t| Some(t.start) == tokens.get(period).map(|p| p.end))
    else {
        return false;
    };
    if next.is_word {
        // "sagte der Papst.Der Bruder": a glued sentence (scraped text), not an initial.
        return !super::tokens::glued_sentence(chars, tokens, period);
    }
    match chars.get(next.start) {
        Some(',' | '-') => true,
        Some(')') => (period.saturating_sub(6)..period).any(|i| {
            tokens
                .get(i)
                .is_some_and(|t| chars.get(t.start) == Some(&'('))
        }),
        _ => false,
    }
}

/// The tokens after the last sentence end.
fn sentence_tail(chars: &[char], tokens: Vec<Token>) -> Vec<Token> {
    match (0..tokens.len())
        .rev()
        .find(|&i| is_sentence_end(chars, &tokens, i))
    {
        Some(end) => tokens.get(end + 1..).unwrap_or(&[]).to_vec(),
        None => tokens,
    }
}

/// The tokens before the first sentence end.
fn sentence_head(chars: &[char], mut tokens: Vec<Token>) -> Vec<Token> {
    if let Some(end) = (0..tokens.len()).find(|&i| is_sentence_end(chars, &tokens, i)) {
        tokens.truncate(end);
    }
    tokens
}

/// A short capitalised quote used as a name, not as speech: die „Netzeitung“, laut
/// „Reuters“, the “Apprentice” finale, „Stuttgart 21“-Proteste.
fn names_something(
    chars: &[char],
    span: &Span,
    before: &Context,
    after: &Context,
    cues: &Cues,
) -> bool {
    // “Sam Mendes leaves the show,” by Times' Jo Roe: a headline with its byline.
    let byline =
        (0..after.len().min(2)).any(|i| after.word(i) == "by" && (i == 0 || after.word(0) == ","));
    if flags_a_term(before) || names_itself(before) || byline {
        return true;
    }
    let inside = chars
        .get(span.start + 1..span.end.saturating_sub(1))
        .unwrap_or(&[]);
    let words = inside
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .count();
    let capitalised = inside
        .iter()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase());
    // Kubricks Film „2001: Odyssee im Weltraum“, des Magazins „auto, motor und sport“:
    // after a German noun that bears a name, the quote is that name, however it is cased.
    let bears_a_name = before
        .len()
        .checked_sub(1)
        .is_some_and(|noun| before.is_word(noun) && is_german_name_bearer(before.word(noun)));
    if bears_a_name && words <= MAX_NAME_BEARER_WORDS {
        return true;
    }
    // A title may end on the sentence's period (“Meet the Press.”), not on a comma.
    let ends_clause = matches!(last_inside(chars, span), '!' | '?' | ',' | ':' | ';');
    if !capitalised || ends_clause {
        return false;
    }
    let last = before.len().checked_sub(1);
    let previous = last.map_or("", |i| before.word(i));
    // des Magazins „Der Spiegel“, sein Buch „Cobra II – die Geschichte …“, the daily “The
    // Nation”: a title right after "determiner + noun" is that noun's name (apposition).
    let names_its_noun = last.is_some_and(|noun| names_the_noun_before(chars, before, noun));
    if names_its_noun && words <= MAX_TITLE_WORDS && last_inside(chars, span) != '.' {
        return true;
    }
    // "in his 2012 book, “An American Son.”": a title-cased name of a work after its noun.
    let work = last
        .filter(|&comma| before.word(comma) == ",")
        .and_then(|comma| comma.checked_sub(1))
        .is_some_and(|noun| is_work_noun(before.word(noun)));
    if work && words <= MAX_TITLE_WORDS && title_cased(inside) {
        return true;
    }
    // nannte den Bericht eine „Zeitungsente“, sei ein „Opfer des Terrorismus“: German
    // capitalises every noun, and a noun after an indefinite article in a reporting
    // sentence is a word the speaker chose, not the name of a paper or a firm (those take
    // "der", "die": die „Zeit“).
    let indefinite = matches!(previous, "ein" | "eine" | "einen" | "einem" | "einer");
    if words > 4 || indefinite && reports(before, cues) {
        return false;
    }
    let glued_to_next = chars.get(span.end) == Some(&'-');
    glued_to_next
        || cues::is_determiner(previous)
        || is_possessive(previous)
        || matches!(
            previous,
            "laut"
                | "von"
                | "vom"
                | "in"
                | "im"
                | "auf"
                | "of"
                | "on"
                | "by"
                | "via"
                | "from"
                | "mit"
                | "zur"
                | "zum"
                | "beim"
                | "bei"
                | "der"
                | "des"
                | "dem"
                | "den"
                | "nach"
                | "für"
                | "selon"
                | "según"
                | "segundo"
                | "according"
        )
        || after.word(0) == "-"
}

/// Whether the words before a quote report speech: a reporting or naming verb, or a
/// German reported-speech verb form ("sei", "habe").
fn reports(before: &Context, cues: &Cues) -> bool {
    (0..before.len()).any(|i| {
        is_reported_speech_verb(before.word(i))
            || cues
                .at(&before.words, i)
                .is_some_and(|(class, _)| matches!(class, CueClass::Verb | CueClass::Naming))
    })
}

/// Whether token `noun` heads a noun phrase that a following title names: "des Magazins",
/// "the daily", or in German with adjectives between ("die britische Zeitschrift").
/// Nouns whose name a quoted title gives: "his book, “…”".
fn is_work_noun(word: &str) -> bool {
    matches!(
        word,
        "book"
            | "memoir"
            | "memoirs"
            | "novel"
            | "column"
            | "film"
            | "movie"
            | "song"
            | "album"
            | "essay"
            | "show"
            | "series"
            | "documentary"
            | "play"
            | "poem"
    )
}

/// Whether most longer words of `text` start with a capital, as in a title.
fn title_cased(text: &[char]) -> bool {
    let long: Vec<&[char]> = text
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| {
            w.iter()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.is_uppercase())
        })
        .count();
    !long.is_empty() && capitalised * 2 > long.len()
}

fn names_the_noun_before(chars: &[char], before: &Context, noun: usize) -> bool {
    if noun == 0 || !before.is_word(noun) || cues::is_pronoun(before.word(noun)) {
        return false;
    }
    // German prepositions fused with the article ("im Sender") open a phrase too.
    let opens_phrase = |i: usize| {
        let word = before.word(i);
        cues::is_determiner(word)
            || is_possessive(word)
            || matches!(word, "im" | "am" | "vom" | "zum" | "zur" | "beim")
    };
    if opens_phrase(noun - 1) {
        return true;
    }
    // Adjectives are lowercase and nouns capitalised only in German: no English verb
    // phrase ("the plan was called") can pass for this.
    let adjectives = (1..=2)
        .take_while(|&back| {
            noun > back && before.is_word(noun - back) && !before.is_capitalized(chars, noun - back)
        })
        .count();
    before.is_capitalized(chars, noun)
        && (1..=adjectives).any(|back| noun > back && opens_phrase(noun - back - 1))
}

/// "die sich selbst „…“ nennt", "präsentiert sich als „…“", "nennt sich „…“": a German
/// subject naming or presenting itself gives a name or a role, not speech.
fn names_itself(before: &Context) -> bool {
    let Some(last) = before.len().checked_sub(1) else {
        return false;
    };
    let word = |back: usize| last.checked_sub(back).map_or("", |i| before.word(i));
    match word(0) {
        "als" | "selbst" => word(1) == "sich",
        "sich" => matches!(word(1), "nennt" | "nennen" | "nannte" | "nannten" | "heißt"),
        _ => false,
    }
}

/// "so-called", "sogenannte", "so genannten": the writer flags a term, not speech.
fn flags_a_term(before: &Context) -> bool {
    let Some(last) = before.len().checked_sub(1) else {
        return false;
    };
    let word = before.word(last);
    word.starts_with("sogenannt")
        || word == "so-called"
        || last > 0
            && before.word(last - 1) == "so"
            && (word.starts_with("genannt") || word == "called")
        || last > 1
            && before.word(last - 2) == "so"
            && before.word(last - 1) == "-"
            && word == "called"
}

/// Longest quote taken as the name a German name-bearing noun announces.
const MAX_NAME_BEARER_WORDS: usize = 16;

/// German nouns followed by the name of what they denote: "Motto", "Titel", "Namen",
/// and works and media, also in compounds ("Tageszeitung", "Fernsehsender",
/// "Krimiserie"). Not "Parole" or "Aufschrift": those quote what someone wrote or chanted.
fn is_german_name_bearer(word: &str) -> bool {
    const EXACT: &[&str] = &[
        "motto",
        "titel",
        "name",
        "namen",
        "spitznamen",
        "codenamen",
        "enzyklika",
    ];
    const ENDINGS: &[&str] = &[
        "zeitung",
        "zeitschrift",
        "magazin",
        "magazins",
        "magazines",
        "film",
        "films",
        "buch",
        "buches",
        "lied",
        "serie",
        "album",
        "roman",
        "blatt",
        "blattes",
        "sender",
        "senders",
        "überschrift",
        "reihe",
    ];
    EXACT.contains(&word) || ENDINGS.iter().any(|ending| word.ends_with(ending))
}

/// Longest title taken as the name of the noun before it ("das Buch „…“").
const MAX_TITLE_WORDS: usize = 10;

/// The last char inside the closing mark (' ' when there is none).
fn last_inside(chars: &[char], span: &Span) -> char {
    let mark_width = if span.closed { 1 } else { 0 };
    chars
        .get(span.start + 1..span.end.saturating_sub(mark_width))
        .and_then(|inside| {
            inside
                .iter()
                .rev()
                .find(|c| !c.is_whitespace() && !matches!(c, '\'' | '’'))
        })
        .copied()
        .unwrap_or(' ')
}

/// True when the quote closed its own sentence (“Done.” He left.): what follows is new.
fn ends_new_sentence(chars: &[char], span: &Span, after: &Context) -> bool {
    let last_inside = span
        .end
        .checked_sub(2)
        .and_then(|i| chars.get(i))
        .copied()
        .unwrap_or(' ');
    last_inside == '.' && after.is_capitalized(chars, 0) && !cues::is_pronoun(after.word(0))
}

/// “…,” said X / “…,” X said / “…” — X / “…,” according to X / „…“, so X
fn after_quote(
    chars: &[char],
    after: &Context,
    cues: &Cues,
    comma_inside: bool,
) -> Option<Attribution> {
    let mut start = 0;
    let mut dash = false;
    while start < after.len() && !after.is_word(start) {
        let word = after.word(start);
        if !matches!(word, "," | "(" | "—" | "–" | "―" | "-") {
            return None;
        }
        dash |= is_dash(word);
        start += 1;
    }
    // "“…,” Trump said of the plan": the topic after the cue does not make the quote a
    // fragment; everything said is inside the marks.
    let found = |speaker: (usize, usize), cue: (usize, usize)| {
        Some(Attribution {
            speaker: after.range(speaker.0, speaker.1),
            cue: after.range(cue.0, cue.1),
            kind: QuoteKind::Direct,
            continues: None,
        })
    };
    // "a déclaré X", "hat gesagt": the auxiliary belongs to the cue.
    if matches!(after.word(start), "a" | "ha" | "hat" | "hatte")
        && cues.at(&after.words, start + 1).is_some()
    {
        start += 1;
    }
    if let Some((class, length)) = cues.at(&after.words, start) {
        let speaker_from = start + length;
        let speaker = match class {
            CueClass::SourceAfter | CueClass::Naming => None,
            _ => phrase_after(chars, after, speaker_from)
                .map(|p| with_description_tail(chars, after, p))
                .map(|p| with_named_apposition(chars, after, p))
                .map(|p| with_of_place(chars, after, p))
                .map(|p| with_party(after, p))
                .map(|p| with_appositive(chars, after, p)),
        }?;
        return found(speaker, (start, speaker_from));
    }
    // The speaker first: “…,” X said / “…,” X, a doctor, said / X zufolge
    let limit = after.len().min(start + MAX_APPOSITIVE + 6);
    for cue_at in start + 1..limit {
        // "X, the former governor and a candidate, told": "and" inside the appositive.
        // "X, who served as chief of staff, said", "X, an adviser and former director,
        // wrote": an appositive set off by commas, inside which "as" or "and" start no
        // new clause.
        let commas = (start..cue_at).filter(|&i| after.word(i) == ",").count();
        let relative = (start + 1..cue_at)
            .find(|&i| after.word(i) == ",")
            .is_some_and(|comma| opens_appositive(chars, after, comma + 1));
        // "Jo Roe and Al Poe wrote", "the Ohio senator and candidate said": "and" joins
        // two names or the parts of a description.
        let joins_speakers = after.word(cue_at) == "and"
            && (after.is_capitalized(chars, cue_at + 1) || cues::is_determiner(after.word(start)));
        let inside_appositive = joins_speakers
            || after.word(cue_at) == "and"
                && commas > 0
                && cues::is_determiner(after.word(cue_at + 1))
            || matches!(after.word(cue_at), "who" | "whose")
                && cue_at > start + 1
                && after.word(cue_at - 1) == ","
            || relative && commas % 2 == 1;
        if let Some(length) = quoted_as_saying(after, cue_at) {
            let speaker = subject_phrase(chars, after, start, cue_at)?;
            return found(speaker, (cue_at, cue_at + length));
        }
        // A capital is a name's initial ("D-N.Y."), not Spanish "y".
        let starts_clause =
            is_clause_start(after.word(cue_at)) && !after.is_capitalized(chars, cue_at);
        if starts_clause && !inside_appositive {
            break;
        }
        let Some((class, length)) = cues.at(&after.words, cue_at) else {
            continue;
        };
        if !matches!(class, CueClass::Verb | CueClass::SourceAfter) {
            break;
        }
        let speaker = subject_phrase(chars, after, start, cue_at)?;
        return found(speaker, (cue_at, cue_at + length));
    }
    // An unlisted verb right after a short subject: “…,” he surmised.
    if let Some(verb) = unlisted_verb(chars, after, start, comma_inside) {
        let speaker = subject_phrase(chars, after, start, verb)?;
        return found(speaker, (verb, verb + 1));
    }
    if dash {
        let (from, to) = phrase_after(chars, after, start)?;
        if after.is_capitalized(chars, from) {
            return found((from, to), (start - 1, start));
        }
    }
    None
}

/// "is quoted as saying" at `at`: a passive report whose subject is the speaker. Its
/// length in words.
fn quoted_as_saying(context: &Context, at: usize) -> Option<usize> {
    let passive = matches!(context.word(at), "is" | "was" | "were" | "are")
        && context.word(at + 1) == "quoted"
        && context.word(at + 2) == "as";
    passive.then(|| {
        if context.word(at + 3) == "saying" {
            4
        } else {
            3
        }
    })
}

/// Words that start a new clause rather than a speaker phrase.
fn is_clause_start(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "but"
            | "as"
            | "while"
            | "which"
            | "who"
            | "because"
            | "when"
            | "if"
            | "though"
            | "although"
            | "whether"
            | "und"
            | "aber"
            | "weil"
            | "wenn"
            | "et"
            | "mais"
            | "y"
            | "pero"
            | "и"
            | "но"
    )
}

/// The speaker phrase between `start` and the cue at `cue_at`: everything up to the first
/// comma (an appositive follows it), minus "also", "has" and the like before the verb.
fn subject_phrase(
    chars: &[char],
    context: &Context,
    start: usize,
    cue_at: usize,
) -> Option<(usize, usize)> {
    // “…” and against the Brady law, Clinton said / “…” that is sexist, Brock said: the
    // paraphrase's tail before the comma is no speaker; the name after it is.
    let lead = start + usize::from(matches!(context.word(start), "and" | "but"));
    let paraphrase = is_phrase_stop(context.word(lead)) || context.word(lead) == "against";
    let start = match (start..cue_at).rev().find(|&i| context.word(i) == ",") {
        Some(comma) if paraphrase && context.is_capitalized(chars, comma + 1) => comma + 1,
        _ => start,
    };
    let mut end = (start..cue_at)
        .find(|&i| matches!(context.word(i), "," | "("))
        .unwrap_or(cue_at);
    let name_end = end;
    while end > start + 1 && cues::is_verb_filler(context.word(end - 1)) {
        end -= 1;
    }
    let words = end.checked_sub(start)?;
    let all_words = (start..end).all(|i| context.is_word(i) || context.word(i) == ".");
    if !((1..=10).contains(&words) && all_words) {
        return None;
    }
    // “…,” the White House spokesman, Josh Roe, said: the name after the description.
    if let Some(named) = named_after_description(chars, context, (start, name_end), cue_at) {
        return Some(named);
    }
    // “…,” Jane Roe, a doctor, said: the gold-style speaker keeps the appositive.
    if name_end < cue_at
        && context.word(name_end) == ","
        && opens_appositive(chars, context, name_end + 1)
    {
        end = cue_at;
        while end > start + 1 && matches!(context.word(end - 1), "," | ")") {
            end -= 1;
        }
        while end > start + 1 && cues::is_verb_filler(context.word(end - 1)) {
            end -= 1;
        }
    }
    // “…,” Rep. Jo Roe (D-Ore.) said: the written speaker keeps the party.
    if let Some(party) = party_after(context, name_end).filter(|&p| p == cue_at) {
        end = party;
    }
    Some((start, end))
}

/// Longest party-and-state parenthesis after a name, in tokens: "(D-N.Y.)".
const MAX_PARTY_TOKENS: usize = 8;

/// The end of the parenthesis right after a name ending at `name_end` ("Jo Roe (D-Ore.)",
/// as the gold writes speakers), if there is one.
fn party_after(context: &Context, name_end: usize) -> Option<usize> {
    if context.word(name_end) != "(" {
        return None;
    }
    (name_end + 1..context.len().min(name_end + MAX_PARTY_TOKENS))
        .find(|&i| context.word(i) == ")")
        .map(|close| close + 1)
}

/// "said Sen. Jo Roe (D-Conn.)": the phrase through the party parenthesis.
fn with_party(context: &Context, phrase: (usize, usize)) -> (usize, usize) {
    party_after(context, phrase.1).map_or(phrase, |end| (phrase.0, end))
}

/// "the White House spokesman, Josh Roe," / "Google's recruiter, Ann Lee," before the
/// cue at `cue_at`: a description (a determiner or a possessive, ending on a common
/// noun) then a comma and a name that runs up to a comma or the cue. The phrase through
/// the name (resolution then picks the name).
fn named_after_description(
    chars: &[char],
    context: &Context,
    description: (usize, usize),
    cue_at: usize,
) -> Option<(usize, usize)> {
    let (from, comma) = description;
    let last = comma.checked_sub(1).filter(|&l| l > from)?;
    let described = cues::is_determiner(context.word(from))
        || matches!(context.word(from), "another" | "one")
        || (from..comma).any(|i| is_possessive(context.word(i)));
    let head_is_noun = context.is_word(last) && !context.is_capitalized(chars, last);
    if !(described && head_is_noun && context.word(comma) == ",") {
        return None;
    }
    let name_end = name_run_end(chars, context, comma + 1);
    let closes = name_end == cue_at || context.word(name_end) == ",";
    (name_end > comma + 1 && name_end <= cue_at && closes).then_some((from, name_end))
}

/// “…,” he surmised / “…,” Mr. Rubel pointed out / “…,” an angry Smith retorted: a
/// pronoun or a short name followed by one verb-like word that closes the clause. When
/// the quote ends on a comma the verb can be any lowercase word ("they conclude").
fn unlisted_verb(
    chars: &[char],
    after: &Context,
    start: usize,
    comma_inside: bool,
) -> Option<usize> {
    let end = if cues::is_pronoun(after.word(start)) {
        start + 1
    } else {
        let mut name_from = start;
        if cues::is_determiner(after.word(start)) {
            name_from += 1;
            while name_from < start + 3
                && after.is_word(name_from)
                && !after.is_capitalized(chars, name_from)
            {
                name_from += 1;
            }
        }
        let end = name_run_end(chars, after, name_from);
        if end == name_from {
            return None;
        }
        end
    };
    let verb = after.word(end);
    let verb_like = after.is_word(end)
        && !after.is_capitalized(chars, end)
        && !cues::is_pronoun(verb)
        && !is_clause_start(verb)
        && (comma_inside
            || verb.ends_with("ed")
            || verb.ends_with('s') && !verb.ends_with("ss")
            || matches!(verb, "went" | "shot" | "wrote" | "told"));
    let next = after.word(end + 1);
    let closes = end + 1 >= after.len()
        || matches!(
            next,
            "," | "out" | "up" | "back" | "on" | "in" | "at" | "to"
        )
        || !after.is_word(end + 1);
    (verb_like && closes).then_some(end)
}

/// The end of the run of capitalised words (with "Mr." and initials) starting at `from`.
fn name_run_end(chars: &[char], context: &Context, from: usize) -> usize {
    let mut end = from;
    while end < context.len() {
        let word = context.word(end);
        let joins = context.is_capitalized(chars, end)
            && !(end == from && is_function_word(chars, context, end))
            || word == "."
                && end > from
                && is_abbreviation(context, end - 1)
                && context.is_capitalized(chars, end + 1)
            || is_name_particle(word) && end > from && context.is_capitalized(chars, end + 1);
        if !joins {
            break;
        }
        end += 1;
    }
    end
}

/// X said: “…” / According to X, “…” / X called it “…”
fn before_quote(chars: &[char], before: &Context, cues: &Cues) -> Option<Attribution> {
    let (cue_at, class, length) = (0..before.len()).rev().find_map(|i| {
        cues.at(&before.words, i)
            .map(|(class, length)| (i, class, length))
    })?;
    if class == CueClass::So {
        return None;
    }
    let speaker = match class {
        CueClass::Source => phrase_after(chars, before, cue_at + length),
        _ if addresses_a_listener(before.word(cue_at)) => phrase_before(chars, before, cue_at, 0)
            .or_else(|| subject_of_earlier_cue(chars, before, cue_at, cues))
            .or_else(|| sentence_subject(chars, before).filter(|s| s.1 <= cue_at)),
        // "Roe released a statement saying", "Roe posted on his Facebook page, writing":
        // a participle's speaker is the sentence's subject, not the thing right before.
        _ if before.word(cue_at).ends_with("ing") => phrase_before(chars, before, cue_at, 0)
            .filter(|p| names_a_speaker(chars, before, *p))
            .or_else(|| subject_of_earlier_cue(chars, before, cue_at, cues))
            .or_else(|| sentence_subject(chars, before).filter(|s| s.1 <= cue_at))
            .or_else(|| phrase_before(chars, before, cue_at, 0)),
        _ => named_before_who(chars, before, cue_at)
            .or_else(|| phrase_before(chars, before, cue_at, 0))
            .or_else(|| subject_of_earlier_cue(chars, before, cue_at, cues))
            .or_else(|| phrase_after(chars, before, cue_at + length))
            .or_else(|| subject_of_verb(chars, before, cue_at)),
    }?;
    let gap_from = if class == CueClass::Source {
        speaker.1
    } else {
        cue_at + length
    };
    let introduces_quote = class != CueClass::Naming && introduces(before, gap_from);
    Some(Attribution {
        speaker: before.range(speaker.0, speaker.1),
        cue: before.range(cue_at, cue_at + length),
        kind: if introduces_quote {
            QuoteKind::Direct
        } else {
            QuoteKind::Mixed
        },
        continues: None,
    })
}

/// "… and Stevie Wonder, who joked, “…”": the speaker of a cue in a relative clause is
/// the name right before its "who", not the sentence's subject nor the list's first name.
fn named_before_who(chars: &[char], before: &Context, cue_at: usize) -> Option<(usize, usize)> {
    let who = cue_at.checked_sub(1)?;
    let comma = who.checked_sub(1)?;
    if before.word(who) != "who" || before.word(comma) != "," {
        return None;
    }
    let mut from = comma;
    while from > 0
        && (before.is_capitalized(chars, from - 1)
            || before.word(from - 1) == "." && from > 1 && is_abbreviation(before, from - 2))
    {
        from -= 1;
    }
    (from < comma && !is_function_word(chars, before, from)).then_some((from, comma))
}

/// Whether the phrase `(from, to)` can be someone speaking: a pronoun, or a capitalised
/// name not owned by someone ("Clinton", not "his Facebook page" or "a statement").
fn names_a_speaker(chars: &[char], context: &Context, (from, to): (usize, usize)) -> bool {
    // An owner or a verb inside ("Sunday, Roe shared a syllabus on his page") is no name.
    let owned_or_acting = (from..to).any(|i| {
        let word = context.word(i);
        is_possessive(word)
            || matches!(word, "his" | "her" | "their" | "its")
            || word.ends_with("ed") && !context.is_capitalized(chars, i)
    });
    cues::is_pronoun(context.word(from))
        || !owned_or_acting && (from..to).any(|i| context.is_capitalized(chars, i))
}

/// "Trump jokingly said, “…”", "He went on to say, “…”", "Warren endorsed Clinton,
/// saying, “…”": the cue's subject is further back than the phrase right before it;
/// it is the sentence's subject, unless the cue is passive ("was asked, “…”" reports
/// the question of someone else).
fn subject_of_verb(chars: &[char], before: &Context, cue_at: usize) -> Option<(usize, usize)> {
    let passive = (cue_at.saturating_sub(2)..cue_at).any(|i| {
        matches!(
            before.word(i),
            "was" | "were" | "been" | "being" | "is" | "are"
        )
    });
    if passive {
        return None;
    }
    let (from, to) = sentence_subject(chars, before).filter(|s| s.1 <= cue_at)?;
    Some((from, noun_phrase_up_to(before, to, cue_at)))
}

/// Most words a subject extends by to reach its verb: "One man", "The Clinton campaign".
const MAX_SUBJECT_TAIL: usize = 4;

/// "One man wrote", "The Clinton campaign said", "Former secretary of state Jo Roe
/// said": the subject runs on to the verb at `cue_at` over nouns (no adverb, auxiliary
/// or preposition but "of" in between); else it ends at `to`.
fn noun_phrase_up_to(context: &Context, to: usize, cue_at: usize) -> usize {
    let mut end = cue_at;
    while end > to && cues::is_verb_filler(context.word(end - 1)) {
        end -= 1;
    }
    let nouns = (to..end).all(|i| {
        let word = context.word(i);
        context.is_word(i)
            && !word.ends_with("ly")
            && !cues::is_pronoun(word)
            && !is_clause_start(word)
            && (word == "of" || !is_phrase_stop(word))
    });
    if nouns && end - to <= MAX_SUBJECT_TAIL {
        end
    } else {
        to
    }
}

/// True when the words from `from` to the quote only lead into it ("said: “", "told
/// reporters, “", "said that “") rather than paraphrase around a quoted fragment.
fn introduces(before: &Context, from: usize) -> bool {
    let gap = before.len().saturating_sub(from);
    if gap == 0 {
        return true;
    }
    let last = before.word(before.len() - 1);
    gap <= 8 && matches!(last, ":" | "," | "—" | "–")
        || gap <= 3 && matches!(last, "that" | "dass" | "que" | "что")
}

/// "…, he added, noting: “…”": the subject of the reporting verb before `cue_at`.
fn subject_of_earlier_cue(
    chars: &[char],
    context: &Context,
    cue_at: usize,
    cues: &Cues,
) -> Option<(usize, usize)> {
    let earlier = (0..cue_at).rev().take(4).find(|&i| {
        cues.at(&context.words, i)
            .is_some_and(|(class, _)| class == CueClass::Verb)
    })?;
    phrase_before(chars, context, earlier, 0)
}

/// The noun phrase ending right before `cue_at` (skipping "also", "has" …), not
/// starting before `floor`: a pronoun, a name ("Mr. Jones", "the Kremlin"), a short
/// lowercase phrase ("the president", "a spokesman"), or a name with an appositive.
fn phrase_before(
    chars: &[char],
    context: &Context,
    cue_at: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    // "Priebus later Thursday told": adverbs and times between the subject and its verb.
    let mut end = cue_at;
    while end > floor + 1
        && cue_at - end < 3
        && context.is_word(end - 1)
        && (cues::is_verb_filler(context.word(end - 1)) || is_time_word(context.word(end - 1)))
    {
        end -= 1;
    }
    let last = end.checked_sub(1).filter(|&l| l >= floor)?;
    if context.word(last) == "," {
        // "X, a doctor, said": skip back over the appositive to the name.
        let comma = (last.saturating_sub(MAX_APPOSITIVE).max(floor)..last)
            .rev()
            .find(|&i| context.word(i) == ",")?;
        // "The mayor, Ines Borg, said": the part between the commas is the name, maybe
        // with its party in parentheses ("…, Gov. Jo Roe (R-OH), said").
        let name_end = name_run_end(chars, context, comma + 1);
        let party_end = party_after(context, name_end).unwrap_or(name_end);
        if party_end == last && comma + 1 < name_end {
            // The description opens the clause ("The mayor, Ines Borg,"), not a
            // preposition's object ("after winning the primary, Gov. Jo Roe").
            let described = phrase_ending_at(chars, context, comma, floor)
                .filter(|p| cues::is_determiner(context.word(p.0)))
                .filter(|p| p.0 == floor || !context.is_word(p.0 - 1))
                .map_or(comma + 1, |p| p.0);
            return Some((described, last));
        }
        let name = phrase_ending_at(chars, context, comma, floor)?;
        // The written speaker keeps its appositive, as the gold does: "X, a doctor".
        return context
            .is_capitalized(chars, name.0)
            .then(|| (with_descriptor(chars, context, name.0, floor), last));
    }
    phrase_ending_at(chars, context, end, floor)
        .map(|(from, to)| (with_descriptor(chars, context, from, floor), to))
}

/// Most words a description before a name runs back over: "Clinton’s top foreign
/// policy aide".
const MAX_DESCRIPTOR: usize = 6;

/// "Sanders campaign manager Jeff Weaver said": a role noun right before the name
/// starting at `from`, with its modifiers back to the clause start or a determiner,
/// belongs to the written speaker (the gold keeps it; resolution still names the
/// person). `from` unchanged when no role noun precedes it.
fn with_descriptor(chars: &[char], context: &Context, from: usize, floor: usize) -> usize {
    let head = from.checked_sub(1).filter(|&h| h >= floor);
    let Some(head) = head.filter(|&h| {
        context.is_word(h) && !context.is_capitalized(chars, h) && is_role_noun(context.word(h))
    }) else {
        return from;
    };
    let modifies = |i: usize| {
        let word = context.word(i);
        context.is_word(i)
            && !is_phrase_stop(word)
            && !is_clause_start(word)
            && !is_time_word(word)
            && !cues::is_pronoun(word)
            && !cues::is_verb_filler(word)
            && !word.ends_with("ly")
            && (context.is_capitalized(chars, i) || !word.ends_with("ed") || word.contains('-'))
    };
    let mut at = head;
    while at > floor && head - at < MAX_DESCRIPTOR && modifies(at - 1) {
        at -= 1;
        if cues::is_determiner(context.word(at)) {
            break;
        }
    }
    at
}

/// Nouns naming someone's role before their name: "spokesman", "campaign manager".
fn is_role_noun(word: &str) -> bool {
    let descriptive_title = super::resolve::is_title(word)
        && !matches!(
            word,
            "former" | "state" | "foreign" | "vice" | "prime" | "mr" | "mrs" | "ms" | "dr"
        );
    descriptive_title
        || matches!(
            word,
            "manager"
                | "doctor"
                | "lawyer"
                | "official"
                | "officer"
                | "member"
                | "activist"
                | "expert"
                | "scholar"
                | "author"
                | "writer"
                | "commentator"
                | "executive"
                | "coordinator"
                | "organizer"
                | "consultant"
                | "operative"
                | "historian"
                | "professor"
        )
}

/// The noun phrase that ends right before token `end`.
fn phrase_ending_at(
    chars: &[char],
    context: &Context,
    end: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let last = end.checked_sub(1).filter(|&l| l >= floor)?;
    if !context.is_word(last) {
        return None;
    }
    if cues::is_pronoun(context.word(last)) {
        return Some((last, end));
    }
    if context.is_capitalized(chars, last) {
        let mut from = last;
        while from > floor {
            let prev = from - 1;
            let word = context.word(prev);
            let joins = context.is_capitalized(chars, prev)
                || is_name_particle(word) && context.is_capitalized(chars, from)
                || word == "." && prev > floor && is_abbreviation(context, prev - 1);
            if !joins {
                break;
            }
            from = if word == "." { prev - 1 } else { prev };
        }
        while from < last && is_function_word(chars, context, from) {
            from += 1;
        }
        return Some((with_determiner(chars, context, from, floor), end));
    }
    // A lowercase phrase needs its determiner within a few words: "the former senator";
    // it ends on a noun, not on "as" or "by" ("quoted the president as saying").
    let word = context.word(last);
    if is_phrase_stop(word) || is_clause_start(word) {
        return None;
    }
    let from = (last.saturating_sub(4).max(floor)..=last)
        .rev()
        .take_while(|&i| context.is_word(i) && !cues::is_pronoun(context.word(i)))
        .find(|&i| {
            let word = context.word(i);
            cues::is_determiner(word) || is_possessive(word) || matches!(word, "one" | "another")
        })?;
    // "the ad’s narrator": the possessive's own determiner opens the phrase.
    let owner_determined = is_possessive(context.word(from))
        && from > floor
        && cues::is_determiner(context.word(from - 1));
    Some((from - usize::from(owner_determined), end))
}

/// Extends a capitalised phrase starting at `from` back to its determiner, over up to
/// two adjectives: "the former Sen. Roe", "der deutsche Außenminister Jan Roe".
fn with_determiner(chars: &[char], context: &Context, from: usize, floor: usize) -> usize {
    let adjective = |i: usize| {
        let word = context.word(i);
        // "former" is one of them (-er).
        context.has_adjective_ending(chars, i, &["e", "en", "er", "es"])
            && !is_phrase_stop(word)
            && !is_clause_start(word)
            && !cues::is_determiner(word)
    };
    let mut at = from;
    while at > floor && from - at < 2 && adjective(at - 1) {
        at -= 1;
    }
    if at > floor && cues::is_determiner(context.word(at - 1)) {
        at - 1
    } else if at < from && context.word(at) == "former" {
        at
    } else {
        from
    }
}

/// The noun phrase starting at token `from`: "he", "Geoff Garin", "the economist Jane
/// Roe", "the president", "one district GOP leader", "der Minister" — up to a comma, a
/// preposition or the end of the clause.
fn phrase_after(chars: &[char], context: &Context, from: usize) -> Option<(usize, usize)> {
    // "said Will Doyle": a capitalised stop word is a name.
    let stops = |i: usize| {
        let word = context.word(i);
        (is_phrase_stop(word) || is_clause_start(word)) && !context.is_capitalized(chars, i)
    };
    if !context.is_word(from) || stops(from) {
        return None;
    }
    if cues::is_pronoun(context.word(from)) {
        return Some((from, from + 1));
    }
    // "when asked last month about…": a time is nobody.
    let dated = matches!(context.word(from), "last" | "next" | "this" | "that")
        && is_time_noun(context.word(from + 1));
    if dated || is_time_word(context.word(from)) {
        return None;
    }
    let mut index = from;
    while index < context.len() && index - from < 8 {
        let word = context.word(index);
        // "Jo Roe Jr., a lawyer": the period of a title before a comma joins too.
        let joins = context.is_word(index) && !stops(index)
            || word == "."
                && index > from
                && is_abbreviation(context, index - 1)
                && (context.is_capitalized(chars, index + 1)
                    || context.word(index + 1) == "("
                    || inside_a_name(chars, &context.tokens, index))
            || word == "-" && index > from
            || word == "/" && index > from && starts_with_digit(context.word(index + 1));
        if !joins {
            break;
        }
        index += 1;
    }
    // "said 9/11 widow": a number alone is nobody; it only describes a name after it.
    if (from..index).all(|i| !context.is_word(i) || starts_with_digit(context.word(i))) {
        return None;
    }
    // A time word often ends the phrase: "said Smith Tuesday".
    while index > from + 1 && is_time_word(context.word(index - 1)) {
        index -= 1;
    }
    (index > from).then_some((from, index))
}

/// "disse o vereador da mobilidade, Rui Fonseca": a title phrase with no name, followed
/// by the name after a comma, extends to that name (resolution then picks the name).
fn with_named_apposition(
    chars: &[char],
    context: &Context,
    phrase: (usize, usize),
) -> (usize, usize) {
    let (from, to) = phrase;
    // German capitalises every noun: "der Trainer der Gäste, Jan Roe" is a description
    // too, and so is any phrase led by a determiner.
    let named = (from..to).any(|i| context.is_capitalized(chars, i))
        && !cues::is_determiner(context.word(from));
    if named || context.word(to) != "," || !context.is_capitalized(chars, to + 1) {
        return phrase;
    }
    let name_end = name_run_end(chars, context, to + 1);
    let closes = name_end >= context.len() || !context.is_word(name_end);
    if name_end > to + 1 && closes {
        (from, name_end)
    } else {
        phrase
    }
}

/// Most words a description's prepositional tail adds: "to President George W. Bush".
const MAX_DESCRIPTION_TAIL: usize = 8;

/// "said a longtime adviser to Trump, who…", "said one Republican involved in the
/// planning.": an unnamed speaker's description (a determiner, lowercase words) keeps its
/// prepositional tail up to a comma or the sentence end, as the gold writes it; not
/// where the tail tells how it was said ("a spokesman in a statement").
fn with_description_tail(
    chars: &[char],
    context: &Context,
    phrase: (usize, usize),
) -> (usize, usize) {
    let (from, to) = phrase;
    let described = matches!(context.word(from), "a" | "an" | "one" | "another" | "the")
        && to > from + 1
        && !context.is_capitalized(chars, to - 1);
    let at = to;
    if !described
        || !matches!(
            context.word(at),
            "to" | "for" | "in" | "of" | "at" | "with" | "from"
        )
    {
        return phrase;
    }
    let end = (at + 1..context.len().min(at + 1 + MAX_DESCRIPTION_TAIL))
        .find(|&i| !context.is_word(i) && !matches!(context.word(i), "." | "’" | "'" | "-"))
        .or_else(|| (context.len() <= at + MAX_DESCRIPTION_TAIL).then_some(context.len()));
    let Some(end) = end.filter(|&e| e > at + 1) else {
        return phrase;
    };
    let how_said = (at + 1..end).any(|i| {
        is_time_word(context.word(i))
            || is_clause_start(context.word(i))
            || matches!(
                context.word(i),
                "statement"
                    | "interview"
                    | "email"
                    | "e-mail"
                    | "call"
                    | "conference"
                    | "release"
                    | "speech"
                    | "post"
                    | "tweet"
                    | "letter"
                    | "video"
                    | "television"
                    | "radio"
                    | "message"
                    | "briefing"
                    | "phone"
                    | "told"
                    | "said"
                    | "who"
                    | "that"
            )
    });
    let ends_well = end == context.len() || matches!(context.word(end), "," | ";");
    if how_said || !ends_well {
        phrase
    } else {
        (from, end)
    }
}

/// "said Sen. Jane Roe of Ohio", "said Mr. Doe of the Tax Center": the place or body
/// after "of" belongs to the written speaker (as in the gold data).
fn with_of_place(chars: &[char], context: &Context, phrase: (usize, usize)) -> (usize, usize) {
    let (from, to) = phrase;
    let named = to > from && context.is_capitalized(chars, to - 1);
    if !named || context.word(to) != "of" {
        return phrase;
    }
    let mut start = to + 1;
    if context.word(start) == "the" {
        start += 1;
    }
    let end = name_run_end(chars, context, start);
    if end > start {
        (from, end)
    } else {
        phrase
    }
}

/// Whether token `index` can open an appositive: "a doctor", "who runs…", "30,".
fn opens_appositive(chars: &[char], context: &Context, index: usize) -> bool {
    // "Senator Jo Roe, Democrat of Ohio,": the party and state, capitalised.
    let party = matches!(
        context.word(index),
        "democrat" | "republican" | "independent"
    ) && context.word(index + 1) == "of";
    // "Jo Roe, Twitter’s director,", "Jo Roe, Mrs. Doe's aide,": an employer's possessive.
    let possessive = (index..index + 3)
        .take_while(|&i| context.is_capitalized(chars, i) || context.word(i) == ".")
        .any(|i| {
            is_possessive(context.word(i))
                || context.word(i + 1) == "’" && context.word(i).ends_with('s')
        });
    party
        || possessive
        || context.is_word(index)
            && context.tokens.get(index).is_some_and(|t| {
                chars
                    .get(t.start)
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            })
            && (!is_clause_start(context.word(index))
                || matches!(context.word(index), "who" | "whose"))
}

/// "said Jane Roe, a doctor at the clinic." → the phrase through the appositive, up to
/// the sentence end or the next comma (a second one is allowed after an age: "Roe, 30,
/// a nurse"). Unchanged when no appositive follows or it does not end soon.
fn with_appositive(chars: &[char], context: &Context, phrase: (usize, usize)) -> (usize, usize) {
    let (from, to) = phrase;
    if context.word(to) != "," || !opens_appositive(chars, context, to + 1) {
        return phrase;
    }
    // "said Jo Roe, referring to the plan": after the cue, a participle adds to the
    // sentence, not to the speaker's name.
    let next = context.word(to + 1);
    if matches!(next, "asked" | "half") || next.ends_with("ing") {
        return phrase;
    }
    let mut commas = 0;
    let mut first_comma = None;
    let limit = context.len().min(to + 1 + MAX_APPOSITIVE);
    for index in to + 1..limit {
        let word = context.word(index);
        let sentence_end = word == ";"
            || is_sentence_end(chars, &context.tokens, index)
                && !(word == "." && is_abbreviation(context, index - 1));
        let inner_mark = matches!(word, "," | "." | "-" | "’" | "'");
        if sentence_end || word == "(" || word == ")" {
            return (from, index);
        }
        if !context.is_word(index) && !inner_mark {
            // Another quote opens inside the appositive.
            return whole_appositive(context, phrase, index);
        }
        if word == "," {
            let age = index == to + 2 && context.word(to + 1).chars().all(|c| c.is_ascii_digit());
            commas += 1;
            // "Dean Roe, co-director of the Center, a liberal think tank.": a second
            // description of the same speaker runs on to the sentence end.
            let described_again = !age
                && context.len() < to + 1 + MAX_APPOSITIVE
                && opens_appositive(chars, context, index + 1)
                && !context.word(index + 1).ends_with("ing");
            if described_again {
                first_comma = first_comma.or(Some(index));
                continue;
            }
            if !age || commas > 1 {
                return (from, first_comma.unwrap_or(index));
            }
        }
    }
    // The context may stop at the sentence end, which then ends the appositive, or at
    // the next quote.
    let next_quote = context
        .tokens
        .last()
        .and_then(|t| chars.get(t.end..))
        .and_then(|rest| rest.iter().find(|c| !c.is_whitespace()))
        .is_some_and(|&c| matches!(c, '“' | '"' | '‘' | '\''));
    match (limit == context.len(), next_quote) {
        (true, true) => whole_appositive(context, phrase, first_comma.unwrap_or(limit)),
        (true, false) => (from, limit),
        _ => phrase,
    }
}

/// `phrase` through its appositive cut at `end` by the next quote, unless that stops
/// on a word that needs more ("Jo Roe, one of the “…”", "Roe, who said the plan had
/// “…”"): then only up to the appositive's last comma, or none of it.
fn whole_appositive(context: &Context, phrase: (usize, usize), end: usize) -> (usize, usize) {
    let last = context.word(end.saturating_sub(1));
    let unfinished = cues::is_determiner(last)
        || is_phrase_stop(last)
        || is_clause_start(last)
        || matches!(last, "or" | "had" | "have" | "has" | "one" | "whose");
    if !unfinished {
        return (phrase.0, end);
    }
    let inner_comma = (phrase.1 + 1..end).rev().find(|&i| context.word(i) == ",");
    inner_comma.map_or(phrase, |comma| (phrase.0, comma))
}

/// "week" in "last week": nouns a time phrase ends on.
fn is_time_noun(word: &str) -> bool {
    is_time_word(word)
        || matches!(
            word,
            "week"
                | "month"
                | "year"
                | "night"
                | "weekend"
                | "spring"
                | "summer"
                | "fall"
                | "autumn"
                | "winter"
                | "time"
                | "morning"
                | "evening"
        )
}

fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "recently"
            | "later"
            | "earlier"
            | "heute"
            | "gestern"
            | "am"
            | "weiter"
            | "außerdem"
            | "zudem"
            | "auch"
    )
}

fn is_phrase_stop(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "during"
            | "to"
            | "for"
            | "after"
            | "before"
            | "when"
            | "while"
            | "that"
            | "who"
            | "im"
            | "am"
            | "bei"
            | "während"
            | "vor"
            | "nach"
            | "dans"
            | "en"
            | "ante"
            | "with"
            | "from"
            | "via"
            | "by"
            | "of"
            | "about"
            | "told"
            | "said"
            | "says"
            | "in an"
            | "mit"
            | "gegenüber"
            | "dem"
            | "den"
            | "dass"
            | "que"
            | "что"
            | "is"
            | "was"
            | "has"
            | "had"
            | "would"
            | "will"
            | "ist"
            | "war"
            | "sei"
            | "habe"
            | "hat"
            | "zum"
            | "zur"
            | "zu"
            | "hinzu"
            | "bereits"
            | "wörtlich"
            | "damals"
            | "laut"
    )
}

fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van" | "von" | "der" | "bin" | "al" | "da" | "del" | "di" | "du" | "dos" | "zu"
    )
}

/// "Mr", "Dr", "Sen", "J", "J.J" before a period.
fn is_abbreviation(context: &Context, index: usize) -> bool {
    let word = context.word(index);
    let initials = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2);
    context.is_word(index)
        && context
            .tokens
            .get(index)
            .is_some_and(|t| t.end - t.start <= 4)
        && (initials || is_abbreviation_word(&capitalize_first(word)))
}

/// Context words are lowercase; abbreviations are listed capitalised.
fn capitalize_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

fn starts_with_digit(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

fn is_function_word(chars: &[char], context: &Context, index: usize) -> bool {
    context
        .tokens
        .get(index)
        .is_some_and(|t| cues::is_capitalized_function_word(&text_of(chars, t)))
}

/// A sentence that is only a quote: it continues an earlier attribution.
fn continued(
    chars: &[char],
    spans: &[Span],
    index: usize,
    cues: &Cues,
    earlier: &[Option<Attribution>],
) -> Option<Attribution> {
    let span = spans.get(index)?;
    // “A,” X said on CNN’s “Meet the Press.” “B.”: a title in between is no quote.
    let previous_index = (0..index).rev().find(|&i| {
        earlier.get(i).is_some_and(Option::is_some)
            || spans
                .get(i)
                .is_none_or(|p| p.paragraph_start != span.paragraph_start)
    });
    let previous = previous_index.and_then(|i| spans.get(i));
    let inherit = |from: usize| {
        let found = earlier.get(from)?.as_ref()?;
        // The kind belongs to the attribution: a sentence continuing a quoted fragment
        // woven into paraphrase is part of mixed content.
        Some(Attribution {
            continues: Some(found.continues.unwrap_or(from)),
            ..found.clone()
        })
    };
    if let (Some(previous), Some(previous_index)) = (previous, previous_index) {
        if previous.paragraph_start == span.paragraph_start || !previous.closed {
            return inherit(previous_index);
        }
        if let Some(found) =
            inherit_across_paragraphs(chars, span, previous, previous_index, &inherit)
        {
            return Some(found);
        }
    }
    // The previous paragraph announces the quote: "X said:" or ends on "X said."
    let last_sentence = last_sentence_before(chars, span.paragraph_start);
    let context = Context::new(chars, last_sentence);
    let announces = context.word(context.len().saturating_sub(1)) == ":";
    let found =
        before_quote(chars, &context, cues).or_else(|| announced_by_subject(chars, &context))?;
    announces.then_some(Attribution {
        kind: QuoteKind::Direct,
        continues: None,
        ..found
    })
}

/// Longest attribution sentence (in tokens) after a paragraph's last quote that still
/// hands its speaker to a quote opening the next paragraph.
const MAX_ATTRIBUTION_TAIL: usize = 30;

/// “…,” he said.¶“More.”: the previous paragraph ended on an attributed quote.
fn inherit_across_paragraphs(
    chars: &[char],
    span: &Span,
    previous: &Span,
    previous_index: usize,
    inherit: &dyn Fn(usize) -> Option<Attribution>,
) -> Option<Attribution> {
    if span.paragraph_start.saturating_sub(previous.end) > WINDOW {
        return None;
    }
    let gap = tokenize(chars, previous.end, span.paragraph_start);
    let previous_paragraph_is_next_door = !chars
        .get(previous.paragraph_end..span.paragraph_start)
        .unwrap_or(&[])
        .iter()
        .any(|&c| c != '\n' && !c.is_whitespace())
        && previous.paragraph_end < span.paragraph_start;
    // “…,” Roe told the forum, a meeting of ministers in Oslo.¶“More.”: a longer gap is
    // still only the attribution when it is one sentence.
    let one_sentence = gap.len() <= MAX_ATTRIBUTION_TAIL
        && !(0..gap.len().saturating_sub(1)).any(|i| is_sentence_end(chars, &gap, i));
    if previous_paragraph_is_next_door
        && (gap.len() <= 12 || one_sentence)
        && !gap
            .iter()
            .any(|t| !t.is_word && chars.get(t.start) == Some(&':'))
    {
        return inherit(previous_index);
    }
    None
}

/// The tokens of the last sentence of the paragraph that ends before `paragraph_start`.
fn last_sentence_before(chars: &[char], paragraph_start: usize) -> Vec<Token> {
    let end = chars
        .get(..paragraph_start)
        .and_then(|head| head.iter().rposition(|c| !c.is_whitespace()))
        .map_or(0, |p| p + 1);
    let floor = end.saturating_sub(WINDOW);
    let start = chars
        .get(floor..end)
        .and_then(|tail| tail.iter().rposition(|&c| c == '\n'))
        .map_or(floor, |p| floor + p + 1);
    sentence_tail(chars, tokenize(chars, start, end))
}
