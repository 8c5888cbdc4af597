"""`judge()`: the SMART reading of one goal statement. Rules: see the package docstring."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from peergoals.coach import language as language_choice
from peergoals.coach import lexicon, messages, relevance, text
from peergoals.coach.dates import find_due
from peergoals.coach.messages import Message
from peergoals.coach.relevance import main_area
from peergoals.coach.target import EMPTY, Target, find_target, singular

MAX_LENGTH = 1000
CRITERIA = ("specific", "measurable", "achievable", "time_bound", "relevant")


@dataclass(frozen=True, slots=True)
class Criterion:
    """One SMART criterion: met (None = not judged) and why, as a message to render."""

    met: bool | None
    why: Message

    def to_dict(self, translate: Callable[[str], str]) -> dict[str, object]:
        return {"met": self.met, "why": messages.render(self.why, translate)}


@dataclass(frozen=True, slots=True)
class Criteria:
    specific: Criterion
    measurable: Criterion
    achievable: Criterion
    time_bound: Criterion
    relevant: Criterion

    def to_dict(self, translate: Callable[[str], str]) -> dict[str, object]:
        return {name: getattr(self, name).to_dict(translate) for name in CRITERIA}


@dataclass(frozen=True, slots=True)
class Judgement:
    """The coach's reading of a statement in `language` ("en", "es"). Reasons and suggestions
    are messages (a key and the peer's words); `to_dict()` is the public JSON contract, with
    each message rendered in the judgement's language."""

    statement: str
    criteria: Criteria
    due: dt.date | None
    target: Target
    flags: tuple[str, ...]
    suggestions: tuple[Message, ...]
    language: str = "en"

    @property
    def can_judge(self) -> bool:
        return "cannot_judge" not in self.flags

    @property
    def is_smart(self) -> bool:
        return all(getattr(self.criteria, name).met is not False for name in CRITERIA)

    def to_dict(self, translate: Callable[[str], str] | None = None) -> dict[str, object]:
        """The JSON contract; `translate` renders the messages (default: the catalogue of the
        judgement's language)."""
        translate = translate or messages.catalogue(self.language)
        return {
            "criteria": self.criteria.to_dict(translate),
            "due": self.due.isoformat() if self.due else None,
            "target": self.target.to_dict(),
            "flags": list(self.flags),
            "suggestions": [messages.render(s, translate) for s in self.suggestions],
            "language": self.language,
        }


# ---------------------------------------------------------------- input checks

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_ACCENTED = re.compile(r"[\u00e0-\u00ff\u00bf\u00a1]")


def cannot_judge(statement: str, reason: str, why: Message, language: str) -> Judgement:
    """The judgement of input the coach can't read: every criterion unmet, relevance not judged,
    and one suggestion asking for the goal in the peer's own words."""
    no = Criterion(False, why)
    criteria = Criteria(no, no, no, no, Criterion(None, why))
    own_words = Message(messages.SUGGEST_OWN_WORDS)
    flags = ("cannot_judge", reason)
    return Judgement(statement, criteria, None, EMPTY, flags, (own_words,), language)


def _input_problem(cleaned: str, norm_words: list[str]) -> tuple[str, Message] | None:
    if not cleaned:
        return "empty", Message(messages.CANNOT_EMPTY)
    letters = _LETTER.findall(cleaned)
    if not letters:
        return "no_words", Message(messages.CANNOT_NO_WORDS)
    latin = sum(1 for ch in letters if _LATIN.match(ch))
    if latin < len(letters) / 2:
        return "not_english", Message(messages.CANNOT_NOT_ENGLISH)
    english = sum(1 for w in norm_words if w in lexicon.VOCABULARY)
    foreign = sum(
        1 for w in norm_words if w in lexicon.FOREIGN_WORDS and w not in lexicon.STOPWORDS
    )
    accents = len(_ACCENTED.findall(cleaned.lower()))
    if foreign >= 2 and foreign + accents > english:
        return "not_english", Message(messages.CANNOT_NOT_ENGLISH)
    if english == 0:
        if foreign or accents:
            return "not_english", Message(messages.CANNOT_NOT_ENGLISH)
        return "not_understood", Message(messages.CANNOT_NOT_UNDERSTOOD)
    return None


# ---------------------------------------------------------------- the action clause

_GOAL_PREFIX = re.compile(
    r"^(?:(?:my|the|our)\s+)?(?:goal|plan|aim|step|idea|target|hope|wish)\s*"
    r"(?:is|will be|:|-)\s*(?:to\s+)?"
)
_REASON_FIRST = re.compile(
    r"^(?P<reason>(?:i|we)\s+(?:really\s+)?(?:want|would like|need|hope|wish|am trying|plan)"
    r"\s+to\s+"
    r"[^,;]+?)\s*(?:[,;]\s*(?:so|and so|therefore|that is why|which is why)\s+|"
    r"\s(?:so|and so|therefore|that is why|which is why)\s+(?=(?:i|we)\b))(?P<action>.+)$"
)
_REASON_AFTER = re.compile(
    r"^(?P<action>.+?)\s*,?\s+(?:so\s+that|so|because|in\s+order\s+to|to\s+help\s+me)\s+"
    r"(?P<reason>(?:i|we)\s+(?:can|could|will|want|would|am|feel|need|do not)\b.+|"
    r"(?:my|it)\s+.+)$"
)
_REASON_LEAD = re.compile(
    r"^(?:i|we)\s+(?:really\s+)?(?:want|would like|need|hope|wish|am trying|plan|can|could|will|"
    r"am|feel)\s+(?:to\s+)?"
)
_LEAD_WORDS = lexicon.word_set(
    """
    i we will shall am are going to gonna plan planning want wanna would like love hope
    need have got must should can could might may wish intend aim commit committed
    promise decided decide really honestly definitely seriously finally just also
    actually so and then try trying tried attempt attempting gotta able ready willing
    sure ok okay well yes at least maybe probably possibly hopefully personally always
    usually still consistently regularly
    """
)
# Who a goal is about: the peer's own "I", or a plan's "Client will ..." and its kin.
_SUBJECTS = frozenset(
    {"i", "we", "client", "pt", "patient", "participant", "member", "consumer", "resident"}
)
_START_VERBS = frozenset({"start", "begin", "keep", "continue", "resume", "get", "starting"})
_NEGATIONS = frozenset({"not", "never", "no"})
_DETERMINERS = frozenset(
    {"a", "an", "the", "my", "our", "this", "that", "one", "1", "each", "his", "her", "their"}
)
_ACTIVITY_VERBS = lexicon.word_set(
    """
    walk jog run swim bike hike stretch exercise workout read study meditate pray
    journal sleep rest eat drink cook practice volunteer spend play dance lift garden
    knit sew draw sing listen watch hang relax smoke use go attend work look search
    log track keep sit
    """
)
# Only "a walk", "one book" is a single occurrence; "the dog", "my diary" is a routine's object.
_ONE_OCCURRENCE = frozenset({"a", "an", "one", "1"})
# "go swimming", "get back into my routine", "look for a place": ongoing by their form.
_ONGOING = re.compile(
    r"^go\s+\w+ing\b|\b(?:routine|habit|habits|regimen)\b|^(?:look|search|hunt)\s+for\b"
    r"|^keep\s+(?:a|an|my|the)\s+(?:\w+\s+)?(?:journal|diary|log|list|record)\b"
    r"|^take\s+(?:my|your|the)\s+\w*\s*(?:meds|medications?|pills|insulin)\b"
)
# Staying clean or sober over a stated time is a concrete, countable goal in recovery.
_SOBER = (
    r"(?:clean|sober|abstinent|(?:drug|alcohol|smoke|substance|nicotine)[\s-]free|off\s+"
    r"(?:drugs|alcohol|pills|heroin|meth|opioids|the\s+bottle))"
)
_STAY_SOBER = re.compile(
    rf"^(?:stay|remain|be|keep|live)\s+{_SOBER}\b|^maintain\s+(?:my\s+)?(?:sobriety|abstinence)\b"
    r"|^get\s+through\s+.{1,30}?\s+without\s+(?:drinking|using|smoking|a\s+drink|a\s+drug|drugs|"
    r"alcohol|picking\s+up|getting\s+high|relapsing)\b"
    rf"|^(?:get|make\s+it)\s+to\s+\d+\s+(?:days|weeks|months)\s+{_SOBER}\b"
)
# An outcome someone can check (a credential, a test passed, a fluency, no debt) is specific
# and measurable even when it is far off or too big for the time.
_CHECKABLE = re.compile(
    r"\b(?:degree|diploma|ged|hiset|licen[cs]e|cdl|certification|certificate|certified|card|"
    r"permit|chip|keytag|fluent|citizenship|debt[\s-]free|out\s+of\s+debt|bachelors?|masters?|"
    r"associates?)\b"
)
_CHECKABLE_VERBS = frozenset(
    {"get", "earn", "obtain", "receive", "become", "pass", "finish", "complete", "be"}
)
_KNOWN_VERBS = lexicon.CONCRETE_VERBS | lexicon.STATE_VERBS | lexicon.DEFICIT_VERBS
_OUTCOME_VERBS = frozenset(
    {
        "get",
        "find",
        "land",
        "have",
        "obtain",
        "secure",
        "earn",
        "lose",
        "gain",
        "save",
        "learn",
        "win",
    }
)
_NUMBERED_OK = frozenset({"lose", "gain", "save", "earn", "learn", "find", "get"})
_BACK_OUTCOME = re.compile(
    r"\b(?:go|get|going|getting)\s+back\s+(?:to\s+)?(?:school|work|college|on\s+track|my\s+life)\b"
    r"|\bget\s+(?:my\s+)?(?:life|shit|act|stuff|things)\s+(?:together|straight|right|in order)\b"
    r"|\bturn\s+my\s+life\s+around\b|\bget\s+(?:clean|sober|healthy|healthier|fit|better|well)\b"
    r"|\bget\s+in(?:to)?\s+(?:better\s+)?shape\b|\b(?:get|make\s+it)\s+through\b"
    r"|\bgo\s+(?:back\s+)?to\s+(?:college|school|university)\b"
)
_BE_CONCRETE = re.compile(
    r"^be\s+(?:in\s+bed|at\s+\w+|home|on\s+time|there|in\s+(?:church|class|court|school)|early)\b"
)
_WORK_ON = re.compile(
    r"^(?:work|working)\s+on\b(?!\s+time\b)|^do\s+(?:better|good|well|my\s+best|more|less|stuff|things|something)\b"
)
_MAKE_VAGUE = re.compile(
    r"^(?:make|making)\s+(?:some\s+|a\s+|better\s+|healthier\s+|good\s+|positive\s+|real\s+)*"
    r"(?:changes?|progress|effort|choices|decisions|difference|improvements?|moves?|friends|"
    r"money|a\s+living|it|peace)\b"
)
_TAKE_CARE = re.compile(
    r"^take\s+care\s+of\s+(?:myself|me|my\s+(?:health|self|mental\s+health|body|recovery))\b"
)
_STAY_AWAY = re.compile(
    r"^stay\s+(?:away|off)\b|^stay\s+out\s+of\s+(?:the\s+)?(?!trouble|jail|prison|hospital)\w"
)
_VAGUE_MARKERS = re.compile(
    r"\b(?:try|trying|tried|attempt|more|less|fewer|better|healthier|happier|stronger|someday|"
    r"sometime|eventually|soon|maybe|somehow|stuff|things|a\s+lot|lots|some|a\s+few|several|"
    r"kind\s+of|sort\s+of|whatever|at\s+some\s+point|in\s+the\s+future|one\s+of\s+these\s+days|"
    r"more\s+often|as\s+much\s+as\s+i\s+can|when\s+i\s+can|if\s+i\s+can)\b"
)
_TRY = re.compile(
    r"\b(?:try|trying|tried|attempt|attempting)\b(?!\s+(?:on|out)\b)|\bwill\s+see\s+if\b"
    r"|\b(?:maybe|might|possibly|perhaps|hopefully)\b|\b(?:if|when)\s+i\s+(?:can|get\s+a\s+chance|feel\s+like\s+it)\b"
)
_UNQUANTIFIED = re.compile(
    r"\b(?:more|less|fewer|better|healthier|happier|harder|a\s+lot|lots|some|a\s+few|several|often|"
    r"stuff|things)\b"
)
_MORE_OFTEN = re.compile(r"\b(?:more|less)\s+(?:often|regularly|consistently)\b")
_NEVER_TIME = re.compile(
    r"\b(?:someday|sometime|eventually|soon|one\s+of\s+these\s+days|at\s+some\s+point|"
    r"in\s+the\s+future|in\s+the\s+long\s+run|later)\b"
)
_DURATION_SPAN = re.compile(
    r"\bfor\s+(?:the\s+(?:next|whole|entire)\s+)?(?:\d+|a|an|the)\s+(?:day|week|month|year)s?\b"
)
_ABSOLUTE = re.compile(
    r"\b(?:never|forever|for\s+good|for\s+life|for\s+the\s+rest\s+of\s+my\s+life|ever\s+again|"
    r"every\s+single|each\s+and\s+every|all\s+day\s+every\s+day|without\s+fail|"
    r"no\s+matter\s+what|at\s+all\s+times|all\s+the\s+time|perfect|perfectly|perfection|"
    r"flawless(?:ly)?|not\s+(?:even\s+)?once|100\s+percent|"
    r"any\s*more|no\s+more\s+ever|(?:completely|totally|entirely)\s+(?:quit|stop|cut|give\s+up|sober|clean))\b"
    r"|\b100\s*%|\b24/7"
    r"|(?<!\bhave\s)(?<!\bhad\s)\balways\b(?!\s+(?:wanted|been|dreamed|wished|liked|loved))"
)
# All-or-nothing rules and whole-life promises: a diet of one food, "every penny", everyone
# "I ever" hurt, every day for the rest of the year.
_ALL_OR_NOTHING = re.compile(
    r"\bnothing\s+but\b|\bfrom\s+now\s+on\b|\b(?:no|without)\s+(?:any\s+)?food\b"
    r"|\b(?:only\s+(?:eat|drink|have)|(?:eat|drink)\s+only)\b(?!\s+(?:\d|one|two|a|an)\b)"
    r"|\b(?:cut\s+out|give\s+up|quit)\s+all\b"
    r"|\bevery\s+(?:day|morning|night)\s+for\s+the\s+rest\s+of\b"
    r"|\bevery\s+(?:single\s+)?(?:penny|cent|book|relationship|person)\b"
    r"|\b(?:every|everyone|everybody|everything|all)\b(?=[^.;]{0,40}?\bever\b)"
)
# A clause that tells the story ("I used to walk all the time", "it has been sitting there
# forever", "he was always good to me") sets no standard for the goal.
_STORY = re.compile(
    r"\b(?:used\s+to|was|were|has\s+been|have\s+been|had\s+been|he|she|they|it|nobody|"
    r"everyone|everybody)\b"
)
_CLAUSE_BREAK = re.compile(r".*(?:[,;]|\b(?:because|and|so|but|since|before|after|when)\b)", re.S)


def _told(norm: str, start: int) -> bool:
    """Whether the words at `start` belong to a clause telling what was, not what will be."""
    before = norm[max(start - 60, 0) : start]
    clause = _CLAUSE_BREAK.sub("", before, count=1)
    return bool(_STORY.search(clause))


_BEST_EVER = re.compile(r"\bthe\s+best\s+(?:\w+\s+){0,2}ever\b|\bbest\s+ever\b")
_NEVER_NOT_ABSOLUTE = re.compile(
    r"\b(?:have|had|i\s+have)\s+never\b|\bnever\s+(?:been|had|tried|done)\b"
)
_ANYMORE_OK = re.compile(r"\bany\s*more\s+(?:than|time|money|often)\b")
_DEFICIT = re.compile(
    r"\b(?:stop|stopping|quit|quitting|avoid|avoiding|reduce|reducing|limit|limiting|"
    r"cut\s+(?:out|down|back|off)|cutting\s+(?:out|down|back)|give\s+up|giving\s+up|"
    r"stay\s+away\s+from|keep\s+away\s+from|get\s+rid\s+of|kick\s+the\s+habit|no\s+more|"
    r"less|fewer|without|lay\s+off|abstain|refrain)\b"
    r"|\b(?:not|never)\s+(?:\w+\s+)?(?:drink|drinking|use|using|smoke|smoking|vape|vaping|eat|"
    r"go|gamble|gambling|call|text|see|buy|spend|yell|fight|argue|sleep\s+in|skip|be\s+late|"
    r"get\s+high|get\s+drunk|relapse|pick\s+up|touch|do|have|hang\s+out|take|watch|play|lose)\b"
)
_TOWARD = re.compile(
    r"\binstead\b|\breplace\b|\bswap\b|\brather\s+than\b|\bin\s+place\s+of\b|\bsubstitute\b"
    r"|\b(?:and|then|but)\s+(?:i\s+will\s+|start\s+|will\s+|to\s+)?(?:call|go|walk|drink\s+water|"
    r"read|attend|start|join|eat|cook|exercise|pray|meditate|text|spend|save|put|use\s+that|"
    r"play|work\s+out|journal|take\s+a\s+walk)\b"
)
_DEFICIT_OK = re.compile(
    r"\b(?:not|never)\s+(?:miss|forget|skip|give\s+up\s+on|quit\s+on|be\s+afraid)\b"
)
_READINESS = re.compile(
    r"\b(?:i|we)\s+(?:have|has|had)\s+to\b|\b(?:i|we)\s+(?:have\s+)?got\s+to\b|\b(?:i|we)\s+must\b"
    r"|\b(?:i|we)\s+am\s+(?:supposed|required|ordered|told|forced|being\s+made|mandated|expected)\s+to\b"
    r"|\b(?:court|judge)[\s-]*ordered\b|\bmandated\b|\bordered\s+by\b"
    r"|\b(?:my|the|our)\s+(?:po|p\.o\.|probation\s+officer|parole\s+officer|probation|parole|"
    r"counselor|therapist|case\s*manager|caseworker|case\s+worker|doctor|judge|court|mom|mother|"
    r"dad|father|wife|husband|girlfriend|boyfriend|partner|family|boss|sponsor|pastor|social\s+worker|"
    r"program|specialist|worker|lawyer|kids|parents)\s+"
    r"(?:says|said|say|wants|wanted|told|tells|is\s+making|makes|made|requires|required|ordered|"
    r"insists|expects|thinks\s+i\s+should)\b"
    r"|\b(?:they|he|she|people|everyone|everybody)\s+(?:want|wants|say|says|said|told|tell|keep\s+telling)\s+me\b"
    r"|\bbecause\s+(?:my|the)\s+(?:po|probation|parole|court|judge)\b|\bor\s+else\b|\bfor\s+(?:my|the)\s+(?:po|probation|parole|court)\b"
)

_TIME_STOP = lexicon.word_set(
    """
    someday sometime soon eventually today tonight tomorrow again later anymore daily
    weekly monthly nightly forever by until before within
    """
)
_WANTS = frozenset({"want", "wanna", "wish", "hope", "like", "love"})
_NOUN_STARTS = frozenset(
    {"some", "more", "less", "no", "any", "all", "every", "each", "lots", "things", "stuff"}
)
_OTHERS_WANT = re.compile(
    r"^.{0,60}?\b(?:wants?|told|tells|ordered|asked|asks|needs|expects|made|makes|requires|required)"
    r"\s+(?:me|us)\s+to\s+"
)
_REPEAT_VERBS = lexicon.word_set(
    """
    go attend apply search look call text email visit read send contact meet find see do
    take write
    """
)
_VAGUE_MANNER = lexicon.word_set(
    """
    healthy healthier clean cleaner right well good better perfectly properly harder
    more less
    """
)
_STATE_GERUNDS = lexicon.word_set(
    """
    being feeling acting thinking worrying getting stressing overthinking
    procrastinating isolating complaining self-sabotaging judging
    """
)
_ACTION_TOKENS = re.compile(r"\$?\d[\d.,]*|[a-z][a-z'-]*")
_STOPPING = frozenset({"quit", "stop", "avoid", "give", "cut"})
_REDUCING = frozenset({"cut", "reduce", "limit", "lower", "decrease", "minimize"})


def _split_reason(norm: str) -> tuple[str, str | None]:
    """(action clause, the peer's stated reason if the statement gives one)."""
    match = _REASON_FIRST.match(norm)
    if match:
        return match.group("action"), match.group("reason")
    match = _REASON_AFTER.match(norm)
    if match and len(match.group("action").split()) >= 2:
        return match.group("action"), match.group("reason")
    return norm, None


def _base(word: str) -> str:
    """The base form of a gerund ("going" -> "go", "making" -> "make")."""
    if not word.endswith("ing") or len(word) < 5:
        return word
    stem = word[:-3]
    if not any(vowel in stem for vowel in "aeiouy"):
        return word  # "bring", "string": no gerund
    if stem in _KNOWN_VERBS:
        return stem
    if stem + "e" in _KNOWN_VERBS:
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in _KNOWN_VERBS:
        return stem[:-1]
    # An unknown stem ending consonant-vowel-consonant ("smok", "vap") most often lost an "e".
    vowels = "aeiou"
    if (
        len(stem) >= 3
        and stem[-1] not in vowels + "wxy"
        and stem[-2] in vowels
        and stem[-3] not in vowels
    ) or stem.endswith(("bl", "gl", "dl", "tl", "rg")):
        return stem + "e"
    return stem


@dataclass(frozen=True, slots=True)
class _Action:
    """The main verb of a statement ("" when it is a bare noun phrase) and the words after it."""

    verb: str | None
    rest: list[str]
    negated: bool
    went: bool
    wanted: bool
    habitual: bool = False


# How a spoken goal often starts before it says anything: "ok so basically", "I don't know,".
_FILLER = re.compile(
    r"^(?:(?:ok(?:ay)?|so|well|um+|uh+|basically|honestly|i\s+do\s+not\s+know|i\s+dunno|"
    r"i\s+guess|i\s+mean|you\s+know)\b[\s,]*)+"
)


def _action(clause: str) -> _Action:
    clause = _OTHERS_WANT.sub("", _GOAL_PREFIX.sub("", _FILLER.sub("", clause)))
    words = _ACTION_TOKENS.findall(clause)
    subject = next((i for i, w in enumerate(words) if w in _SUBJECTS), None)
    # "Write down 3 things I'm grateful for": an "I" after a leading verb starts a clause about
    # the object, not the goal's subject.
    starts_with_verb = bool(words) and words[0] in _KNOWN_VERBS | _ACTIVITY_VERBS
    if subject is not None and subject <= 6 and not (subject > 0 and starts_with_verb):
        words = words[subject + 1 :]
    negated = False
    went = False
    wanted = False
    habitual = False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "no" and not any(w in _KNOWN_VERBS for w in words[i + 1 : i + 2]):
            skip = 2 if i + 1 < len(words) and words[i + 1] == "more" else 1
            return _Action("", words[i + skip :], True, went, wanted, habitual)
        if word in _NEGATIONS and i + 1 < len(words):
            negated = True
            i += 2 if word == "no" and words[i + 1] == "more" else 1
            continue
        if word in ("going", "gonna") and i + 1 < len(words) and words[i + 1] == "to":
            went = True
        if word in _WANTS:
            wanted = True
        if word in _LEAD_WORDS:
            i += 1
            continue
        if word == "make" and i + 1 < len(words) and words[i + 1] == "sure":
            i += 2
            continue
        if word == "be" and i + 1 < len(words) and words[i + 1] == "able":
            i += 2
            continue
        if word in _START_VERBS and i + 1 < len(words):
            nxt = words[i + 1]
            habitual = habitual or nxt.endswith("ing")
            if nxt.endswith("ing") or nxt == "to" or (word == "get" and nxt in ("to", "started")):
                i += 1
                if nxt in ("to", "started"):
                    i += 1
                continue
        break
    rest = words[i:]
    if not rest:
        return _Action(None, [], negated, went, wanted, habitual)
    verb = _base(rest[0])
    if went and verb not in _KNOWN_VERBS:
        return _Action("go", rest, negated, True, wanted, habitual)
    if verb in _DETERMINERS or verb in _NOUN_STARTS or not verb[0].isalpha():
        return _Action("", rest, negated, went, wanted, habitual)
    return _Action(verb, rest[1:], negated, went, wanted, habitual)


def _head_noun(rest: list[str]) -> tuple[str | None, bool]:
    """(head noun of the object, whether it has a determiner) for the words after the verb."""
    noun = None
    determiner = False
    for word in rest[:6]:
        if word in _TIME_STOP:
            break
        if not word[0].isalpha():
            determiner = True
            continue
        if word in (
            "to",
            "for",
            "with",
            "at",
            "on",
            "in",
            "by",
            "from",
            "into",
            "up",
            "out",
            "about",
        ):
            if noun is not None:
                break
            continue
        if word in _DETERMINERS:
            if noun is not None:
                break
            determiner = True
            continue
        if word in lexicon.STOPWORDS:
            if noun is not None:
                break
            continue
        noun = word
    return noun, determiner


_WHOLE = frozenset({"whole", "entire", "every", "all"})


def _one_occurrence(rest: list[str]) -> bool:
    """Whether the object is counted as one ("go for a walk", "read one book"), or as a whole
    that gets finished ("read the whole Big Book", "work step 4")."""
    if _WHOLE & set(rest[:3]) or any(
        word.isdigit() and i > 0 and rest[i - 1].isalpha() for i, word in enumerate(rest[:4])
    ):
        return True
    for word in rest[:4]:
        if word in _ONE_OCCURRENCE:
            return True
        if word in _DETERMINERS:
            return False
    return False


_USE_WORDS = frozenset({"use", "using"})


def _uses_without_object(verb: str, rest: list[str]) -> bool:
    """ "Stop using", "never use again": what is used is left unsaid."""
    words = [verb, *rest] if verb in _USE_WORDS else rest
    if not words or words[0] not in _USE_WORDS:
        return False
    after = [w for w in words[1:4] if w not in _TIME_STOP and w not in ("ever", "at", "all")]
    return not after


def _shown(verb: str, rest: list[str]) -> str:
    """The action as the peer put it, without its time words ("walk 10 minutes")."""
    return _cut_to(_without_time(" ".join([verb, *rest])), 11)


@dataclass(frozen=True, slots=True)
class _Specific:
    met: bool
    why: Message
    one_off: bool


def _specific(
    clause: str, action: _Action, has_number: bool, quantified: bool, timed: bool
) -> _Specific:
    verb = action.verb
    if verb is None:
        return _Specific(False, Message(messages.SPECIFIC_NO_ACTION), False)
    if verb == "":
        return _noun_phrase(action, has_number)
    phrase = " ".join([verb, *action.rest])
    shown = _shown(verb, action.rest)
    if action.negated:
        shown = ("never " if verb in ("miss", "forget", "skip") else "not ") + shown
    met = Message(messages.SPECIFIC_MET, {"action": _second_person(shown)})
    if timed and _STAY_SOBER.match(phrase):
        return _Specific(True, met, True)
    if verb in _CHECKABLE_VERBS and _CHECKABLE.search(" ".join(action.rest[:6])):
        return _Specific(True, met, True)
    if not timed and _uses_without_object(verb, action.rest):
        return _Specific(False, Message(messages.SPECIFIC_VAGUE, {"word": "using"}), False)
    if _BACK_OUTCOME.search(clause) and not has_number:
        return _Specific(False, Message(messages.SPECIFIC_OUTCOME), False)
    if _WORK_ON.match(phrase) or _MAKE_VAGUE.match(phrase) or _TAKE_CARE.match(phrase):
        return _Specific(False, Message(messages.SPECIFIC_STATE), False)
    noun, determiner = _head_noun(action.rest)
    object_words = set(action.rest[:6])
    first = action.rest[0] if action.rest else ""
    if verb in _STOPPING and first in _STATE_GERUNDS:
        return _Specific(False, Message(messages.SPECIFIC_STATE), False)
    if first in _VAGUE_MANNER and not has_number:
        after = action.rest[1] if len(action.rest) > 1 else ""
        if not after or after in lexicon.STOPWORDS or after in _VAGUE_MANNER or verb == "try":
            return _Specific(False, Message(messages.SPECIFIC_VAGUE, {"word": first}), False)
    if verb in _REDUCING and not quantified and (verb != "cut" or first in ("down", "back")):
        return _Specific(
            False,
            Message(messages.SPECIFIC_VAGUE, {"word": " ".join([verb, first]).strip()}),
            False,
        )
    if (
        verb in lexicon.STATE_VERBS
        and not _BE_CONCRETE.match(phrase)
        and not _STAY_AWAY.match(phrase)
    ):
        return _Specific(False, Message(messages.SPECIFIC_STATE), False)
    if verb in _OUTCOME_VERBS:
        outcome = noun in lexicon.OUTCOME_NOUNS or bool(
            object_words & {"better", "healthier", "weight"}
        )
        unnumbered = verb in ("lose", "gain", "save", "learn", "earn") and not has_number
        if (outcome or unnumbered) and not (has_number and verb in _NUMBERED_OK):
            return _Specific(False, Message(messages.SPECIFIC_OUTCOME), False)
    if noun in lexicon.VAGUE_OBJECTS and not has_number:
        return _Specific(False, Message(messages.SPECIFIC_STATE), False)
    vague = _UNQUANTIFIED.search(" ".join(action.rest[:3]))
    if vague and not has_number:
        return _Specific(False, Message(messages.SPECIFIC_VAGUE, {"word": vague.group(0)}), False)
    if (
        verb not in lexicon.CONCRETE_VERBS
        and verb not in lexicon.DEFICIT_VERBS
        and verb in lexicon.STOPWORDS
        and noun is None
    ):
        return _Specific(False, Message(messages.SPECIFIC_NO_ACTION), False)
    if verb in ("healthy", "happy", "better", "healthier", "happier", "harder"):
        return _Specific(False, Message(messages.SPECIFIC_STATE), False)
    if noun is None and verb in lexicon.DEFICIT_VERBS:
        return _Specific(False, Message(messages.SPECIFIC_NO_ACTION), False)
    plural = noun is not None and noun.endswith("s") and not noun.endswith("ss")
    plural_bare = plural and verb in _REPEAT_VERBS and (not determiner or verb in ("go", "attend"))
    if verb in ("miss", "forget", "skip"):
        one_off = False
    elif verb in _STOPPING or action.negated:
        one_off = noun is not None or verb in lexicon.CONCRETE_VERBS
    elif verb in _ACTIVITY_VERBS:
        one_off = noun is not None and _one_occurrence(action.rest) and not plural
        if verb in ("go", "attend") and noun is not None and not plural_bare:
            one_off = True
    else:
        one_off = noun is not None and not plural_bare
    if (action.habitual or _ONGOING.search(phrase)) and not action.negated:
        one_off = False
    if _STAY_AWAY.match(phrase):
        # Staying away is kept or not over a stated time; with no time it never ends.
        one_off = timed
    return _Specific(True, met, one_off)


def _noun_phrase(action: _Action, has_number: bool) -> _Specific:
    """A statement with no verb: "gym 3x a week", "no more fast food this week", "a job"."""
    noun, _determiner = _head_noun(action.rest)
    if action.wanted:
        return _Specific(False, Message(messages.SPECIFIC_STATE), False)
    if noun is None or noun in lexicon.VAGUE_OBJECTS:
        return _Specific(False, Message(messages.SPECIFIC_NO_ACTION), False)
    if noun in lexicon.OUTCOME_NOUNS and not has_number:
        return _Specific(False, Message(messages.SPECIFIC_OUTCOME), False)
    vague = _UNQUANTIFIED.search(" ".join(action.rest[:3]))
    if vague and not has_number and not action.negated:
        return _Specific(False, Message(messages.SPECIFIC_VAGUE, {"word": vague.group(0)}), False)
    shown = _cut_to(_without_time(" ".join(action.rest)), 10)
    if action.negated:
        shown = "no " + shown
    return _Specific(
        True, Message(messages.SPECIFIC_MET, {"action": _second_person(shown)}), action.negated
    )


# ---------------------------------------------------------------- too large for the time

_EARN = r"\b(?:get|earn|finish|complete|pass|obtain|receive|graduate|have|with)\s+(?:\w+\s+){0,3}?"
_LEAPS: tuple[tuple[re.Pattern[str], int], ...] = (
    (
        re.compile(
            rf"{_EARN}(?:degree|bachelors?|masters?|phd|doctorate|associates?|nursing\s+school|law\s+school)\b"
        ),
        365,
    ),
    (
        re.compile(
            r"\bbecome\s+an?\s+(?:nurse|doctor|lawyer|teacher|counselor|therapist|engineer|electrician|plumber|pilot)\b"
        ),
        365,
    ),
    (re.compile(rf"{_EARN}(?:ged|diploma|high\s+school)\b"), 45),
    (re.compile(r"\b(?:quit|stop|give\s+up|change)\s+everything\b|\ball\s+at\s+once\b"), 31),
    (re.compile(r"\bbuy\s+(?:a|my\s+own|our)\s+(?:house|home|condo)\b"), 180),
    (
        re.compile(
            r"\bpay\s+off\s+(?:all\s+)?(?:of\s+)?(?:my\s+)?(?:debts?|loans?|student\s+loans?|credit\s+cards?)\b|\bout\s+of\s+debt\b|\bdebt[\s-]+free\b"
        ),
        60,
    ),
    (re.compile(r"\b(?:run|finish|do)\s+(?:a|the)\s+(?:full\s+)?marathon\b"), 60),
    (
        re.compile(
            r"\b(?:fix|change|turn\s+around)\s+(?:my\s+)?(?:whole\s+|entire\s+)?life\b|\bturn\s+my\s+life\s+around\b|\bchange\s+everything\b"
        ),
        31,
    ),
    (
        re.compile(
            r"\b(?:get\s+(?:my\s+)?kids\s+back|(?:get|win)\s+(?:full\s+)?custody|clear\s+my\s+record|expunge)\b"
        ),
        30,
    ),
    (
        re.compile(
            r"\b(?:fluent|learn\s+(?:a\s+new\s+|another\s+)?(?:language|spanish|english|french))\b"
        ),
        90,
    ),
    (re.compile(r"\b(?:start|open)\s+(?:my\s+own\s+|a\s+)business\b"), 90),
    (re.compile(r"\b(?:cdl|commercial\s+(?:driver'?s?\s+)?licen[cs]e)\b"), 28),
)
_DAILY_CAPS = {
    "book": 0.5,
    "job": 5.0,
    "application": 5.0,
    "meeting": 3.0,
    "mile": 10.0,
    "step": 40000.0,
    "page": 300.0,
    "time": 8.0,
    "class": 3.0,
    "chapter": 20.0,
    "pound": 3.0 / 7.0,
    "dollar": 250.0,
}
_PER_DAYS = {"day": 1, "week": 7, "month": 30}
# A job search is planned by the week: three applications "today" is a fine start.
_PLANNED_OVER = {"job": 7, "application": 7}
_WEIGHT = re.compile(r"\b(?:lose|gain|drop|shed)\s+(\d+)\s+(?:pounds?|lbs?|kilos?|kg)\b")
_LONG_MINUTES_OK = re.compile(r"\b(?:sleep|work|shift|volunteer|fast)\w*\b")


def _too_large(norm: str, target: Target, due: dt.date | None, today: dt.date) -> bool:
    days = (due - today).days + 1 if due is not None else None
    if days is not None:
        for pattern, minimum in _LEAPS:
            if days < minimum and pattern.search(norm):
                return True
        weight = _WEIGHT.search(norm)
        if weight and int(weight.group(1)) / days > 3.0 / 7.0 + 1e-9 and int(weight.group(1)) > 2:
            return True
    if (
        target.minutes is not None
        and target.per is not None
        and target.minutes > 300
        and not _LONG_MINUTES_OK.search(norm)
    ):
        return True
    if target.count is None or target.unit not in _DAILY_CAPS:
        return False
    if target.per is not None:
        rate = target.count / _PER_DAYS[target.per]
    elif days is not None:
        rate = target.count / max(days, _PLANNED_OVER.get(target.unit, 1))
    else:
        return False
    return rate > _DAILY_CAPS[target.unit]


_MINUTES_IN = {"minute": 1, "min": 1, "hour": 60, "hr": 60}


def target_too_large(
    quantity: float,
    unit: str,
    per: str | None,
    *,
    wording: str = "",
    due: dt.date | None = None,
    today: dt.date | None = None,
) -> bool:
    """Whether a target typed into a step's fields (1,000 minutes a day, 100 jobs a week) is too
    big for its time, by the rule the coach applies to the same words in a sentence."""
    # A form's own clock is the caller's; the coach's default is the local day, as in judge().
    today = today or dt.date.today()  # noqa: DTZ011
    norm = text.normalize(text.clean(wording[:MAX_LENGTH]))
    name = singular(unit.strip().lower())
    per = per if per in _PER_DAYS else None
    if name in _MINUTES_IN:
        minutes = quantity * _MINUTES_IN[name]
        days = _PER_DAYS[per] if per else ((due - today).days + 1 if due else None)
        if days is None:
            return False
        target = Target(count=1, unit="time", per="day", minutes=round(minutes / max(days, 1)))
    else:
        target = Target(count=round(quantity), unit=name or "time", per=per)
    return _too_large(norm, target, due, today)


# ---------------------------------------------------------------- words for suggestions

_PERSON = {
    "my": "your",
    "i": "you",
    "me": "you",
    "myself": "yourself",
    "mine": "yours",
    "am": "are",
    "our": "your",
    "we": "you",
    "us": "you",
}
_DOUBLE = lexicon.word_set(
    """
    get run stop shop quit plan jog swim sit set cut put hit begin forget drop skip chat
    """
)
_TIME_WORDS = re.compile(
    r"\s*\b(?:this|next|(?:every|each)\s+(?:single\s+)?(?:other\s+)?(?:\d+\s+)?"
    r"(?:day|night|morning|evening|afternoon|week|month|year|weekday|weekend|time|hour|"
    rf"{lexicon.WEEKDAY_ALT})s?\b|everyday|by|until|before|within|starting|from\s+(?:\d+|daily|every)|per|"
    # "for 30 days" is when; "for 10 minutes" is how much, and stays in the action.
    r"(?:for|in)\s+(?:(?:\d+|a|an|the\s+next(?:\s+\d+)?)\s+(?:days?|weeks?|months?|years?))|"
    rf"in\s+(?:{lexicon.MONTH_ALT})\b|"
    rf"on\s+(?:the\s+\d+|(?:{lexicon.WEEKDAY_ALT})s?|{lexicon.MONTH_ALT})|a\s+(?:day|week|month|night)\b|"
    # "a daily routine" is a thing, not a time: the words before it would be cut mid-phrase.
    r"today|tonight|tomorrow|(?<!\ba\s)(?<!\bmy\s)(?<!\bthe\s)(?<!\bour\s)"
    r"(?:daily|weekly|monthly|nightly)|someday|soon|eventually|again|"
    r"forever|for\s+good|any\s*more|ever|completely|cold\s+turkey|"
    r"(?:for|at|by|around)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|oclock)|at\s+\d+|all\s+at\s+once|once|\d+\s+(?:times?|mornings|evenings|nights|days))\b.*$"
)


# Words left hanging once the time is cut off ("create a [daily routine]"); a preposition may end
# a clause in English ("things you are grateful for") and stays.
_DANGLING = re.compile(r"(?:\s+(?:the|a|an|my|your|and|or))+$")


_HANGING = re.compile(
    r"(?:\s+(?:the|a|an|my|your|and|or|for|in|on|at|of|to|with|from|by|about|that|which))+$"
)


def _cut_to(phrase: str, most: int) -> str:
    """The first `most` words of `phrase`, never ending on a word that needs the next one."""
    words = phrase.split()
    if len(words) <= most:
        return phrase
    return _HANGING.sub("", " ".join(words[:most]))


def _without_time(phrase: str) -> str:
    """`phrase` without its time words, and without a word the cut would leave hanging."""
    return _DANGLING.sub("", _TIME_WORDS.sub("", phrase)).strip()


_PEER_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)([A-Za-z][A-Za-z'-]*)")
# Params that quote the peer's own words back to them.
_QUOTED = frozenset({"action", "topic", "habit", "word", "context"})


def _as_written(cleaned: str) -> dict[str, str]:
    """How the peer spelled each word they capitalised ("Luna", "NA", "DSS"), by its lower case.

    A capital that only starts a sentence is no spelling of theirs, unless the whole word is
    capitals ("NA meeting on Tuesday").
    """
    starts = {m.start(1) for m in _SENTENCE_START.finditer(cleaned)}
    spelled: dict[str, str] = {}
    for match in _PEER_TOKEN.finditer(cleaned):
        word = match.group(0)
        if word.islower() or (match.start() in starts and not (word.isupper() and len(word) > 1)):
            continue
        spelled.setdefault(word.lower(), word)
    return spelled


def _in_their_words(message: Message, spelled: dict[str, str]) -> Message:
    """`message` with the peer's words spelled as they wrote them."""
    if not spelled or not _QUOTED & message.params.keys():
        return message
    params = dict(message.params)
    for name in _QUOTED & params.keys():
        params[name] = " ".join(
            spelled.get(word.lower(), word) if word.lower() != "i" else word
            for word in params[name].split(" ")
        )
    return Message(message.key, params)


def _second_person(phrase: str) -> str:
    words = phrase.split()
    # "7 am" is a time, not "I am".
    return " ".join(
        word if word == "am" and i and words[i - 1][-1:].isdigit() else _PERSON.get(word, word)
        for i, word in enumerate(words)
    )


def _gerund(verb: str) -> str:
    if verb.endswith("ing"):
        return verb
    if verb in ("be", "see", "flee", "agree"):
        return verb + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    if verb in _DOUBLE:
        return verb + verb[-1] + "ing"
    return verb + "ing"


def _topic(action: _Action) -> str | None:
    # "What would hardering look like?": a manner word is no action to build the question on.
    if not action.verb or action.verb in _VAGUE_MANNER:
        return None
    rest = " ".join(action.rest)
    words = _cut_to(_without_time(rest), 6).split()
    # "stress management" names a thing: asked about as the peer put it, not as "stressing".
    named = bool(words) and words[0] in lexicon.VAGUE_OBJECTS and action.verb not in _KNOWN_VERBS
    phrase = " ".join([action.verb if named else _gerund(action.verb), *words]).strip()
    return _second_person(phrase)


_PLACES = frozenset(
    {"bar", "bars", "casino", "club", "party", "parties", "house", "store", "block"}
)
_PREPOSITIONS = frozenset(
    {"on", "in", "at", "for", "with", "from", "to", "after", "before", "when", "while", "during"}
)


def _until_preposition(words: list[str]) -> list[str]:
    for i, word in enumerate(words):
        if word in _PREPOSITIONS:
            return words[:i]
    return words


_HABIT_SKIP = frozenset({"down", "back", "out", "on", "off", "up", "all"})


def _habit(action: _Action, norm: str) -> str | None:
    """What the peer is moving away from, as "you'd usually ___" ("drink soda", "smoke")."""
    if action.verb is None:
        return None
    words = list(action.rest)
    while words and words[0] in _HABIT_SKIP:
        words = words[1:]
    words = [w for w in words if w not in ("less", "fewer", "so", "much", "too")]
    words = _without_time(" ".join(words)).split()[:5]
    if action.verb in lexicon.DEFICIT_VERBS or action.verb in ("cut", "give", "stay"):
        if words and words[0] in ("away", "from", "of"):
            words = words[1:] if words[0] != "away" else words[2:]
        if not words:
            return None
        first = words[0]
        if first.endswith("ing"):
            return _second_person(" ".join([_base(first), *_until_preposition(words[1:])]))
        thing = [w for w in _until_preposition(words) if w not in ("intake", "using")]
        if not thing:
            return None
        if action.verb in ("avoid", "stay") or thing[-1] in _PLACES:
            return _second_person("go to " + " ".join(thing))
        return _second_person("reach for " + " ".join(w for w in thing if w not in ("my", "the")))
    if action.verb in (
        "drink",
        "smoke",
        "use",
        "eat",
        "vape",
        "gamble",
        "go",
        "buy",
        "spend",
        "call",
    ):
        return _second_person(
            " ".join([action.verb, *[w for w in words if w not in ("any", "anymore")]])
        )
    return None


# ---------------------------------------------------------------- judge


def judge(
    statement: str,
    context: str | None = None,
    today: dt.date | None = None,
    language: str | None = None,
) -> Judgement:
    """Read a goal statement the SMART way. Never raises for any string input.

    `language` is the peer's language setting when known ("en", "es"); the statement is read
    in the language `peergoals.coach.language.choose` picks from it and the words.
    """
    if not isinstance(statement, str):
        raise TypeError("statement must be a string")
    # The caller's local day is the right default for a person typing a goal.
    today = today or dt.date.today()  # noqa: DTZ011
    if len(statement) > MAX_LENGTH:
        why = Message(
            messages.CANNOT_TOO_LONG, {"length": str(len(statement)), "limit": str(MAX_LENGTH)}
        )
        return cannot_judge(statement, "too_long", why, language_choice.fallback(language))
    chosen = language_choice.choose(statement, language)
    return language_choice.reader(chosen, statement)(statement, context, today)


def read_english(statement: str, context: str | None, today: dt.date) -> Judgement:
    """The English reader: `statement` (at most MAX_LENGTH characters) read against `today`."""
    cleaned = text.clean(statement)
    norm = text.normalize(cleaned)
    norm_words = text.words(norm)
    problem = _input_problem(cleaned, norm_words)
    if problem is not None:
        return cannot_judge(statement, *problem, "en")

    clause, reason = _split_reason(norm)
    due, exact_day, schedule, spans = find_due(norm, today)
    target, money = find_target(norm, spans)
    has_number = (
        (target.count is not None and target.unit != "time") or money or target.minutes is not None
    )
    has_number = has_number or bool(_WEIGHT.search(norm))
    action = _action(clause)
    quantified = target.count is not None or target.minutes is not None or money
    duration_span = _DURATION_SPAN.search(norm)
    timed = due is not None or duration_span is not None
    specific = _specific(clause, action, has_number, quantified, timed)

    flags: list[str] = []
    suggestions: list[Message] = []

    # Time-bound
    never_time = _NEVER_TIME.search(norm)
    time_bound = due is not None or schedule or target.per is not None or duration_span is not None
    if due is not None:
        time_why = Message(messages.TIME_DUE, {"due": f"{due:%A, %B} {due.day}"})
    elif time_bound:
        time_why = Message(messages.TIME_SCHEDULE_PLAIN)
    elif never_time:
        time_why = Message(messages.TIME_VAGUE, {"word": never_time.group(0)})
    else:
        time_why = Message(messages.TIME_NONE)

    # Measurable
    tried = _TRY.search(clause)
    unquantified = _UNQUANTIFIED.search(" ".join(action.rest[:3])) or _MORE_OFTEN.search(clause)
    if not specific.met and not unquantified:
        unquantified = _UNQUANTIFIED.search(clause)
    counted = (
        target.count is not None or target.minutes is not None or money or duration_span is not None
    )
    single_day = due is not None and exact_day and not schedule
    if tried:
        measurable, measurable_why = False, Message(messages.MEASURABLE_TRY)
    elif unquantified and not has_number:
        measurable = False
        measurable_why = Message(
            messages.MEASURABLE_VAGUE, {"word": unquantified.group(0).capitalize()}
        )
    elif counted and (specific.met or has_number or duration_span is not None):
        measurable = True
        shown = messages.target_phrase(target.count, target.unit, target.per, target.minutes)
        measurable_why = (
            Message(messages.MEASURABLE_COUNT, {"target": shown})
            if shown
            else Message(messages.MEASURABLE_DONE)
        )
    elif specific.met and (specific.one_off or single_day or schedule):
        measurable, measurable_why = True, Message(messages.MEASURABLE_DONE)
    else:
        measurable, measurable_why = False, Message(messages.MEASURABLE_NONE)

    # Achievable
    absolute = next(
        (
            found
            for pattern in (_ABSOLUTE, _ALL_OR_NOTHING, _BEST_EVER)
            for found in pattern.finditer(norm)
            if not _told(norm, found.start())
        ),
        None,
    )
    if absolute and absolute.group(0).startswith("never") and _NEVER_NOT_ABSOLUTE.search(norm):
        absolute = None
    if (
        absolute
        and absolute.group(0).replace(" ", "").startswith("anymore")
        and _ANYMORE_OK.search(norm)
    ):
        absolute = None
    too_large = _too_large(norm, target, due, today)
    if absolute:
        achievable = Criterion(
            False, Message(messages.ACHIEVABLE_ABSOLUTE, {"word": absolute.group(0).capitalize()})
        )
        flags.append("absolute")
    elif too_large:
        achievable = Criterion(False, Message(messages.ACHIEVABLE_TOO_LARGE))
    else:
        achievable = Criterion(True, Message(messages.ACHIEVABLE_MET))
    if too_large:
        flags.append("too_large")

    # Relevant
    goal = context.strip() if isinstance(context, str) and context.strip() else None
    if goal is not None or reason is not None:
        against = " ".join(part for part in (goal, reason) if part)
        shown_goal = goal or _second_person(_REASON_LEAD.sub("", reason or ""))
        fit = relevance.fit(clause, against)
        if fit == relevance.SERVES:
            relevant = Criterion(True, Message(messages.RELEVANT_MET, {"context": shown_goal}))
        elif fit == relevance.UNRELATED:
            relevant = Criterion(False, Message(messages.RELEVANT_NOT_MET, {"context": shown_goal}))
        else:
            # Relevance is the peer's call: when the words don't show it, ask, don't judge.
            relevant = Criterion(None, Message(messages.RELEVANT_ASK, {"context": shown_goal}))
            flags.append("ask_relevance")
    else:
        relevant = Criterion(None, Message(messages.RELEVANT_UNKNOWN))

    vague = _VAGUE_MARKERS.search(norm)
    if vague or not specific.met:
        flags.append("vague")
    deficit = (
        _DEFICIT.search(clause) and not _DEFICIT_OK.search(clause) and not _TOWARD.search(clause)
    )
    if deficit:
        flags.append("deficit_framing")
    if _READINESS.search(norm):
        flags.append("readiness")

    topic = _topic(action)
    if not specific.met:
        if topic:
            area = main_area(norm) or (main_area(goal.lower()) if goal else None)
            example = messages.example_key(area)
            suggestions.append(
                Message(messages.SUGGEST_SPECIFIC, {"topic": topic, "example": example})
            )
        else:
            suggestions.append(Message(messages.SUGGEST_SPECIFIC_NO_TOPIC))
    if not measurable:
        suggestions.append(
            Message(messages.SUGGEST_MEASURABLE_TRY)
            if tried
            else Message(messages.SUGGEST_MEASURABLE)
        )
    if absolute:
        suggestions.append(
            Message(messages.SUGGEST_ABSOLUTE, {"word": absolute.group(0).capitalize()})
        )
    if too_large:
        suggestions.append(Message(messages.SUGGEST_TOO_LARGE))
    if relevant.met is False:
        suggestions.append(Message(messages.SUGGEST_RELEVANT, {"context": shown_goal}))
    if "ask_relevance" in flags:
        suggestions.append(Message(messages.SUGGEST_RELEVANT_ASK, {"context": shown_goal}))
    if not time_bound:
        suggestions.append(Message(messages.SUGGEST_TIME))
    if deficit:
        habit = _habit(action, norm)
        suggestions.append(
            Message(messages.SUGGEST_DEFICIT, {"habit": habit})
            if habit
            else Message(messages.SUGGEST_DEFICIT_PLAIN)
        )
    if "readiness" in flags:
        suggestions.append(Message(messages.SUGGEST_READINESS))

    spelled = _as_written(cleaned)
    criteria = Criteria(
        specific=Criterion(specific.met, _in_their_words(specific.why, spelled)),
        measurable=Criterion(measurable, _in_their_words(measurable_why, spelled)),
        achievable=Criterion(achievable.met, _in_their_words(achievable.why, spelled)),
        time_bound=Criterion(time_bound, _in_their_words(time_why, spelled)),
        relevant=Criterion(relevant.met, _in_their_words(relevant.why, spelled)),
    )
    said = tuple(_in_their_words(message, spelled) for message in suggestions)
    return Judgement(statement, criteria, due, target, tuple(flags), said, "en")
