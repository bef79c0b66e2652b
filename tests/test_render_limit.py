"""The time limit on rendering one page (render_limit.py), tested with a tiny limit."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from kennisbank import render_limit
from kennisbank.render_limit import RenderLimit, RenderTooSlow


def busy(seconds: float) -> None:
    """Spend CPU time (the limit counts CPU time, not waiting)."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


@pytest.fixture
def tiny_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render_limit, "BASE_SECONDS", 0.05)
    monkeypatch.setattr(render_limit, "CHARACTERS_PER_SECOND", 10**12)


@pytest.mark.usefixtures("tiny_limit")
def test_a_page_over_its_limit_stops_with_a_message_naming_the_file() -> None:
    limit = RenderLimit()
    before = signal.getsignal(signal.SIGPROF)
    limit.arm("practices/traag.md", "# tekst")
    with pytest.raises(RenderTooSlow) as stopped:
        busy(5)
    assert str(stopped.value) == (
        "practices/traag.md: het omzetten van deze pagina naar HTML duurde langer dan 1 seconden en is gestopt; "
        "kijk in de tekst naar lange reeksen opmaaktekens zoals [ ` * < (kennisbank check meldt de meeste), of "
        "splits lange alinea's"
    )
    assert signal.getsignal(signal.SIGPROF) is before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


@pytest.mark.usefixtures("tiny_limit")
def test_a_page_within_its_limit_is_not_stopped() -> None:
    limit = RenderLimit()
    for _ in range(3):
        limit.arm("practices/snel.md", "# tekst")
        busy(0.01)
        limit.disarm()
    busy(0.2)  # past the limit, disarmed: nothing happens
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


@pytest.mark.usefixtures("tiny_limit")
def test_the_error_class_is_the_callers() -> None:
    limit = RenderLimit()
    limit.arm("x.md", "", RuntimeError)
    with pytest.raises(RuntimeError, match=r"^x\.md: het omzetten"):
        busy(5)


def test_another_timer_keeps_its_time(tiny_limit: None) -> None:
    limit = RenderLimit()
    fired: list[int] = []
    signal.signal(signal.SIGPROF, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_PROF, 30)
        limit.arm("x.md", "")
        limit.disarm()
        left, _ = signal.getitimer(signal.ITIMER_PROF)
        assert 25 < left <= 30.1  # the timer counts in ticks of a few milliseconds
        assert not fired
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)


def test_the_limit_grows_with_the_page() -> None:
    assert render_limit.limit_seconds("") == render_limit.BASE_SECONDS
    assert render_limit.limit_seconds("x" * 1_000_000) == render_limit.BASE_SECONDS + 10


@pytest.mark.slow
def test_the_build_stops_on_a_page_over_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through MkDocs and the hook: the build fails with the message, the site stays as it was."""
    from kennisbank.entry.build import BuildFailed, build_site

    from .conftest import copy_project

    monkeypatch.setattr(render_limit, "BASE_SECONDS", 0.001)  # less than any page takes
    monkeypatch.setattr(render_limit, "CHARACTERS_PER_SECOND", 10**12)

    project = copy_project(tmp_path)
    with pytest.raises(BuildFailed) as failure:
        build_site(project / "mkdocs.yml", tmp_path / "site")
    assert ".md: het omzetten van deze pagina naar HTML duurde langer dan 1 seconden en is gestopt" in str(
        failure.value
    )
    assert not (tmp_path / "site").exists()
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
