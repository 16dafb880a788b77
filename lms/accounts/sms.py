"""Text messages to phones, through a pluggable backend chosen by settings.SMS_BACKEND, as e-mail
is: the console backend prints each message (development, `make run`), the in-memory one keeps
them in `outbox` for tests. A gateway for production is a class with the same `send_messages`."""

import sys
import threading
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class TextMessage:
    to: str  # canonical international form, lms.accounts.phones.phone_normalize
    body: str


class BaseBackend:
    def send_messages(self, messages: list[TextMessage]) -> int:
        """Send the messages; return how many were sent. Raise on a failure worth retrying."""
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    _lock = threading.Lock()

    def send_messages(self, messages):
        with self._lock:
            for message in messages:
                sys.stdout.write(f"SMS to {message.to}\n{message.body}\n{'-' * 40}\n")
            sys.stdout.flush()
        return len(messages)


# The in-memory backend's messages, newest last; tests empty it (tests/conftest.py).
outbox: list[TextMessage] = []


class LocmemBackend(BaseBackend):
    def send_messages(self, messages):
        outbox.extend(messages)
        return len(messages)


def sms_send(*, to: str, body: str) -> int:
    backend = import_string(settings.SMS_BACKEND)()
    return backend.send_messages([TextMessage(to=to, body=body)])
