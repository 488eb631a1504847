"""Vietnamese text search, case- and accent-insensitive, the same on every list, in the API and in the global search.

``fold("ĐỀ NGHỊ")`` is ``"de nghi"``: what the user types and what is stored are both folded before comparing.

* Large tables (cases, letters) carry a folded copy of their searchable text in ``search_text``, kept up to date
  by ``BaseModel.save`` from the model's ``search_source``; a search there is ``search_text LIKE '%…%'`` — on
  PostgreSQL served by a trigram index (``pg_trgm``), on SQLite one scan of a narrow column.
* Other fields are folded in the query: on SQLite by the ``cg_fold`` function registered on every connection (this
  module's ``fold``), on PostgreSQL by ``lower(unaccent(…))``.
"""

import unicodedata

from django.db import connection, models
from django.db.models import Q

SEARCH_COLUMN = "search_text"


def fold(text) -> str:
    """Lower case, no diacritics (đ → d), whitespace collapsed: ``"  Đề   NGHỊ "`` → ``"de nghi"``."""
    if text is None:
        return ""
    text = str(text).replace("đ", "d").replace("Đ", "d")
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())


def search_column():
    """The folded copy of a model's ``search_source`` fields (declare it as ``search_text = search_column()``)."""
    return models.TextField("chuỗi tìm kiếm", blank=True, default="", editable=False)


def search_text_of(obj) -> str:
    return fold(" ".join(str(getattr(obj, name) or "") for name in obj.search_source))


def keep_search_text(obj, kwargs: dict) -> None:
    """Before a save: refresh ``obj.search_text`` and make sure a partial save (``update_fields``) writes it."""
    if not getattr(obj, "search_source", ()):
        return
    obj.search_text = search_text_of(obj)
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and set(update_fields) & set(obj.search_source):
        kwargs["update_fields"] = {*update_fields, SEARCH_COLUMN}


class Fold(models.Func):
    """The folded value of an expression, in the database."""

    output_field = models.TextField()

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="LOWER", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="cg_fold", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        # unaccent() leaves no mark on Vietnamese letters (đ → d included); then lower-case; then collapse spaces.
        template = "regexp_replace(lower(unaccent(%(expressions)s::text)), '\\s+', ' ', 'g')"
        return super().as_sql(compiler, connection, template=template, **extra)


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    """``cg_fold(text)`` on every SQLite connection (a ``connection_created`` receiver)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("cg_fold", 1, fold, deterministic=True)


def search_q(model, fields, value: str) -> Q | None:
    """The rows whose ``fields`` contain ``value`` whatever its case and accents; None when ``value`` is blank.

    Fields in the model's ``search_source`` are matched on its folded column; the others are folded in the query."""
    term = fold(value)
    if not term:
        return None
    source = set(getattr(model, "search_source", ()))
    query = Q()
    if source & set(fields):
        query |= column_q(model, term)
    for field in fields:
        if field not in source:
            query |= Q(**{f"{field}__cg_folded_contains": term})
    return query


# A term found in more rows than this is common: scanning the list in its order finds the first page sooner.
FEW_ROWS = 2000


def column_q(model, term: str) -> Q:
    """Rows whose search column contains the folded ``term``, elsewhere ``LIKE '%…%'`` (served by a trigram index on
    PostgreSQL). On SQLite the table's FTS5 trigram index (``<table>_fts``, kept by triggers) is asked first: a term
    in few rows becomes their ids (a page of them is sorted in no time); a common one stays ``LIKE``, which the
    list's ordered scan answers after a few rows."""
    if connection.vendor == "sqlite" and not set(term) & set("%_\\"):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {model._meta.db_table}_fts WHERE {SEARCH_COLUMN} LIKE %s LIMIT %s",
                [f"%{term}%", FEW_ROWS + 1],
            )
            ids = [row[0] for row in cursor.fetchall()]
        if len(ids) <= FEW_ROWS:
            return Q(pk__in=ids)
    return Q(**{f"{SEARCH_COLUMN}__contains": term})


@models.Field.register_lookup
class FoldedContains(models.Lookup):
    """``field__cg_folded_contains="de nghi"``: the folded field contains an already folded term."""

    lookup_name = "cg_folded_contains"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = compiler.compile(Fold(self.lhs))
        rhs, rhs_params = self.process_rhs(compiler, connection)
        escaped = [str(p).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for p in rhs_params]
        return f"{lhs} LIKE {rhs} ESCAPE '\\'", [*lhs_params, *(f"%{p}%" for p in escaped)]


# Migration helpers: the same steps for every model that gains a search column.


def create_pg_extensions(apps, schema_editor) -> None:
    """``unaccent`` (folding in the query) and ``pg_trgm`` (indexes for ``LIKE '%…%'``) on PostgreSQL; nothing
    elsewhere. Both are trusted extensions: the owner of the database may create them."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def fill_search_text(app_label: str, model_name: str, source: tuple[str, ...]):
    """A ``RunPython`` step that folds the existing rows' ``source`` fields into their search column."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        batch = []
        for row in model._base_manager.only("pk", *source).iterator(chunk_size=2000):
            row.search_text = fold(" ".join(str(getattr(row, name) or "") for name in source))
            batch.append(row)
            if len(batch) == 2000:
                model._base_manager.bulk_update(batch, [SEARCH_COLUMN])
                batch = []
        model._base_manager.bulk_update(batch, [SEARCH_COLUMN])

    return forwards


def trigram_index(table: str):
    """A ``RunPython`` pair that adds (and drops) a trigram index on ``table``'s search column: a GIN index on
    PostgreSQL; on SQLite an FTS5 trigram table over the column, filled now and kept by triggers (bulk inserts
    included)."""
    name = f"{table}_search_trgm"

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in _sqlite_fts(table):
                schema_editor.execute(statement)
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({SEARCH_COLUMN} gin_trgm_ops)"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}_fts")
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return forwards, backwards


def _sqlite_fts(table: str) -> list[str]:
    fts, column = f"{table}_fts", SEARCH_COLUMN
    insert = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});"
    delete = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({column}, content='{table}', content_rowid='id', "
        "tokenize='trigram')",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN {delete} {insert} END",
    ]
