"""Derived task status, overdue days, age buckets, summaries and Vietnamese display formats."""
from __future__ import annotations

from datetime import date

import pytest

from chidao.model import TaskStatus
from chidao.tracking import TaskState, age_bucket, days_overdue, derive_status, status_label, summarize
from chidao.tracking.display import fmt_date, fmt_number, fmt_percent, parse_date

TODAY = date(2024, 7, 1)
D = date


@pytest.mark.parametrize("deadline, completed, progress, expected", [
    (D(2024, 7, 31), None, False, TaskStatus.NOT_DUE),
    (D(2024, 7, 31), None, True, TaskStatus.IN_PROGRESS),
    (D(2024, 7, 1), None, False, TaskStatus.NOT_DUE),          # the deadline day itself is still in time
    (D(2024, 6, 30), None, True, TaskStatus.OVERDUE),
    (D(2024, 6, 30), D(2024, 6, 30), True, TaskStatus.DONE_ON_TIME),
    (D(2024, 6, 30), D(2024, 7, 1), True, TaskStatus.DONE_LATE),
    (None, None, True, TaskStatus.NO_DEADLINE),
    (None, D(2024, 5, 1), True, TaskStatus.DONE_ON_TIME),
])
def test_status_is_derived_from_deadline_completion_and_today(deadline, completed, progress, expected):
    assert derive_status(deadline, completed, TODAY, progress) is expected


@pytest.mark.parametrize("deadline, completed, days", [
    (D(2024, 6, 30), None, 1), (D(2024, 7, 1), None, 0), (D(2024, 3, 1), None, 122),
    (D(2024, 6, 1), D(2024, 6, 11), 10), (D(2024, 6, 1), D(2024, 5, 1), 0), (None, None, 0),
])
def test_days_overdue_count_to_today_or_to_completion(deadline, completed, days):
    assert days_overdue(deadline, completed, TODAY) == days


@pytest.mark.parametrize("days, bucket", [
    (0, None), (1, "1-30"), (30, "1-30"), (31, "31-90"), (90, "31-90"), (91, "91-120"), (120, "91-120"),
    (121, ">120"), (2000, ">120"),
])
def test_overdue_age_buckets(days, bucket):
    assert age_bucket(days) == bucket


def test_status_labels_are_vietnamese_with_days_overdue():
    assert status_label(TaskStatus.OVERDUE, 12) == "Quá hạn 12 ngày"
    assert status_label(TaskStatus.NO_DEADLINE) == "Chưa xác định thời hạn"
    assert status_label(TaskStatus.IN_PROGRESS) == "Đang thực hiện trong hạn"


def test_summary_counts_rates_and_buckets_per_unit():
    rows = [
        ("Sở A", TaskState(D(2024, 6, 1), D(2024, 5, 30))),
        ("Sở A", TaskState(D(2024, 6, 1), D(2024, 6, 10))),
        ("Sở A", TaskState(D(2024, 6, 1), None)),           # 30 days overdue
        ("Sở A", TaskState(D(2024, 1, 1), None)),           # 182 days overdue
        ("Sở B", TaskState(None, None)),
    ]
    a, b = summarize(rows, TODAY)
    assert (a.unit, a.total, a.done, a.overdue) == ("Sở A", 4, 2, 2)
    assert a.on_time_rate == 0.5 and a.overdue_share == 0.5
    assert a.buckets == {"1-30": 1, "31-90": 0, "91-120": 0, ">120": 1}
    assert b.on_time_rate is None and b.by_status[TaskStatus.NO_DEADLINE] == 1


@pytest.mark.parametrize("value, text", [
    (1234.5, "1.234,5"), (1234, "1.234"), (11152, "11.152"), (3.09, "3,1"), (0, "0"), (None, "-"),
])
def test_numbers_are_written_the_vietnamese_way(value, text):
    assert fmt_number(value) == text


def test_dates_and_percentages_for_office_staff():
    assert fmt_date(D(2024, 3, 5)) == "05/03/2024"
    assert fmt_percent(0.8333) == "83,3%"
    assert parse_date("5/3/2024") == D(2024, 3, 5) and parse_date("2024-03-05") == D(2024, 3, 5)
    for bad in ("31/02/2024", "5/3/24", "2024/03/05x", "hôm qua"):
        with pytest.raises(ValueError):
            parse_date(bad)
