"""Any input into any form or page: never a 500, typed text comes back escaped and unchanged.

Nothing here lists the forms by hand. For each persona the test opens every page the URL patterns
lead to (ids filled with Maria's records), reads each <form> (and each htmx `hx-post`) with the
standard library's HTML parser, then posts arbitrary values into its fields with hypothesis, as a
plain post and as an htmx request. A form or page added later is covered without touching this
file. The Django admin's own forms and the sign-out button are left out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch, Resolver404
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from tests.personas import People
from tests.web.conftest import browser_for

PERSONAS = ["visitor", "maria", "sam", "pat", "morgan"]
# Kinds of field a person types into; what they typed must come back when the form is refused.
TYPED = {"text", "textarea", "search", "email", "url", "tel", "number", "date"}
# URL names whose forms are not for fuzzing: signing out would end the session being tested.
SKIPPED_NAMES = {"logout"}
SKIPPED_NAMESPACES = {"admin"}

# Markup and SQL a person might paste, deliberately or not.
ATTACKS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "javascript:alert(1)",
    "' OR '1'='1' --",
    "'; DROP TABLE goals_goal; --",
    "1; SELECT pg_sleep(0) --",
    "{{ request }}{% debug %}",
    "%(name)s %s {0}",
]
ODD = [
    "",
    " ",
    "   \t  ",
    "\n\n",
    "\r\n",
    "\x00",
    "walk\x00",
    "\x01\x02\x1b[31m\x7f",
    "\u200b\u200e\u202e",
    "\ufeff",
    "-1",
    "0",
    "1e999",
    "NaN",
    "-0.0",
    "99999999999999999999999",
    "2147483648",
    "\uff11\uff12",  # full-width digits
    "٣",
    "2026-02-31",
    "moon",
    "x" * 100_000,
    "🚶‍♀️🎉",
]
# A browser never sends lone surrogates; every other code point is fair game.
characters = st.characters(exclude_categories=["Cs"])
typed_text = st.one_of(
    st.sampled_from(ODD),
    st.sampled_from(ATTACKS),
    st.text(characters, max_size=60),
    st.builds(
        lambda a, b, c: a + b + c,
        st.text(characters, max_size=5),
        st.sampled_from(ATTACKS),
        st.text(characters, max_size=5),
    ),
    st.builds(lambda char, n: char * n, characters, st.integers(1_000, 12_000)),
    st.integers(-(10**25), 10**25).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)


# Reading pages ---------------------------------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False
    maxlength: int | None = None
    required: bool = False
    id: str = ""
    described_by: list[str] = field(default_factory=list)
    invalid: bool = False


@dataclass
class Form:
    method: str
    action: str
    fields: list[Field] = field(default_factory=list)
    htmx: bool = False
    # The form's main button (class "primary"), which a person presses; "" when it has no name.
    main_button: tuple[str, str] | None = None

    def signature(self) -> tuple[str, str, tuple[str, ...]]:
        """The same form for another record (digits aside) is fuzzed once."""
        names = {re.sub(r"\d+", "N", f.name) for f in self.fields}
        return self.method, url_name(self.action) or self.action, tuple(sorted(names))

    def defaults(self) -> dict[str, list[str]]:
        """What a browser sends when the person changes nothing and presses the main button
        (the first button when none is marked main)."""
        data: dict[str, list[str]] = {}
        pressed = self.main_button is not None
        if self.main_button and self.main_button[0]:
            data[self.main_button[0]] = [self.main_button[1]]
        for f in self.fields:
            if f.kind == "submit":
                if not pressed:
                    data[f.name] = [f.value]
                    pressed = True
            elif f.kind in ("radio", "checkbox"):
                if f.checked:
                    data.setdefault(f.name, []).append(f.value)
            elif f.kind == "select":
                data[f.name] = [f.value or next((o for o in f.options if o), "")]
            elif f.kind != "file":
                data[f.name] = [f.value]
        return data


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """The forms of a page, and the text of every element with an id (to find error messages)."""

    def __init__(self, url: str, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.forms: list[Form] = []
        self.text_by_id: dict[str, str] = {}
        self._form: Form | None = None
        self._hx_posts: list[str] = []
        self._open: list[tuple[str, str]] = []  # (tag, id) of open elements with an id
        self._textarea: Field | None = None
        self._select: Field | None = None
        self._option: list[str] | None = None
        self.feed(html)
        self.close()

    def _url(self, action: str | None) -> str:
        return urljoin(self.url, action or "").split("#")[0]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if "id" in a and tag not in VOID:
            self._open.append((tag, a["id"]))
            self.text_by_id.setdefault(a["id"], "")
        if tag == "form":
            method = a.get("method", "get").lower()
            self._form = Form(method, self._url(a.get("action")))
            self._hx_posts = []
            if "hx-post" in a:
                self._hx_posts.append(self._url(a["hx-post"]))
            return
        if "hx-post" in a or "hx-get" in a:
            if self._form is not None and "hx-post" in a:
                self._hx_posts.append(self._url(a["hx-post"]))
            elif self._form is None:
                method = "post" if "hx-post" in a else "get"
                self.forms.append(Form(method, self._url(a.get(f"hx-{method}")), htmx=True))
        is_button = (tag == "button" and a.get("type", "submit").lower() == "submit") or (
            tag == "input" and a.get("type", "").lower() == "submit"
        )
        main = is_button and "primary" in a.get("class", "").split()
        if main and self._form is not None and self._form.main_button is None:
            self._form.main_button = (a.get("name", ""), a.get("value", ""))
        if self._form is None or "name" not in a:
            if tag == "option" and self._select is not None:
                self._option = [a.get("value", "")] if "value" in a else []
                if "selected" in a:
                    self._select.value = a.get("value", "")
            return
        common = {
            "name": a["name"],
            "required": "required" in a,
            "id": a.get("id", ""),
            "described_by": a.get("aria-describedby", "").split(),
            "invalid": a.get("aria-invalid") == "true",
            "maxlength": int(a["maxlength"]) if a.get("maxlength", "").isdigit() else None,
        }
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("radio", "checkbox"):
                self._form.fields.append(
                    Field(kind=kind, value=a.get("value", "on"), checked="checked" in a, **common)
                )
            elif kind in ("submit", "image"):
                self._form.fields.append(Field(kind="submit", value=a.get("value", ""), **common))
            elif kind not in ("button", "reset"):
                self._form.fields.append(Field(kind=kind, value=a.get("value", ""), **common))
        elif tag == "button" and a.get("type", "submit").lower() == "submit":
            self._form.fields.append(Field(kind="submit", value=a.get("value", ""), **common))
        elif tag == "textarea":
            self._textarea = Field(kind="textarea", **common)
            self._form.fields.append(self._textarea)
        elif tag == "select":
            self._select = Field(kind="select", **common)
            self._form.fields.append(self._select)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            self._open.pop()
        if tag == "textarea" and self._textarea is not None:
            # The HTML parser drops one newline right after <textarea>; so must we.
            if self._textarea.value.startswith("\n"):
                self._textarea.value = self._textarea.value[1:]
            self._textarea = None
        elif tag == "option" and self._select is not None and self._option is not None:
            self._select.options.append(self._option[0])
            self._option = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            # An htmx post from inside a form sends that form's fields.
            for url in self._hx_posts:
                self.forms.append(replace(self._form, action=url, htmx=True))
            self._form = None

    def handle_data(self, data: str) -> None:
        for _tag, element_id in self._open:
            self.text_by_id[element_id] += data
        if self._textarea is not None:
            self._textarea.value += data
        if self._option is not None and len(self._option) == 0:
            self._option.append(data.strip())

    def field(self, name: str, kinds: set[str] = TYPED) -> Field | None:
        for form in self.forms:
            for f in form.fields:
                if f.name == name and f.kind in kinds:
                    return f
        return None


def is_html(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def body(response: HttpResponse) -> str:
    return response.content.decode(response.charset or "utf-8")


# Finding every page ----------------------------------------------------------------------------


def routes() -> Iterator[tuple[str, list[str]]]:
    """(URL name, its arguments) of every named pattern outside the Django admin."""

    def walk(patterns: list[Any], namespace: str) -> Iterator[tuple[str, list[str]]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in SKIPPED_NAMESPACES:
                    continue
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = ":".join(filter(None, [namespace, pattern.name]))
                yield name, list(pattern.pattern.regex.groupindex)

    yield from walk(get_resolver().url_patterns, "")


@dataclass
class Records:
    """Maria's records, to fill the ids in the URL patterns."""

    ids: dict[str, list[int]]

    def candidates(self, argument: str) -> list[Any]:
        if argument in self.ids:
            return self.ids[argument]
        # An argument added later: try each of Maria's records; the pages that answer count.
        return sorted({pk for pks in self.ids.values() for pk in pks})


@pytest.fixture
def records(people: People, walk_goal: Goal, walk_step: Step) -> Records:
    maria, sam = people.maria, people.sam
    walk, step = walk_goal, walk_step
    check_in = actions.record_check_in(step, by=maria, outcome="done", note="It felt good")
    held = actions.hold_review(walk, by=sam, decision="pause", whats_working="Mornings")
    review = held.review
    assert held.pending is not None
    step_change = actions.suggest_change(step, by=sam, version=None, wording="Walk with my dog")
    suggested_step = actions.add_step(walk, by=sam, wording="Walk with my sister")
    suggested = actions.create_goal(maria, by=sam, own_words="Call my brother", life_area="social")
    idea = actions.create_goal(
        maria, by=maria, own_words="Learn to cook", life_area="physical", ready=False
    )
    return Records(
        {
            "goal_id": [walk.pk, suggested.pk, idea.pk],
            "step_id": [step.pk, suggested_step.pk],
            "change_id": [held.pending.pk, step_change.pk],
            "peer_id": [maria.pk],
            "user_id": [maria.pk],
            "person_id": [maria.pk],
            "specialist_id": [sam.pk],
            "team_id": [sam.team_id or 0],
            "review_id": [review.pk],
            "check_in_id": [check_in.check_in.pk],
            "checkin_id": [check_in.check_in.pk],
        }
    )


def urls(records: Records) -> Iterator[str]:
    for name, arguments in routes():
        choices = [records.candidates(argument) for argument in arguments]
        for values in itertools.islice(itertools.product(*choices), 12):
            try:
                yield reverse(name, kwargs=dict(zip(arguments, values, strict=True)))
            except NoReverseMatch:
                continue


def url_name(url: str) -> str:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return ""
    return match.view_name


def skipped(url: str) -> bool:
    name = url_name(url)
    return name in SKIPPED_NAMES or name.split(":")[0] in SKIPPED_NAMESPACES


def browser(people: People, persona: str) -> Client:
    return Client() if persona == "visitor" else browser_for(getattr(people, persona))


def visit(client: Client, records: Records) -> tuple[list[tuple[str, Page]], list[Form]]:
    """Every page the person reaches (200, HTML) and every distinct form on them."""
    pages, forms, seen = [], [], set()
    for url in dict.fromkeys(urls(records)):
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or not is_html(response):
            continue
        page = Page("http://testserver" + url, body(response))
        pages.append((url, page))
        for form in page.forms:
            if skipped(form.action) or form.signature() in seen:
                continue
            seen.add(form.signature())
            forms.append(form)
    return pages, forms


# Sending ---------------------------------------------------------------------------------------


def send(client: Client, form: Form, data: dict[str, list[str]], htmx: bool) -> HttpResponse:
    headers = {"HX-Request": "true"} if htmx or form.htmx else {}
    path = urlsplit(form.action).path
    if form.method == "get":
        return client.get(path, data, headers=headers)
    encoded = urlencode(data, doseq=True)
    return client.post(path, encoded, "application/x-www-form-urlencoded", headers=headers)


def lines(text: str) -> str:
    """Line breaks as a browser parses them: \\r\\n and \\r become \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_spelling(html: str) -> str:
    """Quotes escaped one way: form fields (Jinja2) write &#34; and &#39; where the page's
    templates write &quot; and &#x27;, the same characters to a browser."""
    return html.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")


def markup_in(value: str) -> bool:
    """Whether the value would be live markup if shown unescaped (and is long enough not to
    turn up on a page by chance, like "<b")."""
    return len(value) >= 6 and bool(re.search(r"<[a-zA-Z/!]|[\"']\s*>", value))


def check_answer(
    client: Client,
    form: Form,
    data: dict[str, list[str]],
    response: HttpResponse,
    before: str,
    own: bool,
) -> None:
    """No 500; typed markup is escaped; a refused form comes back with every typed word kept.

    `own` is False for a form of someone else's page: there is nothing to keep for a person who
    never saw the form, only the refusal.
    """
    what = (form.method, form.action, response.status_code)
    assert response.status_code < 500, what
    if response.status_code in (301, 302, 303) and response["Location"].startswith("/"):
        # Saved: the page it leads to shows the saved text, escaped.
        response = client.get(response["Location"])
        assert response.status_code < 500, what
    if not is_html(response):
        return
    html = body(response)
    sent = [(name, value) for name, values in data.items() for value in values]
    for name, value in sent:
        if markup_in(value) and value not in before:
            assert value not in html, (what, name, "unescaped markup", value[:200])
    body_size = len(urlencode(data, doseq=True).encode())
    if form.method == "post" and body_size > django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        # More than any page's fields let a person type (their maxlength): refused unread (or
        # earlier: signed out, rate-limited, not theirs), so there is nothing to give back.
        return
    refused = response.status_code in (400, 409) or (
        response.status_code == 200 and 'role="alert"' in html
    )
    if not (refused and own):
        return
    page = Page("http://testserver" + urlsplit(form.action).path, html)
    typed = {f.name for f in form.fields if f.kind in TYPED}
    # A field sent twice is read as its last value, as Django does.
    for name, value in ((name, values[-1]) for name, values in data.items()):
        if name not in typed or not value.strip():
            continue
        shown = page.field(name)
        assert shown is not None, (what, name, "what the person typed is lost", value[:200])
        assert lines(shown.value) == lines(value), (what, name, "typed text changed", value[:200])
        assert lines(escape(value)) in lines(one_spelling(html)), (
            what,
            name,
            "not escaped",
            value[:200],
        )


def values_for(f: Field) -> st.SearchStrategy[list[str]]:
    """Arbitrary values for one field: its own options, junk, and typed text of every sort."""
    own = (
        [f.value, *f.options] if f.kind in ("select", "radio", "submit", "checkbox") else [f.value]
    )
    one = st.one_of(st.sampled_from(own), typed_text)
    return st.one_of(st.just([]), one.map(lambda v: [v]), st.lists(one, min_size=2, max_size=3))


def fuzz(client: Client, form: Form, before: str, own: bool) -> None:
    """Post arbitrary values into the form's fields; someone else's form needs fewer tries."""
    names = {f.name: f for f in form.fields if f.name != "csrfmiddlewaretoken"}
    strategy = st.fixed_dictionaries({name: values_for(f) for name, f in names.items()})

    @settings(
        # The profile (tests/conftest.py) sets how many; few in CI, more by hand.
        max_examples=settings().max_examples if own else max(2, settings().max_examples // 3),
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=strategy, htmx=st.booleans())
    def post_anything(data: dict[str, list[str]], htmx: bool) -> None:
        data = {name: values for name, values in data.items() if values}
        # Each example starts from the same records: nothing one example saves leaks into another.
        with transaction.atomic():
            response = send(client, form, data, htmx)
            check_answer(client, form, data, response, before, own)
            transaction.set_rollback(True)

    post_anything()


# The tests -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_takes_anything_into_every_form_without_a_server_error(
    people: People, records: Records, persona: str
) -> None:
    client = browser(people, persona)
    pages, forms = visit(client, records)
    # Everyone also tries the forms Maria sees: someone else's form must be refused, not crash.
    _maria_pages, maria_forms = visit(browser(people, "maria"), records)
    seen = {form.signature() for form in forms}
    others = [form for form in maria_forms if form.signature() not in seen]
    assert pages and forms + others, "no page with a form was found: the discovery is broken"
    before = body(client.get(pages[0][0]))
    for form in forms:
        fuzz(client, form, before, own=True)
    for form in others:
        fuzz(client, form, before, own=False)


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_takes_any_query_string_on_every_page(
    people: People, records: Records, persona: str
) -> None:
    client = browser(people, persona)
    pages, _forms = visit(client, records)
    for url, _page in pages:
        open_with_any_query(client, url)


def open_with_any_query(client: Client, url: str) -> None:
    keys = st.one_of(
        st.sampled_from(["page", "q", "next", "sort", "filter", "step", "id"]),
        st.text(characters, max_size=20),
    )
    query = st.dictionaries(keys, st.lists(typed_text, min_size=1, max_size=2), max_size=4)

    @settings(max_examples=max(2, settings().max_examples // 2))
    @given(params=query, htmx=st.booleans())
    def open_with(params: dict[str, list[str]], htmx: bool) -> None:
        headers = {"HX-Request": "true"} if htmx else {}
        response = client.get(url, params, headers=headers)
        assert response.status_code < 500, (url, params)
        if is_html(response):
            html = body(response)
            for values in params.values():
                for value in values:
                    if markup_in(value):
                        assert value not in html, (url, "unescaped markup", value[:200])

    open_with()


def broken(form: Form, f: Field) -> Iterator[tuple[str, str]]:
    """(why, value) pairs a field must refuse with a message beside it."""
    if f.required:
        yield "left empty", ""
    # A wrong sign-in says the pair doesn't match, whatever was wrong with it.
    if f.maxlength is not None and url_name(form.action) != "login":
        yield "too long", "x" * (f.maxlength + 1)
    yield "with a NUL character", "walk\x00"


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_shows_the_error_beside_the_field_and_keeps_the_text(
    people: People, records: Records, persona: str
) -> None:
    client = browser(people, persona)
    _pages, forms = visit(client, records)
    for form in forms:
        for f in form.fields:
            if f.kind not in TYPED - {"number", "date"} or form.method != "post" or form.htmx:
                continue
            for why, value in broken(form, f):
                data = {**form.defaults(), f.name: [value]}
                with transaction.atomic():
                    response = send(client, form, data, htmx=False)
                    transaction.set_rollback(True)
                what = (form.action, f.name, why)
                assert response.status_code in (200, 400), what
                page = Page("http://testserver" + form.action, body(response))
                shown = page.field(f.name)
                assert shown is not None, (*what, "the field is gone")
                assert shown.value == value, (*what, "what was typed is lost")
                assert shown.invalid, (*what, "the field is not marked as wrong")
                messages = [
                    page.text_by_id.get(i, "").strip()
                    for i in shown.described_by
                    if not i.endswith("helptext")
                ]
                assert any(messages), (*what, "no message tied to the field (aria-describedby)")


@pytest.mark.parametrize("persona", ["maria", "sam"])
def test_it_answers_not_found_for_ids_that_do_not_exist(people: People, persona: str) -> None:
    client = browser(people, persona)
    for name, arguments in routes():
        if not arguments:
            continue
        for missing in (0, 10**30):
            try:
                url = reverse(name, kwargs=dict.fromkeys(arguments, missing))
            except NoReverseMatch:
                continue
            assert client.get(url).status_code in (404, 405), url
            if name.startswith("api:"):
                # The API reads a JSON body before the record (a form is a 400 for every id,
                # so it tells nothing); tests/api posts real bodies to ids that don't exist.
                continue
            assert client.post(url, {"next": "/"}).status_code in (404, 405), url
