"""initial schema

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-29 07:35:54.895770
"""

import sqlalchemy as sa
from alembic import op

revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('archived_pdf',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=30), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('variant', sa.String(length=30), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_archived_pdf')),
    sa.UniqueConstraint('subject', 'subject_id', 'variant', name=op.f('uq_archived_pdf_subject_subject_id_variant'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('table_name', sa.String(length=50), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('record_uuid', sa.String(length=36), nullable=True),
    sa.Column('label', sa.String(length=200), nullable=True),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_entry_record', ['table_name', 'record_id'], unique=False)

    op.create_table('campaign',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign')),
    sa.UniqueConstraint('name', name=op.f('uq_campaign_name')),
    sa.UniqueConstraint('uuid', name=op.f('uq_campaign_uuid'))
    )
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_deleted_at'), ['deleted_at'], unique=False)

    op.create_table('number_sequence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_number_sequence')),
    sa.UniqueConstraint('name', 'year', name=op.f('uq_number_sequence_name_year'))
    )
    op.create_table('organisation',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('short_name', sa.String(length=50), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('path', sa.String(length=255), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('name_pinyin', sa.String(length=400), nullable=False),
    sa.Column('name_initials', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['organisation.id'], name=op.f('fk_organisation_parent_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('uuid', name=op.f('uq_organisation_uuid'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_name_pinyin'), ['name_pinyin'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_path'), ['path'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_short_name'), ['short_name'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('document',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('layout', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('addressees', sa.Text(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('cc', sa.Text(), nullable=True),
    sa.Column('issuer_id', sa.Integer(), nullable=True),
    sa.Column('issuer_mark', sa.String(length=100), nullable=True),
    sa.Column('signatory', sa.String(length=100), nullable=True),
    sa.Column('doc_date', sa.Date(), nullable=True),
    sa.Column('with_seal', sa.Boolean(), nullable=False),
    sa.Column('printed_by', sa.String(length=100), nullable=True),
    sa.Column('printed_on', sa.Date(), nullable=True),
    sa.Column('number_prefix', sa.String(length=20), nullable=True),
    sa.Column('number_year', sa.Integer(), nullable=True),
    sa.Column('number_seq', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=50), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=True),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['issuer_id'], ['organisation.id'], name=op.f('fk_document_issuer_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document')),
    sa.UniqueConstraint('number_prefix', 'number_year', 'number_seq', name=op.f('uq_document_number_prefix_number_year_number_seq')),
    sa.UniqueConstraint('uuid', name=op.f('uq_document_uuid'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_doc_date'), ['doc_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_issuer_id'), ['issuer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_number'), ['number'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_status'), ['status'], unique=False)

    op.create_table('party_branch',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('is_temporary', sa.Boolean(), nullable=False),
    sa.Column('founded_on', sa.Date(), nullable=True),
    sa.Column('dissolved_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('name_pinyin', sa.String(length=400), nullable=False),
    sa.Column('name_initials', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_party_branch_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_branch')),
    sa.UniqueConstraint('uuid', name=op.f('uq_party_branch_uuid'))
    )
    with op.batch_alter_table('party_branch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_branch_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_branch_is_temporary'), ['is_temporary'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_branch_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_branch_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_branch_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('place',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('name_pinyin', sa.String(length=400), nullable=False),
    sa.Column('name_initials', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_place_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_place')),
    sa.UniqueConstraint('uuid', name=op.f('uq_place_uuid'))
    )
    with op.batch_alter_table('place', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('commendation_batch',
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('issuer_id', sa.Integer(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('list_order', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_commendation_batch_document_id_document')),
    sa.ForeignKeyConstraint(['issuer_id'], ['organisation.id'], name=op.f('fk_commendation_batch_issuer_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commendation_batch')),
    sa.UniqueConstraint('uuid', name=op.f('uq_commendation_batch_uuid'))
    )
    with op.batch_alter_table('commendation_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commendation_batch_decided_on'), ['decided_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_batch_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_batch_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_batch_issuer_id'), ['issuer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_batch_status'), ['status'], unique=False)

    op.create_table('document_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_document_attachment_document_id_document')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_attachment'))
    )
    with op.batch_alter_table('document_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_attachment_document_id'), ['document_id'], unique=False)

    op.create_table('person',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=2), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('post', sa.String(length=100), nullable=True),
    sa.Column('rank', sa.String(length=50), nullable=True),
    sa.Column('employment_type', sa.String(length=20), nullable=False),
    sa.Column('political_status', sa.String(length=20), nullable=True),
    sa.Column('party_branch_id', sa.Integer(), nullable=True),
    sa.Column('party_joined_on', sa.Date(), nullable=True),
    sa.Column('qualifications', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('name_pinyin', sa.String(length=200), nullable=False),
    sa.Column('name_initials', sa.String(length=50), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_person_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['party_branch_id'], ['party_branch.id'], name=op.f('fk_person_party_branch_id_party_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('id_number', name=op.f('uq_person_id_number')),
    sa.UniqueConstraint('uuid', name=op.f('uq_person_uuid'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_employment_type'), ['employment_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name_pinyin'), ['name_pinyin'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_party_branch_id'), ['party_branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_political_status'), ['political_status'], unique=False)

    op.create_table('resource',
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('capacity_people', sa.Integer(), nullable=True),
    sa.Column('area_m2', sa.BigInteger(), nullable=True),
    sa.Column('serial_no', sa.String(length=50), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('unit_of_measure', sa.String(length=20), nullable=True),
    sa.Column('min_stock', sa.BigInteger(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('name_pinyin', sa.String(length=400), nullable=False),
    sa.Column('name_initials', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_resource_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], name=op.f('fk_resource_place_id_place')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource')),
    sa.UniqueConstraint('uuid', name=op.f('uq_resource_uuid'))
    )
    with op.batch_alter_table('resource', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_resource_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_resource_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_resource_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_resource_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_resource_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_resource_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resource_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resource_status'), ['status'], unique=False)

    op.create_table('team',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('party_branch_id', sa.Integer(), nullable=True),
    sa.Column('formed_on', sa.Date(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('name_pinyin', sa.String(length=400), nullable=False),
    sa.Column('name_initials', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_team_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['party_branch_id'], ['party_branch.id'], name=op.f('fk_team_party_branch_id_party_branch')),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], name=op.f('fk_team_place_id_place')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team')),
    sa.UniqueConstraint('uuid', name=op.f('uq_team_uuid'))
    )
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_party_branch_id'), ['party_branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_place_id'), ['place_id'], unique=False)

    op.create_table('assignment',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('place_text', sa.String(length=200), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_assignment_person_id_person')),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], name=op.f('fk_assignment_place_id_place')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment')),
    sa.UniqueConstraint('uuid', name=op.f('uq_assignment_uuid'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index('ix_assignment_person_dates', ['person_id', 'start_date', 'end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_status'), ['status'], unique=False)

    op.create_table('commendation',
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('honoree_kind', sa.String(length=20), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('party_branch_id', sa.Integer(), nullable=True),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=100), nullable=False),
    sa.Column('deeds', sa.Text(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['commendation_batch.id'], name=op.f('fk_commendation_batch_id_commendation_batch')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_commendation_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['party_branch_id'], ['party_branch.id'], name=op.f('fk_commendation_party_branch_id_party_branch')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_commendation_person_id_person')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_commendation_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commendation')),
    sa.UniqueConstraint('uuid', name=op.f('uq_commendation_uuid'))
    )
    with op.batch_alter_table('commendation', schema=None) as batch_op:
        batch_op.create_index('ix_commendation_batch_order', ['batch_id', 'sort_order'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_honoree_kind'), ['honoree_kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_party_branch_id'), ['party_branch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_commendation_team_id'), ['team_id'], unique=False)

    op.create_table('donation',
    sa.Column('donor_kind', sa.String(length=20), nullable=False),
    sa.Column('donor_person_id', sa.Integer(), nullable=True),
    sa.Column('donor_organisation_id', sa.Integer(), nullable=True),
    sa.Column('donor_name', sa.String(length=100), nullable=True),
    sa.Column('anonymous_note', sa.String(length=200), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('form', sa.String(length=10), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=True),
    sa.Column('donated_on', sa.Date(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=100), nullable=True),
    sa.Column('purpose', sa.String(length=200), nullable=True),
    sa.Column('handler', sa.String(length=50), nullable=True),
    sa.Column('receipt_year', sa.Integer(), nullable=True),
    sa.Column('receipt_seq', sa.Integer(), nullable=True),
    sa.Column('receipt_no', sa.String(length=30), nullable=True),
    sa.Column('receipt_printed', sa.Integer(), nullable=False),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('void_reason', sa.String(length=200), nullable=True),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('donor_display', sa.String(length=100), nullable=False),
    sa.Column('donor_initials', sa.String(length=50), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_donation_campaign_id_campaign')),
    sa.ForeignKeyConstraint(['donor_organisation_id'], ['organisation.id'], name=op.f('fk_donation_donor_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['donor_person_id'], ['person.id'], name=op.f('fk_donation_donor_person_id_person')),
    sa.ForeignKeyConstraint(['unit_id'], ['organisation.id'], name=op.f('fk_donation_unit_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_donation')),
    sa.UniqueConstraint('receipt_year', 'receipt_seq', name=op.f('uq_donation_receipt_year_receipt_seq')),
    sa.UniqueConstraint('uuid', name=op.f('uq_donation_uuid'))
    )
    with op.batch_alter_table('donation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_donation_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index('ix_donation_date_id', ['donated_on', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_donor_display'), ['donor_display'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_donor_initials'), ['donor_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_donor_kind'), ['donor_kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_donor_organisation_id'), ['donor_organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_donor_person_id'), ['donor_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_form'), ['form'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_receipt_no'), ['receipt_no'], unique=False)
        batch_op.create_index('ix_donation_unit_date', ['unit_id', 'donated_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_voided'), ['voided'], unique=False)

    op.create_table('duty_shift',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('duty_date', sa.Date(), nullable=False),
    sa.Column('shift', sa.String(length=20), nullable=False),
    sa.Column('duty', sa.String(length=50), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_duty_shift_person_id_person')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_duty_shift_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_shift')),
    sa.UniqueConstraint('team_id', 'person_id', 'duty_date', 'shift', name=op.f('uq_duty_shift_team_id_person_id_duty_date_shift')),
    sa.UniqueConstraint('uuid', name=op.f('uq_duty_shift_uuid'))
    )
    with op.batch_alter_table('duty_shift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_shift_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_shift_duty_date'), ['duty_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_shift_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_shift_team_id'), ['team_id'], unique=False)

    op.create_table('stock_movement',
    sa.Column('resource_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('from_place_id', sa.Integer(), nullable=True),
    sa.Column('to_place_id', sa.Integer(), nullable=True),
    sa.Column('to_team_id', sa.Integer(), nullable=True),
    sa.Column('moved_on', sa.Date(), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=True),
    sa.Column('handler', sa.String(length=50), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['from_place_id'], ['place.id'], name=op.f('fk_stock_movement_from_place_id_place')),
    sa.ForeignKeyConstraint(['resource_id'], ['resource.id'], name=op.f('fk_stock_movement_resource_id_resource')),
    sa.ForeignKeyConstraint(['to_place_id'], ['place.id'], name=op.f('fk_stock_movement_to_place_id_place')),
    sa.ForeignKeyConstraint(['to_team_id'], ['team.id'], name=op.f('fk_stock_movement_to_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movement')),
    sa.UniqueConstraint('uuid', name=op.f('uq_stock_movement_uuid'))
    )
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_movement_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movement_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movement_moved_on'), ['moved_on'], unique=False)
        batch_op.create_index('ix_stock_movement_res_from', ['resource_id', 'from_place_id'], unique=False)
        batch_op.create_index('ix_stock_movement_res_to', ['resource_id', 'to_place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movement_to_team_id'), ['to_team_id'], unique=False)

    op.create_table('team_membership',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=50), nullable=True),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_team_membership_person_id_person')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_team_membership_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_membership')),
    sa.UniqueConstraint('uuid', name=op.f('uq_team_membership_uuid'))
    )
    with op.batch_alter_table('team_membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_membership_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_membership_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_team_membership_team_person', ['team_id', 'person_id'], unique=False)

    op.create_table('donation_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('donation_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('estimated_value', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['donation_id'], ['donation.id'], name=op.f('fk_donation_item_donation_id_donation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_donation_item'))
    )
    with op.batch_alter_table('donation_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_donation_item_donation_id'), ['donation_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('donation_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_donation_item_donation_id'))

    op.drop_table('donation_item')
    with op.batch_alter_table('team_membership', schema=None) as batch_op:
        batch_op.drop_index('ix_team_membership_team_person')
        batch_op.drop_index(batch_op.f('ix_team_membership_person_id'))
        batch_op.drop_index(batch_op.f('ix_team_membership_deleted_at'))

    op.drop_table('team_membership')
    with op.batch_alter_table('stock_movement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_movement_to_team_id'))
        batch_op.drop_index('ix_stock_movement_res_to')
        batch_op.drop_index('ix_stock_movement_res_from')
        batch_op.drop_index(batch_op.f('ix_stock_movement_moved_on'))
        batch_op.drop_index(batch_op.f('ix_stock_movement_kind'))
        batch_op.drop_index(batch_op.f('ix_stock_movement_deleted_at'))

    op.drop_table('stock_movement')
    with op.batch_alter_table('duty_shift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_shift_team_id'))
        batch_op.drop_index(batch_op.f('ix_duty_shift_person_id'))
        batch_op.drop_index(batch_op.f('ix_duty_shift_duty_date'))
        batch_op.drop_index(batch_op.f('ix_duty_shift_deleted_at'))

    op.drop_table('duty_shift')
    with op.batch_alter_table('donation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_donation_voided'))
        batch_op.drop_index('ix_donation_unit_date')
        batch_op.drop_index(batch_op.f('ix_donation_receipt_no'))
        batch_op.drop_index(batch_op.f('ix_donation_form'))
        batch_op.drop_index(batch_op.f('ix_donation_donor_person_id'))
        batch_op.drop_index(batch_op.f('ix_donation_donor_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_donation_donor_kind'))
        batch_op.drop_index(batch_op.f('ix_donation_donor_initials'))
        batch_op.drop_index(batch_op.f('ix_donation_donor_display'))
        batch_op.drop_index(batch_op.f('ix_donation_deleted_at'))
        batch_op.drop_index('ix_donation_date_id')
        batch_op.drop_index(batch_op.f('ix_donation_campaign_id'))

    op.drop_table('donation')
    with op.batch_alter_table('commendation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commendation_team_id'))
        batch_op.drop_index(batch_op.f('ix_commendation_person_id'))
        batch_op.drop_index(batch_op.f('ix_commendation_party_branch_id'))
        batch_op.drop_index(batch_op.f('ix_commendation_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_commendation_honoree_kind'))
        batch_op.drop_index(batch_op.f('ix_commendation_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_commendation_category'))
        batch_op.drop_index('ix_commendation_batch_order')

    op.drop_table('commendation')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_status'))
        batch_op.drop_index(batch_op.f('ix_assignment_place_id'))
        batch_op.drop_index('ix_assignment_person_dates')
        batch_op.drop_index(batch_op.f('ix_assignment_deleted_at'))

    op.drop_table('assignment')
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_place_id'))
        batch_op.drop_index(batch_op.f('ix_team_party_branch_id'))
        batch_op.drop_index(batch_op.f('ix_team_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_team_name_initials'))
        batch_op.drop_index(batch_op.f('ix_team_name'))
        batch_op.drop_index(batch_op.f('ix_team_kind'))
        batch_op.drop_index(batch_op.f('ix_team_deleted_at'))

    op.drop_table('team')
    with op.batch_alter_table('resource', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resource_status'))
        batch_op.drop_index(batch_op.f('ix_resource_place_id'))
        batch_op.drop_index(batch_op.f('ix_resource_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_resource_name_initials'))
        batch_op.drop_index(batch_op.f('ix_resource_name'))
        batch_op.drop_index(batch_op.f('ix_resource_kind'))
        batch_op.drop_index(batch_op.f('ix_resource_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_resource_code'))
        batch_op.drop_index(batch_op.f('ix_resource_category'))

    op.drop_table('resource')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_political_status'))
        batch_op.drop_index(batch_op.f('ix_person_party_branch_id'))
        batch_op.drop_index(batch_op.f('ix_person_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_person_name_pinyin'))
        batch_op.drop_index(batch_op.f('ix_person_name_initials'))
        batch_op.drop_index(batch_op.f('ix_person_name'))
        batch_op.drop_index(batch_op.f('ix_person_employment_type'))
        batch_op.drop_index(batch_op.f('ix_person_deleted_at'))

    op.drop_table('person')
    with op.batch_alter_table('document_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_attachment_document_id'))

    op.drop_table('document_attachment')
    with op.batch_alter_table('commendation_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commendation_batch_status'))
        batch_op.drop_index(batch_op.f('ix_commendation_batch_issuer_id'))
        batch_op.drop_index(batch_op.f('ix_commendation_batch_document_id'))
        batch_op.drop_index(batch_op.f('ix_commendation_batch_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_commendation_batch_decided_on'))

    op.drop_table('commendation_batch')
    with op.batch_alter_table('place', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_place_name_initials'))
        batch_op.drop_index(batch_op.f('ix_place_name'))
        batch_op.drop_index(batch_op.f('ix_place_kind'))
        batch_op.drop_index(batch_op.f('ix_place_deleted_at'))

    op.drop_table('place')
    with op.batch_alter_table('party_branch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_branch_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_party_branch_name_initials'))
        batch_op.drop_index(batch_op.f('ix_party_branch_name'))
        batch_op.drop_index(batch_op.f('ix_party_branch_is_temporary'))
        batch_op.drop_index(batch_op.f('ix_party_branch_deleted_at'))

    op.drop_table('party_branch')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_status'))
        batch_op.drop_index(batch_op.f('ix_document_number'))
        batch_op.drop_index(batch_op.f('ix_document_kind'))
        batch_op.drop_index(batch_op.f('ix_document_issuer_id'))
        batch_op.drop_index(batch_op.f('ix_document_doc_date'))
        batch_op.drop_index(batch_op.f('ix_document_deleted_at'))

    op.drop_table('document')
    op.drop_table('setting')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_short_name'))
        batch_op.drop_index(batch_op.f('ix_organisation_path'))
        batch_op.drop_index(batch_op.f('ix_organisation_parent_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_name_pinyin'))
        batch_op.drop_index(batch_op.f('ix_organisation_name_initials'))
        batch_op.drop_index(batch_op.f('ix_organisation_name'))
        batch_op.drop_index(batch_op.f('ix_organisation_kind'))
        batch_op.drop_index(batch_op.f('ix_organisation_deleted_at'))

    op.drop_table('organisation')
    op.drop_table('number_sequence')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_deleted_at'))

    op.drop_table('campaign')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entry_record')
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))

    op.drop_table('audit_entry')
    op.drop_table('archived_pdf')

