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
use super::tokens::{is_capitalized, text_of, tokenize, Token};
use super::QuoteKind;

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
            .map(|t| text_of(chars, t).to_lowercase())
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
        let attribution = attribute(chars, spans, index, cues, &found);
        found.push(attribution);
    }
    found
}

fn attribute(
    chars: &[char],
    spans: &[Span],
    index: usize,
    cues: &Cues,
    earlier: &[Option<Attribution>],
) -> Option<Attribution> {
    let span = spans.get(index)?;
    let previous = index.checked_sub(1).and_then(|i| spans.get(i));
    let same_paragraph = |other: &Span| other.paragraph_start == span.paragraph_start;
    let before_limit = previous
        .filter(|p| same_paragraph(p))
        .map_or(span.paragraph_start, |p| p.end)
        .max(span.start.saturating_sub(WINDOW));
    let after_limit = spans
        .get(index + 1)
        .filter(|n| same_paragraph(n))
        .map_or(span.paragraph_end, |n| n.start)
        .min(span.end + WINDOW);

    let before = Context::new(chars, sentence_tail(chars, tokenize(chars, before_limit, span.start)));
    let after = Context::new(chars, sentence_head(chars, tokenize(chars, span.end, after_limit)));
    let starts_sentence = before.len() == 0 || before.tokens.iter().all(|t| !t.is_word);
    let ends_sentence = after.len() == 0 || !after.is_word(0) && after.word(0) != "," && !is_dash(after.word(0));

    if ends_new_sentence(chars, span, &after) {
        // “…done.” Next sentence: nothing after the quote belongs to it.
    } else if let Some(mut found) = after_quote(chars, &after, cues) {
        found.kind = if starts_sentence { QuoteKind::Direct } else { QuoteKind::Mixed };
        return Some(found);
    }
    if let Some(mut found) = before_quote(chars, &before, cues) {
        if found.kind == QuoteKind::Direct && !ends_sentence {
            found.kind = QuoteKind::Mixed;
        }
        return Some(found);
    }
    if starts_sentence && ends_sentence {
        return continued(chars, spans, index, cues, earlier);
    }
    None
}

fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "–" | "-")
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
            is_capitalized(&word) && word.chars().count() <= 3 && !word.chars().all(char::is_uppercase)
                || word.chars().count() == 1
                || word.contains('.')
        });
    !abbreviation || chars.get(token.start) != Some(&'.')
}

/// The tokens after the last sentence end.
fn sentence_tail(chars: &[char], tokens: Vec<Token>) -> Vec<Token> {
    match (0..tokens.len()).rev().find(|&i| is_sentence_end(chars, &tokens, i)) {
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
fn after_quote(chars: &[char], after: &Context, cues: &Cues) -> Option<Attribution> {
    let mut start = 0;
    let mut dash = false;
    while start < after.len() && !after.is_word(start) {
        let word = after.word(start);
        if !matches!(word, "," | "(" | "—" | "–" | "-") {
            return None;
        }
        dash |= is_dash(word);
        start += 1;
    }
    if let Some((class, length)) = cues.at(&after.words, start) {
        let speaker_from = start + length;
        let speaker = match class {
            CueClass::SourceAfter | CueClass::Naming => None,
            _ => phrase_after(chars, after, speaker_from),
        };
        return speaker.map(|(from, to)| Attribution {
            speaker: after.range(from, to),
            cue: after.range(start, speaker_from),
            kind: QuoteKind::Direct,
            continues: None,
        });
    }
    // The speaker first: “…,” X said / “…,” X, a doctor, said / X zufolge
    let limit = after.len().min(start + MAX_APPOSITIVE + 6);
    for cue_at in start + 1..limit {
        let Some((class, length)) = cues.at(&after.words, cue_at) else {
            continue;
        };
        if !matches!(class, CueClass::Verb | CueClass::SourceAfter) {
            break;
        }
        let (from, to) = phrase_before(chars, after, cue_at, start)?;
        if from != start {
            return None;
        }
        return Some(Attribution {
            speaker: after.range(from, to),
            cue: after.range(cue_at, cue_at + length),
            kind: QuoteKind::Direct,
            continues: None,
        });
    }
    if dash {
        let (from, to) = phrase_after(chars, after, start)?;
        let is_name = after.is_capitalized(chars, from);
        return is_name.then(|| Attribution {
            speaker: after.range(from, to),
            cue: after.range(start - 1, start),
            kind: QuoteKind::Direct,
            continues: None,
        });
    }
    None
}

/// X said: “…” / According to X, “…” / X called it “…”
fn before_quote(chars: &[char], before: &Context, cues: &Cues) -> Option<Attribution> {
    let (cue_at, class, length) = (0..before.len())
        .rev()
        .find_map(|i| cues.at(&before.words, i).map(|(class, length)| (i, class, length)))?;
    if class == CueClass::So {
        return None;
    }
    let speaker = match class {
        CueClass::Source => phrase_after(chars, before, cue_at + length),
        _ => phrase_before(chars, before, cue_at, 0)
            .or_else(|| subject_of_earlier_cue(chars, before, cue_at, cues))
            .or_else(|| phrase_after(chars, before, cue_at + length)),
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

/// True when the words from `from` to the quote only lead into it ("said: “", "told
/// reporters, “", "said that “") rather than paraphrase around a quoted fragment.
fn introduces(before: &Context, from: usize) -> bool {
    let gap = before.len().saturating_sub(from);
    if gap == 0 {
        return true;
    }
    let last = before.word(before.len() - 1);
    gap <= 8 && matches!(last, ":" | "," | "that" | "dass" | "que" | "что" | "—" | "–")
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
    let mut end = cue_at;
    while end > floor + 1
        && cue_at - end < 3
        && context.is_word(end - 1)
        && cues::is_verb_filler(context.word(end - 1))
    {
        end -= 1;
    }
    let last = end.checked_sub(1).filter(|&l| l >= floor)?;
    if context.word(last) == "," {
        // "X, a doctor, said": skip back over the appositive to the name.
        let comma = (last.saturating_sub(MAX_APPOSITIVE).max(floor)..last)
            .rev()
            .find(|&i| context.word(i) == ",")?;
        let name = phrase_ending_at(chars, context, comma, floor)?;
        return context.is_capitalized(chars, name.0).then_some(name);
    }
    phrase_ending_at(chars, context, end, floor)
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
        if from > floor && cues::is_determiner(context.word(from - 1)) {
            from -= 1;
        }
        return Some((from, end));
    }
    // A lowercase phrase needs its determiner within a few words: "the former senator".
    (last.saturating_sub(4).max(floor)..=last)
        .rev()
        .take_while(|&i| context.is_word(i) && !cues::is_pronoun(context.word(i)))
        .find(|&i| cues::is_determiner(context.word(i)) || is_possessive(context.word(i)))
        .map(|from| (from, end))
}

/// The noun phrase starting at token `from`: "he", "Geoff Garin", "the economist Jane
/// Roe", "the president", "der Minister".
fn phrase_after(chars: &[char], context: &Context, from: usize) -> Option<(usize, usize)> {
    if !context.is_word(from) {
        return None;
    }
    if cues::is_pronoun(context.word(from)) {
        return Some((from, from + 1));
    }
    let mut index = from;
    if cues::is_determiner(context.word(from)) {
        index += 1;
        while index < context.len()
            && index - from <= 4
            && context.is_word(index)
            && !context.is_capitalized(chars, index)
            && !is_phrase_stop(context.word(index))
        {
            index += 1;
        }
    }
    let name_start = index;
    while index < context.len() {
        let word = context.word(index);
        let joins = context.is_capitalized(chars, index)
            || is_name_particle(word) && context.is_capitalized(chars, index + 1)
            || word == "." && index > name_start && is_abbreviation(context, index - 1);
        if !joins {
            break;
        }
        index += 1;
    }
    if index > name_start {
        return Some((from, index));
    }
    (index > from + 1).then_some((from, index))
}

fn is_phrase_stop(word: &str) -> bool {
    matches!(
        word,
        "in" | "on" | "at" | "during" | "to" | "for" | "after" | "before" | "when" | "while"
            | "that" | "who" | "im" | "am" | "bei" | "während" | "vor" | "nach" | "dans"
            | "en" | "ante"
    )
}

fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van" | "von" | "der" | "bin" | "al" | "da" | "del" | "di" | "du" | "dos" | "zu"
    )
}

/// "Mr", "Dr", "Sen", "J" before a period.
fn is_abbreviation(context: &Context, index: usize) -> bool {
    let word = context.word(index);
    context.is_word(index) && (word.chars().count() <= 4) && word != "said"
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
    let previous_index = index.checked_sub(1)?;
    let previous = spans.get(previous_index)?;
    let inherit = |from: usize| {
        let found = earlier.get(from)?.as_ref()?;
        Some(Attribution {
            continues: Some(found.continues.unwrap_or(from)),
            ..found.clone()
        })
    };
    if previous.paragraph_start == span.paragraph_start {
        return inherit(previous_index);
    }
    if !previous.closed {
        return inherit(previous_index);
    }
    // The previous paragraph announces the quote: "X said:" or ends on "X said."
    let last_sentence = last_sentence_before(chars, span.paragraph_start);
    let context = Context::new(chars, last_sentence);
    let announces = context.word(context.len().saturating_sub(1)) == ":";
    let found = before_quote(chars, &context, cues)?;
    announces.then_some(Attribution {
        kind: QuoteKind::Direct,
        continues: None,
        ..found
    })
}

/// The tokens of the last sentence of the paragraph that ends before `paragraph_start`.
fn last_sentence_before(chars: &[char], paragraph_start: usize) -> Vec<Token> {
    let end = chars
        .get(..paragraph_start)
        .and_then(|head| head.iter().rposition(|c| !c.is_whitespace()))
        .map_or(0, |p| p + 1);
    let start = chars
        .get(..end)
        .and_then(|head| head.iter().rposition(|&c| c == '\n'))
        .map_or(0, |p| p + 1)
        .max(end.saturating_sub(WINDOW));
    sentence_tail(chars, tokenize(chars, start, end))
}
