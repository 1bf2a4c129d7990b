"""One record of every register, and a change to each, for tests that must hold for every register."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from rfdesk.domain import (
    Assignment,
    Campaign,
    Commendation,
    CommendationBatch,
    Document,
    Donation,
    DutyShift,
    Organisation,
    PartyBranch,
    Person,
    Place,
    Record,
    Resource,
    StockMovement,
    Team,
    TeamMembership,
)
from rfdesk.services import commendations as cm
from rfdesk.services import documents as ds
from rfdesk.services import donations as dn
from rfdesk.services import organisations as orgs
from rfdesk.services import people, teams, whereabouts
from rfdesk.services import resources as rs

Update = Callable[..., Any]

# register → (model, update service, a change of clerk A, a different change of clerk B)
CHANGES: dict[str, tuple[type[Record], Update, dict[str, Any], dict[str, Any]]] = {
    "organisation": (Organisation, orgs.update_organisation, {"phone": "0371-65901234"}, {"phone": "0371-65905678"}),
    "place": (Place, orgs.update_place, {"address": "紫荆山路1号"}, {"address": "紫荆山路2号"}),
    "party_branch": (PartyBranch, people.update_party_branch, {"notes": "换届"}, {"notes": "改选"}),
    "person": (Person, people.update_person, {"post": "队员"}, {"post": "队长"}),
    "team": (Team, teams.update_team, {"description": "24小时热线"}, {"description": "夜间热线"}),
    "membership": (TeamMembership, teams.update_membership, {"role": "队长"}, {"role": "副队长"}),
    "duty": (DutyShift, teams.update_duty, {"duty": "心理热线"}, {"duty": "值班电话"}),
    "assignment": (Assignment, whereabouts.update_assignment, {"note": "下沉社区"}, {"note": "包村"}),
    "batch": (CommendationBatch, cm.update_batch, {"notes": "待审"}, {"notes": "已审"}),
    "honoree": (Commendation, cm.update_honoree, {"deeds": "带头下沉"}, {"deeds": "捐款两次"}),
    "campaign": (Campaign, dn.update_campaign, {"notes": "第一阶段"}, {"notes": "第二阶段"}),
    "donation": (Donation, dn.update_donation, {"amount": "1200"}, {"amount": "1500"}),
    "in_kind_donation": (Donation, dn.update_donation,
                         {"items": [{"name": "口罩", "quantity": 200, "unit": "只", "estimated_value": 300}]},
                         {"items": [{"name": "口罩", "quantity": 100, "unit": "只", "estimated_value": 300}]}),
    "resource": (Resource, rs.update_resource, {"min_stock": "500"}, {"min_stock": "800"}),
    "movement": (StockMovement, rs.update_movement, {"reference": "调拨单1号"}, {"reference": "调拨单2号"}),
    "document": (Document, ds.update_document, {"body": "各市人防办："}, {"body": "各处室："}),
    "document_attachments": (Document, ds.update_document, {"attachments": [{"title": "名单一"}]},
                             {"attachments": [{"title": "名单二"}]}),
}


def one_of_each(s: Session) -> dict[str, int]:
    """One record of every register, with the id each change in ``CHANGES`` is made to."""
    org = orgs.create_organisation(s, {"name": "省人防办", "kind": "province_office"})
    place = orgs.create_place(s, {"name": "紫荆山南路社区", "kind": "community"})
    store = orgs.create_place(s, {"name": "省人防办仓库", "kind": "warehouse"})
    branch = people.create_party_branch(s, {"name": "机关党支部", "organisation_id": org.id})
    person = people.create_person(s, {"name": "刘宪武", "organisation_id": org.id})
    team = teams.create_team(s, {"name": "心理援助队", "kind": "professional_team"})
    member = teams.add_member(s, {"team_id": team.id, "person_id": person.id})
    duty = teams.assign_duty(s, {"team_id": team.id, "person_id": person.id, "duty_date": "2020-02-01"})
    assignment = whereabouts.create_assignment(s, {"person_id": person.id, "status": "community",
                                                   "start_date": "2020-01-26"})
    batch = cm.create_batch(s, {"title": "第一批“硬核”党支部和“硬核”共产党员"})
    honoree = cm.add_honoree(s, batch.id, {"person_id": person.id, "category": "“硬核”共产党员"})
    campaign = dn.create_campaign(s, {"name": "抗击疫情捐款"})
    donation = dn.create_donation(s, {"donor_kind": "person", "donor_person_id": person.id,
                                      "amount": "1000", "donated_on": "2020-02-03"})
    in_kind = dn.create_donation(s, {"donor_kind": "organisation", "donor_organisation_id": org.id,
                                     "form": "in_kind", "donated_on": "2020-02-03",
                                     "items": [{"name": "口罩", "quantity": 100, "unit": "只",
                                                "estimated_value": 300}]})
    masks = rs.create_resource(s, {"kind": "supply", "name": "医用口罩", "unit_of_measure": "只"})
    movement = rs.receive_stock(s, masks.id, store.id, "5000", "2020-02-01")
    doc = ds.create_document(s, {"title": "关于做好疫情防控工作的通知", "attachments": [{"title": "名单"}]})
    return {"organisation": org.id, "place": place.id, "party_branch": branch.id, "person": person.id,
            "team": team.id, "membership": member.id, "duty": duty.id, "assignment": assignment.id,
            "batch": batch.id, "honoree": honoree.id, "campaign": campaign.id, "donation": donation.id,
            "in_kind_donation": in_kind.id, "resource": masks.id, "movement": movement.id,
            "document": doc.id, "document_attachments": doc.id}


