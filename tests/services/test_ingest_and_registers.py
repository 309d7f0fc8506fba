"""Storing documents: idempotence, revisions, citation links, organizations, people, indicators, export."""
from __future__ import annotations

import json
from datetime import date

import pytest
from tests.services.factories import NOW, extraction, put, ref, task

from chidao import services
from chidao.errors import ValidationError
from chidao.storage import models as m
from tests.store_fixtures import make_store


def test_same_content_is_never_stored_twice(store, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("KẾT LUẬN\nBan Thường vụ Tỉnh ủy giao Ủy ban nhân dân tỉnh rà soát.\n", encoding="utf-8")
    first = services.ingest_paths(store, [tmp_path], now=NOW)
    again = services.ingest_paths(store, [tmp_path], now=NOW)
    assert [o.status for o in first.outcomes] == ["stored"]
    assert [o.status for o in again.outcomes] == ["unchanged"]
    assert len(services.list_documents(store)) == 1


def test_a_new_version_of_a_numbered_document_is_a_revision(store):
    a = put(store, extraction(number="2165", symbol="KL/TU", tasks=[task("Rà soát", ["Sở Tài chính"], None, "1")]),
            body="v1")
    b = put(store, extraction(number="2165", symbol="KL/TU", tasks=[
        task("Rà soát", ["Sở Tài chính"], None, "1"), task("Báo cáo", ["Sở Nội vụ"], None, "2")]), body="v2")
    assert (a.status, b.status) == ("stored", "revised")
    assert a.document_id == b.document_id and b.tasks == 1   # the repeated task is not duplicated
    (row,) = services.list_documents(store)
    assert row.revisions == 2 and row.tasks == 2


def test_documents_without_number_are_separate(store):
    a = put(store, extraction(news=True), body="news 1")
    b = put(store, extraction(news=True), body="news 2")
    assert a.document_id != b.document_id


@pytest.mark.parametrize("cited, own, resolves", [
    (ref("2043", "KL/TU"), dict(number="2043", symbol="KL/TU"), True),
    (ref("2043", "KL/TU"), dict(number="2043", symbol="KL/TW"), False),
    (ref("73", "NĐ-CP", kind="nghi_dinh", year=2023), dict(number="73", symbol="NĐ-CP", issued_on="2023-09-29"), True),
    (ref("73", "NĐ-CP", kind="nghi_dinh", year=2022), dict(number="73", symbol="NĐ-CP", issued_on="2023-09-29"), False),
    (ref("2043", "kl/tu"), dict(number="2043", symbol="KL/TU"), True),
])
def test_citations_link_whichever_document_is_stored_first(store, cited, own, resolves):
    put(store, extraction(number="2165", symbol="KL/TU", references=[cited]), body="citing")
    assert len(services.citations(store, unresolved=True)) == 1
    target = put(store, extraction(**own), body="cited")
    unresolved = services.citations(store, unresolved=True)
    assert (unresolved == []) is resolves
    if resolves:
        (row,) = [r for r in services.list_documents(store) if r.id == target.document_id]
        assert row.cited_by == 1
        put(store, extraction(number="2200", symbol="KL/TU", references=[cited]), body="citing later")
        assert services.citations(store, unresolved=True) == []


def test_a_failure_stores_nothing_of_that_document_and_the_batch_goes_on(store, tmp_path):
    good = tmp_path / "b.txt"
    good.write_text("Thông báo kết luận của Thường trực Tỉnh ủy.\n", encoding="utf-8")
    empty = tmp_path / "a.txt"
    empty.write_bytes(b"")
    summary = services.ingest_paths(store, [empty, good], now=NOW)
    assert [o.status for o in summary.outcomes] == ["failed", "stored"]
    assert "empty" in summary.failed[0].reason
    bad = extraction(number="9", symbol="KL/TU", tasks=[task("x", ["Sở Y tế"])])
    bad["tasks"][0]["start"] = None   # a NOT NULL violation half way through
    bad["references"] = [ref("1", "NQ/TW")]
    bad["shortcomings"] = [{"text": "t", "start": None, "end": None}]
    with pytest.raises(Exception):
        put(store, bad, body="broken")
    with store.transaction() as s:
        assert s.query(m.Citation).count() == 0 and s.query(m.Revision).count() == 1


def test_organizations_aliases_and_merge(store):
    put(store, extraction(number="1", symbol="KL/TU", tasks=[task("A", ["Sở Tài chính"]), task("B", ["STC tỉnh"])]))
    services.merge_organizations(store, "Sở Tài chính", "STC tỉnh", actor="vp", now=NOW)
    rows = {o.name: o for o in services.list_organizations(store)}
    assert "STC tỉnh" not in rows
    assert rows["Sở Tài chính"].tasks == 2 and "STC tỉnh" in rows["Sở Tài chính"].aliases
    assert len(services.list_tasks(store, today=date(2024, 7, 1), unit="STC tỉnh")) == 2
    services.add_org_alias(store, "Sở Tài chính", "STC", actor="vp", now=NOW)
    assert services.find_org_name(store, "stc") == "Sở Tài chính"
    with pytest.raises(ValidationError):
        services.merge_organizations(store, "Sở Tài chính", "STC", actor="vp", now=NOW)


def test_people_titles_over_time(store):
    def person(title):
        return [{"name": "Bùi Thị Quỳnh Vân", "titles": [title], "mentions": [{"start": 0, "end": 3}]}]
    put(store, extraction(number="1", symbol="KL/TU", issued_on="2021-03-01", people=person("Phó Bí thư Tỉnh ủy")),
        body="a")
    put(store, extraction(number="2", symbol="KL/TU", issued_on="2022-05-01", people=person("Bí thư Tỉnh ủy")),
        body="b")
    put(store, extraction(number="3", symbol="KL/TU", issued_on="2024-03-14", people=person("Bí thư Tỉnh ủy")),
        body="c")
    (p,) = services.list_people(store, "quỳnh vân")
    assert [(t.title, t.first_seen, t.last_seen, len(t.documents)) for t in p.titles] == [
        ("Phó Bí thư Tỉnh ủy", date(2021, 3, 1), date(2021, 3, 1), 1),
        ("Bí thư Tỉnh ủy", date(2022, 5, 1), date(2024, 3, 14), 2)]


def test_indicator_series_across_documents(store):
    def ind(value):
        return [{"name": "Thu ngân sách nhà nước", "period": "6 tháng", "value": value, "unit": "tỷ đồng",
                 "change_pct": None, "plan_pct": None, "actual": None, "target": None, "text": "t",
                 "start": 0, "end": 1}]
    put(store, extraction(number="1", symbol="KL/TU", issued_on="2024-07-01", indicators=ind(900)), body="a")
    put(store, extraction(number="2", symbol="KL/TU", issued_on="2023-07-01", indicators=ind(800)), body="b")
    series = services.indicator_series(store, "thu ngân sách")
    assert [p.value for p in series["Thu ngân sách nhà nước"]] == [800, 900]


def test_export_then_import_into_an_empty_store_loses_nothing(store, tmp_path):
    put(store, extraction(number="2165", symbol="KL/TU", references=[ref("2043", "KL/TU")],
                          tasks=[task("Rà soát", ["Sở Tài chính", "Sở Xây dựng"], "2024-06-30")]), body="x")
    put(store, extraction(number="2043", symbol="KL/TU"), body="y")
    (t,) = services.list_tasks(store, today=date(2024, 7, 1))
    services.add_progress(store, t.id, reported_on=date(2024, 6, 1), text="50%", percent=50, author="a", now=NOW)
    services.merge_organizations(store, "Sở Tài chính", "Sở Xây dựng", actor="vp", now=NOW)
    data = json.loads(json.dumps(services.export_store(store)))
    (tmp_path / "other").mkdir()
    fresh, drop = make_store("sqlite", tmp_path / "other")
    try:
        counts = services.import_store(fresh, data)
        assert counts["tasks"] == 1 and counts["revisions"] == 2
        assert services.export_store(fresh) == data
        # ids continue after the imported ones
        out = put(fresh, extraction(number="3", symbol="KL/TU", tasks=[task("Mới", ["Sở Y tế"])]), body="z")
        assert out.document_id == 3
        with pytest.raises(ValidationError, match="not empty"):
            services.import_store(fresh, data)
    finally:
        drop()
