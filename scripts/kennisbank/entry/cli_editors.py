"""The editors' commands: ``kennisbank new``, ``schema`` and ``review``; ``cli.py`` adds them to the group.

Thin glue like the rest of the command line: the work happens in newpractice.py, json_schema.py and
review.py; here are only the questions, the messages and the exit codes (0 fine, 1 refused or out of
date, 2 wrong use). The modules for ``new`` and ``schema`` are imported when those commands run, so
that every other command (``check`` above all) starts without them.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from ..errors import display_path
from ..markup import plural
from ..pipeline import run
from ..review import DEFAULT_MONTHS, review
from ..vocabularies import Vocabulary, load_vocabularies
from .click_dutch import DutchCommand
from .project_option import current_project

T = TypeVar("T")

_TODAY = click.DateTime(formats=["%Y-%m-%d"])


@click.command(cls=DutchCommand)
@click.option("--title", metavar="TITEL", help="Titel, bijvoorbeeld 'Voorbeeldstad: jobcoach na school'.")
@click.option("--region", metavar="REGIO", help="Arbeidsmarktregio: id, naam of nummer uit de lijst.")
@click.option("--theme", "themes", metavar="THEMA", multiple=True, help="Thema (mag vaker); het belangrijkste eerst.")
@click.option("--target-group", "target_groups", metavar="DOELGROEP", multiple=True, help="Doelgroep (mag vaker).")
@click.option(
    "--phase", "phases", metavar="FASE", multiple=True, help="Fase in de route van school naar werk (mag vaker)."
)
@click.option("--slug", metavar="NAAM", help="Bestandsnaam zonder .md; standaard gemaakt uit de titel.")
@click.option(
    "--practices-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    show_default="practices/",
    help="Map waarin het nieuwe bestand komt.",
)
@click.option(
    "--today",
    type=_TODAY,
    default=None,
    metavar="JJJJ-MM-DD",
    help="Datum voor last_reviewed (JJJJ-MM-DD); standaard vandaag.",
)
def new(
    title: str | None,
    region: str | None,
    themes: tuple[str, ...],
    target_groups: tuple[str, ...],
    phases: tuple[str, ...],
    slug: str | None,
    practices_dir: Path | None,
    today: dt.datetime | None,
) -> None:
    """Maak een nieuw praktijkvoorbeeld uit het sjabloon.

    Vraagt naar de titel, de regio, de thema's en de doelgroepen (met de keuzes erbij), tenzij ze als
    optie zijn gegeven. Schrijft practices/<slug>.md en overschrijft nooit een bestaand bestand.
    """
    from ..newpractice import NewPracticeError, check_slug, create_practice, next_steps, parse_choices, title_problem
    from ..template import Draft

    project = current_project()
    practices_dir = project.practices_dir if practices_dir is None else practices_dir
    vocabularies = load_vocabularies(project.vocabularies_dir)
    day = today.date() if today else dt.date.today()
    try:
        region_ids = parse_choices(region, vocabularies.regions, multiple=False) if region else None
        theme_ids = _option_choices(themes, vocabularies.themes)
        group_ids = _option_choices(target_groups, vocabularies.target_groups)
        phase_ids = _option_choices(phases, vocabularies.phases)
        if slug is not None:
            check_slug(slug)
        if title is not None and title_problem(title):
            raise NewPracticeError(str(title_problem(title)))
    except NewPracticeError as exc:
        click.echo(f"fout: {exc}", err=True)
        sys.exit(2)

    if title is None or region_ids is None or not theme_ids or not group_ids:
        click.echo("Een nieuw praktijkvoorbeeld. Beantwoord de vragen; daarna staat er een bestand klaar.")
    if title is None:
        title = _ask(
            "Titel (bijvoorbeeld 'Voorbeeldstad: jobcoach na school')",
            lambda answer: _new_title(answer, practices_dir, slug, day),
        )
    region_ids = region_ids or _ask_choices(vocabularies.regions, "Regio (een nummer of id)", multiple=False)
    theme_ids = theme_ids or _ask_choices(
        vocabularies.themes, "Thema's (nummers of ids, met komma's ertussen; het belangrijkste eerst)", multiple=True
    )
    group_ids = group_ids or _ask_choices(
        vocabularies.target_groups, "Doelgroepen (nummers of ids, met komma's ertussen)", multiple=True
    )

    draft = Draft(title, region_ids[0], theme_ids, group_ids, day, phase_ids)
    try:
        path = create_practice(practices_dir, draft, vocabularies, slug)
    except NewPracticeError as exc:
        click.echo(f"fout: {exc}", err=True)
        sys.exit(1)
    click.echo(f"\nNieuw praktijkvoorbeeld: {display_path(path)}\n\nVolgende stappen:")
    for number, step in enumerate(next_steps(path), 1):
        click.echo(f"  {number}. {step}")


def _option_choices(values: tuple[str, ...], vocabulary: Vocabulary) -> tuple[str, ...]:
    from ..newpractice import parse_choices

    return parse_choices(",".join(values), vocabulary, multiple=True) if values else ()


def _new_title(answer: str, directory: Path, slug: str | None, today: dt.date) -> str:
    from ..newpractice import NewPracticeError, practice_path, title_problem
    from ..template import Draft

    problem = title_problem(answer)
    if problem:
        raise NewPracticeError(problem)
    path = practice_path(directory, Draft(answer, "", (), (), today), slug)
    if path.exists():
        raise NewPracticeError(f"{display_path(path)} bestaat al; kies een titel die dit voorbeeld onderscheidt")
    return " ".join(answer.split())


def _ask_choices(vocabulary: Vocabulary, question: str, multiple: bool) -> tuple[str, ...]:
    from ..newpractice import choices_table, parse_choices

    click.echo("")
    for line in choices_table(vocabulary):
        click.echo(line)
    return _ask(question, lambda answer: parse_choices(answer, vocabulary, multiple))


def _ask(question: str, parse: Callable[[str], T]) -> T:
    """Ask until the answer parses; a wrong answer gets a Dutch explanation, not a traceback."""
    from ..newpractice import NewPracticeError

    while True:
        answer = click.prompt(question, default="", show_default=False)
        try:
            return parse(answer)
        except NewPracticeError as exc:
            click.echo(f"  {exc}; probeer het nog eens.")


@click.command("schema", cls=DutchCommand)
@click.option("--check", "check_only", is_flag=True, help="Schrijf niets; exitcode 1 als het schema verouderd is.")
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    show_default="practices/schema.json",
    help="Waar het schema komt.",
)
def schema_command(check_only: bool, output: Path | None) -> None:
    """Maak practices/schema.json, het JSON Schema van de front matter, opnieuw.

    Nodig na een wijziging in de vaste lijsten of in de velden; editors gebruiken het schema om
    tijdens het typen keuzes voor te stellen en fouten aan te wijzen.
    """
    from ..json_schema import is_current, render_schema

    project = current_project()
    output = project.schema_file if output is None else output
    vocabularies = load_vocabularies(project.vocabularies_dir)
    if check_only:
        if is_current(output, vocabularies):
            click.echo(f"{display_path(output)} is bij.")
            return
        click.echo(f"{display_path(output)} is verouderd; maak het opnieuw met: kennisbank schema", err=True)
        sys.exit(1)
    output.write_text(render_schema(vocabularies), encoding="utf-8")
    click.echo(f"Geschreven: {display_path(output)}")


@click.command("review", cls=DutchCommand)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PAD]...")
@click.option(
    "--months",
    type=click.IntRange(min=0),
    default=DEFAULT_MONTHS,
    metavar="MAANDEN",
    show_default=True,
    help="Meld voorbeelden die langer dan zoveel maanden niet zijn gecontroleerd.",
)
@click.option(
    "--today", type=_TODAY, default=None, metavar="JJJJ-MM-DD", help="Rekenen alsof het deze datum is (JJJJ-MM-DD)."
)
def review_command(paths: tuple[Path, ...], months: int, today: dt.datetime | None) -> None:
    """Toon wat redacteuren opnieuw moeten bekijken.

    Praktijkvoorbeelden waarvan last_reviewed ouder is dan --months maanden, en contactpersonen
    zonder e-mailadres. Alleen ter informatie: de exitcode is 0.
    """
    project = current_project()
    vocabularies = load_vocabularies(project.vocabularies_dir)
    state = run(list(paths) or [project.practices_dir], vocabularies, today.date() if today else None)
    report = review(state, months)
    click.echo(
        f"Niet gecontroleerd sinds {report.cutoff.isoformat()} ({months} maanden): "
        f"{plural(len(report.stale), 'praktijkvoorbeeld', 'praktijkvoorbeelden')}"
    )
    for stale in report.stale:
        click.echo(
            f"  {stale.display}:{stale.line}: last_reviewed {stale.practice.last_reviewed.isoformat()} "
            f"({stale.age_days} dagen geleden): {stale.practice.title}"
        )
    click.echo(
        f"Contactpersonen zonder e-mailadres: {plural(len(report.without_email), 'contactpersoon', 'contactpersonen')}"
    )
    for entry in report.without_email:
        phone = f", telefoon {entry.contact.phone}" if entry.contact.phone else ", geen telefoon"
        click.echo(f"  {entry.display}:{entry.line}: {entry.contact.name} ({entry.contact.organisation}{phone})")
    if report.skipped:
        click.echo(
            f"{plural(report.skipped, 'bestand', 'bestanden')} met fouten overgeslagen; "
            "zie kennisbank check voor de meldingen."
        )
    if report.empty:
        click.echo("Niets te doen.")


EDITOR_COMMANDS: tuple[click.Command, ...] = (new, schema_command, review_command)
