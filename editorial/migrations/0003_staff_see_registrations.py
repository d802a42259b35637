"""Editors and Moderators see and manage the registrations of the events they may edit
(events.permissions narrows the model permissions to those events)."""

from django.db import migrations

from editorial.roles import EDITORS, MODERATORS, REGISTRATIONS, _Models


def grant(apps, schema_editor):
    m = _Models(apps, schema_editor.connection.alias)
    permissions = [m.permission(*spec) for spec in REGISTRATIONS]
    for group in m.objects(m.Group).filter(name__in=[EDITORS, MODERATORS]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_editorial_roles"),
        ("events", "0010_registration_reminded_for"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
