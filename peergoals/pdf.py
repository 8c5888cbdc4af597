"""PDFs people print or keep: HTML from a template, laid out by WeasyPrint.

A PDF is drawn from the page's own HTML and stylesheet, so the plan on paper and on screen say
the same thing. WeasyPrint may fetch nothing: no file on the server and no address on the
network, so a word a person typed can never pull something in. WeasyPrint is imported when a
PDF is made, not when the site starts (it takes a moment to load).
"""

from __future__ import annotations

import logging

from django.contrib.staticfiles import finders

# WeasyPrint reports each step of every PDF at INFO: seven lines a download, of no use to anyone
# reading the site's logs. Its warnings still come through.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def stylesheet(name: str) -> str:
    """The text of the static stylesheet `name` ("peergoals/plan.css"), to inline in a PDF."""
    path = finders.find(name)
    if not isinstance(path, str):
        raise LookupError(f"No static file {name!r}")
    with open(path, encoding="utf-8") as css:
        return css.read()


def pdf_from_html(html: str) -> bytes:
    """`html` laid out as a PDF (the page size is the stylesheet's); only `data:` URLs are read."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=["data"])
    return bytes(HTML(string=html, url_fetcher=fetcher).write_pdf())
