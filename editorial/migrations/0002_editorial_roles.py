"""Create the editorial roles: Editors, Moderators, one Translators group per language,
the "News and events review" workflow (see editorial/roles.py).

Safe on a fresh database (permissions that Django creates after the migrations are
created here when missing; languages and pages that do not exist yet are handled by
the post_migrate and page-creation handlers, which run the same code) and on an existing
one (nothing is duplicated, nothing is removed except Wagtail's default assignment of
"Moderators approval" to the root page).
"""

from django.db import migrations


def install_roles(apps, schema_editor):
    from editorial.roles import sync_editorial_roles

    sync_editorial_roles(apps, schema_editor.connection.alias, install=True)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("partners", "0001_initial"),
    ]

    operations = [migrations.RunPython(install_roles, migrations.RunPython.noop)]
