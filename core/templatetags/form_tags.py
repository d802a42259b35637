"""Template tags of the public forms (contact, registration): accessible rendering of
their fields, with help texts and errors tied to them and an error summary that links
to each field."""

from django import template

register = template.Library()

GROUP_WIDGETS = {"radioselect", "checkboxselectmultiple"}


@register.filter
def is_group(field):
    """Radio buttons and checkbox lists are fieldsets with a legend, not a <label>."""
    return field.widget_type in GROUP_WIDGETS


@register.filter
def is_checkbox(field):
    return field.widget_type == "checkbox"


@register.filter
def field_anchor(field):
    """The id of the first focusable element of a field, for the error summary's links."""
    if field.widget_type in GROUP_WIDGETS:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.simple_tag
def field_widget(field):
    """The field's widget with its help text and errors tied to it (aria-describedby)."""
    described_by = []
    attrs = {}
    if field.widget_type in GROUP_WIDGETS:
        # The fieldset around the choices carries the description, once for the group.
        if field.errors:
            attrs["aria-invalid"] = "true"
        return field.as_widget(attrs=attrs)
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.widget_type == "email":
        attrs.setdefault("autocomplete", "email")
    return field.as_widget(attrs=attrs)
