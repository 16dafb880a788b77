"""Reads of exports: a person's own export, and their latest of a kind."""

from lms.exports.models import Export


def export_of(*, user, pk) -> Export | None:
    """The export if `user` asked for it; anyone else's is None, whoever they are."""
    if not user.is_authenticated:
        return None
    return Export.objects.filter(pk=pk, requested_by=user).first()


def exports_recent(*, user, kind: str, limit: int = 10) -> list[Export]:
    return list(Export.objects.filter(requested_by=user, kind=kind)[:limit])
