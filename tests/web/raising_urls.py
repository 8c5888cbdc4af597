"""The app's pages plus one that fails with a database error, to see what a 500 shows."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

from peergoals.urls import urlpatterns as app_urlpatterns

SECRET_SQL = "SELECT private_note_text FROM table_that_is_not_there"


def fails(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute(SECRET_SQL)
    return HttpResponse("never")


urlpatterns = [*app_urlpatterns, path("fails/", fails)]
