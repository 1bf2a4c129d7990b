"""Party branches and people: everyone the report names, and the invented staff around them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rfdesk.demo.context import Demo
from rfdesk.demo.identities import Identities
from rfdesk.demo.organisations import (
    AIRPORT_ZONE,
    COMMAND,
    DIRECT_TEAM,
    ENGINEERING,
    GUANCHENG,
    OFFICE_DEPT,
    ORGANISATIONS,
    PARTY_COMMITTEE,
    PERSONNEL,
    PROVINCE,
    ZHENGZHOU,
)
from rfdesk.domain import Person
from rfdesk.domain.codes import EmploymentType, OrgKind, PoliticalStatus
from rfdesk.services.people import create_party_branch, create_person

RETIREES_BRANCH = "省人防办离退休干部党支部"
TRANSFER_BRANCH = "管城区人防办境外返郑人员转运专班临时党支部"
COMMUNITY_BRANCH = "省人防办下沉社区疫情防控临时党支部"
COUNSELLOR = "国家二级心理咨询师"
RETIRED_COMRADE = "赵建国"
SECURITY_GUARD = "周长林"


@dataclass(frozen=True)
class Named:
    name: str
    gender: str
    org: str
    post: str
    rank: str | None
    age: int
    employment: EmploymentType = EmploymentType.STAFF
    political: PoliticalStatus = PoliticalStatus.PARTY_MEMBER
    qualifications: str | None = None
    notes: str | None = None


NAMED = [
    Named("贾宏伟", "M", PROVINCE, "党组书记、主任", "正厅级", 55),
    Named("曹裕军", "M", ENGINEERING, "党支部书记", "一级调研员", 51,
          notes="疫情期间两次匿名捐款，事后才被同事发现。"),
    Named("孟繁", "M", GUANCHENG, "党组书记、主任", "一级主任科员", 49,
          notes="带领境外返郑人员转运专班24小时不间断工作。"),
    Named("张广", "M", AIRPORT_ZONE, "四级主任科员", "四级主任科员", 34, notes="在新郑国际机场协助旅客分流。"),
    Named("曾方", "M", COMMAND, "副处长", "二级调研员", 45, qualifications=COUNSELLOR),
    Named("孙志敏", "F", PERSONNEL, "党支部书记", "一级调研员", 50),
    Named("王晶", "F", PARTY_COMMITTEE, "机关党委专职副书记", "二级调研员", 42,
          notes="在“党旗飘飘”微信群发起志愿理发倡议。"),
    Named("刘宪武", "M", DIRECT_TEAM, "队员", None, 38, employment=EmploymentType.CONTRACT, notes="志愿理发员"),
    Named("郭卫华", "M", DIRECT_TEAM, "队员", None, 41, employment=EmploymentType.CONTRACT, notes="志愿理发员"),
    Named(RETIRED_COMRADE, "M", PROVINCE, "原工程管理处调研员", "四级调研员", 66,
          employment=EmploymentType.RETIRED, notes="退休后主动报名到居住社区值守卡点。"),
    Named(SECURITY_GUARD, "M", OFFICE_DEPT, "门岗保安", None, 53, employment=EmploymentType.NON_STAFF,
          political=PoliticalStatus.MASSES, notes="不在编的保安师傅，疫情期间坚守机关门岗。"),
]

# How many invented staff each unit has, and the posts they hold (head first).
DEPARTMENT_POSTS = ["处长", "副处长", "副处长", "一级主任科员", "二级主任科员", "四级主任科员", "一级科员", "一级科员"]
CITY_POSTS = ["党组书记、主任", "副主任", "副主任", "科长", "科长", "副科长", "副科长", "一级主任科员",
              "二级主任科员", "三级主任科员", "四级主任科员", "四级主任科员", "一级科员", "一级科员", "科员", "科员"]
COUNTY_POSTS = ["党组书记、主任", "副主任", "股长", "一级主任科员", "二级主任科员", "四级主任科员", "一级科员", "一级科员",
                "科员", "科员"]
TEAM_POSTS = ["队长", "副队长", "副队长"] + ["队员"] * 25
PROVINCE_POSTS = ["党组成员、副主任", "党组成员、副主任", "党组成员、副主任", "一级巡视员"]
RANKS = {"处长": "一级调研员", "副处长": "二级调研员", "党组书记、主任": "一级调研员", "副主任": "二级调研员",
         "科长": "四级调研员", "副科长": "一级主任科员", "股长": "二级主任科员", "党组成员、副主任": "副厅级",
         "一级巡视员": "一级巡视员", "队长": "四级调研员", "副队长": "一级主任科员"}
CITY_OF = {PROVINCE: "郑州", ZHENGZHOU: "郑州", AIRPORT_ZONE: "郑州", "洛阳市人防办": "洛阳",
           "开封市人防办": "开封", "新乡市人防办": "新乡", "南阳市人防办": "南阳"}


def city_of(demo: Demo, short: str) -> str:
    """The city whose area codes the unit's staff mostly carry."""
    while short not in CITY_OF:
        parent_id = demo.orgs[short].parent_id
        short = next(s for s, o in demo.orgs.items() if o.id == parent_id)
    return CITY_OF[short]


def branch_name(short: str) -> str:
    org_kind = next(k for s, _n, k, _p, _a, _ph in ORGANISATIONS if s == short)
    if org_kind in (OrgKind.DEPARTMENT, OrgKind.DIRECT_TEAM):
        return f"{short}党支部"
    return f"{short}机关党支部"


def _branch(demo: Demo, name: str, org_short: str, *, temporary: bool = False, founded: date,
            dissolved: date | None = None, notes: str | None = None) -> None:
    demo.branches[name] = create_party_branch(demo.session, {
        "name": name, "organisation_id": demo.orgs[org_short].id, "is_temporary": temporary,
        "founded_on": founded, "dissolved_on": dissolved, "notes": notes})


def build_party_branches(demo: Demo) -> None:
    for short, _name, kind, _parent, _a, _p in ORGANISATIONS:
        if kind is OrgKind.PROVINCE_OFFICE:
            continue  # the office's leaders belong to the 办公室 branch
        _branch(demo, branch_name(short), short, founded=date(2008 + len(short) % 9, 7, 1))
    _branch(demo, RETIREES_BRANCH, PROVINCE, founded=date(2010, 7, 1))
    _branch(demo, TRANSFER_BRANCH, GUANCHENG, temporary=True, founded=date(2020, 2, 24), dissolved=date(2020, 4, 30),
            notes="在境外返郑人员转运专班中成立，孟繁同志任书记。")
    _branch(demo, COMMUNITY_BRANCH, PROVINCE, temporary=True, founded=date(2020, 2, 3), dissolved=date(2020, 3, 31),
            notes="省人防办下沉社区党员干部在社区一线成立。")


def _person(demo: Demo, ids: Identities, org_short: str, name: str, gender: str, post: str | None,
            rank: str | None, age: int | None, employment: EmploymentType, political: PoliticalStatus,
            qualifications: str | None = None, notes: str | None = None) -> Person:
    rng = demo.rng
    if age is None:
        birth = ids.birth_date(24, 58)
    else:
        birth = ids.birth_date(age, age)
    branch = None
    joined = None
    if political in (PoliticalStatus.PARTY_MEMBER, PoliticalStatus.PROBATIONARY):
        branch = demo.branches[RETIREES_BRANCH if employment is EmploymentType.RETIRED
                               else branch_name(OFFICE_DEPT if org_short == PROVINCE else org_short)]
        if political is PoliticalStatus.PROBATIONARY:
            joined = date(2019, rng.randint(6, 12), rng.randint(1, 28))
        else:
            earliest = date(birth.year + 19, birth.month, min(birth.day, 28))
            latest = min(date(birth.year + 40, birth.month, min(birth.day, 28)), date(2018, 12, 31))
            joined = earliest + timedelta(days=rng.randint(0, max(0, (latest - earliest).days)))
    p = create_person(demo.session, {
        "name": name, "gender": gender, "birth_date": birth,
        "id_number": ids.id_number(city_of(demo, org_short), birth, gender), "phone": ids.phone(),
        "organisation_id": demo.orgs[org_short].id, "post": post, "rank": rank, "employment_type": employment.value,
        "political_status": political.value, "party_branch_id": branch.id if branch else None,
        "party_joined_on": joined, "qualifications": qualifications, "notes": notes})
    demo.people[name] = p
    demo.staff_of.setdefault(org_short, []).append(p)
    return p


def _political(demo: Demo) -> PoliticalStatus:
    r = demo.rng.random()
    if r < 0.74:
        return PoliticalStatus.PARTY_MEMBER
    if r < 0.78:
        return PoliticalStatus.PROBATIONARY
    if r < 0.86:
        return PoliticalStatus.LEAGUE
    if r < 0.9:
        return PoliticalStatus.DEMOCRATIC_PARTY
    return PoliticalStatus.MASSES


def build_people(demo: Demo) -> None:
    ids = Identities(demo.rng, {n.name for n in NAMED})
    for n in NAMED:
        _person(demo, ids, n.org, n.name, n.gender, n.post, n.rank, n.age, n.employment, n.political,
                n.qualifications, n.notes)
    taken = {(n.org, n.post) for n in NAMED}
    for short, _name, kind, _parent, _a, _p in ORGANISATIONS:
        if kind is OrgKind.PROVINCE_OFFICE:
            posts = PROVINCE_POSTS
        elif kind is OrgKind.DEPARTMENT:
            posts = DEPARTMENT_POSTS
        elif kind is OrgKind.DIRECT_TEAM:
            posts = TEAM_POSTS
        elif kind is OrgKind.CITY_OFFICE:
            posts = CITY_POSTS[:10] if short == AIRPORT_ZONE else CITY_POSTS
        else:
            posts = COUNTY_POSTS
        counsellors = 0
        for post in posts:
            if (short, post) in taken:
                taken.discard((short, post))
                continue
            gender = "M" if demo.rng.random() < 0.62 else "F"
            young = post in ("科员", "一级科员", "队员")
            age = demo.rng.randint(24, 40) if young else demo.rng.randint(36, 57)
            employment = EmploymentType.STAFF
            if kind is OrgKind.DIRECT_TEAM and post == "队员" and demo.rng.random() < 0.35:
                employment = EmploymentType.CONTRACT
            elif young and demo.rng.random() < 0.08:
                employment = EmploymentType.CONTRACT
            political = PoliticalStatus.PARTY_MEMBER if post not in ("科员", "一级科员", "队员") \
                else _political(demo)
            qualification = None
            # The psychological-protection team was formed from the direct team's qualified party members.
            if kind is OrgKind.DIRECT_TEAM and political is PoliticalStatus.PARTY_MEMBER and counsellors < 8:
                qualification = COUNSELLOR if counsellors % 2 == 0 else "心理咨询师（三级）"
                counsellors += 1
            _person(demo, ids, short, ids.name(gender), gender, post, RANKS.get(post), age, employment,
                    political, qualification)
    # Two more retired comrades so the retirees' branch is more than one person.
    for _ in range(2):
        gender = "M" if demo.rng.random() < 0.6 else "F"
        _person(demo, ids, PROVINCE, ids.name(gender), gender, "退休干部", None, demo.rng.randint(62, 75),
                EmploymentType.RETIRED, PoliticalStatus.PARTY_MEMBER)


def party_members(demo: Demo, org_short: str) -> list[Person]:
    return [p for p in demo.staff_of.get(org_short, [])
            if p.political_status in (PoliticalStatus.PARTY_MEMBER.value, PoliticalStatus.PROBATIONARY.value)
            and p.employment_type != EmploymentType.RETIRED.value]
