"""The command line for editors: ``kennisbank check``, ``build``, ``new``, ``search``, ``review``, ...

Thin glue: each command parses its options, calls the package, and turns problems into messages and
exit codes (0 fine, 1 content errors, 2 wrong use, 3 the machine stopped it: another build, a full disk,
no rights; 128 + signal when interrupted). Nothing below this module prints or exits.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import click

from ..errors import KennisbankError, Problem, sorted_problems
from ..facets import FACETS
from ..markup import plural
from ..pipeline import run
from ..vocabularies import VocabularyError, load_vocabularies
from .annotations import github_annotation
from .cli_editors import EDITOR_COMMANDS
from .click_dutch import DutchGroup
from .project_option import current_project, project_option


@click.group(cls=DutchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kennisbank")
@project_option
def cli(project: Path | None) -> None:
    """Kennisbank Aanpak Jeugdwerkloosheid: controleer, zoek en bouw de praktijkvoorbeelden."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PAD]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default=None,
    help="Uitvoer: gewone regels, of GitHub-annotaties (standaard in GitHub Actions).",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="JJJJ-MM-DD",
    help="Controleer alsof het deze datum is (JJJJ-MM-DD), voor reproduceerbare controles.",
)
def check(paths: tuple[Path, ...], output_format: str | None, today: dt.datetime | None) -> None:
    """Controleer praktijkvoorbeelden (standaard: de hele map practices/).

    Meldt elk probleem als 'pad:regel: veld: melding' en sluit af met een samenvatting.
    Exitcode 0 als alles klopt (waarschuwingen mogen), 1 bij fouten.
    """
    fmt = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    project = current_project()
    try:
        vocabularies = load_vocabularies(project.vocabularies_dir)
        state = run(
            list(paths) or [project.practices_dir],
            vocabularies,
            today.date() if today else None,
            collection=project.practices_dir,
        )
    except VocabularyError as exc:  # without its vocabularies no practice can be checked
        _echo_problems(exc.problems, fmt)
        count = plural(len(exc.problems), "fout", "fouten")
        click.echo(f"{count} in de vaste lijsten; de praktijkvoorbeelden zijn niet gecontroleerd.")
        sys.exit(1)
    problems = _echo_problems(state.problems, fmt)
    click.echo(summary(state.files, problems))
    if state.errors:
        sys.exit(1)


def _echo_problems(problems: Iterable[Problem], fmt: str) -> list[Problem]:
    ordered = sorted_problems(problems)
    for problem in ordered:
        click.echo(github_annotation(problem, os.environ.get("GITHUB_WORKSPACE")) if fmt == "github" else str(problem))
    return ordered


def summary(files: int, problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    checked = f"{plural(files, 'bestand', 'bestanden')} gecontroleerd"
    if not problems:
        return f"{checked}: alles in orde."
    parts = []
    if errors:
        parts.append(plural(errors, "fout", "fouten"))
    if warnings:
        parts.append(plural(warnings, "waarschuwing", "waarschuwingen"))
    return f"{checked}: {' en '.join(parts)}."


@cli.command()
@click.option(
    "--site-dir", type=click.Path(path_type=Path), default=None, show_default="site/", help="Map voor de gebouwde site."
)
@click.option(
    "--config-file",
    type=click.Path(path_type=Path),
    default=None,
    show_default="mkdocs.yml",
    help="Het configuratiebestand van MkDocs.",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=None,
    metavar="SECONDEN",
    show_default="900",
    help="Wacht hoogstens zo veel seconden tot een andere bouw van dezelfde map klaar is.",
)
def build(site_dir: Path | None, config_file: Path | None, wait: float | None) -> None:
    """Bouw de site streng (waarschuwingen en kapotte links zijn fouten) in site/.

    De site wordt ernaast gebouwd en pas na succes verwisseld: een mislukte of afgebroken bouw laat de
    vorige site/ precies zoals hij was. Er bouwt er één tegelijk; een tweede bouw wacht.
    Exitcode 0 als het lukt, 1 bij fouten in de inhoud, 3 als de machine het tegenhoudt (een andere
    bouw, een volle schijf, geen toestemming).
    """
    from .build import DEFAULT_WAIT_SECONDS, BuildBlocked, BuildFailed, build_site

    if site_dir is None or config_file is None:  # both given: no project needed
        project = current_project()
        site_dir = project.site_dir if site_dir is None else site_dir
        config_file = project.config_file if config_file is None else config_file

    def say(message: str) -> None:
        click.echo(message, err=True)

    try:
        build_site(config_file, site_dir, DEFAULT_WAIT_SECONDS if wait is None else wait, notify=say)
    except BuildFailed as exc:
        say(str(exc))
        say(f"Bouwen mislukt; {site_dir} is ongewijzigd." if exc.site_kept else "Bouwen mislukt.")
        sys.exit(3 if isinstance(exc, BuildBlocked) else 1)
    except KeyboardInterrupt as exc:
        say(f"Bouwen afgebroken; {site_dir} is ongewijzigd.")
        sys.exit(128 + getattr(exc, "signal_number", signal.SIGINT))
    click.echo(f"Site gebouwd in {site_dir}")


def facet_options(command: Callable[..., None]) -> Callable[..., None]:
    """One filter option per facet (--theme, --region ...), each keyed by the facet's field."""
    for facet in reversed(FACETS):
        this = "deze" if facet.vocabulary.each == "elke" else "dit"
        command = click.option(
            facet.option,
            facet.name,
            multiple=True,
            metavar="ID",
            help=f"Alleen {this} {facet.vocabulary.label} (id, bijv. {facet.example}); mag vaker.",
        )(command)
    return command


@cli.command()
@click.argument("query", metavar="ZOEKTERMEN")
@facet_options
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON: path, slug, title en score, beste eerst.")
@click.option(
    "--limit", type=click.IntRange(min=0), default=None, metavar="N", help="Toon de eerste N (0: alle; standaard 10)."
)
@click.option(
    "--prefix",
    is_flag=True,
    help="Het laatste woord is nog niet af en telt ook als begin van een woord, zoals op /zoeken/ tijdens het "
    "typen (een spatie aan het eind maakt het af).",
)
def search(query: str, as_json: bool, limit: int | None, prefix: bool, **selected: tuple[str, ...]) -> None:
    """Zoek praktijkvoorbeelden met dezelfde index en rangorde als de zoekpagina /zoeken/."""
    from ..pipeline import build_catalogue
    from ..search.index import build_search_data
    from ..search.query import Filters, Searcher
    from .search_report import as_json as json_report
    from .search_report import human

    project = current_project()
    catalogue = build_catalogue([project.practices_dir], load_vocabularies(project.vocabularies_dir))
    filters = {}
    for facet in FACETS:
        vocab = catalogue.vocabularies.by_key(facet.key)
        unknown = [value for value in selected[facet.name] if value not in vocab]
        if unknown:
            raise click.BadParameter(
                f"onbekend: {', '.join(unknown)}; kies uit: {', '.join(vocab.ids)}", param_hint=facet.option
            )
        filters[facet.name] = frozenset(selected[facet.name])
    searcher = Searcher(build_search_data(catalogue))
    results = searcher.search(query, Filters(filters), prefix)
    if as_json:
        click.echo(json_report(results, limit or 0))
    else:
        terms = searcher.terms(query, prefix)
        click.echo(human(query, terms, searcher.unmatched(terms), results, 10 if limit is None else limit))


@cli.command()
@click.option(
    "--site-dir", type=click.Path(path_type=Path), default=None, show_default="site/", help="De gebouwde site."
)
@click.option(
    "--out-dir", type=click.Path(path_type=Path), default=None, show_default="pdf/", help="Map voor de pdf's."
)
@click.option(
    "--chromium",
    type=click.Path(path_type=Path),
    envvar="KENNISBANK_CHROMIUM",
    default="/usr/bin/chromium",
    show_default=True,
    help="De Chromium die de pdf's afdrukt (of KENNISBANK_CHROMIUM).",
)
def pdf(site_dir: Path | None, out_dir: Path | None, chromium: Path) -> None:
    """Maak van elk thema-, doelgroep- en regio-overzicht van een gebouwde site een pdf.

    De pdf's zijn getagd en hebben de taal nl, zodat ze toegankelijk zijn. Bouw de site eerst
    (make pdf doet beide).
    """
    from .pdf import make_pdfs

    if site_dir is None or out_dir is None:  # both given: no project needed
        project = current_project()
        site_dir = project.site_dir if site_dir is None else site_dir
        out_dir = project.pdf_dir if out_dir is None else out_dir
    written = make_pdfs(site_dir, out_dir, chromium)
    click.echo(f"{len(written)} pdf's gemaakt in {out_dir}")


for _command in EDITOR_COMMANDS:
    cli.add_command(_command)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KennisbankError as exc:
        click.echo(f"fout: {exc}", err=True)
        sys.exit(1)
