"""Certificates: issued once, rendered as PDF, verified by anyone, revoked, re-issued, zipped."""
