"""The Spanish catalogue is complete, exact and compiled.

Every string the code marks for translation has a Spanish translation that is not fuzzy, has
every plural form, keeps every placeholder, and is in the compiled catalogue Django reads. When a
test here fails after a change that adds or changes strings, run `make messages` and translate
the new entries in peergoals/locale/es/LC_MESSAGES/django.po (docs/glossary-es.md has the words).
"""

from __future__ import annotations

import gettext
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import django
import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

CODE = Path(__file__).resolve().parents[1] / "peergoals"
PO = CODE / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
DJANGO_PO = Path(django.__file__).parent / "conf" / "locale" / "es" / "LC_MESSAGES" / "django.po"
FIX = "run `make messages` and translate the new entries in " + str(PO.relative_to(CODE.parent))

# %(name)s, %(n)d, %s; {word}, {value!r}. A literal %% is not a placeholder.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*(?:![rsa])?(?::[^}]*)?\}")

Key = tuple[str, str, str]


def key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def catalogue() -> polib.POFile:
    return polib.pofile(str(PO))


@pytest.fixture(scope="module")
def strings_in_the_code(tmp_path_factory: pytest.TempPathFactory) -> set[Key]:
    """Every string the code marks today, as `makemessages` finds it in a copy of the code."""
    copy = tmp_path_factory.mktemp("extract") / "peergoals"
    shutil.copytree(CODE, copy, ignore=shutil.ignore_patterns("__pycache__", "locale"))
    (copy / "locale").mkdir()
    here = Path.cwd()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[copy / "locale"]):
            call_command("makemessages", locale=["es"], verbosity=0, no_location=True)
    finally:
        os.chdir(here)
    extracted = polib.pofile(str(copy / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    return {key(entry) for entry in extracted if not entry.obsolete}


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def translations(entry: polib.POEntry) -> Iterator[tuple[str, str]]:
    """Each (English, Spanish) pair of an entry: one, or one per plural form."""
    if entry.msgid_plural:
        for form, text in sorted(entry.msgstr_plural.items()):
            yield (entry.msgid if form == 0 else entry.msgid_plural), text
    else:
        yield entry.msgid, entry.msgstr


def test_every_string_in_the_code_is_in_the_catalogue(strings_in_the_code: set[Key]) -> None:
    in_catalogue = {key(entry) for entry in catalogue() if not entry.obsolete}
    missing = sorted(strings_in_the_code - in_catalogue)
    assert not missing, f"{len(missing)} strings have no Spanish entry ({FIX}):\n" + "\n".join(
        f"- {msgid!r}" for _context, msgid, _plural in missing
    )


def test_the_catalogue_holds_no_string_the_code_no_longer_has(
    strings_in_the_code: set[Key],
) -> None:
    stale = sorted({key(entry) for entry in catalogue()} - strings_in_the_code)
    assert not stale, f"not in the code any more ({FIX}): {stale}"


def test_every_entry_is_translated_and_none_is_fuzzy() -> None:
    untranslated = [
        entry.msgid
        for entry in catalogue()
        if any(not text.strip() for _english, text in translations(entry))
    ]
    fuzzy = [entry.msgid for entry in catalogue() if "fuzzy" in entry.flags]
    assert untranslated == [], f"untranslated ({FIX}): {untranslated}"
    assert fuzzy == [], f"fuzzy, so Django ignores them: check and unmark them: {fuzzy}"


def test_the_header_is_not_fuzzy_and_the_plural_rule_is_djangos() -> None:
    ours = catalogue()
    # A fuzzy header is left out of the compiled catalogue, and the plural rule with it.
    assert not ours.metadata_is_fuzzy
    assert ours.metadata["Plural-Forms"] == polib.pofile(str(DJANGO_PO)).metadata["Plural-Forms"]


def test_every_plural_has_all_three_spanish_forms() -> None:
    nplurals = 3
    short = [
        entry.msgid
        for entry in catalogue()
        if entry.msgid_plural and sorted(entry.msgstr_plural) != list(range(nplurals))
    ]
    assert short == []


def test_every_translation_keeps_the_placeholders_of_the_english() -> None:
    differ = {
        english: spanish
        for entry in catalogue()
        for english, spanish in translations(entry)
        if placeholders(english) != placeholders(spanish)
    }
    assert differ == {}


def test_no_string_is_marked_with_an_escape_the_extraction_does_not_read() -> None:
    # xgettext keeps "\u201c" in a Python string as six characters, so the catalogue would hold
    # a string the running code never asks for: write the character itself (“) instead.
    escaped = [entry.msgid for entry in catalogue() if re.search(r"\\[uUxN]", entry.msgid)]
    assert escaped == []


def test_the_compiled_catalogue_is_the_catalogue() -> None:
    """The .mo Django reads says exactly what the .po says (`make messages` compiles it)."""
    with MO.open("rb") as compiled:
        read = gettext.GNUTranslations(compiled)._catalog  # type: ignore[attr-defined]
    expected: dict[object, str] = {}
    for entry in catalogue():
        if "fuzzy" in entry.flags or entry.obsolete:
            continue
        msgid = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            expected.update({(msgid, form): text for form, text in entry.msgstr_plural.items()})
        elif entry.msgstr:
            expected[msgid] = entry.msgstr
    read = {msgid: text for msgid, text in read.items() if msgid != ""}
    assert read == expected, "the compiled catalogue is stale: run `make messages`"
