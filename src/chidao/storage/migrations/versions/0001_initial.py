"""initial tables

Revision ID: 0001
Revises: 
Create Date: the first migration: every table of the tracker
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_key', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('symbol', sa.String(length=80), nullable=True),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('signer_name', sa.String(length=200), nullable=True),
    sa.Column('signer_title', sa.String(length=200), nullable=True),
    sa.Column('signer_on_behalf_of', sa.String(length=200), nullable=True),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('doc_key', name=op.f('uq_documents_doc_key'))
    )
    op.create_table('organizations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['merged_into_id'], ['organizations.id'], name=op.f('fk_organizations_merged_into_id_organizations')),
    sa.ForeignKeyConstraint(['parent_id'], ['organizations.id'], name=op.f('fk_organizations_parent_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organizations')),
    sa.UniqueConstraint('name', name=op.f('uq_organizations_name'))
    )
    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people')),
    sa.UniqueConstraint('key', name=op.f('uq_people_key'))
    )
    op.create_table('org_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('alias', sa.String(length=300), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_org_aliases_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_aliases')),
    sa.UniqueConstraint('key', name=op.f('uq_org_aliases_key'))
    )
    with op.batch_alter_table('org_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_aliases_organization_id'), ['organization_id'], unique=False)

    op.create_table('revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('revision_no', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('meta', sa.JSON(), nullable=False),
    sa.Column('extraction', sa.JSON(), nullable=False),
    sa.Column('ref_date', sa.Date(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_revisions_document_id_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revisions')),
    sa.UniqueConstraint('document_id', 'revision_no', name=op.f('uq_revisions_document_id_revision_no')),
    sa.UniqueConstraint('sha256', name=op.f('uq_revisions_sha256'))
    )
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_revisions_document_id'), ['document_id'], unique=False)

    op.create_table('citations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('cite_key', sa.String(length=200), nullable=True),
    sa.Column('target_document_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('symbol', sa.String(length=80), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['revision_id'], ['revisions.id'], name=op.f('fk_citations_revision_id_revisions')),
    sa.ForeignKeyConstraint(['target_document_id'], ['documents.id'], name=op.f('fk_citations_target_document_id_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citations'))
    )
    with op.batch_alter_table('citations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citations_cite_key'), ['cite_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_revision_id'), ['revision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_target_document_id'), ['target_document_id'], unique=False)

    op.create_table('indicator_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('series_key', sa.String(length=300), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('period', sa.String(length=200), nullable=True),
    sa.Column('seen_on', sa.Date(), nullable=True),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=80), nullable=True),
    sa.Column('change_pct', sa.Float(), nullable=True),
    sa.Column('plan_pct', sa.Float(), nullable=True),
    sa.Column('actual', sa.Float(), nullable=True),
    sa.Column('target', sa.Float(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['revision_id'], ['revisions.id'], name=op.f('fk_indicator_values_revision_id_revisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_values'))
    )
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_values_revision_id'), ['revision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_values_series_key'), ['series_key'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('session', sa.Integer(), nullable=True),
    sa.Column('term', sa.String(length=40), nullable=True),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('chairs', sa.JSON(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['revision_id'], ['revisions.id'], name=op.f('fk_meetings_revision_id_revisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_revision_id'), ['revision_id'], unique=False)

    op.create_table('org_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_org_mentions_organization_id_organizations')),
    sa.ForeignKeyConstraint(['revision_id'], ['revisions.id'], name=op.f('fk_org_mentions_revision_id_revisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_mentions'))
    )
    with op.batch_alter_table('org_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_mentions_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_org_mentions_revision_id'), ['revision_id'], unique=False)

    op.create_table('person_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('seen_on', sa.Date(), nullable=True),
    sa.Column('spans', sa.JSON(), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_person_mentions_person_id_people')),
    sa.ForeignKeyConstraint(['revision_id'], ['revisions.id'], name=op.f('fk_person_mentions_revision_id_revisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_mentions'))
    )
    with op.batch_alter_table('person_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_mentions_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_mentions_revision_id'), ['revision_id'], unique=False)

    op.create_table('shortcomings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['revision_id'], ['revisions.id'], name=op.f('fk_shortcomings_revision_id_revisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shortcomings'))
    )
    with op.batch_alter_table('shortcomings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shortcomings_revision_id'), ['revision_id'], unique=False)

    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=True),
    sa.Column('ordinal', sa.String(length=20), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('extracted_text', sa.Text(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('rule', sa.String(length=80), nullable=True),
    sa.Column('review', sa.String(length=16), nullable=False),
    sa.Column('lead_id', sa.Integer(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('original_deadline', sa.Date(), nullable=True),
    sa.Column('deadline_text', sa.Text(), nullable=True),
    sa.Column('assigned_on', sa.Date(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('has_progress', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_tasks_document_id_documents')),
    sa.ForeignKeyConstraint(['lead_id'], ['organizations.id'], name=op.f('fk_tasks_lead_id_organizations')),
    sa.ForeignKeyConstraint(['revision_id'], ['revisions.id'], name=op.f('fk_tasks_revision_id_revisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks'))
    )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tasks_document_id'), ['document_id'], unique=False)
        batch_op.create_index('ix_tasks_lead_open_deadline', ['lead_id', 'completed_on', 'deadline'], unique=False)
        batch_op.create_index('ix_tasks_open_deadline', ['completed_on', 'deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_tasks_review'), ['review'], unique=False)
        batch_op.create_index(batch_op.f('ix_tasks_revision_id'), ['revision_id'], unique=False)

    op.create_table('deadline_extensions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('old_deadline', sa.Date(), nullable=True),
    sa.Column('new_deadline', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_deadline_extensions_task_id_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadline_extensions'))
    )
    with op.batch_alter_table('deadline_extensions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deadline_extensions_task_id'), ['task_id'], unique=False)

    op.create_table('task_collaborators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_task_collaborators_organization_id_organizations')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_collaborators_task_id_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_collaborators')),
    sa.UniqueConstraint('task_id', 'organization_id', name=op.f('uq_task_collaborators_task_id_organization_id'))
    )
    with op.batch_alter_table('task_collaborators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_collaborators_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_collaborators_task_id'), ['task_id'], unique=False)

    op.create_table('task_updates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=True),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_updates_task_id_tasks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_updates'))
    )
    with op.batch_alter_table('task_updates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_updates_task_id'), ['task_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('task_updates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_updates_task_id'))

    op.drop_table('task_updates')
    with op.batch_alter_table('task_collaborators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_collaborators_task_id'))
        batch_op.drop_index(batch_op.f('ix_task_collaborators_organization_id'))

    op.drop_table('task_collaborators')
    with op.batch_alter_table('deadline_extensions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deadline_extensions_task_id'))

    op.drop_table('deadline_extensions')
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tasks_revision_id'))
        batch_op.drop_index(batch_op.f('ix_tasks_review'))
        batch_op.drop_index('ix_tasks_open_deadline')
        batch_op.drop_index('ix_tasks_lead_open_deadline')
        batch_op.drop_index(batch_op.f('ix_tasks_document_id'))

    op.drop_table('tasks')
    with op.batch_alter_table('shortcomings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shortcomings_revision_id'))

    op.drop_table('shortcomings')
    with op.batch_alter_table('person_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_mentions_revision_id'))
        batch_op.drop_index(batch_op.f('ix_person_mentions_person_id'))

    op.drop_table('person_mentions')
    with op.batch_alter_table('org_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_mentions_revision_id'))
        batch_op.drop_index(batch_op.f('ix_org_mentions_organization_id'))

    op.drop_table('org_mentions')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_revision_id'))

    op.drop_table('meetings')
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_values_series_key'))
        batch_op.drop_index(batch_op.f('ix_indicator_values_revision_id'))

    op.drop_table('indicator_values')
    with op.batch_alter_table('citations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citations_target_document_id'))
        batch_op.drop_index(batch_op.f('ix_citations_revision_id'))
        batch_op.drop_index(batch_op.f('ix_citations_cite_key'))

    op.drop_table('citations')
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revisions_document_id'))

    op.drop_table('revisions')
    with op.batch_alter_table('org_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_aliases_organization_id'))

    op.drop_table('org_aliases')
    op.drop_table('people')
    op.drop_table('organizations')
    op.drop_table('documents')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')

    op.drop_table('audit_log')
