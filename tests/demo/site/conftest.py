"""The demo site, loaded twice once per test run (it takes several seconds: shared fixtures,
tests/shared.py and tests/demo/content.py); every test then reads or changes it in its own
transaction, rolled back after it."""

import pytest

# Importing it declares the shared fixture `demo_loaded`, the parent below.
from tests.demo.content import content_counts, load_demo_content
from tests.shared import shared_fixture


@shared_fixture(parent="demo_loaded", media=True)
def demo_loaded_twice(first_load):
    """The demo content loaded twice, as `make run` does on every start: what each run
    printed and what the site held after each."""
    second_output = load_demo_content()
    return {
        "first": first_load["counts"],
        "second": content_counts(),
        "first_output": first_load["output"],
        "second_output": second_output,
    }


@pytest.fixture
def site(demo_loaded_twice):
    return demo_loaded_twice
