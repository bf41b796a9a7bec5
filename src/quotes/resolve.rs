//! From the speaker as written to the person: fullest names, titles, pronouns.
//!
//! Names are found by capitalisation: runs of capitalised words (with initials, "Mr.",
//! and particles like "de"/"von"), minus sentence-initial function words and titles.
//! A short name resolves to the most frequent longer name in the text that ends with it
//! ("Putin" → "Vladimir Putin"); a pronoun to the nearest person named before it
//! (outside quotes, with the honorific's gender when known); "the president" to the
//! person introduced as "President X".

use super::cues;
use super::marks::Span;
use super::tokens::{text_of, tokenize, Token};
use crate::text::hash::{FastMap, FastSet};
use crate::text::ByteCursor;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A name seen in the text, titles removed.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    words: Vec<String>,
    /// The lowercase title that introduced it ("president"), if any.
    title: Option<String>,
    gender: Option<Gender>,
    /// How surely it is a subject, the likeliest antecedent of a later pronoun ("Mr. Roe
    /// said he agreed with Mr. Doe. “…,” he said" → Roe): 2 when it opens its sentence or
    /// stands next to a reporting verb, 1 before another finite verb (which may be in a
    /// subordinate clause: "if Roe wins"), 0 otherwise.
    subject: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// The names of one text (`'a`: the text, whose words it keeps).
pub struct Resolver<'a> {
    mentions: Vec<Mention>,
    /// Each distinct name: how often it is mentioned and where first (to pick "Donald
    /// Trump" over "Eric Trump", deterministically).
    counts: BTreeMap<Vec<String>, (usize, usize)>,
    /// The distinct names ending with each last word.
    by_surname: BTreeMap<String, Vec<Vec<String>>>,
    /// Gender by surname, from honorifics ("Mrs. Lee").
    /// `None` when honorifics disagree ("Mr. Khan" and "Ms. Khan" are two people).
    genders: BTreeMap<String, Option<Gender>>,
    /// Quoted spans (sorted): names inside quotes are not antecedents.
    quoted: Vec<(usize, usize)>,
    /// Title-case lines (sorted char ranges): headlines' capitalised words are no names.
    headlines: Vec<(usize, usize)>,
    /// Names seen with a personal title ("Sen. Jane Roe").
    titled_names: std::collections::HashSet<Vec<String>>,
    /// Resolved speakers of earlier quotes, by position.
    speakers: Vec<(usize, Vec<String>)>,
    /// Words the text also writes in lowercase: not parts of a person's name.
    common: FastSet<&'a str>,
    /// One-word names seen next to a reporting verb ("said Wilcox"): people.
    reported: WordSet,
}

/// Last words of places and organisations, which are not pronoun antecedents.
fn is_institution_word(word: &str) -> bool {
    matches!(
        word,
        "House"
            | "States"
            | "Carolina"
            | "Street"
            | "Journal"
            | "News"
            | "Party"
            | "Committee"
            | "Department"
            | "Foundation"
            | "University"
            | "Times"
            | "Post"
            | "Press"
            | "Fund"
            | "Council"
            | "Court"
            | "Congress"
            | "Senate"
            | "Association"
            | "Institute"
            | "Center"
            | "Campaign"
            | "Club"
            | "Union"
            | "Bank"
            | "Group"
            | "Inc"
            | "Company"
            | "Network"
            | "America"
            | "Americans"
            | "Republicans"
            | "Democrats"
            | "City"
            | "County"
            | "Island"
            | "Beach"
            | "Virginia"
            | "Dakota"
            | "Hampshire"
            | "Jersey"
            | "York"
            | "Mexico"
            | "Kingdom"
            | "Nations"
            | "Office"
            | "Agency"
            | "Service"
            | "Security"
            | "Administration"
            | "Republic"
            | "Republican"
            | "Organization"
            | "Democrat"
            | "Ministry"
            | "Watch"
            | "Tower"
            | "Partners"
            | "Staff"
            | "PAC"
            | "Technologies"
            | "United"
            | "Project"
            | "Alliance"
            | "Coalition"
            | "Forum"
            | "Society"
            | "Federation"
            | "Corporation"
            | "Magazine"
            | "Commission"
            | "Board"
            | "Bureau"
            | "School"
            | "College"
            | "Hospital"
            | "Airport"
            | "Hotel"
            | "Partei"
            | "Regierung"
    ) || is_place_name(word)
}

/// Countries, states and capitals that act as subjects in the news ("if its claims are true,
/// North Korea is violating…", "China may outnumber…") but are never the "he" or
/// "she" of a later sentence. Names that are also people's names (Georgia, Jordan,
/// Israel, Washington) are left out.
fn is_place_name(word: &str) -> bool {
    matches!(
        word,
        "Korea"
            | "China"
            | "Russia"
            | "Iran"
            | "Iraq"
            | "Syria"
            | "Afghanistan"
            | "Pakistan"
            | "India"
            | "Japan"
            | "Germany"
            | "France"
            | "Britain"
            | "Europe"
            | "Ukraine"
            | "Turkey"
            | "Cuba"
            | "Canada"
            | "Libya"
            | "Egypt"
            | "Kazakhstan"
            | "California"
            | "Texas"
            | "Florida"
            | "Iowa"
            | "Ohio"
            | "Arizona"
            | "Nevada"
            | "Michigan"
            | "Pennsylvania"
            | "Wisconsin"
            | "Indiana"
            | "Illinois"
            | "Moscow"
            | "Beijing"
            | "Tehran"
            | "Kiev"
            | "Kyiv"
            | "Pyongyang"
            | "Brussels"
            | "Berlin"
            | "London"
            | "Paris"
            | "Rome"
            | "Jerusalem"
            | "Damascus"
            | "Baghdad"
            | "Kabul"
            | "Ankara"
            | "Tokyo"
            | "Seoul"
            | "Havana"
            | "Riyadh"
            | "Cairo"
    )
}

/// The last run of capitalised words that are not titles or articles: "Democratic
/// pollster Geoff Garin" → "Geoff Garin", "Sen. Jane Roe" → "Jane Roe".
fn last_name_run(words: &[String]) -> Vec<String> {
    let is_name =
        |w: &String| starts_upper(w) && !is_title(w) && !cues::is_capitalized_function_word(w);
    let Some(last) = words.iter().rposition(is_name) else {
        return Vec::new();
    };
    let mut first = last;
    while first > 0 {
        let previous = &words[first - 1];
        let particle = matches!(
            previous.as_str(),
            "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "di"
        );
        // "The Post’s Chris Cillizza": a possessive before the name is its employer.
        let possessive = strip_possessive(previous) != *previous;
        if is_name(previous) && !possessive || particle && first > 1 {
            first -= 1;
        } else {
            break;
        }
    }
    words
        .get(first..=last)
        .unwrap_or(&[])
        .iter()
        .map(|w| strip_possessive(w))
        .collect()
}

/// Whether a part of a written speaker is a name that heads its phrase ("Josh Roe",
/// "Sen. Jane Roe", not "the White House spokesman" nor "a Roe supporter").
fn names_a_person(part: &str) -> bool {
    let words: Vec<String> = part
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    // "state Del. Jo Roe", "former Sen. Jo Roe": lowercase titles lead into the name.
    let starts_with_name = words
        .iter()
        .find(|w| !is_title(w) || starts_upper(w))
        .is_some_and(|w| starts_upper(w) && !cues::is_capitalized_function_word(w));
    starts_with_name && !last_name_run(&words).is_empty() && !name_modifies_a_noun(&words)
}

/// "a spokesman for Mr. Roe", "an adviser to Roe": a described person (determiner, noun,
/// preposition) whose description names somebody else.
fn names_someone_else(words: &[String]) -> bool {
    let described = words.first().is_some_and(|w| cues::is_determiner(w))
        || words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "A" | "An" | "One" | "one"));
    described
        && words.windows(2).any(|pair| {
            pair[0].chars().next().is_some_and(char::is_lowercase)
                && !cues::is_determiner(&pair[0])
                && matches!(pair[1].as_str(), "for" | "to" | "of" | "at" | "with")
        })
}

/// "this Trump look-alike", "a key Roe supporter": the last name is not the head of the
/// phrase, a lowercase noun after it is (prepositions and clauses do not count).
fn name_modifies_a_noun(words: &[String]) -> bool {
    let Some(last) = words.iter().rposition(|w| starts_upper(w) && !is_title(w)) else {
        return false;
    };
    words.get(last + 1).is_some_and(|next| {
        next.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                next.as_str(),
                "of" | "from" | "in" | "at" | "for" | "with" | "on" | "and" | "who" | "to"
            )
    })
}

const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "secretary",
    "mr",
    "mrs",
    "ms",
    "dr",
    "judge",
    "justice",
    "chancellor",
    "general",
    "gen",
    "speaker",
    "mayor",
    "chairman",
    "chairwoman",
    "chief",
    "king",
    "queen",
    "pope",
    "sheriff",
    "professor",
    "prof",
    "rev",
    "lt",
    "col",
    "sgt",
    "capt",
    "ambassador",
    "amb",
    "delegate",
    "del",
    "admiral",
    "adm",
    "atty",
    "commissioner",
    "candidate",
    "leader",
    "state",
    "foreign",
    "attorney",
    "former",
    "sir",
    "lord",
    "präsident",
    "präsidentin",
    "bundeskanzler",
    "bundeskanzlerin",
    "kanzler",
    "kanzlerin",
    "ministerin",
    "bundesminister",
    "bundesministerin",
    "herr",
    "frau",
    "ministerpräsident",
    "ministerpräsidentin",
    "bürgermeister",
    "bürgermeisterin",
    "außenminister",
    "außenministerin",
    "innenminister",
    "bundespräsident",
    "m",
    "mme",
    "señor",
    "sr",
    "sra",
    "democrat",
    "republican",
    "democratic",
    "gop",
    "nominee",
    "rival",
    "sens",
    "reps",
    "adviser",
    "spokesman",
    "spokeswoman",
    "strategist",
    "pollster",
    "founder",
    "host",
    "anchor",
    "correspondent",
    "aide",
    "columnist",
    "editor",
    "reporter",
    "analyst",
    "economist",
    "director",
    "archbishop",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "pastor",
    "patriarch",
];

pub(super) fn is_title(word: &str) -> bool {
    // A hashed set, built once: the list is long and name runs ask for every word near them.
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| TITLES.iter().copied().collect())
        .contains(&*super::tokens::lowercase(word))
}

fn gender_of_title(word: &str) -> Option<Gender> {
    match &*super::tokens::lowercase(word) {
        "mr" | "herr" | "sir" | "king" | "lord" | "m" | "señor" | "sr" | "chairman" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "frau" | "queen" | "mme" | "sra" | "chairwoman" | "kanzlerin"
        | "bundeskanzlerin" | "ministerin" | "präsidentin" => Some(Gender::Female),
        other => gender_of_role(other),
    }
}

/// "widow Jane Roe", "Congressman Ivo Roe": a role noun before a name that tells the
/// person's gender, so that a later "she" does not go to a man nearby. ("Spokesman" and
/// "actor" are said of women too.)
fn gender_of_role(word: &str) -> Option<Gender> {
    match word {
        "widower" | "husband" | "father" | "son" | "brother" | "nephew" | "uncle"
        | "grandfather" | "congressman" | "businessman" | "councilman" | "assemblyman"
        | "boyfriend" => Some(Gender::Male),
        "widow" | "wife" | "mother" | "daughter" | "sister" | "niece" | "aunt" | "grandmother"
        | "congresswoman" | "spokeswoman" | "businesswoman" | "councilwoman" | "assemblywoman"
        | "girlfriend" | "actress" => Some(Gender::Female),
        _ => None,
    }
}

/// Common first names in the news, to keep "she" from resolving to a man (and back).
const FEMALE_NAMES: &[&str] = &[
    "Hillary",
    "Nancy",
    "Elizabeth",
    "Sarah",
    "Michelle",
    "Angela",
    "Theresa",
    "Kamala",
    "Mary",
    "Susan",
    "Karen",
    "Linda",
    "Patricia",
    "Barbara",
    "Jennifer",
    "Maria",
    "Lisa",
    "Laura",
    "Anna",
    "Anne",
    "Ann",
    "Emily",
    "Jessica",
    "Amy",
    "Rachel",
    "Kellyanne",
    "Hope",
    "Ivanka",
    "Melania",
    "Chelsea",
    "Huma",
    "Jill",
    "Debbie",
    "Carly",
    "Nikki",
    "Condoleezza",
    "Madeleine",
    "Janet",
    "Katie",
    "Kate",
    "Megyn",
    "Sheryl",
    "Dianne",
    "Kirsten",
    "Claire",
    "Heidi",
    "Tammy",
    "Kelly",
    "Marsha",
    "Lisa",
    "Christine",
    "Ursula",
    "Sahra",
    "Annalena",
    "Claudia",
    "Julia",
    "Sabine",
    "Andrea",
    "Ulla",
    "Renate",
    "Katarina",
    "Marine",
    "Ségolène",
    "Margaret",
    "Catherine",
    "Caroline",
    "Helen",
    "Victoria",
    "Olga",
    "Irina",
    "Natalia",
    "Yulia",
    "Svetlana",
    "Tatiana",
    "Elena",
    "Jane",
    "Joan",
    "Judy",
    "Donna",
    "Sharon",
    "Deborah",
    "Stephanie",
    "Rebecca",
    "Diane",
    "Ruth",
    "Sonia",
    "Loretta",
    "Samantha",
    "Valerie",
    "Wendy",
    "Ashley",
    "Megan",
    "Dorothy",
    "Sandra",
    "Carol",
    "Carole",
    "Martha",
    "Kathleen",
    "Katherine",
    "Julie",
    "Emma",
    "Olivia",
    "Gloria",
    "Louise",
    "Alicia",
    "Annette",
    "Phyllis",
    "Colleen",
    "Betsy",
    "Maureen",
    "Elaine",
    "Polly",
    "Patti",
    "Sandy",
];
const MALE_NAMES: &[&str] = &[
    "Donald",
    "Barack",
    "Bernie",
    "Ted",
    "Marco",
    "Jeb",
    "John",
    "Joe",
    "Mike",
    "Michael",
    "Paul",
    "Chris",
    "Ben",
    "Bill",
    "George",
    "Mitt",
    "Rand",
    "Scott",
    "Rick",
    "Jim",
    "James",
    "Robert",
    "David",
    "Richard",
    "Thomas",
    "Charles",
    "Mark",
    "Steven",
    "Steve",
    "Kevin",
    "Brian",
    "Jeff",
    "Tim",
    "Tom",
    "Harry",
    "Mitch",
    "Reince",
    "Corey",
    "Eric",
    "Jared",
    "Sean",
    "Newt",
    "Lindsey",
    "Rudy",
    "Chuck",
    "Vladimir",
    "Dmitry",
    "Sergei",
    "Sergey",
    "Alexei",
    "Emmanuel",
    "François",
    "Olaf",
    "Friedrich",
    "Wolfgang",
    "Frank",
    "Peter",
    "Thomas",
    "Martin",
    "Horst",
    "Gerhard",
    "Helmut",
    "Heiko",
    "Markus",
    "Boris",
    "Xi",
    "Recep",
    "Benjamin",
    "Jean",
    "Pierre",
    "Juan",
    "Carlos",
    "José",
    "Luis",
    "Pedro",
    "Andrew",
    "Matthew",
    "Daniel",
    "Anthony",
    "Jason",
    "Ryan",
    "Gary",
    "Larry",
    "Jerry",
    "Dennis",
    "Ron",
    "Roger",
    "Howard",
    "Harold",
    "Henry",
    "Jack",
    "Joseph",
    "William",
    "Jonathan",
    "Josh",
    "Adam",
    "Alan",
    "Greg",
    "Tony",
    "Frank",
    "Patrick",
    "Stephen",
    "Walter",
    "Gregory",
    "Geoffrey",
    "Geoff",
    "Edward",
    "Kenneth",
    "Keith",
    "Douglas",
    "Doug",
    "Raymond",
    "Gerald",
    "Lawrence",
    "Wayne",
    "Ralph",
    "Eugene",
    "Philip",
    "Russell",
    "Bruce",
    "Nicholas",
    "Nick",
    "Samuel",
    "Aaron",
    "Justin",
    "Brandon",
    "Kyle",
    "Jacob",
    "Christopher",
    "Matt",
    "Dan",
    "Dave",
    "Bob",
    "Todd",
    "Jake",
    "Hank",
    "Carl",
    "Stefan",
    "Matteo",
    "Antonin",
    "Denis",
    "Hugh",
    "Evan",
    "Isaac",
];

fn gender_of_first_name(word: &str) -> Option<Gender> {
    // One hashed map of both lists, built once: every capitalised word near a name is
    // asked, and a scan of the 250 names each cost more than the rest of the name search.
    // The female list is read last, so a name on both lists stays female.
    static GENDERS: OnceLock<FastMap<&'static str, Gender>> = OnceLock::new();
    GENDERS
        .get_or_init(|| {
            let male = MALE_NAMES.iter().map(|&name| (name, Gender::Male));
            let female = FEMALE_NAMES.iter().map(|&name| (name, Gender::Female));
            male.chain(female).collect()
        })
        .get(word)
        .copied()
}

fn gender_of_pronoun(word: &str) -> Option<Gender> {
    match &*super::tokens::lowercase(word) {
        "he" | "er" | "он" | "il" | "él" | "ele" => Some(Gender::Male),
        "she" | "она" | "elle" | "ella" | "ela" => Some(Gender::Female),
        _ => None,
    }
}

impl<'a> Resolver<'a> {
    /// Indexes the names of the whole text once (linear in its length).
    /// `chars` are the chars of `text`.
    pub fn new(text: &'a str, chars: &'a [char], spans: &[Span]) -> Resolver<'a> {
        let text = Spelled::new(text, chars, tokenize(chars, 0, chars.len()));
        let tokens = &text.tokens;
        let common = lowercase_words(&text);
        let mut reported = Vec::new();
        let mut mentions = Vec::new();
        let mut index = 0;
        while index < tokens.len() {
            let end = name_run_end(&text, index);
            if end > index {
                if let Some(mut mention) = mention_of(&text, index, end, &common) {
                    mention.subject = subject_strength(&text, index, end);
                    if mention.gender.is_none() {
                        mention.gender = index
                            .checked_sub(1)
                            .and_then(|before| text.word(before))
                            .and_then(gender_of_role);
                    }
                    // "said Wilcox", "Carson defied the question": a one-word name that
                    // speaks or acts is a person.
                    let acts = next_to_reporting_verb(&text, index, end)
                        || mention.subject > 0 && past_verb_follows(&text, end);
                    if mention.words.len() == 1 && acts {
                        reported.extend(mention.words.iter().cloned());
                    }
                    mentions.push(mention);
                }
                index = end;
            } else {
                index += 1;
            }
        }
        let mut counts: BTreeMap<Vec<String>, (usize, usize)> = BTreeMap::new();
        let mut genders = BTreeMap::new();
        // A name met again is counted in place: its words are copied only the first time.
        for (order, mention) in mentions.iter().enumerate() {
            match counts.get_mut(&mention.words) {
                Some((count, _)) => *count += 1,
                None => {
                    counts.insert(mention.words.clone(), (1, order));
                }
            }
            if let (Some(gender), Some(surname)) = (mention.gender, mention.words.last()) {
                match genders.get_mut(surname) {
                    Some(known) if *known != Some(gender) => *known = None,
                    Some(_) => {}
                    None => {
                        genders.insert(surname.clone(), Some(gender));
                    }
                }
            }
        }
        let mut by_surname: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
        for words in counts.keys() {
            if let Some(surname) = words.last() {
                by_surname
                    .entry(surname.clone())
                    .or_default()
                    .push(words.clone());
            }
        }
        let titled_names = mentions
            .iter()
            .filter(|m| m.title.is_some())
            .map(|m| m.words.clone())
            .collect();
        Resolver {
            mentions,
            counts,
            by_surname,
            genders,
            titled_names,
            speakers: Vec::new(),
            common,
            reported: WordSet::new(reported),
            quoted: spans.iter().map(|s| (s.start, s.end)).collect(),
            headlines: headline_lines(chars),
        }
    }

    /// Remembers a resolved speaker: speakers are the likeliest antecedents of later
    /// pronouns. Positions must come in increasing order.
    pub fn note_speaker(&mut self, name: &str, position: usize) {
        let words: Vec<String> = name.split(' ').map(str::to_string).collect();
        // A phrase that fell back to its words ("the former senator") is no name, and an
        // organisation or a misread headline word is no antecedent of "he" or "she".
        if words.len() >= 2 && words.iter().all(|w| starts_upper(w)) && self.is_person(&words) {
            self.speakers.push((position, words));
        }
    }

    /// The person (or organisation) meant by `written`, which stands at char `position`.
    pub fn resolve(&self, written: &str, position: usize) -> Option<String> {
        // "WALLACE" labelling a transcript turn is the "Chris Wallace" of the article.
        // Only when softening changed something: "A B", or letters without case ("中文"),
        // stay shouted, and resolving them again would recurse without end.
        if is_shouted_name(written) {
            let soft = softened(written);
            if soft != written {
                let found = self.resolve(&soft, position);
                if found.as_ref().is_some_and(|name| *name != soft) {
                    return found;
                }
            }
        }
        // An appositive or a parenthesis is not part of the name: "Jane Roe, a doctor,";
        // but "the mayor, Ines Borg" names her in its second part.
        let head = written.split('(').next().unwrap_or(written);
        let head = head
            .split(',')
            .find(|part| names_a_person(part))
            .or_else(|| {
                head.split(',').find(|part| {
                    part.split_whitespace().any(|w| {
                        starts_upper(w)
                            && !is_title(w)
                            && !cues::is_capitalized_function_word(w)
                            && !cues::is_determiner(w)
                    })
                })
            })
            .or_else(|| head.split(',').next())
            .unwrap_or(head);
        // "Jane Roe of Ohio": the place after "of" is not the name.
        let head = match head.split_once(" of ") {
            Some((name, _))
                if name
                    .split_whitespace()
                    .any(|w| starts_upper(w) && !is_title(w)) =>
            {
                name
            }
            _ => head,
        };
        let chars: Vec<char> = head.chars().collect();
        // "Cruz himself": the reflexive only stresses the name.
        let words: Vec<String> = tokenize(&chars, 0, chars.len())
            .iter()
            .filter(|t| t.is_word)
            .map(|t| text_of(&chars, t))
            .filter(|w| !matches!(w.as_str(), "himself" | "herself" | "themselves"))
            .collect();
        let first = words.first()?;
        if words.len() == 1 && cues::is_pronoun(first) {
            if !cues::is_personal_singular(first) {
                return None;
            }
            return self.antecedent(position, gender_of_pronoun(first));
        }
        // "an Iowa Democrat", "one Trump adviser": somebody described, not named.
        let unnamed = matches!(
            first.as_str(),
            "a" | "an" | "An" | "another" | "Another" | "one" | "One"
        );
        if unnamed {
            return Some(head.trim().to_string());
        }
        let name = last_name_run(&words);
        if name.is_empty() || name_modifies_a_noun(&words) || names_someone_else(&words) {
            // "the president": the person introduced with that title, else the phrase.
            let title = super::tokens::lowercase(words.last()?);
            return self
                .titled(&title, position)
                .or_else(|| Some(head.trim().to_string()));
        }
        let honorific = words.iter().find_map(|w| gender_of_title(w));
        Some(self.fullest_of(&name, honorific).join(" "))
    }

    /// The most frequent longer name in the text that ends with `name` ("Putin" →
    /// "Vladimir Putin"); ties go to the first one seen. `name` itself when there is none.
    fn fullest(&self, name: &[String]) -> Vec<String> {
        self.fullest_of(name, None)
    }

    /// `fullest` among the names whose first name does not contradict `gender`
    /// ("Mrs. Clinton" → "Hillary Clinton" even where "Bill Clinton" is more frequent).
    fn fullest_of(&self, name: &[String], gender: Option<Gender>) -> Vec<String> {
        let Some(surname) = name.last() else {
            return Vec::new();
        };
        let fits = |words: &[String]| {
            gender.is_none()
                || words
                    .first()
                    .and_then(|w| gender_of_first_name(w))
                    .is_none_or(|known| Some(known) == gender)
        };
        // Only names with the same last word can be fuller forms: keeps this linear.
        self.by_surname
            .get(surname)
            .into_iter()
            .flatten()
            .filter(|words| words.len() > name.len() && words.len() <= 4 && words.ends_with(name))
            .filter(|words| fits(words))
            .filter_map(|words| self.counts.get(words).map(|stats| (words, stats)))
            .max_by_key(|(_, &(count, first))| (count, std::cmp::Reverse(first)))
            .map(|(words, _)| words.clone())
            .unwrap_or_else(|| name.to_vec())
    }

    /// The nearest person named (or quoted) before `position`, outside quotes, of a
    /// compatible gender.
    fn antecedent(&self, position: usize, gender: Option<Gender>) -> Option<String> {
        let fits = |known: Option<Gender>| gender.is_none() || known.is_none() || known == gender;
        let compatible = |words: &[String]| fits(self.gender_of(words));
        let upto = self.mentions.partition_point(|m| m.start < position);
        // Of the three nearest compatible people, one whose gender is known to match
        // beats a nearer one of unknown gender.
        // A mention's own honorific ("Ms. Khan") tells its gender best.
        let nearest: Vec<(usize, Vec<String>, u8, Option<Gender>)> = self
            .mentions
            .get(..upto)?
            .iter()
            .rev()
            .take(60)
            .filter(|m| !self.is_quoted(m.start) && !within(&self.headlines, m.start))
            .map(|m| {
                let words = self.fullest_of(&m.words, m.gender);
                let known = m.gender.or_else(|| self.gender_of(&words));
                (m.start, words, m.subject, known)
            })
            .filter(|(_, words, _, known)| self.is_person(words) && fits(*known))
            .take(3)
            .collect();
        let known_gender = |known: Option<Gender>| gender.is_some() && known == gender;
        // The surest subject, the nearest among equals (`max_by_key` keeps the last max).
        let mentioned = nearest
            .iter()
            .rev()
            .filter(|(_, _, subject, _)| *subject > 0)
            .max_by_key(|(_, _, subject, _)| *subject)
            .or_else(|| nearest.iter().find(|(_, _, _, known)| known_gender(*known)))
            .or_else(|| nearest.first())
            .map(|(start, words, _, _)| (*start, words.clone()));
        let upto = self
            .speakers
            .partition_point(|(start, _)| *start < position);
        let quoted = self
            .speakers
            .get(..upto)?
            .iter()
            .rev()
            .find(|(_, words)| compatible(words))
            .map(|(start, words)| (*start, words.clone()));
        let best = match (mentioned, quoted) {
            (Some(m), Some(q)) => Some(if m.0 >= q.0 { m } else { q }),
            (m, q) => m.or(q),
        };
        best.map(|(_, words)| words.join(" "))
    }

    fn titled(&self, title: &str, position: usize) -> Option<String> {
        let upto = self.mentions.partition_point(|m| m.start < position);
        self.mentions
            .get(..upto)?
            .iter()
            .rev()
            .filter(|m| !self.is_quoted(m.start) && !within(&self.headlines, m.start))
            .find(|m| m.title.as_deref() == Some(title) && self.is_person(&m.words))
            .map(|m| self.fullest(&m.words).join(" "))
    }

    /// A person: a name of two to four words whose surname is also used alone or that
    /// carries a personal title, and does not end like a place or an organisation.
    fn is_person(&self, words: &[String]) -> bool {
        let Some(surname) = words.last() else {
            return false;
        };
        let shouting = words
            .iter()
            .all(|w| w.chars().count() > 1 && !w.chars().any(char::is_lowercase));
        // "Tuesday New Hampshire", "Election Day": a date is nobody.
        let dated = words.iter().any(|w| {
            matches!(
                w.as_str(),
                "Monday"
                    | "Tuesday"
                    | "Wednesday"
                    | "Thursday"
                    | "Friday"
                    | "Saturday"
                    | "Sunday"
                    | "Day"
            )
        });
        // "White House Chief", "the Florida Governor": a run ending in a title is a
        // description (but "King" is a common surname).
        let titled_end = is_title(surname) && surname != "King";
        if is_institution_word(surname) || shouting || dated || titled_end {
            return false;
        }
        if words.len() == 1 {
            // "his wife, Jane,": a known first name alone is a person too.
            return self.reported.contains(surname) || gender_of_first_name(surname).is_some();
        }
        if words.len() > 4 {
            return false;
        }
        // Capitalised words the text never writes in lowercase, e.g. "Amanda Carpenter".
        let proper = words
            .iter()
            .all(|w| !self.common.contains(&*super::tokens::lowercase(w)));
        self.genders.contains_key(surname)
            || self.titled_names.contains(words)
            || words
                .first()
                .is_some_and(|w| gender_of_first_name(w).is_some())
            || self.counts.contains_key(std::slice::from_ref(surname))
            || proper
    }

    /// A known first name tells the gender best: "Mr. Sanders" makes the surname male,
    /// but not his wife "Jane Sanders". Else the honorific used with the surname.
    fn gender_of(&self, words: &[String]) -> Option<Gender> {
        let by_first_name = words
            .first()
            .filter(|_| words.len() >= 2)
            .and_then(|w| gender_of_first_name(w));
        by_first_name.or_else(|| {
            words
                .last()
                .and_then(|surname| self.genders.get(surname).copied().flatten())
        })
    }

    fn is_quoted(&self, position: usize) -> bool {
        within(&self.quoted, position)
    }
}

/// Whether `position` falls inside one of the sorted, disjoint `ranges`.
fn within(ranges: &[(usize, usize)], position: usize) -> bool {
    let index = ranges.partition_point(|&(start, _)| start <= position);
    index
        .checked_sub(1)
        .and_then(|i| ranges.get(i))
        .is_some_and(|&(_, end)| position < end)
}

/// The lines written in title case ("Obama Urges Britain to Stay"): four to twenty
/// words, at most one in four of them lowercase and those small function words, no
/// closing period.
fn headline_lines(chars: &[char]) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (index, &c) in chars.iter().chain(std::iter::once(&'\n')).enumerate() {
        if c != '\n' {
            continue;
        }
        let line = chars.get(start..index).unwrap_or(&[]);
        // A sentence full of names ("Mrs. Ann Lee met Mr. Tom Ray.") ends on its period;
        // so do most paragraphs of prose, whose words are then not looked at.
        if line.iter().rev().find(|c| !c.is_whitespace()) == Some(&'.') {
            start = index + 1;
            continue;
        }
        // Past twenty words nothing else is looked at either (counted before any is kept).
        let line_words = || {
            line.split(|c| c.is_whitespace())
                .filter(|w| w.iter().any(|c| c.is_alphabetic()))
        };
        if !(4..=20).contains(&line_words().take(21).count()) {
            start = index + 1;
            continue;
        }
        let words: Vec<&[char]> = line_words().collect();
        let lowercase: Vec<String> = words
            .iter()
            .filter(|w| {
                w.iter()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(|c| c.is_lowercase())
            })
            .map(|w| w.iter().filter(|c| c.is_alphabetic()).collect())
            .collect();
        // Headlines keep only small function words in lowercase ("met" is a sentence's).
        let small = lowercase.iter().all(|w| {
            matches!(
                w.as_str(),
                "a" | "an"
                    | "the"
                    | "to"
                    | "in"
                    | "of"
                    | "for"
                    | "and"
                    | "on"
                    | "at"
                    | "with"
                    | "as"
                    | "by"
                    | "or"
                    | "from"
                    | "vs"
                    | "is"
                    | "are"
                    | "be"
            )
        });
        if (4..=20).contains(&words.len()) && lowercase.len() * 4 <= words.len() && small {
            lines.push((start, index));
        }
        start = index + 1;
    }
    lines
}

/// A name in capitals ("WALLACE", "SEN. ROE"): letters, none of them lowercase.
fn is_shouted_name(written: &str) -> bool {
    written.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !written.chars().any(char::is_lowercase)
}

/// "SEN. ROE" → "Sen. Roe".
fn softened(written: &str) -> String {
    written
        .split(' ')
        .map(|word| {
            let mut letters = word.chars();
            letters.next().map_or(String::new(), |first| {
                first.to_string() + &super::tokens::lowercase(letters.as_str())
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(word: &str) -> String {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
        .to_string()
}

/// The text's tokens with each one's text as a slice of the text: finding names reads the
/// words around every capitalised run, some several times over, and a string spelled at
/// each look (`text_of`) cost more than the rest of the search.
struct Spelled<'a> {
    chars: &'a [char],
    tokens: Vec<Token>,
    /// The text whose chars are `chars`.
    text: &'a str,
    /// Where each token's text is in `text`, in bytes.
    bytes: Vec<(usize, usize)>,
}

impl<'a> Spelled<'a> {
    /// The `tokens` of `text`, whose chars are `chars`.
    fn new(text: &'a str, chars: &'a [char], tokens: Vec<Token>) -> Spelled<'a> {
        // Tokens come in order: one cursor walks the chars forward, counting their bytes
        // (no string spelled from the chars again).
        let mut cursor = ByteCursor::default();
        let bytes = tokens
            .iter()
            .map(|token| {
                let start = cursor.byte_of(chars, token.start);
                (start, cursor.byte_of(chars, token.end))
            })
            .collect();
        Spelled {
            chars,
            tokens,
            text,
            bytes,
        }
    }

    /// The text of token `index` (what `text_of` spells), if there is such a token.
    fn word(&self, index: usize) -> Option<&'a str> {
        let &(start, end) = self.bytes.get(index)?;
        self.text.get(start..end)
    }

    /// [`Spelled::word`] when token `index` is a word, not punctuation.
    fn word_only(&self, index: usize) -> Option<&'a str> {
        self.tokens
            .get(index)
            .filter(|t| t.is_word)
            .and_then(|_| self.word(index))
    }
}

/// The end (exclusive) of a run of capitalised words starting at `start`.
fn name_run_end(text: &Spelled, start: usize) -> usize {
    let (chars, tokens) = (text.chars, &text.tokens);
    let is_upper_word = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.is_word && chars.get(t.start).is_some_and(|c| c.is_uppercase()))
    };
    let mut end = start;
    while end < tokens.len() {
        if is_upper_word(end) {
            end += 1;
            // "Mr." and initials keep the run going across their period.
            let dotted = tokens
                .get(end)
                .is_some_and(|t| chars.get(t.start) == Some(&'.'))
                && text
                    .word(end - 1)
                    .is_some_and(super::tokens::is_abbreviation_word)
                && is_upper_word(end + 1);
            if dotted {
                end += 1;
            }
        } else if end > start
            && text.word(end).is_some_and(|w| {
                matches!(w, "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "di")
            })
            && is_upper_word(end + 1)
        {
            end += 1;
        } else if end > start && nickname_at(chars, tokens, end) && is_upper_word(end + 3) {
            // Juan "Chico" Manriquez: the quoted nickname sits inside the name.
            end += 3;
        } else {
            break;
        }
    }
    end
}

/// Every word the text also writes in lowercase: such a word opening a capitalised run
/// is a sentence-initial common word ("Despite Roe's…"), not a first name.
fn lowercase_words<'a>(text: &Spelled<'a>) -> FastSet<&'a str> {
    // Each word is hashed as UTF-8 (8 bytes a step, not a char a step), and kept as a
    // slice of the text (no string made per word).
    // Sized up front for an article's distinct lowercase words (a fraction of its tokens):
    // growing a hashed set rehashes all it holds.
    let mut words = FastSet::with_capacity_and_hasher(text.tokens.len() / 4, Default::default());
    for index in 0..text.tokens.len() {
        let Some(word) = text.word_only(index) else {
            continue;
        };
        if word.chars().next().is_some_and(char::is_lowercase) {
            words.insert(word);
        }
    }
    words
}

/// A sorted word list: smaller in wasm than another BTreeSet instantiation.
struct WordSet(Vec<String>);

impl WordSet {
    fn new(mut words: Vec<String>) -> WordSet {
        words.sort_unstable();
        words.dedup();
        WordSet(words)
    }

    fn contains(&self, word: &str) -> bool {
        self.0
            .binary_search_by(|probe| probe.as_str().cmp(word))
            .is_ok()
    }
}

/// 2 when the name run `tokens[start..end]` opens its sentence, or is next to a
/// reporting verb, or is followed by an appositive ("Jane Roe, a doctor, said", "Jane
/// Roe — a doctor — said"); 1 when
/// a finite verb follows it; else 0.
fn subject_strength(text: &Spelled, start: usize, end: usize) -> u8 {
    let (chars, tokens) = (text.chars, &text.tokens);
    let word_at = |i: usize| text.word(i);
    let lowercase_title = |i: usize| {
        word_at(i).is_some_and(|w| !starts_upper(w) && is_title(w))
            && tokens.get(i).is_some_and(|t| t.is_word)
    };
    // "McConnell spokesman Don Stewart said": the first name only modifies the title.
    let capitalised = |i: usize| word_at(i).is_some_and(starts_upper);
    if lowercase_title(end) && capitalised(end + 1) {
        return 0;
    }
    // "Jane Roe of the Harbor Institute told…": the verb after the "of" phrase is hers.
    let end = end_of_of_phrases(text, end);
    // …and the second opens the sentence through it.
    let mut phrase_start = start;
    while phrase_start > 0
        && start - phrase_start < 5
        && (lowercase_title(phrase_start - 1) || capitalised(phrase_start - 1))
        && tokens.get(phrase_start - 1).is_some_and(|t| t.is_word)
    {
        phrase_start -= 1;
    }
    // "Jeffrey Roe of the Center for Arms Studies wrote": a name right after a
    // preposition is its object (an employer, a place), not the subject of the verb;
    // unless the preposition belongs to a title ("Secretary of State John Roe said").
    let article = phrase_start
        .checked_sub(1)
        .and_then(word_at)
        .is_some_and(|w| w == "the");
    let before_phrase = phrase_start.saturating_sub(usize::from(article));
    let after_preposition = before_phrase
        .checked_sub(1)
        .and_then(word_at)
        .is_some_and(|w| {
            matches!(
                w,
                "of" | "for" | "at" | "from" | "in" | "with" | "by" | "on" | "against" | "about"
            )
        })
        && !before_phrase
            .checked_sub(2)
            .and_then(word_at)
            .is_some_and(is_title);
    if after_preposition {
        return 0;
    }
    let opens_sentence = opens_sentence_at(text, phrase_start);
    let next = word_at(end).unwrap_or_default();
    // "On Monday, Roe included…": a clause opener, then the name and its verb.
    let after_comma = start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| chars.get(t.start) == Some(&','));
    let clause_subject = after_comma && is_verb_like(next);
    // "candidate Bernie Sanders promised", "spokesman Don Stewart wouldn’t say": a name
    // right before its finite verb, unless a verb or preposition governs it ("by Roe").
    let verb_follows =
        finite_verb_follows(text, end) && !governed_by_verb_or_preposition(text, start);
    // "…if Governor Lara Voss agrees": a subordinate clause's subject is never sure.
    let subordinate = before_phrase
        .checked_sub(1)
        .and_then(word_at)
        .is_some_and(|w| {
            matches!(
                w,
                "if" | "unless" | "whether" | "because" | "although" | "though" | "until"
            )
        });
    let sure = opens_sentence
        || clause_subject
        || next_to_reporting_verb(text, start, end)
        || matches!(next, "," | "—" | "–") && !governed_by_verb_or_preposition(text, start);
    if sure && !subordinate {
        2
    } else {
        u8::from(verb_follows)
    }
}

/// The end of the "of the Capitalised Words" phrases after a name ending at `end`
/// ("Roe of the Center for Studies of Jerusalem" → after "Jerusalem"); `end` if none.
fn end_of_of_phrases(text: &Spelled, end: usize) -> usize {
    let word_at = |i: usize| text.word_only(i).unwrap_or_default();
    let mut at = end;
    while matches!(word_at(at), "of" | "for") {
        let mut next = at + 1;
        if word_at(next) == "the" {
            next += 1;
        }
        let run_start = next;
        while starts_upper(word_at(next)) {
            next += 1;
        }
        if next == run_start {
            break;
        }
        at = next;
    }
    at
}

/// Whether token `start` opens its sentence or paragraph (not after the period of
/// "A.E. Dick Roe" or "Sen. Roe").
fn opens_sentence_at(text: &Spelled, start: usize) -> bool {
    let (chars, tokens) = (text.chars, &text.tokens);
    let abbreviated = start
        .checked_sub(2)
        .and_then(|i| text.word_only(i))
        .is_some_and(super::tokens::is_abbreviation_word);
    start == 0
        || start
            .checked_sub(1)
            .and_then(|i| tokens.get(i))
            .is_some_and(|t| {
                !t.is_word
                    && matches!(
                        chars.get(t.start),
                        Some('.' | '!' | '?' | ':' | ';' | '“' | '"')
                    )
                    && !(abbreviated && chars.get(t.start) == Some(&'.'))
                    || chars
                        .get(t.end..tokens.get(start).map_or(t.end, |n| n.start))
                        .is_some_and(|gap| gap.contains(&'\n'))
            })
}

/// "killing Terence Roe, …", "overseen by former envoy Kofi Roe, …", "like Roe, …": a name followed
/// by a comma is an object, not a subject with an appositive, when a preposition or a
/// verb form governs it from the few words before (up to the clause's punctuation).
fn governed_by_verb_or_preposition(text: &Spelled, start: usize) -> bool {
    (start.saturating_sub(5)..start)
        .rev()
        .map_while(|i| text.word_only(i))
        .any(|word| {
            word.ends_with("ing")
                || word.ends_with("ed")
                || matches!(
                    word,
                    "by" | "of"
                        | "to"
                        | "with"
                        | "for"
                        | "from"
                        | "on"
                        | "at"
                        | "in"
                        | "against"
                        | "about"
                        | "and"
                        | "or"
                        | "like"
                        | "unlike"
                        | "than"
                )
        })
}

/// Whether a finite verb follows token `at`, maybe after one adverb ("Cruz openly
/// admitted", "Roe also says", "Doe wouldn’t say").
fn finite_verb_follows(text: &Spelled, at: usize) -> bool {
    let word_at = |i: usize| text.word_only(i).unwrap_or_default();
    let first = word_at(at);
    let verb = if first.ends_with("ly") || matches!(first, "also" | "then" | "later") {
        word_at(at + 1)
    } else {
        first
    };
    is_verb_like(verb) || is_present_or_negated_verb(verb)
}

/// Whether a past-tense verb follows token `at` ("Carson defied"; not "Audiences can").
fn past_verb_follows(text: &Spelled, at: usize) -> bool {
    text.word_only(at)
        .is_some_and(|w| w.ends_with("ed") && w.chars().next().is_some_and(char::is_lowercase))
}

/// "says", "argues", "wouldn’t", "didn't": a present-tense verb of speech or thought
/// (plural nouns end in -s too, so only known verbs) or a negated auxiliary.
fn is_present_or_negated_verb(word: &str) -> bool {
    word.ends_with("n’t") && word.chars().next().is_some_and(char::is_lowercase)
        || word.ends_with("n't") && word.chars().next().is_some_and(char::is_lowercase)
        || matches!(
            word,
            "says"
                | "argues"
                | "notes"
                | "adds"
                | "tells"
                | "thinks"
                | "believes"
                | "insists"
                | "claims"
                | "wants"
                | "knows"
                | "explains"
                | "writes"
                | "points"
                | "continues"
                | "asks"
                | "hopes"
                | "agrees"
                | "warns"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
        )
}

/// A lowercase past-tense verb or auxiliary ("was", "included", "made"): what follows a
/// subject.
fn is_verb_like(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
        && (word.ends_with("ed")
            || matches!(
                word,
                "was" | "is" | "has" | "had" | "will" | "would" | "did" | "does" | "says" | "said"
            )
            || is_irregular_past(word))
}

/// Common irregular past-tense verbs ("Jane Roe made it clear").
fn is_irregular_past(word: &str) -> bool {
    matches!(
        word,
        "made"
            | "took"
            | "gave"
            | "went"
            | "came"
            | "got"
            | "saw"
            | "knew"
            | "thought"
            | "found"
            | "became"
            | "began"
            | "kept"
            | "held"
            | "brought"
            | "wrote"
            | "spoke"
            | "ran"
            | "won"
            | "lost"
            | "met"
            | "sent"
            | "felt"
            | "heard"
            | "told"
            | "sought"
            | "stood"
            | "drew"
            | "struck"
            | "threw"
            | "chose"
            | "broke"
            | "spent"
            | "led"
            | "paid"
            | "taught"
            | "fought"
            | "sat"
    )
}

/// "Roe said" or "said Roe." (not "said Roe's plan…", where Roe is no speaker).
fn next_to_reporting_verb(text: &Spelled, start: usize, end: usize) -> bool {
    let word_at = |i: usize| text.word(i);
    let ends_clause = text.tokens.get(end).is_some_and(|t| !t.is_word)
        && end
            .checked_sub(1)
            .and_then(word_at)
            .is_some_and(|w| strip_possessive(w) == w);
    word_at(end).is_some_and(cues::is_reporting_verb)
        || ends_clause
            && start
                .checked_sub(1)
                .and_then(word_at)
                .is_some_and(cues::is_reporting_verb)
}

/// Whether `tokens[at..at + 3]` is a quoted capitalised word: the "Chico" of Juan
/// "Chico" Manriquez.
fn nickname_at(chars: &[char], tokens: &[Token], at: usize) -> bool {
    let mark = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| !t.is_word && matches!(chars.get(t.start), Some('"' | '“' | '”')))
    };
    mark(at)
        && mark(at + 2)
        && tokens
            .get(at + 1)
            .is_some_and(|t| t.is_word && chars.get(t.start).is_some_and(|c| c.is_uppercase()))
}

/// The name of the run of capitalised words `text.tokens[start..end]`, if any.
fn mention_of(text: &Spelled, start: usize, end: usize, common: &FastSet<&str>) -> Option<Mention> {
    let run = text.tokens.get(start..end).unwrap_or(&[]);
    // The nickname between marks is no part of the name to resolve to. The words are read
    // in the text; only the name kept is copied.
    let words: Vec<&str> = run
        .iter()
        .enumerate()
        .filter(|&(i, t)| t.is_word && !(i > 0 && nickname_at(text.chars, run, i - 1)))
        .filter_map(|(i, _)| text.word(start + i))
        .collect();
    // Everything up to the last title goes: "Florida Sen. Jane Roe" → "Jane Roe".
    let last_title = words
        .iter()
        .take(words.len().saturating_sub(1))
        .rposition(|w| is_title(w));
    let title = last_title
        .and_then(|i| words.get(i))
        .map(|w| super::tokens::lowercase(w).into_owned());
    let gender = last_title
        .and_then(|i| words.get(i))
        .and_then(|w| gender_of_title(w));
    let mut skip = last_title.map_or(0, |i| i + 1);
    // "CNN’s Jake Tapper": the possessor is the employer, not part of the name.
    if let Some(owner) = words
        .iter()
        .take(words.len().saturating_sub(1))
        .rposition(|w| strip_possessive(w) != *w)
    {
        skip = skip.max(owner + 1);
    }
    while words.get(skip).is_some_and(|w| {
        cues::is_capitalized_function_word(w)
            || *w == "With"
            || common.contains(&*super::tokens::lowercase(w)) && gender_of_first_name(w).is_none()
    }) {
        skip += 1;
    }
    // "Oscar-winner Jane Roe", "Korean-born Ivo Roe": a hyphenated description goes.
    if let Some(described) = words
        .iter()
        .take(words.len().saturating_sub(1))
        .rposition(|w| {
            ["-born", "-winner", "-winning", "-based", "-old", "-elect"]
                .iter()
                .any(|suffix| w.ends_with(suffix))
        })
    {
        skip = skip.max(described + 1);
    }
    // "Chief of Staff Denis Roe", "Liberals Elena Roe": a known first name inside the run
    // starts the name; the capitalised words before it describe the person.
    if let Some(first_name) = words
        .iter()
        .enumerate()
        .take(words.len().saturating_sub(1))
        .skip(skip + 1)
        .find(|(_, w)| gender_of_first_name(w).is_some())
        .map(|(i, _)| i)
    {
        if words
            .get(skip)
            .is_some_and(|w| gender_of_first_name(w).is_none())
        {
            skip = first_name;
        }
    }
    let name: Vec<String> = words
        .get(skip..)?
        .iter()
        .map(|w| strip_possessive(w))
        .collect();
    (!name.is_empty()).then_some(Mention {
        start: run.get(skip.min(run.len().saturating_sub(1)))?.start,
        words: name,
        title,
        gender,
        subject: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver(text: &str) -> Resolver<'_> {
        // The resolver borrows the text's chars: leaked, they live to the end of the test.
        let chars: &[char] = Vec::leak(text.chars().collect());
        Resolver::new(text, chars, &[])
    }

    /// What `pronoun` resolves to at the end of `text`.
    fn resolve_at_end(text: &str, pronoun: &str) -> Option<String> {
        resolver(text).resolve(pronoun, text.chars().count())
    }

    #[test]
    fn names_that_stay_capitals_once_softened_resolve_once() {
        // Each of these recursed without end (a stack overflow; a trap in the wasm).
        let text = "A B spoke. 中文 spoke. ĲK spoke.";
        let names = resolver(text);
        for written in ["A B", "中文", "X", "ĲK", "A. B. C."] {
            assert!(
                names
                    .resolve(written, 30)
                    .is_none_or(|name| !name.is_empty()),
                "{written}"
            );
        }
        assert_eq!(softened("SEN. ROE"), "Sen. Roe");
    }

    #[test]
    fn a_gendered_role_before_a_name_tells_its_gender() {
        let text = "The lawyers met widow Kim Tal and Sam Roe. Then she left.";
        assert_eq!(resolve_at_end(text, "she"), Some("Kim Tal".to_string()));
        let text = "The lawyers met Sam Roe and niece Kim Tal. Then he left.";
        assert_eq!(resolve_at_end(text, "he"), Some("Sam Roe".to_string()));
    }

    #[test]
    fn short_names_and_titles_resolve_to_the_fullest_name() {
        let text = "President Vladimir Putin spoke on Friday. Later Putin left.";
        let names = resolver(text);
        assert_eq!(
            names.resolve("Putin", 45).as_deref(),
            Some("Vladimir Putin")
        );
        assert_eq!(names.resolve("he", 45).as_deref(), Some("Vladimir Putin"));
        assert_eq!(
            names.resolve("the president", 45).as_deref(),
            Some("Vladimir Putin")
        );
        assert_eq!(names.resolve("they", 45), None);
    }

    #[test]
    fn headlines_dates_and_employers_are_not_people() {
        let text = "Mayor Tom Ray Urges Harbor Board To Act Now\n\
                    Ray met the board on Tuesday. Local reporters covered it.\n\
                    Radio North’s Ann Lee asked about the budget, then";
        let names = resolver(text);
        let end = text.chars().count();
        // "Harbor Board" of the headline is no antecedent; "Radio North" is Ann Lee's employer.
        assert_eq!(names.resolve("she", end).as_deref(), Some("Ann Lee"));
        assert!(names.is_person(&["Tom".to_string(), "Ray".to_string()]));
        assert!(!names.is_person(&["Election".to_string(), "Day".to_string()]));
        assert_eq!(
            names.mentions.last().map(|m| m.words.join(" ")).as_deref(),
            Some("Ann Lee")
        );
        let headline_end = text.find('\n').unwrap_or(0);
        assert!(within(&names.headlines, 10));
        assert!(!within(&names.headlines, headline_end + 5));
    }

    #[test]
    fn a_mentions_own_honorific_decides_its_gender() {
        // Mr. and Ms. Okafor are two people: "Okafor" alone has no gender, "Ms. Okafor" has.
        let text = "Mr. Emeka Okafor spoke first. Later Ms. Okafor wrote a letter. Then";
        let names = resolver(text);
        let end = text.chars().count();
        assert!(names
            .resolve("she", end)
            .is_some_and(|name| name.ends_with("Okafor")));
        assert_eq!(names.gender_of(&["Okafor".to_string()]), None);
    }

    #[test]
    fn a_name_after_initials_does_not_open_a_sentence() {
        // The period of "A.E." ends no sentence: Dick Moss is an object, Ward the subject.
        let text = "Gov. Lee Ward signed the order. Anticipating criticism, Ward remarked that \
                    he had consulted scholar A.E. Dick Moss at the state university. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Lee Ward"));
    }

    #[test]
    fn a_name_compared_with_like_is_no_subject() {
        let text = "Tom Kroll said that like Bo Early, a few other backers would get in. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Tom Kroll"));
    }

    #[test]
    fn a_name_before_a_dash_appositive_is_the_subject() {
        let text = "And city Chairman Tom Rask — Ivo Berg’s former chief of staff — offered a \
                    plan when I asked him. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Tom Rask"));
    }

    #[test]
    fn a_lone_surname_next_to_a_reporting_verb_of_any_language_is_a_person() {
        // The verbs are the cue lists' (one list per language, shared with attribution).
        let names = resolver("Wilcox points to the map. Danach sagte Lindqvist: nichts. Orla ran.");
        assert!(names.is_person(&["Wilcox".to_string()]));
        assert!(names.is_person(&["Lindqvist".to_string()]));
        assert!(!names.is_person(&["Orla".to_string()]));
    }

    #[test]
    fn somebody_described_is_not_the_place_in_the_description() {
        let names = resolver("Voters in Iowa met on Monday. Then");
        assert_eq!(
            names.resolve("an Iowa Democrat", 20).as_deref(),
            Some("an Iowa Democrat")
        );
        assert_eq!(
            names
                .resolve("one Iowa Republican strategist", 20)
                .as_deref(),
            Some("one Iowa Republican strategist")
        );
    }

    #[test]
    fn a_title_before_a_headline_phrase_introduces_nobody() {
        let text = "Former Lund Pollster Says Lund Is In Trouble In Ohio.\n\n\
                    Former Lund pollster Doug Moe was a guest on the show. Then";
        let names = resolver(text);
        assert_eq!(
            names
                .resolve("the former pollster", text.chars().count())
                .as_deref(),
            Some("the former pollster")
        );
    }

    #[test]
    fn a_quoted_nickname_stays_inside_the_name() {
        let text = "Tomas \"Chico\" Varga of Oakland carried a photo. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Tomas Varga"));
    }

    #[test]
    fn a_known_first_name_alone_is_a_person() {
        let text = "Senator Ivo Rask came with his wife, Jane, on Friday. Then";
        assert_eq!(resolve_at_end(text, "she").as_deref(), Some("Jane"));
    }

    #[test]
    fn an_honorific_picks_the_fullest_name_of_its_gender() {
        let text = "Bill Rowe spoke. Bill Rowe left. Hillary Rowe stayed. Then";
        let names = resolver(text);
        assert_eq!(names.resolve("Rowe", 50).as_deref(), Some("Bill Rowe"));
        assert_eq!(
            names.resolve("Mrs. Rowe", 50).as_deref(),
            Some("Hillary Rowe")
        );
    }

    #[test]
    fn a_present_reporting_verb_and_a_job_title_make_subjects() {
        let text = "Tom Rask is the best debater, Ivo Brandl argues.\n\nThen";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Ivo Brandl"));
        let text = "Mayor Lena Ostrova spoke.\n\n\
                    The Harbor Times columnist Ruth Vale has been critical of the plan.\n\nThen";
        assert_eq!(resolve_at_end(text, "she").as_deref(), Some("Ruth Vale"));
    }

    #[test]
    fn a_spokesman_for_someone_is_not_that_someone() {
        let names = resolver("Mayor Ivo Rask spoke. Then");
        assert_eq!(
            names.resolve("a spokesman for Mayor Rask", 20).as_deref(),
            Some("a spokesman for Mayor Rask")
        );
        assert_eq!(names.resolve("Mayor Rask", 20).as_deref(), Some("Ivo Rask"));
    }

    #[test]
    fn a_first_name_outweighs_the_surnames_honorific() {
        // "Mr. Halvorsen" is the husband; his wife "Jane Halvorsen" is still a woman.
        let text = "Mr. Halvorsen spoke at noon. Later, Jane Halvorsen said the plan was fair. \
                    An aide, Tom Brisk, disagreed. Then";
        assert_eq!(
            resolve_at_end(text, "she").as_deref(),
            Some("Jane Halvorsen")
        );
    }

    #[test]
    fn a_name_after_a_preposition_is_no_subject() {
        let text = "Ivo Rask of the Baltic Center for Fusion Studies wrote that it is far \
                    off. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Ivo Rask"));
        let text = "Mayor Ivo Rask spoke. Secretary of State Tom Brisk said no. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Tom Brisk"));
    }

    #[test]
    fn a_country_acting_as_a_subject_is_no_antecedent() {
        let text = "Mayor Ivo Rask said on Friday that, if the reports hold, North Korea is \
                    breaking its word. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Ivo Rask"));
    }

    #[test]
    fn a_sentence_opening_preposition_is_no_first_name() {
        let text = "Despite Rask’s doubts, the plan passed. Outside Brandl Hall it rained.";
        let names = resolver(text);
        let firsts: Vec<&str> = names
            .mentions
            .iter()
            .filter_map(|m| m.words.first().map(String::as_str))
            .collect();
        assert_eq!(firsts, ["Rask", "Brandl"]);
    }

    #[test]
    fn common_first_names_tell_the_gender() {
        let text = "Ann Lee chaired the hearing. Walter Brisk said it was fair. Then";
        assert_eq!(resolve_at_end(text, "she").as_deref(), Some("Ann Lee"));
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Walter Brisk"));
    }

    #[test]
    fn an_irregular_past_verb_makes_a_subject() {
        let text = "Tom Brisk said the plan was late. In an interview, Ivo Rask made it clear \
                    that he disagreed. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Ivo Rask"));
    }

    #[test]
    fn an_organisation_reporting_is_no_antecedent() {
        let text = "Ivo Rask spoke on his radio show, Harbor Watch reported. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Ivo Rask"));
    }

    #[test]
    fn a_known_first_name_inside_a_run_starts_the_name() {
        let text = "Ivo Rask spoke first. Liberals Elena Halvorsen spoke next. Then";
        assert_eq!(
            resolve_at_end(text, "she").as_deref(),
            Some("Elena Halvorsen")
        );
    }

    #[test]
    fn a_run_ending_in_a_title_is_no_person() {
        let text = "The White House Chief of Staff Denis Halvorsen spoke. Then";
        assert_eq!(
            resolve_at_end(text, "he").as_deref(),
            Some("Denis Halvorsen")
        );
        assert!(resolver(text).is_person(&["Steve".to_string(), "King".to_string()]));
    }

    #[test]
    fn a_hyphenated_description_is_no_part_of_the_name() {
        let text = "Ivo Rask spoke first. Then Oscar-winner Ivar Halvorsen spoke. Then";
        assert_eq!(
            resolve_at_end(text, "he").as_deref(),
            Some("Ivar Halvorsen")
        );
    }

    #[test]
    fn clergy_titles_and_capitals_are_no_names() {
        let text = "Archbishop Ivo Rask of Jerusalem said the talks failed. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Ivo Rask"));
        let text = "Ivo Rask met the envoy. Moscow denied the claim. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Ivo Rask"));
    }

    #[test]
    fn the_verb_after_an_of_phrase_belongs_to_the_name_before_it() {
        let text = "Ivo Rask wrote a column. However, as Archbishop Tom Brisk of the Harbor \
                    Patriarchate of Jerusalem told reporters, the talks failed. Then";
        assert_eq!(resolve_at_end(text, "he").as_deref(), Some("Tom Brisk"));
    }

    #[test]
    fn pronoun_gender_follows_honorifics() {
        let text = "Mrs. Ann Lee met Mr. Tom Ray. Then";
        let names = resolver(text);
        assert_eq!(names.resolve("she", 33).as_deref(), Some("Ann Lee"));
        assert_eq!(names.resolve("he", 33).as_deref(), Some("Tom Ray"));
    }
}
