"""The search page: meetings and directives found by Thai words, those the reader may open, highlighted."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from directives.forms import MAX_QUERY_LENGTH
from lamphun_portal import policy

from .query import Ranking, Results, attach_records

SEARCH_PAGE_SIZE = 20


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.Action.READ)
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    # Every record found that the reader may open, counted exactly; only the page's records are read.
    results = Results(query, request.user)
    ranking = Ranking(words=results.words, hits=[])
    number = request.GET.get("page")
    # The slice the page asks for and the count in one statement (a page past the end reads again).
    results.prefetch((_page_number(number) - 1) * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE)
    page = Paginator(results, SEARCH_PAGE_SIZE).get_page(number)
    attach_records(list(page.object_list), ranking.words, user=request.user)
    return render(
        request,
        "search/results.html",
        {"query": query, "ranking": ranking, "page": page, "words": ranking.words},
    )


def _page_number(number: str | None) -> int:
    """The page asked for as Paginator.get_page reads it (anything but a positive number: the first)."""
    try:
        return max(int(number or 1), 1)
    except ValueError:
        return 1
