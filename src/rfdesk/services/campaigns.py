"""Fund-raising campaigns (募捐活动) that donations are recorded under: create, change, delete, list."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rfdesk.domain import Campaign, Donation
from rfdesk.services import validation as v
from rfdesk.services.base import apply_changes, check_version, claim_write_lock, flush, get, live, soft_delete
from rfdesk.services.errors import ValidationError

CAMPAIGN_FIELDS = {"name", "started_on", "ended_on", "notes"}


def _clean_campaign(session: Session, data: dict[str, Any], obj: Campaign | None) -> dict[str, Any]:
    v.unknown_fields(CAMPAIGN_FIELDS, data)
    out: dict[str, Any] = {}
    if obj is None or "name" in data:
        name = v.text("name", data.get("name"), required=True, max_len=100)
        # The name is unique over every row, the recycle bin included, so the clerk is told where it is.
        same = session.scalar(select(Campaign).where(Campaign.name == name, Campaign.id != (obj.id if obj else -1)))
        if same is not None:
            where = "（在回收站中）" if same.deleted_at is not None else ""
            raise v.fail("name", f"已有同名的募捐活动“{name}”{where}", f"a campaign named “{name}” already exists")
        out["name"] = name
    for key in ("started_on", "ended_on"):
        if key in data:
            out[key] = v.a_date(key, data.get(key))
    if "notes" in data:
        out["notes"] = v.long_text("notes", data.get("notes"), max_len=5000)
    start = out.get("started_on", obj.started_on if obj else None)
    end = out.get("ended_on", obj.ended_on if obj else None)
    if start and end and end < start:
        raise v.fail("ended_on", "结束日期不能早于开始日期", "must not be before the start date")
    return out


def create_campaign(session: Session, data: dict[str, Any]) -> Campaign:
    """Add a fund-raising campaign (募捐活动). Refuses a blank or already used name, or an end before the start."""
    claim_write_lock(session)
    campaign = Campaign(**_clean_campaign(session, data, None))
    session.add(campaign)
    flush(session)
    return campaign


def update_campaign(session: Session, campaign_id: int, data: dict[str, Any],
                    expected_version: int | None = None) -> Campaign:
    """Change a campaign. Refuses what create refuses, and a change over someone else's (Conflict)."""
    claim_write_lock(session)
    campaign = get(session, Campaign, campaign_id)
    check_version(campaign, expected_version)
    return apply_changes(session, campaign, _clean_campaign(session, data, campaign))


def delete_campaign(session: Session, campaign_id: int) -> None:
    """Move a campaign to the recycle bin; refused while live donations are recorded under it."""
    claim_write_lock(session)
    campaign = get(session, Campaign, campaign_id)
    used = session.scalar(select(func.count()).where(Donation.campaign_id == campaign.id, live(Donation)))
    if used:
        raise ValidationError("campaign_id", f"该募捐活动下还有 {used} 笔捐赠，不能删除。",
                              f"{used} donations are recorded under this campaign; it cannot be deleted.")
    soft_delete(session, campaign)


def list_campaigns(session: Session, *, search: str = "") -> list[Campaign]:
    """Live campaigns, newest start first, then by name."""
    stmt = select(Campaign).where(live(Campaign))
    if search.strip():
        stmt = stmt.where(Campaign.name.contains(search.strip(), autoescape=True))
    return list(session.scalars(stmt.order_by(Campaign.started_on.desc(), Campaign.name, Campaign.id)))
