"""YAML syntax errors as an editor needs them: in Dutch, at the line where the editor must look, with the fix.

A parser notices a missing ']' where the next field starts, and says so in its own English ("expected ','
or ']', but got ':'"). The editor needs the line where the list was opened, what is wrong there, and what
to type. ``explain`` turns a PyYAML or libyaml error, with the text it read, into exactly that: the line
(counted from 0 in that text), the field it concerns (the top-level field the line belongs to, or the
field on the line itself for an indentation error) and the message. No English from the parser passes.
"""

from __future__ import annotations

import re

import yaml

_KEY_RE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s|$)")
_WORD_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\b")
_TOP_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s|$)")

SPACES = "YAML kent alleen spaties"
GENERIC = (
    "YAML kan deze regel niet lezen; controleer hier de inspringing (alleen spaties, even ver als de velden "
    "van hetzelfde blok), dat elk veld de vorm 'naam: waarde' heeft, en dat elk aanhalingsteken en haakje "
    "wordt gesloten"
)


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str, str]:
    """(line counted from 0 in ``text``, field or '', Dutch message with the fix) for a YAML syntax error."""
    lines = text.split("\n")
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line = min(mark.line if mark else 0, max(len(lines) - 1, 0))
    opened = exc.context_mark.line if exc.context_mark is not None else line
    character = _character_at(text, mark)

    if character == "\t" or "tab" in problem:
        return (
            line,
            _own_or_top_key(lines, line),
            (f"op deze regel staat een tab; {SPACES}: vervang de tab door spaties (twee per niveau van inspringen)"),
        )
    if "escape" in problem:
        return (
            line,
            _top_key(lines, line),
            (
                'tussen "..." begint een \\ een speciaal teken, en dit kent YAML niet: schrijf \\\\ voor één \\, '
                "of zet de tekst tussen '...'"
            ),
        )
    if character in "]}" and character and "flow" not in context:
        opening = "[" if character == "]" else "{"
        return (
            line,
            _top_key(lines, line),
            (
                f"hier staat een '{character}' zonder '{opening}' ervoor: haal hem weg, of zet tekst met een "
                f"'{character}' tussen aanhalingstekens"
            ),
        )
    if "quoted scalar" in context:
        quote = _character_at(text, exc.context_mark) or '"'
        return opened, _top_key(lines, opened), _unclosed_quote(quote)
    closed_on_its_line = exc.context_mark is not None and "]" in lines[opened][exc.context_mark.column :]
    if "flow sequence" in context and line == opened and closed_on_its_line:
        return (
            opened,
            _top_key(lines, opened),
            "de items van de lijst die hier begint met '[' staan niet goed: zet een komma tussen de items, "
            "bijvoorbeeld [nazorg, school], en tekst met een komma of aanhalingsteken tussen aanhalingstekens",
        )
    if "flow sequence" in context:
        return (
            opened,
            _top_key(lines, opened),
            (
                "de lijst die hier begint met '[' wordt niet gesloten: zet ']' aan het eind, "
                "bijvoorbeeld [nazorg, school]"
            ),
        )
    if "flow mapping" in context:
        return (
            opened,
            _top_key(lines, opened),
            (
                "de velden die hier beginnen met '{' worden niet gesloten: zet '}' aan het eind, "
                "bijvoorbeeld {url: https://..., date: 2026-11-22}"
            ),
        )
    if "mapping values are not allowed" in problem:
        return _colon(lines, line, mark.column if mark else 0)
    if "could not find expected ':'" in problem:
        word = _WORD_RE.match(lines[opened]) if opened < len(lines) else None
        return (
            opened,
            word.group(1) if word else _top_key(lines, opened),
            (
                "op deze regel staat geen ':' na de veldnaam: elk veld heeft de vorm 'naam: waarde'; "
                "loopt hier de tekst van het veld erboven door, spring dan in met spaties"
            ),
        )
    if character in "@`" and character:
        return (
            line,
            _top_key(lines, line),
            (
                f"een waarde kan niet met '{character}' beginnen: zet de tekst tussen aanhalingstekens, "
                f'bijvoorbeeld "{character}..."'
            ),
        )
    if "block end" in problem or "expected key" in problem or "'-' indicator" in problem:
        return _block_end(lines, line, text, exc)
    return line, _top_key(lines, line), GENERIC


def _character_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None or mark.index is None or not 0 <= mark.index < len(text):
        return ""
    return text[mark.index]


def _unclosed_quote(quote: str) -> str:
    inner = (
        "een apostrof in de tekst schrijft u dubbel ('')"
        if quote == "'"
        else "een aanhalingsteken in de tekst schrijft u als \\\" of u zet de tekst tussen '...'"
    )
    return f"de tekst die hier begint met {quote} wordt niet gesloten: zet {quote} aan het eind van de tekst ({inner})"


def _colon(lines: list[str], line: int, column: int) -> tuple[int, str, str]:
    """'mapping values are not allowed': a ': ' where YAML cannot start a field. Either the text of a value
    holds one (the fix: quotes), or the line is indented under a field that already has a value."""
    text = lines[line]
    own = _KEY_RE.match(text)
    first_colon = own is not None and own.end(2) <= column <= own.end()
    if first_colon and own is not None and own.group(1):
        above = _previous_key(lines, line)
        if above is not None and len(above[0]) < len(own.group(1)):
            return (
                line,
                _nested_label(lines, line, own.group(2)),
                (
                    f"'{own.group(2)}' springt verder in dan '{above[1]}' erboven, dat al een waarde heeft: zet "
                    f"'{own.group(2)}' even ver in als '{above[1]}' (met spaties); is dit vervolgtekst met een "
                    "dubbele punt, zet dan de hele tekst tussen aanhalingstekens"
                ),
            )
    field = _top_key(lines, line)
    example = ""
    if own is not None and not first_colon:
        value = text[own.end() :].strip()
        quote = "'" if '"' in value else '"'
        value = value.replace("'", "''") if quote == "'" else value
        shown = value if len(value) <= 80 else value[:77] + "..."
        example = f", zo: {own.group(2)}: {quote}{shown}{quote}"
    return (
        line,
        field,
        (
            "de tekst bevat een dubbele punt met een spatie erna, en dan leest YAML er een nieuw veld in: "
            f"zet de tekst tussen aanhalingstekens{example}"
        ),
    )


def _block_end(lines: list[str], line: int, text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str, str]:
    """A line that does not continue the block it stands in: text after a closing quote, or indentation."""
    problem_mark = exc.problem_mark
    here = lines[line]
    if problem_mark is not None and (exc.context_mark is None or problem_mark.line == line):
        before = here[: problem_mark.column]
        quotes = [c for c in before if c in "\"'"]
        if quotes and problem_mark.column > len(here) - len(here.lstrip()):
            quote = quotes[0]
            return (
                line,
                _top_key(lines, line),
                (
                    f"na het afsluitende {quote} staat nog tekst: zet de hele tekst tussen aanhalingstekens "
                    + (
                        "en schrijf een apostrof in de tekst dubbel ('')"
                        if quote == "'"
                        else "en schrijf een aanhalingsteken in de tekst als \\\" (of zet de tekst tussen '...')"
                    )
                ),
            )
    own = _KEY_RE.match(here)
    field = _nested_label(lines, line, own.group(2)) if own else _top_key(lines, line)
    return (
        line,
        field,
        (
            "de inspringing klopt niet: deze regel springt anders in dan de regels van hetzelfde blok erboven; "
            f"zet hem even ver in als die regels ({SPACES}), en een lijstitem met '- ' ervoor"
        ),
    )


def _previous_key(lines: list[str], line: int) -> tuple[str, str] | None:
    """(indentation, name) of the nearest field above ``line``."""
    for index in range(line - 1, -1, -1):
        match = _KEY_RE.match(lines[index])
        if match:
            return match.group(1), match.group(2)
        if lines[index].strip():
            return None
    return None


def _top_key(lines: list[str], line: int) -> str:
    """The top-level field ``line`` belongs to: the nearest unindented 'name:' at or above it."""
    for index in range(min(line, len(lines) - 1), -1, -1):
        match = _TOP_KEY_RE.match(lines[index])
        if match:
            return match.group(1)
    return ""


def _own_or_top_key(lines: list[str], line: int) -> str:
    match = _KEY_RE.match(lines[line].replace("\t", " ")) if line < len(lines) else None
    return match.group(2) if match and not match.group(1) else _top_key(lines, line)


def _nested_label(lines: list[str], line: int, key: str) -> str:
    """'source.date' for an indented field 'date' under 'source'; the key alone at the top level."""
    top = _top_key(lines, line)
    return f"{top}.{key}" if top and not _TOP_KEY_RE.match(lines[line]) else key
