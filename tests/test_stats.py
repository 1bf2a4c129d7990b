"""The headline figures: what the office reports upward comes out of the registers, not out of a typist."""

from __future__ import annotations

import json

from rfdesk.services import commendations as cm
from rfdesk.services import documents as ds
from rfdesk.services import donations as dn
from rfdesk.services import organisations as orgs
from rfdesk.services import people, teams
from rfdesk.services import resources as rs
from rfdesk.services.stats import register_stats

REQUIRED = {
    "people", "party_branches.temporary", "teams.vanguard_post", "teams.volunteer_team",
    "resources.evacuation_base", "resources.emergency_shelter", "resources.command_post", "donations.count",
    "donations.system_total", "donations.enterprise_total", "commendations.batches", "commendations.honorees",
    "documents.count",
}


def test_an_empty_register_reports_zeros_in_the_promised_shape(session) -> None:
    stats = register_stats(session)
    assert REQUIRED <= set(stats)
    assert stats["donations.system_total"] == "0.00" and stats["people"] == 0
    assert all(isinstance(v, int) or (isinstance(v, str) and v.endswith(".00")) for v in stats.values())


def test_the_figures_count_live_records_and_cash_of_non_voided_donations(db) -> None:
    with db.session() as s:
        prov = orgs.create_organisation(s, {"name": "省人防办", "kind": "province_office"})
        dept = orgs.create_organisation(s, {"name": "工程管理处", "kind": "department", "parent_id": prov.id})
        county = orgs.create_organisation(s, {"name": "管城区人防办", "kind": "county_office"})
        firm = orgs.create_organisation(s, {"name": "人防设备公司", "kind": "enterprise"})
        cao = people.create_person(s, {"name": "曹裕军", "organisation_id": dept.id})
        meng = people.create_person(s, {"name": "孟繁", "organisation_id": county.id})
        gone = people.create_person(s, {"name": "调离人员", "organisation_id": dept.id})
        people.delete_person(s, gone.id)
        people.create_party_branch(s, {"name": "转运专班临时党支部", "is_temporary": True})
        people.create_party_branch(s, {"name": "工程管理处党支部", "organisation_id": dept.id})
        for i in range(3):
            teams.create_team(s, {"name": f"党员先锋岗{i + 1}", "kind": "vanguard_post"})
        teams.create_team(s, {"name": "党员志愿者队", "kind": "volunteer_team"})
        for kind, n in (("evacuation_base", 2), ("emergency_shelter", 3), ("command_post", 1)):
            for i in range(n):
                rs.create_resource(s, {"kind": kind, "name": f"{kind}-{i}"})
        binned = rs.create_resource(s, {"kind": "command_post", "name": "撤销的指挥所"})
        rs.delete_resource(s, binned.id)
        dn.create_donation(s, {"donor_kind": "person", "donor_person_id": cao.id, "amount": "49800",
                               "donated_on": "2020-02-03"})
        dn.create_donation(s, {"donor_kind": "anonymous", "donor_person_id": cao.id, "anonymous_note": "曹裕军",
                               "amount": "200", "donated_on": "2020-02-04"})
        dn.create_donation(s, {"donor_kind": "person", "donor_person_id": meng.id, "amount": "153000",
                               "donated_on": "2020-02-05"})
        void = dn.create_donation(s, {"donor_kind": "person", "donor_person_id": meng.id, "amount": "999",
                                      "donated_on": "2020-02-05"})
        dn.void_donation(s, void.id, "录入错误")
        dn.create_donation(s, {"donor_kind": "enterprise", "donor_organisation_id": firm.id, "amount": "700500.50",
                               "donated_on": "2020-02-06"})
        dn.create_donation(s, {"donor_kind": "organisation", "donor_organisation_id": dept.id, "form": "in_kind",
                               "items": [{"name": "口罩", "quantity": 1000, "unit": "只", "estimated_value": 1500}],
                               "donated_on": "2020-02-07"})
        batch = cm.create_batch(s, {"title": "第一批“硬核”党支部和“硬核”共产党员", "decided_on": "2020-03-01"})
        cm.add_honoree(s, batch.id, {"person_id": cao.id, "category": "“硬核”共产党员"})
        cm.add_honoree(s, batch.id, {"person_id": meng.id, "category": "“硬核”共产党员"})
        doc = ds.create_document(s, {"title": "关于疫情防控期间开展便民服务支持企业复工复产的通知"})
        ds.create_document(s, {"title": "草稿"})
        ds.delete_document(s, doc.id)
    with db.session() as s:
        stats = register_stats(s)
    assert {k: stats[k] for k in REQUIRED} == {
        "people": 2, "party_branches.temporary": 1, "teams.vanguard_post": 3, "teams.volunteer_team": 1,
        "resources.evacuation_base": 2, "resources.emergency_shelter": 3, "resources.command_post": 1,
        "donations.count": 5, "donations.system_total": "203000.00", "donations.enterprise_total": "700500.50",
        "commendations.batches": 1, "commendations.honorees": 2, "documents.count": 1,
    }
    assert stats["donations.in_kind_value"] == "1500.00" and stats["donations.voided"] == 1
    json.dumps(stats)  # what `rfdesk stats --json` prints
