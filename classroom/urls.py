from django.urls import path

from . import views

app_name = "classroom"

urlpatterns = [
    path("start/<int:quiz_id>/", views.start, name="start"),
    path("join/", views.join, name="join"),
    path("join/<str:code>/", views.join, name="join_code"),
    path("follow-up/<str:token>/", views.follow_up, name="follow_up"),
    path("<uuid:session_id>/", views.pupil, name="pupil"),
    path("<uuid:session_id>/answer/", views.answer, name="answer"),
    path("<uuid:session_id>/survey/", views.survey, name="survey"),
    path("<uuid:session_id>/state/", views.state, name="state"),
    path("<uuid:session_id>/host/", views.host, name="host"),
    path("<uuid:session_id>/teacher/", views.teacher, name="teacher"),
    path("<uuid:session_id>/host/<str:token>/", views.host_link, name="host_link"),
    path("<uuid:session_id>/control/", views.control, name="control"),
    path("<uuid:session_id>/message/", views.send_message, name="send_message"),
    path("<uuid:session_id>/message/<int:message_id>/", views.moderate, name="moderate"),
]
