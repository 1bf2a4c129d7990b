"""Donation register: campaigns, cash and in-kind donations, receipts, voiding, batch entry, lists.

Each donation is counted for one organisation (``unit_id``), fixed when it is recorded: the donor's
organisation at that time, or the donating organisation. Receipt numbers come from a gap-free sequence
per year of the donation date ("2020-000123") and never change or come back, not even when a donation is
voided or deleted. A voided donation stays in the register, marked, and drops out of every total.

The list and its totals count cash at its amount and in-kind donations at their estimated value; filter
on ``form`` to separate them. Breakdowns per organisation, campaign, month and week, and the cash totals
of the civil air defence system and of enterprises, are in ``donation_totals``; campaigns in ``campaigns``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Select, Table, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from rfdesk.domain import Campaign, Donation, DonationItem, Organisation, Person
from rfdesk.domain.base import utcnow
from rfdesk.domain.codes import DonationForm, DonorKind, PaymentChannel
from rfdesk.services import validation as v
from rfdesk.services.base import (
    Page,
    apply_changes,
    check_version,
    claim_write_lock,
    flush,
    get,
    kept_or_referenced,
    live,
    name_keys,
    next_number,
    page,
    soft_delete,
    sort_terms,
    subtree_condition,
    unindexed,
)
from rfdesk.services.bulk import Checked, first_refusal, insert_records, parts_changes, reserve_numbers
from rfdesk.services.campaigns import (  # campaigns are kept with the donations for callers
    CAMPAIGN_FIELDS,
    create_campaign,
    delete_campaign,
    list_campaigns,
    update_campaign,
)
from rfdesk.services.errors import ValidationError

__all__ = [
    "ANONYMOUS_DISPLAY", "CAMPAIGN_FIELDS", "DONATION_FIELDS", "ITEM_FIELDS", "SORTS", "check_donations",
    "create_campaign", "create_donation", "create_donation_batch", "create_donations", "insert_donations", "delete_campaign", "delete_donation", "donation_filter",
    "donation_totals", "get_donation", "list_campaigns", "list_donations", "mark_receipt_printed",
    "receipt_number", "update_campaign", "update_donation", "void_donation",
]

DONATION_FIELDS = {
    "donor_kind", "donor_person_id", "donor_organisation_id", "donor_name", "anonymous_note", "unit_id",
    "form", "amount", "channel", "items", "donated_on", "campaign_id", "recipient", "purpose", "handler",
    "notes",
}
ITEM_FIELDS = {"name", "quantity", "unit", "estimated_value"}
ANONYMOUS_DISPLAY = "匿名"
MAX_TOTAL = Decimal("999999999999")


# ---- validation of one donation --------------------------------------------------------------------------


@dataclass
class _CleanDonation:
    values: dict[str, Any]
    items: list[dict[str, Any]] = field(default_factory=list)


def _item_error(index: int, err: ValidationError) -> ValidationError:
    sub = err.field.rsplit(".", 1)[-1]
    return ValidationError(f"items[{index}].{sub}", f"第{index + 1}项物品的{err.zh}",
                           f"item {index + 1}, {err.en}")


def _clean_items(raw: Any) -> list[dict[str, Any]]:
    if raw is None or raw == "":
        raw = []
    if not isinstance(raw, (list, tuple)):
        raise v.fail("items", "应为物品清单", "must be a list of items")
    items: list[dict[str, Any]] = []
    for i, row in enumerate(raw):
        if not isinstance(row, dict):
            raise ValidationError(f"items[{i}]", f"第{i + 1}项物品格式不对", f"item {i + 1} is not a row of the list")
        try:
            extra = set(row) - ITEM_FIELDS
            if extra:
                name = sorted(map(str, extra))[0]
                raise ValidationError(name, f"未知栏目：{name}", f"unknown column: {name}")
            items.append({
                "name": v.text("name", row.get("name"), required=True, max_len=100),
                "quantity": v.quantity("quantity", row.get("quantity")),
                "unit": v.text("unit_of_measure", row.get("unit"), required=True, max_len=20),
                "estimated_value": v.money("estimated_value", row.get("estimated_value"), required=False,
                                           positive=False) or Decimal("0.00"),
            })
        except ValidationError as err:
            if err.field == "unit_of_measure":
                err.field = "unit"
            raise _item_error(i, err) from None
    return items


def _donor(session: Session, raw: dict[str, Any], kept: Donation | None) -> tuple[dict[str, Any], int | None]:
    """The donor columns, and the organisation the donation counts for by default."""
    kind = v.choice("donor_kind", raw.get("donor_kind"), DonorKind)
    person = kept_or_referenced(session, "donor_person_id", Person, raw.get("donor_person_id"), kept)
    org = kept_or_referenced(session, "donor_organisation_id", Organisation, raw.get("donor_organisation_id"), kept)
    name = v.text("donor_name", raw.get("donor_name"), max_len=100)
    note = v.text("anonymous_note", raw.get("anonymous_note"), max_len=200)
    if kind != DonorKind.ANONYMOUS and note:
        raise v.fail("anonymous_note", "只有匿名捐赠才填写知情说明", "is only for anonymous donations")
    unit_id: int | None = None
    if kind == DonorKind.PERSON:
        if person is None:
            raise v.fail("donor_person_id", "个人捐赠须选择捐赠人", "choose the person who donated")
        if org is not None or name:
            field_ = "donor_organisation_id" if org is not None else "donor_name"
            raise v.fail(field_, "个人捐赠只填捐赠人", "a donation by a person names only the person")
        display, unit_id = person.name, person.organisation_id
    elif kind in (DonorKind.ORGANISATION, DonorKind.ENTERPRISE):
        if person is not None:
            raise v.fail("donor_person_id", "单位或企业捐赠不填个人", "a donation by a body names no person")
        if org is None and (kind == DonorKind.ORGANISATION or not name):
            raise v.fail("donor_organisation_id", "须选择捐赠单位", "choose the donating organisation")
        if org is not None and name:
            raise v.fail("donor_name", "已选择捐赠单位，不再填写名称", "an organisation is chosen; leave the name blank")
        display = org.name if org is not None else str(name)
        unit_id = org.id if org is not None else None
    elif kind == DonorKind.ANONYMOUS:
        # The person may be known to the office (noted, and used for the unit) but is never shown as donor.
        if org is not None or name:
            field_ = "donor_organisation_id" if org is not None else "donor_name"
            raise v.fail(field_, "匿名捐赠不填捐赠人名称，知情情况写在说明中",
                         "an anonymous donation names no donor; note what is known instead")
        display, unit_id = ANONYMOUS_DISPLAY, (person.organisation_id if person is not None else None)
    else:
        if person is not None or org is not None:
            field_ = "donor_person_id" if person is not None else "donor_organisation_id"
            raise v.fail(field_, "其他捐赠人只填名称", "for another donor only the name is written")
        if not name:
            raise v.fail("donor_name", "不能为空", "is required")
        display = name
    return {
        "donor_kind": kind.value,  # type: ignore[union-attr]
        "donor_person_id": person.id if person is not None else None,
        "donor_organisation_id": org.id if org is not None else None,
        "donor_name": name if kind in (DonorKind.ENTERPRISE, DonorKind.OTHER) else None,
        "anonymous_note": note,
        "donor_display": display[:100],
        "donor_initials": name_keys(display)[1][:50],
    }, unit_id


def _clean_donation(session: Session, raw: dict[str, Any], kept: Donation | None = None) -> _CleanDonation:
    if not isinstance(raw, dict):
        raise ValidationError("donation", "捐赠记录格式不对", "a donation must be a row of fields")
    v.unknown_fields(DONATION_FIELDS, raw)
    values, derived_unit = _donor(session, raw, kept)
    if raw.get("unit_id") not in (None, ""):
        unit = kept_or_referenced(session, "unit_id", Organisation, raw.get("unit_id"), kept)
        assert unit is not None  # a blank id was handled above; a bad one is refused
        values["unit_id"] = unit.id
    else:
        values["unit_id"] = derived_unit
    form = v.choice("form", raw.get("form"), DonationForm, default=DonationForm.CASH)
    values["form"] = form.value  # type: ignore[union-attr]
    items: list[dict[str, Any]] = []
    if form == DonationForm.CASH:
        if _clean_items(raw.get("items")):
            raise v.fail("items", "现金捐款不填物品清单", "a cash donation has no list of items")
        values["amount"] = v.money("amount", raw.get("amount"))
        values["channel"] = v.choice("channel", raw.get("channel"), PaymentChannel,
                                     default=PaymentChannel.CASH).value  # type: ignore[union-attr]
    else:
        items = _clean_items(raw.get("items"))
        if not items:
            raise v.fail("items", "物资捐赠须填写物品清单", "an in-kind donation needs its list of items")
        total = sum((i["estimated_value"] for i in items), Decimal("0.00"))
        if total > MAX_TOTAL:
            raise v.fail("items", "估价合计过大", "the estimated values add up to too much")
        given = v.money("amount", raw.get("amount"), required=False, positive=False)
        if given is not None and given != total:
            raise v.fail("amount", f"应等于各项物品估价之和 {total} 元", f"must equal the items' estimated total {total}")
        if v.text("channel", raw.get("channel")):
            raise v.fail("channel", "物资捐赠不填支付方式", "an in-kind donation has no payment channel")
        values["amount"], values["channel"] = total, None
    values["donated_on"] = v.a_date("donated_on", raw.get("donated_on"), required=True, hi=date.today())
    campaign = kept_or_referenced(session, "campaign_id", Campaign, raw.get("campaign_id"), kept)
    values["campaign_id"] = campaign.id if campaign is not None else None
    values["recipient"] = v.text("recipient", raw.get("recipient"), max_len=100)
    values["purpose"] = v.text("purpose", raw.get("purpose"), max_len=200)
    values["handler"] = v.text("handler", raw.get("handler"), max_len=50)
    values["notes"] = v.long_text("notes", raw.get("notes"), max_len=5000)
    return _CleanDonation(values, items)


def receipt_number(year: int, seq: int) -> str:
    """The printed receipt number: 2020-000123."""
    return f"{year}-{seq:06d}"


def _insert(session: Session, clean: _CleanDonation) -> Donation:
    donation = Donation(**clean.values)
    donation.items = [DonationItem(**i) for i in clean.items]
    year = clean.values["donated_on"].year
    seq = next_number(session, "receipt", year)
    donation.receipt_year, donation.receipt_seq, donation.receipt_no = year, seq, receipt_number(year, seq)
    session.add(donation)
    flush(session)
    return donation


# ---- writing ---------------------------------------------------------------------------------------------


def create_donation(session: Session, data: dict[str, Any]) -> Donation:
    """Record a donation and give it the next receipt number of its year.

    ``donor_kind`` person (``donor_person_id``), organisation or enterprise (``donor_organisation_id``, or for
    an enterprise outside the register ``donor_name``), anonymous (optionally ``donor_person_id`` of whom the
    office knows, and ``anonymous_note``) or other (``donor_name``). ``form`` cash (``amount``, ``channel``)
    or in_kind (``items``: [{name, quantity, unit, estimated_value}]; the amount is their sum).
    Refuses a missing donor, a non-positive or over-precise amount, a bad item (field ``items[i].quantity``),
    a date that is not real or lies in the future, and any field that does not belong to the donor kind or
    form. Nothing is written when it refuses.
    """
    claim_write_lock(session)
    return _insert(session, _clean_donation(session, data))


def check_donations(session: Session, rows: Sequence[dict[str, Any]]) -> list[Checked | ValidationError]:
    """Check new donations exactly as :func:`create_donation` checks each one, writing nothing: for every
    row the values to write, or the ValidationError refusing it."""
    checked: list[Checked | ValidationError] = []
    for data in rows:
        try:
            clean = _clean_donation(session, data)
            checked.append(Checked(clean.values, clean.items))
        except ValidationError as err:
            checked.append(err)
    return checked


def insert_donations(session: Session, checked: Sequence[Checked]) -> list[int]:
    """Write donations passed by :func:`check_donations`, with their items, receipt numbers (consecutive
    within each year, in the order given) and audit entries; their new ids in order. The caller holds the
    write lock (:func:`create_donations` does)."""
    years: dict[int, int] = {}
    for c in checked:
        year = c.values["donated_on"].year
        years[year] = years.get(year, 0) + 1
    seq = {year: reserve_numbers(session, "receipt", year, n) for year, n in sorted(years.items())}
    rows = []
    for c in checked:
        year = c.values["donated_on"].year
        rows.append({**c.values, "receipt_year": year, "receipt_seq": seq[year],
                     "receipt_no": receipt_number(year, seq[year])})
        seq[year] += 1
    parts = [parts_changes("items", [DonationItem(**i) for i in c.items]) for c in checked]
    ids = insert_records(session, Donation, rows, parts)
    items = [{**item, "donation_id": donation_id}
             for donation_id, c in zip(ids, checked, strict=True) for item in c.items]
    if items:
        session.execute(insert(cast(Table, DonationItem.__table__)), items)
    return ids


def create_donations(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Record many donations at once, all or nothing, each checked as :func:`create_donation` checks it;
    the first refused row raises :class:`RowRefused` (its index and the error) and nothing is written."""
    claim_write_lock(session)
    checked = check_donations(session, rows)
    first_refusal(checked)
    return insert_donations(session, checked)  # type: ignore[arg-type]


def _as_data(donation: Donation) -> dict[str, Any]:
    cash = donation.form == DonationForm.CASH
    return {
        "donor_kind": donation.donor_kind, "donor_person_id": donation.donor_person_id,
        "donor_organisation_id": donation.donor_organisation_id, "donor_name": donation.donor_name,
        "anonymous_note": donation.anonymous_note, "form": donation.form,
        "amount": donation.amount if cash else None, "channel": donation.channel if cash else None,
        "items": [] if cash else [
            {"name": i.name, "quantity": i.quantity, "unit": i.unit, "estimated_value": i.estimated_value}
            for i in donation.items
        ],
        "donated_on": donation.donated_on, "campaign_id": donation.campaign_id, "recipient": donation.recipient,
        "purpose": donation.purpose, "handler": donation.handler, "notes": donation.notes,
    }


def update_donation(session: Session, donation_id: int, data: dict[str, Any],
                    expected_version: int | None = None) -> Donation:
    """Change a donation; the fields not in ``data`` keep their values and the receipt number never changes.

    The unit it counts for is kept unless ``unit_id`` is given or the donor changes. Refuses a voided
    donation, a date moved into another year (the receipt is numbered in its year: void and re-enter
    instead), what create refuses, and a change over someone else's (Conflict).
    """
    claim_write_lock(session)
    donation = get(session, Donation, donation_id)
    check_version(donation, expected_version)
    if donation.voided:
        raise v.fail("voided", "已作废的捐赠不能修改", "a voided donation cannot be changed")
    if not isinstance(data, dict):
        raise ValidationError("donation", "捐赠记录格式不对", "a donation must be a row of fields")
    v.unknown_fields(DONATION_FIELDS, data)
    merged = _as_data(donation)
    new_form = v.choice("form", data.get("form"), DonationForm, required=False)
    if new_form is not None and new_form != donation.form:
        for key in ("amount", "channel", "items"):
            merged[key] = None  # what belonged to the old form is not carried into the new one
    merged.update(data)
    clean = _clean_donation(session, merged, donation)
    donor_keys = ("donor_kind", "donor_person_id", "donor_organisation_id")
    if "unit_id" not in data and all(clean.values[k] == getattr(donation, k) for k in donor_keys):
        # Same donor: it keeps counting for the unit it was recorded for, even if the person moved since.
        clean.values["unit_id"] = donation.unit_id
    if clean.values["donated_on"].year != donation.receipt_year:
        raise v.fail("donated_on", f"收据按年份编号（{donation.receipt_no}），不能改到其他年份；请作废后重新登记",
                     f"the receipt {donation.receipt_no} is numbered in its year; void it and enter it again")
    old_items = [(i.name, i.quantity, i.unit, i.estimated_value) for i in donation.items]
    new_items = [(i["name"], i["quantity"], i["unit"], i["estimated_value"]) for i in clean.items]
    if old_items != new_items:
        donation.items = [DonationItem(**i) for i in clean.items]
    return apply_changes(session, donation, clean.values)


def void_donation(session: Session, donation_id: int, reason: Any, expected_version: int | None = None) -> Donation:
    """Void a donation: it stays in the register with its receipt number, marked, and leaves every total.

    Refuses a blank reason and a donation that is already voided.
    """
    claim_write_lock(session)
    donation = get(session, Donation, donation_id)
    check_version(donation, expected_version)
    text = v.text("void_reason", reason, required=True, max_len=200)
    if donation.voided:
        raise v.fail("voided", f"收据 {donation.receipt_no} 已经作废", f"receipt {donation.receipt_no} is already voided")
    donation.voided, donation.void_reason, donation.voided_at = True, text, utcnow()
    flush(session)
    return donation


def delete_donation(session: Session, donation_id: int) -> None:
    """Move a donation to the recycle bin; its receipt number is not given to anyone else."""
    claim_write_lock(session)
    soft_delete(session, get(session, Donation, donation_id))


def get_donation(session: Session, donation_id: int) -> Donation:
    """A live donation by id (NotFound if missing or in the recycle bin)."""
    return get(session, Donation, donation_id)


def mark_receipt_printed(session: Session, donation_id: int) -> int:
    """Count one more print of the receipt; returns how many prints there were before (0: the original)."""
    claim_write_lock(session)
    donation = get(session, Donation, donation_id)
    before = donation.receipt_printed or 0
    donation.receipt_printed = before + 1
    flush(session)
    return before


def _row_error(index: int, err: ValidationError) -> ValidationError:
    return ValidationError(f"rows[{index}].{err.field}", f"第{index + 1}笔：{err.zh}", f"row {index + 1}: {err.en}")


def create_donation_batch(session: Session, declared_count: Any, declared_total: Any,
                          rows: Sequence[dict[str, Any]]) -> list[Donation]:
    """Record a batch of donations from one list (a unit's collection sheet), all or nothing.

    The clerk first states how many donations the sheet holds and their total; the rows are recorded, with
    consecutive receipt numbers, only if every row is valid and both figures match. Refuses with the row
    (field ``rows[i].amount``) or with the difference between the declared and the entered count or total.
    """
    claim_write_lock(session)
    count_ = v.integer("declared_count", declared_count, required=True, minimum=1, maximum=100_000)
    total = v.money("declared_total", declared_total, positive=False)
    if not isinstance(rows, (list, tuple)):
        raise v.fail("rows", "应为捐赠清单", "must be a list of donations")
    cleaned: list[_CleanDonation] = []
    for i, row in enumerate(rows):
        try:
            cleaned.append(_clean_donation(session, row))
        except ValidationError as err:
            raise _row_error(i, err) from None
    if len(cleaned) != count_:
        diff = len(cleaned) - int(count_ or 0)
        raise v.fail("declared_count", f"申报 {count_} 笔，实际录入 {len(cleaned)} 笔，{'多' if diff > 0 else '少'} {abs(diff)} 笔",
                     f"{count_} declared but {len(cleaned)} entered ({diff:+d})")
    entered = sum((c.values["amount"] for c in cleaned), Decimal("0.00"))
    if entered != total:
        diff_amount = entered - (total or Decimal(0))
        raise v.fail("declared_total",
                     f"申报合计 {total} 元，各笔合计 {entered} 元，{'多' if diff_amount > 0 else '少'} {abs(diff_amount)} 元",
                     f"declared total {total} but the rows add up to {entered} ({diff_amount:+})")
    return [_insert(session, c) for c in cleaned]


# ---- lists ----------------------------------------------------------------------------------------------


def donation_filter(session: Session, *, search: str = "", organisation_id: Any = None, campaign_id: Any = None,
                    donor_kind: Any = None, form: Any = None, date_from: Any = None, date_to: Any = None,
                    include_voided: bool = False) -> list[Any]:
    """The WHERE clauses of a donation list: live rows matching every filter given. Refuses bad filter values."""
    conds: list[Any] = [live(Donation)]
    if not include_voided:
        conds.append(unindexed(Donation.voided).is_(False))
    q = v.normalise(search)
    if q:
        low = q.lower()
        alts = [Donation.donor_display.contains(q, autoescape=True),
                Donation.anonymous_note.contains(q, autoescape=True),
                Donation.receipt_no.contains(q, autoescape=True)]
        if low.isascii() and low.isalpha():
            alts.append(Donation.donor_initials.startswith(low, autoescape=True))
        conds.append(or_(*alts))
    if organisation_id not in (None, ""):
        conds.append(subtree_condition(session, Donation.unit_id, organisation_id))
    if campaign_id not in (None, ""):
        conds.append(Donation.campaign_id == v.reference("campaign_id", campaign_id))
    if donor_kind not in (None, ""):
        conds.append(Donation.donor_kind == v.choice("donor_kind", donor_kind, DonorKind))
    if form not in (None, ""):
        conds.append(Donation.form == v.choice("form", form, DonationForm))
    lo = v.a_date("date_from", date_from)
    hi = v.a_date("date_to", date_to)
    if lo is not None:
        conds.append(Donation.donated_on >= lo)
    if hi is not None:
        conds.append(Donation.donated_on <= hi)
    return conds


_unit = aliased(Organisation)

SORTS: dict[str, tuple[Any, ...]] = {
    "donated_on": (Donation.donated_on,),
    "receipt_no": (Donation.receipt_year, Donation.receipt_seq),
    "amount": (Donation.amount,),
    "donor": (Donation.donor_initials, Donation.donor_display),
    "donor_kind": (Donation.donor_kind,),
    "form": (Donation.form,),
    "unit": (_unit.name_pinyin,),
    "campaign": (Campaign.name_pinyin,),
    "created_at": (Donation.created_at,),
    "updated_at": (Donation.updated_at,),
}


def _sorted(stmt: Select[Any], sort: str, descending: bool) -> Select[Any]:
    terms = sort_terms(SORTS, sort, descending, Donation.id)
    if sort == "unit":
        stmt = stmt.outerjoin(_unit, _unit.id == Donation.unit_id)
    elif sort == "campaign":
        stmt = stmt.outerjoin(Campaign, Campaign.id == Donation.campaign_id)
    return stmt.order_by(*terms)


def list_donations(session: Session, *, search: str = "", organisation_id: Any = None, campaign_id: Any = None,
                   donor_kind: Any = None, form: Any = None, date_from: Any = None, date_to: Any = None,
                   include_voided: bool = False, sort: str = "donated_on", descending: bool = False,
                   offset: int = 0, limit: int = 100) -> Page[Donation]:
    """One page of live donations matching the filters, sorted in SQL, with the total count.

    ``search`` matches the donor's name (characters or pinyin initials), the note of an anonymous donation
    or the receipt number; ``organisation_id`` takes its whole subtree. Refuses an unknown sort key or a
    bad filter value (ValidationError naming it).
    """
    conds = donation_filter(session, search=search, organisation_id=organisation_id, campaign_id=campaign_id,
                            donor_kind=donor_kind, form=form, date_from=date_from, date_to=date_to,
                            include_voided=include_voided)
    stmt = _sorted(select(Donation).where(*conds), sort, descending)
    return page(session, stmt, offset, limit)


def donation_totals(session: Session, *, search: str = "", organisation_id: Any = None, campaign_id: Any = None,
                    donor_kind: Any = None, form: Any = None, date_from: Any = None, date_to: Any = None,
                    include_voided: bool = False) -> tuple[int, Decimal]:
    """(count, sum of amounts) of the donations the same filters list, computed in SQL.

    Voided donations are left out unless ``include_voided``; in-kind ones count at their estimated value
    unless ``form`` filters them out.
    """
    conds = donation_filter(session, search=search, organisation_id=organisation_id, campaign_id=campaign_id,
                            donor_kind=donor_kind, form=form, date_from=date_from, date_to=date_to,
                            include_voided=include_voided)
    n, total = session.execute(
        select(func.count(Donation.id), func.coalesce(func.sum(Donation.amount), 0)).where(*conds)
    ).one()
    return int(n), Decimal(total).quantize(Decimal("0.01"))
