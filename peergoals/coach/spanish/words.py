"""Spanish word lists for the coach's Spanish reader: plain data, built once at import.

Every entry maps a Spanish word to the English word the coach's rules read, so the SMART rules
are stated once (in English, `peergoals.coach.core`) and Spanish only says what its words mean.
Keys are lower-case and without accents: peers on phones often leave them out.
"""

from __future__ import annotations

from peergoals.coach.lexicon import word_set


def _pairs(text: str) -> dict[str, str]:
    """`spanish english words...` per line: the first word maps to the rest."""
    table: dict[str, str] = {}
    for line in text.strip().splitlines():
        spanish, _, english = line.strip().partition(" ")
        table[spanish] = english.strip()
    return table


# Infinitive -> English base verb. Regular forms (voy a caminar, camino, caminare, caminara,
# caminando, caminarla...) are derived from these in `grammar.lemma`.
VERBS = _pairs(
    """
    caminar walk
    pasear walk
    correr run
    trotar jog
    nadar swim
    andar ride
    manejar drive
    estirar stretch
    hacer do
    ejercitar exercise
    entrenar work out
    levantar lift
    bailar dance
    asistir attend
    ir go
    salir go out
    venir come
    volver go back
    regresar go back
    visitar visit
    llamar call
    marcar call
    telefonear call
    escribir write
    textear text
    mandar send
    enviar send
    aplicar apply
    solicitar apply for
    postular apply
    leer read
    cocinar cook
    preparar prepare
    limpiar clean
    lavar wash
    barrer sweep
    trapear mop
    ordenar tidy
    organizar organize
    pagar pay
    ahorrar save
    depositar deposit
    abrir open
    cerrar close
    firmar sign
    inscribir sign up
    registrar register
    matricular enroll
    unir join
    programar schedule
    agendar schedule
    sacar get
    conseguir get
    obtener get
    encontrar find
    buscar look for
    tomar take
    beber drink
    comer eat
    desayunar eat breakfast
    almorzar eat lunch
    cenar eat dinner
    reunir meet
    juntar meet
    ver see
    mirar watch
    hablar talk
    platicar talk
    conversar talk
    contar tell
    decir tell
    preguntar ask
    pedir ask for
    contactar contact
    rezar pray
    orar pray
    meditar meditate
    respirar breathe
    anotar write down
    apuntar write down
    registrarse sign up
    llenar fill out
    rellenar fill out
    completar complete
    terminar finish
    acabar finish
    entregar turn in
    devolver return
    recoger pick up
    traer bring
    llevar take
    comprar buy
    actualizar update
    imprimir print
    revisar check
    medir check
    chequear check
    checar check
    practicar practice
    estudiar study
    repasar review
    aprender learn
    despertar wake up
    levantarse get up
    acostar go to bed
    entrar get into
    cortar cut
    extranar miss
    contestar answer
    responder answer
    asustar scare
    importar matter
    creer think
    saber know
    llegar arrive
    dormir sleep
    descansar rest
    jugar play
    gastar spend
    pasar spend
    sentar sit
    seguir follow
    usar use
    consumir use
    descargar download
    instalar install
    tirar throw out
    botar throw out
    borrar delete
    bloquear block
    cambiar swap
    reemplazar replace
    limitar limit
    reducir reduce
    bajar lose
    subir gain
    perder lose
    ganar earn
    dejar quit
    evitar avoid
    saltar skip
    faltar miss
    olvidar forget
    agradecer thank
    disculpar apologize
    invitar invite
    compartir share
    publicar post
    escuchar listen
    renovar renew
    arreglar fix
    reparar repair
    pintar paint
    plantar plant
    regar water
    alimentar feed
    cepillar brush
    duchar shower
    banar bathe
    afeitar shave
    rastrear track
    pesar weigh
    ensenar teach
    ayudar help
    donar donate
    dar give
    entrevistar interview
    investigar research
    hornear bake
    celebrar celebrate
    vender sell
    rentar rent
    alquilar rent
    mudar move
    mover move
    trabajar work
    jugar play
    fumar smoke
    vapear vape
    apostar gamble
    vivir live
    montar ride
    tejer knit
    coser sew
    dibujar draw
    cantar sing
    cuidar take care of
    poner put
    apagar turn off
    prender turn on
    encender turn on
    reportar report
    presentar go to
    acudir attend
    participar take part
    mantener stay
    quedar stay
    permanecer stay
    estar be
    ser be
    sentir feel
    mejorar improve
    sanar heal
    crecer grow
    recuperar get back
    reconectar reconnect
    reconstruir rebuild
    fortalecer strengthen
    superar overcome
    lograr achieve
    manejar handle
    controlar manage
    enfocar focus
    resolver figure out
    cumplir complete
    identificar list
    proporcionar give
    registrar log
    tratar try
    intentar try
    esforzar try harder
    echar put
    tener have
    poder can
    querer want
    necesitar need
    deber must
    empezar start
    comenzar start
    iniciar start
    continuar keep
    retomar get back into
    probar try out
    gritar yell
    pelear fight
    discutir argue
    tratar try
    cumplir reach
    hacerse get
    meter get
    mandarle send
    """
)

# Forms the regular rules don't derive (irregular present and future) -> their infinitive.
IRREGULAR = _pairs(
    """
    voy ir
    vas ir
    va ir
    vamos ir
    ire ir
    ira ir
    iremos ir
    hago hacer
    hare hacer
    hara hacer
    tengo tener
    tendre tener
    tendra tener
    pongo poner
    pondre poner
    pondra poner
    salgo salir
    saldre salir
    saldra salir
    digo decir
    dire decir
    dira decir
    pido pedir
    pedire pedir
    sigo seguir
    empiezo empezar
    comienzo comenzar
    vuelvo volver
    duermo dormir
    juego jugar
    almuerzo almorzar
    doy dar
    dare dar
    veo ver
    vere ver
    consigo conseguir
    mido medir
    rezo rezar
    riego regar
    devuelvo devolver
    mantendre mantener
    mantendra mantener
    hare hacer
    podre poder
    puedo poder
    quiero querer
    estoy estar
    estare estar
    soy ser
    sere ser
    """
)

# Verbs whose "dejar de X" / "no volver a X" object names the habit (English gerund form).
GERUNDS = _pairs(
    """
    fumar smoking
    tomar drinking
    beber drinking
    consumir using
    usar using
    vapear vaping
    apostar gambling
    jugar gambling
    gastar spending
    comer eating
    gritar yelling
    pelear fighting
    discutir arguing
    juntar hanging out
    salir going out
    sentir feeling
    ser being
    estar being
    mentir lying
    robar stealing
    manejar driving
    llegar being
    faltar missing
    """
)

# Nouns the coach counts: Spanish singular as written (with accents), gender, English unit.
# Plurals are derived (`grammar.plural`); keys drop the accents.
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
WORDS = _pairs(
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
STATES = _pairs(
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
FUNCTION = _pairs(
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
SPEAK = _pairs(
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
