//! Integration tests: the real binary on a temporary copy of corpus-sample/.
//! See README.md in this folder.

mod experience;
mod extract;
mod index;
mod quotes;
mod safety;
mod search;
mod util;
