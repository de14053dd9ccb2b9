"""The parameters and answers of the JSON API: one declaration gives both the OpenAPI schema and the check.

The schema at /api/schema/ promises each parameter's type and range; the API refuses exactly what it does
not promise, with a Thai message, and accepts everything it does. tests/api/test_schema_fuzz.py holds the
two together with a schema-driven fuzzer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from directives.forms import MAX_FILTER_YEAR, MAX_QUERY_LENGTH, MIN_FILTER_YEAR, NULL_CHARACTERS, QUERY_TOO_LONG
from lamphun_portal.lib.formfields import MAX_ID_DIGITS
from programs.models import Program

MAX_ID = 10**MAX_ID_DIGITS - 1
PROGRAM_CODE_LENGTH = Program._meta.get_field("code").max_length
# What an OpenAPI client sends for an integer: ASCII digits with an optional sign. Python's int() also reads
# " 7", "1_000", "2564.0" (through Django's forms) and Thai or Arabic digits, which the schema does not promise.
INTEGER = re.compile(r"[+-]?[0-9]+")
# Booleans as OpenAPI clients (true/false, 1/0) and the directive page's check box (on) send them.
TRUE_WORDS = frozenset({"true", "1", "on"})
FALSE_WORDS = frozenset({"false", "0", "off"})
# PostgreSQL refuses NUL inside text, and no real search or code holds one.
WITHOUT_NUL = r"^[^\x00]*$"
REPEATED = _("ระบุพารามิเตอร์นี้ได้ครั้งเดียว")


def parse_integer(text: str) -> int | None:
    """The integer a client sent, or None when the text is not one.

    A number longer than any id is kept as a stand-in beyond every range here, without reading its
    digits (Python refuses to read more than 4,300).
    """
    if not INTEGER.fullmatch(text):
        return None
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > MAX_ID_DIGITS + 1:
        return (-1 if text.startswith("-") else 1) * 10 ** (MAX_ID_DIGITS + 1)
    return int(text)


@dataclass(frozen=True)
class QueryParam:
    """A query parameter of a list: its JSON schema (what /api/schema/ says) and its Thai error message."""

    name: str
    schema: dict[str, Any]
    description: str
    message: str
    example: Any = None
    # Messages for particular refusals of a text (too long, NUL), when they say more than `message`.
    messages: dict[str, str] = field(default_factory=dict)

    def openapi(self) -> OpenApiParameter:
        examples = None
        if self.example is not None:
            examples = [OpenApiExample("example", summary=_("ตัวอย่าง"), value=self.example)]
        return OpenApiParameter(self.name, self.schema, description=self.description, examples=examples)

    def clean(self, text: str) -> Any:
        """The value of a non-empty text, checked against `schema`; ValueError with the Thai message if it fails."""
        kind = self.schema["type"]
        if kind == "integer":
            value = parse_integer(text)
            if value is None or not self.schema["minimum"] <= value <= self.schema["maximum"]:
                raise ValueError(self.message)
            return value
        if kind == "boolean":
            if text.lower() not in TRUE_WORDS | FALSE_WORDS:
                raise ValueError(self.message)
            return text.lower() in TRUE_WORDS
        if "\x00" in text:
            raise ValueError(self.messages.get("nul", self.message))
        if len(text) > self.schema.get("maxLength", len(text)):
            raise ValueError(self.messages.get("max_length", self.message))
        if "enum" in self.schema and text not in self.schema["enum"]:
            raise ValueError(self.message)
        return text


def read_query(params: QueryDict, declared: Sequence[QueryParam]) -> dict[str, Any]:
    """The values of the declared parameters that were given; every bad one answered at once with a Thai 400.

    An empty value means "not given" (a filter form sends its empty fields), as the schema says with
    `allowEmptyValue`. Unknown parameters are ignored, as before.
    """
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for param in declared:
        texts = params.getlist(param.name)
        if len(texts) > 1:
            errors[param.name] = [REPEATED]
        elif texts and texts[0] != "":
            try:
                values[param.name] = param.clean(texts[0])
            except ValueError as refusal:
                errors[param.name] = [str(refusal)]
    if errors:
        raise ValidationError(errors)
    return values


def search_param(description: str) -> QueryParam:
    return QueryParam(
        "q",
        {"type": "string", "maxLength": MAX_QUERY_LENGTH, "pattern": WITHOUT_NUL},
        description,
        QUERY_TOO_LONG,
        example="โคกหนองนา",
        messages={"nul": NULL_CHARACTERS, "max_length": QUERY_TOO_LONG},
    )


def id_param(name: str, description: str, message: str) -> QueryParam:
    return QueryParam(name, {"type": "integer", "minimum": 1, "maximum": MAX_ID}, description, message)


FISCAL_YEAR = QueryParam(
    "fiscal_year",
    {"type": "integer", "minimum": MIN_FILTER_YEAR, "maximum": MAX_FILTER_YEAR},
    _("ปีงบประมาณ พ.ศ. (1 ต.ค. – 30 ก.ย.) เช่น 2564"),
    format_lazy(_("ปีงบประมาณต้องเป็นตัวเลขปี พ.ศ. ตั้งแต่ {} ถึง {} เช่น 2564"), MIN_FILTER_YEAR, MAX_FILTER_YEAR),
    example=2564,
)
PROGRAM = QueryParam(
    "program",
    {"type": "string", "maxLength": PROGRAM_CODE_LENGTH, "pattern": WITHOUT_NUL},
    _("รหัสโครงการ เช่น khok-nong-na (รหัสที่ไม่มีอยู่ให้ผลว่าง)"),
    format_lazy(_("รหัสโครงการต้องยาวไม่เกิน {} ตัวอักษร และไม่มีอักขระที่ใช้ไม่ได้"), PROGRAM_CODE_LENGTH),
    example="khok-nong-na",
)
OVERDUE = QueryParam(
    "overdue",
    {"type": "boolean"},
    _("true: เฉพาะข้อสั่งการที่เลยกำหนดแล้วยังไม่เสร็จ (รับ true/false, 1/0, on/off)"),
    _("ค่าต้องเป็น true หรือ false"),
)


def choice_param(name: str, values: Sequence[str], description: str, message: str) -> QueryParam:
    return QueryParam(name, {"type": "string", "enum": list(values)}, description, message)


# -- answers -----------------------------------------------------------------------------------------------


class ErrorDetailSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("ข้อความภาษาไทยบอกสาเหตุ"))


def _detail(description: str, example: str) -> OpenApiResponse:
    return OpenApiResponse(
        ErrorDetailSerializer,
        description=description,
        examples=[OpenApiExample("detail", summary=_("ตัวอย่าง"), value={"detail": example})],
    )


UNAUTHORIZED = _detail(_("ไม่ได้เข้าสู่ระบบ หรือ token ไม่ถูกต้อง"), "ไม่พบข้อมูลการเข้าสู่ระบบ")
FORBIDDEN = _detail(_("บัญชีนี้ไม่มีสิทธิ์อ่านข้อมูลนี้"), "บัญชีนี้ยังไม่ได้รับสิทธิ์อ่านข้อมูลการประชุม กรุณาติดต่อผู้ดูแลระบบ")


def detail_responses(serializer: type[serializers.Serializer], not_found: str) -> dict[int, Any]:
    """What a detail answers: the record, or 401, 403, 404 with a Thai `detail`."""
    return {
        200: OpenApiResponse(serializer, description=_("รายการที่ขอ")),
        401: UNAUTHORIZED,
        403: FORBIDDEN,
        404: _detail(_("ไม่มีรายการที่มีรหัสนี้ (หรือรหัสไม่ใช่จำนวนเต็มบวก)"), str(not_found)),
    }


def list_responses(name: str, serializer: type[serializers.Serializer], declared: Sequence[QueryParam]) -> dict:
    """What a list answers: a page, a Thai 400 naming each bad parameter, 401, 403, or 404 past the last page."""
    fields = {
        param: serializers.ListField(child=serializers.CharField(), required=False)
        for param in [*(p.name for p in declared), "page"]
    }
    first = declared[0]
    bad = OpenApiResponse(
        inline_serializer(f"{name}QueryError", fields),
        description=_("พารามิเตอร์ไม่ถูกต้อง: ชื่อพารามิเตอร์แต่ละตัวคู่กับรายการข้อความภาษาไทยบอกสิ่งที่ต้องแก้"),
        examples=[OpenApiExample("error", summary=_("ตัวอย่าง"), value={first.name: [str(first.message)]})],
    )
    return {
        200: OpenApiResponse(serializer, description=_("หนึ่งหน้าของรายการ: count จำนวนทั้งหมด, next/previous ลิงก์หน้าอื่น")),
        400: bad,
        401: UNAUTHORIZED,
        403: FORBIDDEN,
        404: _detail(_("ไม่มีหน้านี้ (เลขหน้าเกินหน้าสุดท้าย)"), str(ApiPagination.invalid_page_message)),
    }


LIST_DESCRIPTION = _(
    "หน้าละ 20 รายการ พารามิเตอร์ที่เว้นว่างถือว่าไม่ได้ระบุ ค่าที่ไม่ตรงตามที่บรรยายไว้ได้คำตอบ 400 ซึ่งบอกชื่อพารามิเตอร์และสิ่งที่ต้องแก้เป็นภาษาไทย"
)


DETAIL_DESCRIPTION = _("รหัสต้องเป็นจำนวนเต็มบวก ไม่เกิน 18 หลัก รหัสอื่นหรือรหัสที่ไม่มีรายการได้คำตอบ 404")


def documented(
    *,
    tag: str,
    listing: str,
    detail: str,
    filters: Sequence[QueryParam],
    serializer: type[serializers.Serializer],
    id_description: str,
    not_found: str,
) -> Callable[[type], type]:
    """The OpenAPI description of a read-only viewset: its list with `filters`, and its detail by id."""
    name = serializer.Meta.model.__name__
    return extend_schema_view(
        list=extend_schema(
            summary=listing,
            description=LIST_DESCRIPTION,
            tags=[tag],
            parameters=[param.openapi() for param in filters],
            responses=list_responses(f"{name}List", serializer, filters),
        ),
        retrieve=extend_schema(
            summary=detail,
            description=DETAIL_DESCRIPTION,
            tags=[tag],
            parameters=[id_path_param(id_description)],
            responses=detail_responses(serializer, not_found),
        ),
    )


def id_path_param(description: str) -> OpenApiParameter:
    return OpenApiParameter(
        "id", {"type": "integer", "minimum": 1, "maximum": MAX_ID}, OpenApiParameter.PATH, description=description
    )


def checked_id(text: str, not_found: str) -> str:
    """The id of a detail URL in its plain form, or 404 when it is not a positive integer within MAX_ID_DIGITS."""
    value = parse_integer(text)
    if value is None or not 1 <= value <= MAX_ID:
        raise NotFound(not_found)
    return str(value)


class ApiPagination(PageNumberPagination):
    """Page numbers as the schema states them: 1 and up (400 otherwise), 404 past the last page."""

    invalid_page_message = _("ไม่มีหน้านี้: เลขหน้าเกินหน้าสุดท้ายของรายการ")
    page_message = _("เลขหน้าต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป")

    def get_page_number(self, request: Request, paginator: Any) -> int:
        texts = request.query_params.getlist(self.page_query_param)
        if len(texts) > 1:
            raise ValidationError({self.page_query_param: [REPEATED]})
        if not texts or texts[0] == "":
            return 1
        number = parse_integer(texts[0])
        if number is None or number < 1:
            raise ValidationError({self.page_query_param: [self.page_message]})
        return number

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": str(_("เลขหน้า เริ่มที่ 1 (หน้าละ %(size)d รายการ)") % {"size": self.page_size}),
                "schema": {"type": "integer", "minimum": 1},
            }
        ]


class ApiSchema(AutoSchema):
    """drf-spectacular's schema, saying that an empty query value means "not given" (`allowEmptyValue`)."""

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        for parameter in (operation or {}).get("parameters", []):
            if parameter["in"] == "query":
                parameter["allowEmptyValue"] = True
        return operation
