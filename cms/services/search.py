"""Upkeep of the database search index."""

from django.db import connection

FTS_TABLE = "wagtailsearch_indexentry_fts"


def search_index_compact() -> None:
    """Merge SQLite's full-text index, so the words of deleted entries leave its data blocks.

    FTS5 only marks deleted rows until segments merge; after an erasure nothing may keep the
    person's words. PostgreSQL keeps its index in the rows themselves, so there is nothing to do.
    """
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if FTS_TABLE in connection.introspection.table_names(cursor):
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608
