"""Train the mood model the reader ships (`plugin/reading/model/mood.npz`) and say how well it reads held-out text.

    .venv/bin/pip install -e '.[train]'        # scikit-learn: only for training, never at run time
    .venv/bin/python tests/benchmarks/train_mood.py [--cross] [--write]

Trains a multinomial logistic regression (scikit-learn, lbfgs, C=10, classes weighted by their frequency) on the
features `plugin.reading.mood_model.features` computes, the same function the reader uses, so training and
reading cannot drift apart. The training sets are the labeled files in `tests/benchmarks/data/`: the practice
sets E-H (written blind for earlier rounds) and the training sets A-E (written for training), and the one-sentence
tables of the reader's unit tests (`tests/unit/test_reading*.py`, about a thousand sentences with their mood):
whole tickets teach how customers sound over a message, the sentences what a single short line says. The dev set
(`../shared/eval/tickets-dev.jsonl`) is never trained on: the benchmark's dev figures are figures on text the
model has not seen.

`--cross` leaves each labeled set out in turn (the dev set too), trains on the rest and prints the held-out mood
accuracy, upset recall and calm read as upset, and each matter as the reader finds it with the model adding it at
each of a few thresholds, pooled over the sets (never the dev set) with the threshold each matter would take: the
thresholds of `plugin.reading.reader.MATTER_AT` are chosen there. `--write` writes the weights, with what they were
trained on (file names, line counts and SHA-256) in the archive's `about`.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from plugin.reading.mood_model import MOOD_WEIGHTS, MoodModel, features, grams  # noqa: E402
from plugin.reading.reader import MATTER_AT, Reader  # noqa: E402

DATA = ROOT / "tests" / "benchmarks" / "data"
DEV = ROOT.parent / "shared" / "eval" / "tickets-dev.jsonl"
TRAINING = ("tickets-practice-e.jsonl", "tickets-practice-f.jsonl", "tickets-practice-g.jsonl",
            "tickets-practice-h.jsonl", "tickets-train-a.jsonl", "tickets-train-b.jsonl", "tickets-train-c.jsonl",
            "tickets-train-d.jsonl", "tickets-train-e.jsonl")
OUT = ROOT / "plugin" / "reading" / "model" / MOOD_WEIGHTS
CLASSES = ["angry", "calm", "frustrated", "threatening"]
MATTERS = ("legal", "regulatory", "media", "outage", "security", "billing", "churn")
UPSET = {"frustrated", "angry", "threatening"}
MIN_DF = 2
# Tried for each matter the model may add. None below 0.7: each matter escalates a ticket (Tier 4, Critical, a
# page), which the model's word alone should not do at little better than even odds.
THRESHOLDS = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
C = 10.0


def sentences() -> list[dict[str, Any]]:
    """The unit tests' tables of single sentences, in the order the tables hold them: each with its mood where the
    table gives one, and the matters it must find (`found`) and must not (`absent`) where it names them. A sentence
    teaches the mood when it has one, and each matter head only what its table says of that matter."""
    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    import test_reading as base
    import test_reading_families as families
    import test_reading_general as general
    import test_reading_kinds as kinds

    table: list[tuple[str, Any, set[str], set[str]]] = [(text, mood, set(m), set()) for text, mood, m in base.READINGS]
    table += [(text, "calm", set(), set()) for text in base.CALM_FAILURES]
    table += [(text, None, set(), set(absent)) for text, absent in base.LURES]
    for rows in (families.ALL, families.SIXTH, families.SEVENTH, families.EIGHTH, families.NINTH, families.TENTH,
                 families.TENTH_MEDIA, families.TENTH_OUTAGE, families.TENTH_LEGAL, families.ELEVENTH, families.TWELFTH,
                 general.CASES,
                 kinds.ALL):
        for row in rows:
            values = getattr(row, "values", row)
            table.append((values[0], values[1], set(values[2]), set(values[3])))
    out = []
    for text, mood, found, absent in table:
        mood = getattr(mood, "value", mood)
        out.append({"subject": "", "body": text, "mood": mood if mood in CLASSES else None,
                    "found": sorted(found & set(MATTERS)), "absent": sorted(absent & set(MATTERS))})
    return out


def text_of(row: dict[str, Any]) -> str:
    return f"{row['subject']}\n{row['body']}" if row.get("subject") else str(row["body"])


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _vocabulary(blocks: list[Counter[str]], of: Any = None) -> tuple[list[str], np.ndarray]:
    """The features seen in at least `MIN_DF` messages, and their idf. `of` turns a message's block into its features
    (the character block: each token's n-grams)."""
    df: Counter[str] = Counter()
    for counts in blocks:
        df.update(of(counts) if of is not None else counts.keys())
    kept = sorted(f for f, n in df.items() if n >= MIN_DF)
    total = len(blocks)
    idf = np.array([math.log((1 + total) / (1 + df[f])) + 1.0 for f in kept], dtype=np.float32)
    return kept, idf


def _char_grams(tokens: Counter[str]) -> set[str]:
    return {gram for token in tokens for gram in grams(token)}


def row(pair: tuple[Counter[str], Counter[str]], char_index: dict[str, int], char_idf: np.ndarray,
        word_index: dict[str, int], word_idf: np.ndarray) -> dict[int, float]:
    """One message's feature values by column, as training sees them (the word block's columns follow the
    characters'). The character block: each token's known n-grams weighted by idf (an n-gram twice in a token counts
    twice), the token's vector taken (1 + ln count) times, the sum divided by the root of the sum of those terms'
    squared lengths. The word block: each known feature weighted (1 + ln count) x idf, scaled to length 1."""
    out: dict[int, float] = {}
    square = 0.0
    for token, count in pair[0].items():
        weight = 1.0 + math.log(count)
        vector = Counter(char_index[g] for g in grams(token) if g in char_index)
        for column, n in vector.items():
            value = n * float(char_idf[column])
            out[column] = out.get(column, 0.0) + weight * value
            square += (weight * value) ** 2
    norm = math.sqrt(square) or 1.0
    out = {c: v / norm for c, v in out.items()}
    found = [(word_index[f], (1.0 + math.log(n)) * float(word_idf[word_index[f] - len(char_index)]))
             for f, n in pair[1].items() if f in word_index]
    norm = math.sqrt(sum(v * v for _, v in found)) or 1.0
    out.update((c, v / norm) for c, v in found)
    return out


def _matrix(blocks: list[tuple[Counter[str], Counter[str]]], chars: list[str], char_idf: np.ndarray,
            words: list[str], word_idf: np.ndarray) -> Any:
    from scipy.sparse import csr_matrix

    char_index = {f: i for i, f in enumerate(chars)}
    word_index = {f: len(chars) + i for i, f in enumerate(words)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, pair in enumerate(blocks):
        for c, v in row(pair, char_index, char_idf, word_index, word_idf).items():
            rows.append(r)
            cols.append(c)
            vals.append(v)
    return csr_matrix((vals, (rows, cols)), shape=(len(blocks), len(chars) + len(words)), dtype=np.float64)


def train(rows: list[dict[str, Any]]) -> tuple[list[str], np.ndarray, list[str], np.ndarray, Any, list[Any]]:
    """The vocabulary, the mood model and one logistic head per matter (trained on the messages labeled with all
    their matters: the unit sentences name only some, so they teach the mood alone)."""
    from sklearn.linear_model import LogisticRegression

    blocks = [features(text_of(r)) for r in rows]
    chars, char_idf = _vocabulary([b[0] for b in blocks], _char_grams)
    words, word_idf = _vocabulary([b[1] for b in blocks])
    x = _matrix(blocks, chars, char_idf, words, word_idf)
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    moods = [i for i, r in enumerate(rows) if r.get("mood")]
    model.fit(x[moods], [rows[i]["mood"] for i in moods])
    if list(model.classes_) != CLASSES:
        raise SystemExit(f"unexpected classes {model.classes_}")
    heads = []
    for matter in MATTERS:
        said = [(i, _says(r, matter)) for i, r in enumerate(rows)]
        known = [(i, label) for i, label in said if label is not None]
        head = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
        head.fit(x[[i for i, _ in known]], [label for _, label in known])
        heads.append(head)
    return chars, char_idf, words, word_idf, model, heads


def _says(row: dict[str, Any], matter: str) -> bool | None:
    """Whether a labeled row is about `matter`: a ticket's label says it of every matter, a unit sentence only of
    those its table names (None: not said)."""
    if "matters" in row:
        return matter in row["matters"]
    if matter in row.get("found", ()):
        return True
    if matter in row.get("absent", ()):
        return False
    return None


def archive(chars: list[str], char_idf: np.ndarray, words: list[str], word_idf: np.ndarray, model: Any,
            heads: list[Any], about: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    about = {**about, "classes": CLASSES, "matters": list(MATTERS)}
    np.savez_compressed(
        buffer,
        about=np.frombuffer(json.dumps(about, sort_keys=True).encode("utf-8"), dtype=np.uint8),
        chars=np.frombuffer("\n".join(chars).encode("utf-8"), dtype=np.uint8),
        words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
        char_idf=char_idf.astype(np.float16), word_idf=word_idf.astype(np.float16),  # half precision: half the size
        coef=model.coef_.astype(np.float16), intercept=model.intercept_.astype(np.float32),
        matter_coef=np.vstack([h.coef_ for h in heads]).astype(np.float16),
        matter_intercept=np.concatenate([h.intercept_ for h in heads]).astype(np.float32))
    return buffer.getvalue()


def digest(rows: list[dict[str, Any]]) -> str:
    """What a set holds for training (texts, moods and matters, in order), as a SHA-256: the shipped weights name
    it, and a unit test checks it against the sets today (weights trained on other data are caught)."""
    lines = "\n".join(json.dumps([text_of(r), r.get("mood"), sorted(r.get("matters") or r.get("found") or ()),
                                  sorted(r.get("absent") or ())], ensure_ascii=False) for r in rows)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def figures(gold: list[str], read: list[str]) -> str:
    exact = sum(g == r for g, r in zip(gold, read, strict=True))
    upset = sum(g in UPSET for g in gold)
    found = sum(g in UPSET and r in UPSET for g, r in zip(gold, read, strict=True))
    calm = len(gold) - upset
    false = sum(g not in UPSET and r in UPSET for g, r in zip(gold, read, strict=True))
    return (f"mood {100 * exact / len(gold):5.1f}%  upset recall {100 * found / upset:5.1f}%  "
            f"calm as upset {100 * false / calm:5.1f}%")


def cross(sets: dict[str, list[dict[str, Any]]]) -> None:
    """Leave each labeled set out in turn, train on the rest and read the set held out: the model's mood alone, the
    reader's (the model leaning on the lexicon), and each matter as the lexicon finds it with the model's added at
    each of `THRESHOLDS`. The matters are then pooled over the practice and training sets (the dev set is printed
    beside them, never pooled: nothing is chosen on it) with the threshold each would take: the lowest at which the
    matters the model adds are right at least as often as those the lexicon finds."""
    held = {"tickets-dev.jsonl": rows_of(DEV)} if DEV.exists() else {}
    held.update((name, rows) for name, rows in sets.items() if name != "unit-sentences")
    pooled: dict[tuple[str, float | None], list[int]] = {}
    for name, rows in held.items():
        rest = [r for other, rs in sets.items() if other != name for r in rs]
        model = MoodModel.from_bytes(archive(*train(rest), {}))
        texts = [text_of(r) for r in rows]
        gold = [r["mood"] for r in rows]
        print(f"{name:28} held out ({len(rows):3}): model alone "
              f"{figures(gold, [model.guess(t).mood.value for t in texts])}", flush=True)
        for threshold in (None, *THRESHOLDS):
            reader = Reader(mood_model=model, matter_at={} if threshold is None else dict.fromkeys(MATTERS, threshold))
            readings = [reader.read(t) for t in texts]
            if threshold is None:
                print(f"{'':28} reader {figures(gold, [r.mood.value for r in readings])}", flush=True)
            found = []
            for matter in MATTERS:
                counts = [0, 0, 0]  # true positives, false positives, false negatives
                for row, reading in zip(rows, readings, strict=True):
                    truth, said = matter in row["matters"], matter in reading.matters
                    counts[0] += truth and said
                    counts[1] += said and not truth
                    counts[2] += truth and not said
                if name != "tickets-dev.jsonl":
                    total = pooled.setdefault((matter, threshold), [0, 0, 0])
                    total[:] = [a + b for a, b in zip(total, counts, strict=True)]
                found.append(f"{matter[:5]} {_pr(*counts)}")
            label = "lexicon alone" if threshold is None else f"+ model at {threshold:.2f}"
            print(f"{'':28} matters, {label:15} (P/R %): {', '.join(found)}", flush=True)
    print("\npooled over the practice and training sets, each read by a model that never saw it: the lexicon's matters,"
          "\nthen at each threshold the lexicon's with the model's added (P/R %) and how many the model added"
          " (right/all):")
    print(f"{'matter':11} {'lexicon':>8} " + " ".join(f"{t:>15.2f}" for t in THRESHOLDS) + "   chosen (now)")
    for matter in MATTERS:
        alone = pooled[(matter, None)]
        cells, fitting = [], []
        for threshold in THRESHOLDS:
            both = pooled[(matter, threshold)]
            right, wrong = both[0] - alone[0], both[1] - alone[1]
            cells.append(f"{_pr(*both)} {right:>2}/{right + wrong:<2}")
            # An added matter must be as likely right as one the lexicon finds: it escalates the same way.
            if right and 100 * right / (right + wrong) >= _precision(*alone):
                fitting.append(threshold)
        chosen = min(fitting, default=None)
        print(f"{matter:11} {_pr(*alone):>8} " + " ".join(f"{c:>15}" for c in cells)
              + f"   {chosen if chosen is not None else '-'} ({MATTER_AT.get(matter, '-')})")


def _precision(tp: int, fp: int, fn: int) -> float:
    return 100 * tp / max(1, tp + fp)


def _recall(tp: int, fp: int, fn: int) -> float:
    return 100 * tp / max(1, tp + fn)


def _pr(tp: int, fp: int, fn: int) -> str:
    return f"{_precision(tp, fp, fn):3.0f}/{_recall(tp, fp, fn):3.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cross", action="store_true", help="leave each set out in turn and print its figures")
    parser.add_argument("--write", action="store_true", help=f"write the weights to {OUT.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    sets = {name: rows_of(DATA / name) for name in TRAINING}
    sets["unit-sentences"] = sentences()
    if args.cross:
        cross(sets)
    if args.write:
        rows = [r for rs in sets.values() for r in rs]
        chars, char_idf, words, word_idf, model, heads = train(rows)
        about = {"C": C, "min_df": MIN_DF, "char_sizes": [2, 5],
                 "trained_on": [{"file": name, "messages": len(rs), "sha256": digest(rs)}
                                for name, rs in sets.items()]}
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_bytes(archive(chars, char_idf, words, word_idf, model, heads, about))
        print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} messages, {len(chars)} character and {len(words)} word "
              f"features, {OUT.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
