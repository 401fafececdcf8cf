"""The short, language-neutral join address the projector shows: /join/."""

from django.urls import path

from . import views

urlpatterns = [
    path("join/", views.join_redirect, name="join_short"),
    path("join/<str:code>/", views.join_redirect, name="join_short_code"),
]
