"""SQLite, the embedded default, set up for a web store's concurrent writers: write-ahead
logging on file databases (readers never wait for the writer), and a busy timeout, so a
writer waits its turn instead of failing with "database is locked"."""

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 30_000


@event.listens_for(Engine, "connect")
def _on_connect(dbapi_connection: object, _record: object) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if cursor.execute("PRAGMA database_list").fetchone()[2]:  # a file, not memory
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()
