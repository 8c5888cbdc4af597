"""HTML forms for the account pages. They parse; the actions decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


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
