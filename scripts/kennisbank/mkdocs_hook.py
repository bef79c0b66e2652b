"""MkDocs hook: thin glue between MkDocs and the kennisbank package (all logic lives in ``site.py``).

Generates every page in memory on each build and each `mkdocs serve` reload, so there are no generated
files to commit or forget. In a build, content errors stop the build; in `mkdocs serve` they are shown
in the terminal and on every page while the last good version of the broken file stays online.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kennisbank import render_limit
from kennisbank.pages import Site
from kennisbank.site import (
    SiteContent,
    abbreviation_definitions,
    build_content,
    problems_banner,
    read_intros,
    unsafe_content,
    withheld_content,
    without_repository_facts,
)

log = logging.getLogger("mkdocs.hooks.kennisbank")
_state: dict[str, Any] = {"command": "build", "content": None}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_files(files: Files, config: MkDocsConfig) -> Files:
    serving = _state["command"] == "serve"
    site = Site(url=config.site_url or "", intros=read_intros(Path(config.docs_dir)))
    content = build_content(site, practices_dir=_practices_dir(config), keep_last_good=serving)
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
    """A second line of defence behind the validator: never publish scripts, event handlers or unsafe links."""
    render_limit.disarm()
    problems = unsafe_content(page.file.edit_uri or page.file.src_uri, html)
    if not problems:
        return html
    for problem in problems:
        log.error(str(problem))
    if _state["command"] != "serve":
        raise PluginError(f"{page.file.src_uri}: onveilige inhoud (zie hierboven)")
    return withheld_content(problems)


def on_build_error(error: Exception) -> None:
    render_limit.disarm()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return without_repository_facts(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return without_repository_facts(output_content)  # 404.html is a template, not a page


def _practices_dir(config: MkDocsConfig) -> Path:
    """practices/ beside mkdocs.yml, so a copy of the project (tests, benchmarks) uses its own content."""
    return Path(config.config_file_path).parent / "practices"
