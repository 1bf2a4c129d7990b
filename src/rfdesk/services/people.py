"""Personnel register: party branches and people.

Where everyone is (assignments) is in :mod:`rfdesk.services.whereabouts`; teams, memberships and duty
rotas in :mod:`rfdesk.services.teams`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Integer, func, or_, select
from sqlalchemy.orm import Session, aliased

from rfdesk.domain import (
    Commendation,
    CommendationBatch,
    Organisation,
    PartyBranch,
    Person,
)
from rfdesk.domain.codes import AssignmentStatus, EmploymentType, Gender, PoliticalStatus
from rfdesk.services import validation as v
from rfdesk.services.base import (
    Page,
    apply_changes,
    by_code_point,
    check_version,
    claim_write_lock,
    flush,
    get,
    live,
    name_filter,
    name_keys,
    page,
    referenced,
    set_name_keys,
    soft_delete,
    subtree_condition,
)
from rfdesk.services.bulk import (
    Checked,
    Prepared,
    first_refusal,
    name_keys_many,
    prepare_records,
    write_prepared,
)
from rfdesk.services.errors import ValidationError
from rfdesk.services.search import like_escaped, next_prefix

BRANCH_FIELDS = {"name", "organisation_id", "is_temporary", "founded_on", "dissolved_on", "notes"}
PERSON_FIELDS = {"name", "gender", "birth_date", "id_number", "phone", "organisation_id", "post", "rank",
                 "employment_type", "political_status", "party_branch_id", "party_joined_on", "qualifications",
                 "notes"}


def not_after_today(field: str, value: Any, *, required: bool = False, today: date | None = None) -> date | None:
    """A real date that is not in the future (birth dates, dates already passed)."""
    d = v.a_date(field, value, required=required)
    if d is not None and d > (today or date.today()):
        raise v.fail(field, "不能晚于今天", "cannot be in the future")
    return d


def code_of(field: str, value: Any, enum: Any, *, required: bool = False, default: Any = None) -> str | None:
    m = v.choice(field, value, enum, required=required, default=default)
    return m._value_ if m is not None else None  # what .value gives, without the enum's property


# ---- party branches -----------------------------------------------------------------------------------


def _clean_branch(session: Session, data: dict[str, Any], obj: PartyBranch | None) -> dict[str, Any]:
    v.unknown_fields(BRANCH_FIELDS, data)
    out: dict[str, Any] = {}
    if obj is None or "name" in data:
        out["name"] = v.text("name", data.get("name"), required=True, max_len=100)
    if "organisation_id" in data:
        org = referenced(session, "organisation_id", Organisation, data.get("organisation_id"))
        out["organisation_id"] = org.id if org else None
    if "is_temporary" in data:
        out["is_temporary"] = v.boolean("is_temporary", data.get("is_temporary"))
    if "founded_on" in data:
        out["founded_on"] = not_after_today("founded_on", data.get("founded_on"))
    if "dissolved_on" in data:
        out["dissolved_on"] = v.a_date("dissolved_on", data.get("dissolved_on"))
    if "notes" in data:
        out["notes"] = v.long_text("notes", data.get("notes"), max_len=5000)
    founded = out.get("founded_on", obj.founded_on if obj else None)
    dissolved = out.get("dissolved_on", obj.dissolved_on if obj else None)
    if founded and dissolved and dissolved < founded:
        raise v.fail("dissolved_on", f"撤销日期不能早于成立日期（{founded.isoformat()}）",
                     f"cannot be before the date it was founded ({founded.isoformat()})")
    return out


def create_party_branch(session: Session, data: dict[str, Any]) -> PartyBranch:
    """Set up a party branch; ``is_temporary`` marks a 临时党支部. Refuses a blank name or a bad date."""
    branch = PartyBranch(**_clean_branch(session, data, None))
    set_name_keys(branch, branch.name)
    session.add(branch)
    flush(session)
    return branch


def update_party_branch(session: Session, branch_id: int, data: dict[str, Any],
                        expected_version: int | None = None) -> PartyBranch:
    """Change a party branch. Refuses what create refuses, and a stale version."""
    branch = get(session, PartyBranch, branch_id)
    check_version(branch, expected_version)
    return apply_changes(session, branch, _clean_branch(session, data, branch), keys=name_keys)


def delete_party_branch(session: Session, branch_id: int) -> None:
    """Move a party branch to the recycle bin; refused while live people still belong to it."""
    branch = get(session, PartyBranch, branch_id)
    members = session.scalar(select(func.count(Person.id)).where(Person.party_branch_id == branch.id,
                                                                 live(Person))) or 0
    if members:
        raise ValidationError("party_branch_id", f"党支部“{branch.name}”还有 {members} 名人员，请先调整他们的党支部。",
                              f"The party branch “{branch.name}” still has {members} people; move them first.")
    soft_delete(session, branch)


def list_party_branches(session: Session, *, search: str = "", temporary: bool | None = None,
                        organisation_id: int | None = None) -> list[PartyBranch]:
    """Live party branches, regular ones first, each group by pinyin; filtered by name and kind."""
    stmt = select(PartyBranch).where(live(PartyBranch))
    cond = name_filter(PartyBranch, search or "")
    if cond is not None:
        stmt = stmt.where(cond)
    if temporary is not None:
        stmt = stmt.where(PartyBranch.is_temporary.is_(temporary))
    if organisation_id is not None:
        stmt = stmt.where(subtree_condition(session, PartyBranch.organisation_id, organisation_id))
    return list(session.scalars(stmt.order_by(PartyBranch.is_temporary, PartyBranch.name_pinyin,
                                              PartyBranch.id)))


# ---- people -------------------------------------------------------------------------------------------

# Surnames read differently from the same character in ordinary words (曾 zēng, not céng): without this,
# 曾方 would sort among the c's and not be found by "zf".
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha", "乐": "yue",
    "盖": "ge", "缪": "miao", "翟": "zhai", "覃": "qin", "种": "chong", "秘": "bi", "召": "shao", "折": "she",
    "员": "yun", "隗": "wei", "颉": "xie", "祭": "zhai", "都": "du", "郇": "xun", "阚": "kan", "重": "chong",
    "粘": "nian", "薄": "bo", "卜": "bu", "角": "jue", "句": "gou",
}
# Compound surnames starting with one of those characters but read as a word (单于 chányú).
_COMPOUND_SURNAMES = ("单于",)


def person_name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a person's name, reading the surname as a surname: 曾方 → zengfang, zf."""
    clean = "".join(ch for ch in (name or "") if not ch.isspace())
    surname = clean[:1]
    if surname in SURNAME_READINGS and not clean.startswith(_COMPOUND_SURNAMES):
        full, initials = name_keys(clean[1:])
        reading = SURNAME_READINGS[surname]
        full, initials = reading + full, reading[0] + initials
    else:
        full, initials = name_keys(clean)
    return full[:200], initials[:50]


def person_name_keys_many(names: Sequence[str]) -> list[tuple[str, str]]:
    """:func:`person_name_keys` of many names at once (an import), in one pass of the pinyin converter."""
    # A printable name holds no white space but the plain space (see validation.normalise).
    cleaned = [n if n.isprintable() and " " not in n else "".join(ch for ch in n if not ch.isspace())
               for n in (n or "" for n in names)]
    read_as_surname = [c[:1] in SURNAME_READINGS and not c.startswith(_COMPOUND_SURNAMES) for c in cleaned]
    keys = name_keys_many([c[1:] if s else c for c, s in zip(cleaned, read_as_surname, strict=True)])
    out = []
    for c, s, (full, initials) in zip(cleaned, read_as_surname, keys, strict=True):
        if s:
            reading = SURNAME_READINGS[c[:1]]
            full, initials = reading + full, reading[0] + initials
        out.append((full[:200], initials[:50]))
    return out


def _set_person_keys(person: Person) -> None:
    person.name_pinyin, person.name_initials = person_name_keys(person.name)



def _id_birth_date(id_number: str) -> date:
    born = v.date_of_digits(id_number[6:14])
    assert born is not None, "a checked ID number holds a real date of birth"
    return born


def _id_gender(id_number: str) -> str:
    # GB 11643: the 17th digit is odd for men, even for women.
    return _MALE if id_number[16] in "13579" else _FEMALE


_MALE, _FEMALE = Gender.MALE.value, Gender.FEMALE.value


def _id_number_taken(name: str, unit: Organisation | None, binned: bool) -> ValidationError:
    where = f"（{unit.name}）" if unit is not None else ""
    if binned:
        return v.fail("id_number", f"已登记为“{name}”{where}的身份证号，该人员在回收站中，可从回收站恢复",
                      f"already belongs to “{name}”, who is in the recycle bin (restore them instead)")
    return v.fail("id_number", f"已登记为“{name}”{where}的身份证号", f"already belongs to “{name}”")


def _check_unique_id_number(session: Session, id_number: str, obj: Person | None) -> None:
    stmt = select(Person).where(Person.id_number == id_number)
    if obj is not None:
        stmt = stmt.where(Person.id != obj.id)
    holder = session.scalar(stmt)
    if holder is not None:
        raise _id_number_taken(holder.name, holder.organisation, holder.deleted_at is not None)


def _clean_person(session: Session, data: dict[str, Any], obj: Person | None, *,
                  unique: bool = True, known: dict[Any, Any] | None = None,
                  today: date | None = None) -> dict[str, Any]:
    v.unknown_fields(PERSON_FIELDS, data)
    today = today or date.today()
    born: date | None = None
    out: dict[str, Any] = {}
    if obj is None or "name" in data:
        out["name"] = v.text("name", data.get("name"), required=True, max_len=50)
    if "gender" in data:
        out["gender"] = code_of("gender", data.get("gender"), Gender)
    if "birth_date" in data:
        out["birth_date"] = not_after_today("birth_date", data.get("birth_date"), today=today)
    if "id_number" in data:
        out["id_number"] = v.id_number("id_number", data.get("id_number"))
        if out["id_number"] and (born := _id_birth_date(out["id_number"])) > today:
            raise v.fail("id_number", "其中的出生日期在今天之后，请核对",
                         "holds a date of birth in the future; please check the number")
    if "phone" in data:
        out["phone"] = v.phone("phone", data.get("phone"))
    if "organisation_id" in data:
        out["organisation_id"] = _referenced_id_in_batch(session, "organisation_id", Organisation,
                                                         data.get("organisation_id"), known)
    if "post" in data:
        out["post"] = v.text("post", data.get("post"), max_len=100)
    if "rank" in data:
        out["rank"] = v.text("rank", data.get("rank"), max_len=50)
    if obj is None or "employment_type" in data:
        out["employment_type"] = code_of("employment_type", data.get("employment_type"), EmploymentType,
                                       default=EmploymentType.STAFF)
    if "political_status" in data:
        out["political_status"] = code_of("political_status", data.get("political_status"), PoliticalStatus)
    if "party_branch_id" in data:
        out["party_branch_id"] = _referenced_id_in_batch(session, "party_branch_id", PartyBranch,
                                                         data.get("party_branch_id"), known)
    if "party_joined_on" in data:
        out["party_joined_on"] = not_after_today("party_joined_on", data.get("party_joined_on"), today=today)
    if "qualifications" in data:
        out["qualifications"] = v.text("qualifications", data.get("qualifications"), max_len=200)
    if "notes" in data:
        out["notes"] = v.long_text("notes", data.get("notes"), max_len=5000)

    # The ID number carries the date of birth and the gender: derive them, or check they agree.
    id_no = out.get("id_number", obj.id_number if obj else None)
    if id_no:
        born, gender = born or _id_birth_date(id_no), _id_gender(id_no)
        given_birth = out.get("birth_date") if "birth_date" in data else None
        if given_birth is not None and given_birth != born:
            raise v.fail("birth_date", f"与身份证号中的出生日期（{born.isoformat()}）不一致",
                         f"does not match the date of birth in the ID number ({born.isoformat()})")
        given_gender = out.get("gender") if "gender" in data else None
        if given_gender is not None and given_gender != gender:
            raise v.fail("gender", f"与身份证号中的性别（{Gender(gender).zh}）不一致",  # type: ignore[attr-defined]
                         f"does not match the gender in the ID number ({Gender(gender).en})")  # type: ignore[attr-defined]
        out["birth_date"], out["gender"] = born, gender
        if "id_number" in out and unique:
            _check_unique_id_number(session, id_no, obj)
    born_final = out.get("birth_date", obj.birth_date if obj else None)
    joined = out.get("party_joined_on", obj.party_joined_on if obj else None)
    if born_final and joined and joined <= born_final:
        raise v.fail("party_joined_on", f"不能早于出生日期（{born_final.isoformat()}）",
                     f"cannot be before the date of birth ({born_final.isoformat()})")
    return out


def _referenced_id_in_batch(session: Session, field: str, model: Any, value: Any,
                            known: dict[Any, Any] | None) -> int | None:
    """The id of what ``referenced`` finds, looked up once per batch (``known``) for the few units and
    branches a list names."""
    if known is None or not isinstance(value, (int, str)):
        record = referenced(session, field, model, value)
        return record.id if record else None
    key = (field, value)
    if key not in known:
        record = referenced(session, field, model, value)
        known[key] = record.id if record else None
    return known[key]  # type: ignore[no-any-return]


def create_person(session: Session, data: dict[str, Any]) -> Person:
    """Register a person. Refuses a blank name, an unknown gender/employment type/political status, an ID
    number with a bad checksum or already registered (naming who has it), a birth date or gender that
    disagrees with the ID number, a bad phone number, a date in the future, and a missing organisation or
    party branch. When only the ID number is given, birth date and gender are taken from it."""
    claim_write_lock(session)  # the ID number is checked unique before it is written
    person = Person(**_clean_person(session, data, None))
    _set_person_keys(person)
    session.add(person)
    flush(session)
    return person


def check_people(session: Session, rows: Sequence[dict[str, Any]]) -> list[Checked | ValidationError]:
    """Check new people exactly as :func:`create_person` checks each one, writing nothing: for every row the
    values to write, or the ValidationError refusing it. ID numbers are looked up in the register in one
    query for the whole batch; one given twice in the batch is refused the second time, as a second
    ``create_person`` would refuse it."""
    checked: list[Checked | ValidationError] = []
    known: dict[Any, Any] = {}
    today = date.today()
    for data in rows:
        try:
            checked.append(Checked(_clean_person(session, data, None, unique=False, known=known, today=today)))
        except ValidationError as err:
            checked.append(err)
    numbers = {c.values["id_number"] for c in checked if isinstance(c, Checked) and c.values.get("id_number")}
    taken = registered_id_numbers(session, numbers)
    holders = {p.id_number: p for p in session.scalars(select(Person).where(Person.id_number.in_(taken)))} \
        if taken else {}
    earlier: dict[str, dict[str, Any]] = {}
    for i, c in enumerate(checked):
        number = c.values.get("id_number") if isinstance(c, Checked) else None
        if not number:
            continue
        if number in holders:
            h = holders[number]
            checked[i] = _id_number_taken(h.name, h.organisation, h.deleted_at is not None)
        elif number in earlier:
            first = earlier[number]
            unit = session.get(Organisation, first["organisation_id"]) if first.get("organisation_id") else None
            checked[i] = _id_number_taken(first["name"], unit, False)
        else:
            earlier[number] = c.values  # type: ignore[union-attr]
    return checked


def registered_id_numbers(session: Session, numbers: set[str]) -> set[str]:
    """Which of ``numbers`` the register holds (people in the recycle bin included)."""
    if not numbers:
        return set()
    if session.autoflush:
        session.flush()  # as the ORM's SELECT would: people added but not yet written count too
    conn = session.connection()
    if conn.dialect.paramstyle != "qmark":
        return set(session.scalars(select(Person.id_number).where(Person.id_number.in_(numbers))))
    # SQLite: the same SELECT given to the driver as it is; building an IN of a chunk's 500 numbers through
    # the SQL compiler took longer than the look-up itself.
    marks = ", ".join("?" * len(numbers))
    rows = conn.exec_driver_sql(f"SELECT id_number FROM person WHERE id_number IN ({marks})", tuple(numbers))
    return {number for (number,) in rows}


def prepare_people(session: Session, checked: Sequence[Checked]) -> Prepared:
    """Make people passed by :func:`check_people` ready to be written (their pinyin keys, uuids and stored
    values), writing nothing and taking no lock: an import does this before it takes the write lock."""
    values = [c.values for c in checked]
    keys = person_name_keys_many([v["name"] for v in values])
    # A field the form leaves out is stored empty, not as its column's default (as create_person stores it).
    return prepare_records(session, Person, values, blank=PERSON_FIELDS,
                           given={"name_pinyin": [full for full, _i in keys],
                                  "name_initials": [initials for _f, initials in keys]})


def write_people(session: Session, prepared: Prepared) -> list[int]:
    """Write people made ready by :func:`prepare_people`, with their audit entries, in one executemany;
    their new ids in order. The caller holds the write lock."""
    return write_prepared(session, Person, prepared)


def insert_people(session: Session, checked: Sequence[Checked]) -> list[int]:
    """Write people passed by :func:`check_people` (with their pinyin keys and audit entries) in one
    executemany; their new ids in order. The caller holds the write lock (:func:`create_people` does)."""
    return write_people(session, prepare_people(session, checked))


def create_people(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Register many people at once, all or nothing: each row is checked as :func:`create_person` checks it;
    the first refused row raises :class:`RowRefused` (its index and the error) and nothing is written."""
    claim_write_lock(session)
    checked = check_people(session, rows)
    first_refusal(checked)
    return insert_people(session, checked)  # type: ignore[arg-type]


def update_person(session: Session, person_id: int, data: dict[str, Any],
                  expected_version: int | None = None) -> Person:
    """Change a person's record; refuses what :func:`create_person` refuses, and a stale version."""
    claim_write_lock(session)
    person = get(session, Person, person_id)
    check_version(person, expected_version)
    return apply_changes(session, person, _clean_person(session, data, person), keys=person_name_keys)


def delete_person(session: Session, person_id: int) -> None:
    """Move a person to the recycle bin (their memberships, duties and commendations stay on record)."""
    soft_delete(session, get(session, Person, person_id))


def get_person(session: Session, person_id: int) -> Person:
    """A live person; NotFound if there is none or they are in the recycle bin."""
    return get(session, Person, person_id)


def find_person_by_id_number(session: Session, id_number: str, *, include_deleted: bool = False) -> Person | None:
    """The person with this ID number (full-width digits and a lower-case x are accepted), or None."""
    s = v.normalise(id_number).replace(" ", "").upper()
    if not s:
        return None
    stmt = select(Person).where(Person.id_number == s)
    if not include_deleted:
        stmt = stmt.where(live(Person))
    return session.scalar(stmt)


def person_commendations(session: Session, person_id: int) -> list[Commendation]:
    """The commendations a person received, in live batches, oldest decision first."""
    return list(session.scalars(
        select(Commendation).join(CommendationBatch, Commendation.batch_id == CommendationBatch.id)
        .where(Commendation.person_id == person_id, live(Commendation), live(CommendationBatch))
        .order_by(CommendationBatch.decided_on.is_(None), CommendationBatch.decided_on, Commendation.id)
    ))


_PERSON_SORTS: dict[str, Any] = {
    "name": Person.name_pinyin,
    "gender": Person.gender,
    "birth_date": Person.birth_date,
    "id_number": Person.id_number,
    "phone": Person.phone,
    "post": func.nullif(Person.post_pinyin, ""),  # blank posts last, as blank birth dates
    "rank": func.nullif(Person.rank_pinyin, ""),
    "employment_type": Person.employment_type,
    "political_status": Person.political_status,
    "party_joined_on": Person.party_joined_on,
    "qualifications": Person.qualifications,
    "created_at": Person.created_at,
    "updated_at": Person.updated_at,
    "id": Person.id,
}


def list_people(session: Session, *, search: str = "", organisation_id: int | None = None,
                employment_type: str | None = None, political_status: str | None = None,
                party_branch_id: int | None = None, status_today: str | None = None, on: date | None = None,
                sort: str = "name", descending: bool = False, offset: int = 0,
                limit: int = 100) -> Page[Person]:
    """One page of live people, filtered and sorted in SQL.

    ``search`` matches name characters, pinyin initials (cyj), full pinyin prefix, ID number and phone;
    ``organisation_id`` includes every unit below it; ``status_today`` keeps people whose whereabouts on
    ``on`` (default today) has that status (在岗 for people with no covering assignment). ``sort`` is a
    column name, ``organisation`` or ``party_branch``; names sort by pinyin. Refuses an unknown sort column
    or filter value.
    """
    stmt = select(Person).where(live(Person))
    q = v.normalise(search)
    if q:
        conds = [name_filter(Person, q)]
        if any(c.isdigit() for c in q):  # letters alone never match a phone or ID number: keep the index
            conds += [Person.phone.contains(q, autoescape=True),
                      Person.id_number.contains(q.upper(), autoescape=True)]
        stmt = stmt.where(or_(*conds))
    if organisation_id is not None:
        stmt = stmt.where(subtree_condition(session, Person.organisation_id, organisation_id))
    if employment_type:
        stmt = stmt.where(Person.employment_type == code_of("employment_type", employment_type, EmploymentType))
    if political_status:
        stmt = stmt.where(Person.political_status == code_of("political_status", political_status, PoliticalStatus))
    if party_branch_id is not None:
        stmt = stmt.where(Person.party_branch_id == party_branch_id)
    if status_today:
        from rfdesk.services.whereabouts import status_on  # whereabouts builds on people

        code = code_of("status", status_today, AssignmentStatus)
        stmt = stmt.where(status_on(on or date.today()) == code)
    if sort == "organisation":
        org = aliased(Organisation)
        stmt = stmt.outerjoin(org, org.id == Person.organisation_id)
        keys = [org.path, org.sort_order, org.name_pinyin]
    elif sort == "party_branch":
        pb = aliased(PartyBranch)
        stmt = stmt.outerjoin(pb, pb.id == Person.party_branch_id)
        keys = [pb.name_pinyin]
    elif sort in _PERSON_SORTS:
        keys = [_PERSON_SORTS[sort]]
    else:
        raise ValidationError("sort", f"无法按“{sort}”排序", f"cannot sort by “{sort}”")
    order: list[Any] = []
    for col in keys:
        # Blank values last in both directions, the same on SQLite and PostgreSQL.
        order += [col.is_(None), col.desc() if descending else col]
    order += [Person.name_pinyin, Person.id]
    return page(session, stmt.order_by(*order), offset, limit)


# ---- the people list and its search, compiled once -------------------------------------------------------


class PersonRow(NamedTuple):
    """One line of a people list: what the register's table and a search show of a person."""

    id: int
    name: str
    gender: str | None
    birth_date: date | None
    organisation_id: int | None
    post: str | None
    rank: str | None
    phone: str | None
    id_number: str | None
    employment_type: str
    political_status: str | None


_SEARCHES: dict[tuple[Any, ...], Any] = {}   # (dialect, kind of search, page or count) → PreparedSelect


def _search_kind(q: str) -> tuple[str, dict[str, str]]:
    """How a search text is looked up, and the values it binds (see :func:`list_people`)."""
    low = q.lower()
    if low.isascii() and low.isalpha():
        return "pinyin", {"lo": low, "hi": next_prefix(low)}

    if any(c.isdigit() for c in q):
        return "name_or_number", {"text": f"%{like_escaped(q)}%", "number": f"%{like_escaped(q.upper())}%"}
    return "name", {"text": f"%{like_escaped(q)}%"}


def _prepared_search(session: Session, kind: str, counting: bool) -> Any:
    from sqlalchemy import String, and_, bindparam

    from rfdesk.services.prepared import PreparedSelect

    dialect = session.get_bind().dialect
    key = (dialect.name, dialect.driver, dialect.paramstyle, kind, counting)
    found = _SEARCHES.get(key)
    if found is not None:
        return found
    if kind == "pinyin":
        lo, hi = bindparam("lo", type_=String), bindparam("hi", type_=String)
        initials, full = by_code_point(Person.name_initials), by_code_point(Person.name_pinyin)
        cond = or_(and_(initials >= lo, initials < hi), and_(full >= lo, full < hi))
    else:
        text = bindparam("text", type_=String)
        cond = Person.name.like(text, escape="/")
        if kind == "name_or_number":
            cond = or_(cond, Person.phone.like(text, escape="/"),
                       Person.id_number.like(bindparam("number", type_=String), escape="/"))
    if counting:
        stmt = select(func.count(Person.id)).where(live(Person), cond)
        late = set()
    else:
        stmt = (select(*[getattr(Person, f) for f in PersonRow._fields]).where(live(Person), cond)
                .order_by(Person.name_pinyin, Person.id)
                .offset(bindparam("at", type_=Integer)).limit(bindparam("n", type_=Integer)))
        late = {"at", "n"}
    found = _SEARCHES[key] = PreparedSelect(dialect, stmt, late | {"lo", "hi", "text", "number"})
    return found


def search_people(session: Session, search: str, *, offset: int = 0, limit: int = 100) -> list[PersonRow]:
    """One page of the live people a search finds, in pinyin order of their names, as plain rows.

    The search matches as in :func:`list_people` (characters anywhere in the name, pinyin initials or full
    pinyin from the start, or digits of an ID or phone number), for a caller without the window (the people
    tab reads through its own table, rfdesk.ui.table): the SQL is compiled once, no record objects are made
    and nothing is counted (:func:`count_people` gives the exact number). An empty search finds nobody.
    """
    q = v.normalise(search)
    if not q:
        return []
    kind, values = _search_kind(q)
    prepared = _prepared_search(session, kind, False)
    rows = prepared.rows_in(session, at=max(0, offset), n=max(1, min(limit, 10_000)), **values)
    return [PersonRow._make(prepared.convert(r)) for r in rows]


def count_people(session: Session, search: str) -> int:
    """The exact number of live people :func:`search_people` finds for ``search`` over all its pages."""
    q = v.normalise(search)
    if not q:
        return 0
    kind, values = _search_kind(q)
    return int(_prepared_search(session, kind, True).rows_in(session, **values)[0][0])
