"""The SMART coach: judge a goal statement, pull out its structure, suggest, never rewrite.

Pure Python: no Django, no network; rules and word lists compiled at import.

What it says is message keys, never sentences: every reason (`Criterion.why`) and suggestion is
a `messages.Message(key, params)`, the params being the peer's own words as they wrote them.
`messages.render(message, translate)` makes the sentence with a gettext catalogue (Django's in
the web app, `messages.catalogue(language)` in the CLI; both read peergoals/locale).
`judge(statement, context, today, language)` reads in the language `language.choose` picks (the
peer's setting, the words) through that language's reader; `Judgement.language` says which.

    >>> import datetime
    >>> j = judge("gonna hit 3 meetings this wk", today=datetime.date(2026, 11, 23))
    >>> j.due, j.target.count, j.criteria.time_bound.met
    (datetime.date(2026, 11, 29), 3, True)

Criteria, as the practice defines them
    specific    names a concrete action; not a state, wish or outcome ("get a job", "get
                healthier", "work on my recovery"), not "more/better/less/stuff" with no number,
                not a plan's vague verb or object ("Client will improve adherence", "stress
                management"), not "stop using" with nothing used and no time. Staying clean or
                sober over a stated time ("stay clean for 90 days", "get through this week
                without drinking") and an outcome someone can check (a degree, a GED, a
                license, a card, fluency, no debt) are specific, even when too large.
    measurable  a count, amount, duration or frequency, or one concrete action that is done or
                not ("call my brother"). "Try", "maybe" and unquantified "more/less/better" are
                never measurable. An ongoing activity ("walk", "read", "go to meetings", "go
                swimming", "walk the dog", "keep a diary", "look for a place", "get back into my
                routine") needs an amount, a frequency or one exact day; "a walk", "one book",
                "the whole Big Book", "step 4" are one thing, done or not.
    achievable  from the wording alone: not met for absolutes and perfectionism (never, always,
                forever, every single day, for good, anymore, 100%), all-or-nothing rules
                (nothing but vegetables, only salads from now on, every penny, no food), whole-
                life promises (every relationship I ever broke, everyone I ever hurt) or leaps
                too large for the time given (a degree in months, a CDL in under four weeks,
                > 3 pounds a week, > 1 book every 2 days, > 10 miles or > 5 job applications a
                day...). The step form asks the same of a target typed into its fields.
    relevant    None without context. With a context (long-term goal or values), or a reason
                the statement gives itself ("I want to reconnect with my family, so I will..."),
                true when the step shares a topic word or a life area with it, or the step's
                area feeds the goal's area (money -> housing, education -> work...); false
                ("not yet") only when clearly elsewhere: leisure or shopping, or an area that
                doesn't feed the goal's. Otherwise the peer's call: None, flag "ask_relevance"
                and one question, "How does this help with ...?"
    time_bound  a deadline, a bounded period, a duration ("for 30 days") or a schedule.

Due dates (resolved against `today`; weeks run Monday to Sunday)
    today, tonight, this morning       today;  tomorrow / tmrw: today + 1
    by/on/this <weekday>, <weekday>    the next such day on or after today (today if it is)
    next <weekday>                     that weekday in next week
    this week, end of the week         the coming Sunday (today if Sunday); next week: +7
    this weekend, by the weekend       the coming Sunday; next weekend: the Sunday after
    this month, end of the month       last day of this month; next month: end of next month
    this year, end of the year         December 31; next year: December 31 next year
    in/within/for (the next) N days/weeks/months/years, N days from now: today + N units
                                       ("for one week" = today + 7; "in a month" = same day
                                       next month)
    <month> <day>, the <day> of <month>, 12/20 (US), 2026-12-20: that date, this year or
                                       next year if already past
    on/by the 4th                      the next 4th on or after today
    in/by <month>                      last day of that month
    Christmas, New Year's, Thanksgiving, Halloween, July 4th: the next such day
    seasons (meteorological)           by spring: the day before March 1; this summer: Aug 31
    A repeating schedule with no end ("every morning", "on Tuesdays", "3 times a week",
    "at 7pm", "on her birthday") is time-bound with no due date; with a bounded period
    ("every day this week") the due date is the end of that period. "starting Monday" names a
    start, not a due date. When several dates appear, an exact day beats a period; ties go to
    the first in the text.

Target
    count    occurrences per period for a repeating target ("two meetings every week" = 2/week,
             "every morning" = 1/day, "twice a day" = 2/day, "Mondays and Fridays" = 2/week,
             "weekdays" = 5/week), else the total asked for ("apply to three jobs" = 3, "read
             50 books" = 50). A frequency beats an amount ("run 2 miles 3 times a week" = 3).
             Only real numbers count: digits, number words, "once", "twice", "a couple (of)" =
             2, "a dozen" = 12. "a few", "some", "several" are vague: no count; "a"/"an" is not
             a count ("read a book": None). "from daily to twice a week": the target after "to"
             counts, not the baseline. "every other day", "every two weeks": time-bound, per
             None. Numbers that label things ("step 4", "section 8", "my 2 kids") don't count.
    unit     the counted noun, singular and lower-case ("job", "meeting", "book", "dollar");
             "time" for a bare frequency ("3 times a week", "every morning", "twice a week").
    per      "day", "week" or "month" for a repeating target; None for a one-off or a total.
    minutes  a duration: "10 minutes", "half an hour" = 30, "an hour" = 60, "1.5 hours" = 90.

Flags
    absolute, too_large, vague, deficit_framing (stop/quit/avoid/less/not... with nothing to
    move toward), readiness (sounds pushed by someone else: "I have to", "my PO says"),
    ask_relevance (the coach asks how the step helps instead of judging the fit).
    Input that can't be judged gets "cannot_judge" plus one of "empty", "no_words",
    "too_long" (over MAX_LENGTH characters), "not_english", "not_understood"; all criteria
    are then unmet (relevant None) and the one suggestion asks for the goal in their words.
"""

from __future__ import annotations

from peergoals.coach.achievable import target_too_large
from peergoals.coach.core import MAX_LENGTH, Criteria, Criterion, Judgement, judge
from peergoals.coach.dates import end_of_month, end_of_week
from peergoals.coach.relevance import serves
from peergoals.coach.target import Target

__all__ = [
    "MAX_LENGTH",
    "Criteria",
    "Criterion",
    "Judgement",
    "Target",
    "end_of_month",
    "end_of_week",
    "judge",
    "serves",
    "target_too_large",
]
