"""The schema revisions this version of rfdesk knows, newest last.

Kept as constants so that opening an up-to-date database needs no Alembic import; a test checks that
they match the migration scripts.
"""

KNOWN_REVISIONS = ("0001_initial", "0002_list_view_indexes", "0003_pinyin_sort_keys")
HEAD_REVISION = KNOWN_REVISIONS[-1]
