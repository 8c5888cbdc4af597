"""Gives every audit entry written during a request the request's IP address and path, and
writes the request's refusals once its response has been sent."""

from __future__ import annotations

from functools import partial

from django.http import HttpRequest, HttpResponse

from peergoals import audit
from peergoals.people.middleware import Middleware, client_ip


class AuditMiddleware(Middleware):
    def __call__(self, request: HttpRequest) -> HttpResponse:
        with audit.scope(
            ip=client_ip(request), path=request.path, method=request.method or ""
        ) as where:
            response = self.get_response(request)
        if where.after_response:
            # The server closes the response after sending it; Django runs these closers then
            # (the hook it uses for files). A refused record and a missing one so answer alike
            # in time as well as in words.
            closers = response._resource_closers  # type: ignore[attr-defined]
            closers.append(partial(audit.write_after_response, where.after_response))
        return response
