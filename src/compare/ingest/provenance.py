"""Publication dates and outlet labels, each with the evidence it came from.

Why provenance: a reader must be able to check every label and date in the
report against the input, so each comes with a sentence saying where it was
found (field and line), and nothing is guessed from writing style.

Date precedence (first usable wins; the others are compared and any
disagreement becomes a notice, never an error):

1. the sources manifest entry (the user's own statement about the file);
2. front matter ``date``, then ``published`` (the publisher's metadata);
3. an inline header ``date YYYY-MM-DD`` at the start of the body (often an
   aggregator's crawl date, hence last).

Dates are calendar dates as the source wrote them: a time with an offset keeps
its own day (the day the outlet printed), an epoch is read in UTC; the
machine's time zone is never used, so ``TZ`` cannot change a report.
Anything outside 1900-2099, any epoch that is not positive, and anything
unparseable is reported as "unparseable date" (a well-formed date outside those
years as "date outside 1900-2099").

Outlet precedence: manifest ``outlet`` > front matter ``outlet``/``source``/
``site_name``/``publisher`` > the host of a URL (manifest ``url``, front
matter ``url``/``canonical_url``, then ``image``) > the domain of an e-mail
address on a contact line > the file name (a neutral label, said so).

Saved web pages and JSON records follow the same order with their own
fields in the front matter's place (``choose_outlet``): for a page
``og:site_name``, then the JSON-LD publisher's name, then the hosts of its
canonical URL, ``og:url`` and "saved from" address; for a record
``outlet``/``site_name``/``publisher``/``source``, then ``source_domain``,
then the host of ``url``.  Their dates: for a page the JSON-LD
``datePublished``, then ``article:published_time``-style meta tags, then
``itemprop="datePublished"``, and only when none of these exists the date
trafilatura's htmldate finds in the markup; for a record ``date_publish``,
``publish_date``, ``date_published``, ``datePublished``, ``published``,
``date``.  A manifest entry still comes first.

A sources manifest (``sources.yaml``/``sources.yml``/``sources.csv`` beside the
articles, or ``--sources FILE``) names an article by file name, by article
id, or for a record inside a JSON Lines archive by its id or
``archive.jsonl:LINE``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from compare.text import lexicons

_FIRST, _LAST = date(1900, 1, 1), date(2099, 12, 31)
_EPOCH = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?[ ]?(Z|[+-]\d{2}:?\d{2})?)?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"([A-Za-z]{3,9})\.?"
_US = re.compile(_MONTH + r" (\d{1,2}),? (\d{4})")
_UK = re.compile(r"(\d{1,2}) " + _MONTH + r",? (\d{4})")
INLINE_HEADER = re.compile(r"[ \t\r\n]*((?i:date):?[ \t]+(\d{1,5}-\d{1,2}-\d{1,2}))(?=\s|\Z)")
# A line that holds a date and nothing else, as plain-text exports print it under the
# headline ("March 2, 2026", "Monday, 2 March 2026"): the article's date, not its text.
# The date as such a line writes it, its weekday optional: also how a date line in a
# byline block reads (``boilerplate``).
NAMED_DATE = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.?,? \d{4})"
# "Tuesday 11 March 2025", "Tue 11 Mar 2025": the weekday in full or abbreviated.
WEEKDAY = (
    r"(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?[ \t]+)?"
)
DATE_LINE = re.compile(rf"[ \t\r\n]*({WEEKDAY}({NAMED_DATE}))[ \t]*(?=\r?\n|\Z)")
_GENERIC_LABELS = frozenset(
    {"www", "cdn", "img", "images", "image", "static", "assets", "media", "api", "s3", "files"}
    | {"content", "uploads", "i", "dims", "photos", "pics", "storage", "default", "prod"}
)


@dataclass(frozen=True)
class DateClaim:
    """A raw date found somewhere, before parsing; ``where`` names the place."""

    raw: str
    where: str
    line: int | None = None

    @property
    def place(self) -> str:
        """Where, with the line when there is one."""
        return self.where if self.line is None else f"{self.where}, line {self.line}"


def parse_date(raw: str) -> tuple[date, str] | None:
    """The calendar date (an ISO time's own day, an epoch's in UTC) and its form, or None.

    >>> parse_date("1602977989.797736")
    (datetime.date(2020, 10, 17), 'epoch 1602977989.797736')
    >>> parse_date("2020-02-30") is None, parse_date(".nan") is None
    (True, True)
    """
    raw = raw.strip()
    try:
        if _EPOCH.fullmatch(raw):
            seconds = Decimal(raw)
            if not seconds.is_finite() or seconds <= 0 or seconds > Decimal(4102444800):
                return None
            when = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=int(seconds))
            return _bounded(when.date(), f"epoch {raw}")
        if m := _ISO.fullmatch(raw):
            return _bounded(_iso(m), repr(raw))
        if m := _US.fullmatch(raw):
            return _bounded(_named(m[1], m[2], m[3]), repr(raw))
        if m := _UK.fullmatch(raw):
            return _bounded(_named(m[2], m[1], m[3]), repr(raw))
    except (ValueError, OverflowError, InvalidOperation):
        return None
    return None


def _bounded(day: date | None, form: str) -> tuple[date, str] | None:
    return (day, form) if day is not None and _FIRST <= day <= _LAST else None


def _iso(m: re.Match[str]) -> date:
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    if m[4] is None:
        return date(year, month, day)
    when = datetime(year, month, day, int(m[4]), int(m[5]), int(m[6] or 0))
    if m[7] and m[7] != "Z":
        sign = 1 if m[7][0] == "+" else -1
        digits = m[7][1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        when = when.replace(tzinfo=timezone(sign * offset))  # a malformed offset raises
    # The day the outlet's own clock showed: "2025-03-11T23:20:00-04:00" is the 11th, as
    # a page's "Published March 11, 11:58 p.m. ET" is.  Read blind (fifteenth round), a
    # time converted to UTC dated two copies of one evening a day apart.
    return when.date()


def _named(month: str, day: str, year: str) -> date | None:
    key = month[:3].casefold()
    if key not in _MONTHS:
        return None
    return date(int(year), _MONTHS.index(key) + 1, int(day))


def _out_of_range(raw: str) -> bool:
    """A well-formed ISO date whose year lies outside 1900-2099 ("9999-12-31").

    >>> _out_of_range("9999-12-31"), _out_of_range("2020-13-45"), _out_of_range("soon")
    (True, False, False)
    """
    m = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)\b", raw)
    return m is not None and not 1900 <= int(m[1]) <= 2099 and 1 <= int(m[2]) <= 12


def choose_date(claims: list[DateClaim]) -> tuple[str | None, str, list[str]]:
    """Apply the documented precedence to claims given in that order.

    Returns (ISO date or None, provenance sentence, notices).
    """
    notices: list[str] = []
    chosen: tuple[date, str, DateClaim] | None = None
    for claim in claims:
        parsed = parse_date(claim.raw)
        if parsed is None:
            what = "date outside 1900-2099" if _out_of_range(claim.raw) else "unparseable date"
            notices.append(f"{what} {claim.raw[:60]!r} in {claim.place}; ignored")
            continue
        day, form = parsed
        if chosen is None:
            chosen = (day, form, claim)
        elif day != chosen[0]:
            notices.append(
                f"dates disagree: {chosen[0].isoformat()} from {chosen[2].place} and "
                f"{day.isoformat()} from {claim.place}; using {chosen[0].isoformat()} "
                "(see the date precedence in the method notes)"
            )
    if chosen is None:
        return None, "no usable date found" if claims else "no date in the file", notices
    day, form, claim = chosen
    source = claim.where if claim.raw.strip() in claim.where else f"{claim.where} ({form})"
    if claim.line is not None:
        source += f", line {claim.line}"
    if any(n.startswith("dates disagree") for n in notices):
        source += "; other dates in the file disagree, see warnings"
    return day.isoformat(), source, notices


def registrable_domain(host: str) -> str | None:
    """The domain an organisation registers: ``api.example.co.uk`` -> ``example.co.uk``.

    Why the Public Suffix List: where the registrable part starts is a fact
    of each registry (``co.uk``, ``co.th``, ``com.vn``, ``org.eg``, thousands
    more), which a hand-kept list gets wrong for every suffix it lacks.  The
    list comes from ``tld``, as the snapshot it bundles (never fetched).
    Only its ICANN section counts: a private suffix such as ``cloudfront.net``
    names a hosting service, which ``host_label`` handles itself.  A
    top-level domain the list lacks (``.example``, an intranet name) is one
    label, the list's own default rule ("*").

    >>> registrable_domain("www.bbc.co.uk"), registrable_domain("news.example.co.th")
    ('bbc.co.uk', 'example.co.th')
    """
    labels = [label for label in host.lower().rstrip(".").split(".") if label]
    if len(labels) < 2 or labels[-1].isdigit() or not all(_LABEL.fullmatch(x) for x in labels):
        return None
    from tld import get_tld
    from tld.exceptions import TldDomainNotFound

    try:
        found = get_tld(".".join(labels), fix_protocol=True, as_object=True, search_private=False)
    except TldDomainNotFound:
        return ".".join(labels[-2:])
    if found is None or isinstance(found, str) or found.fld == found.tld:  # a suffix itself
        return None
    return str(found.fld)


_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def url_host(url: str) -> str | None:
    """Host of an http(s) URL, or None for other schemes and malformed URLs."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return host


def host_label(host: str, *, what: str) -> tuple[str, str] | None:
    """(label, provenance) for a host, marking CDN hosts as weaker evidence."""
    domain = registrable_domain(host)
    if domain is None:
        return None
    if domain not in lexicons.words("ingest_cdn_domains.txt"):
        return domain, f"registrable domain of {host}, the host of the {what}"
    customer = next(
        (x for x in host.lower().split(".")[: -len(domain.split("."))] if x not in _GENERIC_LABELS),
        None,
    )
    if customer is None:
        return None
    return customer, (
        f"first label of {host}, the host of the {what}; {domain} is a CDN or hosting "
        "service, so this is its customer's name (weaker evidence than the outlet's own domain)"
    )


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_label(value: str) -> str | None:
    """One line of printable text (titles and labels), or None when empty.

    >>> clean_label("  The   Herald ")
    'The Herald'
    """
    cleaned = " ".join(_CONTROL.sub(" ", value).split())[:200]
    return cleaned or None


def choose_outlet(
    named: Sequence[tuple[str, str]], urls: Sequence[tuple[str, str]]
) -> tuple[str, str] | None:
    """(label, provenance) from the first usable evidence, or None.

    ``named`` are (label, where) pairs the publisher stated (a label that is a
    URL or a bare domain gives its registrable domain); ``urls`` are
    (url, what) pairs whose host names the outlet (CDN hosts handled by
    ``host_label``).  Both are in precedence order, names first.

    >>> choose_outlet([("", "x"), ("Harbour Times", "og:site_name")], [])
    ('Harbour Times', 'og:site_name')
    >>> choose_outlet([], [("https://www.harbour-times.example/a", "canonical URL")])[0]
    'harbour-times.example'
    """
    for value, where in named:
        if (label := clean_label(value)) is None:
            continue
        if (host := url_host(label)) is not None and (found := host_label(host, what=where)):
            return found
        if _BARE_DOMAIN.fullmatch(label) and (domain := registrable_domain(label)):
            same = domain == label.lower().rstrip(".")
            return domain, where if same else f"registrable domain of {label} in {where}"
        return label, where
    for url, what in urls:
        if (host := url_host(url)) and (found := host_label(host, what=what)):
            return found
    return None


_BARE_DOMAIN = re.compile(r"(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}\.?")


def email_label(address: str, *, where: str) -> tuple[str, str] | None:
    """(label, provenance) from an e-mail address; webmail domains say nothing."""
    domain = registrable_domain(address.rpartition("@")[2])
    if domain is None or domain in lexicons.words("ingest_webmail_domains.txt"):
        return None
    if domain in lexicons.words("ingest_cdn_domains.txt"):
        return None
    return domain, f"domain of e-mail address {address} in {where}"


@dataclass(frozen=True)
class ManifestEntry:
    """What a sources manifest says about one file; ``where`` names the entry."""

    where: str
    outlet: str | None = None
    url: str | None = None
    date: str | None = None


MANIFEST_NAMES = ("sources.yaml", "sources.yml", "sources.csv")


def parse_manifest(text: str, *, name: str) -> tuple[dict[str, ManifestEntry], list[str]]:
    """Entries keyed by file name or article id, plus notices; never raises.

    YAML: ``file-or-id: outlet`` or ``file-or-id: {outlet, url, date}``.
    CSV: a header row with ``file`` (or ``id``), ``outlet``, ``url``, ``date``.
    """
    rows: list[tuple[str, dict[str, str]]] = []
    notices: list[str] = []
    if name.lower().endswith(".csv"):
        rows = _csv_rows(text, notices)
    else:
        from compare.ingest.frontmatter import safe_compose

        try:
            # A manifest lists every article, so its size (capped by the reader)
            # bounds it, not the front-matter item limit: a few thousand entries
            # were ignored (issue #19).  Every YAML event takes at least a byte.
            node = safe_compose(text, max_events=len(text) + 16)
        except ValueError as exc:
            # safe_compose words its errors for front matter; a manifest is a YAML file
            why = str(exc).replace("malformed front matter", "not valid YAML")
            return {}, [f"sources manifest {name}: {why.replace('front matter', 'YAML')}; ignored"]
        rows = _yaml_rows(node, notices)
    entries: dict[str, ManifestEntry] = {}
    for key, values in rows:
        key = key.strip()
        if not key:
            continue
        _check_fields(values, name=name, key=key)
        clean = {k: v.strip() for k, v in values.items() if v and v.strip()}
        where = f"sources manifest {name}, entry {key!r}"
        entries[key] = ManifestEntry(
            where, clean.get("outlet"), clean.get("url"), clean.get("date")
        )
    return entries, [f"sources manifest {name}: {n}" for n in notices]


MANIFEST_FIELDS = ("outlet", "url", "date")
_KEY_COLUMNS = ("file", "id")


def _check_fields(values: dict[str, str], *, name: str, key: str) -> None:
    """Refuse a field the manifest does not know, naming the nearest known one (#16).

    Why an error rather than a notice: a misspelt ``dte:`` silently dropped
    the date it was meant to set, and the report then said something else.
    """
    import difflib

    from compare.errors import UsageError

    for field in values:
        if field in MANIFEST_FIELDS or field in _KEY_COLUMNS:
            continue
        near = difflib.get_close_matches(field.lower(), MANIFEST_FIELDS, n=1, cutoff=0.5)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        known = ", ".join(MANIFEST_FIELDS)
        raise UsageError(
            f"sources manifest {name}, entry {key!r}: unknown key {field!r}{hint} "
            f"(known keys: {known})"
        )


def _csv_rows(text: str, notices: list[str]) -> list[tuple[str, dict[str, str]]]:
    import csv
    import io

    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        key = "file" if "file" in fields else "id" if "id" in fields else None
        if key is None:
            notices.append("no `file` column; ignored")
            return []
        out = []
        for row in reader:
            low = {
                (k or "").strip().lower(): (v or "") for k, v in row.items() if isinstance(v, str)
            }
            out.append((low.get(key, ""), low))
        return out
    except csv.Error as exc:
        notices.append(f"not readable as CSV ({exc}); ignored")
        return []


def _yaml_rows(node: object, notices: list[str]) -> list[tuple[str, dict[str, str]]]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        notices.append("not a mapping of file names to sources; ignored")
        return []
    out = []
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            notices.append("an entry whose key is not a file name was ignored")
        elif isinstance(value, yaml.ScalarNode):
            out.append((key.value, {"outlet": value.value}))
        elif isinstance(value, yaml.MappingNode):
            fields = {
                k.value: v.value
                for k, v in value.value
                if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)
            }
            out.append((key.value, fields))
        else:
            notices.append(f"entry {key.value!r} is not an outlet or a mapping; ignored")
    return out
