//! Which sentences may appear in a summary at all: not captions, credits, bylines,
//! headings, calls to subscribe, donate or follow, questions to the reader, nor fragments.

use crate::text::{starts_word, PhraseIndex};
use std::sync::OnceLock;

/// Fewer words than this is a fragment (a dateline, a label, "Photo: AP.").
pub const MIN_WORDS: usize = 6;
/// More words than this is a run-on the splitter could not break (a list, a table row);
/// too long for a popup bullet anyway.
pub const MAX_WORDS: usize = 70;

// The phrase lists below are matched by hand (lower-cased substring at a word start), not
// with `regex`: the crate is built without its `perf` features to keep the wasm small, and
// its PikeVM took ~0.3 ms per sentence on these alternations (measured), 100× this.

/// Calls to action and page furniture that end up in article text.
const BOILERPLATE: &[&str] = &[
    "subscribe to",
    "subscribe now",
    "subscribe today",
    "subscribe for",
    "subscribers only",
    "sign up for",
    "sign up to",
    "newsletter",
    "please donate",
    "donate now",
    "donate today",
    "make a donation",
    "support our journalism",
    "click here",
    "read more",
    "share this",
    "scroll down",
    "download our app",
    "download the app",
    "all rights reserved",
    "we use cookies",
    "cookie policy",
    "follow us",
    "follow me on",
    "like us on facebook",
    "подпишитесь",
    "подписывайтесь",
    "пожертвуйте",
    "поддержите нас",
    "читайте также",
    "abonnieren sie",
    "jetzt abonnieren",
    "spenden sie",
    "jetzt spenden",
    "folgen sie uns",
    "abonnez-vous",
    "faites un don",
    "suivez-nous",
    "lire aussi",
    "suscríbete",
    "suscribete",
    "haz una donación",
    "síguenos",
    "lee también",
    "assine",
    "inscreva-se",
    "faça uma doação",
    "siga-nos",
    "leia também",
];

/// Social networks, for "follow … on X".
const NETWORKS: &[&str] = &[
    " on twitter",
    " on facebook",
    " on instagram",
    " on tiktok",
    " on x",
];

/// Words that open a caption or a media label.
const CAPTION_OPENERS: &[&str] = &[
    "pictured",
    "photo",
    "photograph",
    "picture",
    "image",
    "video",
    "file photo",
    "caption",
    "media caption",
    "image copyright",
    "getty images",
    "watch",
    "listen",
    "foto",
    "bild",
    "фото",
    "видео",
];

/// Position markers in captions: "(pictured)", "(left)", "(centre, with a dog)".
const CAPTION_MARKERS: &[&str] = &[
    "pictured",
    "file photo",
    "left",
    "right",
    "centre",
    "center",
    "above",
    "below",
    "top",
    "bottom",
    "inset",
    "l",
    "r",
    "front",
    "back",
];

/// Credits: "Photo: …", "Image credit: …", "©".
const CREDITS: &[&str] = &[
    "photo:",
    "photos:",
    "picture:",
    "image:",
    "photo credit:",
    "image credit:",
    "foto:",
    "©",
];

/// Words that open a byline, and the words that join the names in it.
const BYLINE_OPENERS: &[&str] = &["by", "von", "par", "por", "de", "автор"];
const NAME_JOINERS: &[&str] = &["and", "und", "et", "y", "e", "и", "&"];

/// Whether `sentence` (with `word_count` words) could be a summary sentence.
pub fn is_summary_worthy(sentence: &str, word_count: usize) -> bool {
    has_summary_shape(sentence, word_count)
        && has_summary_content(sentence, &crate::text::lowercase(sentence))
}

/// The cheap half of [`is_summary_worthy`], read on the sentence as written: a statement
/// of a sensible length that does not start in lower case.
pub fn has_summary_shape(sentence: &str, word_count: usize) -> bool {
    (MIN_WORDS..=MAX_WORDS).contains(&word_count)
        && ends_like_a_statement(sentence)
        && !starts_lowercase(sentence)
}

/// The other half of [`is_summary_worthy`]: no call to action, caption, credit or byline.
/// `lower` is the sentence's `text::lowercase`, which the summary reads the words of too.
pub fn has_summary_content(sentence: &str, lower: &str) -> bool {
    !is_furniture(lower) && !is_caption(lower) && !is_byline(sentence, lower)
}

/// [`BOILERPLATE`], then [`CREDITS`], then "follow", in one index: one pass over a sentence
/// finds them all (a search per phrase cost more than the rest of the summary).
fn furniture_index() -> &'static PhraseIndex {
    static INDEX: OnceLock<PhraseIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let lists = [BOILERPLATE, CREDITS, &["follow"]];
        PhraseIndex::new(lists.into_iter().flatten().copied())
    })
}

/// A call to action, page furniture or a credit ("Photo: …") where a word starts, a
/// "follow … on X", or a social-media handle.
fn is_furniture(lower: &str) -> bool {
    let furniture_entries = BOILERPLATE.len() + CREDITS.len();
    let mut furniture = false;
    let mut follow = false;
    furniture_index().scan(lower, |at, _, entry| {
        if starts_word(lower, at) {
            if entry < furniture_entries {
                furniture = true;
            } else {
                follow = true;
            }
        }
        !furniture
    });
    furniture
        || (follow && NETWORKS.iter().any(|network| ends_word(lower, network)))
        || has_handle(lower)
}

fn is_caption(lower: &str) -> bool {
    let opens_with_label = CAPTION_OPENERS.iter().any(|opener| {
        lower.strip_prefix(opener).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || matches!(c, ':' | ',' | '.'))
        })
    });
    // "(pictured" opens a caption's marker whatever follows it ("(pictured above)").
    let has_marker = lower.match_indices('(').any(|(at, _)| {
        let inside = lower.get(at + 1..).unwrap_or("");
        inside.starts_with("pictured")
            || CAPTION_MARKERS.iter().any(|marker| {
                inside
                    .strip_prefix(marker)
                    .is_some_and(|rest| rest.starts_with([')', ',']))
            })
    });
    opens_with_label || has_marker
}

/// "By Jane Roe and Tom Doe, Staff Reporters": an opener, then only capitalised names and
/// joiners up to the first comma, with at least two names.
/// `lower` is the sentence's `text::lowercase`, which keeps every char where it is: its
/// first word is the lower case of the sentence's.
fn is_byline(sentence: &str, lower: &str) -> bool {
    let opens = words_of_head(lower)
        .next()
        .is_some_and(|first| BYLINE_OPENERS.contains(&first));
    if !opens {
        return false;
    }
    let mut words = words_of_head(sentence);
    words.next();
    let mut names = 0;
    for word in words {
        if NAME_JOINERS.contains(&word) {
            continue;
        }
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        names += 1;
    }
    names >= 2
}

/// The words of a sentence's head: up to its first comma, without a closing period.
fn words_of_head(text: &str) -> std::str::SplitWhitespace<'_> {
    let head = text.split(',').next().unwrap_or("");
    head.trim_end_matches(|c: char| c == '.' || c.is_whitespace())
        .split_whitespace()
}

/// Whether `phrase` occurs in `text` followed by a word end.
fn ends_word(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        text.get(at + phrase.len()..)
            .and_then(|after| after.chars().next())
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A social-media handle: "@" then two letters or digits.
fn has_handle(text: &str) -> bool {
    text.match_indices('@').any(|(at, _)| {
        text.get(at + 1..).is_some_and(|after| {
            after
                .chars()
                .take(2)
                .filter(|c| c.is_alphanumeric())
                .count()
                == 2
        })
    })
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
        assert!(worthy(
            "The mayor donated her salary and followed the debate on television."
        ));
    }

    #[test]
    fn drops_furniture_questions_and_fragments() {
        let rejected = [
            "Subscribe to our newsletter for the latest stories from the harbour.",
            "Please donate today so that our reporters can keep doing this work.",
            "Questions? Write to the harbour desk at @harbourdesk any time.",
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
