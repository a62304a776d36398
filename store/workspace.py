"""Path confinement: every path a request names resolves inside the workspace, or is refused."""

from __future__ import annotations

import os
import tarfile
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from errors import BadInput, Forbidden, ForgeflowError, NotFound, check_value
from settings import get_settings

STATE_FOLDER = ".forgeflow"
"""Forgeflow's own folder in the workspace (the manifest of outputs): never written by a tool."""


def workspace_root() -> Path:
    """The workspace folder (`$FORGEFLOW_HOME/workspace`)."""
    return get_settings().workspace


def readable_roots() -> list[Path]:
    """Folders a request may read from: the workspace, `$FORGEFLOW_HOME/data`, FORGEFLOW_DATA_DIRS."""
    s = get_settings()
    return [s.workspace, s.data_dir, *s.extra_data_dirs]


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _check_text(raw: str | os.PathLike[str]) -> str:
    text = os.fspath(raw)
    if not isinstance(text, str) or not text.strip():
        raise BadInput("empty path", hint="give a path relative to the workspace")
    if "\x00" in text:
        raise BadInput("path contains a NUL byte", hint="remove the NUL byte from the path")
    check_value(text, "path")
    # The OS refuses longer names with an error; a request gets a clear one first.
    encoded = text.encode("utf-8")
    if len(encoded) > 4096 or any(len(part) > 255 for part in encoded.split(b"/")):
        raise BadInput(
            "path is too long (over 255 bytes in a name or 4096 in all)",
            hint="use a shorter path",
            code="path_too_long",
        )
    return text


def _refuse(text: str, for_write: bool) -> Forbidden:
    ws = workspace_root()
    where = "the workspace" if for_write else "the workspace or a data folder"
    return Forbidden(
        f"path {text!r} is outside {where}",
        hint=f"use a path relative to the workspace ({ws}); '..', '~', absolute paths elsewhere "
        "and symlinks leading out are refused",
        code="path_outside_workspace",
    )


def _refuse_hidden(text: str, rel: Path) -> None:
    """Refuse a write to a hidden file or folder of the workspace (after links are followed):
    `.forgeflow/` is forgeflow's own record of outputs, and hidden names are never listed as data.
    """
    name = "/".join(rel.parts)  # '' for the workspace itself, which is no hidden name
    if not is_hidden(name):
        return
    whose = (
        "forgeflow's own folder, its record of outputs"
        if rel.parts[0] == STATE_FOLDER
        else "a hidden file or folder"
    )
    raise Forbidden(
        f"path {text!r} leads into {whose} ({name})",
        hint="write it elsewhere in the workspace, under a name with no part starting with '.'",
        code="reserved_path",
    )


def resolve_path(
    raw: str | os.PathLike[str],
    *,
    must_exist: bool = False,
    for_write: bool = False,
    roots: list[Path] | None = None,
) -> Path:
    """Resolve `raw` (relative paths against the workspace) and refuse it outside the allowed roots.

    The one resolver for every path a request names, explicitly or by a bare file name found
    in a data folder. Symlinks are followed before the check, so a link pointing out is
    refused too. `~` is never expanded: a request cannot name a home folder. Writes are
    allowed in the workspace only, never in a hidden file or folder there (`.forgeflow/`);
    reads also in the data folders.
    """
    text = _check_text(raw)
    if text.startswith("~"):
        raise _refuse(text, for_write)
    ws = workspace_root()
    allowed = [ws] if for_write else (roots or readable_roots())
    candidate = Path(text)
    if not candidate.is_absolute():
        candidate = ws / candidate
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError):  # a symlink loop, or a name the OS cannot take
        raise BadInput(
            f"path {text!r} cannot be resolved", hint="check the path for symlink loops"
        ) from None
    if not any(_inside(resolved, root) for root in allowed):
        raise _refuse(text, for_write)
    if for_write:
        _refuse_hidden(text, resolved.relative_to(ws))
    if must_exist and not resolved.exists():
        raise NotFound(
            f"file {text!r} not found",
            hint="list files with GET /api/files/list or the list_local_datasets tool",
        )
    return resolved


def confined(raw: str | os.PathLike[str], *, roots: list[Path] | None = None) -> bool:
    """Whether `resolve_path` accepts `raw` (for listings: a name it refuses, such as a link
    leading out or a name that is no valid text, is left out rather than shown or chosen).
    """
    try:
        resolve_path(raw, roots=roots)
    except ForgeflowError:
        return False
    return True


def is_hidden(name: str) -> bool:
    """Whether a workspace-relative name lies in, or is, a dot file or folder ('.cache/x.csv')."""
    return "/." in f"/{name}"


def is_workspace_file(raw: str | os.PathLike[str]) -> bool:
    """Whether `raw` names a file `resolve_path` accepts (a refused path, a folder, a link to
    itself or nothing there is none).
    """
    try:
        return resolve_path(raw).is_file()
    except (ForgeflowError, OSError, ValueError):
        return False


def is_workspace_folder(raw: str | os.PathLike[str]) -> bool:
    """Whether `raw` names a folder `resolve_path` accepts (a refused path, a file, a link out of
    the workspace or nothing there is none).
    """
    try:
        return resolve_path(raw).is_dir()
    except (ForgeflowError, OSError, ValueError):
        return False


def output_file(raw: str | os.PathLike[str]) -> Path:
    """A file path to write in the workspace, its folder created; refused when it is a folder."""
    path = resolve_path(raw, for_write=True)
    if path.is_dir() or os.fspath(raw).endswith(("/", os.sep)):
        raise BadInput(
            f"output path {os.fspath(raw)!r} is a folder",
            hint="name a file to write, e.g. 'out/labels.csv'",
            code="output_is_folder",
        )
    _make_folder(path.parent, os.fspath(raw))
    return path


def output_folder(raw: str | os.PathLike[str]) -> Path:
    """A folder to write into in the workspace (created); refused when it is a file."""
    path = resolve_path(raw, for_write=True)
    _make_folder(path, os.fspath(raw))
    return path


def _make_folder(path: Path, text: str) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise BadInput(
            f"{text!r} needs a folder where a file already is",
            hint="choose another output path",
            code="output_is_file",
        ) from None


def relative_to_workspace(path: Path) -> str:
    """Return `path` relative to the workspace when inside it, else the absolute path."""
    ws = workspace_root()
    try:
        return str(path.resolve().relative_to(ws))
    except ValueError:
        return str(path)


def numbered(rel: str, number: int | str) -> str:
    """`rel` with `_<number>` after its stem ('out/scores.csv', 2 → 'out/scores_2.csv')."""
    path = PurePosixPath(rel)
    suffix = path.suffix
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    return str(path.with_name(f"{stem}_{number}{suffix}"))


def free_names(rels: Iterable[str], avoid: Iterable[str] = ()) -> list[str]:
    """Names beside `rels` that no workspace file has yet, numbered alike: the first number
    free for all of them and not in `avoid` ('train.csv', 'valid.csv' → 'train_2.csv',
    'valid_2.csv'; a call's other outputs go in `avoid`).
    """
    root = workspace_root()
    wanted, taken = list(rels), set(avoid)
    for number in range(2, 1000):
        names = [numbered(rel, number) for rel in wanted]
        if not any(name in taken or (root / name).exists() for name in names):
            return names
    return [numbered(rel, "new") for rel in wanted]


def free_name(rel: str) -> str:
    """A name beside `rel` that no file has yet ('scores.csv' → 'scores_2.csv')."""
    return free_names([rel])[0]


def _member_target(dest: Path, name: str) -> Path:
    if "\x00" in name or os.path.isabs(name) or name.startswith(("/", "\\")):
        raise Forbidden(f"archive member {name!r} has an absolute path", code="unsafe_archive")
    target = (dest / name).resolve()
    if not _inside(target, dest.resolve()):
        raise Forbidden(
            f"archive member {name!r} would extract outside the destination",
            hint="the archive is unsafe (path traversal); nothing was extracted",
            code="unsafe_archive",
        )
    return target


def safe_extract(archive: Path, dest: Path, *, max_bytes: int | None = None) -> list[Path]:
    """Extract a zip or tar archive into `dest`, refusing traversal, links and oversize content.

    Every member is checked before anything is written, so a bad archive extracts nothing.
    """
    dest.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if max_bytes is not None and total > max_bytes:
                raise _too_big(total, max_bytes)
            targets = [(_member_target(dest, i.filename), i) for i in infos]
            for target, info in targets:
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(target, "wb") as out:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
                written.append(target)
        return written
    if tarfile.is_tarfile(archive):
        with tarfile.open(archive) as tf:
            members = tf.getmembers()
            total = sum(m.size for m in members if m.isfile())
            if max_bytes is not None and total > max_bytes:
                raise _too_big(total, max_bytes)
            for m in members:
                if m.issym() or m.islnk() or m.isdev():
                    raise Forbidden(
                        f"archive member {m.name!r} is a link or device",
                        hint="links in archives are refused; nothing was extracted",
                        code="unsafe_archive",
                    )
                _member_target(dest, m.name)
            for m in members:
                target = _member_target(dest, m.name)
                if m.isdir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                src = tf.extractfile(m)
                if src is None:
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with src, open(target, "wb") as out:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
                written.append(target)
        return written
    raise BadInput(
        f"{archive.name} is not a zip or tar archive", hint="give a .zip or .tar(.gz) file"
    )


def _too_big(total: int, limit: int) -> Exception:
    from errors import PayloadTooLarge

    return PayloadTooLarge(
        f"archive expands to {total / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit",
        hint="raise FORGEFLOW_MAX_DOWNLOAD_MB or pick a smaller dataset/config",
    )
