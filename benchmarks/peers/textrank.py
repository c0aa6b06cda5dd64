#!/usr/bin/env python3
"""TextRank over TF-IDF sentence vectors (scikit-learn + networkx): the Python peer a batch of
`engine summarize --jsonl` is measured against.

Reads JSON Lines {"id", "text"} and writes {"id", "sentences": [...]} per line, in input order:
sentences split at . ! ? ؟ and line breaks, scored by PageRank over their cosine-similarity graph,
the best kept within RATIO of the document's words, returned in document order.

    python3 benchmarks/peers/textrank.py IN.jsonl OUT.jsonl [--ratio 0.33]

Debian: apt-get install python3-sklearn python3-networkx
"""
import argparse
import json
import re

import networkx
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

SPLIT = re.compile(r"(?<=[.!?؟])\s+|\n+")


def summarize(text, ratio):
    sentences = [s.strip() for s in SPLIT.split(text) if s.strip()]
    if len(sentences) < 2:
        return sentences
    try:
        vectors = TfidfVectorizer().fit_transform(sentences)
    except ValueError:  # no word in any sentence
        return sentences[:1]
    graph = networkx.from_numpy_array(cosine_similarity(vectors))
    try:
        scores = networkx.pagerank(graph)
    except networkx.PowerIterationFailedConvergence:
        scores = {i: 0.0 for i in range(len(sentences))}
    budget = max(1, round(ratio * sum(len(s.split()) for s in sentences)))
    chosen, words = [], 0
    for i in sorted(scores, key=lambda i: (-scores[i], i)):
        n = len(sentences[i].split())
        if chosen and words + n > budget:
            continue
        chosen.append(i)
        words += n
    return [sentences[i] for i in sorted(chosen)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--ratio", type=float, default=0.33)
    args = parser.parse_args()
    with open(args.input, encoding="utf-8") as lines, open(args.output, "w", encoding="utf-8") as out:
        for line in lines:
            doc = json.loads(line)
            out.write(json.dumps({"id": doc["id"], "sentences": summarize(doc["text"], args.ratio)}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
