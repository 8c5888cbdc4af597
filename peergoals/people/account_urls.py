from django.urls import path

from peergoals.people import account

app_name = "account"
urlpatterns = [
    path("account/password/", account.ChangePassword.as_view(), name="password_change"),
    path("account/password/reset/", account.AskForResetLink.as_view(), name="password_reset"),
    path(
        "account/password/reset/sent/", account.ResetLinkSent.as_view(), name="password_reset_done"
    ),
    path(
        "account/password/reset/<uidb64>/<token>/",
        account.SetPasswordFromLink.as_view(),
        name="password_reset_confirm",
    ),
]
