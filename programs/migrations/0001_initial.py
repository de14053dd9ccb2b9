# Moves program, community, participation, producergroup, otoprating, otopsales from the meetings app to programs: their tables keep their names and rows.

import django.core.validators
import django.db.models.deletion
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

APP = "programs"
MODELS = ['program', 'community', 'participation', 'producergroup', 'otoprating', 'otopsales']


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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables are already there, under these names: only Django's picture of them moves.
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='Program',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('sort_key', models.CharField(db_index=True, default='', editable=False, max_length=512)),
                    ('code', models.SlugField(max_length=60, unique=True, verbose_name='รหัส')),
                    ('name', models.CharField(max_length=200, verbose_name='ชื่อโครงการ/งาน')),
                    ('description', models.TextField(blank=True, verbose_name='คำอธิบาย')),
                    ('kind', models.CharField(choices=[('khok_nong_na', 'โคก หนอง นา: ครัวเรือน แปลง พื้นที่'), ('nam_phatcharatham', 'ชุมชนน้ำพัชรธรรม: กิจกรรมรอบฝาย การบริหารจัดการน้ำ'), ('otop', 'OTOP: กลุ่มผู้ผลิต ระดับดาว ยอดจำหน่าย'), ('general', 'ทั่วไป: ผู้เข้าร่วม และสถานะ')], default='general', max_length=20, verbose_name='ลักษณะข้อมูลรายชุมชน')),
                ],
                options={
                    'verbose_name': 'โครงการ/งาน',
                    'verbose_name_plural': 'โครงการ/งาน',
                    'db_table': 'meetings_program',
                    'ordering': ['sort_key'],
                },
            ),
            migrations.CreateModel(
                name='Community',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('name', models.CharField(max_length=200, verbose_name='ชื่อหมู่บ้าน/ชุมชน')),
                    ('moo', models.SmallIntegerField(validators=[django.core.validators.MinValueValidator(1, message='หมู่ที่ต้องเป็นเลข 1 ขึ้นไป')], verbose_name='หมู่ที่')),
                    ('tambon', models.CharField(max_length=100, verbose_name='ตำบล')),
                    ('district', models.CharField(choices=[('เมืองลำพูน', 'เมืองลำพูน'), ('แม่ทา', 'แม่ทา'), ('บ้านโฮ่ง', 'บ้านโฮ่ง'), ('ลี้', 'ลี้'), ('ทุ่งหัวช้าง', 'ทุ่งหัวช้าง'), ('ป่าซาง', 'ป่าซาง'), ('บ้านธิ', 'บ้านธิ'), ('เวียงหนองล่อง', 'เวียงหนองล่อง')], max_length=30, verbose_name='อำเภอ')),
                    ('households', models.IntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(0, message='จำนวนครัวเรือนต้องไม่ติดลบ')], verbose_name='จำนวนครัวเรือน')),
                    ('sort_key', models.CharField(db_index=True, default='', editable=False, max_length=512)),
                ],
                options={
                    'verbose_name': 'หมู่บ้าน/ชุมชน',
                    'verbose_name_plural': 'หมู่บ้าน/ชุมชน',
                    'db_table': 'meetings_community',
                    'ordering': ['district', 'tambon', 'moo'],
                    'constraints': [models.UniqueConstraint(fields=('district', 'tambon', 'moo'), name='community_unique_moo_in_tambon', violation_error_message='ตำบลนี้มีหมู่ที่นี้อยู่แล้ว'), models.CheckConstraint(condition=models.Q(('moo__gte', 1)), name='community_moo_positive'), models.CheckConstraint(condition=models.Q(('households__isnull', True), ('households__gte', 0), _connector='OR'), name='community_households_not_negative')],
                },
            ),
            migrations.CreateModel(
                name='ProducerGroup',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('name', models.CharField(max_length=200, verbose_name='ชื่อกลุ่ม')),
                    ('products', models.CharField(max_length=300, verbose_name='ผลิตภัณฑ์')),
                    ('category', models.CharField(choices=[('food', 'อาหาร'), ('beverage', 'เครื่องดื่ม'), ('textile', 'ผ้า เครื่องแต่งกาย'), ('craft', 'ของใช้ ของตกแต่ง ของที่ระลึก'), ('herbal', 'สมุนไพรที่ไม่ใช่อาหาร')], max_length=10, verbose_name='ประเภทผลิตภัณฑ์')),
                    ('community', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='producer_groups', to='programs.community', verbose_name='หมู่บ้าน/ชุมชน')),
                ],
                options={
                    'verbose_name': 'กลุ่มผู้ผลิต OTOP',
                    'verbose_name_plural': 'กลุ่มผู้ผลิต OTOP',
                    'db_table': 'meetings_producergroup',
                    'ordering': ['community', 'name'],
                },
            ),
            migrations.CreateModel(
                name='OtopSales',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('fiscal_year', models.SmallIntegerField(validators=[django.core.validators.MinValueValidator(2540, message='ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564'), django.core.validators.MaxValueValidator(2700, message='ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564')], verbose_name='ปีงบประมาณ')),
                    ('amount', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='ยอดจำหน่ายต้องไม่ติดลบ')], verbose_name='ยอดจำหน่าย (บาท)')),
                    ('group', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sales', to='programs.producergroup', verbose_name='กลุ่ม')),
                ],
                options={
                    'verbose_name': 'ยอดจำหน่าย OTOP',
                    'verbose_name_plural': 'ยอดจำหน่าย OTOP',
                    'db_table': 'meetings_otopsales',
                    'ordering': ['group', '-fiscal_year'],
                },
            ),
            migrations.CreateModel(
                name='OtopRating',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('selection_year', models.SmallIntegerField(validators=[django.core.validators.MinValueValidator(2540, message='ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564'), django.core.validators.MaxValueValidator(2700, message='ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564')], verbose_name='ปีที่คัดสรร (พ.ศ.)')),
                    ('stars', models.SmallIntegerField(validators=[django.core.validators.MinValueValidator(1, message='ระดับดาวต้องอยู่ระหว่าง 1 ถึง 5'), django.core.validators.MaxValueValidator(5, message='ระดับดาวต้องอยู่ระหว่าง 1 ถึง 5')], verbose_name='ระดับดาว')),
                    ('group', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ratings', to='programs.producergroup', verbose_name='กลุ่ม')),
                ],
                options={
                    'verbose_name': 'ระดับดาว OTOP',
                    'verbose_name_plural': 'ระดับดาว OTOP',
                    'db_table': 'meetings_otoprating',
                    'ordering': ['group', '-selection_year'],
                },
            ),
            migrations.CreateModel(
                name='Participation',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('fiscal_year', models.SmallIntegerField(validators=[django.core.validators.MinValueValidator(2540, message='ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564'), django.core.validators.MaxValueValidator(2700, message='ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564')], verbose_name='ปีงบประมาณ')),
                    ('status', models.CharField(choices=[('planned', 'วางแผน'), ('active', 'กำลังดำเนินการ'), ('completed', 'ดำเนินการแล้ว'), ('suspended', 'หยุดดำเนินการ')], default='active', max_length=12, verbose_name='สถานะ')),
                    ('participants', models.IntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(0, message='จำนวนผู้เข้าร่วมต้องไม่ติดลบ')], verbose_name='ผู้เข้าร่วม (คน)')),
                    ('households', models.IntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(0, message='จำนวนครัวเรือนต้องไม่ติดลบ')], verbose_name='ครัวเรือนที่เข้าร่วม')),
                    ('plots', models.IntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(0, message='จำนวนแปลงต้องไม่ติดลบ')], verbose_name='แปลง')),
                    ('area_rai', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0'), message='พื้นที่ต้องไม่ติดลบ')], verbose_name='พื้นที่ (ไร่)')),
                    ('activities', models.TextField(blank=True, verbose_name='กิจกรรมรอบฝาย')),
                    ('water_status', models.CharField(blank=True, choices=[('starting', 'เริ่มต้น'), ('developing', 'กำลังพัฒนา'), ('model', 'ต้นแบบการบริหารจัดการน้ำ')], max_length=12, verbose_name='สถานะการบริหารจัดการน้ำ')),
                    ('note', models.TextField(blank=True, verbose_name='หมายเหตุ')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='แก้ไขล่าสุด')),
                    ('community', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='participations', to='programs.community', verbose_name='หมู่บ้าน/ชุมชน')),
                    ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='แก้ไขโดย')),
                    ('program', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='participations', to='programs.program', verbose_name='โครงการ/งาน')),
                ],
                options={
                    'verbose_name': 'การเข้าร่วมโครงการ',
                    'verbose_name_plural': 'การเข้าร่วมโครงการ',
                    'db_table': 'meetings_participation',
                    'ordering': ['program', '-fiscal_year', 'community'],
                },
            ),
            migrations.AddConstraint(
                model_name='producergroup',
                constraint=models.UniqueConstraint(fields=('community', 'name'), name='producer_group_unique_name_in_community', violation_error_message='หมู่บ้านนี้มีกลุ่มชื่อนี้อยู่แล้ว'),
            ),
            migrations.AddConstraint(
                model_name='otopsales',
                constraint=models.UniqueConstraint(fields=('group', 'fiscal_year'), name='otop_sales_once_per_year', violation_error_message='กลุ่มนี้มียอดจำหน่ายของปีงบประมาณนี้แล้ว'),
            ),
            migrations.AddConstraint(
                model_name='otopsales',
                constraint=models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='otop_sales_not_negative', violation_error_message='ยอดจำหน่ายต้องไม่ติดลบ'),
            ),
            migrations.AddConstraint(
                model_name='otoprating',
                constraint=models.UniqueConstraint(fields=('group', 'selection_year'), name='otop_rating_once_per_selection', violation_error_message='กลุ่มนี้มีผลการคัดสรรของปีนี้แล้ว'),
            ),
            migrations.AddConstraint(
                model_name='otoprating',
                constraint=models.CheckConstraint(condition=models.Q(('stars__gte', 1), ('stars__lte', 5)), name='otop_rating_stars_1_to_5', violation_error_message='ระดับดาวต้องอยู่ระหว่าง 1 ถึง 5'),
            ),
            migrations.AddConstraint(
                model_name='participation',
                constraint=models.UniqueConstraint(fields=('community', 'program', 'fiscal_year'), name='participation_once_per_program_year', violation_error_message='ชุมชนนี้มีข้อมูลของโครงการนี้ในปีงบประมาณนี้แล้ว'),
            ),
            migrations.AddConstraint(
                model_name='participation',
                constraint=models.CheckConstraint(condition=models.Q(('area_rai__isnull', True), ('area_rai__gte', 0), _connector='OR'), name='participation_area_not_negative', violation_error_message='พื้นที่ต้องไม่ติดลบ'),
            ),
            migrations.AddConstraint(
                model_name='participation',
                constraint=models.CheckConstraint(condition=models.Q(('households__isnull', True), ('households__gte', 0), _connector='OR'), name='participation_households_not_negative'),
            ),
            migrations.AddConstraint(
                model_name='participation',
                constraint=models.CheckConstraint(condition=models.Q(('plots__isnull', True), ('plots__gte', 0), _connector='OR'), name='participation_plots_not_negative'),
            ),
            migrations.AddConstraint(
                model_name='participation',
                constraint=models.CheckConstraint(condition=models.Q(('participants__isnull', True), ('participants__gte', 0), _connector='OR'), name='participation_participants_not_negative'),
            ),
            migrations.AddConstraint(
                model_name='participation',
                constraint=models.CheckConstraint(condition=models.Q(('fiscal_year__gte', 2540), ('fiscal_year__lte', 2700)), name='participation_fiscal_year_buddhist_era'),
            ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
