"""Spanish verbs for the coach's Spanish reader: plain data, built once at import.

Infinitives map to the English base verb the coach's rules read; the forms regular rules don't
derive map to their infinitive; a few verbs name the habit a peer moves away from.
Keys are lower-case and without accents, as in `words`.
"""

from __future__ import annotations

from peergoals.coach.spanish.words import pairs

# Infinitive -> English base verb. Regular forms (voy a caminar, camino, caminare, caminara,
# caminando, caminarla...) are derived from these in `gloss.verb`.
VERBS = pairs(
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
IRREGULAR = pairs(
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
GERUNDS = pairs(
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
