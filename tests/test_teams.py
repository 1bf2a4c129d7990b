"""Teams, their members and the duty rota, as the clerk of the directly-run professional team keeps them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from rfdesk.domain import Base, DutyShift
from rfdesk.services import base, people, teams
from rfdesk.services import organisations as orgs
from rfdesk.services.errors import ValidationError


def table_counts(session) -> dict[str, int]:
    return {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


@pytest.fixture
def hotline(session):
    """The psychological-support team of the professional team, with four counsellors."""
    unit = orgs.create_organisation(session, {"name": "机关直属专业队", "kind": "直属队"})
    team = teams.create_team(session, {"name": "心理援助队", "kind": "应急专业队", "organisation_id": unit.id,
                                       "formed_on": "2020-01-27", "description": "24小时心理援助热线"})
    members = {}
    for name, role in [("李心", "队长"), ("赵安", None), ("周宁", None), ("吴静", None)]:
        p = people.create_person(session, {"name": name, "organisation_id": unit.id,
                                           "qualifications": "心理咨询师"})
        members[name] = p
        teams.add_member(session, {"team_id": team.id, "person_id": p.id, "role": role, "joined_on": "2020-01-27"})
    return team, members


def test_teams_of_every_kind_are_listed_by_kind_and_found_by_pinyin(session) -> None:
    teams.create_team(session, {"name": "工程管理处党员先锋岗", "kind": "党员先锋岗"})
    teams.create_team(session, {"name": "紫荆山南路社区志愿服务队", "kind": "党员志愿者队伍"})
    teams.create_team(session, {"name": "境外返郑人员转运专班", "kind": "work_group"})
    teams.create_team(session, {"name": "心理援助队", "kind": "应急专业队"})
    assert teams.list_teams(session).total == 4
    assert [t.name for t in teams.list_teams(session, kind="党员先锋岗").rows] == ["工程管理处党员先锋岗"]
    assert [t.name for t in teams.list_teams(session, kind="volunteer_team").rows] == ["紫荆山南路社区志愿服务队"]
    assert [t.name for t in teams.list_teams(session, search="jwfz").rows] == ["境外返郑人员转运专班"]
    assert [t.name for t in teams.list_teams(session, search="援助").rows] == ["心理援助队"]
    with pytest.raises(ValidationError) as err:
        teams.list_teams(session, kind="突击队")
    assert err.value.field == "kind"


def test_a_team_with_a_bad_field_is_refused_and_nothing_is_written(db) -> None:
    with db.session() as s:
        before = table_counts(s)
    for data, field in [({"name": "", "kind": "应急专业队"}, "name"),
                        ({"name": "甲队", "kind": "突击队"}, "kind"),
                        ({"name": "甲队", "kind": "工作专班", "place_id": 7}, "place_id"),
                        ({"name": "甲队", "kind": "工作专班", "formed_on": date.today() + timedelta(days=2)},
                         "formed_on")]:
        with pytest.raises(ValidationError) as err, db.session() as s:
            teams.create_team(s, data)
        assert err.value.field == field
    with db.session() as s:
        assert table_counts(s) == before


def test_a_team_is_renamed_and_deleted_to_the_bin(session, hotline) -> None:
    team, _ = hotline
    teams.update_team(session, team.id, {"name": "心理服务队"}, expected_version=team.version)
    assert team.name_initials == "xlfwd"
    teams.delete_team(session, team.id)
    assert teams.list_teams(session).total == 0
    assert [e.label for e in base.recycle_bin(session)] == ["心理服务队"]


def test_members_roles_and_a_second_membership_refused(session, hotline) -> None:
    team, m = hotline
    assert [x.person.name for x in teams.team_members(session, team.id)] == ["李心", "吴静", "赵安", "周宁"]
    assert teams.team_members(session, team.id)[0].role == "队长"
    before = table_counts(session)
    with pytest.raises(ValidationError) as err:
        teams.add_member(session, {"team_id": team.id, "person_id": m["赵安"].id, "role": "副队长"})
    assert err.value.field == "person_id" and "赵安" in err.value.zh and "已是" in err.value.zh
    assert table_counts(session) == before

    # 赵安 leaves; the rota and the member list of later days no longer count them, the history does
    ms = {x.person.name: x for x in teams.team_members(session, team.id)}
    teams.end_membership(session, ms["赵安"].id, "2020-02-15")
    assert "赵安" not in [x.person.name for x in teams.team_members(session, team.id, on=date(2020, 2, 16))]
    assert "赵安" in [x.person.name for x in teams.team_members(session, team.id, on=date(2020, 2, 15))]
    assert len(teams.team_members(session, team.id, include_former=True)) == 4
    # and may rejoin later, but not with an overlapping period
    with pytest.raises(ValidationError):
        teams.add_member(session, {"team_id": team.id, "person_id": m["赵安"].id, "joined_on": "2020-02-10"})
    teams.add_member(session, {"team_id": team.id, "person_id": m["赵安"].id, "joined_on": "2020-03-01"})
    with pytest.raises(ValidationError) as err:
        teams.update_membership(session, ms["吴静"].id, {"left_on": "2020-01-01"})
    assert err.value.field == "left_on"


def test_a_persons_teams(session, hotline) -> None:
    team, m = hotline
    vanguard = teams.create_team(session, {"name": "专业队党员先锋岗", "kind": "党员先锋岗"})
    teams.add_member(session, {"team_id": vanguard.id, "person_id": m["李心"].id})
    assert [x.team.name for x in teams.person_teams(session, m["李心"].id)] == ["心理援助队", "专业队党员先锋岗"]
    teams.remove_member(session, teams.person_teams(session, m["李心"].id)[1].id)
    assert [x.team.name for x in teams.person_teams(session, m["李心"].id)] == ["心理援助队"]


def test_three_counsellors_on_the_hotline_every_day_of_february(session, hotline) -> None:
    team, m = hotline
    names = list(m)
    for day in range(1, 30):
        for k in range(3):  # four counsellors take turns, three a day
            who = m[names[(day + k) % 4]]
            teams.assign_duty(session, {"team_id": team.id, "person_id": who.id, "duty_date": date(2020, 2, day),
                                        "duty": "心理热线"})
    calendar = teams.rota(session, team.id, 2020, 2)
    assert list(calendar) == [date(2020, 2, d) for d in range(1, 30)]  # 2020 is a leap year
    assert all(len(day) == 3 for day in calendar.values())
    assert {x.name for x in calendar[date(2020, 2, 1)]} == {names[1], names[2], names[3]}
    assert all(x.shift == "24h" and x.duty == "心理热线" for x in calendar[date(2020, 2, 29)])
    assert teams.rota(session, team.id, 2020, 3) == {date(2020, 3, d): [] for d in range(1, 32)}
    assert [x.name for x in teams.on_duty(session, team.id, date(2020, 2, 2))] == ["李心", "吴静", "周宁"]
    with pytest.raises(ValidationError) as err:
        teams.rota(session, team.id, 2020, 13)
    assert err.value.field == "month"


def test_the_same_person_twice_on_one_shift_is_refused(session, hotline) -> None:
    team, m = hotline
    teams.assign_duty(session, {"team_id": team.id, "person_id": m["李心"].id, "duty_date": "2020-02-01",
                                "shift": "夜班"})
    other = teams.create_team(session, {"name": "值班专班", "kind": "工作专班"})
    teams.add_member(session, {"team_id": other.id, "person_id": m["李心"].id})
    before = table_counts(session)
    with pytest.raises(ValidationError) as err:
        teams.assign_duty(session, {"team_id": team.id, "person_id": m["李心"].id, "duty_date": "2020年2月1日",
                                    "shift": "夜班"})
    assert err.value.field == "person_id" and "夜班" in err.value.zh and "心理援助队" in err.value.zh
    with pytest.raises(ValidationError):
        teams.assign_duty(session, {"team_id": other.id, "person_id": m["李心"].id, "duty_date": "2020-02-01",
                                    "shift": "夜班"})
    assert table_counts(session) == before
    # a day shift the same day is fine
    teams.assign_duty(session, {"team_id": team.id, "person_id": m["李心"].id, "duty_date": "2020-02-01",
                                "shift": "白班"})


def test_only_members_go_on_the_rota(session, hotline) -> None:
    team, _ = hotline
    outsider = people.create_person(session, {"name": "郭卫华"})
    with pytest.raises(ValidationError) as err:
        teams.assign_duty(session, {"team_id": team.id, "person_id": outsider.id, "duty_date": "2020-02-01"})
    assert err.value.field == "person_id" and "不是该队伍的成员" in err.value.zh
    with pytest.raises(ValidationError) as err:
        teams.assign_duty(session, {"team_id": team.id, "person_id": outsider.id, "duty_date": "二月一日"})
    assert err.value.field == "duty_date"


def test_a_duty_taken_off_and_put_back_reuses_its_line(session, hotline) -> None:
    team, m = hotline
    duty = teams.assign_duty(session, {"team_id": team.id, "person_id": m["周宁"].id, "duty_date": "2020-02-03"})
    teams.remove_duty(session, duty.id)
    assert teams.on_duty(session, team.id, date(2020, 2, 3)) == []
    again = teams.assign_duty(session, {"team_id": team.id, "person_id": m["周宁"].id, "duty_date": "2020-02-03",
                                        "duty": "心理热线"})
    assert again.id == duty.id and again.duty == "心理热线"
    assert session.scalar(select(func.count(DutyShift.id))) == 1
    # moving a duty to another member and day
    teams.update_duty(session, duty.id, {"person_id": m["吴静"].id, "duty_date": "2020-02-04"})
    assert [x.name for x in teams.on_duty(session, team.id, date(2020, 2, 4))] == ["吴静"]
