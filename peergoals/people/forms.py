"""HTML forms for the account pages. They parse; the actions decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from peergoals.people.models import Language, OutreachKind, TokenScope, User


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
        _cap_passwords(self)

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except forms.ValidationError as refusal:
            if refusal.code == "invalid_login" and self._asked_to_be_deleted():
                raise forms.ValidationError(self._closed_message(), code="deleted") from None
            raise

    def _asked_to_be_deleted(self) -> bool:
        """Whether the right password was typed for an account closed by a deletion request.

        Django refuses a deactivated account with the same words as a wrong password; a peer
        who asked to be deleted should hear why, and how to change their mind. Only the right
        password tells them, so the page reveals nothing to anyone else."""
        person = User.objects.filter(
            username=self.cleaned_data.get("username"), deletion_requested_at__isnull=False
        ).first()
        return person is not None and person.check_password(self.cleaned_data.get("password"))

    def _closed_message(self) -> str:
        return str(
            _(
                "You asked for your data to be deleted, so this account is closed. If you've "
                "changed your mind, ask your peer specialist or program: until the data is "
                "deleted, they can open it again with everything as it was."
            )
        )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("That username and password don't match. Please try again."),
    }


# Every text field the person types is held to a length, so no request carries megabytes.
PASSWORD_MAX_LENGTH = 256


def _cap_passwords(form: forms.Form) -> None:
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and isinstance(field.widget, forms.PasswordInput):
            field.max_length = PASSWORD_MAX_LENGTH
            field.validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))
            field.widget.attrs["maxlength"] = str(PASSWORD_MAX_LENGTH)


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's: the current password, then the new one twice."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _cap_passwords(self)


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Django's: the new password twice, from a one-time link."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _cap_passwords(self)


class ResetLinkForm(auth_forms.PasswordResetForm):
    """The e-mail address a reset link goes to, if an account has it."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class OutreachForm(forms.Form):
    """How the specialist reached out to a peer who went quiet, with an optional note."""

    kind = forms.ChoiceField(label=_("How did you reach out?"), choices=OutreachKind.choices)
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AccessTokenForm(forms.Form):
    """A new personal access token for the JSON API."""

    name = forms.CharField(
        label=_("What it is for"),
        max_length=100,
        help_text=_("For example: “my phone app” or “the weekly spreadsheet”."),
    )
    scope = forms.ChoiceField(
        label=_("What it may do"), choices=TokenScope.choices, initial=TokenScope.READ
    )
    days = forms.IntegerField(label=_("Days it works"), min_value=1, max_value=365, initial=90)
