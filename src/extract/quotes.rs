//! Direct quotations: finding them, and finding who said them and when.
//!
//! The extractor is a rule system over one article, paragraph by paragraph.
//! Tokenised text (`“ We will win , ” she said .`) is first read as running
//! text ([`super::detok`]); what is found maps back to the text as given.
//!
//! 1. **Marks.** Each paragraph is scanned for quoted segments in every style
//!    news uses: “curly”, "straight", ''doubled apostrophes'', «guillemets»,
//!    and ‘single’ quotes (kept only in articles that quote with single marks).
//!    A segment left open at the end of a paragraph continues when the next
//!    paragraph opens with a mark; otherwise it is an unbalanced mark and is
//!    dropped.
//! 2. **Sentences.** Each paragraph is split into sentences, with quoted
//!    segments kept whole.
//! 3. **Cues.** In each sentence, speech cues ("said", "told", "according
//!    to", ...) are found outside the quotes. Each quote takes the nearest
//!    cue; the cue's subject is found by the patterns of news attribution:
//!    “…,” Smith said / “…,” said Smith / Smith said: “…” / a participle
//!    clause ("…, saying “…”") whose subject opens the sentence / an
//!    appositive ("Smith, an analyst at X, said").
//! 4. **Speakers.** Names are split from their titles, surnames resolve to
//!    the full name used elsewhere in the article, pronouns to the last
//!    person in subject position, and "the official" to the earlier "a
//!    senior official". Unnamed and collective sources stay unnamed.
//! 5. **Not speech.** Quotes with no cue in their sentence that are short or
//!    look like titles ("Saturday Night Live"), and quotes after "titled",
//!    "dubbed", "so-called" are not quotations.
//! 6. **When.** A weekday, "yesterday" or "last week" next to the cue is
//!    resolved against the article's date.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;

use super::article::{Quote, Speaker};
use super::dateline::dateline;
use super::dates::resolve_relative;
use super::detok::detokenize;
use super::speakers::{
    Gender, NameBook, fold_word, gender_of_first_name, gender_of_name, gender_of_title,
    is_calendar_word, is_capitalized, is_given_name, is_honorific, is_name_word,
    is_name_word_between, is_nominal_head, is_org_word, is_role_word, is_stop_capital,
    is_subject_pronoun, lower, split_role,
};

/// Finds the direct quotations in an article body and attributes them.
///
/// `text` holds one paragraph per line; `date` is the publication day that
/// relative days are resolved against. Tokenised text (`“ We will win , ”
/// Ortiz said .`) is read as running text, and its quotations are the
/// tokenised words of `text`.
pub fn extract_quotes(text: &str, date: Option<NaiveDate>) -> Vec<Quote> {
    let Some(running) = detokenize(text) else {
        return extract_running(text, date);
    };
    let mut quotes = extract_running(&running.text, date);
    for q in &mut quotes {
        q.range = running.original(q.range.clone());
        q.text = text[q.range.clone()].to_string();
    }
    quotes
}

/// [`extract_quotes`] on running text.
fn extract_running(text: &str, date: Option<NaiveDate>) -> Vec<Quote> {
    let paragraphs = paragraphs(text);
    let mut segments = Vec::new();
    for (i, para) in paragraphs.iter().enumerate() {
        let next_opens = paragraphs
            .get(i + 1)
            .is_some_and(|next| starts_with_open_mark(&text[next.clone()]));
        scan_marks(text, para.clone(), i, next_opens, &mut segments);
    }
    // Embedded posts left in the text as markup are not the article's speech.
    let embeds = embed_ranges(text);
    if !embeds.is_empty() {
        segments.retain(|s| !embeds.iter().any(|r| r.contains(&s.inner.start)));
    }
    // Articles that quote speech in double marks use single marks for
    // nested quotes, apostrophes and headlines only.
    if segments.iter().any(|s| !s.single) {
        segments.retain(|s| !s.single);
    }
    // Quotations come only from quoted segments, and what the attributor
    // learns flows forward: paragraphs after the last quoted one cannot
    // change a quotation, and an article without one needs no reading at all
    // (`extract` over 17,061 Reuters files: 3.6 -> 2.9 s of CPU).
    let Some(last) = segments.iter().map(|s| s.para).max() else {
        return Vec::new();
    };
    let mut attributor = Attributor::new(text, date);
    attributor.names.scan(text);
    // A wire dateline's place ("NEW YORK (Reuters) -") is not a person who
    // speaks, nor one a later "he" could mean: the first paragraph is read
    // from after it.
    let dateline_end = dateline(text).map(|d| d.span.end);
    let mut out = Vec::new();
    for (i, para) in paragraphs.iter().enumerate().take(last + 1) {
        let segs: Vec<&Segment> = segments.iter().filter(|s| s.para == i).collect();
        let mut para = para.clone();
        if let Some(end) = dateline_end.filter(|&e| para.contains(&e) && e > para.start) {
            para.start = end;
        }
        let before = out.len();
        attributor.paragraph(para.clone(), &segs, &mut out);
        // A paragraph that is all quotation, then a line that names who
        // said it: "“...”" and "- Bernie Sanders." (the fact-check layout).
        // The name there beats a speaker handed over from before.
        if out.len() > before
            && all_quoted(text, para, &segs)
            && let Some(label) = paragraphs.get(i + 1)
            && let Some(speaker) = attributor.dash_label(label.clone())
        {
            for q in &mut out[before..] {
                q.speaker = Some(speaker.clone());
            }
        }
    }
    out
}

/// True when nothing but quotations and punctuation fills the paragraph.
fn all_quoted(text: &str, para: Range<usize>, segs: &[&Segment]) -> bool {
    let mut at = para.start;
    for seg in segs {
        if text[at..seg.outer.start.max(at)]
            .chars()
            .any(char::is_alphanumeric)
        {
            return false;
        }
        at = at.max(seg.outer.end);
    }
    !text[at.min(para.end)..para.end]
        .chars()
        .any(char::is_alphanumeric)
}

/// Byte ranges of embedded posts left as markup in a text:
/// `<tweet ...>...</tweet>` (or `<tweet/>`).
fn embed_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<tweet").map(|p| from + p) {
        let close = ["</tweet>", "<tweet/>"]
            .iter()
            .filter_map(|end| text[open + 6..].find(end).map(|p| open + 6 + p + end.len()))
            .min()
            .unwrap_or_else(|| text[open..].find('\n').map_or(text.len(), |p| open + p));
        out.push(open..close);
        from = close;
    }
    out
}

/// Byte ranges of the non-empty lines of `text`.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = end + 1;
    }
    out
}

fn starts_with_open_mark(para: &str) -> bool {
    let mut chars = para.chars();
    match chars.next() {
        Some('“' | '"' | '«' | '„') => true,
        Some(c @ ('\'' | '`')) => chars.next() == Some(c),
        _ => false,
    }
}

/// A quoted segment in the article body.
#[derive(Debug, Clone)]
struct Segment {
    /// Range of the quoted words, marks excluded.
    inner: Range<usize>,
    /// Range including the marks.
    outer: Range<usize>,
    /// Index of the paragraph.
    para: usize,
    /// Quoted with single marks.
    single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Curly,
    Straight,
    DoubleApostrophe,
    Guillemet,
    Single,
    StraightSingle,
}

fn scan_marks(
    text: &str,
    para: Range<usize>,
    para_index: usize,
    next_opens: bool,
    out: &mut Vec<Segment>,
) {
    let s = &text[para.clone()];
    let base = para.start;
    let bytes = s.as_bytes();
    let mut open: Option<(Family, usize, usize)> = None; // family, mark start, inner start
    // Tokenised text ("‘ We will act , ’ she said .") puts a space on both
    // sides of every mark. A single quotation opened that way closes on a
    // mark that stands alone the same way, which an apostrophe never does.
    let mut spaced = false;
    // Inside a double quotation of one style, one of the other style opened
    // ("He called it “a disaster”," she said): its close mark is its own.
    let mut nested = false;
    // Byte offset of the next character to look at. Every mark starts with
    // one of these bytes, none of which continues a UTF-8 sequence: the scan
    // jumps from one to the next instead of decoding every character.
    let mut at = 0;
    while let Some(skip) = bytes[at..]
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2))
    {
        let i = at + skip;
        if open.is_none() {
            nested = false;
        }
        let c = s[i..].chars().next().expect("a mark starts a character");
        at = i + c.len_utf8();
        if !matches!(
            c,
            '“' | '”' | '"' | '\'' | '«' | '»' | '‘' | '’' | '„' | '`'
        ) {
            continue;
        }
        let prev = s[..i].chars().next_back();
        let next = s[at..].chars().next();
        let after_space = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/')
        });
        let next_word = next.is_some_and(|n| !n.is_whitespace());
        let before_boundary = next.is_none_or(|n| !n.is_alphanumeric());
        // The first character of the word after a space: "‘ We" gives 'W'.
        let spaced_word = || {
            let rest = s[at..].strip_prefix(' ')?;
            rest.chars().next().filter(|c| c.is_alphanumeric())
        };
        let clitic = |from: &str| clitic_len(from).is_some();
        // A mark standing alone before a space or the end, not the
        // apostrophe of a split contraction ("don ’ t", "It ’ s").
        let stands_alone = || {
            after_space
                && s[at..]
                    .strip_prefix(' ')
                    .map_or(at == s.len(), |rest| !clitic(rest))
        };
        let close =
            |open: &mut Option<(Family, usize, usize)>, mark_len: usize, out: &mut Vec<Segment>| {
                let (fam, open_at, inner_start) = open.take().expect("open segment");
                push_segment(
                    out,
                    s,
                    base,
                    open_at,
                    inner_start,
                    i,
                    i + mark_len,
                    para_index,
                    fam,
                );
            };
        match open {
            Some((fam, _, _)) => match (fam, c) {
                (Family::Curly, '”') => close(&mut open, c.len_utf8(), out),
                (Family::Curly, '“')
                    if prev.is_some_and(|p| !p.is_whitespace()) && before_boundary =>
                {
                    // A closing mark typed as an opening one.
                    close(&mut open, c.len_utf8(), out);
                }
                (Family::Curly, '“') => open = Some((Family::Curly, i, i + c.len_utf8())),
                // Closed with the other style's mark, as careless typing and
                // some publishing systems leave it: “We will win," she said.
                (Family::Curly, '"') if after_space && next_word => nested = true,
                (Family::Curly, '"') if nested => nested = false,
                (Family::Curly, '"') if !after_space && before_boundary => close(&mut open, 1, out),
                // Tokenised, a close mark stands between spaces: “ We will
                // win , " she said.
                (Family::Curly, '"') if after_space && !next_word => close(&mut open, 1, out),
                (Family::Straight, '“') => nested = true,
                (Family::Straight, '”') if nested => nested = false,
                (Family::Straight, '”') if before_boundary && (!after_space || !next_word) => {
                    close(&mut open, c.len_utf8(), out);
                }
                // A mark after a space and before a word opens a quotation:
                // the one open was never closed (wire copy loses closing
                // marks before a subhead). Closing it here would turn every
                // later quotation inside out, so it is dropped.
                (Family::Straight, '"') if after_space && next_word => {
                    open = Some((Family::Straight, i, i + 1));
                }
                (Family::Straight, '"') => close(&mut open, 1, out),
                (Family::DoubleApostrophe, '\'') if next == Some('\'') => {
                    close(&mut open, 2, out);
                    at += 1;
                }
                (Family::DoubleApostrophe, '”' | '"') => close(&mut open, c.len_utf8(), out),
                (Family::Guillemet, '»') => close(&mut open, c.len_utf8(), out),
                (Family::Single, '’') if !spaced && !after_space && before_boundary => {
                    close(&mut open, c.len_utf8(), out);
                }
                (Family::StraightSingle, '\'') if !spaced && !after_space && before_boundary => {
                    close(&mut open, 1, out);
                }
                (Family::Single, '’') | (Family::StraightSingle, '\'')
                    if spaced && stands_alone() =>
                {
                    close(&mut open, c.len_utf8(), out);
                }
                _ => {}
            },
            None => match c {
                '“' | '„' => open = Some((Family::Curly, i, i + c.len_utf8())),
                '”' if after_space && next_word => open = Some((Family::Curly, i, i + 3)),
                '"' => open = Some((Family::Straight, i, i + 1)),
                '«' => open = Some((Family::Guillemet, i, i + c.len_utf8())),
                '\'' if next == Some('\'') && after_space => {
                    open = Some((Family::DoubleApostrophe, i, i + 2));
                    at += 1;
                }
                '`' if next == Some('`') && after_space => {
                    open = Some((Family::DoubleApostrophe, i, i + 2));
                    at += 1;
                }
                '‘' if after_space && next_word => {
                    open = Some((Family::Single, i, i + 3));
                    spaced = false;
                }
                // Not the split-off "'s" or "'t" of tokenised text
                // ("Ortiz 's spokesman", "do n't").
                '\'' if after_space
                    && next.is_some_and(char::is_alphabetic)
                    && !clitic(&s[at..]) =>
                {
                    open = Some((Family::StraightSingle, i, i + 1));
                    spaced = false;
                }
                // Tokenised: "‘ a shambles ’", "' We will act , ' she said";
                // a straight mark only before a capital, as "the players '
                // union" has a possessive there.
                '‘' if after_space && spaced_word().is_some() => {
                    open = Some((Family::Single, i, i + 3));
                    spaced = true;
                }
                '\'' if after_space && spaced_word().is_some_and(char::is_uppercase) => {
                    open = Some((Family::StraightSingle, i, i + 1));
                    spaced = true;
                }
                _ => {}
            },
        }
    }
    if let Some((fam, open_at, inner_start)) = open {
        let single = matches!(fam, Family::Single | Family::StraightSingle);
        if next_opens && !single {
            let end = s.len();
            if let Some(seg) =
                make_segment(s, base, open_at, inner_start, end, end, para_index, fam)
            {
                out.push(seg);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn push_segment(
    out: &mut Vec<Segment>,
    s: &str,
    base: usize,
    open_at: usize,
    inner_start: usize,
    inner_end: usize,
    close_end: usize,
    para: usize,
    fam: Family,
) {
    if let Some(seg) = make_segment(
        s,
        base,
        open_at,
        inner_start,
        inner_end,
        close_end,
        para,
        fam,
    ) {
        out.push(seg);
    }
}

#[allow(clippy::too_many_arguments)]
fn make_segment(
    s: &str,
    base: usize,
    open_at: usize,
    inner_start: usize,
    inner_end: usize,
    close_end: usize,
    para: usize,
    fam: Family,
) -> Option<Segment> {
    let inner = &s[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return None;
    }
    let start = base + inner_start + lead;
    Some(Segment {
        inner: start..start + trimmed.len(),
        outer: base + open_at..base + close_end,
        para,
        single: matches!(fam, Family::Single | Family::StraightSingle),
    })
}

/// Abbreviations whose period does not end a sentence.
fn is_abbreviation(w: &str) -> bool {
    let w = lower(w);
    let w = w.trim_end_matches('.');
    // "U.S.", "a.m.", "Ph.D.", but not the end of "according to
    // Tchadinfos.com." (a web address is a word that ends a sentence).
    w.len() == 1
        || w.contains('.') && w.split('.').all(|part| part.chars().count() <= 3)
        || matches!(
            w,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "st"
                | "sen"
                | "rep"
                | "del"
                | "gov"
                | "gen"
                | "lt"
                | "col"
                | "sgt"
                | "capt"
                | "adm"
                | "jr"
                | "sr"
                | "inc"
                | "corp"
                | "co"
                | "ltd"
                | "vs"
                | "no"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "mt"
                | "ft"
                | "ave"
                | "prof"
                | "rev"
                | "hon"
                | "dept"
                | "gov't"
                | "messrs"
                | "approx"
                | "est"
                | "fig"
                | "pres"
        )
}

/// Splits a paragraph into sentence ranges, keeping quoted segments whole.
fn sentences(text: &str, para: Range<usize>, segs: &[&Segment]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = para.start;
    let mut i = para.start;
    let bytes = text.as_bytes();
    let mut seg_iter = segs.iter().peekable();
    let next_starts_sentence = |at: usize| -> bool {
        let rest = text[at..para.end].trim_start();
        rest.is_empty()
            || rest
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"‘'«(`„".contains(c))
    };
    while i < para.end {
        if let Some(seg) = seg_iter.peek()
            && seg.outer.start == i
        {
            let seg = seg_iter.next().expect("peeked");
            let inner = &text[seg.inner.clone()];
            i = seg.outer.end.max(i + 1);
            let ends = inner.ends_with(['.', '?', '!']);
            if ends
                && i < para.end
                && text[i..para.end].starts_with(char::is_whitespace)
                && next_starts_sentence(i)
            {
                out.push(start..i);
                start = i;
            }
            continue;
        }
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!') {
            let after = i + 1;
            let followed_by_space =
                after >= para.end || text[after..para.end].starts_with(char::is_whitespace);
            if followed_by_space && next_starts_sentence(after) {
                let word_start = text[para.start..i]
                    .char_indices()
                    .rfind(|(_, c)| c.is_whitespace())
                    .map_or(para.start, |(p, c)| para.start + p + c.len_utf8());
                let word = &text[word_start..=i];
                if b != b'.' || !is_abbreviation(word) {
                    out.push(start..after);
                    start = after;
                }
            }
        }
        // On to the next sentence mark or quoted segment: the marks are
        // ASCII, so no byte of another character is taken for one.
        let limit = seg_iter
            .peek()
            .map(|s| s.outer.start)
            .filter(|&s| s > i)
            .map_or(para.end, |s| s.min(para.end));
        i = bytes[i + 1..limit]
            .iter()
            .position(|b| matches!(b, b'.' | b'?' | b'!'))
            .map_or(limit, |p| i + 1 + p);
    }
    if start < para.end && !text[start..para.end].trim().is_empty() {
        out.push(start..para.end);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Punct,
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    kind: TokKind,
    text: &'a str,
    start: usize,
    /// A word that may be part of a name, read with its neighbours
    /// ([`is_name_word_between`]).
    name: bool,
}

impl<'a> Tok<'a> {
    fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }
    fn folded(&self) -> Cow<'a, str> {
        fold_word(self.text)
    }
}

/// Words, punctuation and whole quotes of one sentence.
fn tokenize<'a>(text: &'a str, range: Range<usize>, segs: &[&Segment]) -> Vec<Tok<'a>> {
    let mut toks = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if let Some((qi, seg)) = segs.iter().enumerate().find(|(_, s)| s.outer.start == i) {
            toks.push(Tok {
                kind: TokKind::Quote(qi),
                text: &text[seg.inner.clone()],
                start: i,
                name: false,
            });
            i = seg.outer.end.max(i + 1);
            continue;
        }
        let c = text[i..].chars().next().expect("in range");
        if c.is_alphanumeric() {
            let mut end = i;
            let mut prev = c;
            for (j, d) in text[i..range.end].char_indices() {
                let next = text[i + j + d.len_utf8()..range.end].chars().next();
                // "9/11 widow", "24/7": a slash between digits is inside a word.
                let ok = d.is_alphanumeric()
                    || (matches!(d, '\'' | '’' | '-' | '.' | '&')
                        && next.is_some_and(char::is_alphanumeric))
                    || (d == '/'
                        && prev.is_ascii_digit()
                        && next.is_some_and(|n| n.is_ascii_digit()));
                if !ok {
                    break;
                }
                prev = d;
                end = i + j + d.len_utf8();
            }
            // Keep the period of an abbreviation or initial: "U.S.", "J.", "Mr."
            if text[end..range.end].starts_with('.') && is_abbreviation(&text[i..end]) {
                end += 1;
            }
            toks.push(Tok {
                kind: TokKind::Word,
                text: &text[i..end],
                start: i,
                name: false,
            });
            i = end;
        } else {
            let len = c.len_utf8();
            // Tokenised text splits "Trump's" into "Trump 's": the split-off
            // ending joins its word again, so it reads as a possessive. (Not
            // "'t": that is the Dutch article of "Sophie in 't Veld".)
            if matches!(c, '\'' | '’')
                && let Some(last) = toks.last_mut()
                && last.kind == TokKind::Word
                && text[last.start + last.text.len()..i] == *" "
                && let Some(n) = clitic_len(&text[i + len..range.end])
                && !text[i + len..].starts_with('t')
            {
                let end = i + len + n;
                last.text = &text[last.start..end];
                i = end;
                continue;
            }
            if !c.is_whitespace() {
                toks.push(Tok {
                    kind: TokKind::Punct,
                    text: &text[i..i + len],
                    start: i,
                    name: false,
                });
            }
            i += len;
        }
    }
    for k in 0..toks.len() {
        if toks[k].is_word() {
            let near = |t: Option<&Tok<'a>>| t.filter(|t| t.is_word()).map(|t| t.text);
            let prev = k.checked_sub(1).and_then(|p| near(toks.get(p)));
            toks[k].name = is_name_word_between(prev, toks[k].text, near(toks.get(k + 1)))
                && !is_state_after_place(&toks, k);
        }
    }
    toks
}

/// A US state abbreviated after its town: "Mo." in "from Ava, Mo., who",
/// a place, not a person called Mo ("Mo Farah" goes on with a name).
fn is_state_after_place(toks: &[Tok], k: usize) -> bool {
    let state = matches!(
        toks[k].text.trim_end_matches('.'),
        "Ala"
            | "Ariz"
            | "Ark"
            | "Calif"
            | "Colo"
            | "Conn"
            | "Del"
            | "Fla"
            | "Ga"
            | "Ill"
            | "Ind"
            | "Kan"
            | "Ky"
            | "La"
            | "Md"
            | "Mass"
            | "Mich"
            | "Minn"
            | "Miss"
            | "Mo"
            | "Mont"
            | "Neb"
            | "Nev"
            | "Okla"
            | "Ore"
            | "Pa"
            | "Tenn"
            | "Tex"
            | "Vt"
            | "Va"
            | "Wash"
            | "Wis"
            | "Wyo"
    );
    let after_place = k >= 2
        && toks[k - 1].is_punct(',')
        && toks[k - 2].is_word()
        && is_capitalized(toks[k - 2].text);
    let then = toks[k + 1..].iter().find(|t| !t.is_punct('.'));
    state && after_place && !then.is_some_and(|t| t.is_word() && is_capitalized(t.text))
}

/// The length of the ending of a contraction or possessive ("s", "t", "re",
/// "ll", "ve", "d", "m") that starts `rest` and ends a word there.
fn clitic_len(rest: &str) -> Option<usize> {
    let n = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    matches!(&rest[..n], "s" | "t" | "re" | "ll" | "ve" | "d" | "m").then_some(n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A verb of saying; `participle` for "saying", "adding".
    Verb { participle: bool },
    /// "according to": the speaker follows.
    According,
}

fn cue_of(toks: &[Tok], i: usize) -> Option<Cue> {
    let t = &toks[i];
    if !t.is_word() {
        return None;
    }
    // Capitalised inside a sentence, a verb form is a name: "the United States".
    if i > 0 && is_capitalized(t.text) {
        return None;
    }
    let w = lower(t.text);
    // "As the columnist Louella Parsons had written, “...”".
    if w == "written" {
        let perfect = i > 0 && matches!(toks[i - 1].folded().as_ref(), "had" | "has" | "have");
        return perfect.then_some(Cue::Verb { participle: false });
    }
    // "Skelly called Braynard “a real smart guy”": calling someone
    // something in quotation marks says it. Not "a group called “Allies”"
    // (no object), "called for “action”" or "was called “Operation X”".
    if matches!(
        w.as_ref(),
        "called"
            | "calling"
            | "labeled"
            | "labelled"
            | "labeling"
            | "labelling"
            | "branded"
            | "branding"
            | "dubbed"
            | "dubbing"
    ) {
        // The object is a short noun phrase: "him", "the moment", "Braynard".
        let object = toks[i + 1..]
            .iter()
            .take(5)
            .take_while(|t| {
                t.is_word()
                    && !is_preposition(&t.folded())
                    && !matches!(
                        t.folded().as_ref(),
                        "that" | "which" | "who" | "was" | "is" | "were" | "are" | "there"
                    )
            })
            .count();
        // ("is labeling the actions “...”" is no passive.)
        let passive = i > 0
            && !w.ends_with("ing")
            && matches!(
                toks[i - 1].folded().as_ref(),
                "is" | "was" | "were" | "are" | "be" | "been" | "being" | "so"
            );
        // "which it called a “plan of termination”", but not "a mat called
        // the “Wii Balance Board”": a name after a lone article is a name.
        let named = toks[i + 1..i + 1 + object]
            .iter()
            .all(|t| is_determiner(t.text))
            && toks
                .get(i + 1 + object)
                .is_some_and(|q| looks_like_title(q.text));
        let says = object >= 1
            && !named
            && !passive
            && object <= 4
            && !matches!(toks[i + 1].folded().as_ref(), "off" | "up" | "out" | "back")
            && toks.get(i + 1 + object).is_some_and(|q| {
                matches!(q.kind, TokKind::Quote(_)) && q.text.split_whitespace().count() >= 3
            });
        return says.then_some(Cue::Verb {
            participle: w.ends_with("ing"),
        });
    }
    if w == "according" {
        return toks
            .get(i + 1)
            .filter(|n| n.text.eq_ignore_ascii_case("to"))
            .map(|_| Cue::According);
    }
    let verb = matches!(
        w.as_ref(),
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tells"
            | "tell"
            | "telling"
            | "added"
            | "adds"
            | "adding"
            | "asked"
            | "asks"
            | "asking"
            | "explained"
            | "explains"
            | "explaining"
            | "noted"
            | "notes"
            | "noting"
            | "wrote"
            | "writes"
            | "writing"
            | "stated"
            | "states"
            | "declared"
            | "declares"
            | "declaring"
            | "argued"
            | "argues"
            | "arguing"
            | "insisted"
            | "insists"
            | "insisting"
            | "warned"
            | "warns"
            | "warning"
            | "continued"
            | "recalled"
            | "recalls"
            | "recalling"
            | "acknowledged"
            | "acknowledges"
            | "admitted"
            | "admits"
            | "claimed"
            | "claims"
            | "claiming"
            | "conceded"
            | "concedes"
            | "remarked"
            | "replied"
            | "replies"
            | "responded"
            | "responds"
            | "stressed"
            | "stresses"
            | "stressing"
            | "suggested"
            | "suggests"
            | "tweeted"
            | "tweets"
            | "tweeting"
            | "posted"
            | "announced"
            | "announces"
            | "complained"
            | "complains"
            | "cautioned"
            | "cautions"
            | "predicted"
            | "predicts"
            | "urged"
            | "urges"
            | "joked"
            | "jokes"
            | "quipped"
            | "concluded"
            | "observed"
            | "emphasized"
            | "emphasised"
            | "emphasizing"
            | "emphasising"
            | "reiterated"
            | "maintained"
            | "contended"
            | "countered"
            | "shouted"
            | "yelled"
            | "testified"
            | "vowed"
            | "vows"
            | "promised"
            | "pledged"
            | "boasted"
            | "mused"
            | "lamented"
            | "confirmed"
            | "confirms"
            | "denied"
            | "recounted"
            | "reported"
            | "asserted"
            | "asserts"
            | "charged"
            | "wondered"
            | "whispered"
            | "screamed"
            | "chanted"
            | "answered"
            | "advised"
            | "agreed"
            | "commented"
            | "comments"
            | "demanded"
            | "disclosed"
            | "hinted"
            | "objected"
            | "opined"
            | "proclaimed"
            | "reasoned"
            | "reminded"
            | "repeated"
            | "retorted"
            | "scoffed"
            | "snapped"
            | "texted"
            | "emailed"
            | "blasted"
            | "slammed"
            | "described"
            | "acknowledging"
            | "adds,"
            | "explains,"
            | "cried"
            | "sighed"
            | "laughed"
            | "thundered"
            | "pleaded"
            | "begged"
            | "conceding"
            | "predicting"
            | "remarking"
            | "observing"
            | "replying"
            | "responding"
            | "answering"
            | "reflected"
            | "insisted,"
            | "went"
            | "putting"
            | "put"
            | "puts"
            | "interjected"
            | "offered"
            | "assured"
            | "remembered"
            | "bragged"
            | "grumbled"
            | "exclaimed"
            | "ventured"
            | "cracked"
            | "griped"
            | "fumed"
            | "rejoined"
            | "scolded"
            | "lectured"
            | "lecturing"
            | "shouting"
            | "shot"
            | "fired"
            | "pointed"
            | "gloated"
            | "barked"
            | "retaliated"
            | "concludes"
            | "continues"
            | "marveled"
            | "marvelled"
            | "crowed"
            | "chimed"
            | "surmised"
            | "agrees"
            | "muses"
            | "dismissed"
            | "dismisses"
            | "dismissing"
            | "characterized"
            | "characterised"
            | "characterizes"
            | "characterises"
    );
    // Plural present forms, only next to their quotation: "“...,” write
    // Pernick and Wilder", "“...,” the authors write.", "the two write:
    // “...”". Elsewhere the base form is too often a verb of another
    // subject ("the remarks suggest Mr. Trump is a ''corrupt'' ..."), and
    // after "to" or a modal it is no statement ("to further explain", "to
    // add “tuck-in” acquisitions"); "say" and "tell" need no such care.
    let plural = matches!(
        w.as_ref(),
        "write"
            | "argue"
            | "note"
            | "explain"
            | "warn"
            | "insist"
            | "add"
            | "recall"
            | "contend"
            | "predict"
            | "caution"
            | "acknowledge"
            | "admit"
            | "concede"
            | "conclude"
            | "suggest"
    ) && plural_cue_beside_quote(toks, i)
        && !toks[i.saturating_sub(2)..i].iter().any(|t| {
            matches!(
                t.folded().as_ref(),
                "to" | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "shall"
                    | "cannot"
                    | "not"
                    | "never"
                    | "did"
                    | "do"
                    | "does"
            )
        });
    if !verb && !plural {
        return None;
    }
    // "gave a warning", "his claims", "her comments": after an article or a
    // possessive the word is a noun.
    if i > 0 && {
        let p = toks[i - 1].folded();
        p == "the" || is_article_or_possessive(&p)
    } {
        return None;
    }
    // "characterized the deal as “...”", not "a market characterized by";
    // "dismissed the criticism as “...”", not "dismissed the case".
    if (w.starts_with("characteri") || w.starts_with("dismiss"))
        && !toks[i + 1..].iter().take(6).any(|t| t.folded() == "as")
    {
        return None;
    }
    // "Falling prices added to a sell-off": "added to" a thing is
    // arithmetic ("added to reporters", "added to People" is speech).
    if matches!(w.as_ref(), "added" | "adds" | "adding" | "add")
        && toks.get(i + 1).is_some_and(|n| n.text == "to")
        && toks.get(i + 2).is_some_and(|n| {
            is_determiner(n.text) || n.text.starts_with(|c: char| c.is_ascii_digit())
        })
    {
        return None;
    }
    // "went on to say" and "put it" only count with their particle.
    if w == "went" && toks.get(i + 1).is_none_or(|n| n.text != "on") {
        return None;
    }
    if matches!(w.as_ref(), "putting" | "put" | "puts")
        && toks.get(i + 1).is_none_or(|n| n.text != "it")
    {
        return None;
    }
    // "shot back", "fired back", "pointed out", "chimed in".
    let particle = match w.as_ref() {
        "shot" | "fired" => Some("back"),
        "pointed" => Some("out"),
        "chimed" => Some("in"),
        _ => None,
    };
    if let Some(p) = particle
        && toks.get(i + 1).is_none_or(|n| n.text != p)
    {
        return None;
    }
    Some(Cue::Verb {
        participle: w.ends_with("ing"),
    })
}

/// True when the plural verb at `toks[i]` sits where a cue of a quotation
/// does: right after it ("“...,” write X"), right before it ("X write:
/// “...”"), or ending a short clause after it ("“...,” the two write.").
fn plural_cue_beside_quote(toks: &[Tok], i: usize) -> bool {
    let quote = |k: usize| toks.get(k).filter(|t| matches!(t.kind, TokKind::Quote(_)));
    let next = toks.get(i + 1);
    // Inverted after a quotation that ends its clause: "“...,” write X",
    // not "if “systemic problems” explain" or "“Celebrity Apprentice,”
    // note that he had ...".
    let closes = |q: &Tok| {
        q.text
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, ',' | '?' | '!'))
            .ends_with([',', '?', '!'])
    };
    let after = i > 0
        && (quote(i - 1).is_some_and(closes)
            || toks[i - 1].is_punct(',') && i > 1 && quote(i - 2).is_some())
        && next.is_none_or(|t| t.folded() != "that");
    // Before a quotation of a few words: "the two write: “...”", not "add
    // “solidly” to earnings".
    let before = match next {
        Some(t) if t.is_punct(':') => quote(i + 2).is_some(),
        Some(_) => quote(i + 1).is_some_and(|q| q.text.split_whitespace().count() >= 3),
        None => false,
    };
    // Ending the clause of a quotation, after its subject alone: "“...,”
    // the authors write.", not "“...” in his latest research note."
    let window = &toks[i.saturating_sub(5)..i];
    let clause_end = next.is_none_or(|t| t.is_punct('.') || t.is_punct(',') || t.is_punct(';'))
        && window.iter().any(|t| matches!(t.kind, TokKind::Quote(_)))
        && window
            .iter()
            .rev()
            .take_while(|t| !matches!(t.kind, TokKind::Quote(_)))
            .all(|t| !is_preposition(&t.folded()));
    // A noun, not a verb: "a research note “...”" (but "the authors
    // write" is a verb).
    let noun = toks[i.saturating_sub(3)..i]
        .iter()
        .rev()
        .take_while(|t| t.is_word())
        .any(|t| is_article_or_possessive(&t.folded()));
    (after || before || clause_end) && !noun
}

/// "a", "an" or a possessive: the word after it starts a noun phrase.
fn is_article_or_possessive(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
    )
}

/// Stems of the verbs that name someone something ("called him “a
/// liar”"): their object is whom they name, never who speaks.
const NAMING_VERBS: [&str; 4] = ["call", "label", "brand", "dub"];

/// Words skipped between a subject and its verb: "Smith also said",
/// "Putin told ... Monday", "Zelenskyy said late Monday".
fn is_skippable(w: &str) -> bool {
    let w = lower(w);
    matches!(
        w.as_ref(),
        "has"
            | "had"
            | "have"
            | "was"
            | "is"
            | "also"
            | "later"
            | "then"
            | "again"
            | "repeatedly"
            | "previously"
            | "once"
            | "further"
            | "flatly"
            | "simply"
            | "recently"
            | "earlier"
            | "late"
            | "early"
            | "on"
            | "last"
            | "this"
            | "week"
            | "yesterday"
            | "today"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "overnight"
            | "often"
            | "frequently"
            | "publicly"
            | "privately"
            | "bluntly"
            | "quickly"
            | "angrily"
            | "told"
            | "reportedly"
            | "would"
            | "will"
            | "may"
            | "might"
            | "could"
            | "did"
            | "does"
            | "not"
            | "never"
            | "who"
            | "himself"
            | "herself"
            | "themselves"
            | "itself"
            | "just"
            | "even"
            | "still"
            | "already"
            | "ultimately"
            | "finally"
            | "separately"
            | "privately,"
            | "tonight"
            | "openly"
            | "directly"
            | "firmly"
            | "sharply"
            | "candidly"
            | "plainly"
            | "succinctly"
            | "softly"
            | "calmly"
            | "curtly"
            | "tersely"
    ) || is_calendar_word(&w)
}

fn is_determiner(w: &str) -> bool {
    matches!(
        lower(w).as_ref(),
        "a" | "an"
            | "the"
            | "one"
            | "two"
            | "three"
            | "four"
            | "several"
            | "some"
            | "many"
            | "another"
            | "other"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
            | "most"
            | "few"
            | "both"
    )
}

fn is_definite(w: &str) -> bool {
    matches!(
        lower(w).as_ref(),
        "the" | "his" | "her" | "their" | "its" | "our" | "this" | "that" | "these" | "those"
    )
}

/// A noun phrase that may be a speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mention {
    Name {
        words: Vec<String>,
        at: usize,
    },
    Pronoun(String),
    Nominal {
        text: String,
        head: String,
        definite: bool,
    },
}

/// A quote found in a sentence, before its speaker is final.
struct Found {
    seg: Segment,
    speaker: Option<Speaker>,
    when: Option<String>,
}

/// Finds speakers and days for the quotes of one article.
struct Attributor<'a> {
    text: &'a str,
    date: Option<NaiveDate>,
    names: Names,
    /// The last person (or singular unnamed source) in subject position.
    last_person: Option<Speaker>,
    /// The last group or organisation in subject position, for "they".
    last_group: Option<Speaker>,
    /// Unnamed sources seen so far, for "the official".
    nominals: Vec<(String, Speaker)>,
    /// Speaker of the last quote of the previous paragraph, and whether that
    /// paragraph ended by handing over to the next (an open quote or a colon).
    prev_para: Option<(Speaker, bool)>,
    /// Named people mentioned so far in any position, the latest last: where
    /// "she" cannot be the last person in subject position, it is the latest
    /// woman mentioned.
    recent: Vec<Speaker>,
    /// What the article says of each person's gender, by full name.
    genders: HashMap<String, Gender>,
}

/// How many named people "he" or "she" may reach back over.
const RECENT_PEOPLE: usize = 8;

/// Full names seen in the article, by position.
#[derive(Default)]
struct Names {
    book: NameBook,
}

impl Names {
    fn scan<'a>(&mut self, text: &'a str) {
        let mut run: Vec<&str> = Vec::new();
        let flush = |run: &mut Vec<&str>, book: &mut NameBook| {
            if let Some(p) = split_role(run)
                && !p.org
                && p.name.split_whitespace().count() >= 2
            {
                // A name in capitals ("FREDERIC MISHKIN, FED GOVERNOR") is
                // kept in its usual spelling.
                if p.name.chars().any(char::is_lowercase) {
                    book.add(&p.name, p.role.as_deref());
                } else {
                    let name: Vec<String> = p.name.split_whitespace().map(title_case).collect();
                    book.add(&name.join(" "), None);
                }
            }
            run.clear();
        };
        let splits = |c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '“' | '”' | '"' | '«' | '»' | '(' | ')' | ',' | ';' | ':' | '!' | '?'
                )
        };
        let bare = |word: &'a str| -> &'a str {
            let w = word.trim_matches(|c: char| "‘’'".contains(c));
            w.strip_suffix('.')
                .filter(|x| !is_abbreviation(x))
                .unwrap_or(w)
        };
        let mut words = text.split(splits).peekable();
        let mut prev: Option<&str> = None;
        while let Some(word) = words.next() {
            let w = bare(word);
            let ends_clause = word.ends_with(['.', ',', ';', ':']) && !is_abbreviation(word);
            let next = words.peek().map(|n| bare(n));
            let named = is_name_word_between(prev, w, next);
            prev = (!ends_clause && !w.is_empty()).then_some(w);
            if !w.is_empty() && (named || is_role_word(w)) {
                run.push(w);
            } else {
                flush(&mut run, &mut self.book);
            }
            if ends_clause || word.ends_with(['“', '"']) {
                flush(&mut run, &mut self.book);
            }
        }
        flush(&mut run, &mut self.book);
    }
}

impl<'a> Attributor<'a> {
    fn new(text: &'a str, date: Option<NaiveDate>) -> Self {
        Self {
            text,
            date,
            names: Names::default(),
            last_person: None,
            last_group: None,
            nominals: Vec::new(),
            prev_para: None,
            recent: Vec::new(),
            genders: HashMap::new(),
        }
    }

    fn paragraph(&mut self, para: Range<usize>, segs: &[&Segment], out: &mut Vec<Quote>) {
        let sents = sentences(self.text, para.clone(), segs);
        let mut found: Vec<Vec<Found>> = Vec::with_capacity(sents.len());
        let mut sentence_speaker: Vec<Option<(Speaker, Option<String>)>> = Vec::new();
        // "Cruz called them on it:" then a paragraph that is all quotation:
        // the subject of the line before the colon may speak it.
        let colon = self.text[para.clone()].trim_end().ends_with(':');
        let mut intro_subject = None;
        // "Transcript as follows:": what follows is the words of whoever
        // spoke before it.
        let mut document_follows = false;
        for (si, sent) in sents.iter().enumerate() {
            let in_sent: Vec<&Segment> = segs
                .iter()
                .copied()
                .filter(|s| s.outer.start >= sent.start && s.outer.start < sent.end)
                .collect();
            let toks = tokenize(self.text, sent.clone(), &in_sent);
            let (quotes, speaker) = self.sentence(&toks, &in_sent);
            if colon && si + 1 == sents.len() && in_sent.is_empty() {
                intro_subject = intro_subject_of(&toks);
                document_follows = introduces_document(&toks);
            }
            self.note_people(&toks);
            sentence_speaker.push(speaker);
            found.push(quotes);
        }
        // Quotes with no cue of their own take the speaker of a neighbouring
        // sentence in the paragraph, or of the previous paragraph.
        let first_quote_opens_para = segs.first().is_some_and(|s| s.outer.start == para.start);
        for si in 0..found.len() {
            for qi in 0..found[si].len() {
                if found[si][qi].speaker.is_some() {
                    continue;
                }
                let from_prev = (0..si).rev().find_map(|j| sentence_speaker[j].clone());
                let from_next = sentence_speaker
                    .get(si + 1)
                    .cloned()
                    .flatten()
                    .filter(|_| found[si + 1].iter().all(|q| q.speaker.is_some()));
                let from_para = (si == 0 && qi == 0 && first_quote_opens_para)
                    .then(|| self.prev_para.clone())
                    .flatten()
                    .filter(|(_, handed_over)| *handed_over)
                    .map(|(s, _)| (s, None));
                if let Some((speaker, when)) = from_prev.or(from_next).or(from_para) {
                    let q = &mut found[si][qi];
                    q.speaker = Some(speaker);
                    if q.when.is_none() {
                        q.when = when;
                    }
                }
            }
        }
        let mut last_speaker = None;
        for q in found.into_iter().flatten() {
            let inner = &self.text[q.seg.inner.clone()];
            let said_on = match (self.date, &q.when) {
                (Some(d), Some(w)) => resolve_relative(d, w).or(Some(d)),
                (Some(d), None) => Some(d),
                _ => None,
            };
            if q.speaker.is_some() {
                last_speaker.clone_from(&q.speaker);
            }
            out.push(Quote {
                text: inner.to_string(),
                range: q.seg.inner.clone(),
                speaker: q.speaker,
                said_on,
                when: q.when,
                partial: is_partial(inner),
            });
        }
        // A paragraph hands its speaker over to the next when it quoted or
        // paraphrased someone ("Breck said he would stay." then a paragraph
        // that is all quotation), or ended on a colon ("Smith said:").
        let cue_speaker = sentence_speaker
            .iter()
            .rev()
            .flatten()
            .next()
            .map(|(s, _)| s.clone());
        let hands_over = !segs.is_empty() || cue_speaker.is_some() || colon;
        // With no verb of saying, the subject of the line before the colon
        // speaks; after "as follows:", whoever spoke before it.
        let unspoken = if last_speaker.is_some() || cue_speaker.is_some() {
            None
        } else if document_follows {
            self.prev_para.take().map(|(s, _)| s)
        } else {
            intro_subject.and_then(|m| self.resolve(m))
        };
        self.prev_para = last_speaker
            .or(cue_speaker)
            .or(unspoken)
            .map(|s| (s, hands_over));
    }

    /// Attributes the quotes of one sentence. Returns the quotes found, and
    /// the sentence's own speaker (the subject of its first cue).
    fn sentence(
        &mut self,
        toks: &[Tok],
        segs: &[&Segment],
    ) -> (Vec<Found>, Option<(Speaker, Option<String>)>) {
        // "“We'll see,” when asked": a cue with no subject in a clause of
        // time or condition gives no quotation a speaker.
        let unsaid = |i: usize| {
            i > 0
                && matches!(
                    toks[i - 1].folded().as_ref(),
                    "when" | "if" | "after" | "once" | "unless"
                )
                && matches!(
                    toks[i].folded().as_ref(),
                    "asked" | "pressed" | "questioned" | "told"
                )
        };
        let cues: Vec<(usize, Cue)> = (0..toks.len())
            .filter_map(|i| cue_of(toks, i).map(|c| (i, c)))
            .filter(|&(i, _)| !unsaid(i))
            .collect();
        let quote_positions: Vec<(usize, usize)> = toks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match t.kind {
                TokKind::Quote(q) => Some((i, q)),
                _ => None,
            })
            .collect();
        let words_outside = toks.iter().filter(|t| t.is_word()).count();
        // The sentence's own speaker: the subject of its first cue.
        let mut sentence_speaker = None;
        let mut per_cue: Vec<Option<(Speaker, Option<String>)>> = Vec::new();
        for &(ci, cue) in &cues {
            let q_before = quote_positions
                .iter()
                .rev()
                .find(|(qi, _)| *qi < ci)
                .map(|p| p.0);
            // "Nefzi said, adding, “...”": a participle after a comma takes the
            // speaker of the cue before it in the same sentence.
            let follows_cue = matches!(cue, Cue::Verb { participle: true })
                && ci > 0
                && (toks[ci - 1].is_punct(',')
                    || toks[ci - 1].folded() == "and"
                    || participle_of_clause(toks, ci))
                && per_cue.last().is_some_and(Option::is_some);
            if follows_cue {
                let earlier = per_cue.last().cloned().flatten();
                per_cue.push(earlier.map(|(s, _)| (s, time_words(toks, ci))));
                continue;
            }
            let mention = self.mention_for_cue(toks, ci, cue, q_before);
            let mut speaker = mention.and_then(|m| self.resolve(m));
            // "Peabody said: “...,” adding that ...": a participle with no
            // subject of its own continues the cue before it.
            if speaker.is_none() && matches!(cue, Cue::Verb { participle: true }) {
                speaker = per_cue.last().cloned().flatten().map(|(s, _)| s);
            }
            let when = time_words(toks, ci);
            per_cue.push(speaker.map(|s| (s, when)));
        }
        if let Some(first) = per_cue.iter().flatten().next() {
            sentence_speaker = Some(first.clone());
            // "Sanders responds that he doesn't need Dodd-Frank to tell him":
            // in reported speech the main clause's speaker stays salient,
            // not the subject of a cue inside what they said.
            if quote_positions.is_empty() && first.0.named {
                self.last_person = Some(first.0.clone());
            }
        }
        // In a sentence that quotes nobody, the person "he" or "she" will
        // mean next is its subject, not the asker in "Ryan hedged when
        // Tapper asked".
        let subordinate = |ci: usize| {
            toks[..ci]
                .iter()
                .rev()
                .take_while(|t| !t.is_punct(','))
                .any(|t| t.is_word() && is_subordinator(&t.folded()))
        };
        let first_cue_subordinate = cues.first().is_some_and(|&(ci, _)| subordinate(ci));
        // "Nikia Clarke ... is concerned about NAFTA, the pact that Trump has
        // characterized as a “disaster.”": the quotation is Trump's, but the
        // person a later "she" means is the main clause's subject.
        let first_cue_relative = !quote_positions.is_empty()
            && cues
                .first()
                .is_some_and(|&(ci, _)| in_relative_clause(toks, ci));
        if sentence_speaker.is_none()
            || (quote_positions.is_empty() && first_cue_subordinate)
            || first_cue_relative
        {
            self.note_subject(toks);
        }
        let mut out = Vec::new();
        for &(qpos, qi) in &quote_positions {
            let seg = segs[qi];
            let inner = &self.text[seg.inner.clone()];
            if is_title_context(toks, qpos) || is_work_title(toks, qpos, inner) {
                continue;
            }
            // A transcript in quotation marks names who speaks: “WALLACE:
            // Let's start ...”. The next line may be someone else's.
            if let Some(speaker) =
                transcript_label(inner, seg.inner.start).and_then(|m| self.resolve(m))
            {
                out.push(Found {
                    seg: seg.clone(),
                    speaker: Some(speaker),
                    when: None,
                });
                continue;
            }
            // A name in capitals right before the quotation labels it,
            // whatever cue the sentence has ("Following are comments from
            // analysts: JANE DOE, ECONOMIST “...”").
            if let Some(speaker) = caps_label(toks, qpos).and_then(|m| self.resolve(m)) {
                sentence_speaker = Some((speaker.clone(), None));
                out.push(Found {
                    seg: seg.clone(),
                    speaker: Some(speaker),
                    when: None,
                });
                continue;
            }
            let cue = nearest_cue(&cues, &quote_positions, qpos);
            match cue {
                Some(k) => {
                    let (speaker, when) = match &per_cue[k] {
                        Some((s, w)) => (Some(s.clone()), w.clone()),
                        None => (None, None),
                    };
                    out.push(Found {
                        seg: seg.clone(),
                        speaker,
                        when,
                    });
                }
                None => {
                    let n_words = inner.split_whitespace().count();
                    let standalone = words_outside == 0;
                    // No verb, but a name and a colon before the quote
                    // ("Pollster Daron Shaw: “...”") or a dash and a name
                    // after it ("“...” ― Pamela Padilla").
                    let book = &self.names.book;
                    let labelled = label_speaker(toks, qpos, |name| {
                        name.contains(' ') || book.resolve(name).contains(' ')
                    })
                    .or_else(|| colon_subject(toks, qpos))
                    .filter(|_| n_words >= 3)
                    .and_then(|m| self.resolve(m));
                    if labelled.is_some() {
                        out.push(Found {
                            seg: seg.clone(),
                            speaker: labelled,
                            when: None,
                        });
                    } else if standalone || (n_words >= 6 && !looks_like_title(inner)) {
                        // A long quote woven into the writer's sentence is
                        // still speech; a short one is a scare quote or a title.
                        out.push(Found {
                            seg: seg.clone(),
                            speaker: None,
                            when: None,
                        });
                    }
                }
            }
        }
        (out, sentence_speaker)
    }

    /// Records every named person of a sentence, in any position, with what
    /// their name says of their gender.
    fn note_people(&mut self, toks: &[Tok]) {
        let mut i = 0;
        while i < toks.len() {
            let starts = toks[i].is_word()
                && is_capitalized(toks[i].text)
                && (toks[i].name || is_role_word(toks[i].text));
            if !starts {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < toks.len()
                && toks[e].is_word()
                && (toks[e].name || is_role_word(toks[e].text))
                && !ends_possessive(toks[e - 1].text)
            {
                e += 1;
            }
            let words: Vec<&str> = toks[i..e].iter().map(|t| t.text).collect();
            if let Some(p) = split_role(&words)
                && !p.org
            {
                let (name, known_role) = self.resolve_name(&p.name, p.role.as_deref());
                if name.contains(' ') {
                    self.met(Speaker {
                        name,
                        role: p.role.or(known_role),
                        named: true,
                    });
                }
            }
            i = e;
        }
    }

    /// The full name for a name as written: "Ms. Khan" is not the "Humayun
    /// Khan" named earlier, whatever else the article calls Khan.
    fn resolve_name(&self, name: &str, role: Option<&str>) -> (String, Option<String>) {
        match gender_of_title(role) {
            Some(g) => self.names.book.resolve_fitting(name, |full| {
                let known = self
                    .genders
                    .get(full)
                    .copied()
                    .or_else(|| gender_of_name(full));
                known.is_none_or(|k| k == g)
            }),
            None => self.names.book.resolve_with_role(name),
        }
    }

    /// Notes a named person as the latest mentioned, learning their gender
    /// from their name or title when the article has not told it yet.
    fn met(&mut self, s: Speaker) {
        if let Some(g) = gender_of_title(s.role.as_deref()) {
            self.genders.insert(s.name.clone(), g);
        } else if !self.genders.contains_key(&s.name)
            && let Some(g) = gender_of_name(&s.name)
        {
            self.genders.insert(s.name.clone(), g);
        }
        self.recent.retain(|r| r.name != s.name);
        if self.recent.len() == RECENT_PEOPLE {
            self.recent.remove(0);
        }
        self.recent.push(s);
    }

    /// The latest named person mentioned with `head` among the words of
    /// their title ("president" for "President Barack Obama"), and the same
    /// rank: "the vice chairman" is not the chairman, nor "the chairman"
    /// the vice chairman.
    fn titled_person(&self, head: &str, described: &str) -> Option<Speaker> {
        let words = |t: &str| -> Vec<String> {
            t.split_whitespace()
                .map(|w| fold_word(w).into_owned())
                .collect()
        };
        let described = words(described);
        let rank = |ws: &[String]| -> Vec<bool> {
            ["vice", "deputy", "former", "assistant", "acting", "interim"]
                .iter()
                .map(|m| ws.iter().any(|w| w == m))
                .collect()
        };
        self.recent
            .iter()
            .rev()
            .find(|s| {
                // The title this mention gave, or the one the article first
                // gave ("Mr Obama" after "President Barack Obama").
                [s.role.as_deref(), self.names.book.role_of(&s.name)]
                    .into_iter()
                    .flatten()
                    .map(words)
                    .any(|r| r.iter().any(|w| w == head) && rank(&r) == rank(&described))
            })
            .cloned()
    }

    /// The person "he" or "she" refers to: the last person in subject
    /// position, unless their gender is known to be the other one; then the
    /// latest person mentioned whose gender fits.
    fn resolve_gendered(&mut self, want: Gender) -> Option<Speaker> {
        let last = self.last_person.clone();
        let gender = |s: &Speaker| self.genders.get(&s.name).copied();
        if last
            .as_ref()
            .is_none_or(|s| gender(s).is_none_or(|g| g == want))
        {
            // The pronoun tells the gender of a person whose name did not.
            if let Some(s) = &last
                && s.named
            {
                self.genders.entry(s.name.clone()).or_insert(want);
            }
            return last;
        }
        // "Trump" taken for the Ivanka Trump named last, then "he said": the
        // namesake of the right gender, or else the latest person who fits.
        let namesake = last.as_ref().and_then(|s| {
            let surname = s.name.split_whitespace().last()?;
            let (full, role) = self.names.book.resolve_fitting(surname, |full| {
                self.genders
                    .get(full)
                    .copied()
                    .or_else(|| gender_of_name(full))
                    == Some(want)
            });
            full.contains(' ').then_some(Speaker {
                name: full,
                role,
                named: true,
            })
        });
        let other = namesake.or_else(|| {
            self.recent
                .iter()
                .rev()
                .find(|s| gender(s) == Some(want))
                .cloned()
        });
        match other {
            Some(s) => {
                self.last_person = Some(s.clone());
                Some(s)
            }
            None => last,
        }
    }

    /// Updates the salient person from a sentence without cues.
    /// Only a name the article knows as a person's counts: "Iowa voted" or
    /// "Soon, ..." must not become what "he" refers to.
    fn note_subject(&mut self, toks: &[Tok]) {
        let Some(m) = sentence_subject(toks) else {
            return;
        };
        if let Mention::Name { words, .. } = &m {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let person = split_role(&refs).is_some_and(|p| {
                !p.org
                    && (p.role.is_some()
                        || self.names.book.resolve(&p.name).contains(' ')
                        || gender_of_first_name(&p.name).is_some())
            });
            if !person {
                return;
            }
        }
        let _ = self.resolve(m);
    }

    fn mention_for_cue(
        &self,
        toks: &[Tok],
        ci: usize,
        cue: Cue,
        q_before: Option<usize>,
    ) -> Option<Mention> {
        let m = self.cue_subject(toks, ci, cue, q_before)?;
        if matches!(m, Mention::Pronoun(_))
            && let Some(topic) = as_for_topic(toks)
        {
            return Some(topic);
        }
        if let Mention::Nominal { head, .. } = &m
            && is_document(head)
            && let Some(issuer) = issuer_of(toks, ci, head)
        {
            return Some(issuer);
        }
        Some(m)
    }

    fn cue_subject(
        &self,
        toks: &[Tok],
        ci: usize,
        cue: Cue,
        q_before: Option<usize>,
    ) -> Option<Mention> {
        if cue == Cue::According {
            return np_after(toks, ci + 2);
        }
        // "Sanders was asked by host Bill Maher, “...”": the agent speaks
        // the quotation that follows. (Without one, the sentence is about
        // its subject: "Schmidt was asked by an investor to comment".)
        if ci > 0
            && toks[ci..]
                .iter()
                .any(|t| matches!(t.kind, TokKind::Quote(_)))
            && matches!(
                toks[ci - 1].folded().as_ref(),
                "was" | "were" | "been" | "being" | "is" | "are"
            )
            && toks.get(ci + 1).is_some_and(|t| t.folded() == "by")
            && let Some(m) = np_after(toks, ci + 2)
        {
            return Some(m);
        }
        let participle = matches!(cue, Cue::Verb { participle: true });
        if participle
            && participle_of_clause(toks, ci)
            && let Some(m) = sentence_subject(toks)
        {
            return Some(m);
        }
        // "..., said Christine Link, executive director of ...": inversion
        // after a comma, the name closed by punctuation.
        let cue_word = toks[ci].folded();
        let names_someone = NAMING_VERBS.iter().any(|v| cue_word.starts_with(v));
        let takes_object = names_someone
            || ["tell", "told", "ask", "interview"]
                .iter()
                .any(|v| cue_word.starts_with(v));
        if ci > 0
            && toks[ci - 1].is_punct(',')
            && !takes_object
            && toks
                .get(ci + 1)
                .is_some_and(|t| t.is_word() && !is_preposition(&t.folded()))
            && let Some(m @ Mention::Name { .. }) = np_after(toks, ci + 1)
            && let Mention::Name { words, .. } = &m
            && words.len() >= 2
            && inverted_name_closes(toks, ci)
        {
            return Some(m);
        }
        // “…,” Smith said / “…,” he said / “…,” said Smith
        if let Some(q) = q_before {
            let between = &toks[q + 1..ci];
            if between.iter().filter(|t| t.is_word()).count() <= 8 {
                if let Some(m) = subject_before(toks, ci, q + 1) {
                    return Some(m);
                }
                if between.iter().all(|t| !t.is_word())
                    && let Some(m) = np_after(toks, ci + 1)
                {
                    return Some(m);
                }
            }
        }
        let lo = q_before.map_or(0, |q| q + 1);
        if participle
            && ci > 0
            && toks[ci - 1].is_punct(',')
            && let Some(m) = sentence_subject(toks)
        {
            return Some(m);
        }
        if let Some(m) = subject_before(toks, ci, lo) {
            return Some(m);
        }
        // Inversion inside a sentence: "..., said Omar Haddad, an analyst".
        // (What follows "called" is whom it names, never who speaks.)
        if names_someone {
            return None;
        }
        // Not the owner in the object: "described Appaloosa's plan as".
        match np_after(toks, ci + 1) {
            Some(m @ Mention::Name { .. })
                if !matches!(&m, Mention::Name { words, .. }
                    if words.last().is_some_and(|w| ends_possessive(w))) =>
            {
                Some(m)
            }
            _ => None,
        }
    }

    /// The person a line such as "- Bernie Sanders." or "— Sen. Ann Cole"
    /// names: a dash, then one to five capitalised words and nothing else.
    fn dash_label(&mut self, line: Range<usize>) -> Option<Speaker> {
        let rest = self.text[line.clone()]
            .trim()
            .strip_prefix(['-', '—', '–', '―'])?
            .trim()
            .trim_end_matches('.');
        let words: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
        let capitalised = |w: &String| w.chars().next().is_some_and(char::is_uppercase);
        if words.is_empty() || words.len() > 5 || !words.iter().all(capitalised) {
            return None;
        }
        let speaker = self.resolve(Mention::Name {
            words,
            at: line.start,
        })?;
        speaker.named.then_some(speaker)
    }

    /// Turns a mention into a speaker, updating what pronouns refer to.
    fn resolve(&mut self, m: Mention) -> Option<Speaker> {
        match m {
            Mention::Name { words, .. } => {
                let refs: Vec<&str> = words.iter().map(String::as_str).collect();
                let p = split_role(&refs)?;
                // "Analysts said": a plural noun capitalised at the start of
                // a sentence speaks for a group, and no later "he" is them.
                let folded = fold_word(&p.name);
                let group = p.role.is_none()
                    && !p.name.contains(' ')
                    && folded.ends_with('s')
                    && is_nominal_head(&folded);
                // A nationality alone ("the Sudanese called them") is no
                // person, nor a group a later "they" means.
                if p.role.is_none() && !p.name.contains(' ') && is_demonym(&folded) {
                    return Some(Speaker {
                        name: p.name,
                        role: None,
                        named: false,
                    });
                }
                if p.org || group {
                    let s = Speaker {
                        name: p.name,
                        role: p.role,
                        named: false,
                    };
                    self.last_group = Some(s.clone());
                    return Some(s);
                }
                let (name, known_role) = self.resolve_name(&p.name, p.role.as_deref());
                let s = Speaker {
                    name,
                    role: p.role.or(known_role),
                    named: true,
                };
                self.last_person = Some(s.clone());
                self.met(s.clone());
                Some(s)
            }
            Mention::Pronoun(p) => match p.as_str() {
                "he" | "she" => self.resolve_gendered(Gender::of_pronoun(&p)?),
                "they" => self.last_group.clone(),
                _ => None,
            },
            Mention::Nominal {
                text,
                head,
                definite,
            } => {
                let singular = !head.ends_with('s') || head.ends_with("ss");
                let earlier = self
                    .nominals
                    .iter()
                    .rev()
                    .find(|(h, _)| *h == head)
                    .map(|(_, s)| s.clone());
                // "The former secretary of state said": a definite title
                // with no unnamed source before it describes the person
                // the story is about.
                let describes_person = definite
                    && earlier.is_none()
                    && is_person_title(&head)
                    && self.last_person.as_ref().is_some_and(|p| p.named);
                if describes_person {
                    return self.last_person.clone();
                }
                // "the president said" after "President Barack Obama": the
                // latest person the article gave that title, though someone
                // else was the subject in between ("the man sat before me").
                if definite
                    && earlier.is_none()
                    && is_person_title(&head)
                    && let Some(p) = self.titled_person(&head, &text)
                {
                    self.last_person = Some(p.clone());
                    return Some(p);
                }
                let speaker = match earlier {
                    Some(s) if definite => s,
                    _ => {
                        let s = Speaker {
                            name: text,
                            role: None,
                            named: false,
                        };
                        self.nominals.push((head.clone(), s.clone()));
                        s
                    }
                };
                // "The board said" speaks for an organisation: a later "he"
                // or "she" is not the board.
                if !singular {
                    self.last_group = Some(speaker.clone());
                } else if !is_org_word(&head) {
                    self.last_person = Some(speaker.clone());
                }
                Some(speaker)
            }
        }
    }
}

/// True when the cue at `ci` is the verb of a relative clause: "the pact
/// that Trump has characterized as", "a plan which the mayor called". The
/// relative pronoun follows a noun; after a verb ("warned that") it opens
/// reported speech instead.
fn in_relative_clause(toks: &[Tok], ci: usize) -> bool {
    let clause = toks[..ci]
        .iter()
        .rposition(|t| !t.is_word())
        .map_or(0, |p| p + 1);
    (clause.max(1)..ci).any(|k| {
        let before = &toks[k - 1];
        matches!(toks[k].folded().as_ref(), "that" | "which")
            && before.is_word()
            && !is_capitalized(before.text)
            && cue_of(toks, k - 1).is_none()
            && !is_preposition(&before.folded())
            && !matches!(
                before.folded().as_ref(),
                "so" | "now"
                    | "such"
                    | "said"
                    | "says"
                    | "say"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "believe"
                    | "believes"
                    | "think"
                    | "thinks"
                    | "hope"
                    | "know"
                    | "knows"
                    | "felt"
                    | "feel"
                    | "feels"
                    | "argue"
                    | "argues"
                    | "showed"
                    | "shows"
                    | "found"
                    | "added"
                    | "noted"
                    | "and"
                    | "but"
                    | "not"
            )
    })
}

/// Words that open a subordinate clause: "when Tapper asked".
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "when" | "as" | "after" | "while" | "before" | "if" | "because" | "since" | "until"
    )
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "on"
            | "at"
            | "in"
            | "to"
            | "for"
            | "with"
            | "about"
            | "from"
            | "after"
            | "before"
            | "during"
            | "by"
            | "into"
            | "over"
            | "under"
    )
}

/// After a cue at `ci`: the words up to the next comma or the sentence's end
/// only name someone ("said Christine Link of the ACLU,"), unlike "said John
/// Smith was wrong" or "said Ivanka Trump's statement".
fn inverted_name_closes(toks: &[Tok], ci: usize) -> bool {
    for (k, t) in toks.iter().enumerate().skip(ci + 1) {
        match t.kind {
            TokKind::Word => {
                let f = t.folded();
                let in_name =
                    t.name || is_role_word(t.text) || is_determiner(t.text) || is_preposition(&f);
                if !in_name || ends_possessive(t.text) || cue_of(toks, k).is_some() {
                    return false;
                }
            }
            TokKind::Punct => return t.is_punct(',') || t.is_punct('.') || t.is_punct('('),
            TokKind::Quote(_) => return false,
        }
    }
    true
}

/// The cue a quote belongs to: the nearest one, counted in tokens, that no
/// other quote stands closer to on the same side.
fn nearest_cue(cues: &[(usize, Cue)], quotes: &[(usize, usize)], qpos: usize) -> Option<usize> {
    cues.iter()
        .enumerate()
        .filter(|(_, (ci, _))| {
            // Another quote between this one and the cue, that is itself
            // closer to the cue, takes the cue first only if this quote has
            // no other: "“A,” she said, “B.”" gives both to "she".
            let (lo, hi) = if *ci < qpos { (*ci, qpos) } else { (qpos, *ci) };
            quotes.iter().filter(|(p, _)| *p > lo && *p < hi).count() <= 1
        })
        .min_by_key(|(_, (ci, _))| {
            let d = ci.abs_diff(qpos);
            // Attribution after the quote is the most common order.
            if *ci > qpos { d * 2 } else { d * 2 + 1 }
        })
        .map(|(k, _)| k)
}

/// The subject of a cue verb, searched leftwards from `ci` down to `lo`.
fn subject_before(toks: &[Tok], ci: usize, lo: usize) -> Option<Mention> {
    let mut j = ci;
    let mut steps = 0;
    while j > lo {
        j -= 1;
        steps += 1;
        if steps > 30 {
            return None;
        }
        let t = &toks[j];
        match t.kind {
            TokKind::Quote(_) => return None,
            TokKind::Punct => {
                if t.is_punct(',') {
                    // Appositive: "Smith, an analyst at X, said" or
                    // "the company's chief, John Smith, said".
                    let prev_comma = (lo..j).rev().take(30).find(|&k| toks[k].is_punct(','));
                    if let Some(k) = prev_comma {
                        let seg = &toks[k + 1..j];
                        if !seg.is_empty() && seg.iter().all(|t| t.is_word() && t.name) {
                            // Unless it is the end of a home town: "Harry
                            // Lunde, 30, of Rostal, N.C., said".
                            let m = np_at(toks, j - 1, k + 1);
                            if m.as_ref().is_some_and(names_person) {
                                return m;
                            }
                            return person_before_asides(toks, j, lo).or(m);
                        }
                        // Anything else between the commas describes the
                        // subject before them: skip it.
                        if !seg.is_empty()
                            && seg.iter().all(|t| !matches!(t.kind, TokKind::Quote(_)))
                        {
                            // Appositives stack: "J.J. Goldberg, editor at
                            // large of The Forward, an influential paper,".
                            let mut kk = k;
                            while let Some(k2) =
                                (lo..kk).rev().take(30).find(|&x| toks[x].is_punct(','))
                            {
                                if looks_appositive(&toks[k2 + 1..kk]) {
                                    kk = k2;
                                } else {
                                    break;
                                }
                            }
                            // "Harry Lunde, 30, of Rostal, N.C., who ...,
                            // said": the asides end in a town, not a person.
                            if kk > lo
                                && toks[kk - 1].is_word()
                                && !np_at(toks, kk - 1, lo).is_some_and(|m| names_person(&m))
                                && let Some(m) = person_before_asides(toks, kk, lo)
                            {
                                return Some(m);
                            }
                            j = kk;
                            continue;
                        }
                    }
                    if steps > 1 {
                        return None;
                    }
                    continue;
                }
                // "Harry M. Reid (D-Nev.) said": step over the parentheses.
                if t.is_punct(')') {
                    if let Some(open) = (lo..j).rev().take(12).find(|&k| toks[k].is_punct('(')) {
                        j = open;
                    }
                    continue;
                }
                // "John Dickey, the chief executive of Ora Media -- the
                // company that owns the show -- told me": step over an aside
                // between dashes right before the verb, when it describes
                // ("the company ...", "who ...") rather than names ("-- Bob
                // Casey and Debbie Stabenow -- said").
                if is_dash(t)
                    && steps <= 2
                    && let Some(open) = (lo..j.saturating_sub(1))
                        .rev()
                        .take(40)
                        .find(|&k| is_dash(&toks[k]) && !(k > lo && is_dash(&toks[k - 1])))
                    && toks[open + 1..j]
                        .iter()
                        .find(|t| !is_dash(t))
                        .is_some_and(|t| t.is_word() && t.text.starts_with(char::is_lowercase))
                {
                    j = open;
                    continue;
                }
                if t.is_punct(';') || t.is_punct(':') || t.is_punct('(') {
                    return None;
                }
                continue;
            }
            TokKind::Word => {
                let f = t.folded();
                if is_subject_pronoun(&f) {
                    return Some(Mention::Pronoun(f.into_owned()));
                }
                if (t.name || is_nominal_head(&f))
                    && let Some(m) = np_at(toks, j, lo)
                {
                    let start = np_start(toks, j, lo);
                    // "David Albright and Serena Kelleher-Vergantini of
                    // the Institute wrote": the first of the pair.
                    let person = person_before_prep(toks, start, lo)
                        .map(|p| {
                            let from = match &p {
                                Mention::Name { at, .. } => {
                                    toks.iter().position(|t| t.start == *at)
                                }
                                _ => None,
                            };
                            from.and_then(|from| first_of_pair(toks, &p, from, lo))
                                .unwrap_or(p)
                        })
                        .or_else(|| person_before_org(toks, &m, start, lo))
                        .or_else(|| first_of_pair(toks, &m, start, lo));
                    return Some(person.unwrap_or(m));
                }
                // "Boreing said ..., but said, “...”": the subject is the
                // sentence's own.
                if matches!(f.as_ref(), "and" | "but" | "then") && steps <= 3 {
                    return sentence_subject(toks);
                }
                // "Nate Silver, the polling guru who founded the site,
                // tweeted": the person the relative clause describes.
                if f == "who"
                    && steps > 1
                    && let Some(m) = person_before_who(toks, j, lo)
                {
                    return Some(m);
                }
                if f == "that" || f == "which" || f == "and" && steps > 1 {
                    return None;
                }
                if is_skippable(t.text) {
                    continue;
                }
            }
        }
    }
    None
}

/// A dash between words: "—", "–", or one of the hyphens of "--".
fn is_dash(t: &Tok) -> bool {
    t.is_punct('—') || t.is_punct('–') || t.is_punct('-')
}

/// A participle cue at `ci` whose subject is the clause's, not the noun
/// just before it: after "before", "after", "while" ("sings to Clinton
/// before asking her"), or when that noun is the object of a preposition
/// of place or direction ("wrote in a statement to the Courier
/// explaining").
fn participle_of_clause(toks: &[Tok], ci: usize) -> bool {
    let Some(prev) = ci.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    if !prev.is_word() {
        return false;
    }
    if matches!(
        prev.folded().as_ref(),
        "before" | "after" | "while" | "without" | "by"
    ) {
        return true;
    }
    let Some(j) = (0..ci)
        .rev()
        .take(4)
        .take_while(|&j| toks[j].is_word())
        .find(|&j| toks[j].name || is_nominal_head(&toks[j].folded()))
    else {
        return false;
    };
    // Not "with Ramirez saying" or "about Robertson declaring" (whose
    // subject is the noun), nor "a spokesman for the firm saying" (one
    // noun phrase).
    let start = np_start(toks, j, 0);
    start > 0
        && toks[start - 1].is_word()
        && matches!(
            toks[start - 1].folded().as_ref(),
            "to" | "at" | "in" | "on" | "from" | "into" | "over" | "under" | "during"
        )
}

/// Where the noun phrase ending at `toks[j]` starts: over names, titles and
/// one "the" before them.
fn np_start(toks: &[Tok], j: usize, lo: usize) -> usize {
    let mut k = j;
    while k > lo {
        let p = &toks[k - 1];
        let in_name = p.is_word()
            && (p.name || is_role_word(p.text))
            && !ends_possessive(p.text)
            && !is_preposition(&p.folded());
        if !in_name {
            break;
        }
        k -= 1;
    }
    if k > lo && toks[k - 1].folded() == "the" {
        k -= 1;
    }
    k
}

/// Who issued the document `head` named before the cue at `ci`: "Disney
/// in a statement said", "Philip Morris USA issued a statement on Monday
/// saying". The document's words are theirs.
fn issuer_of(toks: &[Tok], ci: usize, head: &str) -> Option<Mention> {
    let doc = (0..ci)
        .rev()
        .find(|&k| toks[k].is_word() && toks[k].folded() == head)?;
    // Back over the document's determiner and adjectives ("a brief").
    let mut k = doc;
    while k > 0 && doc - k < 4 && toks[k - 1].is_word() && !is_capitalized(toks[k - 1].text) {
        k -= 1;
        let f = toks[k].folded();
        let issued = matches!(
            f.as_ref(),
            "in" | "issued" | "released" | "posted" | "published" | "sent" | "emailed"
        );
        if issued {
            if k == 0 {
                return None;
            }
            // "Thiel wrote in a statement", "as Jeff Weiner put it in his
            // memo": the subject of the verb before "in" wrote it.
            let verb = (k.saturating_sub(3)..k).rev().find(|&j| {
                cue_of(toks, j).is_some() && toks[j + 1..k].iter().all(|t| t.text == "it")
            });
            if f == "in"
                && let Some(v) = verb
            {
                return subject_before(toks, v, 0);
            }
            // "Trump, who ..., issued a statement": over the asides to the
            // subject of the issuing verb.
            let before = toks[k - 1]
                .is_word()
                .then(|| np_at(toks, k - 1, 0))
                .flatten();
            let m = match before {
                Some(m) => m,
                None if f != "in" => subject_before(toks, k, 0)?,
                None => return None,
            };
            let Mention::Name { words, .. } = &m else {
                return None;
            };
            // Not a subhead in capitals ("KEY POINTS").
            let shouting = words.iter().all(|w| shouts(w));
            return (!shouting && !is_determiner(toks[k - 1].text)).then_some(m);
        }
    }
    None
}

/// A document that says something: "statement", "letter".
fn is_document(head: &str) -> bool {
    matches!(
        head,
        "statement" | "letter" | "memo" | "note" | "email" | "release" | "filing"
    )
}

/// A person who speaks for an organisation: "spokesman", "officials",
/// "aide", not the organisation itself ("ministry") or a document
/// ("report").
fn speaks_for_others(head: &str) -> bool {
    // Singular and plural: "aide", "aides".
    let stem = head.strip_suffix('s').unwrap_or(head);
    head.starts_with("spokes")
        || matches!(
            stem,
            "official"
                | "aide"
                | "adviser"
                | "advisor"
                | "representative"
                | "executive"
                | "lawyer"
                | "attorney"
                | "source"
        )
}

/// "James Pethokoukis of the American Enterprise Institute wrote": the
/// person before "of", "from" or "at" speaks, not their employer or town.
/// The employer's name may itself run over "for", "of" or "and" ("Tomas
/// Rigby of the Halvard Center for Nonproliferation Studies said").
fn person_before_prep(toks: &[Tok], mut start: usize, lo: usize) -> Option<Mention> {
    for _ in 0..3 {
        // "of Washington's Institute for Science": the owner's name is part
        // of the employer's.
        let owner = start.checked_sub(1).filter(|&o| o >= lo).map(|o| &toks[o]);
        if owner.is_some_and(|o| o.is_word() && is_capitalized(o.text) && ends_possessive(o.text)) {
            start -= 1;
        }
        if start < lo + 2 {
            return None;
        }
        let prep = toks[start - 1].folded();
        let before = &toks[start - 2];
        let capital = before.is_word() && is_capitalized(before.text) && before.name;
        // Not a possessive's thing: "the SEC's Division of Enforcement".
        let owned = || {
            let np = np_start(toks, start - 2, lo);
            np > lo && ends_possessive(toks[np - 1].text)
        };
        if matches!(prep.as_ref(), "of" | "from" | "at")
            && capital
            && !is_role_word(before.text)
            && !owned()
            && let Some(m) = np_at(toks, start - 2, lo).filter(names_person)
        {
            return Some(m);
        }
        if !(capital && matches!(prep.as_ref(), "for" | "of" | "and" | "&")) {
            return None;
        }
        start = np_start(toks, start - 2, lo);
    }
    None
}

/// "Senate leader Phil Berger and House Speaker Tim Moore said": two people
/// speak as one; the first named stands for both.
fn first_of_pair(toks: &[Tok], m: &Mention, start: usize, lo: usize) -> Option<Mention> {
    if start < lo + 2 || toks[start - 1].folded() != "and" || !names_person(m) {
        return None;
    }
    let first = np_at(toks, start - 2, lo)?;
    let Mention::Name { words, .. } = &first else {
        return None;
    };
    // Both a person's full name, not a title ("President and Chief
    // Executive Abhi Talwalkar") nor part of an office's name ("Housing and
    // Urban Development").
    let p = split_role(&words.iter().map(String::as_str).collect::<Vec<_>>())?;
    let name: Vec<&str> = p.name.split_whitespace().collect();
    let person = !p.org
        && name.len() >= 2
        && is_given_name(name[0])
        && name
            .iter()
            .all(|w| !is_role_word(w) && w.chars().any(char::is_lowercase));
    person.then_some(first)
}

/// The person a relative clause at `who_at` describes: the name right before
/// it ("Katie Packer, who ...") or before a description that comes first
/// ("Nate Silver, the polling guru who ...").
fn person_before_who(toks: &[Tok], who_at: usize, lo: usize) -> Option<Mention> {
    let comma = (lo..who_at)
        .rev()
        .take(8)
        .find(|&k| toks[k].is_punct(','))?;
    let between = &toks[comma + 1..who_at];
    let described =
        between.is_empty() || between.iter().all(|t| t.is_word()) && is_determiner(between[0].text);
    if comma == 0 || !described {
        return None;
    }
    np_at(toks, comma - 1, lo).filter(names_person)
}

/// "Harry Lunde, 30, of Rostal, N.C., who ...": the person named before
/// asides of age and home town, read back from the comma at `comma`.
fn person_before_asides(toks: &[Tok], comma: usize, lo: usize) -> Option<Mention> {
    let number = |t: &Tok| t.is_word() && t.text.bytes().all(|b| b.is_ascii_digit());
    let mut k = comma;
    for _ in 0..12 {
        if k <= lo {
            return None;
        }
        k -= 1;
        let t = &toks[k];
        let aside = t.is_punct(',')
            || number(t)
            || t.is_word()
                && (is_capitalized(t.text) || matches!(t.folded().as_ref(), "of" | "from" | "in"));
        if !aside {
            return None;
        }
        // A name that ends right before one of the asides' commas.
        if k > lo && t.is_punct(',') && toks[k - 1].is_word() && is_capitalized(toks[k - 1].text) {
            let follows_aside = toks.get(k + 1).is_some_and(|n| {
                number(n) || n.is_word() && matches!(n.folded().as_ref(), "of" | "from")
            });
            if follows_aside && let Some(m) = np_at(toks, k - 1, lo).filter(names_person) {
                return Some(m);
            }
        }
    }
    None
}

/// A name mention that names a person, not an organisation.
fn names_person(m: &Mention) -> bool {
    let Mention::Name { words, .. } = m else {
        return false;
    };
    split_role(&words.iter().map(String::as_str).collect::<Vec<_>>()).is_some_and(|p| !p.org)
}

/// "Anthony Anton, president and CEO of Washington Restaurant Association
/// stated" or "Katie Packer, who is chairman of Our Principles PAC said": an
/// appositive or relative clause that lacks its closing comma. What was
/// found as the subject (`m`, starting at `start`) is inside it, and the
/// person named before the comma speaks.
fn person_before_org(toks: &[Tok], m: &Mention, start: usize, lo: usize) -> Option<Mention> {
    let comma = (lo..start)
        .rev()
        .take(10)
        .find(|&k| toks[k].is_punct(','))?;
    let clause = &toks[comma + 1..start];
    if comma == 0 || !clause.iter().all(|t| t.is_word()) {
        return None;
    }
    // An organisation found as the subject gives way to the person; any
    // other subject only after "who ..." or "the ..." opened a clause.
    let org = matches!(m, Mention::Name { .. }) && !names_person(m);
    let opens_clause = clause
        .first()
        .is_some_and(|t| t.folded() == "who" || is_determiner(t.text));
    if !(org || opens_clause && !matches!(m, Mention::Pronoun(_))) {
        return None;
    }
    match np_at(toks, comma - 1, lo)? {
        Mention::Name { words, at } => {
            let p = split_role(&words.iter().map(String::as_str).collect::<Vec<_>>())?;
            (!p.org && p.name.contains(' ')).then_some(Mention::Name { words, at })
        }
        _ => None,
    }
}

/// The noun phrase whose last word is `toks[j]`, reaching no further left
/// than `lo`.
fn np_at(toks: &[Tok], j: usize, lo: usize) -> Option<Mention> {
    let t = &toks[j];
    let f = t.folded();
    if is_subject_pronoun(&f) {
        return Some(Mention::Pronoun(f.into_owned()));
    }
    if matches!(f.as_ref(), "himself" | "herself") && j > lo {
        return np_at(toks, j - 1, lo);
    }
    if t.name && is_capitalized(t.text) {
        let mut k = j;
        while k > lo {
            let p = &toks[k - 1];
            if p.is_word() && (p.name || is_role_word(p.text)) && !ends_possessive(p.text) {
                k -= 1;
            } else {
                break;
            }
        }
        // "a spokesman for Smith": the speaker is the spokesman.
        if k >= lo + 2
            && matches!(toks[k - 1].folded().as_ref(), "for" | "of" | "to")
            && let Some(m @ Mention::Nominal { .. }) = np_at(toks, k - 2, lo)
        {
            return Some(m);
        }
        // "a spokesperson for the Department of Health": a person who
        // speaks for an organisation, whose name may run over "of", "for"
        // and "and".
        let mut employer = k;
        while employer >= lo + 2
            && matches!(
                toks[employer - 1].folded().as_ref(),
                "of" | "for" | "and" | "&"
            )
            && toks[employer - 2].is_word()
            && is_capitalized(toks[employer - 2].text)
            && toks[employer - 2].name
        {
            employer = np_start(toks, employer - 2, lo);
            if toks[employer].folded() == "the" {
                employer += 1;
            }
        }
        if employer >= lo + 3
            && toks[employer - 1].folded() == "the"
            && matches!(toks[employer - 2].folded().as_ref(), "for" | "of" | "to")
            && let Some(m @ Mention::Nominal { .. }) = np_at(toks, employer - 3, lo)
            && matches!(&m, Mention::Nominal { head, .. } if speaks_for_others(head))
        {
            return Some(m);
        }
        let mut words: Vec<String> = toks[k..=j].iter().map(|t| t.text.to_string()).collect();
        // Sentence-initial capitals that are not names.
        while words
            .first()
            .is_some_and(|w| is_stop_capital(&fold_word(w)))
        {
            words.remove(0);
        }
        if words.is_empty() {
            return None;
        }
        // "the Kremlin", "the White House": an organisation.
        if k > lo
            && toks[k - 1].folded() == "the"
            && let Some(p) = split_role(&words.iter().map(String::as_str).collect::<Vec<_>>())
            && p.role.is_none()
        {
            return Some(Mention::Nominal {
                head: p.name.to_lowercase(),
                text: p.name,
                definite: true,
            });
        }
        return Some(Mention::Name {
            words,
            at: toks[k].start,
        });
    }
    if is_nominal_head(&f) {
        let mut k = j;
        let mut det = None;
        while k > lo && j - k < 7 {
            let p = &toks[k - 1];
            if !p.is_word() {
                // "the company's" keeps going through the possessive.
                break;
            }
            let pf = p.folded();
            if is_determiner(p.text) {
                det = Some(pf);
                k -= 1;
                break;
            }
            // Nor "But" or "However" that opens the sentence, nor "Last
            // week" ("Last week China's top leaders said").
            let time = matches!(pf.as_ref(), "week" | "month" | "year" | "night" | "weekend")
                && k >= 2
                && matches!(toks[k - 2].folded().as_ref(), "last" | "next" | "this");
            // ", and White House spokespeople would say": a conjunction
            // after a comma joins two clauses, not two nouns.
            let clause_joint = matches!(pf.as_ref(), "and" | "or" | "but" | "nor" | "yet")
                && (k - 1 == lo || !toks[k - 2].is_word());
            if cue_of(toks, k - 1).is_some()
                || is_subject_pronoun(&pf)
                || pf == "that"
                || k - 1 == 0 && is_stop_capital(&pf)
                || time
                || clause_joint
            {
                break;
            }
            // "his memo to employees": the head is the noun before the
            // preposition.
            if let Some(m) = nominal_over_prep(toks, k, j, lo, true) {
                return Some(m);
            }
            k -= 1;
        }
        // "a spokeswoman for the agency": extend over the preposition.
        if det.is_some()
            && let Some(m) = nominal_over_prep(toks, k, j, lo, false)
        {
            return Some(m);
        }
        let words: Vec<&str> = toks[k..=j].iter().map(|t| t.text).collect();
        let definite = det.as_deref().is_some_and(is_definite) || det.is_none();
        let text = strip_article(&words.join(" "));
        return Some(Mention::Nominal {
            text,
            head: f.into_owned(),
            definite,
        });
    }
    None
}

/// The noun phrase before the preposition at `k - 1`, extended over it to
/// `j`: "a spokeswoman for the agency", "his memo to employees" (`to` only
/// when `to` is set). Its head stays the noun before the preposition.
fn nominal_over_prep(toks: &[Tok], k: usize, j: usize, lo: usize, to: bool) -> Option<Mention> {
    if k < lo + 2 {
        return None;
    }
    let prep = toks[k - 1].folded();
    if !(matches!(prep.as_ref(), "for" | "of" | "at" | "from" | "with") || to && prep == "to") {
        return None;
    }
    let Some(Mention::Nominal {
        text,
        head,
        definite,
    }) = np_at(toks, k - 2, lo)
    else {
        return None;
    };
    let tail: Vec<&str> = toks[k - 1..=j].iter().map(|t| t.text).collect();
    Some(Mention::Nominal {
        text: format!("{text} {}", tail.join(" ")),
        head,
        definite,
    })
}

/// A speaker named without a verb: "Daron Shaw: “...”" or "“...” ― Pamela
/// Padilla". Only person names count; "The lesson: “...”" does not.
fn label_speaker(toks: &[Tok], qpos: usize, known: impl Fn(&str) -> bool) -> Option<Mention> {
    // "Rep. Trey Gowdy (R-S.C.): “...”": the label may end in parentheses.
    let mut end = qpos.checked_sub(2);
    if let Some(e) = end.filter(|&e| toks[qpos - 1].is_punct(':') && toks[e].is_punct(')')) {
        end = (0..e)
            .rev()
            .take(12)
            .find(|&k| toks[k].is_punct('('))
            .and_then(|k| k.checked_sub(1));
    }
    let colon = qpos >= 2 && toks[qpos - 1].is_punct(':');
    let before = colon.then(|| end.and_then(|e| np_at(toks, e, 0))).flatten();
    // "KATHY JONES, FIXED-INCOME STRATEGIST, CHARLES SCHWAB, NEW YORK: “...”":
    // a label of comma-separated parts names the person first.
    let first_part = colon
        .then(|| {
            let mut start = qpos - 1;
            while start > 0
                && qpos - 1 - start < 30
                && !matches!(toks[start - 1].kind, TokKind::Quote(_))
                && !['.', '!', '?', ';']
                    .iter()
                    .any(|&p| toks[start - 1].is_punct(p))
            {
                start -= 1;
            }
            let comma = (start..qpos - 1).find(|&k| toks[k].is_punct(','))?;
            (comma > start)
                .then(|| np_at(toks, comma - 1, start))
                .flatten()
        })
        .flatten();
    let after = toks
        .get(qpos + 1)
        .filter(|t| t.is_punct('―') || t.is_punct('—') || t.is_punct('–'))
        .and_then(|_| np_after(toks, qpos + 2));
    let person = |m: &Mention| match m {
        Mention::Name { words, .. } => {
            split_role(&words.iter().map(String::as_str).collect::<Vec<_>>())
                .is_some_and(|p| !p.org && known(&p.name))
        }
        _ => false,
    };
    [first_part, before, after]
        .into_iter()
        .flatten()
        .find(person)
}

/// "GEOFFREY YU, FX STRATEGIST, UBS, LONDON “...”" or "SIMON WILLIS AT
/// NCB STOCKBROKER “...”": wire copy's lists of comments put each speaker
/// in capitals right before the quotation. The label's first part (up to a
/// comma or "AT") is a person's name when it is two to four words and the
/// first is a given name; subheads in capitals ("BID SPECULATION") are not.
fn caps_label(toks: &[Tok], qpos: usize) -> Option<Mention> {
    if qpos == 0 {
        return None;
    }
    let shouting = |t: &Tok| t.is_word() && shouts(t.text);
    // "..., SUNCORP METWAY (owns BHP and Rio shares) “...”": an aside in
    // parentheses may end the label.
    let mut end_of_label = qpos;
    if toks[qpos - 1].is_punct(')')
        && let Some(open) = (qpos.saturating_sub(16)..qpos - 1)
            .rev()
            .find(|&k| toks[k].is_punct('('))
    {
        end_of_label = open;
    }
    let mut start = end_of_label;
    while start > 0
        && end_of_label - start < 20
        && (shouting(&toks[start - 1])
            || [',', '&', '(', ')', '.']
                .iter()
                .any(|&c| toks[start - 1].is_punct(c)))
    {
        start -= 1;
    }
    // The label ends right before the quotation: "..., UBS, LONDON “...”"
    // or "CITIGROUP (ON SOVEREIGN WEALTH FUNDS) “...”".
    while start < end_of_label && !toks[start].is_word() {
        start += 1;
    }
    if start == end_of_label || end_of_label == 0 {
        return None;
    }
    let last = &toks[end_of_label - 1];
    if !shouting(last) && !last.is_punct(',') && !last.is_punct(')') {
        return None;
    }
    let end = (start..end_of_label)
        .find(|&k| toks[k].is_punct(',') || matches!(toks[k].text, "AT" | "OF" | "FROM"))
        .unwrap_or(end_of_label);
    let words: Vec<String> = toks[start..end]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| title_case(t.text))
        .collect();
    let person = (2..=4).contains(&words.len())
        && end - start == words.len()
        && is_given_name(&words[0])
        && words.iter().all(|w| is_name_word(w) && !is_role_word(w));
    person.then(|| Mention::Name {
        words,
        at: toks[start].start,
    })
}

/// A word in capitals: letters, none of them lower case ("KEY", "UBS").
fn shouts(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// The speaker's label that opens a line of transcript: "WALLACE:", "MR.
/// PENCE:" (one or two words in capitals before a colon), title-cased;
/// not "NOTE:" or "UPDATE:".
fn transcript_label(inner: &str, at: usize) -> Option<Mention> {
    let (head, _) = inner.split_once(':')?;
    let words: Vec<&str> = head.split_whitespace().collect();
    let shouted = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let last = *words.last()?;
    let notice = matches!(
        last.trim_end_matches('.'),
        "NOTE"
            | "UPDATE"
            | "UPDATED"
            | "BREAKING"
            | "WARNING"
            | "EDITOR"
            | "CORRECTION"
            | "CLARIFICATION"
            | "EXCLUSIVE"
            | "ANALYSIS"
            | "OPINION"
            | "PHOTO"
            | "PHOTOS"
            | "VIDEO"
            | "WATCH"
            | "READ"
            | "QUESTION"
            | "ANSWER"
            | "SOURCE"
            | "SOURCES"
            | "AP"
            | "UPI"
            | "AFP"
    );
    if words.len() > 2 || !words.iter().all(shouted) || notice || last.chars().count() < 3 {
        return None;
    }
    let words: Vec<String> = words.iter().map(|w| title_case(w)).collect();
    if !words.iter().all(|w| is_name_word(w)) {
        return None;
    }
    Some(Mention::Name { words, at })
}

/// "JEONG-TAE" as "Jeong-Tae", "O'NEILL" as "O'Neill".
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut upper = true;
    for c in w.chars() {
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper = !c.is_alphanumeric();
    }
    out
}

/// "Mitch McConnell delivered a blunt message to Trump: “...”": with no
/// speech verb, a short clause ending in a colon gives the quote to its
/// subject, when that is a person.
fn colon_subject(toks: &[Tok], qpos: usize) -> Option<Mention> {
    if qpos < 3 || !toks[qpos - 1].is_punct(':') {
        return None;
    }
    intro_subject_of(&toks[..qpos - 1])
}

/// The person who speaks after a clause that introduces a quotation with a
/// colon but no verb of saying ("Holt had a warning for the council"): its
/// subject, when a short clause has a person or a pronoun there.
fn intro_subject_of(clause: &[Tok]) -> Option<Mention> {
    let clause = match clause.last() {
        Some(t) if t.is_punct(':') => &clause[..clause.len() - 1],
        _ => clause,
    };
    let words = clause.iter().filter(|t| t.is_word()).count();
    if !(2..=20).contains(&words) || clause.iter().any(|t| matches!(t.kind, TokKind::Quote(_))) {
        return None;
    }
    if introduces_document(clause) {
        return None;
    }
    sentence_subject(clause).filter(|m| matches!(m, Mention::Pronoun(_)) || names_person(m))
}

/// "Partial transcript as follows:", "The text reads as follows:": a
/// document comes, not a person's words.
fn introduces_document(clause: &[Tok]) -> bool {
    clause.iter().any(|t| t.folded() == "follows")
}

/// Head nouns of titles that describe a named person in news copy ("the
/// senator", "the former secretary of state", "the front-runner").
fn is_person_title(head: &str) -> bool {
    matches!(
        head,
        "secretary"
            | "president"
            | "candidate"
            | "senator"
            | "nominee"
            | "governor"
            | "mayor"
            | "minister"
            | "chairman"
            | "chairwoman"
            | "leader"
            | "front-runner"
            | "frontrunner"
            | "billionaire"
            | "businessman"
            | "businesswoman"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "mogul"
            | "star"
            | "premier"
            | "chancellor"
            | "hopeful"
            | "coach"
            | "ceo"
            | "founder"
            | "author"
            | "actor"
            | "actress"
            | "singer"
            | "democrat"
            | "republican"
            | "incumbent"
            | "challenger"
            | "contender"
            | "rival"
    )
}

/// A comma-bounded phrase that describes what stands before it: it starts
/// with a lower-case word, a determiner or a title.
fn looks_appositive(seg: &[Tok]) -> bool {
    let Some(first) = seg.iter().find(|t| t.is_word()) else {
        return false;
    };
    // "as Tom Ridge" opens a clause; it does not describe.
    let f = first.folded();
    if is_subordinator(&f) || matches!(f.as_ref(), "and" | "but" | "or") {
        return false;
    }
    // "Col. Steven H. Warren" and "Mr. Frum" are titled names, not
    // descriptions.
    let names = seg
        .iter()
        .filter(|t| t.is_word() && t.name && !is_role_word(t.text))
        .count();
    let honorific = is_honorific(first.folded().trim_end_matches('.'));
    let titled_name = seg.iter().all(|t| {
        t.is_punct('.') || t.is_word() && is_capitalized(t.text) && (t.name || is_role_word(t.text))
    }) && (names >= 2 || honorific && names == 1);
    if titled_name {
        return false;
    }
    !is_capitalized(first.text) || is_determiner(first.text) || is_role_word(first.text)
}

fn ends_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

fn strip_article(s: &str) -> String {
    for a in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = s.strip_prefix(a) {
            return rest.to_string();
        }
    }
    s.to_string()
}

/// True when the title words from `from` on ("State John Kerry", "Public
/// Affairs Maria Lopez", "America Securities analyst Robert Stallard") reach
/// a person's name: a given name, then a capitalised word.
fn person_named_ahead(toks: &[Tok], from: usize) -> bool {
    let mut m = from;
    while m + 1 < toks.len() && m - from < 8 && toks[m].is_word() {
        let t = &toks[m];
        if is_capitalized(t.text) && is_given_name(t.text) {
            let next = &toks[m + 1];
            return next.is_word() && is_capitalized(next.text);
        }
        let in_title = is_capitalized(t.text)
            || is_role_word(t.text)
            || matches!(t.folded().as_ref(), "of" | "for" | "and" | "&");
        if !in_title {
            return false;
        }
        m += 1;
    }
    false
}

/// The noun phrase that starts at `i`: "said Smith", "according to a
/// senior official".
fn np_after(toks: &[Tok], i: usize) -> Option<Mention> {
    let mut k = i;
    while k < toks.len() && toks[k].is_word() && is_determiner(toks[k].text) {
        k += 1;
    }
    if let Some(t) = toks.get(k) {
        let f = t.folded();
        if t.is_word() && is_subject_pronoun(&f) {
            return Some(Mention::Pronoun(f.into_owned()));
        }
    }
    // The phrase runs over words (lower-case modifiers, titles, names) up to
    // punctuation: "port director Halvard Lunde", "a spokeswoman for the
    // agency". It ends at its last name word, or else at its first head noun.
    let mut last_name = None;
    let mut first_head = None;
    let mut j = k;
    while j < toks.len() && toks[j].is_word() && j - k < 10 {
        let t = &toks[j];
        let f = t.folded();
        // "said Will Doyle": a capitalised "Will" inside a name is a name.
        let name_inside = is_capitalized(t.text) && t.name;
        // "former Pennsylvania Gov. and Democratic National Committee
        // Chairman Ed Rendell": "and" between two titles of one person.
        let joins_titles = f == "and"
            && j > k
            && is_role_word(toks[j - 1].text)
            && toks
                .get(j + 1)
                .is_some_and(|n| n.is_word() && is_capitalized(n.text));
        if cue_of(toks, j).is_some() || ends_phrase(&f) && !name_inside && !joins_titles {
            break;
        }
        // "said Secretary of State John Kerry", "said Chief of Staff Denis
        // McDonough": "of" inside a title, before any person's name.
        let in_title = matches!(f.as_ref(), "of" | "for")
            && toks
                .get(j + 1)
                .is_some_and(|n| n.is_word() && is_capitalized(n.text))
            && {
                let so_far: Vec<&str> = toks[k..j].iter().map(|t| t.text).collect();
                split_role(&so_far).is_none_or(|p| !p.name.contains(' '))
            }
            && person_named_ahead(toks, j + 1);
        // "Sen. Brian Schatz of Hawaii", "said Carly Fiorina during the
        // debate": a preposition after the name ends it. So does one after
        // a plain noun with its article ("pledged her vote to Clinton"), but
        // not after a title or a head noun ("a spokeswoman for the agency",
        // "said master of ceremonies Asab Tabchi"), nor before an author ("a
        // note from J.P. Morgan", "a paper written by Tobias Adrian").
        if is_preposition(&f)
            && !in_title
            && (last_name.is_some()
                || first_head.is_none()
                    && !matches!(f.as_ref(), "by" | "from" | "of")
                    && k > i
                    && j > k
                    && !toks[k..j].iter().any(|t| is_role_word(t.text)))
        {
            break;
        }
        if t.name && is_capitalized(t.text) {
            last_name = Some(j);
        } else if first_head.is_none() && last_name.is_none() && is_nominal_head(&f) {
            first_head = Some(j);
        }
        j += 1;
    }
    // "said another Twitter user, Johanna Bayer": a description, then the
    // person's name after a comma.
    let phrase = &toks[k..j];
    let tail = phrase
        .iter()
        .rev()
        .take_while(|t| t.is_word() && is_capitalized(t.text))
        .count();
    let tail_words: Vec<&str> = phrase[phrase.len() - tail..]
        .iter()
        .map(|t| t.text)
        .collect();
    let ends_in_person = split_role(&tail_words).is_some_and(|p| !p.org && p.name.contains(' '));
    let described = !ends_in_person
        && phrase.iter().any(|t| {
            t.is_word()
                && (!is_capitalized(t.text) && !is_determiner(t.text) || ends_possessive(t.text))
        });
    if described
        && toks.get(j).is_some_and(|t| t.is_punct(','))
        && let Some(m) = np_after(toks, j + 1).filter(names_person)
        && let Mention::Name { words, .. } = &m
        && words.iter().filter(|w| is_capitalized(w)).count() >= 2
    {
        return Some(m);
    }
    match (last_name, first_head) {
        (Some(n), Some(h)) if h < n && !is_role_word(toks[h].text) => np_at(toks, h, i),
        (Some(n), _) => np_at(toks, n, i),
        (None, Some(h)) => np_at(toks, h, i),
        (None, None) => None,
    }
}

/// Words that end a noun phrase read rightwards: "said Tuesday that ...".
fn ends_phrase(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "it"
            | "would"
            | "will"
            | "was"
            | "is"
            | "has"
            | "had"
            | "have"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "not"
            | "as"
            | "because"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "but"
            | "and"
            | "or"
            | "who"
            | "which"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "there"
            | "this"
            | "these"
            | "those"
    )
}

/// The first noun phrase of a sentence, after an opening adverbial.
fn sentence_subject(toks: &[Tok]) -> Option<Mention> {
    let mut start = 0;
    if let Some(first) = toks.first() {
        let f = first.folded();
        // "However, ...", "Thursday, ..." (a day or month only right before
        // its comma: not "February 24 - Wellink expresses ..., saying").
        let day_opener = is_calendar_word(&f) && toks.iter().take(4).any(|t| t.is_punct(','));
        let opener = (is_stop_capital(&f) || day_opener)
            && !is_subject_pronoun(&f)
            && f != "the"
            && f != "a";
        // "Hours later, Trump ...": a short opening phrase with a lower-case
        // word in it is an adverbial too.
        let short_opener = toks
            .iter()
            .take(6)
            .position(|t| t.is_punct(','))
            .is_some_and(|c| {
                c >= 2
                    && toks[..c]
                        .iter()
                        .any(|t| t.is_word() && !is_capitalized(t.text))
                    // "Wallace then asked, “...”" is a subject and its verb.
                    && (0..c).all(|k| cue_of(toks, k).is_none())
                    // "Former governor Ed Rendell, one of ...": a titled
                    // name before its appositive is the subject.
                    && !(toks[c - 1].name
                        && is_capitalized(toks[c - 1].text)
                        && toks[..c].iter().any(|t| is_role_word(t.text)))
            });
        // "Filling in for Sanders at the event, West ...": a participle.
        let participle = (f.ends_with("ing") || f.ends_with("ed")) && f.len() > 4;
        if let Some(m) = as_for_topic(toks) {
            return Some(m);
        }
        // "Meanwhile Rihanna, who ...", "Yet there was Garcia, the ...": a
        // word like "meanwhile" or "yet" opens without a comma of its own,
        // and the comma that follows belongs to the clause. ("So when the
        // lawyer heard ..., he": the clause after "when" is an opener of
        // its own, which the comma ends.)
        let clause_next = toks
            .get(1)
            .is_some_and(|t| is_subordinator(&t.folded()) || is_preposition(&t.folded()));
        let adverb = !clause_next
            && matches!(
                f.as_ref(),
                "but"
                    | "yet"
                    | "and"
                    | "so"
                    | "still"
                    | "meanwhile"
                    | "however"
                    | "also"
                    | "instead"
                    | "now"
                    | "then"
                    | "thus"
                    | "moreover"
                    | "indeed"
                    | "nonetheless"
                    | "nevertheless"
                    | "separately"
                    | "elsewhere"
                    | "later"
                    | "finally"
                    | "overall"
            );
        if adverb
            && toks.get(1).is_some_and(|t| !t.is_punct(','))
            && let Some(m) = subject_from(toks, 1)
        {
            return Some(m);
        }
        if (opener || short_opener || participle)
            && let Some(c) = toks.iter().take(25).position(|t| t.is_punct(','))
        {
            start = c + 1;
            // "Speaking in Salem, New Hampshire, Trump ...": the opener's
            // place runs on over its state.
            let in_place = (0..c)
                .rev()
                .take_while(|&k| toks[k].is_word() && is_capitalized(toks[k].text))
                .last()
                .is_some_and(|k| {
                    k > 0 && matches!(toks[k - 1].folded().as_ref(), "in" | "at" | "from" | "near")
                });
            if in_place
                && let Some(c2) = toks[start..]
                    .iter()
                    .take(5)
                    .position(|t| t.is_punct(','))
                    .map(|p| start + p)
                && c2 > start
                && toks[start..c2]
                    .iter()
                    .all(|t| t.is_punct('.') || t.is_word() && is_capitalized(t.text))
            {
                start = c2 + 1;
            }
            // "Thursday, after remaining neutral for months, Warren ...":
            // a second opener after the first.
            for _ in 0..2 {
                let Some(w) = toks.get(start).filter(|t| t.is_word()) else {
                    break;
                };
                let f = w.folded();
                let opens = is_subordinator(&f) || is_preposition(&f);
                let Some(c) = toks[start..]
                    .iter()
                    .take(25)
                    .position(|t| t.is_punct(','))
                    .map(|p| start + p)
                else {
                    break;
                };
                // Only when a subject follows: a name, a pronoun or an
                // article ("..., after Blanco called off the efforts,
                // threats of more flooding" is one clause).
                let subject_next = toks.get(c + 1).is_some_and(|t| {
                    let f = t.folded();
                    t.is_word()
                        && (t.name && is_capitalized(t.text)
                            || is_subject_pronoun(&f)
                            || is_determiner(t.text))
                });
                if !opens || !subject_next || (start..c).any(|k| cue_of(toks, k).is_some()) {
                    break;
                }
                start = c + 1;
            }
        }
    }
    subject_from(toks, start)
}

/// A nationality, which names a people, not a person: "Sudanese".
fn is_demonym(w: &str) -> bool {
    matches!(
        w,
        "chinese"
            | "japanese"
            | "sudanese"
            | "vietnamese"
            | "lebanese"
            | "taiwanese"
            | "portuguese"
            | "burmese"
            | "senegalese"
            | "congolese"
            | "nepalese"
            | "american"
            | "americans"
            | "british"
            | "french"
            | "german"
            | "germans"
            | "russian"
            | "russians"
            | "iranian"
            | "iranians"
            | "iraqi"
            | "iraqis"
            | "israeli"
            | "israelis"
            | "palestinian"
            | "palestinians"
            | "syrian"
            | "syrians"
            | "afghan"
            | "afghans"
            | "turkish"
            | "greek"
            | "greeks"
            | "italian"
            | "italians"
            | "spanish"
            | "mexican"
            | "mexicans"
            | "canadian"
            | "canadians"
            | "korean"
            | "koreans"
            | "european"
            | "europeans"
            | "african"
            | "africans"
            | "asian"
            | "asians"
            | "arab"
            | "arabs"
            | "ukrainian"
            | "ukrainians"
            | "dutch"
            | "swiss"
            | "irish"
            | "indian"
            | "indians"
            | "pakistani"
            | "pakistanis"
    )
}

/// "As for Trump, he said ...": the person the sentence opens with, whom
/// the pronoun right after the comma stands for.
fn as_for_topic(toks: &[Tok]) -> Option<Mention> {
    let opens = toks.first().is_some_and(|t| t.folded() == "as")
        && toks.get(1).is_some_and(|t| t.folded() == "for");
    if !opens {
        return None;
    }
    let c = toks.iter().take(8).position(|t| t.is_punct(','))?;
    let pronoun = toks
        .get(c + 1)
        .is_some_and(|t| t.is_word() && is_subject_pronoun(&t.folded()));
    if c <= 2 || !pronoun {
        return None;
    }
    match np_after(&toks[..c], 2) {
        Some(m @ Mention::Name { .. }) => Some(m),
        _ => None,
    }
}

/// The subject of a clause that starts at `toks[start]`: a pronoun, a name
/// or a noun phrase among its first eight tokens, before any cue.
fn subject_from(toks: &[Tok], start: usize) -> Option<Mention> {
    let mut i = start;
    while i < toks.len() && i < start + 8 {
        let t = &toks[i];
        if !t.is_word() {
            if matches!(t.kind, TokKind::Quote(_)) {
                return None;
            }
            i += 1;
            continue;
        }
        let f = t.folded();
        if is_subject_pronoun(&f) {
            return Some(Mention::Pronoun(f.into_owned()));
        }
        if cue_of(toks, i).is_some() {
            return None;
        }
        if t.name || is_role_word(t.text) || is_nominal_head(&f) {
            let mut e = i;
            while e + 1 < toks.len()
                && toks[e + 1].is_word()
                && (toks[e + 1].name
                    || is_role_word(toks[e + 1].text)
                    || is_nominal_head(&toks[e + 1].folded()))
                && !ends_possessive(toks[e].text)
            {
                e += 1;
            }
            if ends_possessive(toks[e].text) {
                // "Trump's campaign said": keep looking for the head noun.
                i = e + 1;
                continue;
            }
            // "who cannot vote in the United States": the object of a
            // preposition is no subject. An agent or a source may speak
            // ("a pitch by Kloppers", "a proverb heard from Watanabe").
            let mut k = i;
            if k > start && is_determiner(toks[k - 1].text) {
                k -= 1;
            }
            let object = k > start && toks[k - 1].is_word() && {
                let p = toks[k - 1].folded();
                // "after Gov. Blanco called off": a clause's subject.
                is_preposition(&p)
                    && !is_subordinator(&p)
                    && !matches!(p.as_ref(), "by" | "from" | "with")
            };
            if object {
                i = e + 1;
                continue;
            }
            // "Wallace then asked": "then" after the name is time, not the
            // title of "then Gov. Bush".
            if e > i && toks[e].text == "then" {
                e -= 1;
            }
            return np_at(toks, e, start);
        }
        i += 1;
    }
    None
}

/// Time words next to a cue: "Monday", "late Monday", "on Friday",
/// "yesterday", "last week".
fn time_words(toks: &[Tok], ci: usize) -> Option<String> {
    let lo = ci.saturating_sub(4);
    let hi = (ci + 9).min(toks.len());
    let mut best: Option<(usize, String)> = None;
    for i in lo..hi {
        let t = &toks[i];
        if !t.is_word() {
            if matches!(t.kind, TokKind::Quote(_)) && i > ci {
                break;
            }
            continue;
        }
        let f = lower(t.text);
        // Days inside the reported clause are not when it was said.
        if i > ci && f == "that" {
            break;
        }
        let phrase = if super::dates::weekday(&f).is_some() && f.len() > 3 {
            Some(t.text.to_string())
        } else if f == "yesterday" || f == "today" {
            Some(f.to_string())
        } else if (f == "week" || f == "night")
            && i > 0
            && toks[i - 1].text.eq_ignore_ascii_case("last")
        {
            Some(format!("last {f}"))
        } else {
            None
        };
        if let Some(p) = phrase {
            let d = i.abs_diff(ci);
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, p));
            }
        }
    }
    best.map(|(_, p)| p)
}

/// True for a quote introduced as a name: "titled", "dubbed", "so-called".
fn is_title_context(toks: &[Tok], qpos: usize) -> bool {
    let lo = qpos.saturating_sub(2);
    toks[lo..qpos].iter().any(|t| {
        matches!(
            lower(t.text).as_ref(),
            "titled"
                | "entitled"
                | "dubbed"
                | "nicknamed"
                | "so-called"
                | "slogan"
                | "hashtag"
                | "headlined"
                | "billed"
                | "branded"
                | "labelled"
                | "labeled"
                | "named"
        )
    }) || (qpos >= 2 && {
        let a = lower(toks[qpos - 2].text);
        let b = lower(toks[qpos - 1].text);
        (a == "known" && b == "as") || (a == "referred" && b == "to")
    })
}

/// Short and capitalised like a title: "Saturday Night Live".
fn looks_like_title(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    words.len() <= 8
        && !inner.ends_with(['.', '?', '!', ','])
        && words
            .iter()
            .filter(|w| w.len() > 3)
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// A title of a work inside a sentence: "on NBC's “Meet the Press.”", "her
/// memoir, “Tough Choices”". Every long word is capitalised, and the quote
/// does not follow its cue or a colon (“Make America Great Again,” he said
/// is speech).
fn is_work_title(toks: &[Tok], qpos: usize, inner: &str) -> bool {
    let core = inner.trim_end_matches(['.', ',', '?', '!', ';', ':']);
    let words: Vec<&str> = core.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    if words.is_empty() || words.len() > 16 || long.is_empty() {
        return false;
    }
    let capitalised = words[0].chars().next().is_some_and(char::is_uppercase)
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    // "They may not be.": a sentence, whose only long word is its first;
    // a title capitalises more than its first word.
    let sentence_case = words.len() >= 3
        && words[1..]
            .iter()
            .all(|w| !w.chars().next().is_some_and(char::is_uppercase));
    if !capitalised || sentence_case {
        return false;
    }
    let introduced = qpos > 0 && {
        let prev = &toks[qpos - 1];
        // "Fiorina told “Fox and Friends,”": what directly follows "told"
        // is who was told, here a programme, not the words.
        let listener = prev.is_word()
            && matches!(
                prev.folded().as_ref(),
                "told" | "tells" | "tell" | "telling"
            );
        !listener
            && (prev.is_punct(':')
                || cue_of(toks, qpos - 1).is_some()
                || (prev.is_punct(',') && qpos > 1 && cue_of(toks, qpos - 2).is_some()))
    };
    let attributed_after = toks.get(qpos + 1).is_some_and(|t| {
        cue_of(toks, qpos + 1).is_some()
            || t.is_word() && {
                toks.get(qpos + 2)
                    .is_some_and(|_| cue_of(toks, qpos + 2).is_some())
            }
    });
    !introduced && !attributed_after
}

fn is_partial(inner: &str) -> bool {
    inner.chars().next().is_some_and(char::is_lowercase) || inner.split_whitespace().count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (quote text, speaker name) pairs.
    fn attributed(text: &str) -> Vec<(String, Option<String>)> {
        extract_quotes(text, None)
            .into_iter()
            .map(|q| (q.text, q.speaker.map(|s| s.name)))
            .collect()
    }

    fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
        attributed(text)
            .into_iter()
            .find(|(q, _)| q.starts_with(quote_start))
            .unwrap_or_else(|| {
                panic!(
                    "no quote starting {quote_start:?} in {:?}",
                    attributed(text)
                )
            })
            .1
    }

    /// Checks the speaker of each (text, start of the quotation, speaker).
    fn speakers_are(cases: &[(&str, &str, Option<&str>)]) {
        for (text, start, want) in cases {
            assert_eq!(speaker_of(text, start).as_deref(), *want, "in {text:?}");
        }
    }

    #[test]
    fn the_last_quoted_paragraph_is_read_and_what_follows_changes_nothing() {
        let body = "Lena Ortiz, the transport minister, spoke in Rostal on Monday.\n\n\
                    Traffic in the city was light.\n\n\
                    \"Tolls will rise in spring,\" she said.";
        let quotes = extract_quotes(body, NaiveDate::from_ymd_opt(2024, 3, 6));
        assert_eq!(quotes.len(), 1, "{quotes:?}");
        assert_eq!(
            quotes[0].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Lena Ortiz")
        );
        assert_eq!(quotes[0].said_on, NaiveDate::from_ymd_opt(2024, 3, 6));
        let longer = format!("{body}\n\nOmar Haddad said the plan was late.\n\nShe left.");
        let again = extract_quotes(&longer, NaiveDate::from_ymd_opt(2024, 3, 6));
        assert_eq!(format!("{again:?}"), format!("{quotes:?}"));
        assert!(extract_quotes("No one was quoted. Ortiz said so.", None).is_empty());
    }

    #[test]
    fn name_after_the_quote() {
        let t = "“The budget is balanced,” Ortiz said.";
        assert_eq!(speaker_of(t, "The budget"), Some("Ortiz".into()));
    }

    #[test]
    fn a_label_of_comma_separated_parts_names_the_person_first() {
        let t = "Shares rose on Friday. MARA QUINT, CHIEF STRATEGIST, HARBOUR CAPITAL, \
                 NEW YORK: \"The numbers came in below estimates, but that is a positive.\"\n\n\
                 Fund manager Omar Haddad, who cut the stock to hold, was skeptical: \
                 \"It will take longer to fix the business.\"";
        assert_eq!(speaker_of(t, "The numbers"), Some("MARA QUINT".into()));
        assert_eq!(speaker_of(t, "It will take"), Some("Omar Haddad".into()));
    }

    #[test]
    fn a_datelines_place_is_not_who_he_is() {
        let t = " NEW YORK/WASHINGTON  (Northgate Wire) - In late September, Harbour \
                 Bank Chief Executive Omar Haddad walked into the office of Attorney General \
                 Lena Ortiz and offered a deal. \"We are willing to take our lumps,\" he said, \
                 according to a person briefed on the matter.";
        assert_eq!(speaker_of(t, "We are willing"), Some("Omar Haddad".into()));
    }

    #[test]
    fn a_quotation_left_open_does_not_turn_the_rest_inside_out() {
        // Wire copy on one line, a closing mark lost before a subhead.
        let t = "\"Tolls will rise in spring,\" Lena Ortiz said. \"The fund is empty. \
                 TOLL PLAN The board met on Monday. Omar Haddad called the plan \
                 \"reckless,\" and Mara Quint said it was \"late but needed.\"";
        let got = attributed(t);
        let texts: Vec<&str> = got.iter().map(|(q, _)| q.as_str()).collect();
        assert!(texts.iter().any(|q| q.starts_with("reckless")), "{got:?}");
        assert!(
            texts.iter().any(|q| q.starts_with("late but needed")),
            "{got:?}"
        );
        assert!(
            !texts.iter().any(|q| q.contains("called the plan")),
            "{got:?}"
        );
    }

    #[test]
    fn inverted_attribution() {
        let t =
            "\"Rates will stay high for longer,\" said Omar Haddad, an analyst at Ferris Capital.";
        assert_eq!(speaker_of(t, "Rates"), Some("Omar Haddad".into()));
    }

    #[test]
    fn name_before_with_colon() {
        let t = "Mayor Lena Ortiz said: “We will not let this happen again.”";
        let q = &extract_quotes(t, None)[0];
        let s = q.speaker.as_ref().unwrap();
        assert_eq!(s.name, "Lena Ortiz");
        assert_eq!(s.role.as_deref(), Some("Mayor"));
    }

    #[test]
    fn split_quote_goes_to_one_speaker() {
        let t = "“First we fix the pipes,” she said, “then we rebuild trust.”\n";
        let t = format!("Councillor Mara Quint spoke at the hearing.\n{t}");
        let got = attributed(&t);
        assert_eq!(got.len(), 2);
        assert!(
            got.iter().all(|(_, s)| s.as_deref() == Some("Mara Quint")),
            "{got:?}"
        );
    }

    #[test]
    fn pronoun_resolves_to_last_person() {
        let t = "Finance Minister Ruth Calder defended the plan on Tuesday.\n\
                 “Nobody likes higher taxes,” she added.";
        assert_eq!(speaker_of(t, "Nobody"), Some("Ruth Calder".into()));
    }

    #[test]
    fn pronoun_agrees_in_gender() {
        // "she" cannot be the man in subject position: it is the latest
        // woman mentioned, by first name or by honorific.
        let t = "Marta Ellison met Governor Victor Hendry on Monday.\n\
                 Hendry praised the deal.\n\
                 “We got what we came for,” she said.";
        assert_eq!(speaker_of(t, "We got"), Some("Marta Ellison".into()));
        let t = "Ms. Okafor sat beside Tomas Rigby at the hearing.\n\
                 Rigby spoke first.\n\
                 “I disagree with every word,” she said.";
        assert_eq!(speaker_of(t, "I disagree"), Some("Okafor".into()));
        // A pronoun that fits the person in subject position keeps them.
        let t = "Tomas Rigby met Marta Ellison.\n\
                 “It went well,” he said.";
        assert_eq!(speaker_of(t, "It went"), Some("Tomas Rigby".into()));
    }

    #[test]
    fn he_or_she_is_not_the_organisation_in_subject_position() {
        let t = "Lena Ortiz, the transport minister, spoke in Rostal on Monday.\n\
                 The board met for three hours.\n\
                 “Tolls will rise in spring,” she said.";
        assert_eq!(speaker_of(t, "Tolls"), Some("Lena Ortiz".into()));
    }

    #[test]
    fn a_group_or_nobody_in_subject_position_is_not_he() {
        let t = "Fund manager Omar Haddad raised his stake on Friday.\n\
                 Analysts said the offer was too low.\n\
                 “We will wait for a better price,” he said.";
        assert_eq!(speaker_of(t, "We will wait"), Some("Omar Haddad".into()));
        let t = "ROSTAL (Northgate Wire) - Nobody can say the crisis is over, bank chief \
                 Lena Ortiz told a newspaper on Wednesday.\n\
                 “The storm is too serious for pride,” she said.";
        assert_eq!(speaker_of(t, "The storm"), Some("Lena Ortiz".into()));
    }

    #[test]
    fn the_person_before_an_employer_whose_name_runs_over_for_and_of() {
        let t = "“We are not there yet,” Tomas Rigby of the Halvard Center for \
                 Nonproliferation Studies said.";
        assert_eq!(speaker_of(t, "We are not"), Some("Tomas Rigby".into()));
        let t = "“Rates will fall,” Mara Quint of the Bank of Ostrava and Rostal said.";
        assert_eq!(speaker_of(t, "Rates will"), Some("Mara Quint".into()));
    }

    #[test]
    fn the_person_before_asides_of_age_and_home_town() {
        let t = "“It is early,” Harry Lunde, 30, of Rostal, N.C., said.";
        assert_eq!(speaker_of(t, "It is early"), Some("Harry Lunde".into()));
        let t = "“It is late,” Harry Lunde, 30, of Rostal, N.C., who was among those \
                 polled, said.";
        assert_eq!(speaker_of(t, "It is late"), Some("Harry Lunde".into()));
        // A name between commas is still the subject it names.
        let t = "“It is noon,” the bank's chief, Mara Quint, said.";
        assert_eq!(speaker_of(t, "It is noon"), Some("Mara Quint".into()));
    }

    #[test]
    fn honorific_picks_the_namesake() {
        // "Ms. Khan" is not the son named before her.
        let t = "Her son, Daniel Khan, served in the army. Nadia Khan spoke \
                 at the rally.\n\
                 “He was brave,” Ms. Khan said.";
        assert_eq!(speaker_of(t, "He was"), Some("Nadia Khan".into()));
    }

    #[test]
    fn subordinate_clause_does_not_take_the_subject() {
        let t = "Paula Renner hedged when Victor Osei asked about the vote.\n\
                 “Nobody can predict this year,” she said.";
        assert_eq!(speaker_of(t, "Nobody"), Some("Paula Renner".into()));
        let t = "Governor Aldo Brandt stayed silent when reporter Tim Lowe \
                 asked about the budget.\n\
                 “We will see,” he said.";
        assert_eq!(speaker_of(t, "We will"), Some("Aldo Brandt".into()));
    }

    #[test]
    fn person_before_of_speaks_not_the_employer() {
        let t = "“Tax cuts do not pay for themselves,” Lena Varga of the \
                 Halden Policy Institute wrote.";
        assert_eq!(speaker_of(t, "Tax cuts"), Some("Lena Varga".into()));
        let t = "“It was the least bad outcome,” Mr. Duarte of the Coastal \
                 Trust said.";
        assert_eq!(speaker_of(t, "It was"), Some("Duarte".into()));
        let t = "“We are ready,” said Sen. Mirela Dobos of Ohio.";
        assert_eq!(speaker_of(t, "We are"), Some("Mirela Dobos".into()));
        // A title before "of" is not a person.
        let t = "Former Secretary of State Ana Ruiz urged voters to turn out, \
                 saying, “Every vote counts today.”";
        assert_eq!(speaker_of(t, "Every vote"), Some("Ana Ruiz".into()));
    }

    #[test]
    fn person_before_a_possessive_employer_and_the_first_of_two() {
        speakers_are(&[
            (
                "“Sales are better than expected,” analyst Heino Rulan of \
                 Germany's Stavik brokerage said.",
                "Sales are",
                Some("Heino Rulan"),
            ),
            (
                "“Tritium would raise the yield,” experts Dana Albrecht and \
                 Serena Kell of Halden's Institute for Science and Security wrote.",
                "Tritium",
                Some("Dana Albrecht"),
            ),
        ]);
        // The division of a possessive is no person: "SEC's Division".
        let t = "“It is a red flag,” Dan Hoke, chief of the SEC's Division of \
                 Enforcement's Market Unit said.";
        assert!(
            !speaker_of(t, "It is").is_some_and(|s| s.contains("Division")),
            "{:?}",
            speaker_of(t, "It is")
        );
    }

    #[test]
    fn a_firm_named_with_a_possessive_speaks_under_its_name() {
        let t = "“The rating may be cut,” Moody's said in a statement.";
        assert_eq!(speaker_of(t, "The rating"), Some("Moody's".into()));
    }

    #[test]
    fn an_honorific_and_a_surname_are_a_name_not_an_aside() {
        // "Mr. Frum" between commas is the subject, not one more description
        // to step over on the way back to "Twitter".
        let t = "The writer David Frumm called it panic. In a series of Twitter \
                 posts Sunday, Mr. Frumm, a former speechwriter for George W. Bush, \
                 wrote: “The big question is whether he can cope.”";
        assert_eq!(speaker_of(t, "The big"), Some("David Frumm".into()));
    }

    #[test]
    fn an_aside_between_dashes_before_the_verb() {
        speakers_are(&[
            (
                "John Dekker, the chief executive of Ora Media -- the company that \
                 owns the show, which also streams on Ora's site -- told me, “We \
                 are a content provider.”",
                "We are",
                Some("John Dekker"),
            ),
            (
                "Former minister Paul Boaten -- a Treasury secretary under Blair \
                 -- says lobbying is key. “Lobbying is legitimate,” he says.",
                "Lobbying",
                Some("Paul Boaten"),
            ),
        ]);
        // Names between the dashes are who speaks, not an aside.
        let t = "Three Democratic senators -- Carla Schur and Bob Casen -- said \
                 on Sunday they would act. “It is time,” Schur said.";
        assert_eq!(speaker_of(t, "It is"), Some("Carla Schur".into()));
        let t = "Hu Jin spoke. Three Democratic senators -- Carla Schur, Dina \
                 Stab, and Bob Casen -- said on Sunday that they would act. He \
                 also said “the dollar should be kept stable.”";
        assert_ne!(speaker_of(t, "the dollar"), Some("Democratic".into()));
    }

    #[test]
    fn description_then_name_after_inversion() {
        let t = "“The court will stay short-handed,” said another leading \
                 appeals lawyer, Hugo Brandt of Brandt & Lowe.";
        assert_eq!(speaker_of(t, "The court"), Some("Hugo Brandt".into()));
        let t = "“We are anxious,” said another Twitter user, Johanna Beck.";
        assert_eq!(speaker_of(t, "We are"), Some("Johanna Beck".into()));
        // A full name before the comma is the speaker; what follows
        // describes them.
        let t = "“It was hard to withstand,” said former Sen. Evan Marsh, a \
                 moderate Indiana Democrat.";
        assert_eq!(speaker_of(t, "It was"), Some("Evan Marsh".into()));
    }

    #[test]
    fn inversion_after_a_comma_mid_sentence() {
        let t = "Visitors get nervous about the crowds, said Christine Lutz, \
                 director of the city's tourism office. “It was supposed to \
                 be a quiet week,” she said.";
        assert_eq!(speaker_of(t, "It was"), Some("Christine Lutz".into()));
        // Told takes an object; the listener is not the speaker.
        let t = "“I am not worried,” Ravi Mehta, a former candidate, told \
                 Channel Nine News.";
        assert_eq!(speaker_of(t, "I am"), Some("Ravi Mehta".into()));
    }

    #[test]
    fn clause_missing_its_closing_comma() {
        let t = "“No ballots remain to recount,” Sam Lau, the spokesman for \
                 the Iowa Farmers Union said in a statement.";
        assert_eq!(speaker_of(t, "No ballots"), Some("Sam Lau".into()));
        let t = "“Voters fear him,” Katie Parker, who is chairman of Our \
                 Values Fund said.";
        assert_eq!(speaker_of(t, "Voters"), Some("Katie Parker".into()));
    }

    #[test]
    fn participle_after_a_quote_continues_the_speaker() {
        let t = "In a statement, Ortiz said: “The plant was profitable when it \
                 opened,” adding that sales had tripled.";
        assert_eq!(speaker_of(t, "The plant"), Some("Ortiz".into()));
    }

    #[test]
    fn as_someone_put_it() {
        let t = "Or, as Tom Ridley, a former security chief, put it: “The \
                 gates are already open.”";
        assert_eq!(speaker_of(t, "The gates"), Some("Tom Ridley".into()));
    }

    #[test]
    fn colon_after_a_clause_with_a_person_subject() {
        let t = "Senate leader Mara Quint delivered a blunt message to the \
                 governor: “It is time to stop attacking people.”";
        assert_eq!(speaker_of(t, "It is time"), Some("Mara Quint".into()));
        speakers_are(&[
            (
                "And Mr. Calloway gloated: “I told you he would not be ready.”",
                "I told",
                Some("Calloway"),
            ),
            // A clause whose subject is not a person gives no speaker.
            (
                "The lesson was simple: “Never trust a quiet harbour at night.”",
                "Never trust",
                None,
            ),
        ]);
    }

    #[test]
    fn known_surname_as_a_label() {
        let t = "Hanna Lowe and Pieter Brandt disagree.\n\
                 Lowe: “Our goal is to end the blockade.” Brandt: “The goal \
                 is to contain it.”";
        assert_eq!(speaker_of(t, "Our goal"), Some("Hanna Lowe".into()));
        assert_eq!(speaker_of(t, "The goal"), Some("Pieter Brandt".into()));
    }

    #[test]
    fn titled_names_and_modal_names() {
        let t = "In a call, Col. Steven Marsh, a military spokesman, said, \
                 “A raid is a combat operation.”";
        assert_eq!(speaker_of(t, "A raid"), Some("Steven Marsh".into()));
        let t = "“It is an expensive business model,” said Will Dorsey, a \
                 professor.";
        assert_eq!(speaker_of(t, "It is"), Some("Will Dorsey".into()));
    }

    #[test]
    fn relative_clause_points_to_the_person() {
        let t = "“Voters are drifting away,” Nate Selwyn, the pollster who \
                 founded the site tweeted on Wednesday.";
        assert_eq!(speaker_of(t, "Voters"), Some("Nate Selwyn".into()));
    }

    #[test]
    fn opener_with_a_town_and_state() {
        let t = "Speaking at a rally in Salem, New Hampshire, Dana Kirk went \
                 after her rival.\n\
                 “He would not last a week,” she said.";
        assert_eq!(speaker_of(t, "He would"), Some("Dana Kirk".into()));
    }

    #[test]
    fn reported_speech_keeps_the_main_speaker() {
        let t = "Ivo Sandler responds that he does not need Hartley to tell \
                 him what to do.\n\
                 “The banks are too big,” he says.";
        assert_eq!(speaker_of(t, "The banks"), Some("Ivo Sandler".into()));
    }

    #[test]
    fn surname_resolves_to_full_name() {
        let t = "President Aleksander Voronin arrived in the capital.\n\
                 “We have to settle this,” Voronin told a reporter.";
        assert_eq!(speaker_of(t, "We have"), Some("Aleksander Voronin".into()));
    }

    #[test]
    fn title_and_role_are_kept_apart() {
        let t =
            "Government spokesman Ivo Brandt said the talks “must continue without conditions.”";
        let q = &extract_quotes(t, None)[0];
        let s = q.speaker.as_ref().unwrap();
        assert_eq!(s.name, "Ivo Brandt");
        assert_eq!(s.role.as_deref(), Some("Government spokesman"));
        assert!(s.named);
    }

    #[test]
    fn anonymous_source_stays_unnamed() {
        let t = "A senior Velmoran official told the paper the week was “decisive.”\n\
                 The official added that there would be no “talks for the sake of talks.”";
        let quotes = extract_quotes(t, None);
        assert_eq!(quotes.len(), 2);
        for q in &quotes {
            let s = q.speaker.as_ref().unwrap();
            assert_eq!(s.name, "senior Velmoran official");
            assert!(!s.named);
        }
    }

    #[test]
    fn inverted_with_lowercase_modifier() {
        let t = "“The cranes will turn again by June,” said port director Halvard Lunde.";
        let q = &extract_quotes(t, None)[0];
        let s = q.speaker.as_ref().unwrap();
        assert_eq!(s.name, "Halvard Lunde");
        assert_eq!(s.role.as_deref(), Some("director"));
    }

    #[test]
    fn speaker_named_by_colon_or_dash() {
        speakers_are(&[
            (
                "Pollster Daron Shaw: “Lesser-known candidates gain the most from early wins.”",
                "Lesser-known",
                Some("Daron Shaw"),
            ),
            (
                "“The most unqualified person to ever run for the job.” ― Francisco Herrero",
                "The most",
                Some("Francisco Herrero"),
            ),
            (
                "The lesson was simple: “Never trust a poll in January again.”",
                "Never",
                None,
            ),
        ]);
    }

    #[test]
    fn inverted_over_titles_and_modifiers() {
        speakers_are(&[
            (
                "“It was never meant to be,” said Republican political consultant Chris Russell.",
                "It was",
                Some("Chris Russell"),
            ),
            (
                "“Nobody likes this,” said Sen. Brian Schatz of Hawaii, who has spoken privately.",
                "Nobody",
                Some("Brian Schatz"),
            ),
            (
                "“Pfizer is gaming the system,” Senate Minority Leader Harry M. Reid (D-Nev.) said.",
                "Pfizer",
                Some("Harry M. Reid"),
            ),
        ]);
    }

    #[test]
    fn stacked_appositives_and_coordinated_verbs() {
        speakers_are(&[
            (
                "Last week, Jo Goldberg, editor at large of The Forward, an influential paper, wrote, “We should think of a world war.”",
                "We should",
                Some("Jo Goldberg"),
            ),
            (
                "Hal Boreing said the members will still meet, but said, “It is time we change how we do it.”",
                "It is time",
                Some("Hal Boreing"),
            ),
            (
                "Hours later, Mara Quint returned the compliment, telling reporters, “He is an amazing man.”",
                "He is",
                Some("Mara Quint"),
            ),
        ]);
    }

    #[test]
    fn titles_of_works_in_attribution_sentences() {
        let t = "“Donald Trump is a fraud,” Perez said Sunday on NBC's “Meet the Press.”";
        let got = attributed(t);
        assert_eq!(got.len(), 1, "{got:?}");
        let t = "She wrote in her memoir, “Tough Choices,” that the board was wrong.";
        assert!(attributed(t).is_empty(), "{:?}", attributed(t));
        let t = "“Here comes Big Daddy,” she said.";
        assert_eq!(attributed(t).len(), 1);
        // Who is told may be a programme; what follows a colon is speech.
        let t = "“He is fair game,” Lund told “Morning Report,” reminding the hosts of it.";
        let got = attributed(t);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "He is fair game,");
        let t = "Lund told the crowd: “Never Give Up.”";
        assert_eq!(attributed(t).len(), 1, "{:?}", attributed(t));
    }

    #[test]
    fn embedded_posts_are_not_speech() {
        let t = "Trump posted again. <tweet author=\"@x\">“Very good reporter, this guy” – @someone</tweet> He left.";
        assert!(attributed(t).is_empty());
    }

    #[test]
    fn capitalised_verb_forms_are_names() {
        let t = "Nieto said that immigration to the United States peaked.\n“Mexicans are honest people,” he said.";
        assert_eq!(speaker_of(t, "Mexicans"), Some("Nieto".into()));
    }

    #[test]
    fn descriptions_and_participial_openers() {
        speakers_are(&[
            (
                "Hillary Clinton spoke in Ohio.\nThe Democratic front-runner and former secretary of state said the plan was sound.\n“I think you will hear that from the president,” she said.",
                "I think",
                Some("Hillary Clinton"),
            ),
            (
                "Filling in for Sanders at the same event, Cornel West landed a sharp dig.\n“I was born at night but not last night,” he said.",
                "I was born",
                Some("Cornel West"),
            ),
        ]);
    }

    #[test]
    fn participle_after_an_earlier_cue_and_labels_with_parentheses() {
        speakers_are(&[
            (
                "Mateen left early. Mateen did not mingle, Nefzi said, adding, “He was not very religious.”",
                "He was",
                Some("Nefzi"),
            ),
            (
                "Rep. Trey Gowdy (R-S.C.): “I have not heard anyone other than you cite that figure.”",
                "I have",
                Some("Trey Gowdy"),
            ),
        ]);
    }

    #[test]
    fn appositive_without_its_closing_comma() {
        let t = "Anthony Anton, president and CEO of Washington Restaurant Association stated, “It is a math problem.”";
        assert_eq!(speaker_of(t, "It is"), Some("Anthony Anton".into()));
    }

    #[test]
    fn according_to() {
        let t = "The repairs will take “at least three more weeks of work,” according to Dana Whitfield.";
        assert_eq!(speaker_of(t, "at least"), Some("Dana Whitfield".into()));
    }

    #[test]
    fn the_writer_of_a_statement_or_memo_speaks() {
        let t = "“Many of us are worried this year,” Ostrander wrote in a statement to the \
                 Courier explaining his decision, “but most of us want change.”";
        assert_eq!(speaker_of(t, "but most"), Some("Ostrander".into()));
        let t = "As Lise Moberg put it in her memo to employees explaining the merger, “We \
                 will no longer look up at the giants.”";
        assert_eq!(speaker_of(t, "We will"), Some("Lise Moberg".into()));
    }

    #[test]
    fn a_participle_after_an_object_has_the_clauses_subject() {
        let t = "Odell sings to Marren before asking her, “Where do we go from here now?”";
        assert_eq!(speaker_of(t, "Where"), Some("Odell".into()));
        let t = "Ferro Corp answered the critics by saying it would be “the strongest \
                 number two in the market.”";
        assert_eq!(speaker_of(t, "the strongest"), Some("Ferro Corp".into()));
        // "with X saying": X is the participle's own subject.
        let t = "The exchange rejected the bid, with chief executive Ada Lunn saying it \
                 “fails to recognize the growth of our group.”";
        assert_eq!(speaker_of(t, "fails"), Some("Ada Lunn".into()));
    }

    #[test]
    fn a_verb_form_after_an_article_is_a_noun() {
        let t = "Mayor Ina Holt gave the council a warning: “We cannot keep paying for \
                 roads nobody drives on.”";
        assert_eq!(speaker_of(t, "We cannot"), Some("Ina Holt".into()));
    }

    #[test]
    fn a_line_ending_in_a_colon_introduces_its_subject() {
        let t = "Later, Anders Ekholm called the panel out on it:\n\n\
                 “The questions tonight show why nobody trusts this process.”";
        assert_eq!(speaker_of(t, "The questions"), Some("Anders Ekholm".into()));
        let t = "Seventeen-year-old Jared Pott echoed:\n\n\
                 “He speaks his mind, and that might be what we need.”";
        assert_eq!(speaker_of(t, "He speaks"), Some("Jared Pott".into()));
        // A line about things introduces no speaker.
        let t = "The results were as follows:\n\n“Approve: 52 percent, disapprove: 41 percent.”";
        assert_eq!(speaker_of(t, "Approve"), None);
    }

    #[test]
    fn calling_someone_something_says_it() {
        let t = "Councillor Efe Okafor called the plan “a gift to the landlords of this city.”";
        assert_eq!(speaker_of(t, "a gift"), Some("Efe Okafor".into()));
        let t = "Governor Ann Ruiz defended the cuts, calling her critics “people who have \
                 never balanced a budget.”";
        assert_eq!(speaker_of(t, "people who"), Some("Ann Ruiz".into()));
        let t = "The firm booked a charge for the cuts, which it called a “plan of \
                 orderly termination.”";
        assert!(attributed(t).iter().any(|(q, _)| q.starts_with("plan of")));
        // Naming, not saying: "called" with no object, or a lone article
        // before a title.
        let t = "Okafor joined a group called “Friends of the River Valley” in May.";
        assert!(attributed(t).iter().all(|(_, s)| s.is_none()));
        let t = "Okafor showed a mat called the “Balance Board Plus Edition” to visitors.";
        assert!(attributed(t).iter().all(|(_, s)| s.is_none()));
    }

    #[test]
    fn two_speakers_a_passive_asker_and_other_verbs() {
        let t = "Nordbank analysts Maria Olsen and Peter Holm said the shares were “cheap at any \
                 price this year.”";
        assert_eq!(speaker_of(t, "cheap"), Some("Maria Olsen".into()));
        speakers_are(&[
            // Titles joined by "and" are one person.
            (
                "“We will cut costs,” President and Chief Executive Omar Diaz said.",
                "We will",
                Some("Omar Diaz"),
            ),
            (
                "Ruiz was asked by host Dana Pike, “Will you run again next year?”",
                "Will you",
                Some("Dana Pike"),
            ),
        ]);
        // With no quotation, the sentence is about its subject.
        let t = "Ruiz was asked by a reporter about the budget. “We will not raise \
                 taxes,” he said.";
        assert_eq!(speaker_of(t, "We will not"), Some("Ruiz".into()));
        let t = "Critics were quick to respond, with Ada Lunn tweeting that it was a \
                 disaster and asking, “How can anyone trust this board?”";
        assert_eq!(speaker_of(t, "How can"), Some("Ada Lunn".into()));
        let t = "As the columnist Vera Hale had written years earlier, “No studio could \
                 run without him.”";
        assert_eq!(speaker_of(t, "No studio"), Some("Vera Hale".into()));
        let t = "Lunn has branded the charges “a massive smear job by rivals.”";
        assert_eq!(speaker_of(t, "a massive"), Some("Lunn".into()));
    }

    #[test]
    fn wire_comment_lists_label_speakers_in_capitals() {
        let t = "Following are comments from analysts: GEOFFREY YUEN, FX STRATEGIST, \
                 NORDBANK, LONDON “The dollar has further to fall this year.” “We expect \
                 more weakness.” MARA O'NEILL AT HALDEN SECURITIES (ON RATES) “Rates \
                 will stay where they are.”";
        assert_eq!(speaker_of(t, "The dollar"), Some("Geoffrey Yuen".into()));
        assert_eq!(speaker_of(t, "We expect"), Some("Geoffrey Yuen".into()));
        assert_eq!(speaker_of(t, "Rates"), Some("Mara O'Neill".into()));
        // A subhead in capitals names nobody.
        let t = "BID SPECULATION “Nobody expects a bid for the bank this year.”";
        assert_eq!(speaker_of(t, "Nobody"), None);
    }

    #[test]
    fn a_web_address_ends_its_sentence() {
        let t = "Friends were devastated, according to Chadnews.com. “He had so many \
                 plans,” his friend Idris Mahamat told the website.";
        assert_eq!(speaker_of(t, "He had"), Some("Idris Mahamat".into()));
        // Abbreviations still do not: "U.S." inside a sentence.
        let t = "“The U.S. economy is slowing,” said Ana Ruiz of the Halden Bank.";
        assert_eq!(speaker_of(t, "The U.S."), Some("Ana Ruiz".into()));
    }

    #[test]
    fn puts_it_and_a_statement_issued_after_asides() {
        let t = "As the Courier's Dana Milbrook puts it, “The senators are unmoved and \
                 the activists uninspired.”";
        assert_eq!(speaker_of(t, "The senators"), Some("Dana Milbrook".into()));
        let t = "Ostrander, who had said the judge was biased against him, issued a \
                 statement Tuesday saying, “I do not feel that heritage makes anyone partial.”";
        assert_eq!(speaker_of(t, "I do not"), Some("Ostrander".into()));
    }

    #[test]
    fn two_openers_before_the_subject() {
        let t = "Thursday, after staying neutral for months, Senator Ada Warren appeared with \
                 Mira Holt and endorsed Lunn, saying, “She is exactly what this state needs.”";
        assert_eq!(speaker_of(t, "She is"), Some("Ada Warren".into()));
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let t = "Following is a selection of comments from analysts:\n\n\
                 “The price is high, but the bank can afford it.”";
        assert_eq!(speaker_of(t, "The price"), None);
    }

    #[test]
    fn months_that_are_names() {
        speakers_are(&[
            (
                "“The budget will balance by spring,” said Finance Minister Helen May.",
                "The budget",
                Some("Helen May"),
            ),
            (
                "“Rates stay where they are for now,” analyst April Horvath said on May 5.",
                "Rates",
                Some("April Horvath"),
            ),
            (
                "“Sales fell again this quarter,” Dana Ortiz said May 5.",
                "Sales",
                Some("Dana Ortiz"),
            ),
            (
                "Dana Ortiz spoke in May. “Sales fell again this quarter,” Ortiz said.",
                "Sales",
                Some("Dana Ortiz"),
            ),
        ]);
    }

    #[test]
    fn a_preposition_after_the_name_ends_the_phrase() {
        let t = "“The tolls pay for nothing,” said former port director Ilse Varga during the \
                 second Harbor Board hearing.";
        assert_eq!(speaker_of(t, "The tolls"), Some("Ilse Varga".into()));
    }

    #[test]
    fn a_number_with_a_slash_describes_the_person() {
        let t = "“The hearings changed nothing for us,” said 9/11 widow Mara Lindqvist.";
        assert_eq!(speaker_of(t, "The hearings"), Some("Mara Lindqvist".into()));
    }

    #[test]
    fn participle_clause_takes_the_sentence_subject() {
        let t =
            "Harbor chief Nils Aberg rejected the proposal, saying it was “a plan built on sand.”";
        assert_eq!(speaker_of(t, "a plan"), Some("Nils Aberg".into()));
    }

    #[test]
    fn quote_only_sentence_continues_the_speaker() {
        let t = "“We have to settle this,” Voronin told a reporter. “Perhaps even face to face.”";
        assert_eq!(speaker_of(t, "Perhaps"), Some("Voronin".into()));
    }

    #[test]
    fn quote_over_two_paragraphs() {
        let t = "“The first part runs on,” Ortiz said, “and does not close here.\n\
                 “The second paragraph closes it.”";
        let got = attributed(t);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[2].1.as_deref(), Some("Ortiz"));
    }

    #[test]
    fn straight_and_doubled_apostrophe_marks() {
        let t = "''We are not done,'' said Senator Ada Brooks.";
        assert_eq!(speaker_of(t, "We are"), Some("Ada Brooks".into()));
    }

    #[test]
    fn single_marks_only_without_double_ones() {
        let t = "Brooks said the 'tide has turned' for the party.";
        assert_eq!(attributed(t).len(), 1);
        let t = "Brooks said \"the tide has turned\" and the 'party' agreed.";
        assert_eq!(attributed(t).len(), 1);
    }

    #[test]
    fn a_quotation_closed_with_the_other_styles_mark() {
        let t = "\u{201c}We will stay out until the rota goes,\" said Ewan Marsh. \
                 \"Nobody asked us,\u{201d} Marsh added.";
        let got = attributed(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "We will stay out until the rota goes,");
        assert_eq!(got[1].0, "Nobody asked us,");
        assert!(
            got.iter()
                .all(|(_, who)| who.as_deref() == Some("Ewan Marsh"))
        );
        // A quotation of the other style inside keeps its own close mark.
        let t = "\u{201c}He called it \"a disaster\", and we agree,\u{201d} Marsh said. \
                 \"It is \u{201c}temporary\u{201d}, they say,\" Marsh said.";
        let got = attributed(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].0.ends_with("and we agree,"), "{got:?}");
        assert!(got[1].0.ends_with("they say,"), "{got:?}");
    }

    #[test]
    fn a_spokesperson_for_a_named_body_is_no_named_speaker() {
        for t in [
            "\"We have been clear,\" a spokesperson for the Department of Health said.",
            "\"We have been clear,\" a spokesman for the Ministry of Defence and Veterans said.",
            "\"We have been clear,\" said a spokesman for the Kremlin.",
        ] {
            let got = extract_quotes(t, None);
            let who = got[0].speaker.as_ref().expect("a speaker");
            assert!(who.name.starts_with("spokes") && !who.named, "{t}: {who:?}");
        }
        // The body itself still speaks when no one speaks for it.
        let t = "\"Factories slowed,\" the Institute for Supply Management said.";
        let got = extract_quotes(t, None);
        assert!(
            !got[0].speaker.as_ref().expect("a speaker").named,
            "{got:?}"
        );
    }

    #[test]
    fn tokenised_text_with_spaced_single_marks() {
        let t = "‘ We have to act now , ’ said Priya Nair , the health secretary .";
        assert_eq!(
            speaker_of(t, "We have to act now"),
            Some("Priya Nair".into())
        );
        let t = "' It ’ s over , ' said Dan Hope . ' We don 't know why . '";
        let got = attributed(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].0.starts_with("It ’ s over"), "{got:?}");
        assert_eq!(got[1].0, "We don 't know why .");
        // A possessive before a lower-case word opens nothing, nor does a
        // split-off "'s".
        let t = "The players ' union said \" we will strike , \" Dan Hope said .";
        assert_eq!(attributed(t).len(), 1, "{:?}", attributed(t));
        speakers_are(&[
            (
                "Ortiz 's spokesman , Ben Clay , said : \" The mayor has no comment . \"",
                "The mayor",
                Some("Ben Clay"),
            ),
            // A split-off possessive is a possessive.
            (
                "\" We were surprised , \" said Kim Dae-jung 's former aide , Park Ji-won .",
                "We were",
                Some("Park Ji-won"),
            ),
        ]);
    }

    #[test]
    fn tokenised_text_closing_with_the_other_style_of_mark() {
        // Curly open, straight close, and the other way round, with spaces
        // on both sides of every mark.
        let t = "“ We will win , \" said Lena Ortiz . \" The fund is empty . ” \
                 Omar Haddad called it “ a bad plan . \"";
        let got = attributed(t);
        let texts: Vec<&str> = got.iter().map(|(q, _)| q.as_str()).collect();
        assert_eq!(
            texts,
            ["We will win ,", "The fund is empty .", "a bad plan ."],
            "{got:?}"
        );
        assert_eq!(got[0].1.as_deref(), Some("Lena Ortiz"), "{got:?}");
        assert_eq!(got[1].1.as_deref(), Some("Lena Ortiz"), "{got:?}");
    }

    #[test]
    fn tokenised_text_reads_as_running_text() {
        // Spaced punctuation reads as a writer would type it: "Del ." is a
        // title, "? "" and "! "" close a quotation, and the quotation's
        // words and range are the text's own.
        let t = "\" This is a waste of time , \" said Del . Stacey Plaskett of the \
                 Virgin Islands .";
        let got = extract_quotes(t, None);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].text, "This is a waste of time ,");
        assert_eq!(&t[got[0].range.clone()], got[0].text);
        assert_eq!(
            got[0].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Stacey Plaskett")
        );
        speakers_are(&[
            (
                "Clinton responds to Mills with , \" Why now ? That was on my way ? \" \
                 Mills then writes back , \" You look cute . \"",
                "Why now",
                Some("Clinton"),
            ),
            (
                "\" Hey , hey ! Rahm has got to go ! \" some protesters chanted , \
                 three days later .",
                "Hey",
                Some("some protesters"),
            ),
        ]);
    }

    #[test]
    fn doubled_backquotes_open_sentences_and_continued_paragraphs() {
        // ``...'' marks: a quotation after a sentence starts a new one, and
        // one left open goes on in the next paragraph that opens with ``.
        let t = "Raynard Jackson, a consultant, voted for Obama. ``If South Carolina \
                 had come first, Obama would not have won,'' he said.\n\
                 ``The stereotyping is strong here,'' said Luay Sami. ``They think \
                 every Arab is Muslim.\n\
                 ``And they still believe we use camels,'' he said.";
        let got = attributed(t);
        let speakers: Vec<Option<&str>> = got.iter().map(|(_, s)| s.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Raynard Jackson"),
                Some("Luay Sami"),
                Some("Luay Sami"),
                Some("Luay Sami"),
            ],
            "{got:?}"
        );
        assert_eq!(got[2].0, "They think every Arab is Muslim.", "{got:?}");
    }

    #[test]
    fn when_asked_gives_no_quotation_its_speaker() {
        let t = "Lena Ortiz had previously said, \"We will see,\" when asked about tolls.";
        assert_eq!(speaker_of(t, "We will see"), Some("Lena Ortiz".into()));
    }

    #[test]
    fn then_between_the_name_and_the_verb_is_time() {
        let t = "Lena Ortiz spoke first. Tomas Rigby then asked, \"With tolls?\"";
        assert_eq!(speaker_of(t, "With tolls"), Some("Tomas Rigby".into()));
    }

    #[test]
    fn a_statement_speaks_for_whoever_issued_it() {
        speakers_are(&[
            (
                "Halvard Corp. in a statement said it was \"deeply sorry\" for the delay.",
                "deeply",
                Some("Halvard Corp."),
            ),
            (
                "Lena Ortiz issued a brief statement on Monday saying the plan was \"a mistake\".",
                "a mistake",
                Some("Lena Ortiz"),
            ),
            // A statement of no one named stays the statement's.
            (
                "A statement released late on Monday said the plan was \"a mistake\".",
                "a mistake",
                Some("statement"),
            ),
        ]);
    }

    #[test]
    fn two_titles_joined_by_and_before_the_name() {
        speakers_are(&[
            (
                "\"Margins held,\" said Halvard Chairman and Chief Executive Tomas Rigby.",
                "Margins",
                Some("Tomas Rigby"),
            ),
            (
                "\"Turnout matters,\" said former Rostal Gov. and Unity Party Chairman Ann Cole.",
                "Turnout",
                Some("Ann Cole"),
            ),
        ]);
    }

    #[test]
    fn a_dash_line_after_a_quoted_paragraph_names_the_speaker() {
        let t = "\"Tolls will rise,\" Lena Ortiz said.\n\n\
                 \"The port pays no tax at all.\"\n\n- Tomas Rigby.\n\n\
                 That claim is half true.";
        let got = attributed(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1.as_deref(), Some("Tomas Rigby"), "{got:?}");
        // A dash line of anything else names no one.
        let t = "\"Tolls will rise,\" Lena Ortiz said.\n\n\
                 \"The port pays no tax at all.\"\n\n- and that was that.";
        assert_eq!(attributed(t)[1].1.as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn a_short_sentence_in_quotes_is_speech_not_a_title() {
        let t = "\u{201c}Talks will go on,\u{201d} Ortiz said. \u{201c}They may not be.\u{201d}";
        let got = attributed(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], ("They may not be.".into(), Some("Ortiz".into())));
        // A title capitalises more than its first word.
        let t = "She appeared on \u{201c}Meet the Press.\u{201d} Ortiz said nothing.";
        assert!(attributed(t).is_empty(), "{:?}", attributed(t));
    }

    #[test]
    fn titles_and_scare_quotes_are_not_speech() {
        let t = "The report, titled “Water We Owe”, was published in May. \
                 Critics mocked the so-called “Iron Lady of the Docks” and the \
                 “temporary measures” now in force.";
        assert!(attributed(t).is_empty(), "{:?}", attributed(t));
    }

    #[test]
    fn long_titles_of_works_with_a_subtitle_are_not_speech() {
        let t = "Marta Ilves spent a decade on her book “Salt and Iron: How the \
                 Harbour Towns Built the Northern Trade and Lost It”. \
                 “I wanted the dockers to speak,” Ilves said.";
        let got = attributed(t);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Marta Ilves"));
    }

    #[test]
    fn plural_present_verbs_beside_their_quotation() {
        speakers_are(&[
            (
                "“Wind is cheaper than coal,” write Jonas Berg and Ellen Fisk in their new book.",
                "Wind is",
                Some("Jonas Berg"),
            ),
            (
                "“Wind is cheaper than coal now,” the researchers write.",
                "Wind is",
                Some("researchers"),
            ),
            (
                "The authors argue: “Wind is cheaper than coal in most of Europe.”",
                "Wind is",
                Some("authors"),
            ),
        ]);
        // Not a statement: an infinitive, a noun, or a verb of something else.
        for t in [
            "Omar Haddad said the firm expects the deal to add “more than enough” to earnings.",
            "Omar Haddad said a research note “Ports in Decline” had worried investors.",
        ] {
            let got = attributed(t);
            assert!(
                got.iter().all(|(_, s)| s.as_deref() == Some("Omar Haddad")),
                "{t}: {got:?}"
            );
        }
        // "note that" after a title is no inverted cue: nothing is quoted.
        let t = "Omar Haddad said the ads promote “Harbour Nights,” note that the show is new.";
        assert!(attributed(t).is_empty(), "{:?}", attributed(t));
    }

    #[test]
    fn the_object_of_a_preposition_is_not_the_subject() {
        // "they" is the authors, not the country in the sentence before.
        let t = "Among the groups the book counts are migrants, who cannot vote in \
                 the United States. “Noncitizens could decide the next election,” \
                 they write.";
        let got = attributed(t);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_ne!(got[0].1.as_deref(), Some("United States"));
        // A clause's subject after "after" still counts.
        let t = "But the search was to resume Sunday, after Gov. Kathleen Moss called \
                 it off at nightfall.\n\n“We can't put the rescuers at risk,” she said.";
        assert_eq!(speaker_of(t, "We can't").as_deref(), Some("Kathleen Moss"));
    }

    #[test]
    fn pronouns_follow_the_subject_not_an_object_or_a_place() {
        speakers_are(&[
            // "to Anna Berg" is whom the vote went to, not who speaks.
            (
                "One delegate, party chairwoman Lena Ortiz, pledged her vote to Anna Berg \
                 this week. “We need to close this race,” she said.",
                "We need",
                Some("Lena Ortiz"),
            ),
            // "Mo." after a town is Missouri, not a man called Mo.
            (
                "Paul Kessler, a driver from Ava, Mo., who joined the union, said he \
                 backed the rule. “My friends get taken advantage of,” he said.",
                "My friends",
                Some("Paul Kessler"),
            ),
            // "But" opens the sentence; the comma after the name is the
            // clause's, not the opener's.
            (
                "Omar Haddad praised the plan. But Victor Lenz, who chairs the board, \
                 disagreed. “It will fail by spring,” he said.",
                "It will fail",
                Some("Victor Lenz"),
            ),
        ]);
    }

    #[test]
    fn titled_subjects_before_an_appositive_and_party_labels() {
        speakers_are(&[
            (
                "Committee Chairman Rep. Jason Coyle, R-Utah, said the hearing starts \
                 Monday. “There is no reason to wait,” he said.",
                "There is",
                Some("Jason Coyle"),
            ),
            (
                "Mine told me she would win, said Sen. Paul Levy.\n\nFormer governor Ed \
                 Randle, one of her most vocal supporters, was even more resolute.\n\n\
                 “Absolutely not,” he said.",
                "Absolutely",
                Some("Ed Randle"),
            ),
        ]);
    }

    #[test]
    fn as_for_names_the_pronoun_and_more_verbs_of_saying() {
        speakers_are(&[
            (
                "“It would be a disaster,” Ted Crane said. As for Dana Holt, she said she \
                 was not worried. “I will have the delegates,” she said.",
                "I will have",
                Some("Dana Holt"),
            ),
            (
                "Her father, Brad, 39, stood by. “People are afraid of wasting their \
                 votes,” he surmised.",
                "People are",
                Some("Brad"),
            ),
            (
                "On Tuesday, Lena Ortiz characterized the plan as “a little desperate \
                 and late.”",
                "a little",
                Some("Lena Ortiz"),
            ),
            (
                "At a rally in Beaumont, Tex., Omar Haddad spoke for an hour. “You would \
                 have to be insane,” he said.",
                "You would",
                Some("Omar Haddad"),
            ),
        ]);
    }

    #[test]
    fn labelling_dismissing_agreeing_and_double_given_names() {
        speakers_are(&[
            (
                "“The deal is done,” Mark-Ellis Rossi and Paul Hale wrote.",
                "The deal",
                Some("Mark-Ellis Rossi"),
            ),
            (
                "Former Gov. Mike Hale, for his part, is labeling the plan “a blatant \
                 abuse of power.”",
                "a blatant",
                Some("Mike Hale"),
            ),
            (
                "“Our ideas of success are different,” agrees Lena Ortiz, 30, of Ocala.",
                "Our ideas",
                Some("Lena Ortiz"),
            ),
            (
                "On television, the chairman, Paul Kessler, dismissed the criticism as \
                 “Clinton talking points.”",
                "Clinton talking",
                Some("Paul Kessler"),
            ),
        ]);
        // Not "dismissed the case": no "as", no statement.
        let got = attributed("The judge dismissed the case on “procedural grounds” alone.");
        assert!(got.iter().all(|(_, s)| s.is_none()), "{got:?}");
    }

    #[test]
    fn transcript_labels_inside_quotation_marks() {
        let t = "Vice presidential nominee Mike Lenz spoke to host Ana Wall.\n\n\
                 Partial transcript as follows:\n\n\
                 \"WALL: Let's start with the news of the day.\n\n\
                 \"LENZ: Well, look, the news is good.\n\n\
                 \"NOTE: The interview was edited.\"";
        let got = attributed(t);
        let speakers: Vec<Option<&str>> = got.iter().map(|(_, s)| s.as_deref()).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            &speakers[..2],
            &[Some("Ana Wall"), Some("Mike Lenz")],
            "{got:?}"
        );
        assert_ne!(speakers[2], Some("Note"), "{got:?}");
    }

    #[test]
    fn a_transcript_as_follows_belongs_to_who_spoke_before_it() {
        let t = "Gov. Anna Kessler said, “I am getting ready to rent a wagon.”\n\n\
                 Transcript as follows:\n\n\
                 “Tonight we arrived in Port Merrow, and we went to a rally.”";
        let got = attributed(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1.as_deref(), Some("Anna Kessler"), "{got:?}");
    }

    #[test]
    fn a_nationality_alone_is_no_named_person() {
        let q = extract_quotes(
            "The old pound notes so alarmed residents that Sudanese traders called \
             them “health hazards” in the market. Chinese said they were “rather \
             worrying, frankly.”",
            None,
        );
        assert!(
            q.iter()
                .all(|q| q.speaker.as_ref().is_none_or(|s| !s.named)),
            "{q:?}"
        );
        // A surname that ends like one is still a person.
        assert_eq!(
            speaker_of(
                "“Prices came out right,” said Kevin Calabrese, an analyst. \
                 “This one is good,” Calabrese said.",
                "This one"
            )
            .as_deref(),
            Some("Kevin Calabrese")
        );
    }

    #[test]
    fn openers_stay_out_of_unnamed_speakers() {
        let got = attributed(
            "But Northern Rail's board has said the plan is “potentially damaging” to savers.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Northern Rail's board"));
        let got = attributed("Last week Norway's top officials said growth must stay “prudent”.");
        assert_eq!(
            got[0].1.as_deref(),
            Some("Norway's top officials"),
            "{got:?}"
        );
        // A conjunction after a comma starts the speaker's clause; one
        // between nouns stays in the phrase.
        let got = attributed(
            "Brandt and Ricci declined to comment, and city hall officials would say only \
             that both men are “valued colleagues.” The banks did not reply, but \
             union leaders said the deal was “dead.” The owners and managers of the mill said \
             the closure was “a relief.”",
        );
        let speakers: Vec<Option<&str>> = got.iter().map(|(_, s)| s.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("city hall officials"),
                Some("union leaders"),
                Some("owners and managers")
            ],
            "{got:?}"
        );
        // "added to" a thing is no statement.
        let got = attributed(
            "“Prices will fall,” said Omar Haddad. Falling copper prices added to \
             a sell-off. “It is a general retreat from risk,” he said.",
        );
        assert!(
            got.iter().all(|(_, s)| s.as_deref() == Some("Omar Haddad")),
            "{got:?}"
        );
    }

    #[test]
    fn a_title_names_the_person_who_bears_it() {
        // Someone else was the subject in between: "the president" is still
        // the president the article named, and "he" after him too.
        let t = "President Aldo Ferrante has admitted that the budget failed.\n\
                 “It is distressing,” Mr Ferrante said.\n\
                 But the man sat before me today was relaxed.\n\
                 However, the president said he would not fall silent.\n\
                 “I am not a fan of bullying,” he said.";
        assert_eq!(
            speaker_of(t, "I am not"),
            Some("Aldo Ferrante".into()),
            "{:?}",
            attributed(t)
        );
        // Of the same rank only: the vice chairman is not the chairman.
        let t = "Vice Chairman Ines Dray spoke first. Bank Chairman Lionel Vass spoke next.\n\
                 The woman at the desk looked up.\n\
                 The bank's vice chairman said the policy must be “nimble.”";
        assert_eq!(speaker_of(t, "nimble"), Some("Ines Dray".into()));
    }

    #[test]
    fn a_cue_in_a_relative_clause_leaves_the_subject_salient() {
        let t = "Tarn Okafor, director of the port, is concerned about the treaty, \
                 the pact that Quell has repeatedly characterized as a “disaster.”\n\
                 “Losing it would be devastating,” she said.";
        assert_eq!(speaker_of(t, "disaster"), Some("Quell".into()));
        assert_eq!(
            speaker_of(t, "Losing"),
            Some("Tarn Okafor".into()),
            "{:?}",
            attributed(t)
        );
        // After a verb, "that" opens what was said, not a relative clause.
        let t = "Tarn Okafor warned that Quell had called the plan “a disaster.”\n\
                 “It will fail,” he said.";
        assert_eq!(speaker_of(t, "It will"), Some("Tarn Okafor".into()));
    }

    #[test]
    fn a_title_with_of_after_the_verb_keeps_its_person() {
        speakers_are(&[
            (
                "“We will see,” said Secretary of State Aldo Ferrante.",
                "We will",
                Some("Aldo Ferrante"),
            ),
            (
                "“It is over,” said Director of Public Affairs Maria Lopez on Monday.",
                "It is",
                Some("Maria Lopez"),
            ),
            // A person's name ends the phrase: "of Hawaii" is where from.
            (
                "“Aloha,” said Sen. Brian Schatz of Hawaii.",
                "Aloha",
                Some("Brian Schatz"),
            ),
        ]);
        // No person ahead: "said Bank of Ostrava" is no person "Ostrava".
        let t = "“Rates will rise,” said Bank of Ostrava.";
        assert_ne!(speaker_of(t, "Rates"), Some("Ostrava".into()));
    }

    #[test]
    fn the_owner_in_the_object_does_not_speak() {
        // "described Appaloosa's plan as": Appaloosa is whose plan it is.
        let t = "But one creditor, who asked not to be named, described Ostrava Capital's \
                 plan as “low-ball” for equity holders.";
        assert_ne!(speaker_of(t, "low-ball"), Some("Ostrava Capital".into()));
        // A name after the verb still speaks: "..., said Omar Haddad".
        let t = "Prices may fall further, said Omar Haddad, an analyst, calling the plan “late.”";
        assert_eq!(speaker_of(t, "late"), Some("Omar Haddad".into()));
    }

    #[test]
    fn credits_name_no_speaker() {
        let t = "“Exports held up,” Haddad said.\n(Reporting by Ana Pereira; Editing by Tom Hale)";
        let got = attributed(t);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.as_deref(), Some("Haddad"));
    }

    #[test]
    fn unbalanced_marks_are_dropped() {
        let t = "He said \"this never closes.\nA new paragraph without a mark.";
        assert!(attributed(t).is_empty());
    }

    #[test]
    fn weekday_resolves_against_the_article_date() {
        let t = "“We have to settle this,” Voronin told a reporter Monday.";
        let q = &extract_quotes(t, Some(day("2025-04-22")))[0];
        assert_eq!(q.said_on, Some(day("2025-04-21")));
        assert_eq!(q.when.as_deref(), Some("Monday"));
        let t = "Voronin said yesterday that the offer was “final.”";
        let q = &extract_quotes(t, Some(day("2025-04-22")))[0];
        assert_eq!(q.said_on, Some(day("2025-04-21")));
        let t = "“It is final,” Voronin said.";
        let q = &extract_quotes(t, Some(day("2025-04-22")))[0];
        assert_eq!(q.said_on, Some(day("2025-04-22")));
    }

    #[test]
    fn organisation_is_unnamed() {
        let t = "“The ministry will respond in due course,” the Kremlin said in a statement.";
        let q = &extract_quotes(t, None)[0];
        let s = q.speaker.as_ref().unwrap();
        assert_eq!(s.name, "Kremlin");
        assert!(!s.named);
    }

    #[test]
    fn spokesperson_for_an_organisation() {
        let t = "“Service will resume on Friday,” a spokeswoman for the transit authority said.";
        let q = &extract_quotes(t, None)[0];
        let s = q.speaker.as_ref().unwrap();
        assert_eq!(s.name, "spokeswoman for the transit authority");
        assert!(!s.named);
    }
}
