import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


@pytest.mark.django_db
def test_demo_admin_is_created_once_in_development(settings):
    settings.LOCAL_DEMO = True
    call_command("ensure_demo_admin")
    call_command("ensure_demo_admin")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("pactesur-demo")


@pytest.mark.django_db
def test_demo_admin_is_refused_outside_development(settings):
    settings.LOCAL_DEMO = False
    with pytest.raises(CommandError):
        call_command("ensure_demo_admin")
    assert not get_user_model().objects.exists()
