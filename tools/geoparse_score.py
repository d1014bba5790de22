#!/usr/bin/env python3
"""Scores vigie's places against the public geoparsing sets (LGL, TR-News, GeoWebNews).

Every article of each XML file goes to `vigie extract --annotations --format jsonl` as one JSON
line; the place mentions that come back are matched to the gold toponyms by their code point
spans. Four figures per set, as issue #12 defines them:

  recognised   gold toponyms that a place mention overlaps
  resolved     of those, the ones whose place lies within 161 km (100 miles) of the gold point
  end_to_end   gold toponyms recognised and resolved within 161 km
  precision    place mentions that overlap an annotated toponym

Gold toponyms are those with coordinates: LGL's and TR-News' <gaztag> (lat/lon of the GeoNames
entry), GeoWebNews' <latitude>/<longitude>. For precision, a mention is right when it overlaps
any annotated toponym, with coordinates or not (LGL's toponyms without a GeoNames entry,
GeoWebNews' demonyms and metonyms), except GeoWebNews' Non_Toponym annotations.

  tools/geoparse_score.py --vigie build/src/vigie --data DIR FILE.xml... [--floors TSV] [--misses N]

Exit: 0, or 1 when a figure is under its floor in --floors (lines "set figure floor"), or when
vigie fails; 2 on a file that cannot be read.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MILES_100_KM = 161.0


def km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def number(text):
    try:
        return float(text) if text is not None and text.strip() else None
    except ValueError:
        return None


def read_set(path):
    """Articles as dicts: id, text, published, gold [(begin, end, lat, lon, phrase)], spans."""
    name = os.path.basename(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        sys.exit(f"geoparse_score: cannot read {path}: {e}")
    articles = []
    for k, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        # LGL's download times start with the date; TR-News' are free text, left out.
        published = (article.findtext("dltime") or "")[:10]
        published = published if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) else None
        gold, spans = [], []
        for t in article.iter("toponym"):
            begin, end = number(t.findtext("start")), number(t.findtext("end"))
            if begin is None or end is None:
                continue
            begin, end = int(begin), int(end)
            phrase = t.findtext("phrase") or t.findtext("extractedName") or text[begin:end]
            if t.findtext("type") == "Non_Toponym":
                continue
            spans.append((begin, end))
            gaztag = t.find("gaztag")
            if gaztag is not None:
                lat, lon = number(gaztag.findtext("lat")), number(gaztag.findtext("lon"))
            else:
                lat, lon = number(t.findtext("latitude")), number(t.findtext("longitude"))
            if lat is not None and lon is not None:
                gold.append((begin, end, lat, lon, phrase))
        articles.append({"id": f"{name}#{k}", "text": text, "published": published,
                         "gold": gold, "spans": spans})
    if not articles:
        sys.exit(f"geoparse_score: no <article> in {path}")
    return articles


def run_vigie(vigie, data, threads, articles):
    """Place mentions by article id, from one vigie run over every article."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for a in articles:
            record = {"id": a["id"], "text": a["text"], "lang": "en"}
            if a["published"]:
                record["published"] = a["published"]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        feed = f.name
    try:
        cmd = [vigie, "extract", "--annotations", "--format", "jsonl", "--input-format", "jsonl",
               "-q", "-j", str(threads), feed]
        if data:
            cmd[2:2] = ["--data", data]
        run = subprocess.run(cmd, capture_output=True, text=True)
    finally:
        os.unlink(feed)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        return None, run.returncode
    places = {}
    for line in run.stdout.splitlines():
        m = json.loads(line)
        if m["kind"] == "place":
            places.setdefault(m["doc"], []).append(m)
    return places, 0


def overlaps(a_begin, a_end, b_begin, b_end):
    return a_begin < b_end and b_begin < a_end


def score(articles, places, misses):
    gold_n = recognised = resolved = mentions = right_mentions = 0
    missed, wrong, spurious = [], [], []
    for a in articles:
        found = places.get(a["id"], [])
        mentions += len(found)
        for m in found:
            if any(overlaps(m["begin"], m["end"], b, e) for b, e in a["spans"]):
                right_mentions += 1
            elif len(spurious) < misses:
                spurious.append(f"{a['id']}: {m['text']!r} -> {m.get('country')} ({m['rule']})")
        for begin, end, lat, lon, phrase in a["gold"]:
            gold_n += 1
            hits = [m for m in found if overlaps(m["begin"], m["end"], begin, end)]
            if not hits:
                if len(missed) < misses:
                    missed.append(f"{a['id']}: {phrase!r} at {begin}")
                continue
            recognised += 1
            located = [m for m in hits if "lat" in m]
            if any(km(m["lat"], m["lon"], lat, lon) <= MILES_100_KM for m in located):
                resolved += 1
            elif len(wrong) < misses:
                got = located[0] if located else hits[0]
                entry = got.get("entry", {})
                wrong.append(f"{a['id']}: {phrase!r} -> {entry.get('name', got.get('country'))}, "
                             f"{entry.get('country', got.get('country'))} "
                             f"({got.get('lat')}, {got.get('lon')}); gold ({lat}, {lon})")
    figures = {
        "gold": gold_n,
        "recognised": recognised / gold_n if gold_n else 0.0,
        "resolved": resolved / recognised if recognised else 0.0,
        "end_to_end": resolved / gold_n if gold_n else 0.0,
        "precision": right_mentions / mentions if mentions else 0.0,
        "mentions": mentions,
    }
    return figures, missed, wrong, spurious


def read_floors(path):
    floors = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split()
            if len(parts) != 3:
                sys.exit(f"geoparse_score: {path}:{n}: expected 'set figure floor'")
            floors[(parts[0], parts[1])] = float(parts[2])
    return floors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+", help="lgl.xml, TR-News.xml, GeoWebNews.xml")
    ap.add_argument("--vigie", default="build/src/vigie")
    ap.add_argument("--data", help="gazetteer data directory (vigie's default otherwise)")
    ap.add_argument("-j", "--threads", type=int, default=0)
    ap.add_argument("--floors", help="TSV of 'set figure floor' lines; exit 1 under any")
    ap.add_argument("--misses", type=int, default=0, help="print up to N misses of each kind")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()

    floors = read_floors(args.floors) if args.floors else {}
    results, failed = {}, []
    for path in args.sets:
        name = os.path.splitext(os.path.basename(path))[0]
        articles = read_set(path)
        places, rc = run_vigie(args.vigie, args.data, args.threads, articles)
        if places is None:
            failed.append(f"{name}: vigie exited with {rc}")
            continue
        figures, missed, wrong, spurious = score(articles, places, args.misses)
        results[name] = figures
        if not args.json:
            print(f"{name}: {figures['gold']} gold toponyms, {figures['mentions']} place mentions; "
                  f"recognised {figures['recognised']:.3f}, resolved within 161 km "
                  f"{figures['resolved']:.3f}, end to end {figures['end_to_end']:.3f}, "
                  f"precision {figures['precision']:.3f}")
        for title, lines in (("not recognised", missed), ("resolved far", wrong),
                             ("not a gold toponym", spurious)):
            if lines:
                print(f"  {title}:")
                for line in lines:
                    print(f"    {line}")
        for (set_name, figure), floor in floors.items():
            if set_name == name and figures.get(figure, 0.0) < floor:
                failed.append(f"{name} {figure} {figures.get(figure, 0.0):.3f} < {floor}")
    if args.json:
        print(json.dumps(results))
    for line in failed:
        print(f"FAIL: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
