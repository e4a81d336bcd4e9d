//! Wire datelines: "DETROIT (Reuters) - Ford said on Monday ...".
//!
//! The place and outlet that open a wire story. The reader takes the outlet
//! from it; the quotation extractor skips it, as the place in capitals is
//! not a person who speaks.

use std::ops::Range;

/// A dateline at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline<'a> {
    /// The place, as written ("DETROIT").
    pub place: &'a str,
    /// The outlet in the brackets ("Reuters").
    pub outlet: &'a str,
    /// The bytes of the text from the place to the dash after the brackets.
    pub span: Range<usize>,
}

/// The dateline that opens `text`, if any: a place in capitals of at most
/// 40 bytes, an outlet in brackets, then a dash.
pub fn dateline(text: &str) -> Option<Dateline<'_>> {
    let start = text.len() - text.trim_start().len();
    let first = text[start..].lines().next()?;
    let open = first.find('(')?;
    let place = first[..open].trim();
    if place.is_empty()
        || place.len() > 40
        || !place.chars().any(char::is_uppercase)
        || place.chars().any(char::is_lowercase)
    {
        return None;
    }
    let close = first[open..].find(')')? + open;
    let after = &first[close + 1..];
    let rest = after.trim_start();
    let dash = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '–' | '—'))?;
    let outlet = first[open + 1..close].trim();
    if outlet.is_empty() || outlet.len() >= 40 {
        return None;
    }
    let end = start + close + 1 + (after.len() - rest.len()) + dash.len_utf8();
    Some(Dateline {
        place,
        outlet,
        span: start..end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_outlet_and_where_the_story_starts() {
        let t = "\n NEW YORK  (Northgate Wire) – Shares fell on Monday.";
        let d = dateline(t).unwrap();
        assert_eq!((d.place, d.outlet), ("NEW YORK", "Northgate Wire"));
        assert_eq!(&t[d.span.end..], " Shares fell on Monday.");
        assert_eq!(&t[d.span.clone()], "NEW YORK  (Northgate Wire) –");
    }

    #[test]
    fn a_sentence_is_not_a_dateline() {
        assert_eq!(dateline("Ford (the carmaker) - said on Monday"), None);
        assert_eq!(dateline("DETROIT (Reuters) said on Monday"), None);
        assert_eq!(dateline("No brackets here - at all"), None);
    }
}
