"""What the parts of the demo builder share: the session, one seeded random source, and look-ups by name."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from rfdesk.domain import Organisation, PartyBranch, Person, Place, Team

# A fixed seed: every build of the demo database holds the same people, numbers and amounts.
DEMO_SEED = 20200126


@dataclass
class Demo:
    session: Session
    rng: random.Random = field(default_factory=lambda: random.Random(DEMO_SEED))
    orgs: dict[str, Organisation] = field(default_factory=dict)      # by short name
    places: dict[str, Place] = field(default_factory=dict)           # by name
    branches: dict[str, PartyBranch] = field(default_factory=dict)   # by name
    people: dict[str, Person] = field(default_factory=dict)          # by name (names are unique in the demo)
    teams: dict[str, Team] = field(default_factory=dict)             # by name
    staff_of: dict[str, list[Person]] = field(default_factory=dict)  # org short name → its people

    def day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, (last - first).days))


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
