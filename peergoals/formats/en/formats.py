"""English dates as PeerGoals shows them: short month names, US order ("Dec 4, 2026")."""

MONTH_DAY_FORMAT = "M j"
DATE_FORMAT = "M j, Y"
DATETIME_FORMAT = "M j, Y, g:i a"
YEAR_MONTH_FORMAT = "F Y"
