"""What every generator shares: the output type and what it needs to know about the site."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..history import FileHistory


@dataclass(frozen=True)
class Output:
    """One generated file: a Markdown page (``.md``) or a data file, by its path below ``docs/``."""

    src_uri: str
    content: str | bytes
    edit_path: str | None = None  # the repository file an editor changes to change this page

    @property
    def is_page(self) -> bool:
        return self.src_uri.endswith(".md")


@dataclass(frozen=True)
class Site:
    """Facts about the site that pages print: its address, and handwritten introductions to splice in."""

    url: str = ""  # the public address, ending in '/'; printed overviews write it out
    today: dt.date = field(default_factory=dt.date.today)  # the build date: how old a source is counts from here
    repo_url: str = ""  # the repository (mkdocs.yml's repo_url): where readers report a change
    intros: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # The practices' version history by file name (history.py), read by the entry layer; empty: no history.
    history: Mapping[str, FileHistory] = field(default_factory=lambda: MappingProxyType({}))

    def intro(self, src_uri: str, default_title: str) -> str:
        """The handwritten page at ``src_uri`` if there is one (it brings its own H1), else a plain H1."""
        handwritten = self.intros.get(src_uri)
        if handwritten:
            return handwritten.rstrip() + "\n\n"
        return f"# {default_title}\n\n"

    def absolute(self, path: str) -> str:
        return (self.url or "/") + path
