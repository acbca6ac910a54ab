"""Dates and outlet labels: parsed strictly, in UTC, always with their evidence."""

from __future__ import annotations

import time
from datetime import date

import pytest

from compare.ingest.provenance import (
    DateClaim,
    choose_date,
    email_label,
    host_label,
    parse_date,
    parse_manifest,
    registrable_domain,
    url_host,
)
from compare.text import lexicons


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1602977989.797736", date(2020, 10, 17)),
        ("1700000000", date(2023, 11, 14)),
        ("2021-03-04", date(2021, 3, 4)),
        ("2021-03-04T23:30:00Z", date(2021, 3, 4)),
        # the day the outlet's clock showed, not the UTC day (read blind, fifteenth round)
        ("2021-03-05T01:30:00+09:00", date(2021, 3, 5)),
        ("2021-03-04 22:00:00-05:00", date(2021, 3, 4)),
        ("March 4, 2021", date(2021, 3, 4)),
        ("Mar. 4, 2021", date(2021, 3, 4)),
        ("4 March 2021", date(2021, 3, 4)),
    ],
)
def test_parse_date(raw: str, expected: date) -> None:
    parsed = parse_date(raw)
    assert parsed is not None and parsed[0] == expected


@pytest.mark.parametrize(
    "raw",
    [
        "0000-01-01",
        "2020-02-30",
        "2020-10-17 25:61",
        "99999-01-01",
        ".nan",
        "1e400",
        "10**30",
        "-1602977989",
        "0",
        "99999999999",
        "1" + "0" * 30,
        "",
        "yesterday",
        "Smarch 4, 2021",
    ],
)
def test_unparseable_dates_give_none_not_errors(raw: str) -> None:
    assert parse_date(raw) is None


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "UTC"])
def test_epoch_dates_ignore_the_local_time_zone(monkeypatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert parse_date("1602977989.797736") == (date(2020, 10, 17), "epoch 1602977989.797736")
    finally:
        monkeypatch.undo()
        time.tzset()


def test_first_claim_wins_and_disagreement_is_explained() -> None:
    claims = [
        DateClaim("1602977989", "front matter `date`", 5),
        DateClaim("2020-10-19", "inline header `date 2020-10-19`", 7),
    ]
    published, source, notices = choose_date(claims)
    assert published == "2020-10-17"
    assert source.startswith("front matter `date` (epoch 1602977989), line 5")
    assert "disagree" in source
    (notice,) = notices
    assert "2020-10-17" in notice and "2020-10-19" in notice and "line 7" in notice


def test_unparseable_claim_is_skipped_with_a_notice() -> None:
    published, source, notices = choose_date([DateClaim("2020-02-30", "front matter `date`", 3)])
    assert published is None and source == "no usable date found"
    assert notices == ["unparseable date '2020-02-30' in front matter `date`, line 3; ignored"]


def test_a_well_formed_date_out_of_range_is_named_so() -> None:
    _published, _source, notices = choose_date([DateClaim("9999-12-31", "front matter `date`")])
    assert notices == ["date outside 1900-2099 '9999-12-31' in front matter `date`; ignored"]


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("api.example.com", "example.com"),
        ("www.example.co.uk", "example.co.uk"),
        ("news.example.com.au", "example.com.au"),
        ("EXAMPLE.ORG.", "example.org"),
        ("localhost", None),
        ("127.0.0.1", None),
        ("co.uk", None),
        ("bad_host!.com", None),
        # suffixes of two labels beyond the old hand-kept list (Public Suffix List)
        ("www.thairath.co.th", "thairath.co.th"),
        ("vnexpress.com.vn", "vnexpress.com.vn"),
        ("news.detik.co.id", "detik.co.id"),
        ("english.ahram.org.eg", "ahram.org.eg"),
        ("co.th", None),
        ("valleyledger.example", "valleyledger.example"),  # a TLD the list lacks
        ("a.b.valleyledger.example", "valleyledger.example"),
    ],
)
def test_registrable_domain(host: str, expected: str | None) -> None:
    assert registrable_domain(host) == expected


def test_cdn_host_gives_customer_label_as_weaker_evidence() -> None:
    label, source = host_label("harbour-daily.cloudfront.net", what="image URL")
    assert label == "harbour-daily"
    assert "weaker evidence" in source and "cloudfront.net" in source
    assert host_label("cdn.images.cloudfront.net", what="image URL") is None  # nothing specific
    label, source = host_label("static.example.net", what="URL")
    assert (label, "weaker" in source) == ("example.net", False)


@pytest.mark.parametrize(
    ("address", "expected"),
    [("letters@example.com", "example.com"), ("someone@gmail.com", None)],
)
def test_email_label(address: str, expected: str | None) -> None:
    found = email_label(address, where="the contact line on line 9")
    assert (found[0] if found else None) == expected


def test_manifest_yaml_and_csv() -> None:
    entries, notices = parse_manifest(
        "a.txt: Harbour Daily\nb: {outlet: Valley Post, url: 'https://valley.example', "
        "date: '2021-01-02'}\n",
        name="sources.yaml",
    )
    assert notices == []
    assert entries["a.txt"].outlet == "Harbour Daily"
    assert (entries["b"].url, entries["b"].date) == ("https://valley.example", "2021-01-02")
    entries, _ = parse_manifest("file,outlet,url,date\nc.md,Hill Times,,\n", name="sources.csv")
    assert entries["c.md"].outlet == "Hill Times" and entries["c.md"].url is None


@pytest.mark.parametrize(
    "text",
    ["a: &x [1]\nb: *x\n", "- just\n- a list\n", "a: [unclosed\n", "!!python/name:os.system"],
)
def test_bad_manifest_is_ignored_with_a_notice(text: str) -> None:
    entries, notices = parse_manifest(text, name="sources.yaml")
    assert entries == {} and notices


@pytest.mark.parametrize(
    "name",
    [n for n in lexicons.data_files() if n.startswith(("ingest_", "boilerplate_"))],
)
def test_our_data_files_name_source_and_licence(name: str) -> None:
    head = " ".join(lexicons.header(name))
    assert "source:" in head and "licence:" in head
    assert lexicons.entries(name)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bangkokpost.co.th/world/1", "bangkokpost.co.th"),
        ("https://e.vnexpress.com.vn/news/1", "vnexpress.com.vn"),
        ("https://www.thejakartapost.co.id/a", "thejakartapost.co.id"),
        ("https://english.ahram.org.eg/News/1.aspx", "ahram.org.eg"),
    ],
)
def test_outlet_from_a_url_under_a_two_label_suffix(url: str, outlet: str) -> None:
    """The outlet is the registrable domain, never the public suffix ("co.th")."""
    host = url_host(url)
    assert host is not None
    found = host_label(host, what="canonical URL")
    assert found is not None and found[0] == outlet
