"""MkDocs hook: thin glue between MkDocs and the kennisbank package (all logic lives in ``site.py``).

Generates every page in memory on each build and each `mkdocs serve` reload, so there are no generated
files to commit or forget. In a build, content errors stop the build; in `mkdocs serve` they are shown
in the terminal and on every page while the last good version of the broken file stays online.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kennisbank.entry.git_history import read_history
from kennisbank.entry.lunr_files import lunr_outputs
from kennisbank.entry.mkdocs_dutch import speak_dutch, told_rebuilds
from kennisbank.errors import ContentError
from kennisbank.leaks import PageGuard, packaged_theme_dirs, site_leaks
from kennisbank.pages import Site, nav_with_term_pages
from kennisbank.render_limit import RenderLimit
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


class Run:
    """One MkDocs run, made in ``on_startup``: a build, or a `mkdocs serve` with all its rebuilds. All the
    hook remembers lives here: the content of the current (re)build and, while serving, the last good
    version of each file (``LastGood``), which lives as long as the server."""

    def __init__(self, serving: bool) -> None:
        self.serving = serving
        self.last_good = LastGood()
        self.render_limit = RenderLimit()
        self.content: SiteContent | None = None
        self.guard: PageGuard | None = None
        self.abbreviations_seen: dict[str, frozenset[str]] = {}  # line -> the abbreviations in it, this build

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        site = Site(
            url=config.site_url or "",
            repo_url=config.repo_url or "",
            intros=read_intros(Path(config.docs_dir)),
            history=read_history(_practices_dir(config)),  # git is I/O: read here, handed to the pages as data
        )
        if self.serving:  # never raises: problems go to the terminal and the banner, the last good site stays up
            content = self.last_good.build(site, _practices_dir(config))
        else:
            try:
                content = build_content(site, practices_dir=_practices_dir(config))
            except ContentError as exc:  # the vocabularies: without them no page can be made
                for problem in exc.problems:
                    log.error(str(problem))
                raise PluginError(f"{len(exc.problems)} fout(en) in de vaste lijsten (zie hierboven)") from None
        self.content = content
        self.guard = PageGuard(content.catalogue.practices)
        self.abbreviations_seen = {}
        if config.nav:  # each facet's section holds its term pages, so their tab is the current one
            config.nav = nav_with_term_pages(config.nav, content.catalogue)
        blocking = [p for p in content.problems if p.blocks_build]
        for problem in content.problems:
            # A build stops on errors and placeholders; other warnings (an old review date) are for
            # `kennisbank check` and must not stop publication. `mkdocs serve` shows everything.
            if self.serving:
                log.warning(str(problem))
            else:
                (log.error if problem.blocks_build else log.info)(str(problem))
        if blocking and not self.serving:
            raise PluginError(
                f"{len(blocking)} fout(en) of invulaanwijzing(en) in de praktijkvoorbeelden (zie hierboven)"
            )
        for file in files:
            if file.src_uri.endswith(".md") and not file.generated_by:
                file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
        for output in [*content.outputs, *lunr_outputs()]:
            existing = files.get_file_from_path(output.src_uri)
            if existing is not None:
                files.remove(existing)
            generated = File.generated(config, output.src_uri, content=output.content)
            generated.edit_uri = output.edit_path
            files.append(generated)
        return files

    def page_markdown(self, markdown: str) -> str:
        if self.content is None:
            return markdown
        banner = problems_banner(self.content.errors) if self.content.errors else ""
        return (
            banner + markdown + abbreviation_definitions(markdown, self.content.abbreviations, self.abbreviations_seen)
        )

    def published(self, document: str, page_path: str, source: str, config: MkDocsConfig) -> str:
        """The last wall: every page as a browser reads it, against the site's allow-list (``safety.py``)."""
        base = urlsplit(config.site_url or "/").path or "/"
        problems = unsafe_page(source, page_path, document, base, self.content.sources if self.content else ())
        if not problems:
            if self.guard is not None:
                self.guard.look(page_path, document)
            return document
        for problem in problems:
            log.error(str(problem))
        if not self.serving:
            raise PluginError(f"{page_path}: onveilige inhoud (zie hierboven)")
        return withheld_page(problems)

    def post_build(self, config: MkDocsConfig) -> None:
        """The last line of defence for withdrawn contacts: no written file may name one (see leaks.py)."""
        packaged = packaged_theme_dirs(config.theme.dirs, Path(config.config_file_path).parent)
        practices = self.content.catalogue.practices if self.content is not None else []
        problems = site_leaks(Path(config.site_dir), practices, packaged, self.guard)
        for problem in problems:
            log.error(str(problem))
        if problems and not self.serving:
            raise PluginError(
                f"{len(problems)} teruggetrokken contactpersoon/-personen in de gebouwde site (zie hierboven)"
            )


# MkDocs calls hooks as functions of this module, so the run they share must be reachable from here: this
# one reference, set by on_startup and cleared by on_shutdown, is the hook's only module-level state.
_run: Run | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _run
    _run = Run(serving=command == "serve")
    speak_dutch(logging.getLogger("mkdocs"))  # `mkdocs serve` and `mkdocs build`: the terminal in Dutch


def on_shutdown() -> None:
    global _run
    _run = None


def _current() -> Run:
    """The run of on_startup; a program that calls MkDocs' build() itself skips on_startup, and gets a build."""
    global _run
    if _run is None:
        _run = Run(serving=False)
    return _run


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.builder = told_rebuilds(server.builder, MkDocsException)  # a failed rebuild: Dutch, no traceback
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _current().files(files, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Material's templates put most of their {% ... %} tags on lines of their own, and each such line left
    # its line break and indentation in every page: without them a page is about 12% smaller, with the same
    # text (tests/test_site.py), and less for a visitor to download and for the walls to read.
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    run = _current()
    run.render_limit.arm(page.file.edit_uri or page.file.src_uri, markdown, PluginError)  # until on_page_content
    return run.page_markdown(markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _current().render_limit.disarm()
    return html


def on_build_error(error: Exception) -> None:
    _current().render_limit.disarm()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    source = page.file.edit_uri or page.file.src_uri
    return _current().published(without_repository_facts(output), page.file.dest_uri, source, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):  # sitemap.xml
        return output_content
    return _current().published(without_repository_facts(output_content), template_name, template_name, config)


def on_post_build(config: MkDocsConfig) -> None:
    _current().post_build(config)


def _practices_dir(config: MkDocsConfig) -> Path:
    """practices/ beside mkdocs.yml, so a copy of the project (tests, benchmarks) uses its own content."""
    return Path(config.config_file_path).parent / "practices"
