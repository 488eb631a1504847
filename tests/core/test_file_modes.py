"""Evidence, uploads, the data folder and the SQLite database are readable by the service account only."""

import os
import stat
import subprocess
import sys

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from canhgiac.cases.services import attach_evidence
from tests.cases.helpers import make_case


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_evidence_file_and_its_folders_are_private(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    old_umask = os.umask(0o022)  # the usual umask: files would be world-readable without the settings
    try:
        case = make_case(world)
        evidence = attach_evidence(case, SimpleUploadedFile("anh.png", b"\x89PNG data"), actor=world.user("officer"))
    finally:
        os.umask(old_umask)
    path = evidence.file.path
    assert _mode(path) == 0o600
    folder = os.path.dirname(path)
    while os.path.abspath(folder) != os.path.abspath(settings.MEDIA_ROOT):
        assert _mode(folder) == 0o700, folder
        folder = os.path.dirname(folder)


def test_test_database_file_or_data_folder_is_private(db, settings):
    """On SQLite the database file is 0600; on PostgreSQL (no file here) the data folder is still 0700."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        assert _mode(connection.settings_dict["NAME"]) == 0o600
    else:
        assert _mode(str(settings.VAR_DIR)) == 0o700


def test_fresh_data_folder_and_database_are_private(tmp_path):
    var = tmp_path / "var"
    code = (
        "import os; os.umask(0o022); import django; django.setup(); "
        "from django.db import connection; connection.ensure_connection(); "
        "connection.cursor().execute('create table t (x int)'); print(connection.settings_dict['NAME'])"
    )
    env = dict(os.environ, CANHGIAC_VAR=str(var), DJANGO_SETTINGS_MODULE="canhgiac.settings")
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    database = result.stdout.strip().splitlines()[-1]
    assert _mode(var) == 0o700
    assert _mode(database) == 0o600
    for suffix in ("-wal", "-shm"):
        if os.path.exists(database + suffix):
            assert _mode(database + suffix) == 0o600
    assert _mode(var / "secret_key") == 0o600
