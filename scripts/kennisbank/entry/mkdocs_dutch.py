"""MkDocs' terminal in Dutch: what an editor sees from `make serve` and from a failing `kennisbank build`.

MkDocs logs in English, and while serving it logs a handful of lines per rebuild that an editor need not
read ("Building documentation...", "Reloading browsers"). ``dutch()`` maps each of its messages to what the
editor sees: nothing for those chatty lines, a Dutch sentence for the ones that matter (where the site is
served, a broken link, a failed build), and any other message unchanged, so a real problem that has no
translation yet still shows. The pages the hook generates are kept out of MkDocs' list of pages missing
from the menu by ``not_in_nav`` in mkdocs.yml, not here. ``speak_dutch()`` puts this on MkDocs' terminal
handler (the hook calls it in ``on_startup``); entry/build.py uses ``dutch()`` for the messages it reports.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

KENNISBANK_LOGGER = "mkdocs.hooks.kennisbank"
"""The hook's own logger: its messages are Dutch already and carry their own 'waarschuwing:'."""

_LABELS = {logging.ERROR: "fout: ", logging.CRITICAL: "fout: ", logging.WARNING: "let op: "}

_QUIET = (
    "Building documentation",  # "..." while serving, "to directory: site" in `mkdocs build`
    "Cleaning site directory",
    "Detected file changes",
    "Reloading browsers",
    "Browser connected: ",
    "Watching paths for changes: ",
)
"""The starts of MkDocs' messages that are only chatter: not shown."""

_STAMP = re.compile(r"\[\d\d:\d\d:\d\d\] ")
_DOC = r"Doc file '(?P<doc>[^']*)' contains"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), replacement)
    for pattern, replacement in (
        (
            r"Serving on (?P<url>\S+?)(?: and opening it in a browser)?$",
            r"De site is te zien op \g<url> (stop: Ctrl+C)",
        ),
        (r"Documentation built in (?P<s>[\d.]+) seconds$", r"Site gebouwd (\g<s> s)"),
        (r"Shutting down\.\.\.$", "Gestopt."),
        (
            r"An error happened during the rebuild\..*",
            "Opnieuw bouwen mislukt (zie hierboven); de browser toont de vorige versie tot de fout is opgelost.",
        ),
        (
            r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:",
            "Deze pagina's staan in docs/ maar niet in het menu (nav in mkdocs.yml):",
        ),
        (
            _DOC + r" a link '(?P<link>[^']*)', but the target(?: '(?P<target>[^']*)')? is not found among "
            r"documentation files\.",
            r"docs/\g<doc>: de link '\g<link>' wijst naar een bestand dat niet in docs/ staat; verbeter het pad.",
        ),
        (
            _DOC + r" a link '(?P<link>[^']*)', but the doc '(?P<target>[^']*)' does not contain an anchor "
            r"'(?P<anchor>[^']*)'\.",
            r"docs/\g<doc>: de link '\g<link>' wijst naar '\g<anchor>', maar docs/\g<target> heeft geen kopje "
            "met dat anker.",
        ),
        (
            _DOC + r" a link '(?P<link>[^']*)', but there is no such anchor on this page\.",
            r"docs/\g<doc>: de link '\g<link>' wijst naar een anker dat niet op deze pagina staat.",
        ),
        (
            _DOC + r" an unrecognized relative link '(?P<link>[^']*)', it was left as is\.",
            r"docs/\g<doc>: de link '\g<link>' wijst niet naar een bestand; link naar een .md-bestand in docs/.",
        ),
        (
            _DOC + r" an absolute link '(?P<link>[^']*)', it was left as is\.",
            r"docs/\g<doc>: de link '\g<link>' begint met /; maak hem relatief (bijv. ../over.md).",
        ),
        (
            r"A reference to '(?P<link>[^']*)' is included in the 'nav' configuration, which is not found in the "
            r"documentation files\.",
            r"mkdocs.yml: nav: '\g<link>' staat niet in docs/.",
        ),
        (
            r"Config value '(?P<name>[^']*)': Unrecognised configuration name: .*",
            r"mkdocs.yml: \g<name>: onbekende instelling; controleer de spelling.",
        ),
        (
            r"Config value '(?P<name>[^']*)': Required configuration not provided\.",
            r"mkdocs.yml: \g<name>: deze instelling ontbreekt.",
        ),
        (r"Config value '(?P<name>[^']*)': ", r"mkdocs.yml: \g<name>: "),
        (r"Error reading page '(?P<page>[^']*)': ", r"docs/\g<page>: kan de pagina niet lezen: "),
        (r"Aborted with a BuildError!$", "Bouwen gestopt door de fout hierboven."),
        (
            r"Aborted with .* in strict mode!$",
            "Bouwen gestopt: in een strenge bouw is elke waarschuwing hierboven een fout.",
        ),
        (r"Aborted with a configuration error!$", "Bouwen gestopt: mkdocs.yml klopt niet (zie hierboven)."),
        (r" Did you mean '(?P<link>[^']*)'\?", r" Bedoelde je '\g<link>'?"),
    )
)
"""MkDocs' messages that an editor may meet, each with its Dutch text; applied in this order, each once."""


def dutch(message: str) -> str | None:
    """The Dutch for one MkDocs message, None for chatter that is not shown; an unknown message unchanged."""
    stamp = _STAMP.match(message)  # the server's messages start with the time: "[10:02:03] Serving on ..."
    time, message = (stamp.group(), message[stamp.end() :]) if stamp else ("", message)
    if message.startswith(_QUIET):
        return None
    for pattern, replacement in _RULES:
        message = pattern.sub(replacement, message, count=1)
    return time + message


class DutchFormatter(logging.Formatter):
    """One line per message: the hook's own messages as they are, MkDocs' in Dutch after 'fout:' or
    'let op:'."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if not (record.name == KENNISBANK_LOGGER or record.name.startswith(KENNISBANK_LOGGER + ".")):
            message = _LABELS.get(record.levelno, "") + (dutch(message) or "")
        if record.exc_info:  # a fault in MkDocs or a theme, not in the content: keep what a developer needs
            message += "\n" + self.formatException(record.exc_info)
        return message


def _shown(record: logging.LogRecord) -> bool:
    return record.name.startswith(KENNISBANK_LOGGER) or dutch(record.getMessage()) is not None


def speak_dutch(logger: logging.Logger) -> None:
    """Put the Dutch formatter and the chatter filter on the logger's terminal handlers (MkDocs' command
    line makes one on the ``mkdocs`` logger); a program without them (``kennisbank build``) is left alone."""
    for handler in logger.handlers:
        if isinstance(handler, logging.StreamHandler) and not isinstance(handler.formatter, DutchFormatter):
            handler.setFormatter(DutchFormatter())
            handler.addFilter(_shown)


def told_rebuilds(builder: Callable[..., Any], failure: type[Exception]) -> Callable[..., Any]:
    """The rebuild of `mkdocs serve`, whose MkDocs failures (``failure``: a broken mkdocs.yml, a build stopped
    by an error) come out as Dutch lines instead of the traceback the server would print. The server keeps
    running, the browser keeps the last site, and the next change is built again."""

    def rebuild(*args: Any, **kwargs: Any) -> Any:
        try:
            return builder(*args, **kwargs)
        except failure as exc:
            logging.getLogger("mkdocs.commands.serve").error(
                "%s De browser toont de vorige versie tot de fout is opgelost.", dutch(str(exc)) or str(exc)
            )
            return None

    return rebuild
