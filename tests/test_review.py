"""`kennisbank review`: practices not reviewed for a set number of months, and contacts without e-mail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from kennisbank.entry.cli import cli
from kennisbank.pipeline import run
from kennisbank.review import months_before, review

from .conftest import FIXTURES, REPO, repo_vocabularies

# The practices below are dated around this day (one exactly on the cut-off of 12 months).
TODAY = dt.date(2026, 11, 22)

MINIMAL = (FIXTURES / "valid" / "minimal.md").read_text(encoding="utf-8")
CONTACTS = """contacts:
  - name: Anna de Boer
    organisation: Gemeente Voorbeeldstad
    email: a.deboer@voorbeeldstad.nl
  - name: Bram Smit
    organisation: ROC Voorbeeldstad
    phone: 030 123 45 67
  - name: Carla Jansen
    organisation: UWV
    withdrawn: true
"""


def practice(directory: Path, slug: str, reviewed: str, contacts: str = "contacts: []\n") -> Path:
    text = MINIMAL.replace("last_reviewed: 2026-01-15", f"last_reviewed: {reviewed}")
    text = text.replace("contacts: []\n", contacts).replace("een minimaal geldig", slug)
    path = directory / f"{slug}.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def practices(tmp_path: Path) -> Path:
    practice(tmp_path, "recent", "2026-06-01", CONTACTS)
    practice(tmp_path, "oud", "2025-11-21")
    practice(tmp_path, "net-op-tijd", "2025-11-22")
    practice(tmp_path, "heel-oud", "2023-02-01")
    (tmp_path / "kapot.md").write_text("geen front matter\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 22), 12, dt.date(2025, 11, 22)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2026, 1, 15), 13, dt.date(2024, 12, 15)),
        (dt.date(2026, 1, 15), 0, dt.date(2026, 1, 15)),
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


def test_review_data(practices: Path) -> None:
    report = review(run([practices], repo_vocabularies(), today=TODAY), months=12)
    assert report.cutoff == dt.date(2025, 11, 22)
    assert [(s.practice.slug, s.age_days) for s in report.stale] == [
        ("heel-oud", (TODAY - dt.date(2023, 2, 1)).days),
        ("oud", 366),
    ]
    assert [(c.practice.slug, c.contact.name) for c in report.without_email] == [("recent", "Bram Smit")]
    assert report.skipped == 1


def test_review_command(practices: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(practices)
    result = CliRunner().invoke(
        cli, ["--project", str(REPO), "review", ".", "--today", TODAY.isoformat(), "--months", "24"]
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    last_reviewed_line = MINIMAL.splitlines().index("last_reviewed: 2026-01-15") + 1
    bram_line = 1 + MINIMAL.splitlines().index("contacts: []") + CONTACTS.splitlines().index("  - name: Bram Smit")
    assert lines == [
        "Niet gecontroleerd sinds 2024-11-22 (24 maanden): 1 praktijkvoorbeeld",
        f"  heel-oud.md:{last_reviewed_line}: last_reviewed 2023-02-01 (1390 dagen geleden): "
        "Voorbeeldstad: heel-oud praktijkvoorbeeld",
        "Contactpersonen zonder e-mailadres: 1 contactpersoon",
        f"  recent.md:{bram_line}: Bram Smit (ROC Voorbeeldstad, telefoon 030 123 45 67)",
        "1 bestand met fouten overgeslagen; zie kennisbank check voor de meldingen.",
    ]


def test_review_of_the_real_practices_runs() -> None:
    result = CliRunner().invoke(cli, ["review", "--today", "2026-12-02"])
    assert result.exit_code == 0
    assert result.output.startswith("Niet gecontroleerd sinds 2025-12-02 (12 maanden): ")
