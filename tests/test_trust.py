"""What a reader can rely on: the source's date as the practice's date, the review date's meaning, the notice
on old sources, the evidence label's disclaimer and whom to ask without a contact; on pages, in print and in
the export (issue 18)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from kennisbank.catalogue import Catalogue
from kennisbank.model import Practice
from kennisbank.pages import Site, generate
from kennisbank.pages.practice import practice_markdown
from kennisbank.pages.printing import overview
from kennisbank.pages.trust import EVIDENCE_NOTE, source_end, source_is_old

from .conftest import FIXTURES, repo_catalogue

REPO_URL = "https://git.example/kb"
SLUG = "voorbeeldstad-jobcoach-na-school"  # its source: 'april 2022', reviewed 2026-01-15


def site(today: dt.date) -> Site:
    return Site(url="https://kennisbank.example/", today=today, repo_url=REPO_URL)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return repo_catalogue([FIXTURES / "catalogue"], today=dt.date(2026, 11, 22))


def with_source(practice: Practice, **changes: str) -> Practice:
    return dataclasses.replace(practice, source=dataclasses.replace(practice.source, **changes))


@pytest.mark.parametrize(
    ("date", "end"),
    [("2022", dt.date(2022, 12, 31)), ("2022-02", dt.date(2022, 2, 28)), ("2024-02", dt.date(2024, 2, 29)),
     ("2022-04-15", dt.date(2022, 4, 15))],
)  # fmt: skip
def test_a_partial_date_ends_on_the_last_day_it_can_mean(date: str, end: dt.date) -> None:
    assert source_end(date) == end


@pytest.mark.parametrize(
    ("date", "today", "old"),
    [
        ("2022-04", dt.date(2025, 4, 30), False),  # three years to the day after the month's end: not older
        ("2022-04", dt.date(2025, 5, 1), True),
        ("2022", dt.date(2025, 12, 31), False),  # a year counts from its last day
        ("2022", dt.date(2026, 1, 1), True),
        ("", dt.date(2040, 1, 1), False),  # no date: the page says so instead
    ],
)
def test_a_source_is_old_after_three_years(catalogue: Catalogue, date: str, today: dt.date, old: bool) -> None:
    assert source_is_old(with_source(catalogue.by_slug(SLUG), date=date), today) is old


def test_page_shows_the_source_date_and_what_the_review_date_means(catalogue: Catalogue) -> None:
    page = practice_markdown(catalogue.by_slug(SLUG), catalogue.vocabularies, site(dt.date(2024, 1, 1)))
    assert "Bron: april 2022 · Deze tekst is door de redactie vergeleken met de bron op 15 januari 2026." in page
    assert "Vergeleken met de bron\n:   15 januari 2026" in page
    assert "Laatst gecontroleerd" not in page


def test_page_of_an_old_source_has_the_notice_with_the_change_form(catalogue: Catalogue) -> None:
    practice = catalogue.by_slug(SLUG)
    new = practice_markdown(practice, catalogue.vocabularies, site(dt.date(2025, 4, 30)))
    old = practice_markdown(practice, catalogue.vocabularies, site(dt.date(2025, 5, 1)))
    assert "Bron ouder dan drie jaar" not in new and "Meld een wijziging" not in new
    assert '!!! warning "Bron ouder dan drie jaar"' in old
    assert "De bron is van april 2022, meer dan drie jaar geleden. De situatie kan sindsdien veranderd zijn." in old
    target = old.split("[Meld een wijziging](", 1)[1].split(")", 1)[0]
    parts = urlsplit(target)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/issues/new"
    query = parse_qs(parts.query)
    assert query == {
        "template": ["gegevens-wijzigen.yml"],
        "pagina": [f"https://kennisbank.example/praktijkvoorbeelden/{SLUG}/"],
    }


def test_the_change_form_the_notice_opens_has_the_field_it_fills_in() -> None:
    import yaml

    from kennisbank.addresses import CHANGE_REQUEST_FORM

    from .conftest import REPO

    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / CHANGE_REQUEST_FORM).read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert fields["pagina"]["type"] == "input"
    assert any("situatie is veranderd" in option for option in fields["verzoek"]["attributes"]["options"])


def test_page_without_a_source_date_says_so(catalogue: Catalogue) -> None:
    practice = with_source(catalogue.by_slug(SLUG), date="")
    page = practice_markdown(practice, catalogue.vocabularies, site(dt.date(2040, 1, 1)))
    assert "Bron: zonder datum (de bron noemt geen datum, dus hoe oud de gegevens zijn is niet bekend)" in page
    assert "Bron ouder dan" not in page


def test_evidence_label_says_whose_reading_it_is(catalogue: Catalogue) -> None:
    outputs = {o.src_uri: o.content for o in generate(catalogue, site(dt.date(2026, 11, 22)))}
    for practice in catalogue.practices:
        page = outputs[practice.src_uri]
        assert isinstance(page, str)
        panel_row = page.split("Bewijsniveau\n:   ", 1)[1].split("\n\n", 1)[0]
        assert EVIDENCE_NOTE in panel_row
    assert EVIDENCE_NOTE in str(outputs["bewijsladder/index.md"])
    assert "Movisie" in EVIDENCE_NOTE and "NJi" in EVIDENCE_NOTE


def test_without_contacts_the_page_names_the_organisation_the_source_gives(catalogue: Catalogue) -> None:
    bare = next(p for p in catalogue.practices if not p.contacts)
    plain = practice_markdown(bare, catalogue.vocabularies, site(dt.date(2026, 11, 22)))
    assert "De bron noemt geen contactpersoon. [Hoe wij" in plain  # nothing to add where the source names no one
    fallback = with_source(
        bare,
        organisation="Gemeente Voorbeeldstad",
        organisation_url="https://www.voorbeeldstad.example/jongeren",
        organisation_email="info@voorbeeldstad.example",
    )
    page = practice_markdown(fallback, catalogue.vocabularies, site(dt.date(2026, 11, 22)))
    assert (
        "De bron noemt geen contactpersoon. Voor vragen noemt de bron: Gemeente Voorbeeldstad, "
        "[https://www.voorbeeldstad.example/jongeren](https://www.voorbeeldstad.example/jongeren), "
        "[info@voorbeeldstad.example](mailto:info@voorbeeldstad.example)."
    ) in page
    printed = overview(
        Catalogue([fallback], catalogue.vocabularies),
        catalogue.vocabularies.regions,
        catalogue.vocabularies.regions[fallback.region],
        site(dt.date(2026, 11, 22)),
    )
    assert "**Contact:** de bron noemt geen contactpersoon. Voor vragen noemt de bron: Gemeente Voorbeeldstad, " in (
        printed
    )


def test_print_overview_carries_the_dates(catalogue: Catalogue) -> None:
    practice = catalogue.by_slug(SLUG)
    vocab = catalogue.vocabularies.themes
    term = vocab["nazorg"]
    new = overview(catalogue, vocab, term, site(dt.date(2024, 1, 1)))
    old = overview(catalogue, vocab, term, site(dt.date(2026, 11, 22)))
    assert "**Bronnen:** april 2022\n{: .kb-print-intro }" in new
    assert "**Bronnen:** april 2022; 1 bron ouder dan drie jaar: de situatie kan veranderd zijn" in old
    assert "(door de redactie vergeleken met de bron op 15 januari 2026)  \n" in new
    assert "ouder dan drie jaar" not in new
    assert "(door de redactie vergeleken met de bron op 15 januari 2026; ouder dan drie jaar, de situatie kan" in old
    undated = Catalogue([with_source(practice, date="")], catalogue.vocabularies)
    assert "**Bronnen:** zonder datum\n" in overview(undated, vocab, term, site(dt.date(2026, 11, 22)))


def test_export_carries_the_dates(catalogue: Catalogue) -> None:
    def export(today: dt.date) -> tuple[dict, list[dict[str, str]]]:  # type: ignore[type-arg]
        outputs = {o.src_uri: o.content for o in generate(catalogue, site(today))}
        rows = list(csv.DictReader(io.StringIO(str(outputs["catalogus.csv"]))))
        return json.loads(str(outputs["catalogus.json"])), rows

    document, rows = export(dt.date(2024, 1, 1))
    assert document["generated"] == "2024-01-01"
    by_slug = {r["slug"]: r for r in document["practices"]}
    rows_by_slug = {r["slug"]: r for r in rows}
    for practice in catalogue.practices:
        record, row = by_slug[practice.slug], rows_by_slug[practice.slug]
        assert record["source_date"] == row["source_date"] == practice.source.date
        assert record["last_reviewed"] == row["last_reviewed"] == practice.last_reviewed.isoformat()
        assert record["source_is_old"] is source_is_old(practice, dt.date(2024, 1, 1))
        assert row["source_is_old"] == ("ja" if record["source_is_old"] else "nee")
        assert {"organisation", "organisation_url", "organisation_email"} <= set(record["source"])
        assert "source_organisation_url" in row
    assert by_slug[SLUG]["source_is_old"] is False
    later, later_rows = export(dt.date(2026, 11, 22))
    assert next(r for r in later["practices"] if r["slug"] == SLUG)["source_is_old"] is True
    assert next(r for r in later_rows if r["slug"] == SLUG)["source_is_old"] == "ja"


def test_practice_file_may_not_take_a_list_slug() -> None:
    from kennisbank.addresses import PRACTICE_LIST_SORTS
    from kennisbank.names import name_problem

    assert set(PRACTICE_LIST_SORTS.values()) == {"op-regio", "op-datum"}
    assert name_problem("op-regio.md") == (
        "bestandsnaam 'op-regio.md' is gereserveerd voor de site zelf (de pagina kwam niet op "
        "/praktijkvoorbeelden/op-regio/ te staan); kies een naam die zegt wat het voorbeeld is, "
        "bijvoorbeeld 'plaats-aanpak.md'"
    )
    assert name_problem("op-datum.md") is not None
    assert name_problem("op-regio-twente.md") is None
