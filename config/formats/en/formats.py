"""How the admin shows dates in English: day before month and a 24-hour clock, as the
consortium's European staff read them (Django's "en" formats are American: 10/14/2025
9:30 a.m.). Only the display formats are set; the input formats stay Django's. The public
site writes its dates with its own translated formats (core.templatetags.date_tags)."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
