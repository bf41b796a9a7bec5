//! Byline cleaning: pages decorate the author's name with "By", roles, dates, handles and
//! site names ("By Jane Roe, Staff Writer | Updated March 3, 2020"); the popup shows the
//! name alone.

/// Separators that end the byline: what follows a pipe or bullet is a site, a date or a
/// share button, not another author.
const HARD_SEPARATORS: &[&str] = &["|", "•", "·"];
/// Separators between the name and a role ("Jane Roe - Reporter", "Jane Roe, Editor").
const SOFT_SEPARATORS: &[&str] = &["-", "–", "—"];
/// Words that introduce the name ("By", Spanish/Portuguese "por", German "von", French "par").
const LEAD_WORDS: &[&str] = &["by", "por", "von", "par"];
/// Words from which on the rest is a date or page furniture, not a name.
/// ("Edited by" credits someone else.)
const STOP_WORDS: &[&str] = &[
    "updated",
    "modified",
    "published",
    "posted",
    "edited",
    "ago",
    "share",
];
/// Last words of a job title.
const ROLE_WORDS: &[&str] = &[
    "writer",
    "editor",
    "editors",
    "reporter",
    "correspondent",
    "columnist",
    "contributor",
    "contributors",
    "journalist",
    "producer",
    "photographer",
    "staff",
    "analyst",
    "critic",
    "intern",
];
/// Words that qualify a job title ("Senior Staff Writer", "and Contributors").
const ROLE_MODIFIERS: &[&str] = &[
    "senior",
    "staff",
    "chief",
    "contributing",
    "managing",
    "deputy",
    "associate",
    "executive",
    "special",
    "and",
    "&",
];
/// Beats that precede a job title without punctuation ("Ben Roe Games Editor").
const BEAT_WORDS: &[&str] = &[
    "games",
    "sports",
    "news",
    "politics",
    "science",
    "tech",
    "technology",
    "health",
    "business",
    "music",
    "film",
    "arts",
    "food",
    "travel",
    "culture",
    "opinion",
    "features",
    "world",
    "metro",
    "entertainment",
];
/// Two-word page furniture whose words alone could be names.
const FURNITURE_PAIRS: &[(&str, &str)] = &[
    ("last", "updated"),
    ("last", "modified"),
    ("view", "more"),
    ("view", "all"),
    ("read", "more"),
    ("see", "more"),
    ("more", "articles"),
];
const WEEKDAYS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
];
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];
/// Punctuation trimmed from the ends of a cleaned byline.
const EDGE_PUNCTUATION: &str = "—–-|,:·•";

/// "By Jane Roe, Staff Writer | Updated March 3, 2020" → "Jane Roe". Returns the text
/// trimmed of edge punctuation when cleaning would leave nothing (a byline that is only a
/// date is still what the page shows).
pub fn tidy(text: &str) -> String {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.contains('@'))
        .collect();
    let words = after_lead_word(&words);
    let words = &words[..date_or_furniture_start(words)];
    let words = &words[..hard_separator_start(words)];
    let kept = drop_role_segments(&words.join(" "));
    let kept = drop_trailing_role(&kept);
    let cleaned = trim_edges(&kept);
    if cleaned.is_empty() {
        trim_edges(text).to_string()
    } else {
        cleaned.to_string()
    }
}

/// "Troy Roe, Cleveland.com" or "Ana Ruiz Florida Today" → the name, when the part cut
/// off is the page's own site name (a news agency byline that *is* the site stays).
pub fn without_site(byline: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::to_lowercase).filter(|s| !s.trim().is_empty()) else {
        return byline.to_string();
    };
    // Word-boundary comparison: "CNN Business" names the site "CNN", "Happy" not "AP".
    let names_site = |part: &str| {
        let part = part.trim().to_lowercase();
        !part.is_empty()
            && (part == site
                || part.starts_with(&format!("{site} "))
                || site.starts_with(&format!("{part} ")))
    };
    let segments: Vec<&str> = byline.split(',').collect();
    let kept: Vec<&str> = segments
        .iter()
        .enumerate()
        .filter(|(i, part)| *i == 0 || !names_site(part))
        .map(|(_, part)| part.trim())
        .collect();
    let joined = kept.join(", ");
    let suffix = format!(" {site}");
    let head_len = joined.len().saturating_sub(suffix.len());
    let ends_with_site = joined.is_char_boundary(head_len)
        && joined[head_len..].to_lowercase() == suffix
        && joined[..head_len].split_whitespace().count() >= 2;
    if ends_with_site {
        trim_edges(&joined[..head_len]).to_string()
    } else {
        joined
    }
}

fn trim_edges(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || EDGE_PUNCTUATION.contains(c))
}

/// A word lowercased without surrounding punctuation, for comparing with the lists.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
        .to_lowercase()
}

/// The words after "By" when it comes within the first four words ("Posted by",
/// "Tech Industry by …"); a later "by" belongs to the text.
fn after_lead_word<'a, 'w>(words: &'a [&'w str]) -> &'a [&'w str] {
    words
        .iter()
        .take(4)
        .position(|w| LEAD_WORDS.contains(&bare(w).as_str()))
        .filter(|&i| i + 1 < words.len())
        .map_or(words, |i| &words[i + 1..])
}

/// Index of the first word of a date, time or page furniture: a number ("20,", "8h",
/// "2019-05-20"), a month before a number ("May 20"), or "Updated", "1 day ago", "Share".
/// Names carry no digits, and a month only counts before a number, so "Theresa May" stays.
fn date_or_furniture_start(words: &[&str]) -> usize {
    let starts_with_digit = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    let start = (0..words.len())
        .find(|&i| {
            let word = bare(words[i]);
            let next = words.get(i + 1).map(|w| bare(w)).unwrap_or_default();
            let month_before_number = MONTHS.contains(&word.as_str()) && starts_with_digit(&next);
            // "Last updated", "View more" are furniture; a lone "Last" or "View" is a surname.
            let furniture_pair = FURNITURE_PAIRS.contains(&(word.as_str(), next.as_str()));
            starts_with_digit(words[i])
                || month_before_number
                || furniture_pair
                || STOP_WORDS.contains(&word.as_str())
        })
        .unwrap_or(words.len());
    if start == words.len() {
        return start;
    }
    // "Monday, March 4" and "on March 4": the weekday or "on" belongs to the date.
    let belongs_to_date = |w: &str| WEEKDAYS.contains(&bare(w).as_str()) || bare(w) == "on";
    words[..start]
        .iter()
        .rposition(|w| !belongs_to_date(w))
        .map_or(0, |last_name_word| last_name_word + 1)
        .min(start)
}

/// Index of the first pipe or bullet, standing alone or starting a word ("Roe | Site").
fn hard_separator_start(words: &[&str]) -> usize {
    (1..words.len())
        .find(|&i| HARD_SEPARATORS.iter().any(|s| words[i].starts_with(s)))
        .unwrap_or(words.len())
}

/// Drops ", Staff Writer" and " - Reporter" segments; other segments ("Jane Roe, John Doe")
/// are co-authors and stay.
fn drop_role_segments(text: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for (index, segment) in text.split(',').enumerate() {
        let segment = keep_name_before_dash(segment);
        if index == 0 || !ends_with_role(segment) {
            kept.push(segment.trim());
        }
    }
    kept.join(", ")
}

/// "Jane Roe - Reporter" → "Jane Roe"; a dash inside a name ("Mary-Jane") has no spaces.
fn keep_name_before_dash(segment: &str) -> &str {
    SOFT_SEPARATORS
        .iter()
        .filter_map(|s| segment.find(&format!(" {s} ")))
        .min()
        .filter(|&at| ends_with_role(&segment[at..]))
        .map_or(segment, |at| &segment[..at])
}

fn ends_with_role(segment: &str) -> bool {
    segment
        .split_whitespace()
        .last()
        // "Editor-at-large" is an editor.
        .and_then(|w| bare(w).split('-').next().map(str::to_string))
        .is_some_and(|w| ROLE_WORDS.contains(&w.as_str()))
}

/// "Ben Roe Games Editor" → "Ben Roe", "Jane Roe and Contributors" → "Jane Roe": a job
/// title without punctuation, kept off while at least two words (a name) remain.
fn drop_trailing_role(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if !ends_with_role(text) || words.len() < 3 {
        return text.to_string();
    }
    words.pop();
    let removable = |w: &str| {
        let word = bare(w);
        ROLE_WORDS.contains(&word.as_str()) || ROLE_MODIFIERS.contains(&word.as_str())
    };
    while words.len() > 2 && words.last().is_some_and(|w| removable(w)) {
        words.pop();
    }
    if words.len() > 2
        && words
            .last()
            .is_some_and(|w| BEAT_WORDS.contains(&bare(w).as_str()))
    {
        words.pop();
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::{tidy, without_site};

    #[test]
    fn drops_the_site_name() {
        let site = Some("Daily Tide");
        assert_eq!(without_site("Jane Roe, Daily Tide", site), "Jane Roe");
        assert_eq!(
            without_site("Jane Roe, Daily Tide Sports", site),
            "Jane Roe"
        );
        assert_eq!(without_site("Jane Roe Daily Tide", site), "Jane Roe");
        assert_eq!(without_site("Daily Tide", site), "Daily Tide");
        assert_eq!(without_site("Tide Daily Tide", site), "Tide Daily Tide");
        assert_eq!(
            without_site("Jane Roe, Tom Vale", site),
            "Jane Roe, Tom Vale"
        );
        assert_eq!(
            without_site("Jane Roe, Dailyish", site),
            "Jane Roe, Dailyish"
        );
        assert_eq!(
            without_site("Jane Roe, Daily Tide", None),
            "Jane Roe, Daily Tide"
        );
    }

    #[test]
    fn strips_lead_words_and_edge_punctuation() {
        assert_eq!(tidy("By Jane Doe —"), "Jane Doe");
        assert_eq!(tidy("by: Lee Park"), "Lee Park");
        assert_eq!(tidy("Posted by Lee Park"), "Lee Park");
        assert_eq!(tidy("Garden Section by Ana Ruiz"), "Ana Ruiz");
        assert_eq!(tidy("por Ana Ruiz"), "Ana Ruiz");
        assert_eq!(tidy("Nearby Roe"), "Nearby Roe");
    }

    #[test]
    fn cuts_dates_times_and_furniture() {
        assert_eq!(tidy("Tom Vale - Feb 2, 2021 9:15 am UTC"), "Tom Vale");
        assert_eq!(tidy("Tom Vale March 3, 2020"), "Tom Vale");
        assert_eq!(tidy("Tom Vale • 5h"), "Tom Vale");
        assert_eq!(tidy("Tom Vale 2 days ago SHARE TWEET"), "Tom Vale");
        assert_eq!(tidy("Tom Vale Updated today"), "Tom Vale");
        assert_eq!(tidy("Tom Last Last updated: May 2"), "Tom Last");
        assert_eq!(
            tidy("Last Updated: May 2, 2022"),
            "Last Updated: May 2, 2022"
        );
        assert_eq!(tidy("Written by Tom Vale Edited by Ana Ruiz"), "Tom Vale");
        assert_eq!(tidy("Ana Ruiz 4 de mayo de 2021"), "Ana Ruiz");
        assert_eq!(tidy("Theresa May"), "Theresa May");
        assert_eq!(tidy("Tom Vale Monday, March 4, 2019"), "Tom Vale");
        assert_eq!(tidy("Tom Vale on Feb 2"), "Tom Vale");
        assert_eq!(tidy("Tom Vale View More Articles"), "Tom Vale");
        assert_eq!(tidy("Ana View"), "Ana View");
        assert_eq!(tidy("Ana On"), "Ana On");
        assert_eq!(tidy("June 4, 2020"), "June 4, 2020");
    }

    #[test]
    fn drops_roles_handles_and_sites() {
        assert_eq!(
            tidy("By Jane Roe, Staff Writer | Updated March 3, 2020"),
            "Jane Roe"
        );
        assert_eq!(tidy("Jane Roe - Reporter"), "Jane Roe");
        assert_eq!(tidy("Jane Roe, Editor-at-large"), "Jane Roe");
        assert_eq!(tidy("Jane Roe | The Daily Tide"), "Jane Roe");
        assert_eq!(tidy("Jane Roe jane@tide.example @janeroe"), "Jane Roe");
        assert_eq!(tidy("Jane Roe and Contributors"), "Jane Roe");
        assert_eq!(tidy("Ben Vale Games Editor"), "Ben Vale");
        assert_eq!(tidy("Ben Vale Senior Staff Writer"), "Ben Vale");
        assert_eq!(tidy("Jane Roe, John Doe"), "Jane Roe, John Doe");
        assert_eq!(tidy("Mary-Jane Roe"), "Mary-Jane Roe");
    }
}
