"""The per-unit summary the database computes agrees with the pure tracking functions."""
from __future__ import annotations

import random
from datetime import date, timedelta

from tests.services.factories import NOW, extraction, put, task

from chidao import services
from chidao.tracking import TaskState, summarize

TODAY = date(2024, 7, 1)


def test_database_summary_equals_pure_summary(store):
    rng = random.Random(7)
    units = ["Sở Tài chính", "Sở Y tế", "Công an tỉnh"]
    tasks = [task(f"Nhiệm vụ {i}", [rng.choice(units)],
                  (TODAY + timedelta(days=rng.randint(-200, 60))).isoformat() if rng.random() < 0.8 else None)
             for i in range(60)]
    put(store, extraction(number="1", symbol="KL/TU", issued_on="2023-01-01", tasks=tasks))
    views = services.list_tasks(store, today=TODAY)
    for v in views[::3]:
        services.complete_task(store, v.id, completed_on=TODAY - timedelta(days=rng.randint(0, 150)),
                               author="a", now=NOW)
    for v in views[1::5]:
        services.add_progress(store, v.id, reported_on=TODAY, text="ok", percent=20, author="a", now=NOW)
    views = services.list_tasks(store, today=TODAY)
    with store.transaction() as s:
        from chidao.storage import models as m
        states = {t.id: TaskState(t.deadline, t.completed_on, t.has_progress) for t in s.query(m.Task)}
    expected = summarize(((v.lead, states[v.id]) for v in views), TODAY)
    got = services.unit_summary(store, today=TODAY)
    assert [(s.unit, s.total, s.by_status, s.buckets) for s in got] == \
        [(s.unit, s.total, s.by_status, s.buckets) for s in expected]
    assert sum(s.overdue for s in got) > 0 and sum(s.done for s in got) > 0


def test_database_summary_counts_the_edges_of_every_age_bucket(store):
    # days past the deadline on TODAY: 0 (due today), 1, 30, 31, 90, 91, 120, 121; one not due, one without
    ages = [0, 1, 30, 31, 90, 91, 120, 121, -1, None]
    tasks = [task(f"Nhiệm vụ {i}", ["Sở Tài chính"], (TODAY - timedelta(days=a)).isoformat() if a is not None else None)
             for i, a in enumerate(ages)]
    put(store, extraction(number="2", symbol="KL/TU", issued_on="2023-01-01", tasks=tasks))
    views = services.list_tasks(store, today=TODAY)
    states = [TaskState(v.deadline, v.completed_on) for v in views]
    (got,) = services.unit_summary(store, today=TODAY)
    (expected,) = summarize((("Sở Tài chính", s) for s in states), TODAY)
    assert (got.total, got.by_status, got.buckets) == (expected.total, expected.by_status, expected.buckets)
    assert got.buckets == {"1-30": 2, "31-90": 2, "91-120": 2, ">120": 1}
