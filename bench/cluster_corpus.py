"""A labelled corpus for the story-grouping benchmark, generated, never shipped.

Why generated: grouping must be measured on thousands of articles with known
story labels, and no such archive can be shipped legally.  Every run builds
the same corpus from a seed: invented events across topics (a flood, a
strike, a truce, a court ruling …) in invented places with invented people,
each reported by two to six outlets from one "wire copy", the way outlets
really cover an event, with the perturbations that make grouping hard:

* **reworded**: synonyms swapped, attributions moved ("X said Y" → "Y, X
  said"), numbers written in words;
* **cut**: an outlet keeps only the first sentences, or drops some;
* **merged**: two sentences joined into one, or a short unrelated "in other
  news" item appended (the article still belongs to its main event);
* **re-dated**: published a day or two later, or with no date at all.

Hard negatives: a quarter of the events have a *follow-up* 6 to 14 days later
in the same place with the same people and the same background paragraph
(the seeds' two truces a week apart), which is a different story; and every
topic recurs hundreds of times with the same vocabulary, so grouping by topic
alone fails.  A record is ``{"id", "title", "text", "date", "url", "source",
"story"}``; ``story`` is the label (the ingest ignores it).

>>> records = generate(60, seed=1)
>>> len(records), len({r["story"] for r in records}) < 60
(60, True)
>>> generate(60, seed=1) == records
True
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

from compare.model import Article, Span
from compare.text.offsets import LineIndex


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Anna Maria Jonas Pieter Lucia Tomas Elena Farid Grace Omar Ingrid Kofi Leila Marco Nadia "
    "Ruth Samuel Tanya Viktor Yusuf Helen David Priya Rafael Sofia Daniel Amara Henrik Chloe Ivan "
    "Aiko Bruno Carmen Dmitri Esther Felix Gita Hugo Irene Jamal Katja Lars Mona Nikolai Olga "
    "Pablo Rosa Stefan Thea Umar Vera Wanda Xavier Yara Zoran Alice Boris Clara Emil Fatima"
)
SYLLABLES = _words(
    "var nol ed der kel by strom hal wick ton mar ash fen brook ril dun oss cra ven lin "
    "tor bel gar hol mer pen quin rad sel tam ulv wen yar zol bra cor dal fin grim hav "
    "ak bro cas dor el fal gun hest is jor kam lo mun nev or pol rus sab tin ub vol wyn "
    "bal cen dru esk gol hen ist jun kor lun mor nib ot pim rok sun tre ur vas zan"
)
ENDINGS = ("by", "ton", "holt", "field", "stead", "wick", "mouth", "ford", "ness", "vale", "ia")
OUTLETS = [
    f"The {a} {b}"
    for a in ("Northern", "Valley", "Coastal", "Daily", "Evening", "National", "Metro")
    for b in ("Gazette", "Herald", "Courier", "Post", "Times", "Chronicle", "Observer")
]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = {
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
    "10": "ten",
    "12": "twelve",
}

# Topic -> (headlines, facts, background); slots are filled per event.
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "flood": (
        ("Floods cut off {place} after {day} storm", "{place} residents evacuated as river rises"),
        (
            "Flash floods swept through {place} on {day}, forcing {n1} families from their homes.",
            "The river {river} rose {n2} metres in six hours, the {org} said.",
            "Rescue crews used boats to reach {n3} people stranded on roofs in the old town.",
            "{p1}, the {role1}, said the {bridge} bridge would stay shut until engineers check it.",
            "Schools in {place} and {place2} will remain shut until {day2}, officials said.",
            "Insurers estimated the damage at {money} million, according to {p2}.",
            "Forecasters expect more rain over the {region} hills later in the week.",
            "Volunteers handed out sandbags at the {place} market hall through the night.",
            "Power was cut to {n4} homes when a substation near {place2} flooded.",
        ),
        (
            "{place} lies where the {river} meets two mountain streams and has flooded before.",
            "A flood wall promised after the last disaster was never finished, residents said.",
        ),
    ),
    "strike": (
        ("{org} workers strike over pay in {place}", "Walkout halts {org} across {region}"),
        (
            "Workers at {org} walked out on {day} in a dispute over pay and shift patterns.",
            "The union said {n1} members joined the strike at {n3} sites around {place}.",
            "{p1}, the {role1}, called the company's offer of {n2} per cent an insult.",
            "The company said it had offered the largest rise in a decade, {p2} told reporters.",
            "Deliveries to shops in {place2} were delayed by up to {n4} hours.",
            "Talks are due to resume on {day2} with a mediator from the {region} labour board.",
            "The strike is expected to cost the regional economy {money} million a week.",
            "Pickets gathered outside the main gate before dawn, carrying union banners.",
        ),
        (
            "Pay at {org} has fallen behind inflation for three years, the union says.",
            "The last strike at the company, two years ago, lasted eleven days.",
        ),
    ),
    "truce": (
        ("{faction} and {faction2} agree new truce", "Ceasefire in {region} fails to hold"),
        (
            "{faction} and {faction2} announced a ceasefire in {region} starting at midnight.",
            "The truce was brokered by {p1}, the {role1}, after talks in {place}.",
            "Within hours both sides accused each other of shelling villages near {place2}.",
            "Officials in {region} said {n1} fighters and {n3} civilians had been killed so far.",
            "{p2} urged both sides to respect the deal and allow aid convoys through.",
            "Aid agencies said {n4} thousand people had fled their homes since the fighting began.",
            "The agreement allows the exchange of prisoners and the recovery of bodies.",
            "Monitors from {org} are due to arrive in {place} on {day2}.",
        ),
        (
            "{region} lies inside {faction} territory but has been run by {faction2} for decades.",
            "Fighting over {region} resumed in the autumn after years of uneasy calm.",
        ),
    ),
    "court": (
        ("Court rules against {org} in {place} case", "Judge orders {org} to pay {money} million"),
        (
            "A court in {place} ruled on {day} that {org} had broken safety rules.",
            "Judge {p1} ordered the company to pay {money} million in damages.",
            "The case was brought by {n1} former employees who said they were exposed to fumes.",
            "Lawyers for {org} said they would appeal the ruling to the {region} high court.",
            "{p2}, who led the claim, said the verdict was a victory for ordinary workers.",
            "The trial heard evidence from {n3} witnesses over {n2} weeks.",
            "Shares in {org} fell {n4} per cent after the verdict was announced.",
        ),
        (
            "{org} has operated its plant on the edge of {place} since the 1970s.",
            "Regulators fined the company twice in the past decade over emissions.",
        ),
    ),
    "fire": (
        ("Fire destroys {building} in {place}", "Blaze guts {place} {building}"),
        (
            "A fire destroyed the {building} in {place} overnight on {day}, the fire service said.",
            "{n1} firefighters fought the blaze for {n2} hours before bringing it under control.",
            "Nobody was hurt, but {n3} residents of nearby flats were moved to a sports hall.",
            "{p1}, the {role1}, said the cause was not yet known.",
            "Investigators from {org} will examine the site on {day2}.",
            "Smoke could be seen from {place2}, {n4} kilometres away, witnesses said.",
            "The building had been restored at a cost of {money} million, {p2} said.",
        ),
        (
            "The {building} was built in the nineteenth century and is a listed landmark.",
            "A smaller fire damaged its roof in a storm some years ago.",
        ),
    ),
    "election": (
        ("{p1} wins {place} mayoral race", "{place} elects {p1} as mayor"),
        (
            "{p1} won the mayoral election in {place} on {day} with {n2} per cent of the vote.",
            "Turnout was {n3} per cent, the highest in the city for two decades.",
            "{p2}, the outgoing {role2}, conceded defeat shortly after midnight.",
            "{p1} promised to build {n1} affordable homes and reopen the {bridge} rail line.",
            "Counting was delayed in {place2} after a power cut at the town hall.",
            "The {org} party lost control of the council for the first time since the war.",
            "Observers from {region} said the vote had been free and fair.",
        ),
        (
            "{place} has been governed by the {org} party for most of the past forty years.",
            "The city's budget has been under strain since the closure of its shipyards.",
        ),
    ),
    "quake": (
        ("Earthquake shakes {region}", "Quake damages homes around {place}"),
        (
            "An earthquake of magnitude {mag} struck {region} on {day}, seismologists said.",
            "The epicentre was {n2} kilometres south of {place} at a shallow depth.",
            "At least {n1} buildings were damaged and {n3} people were treated in hospital.",
            "{p1}, the {role1}, said search teams were checking collapsed houses in {place2}.",
            "Aftershocks continued through the night, keeping residents in the streets.",
            "The {org} sent {n4} tents and blankets to families whose homes were unsafe.",
            "Rail services across {region} were suspended while tracks were inspected.",
        ),
        (
            "{region} sits on a fault line and suffered a deadly quake half a century ago.",
            "Building rules were tightened after that disaster, but many older homes remain.",
        ),
    ),
    "trade": (
        ("{faction} and {faction2} sign trade deal", "Trade pact cuts tariffs on {goods}"),
        (
            "{faction} and {faction2} signed a trade agreement in {place} on {day}.",
            "The deal removes tariffs on {goods} and cuts duties on {n1} other products.",
            "{p1}, the {role1}, said it would add {money} million to exports each year.",
            "Farmers' groups in {region} warned that cheaper imports would hurt small producers.",
            "The agreement must still be approved by both parliaments, {p2} said.",
            "Negotiations took {n2} rounds over {n3} months, officials said.",
            "Exporters of {goods} saw their shares rise {n4} per cent on the news.",
        ),
        (
            "Trade between {faction} and {faction2} has doubled over the past decade.",
            "An earlier attempt at a deal collapsed over farm subsidies.",
        ),
    ),
    "sport": (
        ("{place} win {cup} final", "{place} lift the {cup} after {n2}-{n3} win"),
        (
            "{place} won the {cup} final on {day}, beating {place2} {n2}-{n3}.",
            "{p1} scored twice in the second half before a crowd of {n1} thousand.",
            "The {role1}, {p2}, said the win was the best day of his career.",
            "It is the club's first major trophy in {n4} years.",
            "{place2} had led at half-time after a header from their captain.",
            "Fans celebrated in the streets of {place} until the early hours.",
            "The {org} fined both clubs after flares were thrown onto the pitch.",
        ),
        (
            "{place} were relegated only three seasons ago and were close to bankruptcy.",
            "The {cup} is the oldest club competition in {region}.",
        ),
    ),
    "health": (
        ("Outbreak of {disease} in {place}", "{place} hospitals treat {n1} for {disease}"),
        (
            "Health officials in {place} confirmed an outbreak of {disease} on {day}.",
            "{n1} people have been treated in hospital and {n3} remain in intensive care.",
            "{p1}, the {role1}, said the source was probably a contaminated water supply.",
            "Residents of {place2} were told to boil tap water until further notice.",
            "The {org} sent a team of {n4} specialists to trace contacts.",
            "Schools and swimming pools in the district were closed as a precaution.",
            "{p2} said cases had risen {n2} per cent in a week.",
        ),
        (
            "{place} had a smaller outbreak of {disease} four years ago.",
            "Its water treatment plant has been waiting for an upgrade since then.",
        ),
    ),
}
ORG_WORDS = ("Water Board", "Transit Authority", "Steelworks", "Logistics", "Red Cross", "Union")
ROLES = ("mayor", "regional governor", "fire chief", "spokeswoman", "minister", "coach", "director")
BUILDINGS = ("town hall", "old library", "cathedral", "market hall", "opera house", "museum")
GOODS = ("wheat", "steel", "wine", "timber", "cars", "textiles", "coffee", "fish")
DISEASES = ("cholera", "legionnaires' disease", "measles", "hepatitis A", "typhoid")
CUPS = ("Regional Cup", "Federation Trophy", "League Shield", "Coastal Cup")

SYNONYMS = (
    ("said", "stated"),
    ("officials", "authorities"),
    ("people", "residents"),
    ("destroyed", "gutted"),
    ("announced", "declared"),
    ("killed", "left dead"),
    ("warned", "cautioned"),
    ("homes", "houses"),
    ("started", "began"),
    ("damaged", "hit"),
    ("company", "firm"),
    ("expected", "forecast"),
    ("told reporters", "said"),
    ("at least", "more than"),
    ("promised", "pledged"),
    ("closed", "shut"),
)
OTHER_NEWS = "In other news, "
# Details every event has its own of: what keeps two floods in two towns apart.
DETAILS = (
    "{p3}, a {job} from {place}, said {quote}.",
    "{p3}, who runs a {shop} on {street} Street, said {quote}.",
    "The {org2} said it would {action} by the end of {month}.",
    "A spokesperson for the {org2} declined to comment on the {concern}.",
    "Local radio station {station} FM reported {n5} calls from worried listeners.",
    "{p4}, {age}, told the {outlet_word} that {quote}.",
    "Residents of {street} Street said the {concern} had been raised at a meeting in {month}.",
    "The {org2} will publish a report on the {concern} in {month}, {p4} said.",
)
JOBS = (
    "teacher",
    "nurse",
    "bus driver",
    "baker",
    "retired engineer",
    "farmer",
    "student",
    "shopkeeper",
    "pharmacist",
    "taxi driver",
    "carpenter",
    "librarian",
    "fisherman",
)
SHOPS = ("bakery", "hardware store", "café", "pharmacy", "bookshop", "butcher's", "florist")
QUOTES = (
    "nobody had warned them in time",
    "the whole street had come out to help",
    "it was the worst thing she had seen in forty years",
    "the authorities had been too slow to act",
    "people were frightened but calm",
    "he hoped the council would learn from this",
    "they had lost almost everything",
    "the neighbours had taken them in for the night",
    "nobody expected it to happen so quickly",
    "she would not be moving away despite everything",
    "the response had been better than last time",
    "families needed answers, not promises",
)
ACTIONS = (
    "review its procedures",
    "set up a hardship fund",
    "hold a public inquiry",
    "hire more inspectors",
    "open a help centre",
    "compensate those affected",
    "replace the equipment",
    "publish its findings",
    "meet community leaders",
)
CONCERNS = (
    "safety record",
    "delays",
    "cost overruns",
    "warning system",
    "maintenance backlog",
    "staff shortages",
    "complaints",
    "budget cuts",
)
MONTHS = ("January", "March", "April", "June", "September", "October", "November")
OUTLET_WORDS = ("paper", "broadcaster", "news agency", "local press")


def _name(rng: random.Random, syllables: int = 2) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(syllables)) + rng.choice(ENDINGS)
    return word.capitalize()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {_name(rng)}"


def _slots(rng: random.Random, day: date) -> dict[str, str]:
    return {
        "place": _name(rng),
        "place2": _name(rng),
        "region": _name(rng, 3),
        "river": _name(rng),
        "bridge": _name(rng),
        "faction": _name(rng),
        "faction2": _name(rng),
        "p1": _person(rng),
        "p2": _person(rng),
        "role1": rng.choice(ROLES),
        "role2": rng.choice(ROLES),
        "org": f"{_name(rng)} {rng.choice(ORG_WORDS)}",
        "building": rng.choice(BUILDINGS),
        "goods": rng.choice(GOODS),
        "disease": rng.choice(DISEASES),
        "cup": rng.choice(CUPS),
        "mag": f"{rng.randint(40, 72) / 10:.1f}",
        "money": str(rng.randint(2, 900)),
        "day": WEEKDAYS[day.weekday()],
        "day2": rng.choice(WEEKDAYS),
        "p3": _person(rng),
        "p4": _person(rng),
        "job": rng.choice(JOBS),
        "shop": rng.choice(SHOPS),
        "street": _name(rng),
        "quote": rng.choice(QUOTES),
        "org2": f"{_name(rng)} {rng.choice(ORG_WORDS)}",
        "action": rng.choice(ACTIONS),
        "concern": rng.choice(CONCERNS),
        "month": rng.choice(MONTHS),
        "station": _name(rng),
        "age": str(rng.randint(19, 88)),
        "outlet_word": rng.choice(OUTLET_WORDS),
        "n5": str(rng.randint(20, 900)),
        **{
            f"n{k}": str(rng.choice((rng.randint(2, 12), rng.randint(13, 2000))))
            for k in range(1, 5)
        },
    }


def _event(
    rng: random.Random,
    label: str,
    topic: str,
    slots: dict[str, str],
    day: date,
    avoid: Sequence[int] = (),
) -> dict:
    headlines, facts, background = TOPICS[topic]
    pool = [k for k in range(1, len(facts)) if k not in avoid]
    chosen = sorted(rng.sample(pool, k=min(len(pool), rng.randint(3, 5))))
    details = rng.sample(DETAILS, k=rng.randint(3, 4))
    wire = [facts[k].format(**slots) for k in [0, *chosen]]
    for detail in details:  # the event's own details, among the facts
        wire.insert(rng.randint(2, len(wire)), detail.format(**slots))
    return {
        "label": label,
        "day": day,
        "facts": chosen,
        "headlines": [h.format(**slots) for h in headlines],
        "wire": wire,
        "background": [b.format(**slots) for b in background],
    }


def _reword(rng: random.Random, sentence: str) -> str:
    for old, new in SYNONYMS:
        if old in sentence and rng.random() < 0.6:
            sentence = sentence.replace(old, new, 1)
    for digits, words in NUMBER_WORDS.items():
        if f" {digits} " in sentence and rng.random() < 0.5:
            sentence = sentence.replace(f" {digits} ", f" {words} ", 1)
    head, sep, tail = sentence.partition(", the ")
    if sep and rng.random() < 0.3 and " said " in tail:
        sentence = f"{head}, according to the {tail.replace(' said ', ' who said ', 1)}"
    return sentence


def _article(rng: random.Random, event: dict, others: Sequence[dict]) -> tuple[str, str, str]:
    """(title, text, date) of one outlet's version of ``event``."""
    wire = list(event["wire"])
    if rng.random() < 0.5:  # cut: keep the top, or drop a few
        wire = wire[: rng.randint(4, len(wire))]
    else:
        wire = [s for k, s in enumerate(wire) if k < 2 or rng.random() < 0.8]
    if rng.random() < 0.6:  # reworded
        wire = [_reword(rng, s) if rng.random() < 0.7 else s for s in wire]
    if rng.random() < 0.25 and len(wire) > 3:  # merged sentences
        k = rng.randint(1, len(wire) - 2)
        wire[k : k + 2] = [
            wire[k].rstrip(".") + ", and " + wire[k + 1][0].lower() + wire[k + 1][1:]
        ]
    paragraphs = wire[:]
    if rng.random() < 0.7:
        at = rng.randint(2, len(paragraphs))
        paragraphs[at:at] = [" ".join(event["background"])]
    if others and rng.random() < 0.1:  # merged: a short unrelated item at the end
        other = rng.choice(others)
        paragraphs.append(OTHER_NEWS + other["wire"][0][0].lower() + other["wire"][0][1:])
    day = event["day"] + timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))  # re-dated
    published = "" if rng.random() < 0.08 else day.isoformat()
    title = rng.choice(event["headlines"])
    if rng.random() < 0.3:
        title = _reword(rng, title)
    return title, "\n\n".join(paragraphs), published


def generate(n_articles: int, *, seed: int = 0, days: int | None = None) -> list[dict]:
    """``n_articles`` labelled records over ``days`` days (default: grows with the corpus)."""
    rng = random.Random(seed)
    span = days or max(60, n_articles // 12)  # about a dozen articles a day, as a news desk
    start = date(2021, 1, 1)
    events: list[dict] = []
    sizes: list[int] = []
    total = 0
    while total < n_articles:
        topic = rng.choice(sorted(TOPICS))
        day = start + timedelta(days=rng.randrange(span))
        slots = _slots(rng, day)
        label = f"s{len(events):06d}"
        events.append(_event(rng, label, topic, slots, day))
        sizes.append(min(rng.choice((2, 2, 3, 3, 4, 4, 5, 6)), n_articles - total))
        total += sizes[-1]
        if rng.random() < 0.25 and total < n_articles:  # follow-up: same place, new event
            later = day + timedelta(days=rng.randint(6, 14))
            follow = {**_slots(rng, later), **{k: slots[k] for k in _KEPT}}
            label = f"s{len(events):06d}"
            event = _event(rng, label, topic, follow, later, avoid=events[-1]["facts"])
            event["background"] = events[-1]["background"]
            events.append(event)
            sizes.append(min(rng.choice((2, 3, 4)), n_articles - total))
            total += sizes[-1]
    records = []
    for event, size in zip(events, sizes, strict=True):
        outlets = rng.sample(OUTLETS, k=size)
        neighbours = [events[rng.randrange(len(events))] for _ in range(3)]
        for outlet in outlets:
            title, text, published = _article(rng, event, [e for e in neighbours if e is not event])
            rid = hashlib.sha1(f"{seed}:{len(records)}".encode()).hexdigest()[:12]
            slug = outlet.lower().replace(" ", "")
            records.append(
                {
                    "id": rid,
                    "title": title,
                    "text": text,
                    "date": published,
                    "url": f"https://{slug}.example/{rid}",
                    "source": outlet,
                    "story": event["label"],
                }
            )
    rng.shuffle(records)
    return records


# What a follow-up shares with the first event: the place and the main actors, not the facts.
_KEPT = ("place", "region", "river", "faction", "faction2", "p1", "org")


def write_jsonl(records: Iterable[dict], path: Path) -> Path:
    """The records as a JSON Lines archive that ``compare`` reads (labels included)."""
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def to_article(record: dict) -> Article:
    """An unsegmented Article as ingest builds one from a record (paragraphs only)."""
    text = record["text"]
    lines = LineIndex(text)
    paragraphs, pos = [], 0
    for block in text.split("\n\n"):
        paragraphs.append(Span(record["id"], pos, pos + len(block), lines.line(pos), block))
        pos += len(block) + 2
    return Article(
        id=record["id"],
        path=f"archive.jsonl:{record['id']}",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        outlet=record["source"],
        outlet_source="record",
        title=record["title"],
        published=record["date"] or None,
        published_source="record" if record["date"] else "none",
        paragraphs=tuple(paragraphs),
    )
