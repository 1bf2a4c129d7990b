"""Read-only query pieces shared by the register tables: organisation subtrees, name search, look-ups."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.compiler import compiles

from rfdesk.domain import Organisation
from rfdesk.services.base import ColumnFunction
from rfdesk.services.search import Search


def live(session: Any, model: Any) -> Any:
    """Rows not in the recycle bin, phrased so that SQLite never picks the deleted_at index for it.

    Almost every row is live, but without statistics SQLite's planner takes ``deleted_at IS NULL`` for a
    selective condition: it would walk that index (all rows) instead of the index of the sort column or of
    a pinyin search. ``coalesce(x, x)`` means the same and cannot use an index.
    """
    if session.get_bind().dialect.name == "sqlite":
        from sqlalchemy import func

        return func.coalesce(model.deleted_at, model.deleted_at).is_(None)
    return model.deleted_at.is_(None)


class date_blank_first(ColumnFunction):  # noqa: N801 - reads as the SQL it becomes
    """A date column as a sort key: never NULL (paging compares it), blanks before every date.

    SQLite keeps dates as text, so a blank is ''; a server keeps them as dates and refuses to mix in text,
    so a blank is the first day of the calendar there.
    """

    name = "date_blank_first"
    inherit_cache = True


@compiles(date_blank_first)
def _date_blank_first(element: date_blank_first, compiler: Any, **kw: Any) -> str:
    return f"coalesce({compiler.process(element.clauses, **kw)}, DATE '0001-01-01')"


@compiles(date_blank_first, "sqlite")
def _date_blank_first_sqlite(element: date_blank_first, compiler: Any, **kw: Any) -> str:
    return f"coalesce({compiler.process(element.clauses, **kw)}, '')"


def org_subtree(column: Any, session: Any, org_id: int | None) -> Any:
    """WHERE ``column`` is the organisation ``org_id`` or one of its descendants (None: no condition)."""
    if org_id is None:
        return None
    org = session.get(Organisation, org_id)
    if org is None:
        return column == org_id
    prefix = f"{org.path}{org.id}/"
    sub = select(Organisation.id).where(or_(Organisation.id == org_id, Organisation.path.startswith(prefix)))
    return column.in_(sub)


def name_search(name_col: Any, initials_col: Any, pinyin_col: Any | None, search: Search | str) -> Any:
    """Characters anywhere in the name (曹裕), or pinyin initials / full pinyin from the start (cyj, caoyu).

    Latin letters are read as pinyin only, each as an indexed range, so that a search among 100,000 people
    never reads them all (a Chinese name cannot contain them anyway).
    """
    search = search if isinstance(search, Search) else Search.of(search)
    if not search:
        return None
    if search.letters:
        conds = [search.prefix(initials_col, lower=True), search.prefix(name_col)]
        if pinyin_col is not None:
            conds.append(search.prefix(pinyin_col, lower=True))
        return or_(*conds)
    return search.contains(name_col)


def organisation_tree(db: Any) -> list[tuple[int, int | None, str | None, str]]:
    """(id, parent id, short name, name) of every live organisation in tree order (parents first), as plain rows:
    a province's five hundred units are read for each register's tree, and loading them as records cost
    several times the query."""
    from rfdesk.services.base import live as not_deleted

    with db.session() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(Organisation.id, Organisation.parent_id, Organisation.short_name, Organisation.name)
            .where(not_deleted(Organisation))
            .order_by(Organisation.path, Organisation.sort_order, Organisation.name_pinyin))]


def organisation_choices(db: Any) -> list[tuple[int, str]]:
    """(id, name) of every live organisation in tree order, for combo boxes and completers."""
    from rfdesk.services.organisations import list_organisations

    with db.session() as s:
        return [(o.id, o.name) for o in list_organisations(s)]


def place_choices(db: Any) -> list[tuple[int, str]]:
    from rfdesk.services.organisations import list_places

    with db.session() as s:
        return [(p.id, p.name) for p in list_places(s)]


def people_matching(db: Any, text: str, limit: int = 20) -> list[tuple[int, str]]:
    """People whose name matches ``text`` (characters or pinyin), with their organisation for telling apart."""
    from rfdesk.domain import Person

    cond = name_search(Person.name, Person.name_initials, Person.name_pinyin, text)
    if cond is None:
        return []
    with db.session() as s:
        rows = s.execute(
            select(Person.id, Person.name, Organisation.short_name, Organisation.name)
            .outerjoin(Organisation, Person.organisation_id == Organisation.id)
            .where(Person.deleted_at.is_(None), cond)
            .order_by(Person.name_pinyin, Person.id).limit(limit)
        ).all()
    return [(pid, f"{name}（{short or org}）" if (short or org) else name) for pid, name, short, org in rows]
