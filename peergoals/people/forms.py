"""HTML forms for the account pages. They parse; the actions decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from peergoals.people.models import Language


class LanguageForm(forms.Form):
    """The language a person chose, and the page to go back to."""

    language = forms.ChoiceField(choices=Language.choices)
    next = forms.CharField(required=False)


class CodeForm(forms.Form):
    """The 6-digit code an authenticator app shows."""

    code = forms.CharField(
        label=_("Enter the 6-digit code from your authenticator app"),
        max_length=12,
        error_messages={
            "required": _("Please type the 6-digit code."),
            "max_length": _("The code has 6 digits. Please check it."),
        },
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "pattern": "[0-9 ]*",
                "size": "8",
            }
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("The code has 6 digits, like 123456. Please check it."))
        return code


class SignInForm(AuthenticationForm):
    """Django's sign-in form, holding the username to the length a username can have.

    Django sets the field's max_length after the field is built, so no length check runs and
    any text reaches authenticate(): the lockout's record of the attempt then fails on
    PostgreSQL. Checked here, an impossible username is a field error, never a stored attempt.
    """

    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        assert isinstance(username, forms.CharField) and username.max_length is not None
        username.validators.append(MaxLengthValidator(username.max_length))
        username.error_messages["max_length"] = _(
            "A username is at most %(limit_value)d characters. Please check it."
        )
