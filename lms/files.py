"""Private files: evidence photos, certificate and report PDFs, exports.

They live in their own storage (``STORAGES["private"]``), outside the public media folder, under
names nobody can guess, and have no URL: the only way to one is a view that checks who asks and
streams it. Only public images (course covers, lesson pictures) stay on the default storage,
which is served at MEDIA_URL.

A row's file goes with the row: ``files_follow_rows`` deletes it when the row is deleted, and
``file_replace`` deletes the old one when a new one takes its place."""

import os
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty
from django.views.decorators.http import require_safe
from django.views.static import serve

RANDOM_BYTES = 24  # 192 bits, written as 32 URL-safe characters


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder of its own (``PRIVATE_MEDIA_ROOT``), read from the settings on each use so tests
    can point it elsewhere, and no URL at all: asking for one is a programming error."""

    def __init__(self, location=None, **kwargs):
        super().__init__(location=location, base_url=None, **kwargs)
        self._fixed_location = location

    @property
    def base_location(self):
        return self._fixed_location or settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("A private file has no URL; serve it through a view that checks access.")


@require_safe
def public_media(request, path):
    """Public images kept in local files (MEDIA_ROOT, read as it is when asked), with the time
    browsers may keep them: every new upload gets a name of its own. Private files are in
    another folder and never reachable from here."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={settings.LMS_MEDIA_MAX_AGE}"
    return response


class PrivateStorage(LazyObject):
    """``storages["private"]`` as the settings name it now: a file field keeps this one object
    for life, and it follows a change of STORAGES (the object-store tests make one)."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty


def private_storage():
    """The storage of private files (a callable, so migrations name it)."""
    return _private


@deconstructible
class RandomName:
    """``upload_to`` for private files: ``<folder>/<year>/<month>/<random>.<ext>``. The name the
    person's browser saves is given by the view, never read from the stored name."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePosixPath(filename).suffix.lower()
        if not suffix[1:].isalnum() or len(suffix) > 6:
            suffix = ""
        now = timezone.now()
        return f"{self.folder}/{now:%Y/%m}/{secrets.token_urlsafe(RANDOM_BYTES)}{suffix}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def file_replace(field_file, name: str, content) -> None:
    """Store ``content`` in ``field_file`` (without saving the row), deleting the file it held."""
    old_name = field_file.name
    field_file.save(name, content, save=False)
    if old_name and old_name != field_file.name:
        field_file.storage.delete(old_name)


def files_follow_rows(model, *field_names: str) -> None:
    """When a row of ``model`` is deleted (one by one or in a queryset, or by a cascade), delete
    the files its ``field_names`` held. Deletion runs after the transaction commits, so a rolled
    back deletion keeps its files."""
    def delete_files(sender, instance, using, **kwargs):
        for field_name in field_names:
            field_file = getattr(instance, field_name)
            if field_file and field_file.name:
                storage, name = field_file.storage, field_file.name
                transaction.on_commit(lambda s=storage, n=name: s.delete(n), using=using)

    post_delete.connect(delete_files, sender=model, weak=False,
                        dispatch_uid=f"files_follow_rows:{model._meta.label}")


def files_move_to_private(model, field_folders: dict[str, str]) -> int:
    """For a data migration: move the files of ``model``'s rows from the public storage to the
    private one under random names (``field_folders`` maps a field to its folder). A file not
    found on the public storage is left named as it is. Returns how many files moved."""
    public, private, moved = storages["default"], storages["private"], 0
    for row in model.objects.all().iterator():
        changed = []
        for field_name, folder in field_folders.items():
            name = getattr(row, field_name).name
            if not name or not public.exists(name):
                continue
            with public.open(name, "rb") as source:
                new_name = private.save(RandomName(folder)(row, name), source)
            public.delete(name)
            setattr(row, field_name, new_name)
            changed.append(field_name)
            moved += 1
        if changed:
            model.objects.filter(pk=row.pk).update(
                **{field_name: getattr(row, field_name).name for field_name in changed})
    return moved
