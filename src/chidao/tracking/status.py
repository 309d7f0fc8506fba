"""A task's status, derived from its deadline, completion date, progress and today: never typed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from chidao.model import TaskStatus

# Overdue age buckets (days past the deadline), as offices report them.
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("1-30", 1, 30),
    ("31-90", 31, 90),
    ("91-120", 91, 120),
    (">120", 121, None),
)


def derive_status(deadline: date | None, completed_on: date | None, today: date,
                  has_progress: bool = False) -> TaskStatus:
    """The status of a task on ``today``.

    Done tasks are on time when completed on or before the deadline (a done task without a
    deadline counts as on time). Open tasks past their deadline are overdue; before it, they are
    *in progress* once any progress was reported, else *not due yet*. An open task without a
    deadline has *no deadline set*.
    """
    if completed_on is not None:
        if deadline is None or completed_on <= deadline:
            return TaskStatus.DONE_ON_TIME
        return TaskStatus.DONE_LATE
    if deadline is None:
        return TaskStatus.NO_DEADLINE
    if today > deadline:
        return TaskStatus.OVERDUE
    return TaskStatus.IN_PROGRESS if has_progress else TaskStatus.NOT_DUE


def days_overdue(deadline: date | None, completed_on: date | None, today: date) -> int:
    """Days past the deadline: until today for an open task, until completion for a done one; 0 if none."""
    if deadline is None:
        return 0
    end = completed_on if completed_on is not None else today
    return max(0, (end - deadline).days)


def age_bucket(days: int) -> str | None:
    """The overdue age bucket of ``days`` past the deadline (None when not overdue)."""
    for label, low, high in AGE_BUCKETS:
        if days >= low and (high is None or days <= high):
            return label
    return None


@dataclass(frozen=True)
class TaskState:
    """What the tracker needs of a task to report on it."""

    deadline: date | None
    completed_on: date | None
    has_progress: bool = False


def status_label(status: TaskStatus, days: int = 0) -> str:
    """The Vietnamese label office staff read: ``Quá hạn 12 ngày`` for an overdue task."""
    if status in (TaskStatus.OVERDUE, TaskStatus.DONE_LATE) and days:
        return f"{status.label} {days} ngày"
    return status.label
