#!/usr/bin/env bash
# Scores newsdex against the evaluation sets in ../shared/eval/ (or EVAL_DIR).
#
#   bench/eval.sh quotes       [EVAL_DIR]   quotations and speakers (PolNeAR)
#   bench/eval.sh tokenized    [EVAL_DIR]   the same quotations as tokenised text
#                                           ("“ We will win , ” she said ."), four ways
#   bench/eval.sh extraction   [EVAL_DIR]   article body of saved pages
#   bench/eval.sh dates        [EVAL_DIR]   publication dates of saved pages
#   bench/eval.sh manifest     [NEWS_HTML]  title, outlet, date of saved pages against
#                                           the news-html manifest (../shared/corpora/news-html)
#   bench/eval.sh wire         [WIRE_DIR]   publication time, day, title and byline of the
#                                           Reuters wire files against its index.tsv.xz
#                                           (../shared/corpora/reuters-financial-2006-2013)
#   bench/eval.sh all          [EVAL_DIR]   all six; news-html from NEWS_HTML_DIR, the
#                                           wire corpus from WIRE_DIR
#
# Needs python3 (the scorers are Python) and a release build, which it makes.
# MANIFEST_ERRORS=N makes the manifest mode list N mismatches per field.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
if [ "$what" = manifest ]; then
  news_dir=$(cd "${2:-${NEWS_HTML_DIR:-../shared/corpora/news-html}}" && pwd)
elif [ "$what" = wire ]; then
  wire_dir=$(cd "${2:-${WIRE_DIR:-../shared/corpora/reuters-financial-2006-2013}}" && pwd)
else
  eval_dir=$(cd "${2:-${EVAL_DIR:-../shared/eval}}" && pwd)
  news_dir=${NEWS_HTML_DIR:-../shared/corpora/news-html}
  wire_dir=${WIRE_DIR:-../shared/corpora/reuters-financial-2006-2013}
fi
cargo build --release --locked -q
bin=$PWD/target/release/newsdex
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

quotes() {
  echo "== quotations (PolNeAR dev, $(wc -l < "$eval_dir/polnear/dev.jsonl") articles)"
  local t0=$(date +%s.%N)
  "$bin" extract --no-text "$eval_dir/polnear/dev.jsonl" > "$work/quotes.jsonl"
  local t1=$(date +%s.%N)
  python3 "$eval_dir/score_quotes.py" "$eval_dir/polnear/dev.jsonl" "$work/quotes.jsonl"
  echo "time: $(python3 -c "print(round($t1 - $t0, 3))") s (extract, JSON in and out, one thread)"
}

# PolNeAR dev rewritten as tokens joined by spaces (bench/tokenized.py), the
# form some quotation datasets come in: each variant scored as `quotes` is.
tokenized() {
  echo "== quotations as tokenised text (PolNeAR dev through bench/tokenized.py)"
  python3 bench/tokenized.py "$eval_dir/polnear/dev.jsonl" "$work/tokenized"
  for variant in doc-curly doc-ascii doc-ptb para-ascii; do
    "$bin" extract --no-text "$work/tokenized/$variant.jsonl" > "$work/$variant.pred.jsonl"
    printf '%-11s ' "$variant"
    python3 "$eval_dir/score_quotes.py" "$work/tokenized/$variant.jsonl" "$work/$variant.pred.jsonl" |
      tail -1
  done
}

# Unpacks gzipped pages into $work/$1/ and runs extract over them, one JSON
# line per page; prints the time.
extract_pages() {
  local name=$1 src=$2
  mkdir -p "$work/$name"
  for f in "$src"/*.gz; do
    gunzip -c "$f" > "$work/$name/$(basename "${f%.gz}")"
  done
  extract_dir "$name" "$work/$name"
}

# Runs extract over every file under $2 (any depth), one JSON line per page
# into $work/$1.jsonl, with any further arguments as extract options; prints
# the time.
extract_dir() {
  local name=$1 dir=$2
  shift 2
  local t0=$(date +%s.%N)
  find "$dir" -type f -print0 | sort -z | xargs -0 "$bin" extract -q "$@" > "$work/$name.jsonl" || true
  local t1=$(date +%s.%N)
  local n=$(find "$dir" -type f | wc -l)
  python3 -c "t = $t1 - $t0; print(f'pages: $n in {t:.2f} s ({$n / t:.0f} pages/s: process start, decode, parse, extract, JSON out; one thread)')"
}

extraction() {
  echo "== article body (article-extraction benchmark)"
  extract_pages pages "$eval_dir/article-extraction/html"
  python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
with open(f"{work}/bodies.jsonl", "w") as out:
    for line in open(f"{work}/pages.jsonl"):
        a = json.loads(line)
        page_id = os.path.basename(a["path"]).split(".")[0]
        out.write(json.dumps({"id": page_id, "text": a.get("text") or ""}) + "\n")
PY
  python3 "$eval_dir/score_extraction.py" "$work/bodies.jsonl" \
    "$eval_dir/article-extraction/anchors/rs_dom_smoothie_formatted.jsonl.gz" \
    "$eval_dir/article-extraction/anchors/py_trafilatura.jsonl.gz"
  echo "in process (no process start, no disk, no JSON):"
  cargo bench --bench pages -q -- "$work/pages" 2>/dev/null | tail -3
}

dates() {
  echo "== publication dates (htmldate evaluation set)"
  extract_pages dates "$eval_dir/dates/html"
  python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
with open(f"{work}/dates-pred.jsonl", "w") as out:
    for line in open(f"{work}/dates.jsonl"):
        a = json.loads(line)
        out.write(json.dumps({"file": "html/" + os.path.basename(a["path"]) + ".gz", "date": a.get("date")}) + "\n")
PY
  python3 "$eval_dir/score_dates.py" "$work/dates-pred.jsonl" \
    "$eval_dir/dates/anchors/py_htmldate_extensive.jsonl" "$eval_dir/dates/anchors/rs_trafilatura_rs.jsonl"
}

manifest() {
  echo "== page metadata (news-html manifest: title, outlet, date; bylines from the reference metadata)"
  tar -xJf "$news_dir/news-html.tar.xz" -C "$work"
  extract_dir manifest "$work/news-html/pages" --no-text
  python3 bench/manifest.py "$news_dir/manifest.tsv" "$work/manifest.jsonl" \
    --refs "$work/news-html" --errors "${MANIFEST_ERRORS:-0}"
}

wire() {
  echo "== wire copy (Reuters text files: date line, headline, byline against index.tsv.xz)"
  tar -xJf "$wire_dir"/reuters-financial-2006-2013.tar.xz -C "$work"
  extract_dir wire "$work/ReutersNews106521" --no-text
  python3 bench/wire.py "$wire_dir/index.tsv.xz" "$work/wire.jsonl" --errors "${WIRE_ERRORS:-0}"
}

case $what in
  quotes) quotes ;;
  tokenized) tokenized ;;
  extraction) extraction ;;
  dates) dates ;;
  manifest) manifest ;;
  wire) wire ;;
  all) quotes; tokenized; extraction; dates; manifest; wire ;;
  *) echo "usage: bench/eval.sh quotes|tokenized|extraction|dates|manifest|wire|all [EVAL_DIR or NEWS_HTML dir]" >&2; exit 2 ;;
esac
