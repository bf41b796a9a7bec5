//! Sentence splitting that knows abbreviations, initials, decimals and quotes.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets that follow)
//! when whitespace and a plausible sentence start come next. A line break always ends one:
//! the article text has one block (paragraph, heading, list item) per line.

use super::hash::FastSet;
use super::words::{lowercase_chars, stop_words};

/// One sentence: its text (trimmed, a slice of the text split: a sentence is most often
/// only read, and a copy each was an allocation per sentence of the article) and where it
/// is, in Unicode code points, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Where `text` is in the text split, in bytes.
    pub bytes: std::ops::Range<usize>,
}

/// Abbreviations that stand before a name and so never end a sentence ("Dr. Watson").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "maj", "rev", "gov", "sen", "rep", "hon", "pres", "supt", "insp", "det", "st", "mme", "mlle",
    "mm", "sr", "sra", "srta", "dra", "hr", "fr", "проф", "акад", "ул", "им",
];

/// Abbreviations that may also end a sentence ("… in the U.S. The …"): a sentence break is
/// taken after them only when a capitalised function word follows.
const AMBIGUOUS: &[&str] = &[
    "etc", "inc", "ltd", "co", "corp", "jr", "vs", "no", "nos", "fig", "approx", "dept", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave",
    "blvd", "rd", "mt", "ft", "vol", "pp", "al", "bzw", "usw", "ca", "vgl", "evtl", "ggf", "nr",
    "str", "abs", "inkl", "bspw", "env", "cf", "av", "bd", "ud", "uds", "pág", "avda", "núm",
    "lic", "ing", "г", "гг", "д", "др", "пр", "руб", "млн", "млрд", "тыс", "см", "стр", "т", "тел",
];

/// The most chars of a word of [`TITLES`] and [`AMBIGUOUS`].
const MAX_ABBREVIATION_CHARS: usize = 6;

/// German ordinals look like sentence ends ("am 3. Oktober"); a month after one is not a start.
const GERMAN_MONTHS: &[&str] = &[
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// How far back a word before a full stop is read; bounds the work on pathological input.
const MAX_WORD_CHARS: usize = 40;

/// Splits `text` into sentences. `lang` (ISO 639-1 or "") selects stop words for the
/// abbreviation test and German ordinal handling.
pub fn split_sentences<'a>(text: &'a str, lang: &str) -> Vec<Sentence<'a>> {
    let chars: Vec<char> = text.chars().collect();
    split_sentences_of(text, &chars, lang)
}

/// [`split_sentences`] of a text whose chars the caller has already (`chars`, those of
/// `text`): the analysis reads the article's chars for its sentences and for its quotes.
pub fn split_sentences_of<'a>(text: &'a str, chars: &[char], lang: &str) -> Vec<Sentence<'a>> {
    Splitter::new(text, chars, lang).split()
}

/// Splits a text of lifetime `'t` (its sentences borrow it) read with chars and a
/// language of lifetime `'a`.
struct Splitter<'t, 'a> {
    text: &'t str,
    chars: &'a [char],
    lang: &'a str,
    starters: &'static FastSet<&'static str>,
}

impl<'t, 'a> Splitter<'t, 'a> {
    fn new(text: &'t str, chars: &'a [char], lang: &'a str) -> Splitter<'t, 'a> {
        let mut starters = stop_words(lang);
        if starters.is_empty() {
            starters = stop_words("en");
        }
        Splitter {
            text,
            chars,
            lang,
            starters,
        }
    }

    fn split(&self) -> Vec<Sentence<'t>> {
        let mut sentences = Vec::new();
        let mut cursor = ByteCursor::default();
        let mut start = 0;
        let mut index = 0;
        while let Some(&c) = self.chars.get(index) {
            // Letters, digits and spaces (most of a text) end nothing: passed at once.
            if c.is_ascii_alphanumeric() || c == ' ' {
                index += 1;
            } else if is_line_break(c) {
                self.push(&mut sentences, &mut cursor, start, index);
                start = index + 1;
                index += 1;
            } else if is_terminator(c) {
                let end = self.end_of_terminator_run(index);
                if self.is_sentence_end(index, end) {
                    self.push(&mut sentences, &mut cursor, start, end);
                    start = end;
                }
                index = end;
            } else {
                index += 1;
            }
        }
        self.push(&mut sentences, &mut cursor, start, self.chars.len());
        sentences
    }

    /// Past the terminator at `index`: further terminators ("?!", "...") and closing marks.
    fn end_of_terminator_run(&self, index: usize) -> usize {
        let mut end = index + 1;
        while let Some(&c) = self.chars.get(end) {
            if is_terminator(c) || is_closing_mark(c) {
                end += 1;
            } else {
                break;
            }
        }
        end
    }

    /// Whether the terminator at `index`, whose run ends at `end`, ends a sentence.
    fn is_sentence_end(&self, index: usize, end: usize) -> bool {
        let Some(&terminator) = self.chars.get(index) else {
            return false;
        };
        if is_ideographic_terminator(terminator) {
            return true;
        }
        match self.chars.get(end) {
            None => return true,
            // "3.5", "example.com", "U.S." inside a word: no break without a space.
            Some(&c) if !c.is_whitespace() => return false,
            Some(_) => {}
        }
        let next = self.next_word_start(end);
        let Some(&first) = self.chars.get(next) else {
            return true;
        };
        if first.is_lowercase() {
            return false;
        }
        let is_single_full_stop = terminator == '.' && self.chars.get(index + 1) != Some(&'.');
        !is_single_full_stop || self.full_stop_ends_sentence(index, next)
    }

    /// The first character of the next sentence candidate after whitespace and opening marks.
    fn next_word_start(&self, from: usize) -> usize {
        let mut index = from;
        while let Some(&c) = self.chars.get(index) {
            if c.is_whitespace() || is_opening_mark(c) {
                index += 1;
            } else {
                break;
            }
        }
        index
    }

    /// The abbreviation, initial and ordinal tests for a lone full stop at `index`.
    fn full_stop_ends_sentence(&self, index: usize, next: usize) -> bool {
        let before = self.word_before(index);
        if before.is_empty() {
            return true;
        }
        // "J. K. Rowling": one capital letter is an initial.
        if let [only] = before {
            if only.is_uppercase() {
                return false;
            }
        }
        // A word longer than every abbreviation (most words before a full stop) is none:
        // it is not lower-cased and looked up, and the next word only when it is needed.
        let lower = (before.len() <= MAX_ABBREVIATION_CHARS).then(|| lowercase_chars(before));
        let listed = |list: &[&str]| lower.as_deref().is_some_and(|word| list.contains(&word));
        if listed(TITLES) {
            return false;
        }
        let next_word = || lowercase_chars(self.word_at(next));
        if self.lang == "de"
            && before.len() <= 2
            && before.iter().all(|c| c.is_ascii_digit())
            && GERMAN_MONTHS.contains(&next_word().as_str())
        {
            return false;
        }
        let is_dotted = before.contains(&'.');
        if is_dotted || listed(AMBIGUOUS) {
            return self.starters.contains(next_word().as_str());
        }
        true
    }

    /// The word that ends right before `index` (a full stop), inner dots kept: "U.S", "z.B".
    fn word_before(&self, index: usize) -> &[char] {
        let mut start = index;
        while start > 0 && index - start < MAX_WORD_CHARS {
            match self.chars.get(start - 1) {
                Some(&c) if c.is_alphanumeric() || c == '.' => start -= 1,
                _ => break,
            }
        }
        self.chars.get(start..index).unwrap_or_default()
    }

    /// The run of letters starting at `index`.
    fn word_at(&self, index: usize) -> &[char] {
        let rest = self.chars.get(index..).unwrap_or_default();
        let letters = rest
            .iter()
            .take(MAX_WORD_CHARS)
            .take_while(|c| c.is_alphabetic())
            .count();
        rest.get(..letters).unwrap_or_default()
    }

    /// Adds the trimmed text of `start..end`, if any, copied from the text by its bytes
    /// (found from `cursor`) rather than spelled char by char.
    fn push(
        &self,
        sentences: &mut Vec<Sentence<'t>>,
        cursor: &mut ByteCursor,
        start: usize,
        end: usize,
    ) {
        let Some(span) = self.chars.get(start..end) else {
            return;
        };
        let Some(first) = span.iter().position(|c| !c.is_whitespace()) else {
            return;
        };
        let last = span
            .iter()
            .rposition(|c| !c.is_whitespace())
            .unwrap_or(first);
        let (from, to) = (start + first, start + last + 1);
        let bytes = cursor.byte_of(self.chars, from)..cursor.byte_of(self.chars, to);
        sentences.push(Sentence {
            text: self.text.get(bytes.clone()).unwrap_or_default(),
            start: from,
            end: to,
            bytes,
        });
    }
}

/// A char index of a text and its byte offset, walked forward: what is looked up comes in
/// text order (sentences, tokens), so finding where all of it starts and ends in the text's
/// bytes takes one walk over its chars.
#[derive(Default)]
pub struct ByteCursor {
    char_index: usize,
    byte: usize,
}

impl ByteCursor {
    /// The byte offset of char `index` of `chars` (the chars of the text); the cursor moves
    /// there (back to the start first when `index` is behind it).
    pub fn byte_of(&mut self, chars: &[char], index: usize) -> usize {
        if index < self.char_index {
            *self = ByteCursor::default();
        }
        let between = chars.get(self.char_index..index).unwrap_or_default();
        self.byte += between.iter().map(|c| c.len_utf8()).sum::<usize>();
        self.char_index = index;
        self.byte
    }
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇') || is_ideographic_terminator(c)
}

/// Chinese and Japanese sentence ends, which no space follows.
fn is_ideographic_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '」' | '』'
    )
}

fn is_opening_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '«'
            | '‹'
            | '('
            | '['
            | '「'
            | '『'
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '-'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_abbreviation_is_longer_than_the_longest_looked_up() {
        for word in TITLES.iter().chain(AMBIGUOUS) {
            assert!(word.chars().count() <= MAX_ABBREVIATION_CHARS, "{word}");
        }
    }

    fn texts(text: &str, lang: &str) -> Vec<String> {
        split_sentences(text, lang)
            .into_iter()
            .map(|s| s.text.to_string())
            .collect()
    }

    #[test]
    fn english_abbreviations_initials_and_decimals() {
        let text = "Mr. Lane met Dr. Ortiz at 9.30 a.m. on Jan. 4. J. R. Hale joined them. \
                    Prices rose 2.5% in the U.S. The board was not surprised.";
        assert_eq!(
            texts(text, "en"),
            [
                "Mr. Lane met Dr. Ortiz at 9.30 a.m. on Jan. 4.",
                "J. R. Hale joined them.",
                "Prices rose 2.5% in the U.S.",
                "The board was not surprised."
            ]
        );
    }

    #[test]
    fn sentences_ending_inside_quotes() {
        let text = "“We will build it,” she said. “Will it work?” he asked. “Yes.” Then silence.";
        assert_eq!(
            texts(text, "en"),
            [
                "“We will build it,” she said.",
                "“Will it work?” he asked.",
                "“Yes.”",
                "Then silence."
            ]
        );
    }

    #[test]
    fn russian_abbreviations() {
        let text =
            "В 1998 г. Он уехал в г. Тверь, т.е. на север. Там жил проф. Смирнов и др. Все знали.";
        assert_eq!(
            texts(text, "ru"),
            [
                "В 1998 г.",
                "Он уехал в г. Тверь, т.е. на север.",
                "Там жил проф. Смирнов и др.",
                "Все знали."
            ]
        );
    }

    #[test]
    fn german_abbreviations_and_ordinals() {
        let text = "Am 3. Oktober kam z.B. Herr Kunz bzw. seine Frau. Die Stadt feierte.";
        assert_eq!(
            texts(text, "de"),
            [
                "Am 3. Oktober kam z.B. Herr Kunz bzw. seine Frau.",
                "Die Stadt feierte."
            ]
        );
    }

    #[test]
    fn french_and_spanish() {
        assert_eq!(
            texts(
                "M. Durand est arrivé. « C'est fini », dit-il. Mme Roy sourit.",
                "fr"
            ),
            [
                "M. Durand est arrivé.",
                "« C'est fini », dit-il.",
                "Mme Roy sourit."
            ]
        );
        assert_eq!(
            texts("La Sra. Gómez llegó tarde. ¿Por qué? Nadie lo sabe.", "es"),
            ["La Sra. Gómez llegó tarde.", "¿Por qué?", "Nadie lo sabe."]
        );
    }

    #[test]
    fn portuguese() {
        assert_eq!(
            texts(
                "A Sra. Costa chegou às 9h. O Dr. Lima saiu. “Acabou”, disse ele.",
                "pt"
            ),
            [
                "A Sra. Costa chegou às 9h.",
                "O Dr. Lima saiu.",
                "“Acabou”, disse ele."
            ]
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_offsets_are_in_code_points() {
        let text = "Título sin punto\n  Él llegó. Ella también.";
        let sentences = split_sentences(text, "es");
        assert_eq!(sentences.len(), 3);
        let chars: Vec<char> = text.chars().collect();
        for sentence in &sentences {
            let slice: String = chars[sentence.start..sentence.end].iter().collect();
            assert_eq!(slice, sentence.text);
            assert_eq!(&text[sentence.bytes.clone()], sentence.text);
        }
        assert_eq!(sentences[1].start, 19);
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert!(split_sentences("", "en").is_empty());
        assert!(split_sentences(" \n\n ", "").is_empty());
        assert_eq!(texts("...", "en"), ["..."]);
        let dots = ".".repeat(100_000) + &"a.".repeat(100_000);
        assert!(!split_sentences(&dots, "en").is_empty());
        assert_eq!(texts("你好。世界！", "zh"), ["你好。", "世界！"]);
    }
}
