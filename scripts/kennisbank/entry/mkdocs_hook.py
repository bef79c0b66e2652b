"""MkDocs hook: thin glue between MkDocs and the kennisbank package (all logic lives in ``site.py``).

Generates every page in memory on each build and each `mkdocs serve` reload, so there are no generated
files to commit or forget. In a build, content errors stop the build; in `mkdocs serve` they are shown
in the terminal and on every page while the last good version of the broken file stays online.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kennisbank import render_limit
from kennisbank.errors import ContentError
from kennisbank.leaks import packaged_theme_dirs, site_leaks
from kennisbank.pages import Site
from kennisbank.site import (
    LastGood,
    SiteContent,
    abbreviation_definitions,
    build_content,
    problems_banner,
    read_intros,
    unsafe_page,
    withheld_page,
    without_repository_facts,
)

log = logging.getLogger("mkdocs.hooks.kennisbank")
_state: dict[str, Any] = {"command": "build", "content": None, "last_good": LastGood()}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["last_good"] = LastGood()  # what this `mkdocs serve` shows while a file is broken


def on_files(files: Files, config: MkDocsConfig) -> Files:
    serving = _state["command"] == "serve"
    site = Site(url=config.site_url or "", intros=read_intros(Path(config.docs_dir)))
    if serving:  # never raises: problems go to the terminal and the banner, the last good site stays up
        content = _state["last_good"].build(site, _practices_dir(config))
    else:
        try:
            content = build_content(site, practices_dir=_practices_dir(config))
        except ContentError as exc:  # the vocabularies: without them no page can be made
            for problem in exc.problems:
                log.error(str(problem))
            raise PluginError(f"{len(exc.problems)} fout(en) in de vaste lijsten (zie hierboven)") from None
    _state["content"] = content
    blocking = [p for p in content.problems if p.blocks_build]
    for problem in content.problems:
        # A build stops on errors and placeholders; other warnings (an old review date) are for
        # `kennisbank check` and must not stop publication. `mkdocs serve` shows everything.
        if serving:
            log.warning(str(problem))
        else:
            (log.error if problem.blocks_build else log.info)(str(problem))
    if blocking and not serving:
        raise PluginError(f"{len(blocking)} fout(en) of invulaanwijzing(en) in de praktijkvoorbeelden (zie hierboven)")
    for file in files:
        if file.src_uri.endswith(".md") and not file.generated_by:
            file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
    for output in content.outputs:
        existing = files.get_file_from_path(output.src_uri)
        if existing is not None:
            files.remove(existing)
        generated = File.generated(config, output.src_uri, content=output.content)
        generated.edit_uri = output.edit_path
        files.append(generated)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    render_limit.arm(page.file.edit_uri or page.file.src_uri, markdown, PluginError)  # until on_page_content
    content: SiteContent | None = _state["content"]
    if content is None:
        return markdown
    banner = problems_banner(content.errors) if content.errors else ""
    return banner + markdown + abbreviation_definitions(markdown, content.abbreviations)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    render_limit.disarm()
    return html


def on_build_error(error: Exception) -> None:
    render_limit.disarm()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _published(
        without_repository_facts(output), page.file.dest_uri, page.file.edit_uri or page.file.src_uri, config
    )


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):  # sitemap.xml
        return output_content
    return _published(without_repository_facts(output_content), template_name, template_name, config)  # 404.html


def _published(document: str, page_path: str, source: str, config: MkDocsConfig) -> str:
    """The last wall: every page as a browser reads it, against the site's allow-list (``safety.py``)."""
    content: SiteContent | None = _state["content"]
    base = urlsplit(config.site_url or "/").path or "/"
    problems = unsafe_page(source, page_path, document, base, content.sources if content else ())
    if not problems:
        return document
    for problem in problems:
        log.error(str(problem))
    if _state["command"] != "serve":
        raise PluginError(f"{page_path}: onveilige inhoud (zie hierboven)")
    return withheld_page(problems)


def on_post_build(config: MkDocsConfig) -> None:
    """The last line of defence for withdrawn contacts: no written file may name one (see leaks.py)."""
    content: SiteContent | None = _state["content"]
    packaged = packaged_theme_dirs(config.theme.dirs, Path(config.config_file_path).parent)
    practices = content.catalogue.practices if content is not None else []
    problems = site_leaks(Path(config.site_dir), practices, packaged)
    for problem in problems:
        log.error(str(problem))
    if problems and _state["command"] != "serve":
        raise PluginError(
            f"{len(problems)} teruggetrokken contactpersoon/-personen in de gebouwde site (zie hierboven)"
        )


def _practices_dir(config: MkDocsConfig) -> Path:
    """practices/ beside mkdocs.yml, so a copy of the project (tests, benchmarks) uses its own content."""
    return Path(config.config_file_path).parent / "practices"
