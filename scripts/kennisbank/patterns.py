"""Text patterns that both the front-matter checks and the body rules use."""

from __future__ import annotations

import re

EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
URL_RE = re.compile(r"^https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?(?:[/?#][^\s<>\"]*)?$")
# An HTML tag or comment; Markdown autolinks (<https://...>, <mailto:...>, <a@b.nl>) are not tags.
# Written so that no input makes it backtrack more than linearly; a tag may run over several lines.
HTML_RE = re.compile(r"<!--|<[!?][A-Za-z\[]|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# Characters that do not show but change what text means or how it reads: C0/C1 controls (not tab or
# newline), and bidirectional overrides that can make text read differently from what it is.
INVISIBLE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")
PARTIAL_DATE_RE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
