from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("", views.campaign_box, name="campaign_box"),
    path("support/<int:petition_id>/", views.support, name="support"),
]
