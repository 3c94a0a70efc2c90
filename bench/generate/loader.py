"""Writes rows with ids chosen here: COPY on PostgreSQL, bulk_create elsewhere."""

import itertools
from collections.abc import Iterable

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone
from psycopg.types.json import Jsonb


class Loader:
    """Writes rows with ids chosen here, so that foreign keys need no read-back.

    Fields left out get their model default (or now() for auto_now fields), so a field that
    someone adds later with a default does not break the generator.
    """

    def __init__(self):
        self.postgres = connection.vendor == "postgresql"
        self.now = timezone.now()
        self.counts: dict[str, int] = {}
        self.loaded: list[type[models.Model]] = []

    def add(self, model, fields: list[str], rows: Iterable[tuple]) -> range:
        """Writes `rows` (values for `fields`, in that order), numbered from the next free id;
        returns the ids they were given."""
        # Asked before the COPY starts: the connection runs one statement at a time.
        top = model._default_manager.aggregate(top=models.Max("pk"))["top"]
        first = (top or 0) + 1
        written = self._write(model, [model._meta.pk.name, *fields], rows, first)
        if model not in self.loaded:
            self.loaded.append(model)
        self.record(model, written)
        return range(first, first + written)

    def record(self, model, n: int) -> None:
        """Counts `n` rows of `model` as written (also for pages, which are not written here)."""
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + n

    def reset_sequences(self) -> None:
        """COPY with explicit ids leaves PostgreSQL's sequences behind: move them on."""
        if not self.postgres or not self.loaded:
            return
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), self.loaded):
                cursor.execute(sql)

    def _write(self, model, fields: list[str], rows: Iterable[tuple], first: int) -> int:
        given = [model._meta.get_field(name) for name in fields]
        named = {f.attname for f in given}
        left = [f for f in model._meta.concrete_fields if f.attname not in named]
        tail = tuple(self._default(model, f) for f in left)
        write = self._copy if self.postgres else self._bulk
        return write(model, given + left, rows, first, tail)

    def _default(self, model, f):
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            return self.now
        if (default := f.get_default()) is not None or f.null:
            return default
        raise ValueError(f"{model.__name__}.{f.name} needs a value from the generator")

    def _copy(self, model, all_fields, rows, first, tail) -> int:
        json_at = [i for i, f in enumerate(all_fields) if f.get_internal_type() == "JSONField"]
        columns = ", ".join(connection.ops.quote_name(f.column) for f in all_fields)
        table = connection.ops.quote_name(model._meta.db_table)
        pk = first
        sql = f"COPY {table} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                row = (pk, *row, *tail)
                if json_at:
                    row = list(row)
                    for i in json_at:
                        row[i] = Jsonb(row[i])
                copy.write_row(row)
                pk += 1
        return pk - first

    def _bulk(self, model, all_fields, rows, first, tail) -> int:
        names = [f.attname for f in all_fields]
        n = 0
        iterator = iter(rows)
        while batch := list(itertools.islice(iterator, 2000)):
            model._default_manager.bulk_create(
                [
                    model(**dict(zip(names, (first + n + i, *row, *tail), strict=True)))
                    for i, row in enumerate(batch)
                ]
            )
            n += len(batch)
        return n
