"""Peer timing: underthesea's word_tokenize and ner over seed documents (run in bench/.venv)."""
from __future__ import annotations

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from corpus import documents  # noqa: E402


def main() -> None:
    min_chars = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from underthesea import ner, word_tokenize

    docs = documents(min_chars)
    chars = sum(len(d) for d in docs)
    word_tokenize(docs[0][:200])
    ner(docs[0][:200])
    results = {}
    for name, fn in (("word_tokenize", word_tokenize), ("ner", ner)):
        sample = docs if name == "word_tokenize" else docs[: max(1, len(docs) // 4)]
        n_chars = sum(len(d) for d in sample)
        t0 = time.perf_counter()
        for d in sample:
            # underthesea works sentence by sentence; give it lines as a caller would
            for line in d.splitlines():
                if line.strip():
                    fn(line)
        dt = time.perf_counter() - t0
        results[name] = {"chars": n_chars, "docs": len(sample), "seconds": dt,
                         "chars_per_s": n_chars / dt, "docs_per_s": len(sample) / dt}
    results["corpus_chars"] = chars
    print(json.dumps(results))


if __name__ == "__main__":
    main()
