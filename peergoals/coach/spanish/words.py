"""Spanish word lists for the coach's Spanish reader: plain data, built once at import.

Every entry maps a Spanish word to the English word the coach's rules read, so the SMART rules
are stated once (in English, `peergoals.coach`) and Spanish only says what its words mean.
Keys are lower-case and without accents: peers on phones often leave them out.
"""

from __future__ import annotations

from peergoals.coach.lexicon import word_set


def pairs(text: str) -> dict[str, str]:
    """`spanish english words...` per line: the first word maps to the rest."""
    table: dict[str, str] = {}
    for line in text.strip().splitlines():
        spanish, _, english = line.strip().partition(" ")
        table[spanish] = english.strip()
    return table


# Nouns the coach counts: Spanish singular as written (with accents), gender, English unit.
# Plurals are derived (`gloss.plural`); keys drop the accents.
_NOUN_TABLE = """
reunión f meeting
junta f meeting
sesión f session
clase f class
libro m book
página f page
capítulo m chapter
trabajo m job
empleo m job
solicitud f application
aplicación f application
entrevista f interview
milla f mile
kilómetro m kilometer
paso m step
vaso m glass
botella f bottle
cigarro m cigarette
cigarrillo m cigarette
cerveza f beer
dólar m dollar
peso m dollar
kilo m kilo
libra f pound
vez f time
noche f night
mañana f morning
tarde f afternoon
lagartija f push-up
flexión f push-up
sentadilla f squat
abdominal m sit-up
cosa f thing
persona f person
amigo m friend
amiga f friend
apartamento m apartment
departamento m apartment
casero m landlord
casera f landlord
llamada f call
mensaje m text
carta f letter
correo m email
fruta f fruit
verdura f vegetable
comida f meal
cita f appointment
prueba f test
centro m center
casa f house
programa m program
grupo m group
curso m course
lección f lesson
tarea f homework
cuento m story
detonante m trigger
estrategia f strategy
muestra f sample
turno m shift
dosis f dose
receta f prescription
factura f bill
multa f fine
caminata f walk
visita f visit
"""
NOUNS: dict[str, tuple[str, str, str]] = {}
"""Accent-free singular -> (singular as written, gender, English unit)."""
for _line in _NOUN_TABLE.strip().splitlines():
    _written, _gender, _english = _line.split(" ", 2)
    NOUNS[_written] = (_written, _gender, _english)

# Other content words -> English (no counting role).
WORDS = pairs(
    """
    gimnasio gym
    gym gym
    gimnacio gym
    padrino sponsor
    madrina sponsor
    terapia therapy
    terapeuta therapist
    consejero counselor
    consejera counselor
    medico doctor
    doctor doctor
    doctora doctor
    dentista dentist
    psiquiatra psychiatrist
    clinica clinic
    farmacia pharmacy
    hospital hospital
    medicina medication
    medicinas medications
    medicamento medication
    medicamentos medications
    pastillas pills
    metadona methadone
    buprenorfina suboxone
    suboxone suboxone
    naloxona narcan
    narcan narcan
    alcohol alcohol
    drogas drugs
    droga drugs
    refresco soda
    refrescos soda
    soda soda
    agua water
    cafe coffee
    azucar blood sugar
    presion blood pressure
    peso weight
    recaida relapse
    recaidas relapse
    prevencion prevention
    recuperacion recovery
    sobriedad sobriety
    abstinencia abstinence
    tratamiento treatment
    corte court
    juzgado court
    tribunal court
    audiencia hearing
    juez judge
    abogado lawyer
    abogada lawyer
    oficial officer
    libertad probation
    condicional probation
    probatoria probation
    servicio service
    comunitario community
    record record
    identificacion id
    id id
    licencia license
    acta certificate
    nacimiento birth
    iglesia church
    misa church
    dios god
    biblia bible
    escuela school
    universidad college
    colegio school
    titulo degree
    diploma diploma
    ged ged
    biblioteca library
    tarjeta card
    banco bank
    ahorros savings
    presupuesto budget
    dinero money
    renta rent
    alquiler rent
    luz light bill
    telefono phone
    celular phone
    cupones food stamps
    estampillas food stamps
    albergue shelter
    refugio shelter
    vivienda housing
    familia family
    mama mom
    mami mom
    madre mother
    papa dad
    papi dad
    padre father
    hermano brother
    hermana sister
    hijo son
    hija daughter
    hijos kids
    hijas daughters
    ninos kids
    nino kid
    nina kid
    abuela grandma
    abuelo grandpa
    tia aunt
    tio uncle
    esposa wife
    esposo husband
    pareja partner
    novia girlfriend
    novio boyfriend
    vecina neighbor
    vecino neighbor
    jefe boss
    jefa boss
    mentor mentor
    mentora mentor
    perro dog
    perra dog
    parque park
    cuadra block
    tienda store
    mercado market
    cine movies
    porche porch
    carro car
    coche car
    auto car
    garaje garage
    cuarto room
    platos dishes
    ropa clothes
    pelo hair
    unas nails
    dientes teeth
    hilo floss
    dental dental
    pesas weights
    yoga yoga
    pesca fishing
    futbol soccer
    videojuegos video games
    guitarra guitar
    boliche bowling
    liga league
    comedor soup kitchen
    despensa pantry
    aceite oil
    ingles english
    frances french
    espanol spanish
    duolingo duolingo
    internet online
    linea line
    crisis crisis
    apoyo support
    pares peer
    especialista specialist
    trabajadora worker
    trabajador worker
    social social
    caso legal case
    empleo job
    capacitacion training
    feria fair
    oferta opening
    ofertas openings
    evaluacion evaluation
    salud health
    mental mental
    ansiedad anxiety
    depresion depression
    estres stress
    enojo anger
    diario journal
    lectura reading
    lista list
    preguntas questions
    seguros insurance
    compania company
    deposito deposit
    carrera race
    cuenta account
    habitacion room
    cama bed
    desayuno breakfast
    almuerzo lunch
    cena dinner
    paciente patient
    participante participant
    cliente client
    clienta client
    acusado defendant
    vida life
    cosas things
    problemas trouble
    paz peace
    fe faith
    forma shape
    mente mind
    cuerpo body
    animo mood
    lugar place
    orden order
    finanzas finances
    enfermera nurse
    enfermero nurse
    enfermeria nursing
    seguro safe
    comunidad community
    padres parents
    voluntariado volunteer work
    voluntario volunteer
    sustancias substances
    deuda debt
    deudas debts
    negocio business
    ingreso income
    ingresos income
    relacion relationship
    relaciones relationships
    confianza trust
    calle street
    montacargas forklift
    alimentos food
    curriculum resume
    cv resume
    vecindario neighborhood
    barrio neighborhood
    seccion section
    antojos cravings
    ansias cravings
    sponsor sponsor
    meeting meeting
    meetings meetings
    fiesta party
    bar bar
    cantina bar
    casino casino
    loteria lottery
    dealer dealer
    numero number
    meta goal
    metas goals
    nietos grandkids
    bebe baby
    proposito purpose
    estabilidad stability
    """
)

# Adjectives and states.
STATES = pairs(
    """
    limpio clean
    limpia clean
    limpios clean
    sobrio sober
    sobria sober
    sobrios sober
    sano healthy
    sana healthy
    saludable healthy
    feliz happy
    felices happy
    tranquilo calm
    tranquila calm
    estable stable
    bien well
    mal bad
    triste sad
    estresado stressed
    estresada stressed
    positivo positive
    positiva positive
    paciente patient
    amable nice
    fuerte strong
    activo active
    activa active
    perfecto perfectly
    perfecta perfectly
    perfectamente perfectly
    mejor better
    mejores better
    peor worse
    nuevo new
    nueva new
    nuevos new
    nuevas new
    viejo old
    vieja old
    vieja old
    viejos old
    viejas old
    propio own
    propia own
    grande big
    individual individual
    general general
    alta high
    alto high
    """
)

# Function words and small phrases -> English; "" drops the word.
FUNCTION = pairs(
    """
    yo i
    mi my
    mis my
    tu your
    tus your
    su their
    sus their
    nuestro our
    nuestra our
    el the
    la the
    los the
    las the
    lo it
    le
    les
    se
    te you
    nos us
    un a
    una a
    unos some
    unas some
    de of
    del of the
    d of
    a to
    al to the
    en in
    con with
    sin without
    por for
    x for
    para for
    pa for
    hasta until
    desde from
    entre between
    sobre about
    contra against
    hacia toward
    y and
    e and
    o or
    u or
    pero but
    que that
    q that
    k that
    porque because
    xq because
    pq because
    xk because
    si if
    cuando when
    mientras while
    como like
    donde where
    este this
    esta this
    estos these
    estas these
    ese that
    esa that
    eso that
    esto this
    aquello that
    cada each
    todo all
    toda all
    todos all
    todas all
    algo something
    alguien someone
    nada nothing
    mas more
    menos less
    muy very
    mucho a lot
    mucha a lot
    muchos a lot of
    muchas a lot of
    poco a little
    poquito a little
    algunos some
    algunas some
    varios several
    varias several
    tambien also
    tb also
    tmb also
    ya already
    aun still
    todavia still
    solo only
    solamente only
    nomas only
    otra another
    otro another
    otras other
    otros other
    mismo same
    misma same
    aunque even if
    despues after
    luego then
    antes before
    primero first
    ahora now
    tambien also
    bueno well
    verdad truth
    no not
    ni nor
    si yes
    asi so
    eso that
    cual which
    quien who
    vez time
    veces times
    """
)

# Lead words before the action: subjects, modals and "going to" (-> English lead).
NUMBERS: dict[str, int] = {
    "cero": 0,
    "uno": 1,
    "un": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciseis": 16,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "veinte": 20,
    "veintiuno": 21,
    "veintiun": 21,
    "veintiuna": 21,
    "veintidos": 22,
    "veintitres": 23,
    "veinticuatro": 24,
    "veinticinco": 25,
    "veintiseis": 26,
    "veintisiete": 27,
    "veintiocho": 28,
    "veintinueve": 29,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
    "cien": 100,
    "ciento": 100,
    "doscientos": 200,
    "doscientas": 200,
    "trescientos": 300,
    "trescientas": 300,
    "cuatrocientos": 400,
    "quinientos": 500,
    "seiscientos": 600,
    "setecientos": 700,
    "ochocientos": 800,
    "novecientos": 900,
    "mil": 1000,
}

WEEKDAYS: dict[str, str] = {
    "lunes": "monday",
    "martes": "tuesday",
    "miercoles": "wednesday",
    "jueves": "thursday",
    "viernes": "friday",
    "vie": "friday",
    "sabado": "saturday",
    "sabados": "saturday",
    "sab": "saturday",
    "domingo": "sunday",
    "domingos": "sunday",
    "dom": "sunday",
}

MONTHS: dict[str, str] = {
    "enero": "january",
    "febrero": "february",
    "marzo": "march",
    "abril": "april",
    "mayo": "may",
    "junio": "june",
    "julio": "july",
    "agosto": "august",
    "septiembre": "september",
    "setiembre": "september",
    "octubre": "october",
    "noviembre": "november",
    "diciembre": "december",
    "ene": "january",
    "feb": "february",
    "mar": "march",
    "abr": "april",
    "jun": "june",
    "jul": "july",
    "ago": "august",
    "sept": "september",
    "sep": "september",
    "oct": "october",
    "nov": "november",
    "dic": "december",
}

# Text-speak and common shortcuts, token by token.
SPEAK = pairs(
    """
    mnn manana
    mñn manana
    mna manana
    mñna manana
    sem semana
    min minutos
    mins minutos
    hr hora
    hrs horas
    kiero quiero
    qiero quiero
    tngo tengo
    voi voy
    pa para
    q que
    k que
    d de
    xq porque
    pq porque
    xk porque
    tb tambien
    tmb tambien
    reu reunion
    reus reuniones
    """
)

# English words that also spell Spanish words; they never count as evidence of either language.
SHARED = word_set(
    """
    a no me mi son con van red solo come are sale dice pie hay use once la el en y o de
    gym id ged na aa po ok online app test yoga doctor hospital record cafe bar casino dealer
    """
)
