//! Which sentences may appear in a summary at all: not captions, credits, bylines,
//! headings, calls to subscribe, donate or follow, questions to the reader, nor fragments.

use regex::Regex;
use std::sync::OnceLock;

/// Fewer words than this is a fragment (a dateline, a label, "Photo: AP.").
pub const MIN_WORDS: usize = 6;
/// More words than this is a run-on the splitter could not break (a list, a table row);
/// too long for a popup bullet anyway.
pub const MAX_WORDS: usize = 70;

/// Page furniture that ends up in article text, in the supported languages. `(?i)` and
/// `\b` need only the regex features the crate enables (`unicode-case`, `unicode-perl`).
const BOILERPLATE: &str = r"(?ix)
    \b(subscribe|subscription|sign\ up\ (for|to)|newsletter|donate|donation|click\ here|read\ more
      |share\ this|scroll\ down|download\ (our|the)\ app|all\ rights\ reserved|cookies
      |follow\ (us|me|him|her|them)\b|@\w{2,})
    | follow\b.{0,40}\bon\ (twitter|facebook|instagram|tiktok|x)\b
    | подпи[сш][а-я]*\ на|пожертв|поддержите|читайте\ также
    | abonnier|spende[nt]?\b|folgen\ sie
    | abonnez|abonner|faites\ un\ don|suivez-nous
    | suscr[ií]b|haz\ una\ donaci|síguenos
    | assine|inscreva-se|fa[çc]a\ uma\ doa|siga-nos";

/// Captions and credits: a photo label at the start, a position marker in brackets, a credit.
const CAPTION: &str = r"(?ix)
    ^(pictured|photo(graph)?|picture|image|video|file\ photo|caption|image\ caption|media\ caption
      |image\ copyright|getty\ images|watch|listen|foto|bild|фото|видео)\b
    | \((pictured|file\ photo|left|right|centre|center|above|below|top|bottom|inset|l|r|front|back)\b
    | \b(photo|picture|image|foto)s?(\ credit)?\s*:
    | ©";

/// A byline: "By Jane Roe and John Doe, Staff Reporter".
/// (Capitals are spelled out: `\p{Lu}` would need regex's `unicode-gencat` feature.)
const BYLINE: &str = r"^(?i:by|von|par|por|de|автор)\s+[A-ZÀ-ÖØ-ÞА-ЯЁ]\w+(\s+[A-ZÀ-ÖØ-ÞА-ЯЁ]\w*\.?)+\s*(,|$|\sand\s|\sund\s|\set\s|\sy\s|\se\s)";

struct Patterns {
    boilerplate: Regex,
    caption: Regex,
    byline: Regex,
}

/// Compiled once: summarising must stay well under 10 ms and compiling is the costly part.
fn patterns() -> Option<&'static Patterns> {
    static PATTERNS: OnceLock<Option<Patterns>> = OnceLock::new();
    PATTERNS
        .get_or_init(|| {
            Some(Patterns {
                boilerplate: Regex::new(BOILERPLATE).ok()?,
                caption: Regex::new(CAPTION).ok()?,
                byline: Regex::new(BYLINE).ok()?,
            })
        })
        .as_ref()
}

/// Whether `sentence` (with `word_count` words) could be a summary sentence.
pub fn is_summary_worthy(sentence: &str, word_count: usize) -> bool {
    if !(MIN_WORDS..=MAX_WORDS).contains(&word_count) {
        return false;
    }
    if !ends_like_a_statement(sentence) || starts_lowercase(sentence) {
        return false;
    }
    match patterns() {
        Some(patterns) => {
            !patterns.boilerplate.is_match(sentence)
                && !patterns.caption.is_match(sentence)
                && !patterns.byline.is_match(sentence)
        }
        // Unreachable with the constant patterns above; without them, keep the sentence.
        None => true,
    }
}

/// A statement ends with a full stop or "!" (closing quotes aside); headings, bylines and
/// datelines do not, and a question is addressed to the reader or is a quote out of context.
fn ends_like_a_statement(sentence: &str) -> bool {
    let last = sentence
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']'));
    matches!(last, Some('.' | '!' | '…' | '。' | '！'))
}

/// A sentence that starts in lower case is the tail of a broken sentence.
fn starts_lowercase(sentence: &str) -> bool {
    sentence
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        assert!(patterns().is_some());
    }

    fn worthy(sentence: &str) -> bool {
        is_summary_worthy(sentence, sentence.split_whitespace().count())
    }

    #[test]
    fn keeps_plain_statements() {
        assert!(worthy(
            "The harbour authority approved the new ferry terminal on Monday."
        ));
        assert!(worthy(
            "“We expect the first boats in spring,” the director said."
        ));
        assert!(worthy(
            "By the time the vote was held, most members had left the hall."
        ));
    }

    #[test]
    fn drops_furniture_questions_and_fragments() {
        let rejected = [
            "Subscribe to our newsletter for the latest stories from the harbour.",
            "Please donate today so that our reporters can keep doing this work.",
            "Follow our harbour reporter on Twitter for live updates all day.",
            "The new terminal building seen from the water (pictured) last week.",
            "Photo: the new terminal building seen from the water at dawn.",
            "By Jane Roe and Tom Doe, Harbour Correspondents.",
            "What would you do if your ferry were cancelled tomorrow morning?",
            "HARBOUR CITY, Monday",
            "Too short to say much.",
            "and then the meeting went on for another hour and a half.",
            "Подпишитесь на наш канал, чтобы не пропустить новости гавани.",
        ];
        for sentence in rejected {
            assert!(!worthy(sentence), "{sentence}");
        }
        assert!(!worthy(&"word ".repeat(100)));
    }
}
