"""Ingest with worker processes (``jobs`` > 1): the outcomes and the store are those of one process."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chidao import ingest_workers as workers
from chidao import services
from tests.services.crashing_reader import die_on_crash_files, refuse_to_start
from tests.services.factories import NOW
from tests.store_fixtures import TODAY, make_store

NUMBERED = ("TỈNH ỦY BÌNH PHƯỚC\n*\nSố 2165-KL/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nBình Phước, ngày 14 tháng 3 năm 2024\n\n"
            "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n\nTiếp tục thực hiện Kết luận số 2043-KL/TU ngày 05/12/2023, "
            "Ban Thường vụ Tỉnh ủy giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát {what}, "
            "hoàn thành trước ngày 30/6/2024.\n")


def _folder(root: Path, seeds_dir: Path) -> Path:
    """The seeds, a copy of one (same content), a numbered document and its new version, and two bad files."""
    folder = root / "in"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    shutil.copy(seeds[0], folder / "005_same_content.txt")
    (folder / "006_empty.txt").write_bytes(b"")
    (folder / "007_kl2165.txt").write_text(NUMBERED.format(what="biên chế"), encoding="utf-8")
    (folder / "008_kl2165_v2.txt").write_text(NUMBERED.format(what="biên chế và tài sản công"), encoding="utf-8")
    (folder / "009_not_text.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def _store_contents(store) -> tuple:  # noqa: ANN001
    return (services.list_tasks(store, today=TODAY, include_rejected=True), services.list_documents(store),
            services.citations(store), services.list_organizations(store), services.list_people(store))


def test_worker_processes_give_the_outcomes_and_the_store_of_one_process(store, tmp_path, seeds_dir):
    folder = _folder(tmp_path, seeds_dir)
    (tmp_path / "other").mkdir()
    other, drop = make_store(store.dialect, tmp_path / "other")
    try:
        one = services.ingest_paths(store, [folder], now=NOW, jobs=1)
        two = services.ingest_paths(other, [folder], now=NOW, jobs=2)
        assert [(Path(o.path).name[:3], o.status) for o in two.outcomes] == [
            ("000", "stored"), ("001", "stored"), ("002", "stored"), ("003", "stored"), ("004", "stored"),
            ("005", "unchanged"), ("006", "failed"), ("007", "stored"), ("008", "revised"), ("009", "failed")]
        assert two.outcomes == one.outcomes
        assert _store_contents(other) == _store_contents(store)
        again = services.ingest_paths(other, [folder], now=NOW, jobs=2)
        assert [o.status for o in again.outcomes] == ["unchanged"] * 6 + ["failed", "unchanged", "unchanged",
                                                                            "failed"]
    finally:
        drop()


@pytest.mark.parametrize("names", [
    ["a.txt", "crash.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"],
    ["crash.txt", "a.txt", "b.txt"],                  # first: no worker may be thought unable to start
    ["a.txt", "crash1.txt", "crash2.txt", "b.txt"],
])
def test_a_worker_dying_on_a_file_fails_that_file_and_the_others_are_read_in_order(tmp_path, names):
    for i, name in enumerate(names):
        (tmp_path / name).write_text(f"Thông báo kết luận số {i} của Thường trực Tỉnh ủy.\n", encoding="utf-8")
    got = list(workers.prepared([tmp_path / n for n in names], jobs=2, known=lambda shas: {},
                                work=die_on_crash_files))
    assert [Path(p).name for p, _ in got] == names
    for name, (_, item) in zip(names, got):
        if name.startswith("crash"):
            assert item == workers.Failure(workers.WORKER_DIED)
        else:
            assert isinstance(item, workers.Prepared) and item.text == (tmp_path / name).read_text(encoding="utf-8")


def test_files_the_store_holds_are_not_sent_to_the_workers(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Thông báo kết luận {name}.\n", encoding="utf-8")
    sha = workers.sha256_of(tmp_path / "a.txt", 1000)
    known = {sha: workers.Known(sha, 7, 9)}
    got = list(workers.prepared([tmp_path / "a.txt", tmp_path / "b.txt"], jobs=2,
                                known=lambda shas: {s: known[s] for s in shas if s in known},
                                work=die_on_crash_files))
    assert got[0] == (str(tmp_path / "a.txt"), workers.Known(sha, 7, 9))
    assert isinstance(got[1][1], workers.Prepared)


def test_when_workers_cannot_start_this_process_reads_the_files(sqlite_store, tmp_path, seeds_dir, monkeypatch):
    folder = _folder(tmp_path, seeds_dir)
    monkeypatch.setattr(workers, "_start_worker", refuse_to_start)
    with pytest.warns(RuntimeWarning, match="could not start"):
        summary = services.ingest_paths(sqlite_store, [folder], now=NOW, jobs=2)
    assert [o.status for o in summary.outcomes].count("stored") == 6
    assert [o.status for o in summary.outcomes].count("revised") == 1


@pytest.mark.parametrize("size, limit, expected", [
    (10, 100, True),      # a readable file within the limit
    (0, 100, False),      # empty: the reader says why
    (200, 100, False),    # over the limit: the reader says why
])
def test_only_readable_files_within_the_limit_are_hashed_before_reading(tmp_path, size, limit, expected):
    f = tmp_path / "f.txt"
    f.write_bytes(b"x" * size)
    assert (workers.sha256_of(f, limit) is not None) is expected
    assert workers.sha256_of(tmp_path / "missing.txt", limit) is None
    assert workers.sha256_of(tmp_path, limit) is None
