"""The SQLite database file (and its WAL/shared-memory files) readable by the service account only, whatever the
umask of the process that created it: made 0600 as each connection opens."""

import os
import stat
from contextlib import suppress


def private_sqlite_files(sender, connection, **kwargs) -> None:
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    for path in (name, name + "-wal", name + "-shm"):
        with suppress(FileNotFoundError, PermissionError):
            if stat.S_IMODE(os.stat(path).st_mode) != 0o600:
                os.chmod(path, 0o600)
