"""Our one change to Material's templates (overrides/): the header's search box opens the finder."""

from __future__ import annotations

from pathlib import Path

import material

REPO = Path(__file__).resolve().parent.parent
MATERIAL_HEADER = Path(material.__file__).parent / "templates" / "partials" / "header.html"
OUR_HEADER = REPO / "overrides" / "partials" / "header.html"

SEARCH_BLOCK_START = '    {% if "material/search" in config.plugins %}\n'
AFTER_SEARCH_BLOCK = "    {% if config.repo_url %}\n"


def without_comments(template: str) -> str:
    while "{#" in template:
        start = template.index("{#")
        template = template[:start] + template[template.index("#}", start) + 2 :]
    return "\n".join(line for line in template.splitlines() if line.strip()) + "\n"


def test_our_header_is_materials_with_only_the_search_block_replaced() -> None:
    """A Material upgrade that changes its header fails here: copy the new header and swap the block again."""
    theirs = MATERIAL_HEADER.read_text(encoding="utf-8")
    start, end = theirs.index(SEARCH_BLOCK_START), theirs.index(AFTER_SEARCH_BLOCK)
    expected = theirs[:start] + '    {% include "partials/kb-search-form.html" %}\n' + theirs[end:]
    assert without_comments(OUR_HEADER.read_text(encoding="utf-8")) == without_comments(expected)


def test_materials_search_plugin_is_off() -> None:
    """Without a `plugins` key MkDocs adds its search plugin; the finder is the site's search."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nplugins: []\n" in config
    assert "custom_dir: overrides" in config
