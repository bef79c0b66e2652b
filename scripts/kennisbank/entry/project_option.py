"""``kennisbank --project MAP``: which project a command works on, for every command of the group.

Found when a command needs it, not when the group starts, so that ``kennisbank <commando> --help`` works
anywhere. No project is wrong use: a Dutch message and exit code 2, no traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..project import Project, ProjectNotFound, find_project

project_option = click.option(
    "--project",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    metavar="MAP",
    help="Werk op de kennisbank in deze map (of de dichtstbijzijnde map erboven met mkdocs.yml); "
    "standaard die van de map waarin u staat.",
)


def current_project() -> Project:
    """The project of the running command: from ``--project`` or else the working directory, upwards."""
    context = click.get_current_context()
    given = context.find_root().params.get("project")
    try:
        return find_project(given if given is not None else Path.cwd())
    except ProjectNotFound as exc:
        click.echo(f"kennisbank: {exc}", err=True)
        context.exit(2)
