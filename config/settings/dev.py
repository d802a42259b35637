"""Development and the local demo that `make run` serves.

DEBUG stays off unless asked for (`DEBUG=1 make run`), so that the demo shows what
visitors see: friendly error pages in their language, not Django's debug pages.
WhiteNoise serves the static files straight from the apps (no collectstatic needed)
and Django serves the uploaded media.
"""

from .base import *  # noqa: F403
from .base import env_bool, machine_translator

DEBUG = env_bool("DEBUG", False)
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(DEBUG)  # DeepL, LibreTranslate, dummy
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"  # noqa: F405
LOCAL_DEMO = True
SERVE_MEDIA = True
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405 - demo content and load data
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
