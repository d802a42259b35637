from django.urls import path

from . import urgent, views

app_name = "editorial"

urlpatterns = [
    path(
        "translation-status/",
        views.TranslationStatusView.as_view(),
        name="translation_status",
    ),
    path(
        "translation-status/update/",
        views.update_translations,
        name="update_translations",
    ),
    path(
        "translation-status/translate/",
        views.start_translation,
        name="start_translation",
    ),
    path(
        "urgent/<int:page_id>/",
        urgent.UrgentChangeView.as_view(),
        name="urgent_change",
    ),
]
