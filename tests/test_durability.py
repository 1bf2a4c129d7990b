"""Pulling the plug: a process writing donations is killed (SIGKILL) at random moments, dozens of times, and
the database is still sound and holds every donation whose commit had returned.

Each transaction writes a donation, its receipt number (the per-year sequence) and its audit entry, so the
test also proves that a transaction is kept or lost as a whole: no receipt number without its donation, no
donation without its audit entry, no gaps.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rfdesk.db import open_database

KILLS = 30

# Imports once, then for each line on stdin forks a fresh writer that opens the database and records
# donations until it is killed; it prints each donation's tag only after its commit has returned.
SPAWNER = r"""
import os
import sys

from rfdesk.db import open_database
from rfdesk.services.base import name_keys
from rfdesk.services.donations import create_donation

name_keys("捐赠人")  # load the pinyin dictionaries once, before any writer starts
for line in sys.stdin:
    first = int(line)
    pid = os.fork()
    if pid == 0:
        db = open_database(sys.argv[1])
        # One write() a line: a line on a pipe is then whole or absent when the kill lands, never cut
        # between the number and its newline (which would run into the spawner's next line).
        os.write(1, b"ready\n")
        n = first
        while True:
            with db.session() as s:
                create_donation(s, {"donor_kind": "other", "donor_name": f"捐赠人{n}", "amount": "10.00",
                                    "donated_on": "2020-02-01", "recipient": "河南省红十字会"})
            os.write(1, f"{n}\n".encode())
            n += 1
    sys.stdout.flush()
    os.write(1, f"writer {pid}\n".encode())
    _, status = os.waitpid(pid, 0)
    os.write(1, f"ended {status}\n".encode())
"""


class Spawner:
    def __init__(self, db_path: Path, errors: Path) -> None:
        with open(errors, "w", encoding="utf-8") as err:
            self.proc = subprocess.Popen([sys.executable, "-c", SPAWNER, str(db_path)], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=err, text=True)
        self.errors = errors

    def line(self) -> str:
        assert self.proc.stdout is not None
        text = self.proc.stdout.readline()
        if not text:
            pytest.fail("the writer process died on its own: " + self.errors.read_text(encoding="utf-8"))
        return text.strip()

    def run_and_kill(self, first: int, delay: float) -> list[int]:
        """Start a writer, let it commit for ``delay`` seconds, SIGKILL it; the ids it reported committed."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{first}\n")
        self.proc.stdin.flush()
        pid, ready, reported = 0, False, []
        while not (pid and ready):
            text = self.line()
            if text.startswith("writer "):
                pid = int(text.split()[1])
            elif text == "ready":
                ready = True
            else:
                reported.append(int(text))
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        while not (text := self.line()).startswith("ended "):
            reported.append(int(text))
        assert os.WIFSIGNALED(int(text.split()[1])), "the writer stopped by itself: " + self.errors.read_text()
        return reported

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        self.proc.stdout.close()


@pytest.mark.slow
@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_killed_writer_loses_no_committed_donation(journal: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    if journal == "delete":
        monkeypatch.setenv("RFDESK_NO_WAL", "1")  # as on a FAT-formatted USB stick
    else:
        monkeypatch.delenv("RFDESK_NO_WAL", raising=False)
    db_path = tmp_path / "donations.sqlite"
    open_database(db_path).close()
    rng = random.Random(2020 if journal == "wal" else 2021)
    spawner = Spawner(db_path, tmp_path / "writer.err")
    committed: list[int] = []
    try:
        for round_ in range(KILLS):
            committed += spawner.run_and_kill(round_ * 1_000_000, rng.uniform(0.0, 0.3))
    finally:
        spawner.close()
    assert len(committed) > KILLS  # the kills landed among commits, not only before the first one

    # The next clerk to open it gets a sound database (recovery included) …
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == journal
        # … with every donation that was reported committed …
        names = {row[0] for row in conn.execute("SELECT donor_name FROM donation")}
        assert [n for n in committed if f"捐赠人{n}" not in names] == []
        # … and no transaction in halves: numbers without gaps, each donation with its audit entry.
        seqs = [row[0] for row in conn.execute("SELECT receipt_seq FROM donation ORDER BY receipt_seq")]
        assert seqs == list(range(1, len(seqs) + 1))
        last = conn.execute("SELECT last_value FROM number_sequence WHERE name = 'receipt' AND year = 2020").fetchone()
        assert last[0] == len(seqs)
        audited = conn.execute("SELECT count(*) FROM audit_entry WHERE table_name = 'donation' "
                               "AND action = 'create'").fetchone()[0]
        assert audited == len(seqs)
    finally:
        conn.close()
