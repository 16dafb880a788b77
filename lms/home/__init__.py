"""The Wagtail home page of the platform."""
