"""pinyin sort keys beside the free-text columns the registers sort by (post, rank, purpose, handler,
category, title, campaign name, place of an assignment), filled in for the rows already there

Revision ID: 0003_pinyin_sort_keys
Revises: 0002_list_view_indexes
Create Date: 2026-11-29 10:00:00
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003_pinyin_sort_keys"
down_revision = "0002_list_view_indexes"
branch_labels = None
depends_on = None

# (table, text column, key column, indexed)
KEYS = [
    ("person", "post", "post_pinyin", True),
    ("person", "rank", "rank_pinyin", True),
    ("donation", "purpose", "purpose_pinyin", True),
    ("donation", "handler", "handler_pinyin", True),
    ("commendation", "category", "category_pinyin", True),
    ("document", "title", "title_pinyin", True),
    ("campaign", "name", "name_pinyin", False),
    ("assignment", "place_text", "place_text_pinyin", False),
]
BATCH = 5000


def _pinyin(text: str | None) -> str:
    # Kept here as it reads today, so that this step gives the same keys whatever later versions change.
    from pypinyin import Style, lazy_pinyin

    clean = "".join(ch for ch in (text or "") if not ch.isspace())
    full = lazy_pinyin(clean, style=Style.NORMAL, errors=lambda t: list(t.lower()))
    return "".join(full).lower()[:400]


def _backfill(conn: Any, table: str, text_column: str, key_column: str) -> None:
    t = sa.table(table, sa.column("id"), sa.column(text_column), sa.column(key_column))
    last = 0
    while True:
        rows = conn.execute(sa.select(t.c.id, t.c[text_column])
                            .where(t.c.id > last, t.c[text_column].is_not(None), t.c[text_column] != "")
                            .order_by(t.c.id).limit(BATCH)).all()
        if not rows:
            return
        conn.execute(t.update().where(t.c.id == sa.bindparam("row_id")).values({key_column: sa.bindparam("key")}),
                     [{"row_id": i, "key": _pinyin(text)} for i, text in rows])
        last = rows[-1][0]


def upgrade() -> None:
    conn = op.get_bind()
    for table, text_column, key_column, indexed in KEYS:
        op.add_column(table, sa.Column(key_column, sa.String(400), nullable=False, server_default=""))
        _backfill(conn, table, text_column, key_column)
        if indexed:
            op.create_index(f"ix_{table}_{key_column}", table, [key_column], unique=False)


def downgrade() -> None:
    for table, _text_column, key_column, indexed in reversed(KEYS):
        if indexed:
            op.drop_index(f"ix_{table}_{key_column}", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column(key_column)
