"""Programs (โคก หนอง นา, ชุมชนน้ำพัชรธรรม, OTOP, ...), the communities taking part, and what they do in each
program, fiscal year by fiscal year.

The tables keep the names they had when these models lived in the meetings app (meetings_program, ...).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lamphun_portal.lib import thai
from meetings.models import SortKeyMixin

# Fiscal years before the portal's oldest records or far in the future are typing mistakes
# (most often a Christian-era year: 2021 for 2564).
MIN_FISCAL_YEAR = 2540
MAX_FISCAL_YEAR = 2700


def _not_negative(message: str) -> MinValueValidator:
    return MinValueValidator(0, message=message)


def fiscal_year_validators() -> list:
    message = _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2564")
    return [MinValueValidator(MIN_FISCAL_YEAR, message=message), MaxValueValidator(MAX_FISCAL_YEAR, message=message)]


class Program(SortKeyMixin):
    class Kind(models.TextChoices):
        """What the office records for each community in the program (see meetings/programs/)."""

        KHOK_NONG_NA = "khok_nong_na", _("โคก หนอง นา: ครัวเรือน แปลง พื้นที่")
        NAM_PHATCHARATHAM = "nam_phatcharatham", _("ชุมชนน้ำพัชรธรรม: กิจกรรมรอบฝาย การบริหารจัดการน้ำ")
        OTOP = "otop", _("OTOP: กลุ่มผู้ผลิต ระดับดาว ยอดจำหน่าย")
        GENERAL = "general", _("ทั่วไป: ผู้เข้าร่วม และสถานะ")

    code = models.SlugField(_("รหัส"), max_length=60, unique=True)
    name = models.CharField(_("ชื่อโครงการ/งาน"), max_length=200)
    description = models.TextField(_("คำอธิบาย"), blank=True)
    kind = models.CharField(_("ลักษณะข้อมูลรายชุมชน"), max_length=20, choices=Kind.choices, default=Kind.GENERAL)

    class Meta:
        db_table = "meetings_program"
        verbose_name = _("โครงการ/งาน")
        verbose_name_plural = _("โครงการ/งาน")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programs:detail", args=[self.code])

    def collation_text(self) -> str:
        return self.name


class District(models.TextChoices):
    """The eight districts (อำเภอ) of Lamphun province."""

    MUEANG = "เมืองลำพูน", "เมืองลำพูน"
    MAE_THA = "แม่ทา", "แม่ทา"
    BAN_HONG = "บ้านโฮ่ง", "บ้านโฮ่ง"
    LI = "ลี้", "ลี้"
    THUNG_HUA_CHANG = "ทุ่งหัวช้าง", "ทุ่งหัวช้าง"
    PA_SANG = "ป่าซาง", "ป่าซาง"
    BAN_THI = "บ้านธิ", "บ้านธิ"
    WIANG_NONG_LONG = "เวียงหนองล่อง", "เวียงหนองล่อง"


class CommunityQuerySet(models.QuerySet):
    def in_district(self, district: str) -> CommunityQuerySet:
        """Communities of one district (อำเภอ)."""
        return self.filter(district=district)


class Community(models.Model):
    name = models.CharField(_("ชื่อหมู่บ้าน/ชุมชน"), max_length=200)
    moo = models.SmallIntegerField(
        _("หมู่ที่"),
        validators=[MinValueValidator(1, message=_("หมู่ที่ต้องเป็นเลข 1 ขึ้นไป"))],
    )
    tambon = models.CharField(_("ตำบล"), max_length=100)
    district = models.CharField(_("อำเภอ"), max_length=30, choices=District.choices)
    households = models.IntegerField(
        _("จำนวนครัวเรือน"), null=True, blank=True, validators=[_not_negative(_("จำนวนครัวเรือนต้องไม่ติดลบ"))]
    )
    sort_key = models.CharField(max_length=thai.SORT_KEY_LENGTH, editable=False, db_index=True, default="")

    objects = CommunityQuerySet.as_manager()

    class Meta:
        db_table = "meetings_community"
        verbose_name = _("หมู่บ้าน/ชุมชน")
        verbose_name_plural = _("หมู่บ้าน/ชุมชน")
        ordering = ["district", "tambon", "moo"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "tambon", "moo"],
                name="community_unique_moo_in_tambon",
                violation_error_message=_("ตำบลนี้มีหมู่ที่นี้อยู่แล้ว"),
            ),
            models.CheckConstraint(condition=Q(moo__gte=1), name="community_moo_positive"),
            models.CheckConstraint(
                condition=Q(households__isnull=True) | Q(households__gte=0), name="community_households_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} หมู่ที่ {self.moo} ตำบล{self.tambon} อำเภอ{self.district}"

    def save(self, *args, **kwargs) -> None:
        # Thai dictionary order within a tambon: by village name.
        self.sort_key = thai.sort_key(self.name)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("programs:community", args=[self.pk])

    @property
    def address(self) -> str:
        """หมู่ที่ 5 ตำบลศรีเตี้ย อำเภอบ้านโฮ่ง"""
        return f"หมู่ที่ {self.moo} ตำบล{self.tambon} อำเภอ{self.district}"


class ParticipationQuerySet(models.QuerySet):
    def for_program(self, program: models.Model) -> ParticipationQuerySet:
        """Records of one program."""
        return self.filter(program=program)

    def in_fiscal_year(self, year: int) -> ParticipationQuerySet:
        """Records of a Buddhist-era fiscal year."""
        return self.filter(fiscal_year=year)


class Participation(models.Model):
    """A community's part in one program for one fiscal year; which figures count depends on the program."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("วางแผน")
        ACTIVE = "active", _("กำลังดำเนินการ")
        COMPLETED = "completed", _("ดำเนินการแล้ว")
        SUSPENDED = "suspended", _("หยุดดำเนินการ")

    class WaterStatus(models.TextChoices):
        STARTING = "starting", _("เริ่มต้น")
        DEVELOPING = "developing", _("กำลังพัฒนา")
        MODEL = "model", _("ต้นแบบการบริหารจัดการน้ำ")

    community = models.ForeignKey(
        Community, verbose_name=_("หมู่บ้าน/ชุมชน"), on_delete=models.PROTECT, related_name="participations"
    )
    program = models.ForeignKey(
        Program, verbose_name=_("โครงการ/งาน"), on_delete=models.PROTECT, related_name="participations"
    )
    fiscal_year = models.SmallIntegerField(_("ปีงบประมาณ"), validators=fiscal_year_validators())
    status = models.CharField(_("สถานะ"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    participants = models.IntegerField(
        _("ผู้เข้าร่วม (คน)"), null=True, blank=True, validators=[_not_negative(_("จำนวนผู้เข้าร่วมต้องไม่ติดลบ"))]
    )
    households = models.IntegerField(
        _("ครัวเรือนที่เข้าร่วม"), null=True, blank=True, validators=[_not_negative(_("จำนวนครัวเรือนต้องไม่ติดลบ"))]
    )
    plots = models.IntegerField(_("แปลง"), null=True, blank=True, validators=[_not_negative(_("จำนวนแปลงต้องไม่ติดลบ"))])
    area_rai = models.DecimalField(
        _("พื้นที่ (ไร่)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), message=_("พื้นที่ต้องไม่ติดลบ"))],
    )
    activities = models.TextField(_("กิจกรรมรอบฝาย"), blank=True)
    water_status = models.CharField(_("สถานะการบริหารจัดการน้ำ"), max_length=12, choices=WaterStatus.choices, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("แก้ไขโดย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        db_table = "meetings_participation"
        verbose_name = _("การเข้าร่วมโครงการ")
        verbose_name_plural = _("การเข้าร่วมโครงการ")
        ordering = ["program", "-fiscal_year", "community"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "program", "fiscal_year"],
                name="participation_once_per_program_year",
                violation_error_message=_("ชุมชนนี้มีข้อมูลของโครงการนี้ในปีงบประมาณนี้แล้ว"),
            ),
            models.CheckConstraint(
                condition=Q(area_rai__isnull=True) | Q(area_rai__gte=0),
                name="participation_area_not_negative",
                violation_error_message=_("พื้นที่ต้องไม่ติดลบ"),
            ),
            models.CheckConstraint(
                condition=Q(households__isnull=True) | Q(households__gte=0),
                name="participation_households_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(plots__isnull=True) | Q(plots__gte=0), name="participation_plots_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(participants__isnull=True) | Q(participants__gte=0),
                name="participation_participants_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(fiscal_year__gte=MIN_FISCAL_YEAR) & Q(fiscal_year__lte=MAX_FISCAL_YEAR),
                name="participation_fiscal_year_buddhist_era",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.community.name} · {self.program.name} ปีงบประมาณ พ.ศ. {self.fiscal_year}"

    def clean(self) -> None:
        kind = self.program.kind if self.program_id else None
        errors: dict[str, str] = {}
        if kind == "khok_nong_na":
            for field, message in [
                ("households", _("ระบุจำนวนครัวเรือนที่เข้าร่วม")),
                ("plots", _("ระบุจำนวนแปลง")),
                ("area_rai", _("ระบุพื้นที่เป็นไร่")),
            ]:
                if getattr(self, field) is None:
                    errors[field] = message
            if self.plots and self.area_rai == 0:
                errors["area_rai"] = _("มีแปลงแล้ว พื้นที่ต้องมากกว่า 0 ไร่")
        elif kind == "nam_phatcharatham":
            if not self.water_status:
                errors["water_status"] = _("เลือกสถานะการบริหารจัดการน้ำ")
        elif kind == "otop":
            errors["program"] = _("ข้อมูล OTOP บันทึกเป็นกลุ่มผู้ผลิต ไม่ใช่รายชุมชน")
        if (
            self.households is not None
            and self.community_id
            and self.community.households is not None
            and self.households > self.community.households
        ):
            errors["households"] = _("ครัวเรือนที่เข้าร่วมมากกว่าครัวเรือนทั้งหมดของหมู่บ้าน (%(total)s)") % {
                "total": f"{self.community.households:,}"
            }
        if errors:
            raise ValidationError(errors)


class ProducerGroup(models.Model):
    """An OTOP producer group (กลุ่มผู้ผลิตผู้ประกอบการ) of a community."""

    class Category(models.TextChoices):
        FOOD = "food", _("อาหาร")
        BEVERAGE = "beverage", _("เครื่องดื่ม")
        TEXTILE = "textile", _("ผ้า เครื่องแต่งกาย")
        CRAFT = "craft", _("ของใช้ ของตกแต่ง ของที่ระลึก")
        HERBAL = "herbal", _("สมุนไพรที่ไม่ใช่อาหาร")

    community = models.ForeignKey(
        Community, verbose_name=_("หมู่บ้าน/ชุมชน"), on_delete=models.PROTECT, related_name="producer_groups"
    )
    name = models.CharField(_("ชื่อกลุ่ม"), max_length=200)
    products = models.CharField(_("ผลิตภัณฑ์"), max_length=300)
    category = models.CharField(_("ประเภทผลิตภัณฑ์"), max_length=10, choices=Category.choices)

    class Meta:
        db_table = "meetings_producergroup"
        verbose_name = _("กลุ่มผู้ผลิต OTOP")
        verbose_name_plural = _("กลุ่มผู้ผลิต OTOP")
        ordering = ["community", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "name"],
                name="producer_group_unique_name_in_community",
                violation_error_message=_("หมู่บ้านนี้มีกลุ่มชื่อนี้อยู่แล้ว"),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class OtopRating(models.Model):
    """Stars a group's product earned at an OTOP selection (คัดสรร), by the year of the selection."""

    group = models.ForeignKey(ProducerGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="ratings")
    selection_year = models.SmallIntegerField(_("ปีที่คัดสรร (พ.ศ.)"), validators=fiscal_year_validators())
    stars = models.SmallIntegerField(
        _("ระดับดาว"),
        validators=[
            MinValueValidator(1, message=_("ระดับดาวต้องอยู่ระหว่าง 1 ถึง 5")),
            MaxValueValidator(5, message=_("ระดับดาวต้องอยู่ระหว่าง 1 ถึง 5")),
        ],
    )

    class Meta:
        db_table = "meetings_otoprating"
        verbose_name = _("ระดับดาว OTOP")
        verbose_name_plural = _("ระดับดาว OTOP")
        ordering = ["group", "-selection_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "selection_year"],
                name="otop_rating_once_per_selection",
                violation_error_message=_("กลุ่มนี้มีผลการคัดสรรของปีนี้แล้ว"),
            ),
            models.CheckConstraint(
                condition=Q(stars__gte=1) & Q(stars__lte=5),
                name="otop_rating_stars_1_to_5",
                violation_error_message=_("ระดับดาวต้องอยู่ระหว่าง 1 ถึง 5"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group} {self.stars} ดาว (คัดสรรปี {self.selection_year})"


class OtopSales(models.Model):
    """A producer group's sales (ยอดจำหน่าย) over one fiscal year, in baht."""

    group = models.ForeignKey(ProducerGroup, verbose_name=_("กลุ่ม"), on_delete=models.CASCADE, related_name="sales")
    fiscal_year = models.SmallIntegerField(_("ปีงบประมาณ"), validators=fiscal_year_validators())
    amount = models.DecimalField(
        _("ยอดจำหน่าย (บาท)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0), message=_("ยอดจำหน่ายต้องไม่ติดลบ"))],
    )

    class Meta:
        db_table = "meetings_otopsales"
        verbose_name = _("ยอดจำหน่าย OTOP")
        verbose_name_plural = _("ยอดจำหน่าย OTOP")
        ordering = ["group", "-fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "fiscal_year"],
                name="otop_sales_once_per_year",
                violation_error_message=_("กลุ่มนี้มียอดจำหน่ายของปีงบประมาณนี้แล้ว"),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="otop_sales_not_negative",
                violation_error_message=_("ยอดจำหน่ายต้องไม่ติดลบ"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group} ปีงบประมาณ {self.fiscal_year}: {self.amount:,.2f} บาท"
