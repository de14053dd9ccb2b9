"""Loads the demo program records (see programs.py); running it again changes nothing."""

from __future__ import annotations

from directives.models import Directive
from programs.models import Community, OtopRating, OtopSales, Participation, ProducerGroup, Program

from . import programs as data

Key = tuple[str, str, int]


def _communities() -> dict[Key, Community]:
    communities = {}
    for district, tambon, moo, name, households in data.COMMUNITIES:
        community, _ = Community.objects.get_or_create(
            district=district, tambon=tambon, moo=moo, defaults={"name": name, "households": households}
        )
        communities[(district, tambon, moo)] = community
    return communities


def _participation(community: Community, program: Program, year: int, **figures: object) -> None:
    if Participation.objects.filter(community=community, program=program, fiscal_year=year).exists():
        return
    record = Participation(community=community, program=program, fiscal_year=year, **figures)
    record.full_clean()
    record.save()


def _otop(communities: dict[Key, Community]) -> None:
    for district, tambon, moo, name, products, category, ratings, sales in data.OTOP_GROUPS:
        group, _ = ProducerGroup.objects.get_or_create(
            community=communities[(district, tambon, moo)],
            name=name,
            defaults={"products": products, "category": category},
        )
        for year, stars in ratings.items():
            OtopRating.objects.get_or_create(group=group, selection_year=year, defaults={"stars": stars})
        for year, amount in sales.items():
            OtopSales.objects.get_or_create(group=group, fiscal_year=year, defaults={"amount": amount})


def load_program_records(programs: dict[str, Program]) -> None:
    """Communities, their participation by fiscal year, OTOP groups, and the directives naming them."""
    for code, kind in data.PROGRAM_KINDS.items():
        program = programs[code]
        if program.kind == Program.Kind.GENERAL and kind != Program.Kind.GENERAL:
            program.kind = kind
            program.save(update_fields=["kind"])
    communities = _communities()
    for key, years in data.KHOK_NONG_NA.items():
        for year, (households, plots, area) in years.items():
            _participation(
                communities[key], programs["khok-nong-na"], year, households=households, plots=plots, area_rai=area
            )
    for key, years in data.NAM_PHATCHARATHAM.items():
        for year, (participants, water_status, activities) in years.items():
            _participation(
                communities[key],
                programs["nam-phatcharatham"],
                year,
                participants=participants,
                water_status=water_status,
                activities=activities,
            )
    for code, rows in data.GENERAL.items():
        for key, years in rows.items():
            for year, (participants, status) in years.items():
                _participation(communities[key], programs[code], year, participants=participants, status=status)
    _otop(communities)
    for prefix, keys in data.DIRECTIVE_COMMUNITIES.items():
        for directive in Directive.objects.filter(text__startswith=prefix):
            directive.communities.add(*(communities[key] for key in keys))
