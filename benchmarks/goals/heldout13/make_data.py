"""Write the heldout13 corpus's files: a ferry company, an admissions office, a veg-box business.

Run: python make_data.py DIR  (deterministic, offline, well under 2 MB)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

RNG = np.random.default_rng(1313)


def pick(options, size=None, p=None):
    return RNG.choice(options, size=size, p=p)


# ----------------------------------------------------------------------------- ferry
ROUTES = [
    "Oban-Craignure",
    "Ardrossan-Brodick",
    "Uig-Tarbert",
    "Mallaig-Armadale",
    "Oban-Castlebay",
]
VESSELS = ["MV Loch Fyne", "MV Isle of Arran", "MV Hebridean Isles", "MV Coruisk", "MV Clansman"]


def sailings(n: int, start: str, with_label: bool, prefix: str) -> pd.DataFrame:
    route = pick(ROUTES, n)
    vessel = np.array([VESSELS[ROUTES.index(r)] for r in route])
    swap = RNG.random(n) < 0.1
    vessel[swap] = pick(VESSELS, int(swap.sum()))
    dep = pd.Timestamp(start) + pd.to_timedelta(np.sort(RNG.integers(0, 24 * 60 * 85, n)), "m")
    dep = dep.floor("15min")
    wind = np.round(np.clip(RNG.gamma(3.0, 6.0, n), 0, 70), 0)
    wave = np.round(np.clip(wind / 14 + RNG.normal(0, 0.4, n), 0.2, 6.5), 1)
    vis = np.round(np.clip(RNG.normal(14, 5, n), 0.3, 30), 1)
    pax = RNG.integers(20, 620, n)
    cars = RNG.integers(3, 95, n)
    hgv = RNG.poisson(2.5, n)
    deck = np.round(np.clip((cars * 5 + hgv * 16) / 6.2 + RNG.normal(0, 5, n), 4, 100), 1)
    turn = RNG.integers(15, 45, n)
    crew_short = (RNG.random(n) < 0.07).astype(int)
    late_inbound = RNG.integers(0, 2, n) * RNG.integers(0, 35, n)
    score = (
        0.07 * (wind - 20)
        + 0.6 * (wave - 1.5)
        + 0.03 * (deck - 60)
        + 1.6 * crew_short
        + 0.06 * late_inbound
        - 0.05 * (turn - 30)
        + RNG.normal(0, 1.0, n)
    )
    df = pd.DataFrame(
        {
            "sailing_id": [f"{prefix}-{i:04d}" for i in range(1, n + 1)],
            "route": route,
            "vessel": vessel,
            "departure": dep.strftime("%Y-%m-%d %H:%M"),
            "day_of_week": dep.day_name(),
            "wind_kts": wind,
            "wave_height_m": wave,
            "visibility_km": vis,
            "passengers_booked": pax,
            "cars_booked": cars,
            "hgv_booked": hgv,
            "deck_fill_pct": deck,
            "turnaround_min": turn,
            "crew_short": crew_short,
            "inbound_late_min": late_inbound,
        }
    )
    if with_label:
        df["delayed"] = np.where(score > 0.9, "yes", "no")
    return df


FEEDBACK = {
    "delay": [
        "We sat in the queue at {port} for over an hour and nobody told us why the {time} sailing was late.",
        "Boat left {mins} minutes late and we missed our connecting bus on the island.",
        "The departure board said on time until ten minutes before, then a {mins} minute delay. Poor communication.",
        "Delayed again on the {route} run. Third time this month, I commute on this route.",
        "Ferry was held at {port} because of the late inbound boat, arrived well after {time}.",
    ],
    "catering": [
        "The cafe ran out of hot food before we had even left {port}.",
        "Coffee was cold and the bacon roll cost a fortune. Galley needs sorting.",
        "Only one till open in the cafeteria, queue went out the door for the whole crossing.",
        "Lovely fish and chips on the {route} crossing, best I've had on a boat.",
        "No vegetarian option at all in the restaurant on the {time} boat.",
    ],
    "staff": [
        "The deckhand who guided us onto the car deck was really patient with my nervous driving.",
        "Purser was rude when I asked about the cabin, rolled his eyes at me.",
        "Crew at {port} were brilliant with my elderly mother and her wheelchair.",
        "Staff member at the ticket office was unhelpful and told me to read the website.",
        "Friendly crew, especially the lady at the information desk on the {route} sailing.",
    ],
    "cleanliness": [
        "Toilets on the passenger deck were filthy, no soap and a blocked sink.",
        "The lounge carpet was sticky and there was litter under every seat.",
        "Dog area on the outside deck had not been cleaned, it smelled awful.",
        "Tables in the observation lounge were dirty and nobody wiped them during the crossing.",
        "Very clean boat, the toilets had clearly just been done when we boarded at {port}.",
    ],
    "booking": [
        "The website took my payment twice for the {time} sailing and I still have no refund.",
        "Could not change my vehicle booking online, the app kept crashing at checkout.",
        "Booked a car space but the reference number was not in the system at {port} check-in.",
        "Online booking would not let me add a trailer, had to phone and wait 40 minutes.",
        "E-ticket never arrived by email, had to queue at the {port} office to reprint it.",
    ],
}
TOPICS = list(FEEDBACK)


def fill(template: str, route: str) -> str:
    a, b = route.split("-")
    return template.format(
        port=str(pick([a, b])),
        route=route,
        time=str(pick(["07:15", "09:40", "12:05", "14:30", "17:55", "19:20"])),
        mins=int(RNG.integers(20, 95)),
    )


def feedback(n: int, labelled: int | None, prefix: str) -> pd.DataFrame:
    topic = pick(TOPICS, n, p=[0.3, 0.15, 0.2, 0.15, 0.2])
    route = pick(ROUTES, n)
    extra = [
        "",
        "",
        " Not happy.",
        " Would travel again though.",
        " Please sort it out.",
        " Thanks.",
    ]
    texts = [
        fill(str(pick(FEEDBACK[t])), r) + str(pick(extra))
        for t, r in zip(topic, route, strict=True)
    ]
    stars = [int(RNG.integers(1, 3)) if "delay" == t else int(RNG.integers(1, 6)) for t in topic]
    df = pd.DataFrame(
        {
            "feedback_id": [f"{prefix}{i:05d}" for i in range(1, n + 1)],
            "sailing_id": [f"S25-{int(x):04d}" for x in RNG.integers(1, 700, n)],
            "route": route,
            "submitted": (
                pd.Timestamp("2025-04-01") + pd.to_timedelta(RNG.integers(0, 240, n), "D")
            )
            .strftime("%Y-%m-%d")
            .tolist(),
            "stars": stars,
            "comment": texts,
        }
    )
    col = topic.astype(object)
    if labelled is not None:
        keep = np.zeros(n, bool)
        keep[RNG.choice(n, labelled, replace=False)] = True
        col[~keep] = None
    df["topic"] = col
    return df


def deck_manifest(n: int) -> pd.DataFrame:
    kinds = pick(
        ["car", "van", "motorhome", "hgv", "motorbike", "car_trailer"],
        n,
        p=[0.55, 0.15, 0.08, 0.1, 0.05, 0.07],
    )
    base = {
        "car": (4.4, 1.55, 1450, 2),
        "van": (5.6, 2.3, 2600, 2),
        "motorhome": (7.2, 3.0, 3500, 2),
        "hgv": (15.5, 4.0, 28000, 5),
        "motorbike": (2.2, 1.2, 230, 2),
        "car_trailer": (8.5, 1.9, 2300, 4),
    }
    length = np.array([base[k][0] for k in kinds]) * RNG.normal(1, 0.06, n)
    height = np.array([base[k][1] for k in kinds]) * RNG.normal(1, 0.05, n)
    weight = np.array([base[k][2] for k in kinds]) * RNG.normal(1, 0.1, n)
    axles = np.array([base[k][3] for k in kinds]) + (kinds == "hgv") * RNG.integers(-1, 2, n)
    lane = np.where(height > 2.6, pick(["L1", "L2"], n), pick(["L3", "L4", "L5", "L6", "MEZZ"], n))
    fare = np.round(18 + length * 9.5 + (kinds == "hgv") * 140 + RNG.normal(0, 6, n), 2)
    df = pd.DataFrame(
        {
            "booking_ref": [
                f"BK{int(x)}" for x in RNG.choice(np.arange(300000, 999999), n, replace=False)
            ],
            "sailing_id": [f"S25-{int(x):04d}" for x in RNG.integers(1, 700, n)],
            "vehicle_type": kinds,
            "length_m": np.round(length, 2),
            "height_m": np.round(height, 2),
            "weight_kg": np.round(weight, 0),
            "axles": axles,
            "deck_lane": lane,
            "occupants": RNG.integers(1, 6, n),
            "fare_gbp": fare,
        }
    )
    odd = RNG.choice(n, 9, replace=False)
    df.loc[odd[0], ["vehicle_type", "length_m"]] = ["car", 17.9]
    df.loc[odd[1], ["vehicle_type", "height_m", "deck_lane"]] = ["motorhome", 3.4, "MEZZ"]
    df.loc[odd[2], ["weight_kg"]] = [61000]
    df.loc[odd[3], ["vehicle_type", "weight_kg", "axles"]] = ["motorbike", 2900, 2]
    df.loc[odd[4], ["fare_gbp"]] = [0.0]
    df.loc[odd[5], ["fare_gbp"]] = [1999.0]
    df.loc[odd[6], ["occupants"]] = [14]
    df.loc[odd[7], ["vehicle_type", "length_m", "height_m"]] = ["hgv", 3.1, 1.4]
    df.loc[odd[8], ["axles"]] = [11]
    return df


FERRY_DOCS = {
    "docs/ferry/conditions_of_carriage.md": """# Conditions of Carriage

## Tickets and check-in

A ticket is valid only for the sailing shown on it. Foot passengers must check in at least
20 minutes before departure. Vehicles must be in the marshalling lanes at least 30 minutes
before departure; vehicles arriving later may lose their deck space without refund.

Children under 5 travel free but must still be booked. Concession fares are available to
island residents who hold a valid resident card.

## Vehicles

The maximum vehicle height on the upper mezzanine deck is 1.85 metres. Vehicles over 2.5 metres
high are loaded on lanes L1 and L2 only. Drivers must switch off their engines and apply the
handbrake once parked, and must leave the car deck before the ferry sails.

Dangerous goods, including gas cylinders over 15 kg, must be declared at booking. Undeclared
dangerous goods are refused carriage.

## Pets

Dogs are welcome in the dog lounge and on the open deck when kept on a lead. Assistance dogs
may travel in all passenger areas. Pets may stay in vehicles on crossings shorter than 60 minutes.

## Luggage

Foot passengers may bring up to three items of luggage free of charge. Bicycles travel free
on all routes but must be stowed in the bicycle rack on the car deck.
""",
    "docs/ferry/disruption_policy.md": """# Disruption and Delay Policy

## When sailings are disrupted

Sailings may be delayed or cancelled because of weather, technical faults or port congestion.
The master of the vessel makes the final decision on whether it is safe to sail. A weather
warning is issued by 16:00 the day before when winds above 40 knots are forecast.

## Refunds

If a sailing is cancelled, passengers may choose a full refund or travel on the next available
sailing at no extra cost. If a sailing departs more than 60 minutes late, passengers are
entitled to a 25% refund of the single fare. A delay of more than 120 minutes entitles
passengers to a 50% refund of the single fare.

Refund requests must be made within 28 days of the sailing. Refunds are paid to the original
payment card within 10 working days.

## Overnight disruption

When the last sailing of the day is cancelled and no alternative is available, the company
pays for overnight accommodation up to 80 pounds per person. Receipts must be kept.

## Communication

Service status is updated on the website and the app every 30 minutes during disruption.
Passengers with a mobile number on their booking receive a text message when their sailing
is delayed by more than 20 minutes.
""",
    "docs/ferry/vehicle_deck_rules.md": """# Vehicle Deck Rules for Crew

## Loading order

Heavy goods vehicles are loaded first, on lanes L1 and L2, because their weight keeps the
vessel trimmed. Cars follow on lanes L3 to L6, then motorbikes, which are strapped down in the
forward bay. Motorhomes are loaded on L1 or L2 after the heavy goods vehicles.

## Weight limits

The maximum axle load on the car deck is 11 tonnes. The mezzanine deck carries vehicles up to
2.5 tonnes only. A vehicle whose declared weight exceeds its class limit must be weighed on the
port weighbridge before boarding.

## Lashing

Every heavy goods vehicle is lashed with four chains when the wave height is forecast above
2 metres. Motorbikes are always strapped. The bosun checks the lashings before departure and
signs the deck log.

## Deck fill

The deck is declared full at 95% of lane metres. Stand-by vehicles are loaded in the order
they arrived at the marshalling area.
""",
}

FEEDBACK_RULES = [
    {
        "name": "late_words",
        "label": "delay",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["late", "delay", "delayed", "missed our connecting"],
    },
    {
        "name": "food_words",
        "label": "catering",
        "kind": "keyword",
        "column": "comment",
        "keywords": [
            "cafe",
            "coffee",
            "food",
            "restaurant",
            "cafeteria",
            "fish and chips",
            "galley",
        ],
    },
    {
        "name": "crew_words",
        "label": "staff",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["crew", "purser", "deckhand", "staff", "rude"],
    },
    {
        "name": "dirty_words",
        "label": "cleanliness",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["filthy", "dirty", "clean", "toilets", "litter", "sticky"],
    },
    {
        "name": "booking_words",
        "label": "booking",
        "kind": "regex",
        "column": "comment",
        "pattern": r"(website|app|book(ing|ed)?|e-ticket|refund|reference number)",
        "ignore_case": True,
    },
]


# ----------------------------------------------------------------------------- admissions
PROGRAMMES = [
    "Computer Science",
    "Nursing",
    "History",
    "Law",
    "Mechanical Engineering",
    "Psychology",
]
GRADES = ["A*A*A*", "A*A*A", "A*AA", "AAA", "AAB", "ABB", "BBB", "BBC", "BCC", "CCC"]
POINTS = [168, 160, 152, 144, 136, 128, 120, 112, 104, 96]


def applications(n: int, with_label: bool, prefix: str) -> pd.DataFrame:
    prog = pick(PROGRAMMES, n, p=[0.22, 0.15, 0.12, 0.18, 0.13, 0.2])
    g = np.clip(RNG.normal(4.5, 2.0, n).round().astype(int), 0, 9)
    interview = np.where(
        np.isin(prog, ["Nursing", "Law", "Computer Science"]),
        np.round(np.clip(RNG.normal(6.2, 1.8, n), 0, 10), 1),
        np.nan,
    )
    ref = pick(["strong", "moderate", "weak"], n, p=[0.4, 0.45, 0.15])
    contextual = (RNG.random(n) < 0.2).astype(int)
    gcse = np.clip(RNG.poisson(6, n), 0, 11)
    df = pd.DataFrame(
        {
            "applicant_id": [f"{prefix}{i:05d}" for i in RNG.choice(99999, n, replace=False)],
            "programme": prog,
            "fee_status": pick(["home", "international"], n, p=[0.78, 0.22]),
            "predicted_grades": [GRADES[i] for i in g],
            "ucas_points": [POINTS[i] for i in g],
            "gcse_grade7_plus": gcse,
            "statement_words": RNG.integers(420, 640, n),
            "reference_strength": ref,
            "contextual_flag": contextual,
            "first_generation": (RNG.random(n) < 0.3).astype(int),
            "interview_score": interview,
        }
    )
    if with_label:
        s = (
            -0.05 * (df["ucas_points"] - 128)
            + 0.25 * (df["gcse_grade7_plus"] - 6)
            + df["reference_strength"].map({"strong": 0.8, "moderate": 0.0, "weak": -1.0})
            + 0.9 * contextual
            + np.nan_to_num((interview - 6) * 0.5)
            + RNG.normal(0, 0.9, n)
        )
        df["decision"] = np.where(s > -0.2, "offer", "reject")
    return df


def offers(n: int) -> pd.DataFrame:
    prog = pick(PROGRAMMES, n)
    offer_type = pick(["conditional", "unconditional", "contextual"], n, p=[0.7, 0.1, 0.2])
    scholarship = (RNG.random(n) < 0.12).astype(int)
    open_day = (RNG.random(n) < 0.45).astype(int)
    dist = np.round(RNG.gamma(2.0, 70, n), 0)
    days = RNG.integers(3, 120, n)
    s = 0.9 * open_day + 0.8 * scholarship - 0.004 * dist - 0.01 * days + RNG.normal(0, 0.8, n)
    firmed = np.where(s > -0.3, "yes", "no")
    met = np.where(
        offer_type == "unconditional", "yes", np.where(RNG.random(n) < 0.72, "yes", "no")
    )
    return pd.DataFrame(
        {
            "offer_id": [f"OF{i:05d}" for i in range(1, n + 1)],
            "applicant_id": [f"A25{int(x):05d}" for x in RNG.choice(99999, n, replace=False)],
            "programme": prog,
            "offer_type": offer_type,
            "offer_grades": pick(["AAA", "AAB", "ABB", "BBB", "BBC"], n),
            "scholarship": scholarship,
            "attended_open_day": open_day,
            "home_distance_km": dist,
            "days_to_reply": days,
            "firmed": firmed,
            "met_conditions": met,
        }
    )


STATEMENT_BITS = {
    "strong": [
        "Volunteering every Saturday at a {place} taught me how {topic} plays out in real lives.",
        "I built a small project on {topic} and wrote up what went wrong and what I changed.",
        "Reading {book} made me question how {topic} is usually taught, and I wrote an essay arguing against its conclusion.",
        "During my work experience at a {place} I kept a reflective diary about {topic}.",
        "I entered a national essay competition on {topic} and reached the final round.",
    ],
    "average": [
        "I have always enjoyed {topic} at school and I got good marks in my coursework.",
        "I did a week of work experience at a {place} which was interesting.",
        "I read {book} which was a good book about {topic}.",
        "I think {topic} is important for society and I want to learn more about it.",
        "In my spare time I play football and I am part of the school choir.",
    ],
    "weak": [
        "Ever since I was young I have been passionate about {topic}.",
        "I am a hard working and motivated person who never gives up.",
        "This course is perfect for me because I like {topic}.",
        "My parents always told me I would be good at {topic}.",
        "I want to go to university to get a good job and earn money.",
    ],
}
PROG_TOPIC = {
    "Computer Science": ("algorithms", "software company", "The Pragmatic Programmer"),
    "Nursing": ("patient care", "care home", "Being Mortal"),
    "History": (
        "the industrial revolution",
        "local museum",
        "The Making of the English Working Class",
    ),
    "Law": ("criminal justice", "solicitors' office", "Letters to a Law Student"),
    "Mechanical Engineering": ("renewable energy", "engineering workshop", "Structures"),
    "Psychology": ("memory and learning", "primary school", "Thinking, Fast and Slow"),
}


def statements(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    prog = pick(PROGRAMMES, n)
    quality = pick(["strong", "average", "weak"], n, p=[0.3, 0.45, 0.25])
    texts = []
    for p, q in zip(prog, quality, strict=True):
        topic, place, book = PROG_TOPIC[p]
        other = "average" if q != "average" else str(pick(["strong", "weak"]))
        bits = list(RNG.choice(STATEMENT_BITS[q], 3, replace=False)) + [
            str(pick(STATEMENT_BITS[other]))
        ]
        RNG.shuffle(bits)
        texts.append(" ".join(b.format(topic=topic, place=place, book=book) for b in bits))
    df = pd.DataFrame(
        {
            "statement_id": [f"PS{i:04d}" for i in range(1, n + 1)],
            "applicant_id": [f"A26{int(x):05d}" for x in RNG.choice(99999, n, replace=False)],
            "programme": prog,
            "statement": texts,
        }
    )
    df["word_count"] = [len(t.split()) for t in texts]
    rated = RNG.choice(n, 110, replace=False)
    gold = pd.DataFrame(
        {"statement_id": df["statement_id"].iloc[rated].values, "rating": quality[rated]}
    )
    return df, gold.sort_values("statement_id").reset_index(drop=True)


ADMISSIONS_DOCS = {
    "docs/admissions/admissions_policy.md": """# Undergraduate Admissions Policy 2026

## Principles

The university admits students on the basis of merit and potential. Every application is read
by at least one trained selector. Decisions are made on the whole application: predicted or
achieved grades, the personal statement, the reference and, for some programmes, an interview.

## Entry requirements

Typical offers range from AAA for Law and Computer Science to BBB for Nursing and Psychology.
Applicants must also hold GCSE English and Mathematics at grade 4 or above. International
applicants need an IELTS score of 6.5 overall with no component below 6.0.

## Deadlines

Applications received by the equal consideration deadline of 28 January are all considered on
the same basis. Applications received after that date are considered only if places remain.
Applicants must reply to offers by the date given by UCAS, usually early June.

## Appeals

An applicant who believes a procedural error was made may appeal within 14 days of the
decision. Appeals are reviewed by a senior admissions tutor who was not involved in the
original decision. An appeal cannot challenge academic judgement.
""",
    "docs/admissions/contextual_offers.md": """# Contextual Offers

## Who is eligible

A contextual offer is made to applicants who meet at least one of these criteria: they have
spent time in local authority care, they live in a postcode in the lowest two quintiles of
participation in higher education, or they attend a school whose average results are below
the national average.

## What a contextual offer is

A contextual offer is typically two grades below the standard offer, for example ABB instead
of AAA. Eligible applicants are also guaranteed an interview for programmes that interview.

## How eligibility is checked

Eligibility is checked automatically from the UCAS form. The contextual flag is added to the
application record before selectors read it. Applicants do not need to apply separately.

## Support after entry

Students admitted with a contextual offer are invited to a four-week summer bridging
programme and receive a bursary of 1,000 pounds in their first year.
""",
    "docs/admissions/interview_guide.md": """# Interview Guide for Selectors

## Format

Interviews last 20 minutes and are held online. Two selectors interview each applicant. Nursing
interviews use multiple mini interviews of five stations instead.

## Scoring

Each selector scores the applicant from 0 to 10 on motivation, reasoning and communication.
The interview score is the mean of the two selectors' scores. A score below 4 normally leads
to a rejection, whatever the predicted grades.

## Conduct

Selectors must not ask about an applicant's other university choices. Reasonable adjustments
are offered to applicants who declare a disability, for example extra time or a break between
stations. Selectors record notes within 24 hours of the interview.
""",
}


# ----------------------------------------------------------------------------- veg box
def subscribers(n: int, with_label: bool, prefix: str) -> pd.DataFrame:
    size = pick(["small", "medium", "large", "family"], n, p=[0.25, 0.4, 0.2, 0.15])
    freq = pick(["weekly", "fortnightly"], n, p=[0.6, 0.4])
    months = RNG.integers(1, 60, n)
    skips = RNG.poisson(1.5, n)
    complaints = RNG.poisson(0.4, n)
    rating = np.round(np.clip(RNG.normal(4.1, 0.6, n) - 0.3 * complaints, 1, 5), 1)
    fails = RNG.poisson(0.2, n)
    addon = np.round(np.clip(RNG.gamma(1.4, 6, n), 0, 80), 2)
    df = pd.DataFrame(
        {
            "subscriber_id": [f"{prefix}{i:05d}" for i in range(1, n + 1)],
            "postcode_area": pick(["BS", "BA", "GL", "TA", "SN"], n),
            "box_size": size,
            "frequency": freq,
            "months_active": months,
            "skips_last_90d": skips,
            "complaints_last_90d": complaints,
            "avg_box_rating": rating,
            "payment_failures": fails,
            "addon_spend_gbp": addon,
            "joined_via_referral": (RNG.random(n) < 0.25).astype(int),
        }
    )
    if with_label:
        s = (
            0.45 * skips
            + 0.8 * complaints
            - 0.9 * (rating - 4)
            + 0.9 * fails
            - 0.03 * months
            - 0.04 * addon
            + RNG.normal(0, 0.9, n)
        )
        df["churned"] = np.where(s > 0.6, "yes", "no")
        up = 0.05 * addon + 0.4 * (rating - 4) + 0.4 * (size == "small") + RNG.normal(0, 0.8, n)
        df["upgraded"] = np.where((up > 1.0) & (df["churned"] == "no"), "yes", "no")
    return df


COMPLAINTS = {
    "damaged": [
        "The eggs were smashed and leaked all over the {veg}.",
        "Box arrived soaked and torn, the {veg} was crushed underneath the squash.",
        "Half the {veg} was bruised and squashed, looks like the box was dropped.",
        "Glass jar of chutney broke in transit and cut the paper bag open.",
    ],
    "missing_item": [
        "No {veg} in my box this week even though it was on the list.",
        "My add-on bread was missing again, paid for it but never got it.",
        "The {veg} and the apples were not in the box, only half my order came.",
        "Ordered extra {veg} but it wasn't there. Please credit my account.",
    ],
    "late": [
        "Box didn't turn up until 9pm, the driver said the van was running behind.",
        "Delivery was a day late so the {veg} had gone soft on the doorstep.",
        "Still waiting for Thursday's box, tracking says out for delivery since morning.",
        "Driver came after I had left for work, the delivery window was missed completely.",
    ],
    "quality": [
        "The {veg} was mouldy when I opened the box.",
        "Lettuce was slimy and the {veg} tasted of nothing. Not what I expect from organic.",
        "The {veg} had gone woody and the carrots were bendy.",
        "Potatoes were green and sprouting, had to throw most of them away.",
    ],
    "billing": [
        "I was charged twice this month for one box.",
        "You took payment during my holiday skip week, please refund.",
        "My discount code was not applied to the invoice.",
        "Charged for a family box but I am on the medium plan.",
    ],
}
VEG = [
    "kale",
    "leeks",
    "beetroot",
    "chard",
    "courgettes",
    "tomatoes",
    "spinach",
    "parsnips",
    "celeriac",
]
CATS = list(COMPLAINTS)


def complaints(n: int, labelled: int | None, prefix: str) -> pd.DataFrame:
    cat = pick(CATS, n, p=[0.2, 0.25, 0.2, 0.2, 0.15])
    openers = ["", "", "Hi, ", "Hello team, ", "Not impressed. ", "Again! "]
    closers = ["", "", " Thanks.", " Please sort this out.", " Very disappointed.", " Cheers, Sam"]
    msg = [
        str(pick(openers))
        + str(pick(COMPLAINTS[c])).format(veg=str(pick(VEG)))
        + str(pick(closers))
        for c in cat
    ]
    df = pd.DataFrame(
        {
            "complaint_id": [f"{prefix}{i:05d}" for i in range(1, n + 1)],
            "subscriber_id": [f"VB{int(x):05d}" for x in RNG.integers(1, 800, n)],
            "received": (pd.Timestamp("2025-09-01") + pd.to_timedelta(RNG.integers(0, 150, n), "D"))
            .strftime("%Y-%m-%d")
            .tolist(),
            "channel": pick(["email", "phone", "app", "web_form"], n),
            "message": msg,
        }
    )
    col = cat.astype(object)
    if labelled is not None:
        keep = np.zeros(n, bool)
        keep[RNG.choice(n, labelled, replace=False)] = True
        col[~keep] = None
        # a few unhelpful messages, never categorised
        vague = RNG.choice(np.flatnonzero(~keep), 4, replace=False)
        df.loc[vague, "message"] = [
            "see photo",
            "ring me back please",
            "??",
            "as discussed on the phone",
        ]
    df["category"] = col
    return df


def deliveries(n: int, month: str, prefix: str) -> pd.DataFrame:
    stops = RNG.integers(18, 60, n)
    km = np.round(stops * RNG.normal(2.1, 0.35, n), 1)
    planned = (stops * 6 + km * 1.2).round(0)
    actual = (planned * RNG.normal(1.05, 0.08, n)).round(0)
    fuel = np.round(km * RNG.normal(0.11, 0.01, n), 1)
    df = pd.DataFrame(
        {
            "delivery_id": [f"{prefix}{i:04d}" for i in range(1, n + 1)],
            "date": (pd.Timestamp(month) + pd.to_timedelta(RNG.integers(0, 28, n), "D"))
            .strftime("%Y-%m-%d")
            .tolist(),
            "van": pick(["VAN-01", "VAN-02", "VAN-03", "VAN-04", "EV-05"], n),
            "route_code": pick(["BS-N", "BS-S", "BA-C", "GL-W", "TA-E", "SN-R"], n),
            "driver": pick(["Priya", "Tom", "Gosia", "Dev", "Hannah", "Luis"], n),
            "stops": stops,
            "boxes": stops + RNG.poisson(2, n),
            "planned_min": planned,
            "actual_min": actual,
            "km_driven": km,
            "fuel_litres": fuel,
            "failed_drops": RNG.poisson(0.7, n),
            "coolbox_temp_c": np.round(RNG.normal(5.5, 1.0, n), 1),
        }
    )
    df.loc[df["van"] == "EV-05", "fuel_litres"] = 0.0
    odd = RNG.choice(n, 7, replace=False)
    df.loc[odd[0], "km_driven"] = 412.0
    df.loc[odd[1], "actual_min"] = df.loc[odd[1], "planned_min"] * 3.2
    df.loc[odd[2], "coolbox_temp_c"] = 17.8
    df.loc[odd[3], "failed_drops"] = 19
    df.loc[odd[4], ["van", "fuel_litres"]] = ["EV-05", 11.4]
    df.loc[odd[5], "boxes"] = 3
    df.loc[odd[6], "fuel_litres"] = 48.0
    return df


VEG_DOCS = {
    "docs/vegbox/subscriber_faq.md": """# Subscriber FAQ

## How do I skip a week?

You can skip a delivery from your account page until 11pm on the Sunday before your delivery
day. Skipped weeks are not charged. You can skip up to six weeks in a row; after that your
subscription is paused automatically.

## What if something is missing or damaged?

Tell us within 48 hours of delivery through the app or by email, with a photo if an item is
damaged. We credit the value of the item to your account, usually within one working day.

## Where does the veg come from?

At least 70% of the vegetables in every box are grown on our own farm or by partner farms
within 50 miles. Everything is certified organic by the Soil Association.

## Can I change my box size?

Yes. A change of box size made before the Sunday cut-off applies to the next delivery. Family
boxes feed four to five people; medium boxes feed two to three.

## How do I cancel?

You can cancel at any time from your account page. There is no cancellation fee. Deliveries
already packed cannot be cancelled.
""",
    "docs/vegbox/substitution_policy.md": """# Substitution Policy

## When we substitute

When a crop fails or a harvest is late, we replace the missing item with another vegetable of
equal or higher value. Substitutions are listed on the packing slip inside the box.

## Your exclusions

Subscribers can list up to five vegetables they never want. An excluded vegetable is never used
as a substitute. Exclusions are applied from the next packing day.

## Imported produce

Imported produce is used only when no British organic alternative is available, and never
travels by air. Imported items are marked on the packing slip.
""",
    "docs/vegbox/packing_guide.md": """# Packing Guide for the Barn Team

## Order of packing

Heavy roots go in first: potatoes, then carrots and other roots. Squash and cabbages go in next.
Soft fruit and salad leaves go in last, in their paper bags, on top of everything.

## Cold chain

Salad bags, eggs and dairy add-ons are packed in the chilled room at 4 degrees. Coolboxes must
stay below 8 degrees; a van whose coolbox logs above 8 degrees for more than 30 minutes must
report it to the dispatch lead before continuing the round.

## Checks

Each packer checks the box against the packing slip and ticks every line. A random one box in
twenty is re-checked by the shift supervisor. Missing items found at the check are added before
the box is taped.
""",
}

COMPLAINT_RULES = {
    "labeling_functions": [
        {
            "name": "broken",
            "label": "damaged",
            "kind": "keyword",
            "column": "message",
            "keywords": ["smashed", "broke", "crushed", "bruised", "torn", "soaked"],
        },
        {
            "name": "not_there",
            "label": "missing_item",
            "kind": "keyword",
            "column": "message",
            "keywords": ["missing", "not in the box", "wasn't there", "never got it"],
        },
        {
            "name": "too_late",
            "label": "late",
            "kind": "keyword",
            "column": "message",
            "keywords": ["late", "9pm", "still waiting", "window"],
        },
        {
            "name": "gone_off",
            "label": "quality",
            "kind": "keyword",
            "column": "message",
            "keywords": ["mouldy", "slimy", "woody", "sprouting", "bendy", "soft"],
        },
        {
            "name": "money",
            "label": "billing",
            "kind": "regex",
            "column": "message",
            "pattern": r"charged|refund|invoice|payment|discount|credit",
        },
    ]
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs" / "ferry").mkdir(parents=True, exist_ok=True)
    (out / "docs" / "admissions").mkdir(parents=True, exist_ok=True)
    (out / "docs" / "vegbox").mkdir(parents=True, exist_ok=True)
    (out / "rules").mkdir(parents=True, exist_ok=True)

    sailings(700, "2025-01-06", True, "S25").to_csv(out / "sailings_2025.csv", index=False)
    sailings(220, "2026-01-05", True, "S26").to_csv(out / "sailings_2026_q1.csv", index=False)
    sailings(64, "2026-04-13", False, "NW").to_csv(out / "sailings_next_week.csv", index=False)
    feedback(520, 90, "FB").to_csv(out / "passenger_feedback.csv", index=False)
    feedback(120, None, "FT").to_csv(out / "feedback_checked.csv", index=False)
    deck_manifest(460).to_csv(out / "vehicle_deck_manifest.csv", index=False)
    for path, text in FERRY_DOCS.items():
        (out / path).write_text(text, encoding="utf-8")
    (out / "rules" / "feedback_rules.json").write_text(json.dumps(FEEDBACK_RULES, indent=2))

    applications(640, True, "A25").to_csv(out / "applications_2025.csv", index=False)
    applications(260, False, "A26").to_csv(out / "applications_2026.csv", index=False)
    offers(420).to_csv(out / "offers_2025.csv", index=False)
    st, gold = statements(450)
    st.to_csv(out / "personal_statements.csv", index=False)
    gold.to_csv(out / "tutor_ratings.csv", index=False)
    for path, text in ADMISSIONS_DOCS.items():
        (out / path).write_text(text, encoding="utf-8")

    subscribers(820, True, "VB").to_csv(out / "subscribers.csv", index=False)
    subscribers(150, False, "VM").to_csv(out / "subscribers_march.csv", index=False)
    complaints(600, 95, "C").to_csv(out / "complaints.csv", index=False)
    complaints(130, None, "CT").to_csv(out / "complaints_test.csv", index=False)
    deliveries(310, "2026-01-01", "DJ").to_csv(out / "deliveries_jan.csv", index=False)
    deliveries(290, "2026-02-01", "DF").to_csv(out / "deliveries_feb.csv", index=False)
    for path, text in VEG_DOCS.items():
        (out / path).write_text(text, encoding="utf-8")
    (out / "rules" / "complaint_rules.json").write_text(json.dumps(COMPLAINT_RULES, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
