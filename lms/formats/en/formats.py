"""One date format for English, with the month in letters: "03/12/2026" reads as 12 March to
an American and 3 December to everyone else, "3 Dec 2026" reads one way only. What is not set
here (input formats, separators) still comes from Django."""

DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
