"""axe-core in a real browser: inject the pinned axe.min.js (npm, package-lock.json) with Playwright, run
the WCAG 2.0/2.1 A and AA rules, and report violations as a readable list.

Without axe (a machine with only python3) the axe tests skip with the reason; on CI (CI=true) a missing
axe is a failure, like a missing Chromium.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

AXE_SCRIPT = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def require_axe() -> Path:
    if not AXE_SCRIPT.exists():
        reason = (
            f"axe-core not found at {AXE_SCRIPT}: install node and npm, then run "
            "`make node_modules/axe-core/axe.min.js` to run the accessibility tests"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: the accessibility tests must run)")
        pytest.skip(reason)
    return AXE_SCRIPT


def violations(page: Any, script: Path) -> list[dict[str, Any]]:
    """axe's WCAG A/AA violations for the document currently loaded in ``page``."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(script))
    options = {"runOnly": {"type": "tag", "values": list(WCAG_AA_TAGS)}}
    result = page.evaluate("options => axe.run(document, options)", options)
    return list(result["violations"])


def describe(found: list[dict[str, Any]]) -> str:
    """One line per violation and one per offending element: rule, impact, selector, help."""
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            target = " ".join(" >> ".join(part) if isinstance(part, list) else part for part in node["target"])
            lines.append(f"    {target}")
    return "\n".join(lines)
