"""Search in headless Chromium on the built sites: time to the first results, time per keystroke, and
what the browser downloads before the first result, for each search engine in ``ENGINES``: our finder
on our site, and Material's built-in search on the bare MkDocs + Material build of the same practices
(our site has no Material search: its header form opens the finder).

Both engines read ``?q=`` from the address, so the search starts as soon as the page does. The first
result is timed inside the page (a MutationObserver installed before any script runs), from the end of
DOMContentLoaded ('the page is ready'). Keystrokes are typed one at a time after the first results are
shown; each is timed from the input event to the frame after the engine handled it: for the finder,
when it marks the query as handled (``data-ready``, set also when the results stay the same, so every
keystroke counts); for Material, which has no such mark, when its result list changed.

Downloads: every response the page (and its workers) received before the first result, at the size
gzip gives it (the local test server sends files uncompressed; a real host compresses them).

Each engine's page is loaded ``PAGE_LOADS`` times, each time in a fresh browser context (no cache), and
the figures are the medians of those loads, with the fastest and slowest beside them: on a shared
two-core machine, one load of the same page at 10,000 practices took anywhere from 150 to 380 ms to its
first result.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

QUERY = "nazorg jongeren"
TYPED = "werkgevers stage"
FIRST_RESULT_TIMEOUT_MS = 300_000
PAGE_LOADS = 3


@dataclass(frozen=True)
class Engine:
    label: str
    project: str  # which build: "ours" or "bare" (benchmarks/projects.py)
    page: str  # path below the site root to open with ?q=
    result: str  # CSS selector of one result
    input: str  # CSS selector of the query field
    results: str  # CSS selector of the element that changes when results change
    present: str  # a file in the built site that shows the engine is there
    # CSS selector and attribute the engine sets when it has handled a query, also when the results stay
    # the same (then the list does not change); "" where the engine has no such signal
    settled: str = ""
    settled_attribute: str = ""


ENGINES: dict[str, Engine] = {
    "finder": Engine(
        "zoekpagina /zoeken/",
        "ours",
        "zoeken/",
        "#kb-finder[data-ready] .kb-result",
        "#kb-finder-q",
        "#kb-finder-results",
        "assets/finder/data.json",
        "#kb-finder",
        "data-ready",
    ),
    "material": Engine(
        "Material (ingebouwd zoekvak, kale bouw)",
        "bare",
        "",
        ".md-search-result__item",
        "input.md-search__input",
        ".md-search-result",
        "search/search_index.json",
    ),
}

# Installed before any page script: records when the first result appears, on the page's clock.
OBSERVE = """
(selector) => {
  window.__firstResult = null;
  const check = () => {
    if (window.__firstResult === null && document.querySelector(selector)) {
      window.__firstResult = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true, attributes: true});
}
"""

KEYSTROKES = """
async ([inputSelector, resultsSelector, settledSelector, settledAttribute, text]) => {
  const input = document.querySelector(inputSelector);
  const results = document.querySelector(resultsSelector);
  const settled = settledSelector ? document.querySelector(settledSelector) : null;
  input.focus();
  input.value = "";
  const times = [];
  for (const character of text) {
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      });
      if (settled) {
        observer.observe(settled, {attributes: true, attributeFilter: [settledAttribute]});
      } else {
        observer.observe(results, {childList: true, subtree: true, characterData: true});
      }
      setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
    });
    const start = performance.now();
    input.value += character;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent("keyup", {key: character, bubbles: true}));
    const end = await changed;
    times.push(end === null ? null : end - start);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return times;
}
"""


def gzipped_size(site: Path, url: str) -> int:
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
    file = site / path
    if file.is_dir() or not path or path.endswith("/"):
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0


def measure_engine(browser: Any, base_url: str, site: Path, engine: Engine) -> dict[str, Any]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(locale="nl-NL")
    # No request may leave the machine; only the local server answers.
    context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    finished: list[str] = []
    context.on("requestfinished", lambda request: finished.append(request.url))
    page = context.new_page()
    page.add_init_script(f"({OBSERVE})({engine.result!r})")
    url = f"{base_url}{engine.page}?q={urllib.parse.quote_plus(QUERY)}"
    started = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    try:
        page.wait_for_function("window.__firstResult !== null", timeout=FIRST_RESULT_TIMEOUT_MS, polling=20)
    except PlaywrightTimeout:
        context.close()
        return {"first_result_ms": None, "timed_out_s": FIRST_RESULT_TIMEOUT_MS / 1000}
    downloaded = list(finished)
    wall = time.perf_counter() - started
    first = page.evaluate(
        "window.__firstResult - performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
    )
    results = page.locator(engine.result).count()
    page.wait_for_timeout(300)
    keystrokes = page.evaluate(
        KEYSTROKES, [engine.input, engine.results, engine.settled, engine.settled_attribute, TYPED]
    )
    context.close()
    timed = [k for k in keystrokes if k is not None]
    return {
        "first_result_ms": first,
        "first_result_wall_s": wall,
        "results": results,
        "keystroke_median_ms": statistics.median(timed) if timed else None,
        "keystroke_max_ms": max(timed) if timed else None,
        "keystrokes_without_change": len(keystrokes) - len(timed),
        "downloaded_gz": sum(gzipped_size(site, u) for u in set(downloaded) if u.startswith(base_url)),
        "requests": len(set(downloaded)),
    }


@contextlib.contextmanager
def file_server(site: Path) -> Iterator[str]:
    """The built site on loopback, served by its own process: a server thread inside this process would
    share the interpreter lock with the Playwright client that is timing the page."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def combined(loads: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of several loads of one page: the medians, and the spread of the two timed targets."""
    if any(load["first_result_ms"] is None for load in loads):
        return next(load for load in loads if load["first_result_ms"] is None)
    out: dict[str, Any] = {"page_loads": len(loads)}
    for key, value in loads[0].items():
        values = [load[key] for load in loads]
        numbers = all(isinstance(v, (int, float)) for v in values)
        out[key] = statistics.median(values) if numbers else value
    for key in ("first_result_ms", "keystroke_max_ms"):
        timed = [load[key] for load in loads if load[key] is not None]
        out[key + "_range"] = [min(timed), max(timed)] if timed else None
    return out


def measure(sites: dict[str, Path], log: Any) -> dict[str, Any]:
    """Every engine whose build (``sites``: project name -> built site) has it; empty without Chromium."""
    from playwright.sync_api import sync_playwright
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        log(f"no Chromium at {CHROMIUM}: browser figures skipped")
        return {}
    out: dict[str, Any] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        for name, engine in ENGINES.items():
            site = sites.get(engine.project)
            if site is not None and (site / engine.present).exists():
                with file_server(site) as base_url:
                    loads = []
                    for _ in range(PAGE_LOADS):
                        loads.append(measure_engine(browser, base_url, site, engine))
                        if loads[-1]["first_result_ms"] is None:
                            break  # timed out: another load would only wait as long again
                    out[name] = combined(loads)
                out[name]["index_gz"] = len(gzip.compress((site / engine.present).read_bytes(), 6))
                log(f"{name}: first result after {out[name]['first_result_ms']} ms")
        browser.close()
    return out
