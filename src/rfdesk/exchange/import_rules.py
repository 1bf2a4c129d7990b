"""How a spreadsheet row becomes a row of each register's bulk create.

A rule turns one row's parsed values into the ``data`` dict of ``create_person`` / ``create_donation`` /
``create_resource`` (names of organisations become ids, duplicates within the file are caught), then checks
a chunk of such rows with the register's ``check_…`` function (the same checks and messages as the single
create, writing nothing) and writes the checked ones with its ``insert_…``. Everything the forms check is
left to those services, so an import refuses exactly what a form refuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import methodcaller
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

    def kind_of(self, name: str) -> str | None:
        found = self.find(name)
        return next((o.kind for o in self.loaded if o.id == found), None)

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

    merges = False  # a row is never the continuation of the record above it (see ``merge``)

    fields = ("name", "gender", "id_number", "phone", "post", "rank", "political_status", "employment_type",
              "birth_date", "party_joined_on", "qualifications", "notes")
    field_set = frozenset(fields)

    def __init__(self, session: Session) -> None:
        from rfdesk.domain import Organisation, PartyBranch, Person

        self.session = session
        self.organisations = _Organisations(session)
        self.branches = _Named(session, PartyBranch)
        self.seen_ids: dict[str, int] = {}
        self.pointers = [("organisation_id", Organisation), ("party_branch_id", PartyBranch)]
        # One query instead of one per row; the register's size, not the file's, bounds it.
        self.registered = set(session.scalars(select(Person.id_number).where(Person.id_number.is_not(None))))

    def prepare(self, values: dict[str, Any], row: int) -> tuple[dict[str, Any], list[Issue]]:
        issues: list[Issue] = []
        data = {k: x for k, x in values.items() if k in self.field_set}
        if "organisation" in values:
            data["organisation_id"] = self.organisations.resolve(values, "organisation", issues)
        if values.get("party_branch"):
            data["party_branch_id"] = self.branches.find(str(values["party_branch"]))
            if data["party_branch_id"] is None:
                issues.append(_missing("party_branch", ("党支部", "party branch"), values["party_branch"]))
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

    def merge(self, record: dict[str, Any], data: dict[str, Any]) -> bool:
        return False

    def check(self, rows: list[dict[str, Any]]) -> list[Any]:
        from rfdesk.services.people import check_people

        return check_people(self.session, rows)

    def references(self, passed: list[tuple[int, Any]]) -> dict[tuple[str, Any, Any], int]:
        """(field, model, id) of each record the checked rows point to, to be looked at again when writing,
        with the first row pointing to it."""
        return _first_rows(self.pointers, passed, [c.values for _row, c in passed])

    def ready(self, checked: list[Any]) -> Any:
        """Checked rows made ready to be written (pinyin keys, stored values), before the write lock."""
        from rfdesk.services.people import prepare_people

        return prepare_people(self.session, checked)

    @staticmethod
    def write(session: Session, batch: Any) -> list[int]:
        from rfdesk.services.people import write_people

        return write_people(session, batch)

    @staticmethod
    def conflict(session: Session, lines: list[int], batch: Any) -> tuple[int, Exception] | None:
        """The first row whose ID number someone registered after the row was checked, and the form's
        refusal of it."""
        from rfdesk.domain import Person
        from rfdesk.services.people import check_people

        number_at, name_at = batch.columns.index("id_number"), batch.columns.index("name")
        rows = {r[number_at]: (line, r[name_at]) for line, r in reversed(list(zip(lines, batch.rows, strict=True)))
                if r[number_at]}
        taken = set(session.scalars(select(Person.id_number).where(Person.id_number.in_(rows))))
        for number, (line, name) in sorted(rows.items(), key=lambda kv: kv[1][0]):
            if number in taken:
                refusal = check_people(session, [{"name": name, "id_number": number}])[0]
                assert isinstance(refusal, Exception)  # the number is taken, so the form refuses it
                return line, refusal
        return None


def _first_rows(pointers: list[tuple[str, Any]], passed: list[tuple[int, Any]],
                values: list[dict[str, Any]]) -> dict[tuple[str, Any, Any], int]:
    """For each record that ``values`` (those of the rows ``passed``) point to by one of ``pointers``,
    (field, model, id) → the first row pointing to it."""
    rows = [row for row, _c in passed]
    found: dict[tuple[str, Any, Any], int] = {}
    for key, model in pointers:
        # Built from the last row to the first, so that each id keeps its first row.
        first = dict(zip(reversed(list(map(methodcaller("get", key), values))), reversed(rows), strict=True))
        first.pop(None, None)
        for record_id, row in first.items():
            found[(key, model, record_id)] = row
    return found


class _Named:
    """Live records of one model looked up by exact name, once per name."""

    def __init__(self, session: Session, model: Any) -> None:
        self.session = session
        self.model = model
        self.cache: dict[str, int | None] = {}

    def find(self, name: str) -> int | None:
        if name not in self.cache:
            found = self.session.scalar(select(self.model.id).where(self.model.name == name,
                                                                     self.model.deleted_at.is_(None))
                                        .order_by(self.model.id).limit(1))
            self.cache[name] = found
        return self.cache[name]


def _missing(field: str, label: tuple[str, str], name: Any, kind: str = "invalid") -> Issue:
    zh, en = label
    return Issue(field, f"{zh}：“{name}”不存在，请先在系统中新建", f"{en}: “{name}” does not exist; create it first",
                 kind)


class DonationsRule:
    """A row of a donation list → ``create_donation`` (one row is one donation; in kind: one item)."""

    merges = True

    def __init__(self, session: Session) -> None:
        from rfdesk.domain import Campaign, Organisation, Person

        self.session = session
        self.organisations = _Organisations(session)
        self.campaigns = _Named(session, Campaign)
        self.pointers = [("unit_id", Organisation), ("donor_organisation_id", Organisation),
                         ("donor_person_id", Person), ("campaign_id", Campaign)]
        self.people: dict[tuple[str, int | None], list[int]] = {}
        self.seen: dict[tuple[Any, ...], int] = {}

    def _people_named(self, name: str, unit_id: int | None) -> list[int]:
        from rfdesk.domain import Person

        key = (name, unit_id)
        if key not in self.people:
            stmt = select(Person.id).where(Person.name == name, Person.deleted_at.is_(None))
            if unit_id is not None:
                stmt = stmt.where(Person.organisation_id == unit_id)
            self.people[key] = list(self.session.scalars(stmt.order_by(Person.id).limit(3)))
        return self.people[key]

    def prepare(self, values: dict[str, Any], row: int) -> tuple[dict[str, Any], list[Issue]]:
        from rfdesk.domain.codes import DonorKind, OrgKind

        issues: list[Issue] = []
        unit_id = self.organisations.resolve(values, "organisation", issues)
        donor = values.get("donor")
        kind = values.get("donor_kind")
        data: dict[str, Any] = {}
        if kind is None:
            if donor in (None, "匿名", "anonymous"):
                kind = DonorKind.ANONYMOUS.value if donor else DonorKind.ORGANISATION.value
            elif self.organisations.find(str(donor)) is not None:
                kind = (DonorKind.ENTERPRISE.value if self.organisations.kind_of(str(donor)) == OrgKind.ENTERPRISE
                        else DonorKind.ORGANISATION.value)
            else:
                kind = DonorKind.PERSON.value
        data["donor_kind"] = kind
        if kind == DonorKind.PERSON.value:
            if donor:
                found = self._people_named(str(donor), unit_id)
                if len(found) == 1:
                    data["donor_person_id"] = found[0]
                elif not found:
                    where = f"“{values.get('organisation')}”" if unit_id else ""
                    issues.append(Issue("donor", f"捐赠人：人员名册中{where}没有“{donor}”，请先登记该人员，"
                                        "或在“捐赠人类型”列填写“其他”",
                                        f"donor: there is no “{donor}” in the personnel register; register them "
                                        "first or set the donor type to other"))
                else:
                    issues.append(Issue("donor", f"捐赠人：人员名册中有多个“{donor}”，请在“单位”列注明其单位",
                                        f"donor: several people are named “{donor}”; give their organisation"))
        elif kind in (DonorKind.ORGANISATION.value, DonorKind.ENTERPRISE.value):
            name = donor or values.get("organisation")
            org_id = self.organisations.find(str(name)) if name else None
            if org_id is not None:
                data["donor_organisation_id"] = org_id
            elif kind == DonorKind.ENTERPRISE.value and donor:
                data["donor_name"] = donor
            elif name:
                issues.append(Issue("donor", f"捐赠人：“{name}”不在单位名录中（可先新建该单位）",
                                    f"donor: “{name}” is not in the list of organisations (create it first)",
                                    "missing_organisation"))
        elif kind != DonorKind.ANONYMOUS.value:
            data["donor_name"] = donor
        if unit_id is not None:
            data["unit_id"] = unit_id
        if values.get("campaign"):
            data["campaign_id"] = self.campaigns.find(str(values["campaign"]))
            if data["campaign_id"] is None:
                issues.append(_missing("campaign", ("募捐活动", "campaign"), values["campaign"]))
        for key in ("donated_on", "form", "channel", "purpose", "recipient", "handler", "notes"):
            if values.get(key) is not None:
                data[key] = values[key]
        if values.get("item_name") is not None:
            data.setdefault("form", "in_kind")
            value = values.get("estimated_value")
            if value is None and "estimated_value" not in values:
                value = values.get("amount")
            data["items"] = [{"name": values["item_name"], "quantity": values.get("quantity"),
                              "unit": values.get("unit_of_measure"), "estimated_value": value}]
        elif values.get("amount") is not None:
            data["amount"] = values["amount"]
        if values.get("receipt_no"):
            # Receipts are numbered afresh by the register; the number only ties an exported donation's
            # item rows together.
            data["_receipt"] = values["receipt_no"]
        if not issues and values.get("amount") is not None and "items" not in data:
            # Within the file first: while previewing, earlier rows of the file already sit in the register.
            seen_key = (str(donor), values.get("organisation"), values.get("donated_on"), values["amount"])
            first = self.seen.setdefault(seen_key, row)
            if first != row:
                issues.append(Issue("donor", f"与第{first}行的捐赠人、日期、金额都相同，请确认不是重复录入",
                                    f"same donor, date and amount as row {first}; make sure it is not entered twice",
                                    "warning"))
            else:
                issues += self._looks_recorded(data, values)
        return data, issues

    def _looks_recorded(self, data: dict[str, Any], values: dict[str, Any]) -> list[Issue]:
        """A warning when the register already holds a donation by the same donor, on the same day, of the
        same amount: the same list imported twice. Not a refusal: one donor may give twice in a day."""
        from rfdesk.domain import Donation

        amount, on, donor = values.get("amount"), values.get("donated_on"), values.get("donor")
        if amount is None or on is None or "items" in data:
            return []
        receipt = self.session.scalar(
            select(Donation.receipt_no).where(Donation.donated_on == on, Donation.amount == amount,
                                              Donation.donor_display == str(donor or values.get("organisation")
                                                                            or "匿名"),
                                              Donation.deleted_at.is_(None), Donation.voided.is_(False))
            .limit(1))
        if receipt is None:
            return []
        return [Issue("donor", f"登记簿中已有同一捐赠人同日同金额的捐赠（收据号 {receipt}），请确认不是重复导入",
                      f"the register already has a donation by this donor on this day of this amount "
                      f"(receipt {receipt}); make sure it is not imported twice", "warning")]

    def merge(self, record: dict[str, Any], data: dict[str, Any]) -> bool:
        """The next item of an in-kind donation: a row under it with the same receipt number (as exported)."""
        receipt = data.get("_receipt")
        if not receipt or receipt != record.get("_receipt") or "items" not in data or "items" not in record:
            return False
        record["items"].extend(data["items"])
        return True

    def check(self, rows: list[dict[str, Any]]) -> list[Any]:
        from rfdesk.services.donations import check_donations

        return check_donations(self.session, [{k: x for k, x in r.items() if k != "_receipt"} for r in rows])

    def references(self, passed: list[tuple[int, Any]]) -> dict[tuple[str, Any, Any], int]:
        return _first_rows(self.pointers, passed, [c.values for _row, c in passed])

    @staticmethod
    def ready(checked: list[Any]) -> Any:
        return [_plain(c) for c in checked]  # receipt numbers are given under the write lock

    @staticmethod
    def write(session: Session, batch: Any) -> list[int]:
        from rfdesk.services.donations import insert_donations

        return insert_donations(session, [_from_plain(c) for c in batch])

    @staticmethod
    def conflict(session: Session, lines: list[int], batch: Any) -> tuple[int, Exception] | None:
        return None  # receipt numbers are given under the write lock; nothing else must be unique


class ResourcesRule:
    """A row of a resource list → ``create_resource``, and for a supply with a quantity its first receipt."""

    merges = False

    fields = ("name", "code", "address", "capacity_people", "area_m2", "serial_no", "status",
              "unit_of_measure", "min_stock")

    def __init__(self, session: Session) -> None:
        from rfdesk.domain import Organisation, Place

        self.session = session
        self.organisations = _Organisations(session)
        self.places = _Named(session, Place)
        self.pointers = [("organisation_id", Organisation), ("place_id", Place)]

    def prepare(self, values: dict[str, Any], row: int) -> tuple[dict[str, Any], list[Issue]]:
        from rfdesk.domain.codes import ResourceCategory

        issues: list[Issue] = []
        data = {k: values[k] for k in self.fields if values.get(k) is not None}
        kind = values.get("kind")
        category = values.get("category")
        if kind in ResourceCategory.codes() and category is None:
            kind, category = None, kind
        if kind is None and category is not None:
            kind = {"supply": "supply", "equipment": "other_equipment"}.get(str(category), category)
        data["kind"] = kind
        if "organisation" in values:
            data["organisation_id"] = self.organisations.resolve(values, "organisation", issues)
        if values.get("place"):
            data["place_id"] = self.places.find(str(values["place"]))
            if data["place_id"] is None:
                issues.append(_missing("place", ("存放地点", "place"), values["place"], "missing_place"))
        notes = [n for n in (f"规格：{values['spec']}" if values.get("spec") else None, values.get("notes")) if n]
        if notes:
            data["notes"] = "\n".join(notes)
        quantity = values.get("quantity")
        if quantity:
            if not data.get("place_id") and not values.get("place"):
                issues.append(Issue("quantity", "数量：填写了数量时须同时填写“存放地点”",
                                    "quantity: a quantity needs the place where it is stored"))
            data["_quantity"] = quantity
        return data, issues

    def merge(self, record: dict[str, Any], data: dict[str, Any]) -> bool:
        return False

    def check(self, rows: list[dict[str, Any]]) -> list[Any]:
        """Each row checked as ``create_resource`` checks it, and its quantity as the first receipt's."""
        from rfdesk.domain.codes import ResourceCategory
        from rfdesk.services.errors import ValidationError
        from rfdesk.services.resources import check_resources

        receipts = [(r.get("_quantity"), r.get("place_id")) for r in rows]
        checked = check_resources(self.session, [{k: x for k, x in r.items() if k != "_quantity"} for r in rows])
        out: list[Any] = []
        for c, (quantity, place_id) in zip(checked, receipts, strict=True):
            if isinstance(c, ValidationError) or not quantity:
                out.append(c if isinstance(c, ValidationError) else (c, None, None))
                continue
            try:
                if c.values["category"] != ResourceCategory.SUPPLY.value:
                    name = c.values["name"]
                    raise v.fail("resource_id", f"{name} 不是物资，没有库存", f"{name} is not a supply; it has no stock")
                out.append((c, v.quantity("quantity", quantity), place_id))
            except ValidationError as err:
                out.append(err)
        return out

    def references(self, passed: list[tuple[int, Any]]) -> dict[tuple[str, Any, Any], int]:
        from rfdesk.domain import Place

        found = _first_rows(self.pointers, passed, [c.values for _row, (c, _q, _store) in passed])
        for row, (_c, _quantity, store) in passed:
            if store is not None:
                found.setdefault(("place_id", Place, store), row)
        return found

    @staticmethod
    def ready(checked: list[Any]) -> Any:
        return [_plain(c) for c in checked]

    @staticmethod
    def write(session: Session, batch: Any) -> list[int]:
        from datetime import date

        from rfdesk.services.resources import insert_resources, receive_stock

        checked = [_from_plain(c) for c in batch]
        ids = insert_resources(session, [c for c, _q, _p in checked])
        for resource_id, (_c, quantity, place_id) in zip(ids, checked, strict=True):
            if quantity:
                receive_stock(session, resource_id, place_id, quantity, date.today(), reference="导入")
        return ids

    @staticmethod
    def conflict(session: Session, lines: list[int], batch: Any) -> tuple[int, Exception] | None:
        return None  # nothing of a resource must be unique


# Written to the temporary file as plain dicts and lists: a third of the time of pickling the objects.
def _plain(checked: Any) -> Any:
    from rfdesk.services.bulk import Checked

    if isinstance(checked, Checked):
        return ("checked", checked.values, checked.items)
    if isinstance(checked, tuple):
        return ("tuple", [_plain(c) for c in checked])
    return ("value", checked)


def _from_plain(plain: Any) -> Any:
    from rfdesk.services.bulk import Checked

    kind, *rest = plain
    if kind == "checked":
        return Checked(rest[0], rest[1])
    if kind == "tuple":
        return tuple(_from_plain(c) for c in rest[0])
    return rest[0]


RULES: dict[str, Any] = {"people": PeopleRule, "donations": DonationsRule, "resources": ResourcesRule}

__all__ = ["REQUIRED_COLUMNS", "RULES", "Issue", "read_value"]
