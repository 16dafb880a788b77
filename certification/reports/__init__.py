"""Readiness reports: frozen at submission, shown as a web page and a PDF, compared over time."""
