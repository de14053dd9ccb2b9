# Moves directive, directiveupdate from the meetings app to directives: their tables keep their names and rows.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

APP = "directives"
MODELS = ['directive', 'directiveupdate']


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
        ('programs', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables are already there, under these names: only Django's picture of them moves.
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='Directive',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('order', models.PositiveIntegerField(default=0, verbose_name='ลำดับ')),
                    ('text', models.TextField(verbose_name='ข้อสั่งการ')),
                    ('due_date', models.DateField(blank=True, null=True, verbose_name='กำหนดแล้วเสร็จ')),
                    ('priority', models.CharField(choices=[('normal', 'ปกติ'), ('high', 'ด่วน'), ('urgent', 'ด่วนที่สุด')], default='normal', max_length=10, verbose_name='ความเร่งด่วน')),
                    ('status', models.CharField(choices=[('acknowledged', 'รับทราบ'), ('in_progress', 'กำลังดำเนินการ'), ('done', 'ดำเนินการแล้ว'), ('cancelled', 'ยกเลิก')], default='acknowledged', max_length=15, verbose_name='สถานะ')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='บันทึกเมื่อ')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='แก้ไขล่าสุด')),
                    ('agenda_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='directives', to='meetings.agendaitem', verbose_name='ระเบียบวาระ')),
                    ('communities', models.ManyToManyField(blank=True, related_name='directives', to='programs.community', verbose_name='หมู่บ้าน/ชุมชนที่เกี่ยวข้อง')),
                    ('issued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='directives', to='meetings.person', verbose_name='ผู้สั่งการ')),
                    ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='directives', to='meetings.meeting')),
                    ('programs', models.ManyToManyField(blank=True, related_name='directives', to='programs.program', verbose_name='โครงการ/งาน')),
                    ('responsible_offices', models.ManyToManyField(blank=True, related_name='directives', to='meetings.office', verbose_name='หน่วยงานรับผิดชอบ')),
                ],
                options={
                    'verbose_name': 'ข้อสั่งการ',
                    'verbose_name_plural': 'ข้อสั่งการ',
                    'db_table': 'meetings_directive',
                    'ordering': ['meeting', 'order', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='DirectiveUpdate',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('reported_on', models.DateField(default=django.utils.timezone.localdate, verbose_name='วันที่รายงาน')),
                    ('note', models.TextField(verbose_name='ความคืบหน้า')),
                    ('new_status', models.CharField(choices=[('acknowledged', 'รับทราบ'), ('in_progress', 'กำลังดำเนินการ'), ('done', 'ดำเนินการแล้ว'), ('cancelled', 'ยกเลิก')], max_length=15, verbose_name='สถานะใหม่')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='บันทึกเมื่อ')),
                    ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='ผู้รายงาน')),
                    ('directive', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='updates', to='directives.directive')),
                    ('office', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='directive_updates', to='meetings.office', verbose_name='หน่วยงานที่รายงาน')),
                ],
                options={
                    'verbose_name': 'รายงานความคืบหน้า',
                    'verbose_name_plural': 'รายงานความคืบหน้า',
                    'db_table': 'meetings_directiveupdate',
                    'ordering': ['directive', 'reported_on', 'pk'],
                },
            ),
            migrations.AddConstraint(
                model_name='directive',
                constraint=models.CheckConstraint(condition=models.Q(('text', ''), _negated=True), name='directive_text_not_empty'),
            ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
