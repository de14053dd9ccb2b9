# Directives, programs and the search index moved to their own apps: state only, the tables stay.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0001_initial'),
        ('directives', '0001_initial'),
        ('meetings', '0008_transition_history_and_submissions'),
        ('programs', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables are already there, under these names: only Django's picture of them moves.
            database_operations=[],
            state_operations=[
            migrations.RemoveField(
                model_name='directive',
                name='communities',
            ),
            migrations.RemoveField(
                model_name='producergroup',
                name='community',
            ),
            migrations.RemoveField(
                model_name='participation',
                name='community',
            ),
            migrations.RemoveField(
                model_name='directive',
                name='agenda_item',
            ),
            migrations.RemoveField(
                model_name='directive',
                name='issued_by',
            ),
            migrations.RemoveField(
                model_name='directive',
                name='meeting',
            ),
            migrations.RemoveField(
                model_name='directive',
                name='programs',
            ),
            migrations.RemoveField(
                model_name='directive',
                name='responsible_offices',
            ),
            migrations.AlterField(
                model_name='historicaldirective_programs',
                name='directive',
                field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directives.directive'),
            ),
            migrations.RemoveField(
                model_name='directiveupdate',
                name='directive',
            ),
            migrations.AlterField(
                model_name='historicaldirective_responsible_offices',
                name='directive',
                field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directives.directive'),
            ),
            migrations.AlterField(
                model_name='historicaldirectiveupdate',
                name='directive',
                field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directives.directive'),
            ),
            migrations.RemoveField(
                model_name='directiveupdate',
                name='author',
            ),
            migrations.RemoveField(
                model_name='directiveupdate',
                name='office',
            ),
            migrations.RemoveField(
                model_name='otoprating',
                name='group',
            ),
            migrations.RemoveField(
                model_name='otopsales',
                name='group',
            ),
            migrations.RemoveField(
                model_name='participation',
                name='program',
            ),
            migrations.RemoveField(
                model_name='participation',
                name='updated_by',
            ),
            migrations.AlterField(
                model_name='historicaldirective_programs',
                name='program',
                field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programs.program'),
            ),
            migrations.AlterField(
                model_name='historicalmeeting_programs',
                name='program',
                field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programs.program'),
            ),
            migrations.DeleteModel(
                name='SearchToken',
            ),
            migrations.AlterField(
                model_name='meeting',
                name='programs',
                field=models.ManyToManyField(blank=True, to='programs.program', verbose_name='โครงการ/งานที่เกี่ยวข้อง'),
            ),
            migrations.DeleteModel(
                name='Community',
            ),
            migrations.DeleteModel(
                name='Directive',
            ),
            migrations.DeleteModel(
                name='DirectiveUpdate',
            ),
            migrations.DeleteModel(
                name='OtopRating',
            ),
            migrations.DeleteModel(
                name='OtopSales',
            ),
            migrations.DeleteModel(
                name='ProducerGroup',
            ),
            migrations.DeleteModel(
                name='Participation',
            ),
            migrations.DeleteModel(
                name='Program',
            ),
            ],
        ),
    ]
