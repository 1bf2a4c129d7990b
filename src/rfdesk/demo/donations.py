"""The campaign and its donations: staff and units of the system, enterprises, and goods given in kind.

Amounts are drawn at random but fill fixed totals exactly: the provincial office's staff ¥49,860.00, the
whole system (staff and units) ¥203,000.00, the enterprises ¥712,600.00, as the 2020 report gives them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from rfdesk.demo.context import Demo
from rfdesk.demo.organisations import ENTERPRISES, ORGANISATIONS, PROVINCE
from rfdesk.domain import Person
from rfdesk.domain.codes import DonationForm, DonorKind, OrgKind, PaymentChannel
from rfdesk.services.donations import create_campaign, create_donation, void_donation

CAMPAIGN = "抗击新冠肺炎疫情捐款"
PROVINCE_STAFF_TOTAL = Decimal("49860.00")
SYSTEM_TOTAL = Decimal("203000.00")
ENTERPRISE_TOTAL = Decimal("712600.00")

UNIT_GIFTS = {"郑州市人防办": 30000, "航空港区人防办": 10000, "洛阳市人防办": 12000, "开封市人防办": 8000,
              "新乡市人防办": 8000, "南阳市人防办": 10000, "管城区人防办": 5000, "金水区人防办": 5000,
              "二七区人防办": 3000, "新郑市人防办": 3000, "涧西区人防办": 3000, "祥符区人防办": 2000,
              "红旗区人防办": 2000, "宛城区人防办": 3000}
ENTERPRISE_GIFTS = [200000, 150000, 100000, 80000, 60000, 50000, 30000, 20000, Decimal("12600"), 10000]
STAFF_AMOUNTS = [100, 200, 200, 300, 300, 500, 500, 500, 600, 800, 1000]
LEADER_AMOUNTS = [1000, 1000, 1500, 2000]
ANONYMOUS_NOTE = "未署名，装在信封里交到机关党委；后经核实为工程管理处党支部书记曹裕军同志所捐"

# (donor short name, date, recipient, [(item, quantity, unit, estimated value)])
IN_KIND = [
    ("省红十字会", date(2020, 2, 5), "省人防办下沉社区党员志愿者",
     [("医用外科口罩", 10000, "只", 8000), ("医用防护服", 200, "套", 24000)]),
    ("省慈善总会", date(2020, 2, 10), "对口帮扶村驻村工作队",
     [("方便面", 200, "箱", 9000), ("矿泉水", 300, "箱", 7200), ("食用油", 100, "桶", 6500)]),
    (None, date(2020, 2, 12), "省人防办下沉社区党员志愿者",
     [("75%医用酒精", 500, "瓶", 5000), ("84消毒液", 100, "桶", 3000), ("红外额温枪", 50, "支", 9000),
      ("一次性医用手套", 5000, "副", 2500)]),
]
PRIVATE_DONOR = "李秀兰（爱心市民）"


Gift = dict[str, Any]  # the data of one donation, as the donation form would hand it over


def _fill(demo: Demo, donors: list[Person], total: Decimal, first: date, last: date,
          leaders: set[str]) -> list[tuple[Person, Decimal, date]]:
    """Random amounts from ``donors`` adding up to exactly ``total``; some give twice if need be."""
    out: list[tuple[Person, Decimal, date]] = []
    remaining = total
    round_ = 0
    while remaining > 0:
        for p in donors if round_ == 0 else donors[: len(donors) // 3]:
            choices = LEADER_AMOUNTS if p.post in leaders else STAFF_AMOUNTS
            amount = Decimal(demo.rng.choice(choices))
            if remaining - amount < 100:
                amount = remaining
            out.append((p, amount, demo.day(first, last)))
            remaining -= amount
            if remaining <= 0:
                break
        round_ += 1
    return out


def _person_gift(demo: Demo, campaign_id: int, p: Person, amount: Decimal, on: date, recipient: str,
                 handler: str) -> Gift:
    channel = demo.rng.choice([PaymentChannel.PAYROLL, PaymentChannel.WECHAT, PaymentChannel.WECHAT,
                               PaymentChannel.CASH, PaymentChannel.BANK])
    return {"donor_kind": DonorKind.PERSON.value, "donor_person_id": p.id, "form": DonationForm.CASH.value,
            "amount": amount, "channel": channel.value, "donated_on": on, "campaign_id": campaign_id,
            "recipient": recipient, "purpose": "支援新冠肺炎疫情防控", "handler": handler}


def build_donations(demo: Demo) -> None:
    campaign = create_campaign(demo.session, {
        "name": CAMPAIGN, "started_on": date(2020, 1, 27), "ended_on": date(2020, 3, 31),
        "notes": "全省人防系统党员干部职工和人防企业为疫情防控捐款捐物"}).id
    gifts: list[Gift] = []
    province_units = [s for s, _n, k, _p, _a, _ph in ORGANISATIONS
                      if s == PROVINCE or k in (OrgKind.DEPARTMENT, OrgKind.DIRECT_TEAM)]
    province_people = sorted((p for s in province_units for p in demo.staff_of.get(s, [])), key=lambda p: p.id)
    cao = demo.people["曹裕军"]
    jia = demo.people["贾宏伟"]
    for amount, on in ((Decimal("1000.00"), date(2020, 1, 30)), (Decimal("2000.00"), date(2020, 2, 14))):
        # The office knows who gave (the money counts for his department) but never shows him as donor.
        gifts.append({"donor_kind": DonorKind.ANONYMOUS.value, "donor_person_id": cao.id,
                      "anonymous_note": ANONYMOUS_NOTE, "form": DonationForm.CASH.value, "amount": amount,
                      "channel": PaymentChannel.CASH.value, "donated_on": on, "campaign_id": campaign,
                      "recipient": "河南省红十字会", "purpose": "支援新冠肺炎疫情防控", "handler": "王晶"})
    gifts.append(_person_gift(demo, campaign, jia, Decimal("2000.00"), date(2020, 1, 27), "河南省红十字会", "王晶"))
    others = [p for p in province_people if p not in (cao, jia) and demo.rng.random() < 0.85]
    leaders = {"处长", "党组成员、副主任", "一级巡视员", "队长", "党支部书记"}
    for p, amount, on in _fill(demo, others, PROVINCE_STAFF_TOTAL - Decimal("5000.00"), date(2020, 1, 27),
                               date(2020, 2, 20), leaders):
        gifts.append(_person_gift(demo, campaign, p, amount, on, "河南省红十字会", "王晶"))
    # A collection sheet typed in twice: the second receipt is voided and stays in the register, marked.
    duplicate = dict(gifts[5], notes="重复录入")
    gifts.append(duplicate)

    city_units = [s for s, _n, k, _p, _a, _ph in ORGANISATIONS if k in (OrgKind.CITY_OFFICE, OrgKind.COUNTY_OFFICE)]
    for short in city_units:
        gifts.append({"donor_kind": DonorKind.ORGANISATION.value, "donor_organisation_id": demo.orgs[short].id,
                      "form": DonationForm.CASH.value, "amount": Decimal(UNIT_GIFTS[short]),
                      "channel": PaymentChannel.BANK.value, "donated_on": demo.day(date(2020, 1, 29), date(2020, 2, 25)),
                      "campaign_id": campaign, "recipient": "河南省慈善总会", "purpose": "支援新冠肺炎疫情防控",
                      "handler": demo.staff_of[short][-1].name})
    city_staff_total = SYSTEM_TOTAL - PROVINCE_STAFF_TOTAL - sum((Decimal(v) for v in UNIT_GIFTS.values()),
                                                                 Decimal(0))
    city_people = sorted((p for s in city_units for p in demo.staff_of.get(s, []) if demo.rng.random() < 0.8),
                         key=lambda p: p.id)
    handlers = {demo.orgs[s].id: demo.staff_of[s][-1].name for s in city_units}
    for p, amount, on in _fill(demo, city_people, city_staff_total, date(2020, 1, 28), date(2020, 2, 25),
                               {"党组书记、主任", "副主任"}):
        gifts.append(_person_gift(demo, campaign, p, amount, on, "河南省慈善总会", handlers[p.organisation_id]))

    for (short, _name, _addr), amount in zip(ENTERPRISES, ENTERPRISE_GIFTS, strict=True):
        gifts.append({"donor_kind": DonorKind.ENTERPRISE.value, "donor_organisation_id": demo.orgs[short].id,
                      "form": DonationForm.CASH.value, "amount": Decimal(amount), "channel": PaymentChannel.BANK.value,
                      "donated_on": demo.day(date(2020, 1, 30), date(2020, 2, 28)), "campaign_id": campaign,
                      "recipient": "河南省慈善总会", "purpose": "定向支援全省人防系统疫情防控", "handler": "王晶"})

    for short, on, recipient, items in IN_KIND:
        donor: Gift = ({"donor_kind": DonorKind.ORGANISATION.value, "donor_organisation_id": demo.orgs[short].id}
                       if short else {"donor_kind": DonorKind.OTHER.value, "donor_name": PRIVATE_DONOR})
        gifts.append({**donor, "form": DonationForm.IN_KIND.value, "donated_on": on, "campaign_id": campaign,
                      "recipient": recipient, "purpose": "防疫物资和生活必需品", "handler": "王晶",
                      "items": [{"name": n, "quantity": q, "unit": u, "estimated_value": v} for n, q, u, v in items]})

    # Receipts were numbered as the money came in; a stable sort keeps the duplicate right after its original.
    for gift in sorted(gifts, key=lambda g: g["donated_on"]):
        donation = create_donation(demo.session, gift)
        if gift is duplicate:
            void_donation(demo.session, donation.id, "重复录入：与同日同额的另一张收据为同一笔捐款")
