"""Real mail servers for the outbox tests: an SMTP listener (aiosmtpd) that keeps what it
receives, and a "black hole" that accepts connections and never says a word."""

import os
import runpy
import socket
import threading

import pytest
from aiosmtpd.controller import Controller

from tests.events.conftest import open_event  # noqa: F401 - fixture

SETTINGS_MODULE = "config.settings.base"
MAIL_SETTINGS = [
    "EMAIL_BACKEND",
    "MAILER_EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_USE_TLS",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_TIMEOUT",
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """aiosmtpd handler: every message received, as (envelope sender, recipients, bytes)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free local port; `.port`, `.inbox.messages`."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    controller.inbox = inbox
    yield controller
    controller.stop()


class BlackHole:
    """Accepts TCP connections and never answers (no SMTP greeting): the mail server that
    hangs. Closing it ends every connection it holds."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.listener.accept()
            except OSError:
                return
            self.held.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.held:
            connection.close()


@pytest.fixture
def black_hole():
    hole = BlackHole()
    yield hole
    hole.close()


def production_mail_settings(host, port, timeout=1):
    """The mail settings config/settings/base.py makes for a production environment whose
    EMAIL_HOST is `host`:`port` (no TLS), read by running the settings module itself."""
    environment = {
        "EMAIL_HOST": host,
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": str(timeout),
    }
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        # As a module of its package: base.py imports its neighbours (caches, security).
        values = runpy.run_module(SETTINGS_MODULE)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return {name: values[name] for name in MAIL_SETTINGS if name in values}
