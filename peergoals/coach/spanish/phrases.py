"""The phrase rules of the Spanish reader: set phrases, leads ("voy a", "dejar de"), absolutes,
days clean, frequencies, durations and dates, each read as the plain English the coach's rules
read ("cada mañana" -> "every morning", "para el viernes" -> "by friday"). `gloss` scans the text
with `PHRASES` once and reads each match with its own rule (`RULE_PATTERNS`, `HANDLERS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from peergoals.coach.spanish import words as w

_NUMBER_ALT = "|".join(sorted(w.NUMBERS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(w.WEEKDAYS, key=len, reverse=True))
_MONTH_ALT = "|".join(sorted(w.MONTHS, key=len, reverse=True))
_FULL_MONTH_ALT = "|".join(m for m in w.MONTHS if len(m) > 4 or m == "mayo")

_N = rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_ALT})"
_UNIT_DAYS = r"(?:dias?|semanas?|sem|mes|meses|anos?)"
_TIME_UNIT = {"dia": "day", "semana": "week", "sem": "week", "mes": "month", "ano": "year"}


def _num(word: str) -> str:
    word = word.replace(",", ".")
    if word in w.NUMBERS:
        return str(w.NUMBERS[word])
    return word


def _unit(word: str, count: str) -> str:
    base = word
    if base.endswith("es") and base[:-2] in _TIME_UNIT:
        base = base[:-2]
    elif base.endswith("s") and base[:-1] in _TIME_UNIT:
        base = base[:-1]
    english = _TIME_UNIT.get(base, base)
    return english if count in ("1", "a", "one") else english + "s"


def _per(word: str) -> str:
    return {
        "dia": "day",
        "semana": "week",
        "sem": "week",
        "mes": "month",
        "ano": "year",
        "noche": "night",
    }.get(word, "week")


Handler = Callable[[re.Match[str]], str]

_PREPOSITIONS: dict[str, str] = {
    "para": "by",
    "para el": "by",
    "para este": "by",
    "antes de": "by",
    "antes del": "by",
    "antes de el": "by",
    "hasta": "by",
    "hasta el": "by",
    "a mas tardar el": "by",
    "en": "in",
    "durante": "in",
    "el": "on",
    "este": "this",
    "hoy": "today",
    "a partir de": "starting",
    "a partir del": "starting",
    "desde": "starting",
    "desde el": "starting",
}


def _sober(word: str | None, phrase: str) -> str:
    if word in ("tomar", "beber", "alcohol") or "sobri" in phrase:
        return "sober"
    return "clean"


# How "voy a dejar de", "dejo de", "empecé a"... are said back: in the infinitive.
INFINITIVE_LEADS: dict[str, str] = {
    "i will stop": "dejar de",
    "stop": "dejar de",
    "i will start": "empezar a",
    "start": "empezar a",
}
# "Me voy a inscribir": the clitic before the lead belongs to the verb ("inscribirme").
REFLEXIVE_LEAD = re.compile(r"(?:yo )?me (?:no )?(?:voy|vamos|va) a\b")
_LANGUAGE_NAMES: dict[str, str] = {"ingles": "english", "espanol": "spanish", "frances": "french"}
_PLACES: dict[str, str] = {"universidad": "college", "escuela": "school", "iglesia": "church"}
_HOBBIES: dict[str, str] = {
    "guitarra": "guitar",
    "piano": "piano",
    "baile": "dance",
    "musica": "music",
    "canto": "singing",
    "pintura": "painting",
    "arte": "art",
    "cocina": "cooking",
    "natacion": "swimming",
    "manejo": "driving",
    "boxeo": "boxing",
    "bateria": "drum",
}


# (pattern over folded, digit-free-of-words text, English, kind). Order matters: the first
# alternative that matches at a position wins, so longer phrases come first.
_RULES: list[tuple[str, str | Handler, str]] = [
    # A reason stated in the statement.
    (r"asi que|por eso|por lo tanto|por lo cual|entonces", "so", "reason"),
    (r"para (?:poder|que (?:yo )?pueda)", "so that i can", "reason"),
    (r"(?:ya que|porque|por que)(?= (?:quiero|necesito|tengo|yo))", "because", "reason"),
    (r"(?:ya que|porque|por que)(?= (?:me|mi|estoy|soy))", "because i", "reason"),
    # Set phrases whose words don't translate one by one.
    (r"otra vez|de nuevo|nuevamente", "again", "word"),
    (
        r"(?:aprender|hablar|dominar) (?:el )?(?P<l>ingles|espanol|frances)"
        r"(?: con fluidez| bien| fluido)"
        r"|(?:hablar|aprender) (?:con )?fluid(?:ez|o) (?:el )?(?P<m>ingles|espanol|frances)",
        lambda m: f"become fluent in {_LANGUAGE_NAMES[m.group('l') or m.group('m')]}",
        "verb",
    ),
    (r"smart recovery(?! (?:meeting|reunion|junta))", "a smart recovery meeting", "word"),
    (
        r"(?:seguir|sigo|seguire)(?= (?:limpi[oa]s?|sobri[oa]s?|en (?:mi|el|la|tu|su)\b))",
        "stay",
        "verb",
    ),
    (
        r"salir (?:un poco |un rato |mas )?(?:de (?:la |mi )?casa|afuera)|salir mas",
        "get out of the house",
        "verb",
    ),
    (r"dentro de(?! \d)", "in", "time"),
    (r"(?:ponerme|ponerse|estar|mantenerme) en forma", "get in shape", "verb"),
    (r"(?:trabajar|trabajare|trabajo) en(?= (?:mi|mis|el|la|los|las|tu|su)\b)", "work on", "verb"),
    (
        r"echar(?:le|les)? (?:mas )?ganas|poner(?:le)? (?:mas )?ganas|esforzarme(?: mas)?",
        "try harder",
        "verb",
    ),
    (r"tener (?:mas )?paciencia|ser (?:mas )?paciente", "be patient", "verb"),
    (
        r"recuperar (?:la )?custodia|(?:ganar|obtener|conseguir) (?:la )?custodia",
        "get custody",
        "verb",
    ),
    (r"pagar (?:todas )?(?:mis |las )?deudas", "pay off all my debts", "verb"),
    (r"limpiar (?:mi |el )?(?:record|historial|antecedentes)", "clear my record", "verb"),
    (r"hacer amig[oa]s", "make friends", "verb"),
    (r"hacer ejercicio", "exercise", "verb"),
    (r"hacer voluntariado|ser voluntari[oa]", "volunteer", "verb"),
    (
        r"(?:sacar|llevar) a (?:pasear|caminar) a (?:mi|el|la|los|mis) perr[oa]s?"
        r"|sacar a (?:mi|el|la) perr[oa] a (?:pasear|caminar)|pasear a (?:mi|el|la) perr[oa]",
        "walk my dog",
        "verb",
    ),
    (r"(?:mi |la |una )?(?:carrera|caminata) de (?:5|10) ?(?:km|k|kilometros)", "the 5k", "word"),
    (
        r"(?:a|antes de|despues de|para) las \d{1,2}(?::\d\d)?"
        r"(?: de la (?:noche|manana|tarde)| ?(?:pm|am))?",
        lambda m: _clock(m.group(0)),
        "word",
    ),
    (r"comida rapida|comida chatarra", "fast food", "word"),
    (r"salud mental", "mental health", "word"),
    (r"presion (?:arterial|alta)", "blood pressure", "word"),
    (r"(?:casas?|hogar(?:es)?) de vida sobria|vida sobria", "sober living houses", "word"),
    (r"grupos? de apoyo", "support group", "word"),
    (r"especialistas? de pares|companer[oa] de apoyo", "peer specialist", "word"),
    (r"trabajador(?:a)? social", "social worker", "word"),
    (r"centros? de tratamiento", "treatment center", "word"),
    (r"(?:centro|oficina) de empleo|centro de trabajo", "workforce center", "word"),
    (r"servicio comunitario", "community service", "word"),
    (r"cupones de comida|estampillas de comida", "food stamps", "word"),
    (r"acta de nacimiento", "birth certificate", "word"),
    (r"prevencion de recaidas", "relapse prevention", "word"),
    (r"clases? (?:para|de) padres|clases? de crianza", "parenting class", "word"),
    (
        r"(?:clases?|lecciones?) de (?P<h>guitarra|piano|baile|musica|canto|pintura|arte|cocina"
        r"|natacion|manejo|boxeo|bateria)",
        lambda m: f"{_HOBBIES[m.group('h')]} lessons",
        "word",
    ),
    (r"pruebas? de (?:orina|drogas|antidoping)", "drug test", "word"),
    (r"despensa de comida|banco de (?:comida|alimentos)", "food pantry", "word"),
    (
        r"ir a la (?:universidad|escuela|iglesia)",
        lambda m: "go to " + _PLACES[m.group(0).rsplit(" ", 1)[1]],
        "verb",
    ),
    (r"cambiar (?P<o>[\w ]{1,30}?) por", lambda m: f"swap {m.group('o')} for", "verb"),
    # Leads: who acts and how sure.
    (
        r"(?:el|la) (?:participante|paciente|cliente|clienta|acusad[oa]|usuari[oa]|residente)",
        "i",
        "lead",
    ),
    (r"mi (?:meta|objetivo|plan|proposito) (?:es|sera)(?: de)?", "my goal is to", "lead"),
    (
        r"(?:yo )?(?:me |te |se )?no (?:voy|vamos) a (?:volver|regresar) a(?= \w)",
        "i will stop",
        "lead_stop",
    ),
    (r"(?:yo )?no (?:vuelvo|volvere) a", "i will stop", "lead_stop"),
    (
        r"(?:yo )?(?:me )?(?:voy|vamos) a (?:dejar|parar) de|(?:yo )?(?:dejare|parare) de",
        "i will stop",
        "lead_stop",
    ),
    (r"(?:dejo|dejar|parar|paro) de", "stop", "lead_stop"),
    (
        r"(?:yo )?(?:me )?(?:voy|vamos) a (?:volver|regresar|empezar|comenzar) a",
        "i will start",
        "lead_start",
    ),
    (r"(?:volver|regresar|empezar|comenzar|empiezo|comienzo|vuelvo) a", "start", "lead_start"),
    (
        r"(?:yo )?(?:me )?(?:voy|vamos) a (?:intentar|tratar de|probar a)|intentare|tratare de",
        "i will try to",
        "lead",
    ),
    (r"(?:intento|trato de|intentar|tratar de)(?! (?:que|por))", "try to", "lead"),
    (
        r"nunca mas (?:voy a|vamos a)|nunca (?:voy|vamos) a|jamas (?:voy|vamos) a",
        "i will never",
        "lead_never",
    ),
    (r"(?:yo )?(?:me |te |se |le |lo |la )?no (?:voy|vamos|va) a", "i will not", "lead"),
    (
        r"(?:yo )?(?:me |te |se |le |lo |la )?(?:voy|vamos|va) a(?! (?:la|el|los|las|mi|mis|un|una"
        r"|al|tu|su|casa|misa|clase|terapia)\b)",
        "i will",
        "lead",
    ),
    (r"(?:yo )?(?:me )?(?:voy|vamos)(?= (?:a|al|pa|para) )", "i will go", "lead_go"),
    (
        r"(?:yo )?(?:quiero|quisiera|me gustaria|deseo|ojala|espero|kiero)(?: poder)?",
        "i want to",
        "lead",
    ),
    (
        r"(?:yo )?(?:tengo|tendre|tenemos) (?:que|q|k)|(?:yo )?debo(?: de)?|hay que",
        "i have to",
        "lead",
    ),
    (r"(?:yo )?necesito", "i need to", "lead"),
    (r"(?:yo )?(?:pienso|planeo)", "i plan to", "lead"),
    (r"(?:yo )?me comprometo a", "i will", "lead"),
    (r"(?:yo )?(?:puedo|podre)", "i can", "lead"),
    (
        r"(?:mi|el|la) (?:oficial|agente)(?: de (?:libertad condicional|probatoria|probacion|"
        r"libertad vigilada))?|mi po",
        "my po",
        "word",
    ),
    (r"(?:me )?(?:dice|dijo|pide|pidio|ordeno|exige) que", "says", "word"),
    # Uncertainty and someday.
    (r"tal vez|a lo mejor|quizas?|puede que|posiblemente|ojala", "maybe", "word"),
    (r"algun dia|un dia de estos|en algun momento|algun rato", "someday", "time_vague"),
    (r"en el futuro|mas adelante|eventualmente|pronto|luego", "in the future", "time_vague"),
    # Absolutes.
    (r"para siempre|por siempre|de por vida|por el resto de mi vida", "forever", "absolute"),
    (
        r"sin falta|sin excepcion(?:es)?|pase lo que pase|si o si|cueste lo que cueste",
        "no matter what",
        "absolute",
    ),
    (r"todo el tiempo|a toda hora|24/7", "all the time", "absolute"),
    (r"al 100 ?%|100 ?%|al cien por ciento|cien por ciento", "100%", "absolute"),
    (r"nunca mas|jamas", "never", "absolute"),
    (r"nunca", "never", "absolute"),
    (r"siempre", "always", "absolute"),
    (
        r"(?:cambiar|cambiarlo|dejar) todo(?: de una vez)?|todo de una vez|todo a la vez",
        "change everything at once",
        "word",
    ),
    # Recovery: days clean and sober.
    (
        rf"(?:estar|mantener(?:me|se|te)?|mantendra|mantendre|seguir|quedarme|permanecer) "
        rf"(?:limpi[oa]s?|sobri[oa]s?|en abstinencia|la abstinencia(?: de sustancias)?)? ?"
        rf"(?:durante |por )?(?:los )?(?:proximos )?(?P<n>{_N}) (?P<u>{_UNIT_DAYS})"
        rf"(?: (?:sin|de) (?P<w>\w+))?",
        lambda m: (
            f"stay {_sober(m.group('w'), m.group(0))} for {_num(m.group('n'))} "
            f"{_unit(m.group('u'), _num(m.group('n')))}"
        ),
        "verb",
    ),
    (
        r"(?:mantener(?:me|se|te)?|mantendra|mantendre) (?:la )?abstinencia(?: de sustancias)?",
        "stay clean",
        "verb",
    ),
    (
        rf"(?P<n>{_N}) (?P<u>dias?|semanas?|meses) (?:sin (?P<w>\w+)|limpi[oa]s?|sobri[oa]s?)",
        lambda m: (
            f"{_num(m.group('n'))} {_unit(m.group('u'), _num(m.group('n')))} "
            f"{_sober(m.group('w'), m.group(0))}"
        ),
        "word",
    ),
    (r"sin (?:consumir|drogas|usar)", "clean", "word"),
    (r"sin (?:tomar|beber|alcohol)", "sober", "word"),
    # Frequencies.
    (
        rf"(?P<n>{_N}|una|un par de) (?:vez|veces) (?:por|a la|al|x|cada|en la|en el|a el|"
        rf"por la|por el) ?(?P<u>dia|semana|sem|mes|ano|noche)",
        lambda m: f"{_times(m.group('n'))} a {_per(m.group('u'))}",
        "time",
    ),
    (
        rf"(?P<n>{_N}) (?:x|por) (?P<u>dia|semana|sem|mes)",
        lambda m: f"{_num(m.group('n'))} times a {_per(m.group('u'))}",
        "time",
    ),
    (
        rf"(?P<n>{_N}) (?P<k>dias|noches|mananas|tardes) (?:a la|por|x|cada|de la|en la|"
        rf"por la) (?:semana|sem)",
        lambda m: f"{_num(m.group('n'))} {_parts(m.group('k'))} a week",
        "time",
    ),
    (
        r"(?:cada|todos los|todas las|por los|por las|en los|en las|los|las) "
        r"(?:dias? (?:de semana|habiles|laborales)|lunes a viernes)"
        r"|entre semana|de lunes a viernes",
        "on weekdays",
        "time",
    ),
    (
        r"(?:cada|todos los) fin(?:es)? de semana|los fines de semana|los findes|cada finde",
        "every weekend",
        "time",
    ),
    (
        r"un dia si y (?:otro|un dia) no|dia (?:por|de) medio|cada tercer dia|cada otro dia"
        r"|cada dos dias|cada 2 dias",
        "every other day",
        "time",
    ),
    (r"cada (?:dos|2) semanas|cada (?:quince|15) dias|cada quincena", "every other week", "time"),
    (
        r"(?:cada|todas las|por las|en las|todas las|las) mananas|cada manana|todas las mananas",
        "every morning",
        "time",
    ),
    (
        r"(?:cada|todas las|por las|en las) noches?|cada noche|todas las noches",
        "every night",
        "time",
    ),
    (r"(?:cada|todas las|por las|en las) tardes?", "every evening", "time"),
    (
        r"(?:todos los|todo los|cada) dias?(?! de)|diariamente|a diario|todos los santos dias",
        "every day",
        "time",
    ),
    (
        r"(?:mi|el|un|tu|su|del|al|en el) diario(?= de| en|$| con| cada| todos| por|,|\.)"
        r"|(?:mi|el|un|tu|su|del) diario",
        "my journal",
        "word",
    ),
    (r"diari[oa]s?(?= de)", "daily", "word"),
    (r"diari[oa]s?", "daily", "time"),
    (
        r"(?:cada|todas las) semanas?|semanalmente|semanal|por semana|a la semana|x semana"
        r"|a la sem|por sem|x sem",
        lambda m: "every week" if m.group(0).startswith(("cada", "toda", "seman")) else "a week",
        "time",
    ),
    (
        r"(?:cada|todos los) mes(?:es)?|mensualmente|mensual|al mes|por mes|x mes",
        lambda m: "every month" if m.group(0)[0] in "ctm" else "a month",
        "time",
    ),
    (r"(?:al|por|x|a el) dia", "a day", "time"),
    (r"(?:por|a la|la) noche", "at night", "time"),
    (
        rf"(?:cada|todos los|todas las|los|las|por los|en los) (?P<d>(?:{_WEEKDAY_ALT})"
        rf"(?:(?: ,| y| o| e| , y) (?:los )?(?:{_WEEKDAY_ALT}))*)"
        rf"(?: (?:en la|por la|en las|por las) (?P<p>manana|mananas|tarde|tardes|noche|noches))?",
        lambda m: _weekdays(m.group("d"), m.group(0).startswith(("cada", "todo")), m.group("p")),
        "time",
    ),
    # Durations.
    (
        rf"(?:una |1 )?hora y media|(?P<h>{_N}) horas? y media",
        lambda m: f"{_num(m.group('h')) if m.group('h') else '1'}.5 hours",
        "word",
    ),
    (r"media hora|1/2 hora", "30 minutes", "word"),
    (r"(?:un )?cuarto de hora", "15 minutes", "word"),
    (rf"(?P<n>{_N}) (?:minutos?|mins?|min)\b", lambda m: f"{_num(m.group('n'))} minutes", "word"),
    (
        rf"(?P<n>{_N}|una) (?:horas?|hrs?)\b",
        lambda m: "1 hour" if m.group("n") in ("una", "un", "1") else f"{_num(m.group('n'))} hours",
        "word",
    ),
    # Counts that are not numbers.
    (r"un par de|un par", "2", "number"),
    (r"una docena de|una docena", "12", "number"),
    (r"un solo|una sola|1 solo|1 sola", "1", "number"),
    (r"una vez|1 vez", "once", "time"),
    (r"dos veces|2 veces", "twice", "time"),
    # Dates.
    (r"pasado manana", "in 2 days", "time"),
    (
        r"manana (?:en la|por la) (?:manana|tarde|noche)|manana temprano|manana mismo|manana"
        r"(?! (?:y|o) )",
        "tomorrow",
        "time",
    ),
    (r"(?:en|por|de) la (?:manana|tarde)", "in the morning", "time_part"),
    (
        r"hoy(?: mismo)?(?: (?:en|por) la (?:noche|tarde|manana))?|esta (?:noche|tarde|manana)",
        lambda m: "tonight" if "noche" in m.group(0) else "today",
        "time",
    ),
    (
        r"(?:para |antes de |hasta )?(?:el |este |del )?(?:fin|final|finales) de(?:l| este)? mes"
        r"|(?:a|para|antes de) fin de mes|fin de mes",
        "by the end of the month",
        "time",
    ),
    (
        r"(?:para |antes de |hasta )?(?:el |este |del )?(?:fin|final|finales) de(?:l| este)? ano"
        r"|fin de ano",
        "by the end of the year",
        "time",
    ),
    (
        r"(?:para |antes de |hasta )?(?:el )?(?:fin|final) de (?:la )?semana|este fin de semana"
        r"|este finde|el finde|el fin de semana|fin de semana|finde",
        lambda m: "by the end of the week" if "la semana" in m.group(0) else "this weekend",
        "time",
    ),
    (r"(?:el )?(?:proximo|otro) fin de semana|el fin de semana que viene", "next weekend", "time"),
    (
        r"(?:en |para |durante )?(?:la|esta|la otra) semana (?:que viene|proxima|entrante)"
        r"|(?:en |para |durante )?la (?:proxima|otra) semana",
        "next week",
        "time",
    ),
    (r"(?:en |para |durante )?(?:esta|la) semana|(?:en |para )?esta sem", "this week", "time"),
    (
        r"(?:el |para el |durante el )?(?:proximo|otro) mes|el mes (?:que viene|proximo|entrante)",
        "next month",
        "time",
    ),
    (r"(?:en |para |durante )?este mes", "this month", "time"),
    (r"(?:en |para |durante )?este ano", "this year", "time"),
    (r"(?:el |la )?(?:proxim[oa]|pasado) ano|el ano que viene", "next year", "time"),
    (
        rf"(?:durante|por) (?:los |las )?(?:proxim[oa]s |siguientes )(?P<n>{_N}|un|una) "
        rf"(?P<u>{_UNIT_DAYS})",
        lambda m: f"for the next {_num(m.group('n'))} {_unit(m.group('u'), _num(m.group('n')))}",
        "time",
    ),
    (
        r"(?P<pre>para el|para|antes del|antes de|hasta el|hasta|el|en|del|dentro de"
        r"|a mas tardar el)? ?(?:los |las )?(?:proxim[oa]s |siguientes )"
        rf"(?P<n>{_N}|un|una)? ?(?P<u>{_UNIT_DAYS})",
        lambda m: (
            f"in the next {_num(m.group('n') or '1')} "
            f"{_unit(m.group('u'), _num(m.group('n') or '1'))}"
        ),
        "time",
    ),
    (
        rf"(?:dentro de|en|de aqui a) (?P<n>{_N}|un|una) (?P<u>{_UNIT_DAYS})",
        lambda m: f"in {_num(m.group('n'))} {_unit(m.group('u'), _num(m.group('n')))}",
        "time",
    ),
    (
        rf"(?:durante|por) (?:los |las )?(?P<n>{_N}|un|una) (?P<u>{_UNIT_DAYS})",
        lambda m: f"for {_num(m.group('n'))} {_unit(m.group('u'), _num(m.group('n')))}",
        "time",
    ),
    (r"(?:durante|por) (?:una|la|toda la) semana", "for 1 week", "time"),
    (
        rf"(?P<pre>para el|para|antes del|antes de el|hasta el|el|a mas tardar el|a partir del|"
        rf"desde el)? ?(?P<d>\d{{1,2}}|primero) de (?P<m>{_MONTH_ALT})"
        r"(?: (?:de |del )?(?P<y>\d{4}))?",
        lambda m: _date(m),
        "time",
    ),
    (
        rf"(?P<pre>para|antes de|hasta|en|durante|a partir de|desde)? ?(?:el mes de )?"
        rf"(?P<m>{_FULL_MONTH_ALT})\b(?! de)",
        lambda m: f"{_PREPOSITIONS.get(m.group('pre') or 'en', 'in')} {w.MONTHS[m.group('m')]}",
        "time",
    ),
    (r"(?:para |antes de |en )?(?:la )?(?:navidad|nochebuena)", "by christmas", "time"),
    (r"(?:para |antes de |en )?(?:el )?(?:ano nuevo)", "by new years", "time"),
    (r"(?:para |antes de |en )?(?:el )?(?:dia de )?accion de gracias", "by thanksgiving", "time"),
    (
        rf"(?P<pre>para el|para este|antes del|antes de el|hasta el|el|este|hoy|a mas tardar el)? ?"
        rf"(?P<d>{_WEEKDAY_ALT}) (?P<next>que viene|q viene|proximo|de la (?:otra|proxima) semana)",
        lambda m: f"next {w.WEEKDAYS[m.group('d')]}",
        "time",
    ),
    (
        rf"(?P<pre>para el|para este|antes del|antes de el|hasta el|el|este|a mas tardar el)? ?"
        rf"(?:proximo|prox) (?P<d>{_WEEKDAY_ALT})",
        lambda m: f"next {w.WEEKDAYS[m.group('d')]}",
        "time",
    ),
    (
        rf"(?P<pre>para el|para este|antes del|antes de el|hasta el|el|este|a mas tardar el)? ?"
        rf"(?:{_WEEKDAY_ALT}) (?P<d>\d{{1,2}})(?= [,.]|$)",
        lambda m: f"{_PREPOSITIONS.get(m.group('pre') or 'el', 'on')} the {m.group('d')}th",
        "time",
    ),
    (
        rf"(?P<pre>para el|para este|antes del|antes de el|hasta el|el|este|hoy|a mas tardar el)? ?"
        rf"(?P<d>{_WEEKDAY_ALT})(?: (?:en la|por la|de) (?P<p>manana|tarde|noche))?",
        lambda m: _weekday(m),
        "time",
    ),
]


def _clock(phrase: str) -> str:
    """ "antes de las 11 de la noche" -> "before 11pm": a clock time is not a count."""
    hour = re.search(r"\d{1,2}(?::\d\d)?", phrase)
    shown = hour.group(0) if hour else ""
    pre = {"a": "at", "antes": "before", "despues": "after", "para": "by"}[phrase.split()[0]]
    morning = "manana" in phrase or phrase.endswith("am")
    return f"{pre} {shown}{'am' if morning else 'pm'}"


def _times(count: str) -> str:
    if count in ("una", "un", "1"):
        return "1 times"
    if count == "un par de":
        return "2 times"
    return f"{_num(count)} times"


def _parts(word: str) -> str:
    return {"dias": "days", "noches": "nights", "mananas": "mornings", "tardes": "evenings"}[word]


def _weekdays(days: str, every: bool, part: str | None) -> str:
    names = [w.WEEKDAYS[d] for d in re.findall(_WEEKDAY_ALT, days)]
    suffix = ""
    if part:
        suffix = (
            " " + {"manana": "mornings", "tarde": "evenings", "noche": "nights"}[part.rstrip("s")]
        )
    if len(names) == 1:
        return f"every {names[0]}{suffix}" if every else f"on {names[0]}s{suffix}"
    return "on " + " and ".join(f"{name}s" for name in names) + suffix


def _weekday(match: re.Match[str]) -> str:
    day = w.WEEKDAYS[match.group("d")]
    pre = _PREPOSITIONS.get(match.group("pre") or "el", "on")
    part = match.group("p")
    if pre == "today":
        return "today"
    suffix = f" {dict(manana='morning', tarde='evening', noche='night')[part]}" if part else ""
    return f"{pre} {day}{suffix}"


def _date(match: re.Match[str]) -> str:
    day = "1" if match.group("d") == "primero" else match.group("d")
    year = f" {match.group('y')}" if match.group("y") else ""
    pre = _PREPOSITIONS.get(match.group("pre") or "el", "on")
    return f"{pre} {w.MONTHS[match.group('m')]} {day}{year}"


# One scan finds every phrase; each rule's own pattern then reads the groups of its match.
PHRASES = re.compile(
    "|".join(
        f"(?P<r{number}>\\b(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', pattern)})\\b)"
        for number, (pattern, _, _) in enumerate(_RULES)
    )
)
RULE_PATTERNS = [re.compile(pattern) for pattern, _, _ in _RULES]
HANDLERS = [(english, kind) for _, english, kind in _RULES]
