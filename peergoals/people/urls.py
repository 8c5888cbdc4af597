from django.contrib.auth import views as auth_views
from django.urls import include, path

from peergoals import installable
from peergoals.people import views
from peergoals.people.forms import SignInForm

# Namespaced pages of this app; "home", "login" and "logout" stay un-namespaced because the
# settings (LOGIN_URL, LOGIN_REDIRECT_URL, LOGOUT_REDIRECT_URL) name them.
people_patterns = [
    path("caseload/", views.own_caseload, name="caseload"),
    path("team/", views.team, name="team"),
    path("specialists/<int:specialist_id>/", views.specialist, name="specialist"),
    path("account/two-factor/", views.two_factor, name="two_factor"),
    path("account/two-factor/set-up/", views.two_factor_enroll, name="two_factor_enroll"),
    path("account/two-factor/code/", views.two_factor_verify, name="two_factor_verify"),
    path("account/two-factor/off/", views.two_factor_off, name="two_factor_off"),
    path("language/", views.choose_language, name="language"),
    path("help/", views.help_page, name="help"),
    path("peers/<int:peer_id>/outreach/", views.outreach, name="outreach"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=SignInForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", installable.SignOut.as_view(), name="logout"),
    path("", include((people_patterns, "people"))),
]
