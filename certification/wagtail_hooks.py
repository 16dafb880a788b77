"""The certification app's Wagtail hooks, where Wagtail looks for them: the checklists' admin."""

from certification.checklists import wagtail_hooks  # noqa: F401 - registers the admin views
