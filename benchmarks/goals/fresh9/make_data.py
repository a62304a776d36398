"""Write the invented files the fresh9 goals talk about into DIR.

Run: python make_data.py DIR

Deterministic (fixed seeds, no clock, no network), small (well under 1 MB in all). Every table
and text is invented here: a bakery chain's daily sales, job postings, bird sightings, software
bug reports, wedding-venue reviews, parcel delivery times, two markdown documents, and the
output folder of an earlier labeling run on the bug reports (for the correction goals).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, float_format="%.2f", lineterminator="\n")


def _jsonl(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in frame.to_dict(orient="records"):
            clean = {
                k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in record.items()
            }
            out.write(json.dumps(clean, ensure_ascii=False, sort_keys=False) + "\n")


# ----------------------------------------------------------------------------- bakery
SHOPS = ["Altstadt", "Bahnhof", "Hafen", "Uni", "Markt"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def bakery(rng: np.random.Generator, n_days: int, start: str) -> pd.DataFrame:
    rows = []
    dates = pd.date_range(start, periods=n_days, freq="D")
    for day in dates:
        wd = WEEKDAYS[day.day_of_week]
        weather = rng.choice(["sunny", "cloudy", "rainy"], p=[0.4, 0.35, 0.25])
        temp = float(np.round(rng.normal(14 if weather != "rainy" else 10, 5), 1))
        for shop_i, shop in enumerate(SHOPS):
            base = [520, 760, 430, 380, 610][shop_i]
            weekend = wd in ("Sat", "Sun")
            promo = int(rng.random() < 0.15)
            footfall = base * (1.35 if weekend else 1.0) * (0.8 if weather == "rainy" else 1.0)
            footfall = int(max(60, rng.normal(footfall, footfall * 0.12)))
            staff = int(rng.integers(2, 6) + (1 if weekend else 0))
            loaves = int(footfall * rng.uniform(0.25, 0.35) * (1.1 if promo else 1.0))
            croissants = int(footfall * rng.uniform(0.18, 0.3) * (1.25 if weekend else 1.0))
            cakes = int(footfall * rng.uniform(0.03, 0.07))
            revenue = round(loaves * 3.4 + croissants * 1.6 + cakes * 4.2 + rng.normal(0, 25), 2)
            logit = (
                0.004 * (footfall - base)
                + 0.9 * promo
                + (0.7 if weekend else -0.2)
                - 0.35 * (staff - 3)
                + (0.5 if weather == "sunny" else 0.0)
                + rng.normal(0, 0.6)
            )
            rows.append(
                {
                    "date": day.strftime("%Y-%m-%d"),
                    "shop": shop,
                    "weekday": wd,
                    "weather": weather,
                    "temp_c": temp,
                    "promo": promo,
                    "staff_on_shift": staff,
                    "footfall": footfall,
                    "loaves_sold": loaves,
                    "croissants_sold": croissants,
                    "cakes_sold": cakes,
                    "revenue_eur": revenue,
                    "sold_out": "yes" if logit > 0.3 else "no",
                }
            )
    frame = pd.DataFrame(rows)
    # missing cells: the thermometer feed drops out, footfall counter broken some days
    frame.loc[rng.random(len(frame)) < 0.05, "temp_c"] = np.nan
    frame.loc[rng.random(len(frame)) < 0.03, "footfall"] = np.nan
    return frame


# ----------------------------------------------------------------------------- jobs
JOB_TEXT = {
    "engineering": (
        [
            "Backend Developer",
            "Data Engineer",
            "DevOps Engineer",
            "Frontend Developer",
            "QA Automation Engineer",
            "Embedded Software Engineer",
        ],
        [
            "python",
            "kubernetes",
            "code reviews",
            "microservices",
            "CI/CD pipelines",
            "SQL",
            "cloud infrastructure",
            "unit tests",
            "REST APIs",
            "on-call rotation",
            "TypeScript",
            "data pipelines",
        ],
    ),
    "sales": (
        [
            "Account Executive",
            "Sales Development Rep",
            "Key Account Manager",
            "Inside Sales Associate",
            "Regional Sales Lead",
        ],
        [
            "quota",
            "pipeline of prospects",
            "cold calling",
            "CRM",
            "commission",
            "closing deals",
            "client meetings",
            "B2B customers",
            "territory",
            "upselling",
            "revenue targets",
        ],
    ),
    "healthcare": (
        [
            "Registered Nurse",
            "Care Assistant",
            "Physiotherapist",
            "Pharmacy Technician",
            "Medical Receptionist",
        ],
        [
            "patients",
            "ward",
            "clinical",
            "care plans",
            "medication rounds",
            "NHS",
            "night shifts",
            "wound care",
            "GP surgery",
            "safeguarding",
            "registration with the council",
        ],
    ),
    "hospitality": (
        ["Line Cook", "Barista", "Front Desk Agent", "Restaurant Supervisor", "Housekeeper"],
        [
            "guests",
            "kitchen",
            "food hygiene",
            "tips",
            "weekend shifts",
            "hotel",
            "espresso",
            "check-in",
            "banquets",
            "front of house",
            "menu prep",
        ],
    ),
    "logistics": (
        [
            "Warehouse Operative",
            "Delivery Driver",
            "Forklift Driver",
            "Fleet Coordinator",
            "Inventory Clerk",
        ],
        [
            "picking and packing",
            "forklift licence",
            "route planning",
            "warehouse",
            "pallets",
            "van",
            "dispatch",
            "stock counts",
            "loading bay",
            "delivery slots",
            "HGV",
        ],
    ),
}
FILLER = [
    "we offer",
    "you will",
    "join a friendly team",
    "competitive pay",
    "training provided",
    "full time",
    "immediate start",
    "apply today",
    "growing company",
    "career progression",
    "flexible hours",
    "great benefits",
]
COMPANIES = [
    "Northwind",
    "Bluepeak",
    "Harbor & Co",
    "Lumen Health",
    "Quickship",
    "Tallow Hotels",
    "Cobalt Systems",
    "Greenline",
    "Brightcare",
    "Vantage Sales",
]
CITIES = ["Leeds", "Manchester", "Bristol", "Glasgow", "Cardiff", "London", "Remote"]


def jobs(rng: np.random.Generator, n: int, start: int, labeled_share: float) -> pd.DataFrame:
    cats = list(JOB_TEXT)
    rows = []
    for i in range(n):
        cat = cats[int(rng.integers(len(cats)))]
        titles, words = JOB_TEXT[cat]
        other = JOB_TEXT[cats[int(rng.integers(len(cats)))]][1]
        title = titles[int(rng.integers(len(titles)))]
        parts = [title.lower() + " wanted."]
        for _ in range(int(rng.integers(5, 9))):
            pool = words if rng.random() < 0.7 else (FILLER if rng.random() < 0.75 else other)
            parts.append(pool[int(rng.integers(len(pool)))])
        text = " ".join(parts).capitalize() + "."
        low = int(rng.choice([18, 21, 24, 28, 32, 38, 45, 55])) * 1000
        row = {
            "posting_id": f"JP-{start + i:04d}",
            "title": title,
            "company": COMPANIES[int(rng.integers(len(COMPANIES)))],
            "city": CITIES[int(rng.integers(len(CITIES)))],
            "remote": rng.choice(["no", "hybrid", "yes"], p=[0.55, 0.3, 0.15]),
            "salary_min": float(low) if rng.random() > 0.12 else np.nan,
            "salary_max": float(low + int(rng.integers(2, 12)) * 1000)
            if rng.random() > 0.12
            else np.nan,
            "description": text,
            "category": cat if rng.random() < labeled_share else "",
        }
        rows.append(row)
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- birds
SPECIES = {
    # species: (group, habitat weights, wingspan mean, weight mean)
    "mallard": ("waterbird", ["reservoir", "marsh"], 88, 1100),
    "grey heron": ("waterbird", ["marsh", "estuary"], 175, 1500),
    "robin": ("songbird", ["woodland", "heath"], 21, 18),
    "blackbird": ("songbird", ["woodland", "heath"], 36, 100),
    "great tit": ("songbird", ["woodland"], 23, 18),
    "buzzard": ("raptor", ["heath", "woodland"], 120, 900),
    "kestrel": ("raptor", ["heath", "estuary"], 74, 190),
    "lapwing": ("wader", ["estuary", "marsh"], 72, 220),
    "redshank": ("wader", ["estuary"], 62, 130),
}
SITES = {
    "reservoir": "Lower Reservoir",
    "marsh": "North Marsh",
    "estuary": "Estuary Hide",
    "woodland": "Oak Wood",
    "heath": "Black Heath",
}
OBSERVERS = ["a.kowalski", "j.mensah", "r.okafor", "s.lindqvist", "t.nguyen", "m.haddad"]
GOOD_NOTES = [
    "clear view through scope",
    "photographed, id certain",
    "heard and seen, close range",
    "ringed bird, read the ring",
    "good light, full plumage visible",
    "confirmed by second observer",
]
BAD_NOTES = [
    "distant silhouette, not sure",
    "flew off quickly, maybe",
    "poor light, possible",
    "heard only, could be something else",
    "brief glimpse",
    "id uncertain, fog",
]


def birds(rng: np.random.Generator, n: int) -> pd.DataFrame:
    names = list(SPECIES)
    rows = []
    dates = pd.date_range("2026-03-01", "2026-10-31", freq="D")
    for i in range(n):
        sp = names[int(rng.integers(len(names)))]
        group, habitats, wing, weight = SPECIES[sp]
        habitat = habitats[int(rng.integers(len(habitats)))]
        good = rng.random() < 0.65
        notes = (GOOD_NOTES if good else BAD_NOTES)[int(rng.integers(6))]
        rows.append(
            {
                "sighting_id": f"S{3000 + i}",
                "date": dates[int(rng.integers(len(dates)))].strftime("%Y-%m-%d"),
                "site": SITES[habitat],
                "habitat": habitat,
                "observer": OBSERVERS[int(rng.integers(len(OBSERVERS)))],
                "time_of_day": rng.choice(["dawn", "morning", "afternoon", "dusk"]),
                "count": int(max(1, rng.poisson(12 if group in ("waterbird", "wader") else 2))),
                "wingspan_cm": round(float(rng.normal(wing, wing * 0.08)), 1),
                "weight_g": round(float(rng.normal(weight, weight * 0.12)), 1),
                "temp_c": round(float(rng.normal(13, 6)), 1),
                "notes": notes,
                "species": sp,
                "group": group,
                "verified": ("yes" if good else "no") if rng.random() < 0.12 else "",
            }
        )
    frame = pd.DataFrame(rows)
    frame.loc[rng.random(n) < 0.08, "weight_g"] = np.nan
    frame.loc[rng.random(n) < 0.04, "observer"] = ""
    # a few rows a data-entry slip broke (a heron of 40 g, 900 kestrels, a 3 m robin)
    frame.loc[17, ["species", "group", "weight_g"]] = ["grey heron", "waterbird", 40.0]
    frame.loc[203, ["species", "group", "count"]] = ["kestrel", "raptor", 900]
    frame.loc[388, ["species", "group", "wingspan_cm"]] = ["robin", "songbird", 310.0]
    return frame


# ----------------------------------------------------------------------------- bugs
BUG_TEXT = {
    "critical": [
        "app crashes on start",
        "data loss after saving",
        "all users logged out",
        "payment charged twice",
        "server returns 500 for every request",
        "database corrupted after migration",
        "security hole lets anyone read invoices",
    ],
    "major": [
        "export to pdf fails",
        "search returns wrong results",
        "page takes 40 seconds to load",
        "password reset email never arrives",
        "sync stops after an hour",
        "notifications sent to the wrong user",
        "upload fails for files over 10 MB",
    ],
    "minor": [
        "typo on the settings page",
        "button misaligned on mobile",
        "tooltip cut off",
        "wrong icon in the sidebar",
        "date shown in US format",
        "dark mode colour too light",
        "extra space in the footer",
    ],
}
BUG_FLAVOUR = {
    "critical": [
        "blocker for our whole team",
        "production is down",
        "urgent!!",
        "customers affected",
        "happens every time",
        "no workaround",
    ],
    "major": [
        "annoying, workaround is to retry",
        "happens often",
        "affects some customers",
        "regression since last release",
        "slows everyone down",
    ],
    "minor": ["cosmetic", "low priority", "just noticed", "not a big deal", "nice to fix someday"],
}
COMPONENTS = ["ui", "api", "database", "auth", "billing", "sync"]
OSES = ["Windows 11", "macOS 15", "Ubuntu 24.04", "Android 15", "iOS 19"]


def bugs(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    sev_names = list(BUG_TEXT)
    rows = []
    for i in range(n):
        sev = sev_names[int(rng.choice(3, p=[0.2, 0.35, 0.45]))]
        title = BUG_TEXT[sev][int(rng.integers(len(BUG_TEXT[sev])))]
        flavour = BUG_FLAVOUR[sev][int(rng.integers(len(BUG_FLAVOUR[sev])))]
        mixed = BUG_TEXT[sev_names[int(rng.integers(3))]][int(rng.integers(7))]
        body = (
            f"Steps: open the app, go to {rng.choice(['settings', 'dashboard', 'reports', 'checkout', 'profile'])}. "
            f"Expected it to work but {title}. {flavour.capitalize()}."
            + (f" Also saw: {mixed}." if rng.random() < 0.25 else "")
        )
        rows.append(
            {
                "report_id": f"BUG-{start + i}",
                "title": title.capitalize(),
                "body": body,
                "component": COMPONENTS[int(rng.integers(len(COMPONENTS)))],
                "os": OSES[int(rng.integers(len(OSES)))],
                "app_version": f"4.{int(rng.integers(0, 6))}.{int(rng.integers(0, 10))}",
                "reporter": rng.choice(["customer", "support", "qa", "developer"]),
                "severity": sev,
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- venues
VENUES = [
    "Rosehill Manor",
    "The Old Mill",
    "Lakeside Barn",
    "St Aubyn Hall",
    "Willow Court",
    "Harbour Lights",
    "Foxglove Farm",
    "The Glasshouse",
]
POS = [
    "the staff were wonderful",
    "stunning gardens for photos",
    "food was delicious",
    "coordinator made everything stress free",
    "beautiful ceremony room",
    "great value",
    "guests are still talking about it",
    "perfect day, would book again",
    "the dance floor was packed all night",
    "lovely rooms for the bridal party",
]
NEG = [
    "hidden fees on the final bill",
    "the coordinator never answered emails",
    "food arrived cold",
    "music had to stop at 10pm",
    "rooms were dirty",
    "parking was a nightmare",
    "they double booked our date",
    "rude bar staff",
    "the heating broke during the reception",
    "would not recommend",
]


def venues(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        good = rng.random() < 0.6
        main, other = (POS, NEG) if good else (NEG, POS)
        bits = [main[int(rng.integers(10))] for _ in range(int(rng.integers(2, 4)))]
        if rng.random() < 0.3:
            bits.append("but " + other[int(rng.integers(10))])
        text = ". ".join(b.capitalize() for b in bits) + "."
        rows.append(
            {
                "review_id": 7000 + i,
                "venue": VENUES[int(rng.integers(len(VENUES)))],
                "event_month": rng.choice(["May", "Jun", "Jul", "Aug", "Sep", "Oct", "Dec"]),
                "guests": int(rng.integers(30, 220)),
                "price_per_head": round(float(rng.normal(85, 20)), 2),
                "review": text,
                "would_recommend": ("yes" if good else "no") if rng.random() < 0.13 else "",
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- parcels
DEPOTS = ["Leeds", "Bristol", "Glasgow", "Cardiff"]
CARRIERS = ["SwiftPost", "RoadRunner", "ParcelPal"]
PROMISED = {"express": 24, "standard": 48, "economy": 96}


def parcels(rng: np.random.Generator, n: int, start: int, with_outcome: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        service = rng.choice(list(PROMISED), p=[0.25, 0.55, 0.2])
        carrier = CARRIERS[int(rng.integers(3))]
        depot = DEPOTS[int(rng.integers(4))]
        distance = round(float(rng.gamma(2.5, 60)), 1)
        weight = round(float(rng.gamma(2.0, 2.2)), 2)
        rural = rng.random() < 0.3
        hour = int(rng.integers(6, 22))
        weekday = WEEKDAYS[int(rng.integers(7))]
        row = {
            "parcel_id": f"P{start + i:06d}",
            "depot": depot,
            "carrier": carrier,
            "service": service,
            "weight_kg": weight,
            "distance_km": distance,
            "rural": "yes" if rural else "no",
            "dispatch_hour": hour,
            "dispatch_day": weekday,
        }
        if with_outcome:
            hours = (
                PROMISED[service] * 0.55
                + distance * 0.06
                + (10 if rural else 0)
                + (14 if weekday in ("Fri", "Sat") else 0)
                + (6 if hour > 17 else 0)
                + {"SwiftPost": -3, "RoadRunner": 5, "ParcelPal": 0}[carrier]
                + rng.gamma(2.0, 4.0)
            )
            row["delivery_hours"] = round(float(hours), 1)
            row["late"] = "yes" if hours > PROMISED[service] else "no"
        rows.append(row)
    frame = pd.DataFrame(rows)
    if with_outcome:
        # a few impossible records from the scanner feed
        frame.loc[44, "delivery_hours"] = -5.0
        frame.loc[512, ["weight_kg", "distance_km"]] = [310.0, 2.0]
        frame.loc[777, "delivery_hours"] = 2400.0
    return frame


# ----------------------------------------------------------------------------- documents
BAKERY_HANDBOOK = """# Crumb & Co. shop operations handbook

This handbook is for shop managers and shift leads in all five Crumb & Co. shops.

## Opening the shop

The first baker arrives at 4:30 and switches on the deck ovens, which need 45 minutes to reach
baking temperature. Sourdough loaves are shaped the evening before and proofed overnight in the
retarder at 4 degrees. The shop opens to customers at 6:30 on weekdays and 7:00 on weekends.
If the ovens are not at temperature by 5:30, the shift lead calls the maintenance hotline.

## Bake plan

The bake plan is set every Thursday by the area manager from the previous four weeks of sales.
A shop that sells out of loaves before 14:00 on three days in a week gets ten percent more dough
in the next plan. Croissants are baked in three waves: at opening, at 10:00 and at 14:30, so
that the counter never shows pastries older than four hours. Cakes are delivered from the
central kitchen in Hafen at 9:00.

## Waste and donations

Unsold bread is counted at closing and entered in the waste sheet. Loaves that are still good
are donated to the Tafel food bank, which collects at 19:00 on Monday, Wednesday and Friday.
Waste above eight percent of the day's bake must be explained to the area manager.

## Promotions

A promotion day is a day with a price offer on loaves, usually two for five euros. Promotions
run on at most two days per week per shop and never on Saturdays. The marketing team announces
them in the app the evening before.

## Staffing

Each shop needs at least two people on the counter while open. On Saturdays the Bahnhof and
Markt shops add a third counter person because footfall is about a third higher than on weekdays.
Shift swaps are approved by the shift lead and recorded in the rota app.

## Cash and card

Card payments are preferred. The till is counted at closing by two people, and differences
above ten euros are reported the same evening. Cash is collected by the security company on
Tuesdays and Fridays.

## Food safety

Allergen labels must be on every item in the counter. Fridges are checked at opening and at
14:00 and the temperatures written in the fridge log; a fridge above 7 degrees is reported at
once and its contents moved. The food safety inspector may visit without notice.
"""

PARCEL_FAQ = """# Quickship parcel service: frequently asked questions

## How long does delivery take?

Express parcels are promised within 24 hours of dispatch, standard parcels within 48 hours and
economy parcels within 96 hours. The clock starts when the parcel is scanned at the depot, not
when the label is printed.

## Why is my parcel late?

Most late parcels are rural addresses, parcels dispatched on a Friday or Saturday, and parcels
scanned after 17:00, which miss the evening trunk lorry. RoadRunner routes are on average five
hours slower than SwiftPost routes.

## What happens if nobody is at home?

The driver makes a second attempt on the next working day. After two failed attempts the parcel
goes to the nearest pickup point and waits there for seven days before it is returned to the
sender.

## Can I change the delivery address?

An address can be changed in the tracking page until the parcel leaves the depot. After that,
the customer must call the service desk, which charges a rerouting fee of 4.50 pounds.

## How heavy can a parcel be?

The weight limit is 30 kg per parcel and the longest side may not exceed 120 cm. Heavier items
are sent as freight, which is quoted separately.

## What compensation is paid for late express parcels?

When an express parcel arrives more than 24 hours after dispatch, the sender gets the express
surcharge back as a credit. Claims must be made within 28 days through the business portal.

## Which depots are there?

Quickship runs four depots: Leeds, Bristol, Glasgow and Cardiff. Glasgow also handles parcels
for the islands, which are always treated as rural addresses.
"""


# ----------------------------------------------------------------------------- labeling run
def labeling_run(base: Path, pool: pd.DataFrame, rng: np.random.Generator) -> None:
    """An earlier label_dataset output on bug_reports.jsonl (severity), for the workbench goals."""
    folder = base / "labeling" / "bug_reports-20261130-141500"
    folder.mkdir(parents=True, exist_ok=True)
    classes = ["critical", "major", "minor"]
    truth = pool["severity"].to_numpy()
    probs = np.full((len(pool), 3), 0.1)
    for k, c in enumerate(classes):
        probs[truth == c, k] = 0.8
    probs += rng.uniform(0, 0.3, probs.shape)
    flip = rng.random(len(pool)) < 0.15  # the run got some wrong
    probs[flip] = rng.permutation(probs[flip].T).T
    probs = probs / probs.sum(axis=1, keepdims=True)
    labels = [classes[k] for k in probs.argmax(axis=1)]
    covered = rng.random(len(pool)) < 0.82
    frame = pd.DataFrame({"id": pool["report_id"].to_numpy(), "label": labels})
    for k, c in enumerate(classes):
        frame[f"prob_{c}"] = np.round(probs[:, k], 4)
    frame["covered"] = covered
    frame["label_source"] = np.where(covered, "label_model", "end_model")
    for col in ["report_id", "title", "body", "component", "os", "app_version", "reporter"]:
        frame[col] = pool[col].to_numpy()
    frame.attrs["forgeflow"] = {"label_name": "severity", "classes": classes}
    frame.to_parquet(folder / "labeled.parquet", index=False)
    lfs = [
        {
            "name": "kw_crash",
            "label": "critical",
            "kind": "keyword",
            "column": "body",
            "keywords": ["crashes", "data loss", "production is down", "charged twice"],
        },
        {
            "name": "kw_urgent",
            "label": "critical",
            "kind": "keyword",
            "column": "body",
            "keywords": ["urgent", "no workaround", "blocker"],
        },
        {
            "name": "kw_slow_or_fails",
            "label": "major",
            "kind": "keyword",
            "column": "body",
            "keywords": ["fails", "never arrives", "40 seconds", "wrong results"],
        },
        {
            "name": "kw_regression",
            "label": "major",
            "kind": "keyword",
            "column": "body",
            "keywords": ["regression", "workaround is to retry"],
        },
        {
            "name": "kw_cosmetic",
            "label": "minor",
            "kind": "keyword",
            "column": "body",
            "keywords": ["typo", "cosmetic", "misaligned", "tooltip", "low priority"],
        },
    ]
    (folder / "labeling_functions.json").write_text(
        json.dumps(lfs, indent=2) + "\n", encoding="utf-8"
    )
    metrics = {
        "classes": classes,
        "text_column": "body",
        "id_column": "report_id",
        "label_name": "severity",
        "gold": {"source": "bug_triage_gold.csv", "n_labels": 60},
        "metrics": {"auc": 0.87, "accuracy": 0.78, "f1_macro": 0.74},
    }
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)

    rng = np.random.default_rng(9001)
    _csv(bakery(rng, 146, "2026-06-01"), out / "bakery_sales.csv")
    upcoming = bakery(np.random.default_rng(9002), 8, "2026-10-25").drop(
        columns=["sold_out", "loaves_sold", "croissants_sold", "cakes_sold", "revenue_eur"]
    )
    _csv(upcoming, out / "bakery_next_week.csv")

    rng = np.random.default_rng(9003)
    _csv(jobs(rng, 480, 1, labeled_share=0.2), out / "job_postings.csv")
    _csv(jobs(np.random.default_rng(9004), 120, 5001, labeled_share=1.0), out / "jobs_tagged.csv")

    _csv(birds(np.random.default_rng(9005), 520), out / "bird_sightings.csv")

    rng = np.random.default_rng(9006)
    pool = bugs(rng, 420, 1001)
    _jsonl(pool.drop(columns=["severity"]), out / "bug_reports.jsonl")
    gold_rows = np.sort(np.random.default_rng(9007).choice(len(pool), 60, replace=False))
    _csv(pool.iloc[gold_rows][["report_id", "severity"]], out / "bug_triage_gold.csv")
    _csv(bugs(np.random.default_rng(9008), 300, 5001), out / "bugs_triaged.csv")
    _csv(bugs(np.random.default_rng(9009), 90, 8001), out / "bugs_test.csv")
    labeling_run(out, pool, np.random.default_rng(9010))

    _csv(venues(np.random.default_rng(9011), 380), out / "venue_reviews.csv")

    _csv(
        parcels(np.random.default_rng(9012), 900, 1, with_outcome=True),
        out / "parcel_deliveries.csv",
    )
    _csv(
        parcels(np.random.default_rng(9013), 60, 900001, with_outcome=False),
        out / "parcels_next_week.csv",
    )

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "bakery_handbook.md").write_text(BAKERY_HANDBOOK, encoding="utf-8")
    (docs / "parcel_faq.md").write_text(PARCEL_FAQ, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
