# Moves searchtoken from the meetings app to search: their tables keep their names and rows.

from django.db import migrations, models

APP = "search"
MODELS = ['searchtoken']


def move_content_types(apps, schema_editor):
    """Permissions, admin log entries and history keep pointing at these models: their content types
    move from the meetings app to this one (on a new database there are none yet)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=APP, model=model).exists():
            ContentType.objects.filter(app_label="meetings", model=model).update(app_label=APP)


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=APP, model__in=MODELS).update(app_label="meetings")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('meetings', '0008_transition_history_and_submissions'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables are already there, under these names: only Django's picture of them moves.
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='SearchToken',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('word', models.CharField(max_length=64)),
                    ('kind', models.PositiveSmallIntegerField(choices=[(1, 'การประชุม'), (2, 'ข้อสั่งการ')])),
                    ('object_id', models.BigIntegerField()),
                    ('weight', models.PositiveIntegerField()),
                    ('day', models.DateField()),
                ],
                options={
                    'db_table': 'meetings_searchtoken',
                    'indexes': [models.Index(fields=['word', '-weight', '-day'], name='search_token_word_rank')],
                    'constraints': [models.UniqueConstraint(fields=('kind', 'object_id', 'word'), name='search_token_unique_per_record')],
                },
            ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
