"""StreamField blocks shared by every page type.

Each block carries what an accessible rendering needs (alt text, captions,
visible link text), so that editors cannot produce an inaccessible page by
leaving a field out.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Use level 2 for main sections; never skip a level."),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(help_text=_("Describe the image for people who cannot see it."))
    caption = blocks.CharBlock(required=False, max_length=255)
    credit = blocks.CharBlock(required=False, max_length=255, label=_("Credit"))

    class Meta:
        icon = "image"
        template = "components/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    text = blocks.TextBlock(required=False)
    page = blocks.PageChooserBlock(required=False, help_text=_("Link to a page of this site…"))
    url = blocks.URLBlock(required=False, help_text=_("…or to another site."))
    button_text = blocks.CharBlock(
        max_length=80, help_text=_("Say where the button leads, e.g. “Register for the workshop”.")
    )

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=255, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document.html"


class PillarBlock(blocks.StructBlock):
    """One pillar of a project: the consortium presents its work as a few pillars."""

    title = blocks.CharBlock(max_length=255)
    text = blocks.TextBlock()

    class Meta:
        icon = "list-ul"
        template = "components/blocks/pillar.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        help_text=_("A video or other media by its address (YouTube, Vimeo…)."), icon="media"
    )
    call_to_action = CallToActionBlock()
    document = DocumentBlock()

    class Meta:
        template = "components/blocks/body.html"
