#!/usr/bin/env python3
"""Scores vigie's article text on the article-extraction benchmark (issue #13).

The benchmark (../shared/data/article-extraction: gzipped pages and ground-truth.json) defines the
metric, reimplemented here: both texts become \\w+ tokens, then multisets of 4-token shingles;
per page TP, FP and FN are counted; precision is averaged over the pages where vigie printed
shingles, recall over the pages whose truth has shingles, and F1 is taken from the two means.

vigie runs once over every page (`vigie extract --emit-text --format jsonl`); a page it prints
nothing for counts as recall 0. Figures are given for all pages, for the part tuned on (keys
starting 0-9, a, b) and for the part left unread while tuning (c-f).

usage: html_score.py --vigie build/src/vigie [--dataset DIR] [--misses N] [--show KEY]
                     [--floors FILE]
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text):
    tokens = TOKEN.findall(text or "")
    return collections.Counter(
        tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def match(truth, predicted):
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    return tp, sum(p.values()) - tp, sum(t.values()) - tp


def summary(rows):
    """rows: (tp, fp, fn) per page → precision, recall, F1 as the benchmark computes them."""
    precisions = [tp / (tp + fp) for tp, fp, fn in rows if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, fp, fn in rows if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tuned_on(key):
    return key[0] in "0123456789ab"


def run_vigie(vigie, pages):
    """Article text per page key, from one vigie process."""
    out = subprocess.run([vigie, "extract", "--emit-text", "--format", "jsonl", "-q", *pages],
                         capture_output=True, text=True, errors="replace")
    if out.returncode not in (0, 1):
        sys.exit(f"html_score: vigie exited {out.returncode}: {out.stderr.strip()}")
    texts = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        key = os.path.basename(record["file"]).split(".")[0]
        texts[key] = record["text"]
    return texts, out.stderr


def read_floors(path):
    floors = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            part, figure, value = line.rstrip("\n").split("\t")
            floors[(part, figure)] = float(value)
    return floors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--vigie", required=True)
    parser.add_argument("--dataset", default=os.path.join(
        here, "..", "..", "shared", "data", "article-extraction"))
    parser.add_argument("--misses", type=int, default=0,
                        help="print the N tuned-on pages with the lowest F1")
    parser.add_argument("--show", help="print truth and vigie's text for one page key")
    parser.add_argument("--floors", help="fail (exit 1) when a figure is below its floor")
    parser.add_argument("--save", help="write vigie's text per page key to this JSON file")
    args = parser.parse_args()

    truth_file = os.path.join(args.dataset, "ground-truth.json")
    with open(truth_file, encoding="utf-8") as f:
        truth = json.load(f)
    if not truth:
        sys.exit(f"html_score: {truth_file} holds no page")
    pages = []
    for key in sorted(truth):
        path = os.path.join(args.dataset, "html", key + ".html.gz")
        if not os.path.isfile(path):
            sys.exit(f"html_score: {path} is missing")
        pages.append(path)
    texts, stderr = run_vigie(args.vigie, pages)

    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            json.dump(texts, f, ensure_ascii=False, indent=0)

    if args.show:
        print("=== truth ===\n" + truth[args.show].get("articleBody", ""))
        print("=== vigie ===\n" + texts.get(args.show, "(nothing)"))
        return 0

    rows = {k: match(truth[k].get("articleBody", ""), texts.get(k, "")) for k in truth}
    parts = {
        "all": list(rows),
        "tuned": [k for k in rows if tuned_on(k)],
        "unread": [k for k in rows if not tuned_on(k)],
    }
    figures = {}
    print(f"{'part':8} {'pages':>5} {'precision':>9} {'recall':>7} {'F1':>6} {'empty':>5}")
    for name, keys in parts.items():
        p, r, f1 = summary([rows[k] for k in keys])
        empty = sum(1 for k in keys if not texts.get(k))
        figures[name] = {"precision": p, "recall": r, "f1": f1}
        print(f"{name:8} {len(keys):5d} {p:9.3f} {r:7.3f} {f1:6.3f} {empty:5d}")
    if stderr.strip():
        print("vigie said:\n" + stderr.strip(), file=sys.stderr)

    if args.misses:
        def page_f1(k):
            tp, fp, fn = rows[k]
            return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        worst = sorted(parts["tuned"], key=page_f1)[:args.misses]
        for k in worst:
            tp, fp, fn = rows[k]
            print(f"{page_f1(k):.3f} tp={tp} fp={fp} fn={fn} {k} {truth[k].get('url', '')}")

    if args.floors:
        failed = False
        for (part, figure), floor in sorted(read_floors(args.floors).items()):
            value = figures[part][figure]
            status = "ok" if value >= floor else "BELOW FLOOR"
            failed |= value < floor
            print(f"{part} {figure} {value:.3f} (floor {floor}) {status}")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
