"""On PostgreSQL, a text search configuration that ignores accents, for the site's
search index (SEARCH_CONFIG in cms/settings/base.py): "dialogo" finds "diálogo"
and the other way round, in every content language. Words are not stemmed, as in
SQLite's full-text index, so both databases find the same pages. SQLite's index
(FTS5, unicode61) already folds accents: nothing to do there.

Entries indexed before this migration keep the old configuration until
`manage.py update_index` rebuilds them.
"""

from django.db import migrations

CONFIG = "mlp_unaccented"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
    schema_editor.execute(
        f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple)"
    )
    schema_editor.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
        "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple"
    )


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_configuration, drop_configuration),
    ]
