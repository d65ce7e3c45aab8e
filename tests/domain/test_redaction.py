"""Redaction: names of people and projects become neutral labels, the same one every time."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.domain.redaction import Redactor


def redactor(
    people: tuple[str, ...] = (), projects: tuple[str, ...] = (), own: str = ""
) -> Redactor:
    found = Redactor(own)
    found.add_people(people)
    found.add_projects(projects)
    return found


# ---------------------------------------------------------------- labels


def test_people_and_projects_are_labelled_in_the_order_they_are_registered() -> None:
    found = redactor(("Ana Lima", "Raj Patel"), ("Churn model", "Atlas"))
    assert found.name("Ana Lima") == "Colleague A"
    assert found.name("Raj Patel") == "Colleague B"
    assert found.name("Churn model") == "Project A"
    assert found.name("Atlas") == "Project B"
    assert found.names == ("ana lima", "raj patel", "churn model", "atlas")


def test_a_name_registered_again_keeps_its_first_label() -> None:
    found = redactor(("Ana Lima", "Raj", "  ana   LIMA ", "Mei"))
    assert found.name("Ana Lima") == "Colleague A"
    assert found.name("ANA LIMA") == "Colleague A"
    assert found.name("Raj") == "Colleague B"
    assert found.name("Mei") == "Colleague C"


def test_a_project_with_a_persons_name_keeps_the_persons_label() -> None:
    found = redactor(("Atlas",), ("Atlas", "Orion"))
    assert found.name("Atlas") == "Colleague A"
    assert found.name("Orion") == "Project A"


def test_blank_names_are_not_registered() -> None:
    found = redactor(("", "   ", "Ana"), ("", " "))
    assert found.names == ("ana",)
    assert found.name("Ana") == "Colleague A"


def test_after_z_the_labels_go_on_with_two_letters() -> None:
    people = tuple(f"Person{index:02d}" for index in range(30))
    found = redactor(people)
    assert [found.name(person) for person in people[24:]] == [
        "Colleague Y",
        "Colleague Z",
        "Colleague AA",
        "Colleague AB",
        "Colleague AC",
        "Colleague AD",
    ]


def test_an_unknown_name_is_returned_as_it_is() -> None:
    found = redactor(("Ana Lima",))
    assert found.name("Bob") == "Bob"
    assert found.name("") == ""


def test_an_unknown_name_holding_a_known_one_is_redacted_inside() -> None:
    found = redactor(("Ana Lima",), ("Atlas",))
    assert found.name("Atlas team") == "Project A team"


# ---------------------------------------------------------------- text


def test_every_known_name_in_a_text_is_replaced() -> None:
    found = redactor(("Ana Lima", "Raj"), ("Atlas",))
    assert (
        found.text("Paired with Ana Lima and Raj on Atlas.")
        == "Paired with Colleague A and Colleague B on Project A."
    )


def test_names_match_ignoring_case_and_spacing() -> None:
    found = redactor(("Ana Lima",), ("Churn Model",))
    assert found.text("ana lima, ANA  LIMA, Ana\nLima") == "Colleague A, Colleague A, Colleague A"
    assert found.text("the CHURN model") == "the Project A"


def test_names_are_replaced_only_as_whole_words() -> None:
    found = redactor(("Ana",), ("Atlas",))
    assert found.text("Anagram, Banana, Atlases, Ana's notes, (Ana)") == (
        "Anagram, Banana, Atlases, Colleague A's notes, (Colleague A)"
    )


def test_the_longest_name_wins_so_a_full_name_is_never_half_replaced() -> None:
    found = redactor(("Ana", "Ana Lima"))
    assert found.text("Ana Lima met Ana") == "Colleague B met Colleague A"


def test_a_capitalised_first_name_stands_for_the_whole_person() -> None:
    found = redactor(("Ana Lima", "Raj Patel"))
    assert found.text("Ana said Raj liked it") == "Colleague A said Colleague B liked it"


def test_a_lower_case_first_name_is_an_ordinary_word() -> None:
    found = redactor(("Will Smith",))
    assert found.text("Will Smith will review it") == "Colleague A will review it"


def test_a_first_name_shared_by_two_people_means_the_first_registered() -> None:
    found = redactor(("Ana Lima", "Ana Souza"))
    assert found.text("Ana Souza, Ana Lima, Ana") == "Colleague B, Colleague A, Colleague A"


def test_a_first_name_registered_as_a_person_keeps_its_own_label() -> None:
    found = redactor(("Ana Lima", "Ana"))
    assert found.text("Ana and Ana Lima") == "Colleague B and Colleague A"


def test_single_letters_are_no_aliases_and_lower_case_entries_hide_capitalised_names() -> None:
    found = redactor(("J Smith", "bo Chen"))
    assert found.text("J wrote to bo and Bo") == "J wrote to bo and Colleague B"
    assert found.text("J Smith and bo chen") == "Colleague A and Colleague B"
    assert found.text("Smith met Chen") == "Colleague A met Colleague B"


def test_one_word_names_match_as_written_or_capitalised_only() -> None:
    found = redactor(("Will", "raj"))
    assert found.text("I will help Will and Raj; raj too") == (
        "I will help Colleague A and Colleague B; Colleague B too"
    )


def test_several_people_in_one_field_are_each_hidden() -> None:
    found = redactor(("Jonas Becker; Lena Kowalski", "Ana, Raj and Mei Chen"))
    assert found.text("Helped Lena Kowalski, then Jonas") == "Helped Colleague B, then Colleague A"
    assert found.name("Jonas Becker; Lena Kowalski") == "Colleague A; Colleague B"
    assert found.text("Ana and Raj paired with Mei") == (
        "Colleague C and Colleague D paired with Colleague E"
    )


def test_team_names_lend_no_words_to_hide() -> None:
    found = redactor(("Data Engineering", "Customer Support"))
    text = "Customer churn model for the Data team, thanks to Data Engineering"
    assert found.text(text) == "Customer churn model for the Data team, thanks to Colleague A"


def test_kept_phrases_are_never_rewritten() -> None:
    found = Redactor("Sam Rivera", keep=("Senior Data Scientist", "Data Scientist"))
    found.add_people(["Data", "Sam Lee"])
    found.add_projects(["Scientist"])
    assert found.text("Senior Data Scientist Sam Rivera helped Sam and Data") == (
        "Senior Data Scientist Sam Rivera helped Sam and Colleague A"
    )


def test_labels_in_the_text_are_not_replaced_again() -> None:
    found = redactor(("Colleague", "Project Atlas", "Colleague Z"))
    assert found.text("Colleague and Project Atlas") == "Colleague A and Colleague B"


def test_names_with_regex_characters_are_matched_literally() -> None:
    found = redactor(("J. R. Smith", "Ana (QA)"), ("C++ port",))
    assert found.text("J. R. Smith, Ana (QA) and C++ port") == (
        "Colleague A, Colleague B and Project A"
    )
    assert found.text("JxRxSmith") == "JxRxSmith"


def test_accented_names_are_matched_in_any_case() -> None:
    found = redactor(("Zoë Müller", "José Núñez"))
    assert found.text("ZOË MÜLLER and josé núñez") == "Colleague A and Colleague B"


def test_a_name_with_sharp_s_is_replaced_as_written() -> None:
    """German names are written with ß; the full name must go, not just the first name."""
    found = redactor(("Jürgen Groß",))
    assert found.text("Thanks to Jürgen Groß") == "Thanks to Colleague A"


def test_text_without_names_or_a_redactor_without_names_is_unchanged() -> None:
    assert redactor().text("Ana Lima") == "Ana Lima"
    assert redactor(("Raj",)).text("") == ""
    assert redactor(("Raj",)).text("Shipped the scorer") == "Shipped the scorer"


def test_a_switched_off_redactor_changes_nothing() -> None:
    found = Redactor("Ada", enabled=False)
    found.add_people(["Ana Lima"])
    found.add_projects(["Atlas"])
    assert found.text("Ana Lima on Atlas; Ana") == "Ana Lima on Atlas; Ana"
    assert found.name("Ana Lima") == "Ana Lima"
    assert found.names == ("ana lima", "atlas")


# ---------------------------------------------------------------- the user's own name


def test_the_own_name_is_never_registered() -> None:
    found = redactor(
        ("Ada Lovelace", "ada  lovelace", "Raj"), ("ADA LOVELACE",), own="Ada Lovelace"
    )
    assert found.names == ("raj",)
    assert found.name("Ada Lovelace") == "Ada Lovelace"
    assert found.text("Ada Lovelace helped Raj") == "Ada Lovelace helped Colleague A"


def test_the_own_name_stays_when_a_colleague_shares_the_first_name() -> None:
    """A colleague 'Ana Souza' must not turn the user 'Ana Lima' into 'Colleague A Lima'."""
    found = redactor(("Ana Souza",), own="Ana Lima")
    assert found.text("Ana Lima paired with Ana Souza") == "Ana Lima paired with Colleague A"


def test_a_one_word_own_name_stays_when_a_colleague_shares_it() -> None:
    found = redactor(("Ana Souza",), own="Ana")
    assert found.text("Ana paired with Ana Souza") == "Ana paired with Colleague A"


# ---------------------------------------------------------------- properties

# Names are built from the letters a-m; text around them from the other letters, so a name
# only ever appears in the text where a test puts it. Labels ("Colleague A") use neither
# set in a way a three-letter-or-longer name could match as a whole word.
NAME_LETTERS = "abcdefghijklmäéñ"
OTHER_LETTERS = "nopqrstuvwxyzöü"
WORD = st.text(alphabet=NAME_LETTERS, min_size=3, max_size=8).map(str.capitalize)
NAME = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
FILLER = st.text(alphabet=OTHER_LETTERS + OTHER_LETTERS.upper() + " ,.;:()'-\n0123456789")
LABEL = re.compile(r"(?:Colleague|Project) [A-Z]+")


def variant(name: str, upper: bool, lower: bool, spaces: str) -> str:
    spelled = name.upper() if upper else name.lower() if lower else name
    return spaces.join(spelled.split())


@given(
    people=st.lists(NAME, min_size=1, max_size=6),
    projects=st.lists(NAME, max_size=4),
    order=st.randoms(use_true_random=False),
)
def test_labels_are_consistent_however_often_and_in_whatever_order_names_are_asked(
    people: list[str], projects: list[str], order: random.Random
) -> None:
    found = redactor(tuple(people), tuple(projects))
    labels = {name: found.name(name) for name in (*people, *projects)}
    asked = [*people, *projects] * 2
    order.shuffle(asked)
    for name in asked:
        assert found.name(name) == labels[name]
        assert found.name(name.upper()) == labels[name]
        assert found.text(name) == labels[name]
    by_key: dict[str, set[str]] = {}
    for name, label in labels.items():
        by_key.setdefault(" ".join(name.split()).casefold(), set()).add(label)
    assert all(len(found_labels) == 1 for found_labels in by_key.values())
    distinct = {next(iter(found_labels)) for found_labels in by_key.values()}
    assert len(distinct) == len(by_key)
    assert all(LABEL.fullmatch(label) for label in distinct)


@given(
    people=st.lists(NAME, min_size=1, max_size=5),
    projects=st.lists(NAME, max_size=3),
    data=st.data(),
)
def test_registered_names_never_survive_in_any_case_or_spacing(
    people: list[str], projects: list[str], data: st.DataObject
) -> None:
    found = redactor(tuple(people), tuple(projects))
    pieces = []
    for name in data.draw(st.lists(st.sampled_from([*people, *projects]), min_size=1)):
        pieces.append(data.draw(FILLER))
        # A one-word person's name is matched as written or capitalised only.
        one_word_person = len(name.split()) == 1 and name in people
        pieces.append(
            variant(
                name,
                data.draw(st.booleans()) and not one_word_person,
                data.draw(st.booleans()) and not one_word_person,
                data.draw(st.sampled_from([" ", "  ", "\n", "\t", " \n "])),
            )
        )
    pieces.append(data.draw(FILLER))
    text = "".join(pieces)
    redacted = found.text(text)
    for name in (*people, *projects):
        words = r"\s+".join(map(re.escape, name.split()))
        one_word_person = len(name.split()) == 1 and name in people
        flags = 0 if one_word_person else re.IGNORECASE
        assert not re.search(rf"(?<!\w){words}(?!\w)", redacted, flags), (text, redacted)


@given(
    people=st.lists(NAME, max_size=5),
    projects=st.lists(NAME, max_size=3),
    text=FILLER,
)
def test_text_without_names_is_unchanged(
    people: list[str], projects: list[str], text: str
) -> None:
    assert redactor(tuple(people), tuple(projects)).text(text) == text


@given(
    own=st.lists(
        st.text(alphabet=OTHER_LETTERS, min_size=2, max_size=8).map(str.capitalize),
        min_size=1,
        max_size=3,
    ).map(" ".join),
    people=st.lists(NAME, max_size=5),
    projects=st.lists(NAME, max_size=3),
    filler=FILLER,
)
def test_the_own_name_is_never_replaced(
    own: str, people: list[str], projects: list[str], filler: str
) -> None:
    found = redactor((*people, own, own.upper()), (*projects, own), own=own)
    assert found.name(own) == own
    assert " ".join(own.split()).casefold() not in found.names
    text = f"{filler} {own} {' and '.join(people)} {own.lower()}"
    redacted = found.text(text)
    assert redacted.startswith(f"{filler} {own} ")
    assert redacted.endswith(f" {own.lower()}")


@pytest.mark.parametrize("enabled", [True, False])
@given(text=st.text())
def test_any_text_gives_text(enabled: bool, text: str) -> None:
    found = Redactor("Ada", enabled=enabled)
    found.add_people(["Ana Lima", "Raj"])
    found.add_projects(["Atlas"])
    assert isinstance(found.text(text), str)


def test_a_project_is_found_with_or_without_a_plural_s() -> None:
    found = Redactor("Sam")
    found.add_projects(["Pricing experiments", "Churn model"])
    text = "the pricing experiment, Pricing Experiments and two churn models"
    assert found.text(text) == "the Project A, Project A and two Project B"
