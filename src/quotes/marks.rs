//! Pairing quote marks into quoted spans.
//!
//! Works paragraph by paragraph (a line of the text): an unpaired mark can only spoil the
//! rest of its own paragraph. Inside a paragraph, marks are pushed on a stack; a closing
//! mark closes the innermost open mark of its family, so a ‘nested’ quote (or an apostrophe
//! taken for an opening single mark) never ends the outer “double” quote.

/// A top-level quoted span, in char offsets, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// Char offset where the span's paragraph starts.
    pub paragraph_start: usize,
    /// Char offset where the span's paragraph ends (exclusive, before the newline).
    pub paragraph_end: usize,
    /// False for a multi-paragraph part: opened here, closed in a later paragraph.
    pub closed: bool,
    /// Opened by a single mark (‘…’ or '…').
    pub single: bool,
}

/// Deepest nesting of open marks kept before the paragraph's marks are resynchronised.
const MAX_DEPTH: usize = 8;

/// Families of marks: a closing mark only closes an opening mark of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “…” "…" „…“ ``…'' ''…''
    Double,
    /// «…» and »…«
    Guillemet,
    /// ‘…’ '…'
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// A mark seen at `pos`, `width` chars wide.
#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    width: usize,
    family: Family,
    role: Role,
    /// The char that opened it (to tell » opening from « opening).
    glyph: char,
}

/// Finds every top-level quoted span of `chars`.
pub fn find_spans(chars: &[char]) -> Vec<Span> {
    let paragraphs = paragraph_bounds(chars);
    let mut spans = Vec::new();
    for (index, &(start, end)) in paragraphs.iter().enumerate() {
        let next_opens_quote = paragraphs
            .get(index + 1)
            .is_some_and(|&(next, _)| starts_with_opening_mark(chars, next));
        spans.extend(spans_in_paragraph(chars, start, end, next_opens_quote));
    }
    // A text quotes speech with one kind of mark. Where that is the double mark, a
    // top-level ‘single’ span is a headline's quote (Trump: ‘We Will Win’) or a scare
    // quote, never the speech itself; texts quoting with single marks only keep theirs.
    if spans.iter().any(|s| !s.single) {
        spans.retain(|s| !s.single);
    }
    // German texts quote with „…“; there ''…'' is wiki italics (a title, a foreign word,
    // a web address), never speech. English texts keep ''…'' as their double mark.
    if spans.iter().any(|s| opens_with(chars, s, "„")) {
        spans.retain(|s| !opens_with(chars, s, "''"));
    }
    spans
}

fn opens_with(chars: &[char], span: &Span, mark: &str) -> bool {
    mark.chars()
        .enumerate()
        .all(|(i, c)| chars.get(span.start + i) == Some(&c))
}

/// Non-blank lines as (start, end) char offsets.
pub fn paragraph_bounds(chars: &[char]) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut start = 0;
    for (pos, &c) in chars.iter().enumerate() {
        if c == '\n' {
            push_trimmed(chars, start, pos, &mut bounds);
            start = pos + 1;
        }
    }
    push_trimmed(chars, start, chars.len(), &mut bounds);
    bounds
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<(usize, usize)>) {
    while start < end && chars.get(start).is_some_and(|c| c.is_whitespace()) {
        start += 1;
    }
    while end > start && chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
        end -= 1;
    }
    if start < end {
        out.push((start, end));
    }
}

fn starts_with_opening_mark(chars: &[char], pos: usize) -> bool {
    matches!(
        chars.get(pos),
        Some('“' | '"' | '„' | '«' | '»' | '\'' | '`' | '‘')
    )
}

fn spans_in_paragraph(
    chars: &[char],
    start: usize,
    end: usize,
    next_opens_quote: bool,
) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut stack: Vec<Mark> = Vec::new();
    let mut pos = start;
    while pos < end {
        let Some(mark) = classify(chars, pos, end, &stack) else {
            pos += 1;
            continue;
        };
        pos += mark.width;
        match mark.role {
            Role::Open => {
                // Real quotes nest two or three deep; a deep stack means the marks are
                // out of step (or hostile input): start over rather than go quadratic.
                if stack.len() >= MAX_DEPTH {
                    stack.clear();
                }
                stack.push(mark);
            }
            Role::Close => {
                let Some(depth) = stack.iter().rposition(|m| m.family == mark.family) else {
                    continue;
                };
                let opener = stack[depth];
                stack.truncate(depth);
                if depth == 0 && pos - opener.pos > opener.width + mark.width {
                    spans.push(Span {
                        start: opener.pos,
                        end: pos,
                        paragraph_start: start,
                        paragraph_end: end,
                        closed: true,
                        single: opener.family == Family::Single,
                    });
                }
            }
        }
    }
    // An opening double mark left open is a multi-paragraph quote only when the next
    // paragraph reopens it; otherwise it is a stray mark and is dropped.
    if let Some(opener) = stack.first() {
        if opener.family != Family::Single && next_opens_quote && end - opener.pos > 2 {
            spans.push(Span {
                start: opener.pos,
                end,
                paragraph_start: start,
                paragraph_end: end,
                closed: false,
                single: false,
            });
        }
    }
    spans
}

fn is_word_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// True where a mark can open: at the paragraph start or after space/opening punctuation.
fn opens_here(before: Option<&char>) -> bool {
    match before {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/:;“\"„«»‘'`".contains(*c),
    }
}

/// True where a mark can close: right after text, before space/punctuation/end.
fn closes_here(before: Option<&char>, after: Option<&char>) -> bool {
    let after_ok = match after {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    };
    let before_ok = before.is_some_and(|c| !c.is_whitespace());
    after_ok && before_ok
}

/// Decides whether the char at `pos` is a quote mark and what it does here.
fn classify(chars: &[char], pos: usize, end: usize, stack: &[Mark]) -> Option<Mark> {
    let c = *chars.get(pos)?;
    let before = if pos == 0 { None } else { chars.get(pos - 1) };
    let next = if pos + 1 < end {
        chars.get(pos + 1)
    } else {
        None
    };
    let open_of = |family: Family| stack.iter().any(|m| m.family == family);
    let mark = |width, family, role| {
        Some(Mark {
            pos,
            width,
            family,
            role,
            glyph: c,
        })
    };
    match c {
        '„' => mark(1, Family::Double, Role::Open),
        '”' => mark(1, Family::Double, Role::Close),
        '“' => {
            // “ closes „…“ (German) and a typo’d “…“; otherwise it opens.
            let low_open = stack
                .iter()
                .rev()
                .find(|m| m.family == Family::Double)
                .is_some_and(|m| m.glyph == '„');
            if low_open || (open_of(Family::Double) && closes_here(before, next)) {
                mark(1, Family::Double, Role::Close)
            } else {
                mark(1, Family::Double, Role::Open)
            }
        }
        '`' if next == Some(&'`') => mark(2, Family::Double, Role::Open),
        '\'' if next == Some(&'\'') => {
            let after = chars.get(pos + 2).filter(|_| pos + 2 < end);
            straight_double(pos, 2, before, after, open_of(Family::Double))
        }
        '"' => straight_double(pos, 1, before, next, open_of(Family::Double)),
        '«' => {
            let reversed_open = stack
                .iter()
                .rev()
                .find(|m| m.family == Family::Guillemet)
                .is_some_and(|m| m.glyph == '»');
            let role = if reversed_open {
                Role::Close
            } else {
                Role::Open
            };
            mark(1, Family::Guillemet, role)
        }
        '»' => {
            if open_of(Family::Guillemet)
                && stack
                    .iter()
                    .rev()
                    .find(|m| m.family == Family::Guillemet)
                    .is_some_and(|m| m.glyph == '«')
            {
                mark(1, Family::Guillemet, Role::Close)
            } else if is_word_char(next) && opens_here(before) {
                mark(1, Family::Guillemet, Role::Open)
            } else {
                None
            }
        }
        '‘' => {
            if next.is_some_and(|c| c.is_ascii_digit()) {
                None
            } else {
                mark(1, Family::Single, Role::Open)
            }
        }
        '’' | '\'' => single_or_apostrophe(c, pos, before, next, open_of(Family::Single)),
        _ => None,
    }
}

/// A straight double mark (" or ''), whose direction must be guessed from its neighbours.
fn straight_double(
    pos: usize,
    width: usize,
    before: Option<&char>,
    after: Option<&char>,
    double_open: bool,
) -> Option<Mark> {
    let role = if double_open && (closes_here(before, after) || !opens_here(before)) {
        Role::Close
    } else if opens_here(before) && after.is_some_and(|c| !c.is_whitespace()) {
        Role::Open
    } else if double_open {
        Role::Close
    } else {
        // A closing-looking mark with nothing open: a stray mark, ignored.
        return None;
    };
    Some(Mark {
        pos,
        width,
        family: Family::Double,
        role,
        glyph: '"',
    })
}

/// ’ and ' are apostrophes inside words (don’t), before decades (’90s) and after plural
/// possessives; they are quote marks only where they can open or close a single quote.
fn single_or_apostrophe(
    glyph: char,
    pos: usize,
    before: Option<&char>,
    next: Option<&char>,
    single_open: bool,
) -> Option<Mark> {
    if is_word_char(before) && is_word_char(next) {
        return None;
    }
    let mark = |role| {
        Some(Mark {
            pos,
            width: 1,
            family: Family::Single,
            role,
            glyph,
        })
    };
    if single_open && closes_here(before, next) {
        return mark(Role::Close);
    }
    if glyph == '\'' && opens_here(before) && next.is_some_and(|c| c.is_alphabetic()) {
        return mark(Role::Open);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        find_spans(&chars)
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    #[test]
    fn pairs_every_common_style() {
        assert_eq!(quoted("He said “yes.”"), ["“yes.”"]);
        assert_eq!(
            quoted("He said \"yes.\" Then \"no.\""),
            ["\"yes.\"", "\"no.\""]
        );
        assert_eq!(quoted("Er sagte: „Ja.“ Dann ging er."), ["„Ja.“"]);
        assert_eq!(quoted("Il a dit : « Oui. »"), ["« Oui. »"]);
        assert_eq!(quoted("Er sagte: »Ja.« Gut."), ["»Ja.«"]);
        assert_eq!(quoted("He said ``yes'' twice."), ["``yes''"]);
        assert_eq!(quoted("He said ''yes,'' twice."), ["''yes,''"]);
        assert_eq!(quoted("Он сказал: «Да»."), ["«Да»"]);
    }

    #[test]
    fn nested_singles_and_apostrophes_do_not_end_the_outer_quote() {
        assert_eq!(
            quoted("“We don’t call it ‘cheap’ since the ’90s,” she said."),
            ["“We don’t call it ‘cheap’ since the ’90s,”"]
        );
        assert_eq!(
            quoted("\"The players' union isn't 'happy,' \" he said."),
            ["\"The players' union isn't 'happy,' \""]
        );
    }

    #[test]
    fn an_unpaired_mark_spoils_only_its_paragraph() {
        assert_eq!(
            quoted("A stray “ mark here.\nThen “fine,” he said."),
            ["“fine,”"]
        );
        assert_eq!(quoted("Stray closing” then “ok” now."), ["“ok”"]);
    }

    #[test]
    fn multi_paragraph_quote_yields_one_part_per_paragraph() {
        let parts = quoted("“First part.\n\n“Second part.\n\n“Last part.”");
        assert_eq!(parts, ["“First part.", "“Second part.", "“Last part.”"]);
    }

    #[test]
    fn single_marks_quote_only_where_no_double_mark_does() {
        assert_eq!(
            quoted("Roe: ‘We Will Win.’\n\n“We will win,” said Jane Roe."),
            ["“We will win,”"]
        );
        assert_eq!(
            quoted("‘We will win,’ said Jane Roe. ‘Soon.’"),
            ["‘We will win,’", "‘Soon.’"]
        );
    }

    #[test]
    fn wiki_italics_are_no_quotes_where_the_text_quotes_with_low_marks() {
        assert_eq!(
            quoted("Das Magazin ''Stern'' schrieb: „Es bleibt offen.“"),
            ["„Es bleibt offen.“"]
        );
        assert_eq!(quoted("Die Art ''Maiasaura''.\nEr sagte: „Ja.“"), ["„Ja.“"]);
        assert_eq!(quoted("He said ''yes,'' twice."), ["''yes,''"]);
    }

    #[test]
    fn empty_and_mark_only_inputs() {
        assert!(quoted("").is_empty());
        assert!(quoted("\"").is_empty());
        assert!(quoted("“”„“«»''\"\"").is_empty());
    }
}
