"""The offices a persons-list remark names, with their dates: evidence for reconciliation."""
from __future__ import annotations

import pytest

from graph.evidence import Office, list_offices, remark_offices, volume_years


@pytest.mark.parametrize("remark, offices", [
    ("Deputy Secretary of State from February 25, 1981, until February 9, 1982; Assistant to the President for "
     "National Security Affairs from January 4, 1982, until October 17, 1983",
     [("Deputy Secretary of State", "1981-02-25", "1982-02-09"),
      ("Assistant to the President for National Security Affairs", "1982-01-04", "1983-10-17")]),
    ("British Foreign Secretary from February 21, 1977, until May 4, 1979",
     [("British Foreign Secretary", "1977-02-21", "1979-05-04")]),
    ("Special Assistant to the Under Secretary of State for Economic Affairs from 1979",
     [("Special Assistant to the Under Secretary of State for Economic Affairs", "1979", "")]),
    ("member of Policy Planning Council, Department of State, June 1966–1967",
     [("member of Policy Planning Council, Department of State", "1966-06", "1967")]),
    ("Chairman, National Security Council Survey Committee, 1948",
     [("Chairman, National Security Council Survey Committee", "1948", "1948")]),
    ("sculptor and the wife of Zbigniew Brzezinski", []),
    ("Soviet Ambassador in the United States, 1943–46.", [("Soviet Ambassador in the United States", "1943", "1946")]),
])
def test_remarks_give_offices_with_their_dates(remark, offices):
    assert [(o.name, o.start, o.end) for o in remark_offices(remark)] == offices


def test_an_office_overlaps_a_period_at_the_precision_both_have():
    office = Office("Deputy Secretary of State", "1981-03-25", "1982-02-09", "pocom")
    assert office.overlaps("1981", "1981") and office.overlaps("1982-02", "1982-02")
    assert not office.overlaps("1980", "1980") and not office.overlaps("1982-03-01", "1983")
    assert not Office("Ambassador", "", "", "pocom").overlaps("1900", "2000")


@pytest.mark.parametrize("description, volume, offices", [
    ("Soviet Foreign Minister", "frus1964-68v12", [("Soviet Foreign Minister", "1964", "1968")]),
    ("Secretary of Defense from March 1, 1968", "frus1964-68v12", [("Secretary of Defense", "1968-03-01", "")]),
    ("Ambassador to the Soviet Union until 1966; thereafter Ambassador at Large", "frus1964-68v12",
     [("Ambassador to the Soviet Union", "1964", "1966"), ("thereafter Ambassador at Large", "1964", "1968")]),
    ("Deputy Secretary of State from February 25, 1981, until February 9, 1982", "frus1981-88v03",
     [("Deputy Secretary of State", "1981-02-25", "1982-02-09")]),
])
def test_a_persons_list_description_gives_posts_dated_as_it_says_else_by_its_volume(description, volume, offices):
    found = list_offices(description, volume)
    assert [(o.name, o.start, o.end) for o in found] == offices and {o.source for o in found} == {"persons-list"}


def test_a_volumes_years_are_read_from_its_id():
    assert [volume_years(v) for v in ("frus1964-68v12", "frus1948v01p1", "frus1917-72PubDip", "frus1999-01x", "x")] \
        == [("1964", "1968"), ("1948", "1948"), ("1917", "1972"), ("1999", "2001"), ("", "")]


def test_an_office_is_labelled_by_where_it_is_recorded():
    assert Office("Secretary of State", "1961-01-21", "1969-01-20", "pocom").labelled() == \
        "Secretary of State (1961-01-21 – 1969-01-20) [POCOM]"
    assert Office("Secretary of State", "1962", "1963", "frus-document", 2).labelled() == \
        "Secretary of State (1962 – 1963) [headings of 2 FRUS documents]"
    assert Office("Soviet Foreign Minister", "1964", "1968", "persons-list", volumes=tuple("abcd")).labelled() == \
        "Soviet Foreign Minister (1964 – 1968) [persons lists of a, b, c and 1 more]"
