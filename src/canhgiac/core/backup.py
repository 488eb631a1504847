"""Backups: the database and every stored file in one archive with a manifest of hashes, and their restore.

``canhgiac backup --out F.tar.gz`` writes: ``database.sqlite3`` (SQLite's online backup API: consistent while the
system runs) or ``database.pgdump`` (``pg_dump --format=custom``), ``media/…`` (letters, evidence, uploads), and
``manifest.json`` (when, which engine, the rows of every table, the SHA-256 and size of every file). The archive is
readable by its owner only.

``canhgiac restore F.tar.gz`` checks every hash first (a damaged or altered archive is refused before anything is
touched), refuses to overwrite a database that holds records unless told to (``--force``), puts the database and
the files back, and checks the tables' row counts against the manifest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, connections

FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, in Vietnamese."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def table_counts() -> dict[str, int]:
    """Rows per table of every installed model (the manifest's check after a restore)."""
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if model._meta.proxy or table in counts:
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (a model's table)
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    env = dict(os.environ, PGPASSWORD=str(db.get("PASSWORD") or ""))
    args = ["-h", str(db.get("HOST") or "localhost"), "-p", str(db.get("PORT") or 5432), "-U", str(db.get("USER"))]
    return args, env


def _dump_database(target_dir: Path) -> Path:
    if connection.vendor == "sqlite":
        target = target_dir / "database.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return target
    if connection.vendor == "postgresql":
        target = target_dir / "database.pgdump"
        args, env = _pg_env()
        name = connection.settings_dict["NAME"]
        done = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", *args, "-f", str(target), name],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise BackupError(f"pg_dump không chạy được: {done.stderr.strip()}")
        return target
    raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")


def object_store() -> str | None:
    """The bucket stored files live in when they are on an S3-compatible store, else None (they are in MEDIA_ROOT)."""
    default: dict = dict(settings.STORAGES["default"])
    if str(default["BACKEND"]).startswith("storages.backends.s3"):
        return str(dict(default.get("OPTIONS", {})).get("bucket_name", ""))
    return None


def backup(out: Path) -> dict:
    """Write the archive to ``out`` and return its manifest."""
    out = Path(out)
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="canhgiac-backup-") as work:
        work_dir = Path(work)
        database = _dump_database(work_dir)
        files = {database.name: {"sha256": _sha256(database), "size": database.stat().st_size}}
        bucket = object_store()
        on_disk = bucket is None and media.exists()
        media_files = sorted(p for p in media.rglob("*") if p.is_file()) if on_disk else []
        for path in media_files:
            name = "media/" + path.relative_to(media).as_posix()
            files[name] = {"sha256": _sha256(path), "size": path.stat().st_size}
        manifest = {
            "format": FORMAT,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "engine": connection.vendor,
            "database": database.name,
            "tables": table_counts(),
            "files": files,
        }
        if bucket:
            manifest["object_store"] = bucket  # stored files stay in the bucket: its own versioning backs them up
        (work_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(work_dir / "manifest.json", arcname="manifest.json")
            archive.add(database, arcname=database.name)
            for path in media_files:
                archive.add(path, arcname="media/" + path.relative_to(media).as_posix())
        partial.replace(out)
    return manifest


def _open_checked(archive_path: Path, work_dir: Path) -> dict:
    """Unpack the archive into ``work_dir`` and check it against its manifest; BackupError on any difference."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(work_dir, filter="data")
    except (OSError, tarfile.TarError, EOFError) as exc:
        raise BackupError(f"Không đọc được tệp sao lưu {archive_path}: {exc}") from None
    try:
        manifest = json.loads((work_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError("Tệp sao lưu không có bản kê (manifest.json) hợp lệ.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Tệp sao lưu định dạng {manifest.get('format')!r}, phiên bản này đọc định dạng {FORMAT}.")
    if manifest.get("engine") != connection.vendor:
        raise BackupError(
            f"Tệp sao lưu của cơ sở dữ liệu {manifest.get('engine')}, hệ thống đang dùng {connection.vendor}."
        )
    for name, expected in manifest["files"].items():
        path = work_dir / name
        if not path.is_file():
            raise BackupError(f"Tệp sao lưu bị thiếu {name}.")
        if _sha256(path) != expected["sha256"]:
            raise BackupError(f"Tệp sao lưu bị hỏng hoặc bị sửa: {name} không đúng mã băm trong bản kê.")
    return manifest


def _holds_records() -> bool:
    from canhgiac.core.models import Document, User

    try:  # a database in use has users; a fresh one (only migrated) has none
        return User.objects.exists() or Document.objects.exists()
    except Exception:  # noqa: BLE001 (an empty database without tables holds nothing)
        return False


def _restore_database(work_dir: Path, manifest: dict) -> None:
    source = work_dir / manifest["database"]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
        return
    args, env = _pg_env()
    connections.close_all()
    done = subprocess.run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *args,
         "-d", connection.settings_dict["NAME"], str(source)],
        env=env,
        capture_output=True,
        text=True,
    )  # fmt: skip
    if done.returncode:
        raise BackupError(f"pg_restore không chạy được: {done.stderr.strip()[:2000]}")


def restore(archive_path: Path, *, force: bool = False) -> dict:
    """Put the archive's database and files back; return its manifest. Nothing is touched if a check fails."""
    with tempfile.TemporaryDirectory(prefix="canhgiac-restore-") as work:
        work_dir = Path(work)
        manifest = _open_checked(Path(archive_path), work_dir)
        if not force and _holds_records():
            raise BackupError(
                "Cơ sở dữ liệu hiện có hồ sơ: khôi phục sẽ thay toàn bộ dữ liệu. Chạy lại với --force nếu chắc chắn."
            )
        _restore_database(work_dir, manifest)
        if object_store() is None:  # files on an object store stay in their bucket, which the archive does not hold
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                shutil.rmtree(media)
            if (work_dir / "media").exists():
                shutil.copytree(work_dir / "media", media)
            else:
                media.mkdir(parents=True)
            os.chmod(media, 0o700)
    now = table_counts()
    differences = {t: (rows, now.get(t)) for t, rows in manifest["tables"].items() if now.get(t) != rows}
    if differences:
        raise BackupError(f"Sau khi khôi phục, số dòng khác bản kê: {differences}")
    return manifest
