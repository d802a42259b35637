"""The suite's own promise (tests/shared.py, tests/dbtemplate.py): what a test changes never
reaches the next one, whether it changed shared data or committed; and a test database
copied from the migrated template is as up to date as a migrated one."""

import gc

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale, Page, Site

from tests.dbtemplate import cyclic_collector_paused


@pytest.mark.django_db
def test_asking_for_site_tree_sees_no_translation_of_translated_site(site_tree):
    # Other tests of this module use translated_site: its translations are not here.
    assert not Page.objects.filter(
        translation_key=site_tree["news"].translation_key, locale__language_code="fr"
    ).exists()


@pytest.mark.django_db
def test_a_test_changes_the_shared_site(translated_site):
    news = translated_site["news"]
    news.title = "Changed in memory"
    Page.objects.filter(pk=news.pk).update(title="Changed in the database")
    translated_site["extra"] = news


@pytest.mark.django_db
def test_the_next_test_gets_the_shared_site_as_built(translated_site):
    news = translated_site["news"]
    french = Page.objects.get(translation_key=news.translation_key, locale__language_code="fr")
    assert news.title == french.title.removeprefix("[fr] ")
    assert Page.objects.get(pk=news.pk).title == news.title
    assert "extra" not in translated_site


def assert_as_the_migrations_made_it():
    assert Page.get_first_root_node() is not None
    assert Site.objects.filter(is_default_site=True).exists()
    assert Locale.objects.count() == 4
    assert Group.objects.filter(name="Moderators").exists()
    assert not Page.objects.filter(slug="pactesur-home").exists()


# pytest-django empties every table after a test that committed; whichever of these two runs
# second finds Wagtail's root page and site, the locales and the editorial groups again.


@pytest.mark.django_db(transaction=True)
def test_a_test_that_commits_finds_the_database_as_migrated():
    assert_as_the_migrations_made_it()
    Group.objects.create(name="Committed by a test")


@pytest.mark.django_db(transaction=True)
def test_another_test_that_commits_finds_the_database_as_migrated_too():
    assert_as_the_migrations_made_it()
    assert not Group.objects.filter(name="Committed by a test").exists()
    Group.objects.create(name="Committed by a test")


@pytest.mark.django_db
def test_the_test_database_has_every_migration_of_the_code_applied():
    # A template kept from another state of the migrations would leave some unapplied.
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


def test_the_collector_paused_for_the_migrations_is_back_after_them_even_after_an_error():
    """tests/dbtemplate.py pauses the cyclic garbage collector while it migrates: the tests
    that follow must run with it, as the site does."""
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cyclic_collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a migration failed")
    assert gc.isenabled()
