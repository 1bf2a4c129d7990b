"""An office's registers with a few hundred rows, and every row of every table read back: for backup tests,
and to prove that a refused call wrote nothing."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from rfdesk.domain import Campaign, Donation, Person, Resource, Setting, StockMovement
from rfdesk.services import organisations as orgs
from rfdesk.services.validation import id_check_char


def id_number(n: int) -> str:
    first17 = f"410105198{n % 10}0{1 + n % 9}{10 + n % 18:02d}{n % 1000:03d}"
    assert len(first17) == 17
    return first17 + id_check_char(first17)


def fill_office(db: Any, people: int = 200, donations: int = 150, notes_bytes: int = 0) -> None:
    """Organisations, people with ID numbers and phones, a campaign with donations, supplies and movements.

    ``notes_bytes`` of hard-to-compress text per person make the database large enough to need many chunks.
    """
    with db.session() as s:
        s.info["operator"] = "档案员"
        office = orgs.create_organisation(s, {"name": "郑州市人民防空办公室", "short_name": "市人防办",
                                              "kind": "city_office"})
        depts = [orgs.create_organisation(s, {"name": f"第{i}处", "kind": "department", "parent_id": office.id})
                 for i in range(1, 9)]
        persons = []
        for i in range(people):
            notes = None
            if notes_bytes:
                notes = random.Random(i).randbytes(notes_bytes // 2).hex()
            p = Person(name=f"曹裕{i}", gender="M" if i % 2 else "F", id_number=id_number(i),
                       phone=f"139{i:08d}", organisation_id=depts[i % len(depts)].id, post="科员",
                       birth_date=date(1980, 1, 1) + timedelta(days=i * 37), notes=notes)
            s.add(p)
            persons.append(p)
        campaign = Campaign(name="抗击新冠肺炎疫情捐款", started_on=date(2020, 1, 26))
        s.add(campaign)
        s.flush()
        for i in range(donations):
            s.add(Donation(donor_kind="person", donor_person_id=persons[i % len(persons)].id,
                           unit_id=depts[i % len(depts)].id, amount=Decimal("100.50") + i,
                           donated_on=date(2020, 1, 26) + timedelta(days=i % 20), campaign_id=campaign.id,
                           donor_display=persons[i % len(persons)].name))
        masks = Resource(category="supply", kind="supply", name="医用口罩", unit_of_measure="只",
                         organisation_id=office.id)
        s.add(masks)
        s.flush()
        for i in range(30):
            s.add(StockMovement(resource_id=masks.id, kind="in", quantity=Decimal("1000.5"),
                                moved_on=date(2020, 2, 1) + timedelta(days=i)))
        s.add(Setting(key="issuer.name", value="郑州市人民防空办公室"))


def every_row(db_file: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in rowid order, read straight from the file."""
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        con.close()


def integrity(db_file: Path) -> str:
    con = sqlite3.connect(str(db_file))
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def damage_an_index(db_file: Path) -> None:
    """Scribble over an index page, as a failing disk might: the records still read, the full check fails."""
    con = sqlite3.connect(db_file)
    con.execute("PRAGMA journal_mode=DELETE")
    page = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='ix_person_name'").fetchone()[0]
    con.close()
    with open(db_file, "r+b") as f:
        f.seek((root - 1) * page + 100)
        f.write(b"\xff" * 200)
