"""One date format for Vietnamese, day first with digits, so a day reads the same on every page,
e-mail and PDF. Django's own Vietnamese formats mix "03-12-2026" and "Ngày 03 tháng 12 năm 2026";
what is not set here (input formats, separators) still comes from Django."""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"
