"""What the card tags compute once per card (core/templatetags/listing_tags.py) is what the
templates asked for per card before."""

import pytest
from django.utils import translation

from core.templatetags.listing_tags import choice_label
from events.models import EventPage
from projects.models import ProjectPartner


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "it", "es"])
def test_choice_labels_are_those_of_get_display(language):
    objects = [
        *(EventPage(event_type=value) for value, _label in EventPage.event_type.field.choices),
        *(EventPage(format=value) for value, _label in EventPage.format.field.choices),
        *(ProjectPartner(role=value) for value, _label in ProjectPartner.role.field.choices),
        EventPage(event_type="not-a-choice"),
    ]
    with translation.override(language):
        for obj in objects:
            for name in ("event_type", "format", "role"):
                if hasattr(obj, f"get_{name}_display"):
                    assert choice_label(obj, name) == getattr(obj, f"get_{name}_display")()
