"""Build the site strictly beside the current one and swap only on success.

One build at a time per site folder: a lock file beside it (``.site.lock``, an flock, which the system
releases when a build dies) makes a second build wait. Each build stages in its own hidden folder beside
the site (``.site-new-XXXXXXXX``), removed on every way out; folders that a killed build left behind are
removed by the next build that holds the lock. Faults of the machine (disk full, no rights, read-only)
become Dutch messages that name the path and what to do.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

from ..errors import KennisbankError, display_path
from .mkdocs_dutch import KENNISBANK_LOGGER, dutch

DEFAULT_WAIT_SECONDS = 900.0
_POLL_SECONDS = 0.2


class BuildFailed(KennisbankError):
    """MkDocs reported errors (or warnings, which are errors in a strict build)."""

    site_kept = True  # the site folder is as it was before the build


class BuildBlocked(BuildFailed):
    """Not the content but the machine stopped the build: another build, a full disk, no rights."""


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped the build; the staging folder is gone and the site is as it was."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number


def build_site(
    config_file: Path,
    site_dir: Path,
    wait_seconds: float = DEFAULT_WAIT_SECONDS,
    notify: Callable[[str], None] | None = None,
) -> None:
    """Build into a fresh folder beside ``site_dir`` and swap it in; ``site_dir`` is left as it was on any
    failure. ``notify`` hears what the user should know while the build goes on (waiting, leftovers)."""
    tell = notify or _ignore
    site_dir = Path(os.path.abspath(site_dir))  # not resolve(): a symlinked site is replaced, not followed
    with _Signals() as signals:
        try:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            with _locked(site_dir, wait_seconds, tell):
                _remove_leftovers(site_dir, tell)
                retired = None
                staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
                try:
                    os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private; the site is served to others
                    _build_into(config_file, staging)
                    with signals.held():
                        retired = _swap(staging, site_dir)
                finally:
                    with signals.held():
                        _remove(staging)
                if retired is not None:
                    _remove_retired(retired, tell)
        except OSError as exc:
            raise BuildBlocked(system_fault(exc, site_dir)) from None


def system_fault(exc: OSError, where: Path) -> str:
    """A Dutch message for a fault of the machine: the path, what is wrong, and what to do."""
    return f"{_what(exc, where)}. {_fault(exc)[1]}"


def _what(exc: OSError, where: Path) -> str:
    """The path (the file the system names, else the folder being worked on) and what is wrong with it."""
    shown = display_path(Path(os.fsdecode(exc.filename))) if exc.filename else display_path(where)
    return f"{shown}: {_fault(exc)[0]}"


def _fault(exc: OSError) -> tuple[str, str]:
    return _FAULTS.get(exc.errno or 0) or (f"systeemfout: {exc.strerror or exc}", "Los dit op en bouw opnieuw.")


_FULL = ("de schijf is vol", "Maak ruimte vrij op die schijf en bouw opnieuw.")
_DENIED = (
    "geen toestemming",
    "Controleer de eigenaar en de rechten van dit pad (ls -l) en bouw opnieuw, of bouw in een andere map met "
    "--site-dir.",
)
_READ_ONLY = (
    "het bestandssysteem is alleen-lezen",
    "Bouw in een map op een schrijfbare schijf (--site-dir) en bouw opnieuw.",
)
_FAULTS = {
    errno.ENOSPC: _FULL,
    errno.EDQUOT: _FULL,
    errno.EACCES: _DENIED,
    errno.EPERM: _DENIED,
    errno.EROFS: _READ_ONLY,
}


def _build_into(config_file: Path, staging: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    messages = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(messages)
    try:
        config = load_config(config_file=str(config_file), strict=True, site_dir=str(staging))
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does: the hook's run starts
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, KennisbankError) as exc:
        raise BuildFailed("\n".join([*messages.lines, dutch(str(exc)) or str(exc)])) from None
    finally:
        logger.removeHandler(messages)


def _swap(staging: Path, site_dir: Path) -> Path | None:
    """Move the current site away and the new one in (two renames); puts the old one back if the second
    rename fails. Returns where the old site went, to be removed."""
    if not os.path.lexists(site_dir):
        os.rename(staging, site_dir)
        return None
    retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
    retired.rmdir()  # a unique free name; the lock keeps other builds from taking it meanwhile
    os.rename(site_dir, retired)
    try:
        os.rename(staging, site_dir)
    except OSError as exc:
        try:
            os.rename(retired, site_dir)
        except OSError:
            lost = BuildBlocked(
                f"{system_fault(exc, staging)} De vorige site staat nu in {display_path(retired)}; zet hem terug "
                f"met: mv {display_path(retired)} {display_path(site_dir)}"
            )
            lost.site_kept = False
            raise lost from None
        raise
    return retired


@contextmanager
def _locked(site_dir: Path, wait_seconds: float, tell: Callable[[str], None]) -> Iterator[None]:
    lock = os.open(site_dir.with_name(f".{site_dir.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    held = False
    try:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held = True
                break
            except BlockingIOError:
                holder = os.pread(lock, 32, 0).decode("ascii", "replace").strip()
                shown = display_path(site_dir)
                if time.monotonic() >= deadline:
                    raise BuildBlocked(
                        f"Er draait nog een bouw van {shown} (pid {holder or 'onbekend'}); na {wait_seconds:g} s "
                        "wachten gestopt. Wacht tot die bouw klaar is (of stop dat proces) en bouw opnieuw."
                    ) from None
                # An empty file: the holder has the lock but has not written its pid yet; tell on the next look.
                if not told and holder:
                    tell(
                        f"Er draait al een bouw van {shown} (pid {holder}); deze bouw wacht tot die klaar is "
                        f"(hoogstens {wait_seconds:g} s)."
                    )
                    told = True
                time.sleep(_POLL_SECONDS)
        os.ftruncate(lock, 0)
        os.pwrite(lock, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        if held:
            os.ftruncate(lock, 0)  # no stale pid for the next build's waiters to report
        os.close(lock)  # releases the lock; the file stays, as removing it would race with a waiting build


def _remove_retired(retired: Path, tell: Callable[[str], None]) -> None:
    # Ctrl-C now stops only the clean-up: the new site is in place, so the build succeeded, and the next
    # build removes the rest of the old one.
    with suppress(KeyboardInterrupt):
        _remove_old(retired, tell)


def _remove_leftovers(site_dir: Path, tell: Callable[[str], None]) -> None:
    """Staging folders of builds that were killed (SIGKILL, power cut); only a build holding the lock
    makes them, so while we hold it none of them is in use. Also the fixed names of older versions."""
    for prefix in (f".{site_dir.name}-new", f".{site_dir.name}-old"):
        for leftover in site_dir.parent.glob(f"{prefix}*"):
            if leftover.name == prefix or leftover.name.startswith(f"{prefix}-"):
                _remove_old(leftover, tell)


def _remove_old(folder: Path, tell: Callable[[str], None]) -> None:
    """The new site is in place; an old folder that will not go is worth a note, not a failed build."""
    try:
        _remove(folder, ignore_errors=False)
    except OSError as exc:
        tell(
            f"Let op: de vorige site in {display_path(folder)} is niet helemaal verwijderd: "
            f"{_what(exc, folder)}. De volgende bouw probeert het opnieuw; blijft de map "
            "staan, verwijder hem dan zelf."
        )


def _remove(path: Path, ignore_errors: bool = True) -> None:
    if path.is_symlink():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path, ignore_errors=ignore_errors)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _ignore(message: str) -> None:
    pass


class _Signals:
    """Ctrl-C and SIGTERM raise ``BuildInterrupted``, so that every ``finally`` removes what the build made;
    except during the swap, which they must not cut in two, and the removal of the staging folder, which
    they must not leave half done: a signal then is dropped and the build ends as it would have, as if the
    signal had come a moment later. Only the main thread can set signal handlers."""

    def __init__(self) -> None:
        self.holding = False
        self.previous: dict[int, object] = {}

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            for number in (signal.SIGINT, signal.SIGTERM):
                self.previous[number] = signal.signal(number, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for number, handler in self.previous.items():
            if handler is not None:
                signal.signal(number, handler)  # type: ignore[arg-type]

    def _handle(self, number: int, frame: FrameType | None) -> None:
        if not self.holding:
            raise BuildInterrupted(number)

    @contextmanager
    def held(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        finally:
            self.holding = False


class _Collector(logging.Handler):
    """Keeps MkDocs' warnings and errors, to report them together when the build fails."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.lines.append(message if record.name.startswith(KENNISBANK_LOGGER) else dutch(message) or message)
