//! newsdex: a search engine for news coverage.
//!
//! The pipeline runs one way: [`ingest`] walks folders and reads each file
//! into an [`extract::Article`] (body and metadata); [`extract`] splits the
//! body into passages and finds every direct quotation with its speaker and
//! day; [`index`] writes passages to a tantivy index and keeps it in step with
//! the folders; [`search`] runs queries, filters and facets over it. Only the
//! `cli` module of the binary talks to the terminal.

pub mod extract;
pub mod index;
pub mod ingest;
pub mod search;
