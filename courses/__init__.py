"""Courses: catalog, course, lesson and quiz pages; enrollment, progress and completion."""
