"""The kinds of export: each app registers the builder of its files from its AppConfig.ready,
so this app builds, shows and serves them without importing the apps that own them."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import File


@dataclass(frozen=True)
class ExportFile:
    name: str  # what the person's browser saves it as
    # The bytes, or for a file too large to hold in memory a File (a temporary file, say),
    # which is stored in chunks and then closed.
    content: bytes | File


@dataclass(frozen=True)
class Link:
    url: str
    label: str


class Progress(Protocol):
    def __call__(self, done: int, total: int | None = None) -> None: ...


def _owner_only(*, user, export) -> bool:
    return True


@dataclass(frozen=True)
class Builder:
    """How one kind of export is written and where its page leads back to.

    `build(export=, progress=)` writes the file, calling `progress(done, total)` as it goes,
    and raises PermissionDenied when the owner may no longer see what was asked for;
    `back(export=)` is the page the person came from; `may_open(user=, export=)` says whether
    the owner may still open it (another person's export is never shown, whatever it says)."""

    kind: str
    build: Callable[..., ExportFile]
    back: Callable[..., Link]
    may_open: Callable[..., bool] = _owner_only


BUILDERS: dict[str, Builder] = {}  # filled by export_builder_register


def export_builder_register(builder: Builder) -> None:
    registered = BUILDERS.get(builder.kind)
    if registered is not None and registered != builder:
        raise ImproperlyConfigured(f"Two builders for the export kind {builder.kind!r}.")
    BUILDERS[builder.kind] = builder


def export_builder_of(kind: str) -> Builder | None:
    return BUILDERS.get(kind)
