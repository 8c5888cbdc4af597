"""Gives every audit entry written during a request the request's IP address and path."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from peergoals import audit
from peergoals.people.middleware import client_ip


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with audit.scope(ip=client_ip(request), path=request.path, method=request.method or ""):
            return self.get_response(request)
