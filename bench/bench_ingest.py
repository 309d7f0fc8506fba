"""Ingest throughput of the tracker: end to end (read + extract + store) and store-only, SQLite and PostgreSQL.

Run: make bench   (or .venv/bin/python bench/bench_ingest.py [--docs 10000] [--e2e-docs 2000] [--jobs 2])
The corpus is the five seeds varied into distinct documents, some of them revisions of the same
numbered document (bench/tracker_corpus.py). Writes the ingest part of the tracker section of
docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import tracker_corpus as corpus  # noqa: E402
import tracker_report as rep  # noqa: E402

NOW = datetime(2025, 6, 30, 9, 0)   # pinned: the ingest time stamped on rows
TARGET = 100.0                      # documents per second, on 2 cores


def people_of(text: str) -> list[str]:
    from chidao.extract import extract

    return [p["name"] for p in extract(text).to_dict()["people"]]


def prepare(n: int) -> tuple[list[corpus.Template], list[dict], list[corpus.GeneratedDoc]]:
    from chidao.extract import extract

    tpls = corpus.templates(people_of)
    tpl_dicts = [extract(t.text).to_dict() for t in tpls]
    return tpls, tpl_dicts, list(corpus.generate(n, tpls))


def fidelity(docs: list[corpus.GeneratedDoc], tpl_dicts: list[dict], sample: int = 20) -> tuple[int, int]:
    """How many sampled derived dicts equal the real extraction (document, people, tasks, references ...)."""
    from chidao.extract import extract

    rng = random.Random(11)
    same = 0
    picked = rng.sample(docs, min(sample, len(docs)))

    def facts(d: dict) -> tuple:
        keyed = {k: [(x.get("name") or x.get("text"), x.get("deadline"), x.get("issued_on"), x.get("date"),
                      tuple(x.get("assignees") or ())) for x in d[k]]
                 for k in ("people", "organizations", "references", "indicators", "tasks", "meetings",
                           "shortcomings")}
        return d["document"], keyed

    for doc in picked:
        same += facts(corpus.derive_dict(tpl_dicts[doc.template], doc)) == facts(extract(doc.text).to_dict())
    return same, len(picked)


# --------------------------------------------------------------------------- store-only


def store_only(backend: str, items: list[tuple[corpus.GeneratedDoc, dict]], tmp: Path) -> dict:
    """Each pre-extracted dict through ``services.store_extraction``, one transaction per document."""
    from chidao import services

    with rep.temp_store(backend, tmp) as store:
        statuses: Counter = Counter()
        tasks = 0
        t0 = time.perf_counter()
        for doc, data in items:
            content = doc.text.encode("utf-8")
            with store.transaction() as session:
                out = services.store_extraction(session, data=data, content=content, text=doc.text,
                                                sha256=doc.sha256, path=f"doc_{doc.index:05d}.txt", fmt="txt",
                                                meta={}, now=NOW)
            statuses[out.status] += 1
            tasks += out.tasks
        seconds = time.perf_counter() - t0
        size = _db_size(store, tmp)
    return {"docs": len(items), "seconds": seconds, "statuses": dict(statuses), "tasks": tasks, "db_mb": size}


def _db_size(store, tmp: Path) -> float | None:  # noqa: ANN001
    if store.dialect == "sqlite":
        return sum(p.stat().st_size for p in tmp.glob("bench_*.db*")) / 1e6
    return None


# --------------------------------------------------------------------------- end to end


def write_files(docs: list[corpus.GeneratedDoc], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in docs:
        p = folder / f"doc_{doc.index:05d}.txt"
        p.write_text(doc.text, encoding="utf-8")
        paths.append(p)
    return paths


def end_to_end(backend: str, paths: list[Path], tmp: Path, jobs: int) -> dict:
    """``services.ingest_paths`` as ``chidao ingest --jobs N`` calls it: read, sha256 check, extract, store.

    With ``jobs`` > 1 the service's worker processes read and extract while this process stores;
    their start is part of the time measured.
    """
    from chidao import services

    with rep.temp_store(backend, tmp) as store:
        t0 = time.perf_counter()
        summary = services.ingest_paths(store, [], now=NOW, files=paths, jobs=jobs)
        seconds = time.perf_counter() - t0
    statuses = Counter(o.status for o in summary.outcomes)
    return {"docs": len(paths), "seconds": seconds, "statuses": dict(statuses),
            "tasks": sum(o.tasks for o in summary.outcomes)}


def extract_only(paths: list[Path]) -> dict:
    """Read + extract in this process, nothing stored: the share of extraction in the end-to-end time."""
    from chidao.ingest_workers import read_and_extract

    read_and_extract(str(paths[0]), None, None, 50 * 1024 * 1024)   # warm: lexicons and patterns loaded
    t0 = time.perf_counter()
    for p in paths:
        read_and_extract(str(p), None, None, 50 * 1024 * 1024)
    return {"docs": len(paths), "seconds": time.perf_counter() - t0}


# --------------------------------------------------------------------------- report


def rate(r: dict) -> float:
    return r["docs"] / r["seconds"]


def report(res: dict, info: dict, load_before: str, load_after: str, args: argparse.Namespace) -> list[str]:
    gen = res["corpus"]
    same, sampled = res["fidelity"]
    lines = [
        f"### Ingest: {rep.num(gen['docs'], 0)} documents", "",
        "How measured: `bench/bench_ingest.py` varies the five seeds (people's names, years, percentages; a "
        "numbered header `Số NNN-KL/TU|TB/TU|NQ/TU` on "
        f"{rep.num(gen['numbered'], 0)} of them) into {rep.num(gen['docs'], 0)} documents with distinct sha256, "
        f"{rep.num(gen['revisions'], 0)} of which are new versions of an earlier numbered document "
        f"(average {rep.num(gen['chars'] / gen['docs'], 0)} characters). Every store is new: a SQLite file in a "
        "temporary folder, or a new PostgreSQL schema dropped afterwards; one transaction per document, as "
        "`chidao ingest` does.",
        "",
        "- **store-only**: every document's extraction dict through `services.store_extraction`. The dicts are "
        "derived from the extraction of each seed template by the same substitutions as the text (extracting "
        f"all {rep.num(gen['docs'], 0)} texts would take longer than the whole run should); on {sampled} sampled "
        f"documents {same} derived dicts equal the real extraction in document, people, organizations, "
        "references, indicators, tasks, meetings and shortcomings.",
        "- **end to end**: files on disk through `services.ingest_paths`, as `chidao ingest --jobs N` calls it "
        "(read, sha256 check, extract, store), on the first "
        f"{rep.num(res['e2e_docs'], 0)} documents (`--e2e-docs 10000` runs them all). `--jobs 1`: everything in "
        f"one process; `--jobs {args.jobs}`: {args.jobs} worker processes read and extract while the main "
        "process stores, in file order (the workers' start is in the time).",
        "- **extract only**: read + extract of the same files in one process, nothing stored.",
        "",
        *rep.machine_lines(info, load_before, load_after), "",
        "| Backend | Path | Documents | Seconds | Documents/s | Target | Rate / target |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    labels = (("store", "store-only"), ("e2e1", "end to end, --jobs 1"), ("e2e", f"end to end, --jobs {args.jobs}"))
    for backend, r in res["backends"].items():
        name = "SQLite (file)" if backend == "sqlite" else "PostgreSQL"
        for key, label in labels:
            if key in r:
                x = r[key]
                lines.append(f"| {name} | {label} | {rep.num(x['docs'], 0)} | {rep.num(x['seconds'], 1)} | "
                             f"{rep.num(rate(x), 1)} | ≥ {rep.num(TARGET, 0)} | {rep.num(rate(x) / TARGET, 2)} |")
    ex = res["extract"]
    lines.append(f"| — | extract only, 1 process | {rep.num(ex['docs'], 0)} | {rep.num(ex['seconds'], 1)} | "
                 f"{rep.num(rate(ex), 1)} | — | — |")
    lines += ["", "Outcomes: " + "; ".join(
        f"{'SQLite' if b == 'sqlite' else 'PostgreSQL'} store-only "
        + ", ".join(f"{rep.num(n, 0)} {k}" for k, n in sorted(r['store']['statuses'].items())) + ", "
        f"{rep.num(r['store']['tasks'], 0)} tasks"
        + (f", {rep.num(r['store']['db_mb'], 1)} MB" if r['store'].get('db_mb') else "")
        for b, r in res["backends"].items() if "store" in r) + "."]
    per_doc_extract = 1000 / rate(ex)
    store_ms = {b: 1000 / rate(r["store"]) for b, r in res["backends"].items() if "store" in r}
    lines += ["", f"Reading: reading and extracting a document takes {rep.num(per_doc_extract, 1)} ms (wall, one "
              "process); storing it "
              + ", ".join(f"{rep.num(ms, 1)} ms ({'SQLite' if b == 'sqlite' else 'PostgreSQL'})"
                          for b, ms in store_ms.items())
              + f". With --jobs {args.jobs} the two overlap: the rate is bounded by the slower of storing (one "
              f"process) and extraction shared by {args.jobs} workers, on cores that the database server and "
              "other programs share. Durability settings (SQLite WAL with synchronous=NORMAL, PostgreSQL "
              "synchronous_commit on) are in docs/architecture.md."]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents for the store-only runs")
    ap.add_argument("--e2e-docs", type=int, default=2_000, help="documents for the end-to-end runs")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of the parallel end-to-end run")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--no-write", action="store_true", help="print the results; leave docs/benchmarks.md alone")
    args = ap.parse_args(argv)
    load_before = rep.load_average()
    info = rep.machine()
    tpls, tpl_dicts, docs = prepare(max(args.docs, args.e2e_docs))
    items = [(d, corpus.derive_dict(tpl_dicts[d.template], d)) for d in docs[:args.docs]]
    res: dict = {
        "corpus": {"docs": len(items), "numbered": sum(d.doc_key is not None for d, _ in items),
                   "revisions": sum(d.revision > 1 for d, _ in items),
                   "chars": sum(len(d.text) for d, _ in items)},
        "fidelity": fidelity(docs[:args.docs], tpl_dicts), "e2e_docs": min(args.e2e_docs, len(docs)),
        "backends": {},
    }
    print(f"corpus: {res['corpus']}; derived dicts equal to extraction: {res['fidelity']}", flush=True)
    with rep.temp_dir() as tmp_name:
        tmp = Path(tmp_name)
        paths = write_files(docs[:args.e2e_docs], tmp / "files")
        res["extract"] = extract_only(paths)
        print(f"extract only: {rep.num(rate(res['extract']))} docs/s", flush=True)
        for backend in args.backends.split(","):
            if backend == "postgresql" and info["postgresql"] == "not reachable":
                continue
            r = res["backends"][backend] = {}
            for key, fn in (("store", lambda: store_only(backend, items, tmp)),
                            ("e2e1", lambda: end_to_end(backend, paths, tmp, 1)),
                            ("e2e", lambda: end_to_end(backend, paths, tmp, args.jobs))):
                r[key] = fn()
                print(f"{backend} {key}: {rep.num(rate(r[key]))} docs/s ({r[key]['statuses']})", flush=True)
    lines = report(res, info, load_before, rep.load_average(), args)
    if args.no_write:
        print("\n".join(lines))
    else:
        rep.write_part("ingest", lines)
        print(f"wrote {rep.OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
