"""Write the fresh10 corpus's invented data into DIR: `python make_data.py DIR`.

Deterministic (fixed seeds), offline, numpy/pandas only, well under 1 MB in all:

- roaster_orders.csv, roaster_orders_new.csv, roaster_orders_march.jsonl  (coffee roaster orders)
- maintenance_requests.csv, maintenance_urgency_labels.csv                 (tenant requests, text)
- labeling/maintenance-run/{labeled.parquet, labeling_functions.json, metrics.json}
                                                    (an earlier weak-supervision run on them)
- marathon_results_2024.csv, marathon_results_2025.csv                     (race results)
- forum_posts.csv, forum_posts_week9.csv                                    (course forum, text)
- solar_output.csv                                                          (panel output)
- insurer_emails.csv, insurer_emails_test.csv                               (customer emails, text)
- docs/roastery_handbook.md, docs/tenant_guide.md                           (documents for QA)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

# ----------------------------------------------------------------------------- coffee orders
ORIGINS = ["Ethiopia", "Colombia", "Brazil", "Sumatra", "Guatemala", "Kenya"]
ROASTS = ["light", "medium", "dark"]
CUSTOMERS = ["cafe", "retail", "subscriber", "office"]
REGIONS = ["North", "South", "East", "West", "Online"]
CHANNELS = ["web", "phone", "market_stall"]


def roaster_orders(rng: np.random.Generator, n: int, start: int, first_day: str) -> pd.DataFrame:
    customer = rng.choice(CUSTOMERS, n, p=[0.3, 0.2, 0.35, 0.15])
    bag = rng.choice([250, 500, 1000], n, p=[0.5, 0.3, 0.2])
    bags = np.where(customer == "cafe", rng.integers(4, 30, n), rng.integers(1, 6, n))
    base = {250: 9.5, 500: 17.0, 1000: 31.0}
    price = np.array([base[b] for b in bag]) * rng.normal(1.0, 0.06, n)
    discount = rng.choice([0, 0, 0, 5, 10, 15], n).astype(float)
    discount[rng.random(n) < 0.08] = np.nan
    region = rng.choice(REGIONS, n).astype(object)
    region[rng.random(n) < 0.05] = None
    days_prev = rng.gamma(2.0, 18.0, n).round().astype(int)
    score = (
        0.9 * (customer == "subscriber")
        + 0.6 * (customer == "cafe")
        - 0.02 * days_prev
        + 0.04 * np.nan_to_num(discount)
        + rng.normal(0, 0.7, n)
    )
    dates = pd.Timestamp(first_day) + pd.to_timedelta(rng.integers(0, 60, n), unit="D")
    return pd.DataFrame(
        {
            "order_id": [f"RO-{start + i}" for i in range(n)],
            "order_date": dates.strftime("%Y-%m-%d"),
            "customer_type": customer,
            "region": region,
            "origin": rng.choice(ORIGINS, n),
            "roast": rng.choice(ROASTS, n, p=[0.3, 0.45, 0.25]),
            "bag_size_g": bag,
            "bags": bags,
            "unit_price": price.round(2),
            "discount_pct": discount,
            "channel": rng.choice(CHANNELS, n, p=[0.6, 0.25, 0.15]),
            "days_since_prev_order": days_prev,
            "reordered": np.where(score > 0.0, "yes", "no"),
        }
    )


# ----------------------------------------------------------------------------- tenant requests
TRADES = {
    "plumbing": [
        "the kitchen tap has been dripping for a week",
        "there is a leak under the bathroom sink",
        "toilet keeps running and won't stop",
        "the shower drain is blocked and water pools",
        "water is coming through the ceiling from the flat above",
        "low water pressure in the shower, barely a trickle",
    ],
    "electrical": [
        "the hallway light flickers and then goes out",
        "a socket in the bedroom sparks when I plug something in",
        "the breaker keeps tripping when the kettle is on",
        "no power to half the flat since last night",
        "the fuse box is making a buzzing noise",
        "bathroom extractor fan and light both dead",
    ],
    "heating": [
        "the radiator in the living room is stone cold",
        "boiler shows an error code and there is no hot water",
        "heating won't come on even with the thermostat turned up",
        "radiators bang loudly every morning",
        "the flat is freezing, heating has been off for two days",
        "boiler pressure keeps dropping below one bar",
    ],
    "pests": [
        "found mouse droppings behind the cooker",
        "cockroaches in the kitchen at night",
        "ants all along the window sill",
        "we can hear mice in the walls",
        "wasps nest above the front door",
        "silverfish in the bathroom, lots of them",
    ],
    "appliance": [
        "the fridge stopped cooling overnight",
        "oven door won't close properly",
        "washing machine leaves clothes soaking, won't spin",
        "dishwasher shows a flashing light and won't start",
        "the extractor hood over the hob is broken",
        "freezer is icing up and the door doesn't seal",
    ],
}
OPENERS = ["Hi,", "Hello,", "Dear management,", "Hi there -", "Good morning,", ""]
CLOSERS = [
    "Please send someone soon.",
    "I'm home after 5pm most days.",
    "Thanks in advance.",
    "This is the second time I've reported it.",
    "Kids in the flat so it's a bit urgent.",
    "Any day this week works.",
    "",
]
BUILDINGS = ["Alder Court", "Birch House", "Cedar Row", "Dunmore Flats"]


def maintenance(rng: np.random.Generator, n: int = 420) -> pd.DataFrame:
    classes = sorted(TRADES)
    cats = rng.choice(classes, n, p=[0.14, 0.18, 0.22, 0.16, 0.30])
    texts = []
    for cat in cats:
        main = rng.choice(TRADES[cat])
        extra = ""
        if rng.random() < 0.25:  # a second, other-trade mention makes rules disagree
            other = rng.choice([c for c in classes if c != cat])
            extra = " Also " + rng.choice(TRADES[other])[:40].rstrip() + "."
        parts = [
            rng.choice(OPENERS),
            main[0].upper() + main[1:] + ".",
            extra.strip(),
            rng.choice(CLOSERS),
        ]
        texts.append(" ".join(p for p in parts if p))
    tagged = np.zeros(n, dtype=bool)
    tagged[rng.choice(n, 72, replace=False)] = True
    dates = pd.Timestamp("2026-09-01") + pd.to_timedelta(rng.integers(0, 75, n), unit="D")
    frame = pd.DataFrame(
        {
            "request_id": [f"R{i + 1:04d}" for i in range(n)],
            "building": rng.choice(BUILDINGS, n),
            "unit": [f"{rng.integers(1, 6)}{rng.choice(list('ABCD'))}" for _ in range(n)],
            "submitted": dates.strftime("%Y-%m-%d"),
            "text": texts,
            "category": np.where(tagged, cats, None),
        }
    )
    return frame, cats


URGENT_WORDS = ("no hot water", "no power", "ceiling", "sparks", "freezing", "Kids", "second time")


def urgency_labels(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    rows = frame.sample(60, random_state=11)
    urgent = [
        "yes" if any(w.lower() in t.lower() for w in URGENT_WORDS) else "no" for t in rows["text"]
    ]
    return pd.DataFrame({"request_id": rows["request_id"].to_numpy(), "urgent": urgent})


MAINT_LFS = [
    ("kw_leak", "plumbing", ["leak", "drip", "dripping", "toilet", "drain"]),
    ("kw_pressure", "plumbing", ["pressure", "trickle"]),
    ("kw_socket", "electrical", ["socket", "sparks", "fuse", "breaker"]),
    ("kw_light", "electrical", ["light", "flickers", "power"]),
    ("kw_radiator", "heating", ["radiator", "radiators", "boiler", "thermostat"]),
    ("kw_cold", "heating", ["cold", "freezing"]),
    ("kw_vermin", "pests", ["mouse", "mice", "cockroaches", "ants", "wasps", "silverfish"]),
    ("kw_white_goods", "appliance", ["fridge", "oven", "washing", "dishwasher", "freezer"]),
]


def labeling_run(frame: pd.DataFrame, cats: np.ndarray, rng: np.random.Generator, out: Path):
    """An earlier label_dataset-style output folder on the maintenance requests."""
    classes = sorted(TRADES)
    k = len(classes)
    n = len(frame)
    lower = frame["text"].str.lower()
    votes = np.zeros((n, k))
    for _, label, words in MAINT_LFS:
        hit = lower.apply(lambda t, ws=words: any(w in t.split() or w in t for w in ws))
        votes[hit.to_numpy(), classes.index(label)] += 1
    covered = votes.sum(axis=1) > 0
    probs = np.full((n, k), 1.0 / k)
    probs[covered] = (votes[covered] + 0.3) / (votes[covered] + 0.3).sum(axis=1, keepdims=True)
    label = np.array([classes[i] for i in probs.argmax(axis=1)], dtype=object)
    source = np.where(covered, "label_model", "end_model").astype(object)
    hand = frame["category"].notna().to_numpy()
    label[hand] = frame["category"].to_numpy()[hand]
    source[hand] = "hand"
    labeled = pd.DataFrame({"id": frame["request_id"], "label": label})
    for i, c in enumerate(classes):
        labeled[f"prob_{c}"] = probs[:, i].round(4)
    labeled["covered"] = covered
    labeled["label_source"] = source
    for col in ["building", "unit", "submitted", "text", "category"]:
        labeled[col] = frame[col].to_numpy()
    folder = out / "labeling" / "maintenance-run"
    folder.mkdir(parents=True, exist_ok=True)
    labeled.to_parquet(folder / "labeled.parquet", index=False)
    lfs = [
        {"name": name, "label": lab, "kind": "keyword", "column": "text", "keywords": words}
        for name, lab, words in MAINT_LFS
    ]
    (folder / "labeling_functions.json").write_text(json.dumps(lfs, indent=2) + "\n")
    metrics = {
        "classes": classes,
        "text_column": "text",
        "id_column": "request_id",
        "label_name": "category",
        "gold": {"source": "data column 'category'", "n_labels": int(hand.sum())},
    }
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")


# ----------------------------------------------------------------------------- marathon
COUNTRIES = ["GBR", "IRL", "FRA", "GER", "NED", "USA", "ESP", "KEN", "ITA"]


def marathon(rng: np.random.Generator, n: int, first_bib: int) -> pd.DataFrame:
    age = rng.integers(18, 76, n)
    gender = rng.choice(["F", "M", "X"], n, p=[0.42, 0.55, 0.03])
    weekly = np.clip(rng.gamma(4.0, 11.0, n), 8, 180).round(1)
    long_runs = np.clip(rng.poisson(weekly / 9), 0, 20)
    prior = rng.poisson(2.2, n)
    finish = (
        300
        - 0.9 * weekly
        - 2.5 * long_runs
        - 3.0 * np.minimum(prior, 8)
        + 0.8 * np.maximum(age - 35, 0)
        + 14 * (gender == "F")
        + rng.normal(0, 18, n)
    )
    finish = np.clip(finish, 128, 420)
    half = (finish / 2 * rng.normal(0.965, 0.02, n)).round(1)
    # a few implausible rows (timing-mat glitches, data entry slips)
    odd = rng.choice(n, max(4, n // 120), replace=False)
    half[odd[: len(odd) // 2]] = (finish[odd[: len(odd) // 2]] * 0.22).round(1)
    weekly[odd[len(odd) // 2 :]] = rng.integers(320, 480, len(odd) - len(odd) // 2)
    band = np.select(
        [finish < 180, finish < 240, finish < 300], ["sub3", "3to4", "4to5"], default="over5"
    )
    secs = (finish * 60).round().astype(int)
    times = [f"{s // 3600}:{(s % 3600) // 60:02d}:{s % 60:02d}" for s in secs]
    return pd.DataFrame(
        {
            "bib": np.arange(first_bib, first_bib + n),
            "age": age,
            "gender": gender,
            "country": rng.choice(COUNTRIES, n),
            "club_member": rng.choice(["yes", "no"], n, p=[0.35, 0.65]),
            "weekly_km": weekly,
            "long_runs_16wk": long_runs,
            "prior_marathons": prior,
            "half_split_min": half,
            "finish_time": times,
            "finish_band": band,
        }
    )


# ----------------------------------------------------------------------------- forum posts
COURSES = ["Intro to Python", "Statistics 101", "Web Design Basics", "Data Visualisation"]
FORUM = {
    "content_question": (
        ["Confused about {t}", "Question on {t}", "Can someone explain {t}?", "{t} - help"],
        [
            "In the week {w} video you said {t} works one way but the reading says another. "
            "Which is right?",
            "I don't understand why {t} gives a different answer when I change the example. "
            "Could someone walk me through it?",
            "Is {t} the same idea as what we did in week {w2}, or something new?",
            "The quiz asked about {t} and I got it wrong. What is the intuition behind it?",
        ],
    ),
    "tech_problem": (
        ["Notebook won't load", "Error when submitting", "Video not playing", "Can't log in"],
        [
            "The notebook for week {w} crashes with a kernel error every time I open it.",
            "I get a 500 error when I press submit on the assignment page, tried two browsers.",
            "The lecture video stops at 3 minutes and just spins. Cleared my cache already.",
            "I'm locked out of my account after resetting my password, the link expired.",
        ],
    ),
    "grading": (
        ["Grade seems wrong", "Regrade request", "Marks for assignment {w}", "Peer review score"],
        [
            "My assignment {w} was marked 6/10 but the rubric says my answer is complete.",
            "Could a TA look at my peer review grade? Two reviewers gave zero without comments.",
            "The autograder failed my code but it passes all the sample tests locally.",
            "When will grades for week {w} be released? It's been two weeks.",
        ],
    ),
    "admin": (
        ["Deadline extension?", "Certificate question", "Switching sessions", "Course dates"],
        [
            "I was ill this week, is it possible to get an extension on the week {w} deadline?",
            "How do I get the certificate once I finish? Do I need to pay for it?",
            "Can I move to the next session without losing my progress?",
            "Is the final project due before or after the holiday break?",
        ],
    ),
    "social": (
        ["Hello from {c}", "Study group?", "Thanks to the TAs!", "Anyone else in {c}?"],
        [
            "Hi all, I'm joining from {c}. Looking forward to learning with you!",
            "Anyone want to form a study group on weekends? We could meet online.",
            "Just wanted to say the TAs have been amazing this week. Thank you!",
            "Finished week {w}! Celebrating with coffee. How is everyone getting on?",
        ],
    ),
}
TOPIC_TERMS = [
    "list comprehensions",
    "p-values",
    "CSS flexbox",
    "colour scales",
    "recursion",
    "confidence intervals",
    "media queries",
    "bar vs line charts",
    "dictionaries",
    "standard deviation",
    "the box model",
    "small multiples",
]
CITIES = ["Lagos", "Lisbon", "Manila", "Toronto", "Pune", "Leeds", "Bogota", "Osaka"]


def forum(rng: np.random.Generator, n: int, start: int, labeled: bool) -> pd.DataFrame:
    topics = sorted(FORUM)
    chosen = rng.choice(topics, n, p=[0.34, 0.2, 0.16, 0.16, 0.14])
    titles, bodies = [], []
    for topic in chosen:
        title_t, body_t = FORUM[topic]
        fill = {
            "t": rng.choice(TOPIC_TERMS),
            "w": int(rng.integers(1, 9)),
            "w2": int(rng.integers(1, 9)),
            "c": rng.choice(CITIES),
        }
        titles.append(rng.choice(title_t).format(**fill))
        body = rng.choice(body_t).format(**fill)
        if rng.random() < 0.3:
            body += " " + rng.choice(["Thanks!", "Any help appreciated.", "Cheers.", ":)"])
        bodies.append(body)
    frame = pd.DataFrame(
        {
            "post_id": [f"P{start + i}" for i in range(n)],
            "course": rng.choice(COURSES, n),
            "week": rng.integers(1, 9, n) if labeled else np.full(n, 9),
            "author_role": rng.choice(["student", "ta"], n, p=[0.9, 0.1]),
            "title": titles,
            "body": bodies,
        }
    )
    if labeled:
        frame["topic"] = chosen
    return frame


# ----------------------------------------------------------------------------- solar output
SITES = ["Hillside", "Barn Roof", "Carport", "Field A"]
INVERTERS = ["SunWave", "Voltra", "Helion"]


def solar(rng: np.random.Generator, n: int = 730) -> pd.DataFrame:
    site = rng.choice(SITES, n)
    inverter = rng.choice(INVERTERS, n, p=[0.45, 0.35, 0.2])
    age = rng.choice([1, 2, 4, 6, 9, 12], n)
    tilt = rng.choice([15, 25, 30, 35], n)
    day = rng.integers(0, 365, n)
    irr = np.clip(4.0 + 2.6 * np.sin(2 * np.pi * (day - 80) / 365) + rng.normal(0, 0.8, n), 0.4, 8)
    cloud = np.clip(rng.normal(45, 25, n), 0, 100).round()
    temp = (12 + 9 * np.sin(2 * np.pi * (day - 110) / 365) + rng.normal(0, 3, n)).round(1)
    status = rng.choice(["normal", "degraded", "fault"], n, p=[0.8, 0.15, 0.05])
    eff = np.select([status == "degraded", status == "fault"], [0.7, 0.2], default=1.0)
    output = irr * 4.2 * eff * (1 - 0.006 * age) * (1 - 0.003 * cloud) * rng.normal(1, 0.05, n)
    output = output.round(2)
    # impossible readings: output far above what the sunshine allows, negative temps in July
    odd = rng.choice(n, 8, replace=False)
    output[odd[:5]] = (irr[odd[:5]] * 11).round(2)
    temp[odd[5:]] = -18.0
    cloud[rng.random(n) < 0.04] = np.nan
    dates = pd.Timestamp("2025-01-01") + pd.to_timedelta(day, unit="D")
    return pd.DataFrame(
        {
            "reading_id": [f"S{i + 1:04d}" for i in range(n)],
            "site": site,
            "date": dates.strftime("%Y-%m-%d"),
            "inverter": inverter,
            "panel_age_yrs": age,
            "tilt_deg": tilt,
            "irradiance_kwh_m2": irr.round(2),
            "ambient_temp_c": temp,
            "cloud_cover_pct": cloud,
            "output_kwh": output,
            "status": status,
        }
    )


# ----------------------------------------------------------------------------- insurer emails
EMAILS = {
    "claim": (
        ["Claim for water damage", "Car accident yesterday", "Stolen bike - claim", "Storm damage"],
        [
            "I need to make a claim. {x} Please tell me what documents you need.",
            "There was an accident on the motorway and my car is damaged. {x}",
            "My bicycle was stolen from outside the station. {x} The police reference is attached.",
            "The storm last night damaged our roof and a window. {x}",
        ],
    ),
    "cancellation": (
        ["Cancel my policy", "Please terminate cover", "Not renewing", "Ending my insurance"],
        [
            "I would like to cancel my policy from the end of this month. {x}",
            "Please terminate my cover, I have sold the car. {x}",
            "I won't be renewing this year, please confirm the policy will end. {x}",
            "We are moving abroad so please cancel the home insurance. {x}",
        ],
    ),
    "complaint": (
        ["Very unhappy", "Complaint about service", "Disgraceful handling", "Still waiting"],
        [
            "I am very unhappy with how my claim has been handled. {x} Nobody calls back.",
            "This is a formal complaint. I was kept on hold for an hour twice. {x}",
            "Your handling of my case has been disgraceful. {x}",
            "I've been waiting six weeks for an answer, this is unacceptable. {x}",
        ],
    ),
    "quote": (
        ["Quote request", "How much for travel cover?", "Price for adding a driver", "New policy"],
        [
            "Could you give me a quote for home insurance for a two-bed flat? {x}",
            "How much would annual travel cover cost for a family of four? {x}",
            "What would it cost to add my daughter as a named driver? {x}",
            "I'm interested in life cover, can you send me a quote? {x}",
        ],
    ),
    "billing": (
        ["Wrong amount taken", "Direct debit question", "Refund?", "Invoice query"],
        [
            "You took the wrong amount by direct debit this month. {x}",
            "I was overcharged on my last payment and would like a refund. {x}",
            "Can I change the date my monthly payment is taken? {x}",
            "The invoice shows a fee I don't recognise. {x}",
        ],
    ),
}
EMAIL_EXTRA = [
    "My policy number is {p}.",
    "Policy {p}.",
    "I've been a customer for years.",
    "Please reply by email rather than phone.",
    "",
    "",
]


def emails(rng: np.random.Generator, n: int, prefix: str, tagged: int | None) -> pd.DataFrame:
    intents = sorted(EMAILS)
    chosen = rng.choice(intents, n, p=[0.2, 0.3, 0.16, 0.18, 0.16])
    subjects, bodies = [], []
    for intent in chosen:
        subj_t, body_t = EMAILS[intent]
        policy = f"PX-{rng.integers(100000, 999999)}"
        extra = rng.choice(EMAIL_EXTRA).format(p=policy)
        subjects.append(rng.choice(subj_t))
        bodies.append(rng.choice(body_t).format(x=extra).replace("  ", " ").strip())
    labels = chosen.astype(object)
    if tagged is not None:
        keep = np.zeros(n, dtype=bool)
        keep[rng.choice(n, tagged, replace=False)] = True
        labels = np.where(keep, chosen, None)
    dates = pd.Timestamp("2026-10-01") + pd.to_timedelta(rng.integers(0, 40, n), unit="D")
    return pd.DataFrame(
        {
            "email_id": [f"{prefix}-{i + 1:04d}" for i in range(n)],
            "received": dates.strftime("%Y-%m-%d"),
            "policy_type": rng.choice(["auto", "home", "travel", "life"], n),
            "subject": subjects,
            "body": bodies,
            "intent": labels,
        }
    )


# ----------------------------------------------------------------------------- documents
ROASTERY_HANDBOOK = """# Northgate Roasters: Staff Handbook

## Our beans

We buy green coffee from six origins: Ethiopia, Colombia, Brazil, Sumatra, Guatemala and Kenya.
Every lot is cupped on arrival and scored out of 100; we only buy lots that score 84 or more.
Green coffee is stored in GrainPro bags on pallets, away from the roaster's heat, and used within
nine months of arrival.

## Roast profiles

We roast three profiles. Light roasts drop at about 205 C, around one minute after first crack,
and suit the Ethiopian and Kenyan lots. Medium roasts drop at about 215 C and are our house
espresso. Dark roasts go to the edge of second crack, about 228 C, and are used only for the
Sumatra lot. Every batch is logged with charge temperature, turning point, first crack time and
drop temperature.

## Batch sizes and the roaster

The drum roaster takes 5 to 15 kg per batch. Batches under 5 kg roast unevenly and are not
allowed. Preheat for 30 minutes before the first batch and run a between-batch protocol of
90 seconds at 200 C. The afterburner must be on whenever the drum is turning.

## Resting and packing

Espresso roasts rest for five days before they are sold; filter roasts rest for three days.
Bags are 250 g, 500 g or 1 kg, with a one-way valve, and are stamped with the roast date, not a
best-before date. Wholesale orders of 20 bags or more are packed in 1 kg bags unless the cafe
asks otherwise.

## Orders and delivery

Web orders placed before 11:00 are roasted and shipped the same day. Cafes in the city get
delivery by our van on Tuesdays and Fridays; everyone else gets a courier. Subscribers can pause
their subscription at any time from their account page. Market stall sales are recorded on the
tablet at the end of each day.

## Safety

Roaster chaff is a fire risk: empty the chaff collector after every fourth batch. Never leave the
roaster unattended while the drum is hot. The fire extinguisher by the roaster is CO2 and is
checked on the first Monday of each month. Burns are treated with 20 minutes of cool running
water before anything else.

## Cupping and quality

Every day's production is cupped the next morning by two staff. A batch that tastes baked, flat
or scorched is not sold; it is logged and given away to staff. Customers who complain about a bag
get a replacement and the batch number is checked against the roast log.
"""

TENANT_GUIDE = """# Tenant Guide: Alder Court, Birch House, Cedar Row and Dunmore Flats

## Reporting a repair

Report repairs through the online form or by email to repairs@ourhomes.example. Say which
building and flat you live in, describe the problem, and tell us when you are home. Every request
gets a reference number starting with R. Please do not report the same fault twice; reply to
the confirmation email instead so the history stays together.

## Emergencies

An emergency is a problem that puts people or the building at risk: no heating in winter, no
hot water, a serious leak, sparking sockets or total loss of power. Emergencies are attended
within 24 hours, day or night, through the out-of-hours number on the back of your front door.
Everything else is a routine repair and is attended within 14 days.

## Heating and hot water

Boilers are serviced every year in September. If your boiler pressure drops below 1 bar you can
top it up with the filling loop under the boiler; the instructions are on the inside of the
cupboard door. Bleed radiators that are cold at the top. If the boiler shows a fault code, note
it and report it.

## Plumbing and leaks

If water is leaking, turn off the stop tap under the kitchen sink first, then report it. Blocked
sinks and drains caused by fat or hair are the tenant's responsibility; blockages in shared pipes
are ours. Dripping taps are routine repairs.

## Electrics

Never open the consumer unit or touch exposed wiring. If a breaker trips, unplug everything on
that circuit, reset the switch, and plug things back in one at a time to find the faulty item.
If it keeps tripping with nothing plugged in, report it.

## Pests

Mice, rats, cockroaches and bed bugs are treated by our contractor at no cost to you. Ants and
wasps are treated in summer on request. Keep food in sealed containers and take rubbish to the
bins daily while a treatment is under way.

## Appliances

Fridges, ovens and washing machines supplied with the flat are repaired or replaced by us.
Appliances you bought yourself are your responsibility. Do not use an appliance that smells of
burning; unplug it and report it.

## Moving out

Give one month's notice in writing. We inspect the flat in the last week of your tenancy and
return the deposit within ten working days of the keys being handed back, less any agreed
deductions.
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261202)

    roaster_orders(rng, 600, 10001, "2026-07-01").to_csv(out / "roaster_orders.csv", index=False)
    new = roaster_orders(rng, 60, 20001, "2026-11-01").drop(columns=["reordered"])
    new.to_csv(out / "roaster_orders_new.csv", index=False)
    march = roaster_orders(rng, 120, 15001, "2026-03-01")
    march.to_json(out / "roaster_orders_march.jsonl", orient="records", lines=True)

    requests, cats = maintenance(np.random.default_rng(7))
    requests.to_csv(out / "maintenance_requests.csv", index=False)
    urgency_labels(requests, rng).to_csv(out / "maintenance_urgency_labels.csv", index=False)
    labeling_run(requests, cats, np.random.default_rng(8), out)

    marathon(np.random.default_rng(2024), 900, 1001).to_csv(
        out / "marathon_results_2024.csv", index=False
    )
    marathon(np.random.default_rng(2025), 300, 5001).to_csv(
        out / "marathon_results_2025.csv", index=False
    )

    forum(np.random.default_rng(31), 480, 1000, True).to_csv(out / "forum_posts.csv", index=False)
    forum(np.random.default_rng(32), 50, 9000, False).to_csv(
        out / "forum_posts_week9.csv", index=False
    )

    solar(np.random.default_rng(55)).to_csv(out / "solar_output.csv", index=False)

    emails(np.random.default_rng(61), 450, "E", 56).to_csv(out / "insurer_emails.csv", index=False)
    emails(np.random.default_rng(62), 90, "T", None).to_csv(
        out / "insurer_emails_test.csv", index=False
    )

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "roastery_handbook.md").write_text(ROASTERY_HANDBOOK, encoding="utf-8")
    (docs / "tenant_guide.md").write_text(TENANT_GUIDE, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
