"""Per-unit summaries of tasks on a given day: counts by status, on-time rate, overdue age buckets."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from chidao.model import TaskStatus
from chidao.tracking.status import AGE_BUCKETS, TaskState, age_bucket, days_overdue, derive_status


@dataclass
class UnitSummary:
    """Tasks of one lead unit on one day.

    ``on_time_rate``: done on time / done (None when nothing is done);
    ``overdue_share``: open overdue / all tasks (None when there are none).
    """

    unit: str
    total: int = 0
    by_status: dict[TaskStatus, int] = field(default_factory=lambda: {s: 0 for s in TaskStatus})
    buckets: dict[str, int] = field(default_factory=lambda: {b[0]: 0 for b in AGE_BUCKETS})

    @property
    def done(self) -> int:
        return self.by_status[TaskStatus.DONE_ON_TIME] + self.by_status[TaskStatus.DONE_LATE]

    @property
    def overdue(self) -> int:
        return self.by_status[TaskStatus.OVERDUE]

    @property
    def on_time_rate(self) -> float | None:
        return self.by_status[TaskStatus.DONE_ON_TIME] / self.done if self.done else None

    @property
    def overdue_share(self) -> float | None:
        return self.overdue / self.total if self.total else None

    def add(self, state: TaskState, today: date) -> None:
        status = derive_status(state.deadline, state.completed_on, today, state.has_progress)
        self.total += 1
        self.by_status[status] += 1
        if status is TaskStatus.OVERDUE:
            bucket = age_bucket(days_overdue(state.deadline, None, today))
            if bucket:
                self.buckets[bucket] += 1


def summarize(rows: Iterable[tuple[str, TaskState]], today: date) -> list[UnitSummary]:
    """One summary per unit (sorted by name) of ``(unit, state)`` pairs, on ``today``."""
    units: dict[str, UnitSummary] = {}
    for unit, state in rows:
        units.setdefault(unit, UnitSummary(unit)).add(state, today)
    return [units[k] for k in sorted(units)]
