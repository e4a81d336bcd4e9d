//! Speakers: telling names from titles, people from organisations, and
//! making one canonical name per person.
//!
//! Everything here works on single words, so the quotation extractor can ask
//! cheap questions ("is this a title word?", "is this a pronoun?") while it
//! scans a sentence. Canonical names across articles are handled by
//! [`name_key`]: see the README's "Speaker names" section.

use std::borrow::Cow;
use std::collections::HashMap;

/// Words that make up titles and roles before a name ("Kremlin spokesman",
/// "Secretary of State"). Lower case, without a trailing period.
fn is_title_word(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "vice"
            | "prime"
            | "minister"
            | "secretary"
            | "senator"
            | "sen"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "gov"
            | "governor"
            | "lt"
            | "mayor"
            | "chancellor"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "judge"
            | "justice"
            | "chief"
            | "executive"
            | "director"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "ceo"
            | "cfo"
            | "coo"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "adviser"
            | "advisor"
            | "ambassador"
            | "general"
            | "gen"
            | "col"
            | "maj"
            | "capt"
            | "sgt"
            | "adm"
            | "commander"
            | "admiral"
            | "colonel"
            | "captain"
            | "sergeant"
            | "lieutenant"
            | "officer"
            | "detective"
            | "sheriff"
            | "attorney"
            | "prosecutor"
            | "lawyer"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "mx"
            | "miss"
            | "prof"
            | "professor"
            | "rev"
            | "reverend"
            | "father"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "speaker"
            | "leader"
            | "deputy"
            | "minority"
            | "majority"
            | "foreign"
            | "defense"
            | "defence"
            | "finance"
            | "interior"
            | "health"
            | "treasury"
            | "trade"
            | "former"
            | "acting"
            | "interim"
            | "senior"
            | "assistant"
            | "associate"
            | "founder"
            | "co-founder"
            | "cofounder"
            | "head"
            | "manager"
            | "analyst"
            | "economist"
            | "strategist"
            | "coach"
            | "striker"
            | "candidate"
            | "nominee"
            | "hopeful"
            | "frontrunner"
            | "front-runner"
            | "lawmaker"
            | "legislator"
            | "councillor"
            | "councilman"
            | "councilwoman"
            | "member"
            | "mp"
            | "envoy"
            | "correspondent"
            | "editor"
            | "commissioner"
            | "superintendent"
            | "inspector"
            | "chief-executive"
            | "ex"
            | "then"
            | "incoming"
            | "outgoing"
            | "emeritus"
            | "of"
            | "state"
            | "house"
            | "senate"
            | "national"
            | "security"
            | "homeland"
            | "education"
            | "energy"
            | "labor"
            | "labour"
            | "justice-minister"
            | "economy"
            | "environment"
            | "transport"
            | "agriculture"
            | "culture"
            | "sports"
            | "home"
            | "general's"
            | "premier"
            | "governor-general"
            | "presidential"
            | "vice-president"
            | "press"
            | "communications"
            | "policy"
            | "campaign"
            | "party"
            | "parliamentary"
            | "opposition"
            | "union"
            | "city"
            | "county"
            | "council"
            | "board"
            | "company"
            | "bank"
            | "fund"
            | "principal"
            | "owner"
            | "partner"
            | "researcher"
            | "scientist"
            | "doctor"
            | "nurse"
            | "activist"
            | "organizer"
            | "organiser"
            | "author"
            | "writer"
            | "poet"
            | "actor"
            | "actress"
            | "singer"
            | "star"
            | "player"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "forward"
            | "boss"
            | "chairperson"
            | "cio"
            | "cto"
            | "md"
            | "gm"
            | "vp"
            | "evp"
            | "svp"
            | "rabbi"
            | "imam"
            | "bishop"
            | "cardinal"
            | "archbishop"
            | "sheikh"
            | "emir"
            | "sultan"
            | "crown"
            | "pollster"
            | "consultant"
            | "host"
            | "anchor"
            | "commentator"
            | "columnist"
            | "historian"
            | "pundit"
            | "operative"
            | "aide"
            | "official"
            | "surrogate"
            | "1st"
            | "2nd"
            | "pvt"
            | "cpl"
            | "specialist"
    )
}

/// Firms whose name is a possessive ("Moody's said" is Moody's speaking,
/// not something of Moody's); `w` folded, its "'s" dropped.
fn is_possessive_name(w: &str) -> bool {
    matches!(
        w,
        "moody"
            | "barron"
            | "mcdonald"
            | "macy"
            | "kellogg"
            | "dillard"
            | "domino"
            | "sotheby"
            | "denny"
            | "kohl"
            | "hardee"
            | "harrod"
    )
}

/// Honorifics dropped from a name ("Mr. Putin" is "Putin"); `w` folded,
/// without its period.
pub(crate) fn is_honorific(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs" | "ms" | "mx" | "miss" | "dr" | "sir" | "dame" | "prof" | "rev"
    )
}

/// Capitalised words that start sentences or clauses but are never names.
pub(crate) fn is_stop_capital(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "mine"
            | "several"
            | "few"
            | "yours"
            | "ours"
            | "theirs"
            | "hers"
            | "a"
            | "an"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "so"
            | "yet"
            | "for"
            | "however"
            | "in"
            | "on"
            | "at"
            | "by"
            | "to"
            | "from"
            | "with"
            | "without"
            | "of"
            | "as"
            | "it"
            | "its"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "meanwhile"
            | "still"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "although"
            | "though"
            | "because"
            | "since"
            | "until"
            | "asked"
            | "speaking"
            | "according"
            | "instead"
            | "also"
            | "then"
            | "now"
            | "later"
            | "earlier"
            | "last"
            | "next"
            | "this week"
            | "what"
            | "who"
            | "why"
            | "how"
            | "where"
            | "which"
            | "whether"
            | "not"
            | "no"
            | "yes"
            | "one"
            | "two"
            | "three"
            | "some"
            | "many"
            | "most"
            | "all"
            | "both"
            | "each"
            | "every"
            | "another"
            | "other"
            | "such"
            | "even"
            | "only"
            | "just"
            | "despite"
            | "during"
            | "under"
            | "over"
            | "about"
            | "against"
            | "between"
            | "among"
            | "through"
            | "into"
            | "like"
            | "unlike"
            | "once"
            | "again"
            | "indeed"
            | "perhaps"
            | "maybe"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "tonight"
            | "overnight"
            | "separately"
            | "similarly"
            | "likewise"
            | "moreover"
            | "furthermore"
            | "nevertheless"
            | "nonetheless"
            | "otherwise"
            | "thus"
            | "hence"
            | "therefore"
            | "first"
            | "second"
            | "third"
            | "finally"
            | "lastly"
            | "mostly"
            | "following"
            | "eventually"
            | "ultimately"
            | "initially"
            | "originally"
            | "previously"
            | "recently"
            | "currently"
            | "subsequently"
            | "consequently"
            | "accordingly"
            | "additionally"
            | "apparently"
            | "unfortunately"
            | "fortunately"
            | "interestingly"
            | "ironically"
            | "surprisingly"
            | "notably"
            | "specifically"
            | "essentially"
            | "basically"
            | "generally"
            | "typically"
            | "traditionally"
            | "historically"
            | "privately"
            | "publicly"
            | "frankly"
            | "honestly"
            | "overall"
            | "afterward"
            | "afterwards"
            | "including"
            | "regarding"
            | "given"
            | "clearly"
            | "obviously"
            | "certainly"
            | "reporting"
            | "editing"
            | "writing"
            | "additional"
            | "photo"
            | "read"
            | "related"
            | "watch"
            | "listen"
            | "see"
            | "update"
            | "updated"
            | "advertisement"
            | "do"
            | "does"
            | "did"
            | "is"
            | "are"
            | "was"
            | "were"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "has"
            | "have"
            | "had"
            | "let"
            | "please"
            | "thank"
            | "thanks"
            | "dear"
            | "oh"
            | "well"
            | "ok"
            | "okay"
            | "said"
            | "says"
            | "told"
            | "nobody"
            | "everybody"
            | "everyone"
            | "somebody"
            | "someone"
            | "anybody"
            | "anyone"
            | "none"
    )
}

/// Day and month names, which are capitalised but are never speakers.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
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
    )
}

/// Words that mark a capitalised run as an organisation, not a person.
pub(crate) fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "department"
            | "ministry"
            | "party"
            | "committee"
            | "campaign"
            | "inc"
            | "corp"
            | "co"
            | "company"
            | "bank"
            | "university"
            | "agency"
            | "office"
            | "council"
            | "association"
            | "union"
            | "group"
            | "institute"
            | "commission"
            | "house"
            | "court"
            | "police"
            | "service"
            | "news"
            | "times"
            | "post"
            | "kremlin"
            | "pentagon"
            | "government"
            | "administration"
            | "board"
            | "authority"
            | "fund"
            | "federation"
            | "organization"
            | "organisation"
            | "foundation"
            | "center"
            | "centre"
            | "club"
            | "team"
            | "league"
            | "network"
            | "reuters"
            | "press"
            | "journal"
            | "capital"
            | "partners"
            | "securities"
            | "holdings"
            | "airlines"
            | "motors"
            | "bureau"
            | "senate"
            | "congress"
            | "parliament"
            | "assembly"
            | "cabinet"
            | "embassy"
            | "army"
            | "navy"
            | "force"
            | "forces"
            | "guard"
            | "command"
            | "coalition"
            | "alliance"
            | "nato"
            | "un"
            | "eu"
            | "fbi"
            | "cia"
            | "tass"
            | "ria"
            | "white"
            | "ltd"
            | "llc"
            | "plc"
            | "ag"
            | "sa"
            | "gmbh"
            | "group's"
            | "trust"
            | "systems"
            | "technologies"
            | "industries"
            | "energy"
            | "oil"
            | "media"
            | "television"
            | "tv"
            | "radio"
            | "agency's"
            | "hospital"
            | "school"
            | "college"
            | "church"
            | "city"
            | "county"
            | "state"
            | "republic"
            | "kingdom"
            | "states"
            | "nations"
            | "ministry's"
            | "exchange"
            | "reserve"
            | "treasury"
            | "parliament's"
            | "council's"
            | "authority's"
            | "airport"
            | "railway"
            | "railways"
            | "port"
            | "institute's"
            | "lab"
            | "labs"
            | "studio"
            | "studios"
            | "records"
            | "cnn"
            | "bbc"
            | "nbc"
            | "abc"
            | "cbs"
            | "ap"
            | "afp"
            | "fox"
            | "msnbc"
            | "twitter"
            | "facebook"
            | "instagram"
            | "truth"
            | "social"
            | "statement"
            | "report"
            | "channel"
            | "magazine"
            | "gazette"
            | "herald"
            | "tribune"
            | "ledger"
            | "courier"
            | "wire"
            | "sentinel"
            | "daily"
    )
}

/// Head nouns of unnamed sources: "a senior official", "the spokeswoman".
pub(crate) fn is_nominal_head(w: &str) -> bool {
    matches!(
        w,
        "official"
            | "officials"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "spokespeople"
            | "spokesmen"
            | "source"
            | "sources"
            | "aide"
            | "aides"
            | "adviser"
            | "advisers"
            | "advisor"
            | "advisors"
            | "analyst"
            | "analysts"
            | "economist"
            | "economists"
            | "diplomat"
            | "diplomats"
            | "lawyer"
            | "lawyers"
            | "attorney"
            | "attorneys"
            | "executive"
            | "executives"
            | "person"
            | "people"
            | "investor"
            | "investors"
            | "expert"
            | "experts"
            | "observer"
            | "observers"
            | "resident"
            | "residents"
            | "witness"
            | "witnesses"
            | "campaign"
            | "administration"
            | "ministry"
            | "department"
            | "agency"
            | "authority"
            | "company"
            | "government"
            | "police"
            | "statement"
            | "spokesmen's"
            | "insider"
            | "insiders"
            | "strategist"
            | "strategists"
            | "trader"
            | "traders"
            | "banker"
            | "bankers"
            | "dealer"
            | "dealers"
            | "critic"
            | "critics"
            | "supporter"
            | "supporters"
            | "opponent"
            | "opponents"
            | "leader"
            | "leaders"
            | "lawmaker"
            | "lawmakers"
            | "legislator"
            | "legislators"
            | "prosecutor"
            | "prosecutors"
            | "judge"
            | "report"
            | "memo"
            | "letter"
            | "filing"
            | "study"
            | "survey"
            | "group"
            | "union"
            | "committee"
            | "commission"
            | "council"
            | "board"
            | "bank"
            | "firm"
            | "team"
            | "club"
            | "organisers"
            | "organizers"
            | "manager"
            | "managers"
            | "director"
            | "directors"
            | "officer"
            | "officers"
            | "member"
            | "members"
            | "employee"
            | "employees"
            | "worker"
            | "workers"
            | "voter"
            | "voters"
            | "protester"
            | "protesters"
            | "activist"
            | "activists"
            | "doctor"
            | "doctors"
            | "scientist"
            | "scientists"
            | "researcher"
            | "researchers"
            | "authors"
            | "teacher"
            | "teachers"
            | "student"
            | "students"
            | "parent"
            | "parents"
            | "owner"
            | "owners"
            | "chairman"
            | "chairwoman"
            | "president"
            | "minister"
            | "secretary"
            | "governor"
            | "mayor"
            | "senator"
            | "coach"
            | "candidate"
            | "nominee"
            | "envoy"
            | "ambassador"
            | "negotiator"
            | "negotiators"
            | "mediator"
            | "mediators"
            | "military"
            | "army"
            | "kremlin"
            | "palace"
            | "embassy"
            | "court"
            | "website"
            | "document"
            | "documents"
            | "ceo"
            | "founder"
            | "partner"
            | "partners"
            | "representative"
            | "representatives"
            | "counsel"
            | "producer"
            | "author"
            | "victim"
            | "victims"
            | "family"
            | "families"
            | "friend"
            | "friends"
            | "neighbor"
            | "neighbors"
            | "neighbour"
            | "neighbours"
            | "man"
            | "woman"
            | "men"
            | "women"
    )
}

/// Subject pronouns that can introduce a quotation.
pub(crate) fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we")
}

/// Words that can stand inside a person's name in lower case.
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "al"
            | "da"
            | "del"
            | "la"
            | "le"
            | "di"
            | "du"
            | "dos"
            | "das"
            | "ter"
            | "ten"
            | "y"
            | "ibn"
            | "abu"
            | "el"
    )
}

/// Lower-cases a word and drops a trailing period and possessive.
///
/// Borrows the word when it is lower-case ASCII already, as most are: the
/// attribution rules fold every word they look at, and allocating a copy of
/// each was a tenth of quotation extraction.
pub(crate) fn fold_word(w: &str) -> Cow<'_, str> {
    let w = w.trim_end_matches('.');
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w);
    lower(w)
}

/// A word in lower case, borrowed when it is lower-case ASCII already.
pub(crate) fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// True if the word starts with an upper-case letter.
pub(crate) fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word that may be part of a name: capitalised, an initial, or a particle.
pub(crate) fn is_name_word(w: &str) -> bool {
    let folded = fold_word(w);
    // "Seventeen-year-old Jared Potts": an age is no part of the name. Nor
    // is a party and state ("Jason Chaffetz, R-Utah,").
    if folded.ends_with("-old") || is_party_label(w) {
        return false;
    }
    if is_capitalized(w) {
        !is_stop_capital(&folded) && !is_calendar_word(&folded)
    } else {
        is_name_particle(&folded)
    }
}

/// "R-Utah", "D-Calif.", "I-Vt.": a US lawmaker's party and state.
fn is_party_label(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(chars.next(), Some('R' | 'D' | 'I'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(char::is_uppercase)
}

/// A word that may be part of a name, read with its neighbours: besides
/// [`is_name_word`], a month that people bear as a name, after a given name
/// or an honorific ("Theresa May", "Ai Jun", "Mrs. May") or as a given name
/// before a surname ("April Ryan"), but not before a number ("Smith May 5")
/// nor after a word of time ("in May Smith", "last June").
pub(crate) fn is_name_word_between(prev: Option<&str>, w: &str, next: Option<&str>) -> bool {
    if is_name_word(w) {
        return true;
    }
    // "U.S. MAY HURT": a subhead in capitals names nobody.
    let mixed_case = |x: &str| is_capitalized(x) && x.chars().any(char::is_lowercase);
    if !mixed_case(w)
        || !matches!(
            fold_word(w).as_ref(),
            "may" | "june" | "jun" | "april" | "august"
        )
    {
        return false;
    }
    let surname = prev.is_some_and(|p| {
        let f = fold_word(p.trim_end_matches('.'));
        mixed_case(p) && (is_honorific(&f) || (is_name_word(p) && is_given_name(p)))
    }) && !next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
    let given = is_given_name(w)
        && next.is_some_and(|n| mixed_case(n) && is_name_word(n))
        && !prev.is_some_and(|p| {
            matches!(
                fold_word(p).as_ref(),
                "in" | "on"
                    | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "to"
                    | "through"
                    | "of"
                    | "during"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "each"
                    | "every"
                    | "before"
                    | "after"
            )
        });
    surname || given
}

/// A word that may stand in a title before a name.
pub(crate) fn is_role_word(w: &str) -> bool {
    is_title_word(&fold_word(w))
}

/// A run of words before a cue, split into role and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NamePhrase {
    /// The person's or organisation's name.
    pub name: String,
    /// Title words before the name, if any.
    pub role: Option<String>,
    /// True when the name is an organisation, not a person.
    pub org: bool,
}

/// Splits a run such as `["Kremlin", "spokesman", "Dmitry", "Peskov"]` into a
/// role ("Kremlin spokesman") and a name ("Dmitry Peskov").
pub(crate) fn split_role(words: &[&str]) -> Option<NamePhrase> {
    // "Del." is a delegate to Congress, not the "del" of "Benicio del Toro".
    let is_name_part = |w: &str| {
        let f = fold_word(w);
        w != "Del." && ((is_capitalized(w) && !is_title_word(&f)) || is_name_particle(&f))
    };
    // "Sen. Dianne Feinstein of California": the person named before "of";
    // but not "Secretary of State John Kerry" or "Bank of America".
    if let Some(i) = words
        .iter()
        .position(|w| matches!(*w, "of" | "from" | "at"))
        .filter(|&i| i > 0 && is_name_part(words[i - 1]))
        && let Some(p) = split_role(&words[..i]).filter(|p| !p.org)
    {
        return Some(p);
    }
    // The name is the trailing run of name words after the role.
    let mut start = words.len();
    while start > 0 && is_name_part(words[start - 1]) {
        start -= 1;
    }
    if start == words.len() {
        // The last word is a title word: a surname such as "King", or an
        // organisation such as "White House". Take the capitalised run,
        // less the titles that lead it ("Chief Executive Charles Prince").
        while start > 0
            && is_capitalized(words[start - 1])
            && !is_honorific(&fold_word(words[start - 1]))
        {
            start -= 1;
        }
        let mut name_at = start;
        while words.len() - name_at > 1 && is_title_word(&fold_word(words[name_at])) {
            name_at += 1;
        }
        // Only when a person's name is left ("Charles Prince"), not the
        // rest of an office or a firm ("Financial Officer", "City").
        if name_at > start && words.len() - name_at >= 2 && is_given_name(words[name_at]) {
            start = name_at;
        }
    }
    while start < words.len() && !is_capitalized(words[start]) {
        start += 1;
    }
    // "Vice President of Investor Relations Henry Hubble": what follows "of"
    // or "for" in a title is part of it, up to the person's given name.
    if start > 0
        && matches!(fold_word(words[start - 1]).as_ref(), "of" | "for")
        && words.get(start).is_some_and(|w| !is_given_name(w))
        && let Some(given) = (start + 1..words.len().saturating_sub(1)).find(|&i| {
            // "Bank of New York Mellon", "Port Elizabeth": after a word
            // that starts place names, a given name is part of the place.
            is_given_name(words[i])
                && !matches!(
                    fold_word(words[i - 1]).as_ref(),
                    "new"
                        | "san"
                        | "santa"
                        | "los"
                        | "las"
                        | "st"
                        | "saint"
                        | "fort"
                        | "port"
                        | "mount"
                        | "lake"
                        | "cape"
                )
        })
    {
        start = given;
    }
    let mut name_words = &words[start..];
    // A wire story's subhead run into its paragraph ("DELICATE BALANCE
    // Bernanke said"): two or more words in capitals before a name written
    // in mixed case are not part of it. One such word may be an acronym
    // ("HSBC Holdings"), and is kept.
    let shouting = |w: &&&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && w.chars()
                .all(|c| c.is_uppercase() || c == '\'' || c == '\u{2019}')
    };
    let caps = name_words.iter().take_while(shouting).count();
    if caps >= 2
        && name_words[caps..]
            .iter()
            .any(|w| w.chars().any(char::is_lowercase))
    {
        name_words = &name_words[caps..];
    }
    if name_words.is_empty() {
        return None;
    }
    let org = name_words.iter().any(|w| is_org_word(&fold_word(w)))
        || (name_words.len() == 1 && name_words[0].chars().all(|c| !c.is_lowercase()));
    let mut name = name_words.join(" ");
    let firm = name_words
        .last()
        .is_some_and(|w| is_possessive_name(&fold_word(w)));
    if !firm
        && let Some(stripped) = ["'s", "\u{2019}s", "'", "\u{2019}"]
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
    {
        // "Johnson 's" of tokenised text leaves a space.
        name = stripped.trim_end().to_string();
    }
    let role_words = &words[..start];
    let role = (!role_words.is_empty()).then(|| role_words.join(" "));
    Some(NamePhrase { name, role, org })
}

/// Full names seen in one article, so a later surname resolves to them.
#[derive(Debug, Default)]
pub(crate) struct NameBook {
    /// Surname (folded) to full names, in order of first mention.
    by_last: HashMap<String, Vec<String>>,
    /// Loose key of a surname (see `name_key`) to the first full name with it.
    by_loose: HashMap<String, String>,
    /// Full name to the role it was first given with.
    roles: HashMap<String, String>,
}

impl NameBook {
    /// Records a person's name of two words or more.
    pub fn add(&mut self, name: &str, role: Option<&str>) {
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() < 2 {
            return;
        }
        if let Some(role) = role {
            self.roles
                .entry(name.to_string())
                .or_insert_with(|| role.to_string());
        }
        let last = fold_word(parts[parts.len() - 1]);
        self.by_loose
            .entry(name_key(&last))
            .or_insert_with(|| name.to_string());
        let entry = self.by_last.entry(last.into_owned()).or_default();
        if !entry.iter().any(|n| n == name) {
            entry.push(name.to_string());
        }
    }

    /// The role a full name was first given with.
    pub fn role_of(&self, name: &str) -> Option<&str> {
        self.roles.get(name).map(String::as_str)
    }

    /// The full name for a name, and the role it was first given with.
    pub fn resolve_with_role(&self, name: &str) -> (String, Option<String>) {
        let full = self.resolve(name);
        let role = self.roles.get(&full).cloned();
        (full, role)
    }

    /// Like `resolve_with_role`, but only to a full name that `fits`; the
    /// name as given when no full name of the article does.
    pub fn resolve_fitting(
        &self,
        name: &str,
        fits: impl Fn(&str) -> bool,
    ) -> (String, Option<String>) {
        let (full, role) = self.resolve_with_role(name);
        if fits(&full) {
            return (full, role);
        }
        let key = fold_word(name);
        let other = self
            .by_last
            .get(key.as_ref())
            .and_then(|v| v.iter().rev().find(|n| fits(n)));
        match other {
            Some(n) => (n.clone(), self.roles.get(n).cloned()),
            None => (name.to_string(), None),
        }
    }

    /// The full name for a surname or a name mentioned earlier; the name
    /// itself when the article gives no fuller form.
    pub fn resolve(&self, name: &str) -> String {
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() == 1 {
            let key = fold_word(parts[0]);
            if let Some(full) = self.by_last.get(key.as_ref()).and_then(|v| v.first()) {
                return full.clone();
            }
            // Spelling variants within one article ("Zelensky", "Zelenskyy").
            if let Some(full) = self.by_loose.get(&name_key(parts[0])) {
                return full.clone();
            }
        }
        name.to_string()
    }
}

/// A loose key for a name, so spelling variants meet: ASCII, lower case,
/// letters only, doubled letters collapsed, and a final "iy"/"yy" as "y".
///
/// "Zelenskyy", "Zelensky" and "Zelenskiy" all give "zelensky".
pub fn name_key(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for word in ascii.split(|c: char| !c.is_ascii_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let mut prev = '\0';
        let mut w = String::with_capacity(word.len());
        for c in word.chars() {
            if c != prev {
                w.push(c);
            }
            prev = c;
        }
        if let Some(stem) = w.strip_suffix("iy") {
            w = format!("{stem}y");
        }
        out.push_str(&w);
    }
    out
}

/// The grammatical gender a pronoun needs of the person it refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

impl Gender {
    /// The gender "he" or "she" asks for.
    pub(crate) fn of_pronoun(p: &str) -> Option<Gender> {
        match p {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// Titles ending in "-man" that name men; "German" and "Roman" do not.
const MALE_TITLE_ENDINGS: &[&str] = &[
    "spokesman",
    "congressman",
    "chairman",
    "businessman",
    "councilman",
    "assemblyman",
    "alderman",
    "statesman",
    "policeman",
    "fireman",
    "serviceman",
    "salesman",
    "newsman",
    "anchorman",
    "frontman",
];

/// What a person's title says of their gender: an honorific ("Mr.",
/// "Ms.") or a gendered title ("congresswoman", "actress").
pub(crate) fn gender_of_title(role: Option<&str>) -> Option<Gender> {
    for w in role.unwrap_or("").split_whitespace().rev() {
        let f = fold_word(w);
        match f.as_ref() {
            "mr" | "sir" | "lord" | "king" | "prince" | "father" | "brother" | "husband"
            | "son" | "uncle" => return Some(Gender::Male),
            "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess" | "mother"
            | "sister" | "wife" | "widow" | "daughter" | "aunt" | "actress" => {
                return Some(Gender::Female);
            }
            _ if f.ends_with("woman") => return Some(Gender::Female),
            _ if MALE_TITLE_ENDINGS.iter().any(|e| f.ends_with(e)) => {
                return Some(Gender::Male);
            }
            _ => {}
        }
    }
    None
}

/// What a full name's first name says of the person's gender, from the
/// `gender_guesser` list of some 50,000 first names. Only names the list
/// gives to one gender count; "Chris" or "Lindsey" say nothing.
pub(crate) fn gender_of_name(name: &str) -> Option<Gender> {
    let mut parts = name.split_whitespace();
    let first = parts.next()?;
    parts.next()?;
    gender_of_first_name(first)
}

/// What a first name alone says of a person's gender ("Jane", "Bob").
///
/// A known gap of gender_guesser 0.2: its loader lets the list's lines of
/// equivalent names ("= Paul Paulie") overwrite the short name's gender, so
/// some 750 short forms ("Paul", "Alex", "Anna") come back as either gender
/// and say nothing here. Honorifics, titles and the article's own pronouns
/// still tell their gender.
pub(crate) fn gender_of_first_name(first: &str) -> Option<Gender> {
    match listed(first)? {
        gender_guesser::Gender::Male => Some(Gender::Male),
        gender_guesser::Gender::Female => Some(Gender::Female),
        _ => None,
    }
}

/// A word that is someone's given name, or an initial ("C.").
pub(crate) fn is_given_name(w: &str) -> bool {
    let bare = w.trim_end_matches('.');
    if bare.chars().count() == 1 {
        return w.ends_with('.') && bare.chars().all(char::is_uppercase);
    }
    // "Edward-Isaac", "Jean-Claude": a double given name.
    let first = bare.split('-').next().unwrap_or(bare);
    listed(w).is_some_and(|g| g != gender_guesser::Gender::NotFound)
        || first != bare && listed(first).is_some_and(|g| g != gender_guesser::Gender::NotFound)
}

/// What the gender_guesser list says of a first name (a trailing period
/// dropped); nothing for a name of fewer than two letters.
fn listed(first: &str) -> Option<gender_guesser::Gender> {
    let first = first.trim_end_matches('.');
    (first.chars().count() >= 2).then(|| gender_guesser::Detector::new().get_gender(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_is_split_from_name() {
        let p = split_role(&["Kremlin", "spokesman", "Dmitry", "Peskov"]).unwrap();
        assert_eq!(p.name, "Dmitry Peskov");
        assert_eq!(p.role.as_deref(), Some("Kremlin spokesman"));
        let p = split_role(&["Secretary", "of", "State", "Marco", "Rubio"]).unwrap();
        assert_eq!(p.name, "Marco Rubio");
        assert_eq!(p.role.as_deref(), Some("Secretary of State"));
        let p = split_role(&["Russian", "President", "Vladimir", "Putin"]).unwrap();
        assert_eq!(p.name, "Vladimir Putin");
        assert_eq!(p.role.as_deref(), Some("Russian President"));
    }

    #[test]
    fn what_follows_of_in_a_title_is_the_title_up_to_the_given_name() {
        let p = split_role(&[
            "Vice",
            "President",
            "of",
            "Investor",
            "Relations",
            "Henry",
            "Hubble",
        ])
        .unwrap();
        assert_eq!(p.name, "Henry Hubble");
        assert_eq!(
            p.role.as_deref(),
            Some("Vice President of Investor Relations")
        );
        let p = split_role(&["Chief", "of", "Staff", "Denis", "McDonough"]).unwrap();
        assert_eq!(p.name, "Denis McDonough");
        // A place, not a person: "Bank of New York Mellon".
        let p = split_role(&["Bank", "of", "New", "York", "Mellon"]).unwrap();
        assert!(!p.name.starts_with("York"), "{p:?}");
    }

    #[test]
    fn a_surname_that_is_a_title_word_keeps_the_titles_before_the_name_out() {
        let p = split_role(&["Chief", "Executive", "Nadia", "King"]).unwrap();
        assert_eq!(p.name, "Nadia King");
        assert_eq!(p.role.as_deref(), Some("Chief Executive"));
        let p = split_role(&["Chief", "Executive", "C.", "Omar", "Bishop"]).unwrap();
        assert_eq!(p.name, "C. Omar Bishop");
        // No given name after the titles: the whole run is an office or a firm.
        assert_eq!(
            split_role(&["Chief", "Financial", "Officer"]).unwrap().name,
            "Chief Financial Officer"
        );
        assert_eq!(
            split_role(&["National", "City"]).unwrap().name,
            "National City"
        );
    }

    #[test]
    fn honorifics_and_possessives_are_dropped() {
        assert_eq!(split_role(&["Mr.", "Blair"]).unwrap().name, "Blair");
        assert_eq!(split_role(&["Trump's"]).unwrap().name, "Trump");
        let p = split_role(&["Del.", "Stacey", "Plaskett"]).unwrap();
        assert_eq!(
            (p.name.as_str(), p.role.as_deref()),
            ("Stacey Plaskett", Some("Del."))
        );
        assert_eq!(
            split_role(&["Lauren", "del", "Valle"]).unwrap().name,
            "Lauren del Valle"
        );
        assert_eq!(split_role(&["Mr.", "Trump 's"]).unwrap().name, "Trump");
        // A firm whose name is a possessive keeps it.
        assert_eq!(split_role(&["Moody's"]).unwrap().name, "Moody's");
        assert_eq!(split_role(&["Barron’s"]).unwrap().name, "Barron’s");
    }

    #[test]
    fn a_subhead_in_capitals_run_into_the_text_is_not_the_name() {
        let name = |w: &[&str]| split_role(w).unwrap().name;
        assert_eq!(
            name(&["DELICATE", "BALANCE", "Mara", "Quill"]),
            "Mara Quill"
        );
        assert_eq!(name(&["HARBOUR'S", "BOLD", "PLAN", "Quill"]), "Quill");
        // One word in capitals may be an acronym that names a company.
        assert_eq!(name(&["HSBC", "Holdings"]), "HSBC Holdings");
        // A name written all in capitals is still a name.
        assert_eq!(name(&["MARA", "QUILL"]), "MARA QUILL");
    }

    #[test]
    fn possessive_pronouns_and_party_labels_are_no_names() {
        for w in ["Mine", "Theirs", "R-Utah", "D-Calif.", "I-Vt."] {
            assert!(!is_name_word(w), "{w}");
        }
        for w in ["Ortiz", "Mine-Li"] {
            assert!(is_name_word(w), "{w}");
        }
    }

    #[test]
    fn organisations_are_marked() {
        assert!(split_role(&["White", "House"]).unwrap().org);
        assert!(!split_role(&["Lena", "Ortiz"]).unwrap().org);
    }

    #[test]
    fn surnames_resolve_to_full_names() {
        let mut book = NameBook::default();
        book.add("Vladimir Putin", Some("Russian President"));
        book.add("Volodymyr Zelenskyy", None);
        assert_eq!(book.resolve("Putin"), "Vladimir Putin");
        assert_eq!(book.resolve("Zelensky"), "Volodymyr Zelenskyy");
        assert_eq!(book.resolve("Ortiz"), "Ortiz");
        assert_eq!(
            book.resolve_with_role("Putin").1.as_deref(),
            Some("Russian President")
        );
    }

    #[test]
    fn spelling_variants_share_a_key() {
        assert_eq!(name_key("Zelenskyy"), name_key("Zelensky"));
        assert_eq!(name_key("Zelenskiy"), name_key("Zelensky"));
        assert_eq!(name_key("José Álvarez"), "jose alvarez");
    }
}
