"""Cooperatives: provinces, communes, unions, cooperatives, memberships and officers' scopes."""
