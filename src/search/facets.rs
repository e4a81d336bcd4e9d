//! Speaker facets: who is quoted, how often, and which indexed speakers a
//! name typed by a user means.
//!
//! Names meet across articles through [`name_key`]: "Zelensky" and
//! "Zelenskyy" count as one speaker, and a surname alone ("Putin") joins
//! the one full name that ends with it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::query::Query;
use tantivy::schema::Field;

use super::SearchError;
use super::aliases::Aliases;
use crate::extract::speakers::name_key;

/// A speaker and the number of matching passages that quote them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpeakerCount {
    /// The name shown: the most quoted spelling.
    pub speaker: String,
    /// Passages quoting this speaker.
    pub count: u64,
    /// Other spellings merged into this one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
}

/// Every speaker name in the index.
pub fn all_speakers(
    searcher: &tantivy::Searcher,
    field: Field,
) -> Result<Vec<String>, SearchError> {
    Ok(crate::index::status::speakers_in(searcher, field)?)
}

/// The group key of a name: its full key, or for a lone surname the key of
/// the one full name ending with it.
fn group_keys(names: &[String], aliases: &Aliases) -> BTreeMap<String, String> {
    let keys: BTreeMap<&str, String> = names
        .iter()
        .map(|n| (n.as_str(), name_key(aliases.canonical(n).unwrap_or(n))))
        .collect();
    let mut by_last: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for key in keys.values() {
        if key.contains(' ') {
            let last = key.rsplit(' ').next().unwrap_or(key).to_string();
            by_last.entry(last).or_default().insert(key.clone());
        }
    }
    keys.into_iter()
        .map(|(name, key)| {
            let group = if key.contains(' ') {
                key
            } else {
                match by_last.get(&key) {
                    Some(full) if full.len() == 1 => full.iter().next().cloned().unwrap_or(key),
                    _ => key,
                }
            };
            (name.to_string(), group)
        })
        .collect()
}

/// The indexed speakers a typed name means. Case, accents and spelling
/// variants are forgiven, and part of a name is enough ("putin"); a name
/// that fits several people is an error listing them.
pub fn resolve(
    typed: &str,
    speakers: &[String],
    aliases: &Aliases,
) -> Result<Vec<String>, SearchError> {
    let wanted = name_key(aliases.canonical(typed).unwrap_or(typed));
    let wanted_words: Vec<&str> = wanted.split(' ').filter(|w| !w.is_empty()).collect();
    if wanted_words.is_empty() {
        return Err(SearchError::UnknownSpeaker(typed.to_string()));
    }
    let groups = group_keys(speakers, aliases);
    let matching: Vec<(&String, &String)> = groups
        .iter()
        .filter(|(name, group)| {
            let key = if aliases.canonical(name).is_some() {
                (*group).clone()
            } else {
                name_key(name)
            };
            let words: Vec<&str> = key.split(' ').collect();
            wanted_words
                .iter()
                .all(|w| words.iter().any(|n| word_matches(w, n)))
        })
        .collect();
    let chosen_groups: BTreeSet<&String> = matching.iter().map(|(_, g)| *g).collect();
    match chosen_groups.len() {
        0 => Err(SearchError::UnknownSpeaker(typed.to_string())),
        1 => {
            let group = *chosen_groups.iter().next().expect("one group");
            Ok(groups
                .iter()
                .filter(|(_, g)| *g == group)
                .map(|(n, _)| n.clone())
                .collect())
        }
        _ => {
            // A full name equal to one group's key is not ambiguous; a lone
            // surname that several people share is.
            let exact = chosen_groups.iter().find(|g| ***g == wanted);
            if let Some(exact) = exact.filter(|_| wanted_words.len() > 1) {
                return Ok(groups
                    .iter()
                    .filter(|(_, g)| g == exact)
                    .map(|(n, _)| n.clone())
                    .collect());
            }
            let candidates: Vec<String> = chosen_groups
                .iter()
                .filter_map(|g| {
                    groups
                        .iter()
                        .filter(|(_, gg)| gg == g)
                        .map(|(n, _)| n.clone())
                        .max_by_key(|n| n.len())
                })
                .collect();
            Err(SearchError::AmbiguousSpeaker {
                name: typed.to_string(),
                candidates,
            })
        }
    }
}

/// A typed word matches a name's word when equal, when it begins it
/// ("volod" for "volodymyr"), or, for words of five letters or more, when
/// one letter differs ("aleksandr" for "aleksander").
fn word_matches(typed: &str, word: &str) -> bool {
    typed == word
        || (typed.len() >= 3 && word.starts_with(typed))
        || (typed.len() >= 5 && word.len() >= 5 && within_one_edit(typed, word))
}

fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Counts the speakers of the passages matching `query`, spelling variants
/// merged, most quoted first.
pub fn count(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    field: Field,
    top: usize,
    aliases: &Aliases,
) -> Result<Vec<SpeakerCount>, SearchError> {
    let raw = searcher.search(query, &FacetValues { field })?;
    let names: Vec<String> = raw.iter().map(|(n, _)| n.clone()).collect();
    let groups = group_keys(&names, aliases);
    let mut merged: BTreeMap<&String, Vec<(String, u64)>> = BTreeMap::new();
    for (n, c) in &raw {
        merged.entry(&groups[n]).or_default().push((n.clone(), *c));
    }
    let mut out: Vec<SpeakerCount> = merged
        .into_values()
        .map(|mut spellings| {
            // Show the fullest, most quoted spelling.
            spellings.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.len().cmp(&a.0.len())));
            let best = spellings
                .iter()
                .find_map(|(n, _)| aliases.canonical(n).map(str::to_string))
                .or_else(|| {
                    spellings
                        .iter()
                        .max_by_key(|(n, c)| (n.split(' ').count(), *c))
                        .map(|(n, _)| n.clone())
                })
                .unwrap_or_default();
            let count = spellings.iter().map(|(_, c)| c).sum();
            let variants = spellings
                .into_iter()
                .map(|(n, _)| n)
                .filter(|n| *n != best)
                .collect();
            SpeakerCount {
                speaker: best,
                count,
                variants,
            }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.speaker.cmp(&b.speaker)));
    out.truncate(top);
    Ok(out)
}

/// Counts the values of a one-level facet field (outlets, years) over the
/// passages matching `query`, most first.
pub fn count_values(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    field: Field,
    top: usize,
) -> Result<Vec<(String, u64)>, SearchError> {
    let mut out = searcher.search(query, &FacetValues { field })?;
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(top);
    Ok(out)
}

/// Counts the values of a one-level facet field over the matching passages.
///
/// tantivy's `FacetCollector` reads a segment's whole facet dictionary before
/// it counts (all ~50,000 speaker names of a large archive, some 10 ms of a
/// cold search); this collector counts value ordinals and reads the names of
/// only the values it found.
struct FacetValues {
    field: Field,
}

struct FacetValuesInSegment {
    reader: FacetReader,
    /// The field's term dictionary, which names the same values as the
    /// column's (see [`Names`]).
    names: Names,
    counts: Vec<u64>,
}

/// Where a segment's value names are read.
///
/// The column's dictionary is an sstable of zstd blocks, and each block
/// read set up a decompressor anew (`ZSTD_createDCtx` was 8% of all
/// in-process search time, most of a speaker query's). The inverted index's
/// dictionary of the same field is an FST, read in place: it holds the same
/// values in the same order, after the root facet that the facet tokenizer
/// indexes first. When the two do not line up so, the column's is read.
enum Names {
    /// Column ordinal `o` is term ordinal `o + offset`.
    Terms {
        inverted: std::sync::Arc<tantivy::InvertedIndexReader>,
        offset: u64,
    },
    Column,
}

impl Names {
    fn of(segment: &tantivy::SegmentReader, field: Field, reader: &FacetReader) -> Names {
        let Ok(inverted) = segment.inverted_index(field) else {
            return Names::Column;
        };
        let terms = inverted.terms().num_terms();
        let values = reader.num_facets();
        let offset = match terms.checked_sub(values) {
            Some(0) => 0,
            // The root facet, encoded as no bytes, sorts first.
            Some(1) if inverted.terms().term_ord([]).ok().flatten() == Some(0) => 1,
            _ => return Names::Column,
        };
        Names::Terms { inverted, offset }
    }
}

/// Value names and counts of one segment, or the error reading the names.
type Found = Result<Vec<(String, u64)>, String>;

impl Collector for FacetValues {
    type Fruit = Vec<(String, u64)>;
    type Child = FacetValuesInSegment;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<FacetValuesInSegment> {
        let reader = segment.facet_reader(segment.schema().get_field_name(self.field))?;
        let counts = vec![0; reader.num_facets()];
        let names = Names::of(segment, self.field, &reader);
        Ok(FacetValuesInSegment {
            reader,
            names,
            counts,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Found>) -> tantivy::Result<Self::Fruit> {
        let mut total: BTreeMap<String, u64> = BTreeMap::new();
        for found in segments {
            for (name, n) in found.map_err(tantivy::TantivyError::InternalError)? {
                *total.entry(name).or_default() += n;
            }
        }
        Ok(total.into_iter().collect())
    }
}

impl SegmentCollector for FacetValuesInSegment {
    type Fruit = Found;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        for ord in self.reader.facet_ords(doc) {
            self.counts[ord as usize] += 1;
        }
    }

    fn harvest(self) -> Found {
        let ords: Vec<u64> = (0..self.counts.len() as u64)
            .filter(|&o| self.counts[o as usize] > 0)
            .collect();
        let mut out = Vec::with_capacity(ords.len());
        let mut push = |ord: u64, bytes: &[u8]| {
            if let Ok(facet) = tantivy::schema::Facet::from_encoded(bytes.to_vec())
                && let Some(name) = facet.to_path().last()
            {
                out.push(((*name).to_string(), self.counts[ord as usize]));
            }
        };
        match &self.names {
            Names::Terms { inverted, offset } => {
                let mut bytes = Vec::new();
                for &ord in &ords {
                    let found = inverted
                        .terms()
                        .ord_to_term(ord + offset, &mut bytes)
                        .map_err(|e| format!("reading facet names: {e}"))?;
                    if found {
                        push(ord, &bytes);
                    }
                }
            }
            Names::Column => {
                let mut next = ords.iter();
                self.reader
                    .facet_dict()
                    .sorted_ords_to_term_cb(&ords, |bytes| {
                        push(*next.next().expect("one name per ordinal"), bytes)
                    })
                    .map_err(|e| format!("reading facet names: {e}"))?;
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn term_dictionary_names_the_columns_values() {
        use tantivy::schema::{Facet, FacetOptions, Schema};
        let mut b = Schema::builder();
        let field = b.add_facet_field("speakers", FacetOptions::default().set_stored());
        let index = tantivy::Index::create_in_ram(b.build());
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        // Two segments, with values that sort around each other and one
        // passage quoting several people.
        for batch in [
            &[&["Ben Bernanke"][..], &["Ana Ruiz", "Zed Ölund"], &[]][..],
            &[&["Ana Ruiz"][..], &["Émile Roux", "Ben Bernanke", "A"]],
        ] {
            for people in batch {
                let mut doc = tantivy::TantivyDocument::default();
                for p in *people {
                    doc.add_facet(field, Facet::from_path([*p]));
                }
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        for segment in searcher.segment_readers() {
            let reader = segment.facet_reader("speakers").unwrap();
            let Names::Terms { inverted, offset } = Names::of(segment, field, &reader) else {
                panic!("the term dictionary should line up with the column");
            };
            assert_eq!(offset, 1, "the root facet comes first");
            for ord in 0..reader.num_facets() as u64 {
                let mut by_term = Vec::new();
                assert!(
                    inverted
                        .terms()
                        .ord_to_term(ord + offset, &mut by_term)
                        .unwrap()
                );
                let mut by_column = Facet::root();
                reader.facet_from_ord(ord, &mut by_column).unwrap();
                assert_eq!(by_term, by_column.encoded_str().as_bytes(), "ordinal {ord}");
            }
        }
        let mut all =
            count_values(&searcher, &tantivy::query::AllQuery, field, usize::MAX).unwrap();
        all.sort();
        let want = [
            ("A", 1),
            ("Ana Ruiz", 2),
            ("Ben Bernanke", 2),
            ("Zed Ölund", 1),
            ("Émile Roux", 1),
        ];
        let want: Vec<(String, u64)> = want.iter().map(|(n, c)| (n.to_string(), *c)).collect();
        assert_eq!(all, want);
    }

    #[test]
    fn part_of_a_name_finds_the_speaker() {
        let all = names(&["Vladimir Putin", "Volodymyr Zelenskyy", "Putin"]);
        let got = resolve("putin", &all, &Aliases::default()).unwrap();
        assert_eq!(got, names(&["Putin", "Vladimir Putin"]));
        assert_eq!(
            resolve("ZELENSKY", &all, &Aliases::default()).unwrap(),
            names(&["Volodymyr Zelenskyy"])
        );
    }

    #[test]
    fn spelling_and_partial_names_are_forgiven() {
        let all = names(&["Aleksander Voronin", "Volodymyr Zelenskyy"]);
        assert_eq!(
            resolve("Aleksandr Voronin", &all, &Aliases::default()).unwrap(),
            names(&["Aleksander Voronin"])
        );
        assert_eq!(
            resolve("volod", &all, &Aliases::default()).unwrap(),
            names(&["Volodymyr Zelenskyy"])
        );
        assert!(within_one_edit("kostiuk", "kostyuk"));
        assert!(!within_one_edit("smith", "smyth2"));
    }

    #[test]
    fn accents_are_forgiven() {
        let all = names(&["José Álvarez"]);
        assert_eq!(
            resolve("jose alvarez", &all, &Aliases::default()).unwrap(),
            all
        );
    }

    #[test]
    fn ambiguous_names_list_candidates() {
        let all = names(&["Anna Smith", "John Smith"]);
        match resolve("smith", &all, &Aliases::default()) {
            Err(SearchError::AmbiguousSpeaker { candidates, .. }) => {
                assert_eq!(candidates, names(&["Anna Smith", "John Smith"]));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            resolve("john smith", &all, &Aliases::default()).unwrap(),
            names(&["John Smith"])
        );
        // A surname that two people share, also quoted alone, is ambiguous.
        let all = names(&["Blair", "Cherie Blair", "Tony Blair"]);
        assert!(matches!(
            resolve("blair", &all, &Aliases::default()),
            Err(SearchError::AmbiguousSpeaker { .. })
        ));
    }

    #[test]
    fn aliases_join_names_the_file_lists() {
        let all = names(&["Lula", "Luiz Inácio Lula da Silva"]);
        let aliases = Aliases::parse("Lula = Luiz Inácio Lula da Silva").unwrap();
        let mut got = resolve("lula", &all, &aliases).unwrap();
        got.sort();
        assert_eq!(got, names(&["Luiz Inácio Lula da Silva", "Lula"]));
        assert!(
            resolve("lula", &all, &Aliases::default()).is_err(),
            "two people without the file"
        );
    }

    #[test]
    fn unknown_names_are_errors() {
        assert!(matches!(
            resolve("nobody", &names(&["Anna Smith"]), &Aliases::default()),
            Err(SearchError::UnknownSpeaker(_))
        ));
    }
}
