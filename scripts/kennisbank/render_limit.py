"""A time limit on rendering one page in the build, behind the body limits (validation/body_limits.py).

The hook arms it when MkDocs hands it a page's Markdown (``on_page_markdown``) and disarms it when the HTML
comes back (``on_page_content``); a page that takes longer stops the build with a message that names the
file to change, instead of letting it run for an hour. The limit is CPU time (``ITIMER_PROF``), so a busy
machine does not make a page time out, and it grows with the page: a printed overview of thousands of
practices may take minutes, one practice never more than a few seconds.

Signals reach only the main thread; elsewhere (and where there is no ``setitimer``) the limit is off.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from .errors import KennisbankError

BASE_SECONDS = 10.0  # a page of practice size renders in a fraction of a second
CHARACTERS_PER_SECOND = 100_000  # on top: the real site renders about 1,5 million characters per second


class RenderTooSlow(KennisbankError):
    """A page took longer to render than its limit."""


def limit_seconds(markdown: str) -> float:
    return BASE_SECONDS + len(markdown) / CHARACTERS_PER_SECOND


class RenderLimit:
    """The clock of one build; the hook's run owns it. Signals belong to the process, so one armed at a time."""

    def __init__(self) -> None:
        self._armed: dict[str, Any] = {}  # the handler and timer that were there before, while armed

    def arm(self, source: str, markdown: str, error: Callable[[str], Exception] = RenderTooSlow) -> None:
        """Start the clock for the page made from ``source`` (as messages name it); raise ``error(message)``
        in the main thread when its limit passes before ``disarm``."""
        if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
            return
        self.disarm()  # a page whose rendering failed was never disarmed
        seconds = limit_seconds(markdown)
        signal_handler = signal.signal(signal.SIGPROF, self._expired(source, seconds, error))
        self._armed.update(handler=signal.SIG_DFL if signal_handler is None else signal_handler, seconds=seconds)
        self._armed["timer"] = signal.setitimer(signal.ITIMER_PROF, seconds)

    def _expired(self, source: str, seconds: float, error: Callable[[str], Exception]) -> Callable[..., None]:
        def expired(signum: int, frame: FrameType | None) -> None:
            self.disarm()
            raise error(
                f"{source}: het omzetten van deze pagina naar HTML duurde langer dan {math.ceil(seconds)} seconden "
                "en is gestopt; kijk in de tekst naar lange reeksen opmaaktekens zoals [ ` * < (kennisbank check "
                "meldt de meeste), of splits lange alinea's"
            )

        return expired

    def disarm(self) -> None:
        """Stop the clock, and put back what was there before (another timer goes on with the time it had left)."""
        if not self._armed:
            return
        left, _interval = signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, self._armed["handler"])
        previous, interval = self._armed["timer"]
        used = max(self._armed["seconds"] - left, 0.0)  # the timer counts in ticks: it may show more than was set
        self._armed.clear()
        if previous:
            signal.setitimer(signal.ITIMER_PROF, max(previous - used, 0.001), interval)
