"""The offices a persons-list remark names, with their dates: evidence for reconciliation."""
from __future__ import annotations

import pytest

from graph.evidence import Office, remark_offices


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
])
def test_remarks_give_offices_with_their_dates(remark, offices):
    assert [(o.name, o.start, o.end) for o in remark_offices(remark)] == offices


def test_an_office_overlaps_a_period_at_the_precision_both_have():
    office = Office("Deputy Secretary of State", "1981-03-25", "1982-02-09", "pocom")
    assert office.overlaps("1981", "1981") and office.overlaps("1982-02", "1982-02")
    assert not office.overlaps("1980", "1980") and not office.overlaps("1982-03-01", "1983")
    assert not Office("Ambassador", "", "", "pocom").overlaps("1900", "2000")
