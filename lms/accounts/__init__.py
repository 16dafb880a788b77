"""Accounts: the custom User, roles, the allauth adapter and the profile."""
