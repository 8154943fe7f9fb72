"""The SQLite store (sqlite-utils for schema, plain sqlite3 on the read path).

Imports nothing but the standard library and sqlite-utils; never textual, spaCy or the
other packages of newsreader.
"""

from store.db import (
    StoreError,
    backup,
    connect,
    data_dir,
    default_db_path,
    open_store,
    transaction,
    write_failure,
)
from store.schema import SCHEMA_VERSION, SchemaError

__all__ = [
    "SCHEMA_VERSION",
    "SchemaError",
    "StoreError",
    "backup",
    "connect",
    "data_dir",
    "default_db_path",
    "open_store",
    "transaction",
    "write_failure",
]
