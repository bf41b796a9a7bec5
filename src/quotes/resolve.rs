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
use std::collections::HashMap;

/// A name seen in the text, titles removed.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    words: Vec<String>,
    /// The lowercase title that introduced it ("president"), if any.
    title: Option<String>,
    gender: Option<Gender>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

pub struct Resolver {
    mentions: Vec<Mention>,
    /// Each distinct name: how often it is mentioned and where first (to pick "Donald
    /// Trump" over "Eric Trump", deterministically).
    counts: HashMap<Vec<String>, (usize, usize)>,
    /// Gender by surname, from honorifics ("Mrs. Lee").
    genders: HashMap<String, Gender>,
    /// Quoted spans (sorted): names inside quotes are not antecedents.
    quoted: Vec<(usize, usize)>,
}

const TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "senator", "sen", "rep", "representative",
    "gov", "governor", "secretary", "mr", "mrs", "ms", "dr", "judge", "justice",
    "chancellor", "general", "gen", "speaker", "mayor", "chairman", "chairwoman", "chief",
    "king", "queen", "pope", "sheriff", "professor", "prof", "rev", "lt", "col", "sgt",
    "capt", "ambassador", "commissioner", "candidate", "leader", "state", "foreign",
    "attorney", "former", "sir", "lord", "präsident", "präsidentin", "bundeskanzler",
    "bundeskanzlerin", "kanzler", "kanzlerin", "ministerin", "bundesminister",
    "bundesministerin", "herr", "frau", "ministerpräsident", "ministerpräsidentin",
    "bürgermeister", "bürgermeisterin", "außenminister", "außenministerin", "innenminister",
    "bundespräsident", "m", "mme", "señor", "sr", "sra",
];

fn is_title(word: &str) -> bool {
    TITLES.contains(&word.to_lowercase().as_str())
}

fn gender_of_title(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "mr" | "herr" | "sir" | "king" | "lord" | "m" | "señor" | "sr" | "chairman" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "frau" | "queen" | "mme" | "sra" | "chairwoman" | "kanzlerin"
        | "bundeskanzlerin" | "ministerin" | "präsidentin" => Some(Gender::Female),
        _ => None,
    }
}

fn gender_of_pronoun(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "er" | "он" | "il" | "él" | "ele" => Some(Gender::Male),
        "she" | "она" | "elle" | "ella" | "ela" => Some(Gender::Female),
        _ => None,
    }
}

impl Resolver {
    /// Indexes the names of the whole text once (linear in its length).
    pub fn new(chars: &[char], spans: &[Span]) -> Resolver {
        let tokens = tokenize(chars, 0, chars.len());
        let mut mentions = Vec::new();
        let mut index = 0;
        while index < tokens.len() {
            let end = name_run_end(chars, &tokens, index);
            if end > index {
                if let Some(mention) = mention_of(chars, &tokens[index..end]) {
                    mentions.push(mention);
                }
                index = end;
            } else {
                index += 1;
            }
        }
        let mut counts: HashMap<Vec<String>, (usize, usize)> = HashMap::new();
        let mut genders = HashMap::new();
        for (order, mention) in mentions.iter().enumerate() {
            counts.entry(mention.words.clone()).or_insert((0, order)).0 += 1;
            if let (Some(gender), Some(surname)) = (mention.gender, mention.words.last()) {
                genders.entry(surname.clone()).or_insert(gender);
            }
        }
        Resolver {
            mentions,
            counts,
            genders,
            quoted: spans.iter().map(|s| (s.start, s.end)).collect(),
        }
    }

    /// The person (or organisation) meant by `written`, which stands at char `position`.
    pub fn resolve(&self, written: &str, position: usize) -> Option<String> {
        let chars: Vec<char> = written.chars().collect();
        let tokens = tokenize(&chars, 0, chars.len());
        let words: Vec<String> = tokens
            .iter()
            .filter(|t| t.is_word)
            .map(|t| text_of(&chars, t))
            .collect();
        let first = words.first()?;
        if words.len() == 1 && cues::is_pronoun(first) {
            if !cues::is_personal_singular(first) {
                return None;
            }
            return self.antecedent(position, gender_of_pronoun(first));
        }
        let name: Vec<String> = words
            .iter()
            .skip_while(|w| !starts_upper(w) || is_title(w) || cues::is_determiner(w))
            .map(|w| strip_possessive(w))
            .collect();
        if name.is_empty() {
            // "the president": the person introduced with that title, else the phrase.
            let head = words.last()?.to_lowercase();
            return self
                .titled(&head, position)
                .or_else(|| Some(written.to_string()));
        }
        Some(self.fullest(&name).join(" "))
    }

    /// The most frequent name in the text that ends with `name` (ties: the longest).
    fn fullest(&self, name: &[String]) -> Vec<String> {
        self.counts
            .iter()
            .filter(|(words, _)| words.len() >= name.len() && words.ends_with(name))
            .max_by_key(|(words, &(count, first))| (count, words.len(), std::cmp::Reverse(first)))
            .map(|(words, _)| words.clone())
            .unwrap_or_else(|| name.to_vec())
    }

    /// The nearest person named before `position`, outside quotes, of a compatible gender.
    fn antecedent(&self, position: usize, gender: Option<Gender>) -> Option<String> {
        let upto = self.mentions.partition_point(|m| m.start < position);
        self.mentions
            .get(..upto)?
            .iter()
            .rev()
            .take(40)
            .filter(|m| !self.is_quoted(m.start))
            .filter(|m| self.is_person(m))
            .find(|m| {
                let known = self.gender_of(&m.words);
                gender.is_none() || known.is_none() || known == gender
            })
            .map(|m| self.fullest(&m.words).join(" "))
    }

    fn titled(&self, title: &str, position: usize) -> Option<String> {
        let upto = self.mentions.partition_point(|m| m.start < position);
        self.mentions
            .get(..upto)?
            .iter()
            .rev()
            .find(|m| m.title.as_deref() == Some(title))
            .map(|m| self.fullest(&m.words).join(" "))
    }

    /// A person: a two-word-or-longer name, or a surname of one.
    fn is_person(&self, mention: &Mention) -> bool {
        mention.words.len() >= 2 && mention.words.len() <= 4
            || mention.gender.is_some()
            || self.fullest(&mention.words).len() >= 2
    }

    fn gender_of(&self, words: &[String]) -> Option<Gender> {
        words.last().and_then(|surname| self.genders.get(surname).copied())
    }

    fn is_quoted(&self, position: usize) -> bool {
        let index = self.quoted.partition_point(|&(start, _)| start <= position);
        index
            .checked_sub(1)
            .and_then(|i| self.quoted.get(i))
            .is_some_and(|&(_, end)| position < end)
    }
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

/// The end (exclusive) of a run of capitalised words starting at `start`.
fn name_run_end(chars: &[char], tokens: &[Token], start: usize) -> usize {
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
            let dotted = tokens.get(end).is_some_and(|t| chars.get(t.start) == Some(&'.'))
                && tokens.get(end - 1).is_some_and(|t| t.end - t.start <= 3)
                && is_upper_word(end + 1);
            if dotted {
                end += 1;
            }
        } else if end > start
            && tokens
                .get(end)
                .is_some_and(|t| matches!(text_of(chars, t).as_str(), "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "di"))
            && is_upper_word(end + 1)
        {
            end += 1;
        } else {
            break;
        }
    }
    end
}

fn mention_of(chars: &[char], run: &[Token]) -> Option<Mention> {
    let words: Vec<String> = run
        .iter()
        .filter(|t| t.is_word)
        .map(|t| text_of(chars, t))
        .collect();
    let mut skip = 0;
    let mut title = None;
    let mut gender = None;
    while let Some(word) = words.get(skip) {
        if cues::is_capitalized_function_word(word) {
            skip += 1;
        } else if is_title(word) && skip + 1 < words.len() {
            title = Some(word.to_lowercase());
            gender = gender.or(gender_of_title(word));
            skip += 1;
        } else {
            break;
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver(text: &str) -> Resolver {
        let chars: Vec<char> = text.chars().collect();
        Resolver::new(&chars, &[])
    }

    #[test]
    fn short_names_and_titles_resolve_to_the_fullest_name() {
        let text = "President Vladimir Putin spoke on Friday. Later Putin left.";
        let names = resolver(text);
        assert_eq!(names.resolve("Putin", 45).as_deref(), Some("Vladimir Putin"));
        assert_eq!(names.resolve("he", 45).as_deref(), Some("Vladimir Putin"));
        assert_eq!(names.resolve("the president", 45).as_deref(), Some("Vladimir Putin"));
        assert_eq!(names.resolve("they", 45), None);
    }

    #[test]
    fn pronoun_gender_follows_honorifics() {
        let text = "Mrs. Ann Lee met Mr. Tom Ray. Then";
        let names = resolver(text);
        assert_eq!(names.resolve("she", 33).as_deref(), Some("Ann Lee"));
        assert_eq!(names.resolve("he", 33).as_deref(), Some("Tom Ray"));
    }
}
