//! Robustness: arbitrary input into every public entry point of the core must never panic or
//! hang, and every offset and node id it returns must point inside its input.
//!
//! Case counts are small by default so CI stays fast (< 20 s in debug). A longer run:
//!
//! ```text
//! PROPTEST_CASES=5000 cargo test --release --test robustness
//! ```
//!
//! Besides the random cases, a few fixed monsters (10,000-deep nesting, a 1 MB text node,
//! the node cap) check that nothing recurses per nesting level or goes quadratic.
//! Inputs are generated; no third-party text is used.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use unveil::overlays::ScanContext;
use unveil::report::Status;
use unveil::snapshot::{wire, Attrs, Layout, Node, NodeKind, Snapshot, MAX_NODES};
use unveil::{analyze, html, quotes, scan_overlays, summary, Report};

/// Default number of random cases per property; `PROPTEST_CASES` overrides it.
const DEFAULT_CASES: u32 = 48;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    ProptestConfig {
        cases,
        // Shrinking a slow failure can take minutes; a failing seed is printed anyway.
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    }
}

// ---- generators ------------------------------------------------------------------------

/// Text that exercises the quote and sentence code: quote marks of every script, sentence
/// ends, reporting verbs, names, newlines, multi-byte and astral characters.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => Just(" ".to_string()),
        3 => prop::sample::select(vec![
            "said", "says", "told", "according to", "added", "he", "she", "they", "Anna Petrova",
            "Dr. Lee", "U.S.", "Mr.", "«", "»", "„", "“", "”", "‘", "’", "\"", "'", "‹", "›",
            "「", "」", ".", "!", "?", "…", ",", ":", ";", "—", "\n", "\n\n", "\t", "sagte",
            "заявил", "dijo", "a déclaré", "😀", "\u{200b}", "\u{00a0}", "e\u{301}", "ß", "İ",
        ])
        .prop_map(str::to_string),
        3 => "[a-zA-Z]{1,12}",
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat())
}

fn lang() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "en", "ru", "de", "fr", "es", "pt", "xx", "EN-us"])
        .prop_map(str::to_string)
}

/// Markup fragments, well-formed or not, nested or not.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "<p>", "</p>", "<div class=\"paywall modal\">", "</div>", "<article>", "</article>",
            "<body>", "<html lang=\"ru\">", "<title>", "</title>", "<script>", "</script>",
            "<template>", "</template>", "<svg><text>", "</svg>", "<br>", "<h1>", "</h1>",
            "<div hidden>", "<div style=\"display: none\">", "<blockquote>", "<li>", "<table><tr><td>",
            "<meta property=\"og:title\" content=\"x\">", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;",
            "&#x1F600;", "<", ">", "<iframe srcdoc=\"<p>x</p>\">", "<dialog open>", "</dialog>",
            "<img src=x onerror=alert(1)>", "<frameset>", "<noscript>",
        ])
        .prop_map(str::to_string),
        3 => prose(),
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn attrs() -> impl Strategy<Value = BTreeMap<String, String>> {
    let name = prop::sample::select(vec![
        "class",
        "id",
        "role",
        "aria-modal",
        "aria-hidden",
        "inert",
        "hidden",
        "open",
        "lang",
        "data-x",
        "style",
        "",
    ])
    .prop_map(str::to_string);
    let value = prop_oneof![
        prop::sample::select(vec![
            "paywall",
            "modal",
            "overlay newsletter",
            "donate",
            "dialog",
            "true",
            "",
            "article",
            "cookie-banner",
            "main",
        ])
        .prop_map(str::to_string),
        any::<String>(),
    ];
    prop::collection::btree_map(name, value, 0..4)
}

fn layout() -> impl Strategy<Value = Option<Layout<'static>>> {
    let float = prop_oneof![
        -1e4f32..1e4f32,
        Just(f32::NAN),
        Just(f32::INFINITY),
        Just(f32::NEG_INFINITY),
        Just(0.0f32),
    ];
    prop::option::of(
        (
            (float.clone(), float.clone(), float.clone(), float.clone()),
            prop::sample::select(vec![
                "static", "fixed", "absolute", "sticky", "relative", "",
            ]),
            any::<i32>(),
            (float.clone(), float),
            any::<[bool; 5]>(),
        )
            .prop_map(
                |((x, y, width, height), position, z_index, (opacity, alpha), flags)| Layout {
                    x,
                    y,
                    width,
                    height,
                    position: position.to_string().into(),
                    z_index,
                    opacity,
                    blurred: flags[0],
                    pointer_events_none: flags[1],
                    overflow_hidden: flags[2],
                    top_layer: flags[3],
                    background_alpha: alpha,
                },
            ),
    )
}

/// How a generated node's parent is chosen: mostly valid (an earlier node), sometimes not.
#[derive(Debug, Clone)]
enum ParentChoice {
    Root,
    /// An earlier node, `n % index`.
    Earlier(u32),
    /// The node just before (builds deep chains).
    Previous,
    /// Anything at all, including itself, later nodes and `u32::MAX`.
    Arbitrary(u32),
}

fn parent_choice(allow_invalid: bool) -> BoxedStrategy<ParentChoice> {
    let valid = prop_oneof![
        1 => Just(ParentChoice::Root),
        6 => any::<u32>().prop_map(ParentChoice::Earlier),
        3 => Just(ParentChoice::Previous),
    ];
    if allow_invalid {
        prop_oneof![9 => valid, 1 => any::<u32>().prop_map(ParentChoice::Arbitrary)].boxed()
    } else {
        valid.boxed()
    }
}

fn resolve_parent(choice: &ParentChoice, index: usize) -> Option<u32> {
    match *choice {
        _ if index == 0 => match choice {
            ParentChoice::Arbitrary(n) => Some(*n),
            _ => None,
        },
        ParentChoice::Root => None,
        ParentChoice::Earlier(n) => Some(n % index as u32),
        ParentChoice::Previous => Some(index as u32 - 1),
        ParentChoice::Arbitrary(n) => Some(n),
    }
}

fn node_tag() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "html",
        "body",
        "div",
        "p",
        "article",
        "main",
        "section",
        "span",
        "a",
        "h1",
        "h2",
        "script",
        "style",
        "template",
        "svg",
        "button",
        "dialog",
        "aside",
        "nav",
        "footer",
        "iframe",
        "blockquote",
        "li",
        "br",
        "",
        "DIV",
        "x-custom",
    ])
    .prop_map(str::to_string)
}

type NodeSeed = (
    bool,
    ParentChoice,
    String,
    String,
    BTreeMap<String, String>,
    bool,
    Option<Layout<'static>>,
    u8,
);

fn node_seed(allow_invalid: bool) -> impl Strategy<Value = NodeSeed> {
    (
        prop::bool::weighted(0.45),
        parent_choice(allow_invalid),
        node_tag(),
        prose(),
        attrs(),
        prop::bool::weighted(0.9),
        layout(),
        0u8..3,
    )
}

fn build_nodes(seeds: Vec<NodeSeed>) -> Vec<Node<'static>> {
    seeds
        .into_iter()
        .enumerate()
        .map(
            |(index, (is_text, parent, tag, text, attrs, visible, layout, shadow_depth))| Node {
                kind: if is_text {
                    NodeKind::Text
                } else {
                    NodeKind::Element
                },
                parent: resolve_parent(&parent, index),
                tag: if is_text { "".into() } else { tag.into() },
                text: if is_text { text.into() } else { "".into() },
                attrs: if is_text {
                    Attrs::default()
                } else {
                    attrs.into()
                },
                visible,
                layout: if is_text { None } else { layout },
                shadow_depth,
                in_frame: shadow_depth == 2,
            },
        )
        .collect()
}

/// In a real DOM only elements have children: a text node chosen as a parent becomes a span.
fn make_parents_elements(nodes: &mut [Node]) {
    let parents: Vec<usize> = nodes
        .iter()
        .filter_map(|n| n.parent.map(|p| p as usize))
        .collect();
    for parent in parents {
        if let Some(node) = nodes.get_mut(parent).filter(|n| n.is_text()) {
            node.kind = NodeKind::Element;
            node.tag = "span".into();
            node.text = "".into();
        }
    }
}

fn snapshot(allow_invalid: bool) -> impl Strategy<Value = Snapshot<'static>> {
    (
        prop::collection::vec(node_seed(allow_invalid), 0..80),
        prose(),
        prop::option::of(lang()),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(move |(seeds, title, lang, partial, truncated)| {
            let mut nodes = build_nodes(seeds);
            if !allow_invalid {
                make_parents_elements(&mut nodes);
            }
            // Most pages have an html/body pair at the top; make sure many snapshots do.
            if nodes.len() > 2 && !partial {
                nodes[0].kind = NodeKind::Element;
                nodes[0].tag = "html".into();
                nodes[1].kind = NodeKind::Element;
                nodes[1].tag = "body".into();
            }
            Snapshot {
                url: "https://example.test/generated".into(),
                title,
                lang,
                nodes,
                partial,
                truncated,
                ..Snapshot::default()
            }
        })
}

/// Numbers for the wire reader: mostly small whole numbers (counts, heads, parents), and
/// every kind of float it must survive.
fn wire_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => (-2i32..70).prop_map(f64::from),
        2 => any::<f64>(),
        1 => prop::sample::select(vec![
            f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.5, 1e300, 9_007_199_254_740_993.0,
            f64::from(u32::MAX), f64::from(u32::MAX) + 1.0,
        ]),
    ]
}

/// Strings for the wire reader: fields of any text, separators included.
fn wire_strings() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => Just("\0".to_string()),
        3 => prop::sample::select(vec!["div", "p", "html", "body", "class", "fixed", "said", "«", "😀"])
            .prop_map(str::to_string),
        2 => prose(),
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// One change to a valid encoding: a number replaced, numbers or strings cut.
#[derive(Debug, Clone)]
enum Damage {
    Number(usize, f64),
    CutNumbers(usize),
    CutStrings(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        4 => (any::<usize>(), wire_number()).prop_map(|(at, value)| Damage::Number(at, value)),
        1 => any::<usize>().prop_map(Damage::CutNumbers),
        1 => any::<usize>().prop_map(Damage::CutStrings),
    ]
}

fn apply_damage(strings: &mut String, numbers: &mut Vec<f64>, damage: &Damage) {
    match *damage {
        Damage::Number(at, value) if !numbers.is_empty() => {
            let len = numbers.len();
            numbers[at % len] = value;
        }
        Damage::CutNumbers(at) => numbers.truncate(at % (numbers.len() + 1)),
        Damage::CutStrings(at) => {
            let mut cut = at % (strings.len() + 1);
            while !strings.is_char_boundary(cut) {
                cut -= 1;
            }
            strings.truncate(cut);
        }
        Damage::Number(..) => {}
    }
}

/// Bit-exact equality of two encodings (NaN layouts included).
fn same_encoding(a: &(String, Vec<f64>), b: &(String, Vec<f64>)) -> bool {
    a.0 == b.0
        && a.1.len() == b.1.len()
        && a.1
            .iter()
            .zip(&b.1)
            .all(|(x, y)| x.to_bits() == y.to_bits())
}

// ---- invariants ------------------------------------------------------------------------

fn utf16_len(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

/// Every id and offset in `report` points inside `snapshot`.
fn assert_well_formed(snapshot: &Snapshot, report: &Report) {
    let node_count = snapshot.nodes.len();
    let valid_id = |id: u32| (id as usize) < node_count;
    if report.status != Status::Ok {
        assert!(report.article.is_none() && report.quotes.is_empty());
        assert!(report.overlays.hidden.is_empty());
        assert!(report.message.is_some());
        return;
    }
    assert!(
        snapshot.validate().is_ok(),
        "an invalid snapshot was analysed"
    );
    if let Some(article) = &report.article {
        if let Some(root) = article.root {
            assert!(valid_id(root), "article root {root} out of range");
        }
        let article_chars = article.text.chars().count();
        for quote in &report.quotes {
            let q = &quote.quote;
            assert!(
                q.start <= q.end && q.end <= article_chars,
                "quote {}..{} outside article text of {article_chars} chars",
                q.start,
                q.end
            );
            for range in &quote.ranges {
                let node = snapshot
                    .node(range.node)
                    .unwrap_or_else(|| panic!("quote range names node {}", range.node));
                assert!(node.is_text(), "quote range on an element");
                assert!(
                    range.start < range.end && range.end <= utf16_len(&node.text),
                    "range {range:?} outside its text node"
                );
            }
        }
        for sentence in &report.summary {
            assert!(sentence.rank < report.summary.len().max(1) + 64);
        }
    } else {
        assert!(report.quotes.is_empty());
    }
    for group in &report.speakers {
        for &index in &group.quotes {
            assert!(
                index < report.quotes.len(),
                "speaker group names quote {index}"
            );
        }
    }
    assert_overlays_well_formed(snapshot, report);
}

fn assert_overlays_well_formed(snapshot: &Snapshot, report: &Report) {
    let node_count = snapshot.nodes.len() as u32;
    for hidden in &report.overlays.hidden {
        assert!(hidden.node < node_count, "hides node {}", hidden.node);
        let element = snapshot.node(hidden.node).map(Node::is_element);
        assert_eq!(element, Some(true), "hides a text node");
    }
    let fixes = &report.overlays.fixes;
    for &id in fixes
        .uninert
        .iter()
        .chain(&fixes.unblur)
        .chain(&fixes.close_dialogs)
    {
        assert!(id < node_count, "page fix names node {id}");
    }
}

/// Runs `f` and fails when it takes longer than `limit` (a hang or a blow-up).
fn within<T>(limit: Duration, what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    let took = started.elapsed();
    assert!(took < limit, "{what} took {took:?} (limit {limit:?})");
    out
}

// ---- properties ------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn quotes_find_stays_inside_text(text in prose(), lang in lang()) {
        let chars = text.chars().count();
        for quote in quotes::find(&text, &lang) {
            prop_assert!(quote.start <= quote.end, "{quote:?}");
            prop_assert!(quote.end <= chars, "{quote:?} beyond {chars} chars");
        }
    }

    #[test]
    fn summarize_picks_at_most_what_was_asked(text in prose(), lang in lang(), max in 0usize..8) {
        let sentences = summary::summarize(&text, &lang, max);
        prop_assert!(sentences.len() <= max);
        for sentence in &sentences {
            prop_assert!(sentence.rank < max.max(1));
        }
    }

    #[test]
    fn html_soup_parses_into_a_valid_snapshot(soup in html_soup()) {
        let snapshot = html::parse(&soup, "https://example.test/soup");
        prop_assert!(snapshot.validate().is_ok());
        let report = analyze(&snapshot);
        assert_well_formed(&snapshot, &report);
    }

    #[test]
    fn valid_snapshots_analyse_cleanly(snapshot in snapshot(false)) {
        prop_assert!(snapshot.validate().is_ok());
        let report = analyze(&snapshot);
        prop_assert_eq!(report.status, Status::Ok);
        assert_well_formed(&snapshot, &report);
    }

    #[test]
    fn any_snapshot_is_analysed_or_refused(snapshot in snapshot(true)) {
        let report = analyze(&snapshot);
        assert_well_formed(&snapshot, &report);
        if snapshot.validate().is_err() {
            prop_assert_ne!(report.status, Status::Ok);
        }
    }

    #[test]
    fn the_wire_reader_reads_or_refuses_anything(
        strings in wire_strings(),
        tail in prop::collection::vec(wire_number(), 0..120),
    ) {
        // Starting with the version gets past the first check most of the time.
        let numbers: Vec<f64> = std::iter::once(wire::VERSION).chain(tail).collect();
        if let Ok(snapshot) = wire::decode(&strings, &numbers) {
            let report = analyze(&snapshot);
            assert_well_formed(&snapshot, &report);
        }
    }

    // Every snapshot whose parents precede their children: the wire carries a parent as how
    // far back it is, so a later parent cannot be written (wire.rs tests that it is refused).
    #[test]
    fn the_wire_format_round_trips(snapshot in snapshot(false)) {
        let encoded = wire::encode(&snapshot);
        let read = wire::decode(&encoded.0, &encoded.1);
        prop_assert!(read.is_ok(), "{:?}", read.err());
        let read = read.unwrap_or_default();
        prop_assert!(same_encoding(&wire::encode(&read), &encoded));
        prop_assert_eq!(read.nodes.len(), snapshot.nodes.len());
        prop_assert_eq!(&read.title, &snapshot.title);
    }

    #[test]
    fn damaged_encodings_are_read_or_refused(
        snapshot in snapshot(false),
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let (mut strings, mut numbers) = wire::encode(&snapshot);
        for damage in &damages {
            apply_damage(&mut strings, &mut numbers, damage);
        }
        if let Ok(read) = wire::decode(&strings, &numbers) {
            let report = analyze(&read);
            assert_well_formed(&read, &report);
            let scan = scan_overlays(&read, &ScanContext::default());
            assert_well_formed(&read, &scan);
        }
    }

    #[test]
    fn overlay_scans_of_partial_snapshots(
        mut snapshot in snapshot(true),
        headline in prose(),
        excerpt in prose(),
        article_root in prop::option::of(any::<u32>()),
    ) {
        snapshot.partial = true;
        let context = ScanContext { headline, excerpt, article_root };
        let report = scan_overlays(&snapshot, &context);
        assert_well_formed(&snapshot, &report);
    }
}

// ---- fixed monsters --------------------------------------------------------------------

fn element(tag: &str, parent: Option<u32>) -> Node<'_> {
    Node {
        tag: tag.into(),
        parent,
        visible: true,
        ..Node::default()
    }
}

fn text_node(text: String, parent: u32) -> Node<'static> {
    Node {
        kind: NodeKind::Text,
        text: text.into(),
        parent: Some(parent),
        visible: true,
        ..Node::default()
    }
}

/// html > body > 10,000 nested divs, a sentence at every 100th level.
fn deep_snapshot(depth: u32) -> Snapshot<'static> {
    let mut nodes = vec![element("html", None), element("body", Some(0))];
    let mut parent = 1;
    for level in 0..depth {
        let id = nodes.len() as u32;
        nodes.push(element("div", Some(parent)));
        parent = id;
        if level % 100 == 0 {
            let sentence = format!("Level {level} said: “Still here at depth {level}.”");
            nodes.push(text_node(sentence, parent));
        }
    }
    Snapshot {
        title: "Deep".into(),
        nodes,
        ..Snapshot::default()
    }
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let snapshot = deep_snapshot(10_000);
    let report = within(Duration::from_secs(10), "deep analyze", || {
        analyze(&snapshot)
    });
    assert_eq!(report.status, Status::Ok);
    assert_well_formed(&snapshot, &report);
    let scan = within(Duration::from_secs(10), "deep scan", || {
        scan_overlays(&snapshot, &ScanContext::default())
    });
    assert_well_formed(&snapshot, &scan);
}

#[test]
fn ten_thousand_levels_of_html_nesting() {
    let html = format!(
        "<html><body>{}<p>Deep text.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let snapshot = within(Duration::from_secs(10), "deep parse", || {
        html::parse(&html, "")
    });
    assert!(snapshot.validate().is_ok());
    let report = within(Duration::from_secs(10), "deep html analyze", || {
        analyze(&snapshot)
    });
    assert_well_formed(&snapshot, &report);
}

/// html > body > p > one text node of ≈1 MB made of `paragraph` repeated.
fn one_huge_text_node(paragraph: &str) -> Snapshot<'static> {
    let huge: String = paragraph.repeat(1_000_000 / paragraph.len() + 1);
    Snapshot {
        lang: Some("en".into()),
        nodes: vec![
            element("html", None),
            element("body", Some(0)),
            element("p", Some(1)),
            text_node(huge, 2),
        ],
        ..Snapshot::default()
    }
}

#[test]
fn one_megabyte_text_node_of_narration() {
    let snapshot = one_huge_text_node("The river rose three metres overnight, and officials met. ");
    let report = within(Duration::from_secs(15), "1 MB analyze", || {
        analyze(&snapshot)
    });
    assert_eq!(report.status, Status::Ok);
    assert_well_formed(&snapshot, &report);
}

/// About 13,000 quotes in 1 MB. `quotes::find_in_article` used to copy each quote's text with
/// `text.chars().skip(start)`, O(quotes × text): 295 s in a debug build. That copy is linear
/// now, but the whole analysis still takes ~217 s in a debug build on this input (open issue).
#[test]
#[ignore = "slow on 13,000 quotes (open issue); run with --ignored"]
fn one_megabyte_text_node_full_of_quotes() {
    let snapshot = one_huge_text_node(
        "Anna Petrova said: “The river rose 3 m overnight.” Officials disagreed. ",
    );
    let report = within(Duration::from_secs(15), "1 MB of quotes", || {
        analyze(&snapshot)
    });
    assert_eq!(report.status, Status::Ok);
    assert_well_formed(&snapshot, &report);
}

#[test]
fn one_megabyte_without_spaces_or_sentence_ends() {
    let text = "ж“".repeat(300_000);
    let lang = "ru";
    let quotes = within(Duration::from_secs(15), "quotes on 1 MB", || {
        quotes::find(&text, lang)
    });
    let chars = text.chars().count();
    assert!(quotes.iter().all(|q| q.start <= q.end && q.end <= chars));
    within(Duration::from_secs(15), "summary on 1 MB", || {
        summary::summarize(&text, lang, 5)
    });
}

#[test]
fn node_cap_is_refused_quickly_and_the_cap_itself_is_analysed() {
    let mut nodes = vec![element("html", None), element("body", Some(0))];
    while nodes.len() < MAX_NODES {
        let p = nodes.len() as u32;
        nodes.push(element("p", Some(1)));
        nodes.push(text_node(format!("Paragraph {p} of many."), p));
    }
    nodes.truncate(MAX_NODES);
    let at_cap = Snapshot {
        nodes,
        ..Snapshot::default()
    };
    let report = within(Duration::from_secs(15), "analyze at the node cap", || {
        analyze(&at_cap)
    });
    assert_eq!(report.status, Status::Ok);
    assert_well_formed(&at_cap, &report);

    let mut over = at_cap;
    over.nodes.push(element("p", Some(1)));
    let report = within(Duration::from_secs(2), "refusal", || analyze(&over));
    assert_eq!(report.status, Status::TooLarge);
}

#[test]
fn invalid_parents_are_refused() {
    for bad in [Some(0), Some(5), Some(u32::MAX)] {
        let snapshot = Snapshot {
            nodes: vec![
                element("html", None),
                element("body", Some(0)),
                Node {
                    parent: bad,
                    ..element("div", None)
                },
            ],
            ..Snapshot::default()
        };
        let valid = bad == Some(0);
        let report = analyze(&snapshot);
        assert_eq!(report.status == Status::Ok, valid, "parent {bad:?}");
        assert_well_formed(&snapshot, &report);
    }
    let self_parent = Snapshot {
        nodes: vec![element("html", Some(0))],
        ..Snapshot::default()
    };
    assert_eq!(analyze(&self_parent).status, Status::Invalid);
}

/// A text node with children used to pass `validate`, and the overlay scan then named it as
/// the overlay to hide (found by `valid_snapshots_analyse_cleanly`). Such a tree is refused now.
#[test]
fn overlays_never_hide_text_nodes() {
    let banner = Node {
        attrs: Attrs::from([("class".to_string(), "cookie-banner".to_string())]),
        layout: Some(Layout {
            position: "fixed".into(),
            width: 1000.0,
            height: 200.0,
            z_index: 100,
            opacity: 1.0,
            background_alpha: 1.0,
            ..Layout::default()
        }),
        ..element("div", Some(2))
    };
    let snapshot = Snapshot {
        nodes: vec![
            element("html", None),
            element("body", Some(0)),
            text_node(String::new(), 1),
            banner,
            text_node("We use cookies. Accept all cookies?".into(), 3),
        ],
        ..Snapshot::default()
    };
    let report = analyze(&snapshot);
    assert_eq!(report.status, Status::Invalid);
    assert!(report.overlays.hidden.is_empty());
}
