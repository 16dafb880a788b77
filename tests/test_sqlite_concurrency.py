"""The development SQLite database: requests that write at the same moment (Wagtail's autosave
and a publish) wait for one another instead of failing with "database is locked"."""

import runpy
import threading

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction

import lms.settings

ALIAS = "sqlite_concurrency"
WRITERS = 4
# How long the first writer keeps the write lock while the others try. Shorter than the old
# configuration's busy timeout (Python's default, 5 s), so a failure there is not a timeout.
HOLD_SECONDS = 2.0


@pytest.fixture
def sqlite_file_database(tmp_path, monkeypatch, django_db_blocker):
    """Registers a database alias on a fresh SQLite file with the given OPTIONS, holding one
    counter row, so Django's own backend and `transaction.atomic` apply the options."""

    def register(options: dict) -> str:
        configured = connections.configure_settings({"default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "db.sqlite3"),
            "OPTIONS": dict(options),
        }})["default"]
        monkeypatch.setitem(connections.settings, ALIAS, configured)
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (id integer PRIMARY KEY, value integer)")
            cursor.execute("INSERT INTO counter (id, value) VALUES (1, 0)")
        connections[ALIAS].close()
        return ALIAS

    with django_db_blocker.unblock():
        yield register
    connections[ALIAS].close()
    del connections[ALIAS]


def increment_counter(alias: str) -> None:
    """Reads, then writes, in one transaction: the lock upgrade that a deferred transaction
    cannot wait for."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        (value,) = cursor.fetchone()
        cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])


def counter_value(alias: str) -> int:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        (value,) = cursor.fetchone()
    connections[alias].close()
    return value


def write_while_another_holds_the_lock(alias: str) -> list[Exception]:
    """One writer takes the write lock and keeps it until the others have all finished, or for
    HOLD_SECONDS if they are waiting for it; the others each increment the counter meanwhile.
    Each thread has its own connection and closes it. Returns the others' errors."""
    errors: list[Exception] = []
    finished = threading.Condition()
    done: list[None] = []
    holding = threading.Barrier(WRITERS)

    def in_own_connection(work):
        def run():
            try:
                work()
            finally:
                connections[alias].close()

        return run

    def hold_the_lock():
        with transaction.atomic(using=alias):
            with connections[alias].cursor() as cursor:
                cursor.execute("UPDATE counter SET value = value + 1 WHERE id = 1")
            holding.wait()
            with finished:
                finished.wait_for(lambda: len(done) == WRITERS - 1, timeout=HOLD_SECONDS)

    def write():
        holding.wait()
        try:
            increment_counter(alias)
        except OperationalError as error:
            errors.append(error)
        finally:
            with finished:
                done.append(None)
                finished.notify_all()

    threads = [threading.Thread(target=in_own_connection(hold_the_lock))]
    threads += [threading.Thread(target=in_own_connection(write)) for _ in range(WRITERS - 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    return errors


def test_concurrent_writers_all_succeed_with_the_development_options(sqlite_file_database):
    alias = sqlite_file_database(settings.SQLITE_OPTIONS)

    errors = write_while_another_holds_the_lock(alias)

    assert errors == []
    assert counter_value(alias) == WRITERS


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({}, id="old-settings"),
        pytest.param(
            {k: v for k, v in settings.SQLITE_OPTIONS.items() if k != "transaction_mode"},
            id="wal-and-timeout-without-immediate",
        ),
    ],
)
def test_deferred_transactions_reproduce_database_is_locked(sqlite_file_database, options):
    alias = sqlite_file_database(options)

    errors = write_while_another_holds_the_lock(alias)

    assert len(errors) == WRITERS - 1
    assert all("database is locked" in str(error) for error in errors)
    assert counter_value(alias) == 1


def test_the_default_sqlite_database_uses_the_options(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)

    options = runpy.run_path(lms.settings.__file__)["DATABASES"]["default"]["OPTIONS"]

    assert options == settings.SQLITE_OPTIONS


def test_options_in_the_database_url_win(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}?timeout=5")

    options = runpy.run_path(lms.settings.__file__)["DATABASES"]["default"]["OPTIONS"]

    assert options == {**settings.SQLITE_OPTIONS, "timeout": 5}


def test_the_wal_journal_is_on_for_a_file_database(sqlite_file_database):
    alias = sqlite_file_database(settings.SQLITE_OPTIONS)

    with connections[alias].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        (mode,) = cursor.fetchone()

    assert mode == "wal"
