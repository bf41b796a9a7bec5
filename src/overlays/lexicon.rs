//! The multilingual phrase lexicon (English, Russian, German, French, Spanish, Portuguese).
//!
//! Plain phrases, matched at word starts through a first-character table, instead of
//! regular expressions: the regex crate would add well over 100 KB (gzipped) to the wasm
//! for what is a list of literals. A phrase ending in `*` matches as a prefix ("donat*":
//! donate, donation); any other phrase must end at a word boundary. Text is lowercased and
//! apostrophes straightened first (see `intent::normalise`).

use super::Category;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const DONATION: &[&str] = &[
    "donat*",
    "support us",
    "support our journalism",
    "support our work",
    "support our reporting",
    "support our newsroom",
    "support our mission",
    "support independent journalism",
    "make a contribution",
    "make a donation",
    "make a gift",
    "contribute",
    "become a member",
    "become a supporter",
    "become a patron",
    "become a sustaining member",
    "dear reader",
    "dear readers",
    "remind me later",
    "not ready to support",
    "not ready to donate",
    "not ready to give",
    "reader-funded",
    "reader funded",
    "chip in",
    "give now",
    // Reader-revenue appeals: members pay so that it stays free for everyone.
    "free for everyone",
    "поддержите",
    "поддержать",
    "поддержи",
    "пожертвов*",
    "задонат*",
    "помогите нам",
    "дорогие читатели",
    "jetzt unterstützen",
    "unterstützen sie",
    "spende*",
    "liebe leser*",
    "mitglied werden",
    "faire un don",
    "faites un don",
    "soutenez",
    "soutenir",
    "chers lecteurs",
    "chères lectrices",
    "donar",
    "donación",
    "donaciones",
    "dona",
    "apóyanos",
    "apoya nuestro",
    "queridos lectores",
    "hazte socio",
    "doe agora",
    "doe já",
    "doação",
    "doações",
    "doar",
    "apoie",
    "caros leitores",
    "seja apoiador",
    "seja um apoiador",
];

const PAYWALL: &[&str] = &[
    "already a subscriber",
    "already subscriber",
    "already a member",
    "already have an account",
    "already registered",
    "already subscribed",
    "you've read",
    "you have read",
    "you've reached",
    "you have reached",
    "you've used",
    "you have used",
    "you've viewed",
    "free article*",
    "free stories",
    "free story",
    "article limit",
    "subscribe now",
    "subscribe today",
    "subscribe to continue",
    "subscribe to read",
    "subscribe to keep reading",
    "subscribe to unlock",
    "continue reading",
    "keep reading",
    "register to read",
    "register to continue",
    "register for free",
    "create a free account",
    "sign in to read",
    "sign in to continue",
    "unlimited access",
    "unlimited digital access",
    "subscribers only",
    "subscriber only",
    "for subscribers",
    "exclusive to subscribers",
    "per month",
    "per week",
    "for $*",
    "for £*",
    "for €*",
    "as low as*",
    "just $*",
    "only $*",
    "уже подписаны",
    "уже есть подписка",
    "оформите подписку",
    "оформить подписку",
    "бесплатных стат*",
    "бесплатные стат*",
    "jetzt abonnieren",
    "bereits abonnent*",
    "weiterlesen mit",
    "plus-artikel",
    "abonnez-vous",
    "déjà abonné*",
    "réservé aux abonnés",
    "suscríbete",
    "ya eres suscriptor",
    "ya soy suscriptor",
    "exclusivo para suscriptores",
    "assine",
    "já é assinante",
    "exclusivo para assinantes",
];

const NEWSLETTER: &[&str] = &[
    "newsletter*",
    "sign up",
    "your inbox",
    "email address",
    "e-mail address",
    "enter your email",
    "your email",
    "join our mailing list",
    "join our list",
    "join our community",
    "mailing list",
    "unsubscribe at any time",
    "stay informed",
    "stay up to date",
    "stay in the loop",
    "keep up to date",
    "daily digest",
    "daily updates",
    "weekly digest",
    "weekly updates",
    "subscribe to our",
    "рассылк*",
    "e-mail-adresse",
    "lettre d'information",
    "infolettre",
    "inscrivez-vous",
    "adresse e-mail",
    "adresse email",
    "boletín",
    "correo electrónico",
    "boletim",
    "inscreva-se",
    "cadastre-se",
];

const ADBLOCK: &[&str] = &[
    "ad blocker*",
    "adblocker*",
    "ad-blocker*",
    "ad blocking",
    "adblocking",
    "ad-blocking",
    "adblock*",
    "disable your ad*",
    "turn off your ad*",
    "whitelist us",
    "whitelist our site",
    "whitelist this site",
    "allowlist*",
    "werbeblocker*",
    "bloqueur de pub*",
    "bloqueador de anuncios",
    "bloqueadores de anuncios",
    "bloqueador de anúncios",
    "bloqueador de publicidad",
    "блокировщик*",
];

const COOKIE: &[&str] = &[
    "cookie",
    "cookies",
    "cookie policy",
    "accept all",
    "reject all",
    "manage preferences",
    "manage options",
    "manage settings",
    "privacy terms",
    "privacy settings",
    "privacy preferences",
    "we use",
    "we and our partners",
    "we value your privacy",
    "gdpr",
    "are you over 18",
    "are you over 21",
    "are you 18",
    "are you 21",
    "i am over 18",
    "i am 18",
    "i am over 21",
    "verify your age",
    "age verification",
    "файлы cookie",
    "файлов cookie",
    "datenschutzeinstellungen",
    "einwilligung",
    "alle akzeptieren",
    "tout accepter",
    "consentement",
    "aceptar todo",
    "consentimiento",
    "aceitar todos",
    "consentimento",
];

const EXIT_INTENT: &[&str] = &[
    "before you go",
    "wait, don't go",
    "wait! don't go",
    "don't go",
    "don't leave",
    "leaving so soon",
    "avant de partir",
    "bevor sie gehen",
    "antes de irte",
    "antes de ir",
    "прежде чем уйти",
    "не уходите",
];

/// Whole control labels that dismiss an overlay.
const DISMISS_LABELS: &[&str] = &[
    "×",
    "✕",
    "✖",
    "╳",
    "x",
    "close",
    "close this",
    "dismiss",
    "no thanks",
    "no, thanks",
    "maybe later",
    "remind me later",
    "remind me later.",
    "not now",
    // The bare word, like "plus tard", "später", "позже" below.
    "later",
    "skip",
    "continue to site",
    "закрыть",
    "не сейчас",
    "напомнить позже",
    "позже",
    "schließen",
    "nein danke",
    "später",
    "vielleicht später",
    "fermer",
    "non merci",
    "plus tard",
    "cerrar",
    "no gracias",
    "más tarde",
    "ahora no",
    "fechar",
    "não, obrigado",
    "agora não",
    "mais tarde",
];

/// Whole control labels that are frequency choices of a donation form.
const FREQUENCY_LABELS: &[&str] = &[
    "once",
    "one-time",
    "one time",
    "monthly",
    "annual",
    "annually",
    "yearly",
    "einmalig",
    "monatlich",
    "jährlich",
    "разово",
    "единоразово",
    "ежемесячно",
    "ежегодно",
    "une fois",
    "mensuel",
    "annuel",
    "única vez",
    "mensual",
    "anual",
    "mensal",
];

const CURRENCY: &[char] = &['$', '€', '£', '₽'];

struct Entry {
    phrase: &'static str,
    prefix: bool,
    category: Category,
}

pub struct Lexicon {
    by_first_char: BTreeMap<char, Vec<Entry>>,
}

/// The lexicon, built once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let tables = [
            (Category::Donation, DONATION),
            (Category::Paywall, PAYWALL),
            (Category::Newsletter, NEWSLETTER),
            (Category::Adblock, ADBLOCK),
            (Category::Cookie, COOKIE),
            (Category::ExitIntent, EXIT_INTENT),
        ];
        let mut by_first_char: BTreeMap<char, Vec<Entry>> = BTreeMap::new();
        for (category, phrases) in tables {
            for raw in phrases {
                let (phrase, prefix) = match raw.strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (*raw, false),
                };
                if let Some(first) = phrase.chars().next() {
                    by_first_char.entry(first).or_default().push(Entry {
                        phrase,
                        prefix,
                        category,
                    });
                }
            }
        }
        Lexicon { by_first_char }
    })
}

impl Lexicon {
    /// Per category, the distinct phrases found in `text` (normalised), at most `limit` each.
    pub fn phrases_in(&self, text: &str, limit: usize) -> Vec<(Category, Vec<String>)> {
        let mut found: Vec<(Category, Vec<String>)> = Vec::new();
        let mut previous_is_word = false;
        for (start, c) in text.char_indices() {
            let at_word_start = !previous_is_word;
            previous_is_word = c.is_alphanumeric();
            if !at_word_start {
                continue;
            }
            let Some(entries) = self.by_first_char.get(&c) else {
                continue;
            };
            let rest = text.get(start..).unwrap_or("");
            for entry in entries {
                if rest.starts_with(entry.phrase)
                    && (entry.prefix || ends_at_boundary(rest, entry.phrase.len()))
                {
                    note(&mut found, entry, limit);
                }
            }
        }
        found
    }
}

fn note(found: &mut Vec<(Category, Vec<String>)>, entry: &Entry, limit: usize) {
    let slot = match found.iter().position(|(c, _)| *c == entry.category) {
        Some(index) => index,
        None => {
            found.push((entry.category, Vec::new()));
            found.len() - 1
        }
    };
    if let Some((_, phrases)) = found.get_mut(slot) {
        if phrases.len() < limit && !phrases.iter().any(|p| p == entry.phrase) {
            phrases.push(entry.phrase.to_string());
        }
    }
}

fn ends_at_boundary(rest: &str, length: usize) -> bool {
    rest.get(length..)
        .and_then(|after| after.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// "×", "No thanks", "Maybe later"… (normalised label).
pub fn is_dismiss_label(label: &str) -> bool {
    DISMISS_LABELS.contains(&label)
}

/// "$5", "10 €", "Monthly"… (normalised label).
pub fn is_amount_label(label: &str) -> bool {
    FREQUENCY_LABELS.contains(&label) || is_money(label)
}

/// A currency sign and a number, either way round ("$5", "5 €", "500 руб").
fn is_money(label: &str) -> bool {
    let trimmed = label
        .trim_start_matches(CURRENCY)
        .trim_end_matches(CURRENCY)
        .trim_end_matches("руб")
        .trim_end_matches("usd")
        .trim_end_matches("eur")
        .trim();
    let had_currency = trimmed.len() < label.len();
    let digits_only = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == ' ');
    had_currency && digits_only && trimmed.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlays::intent::normalise;

    fn finds(category: Category, text: &str) -> bool {
        lexicon()
            .phrases_in(&normalise(text), 3)
            .iter()
            .any(|(c, _)| *c == category)
    }

    #[test]
    fn matches_each_language_at_word_boundaries() {
        assert!(finds(Category::Donation, "Please Support Us today"));
        assert!(finds(Category::Donation, "Поддержите нашу редакцию"));
        assert!(finds(Category::Donation, "Jetzt unterstützen!"));
        assert!(finds(Category::Donation, "Faire un don"));
        assert!(finds(Category::Donation, "Apoie o jornalismo"));
        assert!(finds(Category::Donation, "Your donation matters"));
        assert!(finds(Category::Paywall, "You’ve read 3 free articles"));
        assert!(finds(Category::Paywall, "Abonnez-vous pour lire la suite"));
        assert!(finds(Category::Paywall, "Suscríbete ya"));
        assert!(finds(Category::Paywall, "Assine agora"));
        assert!(finds(Category::Paywall, "Оформите подписку"));
        assert!(finds(Category::Paywall, "All access for $1"));
        assert!(finds(Category::Newsletter, "Get it in your inbox"));
        assert!(finds(
            Category::Adblock,
            "Bitte deaktivieren Sie Ihren Werbeblocker"
        ));
        assert!(finds(Category::Cookie, "We use cookies"));
        assert!(!finds(
            Category::Donation,
            "The minister said the plan was done."
        ));
        assert!(
            !finds(Category::Donation, "Madonna sang"),
            "word starts only"
        );
        assert!(
            !finds(Category::Cookie, "cookiejar"),
            "word ends unless a prefix"
        );
    }

    #[test]
    fn control_labels() {
        assert!(is_dismiss_label("×"));
        assert!(is_dismiss_label("no thanks"));
        assert!(is_amount_label("$10"));
        assert!(is_amount_label("25 €"));
        assert!(is_amount_label("monthly"));
        assert!(!is_amount_label("monthly report"));
        assert!(!is_amount_label("$"));
        assert!(!is_amount_label("2024"));
    }
}
