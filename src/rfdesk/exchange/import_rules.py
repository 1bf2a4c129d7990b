"""How a spreadsheet row becomes a call to each register's create function.

A rule turns one row's parsed values into the ``data`` dict of ``create_person`` / ``create_donation`` /
``create_resource`` (names of organisations become ids, duplicates within the file are caught), and makes
the call. Everything the forms check is left to those services, so an import refuses exactly what a form
refuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rfdesk.exchange.columns import read_value
from rfdesk.services import validation as v

# Each group needs at least one of its columns in the file.
REQUIRED_COLUMNS: dict[str, list[tuple[str, ...]]] = {
    "people": [("name",)],
    "donations": [("donor", "organisation"), ("amount", "item_name")],
    "resources": [("name",)],
}


@dataclass(frozen=True)
class Issue:
    field: str
    zh: str
    en: str
    kind: str = "invalid"


class _Organisations:
    """Organisation names → ids, each name looked up once per import."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[str, int | None] = {}
        # Held so that the services' look-ups by id find them in the session instead of reloading each row.
        self.loaded: list[Any] = []

    def find(self, name: str) -> int | None:
        if name not in self.cache:
            from rfdesk.services.organisations import find_organisation

            org = find_organisation(self.session, name)
            self.cache[name] = org.id if org is not None else None
            if org is not None:
                self.loaded.append(org)
        return self.cache[name]

    def resolve(self, values: dict[str, Any], key: str, issues: list[Issue]) -> int | None:
        name = values.get(key)
        if not name:
            return None
        found = self.find(str(name))
        if found is None:
            zh, en = v.label("organisation_id")
            issues.append(Issue(key, f"{zh}：“{name}”不在单位名录中（可先新建该单位）",
                                f"{en}: “{name}” is not in the list of organisations (create it first)",
                                "missing_organisation"))
        return found


class PeopleRule:
    """A row of a personnel list → ``create_person``."""

    fields = ("name", "gender", "id_number", "phone", "post", "rank", "political_status", "employment_type",
              "birth_date", "party_joined_on", "qualifications", "notes")

    def __init__(self, session: Session) -> None:
        from rfdesk.domain import Person

        self.session = session
        self.organisations = _Organisations(session)
        self.seen_ids: dict[str, int] = {}
        # One query instead of one per row; the register's size, not the file's, bounds it.
        self.registered = set(session.scalars(select(Person.id_number).where(Person.id_number.is_not(None))))

    def prepare(self, values: dict[str, Any], row: int) -> tuple[dict[str, Any], list[Issue]]:
        issues: list[Issue] = []
        data = {k: values[k] for k in self.fields if k in values}
        if "organisation" in values:
            data["organisation_id"] = self.organisations.resolve(values, "organisation", issues)
        id_no = values.get("id_number")
        if id_no:
            first = self.seen_ids.setdefault(id_no, row)
            if first != row:
                issues.append(Issue("id_number", f"身份证号：与第{first}行重复",
                                    f"ID number: the same as row {first}", "duplicate"))
            elif id_no in self.registered:
                holder = self._holder(id_no)
                if holder:
                    issues.append(Issue("id_number", f"身份证号：已登记为“{holder}”的身份证号（重复人员）",
                                        f"ID number: already registered for “{holder}” (duplicate)",
                                        "duplicate"))
        return data, issues

    def _holder(self, id_no: str) -> str | None:
        from rfdesk.domain import Organisation, Person

        row = self.session.execute(
            select(Person.name, Organisation.name, Person.deleted_at)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .where(Person.id_number == id_no)
        ).first()
        if row is None:
            return None
        name, unit, deleted = row
        return name + (f"，{unit}" if unit else "") + ("，在回收站中" if deleted is not None else "")

    def create(self, data: dict[str, Any]) -> int:
        from rfdesk.services.people import create_person

        return create_person(self.session, data).id


RULES: dict[str, Any] = {"people": PeopleRule}

__all__ = ["REQUIRED_COLUMNS", "RULES", "Issue", "read_value"]
