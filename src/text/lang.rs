//! Language detection: the writing system first, then stop-word votes among the languages
//! that share it.
//!
//! Why not `whatlang`: measured on the wasm-release build it adds ~70 KB gzipped (its trigram
//! tables for 69 languages) to a module that must stay under 250 KB; the summariser only
//! needs to tell apart the languages it has stop words and stemmers for. Function words
//! separate those reliably on a paragraph or more of text.

use super::hash::FastMap;
use super::words::{for_each_word, stop_words, SUPPORTED_LANGUAGES};
use std::sync::OnceLock;

/// Enough text to decide; reading more only costs time.
const SAMPLE_CHARS: usize = 20_000;
/// Below this many stop-word votes the text is too short or not in a known language.
const MIN_VOTES: f64 = 2.0;
/// The winner's votes must be at least this share of all words in its script.
const MIN_VOTE_SHARE: f64 = 0.08;

#[derive(Default)]
struct ScriptCounts {
    latin: usize,
    cyrillic: usize,
    ukrainian_only: usize,
    greek: usize,
    arabic: usize,
    hebrew: usize,
    han: usize,
    kana: usize,
    hangul: usize,
    devanagari: usize,
    thai: usize,
}

impl ScriptCounts {
    fn of(sample: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        for c in sample.chars().filter(|c| c.is_alphabetic()) {
            match c {
                'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => counts.latin += 1,
                'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                    counts.cyrillic += 1;
                    counts.ukrainian_only += 1;
                }
                '\u{0400}'..='\u{04FF}' => counts.cyrillic += 1,
                '\u{0370}'..='\u{03FF}' => counts.greek += 1,
                '\u{0600}'..='\u{06FF}' => counts.arabic += 1,
                '\u{0590}'..='\u{05FF}' => counts.hebrew += 1,
                '\u{3040}'..='\u{30FF}' => counts.kana += 1,
                '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => counts.han += 1,
                '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => counts.hangul += 1,
                '\u{0900}'..='\u{097F}' => counts.devanagari += 1,
                '\u{0E00}'..='\u{0E7F}' => counts.thai += 1,
                _ => {}
            }
        }
        counts
    }

    /// The language a non-Latin, non-Cyrillic script settles by itself, if it dominates.
    fn language_of_script(&self) -> Option<&'static str> {
        // Japanese mixes kana with Han; any real share of kana means Japanese.
        let japanese = if self.kana * 10 >= self.han {
            self.han + self.kana
        } else {
            0
        };
        let chinese = if japanese == 0 { self.han } else { 0 };
        let candidates = [
            (self.greek, "el"),
            (self.arabic, "ar"),
            (self.hebrew, "he"),
            (japanese, "ja"),
            (chinese, "zh"),
            (self.hangul, "ko"),
            (self.devanagari, "hi"),
            (self.thai, "th"),
        ];
        let (count, lang) = candidates.into_iter().max_by_key(|(count, _)| *count)?;
        (count > self.latin.max(self.cyrillic)).then_some(lang)
    }
}

/// The ISO 639-1 code of the language `text` is written in, or "" when unsure.
/// Decides en, ru, uk, de, fr, es, pt and, by script alone, el, ar, he, ja, zh, ko, hi, th.
pub fn detect_language(text: &str) -> &'static str {
    let sample = sample_of(text);
    let scripts = ScriptCounts::of(sample);
    if let Some(lang) = scripts.language_of_script() {
        return lang;
    }
    if scripts.cyrillic > scripts.latin {
        // Ukrainian has letters Russian lacks; a few of them settle it.
        if scripts.ukrainian_only * 100 >= scripts.cyrillic {
            return "uk";
        }
        return vote(sample, &["ru"]);
    }
    vote(sample, &["en", "de", "fr", "es", "pt"])
}

/// Every stop word of the supported languages, with the languages whose list holds it as
/// bits (bit `i` for `SUPPORTED_LANGUAGES[i]`): a word is looked up once, not once per list.
fn stop_word_languages() -> &'static FastMap<&'static str, u8> {
    static MAP: OnceLock<FastMap<&'static str, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: FastMap<&'static str, u8> = FastMap::default();
        for (index, &lang) in SUPPORTED_LANGUAGES.iter().enumerate() {
            for &word in stop_words(lang) {
                *map.entry(word).or_insert(0) |= 1 << index;
            }
        }
        map
    })
}

/// The start of `text`, cut at a character boundary.
fn sample_of(text: &str) -> &str {
    match text.char_indices().nth(SAMPLE_CHARS) {
        Some((byte, _)) => text.get(..byte).unwrap_or(text),
        None => text,
    }
}

/// Each word votes for the candidate languages whose stop words contain it, its vote split
/// among them (Spanish and Portuguese share "de", "que", "a"…); the best-voted language wins
/// if it has enough votes.
fn vote(sample: &str, candidates: &[&'static str]) -> &'static str {
    // Each candidate with its bit in `stop_word_languages`.
    let lists: Vec<(&'static str, u8)> = candidates
        .iter()
        .filter_map(|&lang| {
            let supported = SUPPORTED_LANGUAGES.iter().position(|&l| l == lang)?;
            Some((lang, 1u8 << supported))
        })
        .collect();
    let languages_of = stop_word_languages();
    let mut votes = vec![0.0_f64; lists.len()];
    let mut total_words = 0usize;
    // Each word lower-cased into one reused buffer and looked up once, the candidates
    // holding it as bits: no string or list made per word.
    for_each_word(sample, |word| {
        total_words += 1;
        let languages = languages_of.get(word).copied().unwrap_or(0);
        let held = lists
            .iter()
            .enumerate()
            .filter(|(_, (_, bit))| languages & bit != 0)
            .fold(0u32, |held, (index, _)| held | 1 << index);
        let share = 1.0 / held.count_ones() as f64;
        for (index, vote) in votes.iter_mut().enumerate() {
            if held & 1 << index != 0 {
                *vote += share;
            }
        }
    });
    let best = votes
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(index, &count)| (index, count));
    match best {
        Some((index, count))
            if count >= MIN_VOTES && count >= MIN_VOTE_SHARE * total_words as f64 =>
        {
            lists.get(index).map(|(lang, _)| *lang).unwrap_or("")
        }
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_supported_languages() {
        let samples = [
            ("The council said that the new bridge would be open to traffic by the end of the year.", "en"),
            ("Der Stadtrat sagte, dass die neue Brücke bis zum Ende des Jahres für den Verkehr geöffnet wird.", "de"),
            ("Le conseil a déclaré que le nouveau pont serait ouvert à la circulation avant la fin de l'année.", "fr"),
            ("El consejo dijo que el nuevo puente estará abierto al tráfico antes del final del año.", "es"),
            ("O conselho disse que a nova ponte estará aberta ao trânsito até o final do ano.", "pt"),
            ("Совет заявил, что новый мост будет открыт для движения до конца года.", "ru"),
            ("Рада заявила, що новий міст буде відкрито для руху до кінця року.", "uk"),
            ("市议会表示，新桥将在年底前通车。", "zh"),
            ("市議会は、新しい橋が年末までに開通すると発表した。", "ja"),
            ("Το συμβούλιο είπε ότι η νέα γέφυρα θα ανοίξει μέχρι το τέλος του έτους.", "el"),
        ];
        for (text, lang) in samples {
            assert_eq!(detect_language(text), lang, "{text}");
        }
    }

    #[test]
    fn unsure_on_too_little_or_unknown_text() {
        assert_eq!(detect_language(""), "");
        assert_eq!(detect_language("12 345 — !!"), "");
        assert_eq!(detect_language("Xylophone"), "");
        assert_eq!(
            detect_language("Kaupunginvaltuusto sanoi uuden sillan avautuvan"),
            ""
        );
    }

    #[test]
    fn long_text_is_sampled() {
        let text = "Die Katze und der Hund sind in dem Haus. ".repeat(50_000);
        assert_eq!(detect_language(&text), "de");
    }
}
