//! English Snowball stemming that remembers the words it has stemmed.
//!
//! News text repeats its words: the same few thousand make up most of every
//! passage, and each passage is tokenized for its own field and, where
//! quoted, for the quotation field. Profiling
//! a Reuters run showed a fifth of indexing time inside the Snowball stemmer.
//! This filter gives the very same stems as tantivy's `Stemmer` (both use
//! frostem's English algorithm) but looks each word up first.

use std::borrow::Cow;
use std::cell::RefCell;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Slots of the memory: a power of two. Each holds one word and its stem,
/// so the memory is bounded (1 MiB) on any corpus. Measured on Reuters:
/// 2^16 slots missed the processor caches (9.4% of indexing in the lookup),
/// 2^12 kept too few words (8.4% with the stems computed again).
const SLOTS: usize = 1 << 14;
/// Longest word (in bytes) the memory keeps; longer ones are stemmed anew.
const KEY: usize = 30;
/// Bytes per slot: two lengths, the word, the stem.
const SLOT: usize = 2 + 2 * KEY;
/// Slots of the memory a thread starts with (62 KiB): a query, or the
/// snippets of one page of hits, stems a few hundred distinct words.
const FIRST_SLOTS: usize = 1 << 10;
/// Words a thread stems before its memory grows to [`SLOTS`].
const WARM_UP: usize = 4096;

thread_local! {
    /// The memory of the thread: tantivy clones a tokenizer for each segment
    /// writer, each query field and each snippet, so a memory kept in the
    /// tokenizer started empty for every snippet (a fifth of in-process
    /// search time went to stemming snippets anew).
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// The filter: put it where tantivy's `Stemmer::new(Language::English)` goes.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner }
    }
}

/// A tokenizer followed by the remembering stemmer.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

/// Word to stem, as a direct-mapped cache: a word's hash picks its one
/// slot, and a new word takes the slot over. One probe touches one slot,
/// where a hash map of boxed strings touched three places in memory (a
/// tenth of indexing time went to those lookups). There is one per thread,
/// so no lock is ever shared; it starts with [`FIRST_SLOTS`] slots and grows
/// to [`SLOTS`] after [`WARM_UP`] words, so a cold search never zeroes the
/// full memory (which cost it 4-7 ms).
struct Memo {
    stemmer: frostem::Stemmer,
    slots: Vec<u8>,
    /// Words of memorable length stemmed so far.
    words: usize,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
            slots: Vec::new(),
            words: 0,
        }
    }
}

impl Memo {
    /// Replaces `word` by its stem.
    fn stem(&mut self, word: &mut String) {
        // Snowball leaves words of one or two letters as they are, and has
        // no suffix to take from a number: a third of news tokens ("a",
        // "of", "to", "2008") need no lookup.
        if word.len() <= 2 || word.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        if word.len() > KEY {
            if let Cow::Owned(stem) = self.stemmer.stem(word) {
                *word = stem;
            }
            return;
        }
        // A query or a snippet stems a few hundred words: the full memory
        // (1 MiB to zero) only pays for itself on an indexing run.
        if self.slots.is_empty() {
            self.slots = vec![0; FIRST_SLOTS * SLOT];
        } else if self.words == WARM_UP {
            self.slots = vec![0; SLOTS * SLOT];
        }
        self.words = self.words.saturating_add(1);
        let slots = self.slots.len() / SLOT;
        let at = (xxhash_rust::xxh3::xxh3_64(word.as_bytes()) as usize & (slots - 1)) * SLOT;
        let slot = &mut self.slots[at..at + SLOT];
        let (lens, rest) = slot.split_at_mut(2);
        let (key, stem) = rest.split_at_mut(KEY);
        let len = word.len();
        if usize::from(lens[0]) == len && &key[..len] == word.as_bytes() {
            let stem = &stem[..usize::from(lens[1])];
            if stem != word.as_bytes() {
                word.clear();
                // The slot holds what `frostem` gave as a `str`.
                word.push_str(std::str::from_utf8(stem).expect("a stem is text"));
            }
            return;
        }
        let new = self.stemmer.stem(word);
        if new.len() <= KEY {
            lens[0] = len as u8;
            key[..len].copy_from_slice(word.as_bytes());
            lens[1] = new.len() as u8;
            stem[..new.len()].copy_from_slice(new.as_bytes());
        }
        if let Cow::Owned(new) = new {
            *word = new;
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for CachedStemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        MEMO.with_borrow_mut(|memo| memo.stem(&mut self.tail.token_mut().text));
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn gives_the_same_stems_as_tantivys_stemmer_every_time() {
        let text = "Ministers said the talks were running; running talks, \
                    the minister says, ran into difficulties. Generously \
                    generous generalisations. Said said said. A 2008 cut, \
                    by 25 bp in the 1990s, is as of now an 'ox' or 'as'.";
        let cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let want = tokens(plain, text);
        assert!(want.contains(&"run".to_string()), "{want:?}");
        let mut analyzer = cached;
        // The second pass is answered from memory and must not differ.
        for _ in 0..2 {
            let mut stream = analyzer.token_stream(text);
            let mut got = Vec::new();
            while stream.advance() {
                got.push(stream.token().text.clone());
            }
            assert_eq!(got, want);
        }
    }

    #[test]
    fn a_few_words_use_the_small_memory_and_stem_right() {
        let mut memo = Memo::default();
        for _ in 0..3 {
            for (word, stem) in [
                ("running", "run"),
                ("ministers", "minist"),
                ("said", "said"),
            ] {
                let mut w = word.to_string();
                memo.stem(&mut w);
                assert_eq!(w, stem);
            }
        }
        assert_eq!(memo.slots.len(), FIRST_SLOTS * SLOT);
    }

    #[test]
    fn words_that_share_a_slot_and_long_words_stem_right() {
        // Far more words than slots: every slot is taken over many times.
        let mut memo = Memo::default();
        for round in 0..2 {
            for i in 0..SLOTS * 2 {
                let mut w = format!("running{i}x");
                memo.stem(&mut w);
                assert_eq!(w, format!("running{i}x"), "round {round}");
                let mut w = format!("nationalization{i}s");
                memo.stem(&mut w);
                assert_eq!(w, format!("nationalization{i}"), "round {round}");
            }
        }
        let mut w = "running".to_string();
        memo.stem(&mut w);
        assert_eq!(w, "run");
        assert!(memo.words > WARM_UP);
        let long = "internationalizations".repeat(2);
        let want = frostem::Stemmer::new(frostem::Algorithm::English)
            .stem(&long)
            .into_owned();
        let mut w = long.clone();
        memo.stem(&mut w);
        assert!(long.len() > KEY && want != long);
        assert_eq!(w, want);
        assert_eq!(memo.slots.len(), SLOTS * SLOT);
    }
}
