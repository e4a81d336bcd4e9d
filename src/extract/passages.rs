//! Passages: the units search returns.
//!
//! A passage is a paragraph. Very long paragraphs (wire copy often runs
//! several paragraphs into one line) are cut at sentence ends into pieces of
//! about [`TARGET`] bytes; very short lines (subheads, "Advertisement") join
//! the paragraph that follows so they do not become hits of their own.

use super::article::Passage;

/// Passages longer than this are split at sentence ends.
pub const MAX: usize = 1200;
/// The size long paragraphs are cut into.
pub const TARGET: usize = 600;
/// Lines shorter than this join the next paragraph.
const MIN: usize = 40;

/// Splits a body (one paragraph per line) into passages.
pub fn split(text: &str) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut pending_start: Option<usize> = None;
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset;
        let end = offset + line.len();
        offset = end + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let (s, e) = (start + lead, start + lead + trimmed.len());
        if trimmed.len() < MIN {
            pending_start.get_or_insert(s);
            continue;
        }
        let s = pending_start.take().unwrap_or(s);
        cut(text, s, e, &mut out);
    }
    if let Some(s) = pending_start {
        let e = text.trim_end().len();
        if e > s {
            out.push(Passage { range: s..e });
        }
    }
    out
}

/// Cuts `text[s..e]` at sentence ends into passages of about TARGET bytes.
fn cut(text: &str, s: usize, e: usize, out: &mut Vec<Passage>) {
    if e - s <= MAX {
        out.push(Passage { range: s..e });
        return;
    }
    let mut start = s;
    while e - start > MAX {
        let window = &text[start..e];
        // The last sentence end between TARGET/2 and MAX.
        let mut cut_at = None;
        for (i, c) in window.char_indices() {
            if i > MAX {
                break;
            }
            if matches!(c, '.' | '?' | '!')
                && i >= TARGET / 2
                && window[i + 1..].starts_with(' ')
                && window[i + 1..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_uppercase() || "“\"'‘".contains(n))
            {
                cut_at = Some(i + 1);
                if i >= TARGET {
                    break;
                }
            }
        }
        let cut_at = cut_at.unwrap_or_else(|| {
            // No sentence end: cut at the last space before MAX.
            let mut i = MAX.min(window.len());
            while !window.is_char_boundary(i) {
                i -= 1;
            }
            window[..i].rfind(' ').map_or(i, |p| p + 1)
        });
        out.push(Passage {
            range: start..start + cut_at,
        });
        start += cut_at;
        start += text[start..e].len() - text[start..e].trim_start().len();
    }
    if start < e {
        out.push(Passage { range: start..e });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_passages() {
        let text = "First paragraph is long enough to stand on its own here.\n\nSecond paragraph is also long enough to stand alone.";
        let p = split(text);
        assert_eq!(p.len(), 2);
        assert_eq!(
            &text[p[1].range.clone()],
            "Second paragraph is also long enough to stand alone."
        );
    }

    #[test]
    fn short_lines_join_the_next_paragraph() {
        let text = "Subhead\nThe paragraph that follows the subhead is long enough.";
        let p = split(text);
        assert_eq!(p.len(), 1);
        assert!(text[p[0].range.clone()].starts_with("Subhead"));
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentence_ends() {
        let sentence = "The committee met again on Tuesday to discuss the budget. ";
        let text = sentence.repeat(60);
        let p = split(text.trim_end());
        assert!(p.len() > 1);
        for passage in &p {
            let t = &text[passage.range.clone()];
            assert!(t.len() <= MAX);
            assert!(t.trim_end().ends_with('.'), "{t:?}");
        }
    }
}
