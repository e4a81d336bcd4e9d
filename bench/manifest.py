#!/usr/bin/env python3
"""Checks newsdex's article metadata against a corpus manifest.

Usage:
    python3 bench/manifest.py MANIFEST EXTRACT_JSONL [--refs DIR] [--errors N]

MANIFEST is a tab-separated file with a header and one row per page, such as
../shared/corpora/news-html/manifest.tsv. Its `path` column names the page
(`pages/big9/2005/amd (1).htm`); the columns read here are `title`, `site`
(outlet), `date`, and `byline` or `author`/`authors` when there is one, plus
`url` as a hint for telling a site name from a headline. EXTRACT_JSONL is the
output of `newsdex extract -q --no-text PAGES...`: one JSON object per page
with `path`, `title`, `outlet`, `byline` and `date`. A line belongs to the
manifest row whose `path` is a trailing part of its `path`, so extract may be
run from any folder. Manifest rows without an extract line count as "newsdex
empty" for every field.

--refs DIR  also scores the reference metadata of the corpus's source
            projects, as separate rows marked "(ref)": DIR is the unpacked
            corpus folder holding `reference/`. For pages/readability/<n>.html
            it reads reference/readability/<n>.metadata.json (title, byline,
            siteName: what Mozilla Readability expects), for
            pages/newspaper4k/<n>.html reference/newspaper4k/<n>.json (title,
            authors, meta_site_name: what newspaper4k expects). These are
            another tool's output, not hand-checked truth.
--title-cap N  manifest titles this long or longer were cut (default 150;
            0: none were).
--errors N  prints up to N mismatches per field: newsdex's wrong answers
            first, then its empty ones, as page path, manifest (or
            reference) value, ours.

Only pages where the manifest (or reference) gives a value for a field count
for that field. Each page's answer is "right", "empty" (newsdex has none) or
"wrong". The rules, meant to be fair to both sides:

Normalisation, all fields (`norm`): Unicode NFKC; apostrophes and quotation
marks (straight, typographic, primes, guillemets) dropped, since pages write
"Iran's", "Iran’s" and even "Irans" for one headline; typographic dashes
mapped to "-"; case-folded; whitespace runs collapsed to one space;
punctuation and symbols stripped from both ends. HTML entities are not
decoded: an "&#x27;" in newsdex's output is a fault a user would see.
`squash` goes further for name comparisons: accents removed (NFKD, combining
marks dropped), case-folded, everything but letters and digits removed.

title
  1. right when norm(ours) == norm(manifest), spaces ignored (CJK titles
     and full-width brackets are spaced either way).
  1b. Manifest titles of `--title-cap` characters (150 in news-html) were cut
     there: ours is right when it starts with the manifest title.
  2. Manifest titles are the page's <title>, often with the site and section
     around the headline ("BBC NEWS | Asia-Pacific | Headline", "Headline -
     Los Angeles Times", "Forbes.com: Headline"). The title is cut into
     segments at "|", "_", " - ", " -- ", " – ", " — ", " :: ", " / ",
     " · ", " • ", " » ", and at a leading "X: " when X is a decoration
     (below). Ours is also right
     when it equals a run of whole neighbouring segments that is at least 10
     characters long and neither starts nor ends with a decoration segment
     (for a cut title, the last segment of the run may be cut short).
     A segment is a decoration when it is a bare domain name ("latimes.com",
     "CNNPolitics.com"); or its squashed form equals a site label (the
     manifest `site`, the host of the manifest `url`, or our outlet; see
     "site label" under outlet) or starts with one and has at most 4 words;
     or the same segment (normalised, at most 8 words, so that a headline
     saved twice is not one) occurs in two or more of the manifest's titles
     ("Los Angeles Times", "Presidential Politics", "Daily Intel",
     "Technology").
  3. Never right under 1b or 2 when our title itself still starts or ends
     with a decoration segment ("FOXNews.com - Headline - Health News").
  The footnote says how many right titles needed rules 1b and 2, and how
  many titles right under rule 1 still start or end with a decoration
  segment (the manifest had the same decoration, so they count as right but
  are not clean headlines).

outlet (manifest `site`, in this corpus a domain such as "bbc.co.uk")
  1. right when norm(ours) == norm(manifest).
  2. Site label: a leading "the" is dropped; a domain is reduced to its
     registrable name without "www."/subdomains and without the public
     suffix (.com, .co.uk, .com.au, .de, ...): "news.bbc.co.uk" -> "bbc";
     the result is squashed. Right when the labels of the manifest value and
     of ours are equal ("Ars Technica" = arstechnica.com, "latimes.com" =
     latimes.com, "Libération.fr" = "Libération", "Telegraph" = "The
     Telegraph").
  3. Right when ours is the label plus one generic word: news, online, com
     ("BBC News" = bbc.co.uk, "Yahoo! News" = yahoo.com).
  4. Right when the label is ours abbreviated: the initials of all words but
     the last, plus the last word or its first 3 or more letters ("New York
     Post" = nypost.com, "Los Angeles Times" = latimes.com, "New York
     Magazine" = nymag.com), or the initials of all words.
  Sections and sub-brands ("Vulture" on nymag.com, "CNNMoney" on cnn.com)
  are wrong under these rules.

date
  The calendar day as written in the manifest value, in the value's own
  time zone (no conversion): ISO 8601 and "2005/10/13 10:36:40" take their
  date part; otherwise the day, month name (English, German, French, Spanish,
  Portuguese, Italian, Dutch, in full or abbreviated) and four-digit year are
  found among the words ("Tue Jan 28 15:28:56 CET 2020", "8:43 AM, April 19,
  2013", "jueves, 09 enero 2014 10:21"); numbers next to ":" are times.
  Right when that day equals newsdex's `date` (the publication day in the
  outlet's own time zone). Manifest values that cannot be read are left out
  and counted in the footnote.

byline (a manifest `byline`/`author`/`authors` column, or --refs)
  Both sides become sets of names: a leading "By" (also "Von", "Par",
  "Por", "Door", "Di", "Av") is dropped; the line is split at commas,
  semicolons, "&", "/", "|" and the words "and", "und", "et", "y", "e"
  (between spaces; "and" also after a comma);
  each piece is normalised and empty pieces dropped. Right when the two
  sets are equal. Roles and dates in the line ("Staff Writer", "04.08.05")
  are not removed: newsdex should not put them in a byline.
"""

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

# --- normalisation ---------------------------------------------------------

_TYPO = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
    "\u00a0": " ",
})


def _edge(c):
    return c.isspace() or unicodedata.category(c)[0] in "PS"


def norm(s):
    """NFKC, quote marks dropped, ASCII dashes, case-folded, spaces collapsed,
    edges stripped."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).translate(_TYPO).casefold()
    s = " ".join(s.replace("'", "").replace('"', "").split())
    i, j = 0, len(s)
    while i < j and _edge(s[i]):
        i += 1
    while j > i and _edge(s[j - 1]):
        j -= 1
    return s[i:j]


def squash(s):
    """Letters and digits only, without accents, case-folded."""
    s = unicodedata.normalize("NFKD", norm(s))
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c))


# --- sites -------------------------------------------------------------------

_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"}
_DOMAIN = re.compile(r"^(?:[^\W_][\w-]*\.)+[^\W\d_]{2,6}$")
_GENERIC = ("news", "online", "com")


def host_of(url):
    m = re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/:?#]+)", (url or "").strip(), re.I)
    return m.group(1).lower() if m else ""


def is_domain(s):
    return bool(_DOMAIN.match(norm(s).replace(" ", "")))


def domain_label(domain):
    """'news.bbc.co.uk' -> 'bbc', 'www.latimes.com' -> 'latimes'."""
    parts = [p for p in norm(domain).split(".") if p]
    if len(parts) >= 2:
        parts = parts[:-1]
        if len(parts) >= 2 and parts[-1] in _SECOND_LEVEL:
            parts = parts[:-1]
    return squash(parts[-1]) if parts else ""


def _without_the(s):
    words = norm(s).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return words


def site_label(s):
    """A site name or domain as one squashed word, without a leading 'the'."""
    joined = " ".join(_without_the(s))
    return domain_label(joined) if is_domain(joined) else squash(joined)


def outlet_forms(ours):
    """Squashed forms of our outlet that may equal a site label, and the
    outlet's own label."""
    words = _without_the(ours)
    base = site_label(ours)
    forms = {base}
    letters = [squash(w)[:1] for w in words if squash(w)]
    if len(letters) >= 2:
        last = squash(words[-1])
        forms.add("".join(letters))
        forms.update("".join(letters[:-1]) + last[:n] for n in range(3, len(last) + 1))
    return forms, base


def outlet_right(manifest, ours):
    if norm(manifest) == norm(ours):
        return True
    label = site_label(manifest)
    if not label:
        return False
    forms, base = outlet_forms(ours)
    if label in forms:
        return True
    return any(base == label + g for g in _GENERIC)


# --- titles ------------------------------------------------------------------

_SEP = re.compile(r"\s+(?:-|--|\u2013|\u2014|::|/|\u00b7|\u2022|\u00bb)\s+|\s*[|_]\s*")


class Decor:
    """What a title may be decorated with: site labels (manifest `site`, host
    of the manifest `url`, our outlet) and the segments common to the
    manifest's titles (sections, taglines, site names)."""

    def __init__(self, labels, common=frozenset()):
        self.labels = {x for x in labels if x}
        self.common = common


def site_like(segment, decor):
    sq = squash(segment)
    if not sq or is_domain(segment) or norm(segment) in decor.common:
        return True
    for label in decor.labels:
        if sq == label:
            return True
        if sq.startswith(label) and len(norm(segment).split()) <= 4:
            return True
    return False


def segments(title, decor):
    """(start, end) spans of the title's segments, in order."""
    spans, pos = [], 0
    for m in _SEP.finditer(title):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(title):
        spans.append((pos, len(title)))
    # "Forbes.com: Headline": a site name before a colon is a segment too.
    if spans:
        s, e = spans[0]
        m = re.match(r"([^:]{1,40}):\s+", title[s:e])
        if m and site_like(m.group(1), decor):
            spans[0:1] = [(s, s + len(m.group(1))), (s + m.end(), e)]
    return spans


def common_segments(titles):
    """Segments (normalised) of at most 8 words found in two or more titles."""
    seen = {}
    for t in titles:
        for s, e in segments(t, Decor(())):
            k = norm(t[s:e])
            if k and len(k.split()) <= 8:
                seen[k] = seen.get(k, 0) + 1
    return frozenset(k for k, n in seen.items() if n >= 2)


def tkey(s):
    """A title without any spaces: pages space CJK titles and brackets freely."""
    return norm(s).replace(" ", "")


def title_check(manifest, ours, decor, cap=150):
    """'exact', 'cut', 'segments' or None."""
    if tkey(manifest) == tkey(ours):
        return "exact"
    want = tkey(ours)
    if len(want) < 10 or decorated(ours, decor):
        return None
    if cap and len(manifest) >= cap and want.startswith(tkey(manifest)):
        return "cut"
    spans = segments(manifest, decor)
    for i in range(len(spans)):
        if site_like(manifest[spans[i][0]:spans[i][1]], decor):
            continue
        for j in range(i, len(spans)):
            if site_like(manifest[spans[j][0]:spans[j][1]], decor):
                continue
            run = tkey(manifest[spans[i][0]:spans[j][1]])
            if run == want or (cap and len(manifest) >= cap and j == len(spans) - 1
                               and want.startswith(run) and len(run) >= 10):
                return "segments"
    return None


def decorated(ours, decor):
    """Our title still starts or ends with a site-like segment."""
    spans = segments(ours, decor)
    if len(spans) < 2:
        return False
    return any(site_like(ours[s:e], decor) for s, e in (spans[0], spans[-1]))


# --- dates -------------------------------------------------------------------

_MONTHS = {}
for _n, _names in enumerate([
    "january jan januar janv janvier enero ene janeiro gennaio januari jänner",
    "february feb februar fevr fevrier févr février febrero febr fevereiro fev febbraio februari",
    "march mar marz märz mars marzo março marco maart mrt",
    "april apr avril avr abril abr aprile",
    "may mai mayo maio maggio mei mag",
    "june jun juni juin junio junho giugno",
    "july jul juli juillet juil julio julho luglio",
    "august aug august aout août agosto ago augustus",
    "september sep sept septembre septiembre setembro set settembre",
    "october oct oktober octobre octubre outubro out ottobre okt",
    "november nov novembre noviembre novembro",
    "december dec dezember dez decembre décembre diciembre dic dezembro dicembre",
], start=1):
    for _w in _names.split():
        _MONTHS[_w] = _n


def manifest_day(value):
    """'YYYY-MM-DD' of the day the value names, or None."""
    v = unicodedata.normalize("NFKC", value or "").strip()
    if not v:
        return None
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", v)
    if m:
        y, mo, d = map(int, m.groups())
        return _day(y, mo, d)
    m = re.match(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)", v)
    if m:
        d, mo, y = map(int, m.groups())
        return _day(y, mo, d)
    words = re.findall(r"[^\W\d_]+\.?|\d+:\d+(?::\d+)?|\d+", v.casefold())
    year = month = day = None
    for w in words:
        if ":" in w:
            continue
        if w.isdigit():
            if len(w) == 4 and year is None:
                year = int(w)
            elif len(w) <= 2 and day is None:
                day = int(w)
        elif month is None and w.rstrip(".") in _MONTHS:
            month = _MONTHS[w.rstrip(".")]
    if year and month and day:
        return _day(year, month, day)
    return None


def _day(y, mo, d):
    if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 < y < 2100:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


# --- bylines -----------------------------------------------------------------

_BY = re.compile(r"^(?:by|von|par|por|door|di|av)\s+", re.I)
_SPLIT = re.compile(r"\s*[,;&/|]\s*|\s+(?:and|und|et|y|e)\s+", re.I)


def names(byline):
    if isinstance(byline, list):
        byline = ", ".join(str(b) for b in byline if b)
    s = norm(byline)
    s = _BY.sub("", s)
    out = set()
    for piece in _SPLIT.split(s):
        piece = norm(_BY.sub("", re.sub(r"^(?:and|und|et)\s+", "", norm(piece))))
        if piece:
            out.add(piece)
    return out


# --- scoring -----------------------------------------------------------------

class Field:
    def __init__(self, name, note=""):
        self.name, self.note = name, note
        self.total = self.right = self.empty = self.wrong = 0
        self.unreadable = 0
        self.by_rule = {}
        self.decorated = 0
        self.mistakes = []  # (kind, page, manifest value, ours)

    def add(self, page, want, got, ok, rule=None):
        self.total += 1
        if got in (None, "", []) or (isinstance(got, str) and not norm(got)):
            self.empty += 1
            self.mistakes.append(("empty", page, want, got))
        elif ok:
            self.right += 1
            if rule:
                self.by_rule[rule] = self.by_rule.get(rule, 0) + 1
        else:
            self.wrong += 1
            self.mistakes.append(("wrong", page, want, got))


def read_manifest(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return rows


def read_extract(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                print(f"{path}:{n}: not JSON ({e}); skipped", file=sys.stderr)
    return out


def match_pages(rows, extracted):
    """Manifest path -> extract record, matching on trailing path parts."""
    wanted = {unicodedata.normalize("NFC", r["path"]): r["path"] for r in rows}
    found, unmatched = {}, 0
    for rec in extracted:
        p = unicodedata.normalize("NFC", str(rec.get("path", ""))).replace("\\", "/")
        parts = p.split("/")
        for i in range(len(parts)):
            key = "/".join(parts[i:])
            if key in wanted:
                found[wanted[key]] = rec
                break
        else:
            unmatched += 1
    return found, unmatched


def reference_metadata(root, page):
    """(title, byline, outlet) from the source project's expected metadata."""
    p = Path(page)
    parts = p.parts
    if len(parts) < 3 or parts[0] != "pages":
        return None
    project, stem = parts[1], p.stem
    try:
        if project == "readability":
            with open(Path(root, "reference", project, stem + ".metadata.json"), encoding="utf-8") as f:
                d = json.load(f)
            return d.get("title"), d.get("byline"), d.get("siteName")
        if project == "newspaper4k":
            with open(Path(root, "reference", project, stem + ".json"), encoding="utf-8") as f:
                d = json.load(f)
            return d.get("title"), d.get("authors"), d.get("meta_site_name")
    except (OSError, ValueError):
        return None
    return None


def present(v):
    if isinstance(v, list):
        return any(str(x).strip() for x in v)
    return v is not None and bool(str(v).strip())


def score(rows, found, refs, cap=150):
    cols = set(rows[0]) if rows else set()
    byline_col = next((c for c in ("byline", "author", "authors") if c in cols), None)
    fields = {}
    common = common_segments(r["title"] for r in rows if present(r.get("title")))

    def field(name, note=""):
        if name not in fields:
            fields[name] = Field(name, note)
        return fields[name]

    for name, col in (("title", "title"), ("outlet", "site"), ("date", "date"), ("byline", byline_col)):
        if col in cols:
            field(name)
    for r in rows:
        page = r["path"]
        rec = found.get(page, {})
        ours_outlet = rec.get("outlet")
        decor = Decor({site_label(r.get("site") or ""), domain_label(host_of(r.get("url"))),
                       squash(ours_outlet or "")}, common)
        if present(r.get("title")):
            got = rec.get("title")
            rule = title_check(r["title"], got, decor, cap) if present(got) else None
            f = field("title")
            f.add(page, r["title"], got, rule is not None, rule)
            if rule == "exact" and decorated(got, decor):
                f.decorated += 1
        if present(r.get("site")):
            got = ours_outlet
            field("outlet").add(page, r["site"], got, present(got) and outlet_right(r["site"], got))
        if present(r.get("date")):
            f = field("date")
            day = manifest_day(r["date"])
            if day is None:
                f.unreadable += 1
            else:
                got = rec.get("date")
                f.add(page, f"{r['date']} ({day})", got, present(got) and str(got)[:10] == day)
        if byline_col and present(r.get(byline_col)):
            got = rec.get("byline")
            field("byline").add(page, r[byline_col], got, present(got) and names(r[byline_col]) == names(got))
        if refs:
            meta = reference_metadata(refs, page)
            if not meta:
                continue
            title, byline, outlet = meta
            note = "reference metadata"
            if present(title):
                got = rec.get("title")
                rule = title_check(title, got, decor, 0) if present(got) else None
                field("title (ref)", note).add(page, title, got, rule is not None, rule)
            if present(outlet):
                got = ours_outlet
                field("outlet (ref)", note).add(page, outlet, got, present(got) and outlet_right(outlet, got))
            if present(byline):
                got = rec.get("byline")
                field("byline (ref)", note).add(page, byline, got, present(got) and names(byline) == names(got))
    return fields, byline_col


def short(v, n=90):
    if isinstance(v, list):
        v = "; ".join(map(str, v))
    if v is None:
        return "-"
    s = " ".join(str(v).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("manifest", help="tab-separated manifest with a path column")
    ap.add_argument("extract_jsonl", help="output of newsdex extract -q --no-text over the pages")
    ap.add_argument("--refs", metavar="DIR", help="unpacked corpus folder with reference/ (adds '(ref)' rows)")
    ap.add_argument("--title-cap", type=int, default=150, metavar="N",
                    help="manifest titles of N or more characters were cut (0: none)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N mismatches per field")
    args = ap.parse_args()

    rows = read_manifest(args.manifest)
    extracted = read_extract(args.extract_jsonl)
    found, unmatched = match_pages(rows, extracted)
    if extracted and not found:
        print("no extract line matched a manifest path: were the pages unpacked from the "
              "manifest's folder (paths ending in pages/...)?", file=sys.stderr)
    fields, byline_col = score(rows, found, args.refs, args.title_cap)

    head = ("field", "pages with a value", "newsdex right", "share right", "newsdex empty", "newsdex wrong")
    table = [head]
    for f in fields.values():
        share = f"{100 * f.right / f.total:.1f}%" if f.total else "-"
        table.append((f.name, str(f.total), str(f.right), share, str(f.empty), str(f.wrong)))
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    print(f"manifest: {len(rows)} pages; newsdex output for {len(found)}"
          + (f"; {unmatched} output lines matched no manifest row" if unmatched else ""))
    for n, row in enumerate(table):
        print("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row)))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    notes = []
    if "title" in fields:
        f = fields["title"]
        notes.append(f"title: {f.by_rule.get('segments', 0)} right only after dropping site/section "
                     f"segments of the manifest's <title>, {f.by_rule.get('cut', 0)} by the cut manifest "
                     f"title's prefix; {f.decorated} right as written but ours still starts or ends "
                     f"with a site/section segment")
    if "date" in fields and fields["date"].unreadable:
        notes.append(f"date: {fields['date'].unreadable} manifest values not readable as a day, left out")
    if byline_col is None:
        notes.append("byline: the manifest has no byline/author column"
                     + ("" if args.refs else "; --refs DIR scores the source projects' reference bylines"))
    if any(f.note for f in fields.values()):
        notes.append("(ref): the source projects' expected metadata (Readability, newspaper4k), "
                     "another tool's output rather than checked truth")
    for n in notes:
        print("note: " + n)

    if args.errors > 0:
        for f in fields.values():
            if not f.mistakes:
                continue
            ordered = [m for m in f.mistakes if m[0] == "wrong"] + [m for m in f.mistakes if m[0] == "empty"]
            print(f"\n== {f.name}: {f.wrong} wrong, {f.empty} empty")
            source = "reference" if f.note else "manifest"
            for kind, page, want, got in ordered[: args.errors]:
                print(f"{kind:5}  {page}\n       {source + ':':10} {short(want)}\n       {'newsdex:':10} {short(got)}")


if __name__ == "__main__":
    main()
