"""What the ingest and summary speed-ups (issue 3) must not change: org resolution, links, summary counts."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import inspect, select

from tests.services.factories import NOW, extraction, put, ref, task

from chidao import services
from chidao.storage import Store, upgrade
from chidao.storage import models as m
from chidao.storage.engine import current_revision, head_revision

TODAY = date(2024, 7, 1)


def _org(name: str, *aliases: str) -> dict:
    return {"name": name, "aliases": list(aliases), "mentions": [{"start": 0, "end": 4}], "rule": "test"}


def _collaborators(store, task_id: int) -> list[str]:  # noqa: ANN001
    with store.transaction() as s:
        ids = s.scalars(select(m.TaskCollaborator.organization_id).where(m.TaskCollaborator.task_id == task_id))
        return sorted(s.get(m.Organization, i).name for i in ids)


def test_an_alias_met_in_one_document_resolves_the_same_body_in_the_next(store):
    put(store, extraction(number="1", symbol="KL/TU", organizations=[_org("Sở Tài chính", "STC")]), body="a")
    put(store, extraction(number="2", symbol="KL/TU", tasks=[task("Rà soát ngân sách", ["STC"])]), body="b")
    views = services.list_tasks(store, today=TODAY)
    assert [v.lead for v in views] == ["Sở Tài chính"]
    with store.transaction() as s:
        assert s.scalars(select(m.Organization.name).where(m.Organization.name.contains("STC"))).all() == []


@pytest.mark.parametrize("assignees, lead, collaborators", [
    (["Sở Y tế", "Sở Tài chính", "Sở Tài chính"], "Sở Y tế", ["Sở Tài chính"]),      # named twice: linked once
    (["Sở Y tế", "Sở Y tế", "Sở Tài chính"], "Sở Y tế", ["Sở Tài chính"]),           # the lead is no collaborator
    (["Sở Y tế"], "Sở Y tế", []),
    ([], None, []),
])
def test_task_lead_and_collaborators_are_linked_once(store, assignees, lead, collaborators):
    put(store, extraction(number="3", symbol="KL/TU", tasks=[task("Triển khai", assignees)]))
    view = services.list_tasks(store, today=TODAY)[0]
    assert view.lead == lead
    assert _collaborators(store, view.id) == collaborators


def test_many_tasks_sharing_new_units_create_each_unit_once(store):
    units = ["Sở Xây dựng", "Sở Nội vụ", "Công an tỉnh"]
    tasks = [task(f"Nhiệm vụ {i}", [units[i % 3], units[(i + 1) % 3]]) for i in range(12)]
    put(store, extraction(number="4", symbol="KL/TU", tasks=tasks, organizations=[_org("Sở Nội vụ", "SNV")]))
    with store.transaction() as s:
        names = s.scalars(select(m.Organization.name)).all()
    assert sorted(n for n in names if n in units) == sorted(units)
    assert all(len(_collaborators(store, v.id)) == 1 for v in services.list_tasks(store, today=TODAY))


def test_citations_link_to_stored_documents_either_way_round(store):
    put(store, extraction(number="10", symbol="KL/TU", references=[ref("11", "KL/TU")]), body="a")
    put(store, extraction(number="11", symbol="KL/TU", references=[ref("10", "KL/TU"), ref("99", "KL/TU")]),
        body="b")
    rows = {(c.number, c.target_document_id is not None) for c in services.citations(store)}
    assert rows == {("11", True), ("10", True), ("99", False)}


def test_people_named_in_two_documents_are_one_person(store):
    person = {"name": "Trần Hoàng Tuấn", "titles": ["Phó Chủ tịch"], "mentions": [{"start": 0, "end": 3}],
              "rule": "test"}
    put(store, extraction(number="20", symbol="KL/TU", people=[person, person]), body="a")
    put(store, extraction(number="21", symbol="KL/TU", people=[person]), body="b")
    with store.transaction() as s:
        assert len(s.scalars(select(m.Person)).all()) == 1
        assert len(s.scalars(select(m.PersonMention)).all()) == 3


@pytest.mark.parametrize("has_filter", [True, False])
def test_summary_counts_are_the_same_with_or_without_aggregate_filter(store, monkeypatch, has_filter):
    rng = random.Random(3)
    units = ["Sở Tài chính", "Sở Y tế"]
    tasks = [task(f"Nhiệm vụ {i}", [rng.choice(units)] if i % 7 else [],
                  (TODAY + timedelta(days=rng.randint(-150, 40))).isoformat() if i % 5 else None)
             for i in range(40)]
    put(store, extraction(number="5", symbol="KL/TU", issued_on="2023-01-01", tasks=tasks))
    for v in services.list_tasks(store, today=TODAY)[::4]:
        services.complete_task(store, v.id, completed_on=TODAY - timedelta(days=rng.randint(0, 90)), author="a",
                               now=NOW)
    expected = [(s.unit, s.total, dict(s.by_status), dict(s.buckets))
                for s in services.unit_summary(store, today=TODAY)]
    monkeypatch.setattr(services, "_sqlite_has_filter", lambda: has_filter)
    got = [(s.unit, s.total, dict(s.by_status), dict(s.buckets)) for s in services.unit_summary(store, today=TODAY)]
    assert got == expected and sum(t for _, t, _, _ in got) == 40


def test_a_store_at_the_first_migration_upgrades_to_the_summary_index(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'old.db'}", migrate=False)
    upgrade(store.engine, "0001")
    assert "ix_tasks_summary" not in {i["name"] for i in inspect(store.engine).get_indexes("tasks")}
    upgrade(store.engine)
    assert current_revision(store.engine) == head_revision() == "0002"
    assert "ix_tasks_summary" in {i["name"] for i in inspect(store.engine).get_indexes("tasks")}
    store.close()
