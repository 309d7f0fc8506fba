"""Task review and follow-up: derived status, history, extensions, audit log, optimistic locking."""
from __future__ import annotations

from datetime import date

import pytest
from tests.services.factories import NOW, extraction, put, task

from chidao import services
from chidao.errors import ConflictError, NotFoundError, ValidationError
from chidao.model import TaskStatus
from chidao.storage import models as m

TODAY = date(2024, 7, 1)


def _two_tasks(store):
    out = put(store, extraction(number="2165", symbol="KL/TU", tasks=[
        task("Rà soát tình hình tài chính", ["Ban cán sự đảng UBND tỉnh", "Sở Tài chính"], "2024-06-30", "1"),
        task("Đẩy mạnh chuyển đổi số", ["Sở Thông tin và Truyền thông"], None, "2"),
    ]))
    ids = [t.id for t in services.list_tasks(store, today=TODAY)]
    return out, ids


def test_extracted_tasks_start_proposed_with_lead_and_collaborators(store):
    out, ids = _two_tasks(store)
    assert out.status == "stored" and out.tasks == 2
    first = services.get_task(store, ids[0], today=TODAY).task
    assert first.review == "proposed"
    assert first.lead.startswith("Ban cán sự đảng")   # canonical name from the shared lexicon
    assert [t.id for t in services.list_tasks(store, today=TODAY, unit="Ban cán sự đảng UBND tỉnh")] == [ids[0]]
    assert first.collaborators == ("Sở Tài chính",)
    assert first.deadline == date(2024, 6, 30)
    assert first.document == "Kết luận 2165-KL/TU"


def test_status_is_derived_from_deadline_and_today(store):
    _, (due, open_) = _two_tasks(store)
    assert services.get_task(store, due, today=date(2024, 6, 1)).task.status is TaskStatus.NOT_DUE
    late = services.get_task(store, due, today=date(2024, 7, 12)).task
    assert late.status is TaskStatus.OVERDUE and late.days_overdue == 12
    assert late.status_text == "Quá hạn 12 ngày"
    assert services.get_task(store, open_, today=TODAY).task.status is TaskStatus.NO_DEADLINE


def test_progress_then_completion_form_the_history_and_audit(store):
    _, (tid, _) = _two_tasks(store)
    services.review_task(store, tid, action="confirm", actor="vp", now=NOW)
    services.add_progress(store, tid, reported_on=date(2024, 5, 2), text="Đã rà soát 5 sở", percent=40,
                          author="vp", now=NOW, evidence=["bc-05.pdf"])
    assert services.get_task(store, tid, today=date(2024, 6, 1)).task.status is TaskStatus.IN_PROGRESS
    services.complete_task(store, tid, completed_on=date(2024, 7, 3), author="vp", now=NOW)
    detail = services.get_task(store, tid, today=date(2024, 8, 1))
    assert detail.task.status is TaskStatus.DONE_LATE and detail.task.days_overdue == 3
    assert detail.task.percent == 100
    assert [u.percent for u in detail.updates] == [40, 100]
    assert detail.updates[0].evidence == ["bc-05.pdf"]
    assert [a.action for a in detail.audit] == ["confirm", "progress", "complete"]
    assert detail.audit[0].before == {"review": "proposed"} and detail.audit[0].after == {"review": "confirmed"}
    assert detail.audit[2].after["completed_on"] == "2024-07-03"


def test_extension_keeps_the_original_deadline_and_reason(store):
    _, (tid, _) = _two_tasks(store)
    services.extend_deadline(store, tid, new_deadline=date(2024, 9, 30), reason="Chờ hướng dẫn của Bộ",
                             author="vp", now=NOW)
    detail = services.get_task(store, tid, today=TODAY)
    assert detail.task.deadline == date(2024, 9, 30)
    assert detail.task.original_deadline == date(2024, 6, 30)
    assert detail.extensions[0].reason == "Chờ hướng dẫn của Bộ"
    assert detail.task.status is TaskStatus.NOT_DUE
    assert detail.audit[-1].before == {"deadline": "2024-06-30"}


def test_extension_needs_a_reason(store):
    _, (tid, _) = _two_tasks(store)
    with pytest.raises(ValidationError):
        services.extend_deadline(store, tid, new_deadline=date(2024, 9, 30), reason=" ", author="vp", now=NOW)


def test_review_edits_text_lead_collaborators_and_deadline(store):
    _, (tid, _) = _two_tasks(store)
    services.review_task(store, tid, action="confirm", text="Rà soát tài chính các dự án", lead="Sở Tài chính",
                         collaborators=["Sở Kế hoạch và Đầu tư"], deadline=date(2024, 8, 31), actor="vp", now=NOW)
    t = services.get_task(store, tid, today=TODAY).task
    assert (t.text, t.lead, t.collaborators, t.deadline) == (
        "Rà soát tài chính các dự án", "Sở Tài chính", ("Sở Kế hoạch và Đầu tư",), date(2024, 8, 31))
    with pytest.raises(ValidationError, match="extend"):
        services.review_task(store, tid, deadline=date(2024, 9, 1), actor="vp", now=NOW)


def test_rejected_tasks_leave_the_lists(store):
    _, (tid, other) = _two_tasks(store)
    services.review_task(store, tid, action="reject", actor="vp", now=NOW)
    assert [t.id for t in services.list_tasks(store, today=TODAY)] == [other]
    assert {t.id for t in services.list_tasks(store, today=TODAY, include_rejected=True)} == {tid, other}


def test_second_of_two_concurrent_updates_gets_a_conflict(store):
    _, (tid, _) = _two_tasks(store)
    seen = services.get_task(store, tid, today=TODAY).task.version
    services.add_progress(store, tid, reported_on=TODAY, text="A", percent=10, author="a", now=NOW,
                          expected_version=seen)
    with pytest.raises(ConflictError, match="reload"):
        services.add_progress(store, tid, reported_on=TODAY, text="B", percent=20, author="b", now=NOW,
                              expected_version=seen)
    detail = services.get_task(store, tid, today=TODAY)
    assert [u.text for u in detail.updates] == ["A"]


def test_interleaved_sessions_do_not_lose_an_update(store):
    _, (tid, _) = _two_tasks(store)
    s1 = store._factory()
    s2 = store._factory()
    try:
        t1 = s1.get(m.Task, tid)
        t2 = s2.get(m.Task, tid)
        t1.percent = 30
        s1.commit()
        t2.percent = 60
        with pytest.raises(Exception) as info:
            s2.commit()
        assert "StaleData" in type(info.value).__name__
    finally:
        s2.rollback()
        s1.close()
        s2.close()
    assert services.get_task(store, tid, today=TODAY).task.percent == 30


def test_completion_before_assignment_is_refused(store):
    _, (tid, _) = _two_tasks(store)
    with pytest.raises(ValidationError, match="trước ngày giao"):
        services.complete_task(store, tid, completed_on=date(2024, 1, 1), author="vp", now=NOW)


def test_unknown_task_says_how_to_list(store):
    with pytest.raises(NotFoundError, match="tasks list"):
        services.get_task(store, 999, today=TODAY)


def test_queries_overdue_due_within_by_unit_and_document(store):
    out, (due, _) = _two_tasks(store)
    put(store, extraction(number="2200", symbol="KL/TU", tasks=[
        task("Hoàn thành quy hoạch", ["Sở Tài chính"], "2024-07-10")]), body="other")
    overdue = services.list_tasks(store, today=TODAY, overdue=True)
    assert [t.id for t in overdue] == [due]
    soon = services.list_tasks(store, today=TODAY, due_within=10)
    assert [t.text for t in soon] == ["Hoàn thành quy hoạch"]
    assert services.list_tasks(store, today=TODAY, due_within=8) == []
    assert [t.text for t in services.list_tasks(store, today=TODAY, unit="Sở Tài chính")] == ["Hoàn thành quy hoạch"]
    assert len(services.list_tasks(store, today=TODAY, document_id=out.document_id)) == 2
    with pytest.raises(NotFoundError):
        services.list_tasks(store, today=TODAY, unit="Sở Không Có")


def _varied_tasks(store) -> list[int]:
    """Tasks with deadlines before, on and after TODAY (some shared, some missing); some done, some reported."""
    deadlines = ["2024-06-30", None, "2024-07-01", "2024-06-30", "2024-07-02", None, "2024-01-15", "2024-07-01",
                 "2024-03-31", "2024-08-30", "2024-06-30", None]
    put(store, extraction(number="3100", symbol="KL/TU", issued_on="2024-01-02", tasks=[
        task(f"Nhiệm vụ {i}", ["Sở Tài chính"], d) for i, d in enumerate(deadlines)]))
    ids = [v.id for v in services.list_tasks(store, today=TODAY)]
    for tid, done in zip(ids[::3], (date(2024, 6, 1), date(2024, 7, 5), date(2024, 2, 1), date(2024, 6, 30))):
        services.complete_task(store, tid, completed_on=done, author="vp", now=NOW)
    for tid in ids[1::4]:
        services.add_progress(store, tid, reported_on=date(2024, 5, 1), text="Đang làm", percent=30, author="vp",
                              now=NOW)
    return ids


@pytest.mark.parametrize("status", list(TaskStatus))
def test_status_filter_lists_the_tasks_of_that_derived_status(store, status):
    _varied_tasks(store)
    every = services.list_tasks(store, today=TODAY)
    expected = [v.id for v in every if v.status is status]
    assert [v.id for v in services.list_tasks(store, today=TODAY, status=status)] == expected
    assert [v.id for v in services.list_tasks(store, today=TODAY, status=status, limit=2)] == expected[:2]


@pytest.mark.parametrize("size", [1, 5, 12])
def test_pages_of_a_list_follow_each_other_without_gap_or_overlap(store, size):
    _varied_tasks(store)
    whole = services.list_tasks(store, today=TODAY)
    pages = [services.list_tasks(store, today=TODAY, limit=size, offset=o) for o in range(0, len(whole) + size, size)]
    assert [v for page in pages for v in page] == whole
    assert [v.deadline for v in whole] == sorted((v.deadline for v in whole), key=lambda d: (d is None, d))
