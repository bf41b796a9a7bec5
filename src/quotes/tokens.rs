//! Words and punctuation of a stretch of text, with char offsets.

use crate::text::is_alphanumeric;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub is_word: bool,
}

/// Splits `chars[from..to]` into tokens: words (letters and digits, with inner hyphens
/// and apostrophes, as in "Holtz-Eakin", "O’Brien", "don’t") and single punctuation chars.
pub fn tokenize(chars: &[char], from: usize, to: usize) -> Vec<Token> {
    let to = to.min(chars.len());
    // Sized for news text up front (a token per four or five chars: a word and its space,
    // punctuation): grown step by step, the vector is copied each time.
    let mut tokens = Vec::with_capacity(to.saturating_sub(from) / 4);
    let mut pos = from;
    while pos < to {
        let c = chars[pos];
        if c.is_whitespace() {
            pos += 1;
            continue;
        }
        if !is_alphanumeric(c) {
            tokens.push(Token {
                start: pos,
                end: pos + 1,
                is_word: false,
            });
            pos += 1;
            continue;
        }
        let start = pos;
        while pos < to {
            let here = chars[pos];
            let joins = matches!(here, '-' | '’' | '\'' | '.')
                && pos + 1 < to
                && is_alphanumeric(chars[pos + 1])
                && pos > start
                // "U.S" keeps its dots, but "Mr.Smith" typos are rare enough to ignore.
                && (here != '.' || chars[pos + 1].is_uppercase() && pos - start == 1);
            if is_alphanumeric(here) || joins {
                pos += 1;
            } else {
                break;
            }
        }
        tokens.push(Token {
            start,
            end: pos,
            is_word: true,
        });
    }
    tokens
}

/// "sagte der Papst.Der Bruder": a lowercase word of three letters or more, a period and
/// a capitalised word with no space between are two sentences glued together.
pub fn glued_sentence(chars: &[char], tokens: &[Token], period: usize) -> bool {
    let word = |i: usize| tokens.get(i).filter(|t| t.is_word);
    let before = period.checked_sub(1).and_then(word);
    let after = word(period + 1);
    let ends_lowercase = before.is_some_and(|t| {
        t.end - t.start >= 3 && chars.get(t.end - 1).is_some_and(|c| c.is_lowercase())
    });
    let opens_capital = after.is_some_and(|t| chars.get(t.start).is_some_and(|c| c.is_uppercase()));
    ends_lowercase && opens_capital
}

/// The token's text.
pub fn text_of(chars: &[char], token: &Token) -> String {
    chars
        .get(token.start..token.end)
        .unwrap_or(&[])
        .iter()
        .collect()
}

/// The text between two char offsets.
pub fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars
        .get(start..end.min(chars.len()))
        .unwrap_or(&[])
        .iter()
        .collect()
}

/// Lowercase for the scripts the cue lists cover (Latin, Cyrillic). Simpler than
/// `str::to_lowercase`, whose Unicode tables would weigh on the wasm for no gain here.
/// Borrowed when the word has no capital to lower (most words the lists are asked about:
/// a copy each was tens of thousands of allocations over the 181 AEB pages).
pub fn lowercase(word: &str) -> Cow<'_, str> {
    // Most words are ASCII: one copy lower-cased in place (same result).
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
    }
    if word.chars().all(|c| lowercase_char(c) == c) {
        return Cow::Borrowed(word);
    }
    // Lower-casing keeps each char's UTF-8 length: one allocation of the final size.
    let mut lower = String::with_capacity(word.len());
    for c in word.chars() {
        lower.push(lowercase_char(c));
    }
    Cow::Owned(lower)
}

/// The [`lowercase`] of a token's text, spelled at once (not spelled, then lower-cased).
pub fn lowercase_text_of(chars: &[char], token: &Token) -> String {
    chars
        .get(token.start..token.end)
        .unwrap_or(&[])
        .iter()
        .map(|&c| lowercase_char(c))
        .collect()
}

fn lowercase_char(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => code + 0x20,
        0x400..=0x40F => code + 0x50,
        // Latin Extended-A pairs capitals on even code points (Ā ā … Ž ž, with a shift).
        0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Words that end in a period without ending the sentence: "Mr.", "Sen.", "J.", "A.E.".
pub fn is_abbreviation_word(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Sen"
                | "Rep"
                | "Gov"
                | "St"
                | "Jr"
                | "Sr"
                | "Lt"
                | "Col"
                | "Gen"
                | "Sgt"
                | "Capt"
                | "Del"
                | "Adm"
                | "Amb"
                | "Atty"
                | "Rev"
                | "Prof"
                | "Ft"
                | "Mt"
                | "Sens"
                | "Reps"
                | "No"
                | "Inc"
                | "Corp"
                | "Co"
                | "U.S"
                | "U.N"
                | "U.K"
                | "D.C"
                | "M"
                | "Mme"
                | "Nr"
                | "Hr"
                | "Fr"
                | "bzw"
                | "ca"
                | "z.B"
                | "vs"
                | "Jan"
                | "Feb"
                | "Aug"
                | "Sept"
                | "Sep"
                | "Oct"
                | "Nov"
                | "Dec"
        )
}

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_latin_and_cyrillic() {
        assert_eq!(
            lowercase("ÄUSSERTE Şahin ЗАЯВИЛ Ёж"),
            "äusserte şahin заявил ёж"
        );
    }

    #[test]
    fn glued_sentences_but_not_initials() {
        let glued = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let tokens = tokenize(&chars, 0, chars.len());
            let period = tokens
                .iter()
                .position(|t| !t.is_word && chars[t.start] == '.')
                .unwrap();
            glued_sentence(&chars, &tokens, period)
        };
        assert!(glued("sagte der Papst.Der Bruder"));
        assert!(!glued("Jo Roe (D-Wis.)"));
        assert!(!glued("J.R. Roe"));
    }

    #[test]
    fn splits_words_and_punctuation() {
        let chars: Vec<char> = "Mr. Holtz-Eakin didn’t, U.S. said:".chars().collect();
        let words: Vec<String> = tokenize(&chars, 0, chars.len())
            .iter()
            .map(|t| text_of(&chars, t))
            .collect();
        assert_eq!(
            words,
            [
                "Mr",
                ".",
                "Holtz-Eakin",
                "didn’t",
                ",",
                "U.S",
                ".",
                "said",
                ":"
            ]
        );
    }
}
