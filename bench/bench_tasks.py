"""Task queries on a big store: one unit's overdue list and the per-unit summary, on SQLite and PostgreSQL.

Run: make bench   (or .venv/bin/python bench/bench_tasks.py [--tasks 100000] [--runs 40])
Builds a store of 100.000 tasks (bulk-inserted through the models: ~60 units, ~2.000 documents),
times ``services.list_tasks(unit=..., overdue=True)`` and ``services.unit_summary`` warm, and writes
the tasks part of the tracker section of docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import tracker_report as rep  # noqa: E402

TODAY = date(2025, 6, 30)          # pinned: the store's "today"
NOW = datetime(2025, 6, 30, 9, 0)
TARGET_MS = 50.0
PAGE = 50                          # rows of a first page (chidao tasks list --limit)
UNIT_KINDS = ("Sở", "Ban", "Ủy ban nhân dân huyện", "Huyện ủy", "Đảng ủy")
UNIT_NAMES = ("Tài chính", "Kế hoạch và Đầu tư", "Xây dựng", "Giao thông vận tải", "Nông nghiệp và Phát triển nông thôn",
              "Tài nguyên và Môi trường", "Y tế", "Giáo dục và Đào tạo", "Nội vụ", "Công Thương", "Tư pháp",
              "Văn hóa, Thể thao và Du lịch", "Thông tin và Truyền thông", "Khoa học và Công nghệ",
              "Lao động - Thương binh và Xã hội", "Tổ chức Tỉnh ủy", "Tuyên giáo Tỉnh ủy", "Dân vận Tỉnh ủy",
              "Nội chính Tỉnh ủy", "Kinh tế - Ngân sách", "Đồng Xoài", "Bình Long", "Phước Long", "Chơn Thành",
              "Hớn Quản", "Lộc Ninh", "Bù Đốp", "Bù Gia Mập", "Bù Đăng", "Đồng Phú", "Khối Doanh nghiệp")
TASK_VERBS = ("Chỉ đạo rà soát, hoàn thiện", "Tập trung tháo gỡ vướng mắc về", "Khẩn trương xây dựng kế hoạch",
              "Tham mưu Ban Thường vụ Tỉnh ủy ban hành", "Đẩy nhanh tiến độ giải ngân vốn đầu tư công cho",
              "Tăng cường kiểm tra, giám sát việc thực hiện")
TASK_OBJECTS = ("các dự án trọng điểm trên địa bàn tỉnh", "công tác giải phóng mặt bằng",
                "Đề án sắp xếp đơn vị hành chính cấp xã", "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
                "công tác chuyển đổi số", "các khu công nghiệp", "công tác cán bộ", "việc thu ngân sách nhà nước")


def unit_names(n: int) -> list[str]:
    names = []
    for i in range(n):
        kind = UNIT_KINDS[i % len(UNIT_KINDS)]
        base = UNIT_NAMES[i % len(UNIT_NAMES)]
        names.append(f"{kind} {base}" + (f" {i // len(UNIT_NAMES) + 1}" if i >= len(UNIT_NAMES) else ""))
    return sorted(set(names))


def build(store, *, n_tasks: int, n_units: int, n_docs: int, seed: int = 7) -> dict:  # noqa: ANN001
    """Bulk-insert organizations, documents, revisions and tasks (with collaborators and progress)."""
    from sqlalchemy import insert

    from chidao.storage import models as m

    rng = random.Random(seed)
    units = unit_names(n_units)
    with store.transaction() as s:
        s.execute(insert(m.Organization), [{"name": u} for u in units])
    with store.transaction() as s:
        orgs = dict(s.execute(m.Organization.__table__.select().with_only_columns(
            m.Organization.name, m.Organization.id)).all())
        s.execute(insert(m.OrgAlias), [{"key": u.casefold(), "alias": u, "organization_id": orgs[u]} for u in units])
    # skewed sizes: some units lead far more tasks than others
    weights = [1 / (1 + i) ** 0.6 for i in range(len(units))]
    unit_ids = [orgs[u] for u in units]
    docs = []
    for i in range(n_docs):
        issued = date(2019, 1, 1) + timedelta(days=rng.randrange((TODAY - date(2019, 1, 1)).days))
        docs.append({"doc_key": f"{100 + i}||KL/TU", "kind": "ket_luan", "number": str(100 + i), "symbol": "KL/TU",
                     "issuer": "Ban Thường vụ Tỉnh ủy", "issued_on": issued, "title": f"Kết luận số {100 + i}",
                     "recipients": [], "created_at": NOW})
    with store.transaction() as s:
        s.execute(insert(m.Document), docs)
        doc_ids = [r for r in s.scalars(m.Document.__table__.select().with_only_columns(m.Document.id)
                                        .order_by(m.Document.id))]
        s.execute(insert(m.Revision), [
            {"document_id": d, "revision_no": 1, "sha256": f"{d:064x}", "path": f"kl_{d}.txt", "format": "txt",
             "size": 0, "content": b"", "text": "", "meta": {}, "extraction": {}, "ingested_at": NOW}
            for d in doc_ids])
        rev_of = dict(s.execute(m.Revision.__table__.select().with_only_columns(
            m.Revision.document_id, m.Revision.id)).all())
    issued_of = {d: docs[i]["issued_on"] for i, d in enumerate(doc_ids)}
    counts = {"overdue": 0, "done": 0, "no_deadline": 0, "collaborators": 0, "updates": 0}
    batch, collab, updates = [], [], []
    next_id = 1

    def flush() -> None:
        with store.transaction() as s:
            s.execute(insert(m.Task), batch)
            if collab:
                s.execute(insert(m.TaskCollaborator), collab)
            if updates:
                s.execute(insert(m.TaskUpdate), updates)
        batch.clear(), collab.clear(), updates.clear()

    for _ in range(n_tasks):
        doc = rng.choice(doc_ids)
        assigned = issued_of[doc]
        lead = rng.choices(unit_ids, weights)[0] if rng.random() > 0.03 else None
        deadline = None if rng.random() < 0.15 else assigned + timedelta(days=rng.choice((15, 30, 45, 60, 90, 180, 365)))
        completed = None
        due_passed = deadline is not None and deadline < TODAY
        if rng.random() < (0.7 if due_passed else 0.25):
            late = deadline is not None and rng.random() < 0.3
            end = (deadline + timedelta(days=rng.randint(1, 120))) if late else \
                (assigned + timedelta(days=rng.randint(1, max(1, ((deadline or TODAY) - assigned).days))))
            completed = min(end, TODAY)
        progress = completed is not None or rng.random() < 0.4
        percent = 100 if completed else (rng.choice((10, 20, 30, 50, 70, 80)) if progress else 0)
        review = rng.choices(("confirmed", "proposed", "rejected"), (0.7, 0.25, 0.05))[0]
        text = f"{rng.choice(TASK_VERBS)} {rng.choice(TASK_OBJECTS)}; báo cáo kết quả về Ban Thường vụ Tỉnh ủy."
        batch.append({"id": next_id, "document_id": doc, "revision_id": rev_of[doc], "ordinal": str(rng.randint(1, 12)),
                      "text": text, "extracted_text": text, "start": 0, "end": len(text), "rule": "bench",
                      "review": review, "lead_id": lead, "deadline": deadline, "original_deadline": deadline,
                      "deadline_text": None, "assigned_on": assigned, "completed_on": completed,
                      "percent": percent, "has_progress": progress, "version": 1})
        if lead is not None and rng.random() < 0.3:
            for other in set(rng.sample(unit_ids, rng.randint(1, 2))) - {lead}:
                collab.append({"task_id": next_id, "organization_id": other})
                counts["collaborators"] += 1
        if progress:
            updates.append({"task_id": next_id, "reported_on": min(completed or TODAY, assigned + timedelta(days=10)),
                            "text": "Đã triển khai thực hiện", "percent": percent, "author": "bench",
                            "evidence": [], "created_at": NOW})
            counts["updates"] += 1
        counts["overdue"] += int(completed is None and due_passed)
        counts["done"] += int(completed is not None)
        counts["no_deadline"] += int(deadline is None)
        next_id += 1
        if len(batch) >= 5000:
            flush()
    if batch:
        flush()
    if store.dialect == "postgresql":
        from sqlalchemy import text as sql

        with store.transaction() as s:
            s.execute(sql("SELECT setval(pg_get_serial_sequence('tasks', 'id'), (SELECT max(id) FROM tasks))"))
        with store.engine.connect() as conn:   # fresh statistics, as autovacuum would give a live store
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(sql("ANALYZE"))
    else:
        from sqlalchemy import text as sql

        with store.engine.connect() as conn:
            conn.execute(sql("ANALYZE"))
            conn.commit()
    return {"units": len(units), "documents": len(doc_ids), "tasks": n_tasks, **counts, "unit_names": units}


def time_runs(fn, runs: int, warm: int = 3) -> tuple[list[float], object]:  # noqa: ANN001
    result = None
    for _ in range(warm):
        result = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, result


def bench_backend(backend: str, *, n_tasks: int, n_units: int, n_docs: int, runs: int) -> dict:
    from chidao import services

    with rep.temp_dir() as tmp, rep.temp_store(backend, Path(tmp)) as store:
        t0 = time.perf_counter()
        info = build(store, n_tasks=n_tasks, n_units=n_units, n_docs=n_docs)
        build_s = time.perf_counter() - t0
        # the unit of median size among those leading tasks: a typical department
        per_unit = {s.unit: s.total for s in services.unit_summary(store, today=TODAY)}
        ranked = sorted((n, u) for u, n in per_unit.items() if u != services.NO_UNIT)
        unit = ranked[len(ranked) // 2][1]
        overdue_ms, overdue = time_runs(
            lambda: services.list_tasks(store, today=TODAY, unit=unit, overdue=True), runs)
        summary_ms, summary = time_runs(lambda: services.unit_summary(store, today=TODAY), runs)
        largest = ranked[-1][1]
        largest_ms, largest_rows = time_runs(
            lambda: services.list_tasks(store, today=TODAY, unit=largest, overdue=True), runs)
        page_ms, page = time_runs(
            lambda: services.list_tasks(store, today=TODAY, unit=largest, overdue=True, limit=PAGE), runs)
        vacuumed_ms = autovacuum = None
        if store.dialect == "postgresql":   # what autovacuum gives a live store: index-only scans
            from sqlalchemy import text as sql

            with store.engine.connect() as conn:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                autovacuum = conn.execute(sql("SHOW autovacuum")).scalar()
                conn.execute(sql("VACUUM ANALYZE tasks"))
            vacuumed_ms, _ = time_runs(lambda: services.unit_summary(store, today=TODAY), runs)
    return {"backend": backend, "build_s": build_s, "info": info, "unit": unit, "unit_tasks": per_unit[unit],
            "overdue_rows": len(overdue), "overdue_ms": overdue_ms, "summary_units": len(summary),
            "summary_ms": summary_ms, "largest": largest, "largest_tasks": per_unit[largest],
            "largest_rows": len(largest_rows), "largest_ms": largest_ms, "page_rows": len(page), "page_ms": page_ms,
            "vacuumed_ms": vacuumed_ms, "autovacuum": autovacuum}


def report(results: list[dict], info: dict, load_before: str, load_after: str, runs: int) -> list[str]:
    first = results[0]["info"]
    autovac = next((r["autovacuum"] for r in results if r.get("autovacuum")), "n/a")
    lines = [
        "### Task queries on a store of "
        f"{rep.num(first['tasks'], 0)} tasks", "",
        f"How measured: `bench/bench_tasks.py` bulk-inserts {rep.num(first['tasks'], 0)} tasks through the models "
        f"({rep.num(first['units'], 0)} lead units with skewed sizes, 3% without a unit; "
        f"{rep.num(first['documents'], 0)} documents issued 2019-2025; 15% without a deadline; "
        f"{rep.num(first['done'], 0)} done, some late; {rep.num(first['overdue'], 0)} open past their deadline; "
        f"{rep.num(first['collaborators'], 0)} collaborator links; {rep.num(first['updates'], 0)} progress reports; "
        "70% confirmed, 25% proposed, 5% rejected), runs ANALYZE, then times the services the CLI calls, "
        f"warm (3 runs discarded, then {runs} timed), on {TODAY:%d/%m/%Y}: "
        "`list_tasks(unit=U, overdue=True)` for the unit of median size and for the largest one "
        "(whole call: query, collaborators, documents, TaskView rows; the whole list, and its first page as "
        "the CLI's `--limit` shows it), and `unit_summary()` (all units). PostgreSQL is measured right after "
        f"the load, before any VACUUM (autovacuum is {autovac} on this server), then the summary once more "
        "after `VACUUM ANALYZE tasks`, as autovacuum leaves a live store (the visibility map lets the summary "
        "read its covering index only).",
        "",
        *rep.machine_lines(info, load_before, load_after), "",
        "| Backend | Query | Rows | Median ms | p95 ms | Target | Median / target |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        name = "SQLite (file)" if r["backend"] == "sqlite" else "PostgreSQL"
        rows = [
            (f"overdue list, median unit ({rep.num(r['unit_tasks'], 0)} tasks)", r["overdue_rows"], r["overdue_ms"]),
            (f"overdue list, largest unit ({rep.num(r['largest_tasks'], 0)} tasks)", r["largest_rows"],
             r["largest_ms"]),
            (f"overdue list, largest unit, first page (`limit={PAGE}`)", r["page_rows"], r["page_ms"]),
            ("per-unit summary", r["summary_units"], r["summary_ms"]),
        ]
        if r.get("vacuumed_ms"):
            rows.append(("per-unit summary, after VACUUM", r["summary_units"], r["vacuumed_ms"]))
        for label, n, ms in rows:
            med = rep.median(ms)
            lines.append(f"| {name} | {label} | {rep.num(n, 0)} | {rep.num(med, 1)} | "
                         f"{rep.num(rep.percentile(ms, 95), 1)} | < {rep.num(TARGET_MS, 0)} | "
                         f"{rep.num(med / TARGET_MS, 2)} |")
    lines += ["", "Building the store (bulk insert + ANALYZE): " + "; ".join(
        f"{'SQLite' if r['backend'] == 'sqlite' else 'PostgreSQL'} {rep.num(r['build_s'], 1)} s" for r in results) + "."]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--units", type=int, default=60)
    ap.add_argument("--docs", type=int, default=2_000)
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--no-write", action="store_true", help="print the results; leave docs/benchmarks.md alone")
    args = ap.parse_args(argv)
    load_before = rep.load_average()
    info = rep.machine()
    results = []
    for backend in args.backends.split(","):
        if backend == "postgresql" and info["postgresql"] == "not reachable":
            continue
        r = bench_backend(backend, n_tasks=args.tasks, n_units=args.units, n_docs=args.docs, runs=args.runs)
        print(f"{backend}: overdue {rep.num(rep.median(r['overdue_ms']))} ms ({r['overdue_rows']} rows), "
              f"largest {rep.num(rep.median(r['largest_ms']))} ms ({r['largest_rows']} rows), "
              f"summary {rep.num(rep.median(r['summary_ms']))} ms; build {rep.num(r['build_s'])} s", flush=True)
        results.append(r)
    lines = report(results, info, load_before, rep.load_average(), args.runs)
    if args.no_write:
        print("\n".join(lines))
    else:
        rep.write_part("tasks", lines)
        print(f"wrote {rep.OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
