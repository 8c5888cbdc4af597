"""Word lists the coach's rules read. Plain data, built once at import."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ALT = "|".join(WEEKDAY_NAMES)
# "Monday, Wednesday and Friday", "Tuesdays and Thursdays"; "Saturday mornings".
WEEKDAY_LIST = (
    rf"(?:{WEEKDAY_ALT})s?(?:\s*(?:,\s*and|,|and|or|&|through|thru|to)\s*(?:{WEEKDAY_ALT})s?)+"
)
WEEKDAY_PARTS = rf"(?:{WEEKDAY_ALT})\s+(?:mornings|afternoons|evenings|nights)"
WEEKDAY_ABBR_ALT = "|".join(sorted((k for k in WEEKDAYS if len(k) < 6), key=len, reverse=True))


def word_set(text: str) -> frozenset[str]:
    """The white-space separated words of `text`, as a set."""
    return frozenset(text.split())


_split = word_set


STOPWORDS = _split(
    """
    i me my myself mine we us our you your yours he she him her his they them their it its
    a an the and or but so if then than that this these those there here to of in on at by for
    with from up down out over under about into onto through before after until while when where
    what which who whom why how all any both each few more most other some such no nor not only
    own same too very can will just should would could might must shall may am is are was were be
    been being have has had having do does did doing get got go going goes went make made want
    wanted need needs like also again once ever every even still back off away around really
    well now today tonight tomorrow yesterday week weeks month months year years day days time
    times morning night evening afternoon weekend per one two first next last new good better
    best little lot lots much many something anything nothing everything someone anyone
    everyone thing things way ways start stop keep try trying going gonna okay yes yeah please
    thanks because since though although plan goal goals help let said say says able sure
    """
)

# Verbs whose object makes a concrete, checkable action.
CONCRETE_VERBS = _split(
    """
    walk jog run swim bike ride hike stretch lift dance attend go visit call text phone email
    write message apply read cook clean wash vacuum sweep mop organize tidy pay save deposit
    budget open close sign enroll register join schedule book reschedule take drink eat
    make prepare pack meet talk tell ask reach journal pray meditate volunteer fill submit file
    complete finish return pick drop bring buy shop search look update print send mail check
    list plan set create practice study review learn show arrive wake sleep rest play spend
    sit do follow use download install throw pour delete block unfollow replace swap limit cut
    reduce quit stop avoid skip leave tell thank apologize invite share post watch listen
    attend renew request order fix repair paint repaint plant water feed brush floss shower
    bathe shave stick track log count record weigh measure hit cover teach help mentor coach
    drive catch sort recycle donate give interview research draft edit type hang wear bake
    rehearse say celebrate go join complete earn get find land lose gain sell rent move
    exercise workout work greet hug read sing write draw knit sew garden grow attend refill
    smoke vape gamble drive live bike ride hike shave leave
    """
)

# Verbs that name a state, a feeling or a general effort rather than an action.
STATE_VERBS = _split(
    """
    be become feel stay remain improve fix change heal grow recover better handle deal manage
    focus concentrate figure sort transform rebuild regain restore reconnect strengthen
    deepen survive overcome conquer beat achieve succeed thrive
    flourish understand accept love enjoy believe hope wish consider think realize try
    demonstrate enhance explore maintain increase boost
    """
)

# Objects that leave an action vague however concrete the verb.
VAGUE_OBJECTS = _split(
    """
    life stuff things thing everything something myself self recovery health wellness
    wellbeing future situation issues problems mess others people act together shit crap
    self-care habits lifestyle mindset attitude relationship relationships trust bond credit
    image reputation supports insight patterns options engagement behaviors behaviours esteem
    self-esteem adherence symptoms portions management
    """
)

# Manner words that say how, not what ("eat healthy", "do better"): no action on their own.
VAGUE_MANNER = _split(
    """
    healthy healthier clean cleaner right well good better perfectly properly harder
    more less
    """
)

# "get/find/land + X" where X is an outcome, not an action one does.
OUTCOME_NOUNS = _split(
    """
    job work employment career apartment housing place house home custody kids children
    sobriety life license degree diploma ged promotion raise car money rich partner girlfriend
    boyfriend wife husband healthy healthier fit better sober clean shape track together
    balance happy happier peace stable stability well healed closer stronger purpose meaning
    happiness love trouble positive patient spiritual social present
    """
)

VAGUE_WORDS = _split(
    """
    try trying tried attempt stuff things someday sometime eventually soon maybe possibly
    hopefully somehow kinda kind sorta sort whatever better healthier happier stronger
    more less fewer lot lots alot bunch several some few many often occasionally sometimes
    improve improving
    """
)

ABSOLUTE_WORDS = _split(
    """
    never always forever perfect perfectly perfection flawless flawlessly 100% 24/7 completely
    totally entirely
    """
)

DEFICIT_VERBS = _split(
    """
    stop quit avoid reduce limit cut quitting stopping avoiding
    """
)

# Life areas (SAMHSA dimensions plus the recovery areas peers name). Keys are word stems.
AREAS: dict[str, frozenset[str]] = {
    "work": _split(
        """
        job jobs work working career resume resumes cv interview interviews employ employed
        employment employer hire hired hiring application applications apply applying
        paycheck shift shifts boss coworker coworkers workplace indeed linkedin occupation
        occupational income unemployment temp staffing internship workforce wage wages
        cover letter references reference hire fair networking uniform forklift cdl typing
        computer computers employers mentor
        """
    ),
    "housing": _split(
        """
        housing house home apartment apartments rent renting lease landlord shelter section
        voucher roommate roommates deposit utilities eviction evict bedroom room kitchen
        bathroom living move moving homeless place mortgage furniture neighborhood clean
        cleaning tidy vacuum dishes laundry environmental street streets homeless
        """
    ),
    "health": _split(
        """
        health healthy healthier walk walking walks exercise exercising gym workout run
        running jog jogging swim swimming yoga stretch stretching sleep sleeping bed bedtime
        eat eating meal meals vegetables veggies fruit fruits water doctor dentist checkup
        physical blood pressure diabetes medication medications meds pills weight pounds
        fit fitness bike biking steps hike hiking nutrition diet cook cooking breakfast lunch
        dinner sugar soda fast food junk snack snacks calories body heart appointment hospital
    er hospitalized psychiatrist y ymca stronger active activity
        clinic nurse dental teeth vitamins shape strength strong muscle lose sick illness
        prescription pharmacy insulin smoking smoke cigarettes cigarette vape vaping
        outside outdoors outdoor inside push-ups pushups pushup sit-ups situps squats plank
        """
    ),
    "emotional": _split(
        """
        mental emotional emotions feelings feeling mood moods anxiety anxious depression
        depressed stress stressed calm therapy therapist counselor counseling psychiatrist
        journal journaling meditate meditation mindfulness breathing breathe coping cope
        self-care selfcare grief anger angry worry lonely loneliness happiness happy peace
        gratitude grateful affirmations relax relaxing crisis trauma esteem confidence stable
        stability feel psychiatric hospital positive negativity attitude mindset
        """
    ),
    "recovery": _split(
        """
        recovery sober sobriety clean drink drinking drinks alcohol beer liquor wine drunk
        drug drugs using use relapse relapses craving cravings trigger triggers smoke smoking
        cigarettes cigarette vape vaping nicotine weed marijuana meth heroin opioids pills
        methadone suboxone detox rehab treatment meeting meetings aa na sponsor twelve-step
        peer support group recover abstinence gambling gamble bar bars soda caffeine
        sponsee chip dealer narcan
        """
    ),
    "family": _split(
        """
        family mom mother dad father brother brothers sister sisters son sons daughter
        daughters kid kids child children grandma grandmother grandpa grandfather aunt uncle
        cousin cousins wife husband partner spouse parents parent custody visitation
        reconnect grandkids grandchildren nephew niece relatives baby fiance fiancee
        relationship relationships grandson granddaughter grandsons granddaughters stepson
        stepdaughter sibling siblings in-laws stepmom stepdad
        """
    ),
    "social": _split(
        """
        friend friends social community group club volunteer volunteering neighbor
        neighbors connect connection people hang lonely loneliness meetup church party
        team league relationship relationships
        """
    ),
    "money": _split(
        """
        money budget budgeting save saving savings bank account debt debts bill bills pay
        paying credit loan loans spend spending income benefits ssi ssdi snap ebt stamps tax
        taxes financial finances dollars cash paycheck rent deposit afford expenses fund
        casino gambling gamble lottery scratch takeout aside
        """
    ),
    "spiritual": _split(
        """
        church pray prayer prayers god faith spiritual spirituality temple mosque synagogue
        bible scripture worship higher power meditate meditation pastor priest religious
        service services devotional purpose
        """
    ),
    "legal": _split(
        """
        court probation parole po lawyer attorney record expunge expungement fine fines
        ticket tickets warrant legal judge hearing license licence dmv restitution
        officer charges public defender sentence
        """
    ),
    "education": _split(
        """
        school class classes course courses ged degree college study studying homework
        diploma enroll enrollment tutor certificate certification training library
        education learn learning read reading books book university community-college exam
        test tests skill skills fafsa semester associate credits transcript
        """
    ),
    # Pastimes and buying things: they help a goal only when the peer says how.
    "leisure": _split(
        """
        movie movies film films tv television netflix video videogame videogames
        game games gaming playstation xbox nails manicure pedicure mall shopping fishing
        pottery knit knitting concert buy purchase
        """
    ),
    "services": _split(
        """
        caseworker casework navigator advocate specialist
        agency program services
        """
    ),
    "organizing": _split(
        """
        organize organized organizing organization planner calendar appointments routine
        schedule reminders alarm clutter declutter plan planning
        """
    ),
    "documents": _split(
        """
        id identification birth certificate social security card passport documents
        paperwork
        """
    ),
}

# A step in one area can serve a long-term goal in another (goal area -> step areas).
AREA_LINKS: dict[str, frozenset[str]] = {
    "work": frozenset({"education", "documents", "legal", "services"}),
    "housing": frozenset({"money", "documents", "legal", "services"}),
    "money": frozenset({"work", "documents", "services"}),
    "recovery": frozenset({"emotional", "spiritual", "services"}),
    "health": frozenset({"recovery", "emotional"}),
    "emotional": frozenset({"recovery", "spiritual", "health"}),
    "family": frozenset({"recovery", "legal"}),
    "legal": frozenset({"documents", "services"}),
    "education": frozenset({"documents"}),
    "social": frozenset({"family"}),
}

WORD_AREAS: dict[str, frozenset[str]] = {}
for _area, _words in AREAS.items():
    for _word in _words:
        WORD_AREAS[_word] = WORD_AREAS.get(_word, frozenset()) | {_area}

# Words too general to show that a step and a goal share a topic.
GENERIC_WORDS = STOPWORDS | _split(
    """
    will able life lives better find get getting start started finish more less time
    week month day year work working make new old own least always never really
    """
)

FOREIGN_WORDS = _split(
    """
    quiero voy ir al del los las una uno por para con semana trabajo mi mis yo es el la de que
    en y ser estar hacer todos dias cada meta buscar necesito tengo mañana manana hoy ce je
    vais une des les est pour avec dans mon ma semaine travail ich werde jeden mit und der die
    das eine ein nicht woche arbeit eu vou uma para com minha meu trabalho semana todo dia
    io voglio fare lavoro settimana ogni
    """
)

# Every word the coach knows; used to tell English from other languages and to guard typo fixes.
VOCABULARY = (
    STOPWORDS
    | CONCRETE_VERBS
    | STATE_VERBS
    | VAGUE_OBJECTS
    | OUTCOME_NOUNS
    | VAGUE_WORDS
    | ABSOLUTE_WORDS
    | DEFICIT_VERBS
    | frozenset(WORD_AREAS)
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(w + "s" for w in WEEKDAY_NAMES)
    | _split(
        """
        daily nightly weekly monthly weekdays weekends mornings evenings nights afternoons
        minute minutes hour hours tomorrow tonight weekend someday soon forever end within
        single dozen couple pair twice thrice half quarter hundred thousand going want
        outside park store meeting minutes miles mile glasses glass cups cup pages page chapter
        chapters step steps lunch phone number numbers sponsor therapist counselor brother
        sister mom dad meeting shower intake instead toward towards reconnect reach resume
        bible christmas thanksgiving halloween easter spring summer fall autumn winter
        something feelings order list goals paper daily routine routine stick mood
        """
    )
)
