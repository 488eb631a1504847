"""`canhgiac backup` / `canhgiac restore`: every table and every stored file comes back as it was; a damaged archive
or a database with records (without --force) is refused before anything is touched."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from canhgiac.cases.models import Case
from canhgiac.cases.services import attach_evidence
from tests.cases.helpers import make_case


def snapshot() -> dict:
    """Every row of every table (sorted), and the hash of every stored file."""
    from django.conf import settings

    tables = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if model._meta.proxy or table in tables:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            tables[table] = sorted(map(repr, cursor.fetchall()))
    media = Path(settings.MEDIA_ROOT)
    files = {p.relative_to(media).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in media.rglob("*")
             if p.is_file()}  # fmt: skip
    return {"tables": tables, "files": files}


@pytest.fixture
def stored(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    from tests.conftest import World

    world = World()
    case = make_case(world, title="Vụ lừa đảo cần sao lưu", indicators=[("phone", "0912345678")])
    attach_evidence(case, SimpleUploadedFile("anh.pdf", b"%PDF-1.4 bang chung"), actor=world.user("officer"))
    return world, case


def test_backup_then_restore_gives_back_every_row_and_file(stored, tmp_path, capsys):
    world, case = stored
    before = snapshot()
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", out=archive)
    assert "Đã sao lưu vào" in capsys.readouterr().out
    assert archive.stat().st_mode & 0o777 == 0o600
    # Life goes on: a new case, a changed title, a lost file.
    make_case(world, title="Vụ mới sau sao lưu")
    Case.objects.filter(pk=case.pk).update(title="Đã sửa")
    evidence_file = Path(case.evidence.get().file.path)
    evidence_file.unlink()
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", archive)
    assert Case.objects.count() == 2  # refused: nothing touched
    call_command("restore", archive, force=True)
    assert "số dòng mọi bảng khớp bản kê" in capsys.readouterr().out
    assert snapshot() == before
    assert evidence_file.read_bytes() == b"%PDF-1.4 bang chung"


def _rewrite(archive: Path, target: Path, change) -> None:
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if data is not None:
                data = change(member.name, data)
                member.size = len(data)
            out.addfile(member, io.BytesIO(data) if data is not None else None)


def test_a_damaged_or_foreign_archive_is_refused_and_nothing_changes(stored, tmp_path):
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", out=archive)
    before = snapshot()
    damaged = tmp_path / "hong.tar.gz"
    _rewrite(archive, damaged, lambda name, data: data + b"x" if name.startswith("media/") else data)
    with pytest.raises(CommandError, match="bị hỏng hoặc bị sửa"):
        call_command("restore", damaged, force=True)
    missing = tmp_path / "thieu.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(missing, "w:gz") as out:
        for member in source.getmembers():
            if member.name != "manifest.json":
                out.addfile(member, source.extractfile(member))
    with pytest.raises(CommandError, match="bản kê"):
        call_command("restore", missing, force=True)
    not_tar = tmp_path / "khong-phai.tar.gz"
    not_tar.write_bytes(b"day khong phai tep nen")
    with pytest.raises(CommandError, match="Không đọc được tệp sao lưu"):
        call_command("restore", not_tar, force=True)
    assert snapshot() == before
