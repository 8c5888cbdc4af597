"""The live coach speaks Spanish to a peer who chose Español, in a real browser.

Maria, her profile set to Español (her browser asks for English), makes her goal SMART and breaks
it down; as she types, the coach's tips arrive (htmx) with criteria and reasons in Spanish, her
own words quoted as she wrote them, and a wording idea built on her words. No sentence the coach
says in English appears, and every page passes axe-core with no English word of the interface.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from peergoals.coach.messages import MESSAGES
from peergoals.goals import actions
from peergoals.goals.models import Goal
from peergoals.people.models import User
from tests.browser.browsing import PHONE, Browser, OpenBrowser, sign_in
from tests.browser.test_browser_spanish import check_in_spanish
from tests.personas import People

pytestmark = pytest.mark.browser

OWN_WORDS = "Quiero tener más salud"
SMART_WORDING = "Voy a caminar 10 minutos cada mañana esta semana"
STEP = "Caminar 10 minutos después del desayuno"

# The fixed parts of every English sentence the coach can say, between its {fields}.
ENGLISH_PARTS = sorted(
    {
        part.strip(" .,:?“”")
        for template in MESSAGES.values()
        for part in re.split(r"\{\w+\}", template)
        if len(part.strip(" .,:?“”")) >= 12
    }
)


def assert_no_english_sentence(browser: Browser) -> None:
    tips = browser.page.locator(".coach").inner_text()
    said = [part for part in ENGLISH_PARTS if part in tips]
    assert not said, f"the coach spoke English: {said}\n{tips}"


def test_it_finds_the_coach_english_it_looks_for() -> None:
    assert "There is no day, deadline or schedule yet" in ENGLISH_PARTS
    assert "You named a clear action" in ENGLISH_PARTS


def test_the_coach_speaks_spanish_on_the_smart_and_break_it_down_pages(
    open_browser: OpenBrowser, people: People
) -> None:
    User.objects.filter(pk=people.maria.pk).update(language="es")
    goal = actions.create_goal(
        people.maria,
        by=people.maria,
        own_words=OWN_WORDS,
        life_area="physical",
        importance=8,
        confidence=6,
    )
    maria = open_browser(PHONE)
    sign_in(maria, people.maria)
    page = maria.page

    maria.go(f"/goals/{goal.pk}/make-it-smart/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hazla SMART")
    wording = page.get_by_label("Forma clara: qué, cuánto, para cuándo")
    # The field starts with her own words, to build on; she writes the clear wording afresh.
    expect(wording).to_have_value(OWN_WORDS)
    wording.fill("")
    wording.press_sequentially(SMART_WORDING)
    coach = page.locator("#coach-smart_wording")
    expect(coach).to_contain_text("Esto es claro, se puede contar y tiene un cuándo. ¡Muy bien!")
    for line in [
        "Una acción clara: sí. Nombraste una acción clara: caminar 10 minutos.",
        "Fácil de contar o marcar: sí. Se puede contar: una vez al día, 10 minutos.",
        "Posible en ese tiempo: sí. Parece posible en el tiempo que le diste.",
        "Tiene un cuándo: sí. Tiene un tiempo: para el",
        f"Encaja con lo que te importa: sí. Te ayuda con lo que quieres: “{OWN_WORDS}”.",
    ]:
        expect(coach.locator("li", has_text=line.split(":")[0])).to_contain_text(line)
    assert_no_english_sentence(maria)
    check_in_spanish(maria, "(make it SMART, with the coach's tips)")
    page.get_by_role("button", name="Guardar y seguir").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Divídela en pasos")
    assert Goal.objects.get(pk=goal.pk).smart_wording == SMART_WORDING

    page.get_by_label("¿Cuál es el paso?").press_sequentially(STEP)
    coach = page.locator("#coach-wording")
    expect(coach.locator("li", has_text="Tiene un cuándo")).to_contain_text(
        "Tiene un cuándo: todavía no. Todavía no tiene día, fecha límite ni horario."
    )
    expect(coach.locator("li", has_text="Una acción clara")).to_contain_text(
        f"Nombraste una acción clara: {STEP}."
    )
    expect(coach.locator("li", has_text="Encaja con lo que te importa")).to_contain_text(
        f"Te ayuda con lo que quieres: “{SMART_WORDING}”."
    )
    expect(coach).to_contain_text("Ideas, si las quieres:")
    expect(coach).to_contain_text("¿Cuándo te gustaría hacerlo?")
    # The wording idea keeps her words as she wrote them and adds the "when" in Spanish.
    idea = f"{STEP} esta semana."
    expect(coach.locator(".wordings .words")).to_have_text(f"“{idea}”")
    assert_no_english_sentence(maria)
    check_in_spanish(maria, "(break it down, with the coach's tips)")

    use = re.compile(rf"^Usar esta forma\W+{re.escape(idea)}$")
    coach.get_by_role("button", name=use).click()
    expect(page.get_by_label("¿Cuál es el paso?")).to_have_value(idea)
    expect(coach).to_contain_text("Esto es claro, se puede contar y tiene un cuándo. ¡Muy bien!")
    assert_no_english_sentence(maria)
    check_in_spanish(maria, "(break it down, the wording idea taken)")
