"""`{% srcset_image %}` of core/templatetags/image_tags.py: Wagtail's tag with its filters
made once per tag, so the same markup and renditions as Wagtail's."""

import re
from pathlib import Path
from unittest import mock

import pytest
import wagtail_factories
from django.template import Context, Template
from wagtail.images.models import Filter

WAGTAILS = "{% load wagtailimages_tags %}"
OURS = "{% load wagtailimages_tags image_tags %}"
TAGS = [
    '{% srcset_image image width-{480,800,1200} sizes="(min-width: 64rem) 44rem, 100vw"'
    ' class="figure__image" %}',
    '{% srcset_image image width-{480,800} class="x" alt=image.default_alt_text loading="lazy" %}',
    "{% srcset_image image width-480 %}",
    "{% srcset_image image width-{480,800} as pic %}{{ pic.renditions.1.url }}|{{ pic }}",
]


@pytest.mark.django_db
@pytest.mark.parametrize("tag", TAGS)
def test_the_tag_is_wagtails(tag, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = wagtail_factories.ImageFactory(title='A <b>"title"</b>')
    ours, wagtails = Template(OURS + tag), Template(WAGTAILS + tag)
    for value in (image, None):
        for _ in range(2):  # the second render with the filters kept
            expected = wagtails.render(Context({"image": value}))
            assert ours.render(Context({"image": value})) == expected
            assert ("/media/images/" in expected) is (value is not None)


@pytest.mark.django_db
def test_its_filters_are_made_once_per_tag(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = wagtail_factories.ImageFactory()
    template = Template(OURS + TAGS[0])
    template.render(Context({"image": image}))
    with mock.patch.object(Filter, "__init__", autospec=True, side_effect=Filter.__init__) as made:
        assert "srcset=" in template.render(Context({"image": image}))
    assert made.call_count == 0


def test_every_template_with_the_tag_loads_ours_after_wagtails(settings):
    """A later library's tag takes the name: a template loading ours first, or not at all,
    renders Wagtail's tag again (the same markup, the filters made at every render)."""
    templates = Path(settings.BASE_DIR) / "site" / "templates"
    using = [path for path in templates.rglob("*.html") if "{% srcset_image" in path.read_text()]
    assert using, "no template uses {% srcset_image %}"
    for path in using:
        libraries = [
            library
            for load in re.findall(r"{%\s*load\s+([^%]+?)\s*%}", path.read_text())
            for library in load.split()
        ]
        assert "image_tags" in libraries, path
        assert libraries.index("image_tags") > libraries.index("wagtailimages_tags"), path
