"""Write the heldout24 corpus's files into DIR: a vet clinic chain, a bus operator, a theatre.

Run: python make_data.py DIR  (deterministic, offline, seed 2424)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2424


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


# ---------------------------------------------------------------- vet clinics

CLINICS = ["Northside", "Riverside", "Oakfield", "Harbour Rd"]
SPECIES = ["dog", "cat", "rabbit", "guinea pig", "ferret", "bird"]
BREEDS = {
    "dog": ["labrador", "beagle", "collie", "staffie", "cockapoo", "mixed"],
    "cat": ["domestic shorthair", "siamese", "maine coon", "persian", "mixed"],
    "rabbit": ["lop", "dutch", "lionhead"],
    "guinea pig": ["abyssinian", "american"],
    "ferret": ["sable", "albino"],
    "bird": ["budgie", "cockatiel", "african grey"],
}
APPT_TYPES = ["vaccination", "check-up", "dental", "surgery", "follow-up", "nail clip"]
OWNER_NOTES = [
    "",
    "",
    "owner works shifts, may be late",
    "pls call before, phone often off",
    "new owner, first visit",
    "dog anxious in waiting room",
    "asked to move appt twice already",
    "lives far, comes by bus",
    "paid deposit",
    "booked online late at night",
    "elderly owner, needs reminder call",
    "cat hates carrier",
]


def appointments(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        sp = pick(rng, SPECIES[:2] * 3 + SPECIES[2:])
        booked = int(rng.integers(0, 60))
        reminder = pick(rng, ["sms", "email", "none", "sms"])
        prev = int(rng.poisson(0.5))
        deposit = int(rng.random() < 0.3)
        logit = -2.2 + 0.03 * booked + 0.8 * prev + (0.9 if reminder == "none" else 0.0)
        logit -= 1.2 * deposit
        no_show = rng.random() < 1 / (1 + np.exp(-logit))
        late_cancel = (not no_show) and rng.random() < 0.08 + 0.01 * prev
        rows.append(
            {
                "appt_id": f"A{24000 + i}",
                "clinic": pick(rng, CLINICS),
                "species": sp,
                "breed": pick(rng, BREEDS[sp]),
                "pet_age_yrs": round(float(rng.gamma(2.0, 2.5)), 1),
                "weight_kg": round(float(rng.gamma(2.0, 6.0 if sp == "dog" else 1.5)), 1),
                "appt_type": pick(rng, APPT_TYPES),
                "booked_days_ahead": booked,
                "reminder_sent": reminder,
                "previous_no_shows": prev,
                "deposit_paid": deposit,
                "owner_note": pick(rng, OWNER_NOTES),
                "no_show": "yes" if no_show else "no",
                "cancelled_late": "yes" if late_cancel else "no",
            }
        )
    return pd.DataFrame(rows)


URGENCY_TEXT = {
    "routine": [
        "annual booster given, {pet} healthy, weight stable",
        "routine check, teeth ok, advised diet for {pet}",
        "nail clip and ear clean, no concerns",
        "vaccination done, owner asked about flea treatment",
        "post-op check, wound healing well, sutures out next week",
        "healthy {pet}, microchip scanned ok",
    ],
    "urgent": [
        "{pet} vomiting since yesterday, mild dehydration, fluids given",
        "limping on left hind leg, x-ray booked for tomorrow",
        "ear infection, painful, antibiotics started",
        "not eating 2 days, bloods taken, recheck in 48h",
        "diarrhoea with some blood, stool sample sent",
        "eye swollen and discharge, drops prescribed",
    ],
    "emergency": [
        "hit by car, shock, heavy bleeding, stabilised on drip",
        "{pet} collapsed at home, breathing difficulty, oxygen given",
        "suspected poisoning (rat bait), induced vomiting, vit K",
        "bloated abdomen, GDV suspected, straight to surgery",
        "seizures continuous 10 min, diazepam iv",
        "difficult birth, pups stuck, emergency c-section",
    ],
}


def treatment_notes(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i in range(n):
        urg = pick(rng, ["routine"] * 5 + ["urgent"] * 3 + ["emergency"] * 2)
        sp = pick(rng, SPECIES[:2] * 3 + SPECIES[2:])
        text = pick(rng, URGENCY_TEXT[urg]).format(pet=sp)
        if rng.random() < 0.3:
            text += pick(
                rng, [". owner upset", ". insured", ". follow up by phone", " - see bloods"]
            )
        base = {"routine": 45, "urgent": 140, "emergency": 620}[urg]
        nid = f"TN-{5100 + i}"
        rows.append(
            {
                "note_id": nid,
                "clinic": pick(rng, CLINICS),
                "species": sp,
                "vet": pick(rng, ["JM", "AK", "RO", "SL", "PD"]),
                "visit_minutes": int(rng.integers(10, 25) * (1 if urg == "routine" else 2.5)),
                "note_text": text,
                "urgency": urg if rng.random() < 0.3 else "",
                "follow_up_needed": "yes" if urg != "routine" or rng.random() < 0.15 else "no",
                "invoice_eur": round(float(base * rng.uniform(0.6, 1.6)), 2),
            }
        )
        if rng.random() < 0.25:
            gold.append({"note_id": nid, "urgency_checked": urg})
    return pd.DataFrame(rows), pd.DataFrame(gold)


FEEDBACK = {
    "price": [
        "way too expensive for a simple check",
        "bill was much higher than the quote",
        "prices went up again, not happy",
        "charged for a consult we didnt need",
    ],
    "waiting": [
        "waited 50 minutes past our slot",
        "nobody told us the vet was running late",
        "phone line always busy, couldnt book",
        "long wait in reception with a scared cat",
    ],
    "staff": [
        "the nurse was lovely and so gentle",
        "receptionist was rude on the phone",
        "vet explained everything clearly, thank you",
        "staff very kind when we had to say goodbye",
    ],
    "treatment": [
        "dog still limping after the treatment",
        "great care, our rabbit recovered fast",
        "medication made him sick, had to come back",
        "surgery went perfect, stitches healed nicely",
    ],
}


def owner_feedback(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        topic = pick(rng, list(FEEDBACK))
        text = pick(rng, FEEDBACK[topic])
        positive = any(w in text for w in ["lovely", "clearly", "kind", "great", "perfect"])
        stars = int(rng.integers(4, 6)) if positive else int(rng.integers(1, 4))
        rows.append(
            {
                "feedback_id": f"FB{900 + i}",
                "clinic": pick(rng, CLINICS),
                "visit_month": pick(rng, ["2025-09", "2025-10", "2025-11", "2025-12"]),
                "stars": stars,
                "comment": text,
                "topic": topic if rng.random() < 0.35 else "",
                "would_recommend": "yes" if stars >= 4 or rng.random() < 0.15 else "no",
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- buses

ROUTES = ["12", "12A", "27", "40", "X5", "88", "101"]
DEPOTS = ["Westgate", "Millbrook", "Central"]
WEATHER = ["dry", "rain", "heavy rain", "fog", "snow", "dry"]


def trips(rng: np.random.Generator, n: int, start: int, with_outcome: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        route = pick(rng, ROUTES)
        weather = pick(rng, WEATHER)
        hour = int(rng.integers(5, 23))
        pax = int(rng.poisson(38 if hour in (7, 8, 16, 17) else 18))
        planned = int(rng.integers(25, 75))
        wx = {"dry": 0, "rain": 3, "heavy rain": 7, "fog": 5, "snow": 12}[weather]
        delay = max(-2, int(rng.normal(2 + wx + (5 if hour in (7, 8, 16, 17) else 0), 4)))
        odo = int(rng.integers(80_000, 620_000))
        breakdown = rng.random() < 0.02 + odo / 9_000_000
        fuel = round(float(planned * 0.45 * rng.uniform(0.85, 1.15)), 1)
        row = {
            "trip_id": f"T{start + i}",
            "route": route,
            "depot": pick(rng, DEPOTS),
            "driver_id": f"D{int(rng.integers(100, 160))}",
            "bus_no": f"B{int(rng.integers(300, 345))}",
            "day_of_week": pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
            "dep_hour": hour,
            "weather": weather,
            "passengers": pax,
            "planned_min": planned,
            "actual_min": planned + delay,
            "fuel_litres": fuel,
            "odometer_km": odo,
        }
        if with_outcome:
            row["delay_min"] = delay
            row["late_over_5"] = "yes" if delay > 5 else "no"
            row["breakdown"] = "yes" if breakdown else "no"
        rows.append(row)
    df = pd.DataFrame(rows)
    return df


COMPLAINTS = {
    "late_running": [
        "bus {r} was 25 min late again this morning, missed my train",
        "the {r} never comes on time, timetable is a joke",
        "waited 40 mins at the stop in the rain for the {r}",
        "bus didnt show up at all, app said it was coming",
    ],
    "driver_behaviour": [
        "driver on the {r} was shouting at an old lady",
        "driver was on his phone while driving!!",
        "driver drove past me even though i waved",
        "very rude driver, refused to help with the pram",
    ],
    "cleanliness": [
        "seats on the {r} were sticky and smelled awful",
        "rubbish everywhere on the top deck",
        "windows so dirty you cant see your stop",
        "vomit on the floor and nobody cleaned it all day",
    ],
    "fares": [
        "charged twice on my contactless card",
        "ticket machine ate my money and gave no ticket",
        "why is the day ticket more expensive on the {r}",
        "refund for my monthly pass never arrived",
    ],
    "accessibility": [
        "ramp was broken, wheelchair user couldnt board the {r}",
        "no space for my wheelchair because of buggies",
        "audio announcements not working, i am visually impaired",
        "driver wouldnt lower the bus for my walking frame",
    ],
}


def complaints(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i in range(n):
        cat = pick(rng, list(COMPLAINTS))
        r = pick(rng, ROUTES)
        text = pick(rng, COMPLAINTS[cat]).format(r=r)
        if rng.random() < 0.25:
            text += pick(rng, [". sort it out", ". third time this month", ". disgusting", " :("])
        cid = f"C-{7700 + i}"
        rows.append(
            {
                "complaint_id": cid,
                "route": r,
                "received_via": pick(rng, ["email", "web form", "phone", "twitter"]),
                "complaint_text": text,
                "category": cat if rng.random() < 0.3 else "",
                "escalated": "yes"
                if cat in ("driver_behaviour", "accessibility") and rng.random() < 0.6
                else "no",
                "refund_eur": round(float(rng.uniform(2, 60)), 2)
                if cat == "fares" and rng.random() < 0.5
                else 0.0,
            }
        )
        if rng.random() < 0.3:
            gold.append({"complaint_id": cid, "category": cat})
    return pd.DataFrame(rows), pd.DataFrame(gold)


DRIVER_REPORTS = {
    "low": [
        "mirror slightly loose, tightened myself",
        "reading light upstairs flickering",
        "small crack in passenger window corner",
        "destination display slow to change",
    ],
    "medium": [
        "brakes squeal when stopping at low speed",
        "heater not working, passengers complaining of cold",
        "front door slow to close, sometimes sticks",
        "warning light for tyre pressure came on twice",
    ],
    "high": [
        "brakes felt spongy, took bus out of service",
        "smoke from engine bay near depot, fire ext used",
        "steering pulling hard to the left at speed",
        "passenger assaulted on board, police called",
    ],
}


def driver_reports(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        sev = pick(rng, ["low"] * 4 + ["medium"] * 3 + ["high"] * 2)
        rows.append(
            {
                "report_id": f"DR{3300 + i}",
                "driver_id": f"D{int(rng.integers(100, 160))}",
                "bus_no": f"B{int(rng.integers(300, 345))}",
                "shift": pick(rng, ["early", "middle", "late", "night"]),
                "report_text": pick(rng, DRIVER_REPORTS[sev]),
                "severity": sev if rng.random() < 0.4 else "",
                "bus_off_road": "yes" if sev == "high" or rng.random() < 0.1 else "no",
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- theatre

SHOWS = ["Blithe Spirit", "Into the Woods", "A Christmas Carol", "Twelfth Night"]


def ticket_sales(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        show = pick(rng, SHOWS)
        band = pick(rng, ["A", "B", "C", "concession"])
        seats = int(rng.integers(1, 7))
        price = {"A": 24.0, "B": 18.0, "C": 12.0, "concession": 9.0}[band]
        days = int(rng.integers(0, 90))
        member = int(rng.random() < 0.35)
        refund = rng.random() < (0.02 + (0.08 if days > 45 else 0.0) + (0.05 if seats > 4 else 0.0))
        returning = rng.random() < (0.25 + 0.45 * member)
        rows.append(
            {
                "order_id": f"ORD{61000 + i}",
                "show": show,
                "performance": pick(rng, ["Thu eve", "Fri eve", "Sat mat", "Sat eve", "Sun mat"]),
                "price_band": band,
                "seats": seats,
                "channel": pick(rng, ["website", "box office", "phone", "website"]),
                "days_before_show": days,
                "friends_member": member,
                "discount_code": pick(rng, ["", "", "", "STUDENT10", "EARLYBIRD", "GROUP5"]),
                "total_paid": round(price * seats * rng.uniform(0.85, 1.0), 2),
                "refunded": "yes" if refund else "no",
                "returning_customer": "yes" if returning else "no",
            }
        )
    return pd.DataFrame(rows)


SURVEY = {
    "positive": [
        "absolutely loved it, the singing was wonderful",
        "brilliant cast, laughed all evening",
        "great night out, will bring friends next time",
        "set design was amazing for a small theatre",
    ],
    "neutral": [
        "it was ok, second half dragged a bit",
        "fine, seats could be comfier",
        "decent show, nothing special",
        "nice enough, bar queue too long at the interval",
    ],
    "negative": [
        "couldnt hear the actors from the back row",
        "boring and far too long, left at interval",
        "disappointing, the sound kept cutting out",
        "cold hall and uncomfortable chairs, not worth it",
    ],
}


def survey(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i in range(n):
        sent = pick(rng, ["positive"] * 5 + ["neutral"] * 3 + ["negative"] * 2)
        score = {"positive": (4, 6), "neutral": (3, 4), "negative": (1, 3)}[sent]
        rid = f"R{400 + i}"
        rows.append(
            {
                "response_id": rid,
                "show": pick(rng, SHOWS),
                "age_group": pick(rng, ["under 25", "25-44", "45-64", "65+", "65+"]),
                "seat_area": pick(rng, ["stalls", "balcony", "side"]),
                "enjoyment_1to5": int(rng.integers(*score)),
                "comments": pick(rng, SURVEY[sent]),
                "sentiment": sent if rng.random() < 0.3 else "",
                "would_come_again": "yes" if sent == "positive" or rng.random() < 0.3 else "no",
            }
        )
        if rng.random() < 0.3:
            gold.append({"response_id": rid, "sentiment_hand": sent})
    return pd.DataFrame(rows), pd.DataFrame(gold)


def rota(rng: np.random.Generator, n: int) -> pd.DataFrame:
    names = ["Maggie", "Tom", "Priya", "Alan", "Bea", "Kofi", "Sue", "Rhys", "Ines", "Dot"]
    rows = []
    for i in range(n):
        days = int(rng.integers(0, 30))
        prev_missed = int(rng.poisson(0.4))
        p = 0.93 - 0.15 * prev_missed - (0.1 if days > 20 else 0.0)
        rows.append(
            {
                "shift_id": f"S{100 + i}",
                "volunteer": pick(rng, names),
                "role": pick(rng, ["usher", "bar", "front of house", "props", "lighting"]),
                "show": pick(rng, SHOWS),
                "shift_hours": float(pick(rng, ["2.5", "3", "4", "5"])),
                "signed_up_days_before": days,
                "shifts_missed_before": prev_missed,
                "notes": pick(
                    rng, ["", "", "can swap", "new volunteer", "needs lift", "bringing friend"]
                ),
                "turned_up": "yes" if rng.random() < p else "no",
            }
        )
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- documents

DOCS = {
    "clinic_docs/vaccination_policy.md": """# Vaccination policy (all clinics)

## Dogs
Puppies get their first vaccination at 8 weeks and the second at 10 to 12 weeks. Adult dogs
need a yearly booster for leptospirosis and a booster for distemper, hepatitis and parvovirus
every three years. Kennel cough vaccine is given up the nose and lasts twelve months.

## Cats
Kittens are vaccinated at 9 and 12 weeks against cat flu and enteritis. Outdoor cats also get
the feline leukaemia vaccine. Boosters are yearly.

## Rabbits
Rabbits get one combined vaccine against myxomatosis and both strains of RHD from 5 weeks of
age, repeated every year.

## Missed boosters
If a booster is more than three months overdue the primary course must be restarted. Reception
sends an SMS reminder four weeks and one week before the due date.
""",
    "clinic_docs/post_op_care.md": """# After your pet's operation

## The first 24 hours
Your pet may be sleepy and wobbly after the anaesthetic. Offer a small meal, about half the
normal amount, in the evening. Keep them indoors and quiet.

## The wound
Check the wound twice a day. A little redness is normal, but call us if there is swelling,
discharge or the wound opens. The cone (buster collar) must stay on until the stitches are out,
normally after 10 to 14 days.

## Exercise
Dogs should have short lead walks only, for 10 minutes, for two weeks. No jumping on furniture.

## Medicines
Give the pain relief with food. Never give human painkillers such as ibuprofen or paracetamol:
they are poisonous to cats and dogs.

## When to call the emergency line
Call 0800 555 0199 at any hour if your pet is bleeding, not passing urine for 24 hours, or
collapses.
""",
    "bus_docs/driver_handbook.md": """# Driver handbook (extract)

## Before the shift
Do the walk-round check: tyres, lights, mirrors, doors, ramp and fire extinguisher. Record any
defect on the defect card and tell the depot controller before leaving the yard.

## Running late
If you are more than 5 minutes late, tell control on the radio. Control may ask you to skip
stops on the way back ("short turn"). Never skip a stop where a passenger has rung the bell.

## Wheelchair users
Wheelchair users have priority for the wheelchair space over buggies. Lower the bus and deploy
the ramp for every passenger who asks. If the ramp fails, call control and the bus goes out of
service at the end of the trip.

## Incidents
For any assault or injury, stop safely, call 999 if needed, then control. Fill in the incident
report form before the end of the shift.

## Hours
Drivers may drive at most 5.5 hours before a break of 45 minutes, and 10 hours in a day.
""",
    "bus_docs/fares_and_refunds.md": """# Fares and refunds

## Single and day tickets
An adult single costs 2.00 on all town routes. The day ticket costs 5.50 and is valid on every
route except the X5 airport express, where a day ticket costs 8.00.

## Concessions
Under 16s pay half fare. Holders of the senior bus pass travel free after 09:30 on weekdays and
all day at weekends.

## Refunds
If a bus is more than 30 minutes late you can claim the cost of your single fare back within 28
days, through the web form. Monthly passes are refunded pro rata if returned with 10 or more
days left. Double charges on contactless cards are refunded automatically within 5 working days.
""",
    "theatre_docs/volunteer_handbook.md": """# Volunteer handbook

## Signing up
Shifts go on the rota every first Monday of the month. Put your name down on the sheet in the
green room or tell the rota coordinator, Bea, by email.

## Ushers
Ushers arrive 45 minutes before curtain up, check tickets, show people to their seats and keep
the aisles clear. Two ushers stay in the auditorium for the whole show.

## Bar
Bar volunteers need to be over 18 and must have read the licensing notes. The bar opens one hour
before the show and at the interval. Cash is counted by two people together.

## If you cannot come
Tell Bea at least 48 hours before the shift so someone can swap. After three missed shifts
without notice we will talk to you before you sign up again.

## Perks
Every volunteer gets a free ticket for each show after four shifts.
""",
    "theatre_docs/box_office_faq.md": """# Box office FAQ

## Opening hours
The box office is open Tuesday to Saturday, 12:00 to 16:00, and one hour before each show.

## Refunds and exchanges
Tickets can be exchanged for another performance of the same show up to 48 hours before for a
fee of 1.50 per ticket. Refunds are only given when a performance is cancelled.

## Concessions
Concession price (9.00) is for students, under 18s and people over 65. Bring proof when
collecting.

## Friends membership
Friends pay 30 a year and get priority booking two weeks before general sale, plus 10 percent off
all tickets.

## Access
The stalls have level access. There are four wheelchair spaces; book them by phone. An induction
loop works in the stalls only.
""",
}


RULES = {
    "rules/urgency_rules.json": [
        {
            "name": "kw_emergency",
            "label": "emergency",
            "kind": "keyword",
            "column": "note_text",
            "keywords": ["collapsed", "bleeding", "poisoning", "seizures", "surgery", "shock"],
        },
        {
            "name": "kw_urgent",
            "label": "urgent",
            "kind": "keyword",
            "column": "note_text",
            "keywords": ["vomiting", "limping", "infection", "not eating", "diarrhoea", "swollen"],
        },
        {
            "name": "kw_routine",
            "label": "routine",
            "kind": "keyword",
            "column": "note_text",
            "keywords": ["booster", "routine", "nail clip", "healthy", "vaccination"],
        },
        {
            "name": "big_bill",
            "label": "emergency",
            "kind": "threshold",
            "column": "invoice_eur",
            "op": ">",
            "value": 500,
        },
    ],
    "rules/complaint_rules.json": [
        {
            "name": "late",
            "label": "late_running",
            "kind": "keyword",
            "column": "complaint_text",
            "keywords": ["late", "on time", "waited", "didnt show"],
        },
        {
            "name": "driver",
            "label": "driver_behaviour",
            "kind": "keyword",
            "column": "complaint_text",
            "keywords": ["rude", "shouting", "phone", "drove past"],
        },
        {
            "name": "dirty",
            "label": "cleanliness",
            "kind": "regex",
            "column": "complaint_text",
            "pattern": "dirt|sticky|rubbish|vomit|smell",
            "ignore_case": True,
        },
        {
            "name": "money",
            "label": "fares",
            "kind": "keyword",
            "column": "complaint_text",
            "keywords": ["charged", "ticket", "refund", "money"],
        },
        {
            "name": "access",
            "label": "accessibility",
            "kind": "keyword",
            "column": "complaint_text",
            "keywords": ["wheelchair", "ramp", "walking frame"],
        },
    ],
}


def add_odd_trips(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    odd = [
        (5, "fuel_litres", 310.0),
        (41, "passengers", 260),
        (97, "actual_min", 410),
        (150, "odometer_km", 9_999_999),
        (222, "fuel_litres", 0.0),
        (301, "planned_min", 3),
    ]
    for idx, col, val in odd:
        df.loc[idx, col] = val
    return df


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("clinic_docs", "bus_docs", "theatre_docs", "rules"):
        (out / sub).mkdir(exist_ok=True)

    appts = appointments(rng, 900)
    appts.iloc[:600].to_csv(out / "appointments_train.csv", index=False)
    appts.iloc[600:800].to_csv(out / "appointments_test.csv", index=False)
    appts.iloc[800:].drop(columns=["no_show", "cancelled_late"]).to_csv(
        out / "appointments_next_week.csv", index=False
    )
    notes, notes_gold = treatment_notes(rng, 500)
    notes.to_csv(out / "treatment_notes.csv", index=False)
    notes_gold.to_csv(out / "treatment_notes_gold.csv", index=False)
    owner_feedback(rng, 400).to_csv(out / "owner_feedback.csv", index=False)

    logs = add_odd_trips(trips(rng, 1200, 50000, True))
    logs.iloc[:900].to_csv(out / "trip_logs_q1_q2.csv", index=False)
    logs.iloc[900:].to_csv(out / "trip_logs_q3.csv", index=False)
    trips(rng, 150, 60000, False).to_csv(out / "trips_october.csv", index=False)
    comp, comp_gold = complaints(rng, 600)
    comp.to_csv(out / "passenger_complaints.csv", index=False)
    comp_gold.to_csv(out / "complaints_handchecked.csv", index=False)
    driver_reports(rng, 350).to_csv(out / "driver_reports.csv", index=False)

    sales = ticket_sales(rng, 1000)
    sales.iloc[:800].to_csv(out / "ticket_sales.csv", index=False)
    sales.iloc[800:].to_csv(out / "ticket_sales_autumn.csv", index=False)
    surv, surv_gold = survey(rng, 450)
    surv.to_csv(out / "audience_survey.csv", index=False)
    surv_gold.to_csv(out / "survey_hand_labels.csv", index=False)
    rota(rng, 400).to_csv(out / "volunteer_rota.csv", index=False)

    for name, text in DOCS.items():
        (out / name).write_text(text, encoding="utf-8")
    for name, lfs in RULES.items():
        (out / name).write_text(json.dumps(lfs, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
