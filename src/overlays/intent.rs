//! Intent: what an element's text, controls and links ask of the reader, in English,
//! Russian, German, French, Spanish and Portuguese.
//!
//! The lexicon is a handful of alternations compiled once; text is lowercased (and curly
//! apostrophes straightened) before matching, so the patterns carry no case flags.

use super::index::PageIndex;
use super::Category;
use crate::snapshot::NodeId;
use regex::Regex;
use std::sync::OnceLock;

/// At most this much text of a candidate is read: overlays say what they want early, and
/// the cap keeps nested candidates on a big page linear.
const MAX_TEXT_CHARS: usize = 2500;
/// At most this many nodes of a candidate's subtree are walked.
const MAX_WALK_NODES: usize = 600;
/// Control labels longer than this are prose, not a button.
const MAX_CONTROL_CHARS: usize = 30;

const DONATION: &str = r"\bdonat(e|es|ion|ions|ing)\b|support (us|our (journalism|work|reporting|newsroom|mission)|independent journalism)|make a (contribution|donation|gift)|\bcontribute\b|become a (member|supporter|patron|sustaining member)|dear readers?\b|remind me later|not ready to (support|donate|give|contribute)|reader[- ]funded|chip in|give now|поддерж(ите|ать|и)|пожертвов|задонат|помогите нам|дорогие читатели|jetzt unterstützen|unterstützen sie|\bspende|liebe leser|mitglied werden|faire un don|faites un don|soutenez|soutenir|chers lecteurs|chères lectrices|\bdon(ar|ación|aciones)\b|\bdona\b|apóyanos|apoya nuestro|queridos lectores|hazte socio|\bdoe\b|doação|\bdoar\b|apoie|caros leitores|seja (um )?apoiador";

const PAYWALL: &str = r"already (a )?(subscriber|member|have an account|registered)|already subscribed|(you've|you have) (read|reached|used|viewed)\b|free (articles?|stories|story)|article limit|subscribe (now|today|to (continue|read|keep reading|unlock))|(continue|keep) reading|register (to|for) (read|continue|free)|create a free account|sign in to (read|continue)|unlimited (digital )?access|subscribers? only|for subscribers|exclusive to subscribers|\bper (month|week)\b|(for|as low as|just|only) [$€£]\s?\d|уже (подписаны|есть подписка)|оформите подписку|оформить подписку|бесплатн(ых|ые) (стат|материал)|jetzt abonnieren|bereits abonnent|weiterlesen mit|\bplus-artikel|abonnez-vous|déjà abonné|réservé aux abonnés|suscríbete|ya (eres|soy) suscriptor|exclusivo para suscriptores|\bassine\b|já é assinante|exclusivo para assinantes";

const NEWSLETTER: &str = r"newsletter|sign up for|sign up to|\bsign up\b|your inbox|in your inbox|email address|enter your email|your email|join our (mailing list|list|community)|mailing list|unsubscribe at any time|stay (informed|up to date|in the loop)|keep up to date|daily (digest|updates)|weekly (digest|updates)|subscribe to our|рассылк|подпишитесь на (нашу |наш )?(рассылку|канал|телеграм)|e-mail-adresse|lettre d'information|infolettre|inscrivez-vous|adresse e-?mail|boletín|correo electrónico|boletim|inscreva-se|cadastre-se";

const ADBLOCK: &str = r"ad ?blockers?|ad[- ]?blocking|\badblock|disable your ad|turn off your ad|whitelist (us|our site|this site)|allowlist|werbeblocker|bloqueur de pub|bloqueador(es)? de (anuncios|anúncios|publicidad)|блокировщик";

const COOKIE: &str = r"\bcookies?\b|cookie (policy|settings|preferences)|accept all|reject all|manage (preferences|options|settings)|privacy (terms|settings|preferences)|we (and our partners )?(use|value your privacy)|\bgdpr\b|(are you|i am) (over )?(18|21)\b|verify your age|age verification|файл(ы|ов) cookie|datenschutzeinstellungen|einwilligung|alle akzeptieren|tout accepter|consentement|aceptar todo|consentimiento|aceitar todos|consentimento";

const EXIT_INTENT: &str = r"before you go|wait[,!]? don't go|don't leave|leaving so soon|avant de partir|bevor sie gehen|antes de irte|antes de ir\b|прежде чем уйти|не уходите";

/// Whole control labels that dismiss an overlay.
const DISMISS: &str = r"^(×|✕|✖|╳|x|close|close this|dismiss|no thanks|no, thanks|maybe later|remind me later\.?|not now|skip|continue to site|закрыть|не сейчас|напомнить позже|позже|schließen|nein danke|später|vielleicht später|fermer|non merci|plus tard|cerrar|no gracias|más tarde|ahora no|fechar|não, obrigado|agora não|mais tarde)$";

/// Whole control labels that are amount or frequency choices of a donation form.
const AMOUNT: &str = r"^([$€£₽]\s?\d[\d.,]*|\d[\d.,]*\s?([$€£₽]|руб|eur|usd)|once|one[- ]time|monthly|annual|annually|yearly|einmalig|monatlich|jährlich|разово|единоразово|ежемесячно|ежегодно|une fois|mensuel|annuel|única vez|mensual|anual|mensal)$";

struct Lexicon {
    categories: Vec<(Category, Regex)>,
    dismiss: Regex,
    amount: Regex,
}

fn lexicon() -> Option<&'static Lexicon> {
    static LEXICON: OnceLock<Option<Lexicon>> = OnceLock::new();
    LEXICON
        .get_or_init(|| {
            let build = |pattern: &str| Regex::new(pattern).ok();
            Some(Lexicon {
                categories: vec![
                    (Category::Donation, build(DONATION)?),
                    (Category::Paywall, build(PAYWALL)?),
                    (Category::Newsletter, build(NEWSLETTER)?),
                    (Category::Adblock, build(ADBLOCK)?),
                    (Category::Cookie, build(COOKIE)?),
                    (Category::ExitIntent, build(EXIT_INTENT)?),
                ],
                dismiss: build(DISMISS)?,
                amount: build(AMOUNT)?,
            })
        })
        .as_ref()
}

/// Lowercases and straightens apostrophes, so one pattern covers "you’ve" and "you've".
pub fn normalise(text: &str) -> String {
    text.to_lowercase().replace(['’', '‘'], "'")
}

/// What a candidate's subtree says and offers.
#[derive(Debug, Default, Clone)]
pub struct TextEvidence {
    /// Lowercased text (capped), for vetoes that compare with the article.
    pub text: String,
    /// Per category: the distinct phrases that matched (at most 3 kept).
    pub phrases: Vec<(Category, Vec<String>)>,
    /// The label of a dismiss control ("×", "No thanks"), if any.
    pub dismiss: Option<String>,
    /// Donation amount/frequency choices ("$5", "Monthly").
    pub amount_choices: usize,
    pub email_input: bool,
    pub password_input: bool,
    pub search_input: bool,
    /// A free-text box: contact, feedback and comment forms, not sign-ups.
    pub textarea: bool,
    /// Categories that links (href) or iframes (src) point to.
    pub link_categories: Vec<(Category, &'static str)>,
    /// Descendants carrying a category marker of a form/popup tool (mc4wp, klaviyo…).
    pub inner_markers: Vec<(Category, &'static str)>,
    /// The subtree holds a `<video>`/`<audio>` element.
    pub media: bool,
    /// False when the scan's reading budget ran out before this subtree was read.
    pub complete: bool,
}

impl TextEvidence {
    pub fn phrase_count(&self, category: Category) -> usize {
        self.phrases
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(0, |(_, p)| p.len())
    }
}

/// Reads a candidate's subtree: text (visible only unless `include_hidden`), controls, links.
pub fn read_subtree(index: &PageIndex, root: NodeId, include_hidden: bool) -> TextEvidence {
    let mut evidence = TextEvidence::default();
    let nodes = &index.snapshot.nodes;
    let end = index.end_of(root).min(nodes.len());
    let start = (root as usize).min(end);
    let lexicon = lexicon();
    let mut raw = String::new();
    let granted = index.take_read_budget((end - start).min(MAX_WALK_NODES));
    evidence.complete = granted == (end - start).min(MAX_WALK_NODES);
    for (offset, node) in nodes
        .get(start..end)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .take(granted)
    {
        if !node.visible && !include_hidden {
            continue;
        }
        if node.is_text() {
            if raw.len() < MAX_TEXT_CHARS * 2 {
                raw.push_str(&node.text);
                raw.push(' ');
            }
            note_control_label(&mut evidence, lexicon, node.text.trim());
            continue;
        }
        if offset > 0 {
            note_inner_element(&mut evidence, lexicon, node);
        }
    }
    let mut text = normalise(&crate::snapshot::collapse_whitespace(&raw));
    if let Some((cut, _)) = text.char_indices().nth(MAX_TEXT_CHARS) {
        text.truncate(cut);
    }
    if let Some(lexicon) = lexicon {
        for (category, pattern) in &lexicon.categories {
            let mut phrases: Vec<String> = Vec::new();
            for found in pattern.find_iter(&text) {
                let phrase = found.as_str().trim().to_string();
                if !phrases.contains(&phrase) {
                    phrases.push(phrase);
                }
                if phrases.len() >= 3 {
                    break;
                }
            }
            if !phrases.is_empty() {
                evidence.phrases.push((*category, phrases));
            }
        }
    }
    evidence.text = text;
    evidence
}

fn note_control_label(evidence: &mut TextEvidence, lexicon: Option<&Lexicon>, label: &str) {
    if label.is_empty() || label.chars().count() > MAX_CONTROL_CHARS {
        return;
    }
    let Some(lexicon) = lexicon else {
        return;
    };
    let label = normalise(label);
    if evidence.dismiss.is_none() && lexicon.dismiss.is_match(&label) {
        evidence.dismiss = Some(label.clone());
    }
    if lexicon.amount.is_match(&label) {
        evidence.amount_choices += 1;
    }
}

fn note_inner_element(
    evidence: &mut TextEvidence,
    lexicon: Option<&Lexicon>,
    node: &crate::snapshot::Node,
) {
    match node.tag.as_str() {
        "input" => note_input(evidence, node),
        "video" | "audio" => evidence.media = true,
        "textarea" => evidence.textarea = true,
        "a" => {
            if let Some(category) = node.attr("href").and_then(link_category) {
                push_once(&mut evidence.link_categories, category, "link");
            }
        }
        "iframe" => {
            if let Some(category) = node.attr("src").and_then(frame_category) {
                push_once(&mut evidence.link_categories, category, "offer iframe");
            }
        }
        _ => {}
    }
    // Icon-only close buttons carry their meaning in aria-label.
    if let (Some(label), Some(lexicon)) = (node.attr("aria-label"), lexicon) {
        if evidence.dismiss.is_none() && lexicon.dismiss.is_match(&normalise(label.trim())) {
            evidence.dismiss = Some(normalise(label.trim()));
        }
    }
    if !node.attrs.contains_key("class") && !node.attrs.contains_key("id") {
        return;
    }
    let own = format!("{} {}", node.id_attr(), node.class_attr()).to_lowercase();
    for &(marker, category) in INNER_TOOL_MARKERS {
        if own.contains(marker) {
            push_once(&mut evidence.inner_markers, category, marker);
        }
    }
}

/// Markers that mean the same inside an overlay as on it: sign-up form tools.
const INNER_TOOL_MARKERS: &[(&str, Category)] = &[
    ("mc4wp", Category::Newsletter),
    ("mc-embedded", Category::Newsletter),
    ("mc_embed", Category::Newsletter),
    ("klaviyo", Category::Newsletter),
    ("newsletter", Category::Newsletter),
    ("email-signup", Category::Newsletter),
    ("subscription-widget", Category::Newsletter),
    ("donat", Category::Donation),
    ("paywall", Category::Paywall),
    ("adblock", Category::Adblock),
    ("consent", Category::Cookie),
    ("onetrust", Category::Cookie),
    ("didomi", Category::Cookie),
];

fn note_input(evidence: &mut TextEvidence, node: &crate::snapshot::Node) {
    let kind = node.attr("type").unwrap_or("text").to_ascii_lowercase();
    let hints = format!(
        "{} {} {} {}",
        node.attr("name").unwrap_or(""),
        node.attr("placeholder").unwrap_or(""),
        node.attr("autocomplete").unwrap_or(""),
        node.id_attr()
    )
    .to_lowercase();
    match kind.as_str() {
        "password" => evidence.password_input = true,
        "search" => evidence.search_input = true,
        "email" => evidence.email_input = true,
        _ if hints.contains("mail") || hints.contains("почт") => evidence.email_input = true,
        _ if hints.contains("search") || hints.contains("query") => evidence.search_input = true,
        _ => {}
    }
}

fn push_once(list: &mut Vec<(Category, &'static str)>, category: Category, label: &'static str) {
    if !list.iter().any(|(c, _)| *c == category) {
        list.push((category, label));
    }
}

/// The category a link's target names (donate, subscribe, checkout pages).
fn link_category(href: &str) -> Option<Category> {
    let href = href.to_ascii_lowercase();
    const DONATION_PATHS: &[&str] = &[
        "donat",
        "/support",
        "contribut",
        "/membership",
        "/give",
        "/spende",
        "/don/",
    ];
    const PAYWALL_PATHS: &[&str] = &[
        "/subscri", "checkout", "/offer", "/abo", "/assin", "/suscri",
    ];
    const NEWSLETTER_PATHS: &[&str] = &["newsletter", "/signup", "list-manage.com"];
    if DONATION_PATHS.iter().any(|p| href.contains(p)) {
        Some(Category::Donation)
    } else if PAYWALL_PATHS.iter().any(|p| href.contains(p)) {
        Some(Category::Paywall)
    } else if NEWSLETTER_PATHS.iter().any(|p| href.contains(p)) {
        Some(Category::Newsletter)
    } else {
        None
    }
}

/// The category an iframe's source names (offer/checkout endpoints of paywall vendors).
fn frame_category(src: &str) -> Option<Category> {
    let src = src.to_ascii_lowercase();
    const PAYWALL_FRAMES: &[&str] = &[
        "offer", "checkout", "tinypass", "piano.io", "poool", "zephr", "paywall",
    ];
    if PAYWALL_FRAMES.iter().any(|p| src.contains(p)) {
        Some(Category::Paywall)
    } else if src.contains("newsletter") || src.contains("list-manage.com") {
        Some(Category::Newsletter)
    } else if src.contains("donat") {
        Some(Category::Donation)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_compiles_and_matches_each_language() {
        let lexicon = lexicon().expect("patterns compile");
        let find = |category: Category, text: &str| {
            lexicon
                .categories
                .iter()
                .any(|(c, r)| *c == category && r.is_match(&normalise(text)))
        };
        assert!(find(Category::Donation, "Please Support Us today"));
        assert!(find(Category::Donation, "Поддержите нашу редакцию"));
        assert!(find(Category::Donation, "Jetzt unterstützen!"));
        assert!(find(Category::Donation, "Faire un don"));
        assert!(find(Category::Donation, "Apoie o jornalismo"));
        assert!(find(Category::Paywall, "You’ve read 3 free articles"));
        assert!(find(Category::Paywall, "Abonnez-vous pour lire la suite"));
        assert!(find(Category::Paywall, "Suscríbete ya"));
        assert!(find(Category::Paywall, "Assine agora"));
        assert!(find(Category::Paywall, "Оформите подписку"));
        assert!(find(Category::Newsletter, "Get it in your inbox"));
        assert!(find(
            Category::Adblock,
            "Bitte deaktivieren Sie Ihren Werbeblocker"
        ));
        assert!(find(Category::Cookie, "We use cookies"));
        assert!(!find(
            Category::Donation,
            "The minister said the plan was done."
        ));
        assert!(lexicon.dismiss.is_match("×"));
        assert!(lexicon.dismiss.is_match("no thanks"));
        assert!(lexicon.amount.is_match("$10"));
        assert!(lexicon.amount.is_match("monthly"));
        assert!(!lexicon.amount.is_match("monthly report"));
    }
}
