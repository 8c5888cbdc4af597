"""What the apps' admin pages share."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


class ViewOnlyMixin:
    """An admin page or inline that shows records and never adds, changes or deletes them.

    Peer records, consents and the audit log change only through their actions, which keep the
    practice's rules and write the audit log; the admin is a window onto them.
    """

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
