"""Big regular expressions compiled once and remembered between runs.

The lexicons are compiled into long alternations (trigger words, count phrases, date forms): reading and
translating them is most of a run's start. ``compile`` does what ``re.compile`` does, but keeps the
translation (the engine's code, as the standard library's own compiler makes it) in the cache directory, so
the next process hands it straight to the engine: the same pattern object, made without reading the
pattern again. The file is named by the Python version and the engine's ``MAGIC`` (either may change the
code), and is keyed by each pattern's text and flags, so a stale entry is never used; anything unexpected
falls back to ``re.compile``.
"""
from __future__ import annotations

import atexit
from array import array
import hashlib
import marshal
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from tallylog.cache import cache_dir, replace_atomically

try:  # the standard library's own parser and compiler (``sre_parse``/``sre_compile`` before Python 3.11)
    import _sre
    from re import _compiler as _sc
    from re import _parser as _sp
except ImportError:  # pragma: no cover - older layouts: no cache, plain re.compile
    _sre = None  # type: ignore[assignment]

#: the array type of the engine's code words (``_sre.CODESIZE`` bytes each)
_CODE_TYPE = "I" if _sre is None or getattr(_sre, "CODESIZE", 4) == array("I").itemsize else "L"

#: entries made in this process and not yet written to disk
_unsaved: dict[tuple[str, int], tuple[Any, ...]] = {}
#: keys of the entries this process took from the file (kept when it writes the file; the rest are dropped, so
#: that patterns of an older lexicon do not pile up)
_used: set[tuple[str, int]] = set()


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - as re.compile
    """``re.compile(pattern, flags)``, from the cache where it was made before."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _known().get(key)
    if entry is not None:
        try:
            made = _made(pattern, *entry)
            _used.add(key)
            return made
        except Exception:  # noqa: BLE001 - not an entry this engine takes: made afresh below
            pass
    parsed = _sp.parse(pattern, flags)
    # the code as the bytes of an array of unsigned ints, the engine's code size (quick to store and read)
    entry = (int(flags | parsed.state.flags), array(_CODE_TYPE, _sc._code(parsed, flags)).tobytes(),
             parsed.state.groups - 1, {str(k): int(v) for k, v in parsed.state.groupdict.items()})
    made = _made(pattern, *entry)
    _known()[key] = _unsaved[key] = entry
    return made


def _made(pattern: str, flags: int, code: bytes, groups: int, groupindex: dict[str, int]) -> re.Pattern[str]:
    """The pattern object, as ``re._compiler.compile`` hands its parts to the engine."""
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, tuple(indexgroup))


def _path() -> Path:
    tag = f"{sys.version}\0{getattr(_sre, 'MAGIC', '')}\0{Path(__file__).read_bytes()!r}"
    return cache_dir() / f"rx-{hashlib.sha1(tag.encode()).hexdigest()[:12]}.marshal"


@lru_cache(maxsize=1)
def _known() -> dict[tuple[str, int], tuple[Any, ...]]:
    """Entries made by earlier runs; new ones are written when the process ends. A missing or unreadable file
    is an empty cache."""
    atexit.register(save)
    try:
        known = marshal.loads(_path().read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return known if isinstance(known, dict) else {}


def save() -> None:
    """Write the entries made in this process to the cache (atomically; skipped where it cannot be written)."""
    if not _unsaved:
        return
    path = _path()
    try:
        on_disk = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        on_disk = {}
    # another process may have written entries of its own meanwhile: those this process used are kept with the
    # new ones; the others (an older lexicon's, or ones no process here needs) are dropped
    kept = {k: v for k, v in on_disk.items() if k in _used} if isinstance(on_disk, dict) else {}
    try:
        data = marshal.dumps(kept | _unsaved)
    except ValueError:
        return
    if not replace_atomically(path, data):
        return
    _unsaved.clear()
