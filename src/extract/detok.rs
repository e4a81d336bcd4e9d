//! Tokenised text back to running text, keeping the way back.
//!
//! Quotation datasets and NLP exports give articles as tokens joined by
//! spaces: `“ We will win , ” Ortiz said .`. The attribution rules read
//! punctuation by its neighbours ("Smith, 45, said", "Mr. Burman", a mark
//! against a word), so the extractor reads such text with the spaces a
//! writer would have typed, `“We will win,” Ortiz said.`, and maps what it
//! finds back to the text as given. Only spaces are removed, so every byte
//! of the running text is a byte of the original.

use std::ops::Range;

/// Running text made from tokenised text, and where each byte came from.
#[derive(Debug)]
pub(crate) struct Detokenized {
    /// The text with the spaces around punctuation removed.
    pub text: String,
    /// For each byte of `text`, its offset in the original; one more entry
    /// for the end.
    origin: Vec<usize>,
}

impl Detokenized {
    /// The original range of a range of [`Self::text`].
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.origin[range.start];
        let end = if range.end > range.start {
            self.origin[range.end - 1] + 1
        } else {
            start
        };
        start..end
    }
}

/// True when the text puts spaces before its commas and periods: more of
/// them stand apart (" , ") than follow a word (", "), at least two.
fn looks_tokenized(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut apart, mut attached) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b',' | b'.' | b';' | b':' | b'?' | b'!') || i == 0 {
            continue;
        }
        let ends = bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if !ends {
            continue;
        }
        match bytes[i - 1] {
            b' ' => apart += 1,
            p if p.is_ascii_alphanumeric() => attached += 1,
            _ => {}
        }
    }
    apart >= 2 && apart > attached
}

/// Running text for tokenised text; `None` for text written as running
/// text already.
pub(crate) fn detokenize(text: &str) -> Option<Detokenized> {
    if !looks_tokenized(text) {
        return None;
    }
    let mut out = Detokenized {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len() + 1),
    };
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        line_into(line, at, &mut out);
        at += line.len();
    }
    out.origin.push(text.len());
    Some(out)
}

/// The quotations open at a point of a line.
#[derive(Default)]
struct Quoting {
    double_open: bool,
    single_open: bool,
}

/// Appends one line, dropping the spaces that tokenising put in.
fn line_into(line: &str, base: usize, out: &mut Detokenized) {
    let mut quoting = Quoting::default();
    // The token just read leans on the one after it ("“", "(", "$").
    let mut glue_next = false;
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let token_len = rest.find([' ', '\n']).unwrap_or(rest.len());
        if token_len == 0 {
            // A space (or the line's end): copied now, unless the token
            // after it glues to the one before.
            let c = rest.as_bytes()[0];
            let next = &rest[1..];
            let next_len = next.find([' ', '\n']).unwrap_or(next.len());
            let single_space = c == b' ' && next_len > 0 && i > 0;
            if single_space {
                let token = &next[..next_len];
                let prev = line[..i].rsplit(' ').next().unwrap_or("");
                let next_next = next[next_len..].trim_start_matches(' ');
                if glue_next || glues_left(token, prev, next_next, &quoting) {
                    i += 1;
                    glue_next = false;
                    continue;
                }
            }
            push(out, c as char, base + i);
            i += 1;
            continue;
        }
        let token = &rest[..token_len];
        let after = rest[token_len..].trim_start_matches(' ');
        glue_next = opens(token, after, &mut quoting);
        for (j, c) in token.char_indices() {
            push(out, c, base + i + j);
        }
        i += token_len;
    }
}

fn push(out: &mut Detokenized, c: char, from: usize) {
    out.text.push(c);
    out.origin.extend((0..c.len_utf8()).map(|k| from + k));
}

/// Whether `token` leans on the token before it: closing punctuation, a
/// split-off ending ("'s", "n't"), a closing mark. Updates nothing: marks
/// change the quoting state when read in [`opens`].
fn glues_left(token: &str, prev: &str, after: &str, quoting: &Quoting) -> bool {
    if token
        .chars()
        .all(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '%' | ')' | ']' | '}'))
    {
        // Not the opening mark before it: “ ... and then.
        return !is_opening(prev, quoting);
    }
    match token {
        // A mark of the wrong hand closes what is open ("“ Apparently not ,
        // “ he said") and opens when nothing is.
        "“" | "”" | "\"" | "''" => quoting.double_open,
        "’" | "'" => !opens_single(after, quoting),
        _ => is_clitic(token),
    }
}

/// A straight or right single mark opens a quotation before a capital when
/// none is open ("' We will act , ' she said"); elsewhere it closes one, or
/// is a plural's possessive ("the players ' union").
fn opens_single(after: &str, quoting: &Quoting) -> bool {
    !quoting.single_open && after.starts_with(char::is_uppercase)
}

/// Whether `token`, just read, opened something; `quoting` is the state
/// after it.
fn is_opening(token: &str, quoting: &Quoting) -> bool {
    match token {
        "\"" | "''" => quoting.double_open,
        _ => matches!(token, "“" | "``" | "‘" | "(" | "[" | "{"),
    }
}

/// "'s", "’re", "n't": the ending a tokeniser splits from its word.
fn is_clitic(token: &str) -> bool {
    let lower = token.to_lowercase();
    let rest = lower.strip_prefix('\'').or_else(|| lower.strip_prefix('’'));
    match rest {
        Some(end) => matches!(end, "s" | "re" | "ve" | "ll" | "d" | "m"),
        None => matches!(lower.as_str(), "n't" | "n’t"),
    }
}

/// Reads a token's effect on quoting; true when the token after it leans on
/// it (an opening mark or bracket, a currency sign).
fn opens(token: &str, after: &str, quoting: &mut Quoting) -> bool {
    match token {
        "``" => {
            quoting.double_open = true;
            true
        }
        "“" | "”" | "\"" | "''" => {
            quoting.double_open = !quoting.double_open;
            quoting.double_open
        }
        "‘" => {
            quoting.single_open = true;
            true
        }
        "'" | "’" if opens_single(after, quoting) => {
            quoting.single_open = true;
            true
        }
        "'" | "’" => {
            quoting.single_open = false;
            false
        }
        "(" | "[" | "{" | "$" | "#" | "€" | "£" => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running(text: &str) -> String {
        detokenize(text).map(|d| d.text).unwrap_or_default()
    }

    #[test]
    fn spaces_around_punctuation_and_marks_go() {
        assert_eq!(
            running("“ We will win , ” Ortiz said . “ It 's not over . ”"),
            "“We will win,” Ortiz said. “It's not over.”"
        );
        assert_eq!(
            running("\" We do n't know , \" said Mr. Burman ( a lawyer ) . \" Ask them . \""),
            "\"We don't know,\" said Mr. Burman (a lawyer). \"Ask them.\""
        );
        assert_eq!(
            running("`` It cost $ 1 billion , '' she said .\n\n' We will act , ' he said ."),
            "``It cost $1 billion,'' she said.\n\n'We will act,' he said."
        );
        assert_eq!(
            running("“ Apparently not , “ he said . “ Ask them . ”"),
            "“Apparently not,“ he said. “Ask them.”"
        );
        assert_eq!(
            running("'' We lost , '' he said . '' Again . ''"),
            "''We lost,'' he said. ''Again.''"
        );
        assert_eq!(
            running("He called it \" ready \" . \" ... and then , \" he said ."),
            "He called it \"ready\". \"... and then,\" he said."
        );
        assert_eq!(
            running("The players ' union said it would strike , and it did ."),
            "The players' union said it would strike, and it did."
        );
    }

    #[test]
    fn running_text_is_left_alone() {
        assert!(detokenize("“We will win,” Ortiz said. It is 5 p.m. now.").is_none());
        // One spaced comma in running text is a typo, not tokenising.
        assert!(detokenize("Ortiz , who was there, said it was over. Then she left.").is_none());
    }

    #[test]
    fn ranges_map_back_to_the_tokenised_text() {
        let text = "“ We will win , ” Ortiz said .";
        let d = detokenize(text).expect("tokenised");
        let at = d.text.find("We will win,").expect("running text");
        let back = d.original(at..at + "We will win,".len());
        assert_eq!(&text[back], "We will win ,");
        let at = d.text.find("Ortiz").expect("name");
        assert_eq!(&text[d.original(at..at + 5)], "Ortiz");
    }
}
