//! The index schema: loaded from `schema/articles.json` (tantivy's own serde
//! format), checked against what the code needs, and the tokenizers it names.
//!
//! The JSON file is the single source of truth. [`Fields::new`] fails with a
//! clear message if a field the code uses is missing or lacks an option it
//! relies on (positions for phrases, fast for ranges and state), and a unit
//! test runs that check on every build.

use tantivy::Index;
use tantivy::schema::{Field, FieldType, IndexRecordOption, Schema};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

use super::stem::CachedStemmer;

/// The schema file, compiled in.
pub const SCHEMA_JSON: &str = include_str!("../../schema/articles.json");

/// Tokenizer for prose: words, lower case, accents folded, English stems.
pub const NEWS_TOKENIZER: &str = "news";
/// Tokenizer for names: words, lower case, accents folded, no stemming.
pub const NAMES_TOKENIZER: &str = "names";

/// Parses the schema file.
pub fn schema() -> Schema {
    serde_json::from_str(SCHEMA_JSON).expect("schema/articles.json is valid (checked by tests)")
}

/// Handles to every field the code uses.
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)]
pub struct Fields {
    pub file: Field,
    pub root: Field,
    pub article: Field,
    pub passage: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
    pub body_hash: Field,
    pub quote_count: Field,
    pub before_quote: Field,
    pub title: Field,
    pub outlet: Field,
    pub byline: Field,
    pub url: Field,
    pub date: Field,
    pub text: Field,
    pub quote: Field,
    pub speaker: Field,
    pub speakers: Field,
    pub outlets: Field,
    pub years: Field,
    pub quotes: Field,
}

/// What a field must offer.
#[derive(Clone, Copy, PartialEq)]
enum Need {
    /// Untokenized, fast and indexed: the folder, read as a column and
    /// deleted by term.
    Key,
    /// Untokenized, indexed and stored: the file path, deleted by term and
    /// listed in order from the term dictionary.
    Path,
    /// Tokenized text with positions, for phrases.
    Phrases,
    /// Stored only.
    Stored,
    /// A fast u64.
    FastU64,
    /// A date, indexed and fast.
    Date,
    /// A facet.
    Facet,
}

impl Fields {
    /// Looks up and checks every field; the error says which is wrong.
    pub fn new(schema: &Schema) -> Result<Fields, String> {
        let get = |name: &str, need: Need| -> Result<Field, String> {
            let field = schema
                .get_field(name)
                .map_err(|_| format!("schema has no field {name:?}"))?;
            let entry = schema.get_field_entry(field);
            let ok = match (need, entry.field_type()) {
                (Need::Key, FieldType::Str(o)) => {
                    o.is_fast()
                        && o.get_indexing_options()
                            .is_some_and(|i| i.tokenizer() == "raw")
                }
                (Need::Path, FieldType::Str(o)) => {
                    o.is_stored()
                        && o.get_indexing_options()
                            .is_some_and(|i| i.tokenizer() == "raw")
                }
                (Need::Phrases, FieldType::Str(o)) => o
                    .get_indexing_options()
                    .is_some_and(|i| i.index_option() == IndexRecordOption::WithFreqsAndPositions),
                (Need::Stored, FieldType::Str(o)) => o.is_stored(),
                (Need::FastU64, FieldType::U64(o)) => o.is_fast(),
                (Need::Date, FieldType::Date(o)) => o.is_fast() && o.is_indexed(),
                (Need::Facet, FieldType::Facet(_)) => true,
                _ => false,
            };
            if ok {
                Ok(field)
            } else {
                Err(format!(
                    "schema field {name:?} lacks the options newsdex needs"
                ))
            }
        };
        Ok(Fields {
            file: get("file", Need::Path)?,
            root: get("root", Need::Key)?,
            article: get("article", Need::Stored)?,
            passage: get("passage", Need::FastU64)?,
            file_size: get("file_size", Need::FastU64)?,
            file_mtime: get("file_mtime", Need::FastU64)?,
            file_hash: get("file_hash", Need::FastU64)?,
            body_hash: get("body_hash", Need::FastU64)?,
            quote_count: get("quote_count", Need::FastU64)?,
            before_quote: get("before_quote", Need::FastU64)?,
            title: get("title", Need::Phrases)?,
            outlet: get("outlet", Need::Phrases)?,
            byline: get("byline", Need::Phrases)?,
            url: get("url", Need::Stored)?,
            date: get("date", Need::Date)?,
            text: get("text", Need::Phrases)?,
            quote: get("quote", Need::Phrases)?,
            speaker: get("speaker", Need::Phrases)?,
            speakers: get("speakers", Need::Facet)?,
            outlets: get("outlets", Need::Facet)?,
            years: get("years", Need::Facet)?,
            quotes: get("quotes", Need::Stored)?,
        })
    }
}

/// Registers the tokenizers the schema names.
pub fn register_tokenizers(index: &Index) {
    let news = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build();
    let names = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(NEWS_TOKENIZER, news);
    index.tokenizers().register(NAMES_TOKENIZER, names);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_file_has_every_field_the_code_uses() {
        Fields::new(&schema()).unwrap();
    }

    #[test]
    fn a_missing_field_is_reported_by_name() {
        let mut b = Schema::builder();
        b.add_text_field("file", tantivy::schema::STRING);
        let err = Fields::new(&b.build()).unwrap_err();
        assert!(
            err.contains("\"file\"") || err.contains("\"root\""),
            "{err}"
        );
    }
}
