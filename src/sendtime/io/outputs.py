"""The files a run writes: whole or not at all, never over an input, errors naming the file.

Every output of one run (``-o``, ``--errors``, ``--svg``) is written to a temporary file in the
same folder as its target (so the final rename cannot cross a file system) and renamed into
place only when the run has finished, all together: until then the previous files are untouched.
If the run fails or is interrupted, the temporary files are removed and nothing changes.

Before the renames, each target is compared by device and inode (not by path) with every file
the run read (``sendtime.io.files``), so a hard link, a symlink or a ``../`` spelling of an input
cannot be written over. A write that fails (a full disk, a vanished folder) is one line naming
the file, exit 2.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sendtime.engine.errors import BadInput
from sendtime.io import files


class OutputError(BadInput):
    """An output file could not be written (exit 2); nothing was written."""


def _failed(what: str, path: str | Path, exc: OSError) -> OutputError:
    reason = exc.strerror or type(exc).__name__
    return OutputError(f"{what} {path}: cannot be written ({reason}); no output written")


class _Guarded(io.BufferedWriter):
    """A temporary file whose write errors name the output they are for."""

    def __init__(self, raw: io.FileIO, what: str, target: str | Path) -> None:
        super().__init__(raw)
        self._what, self._target = what, target

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except BlockingIOError:
            raise
        except OSError as exc:
            raise _failed(self._what, self._target, exc) from None

    def flush(self) -> None:
        try:
            super().flush()
        except OSError as exc:
            raise _failed(self._what, self._target, exc) from None


@dataclass
class _Pending:
    what: str
    shown: str  # the path as the user gave it
    target: Path  # where it goes (a symlink's target: the link is kept)
    temp: Path
    stream: _Guarded
    text: IO[str] | None = None


def _close(p: _Pending) -> None:
    if p.text is not None:
        p.text.close()  # closes the stream under it too
    else:
        p.stream.close()


class Outputs:
    """A run's outputs; use as ``with Outputs() as outs:`` (commit on success, else discard)."""

    def __init__(self) -> None:
        self._pending: list[_Pending] = []
        self._on_abort: list[Callable[[], None]] = []
        self.committed = False

    # -- claiming -----------------------------------------------------------------------------
    def claim(self, what: str, path: str | Path) -> Path:
        """Check an output path before anything is written: not an input, not another output."""
        if "\x00" in str(path) or not str(path).strip():
            msg = f"{what} {str(path)!r}: not a usable file name"
            raise BadInput(msg)
        target = Path(path)
        with contextlib.suppress(OSError, RuntimeError):
            target = target.resolve()
        if target.is_dir():
            msg = f"{what} {path}: is a folder, expected a file name"
            raise BadInput(msg)
        for p in self._pending:
            if p.target == target or files.identity(target) & files.identity(p.target):
                msg = f"{what} {path}: is also {p.what}; expected a different file"
                raise BadInput(msg)
        self._refuse_inputs(what, path, target)
        return target

    @staticmethod
    def _refuse_inputs(what: str, shown: str | Path, target: Path) -> None:
        read = files.reads()
        for key in files.identity(target) | files.identity(shown):
            if key in read:
                msg = (
                    f"{what} {shown}: is {read[key]}, which this run reads; "
                    "expected a different file"
                )
                raise BadInput(msg)

    def binary(self, what: str, path: str | Path) -> IO[bytes]:
        """A binary stream to a temporary file that becomes ``path`` on commit."""
        target = self.claim(what, path)
        try:
            fd, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".sendtime-tmp"
            )
        except OSError as exc:
            raise _failed(what, path, exc) from None
        stream = _Guarded(io.FileIO(fd, "wb"), what, path)
        self._pending.append(_Pending(what, str(path), target, Path(name), stream))
        return stream

    def text(self, what: str, path: str | Path, *, bom: bool = False) -> IO[str]:
        """A UTF-8 text stream (newlines untranslated) to a file that becomes ``path``."""
        raw = self.binary(what, path)
        text = io.TextIOWrapper(
            raw,
            encoding="utf-8-sig" if bom else "utf-8",
            newline="",
            write_through=True,
        )
        self._pending[-1].text = text
        return text

    def on_abort(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` when the run's outputs are discarded (e.g. a library's own temp files)."""
        self._on_abort.append(fn)

    # -- finishing ----------------------------------------------------------------------------
    def commit(self) -> None:
        """Flush every output to disk, check none is an input, and rename them all into place."""
        mask = os.umask(0)
        os.umask(mask)
        for p in self._pending:
            try:
                if p.text is not None:
                    p.text.flush()
                p.stream.flush()
                os.fsync(p.stream.fileno())
                try:
                    mode = stat.S_IMODE(p.target.stat().st_mode)
                except OSError:
                    mode = 0o666 & ~mask
                p.temp.chmod(mode)
            except OSError as exc:
                raise _failed(p.what, p.shown, exc) from None
            self._refuse_inputs(p.what, p.shown, p.target)
        blocked = {signal.SIGINT, signal.SIGTERM} if hasattr(signal, "pthread_sigmask") else set()
        if blocked:
            signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
        try:
            for p in self._pending:
                _close(p)
            for i, p in enumerate(self._pending):
                try:
                    p.temp.replace(p.target)
                except OSError as exc:
                    done = ", ".join(q.shown for q in self._pending[:i])
                    err = _failed(p.what, p.shown, exc)
                    if done:
                        err = OutputError(str(err).replace("no output written", f"{done} written"))
                    raise err from None
            self.committed = True
        finally:
            self._discard_temps()
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, blocked)

    def abort(self) -> None:
        """Discard every temporary file; the previous outputs stay as they were."""
        for fn in self._on_abort:
            with contextlib.suppress(Exception):
                fn()
        self._discard_temps()

    def _discard_temps(self) -> None:
        for p in self._pending:
            with contextlib.suppress(Exception):  # a full disk fails the final flush: fine
                _close(p)
            with contextlib.suppress(OSError):
                p.temp.unlink(missing_ok=True)

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None:
            try:
                self.commit()
            except BaseException:
                self.abort()
                raise
        else:
            self.abort()
