//! The article model: what every reader produces and every later stage consumes.
//!
//! An [`Article`] is plain data. Readers in `ingest/` fill in the body and the
//! metadata; [`crate::extract::analyze`] adds passages and quotations. Byte
//! offsets always point into [`Article::text`].

use std::ops::Range;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};

/// One news article, as newsdex understands it.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Stable identity: the file path, plus `#id` for an article inside a JSONL file.
    pub id: String,
    /// The file the article was read from.
    pub path: PathBuf,
    /// Original address of the article, when the source gives one.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication, such as "Northgate Wire".
    pub outlet: Option<String>,
    /// Author line, without the leading "By".
    pub byline: Option<String>,
    /// Publication day, in the outlet's own time zone.
    pub date: Option<NaiveDate>,
    /// Publication time, when the source gives one.
    pub published: Option<DateTime<FixedOffset>>,
    /// The body: paragraphs separated by newlines, no markup.
    pub text: String,
    /// Passages of the body, filled in by [`crate::extract::analyze`].
    pub passages: Vec<Passage>,
    /// Direct quotations, filled in by [`crate::extract::analyze`].
    pub quotes: Vec<Quote>,
    /// Things a user may want to know about how the article was read.
    pub notes: Vec<String>,
}

/// A searchable unit of an article: a paragraph, or a piece of a long one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Byte range in [`Article::text`].
    pub range: Range<usize>,
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Byte range of the quoted words (marks excluded) in [`Article::text`].
    pub range: Range<usize>,
    /// Who said it, when the text says so.
    pub speaker: Option<Speaker>,
    /// The day the words were said, when it can be worked out.
    pub said_on: Option<NaiveDate>,
    /// The words that gave the day ("Monday", "yesterday"), if any.
    pub when: Option<String>,
    /// True for a few words quoted inside a sentence of the writer's own.
    pub partial: bool,
}

/// The person or body a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Full name for a person ("Vladimir Putin"), or the description of an
    /// unnamed source ("senior U.S. official").
    pub name: String,
    /// Title or role given next to the name ("Kremlin spokesman").
    pub role: Option<String>,
    /// False for anonymous and collective sources.
    pub named: bool,
}

impl Article {
    /// The text of one passage.
    pub fn passage_text(&self, passage: &Passage) -> &str {
        &self.text[passage.range.clone()]
    }

    /// Index of the passage holding byte offset `at`.
    pub fn passage_of(&self, at: usize) -> Option<usize> {
        self.passages
            .iter()
            .position(|p| p.range.start <= at && at < p.range.end)
    }
}
