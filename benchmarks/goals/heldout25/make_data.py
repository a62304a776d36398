"""Write the heldout25 corpus's files into DIR: a regional blood-donation service and a small
independent bookshop chain.

Run: python make_data.py DIR. Deterministic (fixed seeds), offline, invented data only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2025

# ----------------------------------------------------------------------------------------------
# Blood-donation service (Three Rivers Blood Service)
# ----------------------------------------------------------------------------------------------
CLINICS = ["Riverside", "Northgate", "Millbrook", "Mobile Unit"]
CLINIC_P = [0.34, 0.28, 0.22, 0.16]
DONATION_TYPES = ["whole_blood", "plasma", "platelets"]
DONATION_P = [0.72, 0.18, 0.10]

COMMENTS_OK = [
    "smooth donation, no issues",
    "good flow, donor chatty and relaxed",
    "first needle attempt fine",
    "donor brought a friend to register",
    "donor asked about platelet donation next time",
    "quiet session, donor read a book",
    "",
    "",
    "",
    "all fine",
    "needed a second arm, left arm veins poor",
    "donor a bit nervous but ok",
]
COMMENTS_REACTION = [
    "donor felt faint after 5 min, reclined, recovered with juice",
    "vasovagal reaction at end of donation, observed 20 min",
    "small bruise forming at needle site, cold pack given",
    "donor dizzy on standing, sat down for 15 min",
    "nausea during collection, stopped early",
]
COMMENTS_DEFERRED = [
    "deferred at screening, see deferral record",
    "not bled, deferral noted",
    "sent home after screening",
    "deferred, donor disappointed, explained reasons",
]

DEFERRAL_TEMPLATES = {
    "low_haemoglobin": [
        "Hb {hb} on fingerprick, below threshold. Venous sample confirmed {hb2}. Advised iron rich "
        "diet and to see GP if tired.",
        "fingerprick hb low ({hb}), retested {hb2} - defer 3 months",
        "Copper sulphate drop floated twice, Hb by HemoCue {hb}. Donor told to come back in 12 wks.",
        "low haemoglobin again ({hb}), third time this year, letter to GP sent",
        "Hb only {hb} g/dL, donor says she has heavy periods. Iron info leaflet given.",
        "anaemic on screening, Hb {hb}. Recheck next session",
    ],
    "travel": [
        "Returned from {place} {weeks} weeks ago - malaria risk area, defer 6 months from return.",
        "trip to {place} in {month}, zika/dengue area, defer 4 wks after return",
        "donor visited {place} for a wedding, malarial area, needs malaria antibody test next time",
        "back from {place} {weeks} wks ago. travel deferral",
        "Lived in {place} as a child (until age 9), malaria questionnaire needed, deferred pending "
        "test",
        "holiday in {place}, mosquitoes mentioned, deferred for travel",
    ],
    "medication": [
        "Taking {drug} - check drug list, deferred.",
        "on {drug} since {month}, cannot donate while taking it",
        "finished course of {abx} {days} days ago, defer until 7 days after last dose",
        "donor started {drug} last week, medication deferral",
        "{drug} prescribed by dermatologist, defer 1 month after stopping",
        "meds: {drug}. Not eligible today per medicines guide",
    ],
    "blood_pressure": [
        "BP {sys}/{dia} on two readings 10 min apart, advised to see GP.",
        "blood pressure high {sys}/{dia}, donor says white coat. deferred",
        "BP too low {lsys}/{ldia} and donor lightheaded, not bled",
        "systolic {sys} diastolic {dia}, outside limits, recheck next time",
        "hypertension, bp {sys}/{dia} even after rest",
        "b/p {sys}/{dia} - deferred, info card given",
    ],
    "recent_illness": [
        "sore throat and cold symptoms since {day}, defer until 7 days symptom free",
        "had covid {days} days ago, still coughing",
        "temp {temp} on arrival, feels unwell, sent home",
        "diarrhoea and vomiting {days} days ago. Defer 14 days after recovery",
        "chest infection, on the mend but still on antibiotics",
        "flu like symptoms at the weekend, feverish",
    ],
    "tattoo_piercing": [
        "new tattoo on {body} {weeks} weeks ago, defer 4 months from date of tattoo",
        "ear piercing {weeks} wks ago at non-licensed stall",
        "semi-permanent eyebrow microblading in {month}, treat as tattoo",
        "got a nose piercing last month, deferred",
        "tattoo touch-up on {body}, done {weeks} weeks ago",
        "body piercing ({body}) recently, defer",
    ],
}
DEFERRAL_WEEKS = {
    "low_haemoglobin": (12, 16),
    "travel": (4, 26),
    "medication": (1, 8),
    "blood_pressure": (1, 4),
    "recent_illness": (1, 3),
    "tattoo_piercing": (16, 17),
}
PLACES = ["Kenya", "Ghana", "India", "Brazil", "Thailand", "Nigeria", "Vietnam", "Peru", "Gambia"]
DRUGS = [
    "isotretinoin",
    "Roaccutane",
    "amoxicillin",
    "warfarin",
    "finasteride",
    "doxycycline",
    "apixaban",
    "acitretin",
]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov"]
BODY = ["forearm", "ankle", "shoulder", "back", "wrist", "calf", "eyebrow", "navel"]
BP_HIGH = [(182, 104), (174, 102), (191, 110), (168, 106), (186, 98)]
BP_LOW = [(84, 48), (88, 52), (92, 50)]
DAYS = ["Monday", "Tuesday", "the weekend", "Thursday", "Friday"]


def _visits(rng: np.random.Generator) -> pd.DataFrame:
    n = 720
    clinic = rng.choice(CLINICS, size=n, p=CLINIC_P)
    sex = rng.choice(["F", "M"], size=n, p=[0.53, 0.47])
    age = np.clip(rng.normal(41, 14, n), 17, 74).round().astype(int)
    weight = np.where(sex == "F", rng.normal(69, 11, n), rng.normal(84, 12, n))
    weight = np.clip(weight, 50.5, 140).round(1)
    hb = np.where(sex == "F", rng.normal(13.7, 0.9, n), rng.normal(15.1, 1.0, n)).round(1)
    pulse = np.clip(rng.normal(74, 10, n), 48, 108).round().astype(int)
    sys_bp = np.clip(rng.normal(128, 15, n), 92, 195).round().astype(int)
    dia_bp = np.clip(sys_bp * 0.62 + rng.normal(0, 6, n), 52, 112).round().astype(int)
    temp = np.clip(rng.normal(36.7, 0.3, n), 35.8, 38.4).round(1)
    dtype = rng.choice(DONATION_TYPES, size=n, p=DONATION_P)
    first = rng.random(n) < np.where(age < 25, 0.45, 0.15)
    threshold = np.where(sex == "F", 12.5, 13.5)
    deferred = (
        (hb < threshold) | (sys_bp > 180) | (dia_bp > 100) | (temp > 37.5) | (rng.random(n) < 0.07)
    )
    reaction_p = 0.03 + 0.08 * first + 0.04 * (weight < 60) + 0.03 * (age < 22)
    reaction = (~deferred) & (rng.random(n) < reaction_p)
    base_minutes = np.select([dtype == "whole_blood", dtype == "plasma"], [9.5, 42.0], default=88.0)
    minutes = base_minutes + 0.06 * (80 - weight) + 0.04 * (pulse - 74) + rng.normal(0, 2.2, n)
    minutes = minutes + np.where(reaction, rng.uniform(3, 15, n), 0)
    minutes = np.where(deferred, np.nan, np.clip(minutes, 4, 130).round(1))
    comment = []
    for i in range(n):
        if deferred[i]:
            comment.append(COMMENTS_DEFERRED[rng.integers(len(COMMENTS_DEFERRED))])
        elif reaction[i]:
            comment.append(COMMENTS_REACTION[rng.integers(len(COMMENTS_REACTION))])
        else:
            comment.append(COMMENTS_OK[rng.integers(len(COMMENTS_OK))])
    days = np.sort(rng.integers(0, 365, n))
    dates = pd.Timestamp("2025-01-02") + pd.to_timedelta(days, unit="D")
    donors = rng.integers(10000, 10000 + 520, n)
    frame = pd.DataFrame(
        {
            "visit_id": [f"V25-{i + 1:05d}" for i in range(n)],
            "donor_id": [f"D{d}" for d in donors],
            "clinic": clinic,
            "visit_date": dates.strftime("%Y-%m-%d"),
            "age": age,
            "sex": sex,
            "weight_kg": weight,
            "haemoglobin_g_dl": hb,
            "pulse_bpm": pulse,
            "bp_systolic": sys_bp,
            "bp_diastolic": dia_bp,
            "temp_c": temp,
            "donation_type": dtype,
            "first_time_donor": np.where(first, "Y", "N"),
            "deferred": np.where(deferred, "yes", "no"),
            "adverse_reaction": np.where(reaction, "yes", "no"),
            "minutes_on_chair": minutes,
            "staff_comment": comment,
        }
    )
    # Keying errors the QA team suspects: impossible haemoglobin, pulse, temperature, weight, age.
    odd = {
        37: {"haemoglobin_g_dl": 142.0},  # g/L typed into the g/dL column
        118: {"haemoglobin_g_dl": 1.4},
        205: {"pulse_bpm": 310},
        261: {"pulse_bpm": 9},
        333: {"temp_c": 3.7},
        402: {"weight_kg": 7.4},
        488: {"age": 147},
        551: {"haemoglobin_g_dl": 0.0, "pulse_bpm": 0},
        610: {"bp_systolic": 12, "bp_diastolic": 80},
        677: {"haemoglobin_g_dl": 41.5},
    }
    for row, values in odd.items():
        for column, value in values.items():
            frame.loc[row, column] = value
    return frame


def _fill(template: str, rng: np.random.Generator) -> str:
    hb = round(float(rng.uniform(10.4, 12.4)), 1)
    high = BP_HIGH[int(rng.integers(len(BP_HIGH)))]
    low = BP_LOW[int(rng.integers(len(BP_LOW)))]
    values = {
        "hb": hb,
        "hb2": round(hb + float(rng.uniform(-0.3, 0.3)), 1),
        "place": PLACES[rng.integers(len(PLACES))],
        "weeks": int(rng.integers(1, 12)),
        "month": MONTHS[rng.integers(len(MONTHS))],
        "drug": DRUGS[rng.integers(len(DRUGS))],
        "days": int(rng.integers(2, 10)),
        "sys": high[0],
        "dia": high[1],
        "lsys": low[0],
        "ldia": low[1],
        "abx": ["amoxicillin", "doxycycline", "flucloxacillin"][int(rng.integers(3))],
        "temp": round(float(rng.uniform(37.6, 38.6)), 1),
        "body": BODY[rng.integers(len(BODY))],
        "day": DAYS[rng.integers(len(DAYS))],
    }
    text = template.format(**values)
    if rng.random() < 0.15:
        text = text.lower()
    if rng.random() < 0.12:
        text = text + " " + str(rng.choice(["(SN)", "- JP", "nurse KO", "/AB", "rv by sister"]))
    return text


def _deferrals(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 420
    cats = list(DEFERRAL_TEMPLATES)
    probs = [0.30, 0.16, 0.14, 0.14, 0.16, 0.10]
    true = rng.choice(cats, size=n, p=probs)
    notes = [
        _fill(
            DEFERRAL_TEMPLATES[c][rng.integers(len(DEFERRAL_TEMPLATES[c]))],
            rng,
        )
        for c in true
    ]
    weeks = [int(rng.integers(*DEFERRAL_WEEKS[c], endpoint=True)) for c in true]
    days = np.sort(rng.integers(0, 365, n))
    dates = pd.Timestamp("2025-01-03") + pd.to_timedelta(days, unit="D")
    filled = rng.random(n) < 0.3
    frame = pd.DataFrame(
        {
            "deferral_id": [f"DF-{i + 1:04d}" for i in range(n)],
            "visit_id": [f"V25-{int(v):05d}" for v in rng.integers(1, 721, n)],
            "clinic": rng.choice(CLINICS, size=n, p=CLINIC_P),
            "deferral_date": dates.strftime("%Y-%m-%d"),
            "nurse_notes": notes,
            "deferral_weeks": weeks,
            "donor_told_by": rng.choice(
                ["in person", "phone", "letter"], size=n, p=[0.7, 0.2, 0.1]
            ),
            "deferral_category": np.where(filled, true, ""),
        }
    )
    unfilled = np.flatnonzero(~filled)
    picked = np.sort(rng.choice(unfilled, size=90, replace=False))
    gold = pd.DataFrame(
        {"deferral_id": frame["deferral_id"].to_numpy()[picked], "category": true[picked]}
    )
    return frame, gold


DEFERRAL_RULES = [
    {
        "name": "hb_words",
        "label": "low_haemoglobin",
        "kind": "keyword",
        "column": "nurse_notes",
        "keywords": ["hb", "haemoglobin", "anaemic", "hemocue", "iron"],
    },
    {
        "name": "travel_words",
        "label": "travel",
        "kind": "keyword",
        "column": "nurse_notes",
        "keywords": ["malaria", "malarial", "zika", "trip", "holiday", "returned from"],
    },
    {
        "name": "meds_words",
        "label": "medication",
        "kind": "keyword",
        "column": "nurse_notes",
        "keywords": ["taking", "meds", "prescribed", "antibiotics", "warfarin", "finasteride"],
    },
    {
        "name": "bp_pattern",
        "label": "blood_pressure",
        "kind": "regex",
        "column": "nurse_notes",
        "pattern": r"\b(bp|b/p|blood pressure|systolic)\b",
        "ignore_case": True,
    },
    {
        "name": "ill_words",
        "label": "recent_illness",
        "kind": "keyword",
        "column": "nurse_notes",
        "keywords": ["covid", "sore throat", "flu", "vomiting", "infection", "unwell"],
    },
    {
        "name": "ink_words",
        "label": "tattoo_piercing",
        "kind": "keyword",
        "column": "nurse_notes",
        "keywords": ["tattoo", "piercing", "microblading"],
    },
]

BLOOD_GROUPS = ["O+", "A+", "B+", "O-", "A-", "AB+", "B-", "AB-"]
BLOOD_GROUP_P = [0.35, 0.30, 0.08, 0.13, 0.08, 0.03, 0.02, 0.01]


def _returns(rng: np.random.Generator, n: int, start: int, with_outcome: bool) -> pd.DataFrame:
    age = np.clip(rng.normal(40, 14, n), 17, 75).round().astype(int)
    donations = rng.poisson(2.2, n)
    deferred = rng.random(n) < 0.18
    distance = np.clip(rng.gamma(2.0, 6.0, n), 0.5, 80).round(1)
    contact = rng.choice(["sms", "email", "phone", "post"], size=n, p=[0.45, 0.3, 0.15, 0.1])
    thanks = rng.random(n) < 0.6
    sex = rng.choice(["F", "M"], size=n)
    last_hb = np.where(sex == "F", rng.normal(13.4, 1.0, n), rng.normal(14.8, 1.1, n)).round(1)
    logit = (
        -0.4
        + 0.55 * donations
        - 1.3 * deferred
        - 0.045 * distance
        + 0.5 * thanks
        + 0.02 * (age - 40)
        + np.where(contact == "post", -0.6, 0.0)
        + rng.normal(0, 0.6, n)
    )
    frame = pd.DataFrame(
        {
            "donor_id": [f"D{start + i}" for i in range(n)],
            "home_clinic": rng.choice(CLINICS, size=n, p=CLINIC_P),
            "age": age,
            "sex": sex,
            "blood_group": rng.choice(BLOOD_GROUPS, size=n, p=BLOOD_GROUP_P),
            "first_donation_year": rng.integers(1995, 2025, n),
            "donations_last_2y": donations,
            "last_visit_deferred": np.where(deferred, "yes", "no"),
            "last_hb": last_hb,
            "distance_to_clinic_km": distance,
            "preferred_contact": contact,
            "got_thankyou_sms": np.where(thanks, "yes", "no"),
        }
    )
    if with_outcome:
        frame["came_back"] = np.where(logit > 0, "yes", "no")
    return frame


FAQ_MD = """# Donor screening: frequently asked questions

These answers are for donors and for the volunteers who greet them at sessions. The clinical
team has the final say on the day.

## Before you donate

**How old do I have to be to give blood?** You can give blood from your 17th birthday. New
donors must register before their 66th birthday. Regular donors can keep giving after 70 if
they have donated in the last two years.

**How much do I need to weigh?** Donors must weigh at least 50 kg (7 stone 12 lb). Donors under
that weight lose a larger share of their blood volume and are more likely to faint.

**Should I eat before I come?** Yes. Eat a proper meal within three hours of your appointment
and drink about 500 ml of water before you arrive. Salty snacks the day before help too.

## Haemoglobin check

**Why do you prick my finger?** The finger-prick test measures your haemoglobin, the protein
in red cells that carries oxygen. We check it so that donating does not leave you anaemic.

**What level do I need?** Women need at least 12.5 g/dL and men at least 13.5 g/dL. If the
finger-prick result is borderline, the nurse takes a small venous sample to confirm it.

**What happens if my haemoglobin is too low?** You will not donate that day. The nurse explains
the result, gives you an iron leaflet and books your next visit for at least three months later.
If it is low twice in a row, we write to your GP with your permission.

## Travel, tattoos and medicines

**I have just come back from abroad. Can I donate?** It depends on where you went. After a
visit to a malaria area you must wait six months from your return. After an area with Zika or
dengue the wait is four weeks. Tell the nurse every country you visited in the last year.

**Can I donate if I have a tattoo?** Yes, but not straight away. You must wait four months after
a tattoo, a piercing, semi-permanent make-up or microblading, because of the small risk of
infection from the needles.

**Do my medicines matter?** Some do. Isotretinoin (Roaccutane), acitretin and finasteride need a
wait after the last dose, and anticoagulants such as warfarin mean you cannot donate while you
take them. Antibiotics mean a wait of seven days after the course ends.

## After you donate

**How long should I rest?** Stay seated for at least 15 minutes after donating and have a drink
and a snack. Avoid heavy lifting and the gym for the rest of the day.

**How often can I give blood?** Men can give whole blood every 12 weeks and women every 16 weeks.
Plasma donors can come back after two weeks.

**What if I feel faint later?** Lie down with your legs raised until you feel better. If you
still feel unwell, call the donor helpline on the number printed on your donor card.
"""

SOP_MD = """# SOP-HB-04: Haemoglobin screening at donation sessions

Version 6, approved by the Clinical Governance Group. Applies to all fixed clinics (Riverside,
Northgate, Millbrook) and the Mobile Unit.

## 1. Purpose

This procedure makes sure that every donor's haemoglobin is measured before donation and that
donors below the threshold are deferred safely and kindly. It protects donors from iron
deficiency and protects patients from receiving under-strength units.

## 2. Equipment

Each screening station has a HemoCue analyser, microcuvettes, single-use lancets, alcohol-free
wipes and a sharps bin. The analyser is checked with the control cuvette at the start of every
session and the result is written in the station log. A failed control check means the analyser
is taken out of use and the session lead is told at once.

## 3. Procedure

1. Confirm the donor's identity with name and date of birth.
2. Clean the side of the fingertip and let it dry.
3. Use a new lancet, wipe away the first drop and fill the cuvette from the second drop.
4. Read the result within 40 seconds and record it on the donor session record.

The threshold is 12.5 g/dL for female donors and 13.5 g/dL for male donors. A result within
0.5 g/dL below the threshold is confirmed by a venous sample before the donor is deferred.

## 4. Deferral

A donor whose confirmed result is below the threshold is deferred for at least 12 weeks. The
nurse explains the result in private, gives the iron information leaflet and records the reason
in the deferral notes. Two low results in a row are referred to the donor's GP with consent.

## 5. Readings that cannot be right

A haemoglobin above 20 g/dL or below 5 g/dL is treated as a device or keying error. The test is
repeated with a new cuvette and the original value is struck through, not deleted. Pulse
readings outside 40 to 150 beats per minute are also repeated before any decision is made.

## 6. Records and audit

Session records are entered into the donor system on the same day. The QA team audits a sample
of 50 records from each clinic every quarter and reports keying errors to the session leads.
"""

MOBILE_TXT = """Mobile Unit session checklist (MU-CL-02)

Arrive at the venue at least 90 minutes before the first appointment. The driver checks that
the generator has fuel for eight hours and that the ramp and handrail are secure.

The session lead confirms the cold boxes are at 2 to 6 degrees before any collected unit is
packed. Each cold box is sealed with a numbered tag and the tag number is written on the
transport sheet.

Donor chairs are wiped with detergent between donors. The refreshment area must be within sight
of a member of staff so that donors who feel faint are noticed quickly.

At the end of the session the units travel back to Riverside within six hours of the first
collection. Any delay is phoned through to the processing lab.
"""

# ----------------------------------------------------------------------------------------------
# Bookshop chain (Marlow & Finch Books)
# ----------------------------------------------------------------------------------------------
BRANCHES = ["Harbourside", "Old Town", "Station Road", "University"]
BRANCH_P = [0.3, 0.28, 0.22, 0.2]
BOOKS = [
    ("9781800010011", "The Salt Road", "Imogen Hale", "fiction", 9.99),
    ("9781800010028", "A Map of Quiet Places", "Tomas Ferreira", "fiction", 10.99),
    ("9781800010035", "The Lighthouse Ledger", "Ruth Okafor", "crime", 8.99),
    ("9781800010042", "Cold Harbour", "D. M. Pryce", "crime", 8.99),
    ("9781800010059", "Murder at the Lido", "Sally Brennan", "crime", 9.49),
    ("9781800010066", "Stars Over Anglesey", "Gwen Roberts", "fiction", 12.99),
    ("9781800010073", "The Bread Year", "Marco Bellini", "food", 22.00),
    ("9781800010080", "One Pot Autumn", "Hattie Lowe", "food", 18.99),
    ("9781800010097", "Walking the Downs", "Peter Ashdown", "travel", 14.99),
    ("9781800010103", "Small Rivers of Europe", "Ilse Brandt", "travel", 16.99),
    ("9781800010110", "The Tiny Dragon", "Poppy Marsh", "children", 6.99),
    ("9781800010127", "Otter Goes to School", "Poppy Marsh", "children", 6.99),
    ("9781800010134", "The Clockwork Fox", "Ben Arkwright", "children", 7.99),
    ("9781800010141", "Numbers That Lie", "Dr Asha Menon", "non-fiction", 11.99),
    ("9781800010158", "The Forgotten Canal", "Will Strand", "history", 20.00),
    ("9781800010165", "Queens of the Mill Towns", "Hannah Pike", "history", 25.00),
    ("9781800010172", "Mind the Garden", "Lorna Fife", "gardening", 17.99),
    ("9781800010189", "Ferns for Shady Corners", "Lorna Fife", "gardening", 12.99),
    ("9781800010196", "The Glass Orchard", "Nadia Karim", "fiction", 16.99),
    ("9781800010202", "Ninth Moon", "K. J. Ellery", "sci-fi", 9.99),
    ("9781800010219", "Orbit of Ash", "K. J. Ellery", "sci-fi", 10.99),
    ("9781800010226", "Poems for the Night Bus", "Leo Adeyemi", "poetry", 9.99),
    ("9781800010233", "Running Slow", "Carys Vaughan", "non-fiction", 14.99),
    ("9781800010240", "The Quiet Accountant", "Felix Moor", "crime", 8.99),
]
FORMATS = ["paperback", "hardback", "audiobook CD"]
STAFF_NAMES = ["Priya", "Tom", "Ellie", "Jonah", "Marta", "Sam"]

REVIEW_BITS = {
    ("positive", "staff"): [
        "{staff} at {branch} found me a copy of {title} in about a minute and recommended two "
        "more. Brilliant service.",
        "Staff are so friendly and actually read the books they recommend. {staff} was lovely.",
        "Lovely helpful team, they gift wrapped {title} for my mum without me even asking.",
    ],
    ("positive", "range"): [
        "Great selection of {genre} books, I always leave with more than I planned.",
        "Fantastic range for a small shop, they even had {title} in hardback.",
        "Best children's section in town, my kids love the reading corner.",
    ],
    ("positive", "events"): [
        "The author evening with {author} was wonderful, well organised and the wine was free!",
        "Went to the poetry night, such a warm atmosphere. Will be back for the next one.",
        "Story time on Saturdays is a lifesaver, the kids adore it.",
    ],
    ("positive", "prices"): [
        "Loyalty card discount makes it cheaper than online in the end, happy to support them.",
        "Good prices on the 3 for 2 tables, picked up {title} for a bargain.",
    ],
    ("positive", "ordering"): [
        "Ordered {title} on Tuesday and it was ready to collect on Thursday. Easy.",
        "Their special order service is quick, they phoned me the moment my book arrived.",
    ],
    ("negative", "staff"): [
        "Staff at {branch} ignored me for ages, too busy chatting at the till.",
        "Asked for help finding {title} and was told to look it up myself. Rude.",
        "Unfriendly service today, the man at the counter sighed when I asked a question.",
    ],
    ("negative", "prices"): [
        "Far too expensive, {title} was {price} here and much cheaper online.",
        "Overpriced. No discount even with the loyalty card on new hardbacks.",
        "Charged me full price for a book with a torn cover. Not impressed.",
    ],
    ("negative", "ordering"): [
        "Ordered {title} three weeks ago and still nothing. Nobody rings back.",
        "My special order got lost, had to order it twice. Poor communication.",
        "They said {title} would arrive Friday, it took a fortnight.",
    ],
    ("negative", "range"): [
        "Tiny {genre} section, they never have what I want in stock.",
        "Disappointing choice, mostly bestsellers and celebrity memoirs.",
    ],
    ("negative", "events"): [
        "The book signing was overcrowded and badly organised, queued for an hour.",
        "Event was cancelled with no notice, we travelled in for nothing.",
    ],
    ("neutral", "range"): [
        "Decent shop. Had most of what I wanted but not {title}.",
        "Average selection, fine for a browse on a rainy day.",
    ],
    ("neutral", "prices"): [
        "Prices are what you'd expect for a high street bookshop.",
        "Bit pricey but it's nice to have a real bookshop in {branch}.",
    ],
    ("neutral", "staff"): [
        "Staff were ok, not particularly chatty. Bought {title} and left.",
        "Service was fine. Nothing special either way.",
    ],
    ("neutral", "ordering"): [
        "Ordered a book, it came when they said it would. Nothing more to say.",
    ],
    ("neutral", "events"): [
        "The book club meets monthly, it's ok, depends on the book.",
    ],
}
SENTIMENT_P = {"positive": 0.5, "negative": 0.3, "neutral": 0.2}
STARS = {"positive": [4, 5, 5, 5], "negative": [1, 1, 2, 2, 3], "neutral": [3, 3, 4, 2]}


def _review_text(rng: np.random.Generator, sentiment: str, topic: str, branch: str) -> str:
    options = REVIEW_BITS[(sentiment, topic)]
    book = BOOKS[rng.integers(len(BOOKS))]
    text = options[rng.integers(len(options))].format(
        staff=STAFF_NAMES[rng.integers(len(STAFF_NAMES))],
        branch=branch,
        title=book[1],
        author=book[2],
        genre=book[3],
        price=f"£{book[4] + 3:.2f}",
    )
    if rng.random() < 0.2:
        text += " " + str(
            rng.choice(
                [
                    "Parking nearby is a nightmare though.",
                    "The cafe upstairs does great scones.",
                    "Will be back.",
                    "Cards and wrapping paper too.",
                    "Shop was a bit cold.",
                ]
            )
        )
    return text


def _reviews(
    rng: np.random.Generator, n: int, start: int, first_day: str = "2025-01-05"
) -> pd.DataFrame:
    keys = [k for k in REVIEW_BITS]
    weights = np.array([SENTIMENT_P[k[0]] / sum(1 for j in keys if j[0] == k[0]) for k in keys])
    picks = rng.choice(len(keys), size=n, p=weights / weights.sum())
    branch = rng.choice(BRANCHES, size=n, p=BRANCH_P)
    sentiment = [keys[p][0] for p in picks]
    topic = [keys[p][1] for p in picks]
    text = [_review_text(rng, s, t, b) for s, t, b in zip(sentiment, topic, branch, strict=True)]
    stars = [int(rng.choice(STARS[s])) for s in sentiment]
    days = np.sort(rng.integers(0, 330, n))
    return pd.DataFrame(
        {
            "review_id": [f"R-{start + i:04d}" for i in range(n)],
            "branch": branch,
            "posted_on": (pd.Timestamp(first_day) + pd.to_timedelta(days, unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "source": rng.choice(
                ["google", "website", "comment card"], size=n, p=[0.6, 0.25, 0.15]
            ),
            "stars": stars,
            "review_text": text,
            "sentiment": sentiment,
            "topic": topic,
        }
    )


REVIEW_RULES = [
    {
        "name": "kw_praise",
        "label": "positive",
        "kind": "keyword",
        "column": "review_text",
        "keywords": ["brilliant", "lovely", "fantastic", "wonderful", "great", "love", "best"],
    },
    {
        "name": "kw_complaint",
        "label": "negative",
        "kind": "keyword",
        "column": "review_text",
        "keywords": ["rude", "overpriced", "ignored", "disappointing", "nightmare", "lost"],
    },
    {
        "name": "kw_meh",
        "label": "neutral",
        "kind": "keyword",
        "column": "review_text",
        "keywords": ["ok", "fine", "average", "decent", "nothing special"],
    },
    {
        "name": "low_stars",
        "label": "negative",
        "kind": "threshold",
        "column": "stars",
        "op": "<=",
        "value": 2,
    },
    {
        "name": "high_stars",
        "label": "positive",
        "kind": "threshold",
        "column": "stars",
        "op": ">=",
        "value": 5,
    },
]

RETURN_REASONS = {
    "damaged": [
        "spine cracked when opened, pages loose",
        "water damage on the cover, came like that in the bag",
        "pages 40-72 printed upside down",
        "cover torn, bought as a gift",
    ],
    "as_new": [
        "duplicate gift, already had a copy",
        "bought the wrong book in the series",
        "changed mind, receipt kept",
        "wanted the hardback not paperback",
        "gift, recipient has read it",
    ],
    "shelf_worn": [
        "read a few chapters and didn't like it",
        "customer says it was shop soiled when bought",
        "slightly bent corners, wants exchange",
    ],
}


def _returns_log(rng: np.random.Generator) -> pd.DataFrame:
    n = 260
    condition = rng.choice(["as_new", "shelf_worn", "damaged"], size=n, p=[0.55, 0.2, 0.25])
    days = np.where(condition == "damaged", rng.integers(0, 10, n), rng.integers(0, 45, n)).astype(
        int
    )
    refund = []
    for c, d in zip(condition, days, strict=True):
        if c == "damaged":
            refund.append(str(rng.choice(["card_refund", "exchange"], p=[0.6, 0.4])))
        elif d > 28:
            refund.append(str(rng.choice(["store_credit", "exchange"], p=[0.8, 0.2])))
        elif c == "shelf_worn":
            refund.append(str(rng.choice(["store_credit", "exchange", "cash"], p=[0.5, 0.3, 0.2])))
        else:
            refund.append(
                str(rng.choice(["card_refund", "cash", "store_credit"], p=[0.5, 0.3, 0.2]))
            )
    book_idx = rng.integers(len(BOOKS), size=n)
    fmt = rng.choice(FORMATS, size=n, p=[0.7, 0.27, 0.03])
    price = np.array([BOOKS[i][4] for i in book_idx]) + np.where(fmt == "hardback", 8.0, 0.0)
    amount = np.where(
        np.array(refund) == "exchange", 0.0, np.where(condition == "shelf_worn", price * 0.5, price)
    ).round(2)
    ret_days = np.sort(rng.integers(0, 330, n))
    return pd.DataFrame(
        {
            "return_id": [f"RT{2500 + i}" for i in range(n)],
            "branch": rng.choice(BRANCHES, size=n, p=BRANCH_P),
            "returned_on": (
                pd.Timestamp("2025-01-06") + pd.to_timedelta(ret_days, unit="D")
            ).strftime("%Y-%m-%d"),
            "isbn": [BOOKS[i][0] for i in book_idx],
            "title": [BOOKS[i][1] for i in book_idx],
            "format": fmt,
            "days_since_purchase": days,
            "had_receipt": rng.choice(["yes", "no"], size=n, p=[0.8, 0.2]),
            "reason_given": [
                RETURN_REASONS[c][rng.integers(len(RETURN_REASONS[c]))] for c in condition
            ],
            "condition": condition,
            "refund_type": refund,
            "refund_amount": amount,
        }
    )


def _sales(rng: np.random.Generator) -> pd.DataFrame:
    n = 1000
    book_idx = rng.integers(len(BOOKS), size=n)
    fmt = rng.choice(FORMATS, size=n, p=[0.72, 0.25, 0.03])
    price = np.array([BOOKS[i][4] for i in book_idx]) + np.where(fmt == "hardback", 8.0, 0.0)
    qty = rng.choice([1, 1, 1, 1, 2, 2, 3], size=n)
    discount = rng.choice([0, 0, 0, 10, 33], size=n)
    total = (price * qty * (1 - discount / 100)).round(2)
    days = np.sort(rng.integers(0, 330, n))
    receipts = np.cumsum(rng.random(n) < 0.7) + 70000
    return pd.DataFrame(
        {
            "line_id": np.arange(1, n + 1),
            "receipt_no": receipts,
            "branch": rng.choice(BRANCHES, size=n, p=BRANCH_P),
            "sale_date": (pd.Timestamp("2025-01-02") + pd.to_timedelta(days, unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "isbn": [BOOKS[i][0] for i in book_idx],
            "title": [BOOKS[i][1] for i in book_idx],
            "author": [BOOKS[i][2] for i in book_idx],
            "genre": [BOOKS[i][3] for i in book_idx],
            "format": fmt,
            "qty": qty,
            "unit_price": price.round(2),
            "discount_pct": discount,
            "payment_method": rng.choice(
                ["card", "cash", "gift card"], size=n, p=[0.8, 0.12, 0.08]
            ),
            "loyalty_member": rng.choice(["Y", "N"], size=n, p=[0.4, 0.6]),
            "line_total": total,
        }
    )


def _stock(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    count_id = 1
    for branch in BRANCHES:
        for book in BOOKS:
            for fmt in ("paperback", "hardback"):
                if rng.random() < 0.1:
                    continue
                system = int(rng.integers(0, 25))
                counted = max(0, system - int(rng.choice([0, 0, 0, 0, 1, 1, 2, 3])))
                rows.append(
                    {
                        "count_id": f"SC-{count_id:04d}",
                        "branch": branch,
                        "isbn": book[0],
                        "title": book[1],
                        "genre": book[3],
                        "format": fmt,
                        "system_qty": system,
                        "counted_qty": counted,
                        "variance": counted - system,
                        "last_sold_days_ago": int(rng.gamma(2.0, 9.0)),
                        "shelf": f"{book[3][:3].upper()}-{int(rng.integers(1, 9))}",
                        "counted_by": str(rng.choice(STAFF_NAMES)),
                    }
                )
                count_id += 1
    frame = pd.DataFrame(rows)
    # Count sheets typed in wrong: a barcode in the qty box, negative system stock, a huge loss.
    odd = {
        12: {"counted_qty": 9781, "variance": 9781 - int(frame.loc[12, "system_qty"])},
        41: {"system_qty": -40, "variance": int(frame.loc[41, "counted_qty"]) + 40},
        77: {"counted_qty": 0, "system_qty": 240, "variance": -240},
        98: {"last_sold_days_ago": 4100},
        121: {"counted_qty": 999, "variance": 999 - int(frame.loc[121, "system_qty"])},
        149: {"system_qty": 3, "counted_qty": 88, "variance": 85},
    }
    for row, values in odd.items():
        for column, value in values.items():
            frame.loc[row, column] = value
    return frame


def _demand(rng: np.random.Generator, n: int, start: int, with_outcome: bool) -> pd.DataFrame:
    book_idx = rng.integers(len(BOOKS), size=n)
    genre = np.array([BOOKS[i][3] for i in book_idx])
    price = np.array([BOOKS[i][4] for i in book_idx])
    weeks = rng.integers(1, 160, n)
    display = rng.random(n) < 0.3
    event = rng.random(n) < 0.08
    branch = rng.choice(BRANCHES, size=n, p=BRANCH_P)
    prize = rng.random(n) < 0.05
    frame = pd.DataFrame(
        {
            "row_ref": [f"TD{start + i}" for i in range(n)],
            "branch": branch,
            "isbn": [BOOKS[i][0] for i in book_idx],
            "genre": genre,
            "price": price,
            "weeks_since_release": weeks,
            "on_front_table": np.where(display, "yes", "no"),
            "author_event": np.where(event, "yes", "no"),
            "prize_shortlist": np.where(prize, "yes", "no"),
            "units_sold_prev_4wk": rng.poisson(np.where(weeks < 20, 9, 4)),
        }
    )
    if with_outcome:
        base = (
            3.0
            + 0.55 * frame["units_sold_prev_4wk"].to_numpy()
            + 5.0 * display
            + 9.0 * event
            + 7.0 * prize
            + 18.0 / np.sqrt(weeks)
            - 0.12 * price
            + np.where(branch == "University", 1.5, 0.0)
            + np.where(genre == "children", 2.0, 0.0)
        )
        frame["units_sold_4wk"] = np.clip(base + rng.normal(0, 2.0, n), 0, None).round().astype(int)
    return frame


HANDBOOK_MD = """# Marlow & Finch Books: staff handbook

Welcome to Marlow & Finch. We have four shops: Harbourside, Old Town, Station Road and the
University branch. This handbook covers what every bookseller needs to know in their first
month. Ask your branch manager about anything it does not answer.

## Opening and closing

The first bookseller in opens the shop 30 minutes before trading. The alarm code is changed
every quarter and is given out by the branch manager in person, never by text or email. At
closing, the tills are counted by two people and the float of 150 pounds is left in the safe.

## Tills and payments

We take cards, cash and Marlow & Finch gift cards. Gift cards never expire and can be used in
every branch. A refund to a card goes back to the same card it was paid with. Any till
difference over 5 pounds is written in the till log and reported to the branch manager.

## Returns and refunds

Customers can return a book in saleable condition within 28 days with a receipt for a full
refund. After 28 days, or without a receipt, we offer store credit or an exchange. A book that
was faulty when sold, such as missing pages or a cracked spine, is refunded whatever the date.
Every return is entered in the returns log with the reason the customer gives.

## The loyalty scheme

Loyalty members collect one stamp for every 10 pounds spent. Ten stamps give a 10 pound voucher.
Stamps are not given on gift cards or on books already discounted by a third or more. Members
also get 10 percent off new hardbacks in their first week of publication.

## Special orders

We can order almost any book in print from our wholesaler. Orders placed before 2 pm usually
arrive within two working days. The bookseller who takes the order phones the customer when it
arrives, and uncollected orders go back on the shelf after three weeks.

## Events

Author evenings are planned by the events coordinator at the Old Town branch. Tickets are sold
through the website and the tills. Story time runs every Saturday at 10:30 in the Harbourside and
University branches, and staff reading aloud must have completed the safeguarding course.

## Stock counts

Every branch counts its whole stock twice a year, in January and July, and counts one genre
each month. Counts are entered on the count sheet by shelf. A difference of more than five
copies on one title is counted again by a second person before it is entered.
"""

LOYALTY_MD = """# Loyalty card questions

**How do I join?** Ask at any till. Joining is free and takes a minute; we only need a name and an
email address.

**What do I get?** One stamp for every 10 pounds you spend. Ten stamps give you a 10 pound
voucher, and members get 10 percent off new hardbacks in their first week.

**Can I use my card in every branch?** Yes. Harbourside, Old Town, Station Road and University
all share one system, so your stamps follow you.

**I lost my card. What now?** Tell any bookseller. We can move your stamps to a new card if you
give us the email address you joined with.
"""


def write(out: Path) -> None:
    """Write every file of the corpus into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)

    def csv(frame: pd.DataFrame, name: str) -> None:
        frame.to_csv(out / name, index=False, lineterminator="\n")

    def text(body: str, name: str) -> None:
        (out / name).write_text(body, encoding="utf-8")

    rng = np.random.default_rng(SEED)
    csv(_visits(rng), "donor_visits.csv")
    deferrals, deferral_gold = _deferrals(np.random.default_rng(SEED + 1))
    csv(deferrals, "deferral_notes.csv")
    csv(deferral_gold, "deferral_gold.csv")
    text(json.dumps(DEFERRAL_RULES, indent=2) + "\n", "deferral_rules.json")
    rng = np.random.default_rng(SEED + 2)
    csv(_returns(rng, 500, 20000, True), "donor_returns_train.csv")
    csv(_returns(rng, 150, 21000, True), "donor_returns_test.csv")
    csv(_returns(rng, 120, 22000, False), "lapsed_donors_new.csv")
    text(FAQ_MD, "docs/donor_screening_faq.md")
    text(SOP_MD, "docs/staff_sop_hb_screening.md")
    text(MOBILE_TXT, "docs/mobile_unit_checklist.txt")

    rng = np.random.default_rng(SEED + 3)
    reviews = _reviews(rng, 480, 1)
    true_sentiment = reviews["sentiment"].to_numpy().copy()
    sent_filled = rng.random(len(reviews)) < 0.25
    topic_filled = rng.random(len(reviews)) < 0.2
    reviews["sentiment"] = np.where(sent_filled, reviews["sentiment"], "")
    reviews["topic"] = np.where(topic_filled, reviews["topic"], "")
    csv(reviews, "customer_reviews.csv")
    unfilled = np.flatnonzero(~sent_filled)
    picked = np.sort(rng.choice(unfilled, size=80, replace=False))
    csv(
        pd.DataFrame(
            {
                "review_id": reviews["review_id"].to_numpy()[picked],
                "sentiment": true_sentiment[picked],
            }
        ),
        "reviews_gold.csv",
    )
    text(json.dumps(REVIEW_RULES, indent=2) + "\n", "review_rules.json")
    csv(_reviews(rng, 300, 5001, "2024-01-03").drop(columns=["topic"]), "reviews_2024_labelled.csv")
    csv(_reviews(rng, 120, 6001).drop(columns=["topic"]), "reviews_test.csv")
    csv(
        _reviews(rng, 60, 7001, "2025-12-01").drop(columns=["sentiment", "topic"]),
        "reviews_december.csv",
    )

    csv(_returns_log(np.random.default_rng(SEED + 4)), "returns_log.csv")
    csv(_sales(np.random.default_rng(SEED + 5)), "sales_lines.csv")
    csv(_stock(np.random.default_rng(SEED + 6)), "stock_counts.csv")
    rng = np.random.default_rng(SEED + 7)
    csv(_demand(rng, 320, 1, True), "title_demand.csv")
    csv(_demand(rng, 40, 901, False), "title_demand_new.csv")
    text(HANDBOOK_MD, "docs/staff_handbook.md")
    text(LOYALTY_MD, "docs/loyalty_card_faq.md")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    write(Path(sys.argv[1]))
