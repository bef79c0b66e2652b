"""Click in Dutch: its help headings, its help and version options and its error messages.

Click marks every text it shows with gettext (``from gettext import gettext as _`` in each of its modules);
``install()`` points those names at the Dutch catalogue below, so ``kennisbank --help`` says "Gebruik:" and
"Opties:", and a wrong option gives "Fout: onbekende optie '--x'." instead of English. Texts that only a
programmer can meet (a wrongly declared option) stay in English: ``PROGRAMMER_TEXTS`` names them, and
tests/test_dutch_output.py checks that every text in click's source is in one of the two, so a new click
version with a new text fails a test instead of showing English. ``DutchCommand`` and ``DutchGroup`` give the
usage line Dutch placeholders ("[OPTIES]", "OPDRACHT [ARGUMENTEN]...").
"""

from __future__ import annotations

import importlib
from typing import Any

import click

DUTCH: dict[str, str] = {
    # Help pages
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon het versienummer en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "(dynamic)": "(wisselend)",
    "deprecated": "verouderd",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "Do you want to continue?": "Doorgaan?",
    "Press any key to continue...": "Druk op een toets om door te gaan...",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    # Errors and their frame
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Hulp: '{command} {option}'.",
    "Aborted!": "Afgebroken.",
    "unknown error": "onbekende fout",
    "Missing command.": "Geef een opdracht.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende waarde",
    "Missing parameter: {param_name}": "Ontbrekende waarde: {param_name}",
    "Missing {param_type}": "Ontbrekend: {param_type}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "Error: The two entered values do not match.": "Fout: de twee antwoorden zijn niet gelijk.",
    "Error: invalid input": "Fout: ongeldig antwoord",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Let op: de opdracht {name!r} verdwijnt.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Let op: {param_type} {name!r} verdwijnt.{extra_message}"
    ),
    # Values
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} ligt niet binnen {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} is geen ja/nee. Geldig: {states}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen getal.",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand, geen map.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map, geen bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{editor}: Editing failed": "{editor}: bewerken mislukt",
    "{editor}: Editing failed: {e}": "{editor}: bewerken mislukt: {e}",
}
"""Click's texts (its gettext message ids) in Dutch."""

DUTCH_PLURAL: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    "Takes {nargs} values but 1 was given.": (
        "Neemt {nargs} waarden, maar er is 1 gegeven.",
        "Neemt {nargs} waarden, maar er zijn er {len} gegeven.",
    ),
    "Did you mean {possibility}?": ("Bedoelde je {possibility}?", "(Bedoelde je een van: {possibilities}?)"),
    "Option {name!r} requires an argument.": (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    "{value!r} is not {choice}.": ("{value!r} is niet {choice}.", "{value!r} is niet een van {choices}."),
    "{value!r} does not match the format {format}.": (
        "{value!r} past niet bij de vorm {format}.",
        "{value!r} past bij geen van de vormen {formats}.",
    ),
    "{len_type} values are required, but {len_value} was given.": (
        "Er zijn {len_type} waarden nodig, maar er is {len_value} gegeven.",
        "Er zijn {len_type} waarden nodig, maar er zijn er {len_value} gegeven.",
    ),
}
"""Click's texts with a plural (keyed by the English singular): the Dutch singular and plural."""

PROGRAMMER_TEXTS = frozenset(
    {
        "Value must be an iterable.",
        "Could not determine name for option with declarations {decls!r}",
        "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
        "Did you mean to pass '--{name}'?",
        "Arguments take exactly one parameter declaration, got {length}: {decls}.",
        "Name '{name}' defined twice",
        "Boolean option {decl!r} cannot use the same flag for true/false.",
        "Invalid start character for option ({option})",
        "Choice({choices})",
        "Unknown color {colour!r}",
        "Unknown standard stream '{name}'",
        "d",  # a unit in the progress bar, which the kennisbank does not use
    }
)
"""Texts that only a mistake in the program's own declarations shows; they stay as click wrote them."""

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils", "_termui_impl")
"""The modules of click that show texts to a user."""


def gettext(message: str) -> str:
    return DUTCH.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    if singular in DUTCH_PLURAL:
        one, many = DUTCH_PLURAL[singular]
        return one if count == 1 else many
    return singular if count == 1 else plural


def install() -> None:
    """Make click speak Dutch in this process: before the commands are declared, as some texts (the
    version option's help) are taken when an option is made."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


class DutchCommand(click.Command):
    """A command whose usage line reads ``kennisbank check [OPTIES] [PAD]...``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class DutchGroup(click.Group):
    """The group: Dutch placeholders in its usage line, and its commands are ``DutchCommand``s."""

    command_class = DutchCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)


install()  # on import: every module that declares commands imports this one first
