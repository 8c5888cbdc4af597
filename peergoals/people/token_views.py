"""The person's own personal access tokens for the JSON API: make one (its secret shown this
once), see which are live, revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from peergoals.people import tokens
from peergoals.people.forms import AccessTokenForm
from peergoals.web import Request, attempt, page


def _tokens_page(
    request: Request, form: AccessTokenForm, *, secret: str = "", status: int = 200
) -> HttpResponse:
    context = {
        "tokens": tokens.tokens_of(request.user),
        "may_make": tokens.may_make_tokens(request.user),
        "form": form,
        "secret": secret,
    }
    return render(request, "people/tokens.html", context, status=status)


@page
def access_tokens(request: Request) -> HttpResponse:
    """The person's live tokens and the form for a new one."""
    return _tokens_page(request, AccessTokenForm())


@login_required
@require_POST
@never_cache
def make_token(request: Request) -> HttpResponse:
    """Make a token and show its secret, this once: only its hash is kept."""
    form = AccessTokenForm(request.POST)
    if not form.is_valid():
        return _tokens_page(request, form, status=400)
    made, status = attempt(form, lambda: tokens.create_token(request.user, **form.cleaned_data))
    if made is None:
        return _tokens_page(request, form, status=status)
    return _tokens_page(request, AccessTokenForm(), secret=made[1])


@login_required
@require_POST
def revoke_token(request: Request, token_id: int) -> HttpResponse:
    """Revoke one of the person's own tokens; anyone else's is a 404, as a missing one."""
    tokens.revoke_token(request.user, token_id)
    messages.success(request, _("The token is revoked. It stops working at once."))
    return redirect("account:tokens")
