"""An index on Meeting (fiscal_year, starts_at) for the directive list filtered by fiscal year (issue #4).

The list shows a year's directives newest meeting first. With this index PostgreSQL reads that year's
meetings already in date order and stops after a page, instead of walking every later meeting on the
starts_at index (20,000 of them for 2566 at 100,000 meetings) or sorting the whole year.
Created in SQL like 0006, so the meeting model stays as the staff feature keeps it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("meetings", "0006_meeting_starts_at_index")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX meeting_year_starts_at_idx ON meetings_meeting (fiscal_year, starts_at)",
            reverse_sql="DROP INDEX meeting_year_starts_at_idx",
        ),
    ]
