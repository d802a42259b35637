"""Machine translation is chosen by environment variables."""

from config.settings.base import machine_translator


def test_deepl_first(monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", "key:fx")
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://lt.example.org/")
    config = machine_translator(debug=False)
    assert config["CLASS"].endswith("deepl.DeepLTranslator")
    assert config["OPTIONS"] == {"AUTH_KEY": "key:fx"}


def test_libretranslate(monkeypatch):
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://lt.example.org/")
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", "secret")
    config = machine_translator(debug=False)
    assert config["CLASS"].endswith("libretranslate.LibreTranslator")
    assert config["OPTIONS"] == {
        "LIBRETRANSLATE_URL": "https://lt.example.org",
        "API_KEY": "secret",
    }


def test_dummy_when_debugging_and_none_otherwise(monkeypatch):
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    monkeypatch.delenv("LIBRETRANSLATE_URL", raising=False)
    assert machine_translator(debug=True)["CLASS"].endswith("dummy.DummyTranslator")
    assert machine_translator(debug=False) is None


def test_every_translator_class_imports(monkeypatch):
    from django.utils.module_loading import import_string

    monkeypatch.setenv("DEEPL_API_KEY", "k")
    import_string(machine_translator(False)["CLASS"])
    monkeypatch.delenv("DEEPL_API_KEY")
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://lt.example.org")
    import_string(machine_translator(False)["CLASS"])
    monkeypatch.delenv("LIBRETRANSLATE_URL")
    import_string(machine_translator(True)["CLASS"])
