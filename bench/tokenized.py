#!/usr/bin/env python3
"""Rewrites a quotation gold set (score_quotes.py's format) as tokenised text.

Usage:
    python3 bench/tokenized.py GOLD.jsonl OUT_DIR

Some quotation datasets (DirectQuote, CoNLL-style corpora) give an article as
tokens joined by single spaces: `“ We will win , ” she said .`. This writes
the gold set that way, so the extractor can be scored on the same quotations
in both forms. Each variant goes to OUT_DIR/VARIANT.jsonl:

    doc-curly   whole articles, the text's own quotation marks
    doc-ascii   whole articles, curly double marks made straight (")
    doc-ptb     whole articles, double marks as `` and '' (Penn Treebank)
    para-ascii  one record per paragraph, straight marks; a quotation's
                speaker is scored only when a name in the same paragraph
                says it (as a paragraph-level dataset can)

Tokens: markup tags left in the text, web addresses, numbers ("100,000", "9/11", "11:50"), words (with
inner hyphens, periods, apostrophes and ampersands), then every other
non-space character alone; a period stays on a known abbreviation or an
initial ("Mr.", "J."). Paragraphs stay one per line. Gold offsets are
recomputed; the quotations' words are unchanged. Python 3.11, stdlib only.
"""
import json
import os
import re
import sys

TOKEN = re.compile(
    r"<[^<>\n]*>|https?://[^\s\"“”]+[\w/]|''|``|\d+(?:[,.:/]\d+)+|\w+(?:[-.'\u2019&]\w+)*|[^\w\s]"
)
ABBREVIATIONS = set(
    "Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Sgt Jr Sr St Prof Rev Capt Adm Maj "
    "Inc Corp Co Ltd Jan Feb Aug Sept Oct Nov Dec No vs Calif Fla Ill Mass "
    "Mich Minn Wash Pa Va Ga Ariz Colo Conn Ky La Md Mo Nev Okla Ore Tenn Tex Wis".split()
)


def tokenize(line, marks):
    """Returns the tokenised line and a map from each character of the line
    that is in a token to its offset in the tokenised line."""
    tokens, where, length, double_open = [], {}, 0, False
    for m in TOKEN.finditer(line):
        tok = m.group(0)
        if tok == "." and tokens and m.start() > 0 and not line[m.start() - 1].isspace():
            prev = tokens[-1]
            if prev in ABBREVIATIONS or (len(prev) == 1 and prev.isupper()) or "." in prev:
                tokens[-1] += "."
                where[m.start()] = length
                length += 1
                continue
        if tok in "“”\"" and marks != "curly":
            if marks == "ascii":
                tok = '"'
            else:
                double_open = tok == "“" or (tok == '"' and not double_open)
                tok = "``" if double_open else "''"
        if tokens:
            length += 1
        for k in range(m.start(), m.end()):
            # A mark rewritten to another length maps as a whole.
            where[k] = length + (k - m.start() if len(tok) == m.end() - m.start() else 0)
        tokens.append(tok)
        length += len(tok)
    return " ".join(tokens), where


def moved(quote, line, start, new, where):
    """The gold quotation re-anchored in the tokenised line, or None."""
    s, e = quote["start"] - start, quote["end"] - start
    while s < e and line[s].isspace():
        s += 1
    while e > s and line[e - 1].isspace():
        e -= 1
    if s not in where or e - 1 not in where:
        return None
    ns, ne = where[s], where[e - 1] + 1
    while ne < len(new) and new[ne] != " ":
        ne += 1
    out = {k: v for k, v in quote.items() if k not in ("speaker_start", "speaker_end")}
    out.update(start=ns, end=ne, text=new[ns:ne])
    return out


def convert(doc, marks, per_paragraph):
    text = doc["text"]
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    records, parts, quotes, offset = [], [], [], 0
    for n, (a, b) in enumerate(lines):
        line = text[a:b]
        new, where = tokenize(line, marks)
        here = []
        for q in doc["quotes"]:
            if not (a <= q["start"] and q["end"] <= b):
                continue
            m = moved(q, line, a, new, where)
            if m is None:
                continue
            if per_paragraph:
                said_here = q.get("speaker_start") is not None and a <= q["speaker_start"] < b
                if not said_here or q.get("speaker_type") != "name":
                    m["attribution_scored"] = False
            else:
                m["start"] += offset
                m["end"] += offset
            here.append(m)
        if per_paragraph:
            records.append(
                {"id": f"{doc['id']}#p{n}", "source": doc["source"], "text": new, "quotes": here}
            )
        else:
            parts.append(new)
            quotes.extend(here)
            offset += len(new) + 2
    if not per_paragraph:
        record = {"id": doc["id"], "source": doc["source"], "text": "\n\n".join(parts)}
        if doc.get("date"):
            record["date"] = doc["date"]
        record["quotes"] = quotes
        records.append(record)
    return records


VARIANTS = {
    "doc-curly": ("curly", False),
    "doc-ascii": ("ascii", False),
    "doc-ptb": ("ptb", False),
    "para-ascii": ("ascii", True),
}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gold, out_dir = sys.argv[1], sys.argv[2]
    docs = [json.loads(line) for line in open(gold, encoding="utf-8")]
    os.makedirs(out_dir, exist_ok=True)
    for name, (marks, per_paragraph) in VARIANTS.items():
        with open(os.path.join(out_dir, name + ".jsonl"), "w", encoding="utf-8") as out:
            for doc in docs:
                for record in convert(doc, marks, per_paragraph):
                    for q in record["quotes"]:
                        assert record["text"][q["start"] : q["end"]] == q["text"], record["id"]
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
