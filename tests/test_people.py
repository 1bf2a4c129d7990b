"""The personnel register as clerks use it: people, party branches and where everyone is."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event, func, select

from rfdesk.domain import Base, Organisation, Person
from rfdesk.services import base, commendations, people, whereabouts
from rfdesk.services import organisations as orgs
from rfdesk.services.errors import Conflict, NotFound, ValidationError
from rfdesk.services.validation import id_check_char


def an_id_number(born: str, serial: str = "123") -> str:
    """A valid GB 11643 number for someone born on ``born`` (YYYYMMDD); odd serial = man, even = woman."""
    first17 = "410105" + born + serial
    return first17 + id_check_char(first17)


def table_counts(session) -> dict[str, int]:
    """Rows of every table, the audit log included: what "nothing was written" is checked against."""
    return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


@pytest.fixture
def office(session):
    """The provincial office with two departments and a county office of another city."""
    prov = orgs.create_organisation(session, {"name": "河南省人民防空办公室", "short_name": "省人防办",
                                              "kind": "省级人防办"})
    gc = orgs.create_organisation(session, {"name": "工程管理处", "kind": "处室", "parent_id": prov.id})
    rs = orgs.create_organisation(session, {"name": "人事教育处", "kind": "处室", "parent_id": prov.id})
    zz = orgs.create_organisation(session, {"name": "郑州市人防办", "kind": "市级人防办"})
    gcq = orgs.create_organisation(session, {"name": "管城区人防办", "kind": "县区人防办", "parent_id": zz.id})
    return {"prov": prov, "gc": gc, "rs": rs, "zz": zz, "gcq": gcq}


def test_the_clerk_types_only_the_id_number_and_birth_date_and_gender_are_filled_in(session, office) -> None:
    p = people.create_person(session, {"name": "曹裕军", "id_number": an_id_number("19680517", "131"),
                                       "organisation_id": office["gc"].id, "post": "党支部书记",
                                       "political_status": "中共党员", "employment_type": "在编",
                                       "phone": "139 3712 3456"})
    assert p.birth_date == date(1968, 5, 17) and p.gender == "M"
    assert p.political_status == "cpc" and p.employment_type == "staff" and p.phone == "13937123456"
    assert (p.name_pinyin, p.name_initials) == ("caoyujun", "cyj")
    woman = people.create_person(session, {"name": "孙志敏", "id_number": an_id_number("19750203", "124")})
    assert woman.gender == "F"


def test_an_id_number_typed_in_full_width_is_found_again(session) -> None:
    full = an_id_number("19700101", "251")
    full_width = full.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    p = people.create_person(session, {"name": "王晶", "id_number": full_width})
    assert p.id_number == full
    assert people.find_person_by_id_number(session, full_width.lower()).id == p.id
    assert people.find_person_by_id_number(session, "") is None


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"name": "  "}, "name", "不能为空"),
        ({"name": "甲", "id_number": "410105196805171312"}, "id_number", "校验位"),
        ({"name": "甲", "id_number": an_id_number("19680517", "131"), "birth_date": "1968-05-18"},
         "birth_date", "不一致"),
        ({"name": "甲", "id_number": an_id_number("19680517", "131"), "gender": "女"}, "gender", "不一致"),
        ({"name": "甲", "birth_date": (date.today() + timedelta(days=1)).isoformat()}, "birth_date", "不能晚于今天"),
        ({"name": "甲", "birth_date": "2020-02-30"}, "birth_date", "不是存在的日期"),
        ({"name": "甲", "phone": "12345"}, "phone", "手机号"),
        ({"name": "甲", "political_status": "党员?"}, "political_status", "中共党员"),
        ({"name": "甲", "employment_type": "临时工"}, "employment_type", "在编"),
        ({"name": "甲", "gender": "未知"}, "gender", "男"),
        ({"name": "甲", "organisation_id": 999}, "organisation_id", "找不到"),
        ({"name": "甲", "party_branch_id": "abc"}, "party_branch_id", "整数"),
        ({"name": "甲", "birth_date": "1980-01-01", "party_joined_on": "1979-12-31"}, "party_joined_on", "出生"),
        ({"name": "甲", "salary": 1}, "salary", "未知字段"),
    ],
)
def test_a_bad_field_is_refused_by_name_and_nothing_is_written(db, data, field, words) -> None:
    with db.session() as s:
        before = table_counts(s)
    with pytest.raises(ValidationError) as err, db.session() as s:
        people.create_person(s, data)
    assert err.value.field == field
    assert words in err.value.zh and err.value.en
    with db.session() as s:
        assert table_counts(s) == before


def test_a_duplicate_id_number_names_who_already_has_it_even_in_the_recycle_bin(session, office) -> None:
    number = an_id_number("19680517", "131")
    cao = people.create_person(session, {"name": "曹裕军", "id_number": number, "organisation_id": office["gc"].id})
    before = table_counts(session)
    with pytest.raises(ValidationError) as err:
        people.create_person(session, {"name": "曹玉军", "id_number": number})
    assert err.value.field == "id_number"
    assert "身份证号" in err.value.zh and "曹裕军" in err.value.zh and "工程管理处" in err.value.zh
    people.delete_person(session, cao.id)
    with pytest.raises(ValidationError) as err:
        people.create_person(session, {"name": "曹玉军", "id_number": number})
    assert "回收站" in err.value.zh and "recycle bin" in err.value.en
    other = people.create_person(session, {"name": "孟繁"})
    with pytest.raises(ValidationError):
        people.update_person(session, other.id, {"id_number": number})
    assert session.get(Person, other.id).id_number is None
    assert table_counts(session)["person"] == before["person"] + 1


def test_changing_the_birth_date_against_the_stored_id_number_is_refused(session) -> None:
    p = people.create_person(session, {"name": "张广", "id_number": an_id_number("19800808", "151")})
    with pytest.raises(ValidationError) as err:
        people.update_person(session, p.id, {"birth_date": "1980年8月9日"})
    assert err.value.field == "birth_date" and "1980-08-08" in err.value.zh
    people.update_person(session, p.id, {"birth_date": "1980.8.8", "post": "副主任"})
    assert p.post == "副主任" and p.birth_date == date(1980, 8, 8)


def test_a_clerk_finds_people_by_characters_initials_full_pinyin_id_number_and_phone(session, office) -> None:
    people.create_person(session, {"name": "曹裕军", "phone": "13937123456",
                                   "id_number": an_id_number("19680517", "131")})
    people.create_person(session, {"name": "曾方", "phone": "0371-65901234"})
    people.create_person(session, {"name": "贾宏伟"})

    def names(q: str) -> list[str]:
        return [p.name for p in people.list_people(session, search=q).rows]

    assert names("裕") == ["曹裕军"]
    assert names("cyj") == ["曹裕军"]
    assert names("CaoYu") == ["曹裕军"]
    assert names("jiahong") == ["贾宏伟"]
    assert names("19680517") == ["曹裕军"]
    assert names("65901234") == ["曾方"]
    assert names("zf") == ["曾方"] and names("zengfang") == ["曾方"]  # 曾 read as a surname
    assert names("zzz") == []
    assert names("%") == []


def test_the_search_a_clerk_types_finds_the_same_people_as_the_list_and_counts_them_exactly(session, office) -> None:
    people.create_person(session, {"name": "曹裕军", "phone": "13937123456",
                                   "id_number": an_id_number("19680517", "131"), "organisation_id": office["gc"].id})
    people.create_person(session, {"name": "曾方", "phone": "0371-65901234"})
    people.create_person(session, {"name": "贾宏伟", "birth_date": "1965-03-03"})
    people.create_person(session, {"name": "百分之百%"})
    for i in range(5):
        people.create_person(session, {"name": f"曹{'一二三四五'[i]}"})
    gone = people.create_person(session, {"name": "曹裕民"})
    people.delete_person(session, gone.id)

    def found(q: str, **kw) -> list[str]:
        return [r.name for r in people.search_people(session, q, **kw)]

    for q in ("裕", "cyj", "CaoYu", "jiahong", "19680517", "65901234", "zf", "zengfang", "zzz", "%", "_", "百分之百%"):
        assert found(q) == [p.name for p in people.list_people(session, search=q).rows], q
        assert people.count_people(session, q) == people.list_people(session, search=q).total, q
    assert found("cyj") == ["曹裕军"] and found("%") == ["百分之百%"] and found("_") == []
    # Pinyin order (cao er, cao san, …), the recycle bin left out, and pages that follow one another.
    everyone = found("cao")
    assert "曹裕民" not in everyone and len(everyone) == 6 == people.count_people(session, "cao")
    assert everyone == ["曹二", "曹三", "曹四", "曹五", "曹一", "曹裕军"]
    assert found("cao", offset=2, limit=2) == everyone[2:4]
    row = people.search_people(session, "jhw")[0]
    assert row.birth_date == date(1965, 3, 3) and row.organisation_id is None
    assert people.search_people(session, "cyj")[0].organisation_id == office["gc"].id
    assert people.search_people(session, "  ") == [] and people.count_people(session, "") == 0


def test_an_organisation_filter_includes_every_unit_below_it(session, office) -> None:
    people.create_person(session, {"name": "贾宏伟", "organisation_id": office["prov"].id})
    people.create_person(session, {"name": "曹裕军", "organisation_id": office["gc"].id})
    people.create_person(session, {"name": "孙志敏", "organisation_id": office["rs"].id})
    people.create_person(session, {"name": "孟繁", "organisation_id": office["gcq"].id})
    people.create_person(session, {"name": "无单位"})

    def names(org: Organisation) -> list[str]:
        return sorted(p.name for p in people.list_people(session, organisation_id=org.id).rows)

    assert names(office["prov"]) == sorted(["贾宏伟", "曹裕军", "孙志敏"])
    assert names(office["gc"]) == ["曹裕军"]
    assert names(office["zz"]) == ["孟繁"]
    # a department moved under the city office brings its people along
    orgs.update_organisation(session, office["rs"].id, {"parent_id": office["zz"].id})
    assert names(office["zz"]) == sorted(["孟繁", "孙志敏"])
    with pytest.raises(ValidationError) as err:
        people.list_people(session, organisation_id=9999)
    assert err.value.field == "organisation_id"


def test_lists_sort_by_pinyin_and_by_any_column_with_blanks_last(session, office) -> None:
    for name, born, org in [("曾方", "1985-01-01", "rs"), ("孟繁", None, "gcq"), ("曹裕军", "1968-05-17", "gc"),
                            ("贾宏伟", "1965-03-03", "prov")]:
        people.create_person(session, {"name": name, "birth_date": born, "organisation_id": office[org].id})

    def order(**kw) -> list[str]:
        return [p.name for p in people.list_people(session, **kw).rows]

    assert order() == ["曹裕军", "贾宏伟", "孟繁", "曾方"]
    assert order(descending=True) == ["曾方", "孟繁", "贾宏伟", "曹裕军"]
    assert order(sort="birth_date") == ["贾宏伟", "曹裕军", "曾方", "孟繁"]
    assert order(sort="birth_date", descending=True) == ["曾方", "曹裕军", "贾宏伟", "孟繁"]
    assert order(sort="organisation")[0] == "贾宏伟"
    page2 = people.list_people(session, offset=2, limit=2)
    assert [p.name for p in page2.rows] == ["孟繁", "曾方"] and page2.total == 4
    with pytest.raises(ValidationError) as err:
        people.list_people(session, sort="salary")
    assert err.value.field == "sort"


def test_posts_and_ranks_sort_by_pinyin_blanks_last_and_follow_every_change(session, office) -> None:
    # By code point 保 (U+4FDD) comes before 安 (U+5B89); a clerk expects 安全 before 保卫 before 财务.
    for name, post in [("甲", "财务科长"), ("乙", "安全员"), ("丙", None), ("丁", "保卫干事")]:
        people.create_person(session, {"name": name, "post": post, "rank": post})

    def order(sort: str, descending: bool = False) -> list[str | None]:
        return [getattr(p, sort) for p in people.list_people(session, sort=sort, descending=descending).rows]

    assert order("post") == ["安全员", "保卫干事", "财务科长", None]
    assert order("post", descending=True) == ["财务科长", "保卫干事", "安全员", None]
    assert order("rank") == ["安全员", "保卫干事", "财务科长", None]
    jia = people.list_people(session, search="甲").rows[0]
    people.update_person(session, jia.id, {"post": "办公室主任"})  # ban: now between 安全 and 保卫
    assert order("post") == ["安全员", "办公室主任", "保卫干事", None]
    assert jia.post_pinyin == "bangongshizhuren"


def test_filters_by_employment_type_political_status_and_party_branch(session, office) -> None:
    branch = people.create_party_branch(session, {"name": "工程管理处党支部", "organisation_id": office["gc"].id})
    people.create_person(session, {"name": "曹裕军", "political_status": "中共党员", "party_branch_id": branch.id})
    people.create_person(session, {"name": "老刘", "employment_type": "退休", "political_status": "cpc"})
    people.create_person(session, {"name": "保安王师傅", "employment_type": "不在编", "political_status": "群众"})

    def names(**kw) -> list[str]:
        return [p.name for p in people.list_people(session, **kw).rows]

    assert names(employment_type="退休") == ["老刘"]
    assert names(employment_type="non_staff") == ["保安王师傅"]
    assert names(political_status="中共党员") == ["曹裕军", "老刘"]
    assert names(party_branch_id=branch.id) == ["曹裕军"]
    with pytest.raises(ValidationError):
        names(political_status="共产主义者")


def test_party_branches_regular_and_temporary(session, office) -> None:
    regular = people.create_party_branch(session, {"name": "工程管理处党支部", "organisation_id": office["gc"].id,
                                                   "founded_on": "2015-07-01"})
    temporary = people.create_party_branch(session, {"name": "机场转运专班临时党支部", "is_temporary": "是",
                                                     "founded_on": "2020-01-28"})
    assert temporary.is_temporary and not regular.is_temporary
    assert [b.name for b in people.list_party_branches(session)] == ["工程管理处党支部", "机场转运专班临时党支部"]
    assert [b.name for b in people.list_party_branches(session, temporary=True)] == ["机场转运专班临时党支部"]
    assert [b.name for b in people.list_party_branches(session, search="jczy")] == ["机场转运专班临时党支部"]
    assert [b.name for b in people.list_party_branches(session, organisation_id=office["prov"].id)] == [
        "工程管理处党支部"]
    with pytest.raises(ValidationError) as err:
        people.update_party_branch(session, temporary.id, {"dissolved_on": "2020-01-01"})
    assert err.value.field == "dissolved_on" and temporary.dissolved_on is None
    people.update_party_branch(session, temporary.id, {"dissolved_on": "2020-04-30"})

    member = people.create_person(session, {"name": "张广", "party_branch_id": temporary.id})
    with pytest.raises(ValidationError) as err:
        people.delete_party_branch(session, temporary.id)
    assert "1 名" in err.value.zh
    people.update_person(session, member.id, {"party_branch_id": None})
    people.delete_party_branch(session, temporary.id)
    assert [b.name for b in people.list_party_branches(session)] == ["工程管理处党支部"]
    with pytest.raises(ValidationError) as err:
        people.update_person(session, member.id, {"party_branch_id": temporary.id})
    assert err.value.field == "party_branch_id" and "回收站" in err.value.zh


def test_a_stale_form_is_refused_and_the_history_shows_every_change(session) -> None:
    p = people.create_person(session, {"name": "刘宪武"})
    version = p.version
    people.update_person(session, p.id, {"post": "队员"}, expected_version=version)
    with pytest.raises(Conflict):
        people.update_person(session, p.id, {"post": "队长"}, expected_version=version)
    people.delete_person(session, p.id)
    with pytest.raises(NotFound):
        people.get_person(session, p.id)
    assert [h.action for h in base.history(session, Person, p.id)] == ["create", "update", "delete"]
    assert base.history(session, Person, p.id)[1].changes["post"] == [None, "队员"]


def test_a_persons_commendations_come_from_live_batches(session) -> None:
    cao = people.create_person(session, {"name": "曹裕军"})
    first = commendations.create_batch(session, {"title": "第一批", "decided_on": "2020-03-01"})
    second = commendations.create_batch(session, {"title": "第二批", "decided_on": "2020-04-01"})
    commendations.add_honoree(session, second.id, {"person_id": cao.id, "category": "优秀共产党员"})
    commendations.add_honoree(session, first.id, {"person_id": cao.id, "category": "“硬核”共产党员"})
    assert [c.category for c in people.person_commendations(session, cao.id)] == ["“硬核”共产党员", "优秀共产党员"]
    commendations.delete_batch(session, second.id)
    assert [c.category for c in people.person_commendations(session, cao.id)] == ["“硬核”共产党员"]


# ---- where everyone is --------------------------------------------------------------------------------


@pytest.fixture
def staff(session, office):
    names = {"孟繁": "gcq", "张广": "zz", "曾方": "prov", "刘宪武": "prov", "王晶": "rs"}
    return {n: people.create_person(session, {"name": n, "organisation_id": office[o].id}) for n, o in names.items()}


def test_where_everyone_is_on_a_given_day(session, staff) -> None:
    airport = orgs.create_place(session, {"name": "新郑国际机场", "kind": "机场"})
    whereabouts.create_assignment(session, {"person_id": staff["孟繁"].id, "status": "机场/转运专班",
                                            "place_text": "境外返郑人员转运组", "start_date": "2020-03-05"})
    whereabouts.create_assignment(session, {"person_id": staff["张广"].id, "status": "transfer_group",
                                            "place_id": airport.id, "start_date": "2020-03-01",
                                            "end_date": "2020-04-30"})
    whereabouts.create_assignment(session, {"person_id": staff["王晶"].id, "status": "滞留外地",
                                            "place_text": "信阳", "start_date": "2020-01-23",
                                            "end_date": "2020-03-10"})
    whereabouts.create_assignment(session, {"person_id": staff["曾方"].id, "status": "值班",
                                            "start_date": "2020-03-10", "end_date": "2020-03-10"})

    on_10 = {w.name: (w.status_label, w.place) for w in whereabouts.whereabouts(session, date(2020, 3, 10))}
    assert on_10 == {"孟繁": ("机场/转运专班", "境外返郑人员转运组"), "张广": ("机场/转运专班", "新郑国际机场"),
                     "王晶": ("滞留外地", "信阳"), "曾方": ("值班", None), "刘宪武": ("在岗", None)}
    on_11 = whereabouts.people_by_status(session, date(2020, 3, 11))
    assert on_11 == {"transfer_group": 2, "in_post": 3}
    assert whereabouts.people_by_status(session, date(2020, 1, 1)) == {"in_post": 5}
    assert [p.name for p in people.list_people(session, status_today="机场/转运专班", on=date(2020, 3, 10)).rows] == [
        "孟繁", "张广"]
    assert people.list_people(session, status_today="in_post", on=date(2020, 3, 10)).total == 1


def test_the_where_is_everyone_view_is_one_query(db, session, staff) -> None:
    for p in staff.values():
        whereabouts.create_assignment(session, {"person_id": p.id, "status": "下沉社区", "start_date": "2020-02-01"})
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    rows = whereabouts.whereabouts(session, date(2020, 2, 2))
    counts = whereabouts.people_by_status(session, date(2020, 2, 2))
    assert len(rows) == 5 and counts == {"community": 5}
    assert len(statements) == 2 and "GROUP BY" in statements[1]


def test_overlapping_assignments_of_one_person_are_refused(session, staff) -> None:
    p = staff["孟繁"].id
    a = whereabouts.create_assignment(session, {"person_id": p, "status": "下沉社区", "place_text": "紫荆山南路社区",
                                                "start_date": "2020-01-26", "end_date": "2020-02-20"})
    before = table_counts(session)
    for start, end in [("2020-02-20", None), ("2020-01-01", "2020-01-26"), ("2020-02-01", "2020-02-02")]:
        with pytest.raises(ValidationError) as err:
            whereabouts.create_assignment(session, {"person_id": p, "status": "居家观察",
                                                    "start_date": start, "end_date": end})
        assert err.value.field == "start_date"
        assert "重叠" in err.value.zh and "紫荆山南路社区" in err.value.zh and "2020-01-26" in err.value.zh
    with pytest.raises(ValidationError) as err:
        whereabouts.create_assignment(session, {"person_id": p, "status": "居家观察",
                                                "start_date": "2020-03-05", "end_date": "2020-03-01"})
    assert err.value.field == "end_date"
    assert table_counts(session) == before
    # the day after it ends is free; an open assignment may then be ended and another follow it
    home = whereabouts.create_assignment(session, {"person_id": p, "status": "居家观察", "start_date": "2020-02-21"})
    whereabouts.end_assignment(session, home.id, "2020-03-06")
    whereabouts.create_assignment(session, {"person_id": p, "status": "机场/转运专班", "start_date": "2020-03-07"})
    # moving the first one onto the second is refused; editing it in place is not
    with pytest.raises(ValidationError):
        whereabouts.update_assignment(session, a.id, {"end_date": "2020-02-25"})
    whereabouts.update_assignment(session, a.id, {"end_date": "2020-02-19", "note": "提前返岗"})
    assert [x.status for x in whereabouts.person_assignments(session, p)] == [
        "transfer_group", "home_observation", "community"]


def test_an_assignment_entered_by_mistake_is_deleted_and_the_person_is_in_post_again(session, staff) -> None:
    p = staff["刘宪武"].id
    a = whereabouts.create_assignment(session, {"person_id": p, "status": "居家观察", "start_date": "2020-02-01"})
    whereabouts.delete_assignment(session, a.id)
    assert whereabouts.people_by_status(session, date(2020, 2, 5)) == {"in_post": 5}
    # restoring from the bin past a newer assignment still gives one line per person
    whereabouts.create_assignment(session, {"person_id": p, "status": "值班", "start_date": "2020-02-05"})
    base.restore_from_bin(session, "assignment", a.id)
    rows = [w for w in whereabouts.whereabouts(session, date(2020, 2, 6)) if w.person_id == p]
    assert [r.status for r in rows] == ["on_duty"]
    assert sum(whereabouts.people_by_status(session, date(2020, 2, 6)).values()) == 5


def test_an_assignment_of_someone_in_the_bin_is_refused(session, staff) -> None:
    people.delete_person(session, staff["王晶"].id)
    with pytest.raises(ValidationError) as err:
        whereabouts.create_assignment(session, {"person_id": staff["王晶"].id, "status": "下沉社区",
                                                "start_date": "2020-02-01"})
    assert err.value.field == "person_id" and "回收站" in err.value.zh
    with pytest.raises(ValidationError) as err:
        whereabouts.create_assignment(session, {"person_id": staff["曾方"].id, "status": "出差",
                                                "start_date": "2020-02-01"})
    assert err.value.field == "status"
    assert len(whereabouts.whereabouts(session, date(2020, 2, 1))) == 4
