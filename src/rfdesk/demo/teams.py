"""Teams (vanguard posts, volunteer teams, work groups, the psychological team), the hotline rota, and
where everyone was sent."""

from __future__ import annotations

from datetime import date, timedelta

from rfdesk.demo.context import Demo, days
from rfdesk.demo.organisations import (
    AIRPORT,
    AIRPORT_ZONE,
    DIRECT_TEAM,
    GUANCHENG,
    OFFICE_PLACE,
    ORGANISATIONS,
    PROVINCE,
    ZHENGZHOU,
    communities_of,
    villages_of,
)
from rfdesk.demo.people import COMMUNITY_BRANCH, TRANSFER_BRANCH, branch_name, party_members
from rfdesk.domain import Person, Team, TeamMembership
from rfdesk.domain.codes import AssignmentStatus, OrgKind, TeamKind
from rfdesk.services.teams import add_member, assign_duty, create_team
from rfdesk.services.whereabouts import create_assignment

VANGUARD_POSTS = 221
VOLUNTEER_TEAMS = 152
PSYCHOLOGICAL_TEAM = "“战疫”心理防护专业队"
TRANSFER_GROUP = "境外返郑人员转运专班"
AIRPORT_GROUP = "新郑国际机场旅客分流专班"
LEADING_GROUP = "省人防办疫情防控工作专班"
BARBERS = "机关直属专业队志愿理发服务队"
HOTLINE_FIRST_DAY = date(2020, 1, 28)
HOTLINE_LAST_DAY = date(2020, 3, 31)
HOTLINE_PER_DAY = 3

VANGUARD_DUTIES = ["疫情防控值守", "物资保障", "信息报送", "卡点执勤", "社区排查", "便民服务", "复工复产服务",
                   "宣传引导", "后勤保障", "应急值班", "政务服务", "工程巡查", "警报设施维护", "入户走访"]
FIELD_DUTIES = {"卡点执勤", "社区排查", "入户走访"}
SYSTEM_UNITS = [s for s, _n, k, _p, _a, _ph in ORGANISATIONS if k is not OrgKind.PROVINCE_OFFICE]


def _home(demo: Demo, short: str) -> str:
    """The city office whose communities and villages a unit's people were sent to."""
    org = demo.orgs[short]
    if org.kind in (OrgKind.DEPARTMENT.value, OrgKind.DIRECT_TEAM.value):
        return PROVINCE
    if org.kind == OrgKind.COUNTY_OFFICE.value:
        return next(s for s, o in demo.orgs.items() if o.id == org.parent_id)
    return short


def field_places(demo: Demo, short: str) -> list[str]:
    home = _home(demo, short)
    communities = communities_of(ZHENGZHOU if home == PROVINCE else home)
    villages = villages_of(home) or villages_of(ZHENGZHOU)
    return communities + villages


def _team(demo: Demo, name: str, kind: TeamKind, org_short: str, formed: date, *, place: str | None = None,
          branch: str | None = None, description: str | None = None) -> Team:
    t = create_team(demo.session, {
        "name": name, "kind": kind.value, "organisation_id": demo.orgs[org_short].id,
        "place_id": demo.places[place].id if place else None,
        "party_branch_id": demo.branches[branch].id if branch else None, "formed_on": formed,
        "description": description})
    demo.teams[name] = t
    return t


def _members(demo: Demo, team: Team, people: list[Person], lead_role: str, joined: date) -> None:
    for i, p in enumerate(people):
        add_member(demo.session, {"team_id": team.id, "person_id": p.id, "role": lead_role if i == 0 else "队员",
                                  "joined_on": joined})


def _pick(demo: Demo, short: str, lo: int, hi: int) -> list[Person]:
    pool = party_members(demo, short)
    return demo.rng.sample(pool, min(len(pool), demo.rng.randint(lo, hi)))


def build_vanguard_posts(demo: Demo) -> None:
    extra = set(demo.rng.sample(SYSTEM_UNITS, VANGUARD_POSTS - 9 * len(SYSTEM_UNITS)))
    for short in SYSTEM_UNITS:
        duties = demo.rng.sample(VANGUARD_DUTIES, 10 if short in extra else 9)
        places = field_places(demo, short)
        for duty in duties:
            place = demo.rng.choice(places) if duty in FIELD_DUTIES else None
            team = _team(demo, f"{short}{duty}党员先锋岗", TeamKind.VANGUARD_POST, short,
                         demo.day(date(2020, 1, 29), date(2020, 2, 10)), place=place, branch=branch_name(short),
                         description=f"由{branch_name(short)}设立，承担{duty}任务。")
            _members(demo, team, _pick(demo, short, 1, 3), "岗长", team.formed_on)  # type: ignore[arg-type]


def build_volunteer_teams(demo: Demo) -> None:
    remaining = {short: demo.rng.sample(field_places(demo, short), len(field_places(demo, short)))
                 for short in SYSTEM_UNITS}
    made = 0
    while made < VOLUNTEER_TEAMS - 1:  # the barbers' team is the last one
        for short in SYSTEM_UNITS:
            if made >= VOLUNTEER_TEAMS - 1 or not remaining[short]:
                continue
            place = remaining[short].pop()
            in_province = _home(demo, short) == PROVINCE
            team = _team(demo, f"{short}赴{place}党员志愿服务队", TeamKind.VOLUNTEER_TEAM, short,
                         demo.day(date(2020, 2, 1), date(2020, 2, 15)), place=place,
                         branch=COMMUNITY_BRANCH if in_province and "村" not in place[-1] else branch_name(short),
                         description=f"{short}党员志愿者下沉{place}，协助值守卡点、排查登记、代购生活物资。")
            _members(demo, team, _pick(demo, short, 3, 6), "队长", team.formed_on)  # type: ignore[arg-type]
            made += 1
    barbers = _team(demo, BARBERS, TeamKind.VOLUNTEER_TEAM, DIRECT_TEAM, date(2020, 2, 18), place=OFFICE_PLACE,
                    branch=branch_name(DIRECT_TEAM),
                    description="理发店停业期间，机关党委王晶在“党旗飘飘”微信群发出倡议，"
                                "机关直属专业队队员刘宪武、郭卫华义务为干部职工理发。")
    _members(demo, barbers, [demo.people["刘宪武"], demo.people["郭卫华"]], "队员", date(2020, 2, 18))
    add_member(demo.session, {"team_id": barbers.id, "person_id": demo.people["王晶"].id, "role": "组织者",
                              "joined_on": date(2020, 2, 18)})


def build_work_groups(demo: Demo) -> None:
    transfer = _team(demo, TRANSFER_GROUP, TeamKind.WORK_GROUP, GUANCHENG, date(2020, 2, 24),
                     place="管城区境外返郑人员集中隔离点", branch=TRANSFER_BRANCH,
                     description="负责境外返郑人员的接收、转运和集中隔离衔接，24小时不间断工作。")
    others = [p for p in party_members(demo, GUANCHENG) if p.name != "孟繁"][:4] + party_members(demo, ZHENGZHOU)[3:6]
    _members(demo, transfer, [demo.people["孟繁"], *others], "组长", date(2020, 2, 24))
    airport = _team(demo, AIRPORT_GROUP, TeamKind.WORK_GROUP, AIRPORT_ZONE, date(2020, 2, 24), place=AIRPORT,
                    branch=branch_name(AIRPORT_ZONE), description="在新郑国际机场协助入境旅客分流、引导和登记。")
    crew = [p for p in party_members(demo, AIRPORT_ZONE) if p.name != "张广"][:4]
    _members(demo, airport, [crew[0], demo.people["张广"], *crew[1:]], "组长", date(2020, 2, 24))
    leading = _team(demo, LEADING_GROUP, TeamKind.WORK_GROUP, PROVINCE, date(2020, 1, 27), place=OFFICE_PLACE,
                    description="省人防办疫情防控工作领导小组办公室，负责每日信息报送和会商。")
    heads = [p for p in demo.staff_of[PROVINCE] if p.employment_type == "staff"]
    _members(demo, leading, [demo.people["贾宏伟"], *[h for h in heads if h.name != "贾宏伟"],
                             demo.people["曾方"], demo.people["孙志敏"]], "组长", date(2020, 1, 27))


def hotline_members(demo: Demo) -> list[Person]:
    return [p for p in demo.staff_of[DIRECT_TEAM] if p.qualifications] + [demo.people["曾方"]]


def build_psychological_team(demo: Demo) -> None:
    team = _team(demo, PSYCHOLOGICAL_TEAM, TeamKind.PROFESSIONAL_TEAM, DIRECT_TEAM, date(2020, 1, 27),
                 place=OFFICE_PLACE, branch=branch_name(DIRECT_TEAM),
                 description="由机关直属应急专业队中具有心理咨询师资格的党员组成，开通24小时心理援助热线，"
                             "开展一对一心理疏导和线上专题辅导，每天3名队员在线值守。")
    members = hotline_members(demo)
    _members(demo, team, [members[-1], *members[:-1]], "联络人", date(2020, 1, 27))
    for i, day in enumerate(days(HOTLINE_FIRST_DAY, HOTLINE_LAST_DAY)):
        for k in range(HOTLINE_PER_DAY):
            person = members[(HOTLINE_PER_DAY * i + k) % len(members)]
            assign_duty(demo.session, {"team_id": team.id, "person_id": person.id, "duty_date": day, "shift": "24h",
                                       "duty": "24小时心理援助热线"})


def _assign(demo: Demo, person: Person, status: AssignmentStatus, start: date, end: date | None = None, *,
            place: str | None = None, place_text: str | None = None, note: str | None = None) -> None:
    create_assignment(demo.session, {
        "person_id": person.id, "status": status.value, "place_id": demo.places[place].id if place else None,
        "place_text": place_text, "start_date": start, "end_date": end, "note": note})


def build_assignments(demo: Demo) -> None:
    placed: set[str] = {"曾方", "王晶"}  # the hotline's contact and the organiser stayed at the office
    for p in (demo.people[n] for n in ("曾方", "王晶")):
        _assign(demo, p, AssignmentStatus.IN_POST, date(2020, 1, 28))

    def free(people: list[Person]) -> list[Person]:
        return [p for p in people if p.name not in placed]

    transfer = [demo.people["孟繁"], *[p for p in party_members(demo, GUANCHENG) if p.name != "孟繁"][:4],
                *party_members(demo, ZHENGZHOU)[3:6]]
    for p in transfer:
        _assign(demo, p, AssignmentStatus.TRANSFER_GROUP, date(2020, 2, 24), place="管城区境外返郑人员集中隔离点",
                note="境外返郑人员转运专班，24小时轮班")
        placed.add(p.name)
    placed.add("张广")
    for p in [demo.people["张广"], *free(party_members(demo, AIRPORT_ZONE))[:4]]:
        _assign(demo, p, AssignmentStatus.TRANSFER_GROUP, date(2020, 2, 24), place=AIRPORT, note="机场旅客分流")
        placed.add(p.name)
    for short in SYSTEM_UNITS:
        for village in [v for v in field_places(demo, short) if v.endswith("村")][:1]:
            for p in free(party_members(demo, short))[:1]:
                _assign(demo, p, AssignmentStatus.RELIEF_VILLAGE, date(2020, 1, 28), place=village,
                        note="驻村工作队，协助村里疫情防控和春耕生产")
                placed.add(p.name)
    for team in sorted(demo.teams.values(), key=lambda t: t.id):
        if team.kind != TeamKind.VOLUNTEER_TEAM.value or team.place_id is None:
            continue
        place = next(n for n, pl in demo.places.items() if pl.id == team.place_id)
        if place.endswith("村") or place == OFFICE_PLACE:
            continue
        for p in free([m.person for m in _memberships(demo, team)])[:1]:
            _assign(demo, p, AssignmentStatus.COMMUNITY, team.formed_on, place=place,  # type: ignore[arg-type]
                    note=f"随{team.name}下沉社区")
            placed.add(p.name)
    everyone = sorted((p for ps in demo.staff_of.values() for p in ps if p.employment_type != "retired"),
                      key=lambda p: p.id)
    rest = free(everyone)
    demo.rng.shuffle(rest)
    stranded_places = ["湖北省武汉市", "湖北省孝感市", "湖北省黄冈市", "信阳市光山县（老家）", "北京市"]
    for i, p in enumerate(rest[:5]):
        start = date(2020, 1, 22 + i % 3)
        back = date(2020, 3, 9 + 2 * i)
        _assign(demo, p, AssignmentStatus.STRANDED, start, back - timedelta(days=1), place_text=stranded_places[i],
                note="春节返乡滞留外地，每天视频连线问候")
        _assign(demo, p, AssignmentStatus.IN_POST, back, note="返郑后居家隔离期满到岗")
    for i, p in enumerate(rest[5:9]):
        start = date(2020, 2, 2 + 3 * i)
        _assign(demo, p, AssignmentStatus.HOME_OBSERVATION, start, start + timedelta(days=13),
                place_text="居家", note="身体不适居家观察，单位每天电话问候")
    for i, p in enumerate(rest[9:25]):
        start = date(2020, 1, 28) + timedelta(days=7 * (i % 5))
        _assign(demo, p, AssignmentStatus.ON_DUTY, start, start + timedelta(days=6), place=OFFICE_PLACE,
                note="机关24小时值班，夜班安排晚餐")


def _memberships(demo: Demo, team: Team) -> list[TeamMembership]:
    from sqlalchemy import select

    return list(demo.session.scalars(select(TeamMembership).where(TeamMembership.team_id == team.id)
                                     .order_by(TeamMembership.id)))
