#!/usr/bin/env python3
"""Score what newsdex reads from wire-copy text files against a ground-truth table.

    bench/wire.py INDEX.tsv[.xz] EXTRACT.jsonl [--errors N]

INDEX.tsv is the Reuters corpus's table (../shared/corpora/reuters-financial-2006-2013/
index.tsv.xz): one row per file with `path`, `published` (ISO 8601 with its UTC offset,
empty for a file without a header), `title` and `byline`. EXTRACT.jsonl is the output of
`newsdex extract --no-text` over the unpacked corpus. Rows are joined on the day folder and file name.

For every file with a header it counts:
- time: the publication instant newsdex gives equals the table's (offsets compared as
  instants, so 15:48-04:00 and 19:48Z are the same);
- day: newsdex's publication day is the day of the table's local time (the day the wire
  printed in its date line);
- title: the same after white space is folded;
- byline: the same set of names (split at "and" and commas; white space and case folded),
  scored only where the table has one, plus the files where newsdex invents one.
A file the extractor skipped counts as wrong in every column.
"""

import argparse
import datetime as dt
import json
import lzma
import re
import sys


def open_table(path):
    if path.endswith(".xz"):
        return lzma.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def fold(s):
    return " ".join((s or "").split())


def names(byline):
    parts = re.split(r",|\band\b|&", fold(byline).casefold())
    return frozenset(p.strip() for p in parts if p.strip())


def instant(s):
    try:
        return dt.datetime.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("table")
    ap.add_argument("extract")
    ap.add_argument("--errors", type=int, default=0, help="list N mismatches per column")
    args = ap.parse_args()

    # The table's paths start at the folder the archive unpacks to; the day
    # folder and the file name identify a file.
    def tail(path):
        return "/".join(path.split("/")[-2:])

    with open(args.extract, encoding="utf-8") as f:
        by_tail = {tail(a["path"]): a for a in map(json.loads, f)}

    counts = {k: 0 for k in ("time", "day", "title", "byline", "byline_rows", "byline_invented")}
    errors = {k: [] for k in ("time", "day", "title", "byline")}

    def check(column, right, rel, want, have):
        if right:
            counts[column] += 1
        elif len(errors[column]) < args.errors:
            errors[column].append((rel, want, have))

    rows = skipped = 0
    with open_table(args.table) as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            cells = line.rstrip("\n").split("\t")
            published = cells[col["published"]]
            if not published:
                continue
            rows += 1
            rel = cells[col["path"]]
            want = cells[col["byline"]]
            if want.strip():
                counts["byline_rows"] += 1
            a = by_tail.get(tail(rel))
            if a is None:
                skipped += 1
                continue
            truth = instant(published)
            mine = instant(a.get("published"))
            check("time", truth and mine and truth == mine, rel, published, a.get("published"))
            day = truth and truth.date().isoformat()
            check("day", truth and a.get("date") == day, rel, day, a.get("date"))
            title = cells[col["title"]]
            check("title", fold(a.get("title")) == fold(title), rel, title, a.get("title"))
            if want.strip():
                check("byline", names(want) == names(a.get("byline")), rel, want, a.get("byline"))
            elif a.get("byline"):
                counts["byline_invented"] += 1
                check("byline", False, rel, want, a.get("byline"))

    def share(n, d):
        return f"{n:,}/{d:,} = {100 * n / d:.2f}%" if d else "-"

    print(f"files with a header: {rows:,} (skipped by newsdex: {skipped:,})")
    print("| field | right |")
    print("| --- | --- |")
    print(f"| publication time (instant) | {share(counts['time'], rows)} |")
    print(f"| publication day (local) | {share(counts['day'], rows)} |")
    print(f"| title | {share(counts['title'], rows)} |")
    print(f"| byline (files with one) | {share(counts['byline'], counts['byline_rows'])} |")
    print(f"| byline given where there is none | {counts['byline_invented']:,} files |")
    for column, rows_ in errors.items():
        for rel, want, have in rows_:
            print(f"{column}: {rel}: want {want!r}, got {have!r}", file=sys.stderr)


if __name__ == "__main__":
    main()
