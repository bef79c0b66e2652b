"""The kinds of field a declared file may have, and the declaration of one field.

The practice front matter (``schema``), the facets (``facets``) and the vocabulary files
(``vocabulary_schema``) all declare their fields with these, so one validator reads all of them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.Enum):
    TEXT = "text"  # one line of text
    PARAGRAPH = "paragraph"  # text that may run over several lines
    TEXT_LIST = "text_list"
    TERM = "term"  # one id from a vocabulary
    TERM_LIST = "term_list"  # ids from a vocabulary
    DATE = "date"  # YYYY-MM-DD, not in the future
    PARTIAL_DATE = "partial_date"  # YYYY, YYYY-MM or YYYY-MM-DD
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"  # http(s) only
    BOOL = "bool"
    INT_OR_TEXT = "int_or_text"  # a page number, or a page range as text
    OBJECT = "object"  # a mapping with its own fields
    OBJECT_LIST = "object_list"  # a list of such mappings
    ID = "id"  # a vocabulary term's own id: a lowercase ASCII slug (see SLUG_PATTERN)


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False
    vocabulary: str | None = None  # key of the vocabulary (facets.FACETS) for TERM and TERM_LIST
    max_length: int | None = None  # for text, per item for lists
    min_items: int = 0
    max_items: int | None = None
    fields: tuple[Field, ...] = ()  # for OBJECT and OBJECT_LIST
    example: str = ""
    pattern: str = ""  # for text: a regular expression the whole text must match
    choices: tuple[str, ...] = ()  # for text: the only values allowed
    unique: bool = False  # in a list of mappings: no two share this value (compared case-insensitively)
