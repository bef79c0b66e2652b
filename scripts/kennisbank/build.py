"""Build the site strictly beside the current one and swap only on success."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from .errors import KennisbankError


class BuildFailed(KennisbankError):
    """MkDocs reported errors (or warnings, which are errors in a strict build)."""


def build_site(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f".{site_dir.name}-new")
    retired = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(staging, ignore_errors=True)
    messages = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(messages)
    try:
        config = load_config(config_file=str(config_file), strict=True, site_dir=str(staging))
        build(config)
    except (MkDocsException, KennisbankError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed("\n".join([*messages.lines, str(exc)])) from None
    finally:
        logger.removeHandler(messages)
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)


class _Collector(logging.Handler):
    """Keeps MkDocs' warnings and errors, to report them together when the build fails."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())
