//! Attributed quotes: who said what.
//!
//! Owner: quotes. `find` works on plain text (the CLI and the evaluation use it directly);
//! `find_in_article` maps the results onto the page's text nodes.

mod attribution;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
mod cues;
mod marks;
mod resolve;
mod tokens;

use crate::article::Article;
use crate::textmap::NodeRange;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// All of the attributed content is quoted.
    #[default]
    Direct,
    /// A quoted fragment inside paraphrase.
    Mixed,
}

/// A quote found in plain text. Offsets are in Unicode code points, `end` exclusive, and
/// include the quote marks.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// The resolved speaker ("Vladimir Putin"), or `None` when it cannot be resolved.
    pub speaker: Option<String>,
    /// The speaker as written near the quote ("he", "Putin").
    pub speaker_as_written: Option<String>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<String>,
    pub kind: QuoteKind,
    /// Quotes with the same attribution id are parts of one split quote.
    pub attribution: usize,
}

/// A quote with its place in the page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct PageQuote {
    #[serde(flatten)]
    pub quote: Quote,
    /// The quote's text as shown (marks included).
    pub text: String,
    /// Text-node ranges to mark, UTF-16 offsets.
    pub ranges: Vec<NodeRange>,
}

/// All quotes of one speaker.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SpeakerGroup {
    /// `None` groups quotes whose speaker could not be resolved.
    pub speaker: Option<String>,
    /// Indices into the report's `quotes`.
    pub quotes: Vec<usize>,
}

/// Finds attributed quotes in plain text. `lang` is an ISO 639-1 code or "" for unknown
/// (then cues of every supported language are used). Quotes with no speaker found (scare
/// quotes, titles) are left out.
pub fn find(text: &str, lang: &str) -> Vec<Quote> {
    let chars: Vec<char> = text.chars().collect();
    find_in_chars(text, &chars, lang)
}

/// [`find`] on the text's chars (`chars`, those of `text`).
fn find_in_chars(text: &str, chars: &[char], lang: &str) -> Vec<Quote> {
    let spans = marks::find_spans(chars);
    if spans.is_empty() {
        return Vec::new();
    }
    let cues = cues::Cues::for_lang(lang);
    let attributions = attribution::attribute_all(chars, &spans, &cues);
    // The names of the whole text are indexed only once a quote has a speaker to resolve:
    // on 25 of the 138 AEB pages with quote marks none has. The index depends on the text
    // and the spans alone, so building it later changes nothing.
    let mut names: Option<resolve::Resolver> = None;
    let mut german_names = GermanNames::new(&cues);
    let mut ids = AttributionIds::default();
    let mut quotes = Vec::new();
    for (index, (span, found)) in spans.iter().zip(&attributions).enumerate() {
        let Some(found) = found else { continue };
        let speaker_as_written = found
            .speaker
            .map(|(start, end)| tokens::slice(chars, start, end));
        let speaker = match (&speaker_as_written, found.speaker) {
            (Some(written), Some((start, _))) => names
                .get_or_insert_with(|| resolve::Resolver::new(text, chars, &spans))
                .resolve(&german_names.name_part(written), start)
                .filter(|name| german_names.clear_antecedent(written, name)),
            _ => None,
        };
        if let (Some(written), Some(name)) = (&speaker_as_written, &speaker) {
            german_names.note(written, name);
        }
        if let (Some(name), Some(names)) = (&speaker, names.as_mut()) {
            names.note_speaker(name, span.start);
        }
        quotes.push(Quote {
            start: span.start,
            end: span.end,
            speaker,
            speaker_as_written,
            cue: found
                .cue
                .map(|(start, end)| tokens::slice(chars, start, end)),
            kind: found.kind,
            attribution: ids.id_for(index, found),
        });
    }
    quotes
}

/// German resolution rules (other languages resolve freely): pronouns resolve only to
/// the person the article quoted by name last, since the nearest capitalised word before
/// "er" is too often a place or a noun ("Woche") in a language that capitalises every
/// noun; and a name is resolved without the phrase hanging on it.
struct GermanNames {
    strict: bool,
    names: Vec<String>,
}

impl GermanNames {
    fn new(cues: &cues::Cues) -> GermanNames {
        GermanNames {
            strict: cues.german_only(),
            names: Vec::new(),
        }
    }

    fn clear_antecedent(&self, written: &str, name: &str) -> bool {
        !self.strict || !cues::is_pronoun(written) || self.names.last().is_some_and(|n| n == name)
    }

    /// The part of a German speaker phrase that names the person: a name (two capitalised
    /// words or more) without its genitive or "von" attachment ("Theo Kitz vom Bankhaus
    /// Roe" → "Theo Kitz"). Descriptions keep theirs ("der Sprecher des Amts", "Angaben
    /// von Jan Roe").
    fn name_part(&self, written: &str) -> String {
        if !self.strict {
            return written.to_string();
        }
        let attachments = [
            " des ", " der ", " von ", " vom ", " aus ", " für ", " im ", " beim ",
        ];
        written
            .split(", ")
            .map(|part| {
                let cut = attachments
                    .iter()
                    .filter_map(|a| part.find(a))
                    .min()
                    .unwrap_or(part.len());
                let head = part.get(..cut).unwrap_or(part);
                let capitalised = head
                    .split_whitespace()
                    .filter(|w| w.starts_with(char::is_uppercase) && !cues::is_determiner(w))
                    .count();
                if capitalised >= 2 {
                    head
                } else {
                    part
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn note(&mut self, written: &str, name: &str) {
        if self.strict && !cues::is_pronoun(written) {
            self.names.push(name.to_string());
        }
    }
}

/// Numbers attributions: parts of one split quote share the cue (“A,” he said, “B.”), a
/// continued quote points at the one it continues.
#[derive(Default)]
struct AttributionIds {
    by_cue: BTreeMap<(usize, usize), usize>,
    by_span: BTreeMap<usize, usize>,
    next: usize,
}

impl AttributionIds {
    fn id_for(&mut self, span_index: usize, found: &attribution::Attribution) -> usize {
        let inherited = found
            .continues
            .and_then(|from| self.by_span.get(&from).copied())
            .or_else(|| found.cue.and_then(|cue| self.by_cue.get(&cue).copied()));
        let id = inherited.unwrap_or_else(|| {
            self.next += 1;
            self.next
        });
        if let Some(cue) = found.cue {
            self.by_cue.entry(cue).or_insert(id);
        }
        self.by_span.insert(span_index, id);
        id
    }
}

/// Finds the quotes of an article and where they are in the page.
pub fn find_in_article(article: &Article) -> Vec<PageQuote> {
    let chars: Vec<char> = article.text.chars().collect();
    find_in_article_chars(article, &chars)
}

/// [`find_in_article`] with the chars of the article's text, which the caller has already
/// (the analysis reads them for the summary's sentences too).
pub fn find_in_article_chars(article: &Article, chars: &[char]) -> Vec<PageQuote> {
    // Quote offsets are in code points: each quote's text is spelled from the chars the
    // quotes were found in (no table of byte offsets for the whole text).
    find_in_chars(&article.text, chars, &article.lang)
        .into_iter()
        .map(|quote| PageQuote {
            text: tokens::slice(chars, quote.start, quote.end),
            ranges: article.map.node_ranges(quote.start, quote.end),
            quote,
        })
        .collect()
}

/// Groups quotes by speaker, most quoted first (ties by first appearance); unresolved last.
pub fn group_by_speaker(quotes: &[PageQuote]) -> Vec<SpeakerGroup> {
    let mut groups: Vec<SpeakerGroup> = Vec::new();
    for (index, quote) in quotes.iter().enumerate() {
        let speaker = quote.quote.speaker.clone();
        match groups.iter_mut().find(|g| g.speaker == speaker) {
            Some(group) => group.quotes.push(index),
            None => groups.push(SpeakerGroup {
                speaker,
                quotes: vec![index],
            }),
        }
    }
    groups.sort_by_key(|g| {
        (
            g.speaker.is_none(),
            std::cmp::Reverse(g.quotes.len()),
            g.quotes[0],
        )
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (quoted text, speaker, speaker as written, kind) of every quote found.
    fn found(text: &str, lang: &str) -> Vec<(String, Option<String>, Option<String>, QuoteKind)> {
        find(text, lang)
            .into_iter()
            .map(|q| {
                let quoted: String = text.chars().skip(q.start).take(q.end - q.start).collect();
                (quoted, q.speaker, q.speaker_as_written, q.kind)
            })
            .collect()
    }

    fn speakers(text: &str, lang: &str) -> Vec<Option<String>> {
        found(text, lang).into_iter().map(|f| f.1).collect()
    }

    fn some(name: &str) -> Option<String> {
        Some(name.to_string())
    }

    #[test]
    fn seed_example_resolves_both_quotes_to_the_full_name() {
        let text = "Prime Minister Helena Varga said on Monday that a customs union was possible.\n\n\
                    Asked about a merger, Varga said: “We don’t want it, but it can’t be excluded.”\n\n\
                    Trade between the two could grow further, she added, noting: “Time will tell.”";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].0, "“We don’t want it, but it can’t be excluded.”");
        assert_eq!(quotes[0].1, some("Helena Varga"));
        assert_eq!(quotes[0].2, some("Varga"));
        assert_eq!(quotes[1].1, some("Helena Varga"));
        assert!(quotes.iter().all(|q| q.3 == QuoteKind::Direct));
    }

    #[test]
    fn inverted_forms_and_cue_verbs() {
        let text = "Senator Tom Okafor spoke first.\n\n\
                    “The bill is dead,” said Okafor.\n\n\
                    “It will come back,” Okafor insisted.\n\n\
                    “Nobody wants that,” he quipped.\n\n\
                    “We are ready” — Okafor.";
        assert_eq!(speakers(text, "en"), vec![some("Tom Okafor"); 4]);
    }

    #[test]
    fn straight_double_marks_closed_by_three_apostrophes() {
        let text = "Dana Pruitt runs the depot.\n\n\
                    ''My boss told me, 'Keep the trucks moving,''' Ms. Pruitt recalled. \
                    ''So we did.''";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].0, "''My boss told me, 'Keep the trucks moving,''");
        assert_eq!(quotes[0].2, some("Ms. Pruitt"));
        assert_eq!(quotes[1].1, some("Dana Pruitt"));
    }

    #[test]
    fn inverted_speaker_with_a_relative_clause() {
        let text =
            "“The roads are closed,” Ida Marsh, who runs the county garage, told reporters.\n\n\
                    “Not yet,” Al Noor, who served as mayor and as judge, said.\n\n\
                    “Rates will rise,” Una Pike, an adviser to the bank and former director \
                    of its research office, wrote.";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 3);
        assert_eq!(quotes[0].1, some("Ida Marsh"));
        assert_eq!(quotes[0].2, some("Ida Marsh, who runs the county garage"));
        assert_eq!(quotes[1].1, some("Al Noor"));
        assert_eq!(quotes[2].1, some("Una Pike"));
    }

    #[test]
    fn cue_before_the_quote_far_from_its_subject() {
        let text = "Lena Ford jokingly said, “I might run again.”\n\n\
                    Pim Oduya went on to say, “The vote is close.”\n\n\
                    Rosa Vint backed the plan on Monday, saying, “It saves money.”\n\n\
                    Tom Berg was asked, “Will you stay on for another full term?”";
        assert_eq!(
            speakers(text, "en"),
            vec![
                some("Lena Ford"),
                some("Pim Oduya"),
                some("Rosa Vint"),
                None
            ]
        );
    }

    #[test]
    fn abbreviated_states_after_a_name_do_not_end_the_sentence() {
        let text = "“We will fund it,” Rep. Ann Hale (D-Ore.) said.\n\n\
                    “Not this year,” Sen. Bo Lutz, R-Wis., said on Monday.\n\n\
                    “Maybe next year,” Sen. Cy Vance (D-N.Y.) said Tuesday.";
        assert_eq!(
            speakers(text, "en"),
            vec![some("Ann Hale"), some("Bo Lutz"), some("Cy Vance")]
        );
        // As written, the speaker keeps the party (as the gold data does).
        assert_eq!(found(text, "en")[0].2, some("Rep. Ann Hale (D-Ore.)"));
    }

    #[test]
    fn quote_signed_on_the_next_line() {
        let text = "The fact check.\n\n\
                    “Taxes went up for nine out of ten families last year.”\n\n\
                    - Senator Ivo Brandt.\n\n\
                    The numbers say otherwise.";
        assert_eq!(speakers(text, "en"), vec![some("Ivo Brandt")]);
    }

    #[test]
    fn exclamation_before_a_new_sentence_continues_the_speaker() {
        let text = "“The crowd was huge,” Vera Holm wrote on Monday. “We will win this state!” \
                    After the rally the campaign moved on.\n\n\
                    “Why not?” Vera Holm asked the crowd.";
        assert_eq!(speakers(text, "en"), vec![some("Vera Holm"); 3]);
    }

    #[test]
    fn long_attribution_sentence_hands_its_speaker_to_the_next_paragraph() {
        let text = "“Our fleet will stay in the strait,” Minister Aldo Reyes told the summit, \
                    a yearly gathering of defence officials held in a harbour town.\n\n\
                    “There should be no doubt about that at all.”";
        assert_eq!(speakers(text, "en"), vec![some("Aldo Reyes"); 2]);
    }

    #[test]
    fn a_lone_cue_between_quotes_keeps_the_earlier_speaker() {
        let text = "“The plan is sound,” Nora Vik said on “Morning Radio,” adding, \
                    “Nobody has offered a better one so far.”\n\n\
                    Eli Sand called the deal “a betrayal of the members,” adding: \
                    “We will fight it in court and we will win.”";
        let speaker_of = |start: &str| {
            found(text, "en")
                .into_iter()
                .find(|q| q.0.starts_with(start))
                .and_then(|q| q.1)
        };
        assert_eq!(speaker_of("“Nobody"), some("Nora Vik"));
        assert_eq!(speaker_of("“We will fight"), some("Eli Sand"));
    }

    #[test]
    fn inverted_speakers_joined_by_and() {
        let text =
            "“The data show a clear shift in the last month,” Ada Lind and Ben Ruiz wrote.\n\n\
                    Senator Cleo Marsh spoke next.\n\n\
                    “We cannot wait another year for this bill,” the Ohio senator and \
                    presidential candidate said.";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].2, some("Ada Lind and Ben Ruiz"));
        assert_eq!(
            quotes[1].2,
            some("the Ohio senator and presidential candidate")
        );
    }

    #[test]
    fn less_common_reporting_verbs() {
        let text = "“Nobody here will lose a job over this,” Kai Moss assured the workers.\n\n\
                    “It was the coldest winter we ever had,” remembered Ulla Dahl.\n\n\
                    Pia Lund agreed, stating: “The budget cannot carry another cut.”\n\n\
                    “Rents rose faster than wages again this year,” said Will Ortiz, an economist.\n\n\
                    As Ada Fox pointed out, “Nobody has tested the second engine yet.”\n\n\
                    As Ben Ode put it, “The second engine is the one that matters.”";
        assert_eq!(
            speakers(text, "en"),
            vec![
                some("Kai Moss"),
                some("Ulla Dahl"),
                some("Pia Lund"),
                some("Will Ortiz"),
                some("Ada Fox"),
                some("Ben Ode")
            ]
        );
    }

    #[test]
    fn sentence_subjects_for_cues_before_the_quote() {
        let text = "The mayor left the stage.\n\n\
                    He then took off his hat and joked, “I should have worn a bigger one today.”\n\n\
                    Former Secretary of State Ada Kim urged voters to turn out, saying, \
                    “Every single ballot counts in a race this close.”\n\n\
                    The letter goes on to say: “We expect an answer within thirty days.”\n\n\
                    On Tuesday in Dayton, after winning the primary, Gov. Jo Roe (R-OH), said, \
                    “We are going all the way to the convention now.”\n\n\
                    One reader wrote, “This is the best bridge the city has built in years.”\n\n\
                    The Lund campaign said, “We expect to win the county by a wide margin.”\n\n\
                    Republican presidential candidate Ada Kim quickly took to Twitter, writing: \
                    “Another terrible attack, and nobody in charge seems to care.”";
        let written: Vec<Option<String>> = found(text, "en").into_iter().map(|q| q.2).collect();
        assert_eq!(
            written,
            vec![
                some("He"),
                some("Former Secretary of State Ada Kim"),
                some("The letter"),
                some("Gov. Jo Roe (R-OH)"),
                some("One reader"),
                some("The Lund campaign"),
                some("Republican presidential candidate Ada Kim")
            ]
        );
    }

    #[test]
    fn appositives_with_parties_and_abbreviations() {
        let text = "“We will hold hearings,” said Senator Mia Cole, Democrat of Ohio.\n\n\
                    “The agency failed,” said Paul Berg, a former C.I.A. analyst who teaches law.\n\n\
                    “Prices will fall,” said Carl Ames Jr., a broker in Tampa.\n\n\
                    “It is chapter nine,” said Ms. Ruiz, referring to the bankruptcy code.\n\n\
                    “Vote no,” said Sen. Ana Ruiz (D-Conn.).\n\n\
                    “Hold on,” said Ola Hart, a D.C.-based strategist.\n\n\
                    “Wait,” said Mr. Lee, who runs L.H. Lee, a research firm.\n\n\
                    “Stop,” said J.J. Bell, an expert on militias.\n\n\
                    “Go,” said Sen. Bo Ray Jr. (D-Pa.), a backer of the bill.";
        let written: Vec<Option<String>> = found(text, "en").into_iter().map(|q| q.2).collect();
        assert_eq!(
            written,
            vec![
                some("Senator Mia Cole, Democrat of Ohio"),
                some("Paul Berg, a former C.I.A. analyst who teaches law"),
                some("Carl Ames Jr., a broker in Tampa"),
                some("Ms. Ruiz"),
                some("Sen. Ana Ruiz (D-Conn.)"),
                some("Ola Hart, a D.C.-based strategist"),
                some("Mr. Lee, who runs L.H. Lee, a research firm"),
                some("J.J. Bell, an expert on militias"),
                some("Sen. Bo Ray Jr. (D-Pa.), a backer of the bill")
            ]
        );
    }

    #[test]
    fn split_quote_shares_one_attribution() {
        let text = "“The river rose fast,” said Mara Quist, a farmer, “and the fields are gone.”";
        let quotes = find(text, "en");
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].attribution, quotes[1].attribution);
        assert_eq!(quotes[1].speaker, some("Mara Quist"));
        // As written, the speaker keeps its appositive (as the gold data does).
        assert_eq!(quotes[0].speaker_as_written, some("Mara Quist, a farmer"));
    }

    #[test]
    fn french_auxiliary_is_not_the_speaker() {
        let text = "Les ateliers rouvriront en mai. «Nous avons tenu parole…», a expliqué la \
                    directrice Sophie Marchand.";
        for lang in ["fr", ""] {
            assert_eq!(speakers(text, lang), vec![some("Sophie Marchand")]);
        }
    }

    #[test]
    fn portuguese_title_then_name_resolves_to_the_name() {
        let text = "As novas ciclovias abrem em março. «Vamos ligar todos os bairros», disse o \
                    vereador da mobilidade, Rui Fonseca.";
        for lang in ["pt", ""] {
            let quotes = found(text, lang);
            assert_eq!(quotes.len(), 1);
            assert_eq!(quotes[0].1, some("Rui Fonseca"));
            assert_eq!(quotes[0].2, some("o vereador da mobilidade, Rui Fonseca"));
        }
    }

    #[test]
    fn pronoun_prefers_the_subject_over_a_nearer_object() {
        let text = "Senator Dana Whitfield met Governor Tom Brandt on Friday.\n\n\
                    Whitfield said he agreed with Brandt on water rights.\n\n\
                    “We will share the river,” he said.";
        assert_eq!(speakers(text, "en"), vec![some("Dana Whitfield")]);
    }

    #[test]
    fn the_listener_of_told_is_not_the_speaker() {
        let text =
            "In 2004, Mayor Lena Ostrova praised the old harbour plan, telling Radio North: \
                    “It is the best thing we ever built.”";
        assert_eq!(speakers(text, "en"), vec![some("Lena Ostrova")]);
    }

    #[test]
    fn an_opening_participle_clause_is_not_the_speaker() {
        let text =
            "Walking through the flooded streets, Pavel Dunst concludes: “Nobody planned for \
                    this.”";
        assert_eq!(speakers(text, "en"), vec![some("Pavel Dunst")]);
    }

    #[test]
    fn place_after_of_and_relative_clause_stay_in_the_written_speaker() {
        let text = "“The levee will hold,” said Sen. Marta Quill of Oregon.\n\n\
                    “We are not sure,” said Ivo Brandt, who runs the local shelter.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].1, some("Marta Quill"));
        assert_eq!(quotes[0].2, some("Sen. Marta Quill of Oregon"));
        assert_eq!(quotes[1].1, some("Ivo Brandt"));
        assert_eq!(quotes[1].2, some("Ivo Brandt, who runs the local shelter"));
    }

    #[test]
    fn a_quote_the_sentence_runs_on_from_is_mixed() {
        let text = "“We are thrilled” about the ruling, said Nadia Obi, who led the appeal.";
        let quotes = find(text, "en");
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].kind, QuoteKind::Mixed);
    }

    fn kinds(text: &str, lang: &str) -> Vec<QuoteKind> {
        found(text, lang).into_iter().map(|f| f.3).collect()
    }

    #[test]
    fn the_topic_after_an_inverted_cue_keeps_the_quote_direct() {
        let text = "“The dam will not be rebuilt,” Mayor Ruth Adler said of the flood plan.";
        assert_eq!(kinds(text, "en"), vec![QuoteKind::Direct]);
    }

    #[test]
    fn a_sentence_opened_by_a_quote_is_direct_even_with_an_unknown_speaker_form() {
        let text = "The council met late.\n\n“We have lost three years to this road,” one \
                    angry farmer from the valley, who asked not to be named, shouted at them.";
        assert_eq!(kinds(text, "en"), vec![QuoteKind::Direct]);
    }

    #[test]
    fn a_whole_sentence_after_a_comma_or_colon_is_direct() {
        let text = "Later the minister smiled and said, “Nobody here will lose a job.”\n\n\
                    The mayor was blunt: “Our budget is empty,” she wrote.\n\n\
                    The minister said the cuts were “not going to happen this year.”";
        assert_eq!(
            kinds(text, "en"),
            vec![QuoteKind::Direct, QuoteKind::Direct, QuoteKind::Mixed]
        );
    }

    #[test]
    fn a_second_quote_after_more_paraphrase_is_not_a_split_part() {
        // One cue for both quotes, but paraphrase, not just the clause and its comma,
        // leads into the second.
        let text = "“This city is strong,” Lena Roth said about the harbour and its “heart of \
                    the whole region.”";
        assert_eq!(kinds(text, "en"), vec![QuoteKind::Direct, QuoteKind::Mixed]);
    }

    #[test]
    fn german_titles_after_their_noun_and_flagged_terms_are_not_quotes() {
        let text = "Das berichtete die britische Fachzeitschrift „Garten heute“ am Montag.\n\n\
                    Der Minister sprach im Radiosender „Welle Nord“ über den Plan.\n\n\
                    Die Stadt setzt auf sogenannte „Grüne Dächer“ für die Kühlung.";
        assert!(found(text, "de").is_empty());
    }

    #[test]
    fn german_fragment_in_reported_speech_without_a_named_subject_is_kept() {
        let text = "Die Gewerkschaft legte am Montag ihre Zahlen vor.\n\n\
                    Besonders betroffen seien junge Leute aus „ärmeren Stadtteilen“, hieß es.\n\n\
                    Staatsanwältin Eva Roth hält den Plan für „völlig verfehlt“.";
        let quotes = found(text, "de");
        assert_eq!(quotes.len(), 2);
        assert!(quotes.iter().all(|q| q.3 == QuoteKind::Mixed));
    }

    #[test]
    fn german_conditional_marks_reported_speech_too() {
        let text = "Der Intendant schrieb am Freitag an den Stadtrat.\n\n\
                    Ohne die Förderung würde das Theater „binnen eines Jahres schließen“.";
        let quotes = found(text, "de");
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].3, QuoteKind::Mixed);
    }

    #[test]
    fn a_sentence_continuing_a_mixed_quote_is_mixed_too() {
        let text =
            "Nadia Obi said the plan was “a gift to the rich.” “We will fight it in court.”\n\n\
                    “It is fair,” said Omar Lind. “Everyone pays.”";
        assert_eq!(
            kinds(text, "en"),
            vec![
                QuoteKind::Mixed,
                QuoteKind::Mixed,
                QuoteKind::Direct,
                QuoteKind::Direct
            ]
        );
    }

    #[test]
    fn a_headline_with_its_byline_is_not_a_quote() {
        let text = "Reading list:\n\n—“The river town that rebuilt itself in a single year,” by \
                    Times reporter Jo Roe.";
        assert!(found(text, "en").is_empty());
    }

    #[test]
    fn written_and_joking_cues() {
        let text = "Protesters gathered at noon.\n\n“No new tolls,” one banner read.\n\n\
                    Mayor Ida Berg jokes, “We will pay for it with good weather!”";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].2, some("one banner"));
        assert_eq!(quotes[1].1, some("Ida Berg"));
        assert!(quotes.iter().all(|q| q.3 == QuoteKind::Direct));
    }

    #[test]
    fn inverted_speaker_keeps_its_appositive_as_written() {
        let text = "“Prices will fall by spring,” said Omar Lindqvist, an economist at the bank.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].1, some("Omar Lindqvist"));
        assert_eq!(
            quotes[0].2,
            some("Omar Lindqvist, an economist at the bank")
        );
    }

    #[test]
    fn a_role_before_the_name_stays_in_the_written_speaker() {
        let text = "The vote was close.\n\n\
                    Berg campaign manager Tove Lind said: “We will win the recount.”\n\n\
                    On Monday, city spokesman Ari Holm said: “The count is fair.”";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("Berg campaign manager Tove Lind"));
        assert_eq!(quotes[0].1, some("Tove Lind"));
        assert_eq!(quotes[1].2, some("city spokesman Ari Holm"));
        assert_eq!(quotes[1].1, some("Ari Holm"));
    }

    #[test]
    fn an_appositive_cut_by_the_next_quote_is_left_out() {
        let text = "“The plan works,” said Ana Lund, the author of “Harbor Days,” at the fair.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("Ana Lund"));
        let text = "“The plan works,” said Ana Lund, a baker from Ely.";
        assert_eq!(found(text, "en")[0].2, some("Ana Lund, a baker from Ely"));
    }

    #[test]
    fn a_speaker_quoted_as_saying() {
        let text = "Pollster Ned Varga sells surveys.\n\n\
                    “Our method succeeds where others fail,” Varga is quoted as saying.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("Varga"));
        assert_eq!(quotes[0].1, some("Ned Varga"));
    }

    #[test]
    fn a_time_is_no_speaker_and_any_opens_no_name() {
        let text = "Any deal would need Judge Maren Holt, who told the court when asked last \
                    month about it: “That matter is being handled by career agents.”";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].1, some("Maren Holt"));
    }

    #[test]
    fn a_reflexive_after_the_name_is_not_part_of_it() {
        let text = "Senator Ted Rusk spoke first.\n\n“It was fine,” Rusk himself said.";
        assert_eq!(speakers(text, "en"), vec![some("Ted Rusk")]);
    }

    #[test]
    fn a_list_of_signed_quotes_signs_each_paragraph_at_its_end() {
        let text = "Readers wrote in.\n\n\
                    “He cannot lead anyone anywhere at all.” ― Ana Ruiz\n\
                    “My grandmother picked cotton all her life, and as Bo Lee put it ‘Some \
                    people are so poor all they have is money.” That is all he has “the root \
                    of it’.” ― Mia Lastra.";
        let speakers = speakers(text, "en");
        assert_eq!(speakers.first(), Some(&some("Ana Ruiz")));
        assert_eq!(speakers.get(1), Some(&some("Mia Lastra")));
    }

    #[test]
    fn an_appositive_led_by_an_employers_possessive_stays_written() {
        let text = "“We are open to new things,” Jo Lind, Harbor’s director of sales, said.\n\n\
                    “We will win,” Al Berg, Sanders’ campaign manager, said.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("Jo Lind, Harbor’s director of sales"));
        assert_eq!(quotes[0].1, some("Jo Lind"));
        assert_eq!(quotes[1].2, some("Al Berg, Sanders’ campaign manager"));
        assert_eq!(quotes[1].1, some("Al Berg"));
    }

    #[test]
    fn a_second_description_of_the_speaker_runs_to_the_sentence_end() {
        let text = "“Growth will slow,” said Dean Moss, co-director of the Center for Policy, \
                    a liberal think tank.";
        let quotes = found(text, "en");
        assert_eq!(
            quotes[0].2,
            some("Dean Moss, co-director of the Center for Policy, a liberal think tank")
        );
        let text =
            "“Growth will slow,” said Dean Moss, an economist, adding that rates would rise.";
        assert_eq!(found(text, "en")[0].2, some("Dean Moss, an economist"));
    }

    #[test]
    fn an_unnamed_speakers_description_keeps_its_tail() {
        let text = "“He knows little,” said a longtime adviser to the mayor.\n\n\
                    “We wait,” said a spokesman in a statement.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("a longtime adviser to the mayor"));
        assert_eq!(quotes[1].2, some("a spokesman"));
    }

    #[test]
    fn a_described_subject_keeps_its_noun() {
        let text = "The Lund campaign replied: “We never said that.”\n\n\
                    An early tweet quoted the mayor as saying “Act now!”";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("The Lund campaign"));
        assert_eq!(quotes[1].2, some("An early tweet"));
    }

    #[test]
    fn a_cue_word_after_a_determiner_is_a_noun() {
        let text = "“It is an invasion,” Jo Roe, the attorney general of Ohio, one of the states \
                    suing the agency, said on Monday.\n\n\
                    “Think of you,” the ad’s narrator says.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].1, some("Jo Roe"));
        assert_eq!(quotes[1].2, some("the ad’s narrator"));
    }

    #[test]
    fn a_conjunction_a_time_or_a_headline_is_not_the_written_speaker() {
        let text = "Senator Ann Dale spoke, calling over her shoulder, ''His comments are not \
                    helping.'' But Ms. Dale also said in an interview that in her state, \
                    ''Voters want jobs.''\n\n“It was late,” Thursday said.\n\n\
                    TURNOUT BEAT ALL EXPECTATIONS: “Nobody saw that coming.”";
        let written: Vec<Option<String>> = found(text, "en").into_iter().map(|q| q.2).collect();
        assert_eq!(written.first(), Some(&some("Ms. Dale")));
        assert!(written.iter().skip(2).all(Option::is_none));
    }

    #[test]
    fn a_participles_speaker_is_the_sentence_subject() {
        let text = "Later on Sunday, Ben Carlo shared a syllabus on his Facebook page, writing \
                    “Allow me to do the research for the reporter.”\n\n\
                    At the time, Ana Vik released a statement saying, “We trust our partner.”";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("Ben Carlo"));
        assert_eq!(quotes[1].2, some("Ana Vik"));
    }

    #[test]
    fn a_paraphrase_tail_before_the_speaker_is_skipped() {
        let text = "“He voted with the lobby” and against the safety law, Ana Vik said.\n\n\
                    “It is a smear” that is blatantly sexist, Tom Brock said.";
        let written: Vec<Option<String>> = found(text, "en").into_iter().map(|q| q.2).collect();
        assert_eq!(written, vec![some("Ana Vik"), some("Tom Brock")]);
    }

    #[test]
    fn wanting_to_know_asks() {
        let text = "Ola Brandt hosted the show. But he wanted to know, “Are you surprised?”";
        assert_eq!(speakers(text, "en"), vec![some("Ola Brandt")]);
    }

    #[test]
    fn a_works_title_after_its_noun_is_no_quote() {
        let text =
            "Plans stalled, Mr. Rask said in his 2012 book, “A Harbor Son.” So they stayed.\n\n\
                    “We stayed,” Mr. Rask said in his book, “because the plan failed.”";
        let quoted: Vec<String> = found(text, "en").into_iter().map(|q| q.0).collect();
        assert!(!quoted.iter().any(|q| q.contains("Harbor Son")));
        assert!(quoted.iter().any(|q| q.contains("because the plan failed")));
    }

    #[test]
    fn one_opens_a_described_speaker_and_a_time_sits_before_the_verb() {
        let text =
            "“It means no panic,” one Lund aide said late last month, “but a calm reply.”\n\n\
                    Rita Moe spoke. Moe later Thursday told the paper: “We will meet next week.”";
        let quotes = found(text, "en");
        assert_eq!(quotes[1].2, some("one Lund aide"));
        assert_eq!(quotes[2].1, some("Rita Moe"));
    }

    #[test]
    fn appositive_according_to_and_colon() {
        let text = "Hugh Hill, a doctor at the clinic, said: “The wards are full.”\n\n\
                    According to the ministry, “no new beds will be added this year.”";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].1, some("Hugh Hill"));
        assert_eq!(quotes[1].2, some("the ministry"));
    }

    #[test]
    fn a_bare_quote_paragraph_takes_the_announced_speaker() {
        let text = "The mayor, Ines Borg, told the council:\n\n\"The budget is balanced for the first time in ten years.\"";
        assert_eq!(speakers(text, "en"), vec![some("Ines Borg")]);
    }

    #[test]
    fn multi_paragraph_quote_parts_share_the_attribution() {
        let text = "Ines Borg said:\n\n“The first part of the plan is simple.\n\n“The second part is harder.”";
        let quotes = find(text, "en");
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[0].attribution, quotes[1].attribution);
        assert_eq!(quotes[1].speaker, some("Ines Borg"));
    }

    #[test]
    fn mixed_fragment_is_attributed_and_scare_quotes_are_not() {
        let text = "Oskar Lind called the proposal “quite possible” in his speech.\n\n\
                    The so-called “reform” was never passed.";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].1, some("Oskar Lind"));
        assert_eq!(quotes[0].3, QuoteKind::Mixed);
    }

    #[test]
    fn pronouns_and_titles_resolve_to_people_organisations_stay() {
        let text = "Chancellor Anna Holm met President Ivo Marek on Friday.\n\n\
                    “We agreed on nothing,” she said.\n\n\
                    “Talks go on,” the president said.\n\n\
                    “No comment,” the Kremlin said.";
        assert_eq!(
            speakers(text, "en"),
            vec![some("Anna Holm"), some("Ivo Marek"), some("Kremlin")]
        );
    }

    #[test]
    fn a_description_then_the_name_resolves_to_the_name() {
        let text = "The council met on Monday.\n\n\
                    “We will not comment,” the council spokesman, Ivo Rask, said.\n\n\
                    “Nothing to add,” Harbor Bank’s chief economist, Lina Sorel, said.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].1, some("Ivo Rask"));
        assert_eq!(quotes[0].2, some("the council spokesman, Ivo Rask"));
        assert_eq!(quotes[1].1, some("Lina Sorel"));
    }

    #[test]
    fn a_title_between_two_quotes_does_not_break_the_attribution() {
        let text = "“The harbour stays open,” Ana Lee said on Radio North’s “Morning Show” on \
                    Sunday. “Nobody will lose a job over this plan.”";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 2);
        assert_eq!(quotes[1].1, some("Ana Lee"));
    }

    #[test]
    fn an_organisation_quoted_before_is_not_he() {
        let text = "Mayor Tom Okafor spoke first.\n\n\
                    “Rates will rise,” the Central Bank said.\n\n\
                    “We disagree,” he said.";
        assert_eq!(
            speakers(text, "en"),
            vec![some("Central Bank"), some("Tom Okafor")]
        );
    }

    #[test]
    fn the_main_subject_beats_a_subject_in_a_subordinate_clause() {
        let text = "Senator Mia Holt promised that she would act if Governor Lara Voss agrees.\n\n\
                    “We are ready,” she said.";
        assert_eq!(speakers(text, "en"), vec![some("Mia Holt")]);
    }

    #[test]
    fn the_name_after_a_title_noun_is_the_subject_not_the_name_before_it() {
        let text = "Mayor Rita Okoye left early. Okoye spokesman Dan Rusk wouldn’t say why.\n\n\
                    “I have nothing to announce,” he said.";
        assert_eq!(speakers(text, "en"), vec![some("Dan Rusk")]);
    }

    #[test]
    fn an_opening_time_phrase_is_not_the_subject() {
        let text = "Hours later, Mayor Rita Okoye answered, telling the radio: “We never met.”";
        assert_eq!(speakers(text, "en"), vec![some("Rita Okoye")]);
    }

    #[test]
    fn a_one_word_name_that_acts_is_a_person() {
        let text = "Marta Quill spoke first.\n\n\
                    Brandl defied the question and changed the subject.\n\n\
                    “Ask me again in a year,” he said.";
        assert_eq!(speakers(text, "en"), vec![some("Brandl")]);
    }

    #[test]
    fn a_long_appositive_with_and_keeps_its_speaker() {
        let text = "“The port will reopen in June,” Ivo Rask, the former harbour master and a \
                    council candidate, told the radio. “Nobody should worry about their jobs.”";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 2);
        assert!(quotes.iter().all(|q| q.1 == some("Ivo Rask")));
    }

    #[test]
    fn a_period_before_a_bare_report_still_attributes() {
        let text = "The mayor spoke late.\n\n“We found the money we needed for the school.” Rita Okoye said.";
        assert_eq!(speakers(text, "en"), vec![some("Rita Okoye")]);
    }

    #[test]
    fn german_cues() {
        let text = "Bundesministerin Anna Weber äußerte sich am Montag.\n\n\
                    „Das Gesetz kommt im Herbst“, sagte Weber.\n\n\
                    Sie betonte: „Wir halten Wort.“\n\n\
                    „Der Zeitplan steht“, so Weber.\n\n\
                    Laut Weber ist der Plan „alternativlos und gut durchdacht“.";
        let quotes = found(text, "de");
        assert_eq!(quotes.len(), 4);
        assert!(quotes.iter().all(|q| q.1 == some("Anna Weber")));
        assert_eq!(quotes[3].3, QuoteKind::Mixed);
    }

    #[test]
    fn german_speakers_keep_article_and_adjectives_and_named_appositions() {
        let text = "Der deutsche Außenminister Jan Roth sagte: „Wir bleiben an der Seite der Partner.“\n\n\
                    „Wir kämpfen weiter“, sagte der Trainer der Gäste, Timo Brandl.\n\n\
                    „Das Stadion bleibt offen“, fügte Lena Brück hinzu.";
        let quotes = found(text, "de");
        assert_eq!(quotes.len(), 3);
        assert_eq!(quotes[0].2, some("Der deutsche Außenminister Jan Roth"));
        assert_eq!(quotes[0].1, some("Jan Roth"));
        assert_eq!(quotes[1].2, some("der Trainer der Gäste, Timo Brandl"));
        assert_eq!(quotes[1].1, some("Timo Brandl"));
        assert_eq!(quotes[2].2, some("Lena Brück"));
    }

    #[test]
    fn russian_french_spanish_cues() {
        let ru = "«Мы готовы к переговорам», — заявил Иван Петров.";
        assert_eq!(speakers(ru, "ru"), vec![some("Иван Петров")]);
        let fr = "« Nous irons jusqu’au bout », a déclaré Marie Dupont.";
        assert_eq!(speakers(fr, "fr"), vec![some("Marie Dupont")]);
        let es = "«No habrá recortes», dijo Carlos Ruiz.";
        assert_eq!(speakers(es, "es"), vec![some("Carlos Ruiz")]);
        let unknown = "«No habrá recortes», dijo Carlos Ruiz.";
        assert_eq!(speakers(unknown, ""), vec![some("Carlos Ruiz")]);
    }

    #[test]
    fn nested_and_apostrophes_do_not_split_quotes() {
        let text = "“They called it ‘the deal of the ’90s’ and we didn’t argue,” said Lea Kron.";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].1, some("Lea Kron"));
    }

    #[test]
    fn robust_on_odd_inputs() {
        for text in [
            "",
            "\"",
            "“",
            "”“",
            "„",
            "«»",
            "''",
            "``",
            "\n\n\n",
            "“ said he",
            "— ,” said",
        ] {
            let _ = find(text, "");
        }
        let text = "A stray “ mark.\n\n“Fine words,” said Ola Berg.";
        assert_eq!(speakers(text, "en"), vec![some("Ola Berg")]);
    }

    #[test]
    fn large_text_without_quotes_is_fast() {
        let text = "The committee met again and nothing was decided. ".repeat(4200);
        assert!(text.len() > 200_000);
        let started = std::time::Instant::now();
        assert!(find(&text, "en").is_empty());
        assert!(started.elapsed().as_secs_f64() < 1.0);
        let quoted = "“Words here,” said Ana Lee. The rest follows. ".repeat(4000);
        let started = std::time::Instant::now();
        assert_eq!(find(&quoted, "en").len(), 4000);
        assert!(started.elapsed().as_secs_f64() < 3.0);
    }

    #[test]
    fn german_pronouns_resolve_only_to_the_person_quoted_last() {
        let text = "Der Sturm erreichte am Montag die Orte Hellwig und Bramstedt. Er sagte: \
                    „Das Dach ist weg.“\n\n\
                    „Wir bauen neu“, sagte Bürgermeister Jan Roth. Am Abend besuchte er \
                    die Halle. Er sagte: „Wir helfen allen.“";
        let quotes = found(text, "de");
        assert_eq!(quotes.len(), 3);
        assert_eq!(
            (quotes[0].1.clone(), quotes[0].2.clone()),
            (None, some("Er"))
        );
        assert_eq!(quotes[2].1, some("Jan Roth"));
    }

    #[test]
    fn german_names_resolve_without_their_attachment() {
        let text = "„Die Zinsen steigen“, sagte Analyst Timo Brenn vom Bankhaus Ulm.\n\n\
                    „Die Lage bleibt ernst“, so die Sprecherin des Landesamts.";
        let quotes = found(text, "de");
        assert_eq!(quotes[0].1, some("Timo Brenn"));
        assert_eq!(quotes[0].2, some("Analyst Timo Brenn vom Bankhaus Ulm"));
        assert_eq!(quotes[1].2, some("die Sprecherin des Landesamts"));
    }

    #[test]
    fn an_opening_date_or_circumstance_is_not_the_speaker() {
        let text = "On March 3, 2014, Warren made the following remark:\n\n\
                    “We need to fix the banks before anything else.”\n\n\
                    With Labour support fading, President Ida Lund sent a new message:\n\n\
                    “We will get this done together.”\n\n\
                    In Springfield, Ohio, Mayor Ron Tell said:\n\n“The plant stays open.”";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("Warren"));
        assert_eq!(quotes[1].1, some("Ida Lund"));
        assert_eq!(quotes[2].1, some("Ron Tell"));
    }

    #[test]
    fn a_number_before_a_name_only_describes_it() {
        let text = "“Nobody listened to the families,” said 9/11 survivor Jane Doe.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("9/11 survivor Jane Doe"));
        assert_eq!(quotes[0].1, some("Jane Doe"));
    }

    #[test]
    fn a_transcript_turn_is_spoken_by_its_capitalised_label() {
        let text =
            "Host Jim Baker spoke with Senator Ana Lopez. Partial transcript as follows:\n\n\
                    \"BAKER: Thank you for coming on the show tonight, Senator.\n\n\
                    \"LOPEZ: It is good to be here with you, Jim.\n\n\
                    \"UPDATE: The interview was cut short by the storm.\"";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("BAKER"));
        assert_eq!(quotes[0].1, some("Jim Baker"));
        assert_eq!(quotes[1].1, some("Ana Lopez"));
        assert!(quotes.iter().all(|q| q.2 != some("UPDATE")));
    }

    #[test]
    fn stage_directions_and_follow_footers_are_no_quotes() {
        let text = "Ana Lopez answered: \"We are ready.\"\n\n\"(CROSSTALK.)\n\n\
                    \"Follow Tim Reed on Twitter @timreed.\"";
        let quotes = found(text, "en");
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].0, "\"We are ready.\"");
    }

    #[test]
    fn asking_and_tweeting_report_the_quote_after_them() {
        let text = "The ad shows footage of Mary Jones asking, “Where is the money going?”\n\n\
                    Ana Brown shared the clip on Sunday, tweeting, “This is a disgrace to us all.”";
        assert_eq!(
            speakers(text, "en"),
            vec![some("Mary Jones"), some("Ana Brown")]
        );
    }

    #[test]
    fn a_relative_named_after_a_possessive_is_the_speaker() {
        let text = "“This is a big year for my uncle!” Brown's niece, state Del. Ann Lee, \
                    shouted to the crowd.";
        let quotes = found(text, "en");
        assert_eq!(quotes[0].2, some("Brown's niece, state Del. Ann Lee"));
        assert_eq!(quotes[0].1, some("Ann Lee"));
    }

    #[test]
    fn the_name_before_who_speaks_in_a_relative_clause() {
        let text = "The list of singers ran long, with Ana Bell and Tom Baker, who joked of the \
                    museum, “I have not seen it yet, but I will.”";
        assert_eq!(speakers(text, "en"), vec![some("Tom Baker")]);
    }
}
