"""Work handed to Celery that must not be lost (see services.py)."""
