from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .views import user_can_manage_personal_data


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("personal-data/", include(urls, namespace="privacy"))]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_manage_personal_data(request.user)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"),
        reverse("privacy:personal_data"),
        name="personal-data",
        icon_name="user",
        order=900,
    )


@hooks.register("register_permissions")
def register_permissions():
    """Offered under "Other permissions" when editing a group."""
    return Permission.objects.filter(
        content_type__app_label="privacy", codename="manage_personal_data"
    )
