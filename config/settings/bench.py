"""Benchmarks (bench/, the peer bench): the production settings plus the demo app, whose
commands (load_demo_content, generate_load_data) fill the database being measured.

The demo app adds no URL, middleware or template: a site served with these settings
answers exactly as one served with config.settings.production.
"""

from .production import *  # noqa: F403

# Under manage.py the production settings already add it (bench/ runs manage.py and gunicorn).
if "demo" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
