"""The roles exist after `migrate`, follow new languages and pages, and are idempotent."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Locale, Page, Workflow, WorkflowPage

from editorial.models import TranslatorGroup
from editorial.roles import (
    EDITORS,
    MODERATORS,
    REVIEW_WORKFLOW_NAME,
    sync_editorial_roles,
    translators_group_name,
)
from tests.factories import HomePageFactory
from tests.translation import translate_page


def page_permissions(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.mark.django_db
def test_staff_groups_have_their_permissions():
    root = Page.get_first_root_node()
    for name in (EDITORS, MODERATORS):
        group = Group.objects.get(name=name)
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert {"access_admin", "submit_translation"} <= codenames
        for model in ("partner", "city"):
            assert {f"{action}_{model}" for action in ("add", "change", "delete", "publish")} <= (
                codenames
            )
        assert page_permissions(group, root) >= {
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        }


@pytest.mark.django_db
def test_one_translators_group_per_language_except_the_default(locales):
    groups = {tg.locale.language_code: tg.group.name for tg in TranslatorGroup.objects.all()}
    assert groups == {
        "fr": "Translators (French)",
        "it": "Translators (Italian)",
        "es": "Translators (Spanish)",
    }
    italian = Group.objects.get(name="Translators (Italian)")
    codenames = set(italian.permissions.values_list("codename", flat=True))
    assert codenames == {
        "access_admin",
        "change_partner",
        "view_partner",
        "publish_partner",
        "change_city",
        "view_city",
        "publish_city",
    }


@pytest.mark.django_db
def test_translators_get_the_home_page_of_their_language_when_it_appears(translated_site, locales):
    italian = Group.objects.get(name="Translators (Italian)")
    italian_home = translated_site["home"].get_translation(locales["it"])
    assert page_permissions(italian, italian_home) == {"change_page", "publish_page"}
    # … and nothing else: not the English, French or Spanish trees, not the root.
    granted = Page.objects.filter(group_permissions__group=italian).distinct()
    assert {(page.locale.language_code, page.depth) for page in granted} == {("it", 2)}


@pytest.mark.django_db
def test_news_and_events_indexes_of_every_language_get_the_review_workflow(
    translated_site, locales
):
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW_NAME)
    for key in ("news_index", "event_index"):
        for code in ("en", "fr", "it", "es"):
            page = translated_site[key].get_translation(locales[code])
            assert page.get_workflow() == workflow
    for key in ("news", "event"):
        assert translated_site[key].get_workflow() == workflow
        assert translated_site[key].get_translation(locales["it"]).get_workflow() == workflow
    # Other pages are not reviewed: Wagtail's default root workflow was unassigned.
    for key in ("home", "standard", "project", "contact"):
        assert translated_site[key].get_workflow() is None
    assert not WorkflowPage.objects.filter(page__depth=1).exists()
    review = workflow.tasks.get().specific
    assert list(review.groups.values_list("name", flat=True)) == [MODERATORS]


@pytest.mark.django_db
def test_sync_is_idempotent(translated_site):
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
        Workflow.objects.count(),
    )
    assert sync_editorial_roles() == {
        "groups": 0,
        "page permissions": 0,
        "workflow assignments": 0,
    }
    sync_editorial_roles(install=True)
    call_command("sync_editorial_roles", "--staff", stdout=io.StringIO())
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
        Workflow.objects.count(),
    )


@pytest.mark.django_db
def test_a_new_language_gets_its_translators_and_its_tree_on_the_next_sync(home, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("de", "Deutsch")]
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "Deutsch")]
    german = Locale.objects.create(language_code="de")
    stats = sync_editorial_roles()
    assert stats["groups"] == 1
    group = TranslatorGroup.objects.get(locale=german).group
    assert group.name == translators_group_name("de") == "Translators (German)"
    german_home = translate_page(home, german, lambda text: f"[de] {text}")
    assert page_permissions(group, german_home) == {"change_page", "publish_page"}


@pytest.mark.django_db
def test_renamed_translators_group_keeps_its_language(locales):
    group = Group.objects.get(name="Translators (Italian)")
    group.name = "Italian translation agency"
    group.save()
    sync_editorial_roles()
    assert TranslatorGroup.objects.filter(locale=locales["it"]).count() == 1
    assert not Group.objects.filter(name="Translators (Italian)").exists()


@pytest.mark.django_db
def test_a_second_home_page_of_a_language_is_covered_too(locales):
    root = Page.get_first_root_node()
    second = HomePageFactory(parent=root, slug="other-site", locale=locales["it"])
    italian = Group.objects.get(name="Translators (Italian)")
    assert page_permissions(italian, second) == {"change_page", "publish_page"}


@pytest.mark.django_db
def test_staff_roles_come_back_after_a_flush():
    from editorial.signals import sync_roles_after_migrate

    Group.objects.filter(name__in=[EDITORS, MODERATORS]).delete()
    sync_roles_after_migrate(sender=None)
    editors = Group.objects.get(name=EDITORS)
    assert editors.permissions.filter(codename="publish_partner").exists()
