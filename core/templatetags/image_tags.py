"""`{% srcset_image %}` as Wagtail's, with its filters made once per tag in a template
instead of at every render. Load it after `wagtailimages_tags` (a later library's tag
takes the name): the same parsing, renditions and markup.

Wagtail's node expands `width-{480,800,1200}` and makes a `Filter` of each spec at every
render, and each new Filter parses its operations again to find its renditions' cache
keys: 1.1 ms of an event page's 15 ms of CPU. A Filter holds nothing of an image (its
operations are parsed from its spec once), so the tag's can serve every render.
"""

from django import template
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class SrcsetImageNode(wagtailimages_tags.SrcsetImageNode):
    def get_filters(self):
        filters = self.__dict__.get("_filters")
        if filters is None:
            filters = self._filters = super().get_filters()
        return filters


@register.tag("srcset_image")
def srcset_image(parser, token):
    node = wagtailimages_tags.image(parser, token)  # Wagtail's parsing and errors
    return SrcsetImageNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )
