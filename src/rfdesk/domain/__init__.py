"""ORM models and value types of every register; no Qt here."""

from rfdesk.domain.base import Base, Money, Quantity, Record
from rfdesk.domain.commendations import Commendation, CommendationBatch
from rfdesk.domain.documents import ArchivedPdf, Document, DocumentAttachment
from rfdesk.domain.donations import Campaign, Donation, DonationItem
from rfdesk.domain.organisations import Organisation, Place
from rfdesk.domain.people import Assignment, DutyShift, PartyBranch, Person, Team, TeamMembership
from rfdesk.domain.resources import Resource, StockMovement
from rfdesk.domain.system import AuditEntry, NumberSequence, Setting

# Tables a clerk edits; the recycle bin and the audit log cover these.
REGISTER_MODELS: tuple[type[Record], ...] = (
    Organisation,
    Place,
    PartyBranch,
    Person,
    Team,
    TeamMembership,
    DutyShift,
    Assignment,
    CommendationBatch,
    Commendation,
    Campaign,
    Donation,
    Resource,
    StockMovement,
    Document,
)

__all__ = [
    "REGISTER_MODELS",
    "ArchivedPdf",
    "Assignment",
    "AuditEntry",
    "Base",
    "Campaign",
    "Commendation",
    "CommendationBatch",
    "Document",
    "DocumentAttachment",
    "Donation",
    "DonationItem",
    "DutyShift",
    "Money",
    "NumberSequence",
    "Organisation",
    "PartyBranch",
    "Person",
    "Place",
    "Quantity",
    "Record",
    "Resource",
    "Setting",
    "StockMovement",
    "Team",
    "TeamMembership",
]
