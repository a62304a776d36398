"""Write the files the fresh3 goals talk about into DIR (python make_data.py DIR).

Deterministic (fixed seeds), offline, a few hundred KB in all. Every data set is invented here:
a veterinary clinic's visits, a parcel carrier's shipments, an insurer's claims, a city's 311
requests, a university course forum, meal-kit app reviews, greenhouse sensors, a bike shop's
repair jobs, and a handful of documents for QA.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


# ---------------------------------------------------------------- veterinary clinic
URGENT_COMPLAINTS = [
    "vomiting blood since this morning, very lethargic",
    "hit by a car, limping badly and panting",
    "ate chocolate wrapper last night, shaking and restless",
    "not breathing properly, gums look pale",
    "swollen belly and retching with nothing coming up",
    "seizure at home lasting two minutes",
    "straining to urinate, nothing comes out, crying",
    "deep bite wound on neck from dog fight, bleeding",
    "collapsed on walk, weak and unresponsive",
    "suspected rat poison ingestion, nosebleed",
]
ROUTINE_COMPLAINTS = [
    "annual vaccination and general check",
    "nail trim and ear cleaning",
    "mild itching around ears for two weeks",
    "follow-up after dental cleaning, eating well",
    "weight check, owner wants diet advice",
    "booster shot due, no concerns",
    "small lump on shoulder noticed last month, not growing",
    "flea treatment and deworming",
    "microchip scan before travel",
    "occasional sneezing, otherwise bright and eating",
]
SPECIES = ["dog", "cat", "rabbit", "ferret", "parrot"]


def vet(out: Path) -> None:
    rng = np.random.default_rng(101)
    n = 480
    rows = []
    for i in range(n):
        urgent = rng.random() < 0.3
        complaint = pick(rng, URGENT_COMPLAINTS if urgent else ROUTINE_COMPLAINTS)
        if rng.random() < 0.12:  # a confusing note now and then
            complaint += "; " + pick(rng, ROUTINE_COMPLAINTS if urgent else URGENT_COMPLAINTS)
        species = pick(rng, SPECIES)
        rows.append(
            {
                "visit_id": f"VV-{1001 + i}",
                "visit_date": str(pd.Timestamp("2026-03-01") + pd.Timedelta(days=int(i // 6))),
                "branch": pick(rng, ["Northside", "Harbor", "Elm Street"]),
                "species": species,
                "age_years": round(float(rng.uniform(0.3, 16)), 1),
                "weight_kg": round(
                    float(rng.uniform(0.4, 45) if species == "dog" else rng.uniform(0.3, 7)), 1
                ),
                "temp_c": round(float(rng.normal(39.6 if urgent else 38.6, 0.5)), 1),
                "heart_rate_bpm": int(rng.normal(150 if urgent else 110, 18)),
                "complaint": complaint,
                "_truth": "urgent" if urgent else "routine",
            }
        )
    frame = pd.DataFrame(rows)
    triaged = rng.choice(n, size=90, replace=False)
    frame["triage"] = None
    frame.loc[triaged, "triage"] = frame.loc[triaged, "_truth"]
    # The head nurse's separate sheet: other visits, id and label under other names.
    rest = np.setdiff1d(np.arange(n), triaged)
    nurse = rng.choice(rest, size=110, replace=False)
    sheet = pd.DataFrame(
        {
            "visit_ref": frame.loc[nurse, "visit_id"].to_numpy(),
            "nurse_call": frame.loc[nurse, "_truth"].to_numpy(),
            "checked_on": "2026-04-02",
        }
    )
    frame.drop(columns="_truth").to_csv(out / "vet_visits.csv", index=False)
    sheet.to_csv(out / "vet_triage_nurse_labels.csv", index=False)


# ---------------------------------------------------------------- parcel shipments
def shipments(out: Path) -> None:
    rng = np.random.default_rng(202)
    n = 2000
    carrier = rng.choice(["Rapido", "NorthStar", "Kestrel", "BlueLine"], n, p=[0.3, 0.3, 0.2, 0.2])
    level = rng.choice(["economy", "standard", "express"], n, p=[0.35, 0.45, 0.2])
    distance = rng.gamma(2.0, 300.0, n).round(0)
    weight = rng.gamma(1.5, 4.0, n).round(2)
    stops = rng.integers(0, 5, n)
    weekday = rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], n)
    hub = rng.choice(["Leeds", "Bristol", "Glasgow", "Norwich"], n)
    region = rng.choice(
        ["north", "south", "east", "west", "islands"], n, p=[0.25, 0.25, 0.2, 0.2, 0.1]
    )
    value = rng.lognormal(4.0, 1.0, n).round(2)
    score = (
        distance / 600
        + 0.5 * stops
        + np.where(level == "economy", 0.8, np.where(level == "express", -0.9, 0))
        + np.where(carrier == "Kestrel", 0.7, 0)
        + np.where(region == "islands", 1.2, 0)
        + np.where(weekday == "Sat", 0.5, 0)
        + rng.normal(0, 0.8, n)
        - 2.4
    )
    late = np.where(score > 0, "yes", "no")
    damage = (weight / 20 + np.where(carrier == "BlueLine", 0.8, 0) + rng.normal(0, 0.6, n)) > 1.3
    frame = pd.DataFrame(
        {
            "shipment_id": [f"SH{500000 + i}" for i in range(n)],
            "carrier": carrier,
            "service_level": level,
            "origin_hub": hub,
            "dest_region": region,
            "pickup_weekday": weekday,
            "weight_kg": weight,
            "distance_km": distance,
            "stops": stops,
            "declared_value_usd": value,
            "late": late,
            "damaged": damage.astype(int),
        }
    )
    frame.iloc[:1600].to_csv(out / "shipments_train.csv", index=False)
    frame.iloc[1600:].to_csv(out / "shipments_test.csv", index=False)


# ---------------------------------------------------------------- insurance claims
HONEST = [
    "burst pipe in kitchen flooded the floor, plumber invoice attached",
    "hail damaged roof tiles, photos from the same day",
    "rear-ended at traffic lights, police report number provided",
    "dog swallowed a sock, vet surgery invoice attached",
    "storm brought down fence panels between gardens",
    "window cracked by a neighbour's football, witness statement",
]
SUSPECT = [
    "laptop, camera and jewellery stolen, no receipts available",
    "fire in garage destroyed several expensive tools, bought cash",
    "car stolen at night, keys also missing, reported a week later",
    "water damage discovered after holiday, cause unknown",
    "expensive watch lost while travelling, no police report",
    "vehicle damaged in car park, no witnesses, cash repair quote",
]


def claims_frame(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    fraud = rng.random(n) < 0.12
    rows = []
    for i in range(n):
        f = bool(fraud[i])
        policy = pick(rng, ["home", "motor", "pet"])
        rows.append(
            {
                "claim_id": f"CLM-{start + i}",
                "policy_type": policy,
                "claim_amount": round(float(rng.lognormal(8.6 if f else 7.6, 0.6)), 2),
                "policy_age_days": int(rng.integers(5, 120) if f else rng.integers(60, 3000)),
                "days_to_report": int(rng.integers(5, 40) if f else rng.integers(0, 8)),
                "prior_claims": int(rng.poisson(2.0 if f else 0.5)),
                "adjuster_region": pick(rng, ["North", "Midlands", "South", "Wales"]),
                "witness_present": "N" if (f and rng.random() < 0.8) else pick(rng, ["Y", "N"]),
                "incident_description": pick(rng, SUSPECT if f else HONEST),
                "fraud_flag": int(f),
            }
        )
    return pd.DataFrame(rows)


def claims(out: Path) -> None:
    rng = np.random.default_rng(303)
    claims_frame(rng, 1200, 70001).to_csv(out / "claims_2026q3.csv", index=False)
    q4 = claims_frame(rng, 300, 90001)
    # A few rows nobody should pay without a look.
    q4.loc[[17, 88, 151, 240], "claim_amount"] = [980000.0, 1.0, 455000.0, 720000.0]
    q4.loc[[33, 199], "days_to_report"] = [400, 365]
    q4.loc[[64], "policy_age_days"] = [-12]
    audit = q4[["claim_id", "fraud_flag"]].rename(columns={"fraud_flag": "fraud_confirmed"})
    audit["auditor"] = rng.choice(["JT", "MK", "AL"], len(audit))
    q4.drop(columns="fraud_flag").to_csv(out / "claims_2026q4.csv", index=False)
    audit.to_csv(out / "claims_2026q4_audit.csv", index=False)


# ---------------------------------------------------------------- municipal 311
DEPT_TEXT = {
    "Roads": [
        "pothole on {s} near the bus stop",
        "streetlight out on {s} for a week",
        "cracked pavement outside number 12 {s}",
        "traffic signal stuck on red at {s}",
    ],
    "Sanitation": [
        "bins not collected on {s} again",
        "fly-tipping of mattresses behind {s}",
        "overflowing litter bin by the park gate on {s}",
        "missed recycling pickup {s}",
    ],
    "Parks": [
        "fallen tree branch blocking path in {s} park",
        "graffiti on the playground wall near {s}",
        "broken swing at {s} playground",
        "overgrown grass in {s} green",
    ],
    "Noise": [
        "loud party every night at {s}",
        "construction drilling before 7am on {s}",
        "car alarm going off for hours on {s}",
        "barking dog all day at {s}",
    ],
    "Water": [
        "water main leak flooding {s}",
        "no water pressure on {s} since morning",
        "brown tap water in flats on {s}",
        "blocked storm drain at {s}",
    ],
}
STREETS = [
    "Mill Lane",
    "Queen St",
    "Harbour Rd",
    "Ash Grove",
    "Station Ave",
    "Kings Walk",
    "Bridge St",
]


def requests311(out: Path) -> None:
    rng = np.random.default_rng(404)

    def make(n: int, start: int) -> pd.DataFrame:
        rows = []
        for i in range(n):
            dept = pick(rng, list(DEPT_TEXT))
            text = pick(rng, DEPT_TEXT[dept]).format(s=pick(rng, STREETS))
            if rng.random() < 0.3:
                text += pick(
                    rng,
                    [
                        ", please hurry",
                        ". reported twice already",
                        ", kids at risk",
                        ". not urgent",
                        ", thanks",
                    ],
                )
            high = "hurry" in text or "kids" in text or dept == "Water" and rng.random() < 0.5
            prio = (
                "high"
                if high
                else ("low" if "not urgent" in text or rng.random() < 0.3 else "normal")
            )
            rows.append(
                {
                    "request_id": f"311-{start + i}",
                    "opened_at": str(
                        pd.Timestamp("2026-02-01 08:00") + pd.Timedelta(minutes=int(37 * i))
                    ),
                    "channel": pick(rng, ["app", "phone", "web"]),
                    "neighborhood": pick(rng, ["Old Town", "Riverside", "Eastfield", "Hillcrest"]),
                    "description": text,
                    "department": dept,
                    "priority": prio,
                }
            )
        return pd.DataFrame(rows)

    make(1400, 240001).to_csv(out / "311_requests.csv", index=False)
    make(200, 250001).drop(columns=["department", "priority"]).to_csv(
        out / "311_requests_new.csv", index=False
    )


# ---------------------------------------------------------------- course forum
FORUM = {
    "assignment_help": [
        (
            "HW3 question 2",
            "I get a traceback when I run the bootstrap cell, KeyError on 'mean'. Any hints?",
        ),
        (
            "Problem set 4 confusion",
            "For question 5 do we use the pooled variance or not? My answer differs from the hint.",
        ),
        (
            "lab 2 error",
            "My regression code throws an error about shapes not aligned, what am I doing wrong?",
        ),
        (
            "homework stuck",
            "I am stuck on the homework proof for part b, can someone explain the first step?",
        ),
    ],
    "logistics": [
        (
            "extension request",
            "Is it possible to get a deadline extension for the project? I was ill this week.",
        ),
        ("midterm room", "Which room is the midterm in and is it still on Thursday?"),
        ("regrade", "How do I submit a regrade request for quiz 3?"),
        ("office hours moved?", "Are office hours cancelled this Friday because of the holiday?"),
    ],
    "off_topic": [
        ("study group", "Anyone want to form a study group at the library on weekends?"),
        (
            "good podcast",
            "Found a great podcast about data journalism, sharing the link for anyone interested.",
        ),
        ("lost water bottle", "Left a green water bottle in the lecture hall, has anyone seen it?"),
        ("coffee", "Where is the best coffee near the science building lol"),
    ],
}


def forum(out: Path) -> None:
    rng = np.random.default_rng(505)
    n = 700
    rows, truth = [], []
    for i in range(n):
        tag = pick(rng, list(FORUM))
        title, body = FORUM[tag][int(rng.integers(4))]
        if rng.random() < 0.25:
            body += " " + pick(
                rng,
                ["Thanks!", "Sorry if this was asked before.", "cheers", "(posting anonymously)"],
            )
        rows.append(
            {
                "post_id": f"p{i + 1:04d}",
                "course": pick(rng, ["STAT101", "CS210", "BIO150"]),
                "title": title,
                "body": body,
                "upvotes": int(rng.poisson(2)),
                "created": str(pd.Timestamp("2026-09-07") + pd.Timedelta(hours=int(5 * i))),
            }
        )
        truth.append(tag)
    with (out / "forum_posts.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
    tagged = rng.choice(n, size=140, replace=False)
    pd.DataFrame(
        {
            "PostID": [rows[i]["post_id"] for i in tagged],
            "tag": [truth[i] for i in tagged],
            "ta": rng.choice(["rosa", "dev", "kim"], len(tagged)),
        }
    ).to_csv(out / "forum_ta_tags.csv", index=False)


# ---------------------------------------------------------------- meal-kit reviews
POS = [
    "fresh ingredients and easy recipes",
    "delivery always on time, love it",
    "the portions are generous",
    "great value, the kids ate everything",
    "recipe cards are clear and fun",
    "veggie box was delicious",
]
NEG = [
    "box arrived warm and the chicken smelled off",
    "missing ingredients twice this month",
    "app keeps crashing at checkout",
    "way too much plastic packaging",
    "cancelled my plan, refund still pending",
    "portions tiny for the price",
]


def reviews(out: Path) -> None:
    rng = np.random.default_rng(606)

    def make(n: int, start: int) -> pd.DataFrame:
        rows = []
        for i in range(n):
            good = rng.random() < 0.6
            text = pick(rng, POS if good else NEG)
            if rng.random() < 0.4:
                text += ". " + pick(rng, POS if (good or rng.random() < 0.2) else NEG)
            stars = int(np.clip(rng.normal(4.3 if good else 1.8, 0.8), 1, 5))
            rows.append(
                {
                    "review_id": f"R{start + i}",
                    "stars": stars,
                    "platform": pick(rng, ["ios", "android", "web"]),
                    "review_text": text,
                    "sentiment": "positive" if good else "negative",
                }
            )
        return pd.DataFrame(rows)

    pool = make(900, 10000)
    hidden = rng.random(len(pool)) > 0.075  # about 70 stay labeled
    pool.loc[hidden, "sentiment"] = None
    pool.to_csv(out / "mealkit_reviews.csv", index=False)
    make(200, 20000).to_csv(out / "mealkit_reviews_test.csv", index=False)


# ---------------------------------------------------------------- greenhouse sensors
def greenhouse(out: Path) -> None:
    rng = np.random.default_rng(707)
    n = 2000
    zone = rng.choice(["A", "B", "C", "D"], n)
    temp = rng.normal(23, 2, n)
    humidity = 85 - 1.5 * (temp - 23) + rng.normal(0, 3, n)
    frame = pd.DataFrame(
        {
            "reading_id": np.arange(1, n + 1),
            "zone": zone,
            "sensor_id": [
                f"{z}-{int(k)}" for z, k in zip(zone, rng.integers(1, 6, n), strict=True)
            ],
            "timestamp": pd.date_range("2026-06-01", periods=n, freq="15min"),
            "air_temp_c": temp.round(2),
            "humidity_pct": humidity.round(1),
            "co2_ppm": rng.normal(700, 60, n).round(0),
            "soil_moisture": rng.uniform(0.25, 0.45, n).round(3),
            "light_lux": np.abs(rng.normal(18000, 5000, n)).round(0),
        }
    )
    frame.loc[rng.choice(n, 60, replace=False), "humidity_pct"] = np.nan
    frame.loc[rng.choice(n, 25, replace=False), "co2_ppm"] = np.nan
    frame.loc[[123, 777, 1500], "air_temp_c"] = [58.0, -9.5, 61.2]
    frame.loc[[401, 402], "humidity_pct"] = [100.0, 99.0]
    frame.loc[[401, 402], "air_temp_c"] = [35.0, 36.1]
    frame.loc[[950], "co2_ppm"] = [4800]
    frame.to_parquet(out / "greenhouse_sensors.parquet", index=False)


# ---------------------------------------------------------------- bike shop
def bikes(out: Path) -> None:
    rng = np.random.default_rng(808)
    services = [
        "puncture repair",
        "full service",
        "brake bleed",
        "gear tune",
        "wheel true",
        "chain replace",
    ]
    with (out / "bike_shop_jobs.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(250):
            job = {
                "job_id": 3000 + i,
                "bike_type": pick(rng, ["road", "mtb", "commuter", "cargo", "e-bike"]),
                "service": pick(rng, services),
                "parts_cost": round(float(rng.gamma(2, 12)), 2),
                "labor_minutes": int(rng.integers(10, 180)),
                "mechanic": pick(rng, ["Sam", "Ines", "Tomasz"]),
                "status": pick(rng, ["done", "done", "done", "waiting parts", "collected"]),
                "notes": pick(
                    rng,
                    [
                        "customer wants it by Friday",
                        "rear hub grinding, advised replacement",
                        "",
                        "tubeless sealant dried out",
                        "loud squeal from front disc",
                        "frame crack spotted near BB, told customer",
                    ],
                ),
            }
            fh.write(json.dumps(job) + "\n")


# ---------------------------------------------------------------- documents
DOCS = {
    "docs/clinic_handbook.md": """# Paws & Claws Veterinary Clinic: Staff Handbook

## Triage at the front desk

Triage is the process of sorting patients by how quickly they need care. Every animal that
arrives without an appointment is seen by a nurse within ten minutes. An urgent case is any
animal with breathing difficulty, heavy bleeding, suspected poisoning, seizures, or an inability
to urinate. Routine cases are booked into the next free consultation slot.

If an owner reports that a dog has eaten chocolate, grapes or rat poison, the nurse calls the
duty vet immediately. Cats that strain in the litter tray without passing urine are treated as
urgent because a urinary blockage can be fatal within a day.

## Vital signs

A normal resting temperature for dogs and cats is between 38.0 and 39.2 degrees Celsius. A
temperature above 39.7 degrees is recorded as a fever and reported to the vet. Heart rate is
counted for fifteen seconds and multiplied by four. Rabbits have a normal heart rate of 130 to
325 beats per minute, which is much faster than that of a large dog.

## Vaccination appointments

Puppies receive their first vaccination at eight weeks and a second dose at ten to twelve
weeks. The rabies certificate is issued by the vet who gives the injection. Boosters are
recommended every year for leptospirosis and every three years for the core vaccines.

## Controlled drugs

Controlled drugs are stored in the locked cabinet in the pharmacy. Every dose that is removed
is written in the controlled drugs register and signed by two members of staff. The register
is audited by the practice manager on the first Monday of each month.

## Closing the clinic

The last nurse to leave checks that the kennel doors are locked, that the oxygen supply is
turned off, and that the out-of-hours phone is forwarded to the emergency partner clinic.
""",
    "docs/vaccination_faq.txt": """Vaccination FAQ for pet owners

Why does my pet need vaccines?
Vaccines train the immune system to recognise dangerous diseases such as parvovirus,
distemper and feline leukaemia. A vaccinated animal is far less likely to become seriously ill.

How often should my cat be vaccinated?
Indoor cats usually need core vaccines every three years. Cats that go outside are also
vaccinated against feline leukaemia every year because they meet other cats.

Are there side effects?
Most pets are a little sleepy for a day after a vaccine. A small swelling at the injection site
is normal and disappears within two weeks. If your pet has facial swelling or vomits repeatedly,
call the clinic straight away because this can be an allergic reaction.

Can rabbits be vaccinated?
Yes. Rabbits are vaccinated against myxomatosis and rabbit haemorrhagic disease with one
combined injection every year.

What happens if we miss a booster?
If a booster is more than three months late, the vet may restart the primary course of two
injections. Bring your vaccination card so the nurse can check the dates.
""",
    "docs/carrier_sla.md": """# Kestrel Logistics: Service Level Agreement

## Service levels

Express parcels are delivered the next working day when they are collected before 14:00.
Standard parcels are delivered within two working days. Economy parcels are delivered within
five working days and are not tracked at every depot.

## Late deliveries

A delivery is late when it arrives after the promised day. If an express parcel is late, the
customer receives a full refund of the shipping fee. Standard parcels that are late by more than
two days are refunded at fifty percent. Deliveries to the islands are excluded from the
guarantee because ferry schedules change with the weather.

## Damaged goods

A claim for damaged goods must be submitted within fourteen days of delivery. The customer
uploads photos of the parcel and the packaging. Parcels above 30 kilograms must travel on a
pallet, otherwise damage is not covered.

## Declared value

The declared value is the amount the sender states the contents are worth. Compensation is
limited to the declared value, up to a maximum of 2,500 US dollars per parcel.
""",
    "docs/stat101_syllabus.md": """# STAT101: Introduction to Statistics (Fall 2026)

## Course overview

STAT101 introduces descriptive statistics, probability, sampling distributions and simple
linear regression. Lectures are on Tuesdays and Thursdays at 10:00 in the Hart building.

## Assessment

The final grade is made of weekly homework (30 percent), two midterms (20 percent each) and a
final project (30 percent). The lowest homework score is dropped. Late homework loses ten
percent per day and is not accepted after three days.

## Extensions and regrades

An extension is granted when a student has a documented illness or emergency. Regrade requests
must be submitted through the course forum within one week of the grades being released.

## Key ideas

A sampling distribution is the distribution of a statistic over many samples of the same size.
The standard error is the standard deviation of a sampling distribution. If the sample size is
multiplied by four, the standard error is halved. A confidence interval gives a range of
plausible values for a population parameter.

## Office hours

Teaching assistants hold office hours on Mondays from 14:00 to 16:00 in room 2.14. Office hours
are cancelled on public holidays.
""",
    "docs/311_service_guide.txt": """City of Northbridge 311 Service Guide

What is 311?
311 is the city's non-emergency number for reporting problems with streets, parks, rubbish,
noise and water. Emergencies such as fires or crimes in progress must be reported to 999.

How are requests routed?
Each request is routed to one department: Roads, Sanitation, Parks, Noise or Water. Potholes,
broken streetlights and traffic signals go to Roads. Missed bin collections and fly-tipping go
to Sanitation.

Response times
High priority requests are answered within four hours. A request is high priority when it puts
people at risk, for example an open water main or a fallen tree across a road. Normal requests
are answered within three working days, and low priority requests within ten working days.

Noise complaints
Noise complaints are handled by the Noise team between 18:00 and 03:00. Construction noise is
allowed between 08:00 and 18:00 on weekdays. A complaint about construction before 08:00 is
passed to the building control office.

Tracking a request
Every request receives a reference number that starts with 311. Residents can track the status
of a request in the app, on the website or by calling the 311 line.
""",
    "policies/homeowner_policy.txt": """Harborline Mutual Homeowner Policy: Terms and Conditions

Section 1. What is covered
This policy covers the buildings of your home and your contents against fire, storm, flood,
theft and escape of water. Accidental damage is covered only if you bought the accidental
damage extension.

Section 2. The excess
The excess is the amount you pay towards each claim. The standard excess is 250 pounds. Claims
for escape of water have an excess of 500 pounds because they are more expensive to repair.

Section 3. Unoccupied homes
If your home is unoccupied for more than 60 consecutive days, theft and escape of water are no
longer covered. You must tell us before the home becomes unoccupied.

Section 4. Making a claim
You must report a claim within 30 days of discovering the damage. If you report a theft, you
must also report it to the police and give us the crime reference number. We may send a loss
adjuster to inspect the damage before we agree to pay.

Section 5. Fraud
If a claim is fraudulent or exaggerated, we will not pay it and we may cancel the policy. A
fraudulent claim is one where you knowingly give false information to gain payment.

Section 6. Cancelling the policy
You can cancel within 14 days of the start date and receive a full refund. After 14 days the
refund is reduced in proportion to the time the policy was active.
""",
    "policies/claims_handling.md": """# Claims Handling Procedure (internal)

## First notification of loss

The first notification of loss is the moment the customer tells us about a claim. The handler
records the policy number, the date of the incident, and a short description. A claim reported
more than 30 days after the incident is referred to a senior handler.

## Fraud indicators

A claim is referred to the Special Investigations Unit (SIU) when two or more fraud indicators
are present. Fraud indicators include a policy that is less than 90 days old, missing receipts
for high-value items, no witnesses, and a late report. The SIU decides within ten working days
whether the claim is investigated.

## Settlement

Claims under 1,000 pounds are settled by the handler without a loss adjuster. Claims above
25,000 pounds need approval from the claims manager. Payment is made by bank transfer within
five working days of settlement.

## Complaints

If a customer is unhappy with a decision, the complaint is logged and acknowledged within two
working days. The final response is sent within eight weeks.
""",
}


def docs(out: Path) -> None:
    for name, text in DOCS.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    vet(out)
    shipments(out)
    claims(out)
    requests311(out)
    forum(out)
    reviews(out)
    greenhouse(out)
    bikes(out)
    docs(out)


if __name__ == "__main__":
    main()
