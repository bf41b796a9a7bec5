//! Multilingual attribution cues: reporting verbs, "according to" phrases, pronouns and
//! the small words that sit between a speaker and a verb.
//!
//! Lists are short on purpose (the wasm must stay small); they hold the forms that news
//! prose actually uses around quotes.

use crate::text::hash::FastSet;
use std::sync::OnceLock;

/// What a cue tells about where the speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A reporting verb: the speaker is its subject ("X said", "said X").
    Verb,
    /// "according to X": the speaker follows.
    Source,
    /// "X zufolge": the speaker precedes, no verb.
    SourceAfter,
    /// German "„…“, so X": only right after a quote.
    So,
    /// "called it …", "described as …": only ever introduces a quoted fragment (mixed).
    Naming,
}

const EN_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "added",
    "adds",
    "adding",
    "noted",
    "notes",
    "noting",
    "told",
    "tells",
    "telling",
    "wrote",
    "writes",
    "writing",
    "argued",
    "argues",
    "arguing",
    "quipped",
    "insisted",
    "insists",
    "warned",
    "warns",
    "warning",
    "continued",
    "continues",
    "explained",
    "explains",
    "explaining",
    "asked",
    "asks",
    "replied",
    "replies",
    "stated",
    "states",
    "declared",
    "declares",
    "claimed",
    "claims",
    "claiming",
    "tweeted",
    "tweets",
    "responded",
    "responds",
    "recalled",
    "recalls",
    "concluded",
    "remarked",
    "acknowledged",
    "admitted",
    "admits",
    "announced",
    "observed",
    "suggested",
    "asserted",
    "contended",
    "complained",
    "countered",
    "joked",
    "predicted",
    "promised",
    "vowed",
    "urged",
    "conceded",
    "emphasized",
    "emphasised",
    "stressed",
    "posted",
    "shouted",
    "yelled",
    "testified",
    "cautioned",
    "boasted",
    "lamented",
    "recounted",
    "commented",
    "answered",
    "exclaimed",
    "pleaded",
    "reiterated",
    "mused",
    "pressed",
    "scoffed",
    "charged",
    "retorted",
    "interjected",
    "wondered",
    "speculated",
    "opined",
    "confirmed",
    "thundered",
    "reported",
    "reports",
    "wrote:",
    "chanted",
    "shot",
    "barked",
    "blogged",
    "explained",
    "maintained",
    "maintains",
    "insisted",
    "recalled",
    "chimed",
    "snapped",
    "warned",
    // Written and performed words: “…,” the sign read / he jokes, “…”
    "read",
    "reads",
    "jokes",
    "quips",
    "mocks",
    "mocked",
    "laughed",
    "sighed",
    "beamed",
    "assured",
    "remembered",
    "reacted",
    "agreed",
    "agrees",
    "remarking",
    "proclaimed",
    "stating",
    "exhorted",
    "boomed",
    "sang",
    "sings",
    "pointed",
    "points",
    "write",
    // Participles that report after a comma: "poked at him, tweeting, “…”".
    "asking",
    "tweeting",
    "declaring",
    "insisting",
    "joking",
    "replying",
    "responding",
];
const EN_SOURCES: &[&[&str]] = &[&["according", "to"]];
const EN_NAMING: &[&str] = &[
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "dubbed",
    "termed",
    "labeled",
    "labelled",
    "branded",
];

const DE_VERBS: &[&str] = &[
    "sagte",
    "sagt",
    "sagten",
    "sagen",
    "gesagt",
    "erklärte",
    "erklärt",
    "erklärten",
    "betonte",
    "betont",
    "meinte",
    "meint",
    "schrieb",
    "schreibt",
    "schrieben",
    "kritisierte",
    "warnte",
    "fügte",
    "äußerte",
    "antwortete",
    "fragte",
    "bekräftigte",
    "sprach",
    "sprachen",
    "spricht",
    "sprechen",
    "gesprochen",
    "rief",
    "riefen",
    "skandierte",
    "skandierten",
    "wies",
    "konstatierte",
    "prangerte",
    "prangerten",
    "rechtfertigte",
    "forderte",
    "ergänzte",
    "berichtete",
    "verkündete",
    "teilte",
    "kommentierte",
    "zitierte",
    "meldete",
    "versicherte",
    "unterstrich",
    "behauptete",
    "begründete",
    "lautete",
    "heißt",
    "hieß",
    "zitiert",
    "mahnte",
    "räumte",
    "stellte",
    "resümierte",
    "kündigte",
    "begründet",
    "führte",
    "würdigte",
    "erläuterte",
    "bestätigte",
    "beklagte",
    "lobte",
    "ergänzt",
    "fügt",
];
const DE_SOURCES: &[&[&str]] = &[&["laut"], &["nach", "angaben"]];
const DE_NAMING: &[&str] = &["nannte", "bezeichnete", "bezeichnet", "nennt"];

const RU_VERBS: &[&str] = &[
    "сказал",
    "сказала",
    "сказали",
    "заявил",
    "заявила",
    "заявили",
    "отметил",
    "отметила",
    "отметили",
    "добавил",
    "добавила",
    "подчеркнул",
    "подчеркнула",
    "сообщил",
    "сообщила",
    "пояснил",
    "пояснила",
    "написал",
    "написала",
    "говорит",
    "заметил",
    "заметила",
    "ответил",
    "ответила",
    "считает",
    "признал",
    "признала",
];
const RU_SOURCES: &[&[&str]] = &[&["по", "словам"], &["по", "мнению"]];

const FR_VERBS: &[&str] = &[
    "déclaré",
    "dit",
    "affirmé",
    "expliqué",
    "ajouté",
    "souligné",
    "estimé",
    "indiqué",
    "déclare",
    "affirme",
    "explique",
    "ajoute",
    "souligne",
    "estime",
    "indique",
    "précisé",
    "précise",
    "assuré",
    "assure",
    "confié",
    "raconté",
    "lancé",
    "martelé",
];
const FR_SOURCES: &[&[&str]] = &[&["selon"], &["d’après"], &["d'après"]];

const ES_VERBS: &[&str] = &[
    "dijo",
    "afirmó",
    "aseguró",
    "explicó",
    "añadió",
    "señaló",
    "declaró",
    "indicó",
    "manifestó",
    "sostuvo",
    "agregó",
    "comentó",
    "expresó",
    "advirtió",
    "dice",
    "afirma",
    "asegura",
    "explica",
    "subrayó",
    "destacó",
];
const ES_SOURCES: &[&[&str]] = &[&["según"], &["de", "acuerdo", "con"]];

const PT_VERBS: &[&str] = &[
    "disse",
    "afirmou",
    "declarou",
    "explicou",
    "acrescentou",
    "ressaltou",
    "destacou",
    "diz",
    "afirma",
    "disseram",
];
const PT_SOURCES: &[&[&str]] = &[&["segundo"], &["de", "acordo", "com"]];

/// One language's lists: code, verbs, source phrases, naming verbs.
type CueTable = (
    &'static str,
    &'static [&'static str],
    &'static [&'static [&'static str]],
    &'static [&'static str],
);

/// The cue lists of one language, or of all of them.
pub struct Cues {
    /// Hashed: every word around every quote is looked up (a scan of the lists each cost
    /// more than the rest of the cue search).
    verbs: FastSet<&'static str>,
    sources: Vec<&'static [&'static str]>,
    naming: FastSet<&'static str>,
    german: bool,
    english: bool,
}

impl Cues {
    /// Cues for `lang` (ISO 639-1); an unknown or empty code gets every language.
    pub fn for_lang(lang: &str) -> Cues {
        let code = super::tokens::lowercase(lang.get(..2).unwrap_or(lang));
        let all = !matches!(&*code, "en" | "de" | "ru" | "fr" | "es" | "pt");
        let wanted = |c: &str| all || code == c;
        let mut cues = Cues {
            verbs: FastSet::default(),
            sources: Vec::new(),
            naming: FastSet::default(),
            german: wanted("de"),
            english: wanted("en"),
        };
        let tables: [CueTable; 6] = [
            ("en", EN_VERBS, EN_SOURCES, EN_NAMING),
            ("de", DE_VERBS, DE_SOURCES, DE_NAMING),
            ("ru", RU_VERBS, RU_SOURCES, &[]),
            ("fr", FR_VERBS, FR_SOURCES, &[]),
            ("es", ES_VERBS, ES_SOURCES, &[]),
            ("pt", PT_VERBS, PT_SOURCES, &[]),
        ];
        for (code, verbs, sources, naming) in tables {
            if wanted(code) {
                cues.verbs.extend(verbs.iter().copied());
                cues.sources.extend_from_slice(sources);
                cues.naming.extend(naming.iter().copied());
            }
        }
        cues
    }

    /// True when the text is known to be German (not every language at once).
    pub fn german_only(&self) -> bool {
        self.german && !self.english
    }

    /// The cue starting at `words[index]` (lowercased words), with its length in words.
    pub fn at(&self, words: &[String], index: usize) -> Option<(CueClass, usize)> {
        let word = words.get(index)?.as_str();
        // "one of the states suing", "the reports": after a determiner it is a noun (but
        // French "a déclaré" has its auxiliary there).
        let noun = index
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| w != "a" && is_determiner(w));
        if self.verbs.contains(word) && !noun {
            return Some((CueClass::Verb, 1));
        }
        if self.naming.contains(word) {
            return Some((CueClass::Naming, 1));
        }
        // "As Jo Roe put it, “…”": "put" reports only with its "it".
        if self.english
            && matches!(word, "put" | "puts")
            && words.get(index + 1).is_some_and(|w| w == "it")
        {
            return Some((CueClass::Verb, 2));
        }
        // "He wanted to know, “…”": asking, in three words.
        if self.english
            && matches!(word, "wanted" | "wants")
            && words.get(index + 1).is_some_and(|w| w == "to")
            && words.get(index + 2).is_some_and(|w| w == "know")
        {
            return Some((CueClass::Verb, 3));
        }
        if self.german && word == "zufolge" {
            return Some((CueClass::SourceAfter, 1));
        }
        if self.german && word == "so" {
            return Some((CueClass::So, 1));
        }
        self.sources
            .iter()
            .find(|phrase| {
                phrase
                    .iter()
                    .enumerate()
                    .all(|(offset, part)| words.get(index + offset).is_some_and(|w| w == part))
            })
            .map(|phrase| (CueClass::Source, phrase.len()))
    }
}

/// A reporting verb of any supported language, as written in lowercase ("said",
/// "sagte"): the resolver's sign that a name next to it is someone speaking.
pub fn is_reporting_verb(word: &str) -> bool {
    // One hashed set of every language's verbs, built once: scanning the six lists for each
    // word near a name was a good part of the quote pass.
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        [EN_VERBS, DE_VERBS, RU_VERBS, FR_VERBS, ES_VERBS, PT_VERBS]
            .iter()
            .flat_map(|verbs| verbs.iter().copied())
            .collect()
    })
    .contains(word)
}

/// Personal pronouns that can be a speaker.
pub fn is_pronoun(word: &str) -> bool {
    matches!(
        &*super::tokens::lowercase(word),
        "he" | "she"
            | "they"
            | "we"
            | "i"
            | "it"
            | "er"
            | "sie"
            | "wir"
            | "ich"
            | "es"
            | "он"
            | "она"
            | "они"
            | "мы"
            | "я"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "nous"
            | "je"
            | "él"
            | "ella"
            | "ellos"
            | "ellas"
            | "ele"
            | "ela"
            | "eles"
            | "elas"
    )
}

/// Pronouns that stand for one person and can be resolved to a name.
pub fn is_personal_singular(word: &str) -> bool {
    matches!(
        &*super::tokens::lowercase(word),
        "he" | "she" | "er" | "sie" | "он" | "она" | "il" | "elle" | "él" | "ella" | "ele" | "ela"
    )
}

/// Words between a subject and its reporting verb ("he also said", "X has said").
pub fn is_verb_filler(word: &str) -> bool {
    matches!(
        &*super::tokens::lowercase(word),
        "also"
            | "later"
            | "then"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "once"
            | "previously"
            | "recently"
            | "again"
            | "further"
            | "simply"
            | "just"
            | "only"
            | "often"
            | "repeatedly"
            | "frequently"
            | "reportedly"
            | "even"
            | "never"
            | "always"
            | "now"
            | "earlier"
            | "flatly"
            | "a"
            | "hat"
            | "hatte"
            | "habe"
            | "auch"
            | "bereits"
            | "ebenfalls"
            | "noch"
            | "dann"
            | "später"
            | "также"
            | "уже"
            | "ha"
            | "había"
            | "tem"
            | "já"
    )
}

/// Words that open a noun phrase.
pub fn is_determiner(word: &str) -> bool {
    matches!(
        &*super::tokens::lowercase(word),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einer"
            | "sein"
            | "seine"
            | "ihr"
            | "ihre"
            | "le"
            | "la"
            | "les"
            | "l’"
            | "el"
            | "los"
            | "las"
            | "un"
            | "una"
            | "une"
            | "o"
            | "os"
            | "um"
            | "uma"
    )
}

/// Capitalised words that start sentences but are not names.
pub fn is_capitalized_function_word(word: &str) -> bool {
    matches!(
        word,
        "But"
            | "And"
            | "The"
            | "In"
            | "On"
            | "At"
            | "As"
            | "When"
            | "If"
            | "This"
            | "That"
            | "It"
            | "A"
            | "An"
            | "So"
            | "Yet"
            | "Or"
            | "For"
            | "After"
            | "Before"
            | "While"
            | "Asked"
            | "Speaking"
            | "Still"
            | "Then"
            | "Now"
            | "Later"
            | "Also"
            | "However"
            | "Meanwhile"
            | "Instead"
            | "Last"
            | "Earlier"
            | "Both"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "We"
            | "They"
            | "He"
            | "She"
            | "I"
            | "Der"
            | "Die"
            | "Das"
            | "Dazu"
            | "Auch"
            | "Doch"
            | "Aber"
            | "Und"
            | "Nach"
            | "Laut"
            | "Im"
            | "Am"
            | "Mit"
            | "Bei"
            | "Für"
            | "Wie"
            | "Er"
            | "Sie"
            | "Es"
            | "Ein"
            | "Eine"
            | "Le"
            | "La"
            | "Les"
            | "El"
            | "Los"
            | "Las"
            | "Но"
            | "И"
            | "В"
            | "According"
            | "Outside"
            | "Inside"
            | "Whether"
            | "Despite"
            | "Although"
            | "Because"
            | "Since"
            | "During"
            | "Among"
            | "Without"
            | "Until"
            | "Unlike"
            | "Any"
            | "Every"
            | "Each"
            | "Some"
            | "Many"
            | "Not"
            | "Thursday"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}
