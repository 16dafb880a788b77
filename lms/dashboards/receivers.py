"""Wires exports to accounts (lms.accounts and lms.exports sit side by side at the bottom of the
import layers and never import each other): closing an account deletes the exports its person
asked for, rows and files, and the data download lists them."""

from django.db import transaction
from django.dispatch import receiver

from lms.accounts.models import User
from lms.accounts.signals import account_closing, personal_data_requested
from lms.exports.models import Export


@receiver(account_closing, sender=User, dispatch_uid="dashboards.exports_delete")
def exports_delete(sender, user, **kwargs) -> None:
    """An export is a copy of cooperatives' data made for one person: it goes with them. The
    files are deleted once the closing commits (a rolled-back closing keeps them)."""
    exports = Export.objects.filter(requested_by=user)
    for export in exports.exclude(file=""):
        storage, name = export.file.storage, export.file.name
        transaction.on_commit(lambda s=storage, n=name: s.delete(n))
    exports.delete()


@receiver(personal_data_requested, sender=User, dispatch_uid="dashboards.exports_data")
def exports_data(sender, user, **kwargs) -> dict:
    return {
        "exports_asked_for": [
            {"title": e.title, "kind": e.kind, "format": e.format, "status": e.status,
             "asked_for_at": e.created_at.isoformat()}
            for e in Export.objects.filter(requested_by=user).order_by("created_at")
        ],
    }
