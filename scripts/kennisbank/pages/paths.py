"""Where generated pages live (source paths below docs/); the URLs follow from them and are stable."""

from __future__ import annotations

# vocabulary key -> folder of its pages; the folder is the Dutch URL (/themas/<id>/ ...)
SECTION_FOLDERS: dict[str, str] = {
    "themes": "themas",
    "target_groups": "doelgroepen",
    "regions": "regios",
    "phases": "fasen",
}

# Vocabularies shown as one page with an anchor per term, rather than a page per term.
SINGLE_PAGE_SECTIONS: dict[str, str] = {
    "evidence": "bewijsladder/index.md",
    "success_factors": "handvatten/index.md",
}

HOME = "index.md"
CONTACTS = "contacten.md"
FINDER = "zoeken.md"
GLOSSARY = "begrippen/index.md"
PRIVACY = "privacy.md"


def term_src(vocabulary: str, term_id: str) -> str:
    if vocabulary in SINGLE_PAGE_SECTIONS:
        return f"{SINGLE_PAGE_SECTIONS[vocabulary]}#{term_id}"
    return f"{SECTION_FOLDERS[vocabulary]}/{term_id}/index.md"


def section_src(vocabulary: str) -> str:
    return SINGLE_PAGE_SECTIONS.get(vocabulary) or f"{SECTION_FOLDERS[vocabulary]}/index.md"


def print_src(vocabulary: str, term_id: str) -> str:
    return f"{SECTION_FOLDERS[vocabulary]}/{term_id}/afdrukken.md"
