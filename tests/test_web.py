"""The shared web pieces: a refusal no view shows itself becomes the "didn't go through" page,
and only a path on this site is followed as "next"."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from peergoals.errors import Conflict, NotAllowed
from peergoals.web import Request, domain_errors, safe_next
from tests.personas import People


def _refusing(error: Exception):  # type: ignore[no-untyped-def]
    @domain_errors
    def view(request: Request) -> HttpResponse:
        raise error

    return view


@pytest.mark.parametrize(
    ("error", "status"),
    [(NotAllowed("Only the peer can do that."), 400), (Conflict("Someone else changed it."), 409)],
)
def test_it_says_why_a_refusal_no_view_handles_went_wrong(
    people: People, error: Exception, status: int
) -> None:
    request = RequestFactory().post("/", {"next": "/today/"})
    request.user = people.maria
    response = _refusing(error)(request)
    assert response.status_code == status
    assert str(error) in response.content.decode()
    assert 'href="/today/"' in response.content.decode()


@pytest.mark.parametrize(
    ("target", "followed"),
    [
        ("/goals/1/", True),
        ("today", False),
        ("https://elsewhere.example/", False),
        ("//x.y/", False),
        ("", False),
    ],
)
def test_it_follows_only_a_path_on_this_site(target: str, followed: bool) -> None:
    request = RequestFactory().get("/")
    assert (safe_next(request, target) == target) is followed
