"""load_demo_content is offered wherever manage.py runs (production settings included, for
benchmarks): it must never add the demo to a site it did not make."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page


def test_the_demo_is_not_added_to_a_real_site(home):
    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match="holds a real site"):
        call_command("load_demo_content", "--no-images")
    assert Page.objects.count() == pages_before
