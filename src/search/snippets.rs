//! Snippets: the best fragment of a passage, with the matched terms as
//! byte ranges, so the CLI can highlight them however it renders.

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;

use super::Snippet;

/// Longest snippet, in characters.
const MAX_CHARS: usize = 240;

/// Makes snippets for one query.
pub struct Snippets {
    generator: SnippetGenerator,
}

impl Snippets {
    /// Prepares snippets for `query` over the passage text.
    pub fn new(
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        text: Field,
    ) -> tantivy::Result<Snippets> {
        let mut generator = SnippetGenerator::create(searcher, query, text)?;
        generator.set_max_num_chars(MAX_CHARS);
        Ok(Snippets { generator })
    }

    /// The snippet of one passage: its best fragment, or its opening when
    /// no term of the query is in it (a match by context or filter only).
    pub fn of(&self, passage: &str) -> Snippet {
        let s = self.generator.snippet(passage);
        if s.fragment().is_empty() {
            let mut end = passage.len().min(MAX_CHARS);
            while !passage.is_char_boundary(end) {
                end -= 1;
            }
            if end < passage.len() {
                end = passage[..end].rfind(' ').unwrap_or(end);
            }
            return Snippet {
                text: passage[..end].to_string(),
                highlights: Vec::new(),
            };
        }
        Snippet {
            text: s.fragment().to_string(),
            highlights: s.highlighted().to_vec(),
        }
    }
}
