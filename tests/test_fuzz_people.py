"""Whatever a clerk types or a spreadsheet holds, the personnel and commendation services either accept it
or refuse it with a ValidationError naming the field, and a refused call writes nothing.

Random text (full-width, control characters, lone surrogates), numbers (huge, negative, NaN), dates,
datetimes, booleans and None are fed into every create and update.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rfdesk.domain import Base, Document
from rfdesk.domain.codes import (
    AssignmentStatus,
    EmploymentType,
    Gender,
    HonoreeKind,
    PoliticalStatus,
    TeamKind,
)
from rfdesk.services import commendations as cm
from rfdesk.services import organisations as orgs
from rfdesk.services import people, teams, whereabouts
from rfdesk.services.errors import ValidationError
from rfdesk.services.validation import id_check_char

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FULL_WIDTH = st.text(alphabet="０１２３４５６７８９Ｘｘ－　．年月日", max_size=20)
CONTROL = st.text(alphabet=st.characters(codec=None, categories=["Cc", "Cs", "Zs", "Zl", "Cf"]), max_size=8)
DATE_LIKE = st.dates(min_value=date(1, 1, 1)).map(lambda d: f"{d.year}年{d.month}月{d.day}日") | st.from_regex(
    r"\A\d{1,5}[-./]\d{1,3}[-./]\d{1,3}\Z")
ID_LIKE = st.from_regex(r"\A\d{17}[\dXx]\Z") | st.from_regex(r"\A\d{6}(19|20)\d{2}(0[1-9]|1[0-2])\d{5}\Z").map(
    lambda s: s + id_check_char(s))
LABELS = st.sampled_from([m.zh for e in (Gender, EmploymentType, PoliticalStatus, AssignmentStatus, TeamKind,
                                         HonoreeKind) for m in e] + ["按单位", "按姓氏笔画", "as_entered"])
VALUES = st.one_of(
    st.none(), st.text(max_size=30), FULL_WIDTH, CONTROL, DATE_LIKE, ID_LIKE, LABELS,
    st.integers(), st.integers(min_value=-(10**40), max_value=10**40), st.integers(min_value=0, max_value=8),
    st.floats(allow_nan=True, allow_infinity=True), st.decimals(allow_nan=True, allow_infinity=True), st.just(Decimal("1E+5")),
    st.dates(), st.datetimes(), st.booleans(), st.text(min_size=150, max_size=400),
)


def fields(names: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(sorted(names)), VALUES, max_size=len(names))


def counts(session: Session) -> dict[str, int]:
    return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


@pytest.fixture(scope="module")
def registers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, int]]]:
    """A database holding one record of each kind the fuzzed calls point at."""
    from rfdesk.db import open_database

    folder = tmp_path_factory.mktemp("fuzz")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RFDESK_DATA_DIR", str(folder / "appdata"))
        db = open_database(folder / "registers.sqlite")
        with db.session() as s:
            org = orgs.create_organisation(s, {"name": "省人防办", "kind": "province_office"})
            place = orgs.create_place(s, {"name": "紫荆山南路社区", "kind": "community"})
            branch = people.create_party_branch(s, {"name": "机关党支部", "organisation_id": org.id})
            person = people.create_person(s, {"name": "曹裕军", "organisation_id": org.id,
                                              "id_number": "41010519680517131" + id_check_char("41010519680517131")})
            other = people.create_person(s, {"name": "孙志敏"})
            team = teams.create_team(s, {"name": "心理援助队", "kind": "professional_team"})
            member = teams.add_member(s, {"team_id": team.id, "person_id": person.id})
            duty = teams.assign_duty(s, {"team_id": team.id, "person_id": person.id, "duty_date": "2020-02-01"})
            assignment = whereabouts.create_assignment(s, {"person_id": person.id, "status": "community",
                                                           "start_date": "2020-01-26"})
            batch = cm.create_batch(s, {"title": "第一批"})
            honoree = cm.add_honoree(s, batch.id, {"person_id": person.id, "category": "“硬核”共产党员"})
            doc = Document(kind="notice", title="通报")
            s.add(doc)
            s.flush()
            ids = dict(org=org.id, place=place.id, branch=branch.id, person=person.id, other=other.id,
                       team=team.id, member=member.id, duty=duty.id, assignment=assignment.id, batch=batch.id,
                       honoree=honoree.id, doc=doc.id)
        yield db, ids
        db.close()


def accepted_or_refused_cleanly(db: Any, call: Callable[[Session], Any]) -> None:
    """Run one service call in a unit of work that is always rolled back afterwards."""
    s = db.new_session()
    try:
        before = counts(s)
        try:
            call(s)
        except ValidationError as err:
            assert err.field and err.zh and err.en
            assert not s.new and not s.dirty and not s.deleted
            assert counts(s) == before
    finally:
        s.rollback()
        s.close()


def with_references(ids: dict[str, int], data: dict[str, Any], refs: dict[str, str]) -> dict[str, Any]:
    """Half of the time a reference field holds a real id, so that validation gets past it."""
    out = dict(data)
    for field, key in refs.items():
        if type(out.get(field)) is int and out[field] == 1:
            out[field] = ids[key]
    return out


@FUZZ
@given(data=fields(people.BRANCH_FIELDS))
def test_party_branches(registers, data) -> None:
    db, ids = registers
    accepted_or_refused_cleanly(db, lambda s: people.create_party_branch(s, data))
    accepted_or_refused_cleanly(db, lambda s: people.update_party_branch(s, ids["branch"], data))


@FUZZ
@given(data=fields(people.PERSON_FIELDS), name=st.sampled_from([None, "王晶"]))
def test_people(registers, data, name) -> None:
    db, ids = registers
    data = with_references(ids, data, {"organisation_id": "org", "party_branch_id": "branch"})
    if name and "name" not in data:
        data["name"] = name
    accepted_or_refused_cleanly(db, lambda s: people.create_person(s, data))
    accepted_or_refused_cleanly(db, lambda s: people.update_person(s, ids["other"], data))
    accepted_or_refused_cleanly(db, lambda s: people.update_person(s, ids["person"], data))


@FUZZ
@given(data=fields(whereabouts.ASSIGNMENT_FIELDS), end=VALUES)
def test_assignments(registers, data, end) -> None:
    db, ids = registers
    data = with_references(ids, data, {"person_id": "other", "place_id": "place"})
    accepted_or_refused_cleanly(db, lambda s: whereabouts.create_assignment(s, data))
    accepted_or_refused_cleanly(db, lambda s: whereabouts.update_assignment(s, ids["assignment"], data))
    accepted_or_refused_cleanly(db, lambda s: whereabouts.end_assignment(s, ids["assignment"], end))


@FUZZ
@given(data=fields(teams.TEAM_FIELDS), member=fields(teams.MEMBERSHIP_FIELDS), left=VALUES)
def test_teams_and_members(registers, data, member, left) -> None:
    db, ids = registers
    data = with_references(ids, data, {"organisation_id": "org", "place_id": "place", "party_branch_id": "branch"})
    member = with_references(ids, member, {"team_id": "team", "person_id": "other"})
    accepted_or_refused_cleanly(db, lambda s: teams.create_team(s, data))
    accepted_or_refused_cleanly(db, lambda s: teams.update_team(s, ids["team"], data))
    accepted_or_refused_cleanly(db, lambda s: teams.add_member(s, member))
    accepted_or_refused_cleanly(db, lambda s: teams.update_membership(s, ids["member"], member))
    accepted_or_refused_cleanly(db, lambda s: teams.end_membership(s, ids["member"], left))


@FUZZ
@given(data=fields(teams.DUTY_FIELDS), year=VALUES, month=VALUES)
def test_duty_rota(registers, data, year, month) -> None:
    db, ids = registers
    data = with_references(ids, data, {"team_id": "team", "person_id": "person"})
    accepted_or_refused_cleanly(db, lambda s: teams.assign_duty(s, data))
    accepted_or_refused_cleanly(db, lambda s: teams.update_duty(s, ids["duty"], data))
    accepted_or_refused_cleanly(db, lambda s: teams.rota(s, ids["team"], year, month))


@FUZZ
@given(data=fields(cm.BATCH_FIELDS), honoree=fields(cm.HONOREE_FIELDS), doc=VALUES,
       order=st.lists(st.integers(min_value=0, max_value=5), max_size=4))
def test_commendations(registers, data, honoree, doc, order) -> None:
    db, ids = registers
    data = with_references(ids, data, {"issuer_id": "org"})
    honoree = with_references(ids, honoree, {"organisation_id": "org", "party_branch_id": "branch",
                                             "team_id": "team", "person_id": "other"})
    accepted_or_refused_cleanly(db, lambda s: cm.create_batch(s, data))
    accepted_or_refused_cleanly(db, lambda s: cm.update_batch(s, ids["batch"], data))
    accepted_or_refused_cleanly(db, lambda s: cm.add_honoree(s, ids["batch"], honoree))
    accepted_or_refused_cleanly(db, lambda s: cm.update_honoree(s, ids["honoree"], honoree))
    accepted_or_refused_cleanly(db, lambda s: cm.set_honoree_order(s, ids["batch"], order))
    accepted_or_refused_cleanly(db, lambda s: cm.move_honoree(s, ids["honoree"], doc))
    accepted_or_refused_cleanly(db, lambda s: cm.mark_batch_issued(s, ids["batch"], doc))


@FUZZ
@given(search=st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=20), kind=VALUES,
       status=VALUES, sort=st.sampled_from(["name", "birth_date", "organisation", "party_branch", "salary"]))
def test_lists_with_odd_filters(registers, search, kind, status, sort) -> None:
    db, ids = registers
    accepted_or_refused_cleanly(db, lambda s: people.list_people(s, search=search, sort=sort))
    accepted_or_refused_cleanly(db, lambda s: people.list_people(s, status_today=str(status) if status else None))
    accepted_or_refused_cleanly(db, lambda s: teams.list_teams(s, search=search, kind=str(kind) if kind else None))
    accepted_or_refused_cleanly(db, lambda s: cm.list_batches(s, search=search, status=str(status) if status else None))


def test_the_fuzzed_database_is_left_as_it_was(registers) -> None:
    """Every fuzzed unit of work was rolled back: the fixture's records are all there is."""
    db, ids = registers
    with db.session() as s:
        c = counts(s)
        assert c["person"] == 2 and c["commendation"] == 1 and c["assignment"] == 1
        assert people.get_person(s, ids["person"]).name == "曹裕军"
