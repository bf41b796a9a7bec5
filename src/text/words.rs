//! Words, stop words and stems.
//!
//! Stop-word lists are hand-written and short on purpose (the most frequent function words
//! of each language): they serve sentence similarity and language detection, where the top
//! hundred words do nearly all the work, and every byte ends up in the extension's wasm.

use super::hash::FastSet;
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The languages with a stop-word list and a stemmer.
pub const SUPPORTED_LANGUAGES: [&str; 6] = ["en", "ru", "de", "fr", "es", "pt"];

const EN: &str = "a about after again against all also am an and any are as at be because been before \
being between both but by can could did do does doing down during each few for from further had has have \
having he her here hers herself him himself his how i if in into is it its itself just me more most my \
myself no nor not now of off on once only or other our ours ourselves out over own same she should so \
some such than that the their theirs them themselves then there these they this those through to too \
under until up very was we were what when where which while who whom why will with would you your yours \
yourself yourselves said says say one two also its it's don't i'm he's she's we're they're";

const RU: &str = "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по \
только ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть \
был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы \
тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой \
совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец \
два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем \
хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также \
которые который которая которых заявил сказал году";

const DE: &str = "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer \
anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das \
dass daß derselbe dich dir du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen \
einer eines einig einige er es etwas euer eure für gegen gewesen hab habe haben hat hatte hatten hier hin \
hinter ich ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jetzt \
kann kein keine können könnte machen man manche mein meine mich mir mit muss musste nach nicht nichts noch \
nun nur ob oder ohne sehr sein seine seinem seinen seiner sich sie sind so solche soll sollte sondern \
sonst über um und uns unser unter viel vom von vor war waren warum was weil welche wenn werde werden wie \
wieder will wir wird wirst wo wollen wurde wurden zu zum zur zwar zwischen sagte";

const FR: &str = "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais \
me même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu \
un une vos votre vous c d j l à m n s t y été étée étaient était étant suis es est sommes êtes sont serai \
sera seront serait ai as avons avez ont avait avaient eu cette cet plus aussi comme tout tous toutes bien \
sans sous entre après avant depuis fait faire selon dont où alors donc encore très peut déjà a été contre \
leurs ainsi";

const ES: &str = "de la que el en y a los del se las por un para con no una su al lo como más pero sus \
le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos \
durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras \
otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis \
tú te ti tu tus ellas es son fue han ha ser está están era sido tiene tienen dijo según tras cada";

const PT: &str = "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi \
ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era \
depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num nem suas meu às minha \
têm numa pelos elas havia seja qual será nós tenho lhe deles essas esses pelas este fosse dele são \
disse segundo após sobre ainda então onde cada";

fn list_for(lang: &str) -> Option<&'static str> {
    match lang {
        "en" => Some(EN),
        "ru" => Some(RU),
        "de" => Some(DE),
        "fr" => Some(FR),
        "es" => Some(ES),
        "pt" => Some(PT),
        _ => None,
    }
}

/// The stop words of one language, as a set (empty for a language without a list). Built
/// once per instance: language detection, sentence splitting and the summary each ask.
pub fn stop_words(lang: &str) -> &'static FastSet<&'static str> {
    static SETS: OnceLock<Vec<FastSet<&'static str>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        SUPPORTED_LANGUAGES
            .iter()
            .map(|&lang| {
                list_for(lang)
                    .map(|list| list.split_whitespace().collect())
                    .unwrap_or_default()
            })
            .collect()
    });
    static EMPTY: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SUPPORTED_LANGUAGES
        .iter()
        .position(|&supported| supported == lang)
        .and_then(|at| sets.get(at))
        .unwrap_or_else(|| EMPTY.get_or_init(FastSet::default))
}

/// `char::is_alphanumeric` with shortcuts for what news text is made of — ASCII, the
/// letters of Latin-1 and Latin Extended-A/B, Cyrillic letters, and the General Punctuation
/// block (U+2000–U+206F: dashes, curly quotes, spaces; none a letter or digit): the full
/// test is a table search, costly in V8's baseline wasm tier.
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{D7}' | '\u{F7}' => false,
        '\u{C0}'..='\u{24F}' | '\u{400}'..='\u{481}' | '\u{48A}'..='\u{52F}' => true,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Lower-cased words of `text`: runs of letters and digits, with an apostrophe kept inside
/// a word (`don't`, `l'homme` stays one token so French elision does not leak `l`).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    words_as_written(text).map(lowercase)
}

/// Calls `found` with each word of [`words`], lower-cased into one reused buffer rather than
/// a string each (the summary reads every word of the article): a caller meeting the same
/// word again can reuse what it made of it.
pub fn for_each_word(text: &str, mut found: impl FnMut(&str)) {
    let mut word = String::new();
    for raw in words_as_written(text) {
        word.clear();
        push_lowercase(raw, &mut word);
        found(&word);
    }
}

/// The words of [`words`] as written, before lower-casing: of a text lower-cased already
/// ([`lowercase`], which keeps every letter a letter), the words of [`words`] themselves,
/// with no copy each.
pub fn words_as_written(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !(is_alphanumeric(c) || is_inner_apostrophe(c)))
        .map(|word| word.trim_matches(is_inner_apostrophe))
        .filter(|word| !word.is_empty())
}

/// Lower-cases the letters of the scripts the summariser reads: Latin (ASCII, Latin-1,
/// Latin Extended-A), Greek and Cyrillic; other characters are kept as they are.
/// Why not `str::to_lowercase`: its full Unicode tables made up a good part of what this
/// module added to the wasm, for scripts whose case no rule here depends on.
pub fn lowercase(text: &str) -> String {
    // Lower-casing keeps each char's UTF-8 length: one allocation of the final size.
    let mut lower = String::with_capacity(text.len());
    push_lowercase(text, &mut lower);
    lower
}

/// The [`lowercase`] of the text of `chars`, spelled lower-case at once.
pub fn lowercase_chars(chars: &[char]) -> String {
    chars.iter().map(|&c| lower_char(c)).collect()
}

/// Appends the [`lowercase`] of `text` to `out`.
fn push_lowercase(text: &str, out: &mut String) {
    // Runs of ASCII (most words, and most of a sentence with curly quotes or accented
    // letters in it) are copied whole and lower-cased in place rather than rebuilt char
    // by char (same result); only the other chars go one by one.
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, after) = rest.split_at(ascii);
        let start = out.len();
        out.push_str(run);
        if let Some(copy) = out.get_mut(start..) {
            copy.make_ascii_lowercase();
        }
        let mut chars = after.chars();
        if let Some(c) = chars.next() {
            out.push(lower_char(c));
        }
        rest = chars.as_str();
    }
}

fn lower_char(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        // Latin Extended-A: upper case at even code points here, odd ones there.
        0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x391..=0x3A1 | 0x3A3..=0x3AB => code + 0x20,
        0x410..=0x42F => code + 0x20,
        0x400..=0x40F => code + 0x50,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

fn is_inner_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Reduces words to their Snowball stems for one language and drops stop words — the
/// "content terms" that sentence similarity is computed over.
pub struct TermAnalyzer {
    stemmer: Option<Stemmer>,
    stop_words: &'static FastSet<&'static str>,
}

impl TermAnalyzer {
    pub fn new(lang: &str) -> TermAnalyzer {
        TermAnalyzer {
            stemmer: algorithm_for(lang).map(Stemmer::create),
            stop_words: stop_words(lang),
        }
    }

    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// The stem of a lower-cased word (the word itself for a language without a stemmer),
    /// borrowed from it when it is the word itself (no copy made).
    pub fn stem<'w>(&self, word: &'w str) -> Cow<'w, str> {
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(word),
            None => Cow::Borrowed(word),
        }
    }

    /// Stemmed content words of `text`, in order: stop words, one-letter words and pure
    /// numbers are left out because they say nothing about what a sentence is about.
    pub fn content_terms(&self, text: &str) -> Vec<String> {
        let mut terms = Vec::new();
        self.for_each_content_word(text, |word| terms.push(self.term_of(word).into_owned()));
        terms
    }

    /// Calls `found` with each lower-cased word of `text` that
    /// [`TermAnalyzer::content_terms`] keeps, before stemming.
    pub fn for_each_content_word(&self, text: &str, mut found: impl FnMut(&str)) {
        for_each_word(text, |word| {
            if self.is_content_word(word) {
                found(word);
            }
        });
    }

    /// Whether [`TermAnalyzer::content_terms`] keeps the lower-cased `word`: stop words,
    /// one-letter words and pure numbers say nothing about what a sentence is about.
    pub fn is_content_word(&self, word: &str) -> bool {
        word.chars().count() > 1
            && !word.chars().all(|c| c.is_ascii_digit())
            && !self.is_stop_word(word)
    }

    /// The term of a content word: its stem, with typographic apostrophes made plain.
    pub fn term_of<'w>(&self, word: &'w str) -> Cow<'w, str> {
        // An ASCII word has no typographic apostrophe: no search for it.
        if !word.is_ascii() && word.contains('’') {
            Cow::Owned(self.stem(&word.replace('’', "'")).into_owned())
        } else {
            self.stem(word)
        }
    }
}

fn algorithm_for(lang: &str) -> Option<Algorithm> {
    match lang {
        "en" => Some(Algorithm::English),
        "ru" => Some(Algorithm::Russian),
        "de" => Some(Algorithm::German),
        "fr" => Some(Algorithm::French),
        "es" => Some(Algorithm::Spanish),
        "pt" => Some(Algorithm::Portuguese),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_and_keep_inner_apostrophes() {
        let found: Vec<String> = words("Don't stop — the 'Big' Café, 2024!").collect();
        assert_eq!(found, ["don't", "stop", "the", "big", "café", "2024"]);
    }

    #[test]
    fn lowercases_latin_greek_and_cyrillic() {
        assert_eq!(
            lowercase("ÀÉÎÕÜ ĄČĘŁŃŽ ΑΒΓΣ АБВЁЯ Straße 東京"),
            "àéîõü ąčęłńž αβγσ абвёя straße 東京"
        );
        for c in ('\0'..='\u{4FF}').filter(|c| c.is_uppercase()) {
            let ours = lower_char(c);
            // The summary reads a sentence's bytes in the lower-cased text.
            assert_eq!(ours.len_utf8(), c.len_utf8(), "{c}");
            let std: Vec<char> = c.to_lowercase().collect();
            if std.len() == 1 && ours != c {
                assert_eq!(ours, std[0], "{c}");
            }
        }
    }

    #[test]
    fn content_terms_are_stemmed_without_stop_words() {
        let english = TermAnalyzer::new("en");
        assert_eq!(
            english.content_terms("The ministers were running the meetings"),
            ["minist", "run", "meet"]
        );
        let russian = TermAnalyzer::new("ru");
        assert_eq!(russian.content_terms("и новые школы"), ["нов", "школ"]);
        let unknown = TermAnalyzer::new("");
        assert_eq!(unknown.content_terms("a Xyz 12"), ["xyz"]);
    }

    #[test]
    fn the_shortcut_alphanumeric_test_agrees_with_the_full_one() {
        for c in ('\0'..='\u{2FFF}').chain(['\u{FF10}', '\u{1F600}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn every_supported_language_has_stop_words() {
        for lang in SUPPORTED_LANGUAGES {
            assert!(stop_words(lang).len() > 50, "{lang}");
        }
        assert!(stop_words("zz").is_empty());
    }
}
