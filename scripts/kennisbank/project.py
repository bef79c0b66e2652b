"""The project a command works on: the folder that holds ``mkdocs.yml``, with ``practices/`` beside it.

Found as MkDocs and git find theirs: from the folder you stand in (or the one ``--project`` names) up to
the nearest that holds ``mkdocs.yml``. Nothing here derives from where the package is installed, so a
second checkout that shares the first one's ``.venv`` works on its own files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .addresses import PRACTICES_FOLDER
from .errors import KennisbankError
from .names import SCHEMA_FILE, VOCABULARY_FOLDER

CONFIG_FILE = "mkdocs.yml"


class ProjectNotFound(KennisbankError):
    """No folder from the start upwards holds ``mkdocs.yml``."""


@dataclass(frozen=True)
class Project:
    """A project's folder (absolute) and the paths the commands read and write below it."""

    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def practices_dir(self) -> Path:
        return self.root / PRACTICES_FOLDER

    @property
    def vocabularies_dir(self) -> Path:
        return self.practices_dir / VOCABULARY_FOLDER

    @property
    def schema_file(self) -> Path:
        return self.practices_dir / SCHEMA_FILE

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def pdf_dir(self) -> Path:
        return self.root / "pdf"


def find_project(start: Path) -> Project:
    """The nearest folder from ``start`` upwards that holds ``mkdocs.yml``."""
    start = Path(os.path.abspath(start))  # not resolve(): a symlinked checkout keeps the name it is used by
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return Project(folder)
    raise ProjectNotFound(
        f"geen project gevonden: er staat geen {CONFIG_FILE} in {start} of een map erboven. "
        "Ga naar de map van de kennisbank of geef --project MAP."
    )
