//! Words and punctuation of a stretch of text, with char offsets.

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
    let mut tokens = Vec::new();
    let mut pos = from;
    while pos < to {
        let c = chars[pos];
        if c.is_whitespace() {
            pos += 1;
            continue;
        }
        if !c.is_alphanumeric() {
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
                && chars[pos + 1].is_alphanumeric()
                && pos > start
                // "U.S" keeps its dots, but "Mr.Smith" typos are rare enough to ignore.
                && (here != '.' || chars[pos + 1].is_uppercase() && pos - start == 1);
            if here.is_alphanumeric() || joins {
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

/// Words that end in a period without ending the sentence: "Mr.", "Sen.", "J.".
pub fn is_abbreviation_word(word: &str) -> bool {
    word.chars().count() == 1 && word.chars().all(char::is_uppercase)
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
