"""Spanish dates as PeerGoals shows them: day first, month in lower case ("4 dic", "4 de
diciembre de 2026"), 24-hour time, as Spanish-speaking readers expect."""

MONTH_DAY_FORMAT = "j b"
DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
YEAR_MONTH_FORMAT = r"F \d\e Y"

# Numbers as Spanish speakers in the United States write them (es-US): a decimal point, as the
# forms expect when a peer types an amount like 1.5.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
