"""The projects the benchmarks build, in benchmarks/work/ (gitignored), one folder per size:

ours/    a copy of the project (like tests/conftest.py's copy_project) with real + synthetic practices
bare/    the same practices as plain Markdown pages, MkDocs + Material without our hook
hugo/    the same plain pages for Hugo, with a minimal layout and no theme
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kennisbank.load import load_file

from .synthetic import PRACTICES, REPO, Source, read_source, write_practices

WORK = Path(__file__).resolve().parent / "work"


@dataclass(frozen=True)
class Projects:
    size: int
    root: Path

    @property
    def ours(self) -> Path:
        return self.root / "ours"

    @property
    def practices(self) -> Path:
        return self.ours / "practices"

    @property
    def bare(self) -> Path:
        return self.root / "bare"

    @property
    def hugo(self) -> Path:
        return self.root / "hugo"


def make_projects(size: int, work: Path = WORK, source: Source | None = None) -> Projects:
    """All three projects for ``size`` practices in total (the real ones plus synthetic ones)."""
    projects = Projects(size, work / str(size))
    shutil.rmtree(projects.root, ignore_errors=True)
    projects.ours.mkdir(parents=True)
    copy_project(projects.ours)
    real = len(list(PRACTICES.glob("*.md")))
    if size < real:
        raise ValueError(f"size {size} is below the {real} real practices the site's pages link to")
    write_practices(projects.practices, size - real, source=source or read_source())
    pages = plain_pages(projects.practices)
    write_bare(projects.bare, pages)
    write_hugo(projects.hugo, pages)
    return projects


def copy_project(destination: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(REPO / "docs", destination / "docs")
    shutil.copytree(REPO / "overrides", destination / "overrides")
    (destination / "scripts" / "kennisbank" / "entry").mkdir(parents=True)
    shutil.copy(
        REPO / "scripts" / "kennisbank" / "entry" / "mkdocs_hook.py", destination / "scripts" / "kennisbank" / "entry"
    )
    shutil.copytree(PRACTICES / "vocabularies", destination / "practices" / "vocabularies")
    for path in sorted(PRACTICES.glob("*.md")):
        shutil.copy(path, destination / "practices" / path.name)


def plain_pages(practices: Path) -> dict[str, tuple[str, str]]:
    """slug -> (title, Markdown body with the summary): the content without our pipeline's extras."""
    pages = {}
    for path in sorted(practices.glob("*.md")):
        raw, problems = load_file(path, practices)
        if raw is None:
            raise RuntimeError(f"{path}: {problems}")
        pages[raw.slug] = (str(raw.meta["title"]), f"{' '.join(str(raw.meta['summary']).split())}\n\n{raw.body}")
    return pages


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: ``!ENV [NAME, default]`` becomes its default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def bare_config() -> dict[str, Any]:
    """Our mkdocs.yml without the hook, its extra CSS and our header, with Material's own search (as a
    plain Material site has it; the browser benchmark compares it with the finder), and with a nav that,
    like ours, does not list every practice (a sidebar listing every page makes the build quadratic)."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    for key in ("hooks", "extra_css", "extra_javascript", "repo_url", "repo_name", "edit_uri"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = [{"search": {"lang": "nl"}}]
    config["theme"]["features"] = [f for f in config["theme"]["features"] if f != "content.action.edit"]
    config["nav"] = [{"Home": "index.md"}]
    return config


def write_bare(root: Path, pages: dict[str, tuple[str, str]]) -> None:
    docs = root / "docs" / "praktijkvoorbeelden"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(bare_config(), allow_unicode=True, sort_keys=False))
    (root / "docs" / "index.md").write_text("# Kennisbank\n\nPraktijkvoorbeelden.\n", encoding="utf-8")
    for slug, (title, body) in pages.items():
        (docs / f"{slug}.md").write_text(f"# {title}\n\n{body}", encoding="utf-8")


HUGO_CONFIG = """\
baseURL = "https://kennisbank.example/"
languageCode = "nl"
title = "Kennisbank"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.renderer]
unsafe = false
"""

HUGO_LAYOUT = """\
<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""

HUGO_LIST = """\
<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p>{{ len .Pages }} pagina's</p></main></body></html>
"""


def write_hugo(root: Path, pages: dict[str, tuple[str, str]]) -> None:
    content = root / "content" / "praktijkvoorbeelden"
    content.mkdir(parents=True)
    layouts = root / "layouts"
    layouts.mkdir()
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (layouts / "single.html").write_text(HUGO_LAYOUT, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    (layouts / "home.html").write_text(HUGO_LIST, encoding="utf-8")
    for slug, (title, body) in pages.items():
        front = yaml.safe_dump({"title": title}, allow_unicode=True)
        (content / f"{slug}.md").write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
