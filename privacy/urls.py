from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [path("", views.PersonalDataView.as_view(), name="personal_data")]
