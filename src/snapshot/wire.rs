//! The wire format: how a [`Snapshot`] crosses from the page layer into the core.
//!
//! The page layer's walker (`extension/content/snapshot.js`, `createWriter`) writes every
//! snapshot — full or partial, for the wasm in the page or for the background's — in this
//! form, and [`decode`] reads it. This comment is the one description of the format; both
//! sides cite it, and `tests/wire_contract.rs` with `tests/unit/wire.test.mjs` check that they
//! agree on one shared sample (`tests/fixtures/wire/sample.json`).
//!
//! Why not JSON: `JSON.stringify`, the copy of its text into wasm memory and `serde_json`'s
//! read of it cost about 6 ms on a news page, more than the walk that built the snapshot.
//! Here the walker appends to two flat arrays, which cross in one copy each, and the reader
//! below is a single forward pass with no key matching and no escapes.
//!
//! Two parts:
//!
//! - `strings`: one string holding every string field in order, each followed by U+007F
//!   (DEL, a control character no page text needs). A DEL inside a field (page text, names,
//!   values, the page's fields) is written as U+FFFD, one UTF-16 unit for one, so the text
//!   offsets the core reports still fit the live text nodes. (Lone surrogates become U+FFFD
//!   on the way into wasm memory, also one unit for one.) In wasm the strings arrive as
//!   UTF-8 bytes and are checked before reading. Why DEL: it is the one ASCII control
//!   character JSON does not escape. Chrome's messages are JSON, where U+0000 (the separator
//!   until wire format 2) took six characters each and sent the string down the parser's
//!   slow path: a fifth of the message, half its parse.
//! - `numbers`: an array of numbers (JSON numbers, or a `Float64Array` in wasm memory).
//!
//! `numbers` starts with a header of [`HEADER_LEN`] numbers:
//!
//! ```text
//! VERSION, node count, flags (1 partial, 2 truncated, 4 has lang),
//! viewport width, viewport height, <html> top, <body> top, meta count, JSON-LD count
//! ```
//!
//! then, for each node in document order:
//!
//! ```text
//! head     kind and flags + 32 × attribute count:
//!            1 text node (else element), 2 visible, 4 has a layout, 8 in a frame,
//!            16 has a shadow depth
//! parent   how far back the parent is: this node's index minus its parent's, 0 for none
//!          (mostly one or two digits where the index would be four or five)
//! depth    shadow depth                                  (only when head has 16)
//! layout   x, y, width, height, z_index, opacity, background_alpha,
//!          flags (1 blurred, 2 pointer_events_none, 4 overflow_hidden, 8 top_layer)
//!                                                        (only when head has 4)
//! ```
//!
//! and in `strings`, for each node: its text (text node) or its tag (element); then each
//! attribute's name and value; then the layout's `position` when it has one. (An element's
//! `text` and a text node's `tag` are always empty: they are not sent.) An attribute name in
//! [`CODED_ATTRS`] is sent as one capital letter, `A` for the first; any other (`data-*`) as
//! it is — attribute names are lowercase, so a lone capital is always a code. Together with
//! the parent's distance, a tenth of what a news page's snapshot sends.
//!
//! After the nodes, `strings` ends with the page's fields: url, title, lang (when flagged),
//! `<html>`'s overflow_y, position and class, the same three of `<body>`, each meta tag's
//! key and content, and each JSON-LD block.
//!
//! The reader is total: any input gives a `Snapshot` or a [`DecodeError`], never a panic, and
//! it allocates no more than the input's own size suggests. Caps and tree validity are left
//! to [`Snapshot::validate`], as for a snapshot read from JSON.

use super::{Attrs, Layout, MetaTag, Node, NodeKind, RootState, RootStyle, Snapshot, Viewport};
use std::borrow::Cow;

/// The first number of every encoding; a change of the layout above changes it.
pub const VERSION: f64 = 2.0;

/// The attribute names sent as a code: `A` + the name's place in this list. The same list in
/// the same order is `CORE_ATTRS` in extension/content/snapshot.js (tests/snapshot_attrs.rs
/// holds the two equal, and every attribute the core reads to be in it or a `data-*` one).
pub const CODED_ATTRS: [&str; 18] = [
    "id",
    "class",
    "role",
    "itemprop",
    "itemtype",
    "name",
    "type",
    "rel",
    "href",
    "src",
    "datetime",
    "open",
    "inert",
    "placeholder",
    "autocomplete",
    "aria-modal",
    "aria-label",
    "aria-hidden",
];
/// The code of `CODED_ATTRS[0]`.
const FIRST_CODE: u8 = b'A';
// Every code a capital letter.
const _: () = assert!(CODED_ATTRS.len() <= 26);
/// Numbers before the first node.
pub const HEADER_LEN: usize = 9;
/// Ends every string field.
pub const SEPARATOR: char = '\u{7f}';

const PARTIAL: u64 = 1;
const TRUNCATED: u64 = 2;
const HAS_LANG: u64 = 4;

const TEXT: u64 = 1;
const VISIBLE: u64 = 2;
const HAS_LAYOUT: u64 = 4;
const IN_FRAME: u64 = 8;
const HAS_DEPTH: u64 = 16;
/// The head's low bits are flags; the attribute count is the head divided by this.
const ATTR_UNIT: u64 = 32;

const BLURRED: u64 = 1;
const POINTER_EVENTS_NONE: u64 = 2;
const OVERFLOW_HIDDEN: u64 = 4;
const TOP_LAYER: u64 = 8;

/// Integers above this are not exact in an f64 (nor in JS).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Why an encoding could not be read: what was wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    what: &'static str,
    /// Index into `numbers` where reading stopped.
    number: usize,
    /// Node being read, if any.
    node: Option<usize>,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (at number {}", self.what, self.number)?;
        if let Some(node) = self.node {
            write!(f, ", node {node}")?;
        }
        f.write_str(")")
    }
}

impl std::error::Error for DecodeError {}

/// Reads a snapshot from its two parts (see the module documentation).
pub fn decode<'a>(strings: &'a str, numbers: &[f64]) -> Result<Snapshot<'a>, DecodeError> {
    let mut reader = Reader {
        strings,
        numbers,
        next: 0,
        node: None,
    };
    let snapshot = reader.snapshot()?;
    if reader.next != numbers.len() || !reader.strings.is_empty() {
        return Err(reader.error("data left over after the last field"));
    }
    Ok(snapshot)
}

/// The header numbers, read before the nodes.
struct Header {
    nodes: usize,
    flags: u64,
    viewport: Viewport,
    html_top: f32,
    body_top: f32,
    meta: usize,
    json_ld: usize,
}

/// Reads strings that live `'a` (the nodes borrow them) and numbers that need not.
struct Reader<'a, 'n> {
    /// What is left of `strings`.
    strings: &'a str,
    numbers: &'n [f64],
    next: usize,
    node: Option<usize>,
}

impl<'a> Reader<'a, '_> {
    fn error(&self, what: &'static str) -> DecodeError {
        DecodeError {
            what,
            number: self.next,
            node: self.node,
        }
    }

    fn string(&mut self) -> Result<&'a str, DecodeError> {
        // The separator is one byte, which no other character's UTF-8 contains: a plain
        // scan. `split_once` searches with `memchr`, whose set-up outweighs its word-wise
        // steps on the short fields (tags, attribute names and values) most strings are.
        let end = self
            .strings
            .bytes()
            .position(|byte| byte == SEPARATOR as u8)
            .ok_or_else(|| self.error("strings end too early"))?;
        let (field, rest) = self.strings.split_at(end);
        self.strings = rest.get(1..).unwrap_or("");
        Ok(field)
    }

    fn owned(&mut self) -> Result<String, DecodeError> {
        self.string().map(str::to_owned)
    }

    /// A node's string, borrowed from the snapshot's strings: no copy for each tag, text
    /// and attribute of the page.
    fn borrowed(&mut self) -> Result<Cow<'a, str>, DecodeError> {
        self.string().map(Cow::Borrowed)
    }

    fn number(&mut self) -> Result<f64, DecodeError> {
        let value = *self
            .numbers
            .get(self.next)
            .ok_or_else(|| self.error("numbers end too early"))?;
        self.next += 1;
        Ok(value)
    }

    /// A whole number in `0..=2^53-1`; anything else is an error.
    fn integer(&mut self, what: &'static str) -> Result<u64, DecodeError> {
        let value = self.number()?;
        if (0.0..=MAX_SAFE_INTEGER).contains(&value) && value.fract() == 0.0 {
            // Exact: a whole number within f64's integer range.
            Ok(value as u64)
        } else {
            self.next -= 1;
            Err(self.error(what))
        }
    }

    /// A count of items to read. Callers never reserve memory for it beyond what the input
    /// can hold: a lying count runs out of input, not of memory.
    fn count(&mut self, what: &'static str) -> Result<usize, DecodeError> {
        let count = self.integer(what)?;
        Ok(usize::try_from(count).unwrap_or(usize::MAX))
    }

    fn float(&mut self) -> Result<f32, DecodeError> {
        // `as` rounds to the nearest f32 and keeps infinities and NaN.
        self.number().map(|value| value as f32)
    }

    fn snapshot(&mut self) -> Result<Snapshot<'a>, DecodeError> {
        let header = self.header()?;
        let room = self.numbers.len().saturating_sub(self.next) / 2;
        let mut nodes = Vec::with_capacity(header.nodes.min(room));
        for index in 0..header.nodes {
            self.node = Some(index);
            nodes.push(self.node_fields(index)?);
        }
        self.node = None;
        let url = self.owned()?;
        let title = self.owned()?;
        let lang = if header.flags & HAS_LANG != 0 {
            Some(self.owned()?)
        } else {
            None
        };
        let root = RootState {
            html: self.root_style(header.html_top)?,
            body: self.root_style(header.body_top)?,
        };
        let meta = self.meta_tags(header.meta)?;
        let json_ld = self.json_ld(header.json_ld)?;
        Ok(Snapshot {
            url,
            title,
            lang,
            viewport: header.viewport,
            meta,
            json_ld,
            root,
            nodes,
            partial: header.flags & PARTIAL != 0,
            truncated: header.flags & TRUNCATED != 0,
        })
    }

    fn header(&mut self) -> Result<Header, DecodeError> {
        if self.number()? != VERSION {
            self.next -= 1;
            return Err(self.error("not a snapshot of this format version"));
        }
        Ok(Header {
            nodes: self.count("bad node count")?,
            flags: self.integer("bad snapshot flags")?,
            viewport: Viewport {
                width: self.float()?,
                height: self.float()?,
            },
            html_top: self.float()?,
            body_top: self.float()?,
            meta: self.count("bad meta count")?,
            json_ld: self.count("bad JSON-LD count")?,
        })
    }

    fn node_fields(&mut self, index: usize) -> Result<Node<'a>, DecodeError> {
        let head = self.integer("bad node head")?;
        let flags = head % ATTR_UNIT;
        let parent = self.parent(index)?;
        let shadow_depth = if flags & HAS_DEPTH != 0 {
            // Saturates like the JSON reader: a deeper page is read, not refused.
            self.number()? as u8
        } else {
            0
        };
        // A text node's one string is its text, an element's its tag.
        let first = self.borrowed()?;
        let (kind, tag, text) = if flags & TEXT != 0 {
            (NodeKind::Text, Cow::Borrowed(""), first)
        } else {
            (NodeKind::Element, first, Cow::Borrowed(""))
        };
        let attrs = self.attrs(head / ATTR_UNIT)?;
        let layout = if flags & HAS_LAYOUT != 0 {
            Some(self.layout()?)
        } else {
            None
        };
        Ok(Node {
            kind,
            parent,
            visible: flags & VISIBLE != 0,
            tag,
            text,
            attrs,
            layout,
            shadow_depth,
            in_frame: flags & IN_FRAME != 0,
        })
    }

    /// The parent of node `index`, from its distance back (0: none).
    fn parent(&mut self, index: usize) -> Result<Option<u32>, DecodeError> {
        let distance = self.integer("bad parent distance")?;
        if distance == 0 {
            return Ok(None);
        }
        // A parent precedes its child: at most `index` back.
        let parent = usize::try_from(distance)
            .ok()
            .and_then(|distance| index.checked_sub(distance))
            .and_then(|parent| u32::try_from(parent).ok());
        if parent.is_none() {
            self.next -= 1;
            return Err(self.error("bad parent distance"));
        }
        Ok(parent)
    }

    fn attrs(&mut self, count: u64) -> Result<Attrs<'a>, DecodeError> {
        let mut attrs = Attrs::default();
        // Each attribute takes two strings: a huge count runs out of strings, not memory.
        for _ in 0..count {
            let name = self.attr_name()?;
            let value = self.borrowed()?;
            attrs.insert(name, value);
        }
        Ok(attrs)
    }

    /// A name as sent: a code of [`CODED_ATTRS`] or the name itself.
    fn attr_name(&mut self) -> Result<Cow<'a, str>, DecodeError> {
        let name = self.string()?;
        match name.as_bytes() {
            [code] if code.is_ascii_uppercase() => CODED_ATTRS
                .get(usize::from(code - FIRST_CODE))
                .map(|&known| Cow::Borrowed(known))
                .ok_or_else(|| self.error("bad attribute code")),
            _ => Ok(Cow::Borrowed(name)),
        }
    }

    fn layout(&mut self) -> Result<Layout<'a>, DecodeError> {
        let (x, y, width, height) = (self.float()?, self.float()?, self.float()?, self.float()?);
        // Saturating, NaN as 0: CSS clamps z-index to i32 anyway.
        let z_index = self.number()? as i32;
        let opacity = self.float()?;
        let background_alpha = self.float()?;
        let flags = self.integer("bad layout flags")?;
        Ok(Layout {
            x,
            y,
            width,
            height,
            position: self.borrowed()?,
            z_index,
            opacity,
            blurred: flags & BLURRED != 0,
            pointer_events_none: flags & POINTER_EVENTS_NONE != 0,
            overflow_hidden: flags & OVERFLOW_HIDDEN != 0,
            top_layer: flags & TOP_LAYER != 0,
            background_alpha,
        })
    }

    fn root_style(&mut self, top: f32) -> Result<RootStyle, DecodeError> {
        Ok(RootStyle {
            overflow_y: self.owned()?,
            position: self.owned()?,
            top,
            class: self.owned()?,
        })
    }

    fn meta_tags(&mut self, count: usize) -> Result<Vec<MetaTag>, DecodeError> {
        let mut meta = Vec::new();
        for _ in 0..count {
            let key = self.owned()?;
            let content = self.owned()?;
            meta.push(MetaTag { key, content });
        }
        Ok(meta)
    }

    fn json_ld(&mut self, count: usize) -> Result<Vec<String>, DecodeError> {
        (0..count).map(|_| self.owned()).collect()
    }
}

/// Writes `snapshot` in the wire format: what the page layer's writer produces from a live
/// page. For tests, benchmarks and tools that start from a native snapshot; an element's
/// `text` and a text node's `tag` are not written (the page never has them).
pub fn encode(snapshot: &Snapshot) -> (String, Vec<f64>) {
    let mut out = Writer::default();
    let flags = u64::from(snapshot.partial) * PARTIAL
        + u64::from(snapshot.truncated) * TRUNCATED
        + u64::from(snapshot.lang.is_some()) * HAS_LANG;
    out.numbers.extend([
        VERSION,
        snapshot.nodes.len() as f64,
        flags as f64,
        f64::from(snapshot.viewport.width),
        f64::from(snapshot.viewport.height),
        f64::from(snapshot.root.html.top),
        f64::from(snapshot.root.body.top),
        snapshot.meta.len() as f64,
        snapshot.json_ld.len() as f64,
    ]);
    for (index, node) in snapshot.nodes.iter().enumerate() {
        out.node(index, node);
    }
    out.string(&snapshot.url);
    out.string(&snapshot.title);
    if let Some(lang) = &snapshot.lang {
        out.string(lang);
    }
    for style in [&snapshot.root.html, &snapshot.root.body] {
        out.string(&style.overflow_y);
        out.string(&style.position);
        out.string(&style.class);
    }
    for tag in &snapshot.meta {
        out.string(&tag.key);
        out.string(&tag.content);
    }
    for block in &snapshot.json_ld {
        out.string(block);
    }
    (out.strings, out.numbers)
}

#[derive(Default)]
struct Writer {
    strings: String,
    numbers: Vec<f64>,
}

impl Writer {
    /// The code of `CODED_ATTRS[place]`.
    fn code(&mut self, place: usize) {
        self.strings.push(char::from(FIRST_CODE + place as u8));
        self.strings.push(SEPARATOR);
    }

    fn string(&mut self, field: &str) {
        if field.contains(SEPARATOR) {
            self.strings.push_str(&field.replace(SEPARATOR, "\u{fffd}"));
        } else {
            self.strings.push_str(field);
        }
        self.strings.push(SEPARATOR);
    }

    fn node(&mut self, index: usize, node: &Node) {
        let flags = u64::from(node.is_text()) * TEXT
            + u64::from(node.visible) * VISIBLE
            + u64::from(node.layout.is_some()) * HAS_LAYOUT
            + u64::from(node.in_frame) * IN_FRAME
            + u64::from(node.shadow_depth > 0) * HAS_DEPTH;
        let head = flags + node.attrs.len() as u64 * ATTR_UNIT;
        self.numbers.push(head as f64);
        // A valid snapshot's parents precede their children; any other is written as a
        // distance the reader refuses.
        let distance = node
            .parent
            .map_or(0.0, |parent| index as f64 - f64::from(parent));
        self.numbers.push(distance);
        if node.shadow_depth > 0 {
            self.numbers.push(f64::from(node.shadow_depth));
        }
        self.string(if node.is_text() {
            &node.text
        } else {
            &node.tag
        });
        for (name, value) in node.attrs.iter() {
            match CODED_ATTRS.iter().position(|&known| known == name) {
                Some(place) => self.code(place),
                None => self.string(name),
            }
            self.string(value);
        }
        if let Some(layout) = &node.layout {
            self.layout(layout);
        }
    }

    fn layout(&mut self, layout: &Layout) {
        let flags = u64::from(layout.blurred) * BLURRED
            + u64::from(layout.pointer_events_none) * POINTER_EVENTS_NONE
            + u64::from(layout.overflow_hidden) * OVERFLOW_HIDDEN
            + u64::from(layout.top_layer) * TOP_LAYER;
        self.numbers.extend([
            f64::from(layout.x),
            f64::from(layout.y),
            f64::from(layout.width),
            f64::from(layout.height),
            f64::from(layout.z_index),
            f64::from(layout.opacity),
            f64::from(layout.background_alpha),
            flags as f64,
        ]);
        self.string(&layout.position);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Snapshot<'static> {
        let element = |tag: &'static str, parent: Option<u32>| Node {
            tag: tag.into(),
            parent,
            visible: true,
            ..Node::default()
        };
        let mut dialog = element("div", Some(1));
        dialog.attrs = Attrs::from([
            ("class".to_string(), "paywall modal".to_string()),
            ("data-x".to_string(), String::new()),
        ]);
        dialog.layout = Some(Layout {
            x: 1.5,
            y: -2.0,
            width: 1280.0,
            height: 900.0,
            position: "fixed".into(),
            z_index: i32::MAX,
            opacity: 0.5,
            blurred: true,
            pointer_events_none: false,
            overflow_hidden: true,
            top_layer: true,
            background_alpha: 0.25,
        });
        dialog.shadow_depth = 3;
        let text = Node {
            kind: NodeKind::Text,
            parent: Some(2),
            text: "Subscribe «now» 😀".into(),
            in_frame: true,
            ..Node::default()
        };
        Snapshot {
            url: "https://example.org/a".into(),
            title: "A title".into(),
            lang: Some("en".into()),
            viewport: Viewport {
                width: 1280.0,
                height: 900.0,
            },
            meta: vec![MetaTag {
                key: "og:title".into(),
                content: "The title".into(),
            }],
            json_ld: vec!["{}".into(), String::new()],
            root: RootState {
                html: RootStyle {
                    overflow_y: "hidden".into(),
                    position: "static".into(),
                    top: 0.0,
                    class: String::new(),
                },
                body: RootStyle {
                    overflow_y: "visible".into(),
                    position: "fixed".into(),
                    top: -120.0,
                    class: "modal-open".into(),
                },
            },
            nodes: vec![
                element("html", None),
                element("body", Some(0)),
                dialog,
                text,
            ],
            partial: false,
            truncated: true,
        }
    }

    #[test]
    fn reads_back_what_it_wrote() {
        let snapshot = sample();
        let (strings, numbers) = encode(&snapshot);
        assert_eq!(decode(&strings, &numbers), Ok(snapshot));
        let empty = Snapshot::default();
        let (strings, numbers) = encode(&empty);
        assert_eq!(decode(&strings, &numbers), Ok(empty));
    }

    #[test]
    fn known_attribute_names_travel_as_one_letter_and_parents_as_distances() {
        let (strings, numbers) = encode(&sample());
        // The dialog (node 2, child of node 1): class is CODED_ATTRS[1], data-x goes as it is.
        assert!(
            strings.contains("div\u{7f}B\u{7f}paywall modal\u{7f}data-x\u{7f}\u{7f}"),
            "{strings:?}"
        );
        let dialog_head = HEADER_LEN + 2 + 2;
        assert_eq!(numbers[dialog_head + 1], 1.0);
        // A lone capital beyond the list names no attribute.
        let mut unknown = strings.clone();
        unknown = unknown.replacen("\u{7f}B\u{7f}", "\u{7f}Z\u{7f}", 1);
        let error = decode(&unknown, &numbers).expect_err("unknown code");
        assert!(error.to_string().contains("attribute code"), "{error}");
    }

    #[test]
    fn a_parent_after_its_child_is_refused() {
        let mut snapshot = sample();
        snapshot.nodes[1].parent = Some(3);
        let (strings, numbers) = encode(&snapshot);
        let error = decode(&strings, &numbers).expect_err("a later parent");
        assert!(error.to_string().contains("parent distance"), "{error}");
    }

    #[test]
    fn a_separator_in_page_text_becomes_one_replacement_character() {
        let mut snapshot = sample();
        snapshot.nodes[3].text = "a\u{7f}b\u{7f}".into();
        snapshot.title = "\u{7f}".into();
        let (strings, numbers) = encode(&snapshot);
        let read = decode(&strings, &numbers).expect("decodes");
        assert_eq!(read.nodes[3].text, "a\u{fffd}b\u{fffd}");
        assert_eq!(read.nodes[3].text.encode_utf16().count(), 4);
        assert_eq!(read.title, "\u{fffd}");
    }

    #[test]
    fn every_cut_of_a_valid_encoding_is_an_error() {
        let (strings, numbers) = encode(&sample());
        for cut in 0..numbers.len() {
            assert!(
                decode(&strings, &numbers[..cut]).is_err(),
                "numbers cut at {cut}"
            );
        }
        for (cut, _) in strings.char_indices() {
            assert!(
                decode(&strings[..cut], &numbers).is_err(),
                "strings cut at {cut}"
            );
        }
        let mut longer = numbers.clone();
        longer.push(0.0);
        let error = decode(&strings, &longer).expect_err("left over");
        assert!(error.to_string().contains("left over"), "{error}");
        assert!(decode(&format!("{strings}x\u{7f}"), &numbers).is_err());
    }

    #[test]
    fn bad_numbers_are_named_errors() {
        let (strings, numbers) = encode(&sample());
        let with = |index: usize, value: f64| {
            let mut changed = numbers.clone();
            changed[index] = value;
            decode(&strings, &changed)
        };
        let message =
            |result: Result<Snapshot, DecodeError>| result.expect_err("error").to_string();
        assert!(message(with(0, 1.0)).contains("version"));
        assert!(message(with(1, -1.0)).contains("node count"));
        assert!(message(with(1, 0.5)).contains("node count"));
        // The first node's head and parent.
        assert!(message(with(HEADER_LEN, f64::NAN)).contains("node head"));
        assert!(message(with(HEADER_LEN + 1, 1e12)).contains("parent"));
        assert!(message(with(HEADER_LEN + 1, -2.0)).contains("node 0"));
        // The first node has no node before it to be its parent.
        assert!(message(with(HEADER_LEN + 1, 1.0)).contains("parent distance"));
    }

    #[test]
    fn a_lying_count_runs_out_of_input_not_memory() {
        let (strings, mut numbers) = encode(&Snapshot::default());
        numbers[1] = MAX_SAFE_INTEGER;
        assert!(decode(&strings, &numbers).is_err());
        // One node whose head claims 2^40 attributes.
        let numbers = [
            VERSION,
            1.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            32.0 * 2f64.powi(40),
            0.0,
        ];
        assert!(decode("div\u{7f}a\u{7f}b\u{7f}", &numbers).is_err());
    }

    #[test]
    fn odd_values_saturate_like_the_json_reader() {
        let mut numbers = vec![VERSION, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        // Element with a layout and a shadow depth of 300; z-index beyond i32, NaN opacity.
        numbers.extend([
            4.0 + 16.0,
            0.0,
            300.0,
            0.0,
            0.0,
            1.0,
            1.0,
            1e12,
            f64::NAN,
            1.0,
            0.0,
        ]);
        let read = decode(
            "div\u{7f}fixed\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}\u{7f}",
            &numbers,
        )
        .expect("decodes");
        let node = &read.nodes[0];
        assert_eq!(node.shadow_depth, 255);
        let layout = node.layout.as_ref().expect("a layout");
        assert_eq!(layout.z_index, i32::MAX);
        assert!(layout.opacity.is_nan());
        assert_eq!(layout.position, "fixed");
    }
}
