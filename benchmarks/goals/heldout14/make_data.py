"""Write the heldout14 corpus's files: an outpatient clinic, a furniture shop, a music app.

Run: python make_data.py DIR. Deterministic (fixed seeds), offline, invented data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1414


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


# --------------------------------------------------------------------------- clinic


CLINICS = ["cardiology", "dermatology", "orthopaedics", "diabetes", "ENT", "gastro"]


def appointments(rng: np.random.Generator, n: int, start: str, with_outcome: bool) -> pd.DataFrame:
    clinic = rng.choice(CLINICS, n)
    age = rng.integers(18, 92, n)
    lead = rng.integers(1, 120, n)
    distance = np.round(rng.gamma(2.0, 6.0, n), 1)
    prior = rng.poisson(0.6, n)
    reminder = rng.choice(["sms", "letter", "none", "phone"], n, p=[0.5, 0.2, 0.2, 0.1])
    weekday = rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"], n)
    slot = rng.choice(["08:30", "09:15", "10:00", "11:30", "13:45", "14:30", "15:15", "16:00"], n)
    first = rng.choice(["new", "follow-up"], n, p=[0.4, 0.6])
    interpreter = rng.choice(["no", "yes"], n, p=[0.9, 0.1])
    ids = [f"APT{int(start) + i:06d}" for i in range(n)]
    df = pd.DataFrame(
        {
            "appt_id": ids,
            "clinic": clinic,
            "patient_age": age,
            "days_booked_ahead": lead,
            "distance_km": distance,
            "previous_dnas": prior,
            "reminder": reminder,
            "weekday": weekday,
            "slot_time": slot,
            "visit_type": first,
            "interpreter_needed": interpreter,
        }
    )
    if with_outcome:
        z = (
            -3.2
            + 0.018 * lead
            + 0.7 * prior
            + 0.03 * distance
            - 0.012 * (age - 50)
            + np.where(reminder == "none", 0.9, 0.0)
            - np.where(reminder == "phone", 0.6, 0.0)
            + np.where(first == "new", 0.3, 0.0)
        )
        p = 1 / (1 + np.exp(-z))
        dna = rng.random(n) < p
        late_cancel = (~dna) & (rng.random(n) < 0.08 + 0.002 * lead)
        df["did_not_attend"] = np.where(dna, "yes", "no")
        df["cancelled_late"] = np.where(late_cancel, "yes", "no")
        df["rebooked_within_30d"] = np.where(rng.random(n) < np.where(dna, 0.45, 0.1), "Y", "N")
    return df


REFERRAL_BITS = {
    "urgent": [
        "unexplained weight loss of 8kg over two months",
        "rapidly enlarging lump noted by patient",
        "chest pain on exertion, worsening this week",
        "rectal bleeding with change in bowel habit",
        "suspicious pigmented lesion with irregular border",
        "syncope while driving, ECG abnormal",
    ],
    "soon": [
        "persistent symptoms despite two courses of treatment",
        "knee pain limiting work, MRI shows meniscal tear",
        "HbA1c rising to 78 despite metformin and gliclazide",
        "recurrent tonsillitis, six episodes this year",
        "reflux symptoms not settling on PPI",
    ],
    "routine": [
        "longstanding eczema, would appreciate specialist review",
        "mild hearing loss, patient keen for assessment",
        "stable angina, well controlled, annual review requested",
        "request for advice on management of benign mole",
        "chronic back ache, no red flags, physio done",
    ],
}
OPENERS = [
    "Dear colleague, thank you for seeing this {age} year old {sex}.",
    "Dear Dr {doc}, I would be grateful if you could review this patient ({age}, {sex}).",
    "Re: {age}yo {sex}. Many thanks for seeing.",
]
CLOSERS = [
    "Regular medications attached.",
    "No known drug allergies.",
    "Please contact the surgery if more information is needed.",
    "Bloods from last month enclosed.",
]


def referral_letters(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        urgency = pick(rng, ["urgent", "soon", "soon", "routine", "routine", "routine"])
        text = " ".join(
            [
                pick(rng, OPENERS).format(
                    age=int(rng.integers(20, 90)),
                    sex=pick(rng, ["man", "woman"]),
                    doc=pick(rng, ["Okafor", "Singh", "Hughes", "Brennan"]),
                ),
                "Presenting with " + pick(rng, REFERRAL_BITS[urgency]) + ".",
                pick(rng, CLOSERS),
            ]
        )
        rows.append(
            {
                "letter_id": f"REF-{4100 + i}",
                "received": str(
                    (pd.Timestamp("2026-01-05") + pd.Timedelta(days=int(i // 6))).date()
                ),
                "gp_practice": pick(
                    rng, ["Riverside MC", "Oak Lane Surgery", "Hillview", "Station Rd"]
                ),
                "specialty": pick(rng, CLINICS),
                "letter_text": text,
                "triage_category": urgency if rng.random() < 0.25 else "",
                "_true": urgency,
            }
        )
    return pd.DataFrame(rows)


FEEDBACK = {
    "waiting": [
        "waited nearly two hours past my appointment time",
        "the wait in the corridor was far too long",
        "nobody told us why the clinic was running late",
        "sat in the waiting room for ages",
    ],
    "staff": [
        "the nurse was kind and explained everything",
        "doctor was rude and rushed me out",
        "reception staff were friendly and helpful",
        "the consultant listened properly for once",
    ],
    "parking": [
        "could not find a parking space anywhere",
        "car park charges are a disgrace",
        "parking machine was broken again",
    ],
    "communication": [
        "my letter arrived after the appointment date",
        "never got the results I was promised",
        "the text reminder had the wrong clinic",
        "phone line rings out, nobody answers",
    ],
    "cleanliness": [
        "toilets were dirty",
        "the waiting area was spotless",
        "bins overflowing near the entrance",
    ],
}


def patient_feedback(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        theme = pick(rng, list(FEEDBACK))
        text = pick(rng, FEEDBACK[theme])
        if rng.random() < 0.5:
            other = pick(rng, list(FEEDBACK))
            text += ", and " + pick(rng, FEEDBACK[other])
        text = text[0].upper() + text[1:] + "."
        positive = any(w in text for w in ["kind", "friendly", "spotless", "listened", "helpful"])
        stars = int(np.clip(rng.normal(4.2 if positive else 2.0, 0.8), 1, 5))
        rows.append(
            {
                "feedback_id": 9000 + i,
                "clinic": pick(rng, CLINICS),
                "visit_month": pick(rng, ["2025-10", "2025-11", "2025-12", "2026-01"]),
                "comment": text,
                "stars": stars,
                "theme": theme if rng.random() < 0.3 else "",
                "would_recommend": "yes" if stars >= 4 else ("no" if stars <= 2 else ""),
            }
        )
    return pd.DataFrame(rows)


def clinic_sessions(rng: np.random.Generator, n: int) -> pd.DataFrame:
    booked = rng.integers(8, 24, n)
    seen = booked - rng.binomial(booked, 0.1)
    df = pd.DataFrame(
        {
            "session_ref": [f"S{700 + i}" for i in range(n)],
            "clinic": rng.choice(CLINICS, n),
            "session": rng.choice(["AM", "PM"], n),
            "patients_booked": booked,
            "patients_seen": seen,
            "mean_wait_min": np.round(rng.gamma(4, 6, n), 1),
            "overrun_min": np.round(np.abs(rng.normal(10, 8, n)), 0),
            "clinicians": rng.integers(1, 4, n),
        }
    )
    odd = [13, 58, 91, 140, 177]
    df.loc[odd[0], "patients_seen"] = 41
    df.loc[odd[1], "mean_wait_min"] = 412.0
    df.loc[odd[2], ["patients_booked", "patients_seen"]] = [3, 0]
    df.loc[odd[3], "overrun_min"] = 295
    df.loc[odd[4], "clinicians"] = 9
    return df


# --------------------------------------------------------------------------- furniture

CATEGORIES = [
    "sofa",
    "bed frame",
    "mattress",
    "dining table",
    "wardrobe",
    "desk",
    "armchair",
    "rug",
]
REGIONS = ["London", "South East", "Midlands", "North West", "Scotland", "Wales", "South West"]


def orders(rng: np.random.Generator, n: int, start: int, with_outcome: bool) -> pd.DataFrame:
    cat = rng.choice(CATEGORIES, n)
    base = {
        "sofa": 900,
        "bed frame": 420,
        "mattress": 380,
        "dining table": 650,
        "wardrobe": 560,
        "desk": 230,
        "armchair": 340,
        "rug": 140,
    }
    price = np.round([base[c] * rng.lognormal(0, 0.3) for c in cat], 2)
    promised = rng.integers(3, 28, n)
    region = rng.choice(REGIONS, n)
    actual = promised + rng.integers(-2, 6, n) + np.where(region == "Scotland", 3, 0)
    assembly = rng.choice(["yes", "no"], n, p=[0.3, 0.7])
    colour = rng.choice(["oak", "walnut", "grey", "navy", "white", "sage"], n)
    df = pd.DataFrame(
        {
            "order_no": [f"FO-{start + i}" for i in range(n)],
            "category": cat,
            "colour": colour,
            "price_gbp": price,
            "qty": rng.integers(1, 4, n),
            "delivery_region": region,
            "promised_days": promised,
            "actual_days": actual,
            "assembly_booked": assembly,
            "first_order": rng.choice(["yes", "no"], n, p=[0.55, 0.45]),
            "viewed_in_showroom": rng.choice(["yes", "no"], n, p=[0.2, 0.8]),
        }
    )
    if with_outcome:
        z = (
            -2.0
            + 0.25 * (actual - promised)
            + np.where(np.isin(cat, ["sofa", "armchair"]), 0.5, 0.0)
            + np.where(colour == "sage", 0.6, 0.0)
            - np.where(df["viewed_in_showroom"] == "yes", 1.0, 0.0)
            + 0.0005 * price
        )
        returned = rng.random(n) < 1 / (1 + np.exp(-z))
        df["returned"] = np.where(returned, "yes", "no")
        df["damaged_on_arrival"] = np.where(rng.random(n) < 0.07, "yes", "no")
        df["review_stars"] = np.where(
            rng.random(n) < 0.6, np.clip(5 - (actual - promised).clip(0) // 2, 1, 5), np.nan
        )
    return df


COMPLAINTS = {
    "late": [
        "delivery was {d} days late and nobody called",
        "still waiting for my {c}, tracking has not moved for a week",
        "missed the delivery slot twice",
    ],
    "damaged": [
        "the {c} arrived with a big scratch across the top",
        "box was crushed and one leg snapped",
        "fabric torn on arrival, clearly dropped",
    ],
    "wrong_item": [
        "ordered {col} but received a completely different colour",
        "wrong {c} delivered, not what is on my invoice",
        "parts missing, got screws for a different model",
    ],
    "courier_conduct": [
        "driver refused to carry it upstairs",
        "courier left the {c} in the rain outside",
        "the delivery men were rude to my mother",
    ],
}


def delivery_complaints(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        issue = pick(rng, list(COMPLAINTS))
        text = pick(rng, COMPLAINTS[issue]).format(
            d=int(rng.integers(2, 15)),
            c=pick(rng, CATEGORIES),
            col=pick(rng, ["grey", "oak", "navy"]),
        )
        tail = pick(
            rng,
            [
                "",
                " Very disappointed.",
                " I want a refund.",
                " Please sort this out.",
                " Third time I have emailed.",
            ],
        )
        rows.append(
            {
                "complaint_id": f"C{31000 + i}",
                "order_no": f"FO-{20000 + int(rng.integers(0, 900))}",
                "channel": pick(rng, ["email", "web form", "phone", "trustpilot"]),
                "courier": pick(rng, ["HomeHaul", "Parcelwise", "in-house van"]),
                "complaint": text[0].upper() + text[1:] + "." + tail,
                "issue_type": issue if rng.random() < 0.2 else "",
                "escalated": pick(rng, ["yes", "no", "no", "no"]),
                "_true": issue,
            }
        )
    return pd.DataFrame(rows)


RETURN_REASONS = {
    "changed_mind": [
        "no longer needed",
        "found a cheaper one elsewhere",
        "partner did not like it",
    ],
    "not_as_described": [
        "colour much darker than the photos",
        "smaller than the website said",
        "cushions far firmer than described",
    ],
    "damaged": ["arrived chipped", "split seam on delivery", "water damage to the box and frame"],
    "doesnt_fit": [
        "would not fit through the door",
        "too big for the bedroom",
        "stairs too narrow",
    ],
}


def returns(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        reason = pick(rng, list(RETURN_REASONS))
        rows.append(
            {
                "return_ref": f"RT{5500 + i}",
                "order_no": f"FO-{10000 + int(rng.integers(0, 1200))}",
                "category": pick(rng, CATEGORIES),
                "customer_note": pick(rng, RETURN_REASONS[reason]).capitalize() + ".",
                "refund_gbp": round(float(rng.gamma(3, 120)), 2),
                "days_since_delivery": int(rng.integers(0, 40)),
                "return_reason": reason if rng.random() < 0.4 else "",
                "resaleable": pick(rng, ["yes", "no", ""]),
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- music app

TICKETS = {
    "billing": [
        "I was charged twice for premium this month",
        "my student discount disappeared and I paid full price",
        "refund please, cancelled but still billed",
        "card declined but money left my account",
    ],
    "playback": [
        "songs stop after 30 seconds on my phone",
        "app crashes whenever I skip a track",
        "audio stutters over bluetooth in the car",
        "playback stops when the screen locks",
    ],
    "account": [
        "cannot log in after changing my email",
        "someone else is using my account",
        "password reset link never arrives",
        "family plan member cannot join",
    ],
    "downloads": [
        "offline downloads vanished after the update",
        "downloaded playlists will not play on the plane",
        "download stuck at 0 percent",
    ],
    "recommendations": [
        "daily mix keeps playing the same five artists",
        "recommendations are full of kids songs since my nephew used it",
        "discover weekly is empty",
    ],
}


def support_tickets(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        cat = pick(rng, list(TICKETS))
        body = pick(rng, TICKETS[cat])
        body += pick(
            rng,
            [
                "",
                " (Android 14)",
                " on iPhone 15, latest app",
                " on the web player",
                ", this is really annoying",
                ", please help asap",
            ],
        )
        rows.append(
            {
                "ticket_id": 40000 + i,
                "opened": str(pd.Timestamp("2026-02-01") + pd.Timedelta(hours=int(i * 3))),
                "plan": pick(rng, ["free", "premium", "family", "student"]),
                "platform": pick(rng, ["android", "ios", "web", "desktop"]),
                "subject": body.split(" ")[0].capitalize() + " " + " ".join(body.split(" ")[1:4]),
                "message": body[0].upper() + body[1:] + ".",
                "category": cat if rng.random() < 0.25 else "",
                "priority": pick(rng, ["low", "normal", "normal", "high", ""]),
                "hours_to_resolve": round(float(rng.gamma(2, 9)), 1),
                "_true": cat,
            }
        )
    return pd.DataFrame(rows)


def churn(rng: np.random.Generator, n: int, start: int, with_outcome: bool) -> pd.DataFrame:
    plan = rng.choice(["free", "premium", "family", "student"], n, p=[0.4, 0.35, 0.15, 0.1])
    tenure = rng.integers(1, 60, n)
    hours = np.round(rng.gamma(2.5, 8, n), 1)
    skips = np.round(rng.gamma(2, 4, n), 1)
    fails = rng.poisson(0.3, n)
    tickets = rng.poisson(0.5, n)
    df = pd.DataFrame(
        {
            "user_id": [f"u{start + i}" for i in range(n)],
            "plan": plan,
            "country": rng.choice(["UK", "IE", "DE", "NL", "SE"], n),
            "main_device": rng.choice(["android", "ios", "web", "desktop", "smart speaker"], n),
            "tenure_months": tenure,
            "hours_last_30d": hours,
            "skips_per_hour": skips,
            "playlists_made": rng.poisson(3, n),
            "tickets_90d": tickets,
            "payment_failures": fails,
        }
    )
    if with_outcome:
        z = -0.8 - 0.04 * tenure - 0.05 * hours + 0.08 * skips + 0.9 * fails + 0.4 * tickets
        z += np.where(plan == "free", 0.6, 0.0)
        churned = rng.random(n) < 1 / (1 + np.exp(-z))
        df["churned"] = np.where(churned, "yes", "no")
        df["downgraded"] = np.where((~churned) & (rng.random(n) < 0.12), "yes", "no")
    return df


REVIEW_BITS = {
    "positive": [
        "love the new playlists",
        "best music app I have used",
        "sound quality is great",
        "radio feature is brilliant",
        "worth every penny",
    ],
    "negative": [
        "constant crashes since update",
        "too many ads on free tier",
        "cannot cancel subscription",
        "battery drain is terrible",
        "lyrics never sync",
    ],
    "mixed": [
        "good library but the app is slow",
        "nice design, shame about the price",
        "works fine on phone, awful on tablet",
    ],
}


def app_reviews(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        s = pick(rng, ["positive", "positive", "negative", "negative", "mixed"])
        text = pick(rng, REVIEW_BITS[s])
        if rng.random() < 0.4:
            text += ". " + pick(rng, REVIEW_BITS[s]).capitalize()
        stars = {"positive": 5, "negative": 1, "mixed": 3}[s] + int(rng.integers(-1, 2))
        rows.append(
            {
                "review_id": f"r-{i:04d}",
                "store": pick(rng, ["App Store", "Google Play"]),
                "app_version": pick(rng, ["8.1.0", "8.1.2", "8.2.0", "8.2.1"]),
                "stars": int(np.clip(stars, 1, 5)),
                "review": text[0].upper() + text[1:] + ".",
                "tone": s if rng.random() < 0.2 else "",
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- documents

LEAFLET = """# Before your outpatient appointment

## Checking in
Please arrive 15 minutes before your appointment time. The check-in kiosks are in the main
atrium next to the pharmacy. If the kiosk cannot find your booking, go to the reception desk
of your clinic with your appointment letter.

## If you cannot come
If you cannot attend, phone the booking line on 01632 960 411 at least 48 hours before your
appointment. A missed appointment without notice is recorded as "did not attend" (DNA). After
two DNAs in a row, your consultant may discharge you back to your GP.

## Reminders
We send a text message reminder seven days and again two days before your appointment. The
reminder comes from the name HOSP-OPD. Reply CANCEL to cancel; the slot is then offered to
another patient.

## Parking and transport
The multi-storey car park costs 3 pounds for up to four hours. Blue badge holders park free in
bays on level 0. Patient transport is available when a medical condition means you cannot use
public transport; your GP must request it at least five working days in advance.

## Interpreters
If you need an interpreter, tell the booking team when your appointment is made. Interpreters
are free of charge and are booked for the whole length of the appointment.
"""

REFERRAL_GUIDE = """# Referral triage guidance for outpatient clinics

Every referral letter is triaged by a consultant within three working days of receipt.

## Categories
Urgent means the patient must be seen within two weeks. Suspected cancer referrals are always
urgent and follow the two-week-wait pathway.
Soon means the patient should be seen within six weeks; this is used when symptoms are
progressing or first-line treatment has failed.
Routine means the patient is seen within eighteen weeks of referral.

## Rejected referrals
A referral is returned to the GP when it lacks a reason for referral, a current medication
list, or when the service does not treat the condition. Returned referrals are logged with the
reason, and the GP receives a letter within five working days.

## Advice and guidance
For questions that do not need a face-to-face visit, GPs can request advice and guidance. The
consultant replies within ten working days, and the request can be converted to a referral.
"""

DELIVERY_FAQ = """# Delivery and returns

## How long will delivery take?
Most items are delivered within 3 to 10 working days. Made-to-order sofas and armchairs take
6 to 8 weeks because each one is upholstered after you order. Deliveries to the Scottish
Highlands and islands take up to five extra working days.

## Two-person delivery
Large items such as sofas, wardrobes and bed frames come with our two-person team, who carry
the item to the room of your choice. The team cannot remove doors or hoist items through
windows. Please measure doorways and staircases before you order.

## Assembly service
Assembly costs 49 pounds per item and is booked at checkout. The team assembles the item and
takes the packaging away.

## Returns
You can return most items within 30 days of delivery for a full refund. Returned items must
be unused and in their original packaging. Made-to-order items can be returned only if they
are faulty. A collection fee of 39 pounds applies to returns that are not faulty.

## Damaged on arrival
If an item arrives damaged, report it within 48 hours with photos. We then send a replacement
part or arrange a replacement item at no cost.
"""

PRODUCTS = """# Product descriptions: living room range

## Harlow three-seater sofa
The Harlow sofa has a solid beech frame and pocket-sprung seat cushions. The covers are
removable and can be dry-cleaned. It measures 212 cm wide, 92 cm deep and 84 cm high, and it
needs a doorway at least 76 cm wide. It is made to order in twelve fabrics.

## Mira armchair
The Mira armchair is a compact chair with a curved back and tapered oak legs. The seat is
filled with foam wrapped in fibre. It weighs 19 kg and arrives fully assembled.

## Ostara oak coffee table
The Ostara table is made from FSC-certified solid oak finished with a hard wax oil. Rings from
hot mugs can be removed with fine wire wool and a fresh coat of oil. The table has a lower
shelf and measures 110 by 60 cm.

## Caring for velvet
Velvet should be vacuumed weekly with a soft brush attachment. Spills are blotted, never
rubbed. Pile marks are normal and are removed by steaming the fabric gently.
"""

HELP_GUIDE = """# Help centre guide

## Listening offline
Premium, Family and Student members can download up to 10,000 songs on each of five devices.
Downloads stay available offline for 30 days; the app must go online once in 30 days to keep
them. If downloads disappear after an update, sign out and sign back in, then re-download.

## Billing and plans
Your plan renews on the same day each month. If a payment fails, we retry the card three
times over seven days before the account moves to the free plan. The student discount must be
re-verified every twelve months. Refunds for duplicate charges are issued within five working
days to the original payment method.

## Family plan
The family plan covers up to six accounts living at the same address. The plan manager sends
invites from the account page. A member who moves address can be removed by the manager at any
time.

## Playback problems
If songs stop after 30 seconds, the app is playing previews because the account is signed out
or the plan has lapsed. Bluetooth stutter is often fixed by turning off audio normalisation in
settings. Clearing the cache removes corrupted downloads but keeps your playlists.

## Account security
If someone else is using your account, reset your password and choose sign out everywhere.
Two-step verification is available under account security and sends a code by text message.
"""

SUPPORT_MACROS = """# Support macros: how agents answer

## Duplicate charge
Apologise, confirm the two transactions in the billing tool, and issue a refund for the second
one. The refund reaches the customer within five working days.

## Escalation
A ticket is escalated to tier two when the customer has contacted us three times about the same
issue, or when a payment dispute exceeds 50 euros. Tier two replies within 24 hours.

## Tone
Agents use the customer's first name, avoid jargon, and never promise a fix date for an app
bug. Bugs are logged in the tracker with the app version and device.
"""


# --------------------------------------------------------------------------- rules


def rules() -> dict[str, list[dict]]:
    feedback = [
        {
            "name": "wait_words",
            "label": "waiting",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["wait", "waited", "running late", "ages"],
        },
        {
            "name": "parking_words",
            "label": "parking",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["parking", "car park"],
        },
        {
            "name": "staff_words",
            "label": "staff",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["nurse", "doctor", "consultant", "reception staff"],
        },
        {
            "name": "comms_words",
            "label": "communication",
            "kind": "regex",
            "column": "comment",
            "pattern": r"letter|results|reminder|phone line",
            "ignore_case": True,
        },
        {
            "name": "clean_words",
            "label": "cleanliness",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["dirty", "spotless", "toilets", "bins"],
        },
    ]
    complaints = [
        {
            "name": "late_kw",
            "label": "late",
            "kind": "keyword",
            "column": "complaint",
            "keywords": ["late", "still waiting", "missed the delivery", "tracking"],
        },
        {
            "name": "damage_kw",
            "label": "damaged",
            "kind": "keyword",
            "column": "complaint",
            "keywords": ["scratch", "crushed", "snapped", "torn"],
        },
        {
            "name": "wrong_kw",
            "label": "wrong_item",
            "kind": "keyword",
            "column": "complaint",
            "keywords": ["wrong", "different colour", "parts missing"],
        },
        {
            "name": "courier_kw",
            "label": "courier_conduct",
            "kind": "keyword",
            "column": "complaint",
            "keywords": ["driver", "courier", "delivery men"],
        },
    ]
    tickets = [
        {
            "name": "money",
            "label": "billing",
            "kind": "regex",
            "column": "message",
            "pattern": r"charged|refund|billed|discount|declined",
            "ignore_case": True,
        },
        {
            "name": "plays",
            "label": "playback",
            "kind": "keyword",
            "column": "message",
            "keywords": ["crashes", "stutters", "playback", "30 seconds"],
        },
        {
            "name": "login",
            "label": "account",
            "kind": "keyword",
            "column": "message",
            "keywords": ["log in", "password", "my account", "family plan"],
        },
        {
            "name": "offline",
            "label": "downloads",
            "kind": "keyword",
            "column": "message",
            "keywords": ["download", "downloads", "offline", "downloaded"],
        },
        {
            "name": "recs",
            "label": "recommendations",
            "kind": "keyword",
            "column": "message",
            "keywords": ["mix", "recommendations", "discover weekly"],
        },
    ]
    return {
        "feedback_rules.json": feedback,
        "complaint_rules.json": complaints,
        "ticket_rules.json": tickets,
    }


# --------------------------------------------------------------------------- write


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    def csv(df: pd.DataFrame, name: str) -> None:
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        df.to_csv(path, index=False, lineterminator="\n")

    # clinic
    csv(appointments(rng, 900, "100000", True), "appointments_2025.csv")
    csv(appointments(rng, 250, "200000", True), "appointments_jan2026.csv")
    csv(appointments(rng, 120, "300000", False), "appointments_next_week.csv")
    refs = referral_letters(rng, 420)
    gold_idx = rng.choice(len(refs), 80, replace=False)
    csv(
        refs.iloc[np.sort(gold_idx)][["letter_id", "_true"]].rename(
            columns={"_true": "urgency_checked"}
        ),
        "referral_triage_gold.csv",
    )
    csv(refs.drop(columns="_true"), "referral_letters.csv")
    csv(patient_feedback(rng, 600), "patient_feedback.csv")
    csv(clinic_sessions(rng, 220), "clinic_sessions.csv")

    # furniture
    csv(orders(rng, 1200, 10000, True), "orders_2025_h1.csv")
    csv(orders(rng, 400, 20000, True), "orders_2025_h2.csv")
    new = orders(rng, 150, 30000, False)
    new.loc[[17, 64, 121], "price_gbp"] = [18950.0, 0.01, 7400.0]
    new.loc[[33, 99], "actual_days"] = [160, -4]
    csv(new, "orders_open.csv")
    comp = delivery_complaints(rng, 520)
    gold_idx = rng.choice(len(comp), 90, replace=False)
    csv(
        comp.iloc[np.sort(gold_idx)][["complaint_id", "_true"]].rename(columns={"_true": "issue"}),
        "complaints_handchecked.csv",
    )
    csv(comp.drop(columns="_true"), "delivery_complaints.csv")
    csv(returns(rng, 380), "returns_log.csv")

    # music app
    tix = support_tickets(rng, 700)
    gold_idx = rng.choice(len(tix), 100, replace=False)
    csv(
        tix.iloc[np.sort(gold_idx)][["ticket_id", "_true"]].rename(
            columns={"_true": "agreed_category"}
        ),
        "tickets_gold.csv",
    )
    csv(tix.drop(columns="_true"), "support_tickets.csv")
    csv(churn(rng, 1500, 500000, True), "churn_train.csv")
    csv(churn(rng, 500, 600000, True), "churn_test.csv")
    score = churn(rng, 300, 700000, False)
    score.loc[[5, 150], "hours_last_30d"] = [980.0, 744.0]
    score.loc[[77, 210], "skips_per_hour"] = [310.0, 0.0]
    score.loc[[240], "tenure_months"] = [412]
    csv(score, "churn_to_score.csv")
    csv(app_reviews(rng, 480), "app_store_reviews.csv")

    # documents
    docs = {
        "docs/clinic/before_your_appointment.md": LEAFLET,
        "docs/clinic/referral_triage_guidance.md": REFERRAL_GUIDE,
        "docs/shop/delivery_and_returns.md": DELIVERY_FAQ,
        "docs/shop/product_descriptions.md": PRODUCTS,
        "docs/helpcentre/help_centre_guide.md": HELP_GUIDE,
        "docs/helpcentre/support_macros.txt": SUPPORT_MACROS,
    }
    for name, text in docs.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, lfs in rules().items():
        (out / name).write_text(json.dumps(lfs, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
