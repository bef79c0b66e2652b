"""``kennisbank search`` output: Dutch lines for people, JSON for scripts."""

from __future__ import annotations

import json

from ..search.query import QueryTerm, Result


def human(query: str, terms: list[QueryTerm], unmatched: list[QueryTerm], results: list[Result], limit: int) -> str:
    count = len(results)
    lines = [f"{count} {'resultaat' if count == 1 else 'resultaten'} voor '{query}'"]
    if unmatched:
        lines.append("Geen resultaat voor " + ", ".join(f"'{t.typed}'" for t in unmatched))
    found = [t for t in terms if t not in unmatched]
    searched = ", ".join(t.word if t.word == t.typed else f"{t.word} (voor '{t.typed}')" for t in found)
    if searched:
        lines.append(f"Gezocht op: {searched}")
    for number, result in enumerate(results[: limit or None], 1):
        lines.append(f"{number:>3}. {result.title}")
        lines.append(f"     {result.path}  (score {result.score:.3f})")
    if limit and count > limit:
        lines.append(f"... en nog {count - limit}; toon alles met --limit 0.")
    return "\n".join(lines)


def as_json(results: list[Result], limit: int) -> str:
    return json.dumps([r.as_json() for r in results[: limit or None]], ensure_ascii=False, indent=1)
