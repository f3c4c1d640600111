"""Every file sendtime reads goes through here: a regular file, under a size cap, and recorded.

One funnel, so the rules hold for every input at once (issue 13, items 6 and 12):

- only a regular file is read: a folder, ``/dev/zero``, a FIFO or a socket is refused before a
  byte is read (a FIFO is opened without blocking, so a path that names one cannot hang a run);
- a file larger than its cap is refused before it is read (below);
- each file read is recorded by device and inode while a run records reads, so an output can
  be refused when it is one of the run's inputs under another name (hard link, symlink, ``..``).

The caps: term dates, local rules and bank-holiday JSON are read whole into memory and parsed,
so they are capped at 16 MiB, about 50 times a 30,000-event ICS file and thousands of times a
real one (a school's year is a few kB). A CSV caseload is streamed row by row (memory stays
flat), so its cap only keeps a mistaken path (a disk image, a log) from running for hours: 2 GiB,
about ten million rows. A workbook is a zip read by openpyxl: 256 MiB of archive, and see
``check_xlsx`` for what it may unpack to.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sendtime.engine.errors import BadInput

MiB = 1 << 20
SMALL_CAP = 16 * MiB
CSV_CAP = 2048 * MiB
XLSX_CAP = 256 * MiB

_reads: dict[tuple[int, int], str] | None = None


@contextlib.contextmanager
def recording() -> Iterator[dict[tuple[int, int], str]]:
    """Record every file read in the block: {(device, inode): what it was read as}."""
    global _reads
    before, _reads = _reads, {}
    try:
        yield _reads
    finally:
        _reads = before


def reads() -> dict[tuple[int, int], str]:
    """The files read so far in the current recording (empty outside one)."""
    return dict(_reads or {})


def _size(n: int) -> str:
    return f"{n // MiB} MiB" if n >= MiB else f"{n} bytes"


def open_input(path: str | Path, what: str, cap: int, *, label: str | None = None) -> IO[bytes]:
    """A regular file opened for reading in binary, checked against ``cap`` and recorded.

    ``what`` starts every error message (an option or a column); ``label`` says what the file
    is when an output would overwrite it (default: "the WHAT file").

    Raises:
        BadInput: naming ``what`` and the path, never the file's contents.
    """
    p = Path(path)
    if "\x00" in str(path) or not str(path).strip():
        msg = f"{what} {str(path)!r}: not a usable file name"
        raise BadInput(msg)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        msg = f"{what} {p}: no such file"
        raise BadInput(msg) from None
    except IsADirectoryError:
        msg = f"{what} {p}: is a folder, expected a file"
        raise BadInput(msg) from None
    except OSError as exc:
        msg = f"{what} {p}: cannot be read ({exc.strerror})"
        raise BadInput(msg) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            msg = f"{what} {p}: is a folder, expected a file"
            raise BadInput(msg)
        if not stat.S_ISREG(st.st_mode):
            msg = f"{what} {p}: not a regular file (a device, pipe or socket); expected a file"
            raise BadInput(msg)
        if st.st_size > cap:
            msg = (
                f"{what} {p}: {_size(st.st_size)}, larger than the {_size(cap)} sendtime reads "
                "for this kind of file"
            )
            raise BadInput(msg)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        f = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    if _reads is not None:
        _reads.setdefault((st.st_dev, st.st_ino), label or f"the {what} file")
    return f


def read_input(
    path: str | Path, what: str, cap: int = SMALL_CAP, *, label: str | None = None
) -> bytes:
    """A whole (small) input file's bytes: see ``open_input``; a file that grew is refused."""
    with open_input(path, what, cap, label=label) as f:
        try:
            data = f.read(cap + 1)
        except OSError as exc:
            msg = f"{what} {path}: cannot be read ({exc.strerror})"
            raise BadInput(msg) from None
    if len(data) > cap:
        msg = f"{what} {path}: larger than the {_size(cap)} sendtime reads for this kind of file"
        raise BadInput(msg)
    return data


def identity(path: str | Path) -> set[tuple[int, int]]:
    """The (device, inode) of a path and, when it is a symlink, of what it points to."""
    out = set()
    for follow in (False, True):
        with contextlib.suppress(OSError, ValueError):
            st = Path(path).stat(follow_symlinks=follow)
            out.add((st.st_dev, st.st_ino))
    return out


XLSX_UNPACKED_CAP = 1024 * MiB
# Apache POI refuses a zip entry that inflates more than 100-fold (ZipSecureFile's minimum
# inflate ratio, 0.01); real sheets compress 5-20 fold. Small entries are exempt, as in POI.
XLSX_RATIO = 100
XLSX_RATIO_FROM = 1 * MiB


def check_xlsx(f: IO[bytes], path: str | Path, what: str) -> None:
    """Refuse a workbook whose zip would unpack too big (a zip bomb) before openpyxl opens it.

    Raises:
        BadInput: one line naming the file and the problem.
    """
    import zipfile

    try:
        with zipfile.ZipFile(f) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        msg = f"{what} {path}: not a readable .xlsx workbook (not a zip archive)"
        raise BadInput(msg) from None
    finally:
        f.seek(0)
    total = 0
    for info in infos:
        total += info.file_size
        ratio_ok = info.file_size <= XLSX_RATIO * max(info.compress_size, 1)
        if info.file_size > XLSX_RATIO_FROM and not ratio_ok:
            msg = (
                f"{what} {path}: not a readable .xlsx workbook (a part unpacks more than "
                f"{XLSX_RATIO} times its stored size, as a zip bomb does)"
            )
            raise BadInput(msg)
    if total > XLSX_UNPACKED_CAP:
        msg = (
            f"{what} {path}: not a readable .xlsx workbook (it unpacks to {_size(total)}, more "
            f"than the {_size(XLSX_UNPACKED_CAP)} sendtime reads)"
        )
        raise BadInput(msg)
