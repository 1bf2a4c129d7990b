"""indexes for the list views: teams, places, party branches and resources by kind and pinyin; the rota

Revision ID: 0002_list_view_indexes
Revises: 0001_initial
Create Date: 2026-11-29 08:00:00
"""

from alembic import op

revision = "0002_list_view_indexes"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# (index, table, columns)
INDEXES = [
    ("ix_team_kind_pinyin", "team", ["kind", "name_pinyin"]),
    ("ix_place_kind_pinyin", "place", ["kind", "name_pinyin"]),
    ("ix_party_branch_temporary_pinyin", "party_branch", ["is_temporary", "name_pinyin"]),
    ("ix_resource_kind_pinyin", "resource", ["kind", "name_pinyin"]),
    ("ix_duty_shift_team_date", "duty_shift", ["team_id", "duty_date"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
