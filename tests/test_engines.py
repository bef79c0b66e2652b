"""ProperDocs, the maintained fork of MkDocs 1.6, builds the same site from the same sources with the same hook
and theme: every file is equal byte for byte, apart from the generator tag that names the engine."""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow

# Material writes `<meta name="generator" content="mkdocs-{engine version}, mkdocs-material-{version}">`; only
# the engine part may differ, and the test checks that each build names its own engine.
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
# Both engines take the build date from here (the sitemap's <lastmod> and the gzip header of sitemap.xml.gz), so
# a build on either side of midnight gives the same files.
SOURCE_DATE_EPOCH = "1764547200"  # 2025-12-01


def build(engine: str, site: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env["DISABLE_MKDOCS_2_WARNING"] = "true"
    command = [sys.executable, "-m", engine, "build", "--strict", "--quiet"]
    command += ["--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(site)]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{engine} build failed:\n{result.stdout}\n{result.stderr}"


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def generators(content: dict[str, bytes]) -> set[str]:
    return {match.decode() for data in content.values() for match in GENERATOR.findall(data)}


def without_generator(data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator" content="ENGINE">', data)


def difference(name: str, left: bytes, right: bytes) -> str:
    """The first lines that differ, enough to see the cause in the failure message."""
    lines = difflib.unified_diff(
        left.decode("utf-8", "replace").splitlines(),
        right.decode("utf-8", "replace").splitlines(),
        f"mkdocs/{name}",
        f"properdocs/{name}",
        lineterm="",
        n=1,
    )
    return "\n".join(list(lines)[:12])


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path: Path) -> None:
    build("mkdocs", tmp_path / "mkdocs")
    build("properdocs", tmp_path / "properdocs")
    mkdocs_site, properdocs_site = files(tmp_path / "mkdocs"), files(tmp_path / "properdocs")

    material = f"mkdocs-material-{version('mkdocs-material')}"
    assert generators(mkdocs_site) == {f"mkdocs-{version('mkdocs')}, {material}"}
    assert generators(properdocs_site) == {f"mkdocs-ProperDocs {version('properdocs')}, {material}"}

    assert sorted(mkdocs_site) == sorted(properdocs_site), "the two builds wrote different files"
    assert len(mkdocs_site) > 100  # the whole site, not an empty folder
    differences = [
        difference(name, mkdocs_site[name], properdocs_site[name])
        for name in mkdocs_site
        if without_generator(mkdocs_site[name]) != without_generator(properdocs_site[name])
    ]
    assert not differences, "\n\n".join(differences)
