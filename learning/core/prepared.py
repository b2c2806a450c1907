"""ORM queries compiled once per process, then run with new values.

Callers: the hottest reads (the forum's thread page, the API's key lookup),
where building and compiling a QuerySet costs many times what the database
does. The query is still written with the ORM, where the rules live: it is
built once per *shape* (what changes its SQL, e.g. "is there a cursor") with
sentinel values (int, str or datetime) in the places that vary per request;
the SQL and the positions of the sentinels among its parameters are kept, and
each run swaps the real values in, executes it on the connection's cursor (so
it is logged and counted like any query) and converts the rows as `values()`
does. It saves Python's work of building the SQL, not the database's. A list's
page (LIMIT/OFFSET) and its total (COUNT) are run from the same compiled query,
with the page's bounds as parameters.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.sql.compiler import SQLCompiler

M = TypeVar("M", bound=Model)

# Sentinels: values no real row or request uses, one per kind of slot.
_INT_SENTINELS = range(2_147_000_101, 2_147_000_131)
_STR_SENTINELS = [f"prepared-slot-{i}-\u2400" for i in range(9)]
_DATETIME_SENTINELS = [
    datetime(1901, 2, 3, 4, 5, i, 7_007, tzinfo=UTC) for i in range(9)
]


# Compiled queries kept per PreparedValues.
MAX_SHAPES = 256


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    slots: dict[str, list[int]]
    names: list[str]
    compiler: SQLCompiler
    converters: dict[int, Any]


class PreparedValues:
    """A `values()` query built by `build(shape, **slots)`; `run` answers its
    rows as dicts. `slots` names each varying value and its kind (int, str
    or datetime); `build` must use each slot's value only as a query parameter."""

    def __init__(
        self,
        build: Callable[..., QuerySet[Any]],
        *,
        slots: dict[str, type],
        using: str = "default",
    ) -> None:
        # run's own arguments cannot name a slot.
        if {"shape", "limit", "offset"} & set(slots):
            raise ValueError("shape, limit and offset are not slot names")
        self.build = build
        self.slots = slots
        self.using = using
        self._compiled: dict[Hashable, _Compiled] = {}

    def run(
        self,
        *,
        shape: Hashable = (),
        limit: int | None = None,
        offset: int = 0,
        **values: Any,
    ) -> list[dict[str, Any]]:
        """The rows; with `limit`, only that many from `offset` on (the built
        query must then be unsliced: paging is added as parameters, so every
        page shares one compiled query)."""
        compiled, params = self._statement(shape, values)
        sql = compiled.sql
        if limit is not None:
            sql, params = f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset]
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        names = compiled.names
        return [dict(zip(names, row, strict=True)) for row in rows]

    def count(self, *, shape: Hashable = (), **values: Any) -> int:
        """How many rows `run` would answer without a limit."""
        compiled, params = self._statement(shape, values)
        with connections[self.using].cursor() as cursor:
            # The inner SQL is the ORM's, its values parameters.
            counting = f"SELECT COUNT(*) FROM ({compiled.sql}) prepared_rows"  # noqa: S608
            cursor.execute(counting, params)
            return int(cursor.fetchone()[0])

    def statement(
        self, *, shape: Hashable = (), **values: Any
    ) -> tuple[str, list[Any]]:
        """The SQL and parameters `run` executes (without a limit): what a
        cache key of its results can be made from."""
        compiled, params = self._statement(shape, values)
        return compiled.sql, params

    def _statement(
        self, shape: Hashable, values: dict[str, Any]
    ) -> tuple[_Compiled, list[Any]]:
        connection = connections[self.using]
        key = (shape, connection.alias, connection.vendor)
        compiled = self._compiled.get(key) or self._compile(shape, key)
        params = list(compiled.params)
        for name, positions in compiled.slots.items():
            value = _adapt(connection, self._prepare(name, values[name]))
            for position in positions:
                params[position] = value
        return compiled, params

    def _compile(self, shape: Hashable, key: Hashable) -> _Compiled:
        sentinels = self._sentinels()
        queryset = self.build(shape, **sentinels)
        query = queryset.query
        compiler = query.get_compiler(using=self.using)
        sql, params = compiler.as_sql()
        connection = compiler.connection
        slots: dict[str, list[int]] = {}
        for name, sentinel in sentinels.items():
            adapted = _adapt(connection, sentinel)
            # A value written into the SQL itself could not be swapped.
            if str(adapted) in sql:
                raise ValueError(f"{name} must be a parameter of the query")
            # A shape may leave a slot out (e.g. no cursor, no date to compare).
            slots[name] = [i for i, p in enumerate(params) if p == adapted]
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        # What results_iter does per query, once: each column's conversion.
        columns = [column[0] for column in compiler.select[: compiler.col_count]]
        converters = compiler.get_converters(columns)
        compiled = _Compiled(sql, tuple(params), slots, names, compiler, converters)
        if len(self._compiled) >= MAX_SHAPES:
            # Shapes that hold data (e.g. the API's hidden paths) pile up as
            # it changes: start again rather than grow for the process's life.
            self._compiled.clear()
        self._compiled[key] = compiled
        return compiled

    def _prepare(self, name: str, value: Any) -> Any:
        # As the field would prepare it (e.g. a URL's "5" for an integer column).
        kind = self.slots[name]
        return value if value is None or kind is datetime else kind(value)

    def _sentinels(self) -> dict[str, Any]:
        sentinels = {
            int: iter(_INT_SENTINELS),
            str: iter(_STR_SENTINELS),
            datetime: iter(_DATETIME_SENTINELS),
        }
        return {name: next(sentinels[kind]) for name, kind in self.slots.items()}


def _adapt(connection: Any, value: Any) -> Any:
    # As DateTimeField.get_db_prep_value adapts it (SQLite stores text).
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def model_columns(model: type[Model], *, prefix: str = "") -> list[str]:
    """The `values()` names of a model's columns (`prefix` for a related model's,
    e.g. "user__"), for `instance_from_values`."""
    return [prefix + field.attname for field in model._meta.concrete_fields]


def instance_from_values(
    model: type[M], values: dict[str, Any], *, prefix: str = "", using: str = "default"
) -> M:
    """A model instance from a row of `values(*model_columns(model, prefix=...))`,
    as a QuerySet would load it."""
    names = model_columns(model)
    return model.from_db(using, names, [values[prefix + name] for name in names])
