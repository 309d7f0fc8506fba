"""Tracking: task status, overdue ages and per-unit summaries; pure functions, ``today`` passed in."""
from chidao.tracking.status import AGE_BUCKETS, TaskState, age_bucket, days_overdue, derive_status, status_label
from chidao.tracking.summary import UnitSummary, summarize

__all__ = ["AGE_BUCKETS", "TaskState", "UnitSummary", "age_bucket", "days_overdue", "derive_status",
           "status_label", "summarize"]
