"""The one way the playground writes a file, and errors about files in one plain line.

``atomic_write`` puts the data in a temporary file beside the target, flushes it to disk, then
moves it into place with ``os.replace``: a failure leaves the old file (or none) and no partial
or temporary file, and raises ``ExportError("cannot write PATH: REASON")``.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from playground.core.config import ConfigError


class ExportError(ConfigError):
    """A file could not be written; the message names the path and the reason in plain words."""

    def __init__(self, message: str):
        super().__init__("export", message)


def atomic_write(path: str | os.PathLike, data: bytes | str) -> None:
    """Write ``data`` (str: as UTF-8) to a temporary file beside ``path``, flush it to disk, then
    move it into place."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    created = False
    try:
        # 0o666 minus the umask, like any new file (mkstemp would make it private to the owner).
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        created = True
        with open(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        if created:
            _remove_quietly(tmp)
        raise ExportError(f"cannot write {path}: {os_reason(e, path)}") from None
    except BaseException:
        if created:
            _remove_quietly(tmp)
        raise


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def os_reason(e: OSError, path: str | os.PathLike) -> str:
    """Why reading or writing ``path`` failed, in plain words ("the disk is full")."""
    folder = Path(path).parent
    reasons = {
        errno.ENOENT: f"the folder {folder} does not exist",
        errno.ENOTDIR: f"{folder} is not a folder",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.EISDIR: "a folder of that name is in the way",
    }
    if hasattr(errno, "EDQUOT"):
        reasons[errno.EDQUOT] = "the disk quota is used up"
    if e.errno in reasons:
        return reasons[e.errno]
    text = e.strerror or str(e) or type(e).__name__
    return text[:1].lower() + text[1:]


def first_line(e: BaseException) -> str:
    """An exception's message, first line only (the exporters' errors run to pages)."""
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


__all__ = ["ExportError", "atomic_write", "first_line", "os_reason"]
