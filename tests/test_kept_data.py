"""Shared data kept between runs (tests/kept_data.py) is only used for the same checkout,
while fresh, for a database of the same ids, and with its files back in place."""

import os
import subprocess
import time

import pytest

from tests.kept_data import MAX_AGE_SECONDS, KeptData, checkout_key


def git(repository, *args):
    subprocess.run(["git", "-C", str(repository), *args], check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    root = tmp_path / "checkout"
    root.mkdir()
    git(root, "init", "-q")
    (root / ".gitignore").write_text("var/\n")
    (root / "models.py").write_text("TITLE = 1\n")
    git(root, "add", ".")
    return root


def test_any_change_to_the_checkout_makes_a_new_key(repository):
    key = checkout_key(repository)
    assert key == checkout_key(repository)

    (repository / "models.py").write_text("TITLE = 2\n")  # an uncommitted edit
    edited = checkout_key(repository)
    assert edited != key

    (repository / "new_test.py").write_text("")  # a new file git would track
    assert checkout_key(repository) not in (key, edited)

    (repository / "new_test.py").unlink()
    (repository / ".hypothesis").mkdir()  # a tool's state, before it writes its .gitignore
    (repository / ".hypothesis" / "examples").write_text("")
    assert checkout_key(repository) == edited
    (repository / "var").mkdir()
    (repository / "var" / "test.sqlite3").write_text("ignored")  # what git ignores
    assert checkout_key(repository) == edited


def test_the_settings_environment_is_part_of_the_key(repository, monkeypatch):
    key = checkout_key(repository)
    monkeypatch.setenv("ANTISPAM_MIN_SECONDS", "7")
    assert checkout_key(repository) != key


@pytest.fixture
def kept(tmp_path):
    """A copy kept by an earlier run: its database file and one image it wrote."""
    run = tmp_path / "earlier-run"
    (run / "media" / "original_images").mkdir(parents=True)
    (run / "media" / "original_images" / "nice.jpg").write_bytes(b"the demo's photo")
    (run / "snapshot.sqlite3").write_bytes(b"a database")
    data = KeptData(tmp_path / "kept")
    data.keep("demo", ("value", 1), run / "snapshot.sqlite3", "ids-1", run / "media")
    return data


def test_a_kept_copy_is_found_with_its_files_put_back(kept, tmp_path):
    media_root = tmp_path / "this-run-media"
    record = kept.find("demo", "ids-1", media_root)
    assert record["frozen"] == ("value", 1)
    assert (media_root / "original_images" / "nice.jpg").read_bytes() == b"the demo's photo"
    with open(record["snapshot"], "rb") as database:
        assert database.read() == b"a database"


def test_a_copy_for_other_database_ids_is_not_used(kept, tmp_path):
    assert kept.find("demo", "ids-2", tmp_path / "media") is None


def test_an_old_copy_is_not_used(kept, tmp_path):
    record_path = kept.directory / "demo.pickle"
    old = time.time() - MAX_AGE_SECONDS - 60
    os.utime(record_path, (old, old))
    assert kept.find("demo", "ids-1", tmp_path / "media") is None


def test_a_copy_whose_file_name_is_taken_by_another_file_is_not_used(kept, tmp_path):
    media_root = tmp_path / "this-run-media"
    (media_root / "original_images").mkdir(parents=True)
    (media_root / "original_images" / "nice.jpg").write_bytes(b"another fixture's photo")
    assert kept.find("demo", "ids-1", media_root) is None
    assert (media_root / "original_images" / "nice.jpg").read_bytes() == b"another fixture's photo"


def test_nothing_kept_nothing_found(tmp_path):
    assert KeptData(tmp_path / "kept").find("demo", "ids-1", tmp_path / "media") is None


def test_a_directory_on_sys_path_twice_keeps_the_key(repository, monkeypatch):
    """Tests that put the checkout on sys.path again list its distributions twice: a run
    that had computed its key after one of them made another key than the next run."""
    import sys

    key = checkout_key(repository)
    monkeypatch.setattr(sys, "path", [*sys.path, *sys.path])
    assert checkout_key(repository) == key
