//! Scans of synthetic pages with layout, written for these tests (original text).

use super::*;
use crate::snapshot::{Layout, Node, NodeKind, RootState, RootStyle, Viewport};

const WIDTH: f32 = 1280.0;
const HEIGHT: f32 = 800.0;

/// Builds a snapshot in document order: add each element before its children, and
/// finish a subtree before starting its next sibling.
struct Page {
    snapshot: Snapshot<'static>,
}

impl Page {
    fn new() -> Page {
        let mut page = Page {
            snapshot: Snapshot {
                viewport: Viewport {
                    width: WIDTH,
                    height: HEIGHT,
                },
                ..Snapshot::default()
            },
        };
        let html = page.push(None, "html", &[]);
        page.push(Some(html), "body", &[]);
        page
    }

    const BODY: NodeId = 1;

    fn push(&mut self, parent: Option<NodeId>, tag: &str, attrs: &[(&str, &str)]) -> NodeId {
        let id = self.snapshot.nodes.len() as NodeId;
        self.snapshot.nodes.push(Node {
            parent,
            tag: tag.to_string().into(),
            attrs: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            visible: true,
            layout: Some(Layout {
                width: WIDTH,
                height: 40.0,
                position: "static".into(),
                opacity: 1.0,
                ..Layout::default()
            }),
            ..Node::default()
        });
        id
    }

    fn el(&mut self, parent: NodeId, tag: &str, attrs: &[(&str, &str)]) -> NodeId {
        self.push(Some(parent), tag, attrs)
    }

    /// An element holding one text node.
    fn says(&mut self, parent: NodeId, tag: &str, attrs: &[(&str, &str)], text: &str) -> NodeId {
        let id = self.el(parent, tag, attrs);
        self.text(id, text);
        id
    }

    fn text(&mut self, parent: NodeId, text: &str) {
        self.snapshot.nodes.push(Node {
            kind: NodeKind::Text,
            parent: Some(parent),
            text: text.to_string().into(),
            visible: true,
            ..Node::default()
        });
    }

    fn place(
        &mut self,
        id: NodeId,
        rect: (f32, f32, f32, f32),
        position: &str,
    ) -> &mut Layout<'static> {
        let layout = self.snapshot.nodes[id as usize]
            .layout
            .get_or_insert_with(Layout::default);
        (layout.x, layout.y, layout.width, layout.height) = rect;
        layout.position = position.to_string().into();
        layout
    }

    /// A fixed element at `rect`.
    fn fixed(
        &mut self,
        parent: NodeId,
        attrs: &[(&str, &str)],
        rect: (f32, f32, f32, f32),
    ) -> NodeId {
        let id = self.el(parent, "div", attrs);
        self.place(id, rect, "fixed").z_index = 1000;
        id
    }

    /// A static article of original sentences; returns the `<article>`.
    fn article(&mut self, parent: NodeId, class: &str) -> NodeId {
        let article = self.el(parent, "article", &[("class", class)]);
        self.says(
            article,
            "h1",
            &[],
            "Harbour town votes to rebuild its old wooden pier",
        );
        for sentence in [
            "The council approved the plan after a long evening meeting on Tuesday.",
            "Fishermen said the pier had been unsafe since the winter storms damaged it.",
            "Work is expected to start in spring and to last about eight months.",
            "The mayor said the town would also restore the lamp posts along the quay.",
            "Local shops hope the new pier will bring back summer visitors and ferries.",
        ] {
            self.says(article, "p", &[], &sentence.repeat(4));
        }
        article
    }

    fn context(&self, article: NodeId) -> ScanContext {
        ScanContext {
            headline: "Harbour town votes to rebuild its old wooden pier".into(),
            excerpt: "The council approved the plan after a long evening meeting on Tuesday."
                .into(),
            article_root: Some(article),
        }
    }

    fn scan(&self, article: NodeId) -> OverlayScan {
        self.snapshot
            .validate()
            .expect("test pages are well formed");
        scan(&self.snapshot, &self.context(article))
    }
}

const FULL: (f32, f32, f32, f32) = (0.0, 0.0, WIDTH, HEIGHT);
const BOTTOM: (f32, f32, f32, f32) = (0.0, 620.0, WIDTH, 180.0);
const CORNER: (f32, f32, f32, f32) = (900.0, 480.0, 360.0, 300.0);
const CENTRE: (f32, f32, f32, f32) = (340.0, 150.0, 600.0, 500.0);

fn hidden_nodes(scan: &OverlayScan) -> Vec<NodeId> {
    scan.hidden.iter().map(|h| h.node).collect()
}

fn only_category(scan: &OverlayScan) -> Option<Category> {
    scan.hidden.first().map(|h| h.category)
}

#[test]
fn seed_style_donation_modal_with_scroll_lock() {
    let mut page = Page::new();
    let main = page.el(Page::BODY, "main", &[("aria-hidden", "true")]);
    let article = page.article(main, "story");
    let wrapper = page.fixed(Page::BODY, &[("class", "support-modal__wrapper")], FULL);
    let backdrop = page.fixed(wrapper, &[("class", "support-modal__shade")], FULL);
    page.place(backdrop, FULL, "fixed").background_alpha = 0.6;
    let modal = page.fixed(wrapper, &[("class", "support-modal")], CENTRE);
    page.says(modal, "button", &[("class", "close")], "×");
    page.says(modal, "h3", &[], "A note from the Daily Example:");
    page.says(
        modal,
        "p",
        &[],
        "Dear readers, our newsroom depends on you.",
    );
    page.says(
        modal,
        "p",
        &[],
        "Please support us monthly, starting from a small amount.",
    );
    for choice in ["Once", "Monthly", "Annual", "$5", "$10"] {
        page.says(modal, "button", &[], choice);
    }
    page.says(modal, "a", &[("href", "/donate")], "Continue");
    page.says(modal, "a", &[], "Remind me later.");
    page.snapshot.root = RootState {
        html: RootStyle::default(),
        body: RootStyle {
            overflow_y: "hidden".into(),
            class: "page modal-open".into(),
            ..RootStyle::default()
        },
    };
    let result = page.scan(article);
    assert_eq!(hidden_nodes(&result), vec![wrapper]);
    assert_eq!(only_category(&result), Some(Category::Donation));
    let overlay = &result.hidden[0];
    assert!(overlay.signals.iter().any(|s| s == "covers viewport"));
    assert!(overlay.excerpt.starts_with("× A note from"));
    assert!(overlay.excerpt.chars().count() <= 120);
    assert!(result.fixes.unlock_scroll);
    assert_eq!(result.fixes.root_classes, vec!["modal-open".to_string()]);
    assert!(result.fixes.uninert.contains(&main));
}

#[test]
fn bottom_paywall_sheet_and_its_backdrop() {
    let mut page = Page::new();
    let main = page.el(Page::BODY, "main", &[]);
    page.place(main, (0.0, 0.0, WIDTH, 3000.0), "static")
        .blurred = true;
    let article = page.article(main, "story");
    let backdrop = page.fixed(Page::BODY, &[("class", "shade")], FULL);
    page.place(backdrop, FULL, "fixed").background_alpha = 0.5;
    let sheet = page.fixed(Page::BODY, &[("class", "offer-sheet")], BOTTOM);
    page.says(sheet, "h2", &[], "You've read 3 free articles this month");
    page.says(
        sheet,
        "a",
        &[("href", "https://example.test/subscribe")],
        "See plans",
    );
    page.says(sheet, "p", &[], "Already a subscriber? Sign in");
    let result = page.scan(article);
    assert_eq!(hidden_nodes(&result), vec![sheet, backdrop]);
    assert!(result
        .hidden
        .iter()
        .all(|h| h.category == Category::Paywall));
    assert_eq!(result.fixes.unblur, vec![main]);
    assert!(
        !result.fixes.unlock_scroll,
        "nothing locked the scroll here"
    );
}

#[test]
fn newsletter_slide_in() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let slide = page.fixed(Page::BODY, &[("id", "promo-7")], CORNER);
    page.says(slide, "p", &[], "Get our morning briefing in your inbox");
    page.el(
        slide,
        "input",
        &[("type", "email"), ("placeholder", "you@example.test")],
    );
    page.says(slide, "button", &[], "Sign me up");
    page.says(slide, "button", &[], "No thanks");
    let result = page.scan(article);
    assert_eq!(hidden_nodes(&result), vec![slide]);
    assert_eq!(only_category(&result), Some(Category::Newsletter));
    assert!(result.hidden[0].signals.iter().any(|s| s == "email field"));
}

#[test]
fn adblock_wall() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let wall = page.fixed(Page::BODY, &[("class", "notice-layer")], FULL);
    page.place(wall, FULL, "fixed").background_alpha = 0.9;
    page.says(wall, "h2", &[], "It looks like you are using an ad blocker");
    page.says(
        wall,
        "p",
        &[],
        "Please turn off your ad blocker or whitelist our site.",
    );
    let result = page.scan(article);
    assert_eq!(hidden_nodes(&result), vec![wall]);
    assert_eq!(only_category(&result), Some(Category::Adblock));
}

#[test]
fn appeals_in_five_more_languages() {
    let cases = [
        (
            "Jetzt unterstützen: Ihre Spende hält uns unabhängig.",
            Category::Donation,
        ),
        (
            "Поддержите независимую редакцию — каждый рубль важен.",
            Category::Donation,
        ),
        (
            "Abonnez-vous pour lire la suite. Déjà abonné ? Connectez-vous.",
            Category::Paywall,
        ),
        (
            "Suscríbete para seguir leyendo. ¿Ya eres suscriptor?",
            Category::Paywall,
        ),
        (
            "Apoie o jornalismo independente. Faça uma doação.",
            Category::Donation,
        ),
        (
            "Assine já e tenha acesso ilimitado. Já é assinante? Entre.",
            Category::Paywall,
        ),
        (
            "Faire un don : soutenez notre rédaction.",
            Category::Donation,
        ),
    ];
    for (sentence, expected) in cases {
        let mut page = Page::new();
        let article = page.article(Page::BODY, "story");
        let banner = page.fixed(Page::BODY, &[("class", "strip")], BOTTOM);
        page.says(banner, "p", &[], sentence);
        page.says(banner, "button", &[("aria-label", "Schließen")], "");
        let result = page.scan(article);
        assert_eq!(only_category(&result), Some(expected), "{sentence}");
    }
}

#[test]
fn cookie_banner_is_its_own_category_and_fixes_nothing() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let banner = page.fixed(Page::BODY, &[("class", "privacy-strip")], BOTTOM);
    page.says(
        banner,
        "p",
        &[],
        "We use cookies to measure traffic and remember your choices.",
    );
    page.says(banner, "button", &[], "Accept all");
    page.says(banner, "button", &[], "Reject all");
    page.snapshot.root.body.overflow_y = "hidden".into();
    let result = page.scan(article);
    assert_eq!(only_category(&result), Some(Category::Cookie));
    assert_eq!(result.fixes, PageFixes::default());
}

#[test]
fn sticky_navigation_with_subscribe_link_stays() {
    let mut page = Page::new();
    let header = page.el(Page::BODY, "header", &[("class", "site-top")]);
    page.place(header, (0.0, 0.0, WIDTH, 64.0), "sticky");
    let bar = page.el(header, "div", &[("class", "top-bar sticky")]);
    page.place(bar, (0.0, 0.0, WIDTH, 64.0), "fixed");
    page.says(bar, "a", &[("href", "/news")], "News");
    page.says(bar, "a", &[("href", "/subscribe")], "Subscribe now for $1");
    let article = page.article(Page::BODY, "story");
    assert!(page.scan(article).hidden.is_empty());
}

#[test]
fn fixed_top_bar_full_of_links_stays() {
    let mut page = Page::new();
    let bar = page.fixed(
        Page::BODY,
        &[("class", "top-wrapper")],
        (0.0, 0.0, WIDTH, 70.0),
    );
    for section in [
        "World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion",
    ] {
        page.says(bar, "a", &[("href", "/section")], section);
    }
    page.says(
        bar,
        "a",
        &[("href", "/subscribe")],
        "Subscribe for $1 a week",
    );
    let article = page.article(Page::BODY, "story");
    assert!(page.scan(article).hidden.is_empty());
}

/// A fixed bar with a sign-up link and, with `menu`, a `<nav>` as the page layer sends it
/// (without its links): the scan's hidden elements.
fn bar_with_subscribe_link(menu: bool) -> Vec<NodeId> {
    let mut page = Page::new();
    let bar = page.fixed(
        Page::BODY,
        &[("class", "top-wrapper")],
        (0.0, 0.0, WIDTH, 70.0),
    );
    if menu {
        page.el(bar, "nav", &[("class", "sections")]);
    }
    page.says(
        bar,
        "a",
        &[("href", "/subscribe")],
        "Subscribe for $1 a week",
    );
    page.says(bar, "button", &[], "No thanks");
    let article = page.article(Page::BODY, "story");
    hidden_nodes(&page.scan(article))
}

#[test]
fn fixed_bar_holding_the_site_menu_stays() {
    assert!(bar_with_subscribe_link(true).is_empty());
    // The menu is what keeps it: the same bar without one is an ask.
    assert_eq!(bar_with_subscribe_link(false).len(), 1);
}

#[test]
fn paywall_dialog_holding_a_menu_is_still_hidden() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let modal = page.fixed(
        Page::BODY,
        &[("class", "paywall-modal"), ("role", "dialog")],
        FULL,
    );
    page.el(modal, "nav", &[("class", "plans")]);
    page.says(modal, "h2", &[], "Subscribe to keep reading");
    page.says(modal, "button", &[], "Subscribe for $1 a week");
    assert_eq!(hidden_nodes(&page.scan(article)), vec![modal]);
}

#[test]
fn pinned_body_is_unpinned_at_its_scroll_position() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let gate = page.fixed(Page::BODY, &[("class", "gate")], FULL);
    page.says(gate, "p", &[], "Register for free to continue reading.");
    page.says(gate, "p", &[], "Already have an account? Log in");
    page.snapshot.root.body.position = "fixed".into();
    page.snapshot.root.body.top = -1450.0;
    let result = page.scan(article);
    assert_eq!(only_category(&result), Some(Category::Paywall));
    assert!(result.fixes.unlock_scroll);
    assert_eq!(result.fixes.restore_scroll_top, 1450.0);
}

#[test]
fn player_login_chat_and_lightbox_dialogs_stay() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let player = page.el(Page::BODY, "div", &[("class", "video-js")]);
    let player_dialog = page.fixed(
        player,
        &[("class", "vjs-modal-dialog"), ("role", "dialog")],
        FULL,
    );
    page.says(player_dialog, "p", &[], "Subscribe to our channel. Close");
    let login = page.fixed(
        Page::BODY,
        &[("role", "dialog"), ("aria-modal", "true")],
        CENTRE,
    );
    page.says(
        login,
        "h2",
        &[],
        "Sign in to your account to get our newsletter",
    );
    page.el(login, "input", &[("type", "email")]);
    page.el(login, "input", &[("type", "password")]);
    page.says(login, "button", &[], "Close");
    let chat = page.fixed(Page::BODY, &[("id", "intercom-container")], CORNER);
    page.says(
        chat,
        "p",
        &[],
        "Questions? Sign up for our newsletter or chat with us.",
    );
    page.el(chat, "input", &[("type", "email")]);
    let lightbox = page.fixed(Page::BODY, &[("class", "lightbox is-open")], FULL);
    page.el(lightbox, "img", &[("src", "pier.jpg")]);
    page.says(
        lightbox,
        "p",
        &[],
        "Volunteers donate their weekend to paint the pier. ×",
    );
    let result = page.scan(article);
    assert!(result.hidden.is_empty(), "{:?}", result.hidden);
}

#[test]
fn article_marked_paywall_and_inline_form_stay() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "paywall");
    let form = page.el(article, "form", &[("class", "newsletter-signup")]);
    page.says(
        form,
        "p",
        &[],
        "Sign up for our newsletter to get the weekly digest.",
    );
    page.el(form, "input", &[("type", "email")]);
    page.says(form, "button", &[], "Subscribe");
    let result = page.scan(article);
    assert!(result.hidden.is_empty(), "{:?}", result.hidden);
    let context = page.context(article);
    assert_eq!(recognise(&page.snapshot, article, &context), None);
    assert_eq!(classify(&page.snapshot, article, &context), None);
}

#[test]
fn page_without_overlay_gets_no_fixes() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    page.snapshot.root.body.overflow_y = "hidden".into();
    page.snapshot.root.html.class = "modal-open".into();
    let result = page.scan(article);
    assert_eq!(result, OverlayScan::default());
}

#[test]
fn open_dialog_is_closed_and_inert_content_restored() {
    let mut page = Page::new();
    let main = page.el(Page::BODY, "main", &[("inert", "")]);
    let article = page.article(main, "story");
    let dialog = page.el(Page::BODY, "dialog", &[("open", "")]);
    page.place(dialog, CENTRE, "fixed").top_layer = true;
    page.says(
        dialog,
        "p",
        &[],
        "Become a member: make a donation to keep the paper free.",
    );
    page.says(dialog, "button", &[], "Maybe later");
    let result = page.scan(article);
    assert_eq!(hidden_nodes(&result), vec![dialog]);
    assert_eq!(result.fixes.close_dialogs, vec![dialog]);
    assert_eq!(result.fixes.uninert, vec![main]);
}

#[test]
fn incremental_scan_of_an_added_subtree_is_cheap() {
    let mut page = Page {
        snapshot: Snapshot {
            viewport: Viewport {
                width: WIDTH,
                height: HEIGHT,
            },
            partial: true,
            ..Snapshot::default()
        },
    };
    let popup = page.push(None, "div", &[("class", "pop")]);
    page.place(popup, CORNER, "fixed");
    page.says(
        popup,
        "p",
        &[],
        "Don't miss a story: join our mailing list.",
    );
    page.el(popup, "input", &[("type", "email")]);
    page.says(popup, "button", &[], "×");
    let context = ScanContext {
        article_root: Some(0),
        ..ScanContext::default()
    };
    let started = std::time::Instant::now();
    let rounds = 200;
    for _ in 0..rounds {
        let result = scan(&page.snapshot, &context);
        assert_eq!(hidden_nodes(&result), vec![popup]);
    }
    let per_scan = started.elapsed() / rounds;
    eprintln!("incremental scan: {per_scan:?} per scan");
    assert!(
        per_scan.as_millis() < 5,
        "incremental scan took {per_scan:?}"
    );
}

#[test]
fn saved_html_without_layout_uses_strong_markup_only() {
    let html = r#"<html><body class="tp-modal-open">
        <article class="paywall"><h1>Pier vote</h1><p class="paywall">The council met.</p></article>
        <nav><a href="/support">Support us</a></nav>
        <div class="tp-modal"><p>You've reached your limit of free articles.</p>
          <a href="/offer">Subscribe now</a><button>×</button></div>
        <div class="tp-backdrop"></div>
        <div class="teaser-box"><p>Support us today</p></div>
        </body></html>"#;
    let snapshot = crate::html::parse(html, "");
    let result = scan(&snapshot, &ScanContext::default());
    let tags: Vec<String> = result
        .hidden
        .iter()
        .map(|h| snapshot.nodes[h.node as usize].class_attr().to_string())
        .collect();
    assert_eq!(tags, vec!["tp-modal", "tp-backdrop"]);
    assert_eq!(result.hidden[0].category, Category::Paywall);
    assert_eq!(result.fixes.root_classes, vec!["tp-modal-open".to_string()]);
}

#[test]
fn big_pages_scan_in_linear_time() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    // Deep nesting of overlay-looking wrappers is the worst case for naive subtree walks.
    let mut parent = Page::BODY;
    for level in 0..3000 {
        parent = page.el(parent, "div", &[("class", "modal-banner")]);
        page.says(
            parent,
            "span",
            &[],
            if level % 2 == 0 {
                "Support us"
            } else {
                "filler"
            },
        );
    }
    let started = std::time::Instant::now();
    let result = page.scan(article);
    eprintln!("with layout: {:?}", started.elapsed());
    assert!(
        started.elapsed().as_secs() < 3,
        "took {:?}",
        started.elapsed()
    );
    assert!(result.hidden.is_empty(), "static wrappers never float");
    // Without layout every wrapper passes the markup gate: reading stays capped.
    for node in &mut page.snapshot.nodes {
        node.layout = None;
    }
    let started = std::time::Instant::now();
    let _ = page.scan(article);
    eprintln!("without layout: {:?}", started.elapsed());
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn exit_intent_popup_is_named_by_its_trigger() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let popup = page.fixed(Page::BODY, &[("id", "exit-intent-overlay")], CENTRE);
    page.says(popup, "h2", &[], "Before you go: get the weekly newsletter");
    page.el(popup, "input", &[("type", "email")]);
    page.says(popup, "button", &[], "No thanks");
    let result = page.scan(article);
    assert_eq!(hidden_nodes(&result), vec![popup]);
    assert_eq!(only_category(&result), Some(Category::ExitIntent));
}

#[test]
fn ad_slots_and_hidden_markup_mounts_are_not_hidden() {
    let html = r#"<html><body><main><p>Story text.</p></main>
        <div class="ad-block banner"></div>
        <div class="paywall-modal" style="display:none"><p>Subscribe now</p></div>
        </body></html>"#;
    let snapshot = crate::html::parse(html, "");
    assert!(scan(&snapshot, &ScanContext::default()).hidden.is_empty());
    let mount = snapshot
        .nodes
        .iter()
        .position(|n| n.class_attr() == "paywall-modal")
        .expect("mount") as NodeId;
    let verdict = recognise(&snapshot, mount, &ScanContext::default());
    assert_eq!(verdict.map(|v| v.category), Some(Category::Paywall));
}

#[test]
fn never_panics_on_odd_snapshots() {
    // A small linear congruential generator: deterministic pseudo-random pages.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        ((seed >> 33) as usize) % bound.max(1)
    };
    let classes = [
        "modal",
        "paywall",
        "nav",
        "tp-backdrop",
        "",
        "vjs-x",
        "donate-bar",
    ];
    let texts = [
        "×",
        "Поддержите нас",
        "",
        "you've read 2 free articles",
        "€5",
        "ü\u{301}",
    ];
    let positions = ["fixed", "static", "sticky", "absolute", ""];
    for round in 0..200 {
        let mut snapshot = Snapshot {
            viewport: Viewport {
                width: [0.0, 1280.0, f32::NAN][next(3)],
                height: 800.0,
            },
            partial: round % 3 == 0,
            ..Snapshot::default()
        };
        for index in 0..next(60) + 1 {
            // Parents may point forward or nowhere: `scan` must cope even unvalidated.
            let parent = match next(10) {
                0 => None,
                1 => Some((index + next(5)) as NodeId),
                _ => Some(next(index.max(1)) as NodeId),
            };
            let is_text = next(3) == 0;
            snapshot.nodes.push(Node {
                kind: if is_text {
                    NodeKind::Text
                } else {
                    NodeKind::Element
                },
                parent,
                tag: if is_text { "".into() } else { "div".into() },
                text: texts[next(texts.len())].into(),
                attrs: [(
                    "class".to_string(),
                    classes[next(classes.len())].to_string(),
                )]
                .into_iter()
                .collect(),
                visible: next(4) != 0,
                layout: (next(2) == 0).then(|| Layout {
                    x: next(1300) as f32 - 10.0,
                    y: next(900) as f32,
                    width: next(1400) as f32,
                    height: next(900) as f32,
                    position: positions[next(positions.len())].into(),
                    opacity: next(2) as f32,
                    top_layer: next(9) == 0,
                    ..Layout::default()
                }),
                ..Node::default()
            });
        }
        let context = ScanContext {
            headline: "you've read".into(),
            excerpt: "€5".into(),
            article_root: Some(next(80) as NodeId),
        };
        let result = scan(&snapshot, &context);
        for hidden in &result.hidden {
            assert!((hidden.node as usize) < snapshot.nodes.len());
            assert!(hidden.excerpt.chars().count() <= 120);
        }
    }
}

#[test]
fn walls_without_a_way_out_are_corroborated_by_the_page_they_hold() {
    // A paywall sheet with no dismiss control and one phrase: on a page whose scroll it
    // locked it interrupts the reader; on a page that scrolls freely it is only a topic.
    let build = |locked: bool| {
        let mut page = Page::new();
        let article = page.article(Page::BODY, "story");
        let sheet = page.fixed(Page::BODY, &[("class", "plan-box")], BOTTOM);
        page.says(sheet, "h2", &[], "Keep reading with a Harbour pass");
        page.says(sheet, "p", &[], "Plans start at two euros a week.");
        if locked {
            page.snapshot.root.body.overflow_y = "hidden".into();
        }
        (page.scan(article), sheet)
    };
    let (locked, sheet) = build(true);
    assert_eq!(hidden_nodes(&locked), vec![sheet]);
    assert_eq!(only_category(&locked), Some(Category::Paywall));
    assert!(locked.hidden[0]
        .signals
        .iter()
        .any(|s| s == "wall: page overflow hidden"));
    assert!(locked.fixes.unlock_scroll);
    let (free, _) = build(false);
    assert!(free.hidden.is_empty(), "{:?}", free.hidden);
}

#[test]
fn modal_and_full_screen_walls_need_no_dismiss_control() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let wall = page.fixed(Page::BODY, &[("class", "notice-layer")], FULL);
    page.says(wall, "h2", &[], "Detetámos um bloqueador de anúncios");
    page.says(wall, "button", &[], "Já desativei");
    let result = page.scan(article);
    assert_eq!(hidden_nodes(&result), vec![wall]);
    assert_eq!(only_category(&result), Some(Category::Adblock));
    assert!(result.hidden[0]
        .signals
        .iter()
        .any(|s| s == "wall: covers viewport"));

    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let dialog = page.fixed(
        Page::BODY,
        &[
            ("class", "offer"),
            ("role", "dialog"),
            ("aria-modal", "true"),
        ],
        CENTRE,
    );
    page.says(dialog, "h2", &[], "Weiterlesen mit A+");
    page.says(dialog, "a", &[("href", "#")], "Bereits Abonnent? Anmelden");
    let result = page.scan(article);
    assert_eq!(hidden_nodes(&result), vec![dialog]);
    assert!(result.hidden[0].signals.iter().any(|s| s == "wall: modal"));
}

#[test]
fn appeal_strip_whose_button_is_the_ask() {
    let strip_page = |button: bool| {
        let mut page = Page::new();
        let article = page.article(Page::BODY, "story");
        let strip = page.fixed(
            Page::BODY,
            &[("class", "promo-strip")],
            (0.0, 740.0, WIDTH, 60.0),
        );
        page.text(strip, "Local reporting depends on readers like you.");
        if button {
            page.says(strip, "button", &[], "Chip in");
        } else {
            page.says(strip, "span", &[], "Readers chip in at the library desk.");
        }
        (page.scan(article), strip)
    };
    let (result, strip) = strip_page(true);
    assert_eq!(hidden_nodes(&result), vec![strip]);
    assert_eq!(only_category(&result), Some(Category::Donation));
    assert!(result.hidden[0]
        .signals
        .iter()
        .any(|s| s == "call to action: chip in"));
    // The same words in running text are not a control: a topic, not an ask.
    let (result, _) = strip_page(false);
    assert!(result.hidden.is_empty(), "{:?}", result.hidden);
}

#[test]
fn a_bare_later_button_dismisses() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let card = page.fixed(Page::BODY, &[("class", "ol-card")], CORNER);
    page.says(card, "h2", &[], "Become a Harbour member");
    page.says(
        card,
        "p",
        &[],
        "Members keep our reporting free for everyone.",
    );
    page.says(card, "button", &[], "Join now");
    page.says(card, "button", &[], "Later");
    let result = page.scan(article);
    assert_eq!(hidden_nodes(&result), vec![card]);
    assert_eq!(only_category(&result), Some(Category::Donation));
    assert!(result.hidden[0]
        .signals
        .iter()
        .any(|s| s == "dismiss: later"));
}

#[test]
fn small_fixed_bar_of_links_with_an_ask_button_stays() {
    let mut page = Page::new();
    let article = page.article(Page::BODY, "story");
    let bar = page.fixed(Page::BODY, &[("class", "topbar")], (0.0, 0.0, WIDTH, 56.0));
    page.says(bar, "a", &[("href", "/")], "The Harbour Post");
    page.says(bar, "a", &[("href", "/news")], "News");
    page.says(bar, "a", &[("href", "/sport")], "Sport");
    page.says(bar, "button", &[], "Donate");
    let result = page.scan(article);
    assert!(result.hidden.is_empty(), "{:?}", result.hidden);
}

#[test]
fn scan_context_reads_back_the_json_the_report_wrote() {
    let context = ScanContext {
        headline: "A \"quoted\" headline".into(),
        excerpt: "First words of the story…".into(),
        article_root: Some(42),
    };
    let json = serde_json::to_string(&context).expect("writes");
    assert_eq!(ScanContext::from_json(&json), Ok(context));
    let without_root = ScanContext::default();
    let json = serde_json::to_string(&without_root).expect("writes");
    assert!(json.contains("\"article_root\":null"), "{json}");
    assert_eq!(ScanContext::from_json(&json), Ok(without_root));
}

#[test]
fn scan_context_fields_may_be_missing_but_not_of_another_type() {
    let partial = ScanContext::from_json(r#"{"headline":"","excerpt":"","extra":1}"#);
    assert_eq!(partial, Ok(ScanContext::default()));
    assert_eq!(ScanContext::from_json("{}"), Ok(ScanContext::default()));
    for bad in [
        r#"{"headline":1}"#,
        r#"{"excerpt":null}"#,
        r#"{"article_root":-1}"#,
        r#"{"article_root":1.5}"#,
        r#"{"article_root":4294967296}"#,
        r#"{"article_root":"3"}"#,
        "[]",
        "not json",
    ] {
        assert!(ScanContext::from_json(bad).is_err(), "{bad}");
    }
}
