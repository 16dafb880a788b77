"""Signals through which the apps above accounts take part in closing an account and in the
person's data download. Accounts sits at the bottom of the import layers and never imports
them: each app connects its own receivers (in its AppConfig.ready) and handles its own rows.

- ``account_close_blockers(sender=User, user=)``: each receiver returns a list of sentences,
  in the active language, that stop the person from closing the account themselves (e.g. the
  last manager of a cooperative). A site admin is shown them and may close the account anyway.
- ``account_closing(sender=User, user=, by=)``: sent inside the closing transaction, before the
  user row is emptied; each receiver deletes or detaches the person's data in its app.
- ``personal_data_requested(sender=User, user=)``: each receiver returns a dict of sections
  ({"memberships": [...]}) for the person's own data download; plain JSON values only."""

from django.dispatch import Signal

account_close_blockers = Signal()
account_closing = Signal()
personal_data_requested = Signal()
