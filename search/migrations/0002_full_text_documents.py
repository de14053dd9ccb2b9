# The posting table (one row per word) gives way to one document per record in the database's own full-text
# engine: a tsvector with a GIN index on PostgreSQL, an FTS5 table on SQLite (search/engine.py). The index is
# derived data: the first `migrate` after this one rebuilds it (search/apps.py), as `manage.py reindex` does.

from django.db import migrations, models


def create_engine(apps, schema_editor):
    from search import engine

    engine.create_schema(schema_editor)


def drop_engine(apps, schema_editor):
    from search import engine

    engine.drop_schema(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="SearchToken"),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("kind", models.PositiveSmallIntegerField(choices=[(1, "การประชุม"), (2, "ข้อสั่งการ")])),
                ("object_id", models.BigIntegerField()),
                ("day", models.DateField()),
                ("status", models.CharField(blank=True, max_length=10)),
                ("organizer_id", models.BigIntegerField(null=True)),
            ],
            options={"db_table": "search_document"},
        ),
        migrations.CreateModel(
            name="SearchToken",
            fields=[
                ("pk", models.CompositePrimaryKey("kind", "object_id", "word", blank=True, editable=False, primary_key=True, serialize=False)),
                ("word", models.CharField(max_length=64)),
                ("kind", models.PositiveSmallIntegerField(choices=[(1, "การประชุม"), (2, "ข้อสั่งการ")])),
                ("object_id", models.BigIntegerField()),
                ("weight", models.PositiveIntegerField()),
                ("day", models.DateField()),
            ],
            options={"db_table": "search_token", "managed": False},
        ),
        migrations.RunPython(create_engine, drop_engine),
    ]
