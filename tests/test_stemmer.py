"""The stemmer the pipeline uses gives exactly the stems of the pure-Python Snowball 'dutch' stemmer.

PyStemmer (C) and snowballstemmer (Python) are both generated from the same Snowball definition; the
browser's stemmer is held to the Python stems by tests/js/finder-cases.json. This test keeps the quick C
build from drifting from that reference when either package is upgraded.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from snowballstemmer.dutch_stemmer import DutchStemmer

from kennisbank.search import pipeline

ROOT = Path(__file__).resolve().parent.parent
# Words where Dutch Snowball does something special: doubled vowels and consonants, -heid, -baar, -lijk,
# umlauts and diaereses, 'ij' and 'y', -en/-s endings, short words.
HARD_WORDS = (
    "",
    "coördinatie coordinatie geïnteresseerd België zeeën knieën uitgaven uitgaaf mogelijkheden mogelijkheid",
    "eenvoudigheid vriendelijk draagbaar leerbaar jongeren jongere jong lopen liep gelopen kinderen kind ij",
    "bijstand bijstandsuitkering yoghurt Ypenburg schoolverlaters schoolverlater voortijdig werkgevers",
    "werkgever werk a e o aa ee ooo enen zonder heden gedaan ruïne naïef café cafés overheid overheden",
    "begeleiding begeleiden begeleider praktijkonderwijs entreeopleiding mbo's regio's stages coaches",
)


def collection_words() -> list[str]:
    text = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("practices", "docs")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in {".md", ".yml"}
    )
    return sorted(
        {w for w in re.findall(r"[^\W\d_]+", text.lower())} | {w.lower() for line in HARD_WORDS for w in line.split()}
    )


def test_the_pipeline_uses_the_c_build_when_installed() -> None:
    stemmer = pytest.importorskip("Stemmer")
    assert isinstance(pipeline._SNOWBALL, stemmer.Stemmer)


def test_c_build_and_pure_python_give_the_same_stems() -> None:
    pure = DutchStemmer()
    words = collection_words()
    assert len(words) > 3000  # the collection, not an empty list
    different = {w: (pipeline._SNOWBALL.stemWord(w), pure.stemWord(w)) for w in words}
    different = {w: pair for w, pair in different.items() if pair[0] != pair[1]}
    assert different == {}
