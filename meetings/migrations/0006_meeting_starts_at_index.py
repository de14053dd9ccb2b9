"""An index on Meeting.starts_at for the directive list, which sorts by meeting date (issue #4).

Created in SQL rather than in Meeting.Meta so the meeting model stays as the staff feature keeps it;
the migration state is unchanged, so makemigrations sees nothing to do.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_search_token")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX meeting_starts_at_idx ON meetings_meeting (starts_at)",
            reverse_sql="DROP INDEX meeting_starts_at_idx",
        ),
    ]
