"""markup.relative is posixpath.relpath from the linking page's folder, for every kind of source path."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from kennisbank.markup import relative

PART = st.sampled_from(["praktijkvoorbeelden", "themas", "nazorg", "index.md", "a.md", "..", ".", "x", "regios"])
PATH = st.lists(PART, min_size=1, max_size=5).map("/".join)
CASES = [
    ("praktijkvoorbeelden/a.md", "themas/nazorg.md"),
    ("praktijkvoorbeelden/a.md", "praktijkvoorbeelden/b.md"),
    ("index.md", "themas/nazorg/afdrukken.md"),
    ("themas/nazorg/afdrukken.md", "index.md"),
    ("themas/index.md", "themas/nazorg/index.md"),
    ("a.md", "a.md"),
    ("x/../a.md", "themas/b.md"),
]


def expected(target: str, source: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def test_known_cases() -> None:
    for target, source in CASES:
        assert relative(target, source) == expected(target, source), (target, source)


@given(PATH, PATH)
def test_same_as_relpath(target: str, source: str) -> None:
    assert relative(target, source) == expected(target, source)
