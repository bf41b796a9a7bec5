//! What an element's own markup says: category words and vendor markers in its id, classes
//! and data attributes, overlay shapes ("modal", "popup", "banner"), dialog roles, and the
//! zones (navigation, players, chat, galleries) whose insides are never overlays.
//!
//! Vendor names are GENERIC markers (a paywall vendor's class means "paywall" on any site),
//! never per-site rules.

use super::Category;
use crate::snapshot::Node;
use crate::text::PhraseIndex;
use std::sync::OnceLock;

/// A region whose content is never hidden, whatever it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    None,
    Navigation,
    Player,
    Chat,
    Gallery,
}

impl Zone {
    pub fn label(self) -> &'static str {
        match self {
            Zone::None => "none",
            Zone::Navigation => "navigation",
            Zone::Player => "media player",
            Zone::Chat => "chat widget",
            Zone::Gallery => "lightbox/gallery",
        }
    }
}

/// Substrings of id/class/data values that name a category.
const CATEGORY_MARKERS: &[(&str, Category)] = &[
    ("paywall", Category::Paywall),
    ("pay-wall", Category::Paywall),
    ("regwall", Category::Paywall),
    ("reg-wall", Category::Paywall),
    ("registration-gate", Category::Paywall),
    ("registration-prompt", Category::Paywall),
    ("signin-gate", Category::Paywall),
    ("sign-in-gate", Category::Paywall),
    ("softwall", Category::Paywall),
    ("subwall", Category::Paywall),
    ("content-gate", Category::Paywall),
    ("content_gate", Category::Paywall),
    ("metering", Category::Paywall),
    ("meter_", Category::Paywall),
    ("meter-", Category::Paywall),
    ("piano", Category::Paywall),
    ("tp-modal", Category::Paywall),
    ("tp-backdrop", Category::Paywall),
    ("zephr", Category::Paywall),
    ("poool", Category::Paywall),
    ("laterpay", Category::Paywall),
    ("subscription", Category::Paywall),
    ("truncation-message", Category::Paywall),
    ("messaging-unit-gateway", Category::Paywall),
    ("onsite-messaging", Category::Paywall),
    ("amp-subscriptions", Category::Paywall),
    ("article_count", Category::Paywall),
    ("article-limit", Category::Paywall),
    ("donat", Category::Donation),
    ("contribut", Category::Donation),
    ("support-us", Category::Donation),
    ("supportus", Category::Donation),
    ("membership", Category::Donation),
    ("fundrais", Category::Donation),
    ("centralnotice", Category::Donation),
    ("frbanner", Category::Donation),
    ("frb-", Category::Donation),
    ("wmde-banner", Category::Donation),
    ("pledge", Category::Donation),
    ("newsletter", Category::Newsletter),
    ("nwletter", Category::Newsletter),
    ("mailing-list", Category::Newsletter),
    ("mc4wp", Category::Newsletter),
    ("mc-embedded", Category::Newsletter),
    ("mc_embed", Category::Newsletter),
    ("klaviyo", Category::Newsletter),
    ("sumo-", Category::Newsletter),
    ("sumome", Category::Newsletter),
    ("email-signup", Category::Newsletter),
    ("emailsignup", Category::Newsletter),
    ("email-capture", Category::Newsletter),
    ("email-scrim", Category::Newsletter),
    ("optin", Category::Newsletter),
    ("subscribe", Category::Newsletter),
    ("subscription-widget", Category::Newsletter),
    ("subscribeprompt", Category::Newsletter),
    ("publication-subscribe", Category::Newsletter),
    ("emailsubscription", Category::Newsletter),
    ("signup", Category::Newsletter),
    ("daily_digest", Category::Newsletter),
    // Not "ad-block"/"ad_block": sites name their ad SLOTS so.
    ("adblock", Category::Adblock),
    ("blocker-intercept", Category::Adblock),
    ("cookie", Category::Cookie),
    ("consent", Category::Cookie),
    ("gdpr", Category::Cookie),
    ("onetrust", Category::Cookie),
    ("didomi", Category::Cookie),
    ("cookiebot", Category::Cookie),
    ("usercentrics", Category::Cookie),
    ("truste", Category::Cookie),
    ("qc-cmp", Category::Cookie),
    ("sp_message", Category::Cookie),
    ("ccpa", Category::Cookie),
    ("age-gate", Category::Cookie),
    ("agegate", Category::Cookie),
    ("age-verification", Category::Cookie),
    ("exit-intent", Category::ExitIntent),
    ("exitintent", Category::ExitIntent),
    ("exit_intent", Category::ExitIntent),
    ("exit-pop", Category::ExitIntent),
    ("exitpop", Category::ExitIntent),
];

/// Overlay containers of popup/paywall tools whose category comes from their content.
const VENDOR_CONTAINERS: &[&str] = &[
    "tp-modal",
    "tp-backdrop",
    "pum-overlay",
    "pum-container",
    "popmake",
    "newspack-popup",
    "om-holder",
    "om-popup",
    "om-slide",
    "om-floating",
    "optinmonster",
    "zephr-overlay",
    "zephr-modal",
    "poool-",
    "piano-",
    "sumo-",
    "hustle-popup",
    "hustle-modal",
    "sp_message_container",
];

/// Substrings naming an overlay's shape.
const SHAPE_SUBSTRINGS: &[&str] = &[
    "modal",
    "popup",
    "pop-up",
    "overlay",
    "flyout",
    "slide-in",
    "slidein",
    "toaster",
    "scrim",
    "backdrop",
    "interstitial",
    "banner",
    "sticky",
    "takeover",
    "lightbox",
];

/// Whole words (id/class split at every byte that is no ASCII letter or digit) naming an
/// overlay's shape; found by [`markup_index`] with the other lists, whole words only.
const SHAPE_WORDS: &[&str] = &[
    "bar", "ribbon", "dock", "drawer", "sheet", "prompt", "nag", "notice", "dialog", "gate",
    "wall", "toast", "portal", "teaser", "nudge",
];

/// Whether `text[at..at + len]` is a whole word: no ASCII letter or digit on either side.
fn is_whole_word(text: &str, at: usize, len: usize) -> bool {
    let bytes = text.as_bytes();
    let outside = |i: Option<usize>| {
        i.and_then(|i| bytes.get(i))
            .is_none_or(|byte| !byte.is_ascii_alphanumeric())
    };
    outside(at.checked_sub(1)) && outside(Some(at + len))
}

const PLAYER_MARKERS: &[&str] = &[
    "vjs-",
    "video-js",
    "jwplayer",
    "jw-",
    "player",
    "plyr",
    "mejs",
    "brightcove",
    "ytp-",
    "vimeo",
];
const CHAT_MARKERS: &[&str] = &[
    "intercom",
    "drift-",
    "driftt",
    "zendesk",
    "crisp",
    "livechat",
    "tawk",
    "chat-",
    "-chat",
    "chatbot",
    "olark",
    "freshchat",
    "hubspot-messages",
];
const GALLERY_MARKERS: &[&str] = &[
    "lightbox",
    "gallery",
    "fancybox",
    "pswp",
    "glightbox",
    "slideshow",
    "carousel",
];
/// Dialogs the reader opens on purpose: never hidden unless they also ask for money.
const USER_DIALOG_MARKERS: &[&str] = &[
    "login", "log-in", "signin", "sign-in", "search", "share", "feedback", "contact", "report",
    "comment",
];

/// Whole class names of site navigation.
const NAVIGATION_CLASSES: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "main-menu",
    "main-nav",
    "site-nav",
    "site-header",
    "site-navigation",
    "global-nav",
    "primary-nav",
    "top-nav",
    "masthead",
    "header",
];

/// Whether `class` is one of NAVIGATION_CLASSES (any case). Every element's classes are
/// asked: a class opening with a letter none of them opens with is ruled out by one test.
fn names_navigation(class: &str) -> bool {
    let opens_like_one = class.bytes().next().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'g' | b'h' | b'm' | b'n' | b'p' | b's' | b't'
        )
    });
    opens_like_one
        && NAVIGATION_CLASSES
            .iter()
            .any(|n| class.eq_ignore_ascii_case(n))
}

/// The lists an element's own markup is searched for, in one index so that one pass over
/// its markup text finds them all: entries are CATEGORY_MARKERS, then VENDOR_CONTAINERS,
/// SHAPE_SUBSTRINGS, USER_DIALOG_MARKERS, PLAYER_MARKERS, CHAT_MARKERS, GALLERY_MARKERS and
/// SHAPE_WORDS (see [`MarkerList::of_entry`]). No marker holds a space, so none spans two of the
/// space-separated parts of a markup text.
fn markup_index() -> &'static PhraseIndex {
    static CELL: OnceLock<PhraseIndex> = OnceLock::new();
    CELL.get_or_init(|| PhraseIndex::new(indexed_markers()))
}

/// Every marker of [`markup_index`], in its entries' order.
fn indexed_markers() -> impl Iterator<Item = &'static str> {
    let categories = CATEGORY_MARKERS.iter().map(|(m, _)| *m);
    let lists = [
        VENDOR_CONTAINERS,
        SHAPE_SUBSTRINGS,
        USER_DIALOG_MARKERS,
        PLAYER_MARKERS,
        CHAT_MARKERS,
        GALLERY_MARKERS,
        SHAPE_WORDS,
    ];
    categories.chain(lists.into_iter().flatten().copied())
}

/// Which list of [`markup_index`] an entry comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MarkerList {
    Category,
    Vendor,
    Shape,
    UserDialog,
    Zone(Zone),
    ShapeWord,
}

impl MarkerList {
    /// In the order of [`markup_index`]'s entries.
    const ALL: [MarkerList; 8] = [
        MarkerList::Category,
        MarkerList::Vendor,
        MarkerList::Shape,
        MarkerList::UserDialog,
        MarkerList::Zone(Zone::Player),
        MarkerList::Zone(Zone::Chat),
        MarkerList::Zone(Zone::Gallery),
        MarkerList::ShapeWord,
    ];

    fn len(self) -> usize {
        match self {
            MarkerList::Category => CATEGORY_MARKERS.len(),
            MarkerList::Vendor => VENDOR_CONTAINERS.len(),
            MarkerList::Shape => SHAPE_SUBSTRINGS.len(),
            MarkerList::UserDialog => USER_DIALOG_MARKERS.len(),
            MarkerList::Zone(Zone::Player) => PLAYER_MARKERS.len(),
            MarkerList::Zone(Zone::Chat) => CHAT_MARKERS.len(),
            MarkerList::Zone(_) => GALLERY_MARKERS.len(),
            MarkerList::ShapeWord => SHAPE_WORDS.len(),
        }
    }

    fn of_entry(entry: usize) -> MarkerList {
        let mut end = 0;
        for list in MarkerList::ALL {
            end += list.len();
            if entry < end {
                return list;
            }
        }
        MarkerList::ShapeWord
    }
}

/// What an element's id and classes say, found in one pass over its own markup (its
/// [`push_id_and_class`]), which the page index keeps for every element: the zone its
/// markers name (a player marker anywhere wins over a chat marker, and that over a gallery
/// marker: the lists' order, not the markers' positions), whether [`evidence_of`] would find
/// any of its markers there, its first whole word naming a shape, and whether a class names
/// site navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnMarkers {
    zone: Zone,
    overlay: bool,
    shape_word: Option<&'static str>,
    navigation_class: bool,
}

impl OwnMarkers {
    pub const NONE: OwnMarkers = OwnMarkers {
        zone: Zone::None,
        overlay: false,
        shape_word: None,
        navigation_class: false,
    };
}

/// The [`OwnMarkers`] of `node`, whose [`push_id_and_class`] is `own`.
pub fn own_markers(node: &Node, own: &str) -> OwnMarkers {
    let mut found = OwnMarkers {
        navigation_class: node.classes().any(names_navigation),
        ..OwnMarkers::NONE
    };
    markup_index().scan(own, |at, marker, entry| {
        match MarkerList::of_entry(entry) {
            MarkerList::Zone(zone) => {
                if found.zone == Zone::None || zone_rank(zone) < zone_rank(found.zone) {
                    found.zone = zone;
                }
            }
            // The leftmost whole shape word: positions come in order.
            MarkerList::ShapeWord => {
                if found.shape_word.is_none() && is_whole_word(own, at, marker.len()) {
                    found.shape_word = Some(marker);
                }
            }
            _ => found.overlay = true,
        }
        true
    });
    found
}

fn category_of_marker(marker: &str) -> Option<Category> {
    CATEGORY_MARKERS
        .iter()
        .find(|(m, _)| *m == marker)
        .map(|(_, c)| *c)
}

/// Appends `text` lowercased to `out`: ASCII (nearly every id and class) in place, without
/// the copy `str::to_lowercase` makes. Lowercasing pieces that start with a space gives what
/// lowercasing their concatenation gives (no case rule looks across a space).
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        if let Some(pushed) = out.get_mut(start..) {
            pushed.make_ascii_lowercase();
        }
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Longer data-attribute values are not markers but URLs, JSON or prose (bytes of UTF-8; the
/// page layer leaves out values over this many UTF-16 units, which are longer in UTF-8 too).
const MAX_DATA_MARKER_CHARS: usize = 128;

/// The data-attribute values where markers may live, as written (the rest of
/// [`evidence_of`]'s markup after [`push_id_and_class`]).
fn data_marker_values<'n>(node: &'n Node) -> impl Iterator<Item = &'n str> {
    node.attrs
        .iter()
        .filter(|(name, value)| name.starts_with("data-") && value.len() <= MAX_DATA_MARKER_CHARS)
        .map(|(_, value)| value)
}

/// id + classes only (data values may hold URLs and prose that would fake a zone),
/// lowercased, appended to `out`; nothing when the element has neither. The page index
/// keeps it for every element (`PageIndex::own_markup`): zones, evidence, vetoes and
/// backdrops all read it.
pub fn push_id_and_class(node: &Node, out: &mut String) {
    let (id, class) = (node.id_attr(), node.class_attr());
    if id.is_empty() && class.is_empty() {
        return;
    }
    push_lowercase(out, id);
    out.push(' ');
    push_lowercase(out, class);
}

/// What the element's own markup says.
#[derive(Debug, Default, Clone)]
pub struct MarkupEvidence {
    /// Categories named by markers, with the first marker that named each.
    pub categories: Vec<(Category, &'static str)>,
    /// An overlay-shape word ("modal", "banner"…), if any.
    pub shape: Option<&'static str>,
    /// A popup/paywall tool's container class, if any.
    pub vendor: Option<&'static str>,
    /// `role=dialog|alertdialog`.
    pub dialog_role: bool,
    /// `aria-modal=true`.
    pub aria_modal: bool,
    /// A word naming a dialog the user opens (login, search, share, feedback), if any.
    pub user_dialog: Option<&'static str>,
}

impl MarkupEvidence {
    pub fn names(&self, category: Category) -> bool {
        self.categories.iter().any(|(c, _)| *c == category)
    }

    /// Markup alone says "this is an overlay of some category".
    pub fn is_strong(&self) -> bool {
        let named = !self.categories.is_empty();
        self.vendor.is_some() || (named && (self.shape.is_some() || self.dialog_role))
    }
}

/// What `node`'s markup says; `own` is its [`push_id_and_class`], `markers` its
/// [`own_markers`]. Its markup is `own`, then the data values, lower-cased: category markers
/// count anywhere in it, the other lists only inside `own`. No marker holds a space, so
/// none spans two of these parts, and each is searched on its own, in order (no copy of
/// them joined): `own` only when it holds a marker (as `markers` says), then each data
/// value, copied only when it has capitals to lower.
pub fn evidence_of(node: &Node, own: &str, markers: OwnMarkers) -> MarkupEvidence {
    let role = node.attr("role").unwrap_or("");
    let mut evidence = MarkupEvidence {
        dialog_role: role == "dialog" || role == "alertdialog" || node.tag == "dialog",
        aria_modal: node.attr("aria-modal") == Some("true"),
        ..MarkupEvidence::default()
    };
    // Most elements carry neither id and class nor a data value.
    if own.is_empty() && data_marker_values(node).next().is_none() {
        return evidence;
    }
    let mut shape = None;
    if markers.overlay {
        markup_index().scan(own, |_, marker, entry| {
            note_marker(&mut evidence, &mut shape, marker, entry, true);
            true
        });
    }
    let mut lower = String::new();
    for value in data_marker_values(node) {
        let value = if value.is_ascii() && !value.bytes().any(|b| b.is_ascii_uppercase()) {
            value
        } else {
            lower.clear();
            push_lowercase(&mut lower, value);
            lower.as_str()
        };
        markup_index().scan(value, |_, marker, entry| {
            note_marker(&mut evidence, &mut shape, marker, entry, false);
            true
        });
    }
    evidence.shape = shape.or(markers.shape_word);
    evidence
}

/// What [`evidence_of`] makes of a marker of its markup index found in `node`'s markup,
/// `inside_own` when in its id and classes: the first shape goes to `shape`.
fn note_marker(
    evidence: &mut MarkupEvidence,
    shape: &mut Option<&'static str>,
    marker: &'static str,
    entry: usize,
    inside_own: bool,
) {
    match MarkerList::of_entry(entry) {
        MarkerList::Category => {
            if let Some(category) = category_of_marker(marker) {
                if !evidence.names(category) {
                    evidence.categories.push((category, marker));
                }
            }
        }
        MarkerList::Vendor if inside_own => {
            evidence.vendor.get_or_insert(marker);
        }
        MarkerList::Shape if inside_own => {
            shape.get_or_insert(marker);
        }
        MarkerList::UserDialog if inside_own => {
            evidence.user_dialog.get_or_insert(marker);
        }
        _ => {}
    }
}

/// The zone an element opens, judged by its own markup; `markers` are its [`own_markers`].
pub fn zone_of(node: &Node, markers: OwnMarkers) -> Zone {
    if matches!(&*node.tag, "html" | "body") {
        return Zone::None;
    }
    match &*node.tag {
        "nav" | "header" | "menu" => return Zone::Navigation,
        "video" | "audio" => return Zone::Player,
        _ => {}
    }
    if matches!(
        node.attr("role"),
        Some("navigation" | "menubar" | "menu" | "banner" | "search")
    ) {
        return Zone::Navigation;
    }
    if markers.navigation_class {
        return Zone::Navigation;
    }
    markers.zone
}

/// Precedence of the zones [`zone_of`] finds by markers (lower wins).
fn zone_rank(zone: Zone) -> u8 {
    match zone {
        Zone::Player => 0,
        Zone::Chat => 1,
        _ => 2,
    }
}

/// Elements that hold the article itself.
pub fn is_article_marker(node: &Node) -> bool {
    node.tag == "article"
        || node.tag == "main"
        || node
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
        || node
            .attr("name")
            .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
}

/// Classes that mark article content even when another class says "paywall"; `own` is the
/// element's [`push_id_and_class`].
pub fn has_content_class(own: &str) -> bool {
    const CONTENT_MARKERS: &[&str] = &[
        "article-body",
        "article__body",
        "articlebody",
        "article-content",
        "articlepage-content",
        "story-body",
        "entry-content",
        "post-content",
        "meteredcontent",
        "heading-",
    ];
    // One pass over the markup for the list (a substring search per marker set up a
    // searcher each time).
    static INDEX: OnceLock<PhraseIndex> = OnceLock::new();
    INDEX
        .get_or_init(|| PhraseIndex::new(CONTENT_MARKERS.iter().copied()))
        .find_first(own)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_marker_spans_a_space() {
        // `evidence_of` searches the data values alone when the id and classes hold no
        // marker: right only while no marker could span the space between them.
        let all: Vec<&str> = indexed_markers().collect();
        assert!(all.iter().all(|marker| !marker.contains(' ')));
        let total: usize = MarkerList::ALL.iter().map(|list| list.len()).sum();
        assert_eq!(total, all.len());
    }

    #[test]
    fn data_values_name_categories_only_and_in_order() {
        let html = r#"<div id="Box" class="Pop-Modal" data-a="Newsletter-Slot"
            data-b="tp-modal PAYWALL" data-c="overlay"></div>"#;
        let page = crate::html::parse(html, "https://example.org/");
        let div = page.nodes.iter().find(|n| &*n.tag == "div").expect("a div");
        let mut own = String::new();
        push_id_and_class(div, &mut own);
        let markers = own_markers(div, &own);
        let evidence = evidence_of(div, &own, markers);
        // The id and classes' shape; the data values' categories, in their order (capitals
        // lowered), but no vendor and no shape of theirs ("tp-modal", "overlay").
        assert_eq!(evidence.shape, Some("modal"));
        assert_eq!(
            evidence.categories,
            [
                (Category::Newsletter, "newsletter"),
                (Category::Paywall, "tp-modal")
            ]
        );
        assert_eq!(evidence.vendor, None);
        // Without markers in its id and classes, an element's data values still count.
        let bare = evidence_of(div, "", OwnMarkers::NONE);
        assert_eq!(bare.categories.len(), 2);
        assert_eq!(bare.shape, None);
    }

    #[test]
    fn every_navigation_class_passes_the_first_letter_test() {
        for class in NAVIGATION_CLASSES {
            assert!(names_navigation(class), "{class}");
            assert!(names_navigation(&class.to_ascii_uppercase()), "{class}");
        }
        assert!(!names_navigation("navs") && !names_navigation("content") && !names_navigation(""));
    }

    #[test]
    fn shape_words_count_whole_only() {
        let first_shape_word = |class: &str| {
            let html = format!(r#"<div class="{class}"></div>"#);
            let page = crate::html::parse(&html, "https://example.org/");
            let div = page.nodes.iter().find(|n| &*n.tag == "div").expect("a div");
            let mut own = String::new();
            push_id_and_class(div, &mut own);
            own_markers(div, &own).shape_word
        };
        assert_eq!(first_shape_word("top-Bar"), Some("bar"));
        assert_eq!(first_shape_word("sidebar bar2 toolbar"), None);
        assert_eq!(first_shape_word("x_sheet nag"), Some("sheet"));
        assert_eq!(first_shape_word("é-toast-dock"), Some("toast"));
    }

    #[test]
    fn own_markers_name_zones_by_precedence() {
        let node = crate::html::parse(
            r#"<div class="gallery jw-player chat-box"></div>"#,
            "https://example.org/",
        );
        let div = node.nodes.iter().find(|n| &*n.tag == "div").expect("a div");
        let mut own = String::new();
        push_id_and_class(div, &mut own);
        let markers = own_markers(div, &own);
        assert_eq!(markers.zone, Zone::Player);
        assert!(!markers.overlay);
        assert_eq!(zone_of(div, markers), Zone::Player);
    }
}
