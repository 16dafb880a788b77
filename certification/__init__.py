"""Certification: checklists, self-assessments, scoring, readiness reports and certificates."""
