"""PeerGoals in Spanish in a real browser, at phone and desktop sizes.

A peer who chose Español walks her day: home, a check-in and the win it brings, her goal, her
wins, a new goal's first questions. Her specialist answers Español when his first page asks and
opens his caseload and her page; their supervisor chooses it in the footer and opens the team.
Every page passes axe-core and shows no English word: a word of the English interface that the
Spanish one never uses. Names and brand words are allowed, and so is the "English"
button of the language choice, which is marked as English (lang="en").
"""

from __future__ import annotations

import re

import polib
import pytest
from playwright.sync_api import expect

from peergoals.goals import actions
from peergoals.people.models import User
from tests.browser.browsing import SIZES, Browser, OpenBrowser, sign_in
from tests.personas import People
from tests.test_translations import PLACEHOLDER, PO

pytestmark = pytest.mark.browser

WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ']+")
# Names of people and of things, the same in both languages.
ALLOWED = {"peergoals", "smart", "maria", "sam", "google", "authenticator", "freeotp", "csv"}

# What a page shows or reads out, less what is marked as another language (the "English" button).
VISIBLE_TEXT = """
() => {
  const foreign = (el) => !el.closest("[lang]").lang.startsWith("es");
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (!parent || foreign(parent) || parent.closest("script, style, template")) continue;
    if (parent.closest("option") || parent.checkVisibility()) texts.push(walker.currentNode.data);
  }
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
    if (foreign(el)) continue;
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
      texts.push(el.getAttribute(name) || "");
    }
  }
  return texts.join("\\n");
}
"""


# Placeholders and the coach command's options ("--today", "text") are code, in both languages.
CODE = re.compile(PLACEHOLDER.pattern + r'|--\w+|"\w+"')


def words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(CODE.sub(" ", text))}


def english_only_words() -> set[str]:
    """Words of the English interface that its Spanish never uses."""
    english: set[str] = set()
    spanish: set[str] = set()
    for entry in polib.pofile(str(PO)):
        english |= words(f"{entry.msgid} {entry.msgid_plural}")
        spanish |= words(" ".join([entry.msgstr, *entry.msgstr_plural.values()]))
    return english - spanish - ALLOWED


ENGLISH = english_only_words()


def check_in_spanish(browser: Browser, what: str = "") -> None:
    """axe finds nothing, the page says it is Spanish, and no English word is left on it."""
    browser.check(what)
    page = browser.page
    left = sorted(words(page.evaluate(VISIBLE_TEXT)) & ENGLISH)
    assert not left, f"English words on {page.url} {what}: {left}"
    assert page.locator("html").get_attribute("lang") == "es"


def spanish_goal(people: People) -> None:
    """Maria's goal and daily step, in the words she typed: Spanish."""
    goal = actions.create_goal(
        people.maria,
        by=people.maria,
        own_words="Quiero tener más salud",
        smart_wording="Voy a caminar 10 minutos cada mañana esta semana",
        life_area="physical",
        importance=8,
        confidence=6,
    )
    actions.add_step(
        goal,
        by=people.maria,
        wording="Caminar 10 minutos después del desayuno",
        target_kind="count",
        target_quantity=1,
        target_per="day",
    )


def test_it_finds_english_words_to_look_for() -> None:
    assert {"today", "goal", "step", "done", "wins"} <= ENGLISH
    assert not {"no", "meta", "maria"} & ENGLISH


@pytest.mark.parametrize("size", list(SIZES))
def test_a_peer_her_specialist_and_their_supervisor_use_peergoals_in_spanish(
    open_browser: OpenBrowser, people: People, size: str
) -> None:
    User.objects.filter(pk=people.maria.pk).update(language="es")
    spanish_goal(people)
    maria = open_browser(SIZES[size])
    # The browser asks for English; the language she chose on her profile wins.
    sign_in(maria, people.maria)
    page = maria.page
    expect(page.get_by_role("heading", level=1)).to_have_text("¡Hola, Maria!")
    check_in_spanish(maria, "(home)")

    card = page.locator("article.step-card", has_text="Caminar 10 minutos")
    card.get_by_role("button", name="Hecho").click()
    expect(card.locator(".celebrate")).to_contain_text("¡Lo lograste!")
    expect(card.locator(".celebrate")).to_contain_text("primer registro")
    check_in_spanish(maria, "(a check-in celebrated)")
    page.reload()
    expect(page.locator("section", has_text="Tus logros recientes")).to_contain_text(
        "primer registro"
    )
    check_in_spanish(maria, "(home, with a win)")
    maria.screenshot(f"peer-home-{size}-es")

    page.get_by_role("link", name="Ver la meta").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiero tener más salud")
    check_in_spanish(maria, "(her goal)")

    page.get_by_role("link", name="Tus logros").first.click()
    check_in_spanish(maria, "(her wins)")

    page.get_by_role("link", name="Nueva meta").click()
    check_in_spanish(maria, "(a new goal: the first question)")
    page.get_by_label(re.compile("siempre quisiste hacer")).fill("Volver a estudiar")
    page.get_by_role("button", name="Siguiente", exact=True).click()
    check_in_spanish(maria, "(a new goal: the second question)")

    sam = open_browser(SIZES[size])
    sign_in(sam, people.sam)
    # His browser and profile say nothing yet: English, which the check notices.
    with pytest.raises(AssertionError, match="English words on"):
        check_in_spanish(sam, "(the caseload, before he chooses)")
    # His first page asks which language he wants; he answers there.
    expect(
        sam.page.get_by_role("heading", name="Which language do you want PeerGoals in?")
    ).to_be_visible()
    sam.page.locator(".language-offer").get_by_role("button", name="Español").click()
    expect(sam.page.get_by_role("heading", level=1)).to_have_text("Tus participantes")
    check_in_spanish(sam, "(the caseload)")
    sam.screenshot(f"caseload-{size}-es")
    wins = sam.page.locator(
        "section", has=sam.page.get_by_role("heading", name="Logros para celebrar")
    )
    expect(wins).to_contain_text("Maria")
    wins.get_by_role("link", name="Maria").click()
    check_in_spanish(sam, "(Maria's page)")

    pat = open_browser(SIZES[size])
    sign_in(pat, people.pat)
    pat.page.locator(".site-footer").get_by_role("button", name="Español").click()
    expect(pat.page.get_by_role("heading", level=1)).to_have_text("Tu equipo")
    check_in_spanish(pat, "(the supervisor's team)")
