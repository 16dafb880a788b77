"""The Django project: settings, URLs, the Celery app and the platform-wide apps."""

from lms.celery import app as celery_app

__all__ = ["celery_app"]
