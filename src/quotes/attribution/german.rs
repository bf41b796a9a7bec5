//! German speaker phrases.
//!
//! German capitalises every noun, so the rule "a run of capitalised words is a name" from
//! English misfires ("Radioansprache", "Krisengebiet"). A German speaker is a noun phrase:
//! an optional determiner, adjectives, nouns and names, then what hangs on them — a
//! genitive ("Sprecher des Ministeriums"), "von"/"vom", a party in parentheses, an
//! apposition ("Jan Roe, Leiter der Behörde" / "der Leiter der Behörde, Jan Roe") and
//! "und" ("Anna und Jan Roe"). The gold data writes speakers that way, whole.
//!
//! `respeak` re-reads the speaker of an attribution the general patterns found, with
//! German word order: „…“, sagte X / „…“, so X / laut X / X zufolge / nach Angaben von X
//! / heißt es in X, and the subject of the verb-second clause that leads into a quote
//! ("Hier sagte der Minister: „…“", "Den Plan lobte er mit den Worten: „…“").

use super::{after_closing, is_abbreviation, sentence_head, sentence_tail, Attribution, Context};
use super::{CueClass, Cues, Span, WINDOW};
use crate::quotes::tokens::{tokenize, Token};

/// Most tokens a speaker phrase may have before its appositions.
const MAX_PHRASE: usize = 16;
/// Most tokens between a verb and its subject ("sagte jedoch gegenüber der Zeitung X").
const MAX_SUBJECT_GAP: usize = 12;

/// Most sentences looked back over for the speaker of reported speech.
const MAX_REPORTED_BACK: usize = 3;

/// The sentence around a quote: the clause before it, the words after it, and the
/// sentences before (nearest first).
struct Around {
    before: Context,
    after: Context,
    previous: Vec<Context>,
}

impl Around {
    /// `floor`: where the words before the quote may start at the earliest (the end of
    /// an attributed quote before it in the sentence).
    fn new(chars: &[char], span: &Span, floor: usize) -> Around {
        let before_start = span
            .paragraph_start
            .max(span.start.saturating_sub(WINDOW))
            .max(floor);
        let after_end = span.paragraph_end.min(span.end + WINDOW);
        let before = Context::new(
            chars,
            clause_tail(
                chars,
                sentence_tail(chars, tokenize(chars, before_start, span.start)),
            ),
        );
        let after = Context::new(
            chars,
            sentence_head(
                chars,
                tokenize(chars, after_closing(chars, span), after_end),
            ),
        );
        let mut previous: Vec<Context> = Vec::new();
        while previous.len() < MAX_REPORTED_BACK {
            let sentence = previous_sentence(
                chars,
                span,
                before_start,
                previous.last().unwrap_or(&before),
            );
            if sentence.tokens.is_empty() {
                break;
            }
            previous.push(sentence);
        }
        Around {
            before,
            after,
            previous,
        }
    }

    fn opens_sentence(&self) -> bool {
        self.before.tokens.iter().all(|t| !t.is_word)
    }

    /// The speaker and cue by the German patterns, with the context they are in.
    fn speaker(&self, chars: &[char], cues: &Cues) -> Option<(&Context, Range, Option<Range>)> {
        let (before, after) = (&self.before, &self.after);
        // "Als „Chance“ beurteilte Roe den Plan": the quote stands before the verb.
        let verb_follows = !self.opens_sentence() && vorfeld(chars, before, 0).is_none();
        after_quote(chars, after, cues, self.opens_sentence(), verb_follows)
            .map(|(speaker, cue)| (after, speaker, cue))
            .or_else(|| {
                before_quote(chars, before, cues).map(|(speaker, cue)| (before, speaker, cue))
            })
            .or_else(|| self.reported_by(chars, cues))
    }

    /// The speaker of a sentence in reported speech: the nearest sentence before it that
    /// names a source or a subject not itself in reported speech.
    fn reported_by(&self, chars: &[char], cues: &Cues) -> Option<(&Context, Range, Option<Range>)> {
        if !reported_speech(chars, &self.before, &self.after) {
            return None;
        }
        // A sentence in reported speech itself names no subject ("Doch sei es, so Roe, …"
        // still names its source).
        self.previous.iter().find_map(|sentence| {
            before_quote(chars, sentence, cues).map(|(speaker, cue)| (sentence, speaker, cue))
        })
    }
}

/// Re-derives the speaker (and cue) of `found` from the German sentence around `span`.
/// Attributions carried over from another sentence stay as they are.
/// `previous` is the attribution of the quote before in the paragraph: a sentence of
/// reported speech right after it ("„…“ Es gebe Kunden, die „…“") is still its speaker's.
pub(super) fn respeak(
    chars: &[char],
    span: &Span,
    found: Attribution,
    previous: Option<(&Span, &Attribution)>,
    cues: &Cues,
) -> Attribution {
    // "Roe nannte es „A“, Lind nannte es „B“": the clause before starts after „A“ (not
    // after a title inside a phrase: "der Vertreter der „Roe AG“ nannte es „B“").
    let floor = previous
        .map(|(span, _)| span.end)
        .filter(|&end| {
            chars
                .get(end..)
                .and_then(|rest| rest.iter().find(|c| !c.is_whitespace()))
                .is_some_and(|c| matches!(c, ',' | ';'))
        })
        .unwrap_or(0);
    if found.continues.is_some() {
        return own_subject(chars, span, floor, found);
    }
    let before_start = span.paragraph_start.max(span.start.saturating_sub(WINDOW));
    let after_end = span.paragraph_end.min(span.end + WINDOW);
    let nearby = found
        .speaker
        .is_none_or(|(start, end)| start >= before_start && end <= after_end);
    if !nearby {
        return found;
    }
    let around = Around::new(chars, span, floor);
    let german = around.speaker(chars, cues).or_else(|| {
        // "Roe verurteilte die Politik. „…“": a quote that is a sentence of its own, with
        // no speaker found, is the previous sentence's subject's.
        let alone = around.opens_sentence() && around.after.tokens.iter().all(|t| !t.is_word);
        let sentence = around
            .previous
            .first()
            .filter(|_| alone && found.speaker.is_none())?;
        clause_subject(chars, sentence, 0).map(|speaker| (sentence, speaker, None))
    });
    match german {
        Some((context, speaker, cue)) => Attribution {
            speaker: context.range(speaker.0, speaker.1),
            cue: cue
                .and_then(|(from, to)| context.range(from, to))
                .or(found.cue),
            ..found
        },
        None if reported_speech(chars, &around.before, &around.after) => Attribution {
            speaker: previous.and_then(|(_, p)| p.speaker).or(found.speaker),
            ..found
        },
        None => found,
    }
}

/// A name-like quote (below) with no speaker, or announced only by a colon with no
/// reporting verb ("Sein erstes Werk entstand 1970: „Le Grand Macabre“"; a clause "mit
/// den Worten …:" still announces speech), names a title, a motto or an organisation; it
/// is no quote.
pub(super) fn only_names_something(chars: &[char], span: &Span, found: &Attribution) -> bool {
    let colon_only = found.cue.is_some_and(|(start, end)| {
        chars.get(start..end) == Some(&[':'][..]) && !clause_speaks_of_words(chars, span, start)
    });
    (found.speaker.is_none() || colon_only) && is_a_name(chars, span)
}

/// Whether the sentence part before `colon` (within its paragraph) has "Worte(n)" in it.
fn clause_speaks_of_words(chars: &[char], span: &Span, colon: usize) -> bool {
    let from = span.paragraph_start.max(colon.saturating_sub(WINDOW));
    let clause = chars.get(from..colon).unwrap_or(&[]);
    let since_period = clause
        .iter()
        .rposition(|&c| c == '.')
        .map_or(clause, |i| clause.get(i + 1..).unwrap_or(&[]));
    let text: String = since_period.iter().collect();
    text.split(|c: char| !c.is_alphabetic())
        .any(|word| matches!(word, "Worte" | "Worten"))
}

/// „Schule ohne Rassismus – Schule mit Courage“, „Rundschau am Sonntag“: a capitalised
/// quote of two words or more with no sentence mark and no comma inside reads as a name
/// rather than speech. Speech, even a fragment, has a clause in it, or starts lowercase
/// inside the writer's sentence, or has a speaker and a reporting verb.
fn is_a_name(chars: &[char], span: &Span) -> bool {
    let inside = chars
        .get(span.start + 1..span.end.saturating_sub(1))
        .unwrap_or(&[]);
    let capitalised = inside
        .iter()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase());
    let words = inside
        .split(|c| c.is_whitespace())
        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
        .count();
    let clause_mark = inside
        .iter()
        .any(|c| matches!(c, '.' | '!' | '?' | ',' | ':' | ';'));
    capitalised && words >= 2 && !clause_mark
}

/// "Roe nannte es „A“, Trainer Jan Lind bezeichnete es als „B“": a quote carried on from
/// the one before still has its own speaker when its clause opens with a subject and a
/// verb (not a reporting clause of the first: "„A“, sagte er, „B“").
fn own_subject(chars: &[char], span: &Span, floor: usize, found: Attribution) -> Attribution {
    let around = Around::new(chars, span, floor);
    let before = &around.before;
    let subject = vorfeld(chars, before, 0)
        .filter(|&(_, verb)| !is_subjunctive(before.word(verb)))
        .and_then(|(phrase, _)| phrase)
        .filter(|phrase| phrase.0 == 0 && before.is_capitalized(chars, 0));
    match subject.and_then(|(from, to)| before.range(from, to)) {
        Some(speaker) => Attribution {
            speaker: Some(speaker),
            continues: None,
            ..found
        },
        None => found,
    }
}

/// The clause of `tokens` that leads into the quote: after a colon inside the sentence
/// ("Die Kommission kritisierte das Gesetz: So sagte Jan Roe: „…“") and from its first
/// word (not the closing mark of a quote that ended the sentence before).
fn clause_tail(chars: &[char], tokens: Vec<Token>) -> Vec<Token> {
    let is = |t: &Token, c: char| !t.is_word && chars.get(t.start) == Some(&c);
    let last = tokens.len().saturating_sub(1);
    let from = tokens
        .iter()
        .take(last)
        .rposition(|t| is(t, ':'))
        .map_or(0, |colon| colon + 1);
    let first_word = (from..tokens.len())
        .find(|&i| tokens.get(i).is_some_and(|t| t.is_word))
        .unwrap_or(tokens.len());
    tokens.get(first_word..).unwrap_or(&[]).to_vec()
}

/// The sentence before the one the quote is in, within the paragraph.
fn previous_sentence(chars: &[char], span: &Span, floor: usize, before: &Context) -> Context {
    let start = before.tokens.first().map_or(span.start, |t| t.start);
    let mut tokens = tokenize(chars, floor, start);
    while tokens
        .last()
        .is_some_and(|t| !t.is_word && chars.get(t.start).is_some_and(|c| ".!?".contains(*c)))
    {
        tokens.pop();
    }
    Context::new(chars, clause_tail(chars, sentence_tail(chars, tokens)))
}

/// "Die Lage sei „ernst“", "Eine „offene Frage“ sei der Grund": the quote's clause
/// reports in the subjunctive.
fn reported_speech(chars: &[char], before: &Context, after: &Context) -> bool {
    let verb_after = (0..after.len().min(3)).find(|&i| after.is_word(i));
    vorfeld(chars, before, 0).is_some_and(|(_, verb)| is_subjunctive(before.word(verb)))
        || verb_after.is_some_and(|i| is_subjunctive(after.word(i)))
}

fn is_cue_verb(cues: &Cues, context: &Context, at: usize) -> bool {
    cues.at(&context.words, at)
        .is_some_and(|(class, _)| matches!(class, CueClass::Verb | CueClass::Naming))
}

/// "am 20. Juli", "Benedikt XVI. betonte": the period of an ordinal before a month or a
/// lowercase word ends no sentence.
pub(super) fn ordinal_date(chars: &[char], tokens: &[Token], period: usize) -> bool {
    let word = |i: usize| {
        tokens
            .get(i)
            .map(|t| super::super::tokens::lowercase(&super::text_of(chars, t)).into_owned())
            .unwrap_or_default()
    };
    let number = period
        .checked_sub(1)
        .is_some_and(|i| word(i).chars().all(|c| c.is_ascii_digit()) && !word(i).is_empty());
    let roman = period
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| {
            t.is_word
                && t.end - t.start >= 2
                && chars
                    .get(t.start..t.end)
                    .is_some_and(|w| w.iter().all(|c| matches!(c, 'I' | 'V' | 'X')))
        });
    let lowercase_next = tokens
        .get(period + 1)
        .is_some_and(|t| t.is_word && chars.get(t.start).is_some_and(|c| c.is_lowercase()));
    (number || roman) && lowercase_next
        || number
            && matches!(
                &*word(period + 1),
                "januar"
                    | "februar"
                    | "märz"
                    | "april"
                    | "mai"
                    | "juni"
                    | "juli"
                    | "august"
                    | "september"
                    | "oktober"
                    | "november"
                    | "dezember"
            )
}

/// A token range in a context.
type Range = (usize, usize);

/// „…“, sagte X / „…“, so X / „…“, wird X zitiert / „…“, heißt es in X / „…“, X zufolge
/// / „…“, wie X sagte. Without a comma after the quote only "so", "laut", "wie" and an
/// auxiliary ("wird", "hatte") may follow: anything else continues the writer's sentence.
/// Any verb may report a quote that opens the sentence ("„…“, ergänzte X"); after a
/// quote inside a sentence only a reporting verb does ("…, dass „…“, suchen die Forscher"
/// goes on with the sentence). When the clause before the quote has no verb yet
/// (`verb_follows`: "Als „Chance“ beurteilte Roe …"), the verb after it is the clause's.
fn after_quote(
    chars: &[char],
    after: &Context,
    cues: &Cues,
    opens_sentence: bool,
    verb_follows: bool,
) -> Option<(Range, Option<Range>)> {
    let verb =
        after.is_word(0) && !after.is_capitalized(chars, 0) && !is_function_word(after.word(0));
    // "Eine „Formsache“ sei die Prüfung" reports someone else's words.
    if verb_follows && verb && !is_subjunctive(after.word(0)) {
        return subject_after_verb(chars, after, 0).map(|speaker| (speaker, Some((0, 1))));
    }
    right_after_quote(chars, after, cues, opens_sentence)
        .or_else(|| later_in_sentence(chars, after, cues))
}

/// "Sie sei „geschockt“ über das Unglück, sagte die Ministerin": a reporting verb (or
/// "so") after a comma later in the sentence.
fn later_in_sentence(
    chars: &[char],
    after: &Context,
    cues: &Cues,
) -> Option<(Range, Option<Range>)> {
    (1..after.len())
        .filter(|&at| after.word(at - 1) == ",")
        .find_map(|at| {
            let speaker = if after.word(at) == "so" {
                speaker_phrase(chars, after, at + 1)
            } else if is_cue_verb(cues, after, at) {
                subject_after_verb(chars, after, at)
            } else {
                None
            };
            speaker.map(|speaker| (speaker, Some((at, at + 1))))
        })
}

/// The patterns that follow the closing mark directly.
fn right_after_quote(
    chars: &[char],
    after: &Context,
    cues: &Cues,
    opens_sentence: bool,
) -> Option<(Range, Option<Range>)> {
    let mut at = 0;
    while matches!(after.word(at), "," | "–" | "—" | "-") {
        at += 1;
    }
    let comma = at > 0;
    let word = after.word(at);
    if !after.is_word(at) || after.is_capitalized(chars, at) && !comma {
        return None;
    }
    let cue = Some((at, at + 1));
    match word {
        // "so urteilte Roe selbst": "so" and a verb before the subject.
        "so" if after.is_word(at + 1)
            && !after.is_capitalized(chars, at + 1)
            && !can_be_subject(after.word(at + 1)) =>
        {
            return Some((
                subject_after_verb(chars, after, at + 1)?,
                Some((at, at + 2)),
            ));
        }
        "so" | "laut" | "zitiert" => return Some((speaker_phrase(chars, after, at + 1)?, cue)),
        "heißt" | "hieß" => return Some((in_source(chars, after, at)?, cue)),
        "wie" => return Some((noun_phrase(chars, after, at + 1)?, cue)),
        _ => {}
    }
    if is_determiner(word) || after.is_capitalized(chars, at) {
        // „…“, dem Bericht zufolge
        let end = noun_phrase(chars, after, at)?.1;
        return (after.word(end) == "zufolge").then_some(((at, end), Some((end, end + 1))));
    }
    // "„…“, mit diesen Worten meldete er sich": a phrase before the verb.
    if comma && opens_sentence && is_preposition(word) {
        let verb = noun_core(chars, after, at + 1)?.1;
        let finite = after.is_word(verb)
            && !after.is_capitalized(chars, verb)
            && !is_function_word(after.word(verb));
        return finite
            .then(|| subject_after_verb(chars, after, verb))
            .flatten()
            .map(|speaker| (speaker, Some((verb, verb + 1))));
    }
    let reports = opens_sentence || is_cue_verb(cues, after, at);
    let verb_like = comma && !is_function_word(word) && reports || is_auxiliary(word);
    if !verb_like {
        return None;
    }
    Some((subject_after_verb(chars, after, at)?, cue))
}

/// "heißt es [dazu] in der Erklärung des Vereins": the document after the preposition.
fn in_source(chars: &[char], context: &Context, verb: usize) -> Option<Range> {
    if context.word(verb + 1) != "es" {
        return None;
    }
    let preposition = (verb + 2..context.len().min(verb + 5))
        .find(|&i| matches!(context.word(i), "in" | "im" | "auf" | "bei" | "aus" | "vom"))?;
    // "im"/"vom" fuse the article, which the gold keeps: "vom Abgeordneten Jan Roe".
    if matches!(context.word(preposition), "im" | "vom") {
        return noun_phrase(chars, context, preposition + 1)
            .map(|(_, end)| (preposition, end))
            .map(|range| with_appositions(chars, context, range));
    }
    speaker_phrase(chars, context, preposition + 1)
}

/// Before the quote: "Laut X …", "Nach Angaben von X …", "X zufolge …", "Seiner Ansicht
/// nach …", "In der Erklärung heißt es: „…“", else the subject of the sentence's main
/// clause.
fn before_quote(chars: &[char], before: &Context, cues: &Cues) -> Option<(Range, Option<Range>)> {
    let ends_on_colon = before.word(before.len().saturating_sub(1)) == ":";
    for at in 0..before.len() {
        let found = match before.word(at) {
            "laut" => speaker_phrase(chars, before, at + 1),
            "nach" => opinion_after(chars, before, at).or_else(|| {
                phrase_ending_at(chars, before, at)
                    .filter(|p| is_opinion_noun(before.word(p.1 - 1)))
            }),
            "zufolge" => phrase_ending_at(chars, before, at),
            "heißt" | "hieß" => {
                in_source(chars, before, at).or_else(|| opening_source(chars, before, at))
            }
            "so" if at > 0 && before.word(at - 1) == "," => speaker_phrase(chars, before, at + 1),
            // "Wie CBS berichtet, gab Roe eine Erklärung ab: „…“" is Roe's.
            "wie"
                if opens_clause(before, at) && !ends_on_colon
                    || at > 0 && before.word(at - 1) == "," =>
            {
                inserted_source(chars, before, at, cues)
            }
            _ => None,
        };
        if let Some(speaker) = found {
            return Some((speaker, Some((at, at + 1))));
        }
    }
    subordinate_subject(chars, before, cues)
        .or_else(|| second_main_clause(chars, before))
        .or_else(|| clause_subject(chars, before, 0))
        .or_else(|| verbless(chars, before))
        .map(|speaker| (speaker, None))
}

/// Whether `at` opens the sentence, maybe after a conjunction ("Denn wie …").
fn opens_clause(context: &Context, at: usize) -> bool {
    at == 0 || at == 1 && matches!(context.word(0), "denn" | "doch" | "und" | "aber")
}

/// "Der Bericht ist brisant, weil die Regierung das Land als „Demokratie“ bezeichnet":
/// a quote inside a subordinate clause belongs to that clause's subject, unless the main
/// clause reports ("Roe sagte, weil …").
fn subordinate_subject(chars: &[char], context: &Context, cues: &Cues) -> Option<Range> {
    let conjunction = (1..context.len()).rev().find(|&i| {
        context.word(i - 1) == ","
            && matches!(
                context.word(i),
                "weil" | "da" | "obwohl" | "nachdem" | "während" | "wobei" | "indem" | "sodass"
            )
    })?;
    if (0..conjunction).any(|i| is_cue_verb(cues, context, i)) {
        return None;
    }
    let subject = conjunction + 1;
    let nominative =
        can_be_subject(context.word(subject)) || context.is_capitalized(chars, subject);
    nominative
        .then(|| speaker_phrase(chars, context, subject))
        .flatten()
}

/// "Roe wies das zurück, die Sprecherin der Partei erklärte: „…“": two main clauses
/// joined by a comma; the one before the colon has its own subject.
fn second_main_clause(chars: &[char], context: &Context) -> Option<Range> {
    let colon = context.len().checked_sub(1)?;
    if context.word(colon) != ":" {
        return None;
    }
    let first_verb = vorfeld(chars, context, 0)?.1;
    (first_verb + 1..colon)
        .filter(|&comma| context.word(comma) == ",")
        .find_map(|comma| {
            let start = comma + 1;
            let opens = can_be_subject(context.word(start))
                || context.is_capitalized(chars, start) && !is_function_word(context.word(start));
            let (phrase, _) = vorfeld(chars, context, start).filter(|_| opens)?;
            phrase.filter(|p| p.0 == start)
        })
}

/// "Jan Roe, Leiter der Behörde: „…“", "…, und der Minister Jan Roe: „…“": a noun
/// phrase alone before the colon names the speaker.
fn verbless(chars: &[char], context: &Context) -> Option<Range> {
    let colon = context.len().checked_sub(1)?;
    if context.word(colon) != ":" {
        return None;
    }
    let (from, end) = (colon.saturating_sub(MAX_PHRASE)..colon).find_map(|from| {
        let opens = from == 0 || !context.is_word(from - 1) || context.word(from - 1) == "und";
        let phrase = speaker_phrase(chars, context, from).filter(|p| p.1 == colon);
        phrase.filter(|_| opens && !is_oblique_determiner(context.word(from)))
    })?;
    Some((from, end))
}

/// ", wie sich Roe ausdrückte, „…“", "Wie die Zeitung berichtet, ist …": the subject
/// of a "wie" clause set off by commas.
fn inserted_source(chars: &[char], context: &Context, wie: usize, cues: &Cues) -> Option<Range> {
    let from = if context.word(wie + 1) == "sich" {
        wie + 2
    } else {
        wie + 1
    };
    let phrase = speaker_phrase(chars, context, from)?;
    // "wie Roe am Dienstag in Berlin erklärte,": the verb ends the clause; "wie der
    // Richter, Jan Roe, ausführte,": past the comma that closes the apposition.
    let after_phrase = phrase.1 + usize::from(context.word(phrase.1) == ",");
    let comma = (after_phrase..context.len().min(after_phrase + MAX_SUBJECT_GAP))
        .find(|&i| !context.is_word(i))?;
    let verb = comma.checked_sub(1)?;
    let closes = context.word(comma) == ","
        && verb >= after_phrase
        && (is_cue_verb(cues, context, verb)
            || matches!(
                context.word(verb),
                "ausdrückte"
                    | "ausdrückt"
                    | "formulierte"
                    | "mitteilte"
                    | "berichtet"
                    | "ausführte"
            ))
        && !context.is_capitalized(chars, verb);
    closes.then_some(phrase)
}

/// "In dem Antrag heißt es": the document the sentence opens with.
fn opening_source(chars: &[char], context: &Context, verb: usize) -> Option<Range> {
    if !matches!(context.word(0), "in" | "im" | "auf") {
        return None;
    }
    // "Im letzten Satz der Anordnung, die … zugestellt wurde, heißt es".
    noun_phrase(chars, context, 1).filter(|&(_, end)| past_relative_clause(context, end) == verb)
}

/// "nach Angaben der Polizei", "Nach Ansicht von Jan Roe", "nach den Worten des
/// Ministers": the whole phrase after "nach", as the gold writes it.
fn opinion_after(chars: &[char], context: &Context, at: usize) -> Option<Range> {
    let phrase = speaker_phrase(chars, context, at + 1)?;
    let head = (phrase.0..phrase.1).find(|&i| context.is_capitalized(chars, i))?;
    is_opinion_noun(context.word(head)).then_some(phrase)
}

/// Nouns that make "nach …" name whose view is reported.
fn is_opinion_noun(word: &str) -> bool {
    matches!(
        word,
        "angaben"
            | "ansicht"
            | "meinung"
            | "auffassung"
            | "worten"
            | "aussagen"
            | "aussage"
            | "darstellung"
            | "darstellungen"
            | "einschätzung"
            | "ankündigung"
            | "informationen"
            | "berichten"
            | "schätzungen"
            | "überzeugung"
    )
}

/// The noun phrase that ends right before token `end` ("Dem Bericht zufolge", "Seiner
/// Meinung nach"): the earliest start whose phrase reaches exactly `end`.
fn phrase_ending_at(chars: &[char], context: &Context, end: usize) -> Option<Range> {
    (end.saturating_sub(MAX_PHRASE)..end)
        .filter(|&from| {
            from == 0
                || !context.is_word(from - 1)
                || is_clause_edge(context, from)
                || is_determiner(context.word(from))
        })
        .find(|&from| noun_phrase(chars, context, from).is_some_and(|p| p.1 == end))
        .map(|from| (from, end))
}

/// Whether a phrase may start at `from`: right after a preposition or conjunction.
fn is_clause_edge(context: &Context, from: usize) -> bool {
    let previous = context.word(from - 1);
    is_preposition(previous) || matches!(previous, "und" | "dass" | "da" | "sich" | "es")
}

/// The subject of the main clause: the phrase before the finite verb when it can be a
/// subject, else the one after the verb ("Hier sagte der Minister", "Den Plan lobte er").
fn clause_subject(chars: &[char], context: &Context, start: usize) -> Option<Range> {
    let first = context.word(start);
    let next = start + 1;
    // "Er habe „…“" is reported speech like "Die Lage sei „…“".
    if is_subject_pronoun(first)
        && context.is_word(next)
        && !context.is_capitalized(chars, next)
        && (is_function_word(context.word(next)) || !is_subjunctive(context.word(next)))
    {
        return Some((start, next));
    }
    let (vorfeld, verb) = vorfeld(chars, context, start)?;
    // "Die Lage sei „ernst“": reported speech; who says it lies in another sentence.
    if is_subjunctive(context.word(verb)) {
        return None;
    }
    let after = subject_after_verb(chars, context, verb);
    match vorfeld {
        Some(phrase)
            if !is_oblique_determiner(context.word(phrase.0))
                || is_partitive(context, phrase.0) =>
        {
            // "Die Arbeit lobte er", "Die Frage stellte der Minister": die/das are
            // accusative as often as nominative; a clearly nominative phrase after the
            // verb is the subject then.
            let ambiguous = matches!(context.word(phrase.0), "die" | "das");
            let nominative_after = after.is_some_and(|(from, _)| {
                matches!(context.word(from), "der" | "er" | "ich" | "wir")
            });
            if ambiguous && nominative_after {
                after
            } else {
                Some(phrase)
            }
        }
        _ => after,
    }
}

/// The phrase before the finite verb (when it is a noun phrase) and the verb's index.
/// The first position may hold a noun phrase with its prepositional phrases, an adverb
/// ("Hier", "Dabei"), or a subordinate clause ending on a comma ("Nachdem …, sagte").
fn vorfeld(chars: &[char], context: &Context, start: usize) -> Option<(Option<Range>, usize)> {
    let first = context.word(start);
    let next = start + 1;
    // "Nachdem …, sagte X"; "Als Antwort sagte X" has no such comma ("als" is a
    // preposition there).
    let clause_end = (next..context.len()).find(|&i| {
        context.word(i) == ","
            && context.is_word(i + 1)
            && !context.is_capitalized(chars, i + 1)
            && !is_function_word(context.word(i + 1))
    });
    // "Denn wie die Zeitung berichtete, leidet …": a conjunction before the clause.
    let conjunction = matches!(first, "denn" | "doch" | "und" | "aber");
    let first = if conjunction && is_subordinator(context.word(next)) {
        context.word(next)
    } else {
        first
    };
    // "Seit August", "Während der Sitzung", "Als Antwort": prepositions, not clauses.
    let phrase_next = context.is_capitalized(chars, next) && !is_function_word(context.word(next))
        || first != "als" && (is_determiner(context.word(next)) || is_number(context, next));
    if is_subordinator(first) && !(is_preposition(first) && phrase_next) {
        match clause_end {
            Some(comma) => return Some((None, comma + 1)),
            None if !is_preposition(first) => return None,
            None => {}
        }
    }
    let verb_next = context.is_word(next)
        && !context.is_capitalized(chars, next)
        && !is_function_word(context.word(next));
    // "Das sagte er" (a pronoun), but "Das russische Amt sagte" (a determiner).
    let demonstrative = matches!(first, "dies" | "das" | "dazu" | "es")
        && !(is_adjective(chars, context, next) && context.is_capitalized(chars, next + 1));
    if verb_next && (is_adverb(first) || demonstrative) {
        return Some((None, next));
    }
    // "Auch die Ministerin sagte": a focus adverb before the phrase belongs to it.
    let from = start + usize::from(is_adverb(first));
    let phrase = if is_preposition(context.word(from)) {
        None
    } else {
        noun_phrase(chars, context, from).map(|p| appositions_before_verb(chars, context, p))
    };
    let verb = finite_verb(
        chars,
        context,
        phrase.map_or(from, |p| past_relative_clause(context, p.1)),
        phrase.is_none(),
    )?;
    // "Die Kanadier hingegen sagten", "Jan Roe, Leiter der Behörde, sagte": adverbs and
    // the comma closing an apposition may stand between subject and verb.
    let subject = phrase.filter(|p| {
        (past_relative_clause(context, p.1)..verb)
            .all(|i| is_adverb(context.word(i)) || context.word(i) == ",")
    });
    Some((subject, verb))
}

/// "Jan Roe, der zur Zeit den Vorsitz hat, sagte": past a relative clause opening with
/// the comma at `comma`, to its closing comma; else `comma` itself.
fn past_relative_clause(context: &Context, comma: usize) -> usize {
    let relative = context.word(comma) == ","
        && matches!(
            context.word(comma + 1),
            "der" | "die" | "das" | "dem" | "den" | "dessen" | "deren" | "welcher" | "welche"
        );
    if !relative {
        return comma;
    }
    let close = (comma + 2..context.len()).find(|&i| context.word(i) == ",");
    // The clause's own verb ends it: "…, der zur Zeit den Vorsitz hat, sagte".
    match close {
        Some(close) if close > comma + 2 && context.is_word(close - 1) => close + 1,
        _ => comma,
    }
}

/// The first lowercase word that is not inside a noun or prepositional phrase (`expect_noun`
/// at the start of the clause).
fn finite_verb(
    chars: &[char],
    context: &Context,
    from: usize,
    mut expect_noun: bool,
) -> Option<usize> {
    let mut at = from;
    while at < context.len() {
        let word = context.word(at);
        if !context.is_word(at) {
            if is_opening_mark(word) {
                at = closing_mark(context, at)?;
                expect_noun = false;
            } else if word == "(" {
                at = (at..context.len()).find(|&i| context.word(i) == ")")?;
            } else if word == "," && past_relative_clause(context, at) > at {
                at = past_relative_clause(context, at);
                continue;
            }
            at += 1;
            continue;
        }
        // Function words first: the sentence's first word is capitalised too.
        if is_determiner(word)
            || is_preposition(word)
            || matches!(word, "und" | "oder" | "sowie")
            || word.starts_with(|c: char| c.is_ascii_digit())
        {
            expect_noun = true;
        } else if context.is_capitalized(chars, at) {
            expect_noun = false;
        } else if !(is_adverb(word) || expect_noun && is_adjective(chars, context, at)) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The subject after a finite verb at `verb`, past "sich", adverbs, objects in the
/// dative or accusative and prepositional phrases: "äußerte sich gestern in Berlin der
/// Minister", "sagte dem Spiegel Jan Roe", "lobte er".
fn subject_after_verb(chars: &[char], context: &Context, verb: usize) -> Option<Range> {
    let mut at = verb + 1;
    // "hatte … gesagt": the auxiliary's participle is no subject either.
    while at < context.len().min(verb + 1 + MAX_SUBJECT_GAP) {
        let word = context.word(at);
        if !context.is_word(at) {
            return None;
        }
        if is_subject_pronoun(word) {
            return Some((at, at + 1));
        }
        if is_preposition(word) || is_oblique_determiner(word) {
            // Only the phrase's core: "gegenüber Wikinews der Kommissar" goes on with
            // the subject.
            // An object takes its genitive along: "hatte den Bericht der Zeitung".
            let skipped = if is_preposition(word) {
                noun_core(chars, context, at + 1)
            } else {
                noun_phrase(chars, context, at)
            };
            at = skipped.map_or(at + 1, |p| p.1);
            continue;
        }
        if can_be_subject(word) || context.is_capitalized(chars, at) {
            return speaker_phrase(chars, context, at);
        }
        if is_subordinator(word) || matches!(word, "und" | "oder" | "aber") {
            return None;
        }
        at += 1;
    }
    None
}

/// A noun phrase with its appositions, or a subject pronoun.
fn speaker_phrase(chars: &[char], context: &Context, from: usize) -> Option<Range> {
    if is_subject_pronoun(context.word(from)) {
        return Some((from, from + 1));
    }
    let phrase = noun_phrase(chars, context, from)?;
    Some(with_appositions(chars, context, phrase))
}

/// "Jan Roe, Sprecher des Vereins", "der Leiter der Behörde, Jan Roe", "Ana Lind, 30":
/// appositions set off by a comma that end the phrase (the sentence, a comma, a
/// parenthesis or a colon follows), at most two.
fn with_appositions(chars: &[char], context: &Context, phrase: Range) -> Range {
    let (from, mut end) = phrase;
    for second in [false, true] {
        if context.word(end) != "," {
            break;
        }
        let start = end + 1;
        let age = context.word(start).chars().all(|c| c.is_ascii_digit());
        // A second apposition is the name after a role ("Chef des Verbands, Leiter der
        // Schule, Jan Roe"), not the next item of a list.
        let apposition_end = if age && context.is_word(start) {
            Some(start + 1)
        } else if second && is_determiner(context.word(start)) {
            None
        } else {
            noun_phrase(chars, context, start).map(|p| p.1)
        };
        let Some(apposition_end) = apposition_end else {
            break;
        };
        // "beurteilte der Sprecher, Jan Roe das Urteil": an object may follow it.
        let closes = apposition_end >= context.len()
            || matches!(
                context.word(apposition_end),
                "," | "." | ":" | ";" | "(" | ")" | "–" | "—"
            )
            || is_determiner(context.word(apposition_end));
        if !closes {
            break;
        }
        end = apposition_end;
    }
    (from, end)
}

/// "Jan Roe, Präsident des Verbands (DFB) nannte …": before the finite verb an
/// apposition may end on the verb itself, the closing comma left out.
fn appositions_before_verb(chars: &[char], context: &Context, phrase: Range) -> Range {
    let with = with_appositions(chars, context, phrase);
    if with != phrase || context.word(phrase.1) != "," {
        return with;
    }
    match noun_phrase(chars, context, phrase.1 + 1) {
        Some((_, end))
            if context.is_word(end)
                && !context.is_capitalized(chars, end)
                && !is_function_word(context.word(end))
                && context.word(end).ends_with(['t', 'e']) =>
        {
            (phrase.0, end)
        }
        _ => with,
    }
}

/// A German noun phrase from `from`: determiner, adjectives, nouns and names, then
/// genitives, "von"/"vom", a parenthesis and "und" with another such phrase.
fn noun_phrase(chars: &[char], context: &Context, from: usize) -> Option<Range> {
    if is_partitive(context, from) {
        return Some((from, attachments(chars, context, from + 1, true)));
    }
    let (core, role) = noun_head(chars, context, from)?;
    Some((from, attachments(chars, context, core, role)))
}

/// "Einer der beteiligten Feuerwehrmänner": a pronoun with its partitive genitive.
fn is_partitive(context: &Context, from: usize) -> bool {
    matches!(
        context.word(from),
        "einer" | "eine" | "eines" | "keiner" | "jeder" | "viele" | "einige" | "mehrere"
    ) && matches!(context.word(from + 1), "der" | "des")
}

/// A noun phrase without what hangs on its head: "der frühere Minister Jan Roe".
fn noun_core(chars: &[char], context: &Context, from: usize) -> Option<Range> {
    noun_head(chars, context, from).map(|(end, _)| (from, end))
}

/// The end of the determiner, adjectives and head from `from`, and whether the head may
/// take a genitive with "der".
fn noun_head(chars: &[char], context: &Context, from: usize) -> Option<(usize, bool)> {
    let mut at = from;
    let determined = is_determiner(context.word(at));
    if determined || is_number(context, at) {
        at += 1;
    }
    let mut adjectives = 0;
    // "ein nicht genannter Vertreter", "die sehr alte Frau": an adverb before an adjective.
    let graded = |at: usize| {
        matches!(
            context.word(at),
            "nicht" | "sehr" | "besonders" | "bisher" | "noch"
        ) && is_adjective(chars, context, at + 1)
    };
    while adjectives < 4 && (is_adjective(chars, context, at) || graded(at)) {
        at += 1;
        adjectives += 1;
    }
    let head = at;
    let end = head_end(chars, context, head);
    if end == head {
        return None;
    }
    // A single noun ("der Sprecher", "Roe") or a determined phrase ("das Auswärtige Amt")
    // may take a genitive with "der"; after a bare full name ("Jan Roe der Partei") that
    // "der" starts something else.
    let role = end == head + 1 || determined;
    Some((end, role))
}

/// The end of the run of nouns and names from `from` ("VW-Chef Martin Roe", "Prof. Dr.
/// Ida Roe", "die Zeitung „Die Welt“").
fn head_end(chars: &[char], context: &Context, from: usize) -> usize {
    let mut at = from;
    while at < context.len() && at < from + MAX_PHRASE {
        let word = context.word(at);
        let inside = at > from && context.is_capitalized(chars, at + 1);
        let opens_nothing = is_function_word(word) || is_subject_pronoun(word);
        let slash_next = context.word(at + 1) == "/" && context.is_capitalized(chars, at + 2);
        let joins = context.is_capitalized(chars, at) && !(at == from && opens_nothing)
            || word == "." && at > from && is_abbreviation(context, at - 1)
            // "Bayer 04 Leverkusen", "Bündnis 90/Die Grünen", "Heike van Laak".
            || (inside || at > from && slash_next)
                && context.is_word(at)
                && word.chars().all(|c| c.is_ascii_digit())
            || word == "/" && inside
            || inside
                && matches!(
                    word,
                    "van" | "von" | "de" | "du" | "da" | "di" | "del" | "dos" | "la" | "le"
                )
            || is_opening_mark(word) && title_end(context, at).is_some();
        if !joins {
            break;
        }
        if is_opening_mark(word) {
            // A title ends the head: "zitiert die „Computerwoche“ Jan Roe".
            return title_end(context, at).unwrap_or(at + 1);
        }
        at += 1;
    }
    at
}

/// The end of a short quoted title („Die Welt“) opening at `at`.
fn title_end(context: &Context, at: usize) -> Option<usize> {
    let close = closing_mark(context, at)?;
    (close - at <= 8).then_some(close + 1)
}

/// The index of the mark that closes the one at `at`.
fn closing_mark(context: &Context, at: usize) -> Option<usize> {
    (at + 1..context.len()).find(|&i| is_closing_mark(context.word(i)))
}

/// Genitives, "von"/"vom", "für" + name, a parenthesis, "im"/"beim" after a genitive and
/// "und" + another phrase, after a head ending at `end`.
fn attachments(chars: &[char], context: &Context, mut end: usize, role: bool) -> usize {
    let mut genitive = false;
    for _ in 0..6 {
        let word = context.word(end);
        let next = match word {
            "(" => (end + 1..context.len().min(end + 8))
                .find(|&i| context.word(i) == ")")
                .map(|close| close + 1),
            "des" | "eines" => noun_phrase(chars, context, end).map(|p| p.1),
            "der" | "einer" if role || genitive => noun_phrase(chars, context, end)
                .filter(|p| !(p.0..p.1).any(|i| is_listener(context.word(i))))
                .map(|p| p.1),
            "von" | "vom" | "für" if context.is_capitalized(chars, end + 1) || word == "von" => {
                noun_phrase(chars, context, end + 1).map(|p| p.1)
            }
            "im" | "beim" | "in" | "bei" if genitive => {
                noun_phrase(chars, context, end + 1).map(|p| p.1)
            }
            // "ein Sprecher aus Washington": a bare place name.
            "aus" if context.is_capitalized(chars, end + 1) || genitive => {
                noun_phrase(chars, context, end + 1).map(|p| p.1)
            }
            "und" | "sowie" => coordinated(chars, context, end),
            _ => None,
        };
        let Some(next) = next.filter(|&n| n > end) else {
            break;
        };
        genitive |= matches!(word, "des" | "eines" | "der" | "einer");
        end = next;
    }
    end
}

/// "Anna und Jan Roe", "der Bürgermeister und Justizsenator": "und" joins another noun
/// phrase unless a verb follows it ("Roe und Lind stimmten zu" keeps both names, "Roe
/// und fügte hinzu" none).
fn coordinated(chars: &[char], context: &Context, and: usize) -> Option<usize> {
    let next = and + 1;
    let starts_phrase = context.is_capitalized(chars, next)
        || can_be_subject(context.word(next))
        || is_adjective(chars, context, next);
    if !starts_phrase {
        return None;
    }
    noun_phrase(chars, context, next).map(|p| p.1)
}

/// Lowercase words inside a noun phrase before its noun: "ehemalige", "stellvertretende",
/// "23-jährige", "in New York geborene" is out of reach.
fn is_adjective(chars: &[char], context: &Context, at: usize) -> bool {
    let word = context.word(at);
    context.has_adjective_ending(chars, at, &["e", "en", "er", "es", "em"])
        && !is_function_word(word)
        && !is_subject_pronoun(word)
}

fn is_number(context: &Context, at: usize) -> bool {
    context.is_word(at) && context.word(at).chars().all(|c| c.is_ascii_digit())
}

/// Nouns that name a listener in the dative ("sagte Roe der Zeitung"), not a genitive.
fn is_listener(word: &str) -> bool {
    ["zeitung", "presse", "magazin", "blatt", "nachrichten"]
        .iter()
        .any(|end| word.ends_with(end))
        || matches!(
            word,
            "agentur"
                | "nachrichtenagentur"
                | "presseagentur"
                | "sender"
                | "bevölkerung"
                | "öffentlichkeit"
                | "welt"
                | "bild"
                | "ard"
        )
}

fn is_opening_mark(word: &str) -> bool {
    matches!(word, "„" | "»" | "«" | "“" | "\"")
}

fn is_closing_mark(word: &str) -> bool {
    matches!(word, "“" | "«" | "»" | "”" | "\"")
}

/// Determiners (all cases), possessives and quantifiers that open a noun phrase.
fn is_determiner(word: &str) -> bool {
    can_be_subject(word) && !is_subject_pronoun(word) || is_oblique_determiner(word)
}

/// Determiners that cannot open a subject (dative, accusative, genitive forms).
fn is_oblique_determiner(word: &str) -> bool {
    matches!(
        word,
        "den"
            | "dem"
            | "des"
            | "einen"
            | "einem"
            | "eines"
            | "einer"
            | "keinen"
            | "keinem"
            | "diesem"
            | "diesen"
            | "dieses"
            | "seinem"
            | "seinen"
            | "seines"
            | "seiner"
            | "ihrem"
            | "ihren"
            | "ihres"
            | "ihrer"
            | "allen"
            | "allem"
            | "jedem"
            | "jeden"
            | "mehreren"
            | "vielen"
            | "beiden"
            | "einigen"
            | "keiner"
    )
}

/// Words that can open a subject: nominative determiners and subject pronouns.
fn can_be_subject(word: &str) -> bool {
    matches!(
        word,
        "der"
            | "die"
            | "das"
            | "ein"
            | "eine"
            | "kein"
            | "keine"
            | "dieser"
            | "diese"
            | "sein"
            | "seine"
            | "ihr"
            | "ihre"
            | "unser"
            | "unsere"
            | "einige"
            | "mehrere"
            | "viele"
            | "beide"
            | "alle"
    ) || is_subject_pronoun(word)
}

fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "er" | "sie" | "ich" | "wir")
}

/// Subjunctive forms of reported speech ("er sei", "sie habe", "die Studie zeige"):
/// listed, or a present stem with "-e" that is no past tense in "-te".
fn is_subjunctive(word: &str) -> bool {
    word.ends_with('e') && !word.ends_with("te") && word.chars().count() > 3
        || is_listed_subjunctive(word)
}

/// The subjunctives (Konjunktiv I and II) German news uses to report speech: "er sei",
/// "sie habe", "es hätte". The one list for every German rule that looks for them.
pub(super) fn is_listed_subjunctive(word: &str) -> bool {
    matches!(
        word,
        "sei"
            | "seien"
            | "habe"
            | "hätten"
            | "hätte"
            | "werde"
            | "würden"
            | "würde"
            | "könne"
            | "müsse"
            | "solle"
            | "wolle"
            | "gebe"
            | "stehe"
            | "gehe"
            | "liege"
            | "komme"
            | "bleibe"
            | "gelte"
            | "fehle"
            | "führe"
            | "stecke"
            | "bestehe"
            | "handle"
            | "wisse"
            | "dürfe"
            | "möge"
            | "lasse"
            | "brauche"
            | "zeige"
            | "diene"
            | "entspreche"
            | "drohe"
            | "wäre"
            | "wären"
    )
}

/// "wird X zitiert", "hatte X gesagt": an auxiliary before the subject.
fn is_auxiliary(word: &str) -> bool {
    matches!(word, "wird" | "wurde" | "hatte" | "hat" | "habe" | "hätte")
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "im"
            | "ins"
            | "an"
            | "am"
            | "auf"
            | "aus"
            | "bei"
            | "beim"
            | "mit"
            | "nach"
            | "von"
            | "vom"
            | "zu"
            | "zum"
            | "zur"
            | "für"
            | "gegen"
            | "gegenüber"
            | "über"
            | "unter"
            | "vor"
            | "hinter"
            | "neben"
            | "zwischen"
            | "seit"
            | "während"
            | "wegen"
            | "trotz"
            | "ohne"
            | "um"
            | "durch"
            | "bis"
            | "angesichts"
            | "innerhalb"
            | "außerhalb"
            | "anlässlich"
            | "laut"
            | "als"
            | "aufgrund"
            | "infolge"
            | "dank"
            | "statt"
            | "gemäß"
            | "ab"
            | "nahe"
            | "entlang"
    )
}

fn is_subordinator(word: &str) -> bool {
    matches!(
        word,
        "nachdem"
            | "als"
            | "wenn"
            | "weil"
            | "da"
            | "obwohl"
            | "während"
            | "bevor"
            | "sobald"
            | "wie"
            | "dass"
            | "ob"
            | "falls"
            | "indem"
            | "seit"
            | "seitdem"
    )
}

/// Words that are neither verbs nor nouns: determiners, prepositions, conjunctions.
fn is_function_word(word: &str) -> bool {
    is_determiner(word)
        || is_preposition(word)
        || is_subordinator(word)
        || matches!(
            word,
            "und"
                | "oder"
                | "aber"
                | "sowie"
                | "sich"
                | "es"
                | "man"
                | "so"
                | "nicht"
                | "ihm"
                | "ihn"
                | "ihnen"
                | "uns"
                | "mir"
                | "mich"
        )
}

/// Adverbs that fill the first position of a clause or sit between verb and subject.
fn is_adverb(word: &str) -> bool {
    ["lich", "isch", "end", "weise", "mals"]
        .iter()
        .any(|end| word.ends_with(end))
        || matches!(
            word,
            "hier"
                | "dabei"
                | "dazu"
                | "darin"
                | "daher"
                | "deshalb"
                | "so"
                | "auch"
                | "weiter"
                | "später"
                | "zuvor"
                | "heute"
                | "gestern"
                | "außerdem"
                | "zudem"
                | "dennoch"
                | "jedoch"
                | "danach"
                | "demnach"
                | "bereits"
                | "schon"
                | "nun"
                | "jetzt"
                | "inzwischen"
                | "unterdessen"
                | "allerdings"
                | "trotzdem"
                | "zunächst"
                | "ebenso"
                | "darauf"
                | "dagegen"
                | "hingegen"
                | "dann"
                | "doch"
                | "gleichzeitig"
                | "zugleich"
                | "erst"
                | "zuletzt"
                | "kürzlich"
                | "daraufhin"
                | "dort"
                | "deswegen"
                | "ebenfalls"
                | "bislang"
                | "bisher"
                | "vielmehr"
                | "insbesondere"
                | "besonders"
                | "weiterhin"
                | "darüber"
                | "hierzu"
                | "dafür"
                | "damit"
                | "sogar"
                | "selbst"
                | "zwar"
                | "also"
                | "immerhin"
                | "offenbar"
                | "angeblich"
                | "wörtlich"
                | "aber"
                | "indes"
                | "wiederum"
                | "erneut"
                | "mal"
                | "nicht"
                | "noch"
                | "nur"
                | "lediglich"
                | "einerseits"
                | "andererseits"
                | "offen"
                | "dahingehend"
                | "ähnlich"
                | "unmissverständlich"
                | "aktuell"
                | "relativierend"
                | "wohl"
                | "denn"
        )
}

#[cfg(test)]
mod tests {
    use crate::quotes::find;

    /// The speaker as written of every quote found in German text.
    fn written(text: &str) -> Vec<Option<String>> {
        find(text, "de")
            .into_iter()
            .map(|q| q.speaker_as_written)
            .collect()
    }

    fn some(speaker: &str) -> Option<String> {
        Some(speaker.to_string())
    }

    /// The quoted text of every quote found in German text.
    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        find(text, "de")
            .into_iter()
            .map(|q| chars[q.start..q.end].iter().collect())
            .collect()
    }

    #[test]
    fn a_capitalised_name_without_speaker_is_no_quote() {
        let text = "Zu sehen waren Vorträge wie „Brücken und Fähren am Oberrhein“ und \
                    „Die Post in Baden seit 1850“.\n\n\
                    So meldete die in Lörrach erscheinende „Stimme vom Dreiland“ den Termin.\n\n\
                    Seither seien die Mieten „deutlich gestiegen“.\n\n\
                    „Wir haben gewartet. Es kam niemand.“\n\n\
                    Ihr erstes Album erschien 1998: „Lichter am Fluss“.\n\n\
                    Die Ministerin sagte: „Wir halten Wort“.\n\n\
                    Der Trainer versuchte mit den Worten zu beruhigen: „Alles bleibt beim Alten“.";
        assert_eq!(
            quoted(text),
            [
                "„deutlich gestiegen“",
                "„Wir haben gewartet. Es kam niemand.“",
                "„Wir halten Wort“",
                "„Alles bleibt beim Alten“"
            ]
        );
    }

    #[test]
    fn a_name_after_a_work_or_medium_noun_is_no_quote() {
        let text = "Die Regisseurin drehte zuletzt den Film „1999: Sommer am See“.\n\n\
                    Er schrieb für sein Buch „Brot und Salz – eine Geschichte der Bäckerei \
                    am Niederrhein von 1800 bis heute“ lange.\n\n\
                    Laut einem Test des Fachmagazins „rad, weg und ziel“ sind die Preise \
                    gestiegen.\n\n\
                    Der Trainer sagte, das Spiel sei „ein Geschenk“.";
        assert_eq!(quoted(text), ["„ein Geschenk“"]);
    }

    #[test]
    fn a_noun_after_an_indefinite_article_in_a_report_is_quoted() {
        let text = "Die Landrätin nannte den Bericht eine „Zeitungsente“.\n\n\
                    Im Saal stand eine „Schatztruhe“ aus Holz.";
        assert_eq!(quoted(text), ["„Zeitungsente“"]);
        assert_eq!(written(text), [some("Die Landrätin")]);
    }

    #[test]
    fn a_name_a_subject_gives_itself_is_no_quote() {
        let text = "Die Gruppe, die sich selbst „Freunde des Waldes“ nennt, protestierte.\n\n\
                    Seit Mai präsentiert er sich als „Berater für Zukunftsfragen“ der Stadt.\n\n\
                    Ab Juni nennt sich das Fest „Sommer am Kai“ und dauert drei Tage.\n\n\
                    Der Sprecher nannte den Plan „nicht durchdacht“.";
        assert_eq!(quoted(text), ["„nicht durchdacht“"]);
    }

    #[test]
    fn rejecting_and_finding_verbs_report_the_fragment() {
        let text = "Die Ministerin wies den Vorwurf als „völlig haltlos“ zurück.\n\n\
                    Der Gutachter konstatierte eine „bedenkliche Lücke“ im Konzept.\n\n\
                    Von „grober Fahrlässigkeit“ sprechen die Gutachter der Stadt.";
        assert_eq!(
            written(text),
            [
                some("Die Ministerin"),
                some("Der Gutachter"),
                some("die Gutachter der Stadt")
            ]
        );
    }

    #[test]
    fn a_fragment_joined_by_und_or_oder_shares_the_speaker_before() {
        let text = "Der Stadtrat bezeichnete den Plan als „mutig“ und „längst fällig“.\n\n\
                    Die Fans riefen Sprüche wie „Auf geht's!“ oder „Nie mehr zweite Liga!“ \
                    in die Kurve.\n\n\
                    Die Tafel zeigte „Wasser“ und „Brot“.";
        let found = find(text, "de");
        let chars: Vec<char> = text.chars().collect();
        let quoted: Vec<(String, Option<String>)> = found
            .iter()
            .map(|q| {
                (
                    chars[q.start..q.end].iter().collect(),
                    q.speaker_as_written.clone(),
                )
            })
            .collect();
        assert_eq!(
            quoted,
            [
                ("„mutig“".to_string(), some("Der Stadtrat")),
                ("„längst fällig“".to_string(), some("Der Stadtrat")),
                ("„Auf geht's!“".to_string(), some("Die Fans")),
                ("„Nie mehr zweite Liga!“".to_string(), some("Die Fans")),
            ]
        );
        assert_eq!(found[0].attribution, found[1].attribution);
    }

    #[test]
    fn inverted_verb_takes_the_whole_noun_phrase_after_it() {
        let text = "„Wir bleiben dabei“, sagte der Sprecher des Umweltamtes, Lars Kemper.\n\n\
                    „Das reicht nicht“, erklärte die frühere Ministerin Jana Ulm (SPD).\n\n\
                    „Wir sind zufrieden“, äußerte sich Uwe Brandt, Leiter der Kreisbehörde, \
                    in Kassel.";
        assert_eq!(
            written(text),
            vec![
                some("der Sprecher des Umweltamtes, Lars Kemper"),
                some("die frühere Ministerin Jana Ulm (SPD)"),
                some("Uwe Brandt, Leiter der Kreisbehörde"),
            ]
        );
    }

    #[test]
    fn so_laut_zufolge_and_nach_angaben() {
        let text = "Die Brücke sei „marode“, so Tim Vogt vom Bauamt Lindau.\n\n\
                    Laut Ordnungsamt war die Sperrung „längst überfällig“.\n\n\
                    Dem Gutachten zufolge sind die Pfeiler „stark beschädigt“.\n\n\
                    Nach Angaben der Stadtwerke Lindau ist der Schaden „beträchtlich“.";
        assert_eq!(
            written(text),
            vec![
                some("Tim Vogt vom Bauamt Lindau"),
                some("Ordnungsamt"),
                some("Dem Gutachten"),
                some("Angaben der Stadtwerke Lindau"),
            ]
        );
    }

    #[test]
    fn subject_after_the_verb_when_the_first_position_is_no_subject() {
        let text = "Der Bürgermeister blieb ruhig. In einem Interview sagte er am Montag: \
                    „Wir haben alles im Griff.“\n\n\
                    Den Vorschlag der Opposition lehnte der Landrat Paul Eder ab: \
                    „Dafür fehlt uns das Geld.“\n\n\
                    Hier widersprach die Vorsitzende des Vereins: „Das stimmt so nicht.“";
        assert_eq!(
            written(text),
            vec![
                some("er"),
                some("der Landrat Paul Eder"),
                some("die Vorsitzende des Vereins"),
            ]
        );
    }

    #[test]
    fn subject_before_the_verb_with_apposition_or_relative_clause() {
        let text = "Die Kanadier hingegen meinten: „Wir warten ab.“\n\n\
                    Rita Falk, die seit Jahren den Chor leitet, sagte nach dem Konzert: \
                    „Es war ein schöner Abend.“\n\n\
                    Die Leiterin der Schule, Eva Stein, erklärte: „Der Unterricht fällt aus.“";
        assert_eq!(
            written(text),
            vec![
                some("Die Kanadier"),
                some("Rita Falk"),
                some("Die Leiterin der Schule, Eva Stein"),
            ]
        );
    }

    #[test]
    fn document_after_heisst_es_and_speaker_before_a_bare_colon() {
        let text = "In der Mitteilung des Vereins heißt es: „Wir ziehen uns zurück.“\n\n\
                    Ole Brink, Sprecher der Initiative: „Wir machen weiter.“";
        assert_eq!(
            written(text),
            vec![
                some("der Mitteilung des Vereins"),
                some("Ole Brink, Sprecher der Initiative"),
            ]
        );
    }

    #[test]
    fn listener_in_the_dative_is_not_a_genitive() {
        let text = "„Wir rechnen mit Verspätungen“, sagte Horn der Zeitung am Freitag.";
        assert_eq!(written(text), vec![some("Horn")]);
    }

    #[test]
    fn inserted_wie_clause_names_the_speaker() {
        let text = "Das Projekt sei, wie sich Hanna Moll ausdrückte, „ein Fass ohne Boden“.";
        assert_eq!(written(text), vec![some("Hanna Moll")]);
    }

    #[test]
    fn reported_speech_keeps_the_speaker_of_the_sentence_before() {
        let text = "Der Kämmerer Olaf Brand warnte vor neuen Schulden. Die Rücklagen seien \
                    „so gut wie aufgebraucht“.";
        assert_eq!(written(text), vec![some("Der Kämmerer Olaf Brand")]);
    }

    #[test]
    fn adverb_first_and_wie_clause_first() {
        let text = "Weiter sagte Kranz: „Wir prüfen alles.“\n\n\
                    Wie die Bürgermeisterin Ina Lorenz am Montag erklärte, sieht die Stadt \
                    darin „keinen Grund zur Sorge“.";
        assert_eq!(
            written(text),
            vec![some("Kranz"), some("die Bürgermeisterin Ina Lorenz")]
        );
    }

    #[test]
    fn verb_after_a_quote_inside_a_sentence_must_report() {
        let text = "Weil man laut Chefarzt Dr. Udo Brehm „neue Wege gehen muss“, suchen die \
                    Ärzte nach Partnern.";
        assert_eq!(written(text), vec![some("Chefarzt Dr. Udo Brehm")]);
    }

    #[test]
    fn reported_speech_after_the_quote_and_after_a_reporting_sentence() {
        let text = "Die Bahn versicherte, dass die Strecke bald öffne. Eine „reine \
                    Formsache“ sei die Prüfung.\n\n\
                    Ute Sand begründete den Schritt mit „neuen Zahlen“ aus dem Amt. Damit seien \
                    „die alten Pläne hinfällig“.";
        assert_eq!(
            written(text),
            vec![some("Die Bahn"), some("Ute Sand"), some("Ute Sand")]
        );
    }

    #[test]
    fn first_position_with_relative_clause_title_and_apposition_before_the_verb() {
        let text = "Im Schreiben, das die Firma an den Rat geschickt hat, erklärt sie: \
                    „Wir verlassen die Stadt.“\n\n\
                    „Das wird teuer“, zitiert die „Morgenpost“ Jan Roe in einem Bericht.\n\n\
                    Ida Bohm, Präsidentin des Landesverbands (LSV) nannte den Entwurf \
                    „ausgewogen“.\n\n\
                    Das Statistische Amt der Stadt Ulm empfiehlt allen Bürgern einen \
                    „sparsamen Umgang“ mit Wasser.";
        assert_eq!(
            written(text),
            vec![
                some("sie"),
                some("die „Morgenpost“"),
                some("Ida Bohm, Präsidentin des Landesverbands (LSV)"),
                some("Das Statistische Amt der Stadt Ulm"),
            ]
        );
    }

    #[test]
    fn clause_after_an_inner_colon_and_wie_without_reporting_verb() {
        let text = "Auch der Verband kritisierte, wie das Gesetz entstand, scharf: So sagte \
                    Eva Kling, Sprecherin des Verbands: „Das war ein Fehler.“";
        assert_eq!(
            written(text),
            vec![some("Eva Kling, Sprecherin des Verbands")]
        );
    }

    #[test]
    fn names_with_particles_numbers_and_partitives() {
        let text = "„Wir haben verdient gewonnen“, sagte der Trainer von Hertha 03 Zehlendorf.\n\n\
                    „Das Produkt ist sicher“, sagte die Sprecherin des Verbands, Anke van Dijk.\n\n\
                    Einer der vier beteiligten Polizisten sagte: „Ich war überrascht.“\n\n\
                    „Der Fonds hilft“, sagte ein Sprecher aus Genf.";
        assert_eq!(
            written(text),
            vec![
                some("der Trainer von Hertha 03 Zehlendorf"),
                some("die Sprecherin des Verbands, Anke van Dijk"),
                some("Einer der vier beteiligten Polizisten"),
                some("ein Sprecher aus Genf"),
            ]
        );
    }

    #[test]
    fn so_with_a_verb_and_wie_clause_with_apposition() {
        let text = "Ein „klarer Sieg“, so urteilte Mia Lenz selbst über die Wahl.\n\n\
                    Wie der Vorsitzende Richter, Otto Kern, ausführte, wäre der Schaden \
                    „enorm gewesen“.\n\n\
                    Am 12. Mai sagte Rolf Timm: „Wir fangen an.“";
        assert_eq!(
            written(text),
            vec![
                some("Mia Lenz"),
                some("der Vorsitzende Richter, Otto Kern"),
                some("Rolf Timm"),
            ]
        );
    }

    #[test]
    fn reporting_verb_later_in_the_sentence_and_phrase_before_the_verb() {
        let text = "Er sei „tief betroffen“ über den Unfall, sagte der Landrat.\n\n\
                    „Hallo, da bin ich wieder“, mit diesen Worten meldete sich Kai Dorn zurück.";
        assert_eq!(written(text), vec![some("der Landrat"), some("Kai Dorn")]);
    }

    #[test]
    fn subordinate_clause_and_document_with_relative_clause() {
        let text = "Der Brief ist heikel, weil die Regierung das Land als „sicheren Staat“ \
                    bezeichnet hat.\n\n\
                    Im zweiten Absatz des Urteils, das am Montag verkündet wurde, heißt es: \
                    „Die Klage ist abgewiesen.“";
        assert_eq!(
            written(text),
            vec![some("die Regierung"), some("zweiten Absatz des Urteils")]
        );
    }

    #[test]
    fn colon_quote_belongs_to_the_main_clause_not_to_an_opening_wie() {
        let text = "Wie der Sender berichtet, gab Pia Roos eine kurze Antwort: „Nein.“";
        assert_eq!(written(text), vec![some("Pia Roos")]);
    }

    #[test]
    fn reported_speech_after_a_quote_keeps_its_speaker() {
        let text = "Lutz Kamm, Leiter des Werks, erklärte: „Wir bauen nicht an.“ Es gebe \
                    Kunden, die „grüne Technik“ ablehnten.";
        assert_eq!(
            written(text),
            vec![
                some("Lutz Kamm, Leiter des Werks"),
                some("Lutz Kamm, Leiter des Werks")
            ]
        );
    }

    #[test]
    fn second_main_clause_before_the_colon_and_glued_sentences() {
        let text = "Der Bürgermeister wies das zurück, die Sprecherin der Opposition, \
                    Lena Hart, erklärte: „Das ist falsch.“\n\n\
                    „Wir gehen“, sagte der Chor.Die Leiterin des Chors, Uta Berg, meinte: \
                    „Es ist Zeit.“";
        assert_eq!(
            written(text),
            vec![
                some("die Sprecherin der Opposition, Lena Hart"),
                some("der Chor"),
                some("Die Leiterin des Chors, Uta Berg"),
            ]
        );
    }

    #[test]
    fn reported_speech_with_a_pronoun_and_after_a_non_reporting_sentence() {
        let text = "Der Abgeordnete Till Ahrens bezweifelte die Eignung des Kandidaten: Er \
                    habe „nicht den Eindruck, dass er es kann“.\n\n\
                    Zum Haushalt hatte Ahrens wenig Gutes zu berichten. Erstmals seit 2010 sei \
                    die Stadt „knapp bei Kasse“.";
        assert_eq!(
            written(text),
            vec![some("Der Abgeordnete Till Ahrens"), some("Ahrens")]
        );
    }

    #[test]
    fn conjunction_before_an_opening_wie_clause() {
        let text = "Denn wie die Zeitung berichtete, leidet der Sänger an einer \
                    „schweren Krankheit“.";
        assert_eq!(written(text), vec![some("die Zeitung")]);
    }

    #[test]
    fn object_with_its_genitive_is_no_subject() {
        let text = "Die Regierung hatte den Bericht der Kommission umgehend als „falsch“ \
                    zurückgewiesen.";
        assert_eq!(written(text), vec![some("Die Regierung")]);
    }

    #[test]
    fn pronoun_opens_no_name() {
        let text = "Er sowie Jan Roe erklärten: „Wir treten aus.“";
        assert_eq!(written(text), vec![some("Er")]);
    }

    #[test]
    fn quote_before_the_verb_and_reported_speech_two_sentences_on() {
        let text = "Als „vertane Chance“ beurteilte der Sprecher der Fraktion, Ole Dorn das \
                    Ergebnis.\n\n\
                    Doch sei es, so die Autorin Eva Pohl in einem Beitrag, ein Fehler gewesen. \
                    Deshalb müsse „die Politik umdenken“.";
        assert_eq!(
            written(text),
            vec![
                some("der Sprecher der Fraktion, Ole Dorn"),
                some("die Autorin Eva Pohl"),
            ]
        );
    }

    #[test]
    fn graded_adjective_inside_a_phrase() {
        let text = "Ein nicht genannter Vertreter der Firma bezeichnet den Kauf als \
                    „strategisch“.";
        assert_eq!(
            written(text),
            vec![some("Ein nicht genannter Vertreter der Firma")]
        );
    }

    #[test]
    fn party_name_with_number_and_slash() {
        let text = "Die Sprecherin von Bündnis 90/Die Grünen, Ria Holm, sagte: „Nein.“";
        assert_eq!(
            written(text),
            vec![some("Die Sprecherin von Bündnis 90/Die Grünen, Ria Holm")]
        );
    }

    #[test]
    fn cues_named_in_the_issue() {
        let text = "„Wir sind bereit“, erklärte Jan Roe gegenüber der Zeitung.\n\n\
                    Den Abschied kommentierte die Trainerin mit den Worten: „Es war schön.“\n\n\
                    Nach Angaben von Feuerwehrchef Udo Mang war der Brand „schnell gelöscht“.\n\n\
                    „Das Ziel ist erreicht“, heißt es in der Erklärung des Vorstands.";
        assert_eq!(
            written(text),
            vec![
                some("Jan Roe"),
                some("die Trainerin"),
                some("Angaben von Feuerwehrchef Udo Mang"),
                some("der Erklärung des Vorstands"),
            ]
        );
    }

    #[test]
    fn roman_ordinal_ends_no_sentence_and_hiess_es_vom() {
        let text = "Die Berufung durch Papst Pius XII. betriebener Kandidaten sei, so der \
                    Historiker Max Ruf, „ein Fehler“ gewesen.\n\n\
                    „Es war kein Anschlag“, hieß es vom Sprecher der Polizei Ulm.";
        assert_eq!(
            written(text),
            vec![
                some("der Historiker Max Ruf"),
                some("vom Sprecher der Polizei Ulm"),
            ]
        );
    }

    #[test]
    fn preposition_that_can_open_a_clause() {
        let text = "Seit Januar vertritt sie die Ansicht, dass der Plan „zum Scheitern \
                    verurteilt“ sei.\n\n\
                    Seit er im Amt ist, sagt der Bürgermeister: „Wir sparen.“";
        assert_eq!(written(text), vec![some("sie"), some("der Bürgermeister")]);
    }

    #[test]
    fn quote_alone_after_a_sentence_is_its_subjects() {
        let text = "Der Abgeordnete Kai Lenz, einer der Unterzeichner, verurteilte die \
                    Haltung der Regierung im Streit um die neue Umgehungsstraße. „Diese Regierung \
                    hat in der Verkehrspolitik jedes Vertrauen verspielt und muss umdenken.“";
        assert_eq!(
            written(text),
            vec![some("Der Abgeordnete Kai Lenz, einer der Unterzeichner")]
        );
    }

    #[test]
    fn second_quote_of_a_sentence_has_its_own_clause() {
        let text = "Stürmer Ole Brandt nannte seinen Platzverweis „überzogen“, Trainer Uwe \
                    Kern bezeichnete die Karten als „übertrieben“.";
        assert_eq!(
            written(text),
            vec![some("Stürmer Ole Brandt"), some("Trainer Uwe Kern")]
        );
    }
}
