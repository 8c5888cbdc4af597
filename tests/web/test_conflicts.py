"""Two tabs or two people edit the same goal or step from the same version: changes to different
fields both land; a field both changed is shown side by side to choose; nothing is ever lost or
silently undone."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.merge import merge
from peergoals.goals.models import Goal, Step, SuggestedChange
from peergoals.privacy.models import Consent, SignedConsentError
from tests.personas import People

CLASH = "changed this while you were editing, in some of the same places as you"


class FormReader(HTMLParser):
    """The fields of the page's main form as a browser would send them back."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, list[str]] = {}
        self.in_form = False
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            # The edit form, not the footer's language choice.
            self.in_form = a.get("method") == "post" and "language" not in a.get("action", "")
        if not self.in_form:
            return
        if tag == "option" and self.select and "selected" in a:
            self.fields[self.select] = [a.get("value", "")]
        if "name" not in a:
            return
        name = a["name"]
        if tag == "input" and a.get("type") != "submit":
            if a.get("type") in ("radio", "checkbox") and "checked" not in a:
                return
            ticked = "on" if a.get("type") in ("radio", "checkbox") else ""
            self.fields.setdefault(name, []).append(unescape(a.get("value", ticked)))
        elif tag == "textarea":
            self.textarea = name
            self.fields[name] = [""]
        elif tag == "select":
            self.select = name

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.fields[self.textarea][0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self.textarea:
            self.fields[self.textarea][0] = self.fields[self.textarea][0].removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


def form_on(page: str) -> dict[str, list[str]]:
    reader = FormReader()
    reader.feed(page)
    reader.fields.pop("csrfmiddlewaretoken", None)
    return reader.fields


def form_fields(client: Client, url: str) -> dict[str, list[str]]:
    """The form on `url`, as the browser shows it now (a tab opened now)."""
    return form_on(client.get(url).text)


def send(client: Client, url: str, fields: dict[str, list[str]], **changes: str) -> object:
    """The form sent back with `changes` typed into it."""
    return client.post(url, {**fields, **{name: [value] for name, value in changes.items()}})


# Pure: the merge itself --------------------------------------------------------------------------


def test_it_keeps_each_sides_change_to_different_fields_and_names_a_field_both_changed() -> None:
    base = {"a": "1", "b": "1", "c": "1", "d": "1"}
    theirs = {"a": "2", "b": "1", "c": "3", "d": "4"}
    yours = {"a": "1", "b": "5", "c": "3", "d": "6"}
    merged = merge(base, theirs, yours)
    assert merged.changes == {"b": "5"}
    assert merged.theirs == {"a": "2"}
    assert [(c.field, c.theirs, c.yours) for c in merged.clashes] == [("d", "4", "6")]


def test_it_treats_a_version_it_cannot_read_as_changed_by_both() -> None:
    merged = merge({}, {"a": "2", "b": "1"}, {"a": "2", "b": "5"})
    assert merged.changes == {} and [c.field for c in merged.clashes] == ["b"]


# A goal --------------------------------------------------------------------------------------


def test_two_tabs_changing_different_fields_of_a_goal_both_land(
    as_maria: Client, walk_goal: Goal
) -> None:
    url = reverse("goals:edit", args=[walk_goal.pk])
    first_tab, second_tab = form_fields(as_maria, url), form_fields(as_maria, url)
    assert send(as_maria, url, first_tab, smart_wording="Walk 15 minutes").status_code == 302
    second = send(as_maria, url, second_tab, strengths="My dog needs walks too")
    assert second.status_code == 302
    page = as_maria.get(second["Location"]).text
    assert "Your changes are saved, beside the ones made meanwhile by someone else." in page
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording == "Walk 15 minutes"
    assert walk_goal.strengths == "My dog needs walks too"
    assert walk_goal.version == 3  # one new version for each save, nothing overwritten


def test_a_field_both_changed_is_shown_side_by_side_with_the_typed_text_kept(
    as_maria: Client, walk_goal: Goal
) -> None:
    url = reverse("goals:edit", args=[walk_goal.pk])
    first_tab, second_tab = form_fields(as_maria, url), form_fields(as_maria, url)
    send(as_maria, url, first_tab, smart_wording="Walk 15 minutes", life_area="social")
    clash = send(
        as_maria, url, second_tab, smart_wording="Swim twice a week", strengths="I love water"
    )
    assert clash.status_code == 409
    page = unescape(clash.text)
    assert "Maria " + CLASH in page
    assert "Keep the saved one: <q>Walk 15 minutes</q>" in page
    assert "Keep mine (as in the form below): <q>Swim twice a week</q>" in page
    shown_again = form_on(clash.text)
    # The typed text stays; the field only the first tab changed now shows that change.
    assert shown_again["smart_wording"] == ["Swim twice a week"]
    assert shown_again["strengths"] == ["I love water"]
    assert shown_again["life_area"] == ["social"]
    assert shown_again["version"] == ["2"]
    walk_goal.refresh_from_db()
    assert (walk_goal.smart_wording, walk_goal.strengths) == ("Walk 15 minutes", "")

    # Not choosing is asked again, still with everything typed.
    unchosen = as_maria.post(url, shown_again)
    assert unchosen.status_code == 400
    assert "Please choose which to keep for" in unescape(unchosen.text)
    assert form_on(unchosen.text)["strengths"] == ["I love water"]

    chosen = as_maria.post(url, {**shown_again, "keep-smart_wording": ["mine"]})
    assert chosen.status_code == 302
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording == "Swim twice a week"
    assert walk_goal.strengths == "I love water"
    assert walk_goal.life_area == "social"  # the first tab's change, still there


def test_keeping_the_saved_value_keeps_it_and_the_rest_of_what_was_typed(
    as_maria: Client, walk_goal: Goal
) -> None:
    url = reverse("goals:edit", args=[walk_goal.pk])
    first_tab, second_tab = form_fields(as_maria, url), form_fields(as_maria, url)
    send(as_maria, url, first_tab, smart_wording="Walk 15 minutes")
    clash = send(as_maria, url, second_tab, smart_wording="Swim", strengths="I love water")
    chosen = as_maria.post(url, {**form_on(clash.text), "keep-smart_wording": ["saved"]})
    assert chosen.status_code == 302
    walk_goal.refresh_from_db()
    assert (walk_goal.smart_wording, walk_goal.strengths) == ("Walk 15 minutes", "I love water")


def test_a_third_save_from_an_old_tab_never_undoes_the_others(
    as_maria: Client, walk_goal: Goal
) -> None:
    url = reverse("goals:edit", args=[walk_goal.pk])
    tabs = [form_fields(as_maria, url) for _ in range(3)]
    send(as_maria, url, tabs[0], smart_wording="Walk 15 minutes")
    send(as_maria, url, tabs[1], strengths="My dog")
    assert send(as_maria, url, tabs[2], review_every_days="7").status_code == 302
    # And the first tab, sent again as it was, changes nothing back.
    assert send(as_maria, url, tabs[0], smart_wording="Walk 15 minutes").status_code == 302
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording == "Walk 15 minutes"
    assert walk_goal.strengths == "My dog"
    assert walk_goal.review_every_days == 7
    assert walk_goal.version == 4  # the resend saved nothing new


def test_a_suggestion_from_an_old_version_suggests_only_what_the_specialist_changed(
    as_maria: Client, as_sam: Client, walk_goal: Goal
) -> None:
    url = reverse("goals:edit", args=[walk_goal.pk])
    sams = form_fields(as_sam, url)
    send(as_maria, url, form_fields(as_maria, url), smart_wording="Walk 15 minutes")
    suggested = send(as_sam, url, sams, strengths="Maria's sister walks with her")
    assert suggested.status_code == 302
    suggestion = SuggestedChange.objects.get()
    # Not the old wording Sam's form still held: that would undo Maria's change.
    assert suggestion.changes == {"strengths": "Maria's sister walks with her"}


def test_a_suggestion_about_a_field_the_peer_changed_meanwhile_is_shown_side_by_side(
    as_maria: Client, as_sam: Client, walk_goal: Goal
) -> None:
    url = reverse("goals:edit", args=[walk_goal.pk])
    sams = form_fields(as_sam, url)
    send(as_maria, url, form_fields(as_maria, url), smart_wording="Walk 15 minutes")
    clash = send(as_sam, url, sams, smart_wording="Swim twice a week")
    assert clash.status_code == 409
    page = unescape(clash.text)
    assert "Maria " + CLASH in page
    assert "Keep the saved one: <q>Walk 15 minutes</q>" in page
    assert "Swim twice a week</textarea>" in page
    assert not SuggestedChange.objects.exists()
    chosen = as_sam.post(url, {**form_on(clash.text), "keep-smart_wording": ["mine"]})
    assert chosen.status_code == 302
    assert SuggestedChange.objects.get().changes == {"smart_wording": "Swim twice a week"}


# A step --------------------------------------------------------------------------------------


def test_two_tabs_changing_different_fields_of_a_step_both_land(
    as_maria: Client, walk_step: Step
) -> None:
    url = reverse("goals:edit_step", args=[walk_step.pk])
    first_tab, second_tab = form_fields(as_maria, url), form_fields(as_maria, url)
    assert send(as_maria, url, first_tab, wording="Walk 15 minutes").status_code == 302
    assert send(as_maria, url, second_tab, target_quantity="2").status_code == 302
    walk_step.refresh_from_db()
    assert walk_step.wording == "Walk 15 minutes"
    assert walk_step.target_quantity == 2


def test_a_step_field_both_changed_is_chosen_side_by_side(
    as_maria: Client, as_sam: Client, walk_step: Step
) -> None:
    url = reverse("goals:edit_step", args=[walk_step.pk])
    first_tab, sams = form_fields(as_maria, url), form_fields(as_sam, url)
    send(as_maria, url, first_tab, wording="Walk 15 minutes", target_quantity="2")
    clash = send(as_sam, url, sams, wording="Walk to the park")
    assert clash.status_code == 409
    page = unescape(clash.text)
    assert "Keep the saved one: <q>Walk 15 minutes</q>" in page
    assert "Walk to the park</textarea>" in page
    assert form_on(clash.text)["target_quantity"] == ["2"]  # Maria's, not the old 1
    walk_step.refresh_from_db()
    assert walk_step.wording == "Walk 15 minutes"


def test_an_edit_made_from_the_version_saved_is_saved_as_it_is(
    people: People, walk_goal: Goal
) -> None:
    changed = actions.change_goal(
        walk_goal, by=people.maria, version=walk_goal.version, strengths="Stubborn"
    )
    assert changed.strengths == "Stubborn" and changed.version == 2


def test_a_signed_consent_cannot_be_overwritten_by_anyone(people: People) -> None:
    consent = Consent.objects.get(peer=people.maria)
    consent.signature = "Someone else"
    with pytest.raises(SignedConsentError):
        consent.save()
    consent.refresh_from_db()
    assert consent.signature == "Maria"
