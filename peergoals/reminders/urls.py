from django.urls import path

from peergoals.reminders import views

app_name = "reminders"
urlpatterns = [
    path("account/reminders/", views.settings_page, name="settings"),
    path("account/reminders/off/", views.turn_off, name="off"),
    path("steps/<int:step_id>/reminders/", views.step_reminders, name="step"),
    path("reminders/off/<str:token>/", views.off_link, name="off_link"),
    path("reminders/push/subscribe/", views.push_subscribe, name="push_subscribe"),
    path("reminders/push/unsubscribe/", views.push_unsubscribe, name="push_unsubscribe"),
]
