//! Extract: from an article's body to its passages and quotations.
//!
//! Everything here is pure: text in, data out. [`analyze`] is the one entry
//! point the indexer uses; the quotation extractor sits behind
//! [`quotes::extract_quotes`] so it can be improved without touching the
//! rest of the pipeline.

pub mod article;
pub mod dateline;
pub mod dates;
mod detok;
pub mod passages;
pub mod quotes;
pub mod speakers;

pub use article::{Article, Passage, Quote, Speaker};

/// Fills in an article's passages and quotations from its body.
pub fn analyze(article: &mut Article) {
    article.passages = passages::split(&article.text);
    article.quotes = quotes::extract_quotes(&article.text, article.date);
}

/// [`analyze`], guarded: a bug that panics on one article gives `None`
/// instead of stopping the run (the extractor is pure, so nothing is left
/// half-written).
pub fn analyzed(mut article: Article) -> Option<Article> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        analyze(&mut article);
        article
    }))
    .ok()
}
