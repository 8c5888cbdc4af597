"""The API's schema as a page: drawn on the server from the OpenAPI schema, since the strict
CSP allows no inline or CDN script (which ninja's Swagger page needs)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def schema_page(request: HttpRequest) -> HttpResponse:
    """Every operation: method, path, what it does, its parameters and the answers it gives."""
    from peergoals.api import api

    schema = api.get_openapi_schema()
    operations = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary", ""),
            "parameters": [parameter["name"] for parameter in operation.get("parameters", [])],
            "answers": sorted(operation.get("responses", {})),
        }
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "api/schema.html", {"operations": operations, "info": schema["info"]})
