"""a covering index for the per-unit task summary

Revision ID: 0002
Revises: 0001
Create Date: the per-unit summary reads only this index, not the task rows (bench/bench_tasks.py)
"""
from __future__ import annotations

from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_tasks_summary', 'tasks', ['lead_id', 'review', 'completed_on', 'deadline', 'has_progress'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_tasks_summary', table_name='tasks')
