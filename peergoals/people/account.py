"""The person's own account: change the password, or reset a forgotten one from a one-time link
(asked for by e-mail, or made by a program admin). Django's views do the work; these record
each change in the audit log and say what happened in plain words."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponse, HttpResponseBase
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from peergoals.people.forms import PasswordChangeForm, ResetLinkForm, SetPasswordForm
from peergoals.people.models import User
from peergoals.people.passwords import record_password_set


class RefusedBesideTheField:
    """A form sent with a mistake answers 400, as every form of the site does, with each
    message beside its field."""

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)  # type: ignore[misc]
        response.status_code = 400
        return response


class ChangePassword(RefusedBesideTheField, auth_views.PasswordChangeView):
    """A signed-in person changes their password, typing the current one first.

    Django gives this session a new key and signs every other session of theirs out."""

    form_class = PasswordChangeForm
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        assert isinstance(self.request.user, User)
        record_password_set(self.request.user, from_reset_link=False)
        messages.success(
            self.request,
            _("Your password is changed. Anywhere else you were signed in, you're not."),
        )
        return response


class AskForResetLink(RefusedBesideTheField, auth_views.PasswordResetView):
    """Someone who forgot their password asks for a link by e-mail.

    The page says the same whether or not an account has that address, so it can't be used to
    find out who uses PeerGoals."""

    form_class = ResetLinkForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("account:password_reset_done")


class ResetLinkSent(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class SetPasswordFromLink(RefusedBesideTheField, auth_views.PasswordResetConfirmView):
    """The person opens their one-time link and chooses a new password."""

    form_class = SetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("login")

    def dispatch(self, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = super().dispatch(*args, **kwargs)
        if not self.validlink and response.status_code == 200:
            # A link that never was, or is spent: not found, as any missing page, with words
            # that say how to get a new one.
            response.status_code = 404
        return response

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        record_password_set(form.user, from_reset_link=True)
        messages.success(self.request, _("Your new password is set. Log in with it."))
        return response
