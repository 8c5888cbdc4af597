from django.urls import path

from peergoals.people import account, token_views

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
    path("account/tokens/", token_views.access_tokens, name="tokens"),
    path("account/tokens/new/", token_views.make_token, name="token_new"),
    path("account/tokens/<int:token_id>/revoke/", token_views.revoke_token, name="token_revoke"),
]
