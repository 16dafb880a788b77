"""Wagtail hooks of the accounts app: the users listing's bulk delete closes accounts."""

from wagtail import hooks

from lms.accounts.viewsets import AccountCloseBulkAction

# Registered after Wagtail's own DeleteBulkAction (same model and action type), which it
# replaces: the registry keeps the last class registered for a model's "delete".
hooks.register("register_bulk_action", AccountCloseBulkAction, order=100)
