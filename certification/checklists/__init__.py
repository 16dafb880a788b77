"""Checklists: standards, their versions, sections and control points; file import and export."""
