"""Write the heldout17 corpus's files into a folder: `python make_data.py DIR`.

Three invented groups of people and their own files (deterministic, offline, small):

- a group of three dental practices (Brightside Dental): appointments, patient feedback,
  lab invoices, practice documents;
- a regional airport's ground handling and baggage team (Northfield Airport): aircraft
  turnarounds, mishandled-bag reports, ground equipment readings, the ops manual;
- an online second-hand clothing shop (Second Loop): listings, return messages, orders,
  customer reviews, shop documents.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1717


def _sig(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def _text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def _json(path: Path, obj: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def _yn(mask: np.ndarray) -> np.ndarray:
    return np.where(mask, "Y", "N")


# ----------------------------------------------------------------------------------------
# Dental practices
# ----------------------------------------------------------------------------------------

PRACTICES = ["Northgate", "Riverside", "Old Town"]
CLINICIANS = ["Dr Shah", "Dr Byrne", "Dr Okafor", "Hyg. Lewis", "Hyg. Marsh"]
APPT_TYPES = [
    "Check-up",
    "Hygiene",
    "Filling",
    "Extraction",
    "Root canal",
    "Crown prep",
    "Emergency",
]
FEE_BANDS = ["NHS B1", "NHS B2", "NHS B3", "Private", "Plan"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
RECEP_NOTES = [
    "pt asked for afternoon next time",
    "moved from last week",
    "anxious pt - book longer slot",
    "needs wheelchair access",
    "rang to confirm",
    "mum to bring child",
    "owes 45 from last visit",
    "left voicemail re reminder",
    "wants to see same dentist",
    "interpreter needed (Polish)",
]


def dental_appointments(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    appt_type = rng.choice(APPT_TYPES, n, p=[0.3, 0.22, 0.18, 0.08, 0.06, 0.06, 0.1])
    age = np.clip(rng.normal(44, 19, n).round(), 4, 92).astype(int)
    new_patient = rng.random(n) < 0.15
    booked = np.where(
        appt_type == "Emergency", rng.integers(0, 2, n), rng.gamma(2.0, 18.0, n).round()
    ).astype(int)
    weekday = rng.choice(WEEKDAYS, n, p=[0.19, 0.19, 0.19, 0.19, 0.17, 0.07])
    hours = rng.integers(8, 18, n)
    mins = rng.choice(["00", "15", "30", "45"], n)
    slot = [f"{h:02d}:{m}" for h, m in zip(hours, mins, strict=True)]
    sms = rng.random(n) < 0.72
    prev_dna = rng.poisson(0.5, n)
    fee_band = rng.choice(FEE_BANDS, n, p=[0.34, 0.2, 0.08, 0.26, 0.12])
    base_fee = {"NHS B1": 26.8, "NHS B2": 73.5, "NHS B3": 319.1, "Private": 95.0, "Plan": 0.0}
    fee = np.array([base_fee[b] for b in fee_band]) + np.where(
        fee_band == "Private", rng.gamma(2.0, 60.0, n), 0.0
    )
    young = (age >= 18) & (age <= 30)
    dna_logit = (
        -2.7
        + 0.018 * booked
        + 0.65 * prev_dna
        - 0.95 * sms
        + 0.6 * young
        + 0.35 * (weekday == "Mon")
        - 0.8 * (appt_type == "Emergency")
        + 0.3 * (fee_band == "NHS B1")
    )
    dna = rng.random(n) < _sig(dna_logit)
    late_logit = (
        -2.5
        + 0.5 * (weekday == "Fri")
        + 0.45 * new_patient
        + 0.6 * np.isin(appt_type, ["Root canal", "Extraction"])
        + 0.01 * booked
    )
    late_cancel = (~dna) & (rng.random(n) < _sig(late_logit))
    attended = ~dna & ~late_cancel
    paid_logit = 1.5 - 0.006 * fee + 1.2 * (fee_band == "Plan") - 0.4 * (age > 70)
    paid = np.where(attended, _yn(rng.random(n) < _sig(paid_logit)), "")
    note = np.where(rng.random(n) < 0.18, rng.choice(RECEP_NOTES, n), "")
    return pd.DataFrame(
        {
            "appt_id": [f"BS-{start + i:06d}" for i in range(n)],
            "practice": rng.choice(PRACTICES, n, p=[0.4, 0.35, 0.25]),
            "clinician": rng.choice(CLINICIANS, n),
            "appt_type": appt_type,
            "patient_age": age,
            "new_patient": _yn(new_patient),
            "booked_days_ahead": booked,
            "weekday": weekday,
            "slot": slot,
            "sms_reminder": _yn(sms),
            "prev_DNA": prev_dna,
            "fee_band": fee_band,
            "est_fee_gbp": fee.round(2),
            "recep_note": note,
            "DNA": _yn(dna),
            "late_cancel": _yn(late_cancel),
            "paid_on_day": paid,
        }
    )


THEME_SNIPPETS = {
    "waiting": [
        "Waited {m} minutes past my appointment time.",
        "Sat in the waiting room for ages, nobody told us they were running late.",
        "Running behind again, second time this year.",
        "Had to wait nearly an hour with a toddler, not ideal.",
        "The wait to be seen was far too long.",
    ],
    "pain": [
        "The injection really hurt and the numbness took forever to kick in.",
        "Still sore two days after the filling.",
        "Felt every bit of the scaling, should have asked for numbing gel.",
        "Tooth is throbbing since the extraction.",
        "Painful experience, jaw aches.",
    ],
    "cost": [
        "The bill was a lot more than I was quoted.",
        "Didn't realise the hygienist isn't covered on the NHS, expensive.",
        "Charged for a band 2 when I only had a check-up?",
        "Prices have gone up again, hard to afford.",
        "Felt pushed into private white fillings, too pricey.",
    ],
    "staff": [
        "{who} was lovely and explained everything.",
        "The nurse was so kind to my son, he was calm the whole time.",
        "Receptionist was rude on the phone.",
        "{who} rushed me and didn't listen.",
        "Friendly team, the dentist put me at ease.",
    ],
    "booking": [
        "Couldn't get through on the phone to book, kept ringing out.",
        "The online booking page crashed twice.",
        "No appointments for six weeks, ridiculous.",
        "My appointment was cancelled by text the night before.",
        "Reminder text had the wrong date on it.",
    ],
}
FILLERS = [
    "",
    "",
    "Overall ok.",
    "Will come back.",
    "Otherwise fine.",
    "Thanks.",
    "Not sure I will return.",
    "Clean surgery at least.",
]
THEME_STARS = {"waiting": 2.6, "pain": 2.4, "cost": 2.3, "staff": 3.4, "booking": 2.2}


def dental_feedback(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    themes = list(THEME_SNIPPETS)
    theme = rng.choice(themes, n, p=[0.24, 0.16, 0.2, 0.25, 0.15])
    comments, stars = [], []
    for t in theme:
        parts = [str(rng.choice(THEME_SNIPPETS[t]))]
        if rng.random() < 0.35:
            parts.append(str(rng.choice(THEME_SNIPPETS[t])))
        if rng.random() < 0.12:
            parts.append(str(rng.choice(THEME_SNIPPETS[str(rng.choice(themes))])))
        parts.append(str(rng.choice(FILLERS)))
        text = " ".join(p for p in parts if p)
        text = text.replace("{m}", str(int(rng.integers(20, 70)))).replace(
            "{who}", str(rng.choice(["Dr Shah", "Dr Byrne", "Dr Okafor", "The hygienist"]))
        )
        comments.append(text)
        s = THEME_STARS[t] + rng.normal(0, 1.0)
        if "lovely" in text or "kind" in text or "Friendly" in text:
            s += 1.6
        stars.append(int(np.clip(round(s), 1, 5)))
    stars_a = np.array(stars)
    theme_col = np.where(rng.random(n) < 0.17, theme, "")
    callback_known = rng.random(n) < 0.13
    callback = np.where(callback_known, _yn((stars_a <= 2) ^ (rng.random(n) < 0.1)), "")
    months = rng.choice(["2023-09", "2023-10", "2023-11", "2023-12", "2024-01"], n)
    df = pd.DataFrame(
        {
            "fb_id": [f"FB{i:04d}" for i in range(1, n + 1)],
            "practice": rng.choice(PRACTICES, n),
            "visit_month": months,
            "comment": comments,
            "stars": stars_a,
            "theme": theme_col,
            "callback": callback,
        }
    )
    unlabeled = np.flatnonzero(theme_col == "")
    pick = np.sort(rng.choice(unlabeled, 90, replace=False))
    gold = pd.DataFrame({"fb_id": df["fb_id"].to_numpy()[pick], "theme": theme[pick]})
    return df, gold


def dental_rules() -> list[dict]:
    return [
        {
            "name": "wait_words",
            "label": "waiting",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["waited", "waiting room", "running late", "running behind", "wait"],
        },
        {
            "name": "pain_words",
            "label": "pain",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["hurt", "sore", "throbbing", "painful", "aches", "numbing"],
        },
        {
            "name": "cost_words",
            "label": "cost",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["bill", "expensive", "charged", "prices", "pricey", "afford", "quoted"],
        },
        {
            "name": "staff_words",
            "label": "staff",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["lovely", "kind", "rude", "friendly", "didn't listen", "at ease"],
        },
        {
            "name": "booking_words",
            "label": "booking",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["book", "booking", "online", "cancelled", "reminder text", "phone"],
        },
        {
            "name": "low_stars_cost",
            "label": "cost",
            "kind": "regex",
            "column": "comment",
            "pattern": "band [123]|NHS",
            "ignore_case": True,
        },
    ]


def dental_lab_invoices(rng: np.random.Generator, n: int) -> pd.DataFrame:
    items = {
        "Crown - zirconia": (185.0, 8),
        "Crown - PFM": (140.0, 7),
        "Bridge 3-unit": (420.0, 12),
        "Denture - acrylic full": (210.0, 10),
        "Night guard": (55.0, 5),
        "Veneer - emax": (230.0, 9),
    }
    names = list(items)
    item = rng.choice(names, n, p=[0.3, 0.2, 0.1, 0.15, 0.15, 0.1])
    units = np.where(rng.random(n) < 0.8, 1, rng.integers(2, 4, n))
    price = np.array([items[i][0] for i in item]) * rng.normal(1.0, 0.05, n)
    tat = np.array([items[i][1] for i in item]) + rng.integers(-2, 4, n)
    lab = rng.choice(["DentaCraft Ltd", "ProSmile Lab", "Keystone Ceramics"], n)
    df = pd.DataFrame(
        {
            "inv_no": [f"LI-{7001 + i}" for i in range(n)],
            "lab": lab,
            "practice": rng.choice(PRACTICES, n),
            "item": item,
            "units": units,
            "unit_price_gbp": price.round(2),
            "total_gbp": (price * units).round(2),
            "turnaround_days": tat,
            "remake": _yn(rng.random(n) < 0.06),
        }
    )
    odd = {
        17: {"total_gbp": 4150.0},
        58: {"units": 12, "total_gbp": 2220.0},
        101: {"unit_price_gbp": 18.5, "total_gbp": 18.5},
        144: {"turnaround_days": 61},
        190: {"units": -1, "total_gbp": -185.0},
        233: {"unit_price_gbp": 1995.0, "total_gbp": 1995.0},
        270: {"turnaround_days": 0, "remake": "Y"},
    }
    for row, changes in odd.items():
        for col, val in changes.items():
            df.loc[row, col] = val
    return df


DENTAL_DOCS = {
    "practice_docs/new_patient_welcome.md": """
# Welcome to Brightside Dental

Brightside Dental is a group of three practices: Northgate, Riverside and Old Town. All three
practices see NHS and private patients, and Riverside also runs the Brightside Plan.

## Your first visit

A new patient examination is a full check of your teeth, gums and soft tissues. It takes about
40 minutes. Please arrive 10 minutes early so that reception can take your medical history.
If you take blood thinners, the dentist needs to know before any extraction.

## Missed appointments

A missed appointment is an appointment where the patient does not attend and does not tell us
at least 24 hours before. We record missed appointments as DNA (did not attend). After two DNAs
in twelve months the practice may ask you to pay a deposit before booking again.
Cancelling with less than 24 hours notice is recorded as a late cancellation.

## Reminders

We send a text reminder three days before your appointment and again on the morning. If your
mobile number changes, tell reception, because reminders go only to the number on file.

## Children

Children under 18 are treated free on the NHS. A parent or guardian must come to the first
appointment of any child under 16.
""",
    "practice_docs/decontamination_protocol.md": """
# Decontamination protocol (HTM 01-05)

This protocol applies to every surgery in the group. The decontamination lead at each practice
is the senior dental nurse.

## Instrument flow

Used instruments are carried from the surgery to the decontamination room in a sealed, rigid
box. Instruments are first cleaned in the washer-disinfector. Manual cleaning is used only when
the washer-disinfector is out of service, and the reason must be written in the log.

After washing, each instrument is inspected under the illuminated magnifier. An instrument with
visible debris is returned to the washer-disinfector. Clean instruments are then sterilised in
the vacuum autoclave at 134 degrees Celsius for at least 3 minutes.

## Storage

Wrapped instruments may be stored for up to 12 months. Unwrapped instruments must be used
within 1 day or sterilised again. Pouches are dated with the date of sterilisation.

## Daily tests

The autoclave's automatic control test is run at the start of each day. The washer-disinfector
has a daily protein residue test. Any failed test means the machine is taken out of use until
the engineer has visited.

## Waterlines

Dental unit waterlines are flushed for 2 minutes at the start of each session and for 30
seconds between patients. Waterlines are disinfected weekly with the approved product.
""",
    "practice_docs/fees_and_payment_plans.txt": """
Brightside Dental - fees and payment plans (from April 2024)

NHS charges are set nationally. Band 1 costs 26.80 pounds and covers an examination, diagnosis,
X-rays and a scale and polish if clinically needed. Band 2 costs 73.50 pounds and covers
everything in Band 1 plus fillings, root canal treatment and extractions. Band 3 costs 319.10
pounds and covers everything in Bands 1 and 2 plus crowns, dentures and bridges.

Hygienist appointments are private unless the dentist says a scale is clinically needed.
A private hygiene visit costs 65 pounds for 30 minutes.

The Brightside Plan costs 17.50 pounds per month. The plan includes two examinations and two
hygiene visits per year, and a 10 percent discount on private treatment. The plan is paid by
direct debit. If a payment fails, the plan is suspended until the arrears are paid.

Payment is due on the day of treatment. For treatment over 500 pounds, patients can spread the
cost over 6 or 12 months with our finance partner. Patients who miss two appointments may be
asked for a 25 pound deposit, which is taken off the bill when they attend.
""",
}


# ----------------------------------------------------------------------------------------
# Airport ground handling and baggage
# ----------------------------------------------------------------------------------------

AIRLINES = {"Skybridge": "SB", "Northern Air": "NA", "Orbit Jet": "OJ", "FlyCeltic": "FC"}
AC_TYPES = {
    "A320": (45, 160),
    "B738": (45, 170),
    "ATR72": (30, 64),
    "E190": (35, 100),
    "DH8D": (30, 74),
}
OUTSTATIONS = ["AMS", "DUB", "CDG", "FRA", "BCN", "ALC", "PMI", "GLA", "BHX", "OSL"]


def airport_turns(
    rng: np.random.Generator, n: int, start: int, month_w: list[float], outcome: bool
) -> pd.DataFrame:
    airline = rng.choice(list(AIRLINES), n, p=[0.4, 0.3, 0.2, 0.1])
    flight = [
        f"{AIRLINES[a]}{int(x)}" for a, x in zip(airline, rng.integers(100, 990, n), strict=True)
    ]
    ac = rng.choice(list(AC_TYPES), n, p=[0.3, 0.25, 0.2, 0.15, 0.1])
    seats = np.array([AC_TYPES[a][1] for a in ac])
    sched = np.array([AC_TYPES[a][0] for a in ac]) + rng.choice([0, 5, 10, 20], n)
    load = rng.beta(6, 2, n)
    pax_in = (seats * load).round().astype(int)
    pax_out = (seats * rng.beta(6, 2, n)).round().astype(int)
    bags = (pax_out * rng.uniform(0.4, 1.1, n)).round().astype(int)
    transfer = (bags * rng.uniform(0, 0.25, n)).round().astype(int)
    wchr = rng.poisson(0.6, n)
    crew = rng.choice([3, 4, 5, 6], n, p=[0.2, 0.4, 0.3, 0.1])
    arr_delay = np.maximum(0, rng.normal(-5, 22, n)).round().astype(int)
    month = rng.choice(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"], n, p=month_w)
    winter = np.isin(month, ["Jan", "Feb", "Mar"])
    wx = np.where(
        winter,
        rng.choice(["dry", "rain", "snow", "fog", "wind"], n, p=[0.4, 0.25, 0.15, 0.1, 0.1]),
        rng.choice(["dry", "rain", "snow", "fog", "wind"], n, p=[0.65, 0.2, 0.0, 0.05, 0.1]),
    )
    deice = (wx == "snow") | (winter & (rng.random(n) < 0.12))
    hour = rng.integers(5, 23, n)
    stand = rng.choice([f"{s}" for s in ["1", "2", "3", "4", "5", "6", "7", "8", "11", "12"]], n)
    late_logit = (
        -2.4
        + 0.045 * arr_delay
        + 1.5 * deice
        + 0.5 * (wx == "fog")
        + 0.012 * (bags - 60)
        - 0.35 * (crew - 4)
        + 0.5 * (wchr >= 2)
        - 0.04 * (sched - 40)
        + 0.4 * (hour < 8)
    )
    late = rng.random(n) < _sig(late_logit)
    df = pd.DataFrame(
        {
            "turn_id": [f"T24-{start + i:05d}" for i in range(n)],
            "month": month,
            "flight_no": flight,
            "airline": airline,
            "ac_type": ac,
            "stand": stand,
            "sched_ground_min": sched,
            "pax_in": pax_in,
            "pax_out": pax_out,
            "bags_loaded": bags,
            "transfer_bags": transfer,
            "WCHR": wchr,
            "ramp_crew": crew,
            "inbound_delay_min": arr_delay,
            "wx": wx,
            "deicing": _yn(deice),
            "std_hour": hour,
        }
    )
    if outcome:
        mins = np.where(late, 15 + rng.gamma(1.6, 14, n), rng.uniform(-4, 14, n)).round()
        reasons = []
        for i in range(n):
            if not late[i]:
                reasons.append("")
            elif deice[i] or wx[i] in ("snow", "fog"):
                reasons.append("weather")
            elif arr_delay[i] > 25:
                reasons.append("reactionary")
            elif bags[i] > 110 or crew[i] <= 3:
                reasons.append("baggage")
            elif wchr[i] >= 2:
                reasons.append("pax_boarding")
            else:
                reasons.append(str(rng.choice(["ramp_staffing", "baggage", "pax_boarding"])))
        df["off_blocks_late15"] = _yn(late)
        df["delay_min"] = mins.astype(int)
        df["delay_reason"] = reasons
    return df


FAULTS = {
    "transfer": [
        "short connx from {ap}, bag missed onward {fl}",
        "transfer bag not offloaded in time off inbound {fl}",
        "MCT too tight, bag sat in transfer area",
        "xfer bag arrived after {fl} closed, rebooked next rotation",
        "inbound late, transfer bags not made for {fl}",
    ],
    "tagging": [
        "tag unreadable at sortation, barcode torn",
        "bag found in hall with no tag",
        "rush tag missing, manual encode failed",
        "wrong destination printed on tag ({ap})",
        "bag tag damaged, BSM not matched",
    ],
    "loading": [
        "bag loaded on {fl} instead of {fl2}",
        "left on belt loader at stand {st}",
        "loaded to wrong hold, not offloaded at {ap}",
        "missed in ULD, found after departure",
        "cart left airside, not loaded on {fl}",
    ],
    "damage": [
        "handle ripped off, pax claim raised",
        "wheel broken off case",
        "case cracked on corner, contents ok",
        "wet bag, contents soaked after stand in rain",
        "zip burst, items loose in hold",
    ],
    "security_hold": [
        "held by HBS level 3, not cleared before dep",
        "x-ray flag, needed reconcile with pax",
        "bag pulled for screening, missed {fl}",
        "security hold - liquids in checked bag, released next day",
        "HBS reject, pax not located in time",
    ],
}


def airport_bags(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    cats = list(FAULTS)
    fault = rng.choice(cats, n, p=[0.28, 0.18, 0.24, 0.2, 0.1])
    notes = []
    for f in fault:
        text = str(rng.choice(FAULTS[f]))
        if rng.random() < 0.3:
            text += "; " + str(rng.choice(FAULTS[f]))
        if rng.random() < 0.1:
            text += "; " + str(rng.choice(FAULTS[str(rng.choice(cats))]))
        text = (
            text.replace("{ap}", str(rng.choice(OUTSTATIONS)))
            .replace("{fl2}", f"{rng.choice(list(AIRLINES.values()))}{rng.integers(100, 990)}")
            .replace("{fl}", f"{rng.choice(list(AIRLINES.values()))}{rng.integers(100, 990)}")
            .replace("{st}", str(rng.integers(1, 13)))
        )
        if rng.random() < 0.15:
            text = text.upper()
        notes.append(text)
    day = rng.integers(1, 29, n)
    mon = rng.integers(1, 9, n)
    df = pd.DataFrame(
        {
            "report_ref": [f"MB-{412 + i:05d}" for i in range(n)],
            "reported": [f"2024-{m:02d}-{d:02d}" for m, d in zip(mon, day, strict=True)],
            "flight_no": [
                f"{rng.choice(list(AIRLINES.values()))}{rng.integers(100, 990)}" for _ in range(n)
            ],
            "bag_tag": [
                f"0{rng.integers(100, 999)}{rng.integers(100000, 999999)}" for _ in range(n)
            ],
            "handler_notes": notes,
            "delivered_days": rng.choice([0, 1, 1, 2, 2, 3, 5, 9], n),
            "fault_cat": np.where(rng.random(n) < 0.14, fault, ""),
        }
    )
    unlabeled = np.flatnonzero(df["fault_cat"].to_numpy() == "")
    pick = np.sort(rng.choice(unlabeled, 80, replace=False))
    gold = pd.DataFrame({"report_ref": df["report_ref"].to_numpy()[pick], "fault": fault[pick]})
    return df, gold


def airport_rules() -> list[dict]:
    return [
        {
            "name": "xfer",
            "label": "transfer",
            "kind": "keyword",
            "column": "handler_notes",
            "keywords": ["transfer", "xfer", "connx", "MCT", "onward"],
        },
        {
            "name": "tag",
            "label": "tagging",
            "kind": "keyword",
            "column": "handler_notes",
            "keywords": ["tag", "barcode", "BSM", "encode"],
        },
        {
            "name": "load",
            "label": "loading",
            "kind": "keyword",
            "column": "handler_notes",
            "keywords": ["loaded", "belt loader", "ULD", "hold", "cart"],
        },
        {
            "name": "dmg",
            "label": "damage",
            "kind": "keyword",
            "column": "handler_notes",
            "keywords": ["broken", "cracked", "ripped", "wet", "burst", "claim"],
        },
        {
            "name": "sec",
            "label": "security_hold",
            "kind": "regex",
            "column": "handler_notes",
            "pattern": "HBS|x-ray|screening|security",
            "ignore_case": True,
        },
    ]


def airport_gse(rng: np.random.Generator) -> pd.DataFrame:
    units = [("TUG", 8), ("BELT", 6), ("GPU", 4), ("HILOADER", 3)]
    rows = []
    for utype, count in units:
        for u in range(1, count + 1):
            base_hrs = rng.uniform(1500, 9000)
            for week in range(1, 13):
                fuel = {"TUG": 6.5, "BELT": 3.2, "GPU": 11.0, "HILOADER": 5.0}[utype]
                rows.append(
                    {
                        "unit_id": f"{utype}-{u:02d}",
                        "unit_type": utype,
                        "week": week,
                        "engine_hrs": round(base_hrs + week * rng.uniform(30, 45), 1),
                        "fuel_lph": round(fuel * rng.normal(1, 0.06), 2),
                        "hyd_pressure_bar": round(rng.normal(180 if utype != "GPU" else 0, 6), 1)
                        if utype != "GPU"
                        else 0.0,
                        "batt_v": round(rng.normal(25.4, 0.35), 2),
                        "coolant_c": round(rng.normal(86, 3.0), 1),
                        "defects_logged": int(rng.poisson(0.3)),
                    }
                )
    df = pd.DataFrame(rows)
    odd = {
        23: {"fuel_lph": 19.8},
        77: {"coolant_c": 118.0},
        130: {"hyd_pressure_bar": 96.0, "defects_logged": 3},
        181: {"batt_v": 18.2},
        222: {"engine_hrs": 120.0},
        205: {"fuel_lph": 0.4, "coolant_c": 41.0},
    }
    for row, changes in odd.items():
        for col, val in changes.items():
            df.loc[row, col] = val
    return df


AIRPORT_DOCS = {
    "ground_ops_manual/deicing.md": """
# Aircraft de-icing and anti-icing

De-icing removes frost, snow or ice from the aircraft surfaces. Anti-icing protects the clean
surfaces from new contamination for a limited time. Northfield uses Type I fluid for de-icing
and Type IV fluid for anti-icing.

## Who decides

The captain decides whether the aircraft needs de-icing. The ramp supervisor books the de-icing
rig with the de-icing coordinator on channel 3. A request is confirmed only when the
coordinator reads back the stand and the fluid type.

## Holdover time

Holdover time is the estimated time for which anti-icing fluid prevents ice from forming. The
holdover time starts at the beginning of the final fluid application. If the holdover time runs
out before take-off, the aircraft must be treated again.

## Remote de-icing pad

When two or more aircraft need treatment at the same time, stands 11 and 12 are used as the
remote de-icing pad. Aircraft must taxi to the pad with engines running and the ground crew
must stay outside the safety zone of 10 metres.

## Reporting

The de-icing operator records the fluid type, the start time, the quantity in litres and the
outside air temperature on the de-icing log. A missing entry is reported to the duty manager
before the end of the shift.
""",
    "ground_ops_manual/baggage_reconciliation.md": """
# Baggage reconciliation

Baggage reconciliation makes sure that no bag travels without its passenger. Every checked bag
has a bag tag with a ten-digit licence plate number. The baggage source message (BSM) links the
licence plate to the passenger's booking.

## Loading

Bags are scanned at the make-up belt and again at the aircraft hold. A bag that scans as
unknown at the hold is not loaded and is sent to the problem bag desk. The loading supervisor
signs the load sheet only when the scanned count matches the checked count.

## Offloading a bag

If a passenger does not board, their bags must be offloaded before departure. The offload is
requested by the gate agent and confirmed by the loading supervisor. The aircraft cannot push
back until the offload is confirmed.

## Transfer bags

Transfer bags arrive from inbound flights and go through hold baggage screening (HBS) again.
The minimum connection time (MCT) for a transfer bag at Northfield is 45 minutes. A transfer
bag that misses its connection is rebooked on the next flight to the same destination.

## Mishandled bags

A mishandled bag is any bag that is delayed, damaged, lost or pilfered. Each case gets a file
reference (MB number) in the WorldTracer system within 2 hours of the report. Delayed bags are
delivered to the passenger's address free of charge.
""",
    "ground_ops_manual/ramp_safety_briefing.txt": """
Ramp safety briefing - all ground staff

High-visibility clothing and ear defenders must be worn airside at all times. Mobile phones are
not used while driving airside.

The speed limit on the apron is 15 km/h and 5 km/h within 5 metres of an aircraft. Vehicles
never drive under the wing of an aircraft.

Before an aircraft arrives on stand, the stand is checked for foreign object debris (FOD). Any
FOD found is put in the FOD bins beside each stand. Chocks are placed only when the engines
are off and the anti-collision beacon is switched off.

The belt loader is positioned with its bumper 30 centimetres from the fuselage. Cones are placed
at the wingtips, the nose and the engines after chocks are in.

If lightning is detected within 5 kilometres, all ramp activity stops and staff go inside. The
duty manager announces the red alert on the radio and gives the all clear.
""",
}


# ----------------------------------------------------------------------------------------
# Second-hand clothing shop
# ----------------------------------------------------------------------------------------

BRANDS = {
    "Zara": 0.0,
    "H&M": -0.4,
    "Levi's": 0.5,
    "Barbour": 0.9,
    "Whistles": 0.4,
    "Uniqlo": 0.1,
    "COS": 0.5,
    "Nike": 0.6,
    "Boden": 0.2,
    "Primark": -0.8,
    "Reformation": 0.7,
    "M&S": -0.1,
}
CATEGORIES = ["dress", "jeans", "coat", "knitwear", "top", "trainers", "skirt", "blazer"]
CONDITIONS = ["new with tags", "excellent", "good", "fair"]
COLOURS = ["black", "navy", "cream", "green", "red", "grey", "floral", "denim blue", "camel"]
DESC_EXTRA = [
    "Worn twice.",
    "Smoke free home.",
    "Small mark on cuff, see photo 4.",
    "Bobbling under arms.",
    "Fits true to size.",
    "Runs a bit small.",
    "Slightly faded from washing.",
    "Original buttons.",
    "",
    "",
]


def shop_listings(rng: np.random.Generator, n: int, start: int, outcome: bool) -> pd.DataFrame:
    brand = rng.choice(list(BRANDS), n)
    cat = rng.choice(CATEGORIES, n, p=[0.18, 0.14, 0.12, 0.14, 0.16, 0.1, 0.08, 0.08])
    cond = rng.choice(CONDITIONS, n, p=[0.12, 0.38, 0.38, 0.12])
    size = np.where(
        cat == "trainers",
        rng.choice(["UK4", "UK5", "UK6", "UK7", "UK8", "UK9", "UK10"], n),
        rng.choice(["XS", "S", "M", "L", "XL", "UK8", "UK10", "UK12", "UK14", "UK16"], n),
    )
    rrp_base = {
        "dress": 60,
        "jeans": 70,
        "coat": 150,
        "knitwear": 65,
        "top": 30,
        "trainers": 90,
        "skirt": 45,
        "blazer": 110,
    }
    rrp = np.array([rrp_base[c] for c in cat]) * np.exp(
        np.array([BRANDS[b] for b in brand]) * 0.6 + rng.normal(0, 0.2, n)
    )
    cond_mult = {"new with tags": 0.6, "excellent": 0.42, "good": 0.3, "fair": 0.18}
    price = rrp * np.array([cond_mult[c] for c in cond]) * np.exp(rng.normal(0, 0.3, n))
    photos = rng.integers(1, 9, n)
    colour = rng.choice(COLOURS, n)
    titles = [f"{b} {c} {k}" for b, c, k in zip(brand, colour, cat, strict=True)]
    descs = []
    for b, c, k, cd in zip(brand, colour, cat, cond, strict=True):
        d = f"{cd.capitalize()} {c} {k} from {b}."
        for _ in range(int(rng.integers(0, 3))):
            d += " " + str(rng.choice(DESC_EXTRA))
        descs.append(d.strip())
    ratio = price / rrp
    sold_logit = (
        0.4
        - 3.2 * (ratio - 0.35)
        + 0.18 * (photos - 4)
        + np.array([BRANDS[b] for b in brand]) * 0.8
        + 0.5 * (cond == "new with tags")
        - 0.7 * (cond == "fair")
        + 0.4 * np.isin(cat, ["coat", "jeans"])
    )
    sold = rng.random(n) < _sig(sold_logit)
    df = pd.DataFrame(
        {
            "item_id": [f"SL-{start + i}" for i in range(n)],
            "title": titles,
            "brand": brand,
            "category": cat,
            "size_label": size,
            "condition": cond,
            "colour": colour,
            "price_gbp": price.round(2),
            "orig_rrp_gbp": rrp.round(0),
            "n_photos": photos,
            "description": descs,
            "seller_rating": np.clip(rng.normal(4.6, 0.3, n), 3.0, 5.0).round(1),
        }
    )
    if outcome:
        ret_logit = (
            -2.3
            + 0.9 * np.isin(cat, ["jeans", "trainers", "blazer"])
            + 0.6 * (cond == "fair")
            - 0.15 * (photos - 4)
            + 0.5 * np.array(["small" in d for d in descs])
        )
        returned = np.where(sold, _yn(rng.random(n) < _sig(ret_logit)), "")
        dropped = rng.random(n) < _sig(-1.0 + 2.0 * (ratio - 0.35) - 0.8 * sold)
        df["sold_30d"] = np.where(sold, "yes", "no")
        df["returned"] = returned
        df["price_dropped"] = _yn(dropped)
    return df


RETURN_MSGS = {
    "too_small": [
        "Way too tight on the shoulders, couldn't lift my arms.",
        "Runs small, I'm normally a {s} and this is more like a size below.",
        "Couldn't do the zip up at all.",
        "Too small sadly, the waist dug in.",
        "sleeves are too short for me",
    ],
    "too_big": [
        "It swamped me, far too big.",
        "Massive on me, the sizing is off.",
        "Waist is too loose even with a belt.",
        "too big, fits like a tent",
        "Much bigger than the measurements said.",
    ],
    "not_as_described": [
        "The colour is nothing like the photos.",
        "Listing said no flaws but there's a stain on the front.",
        "It's a different brand to what was listed.",
        "Description says wool but the label says acrylic.",
        "Photos must have been of a different item, not as described.",
    ],
    "faulty": [
        "The seam came apart the first time I wore it.",
        "Zip was broken when it arrived.",
        "There's a hole under the arm.",
        "Button missing and the lining is ripped.",
        "Sole is coming away from the trainer.",
    ],
    "changed_mind": [
        "Just changed my mind sorry.",
        "Don't need it anymore, found something else.",
        "Bought two and I'm keeping the other one.",
        "Not really my style after all.",
        "Ordered on impulse, would like a refund please.",
    ],
}


def shop_returns(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    reasons = list(RETURN_MSGS)
    reason = rng.choice(reasons, n, p=[0.27, 0.18, 0.2, 0.15, 0.2])
    openers = ["", "", "Hi, ", "Hello, ", "Hiya! ", "Hi there. "]
    closers = ["", "", " Thanks", " Thank you.", " Can I get a refund?", " x", " Cheers"]
    msgs = []
    for r in reason:
        m = str(rng.choice(openers)) + str(rng.choice(RETURN_MSGS[r]))
        if rng.random() < 0.25:
            m += " " + str(rng.choice(RETURN_MSGS[r]))
        if rng.random() < 0.08:
            m += " " + str(rng.choice(RETURN_MSGS[str(rng.choice(reasons))]))
        m += str(rng.choice(closers))
        msgs.append(m.replace("{s}", str(rng.choice(["8", "10", "12", "M", "S"]))))
    day = rng.integers(1, 31, n)
    df = pd.DataFrame(
        {
            "msg_id": [f"R{1001 + i}" for i in range(n)],
            "order_ref": [f"SLO-{rng.integers(20000, 39999)}" for _ in range(n)],
            "received": [f"2024-09-{d:02d}" for d in day],
            "message": msgs,
            "refund_gbp": (rng.gamma(2.0, 12.0, n) + 4).round(2),
            "reason": np.where(rng.random(n) < 0.16, reason, ""),
        }
    )
    unlabeled = np.flatnonzero(df["reason"].to_numpy() == "")
    pick = np.sort(rng.choice(unlabeled, 75, replace=False))
    gold = pd.DataFrame({"msg_id": df["msg_id"].to_numpy()[pick], "reason": reason[pick]})
    return df, gold


def shop_rules() -> list[dict]:
    return [
        {
            "name": "small",
            "label": "too_small",
            "kind": "keyword",
            "column": "message",
            "keywords": ["too tight", "runs small", "too small", "too short", "zip up"],
        },
        {
            "name": "big",
            "label": "too_big",
            "kind": "keyword",
            "column": "message",
            "keywords": ["too big", "swamped", "massive", "too loose", "bigger"],
        },
        {
            "name": "nad",
            "label": "not_as_described",
            "kind": "keyword",
            "column": "message",
            "keywords": ["not as described", "photos", "listed", "stain", "label says"],
        },
        {
            "name": "fault",
            "label": "faulty",
            "kind": "keyword",
            "column": "message",
            "keywords": ["broken", "hole", "seam", "ripped", "missing", "coming away"],
        },
        {
            "name": "mind",
            "label": "changed_mind",
            "kind": "keyword",
            "column": "message",
            "keywords": [
                "changed my mind",
                "don't need",
                "impulse",
                "my style",
                "keeping the other",
            ],
        },
    ]


def shop_orders(rng: np.random.Generator, n: int) -> pd.DataFrame:
    items = rng.choice([1, 1, 1, 2, 2, 3, 4], n)
    basket = (items * rng.gamma(3.0, 9.0, n)).round(2)
    df = pd.DataFrame(
        {
            "order_ref": [f"SLO-{31000 + i}" for i in range(n)],
            "n_items": items,
            "basket_gbp": basket,
            "discount_pct": rng.choice([0, 0, 0, 10, 15, 20], n),
            "postage_gbp": rng.choice([2.99, 3.49, 4.99], n),
            "ship_country": rng.choice(["UK", "UK", "UK", "UK", "IE", "FR", "DE"], n),
            "account_age_days": rng.gamma(2.0, 200.0, n).round().astype(int),
            "mins_to_checkout": rng.gamma(2.5, 4.0, n).round(1),
            "payment": rng.choice(["card", "card", "paypal", "klarna", "apple_pay"], n),
            "prev_orders": rng.poisson(3, n),
        }
    )
    odd = {
        12: {"basket_gbp": 1840.0, "n_items": 22, "account_age_days": 0, "mins_to_checkout": 0.3},
        66: {"discount_pct": 90},
        141: {"postage_gbp": 0.0, "ship_country": "UK", "basket_gbp": 0.5},
        203: {"mins_to_checkout": 410.0},
        257: {"account_age_days": 0, "prev_orders": 41},
        318: {"n_items": 1, "basket_gbp": 960.0, "payment": "klarna"},
    }
    for row, changes in odd.items():
        for col, val in changes.items():
            df.loc[row, col] = val
    return df


def shop_reviews(rng: np.random.Generator, n: int) -> list[dict]:
    good = [
        "Lovely quality, exactly as pictured.",
        "Fast delivery and well packed.",
        "Great condition for pre-loved!",
        "Seller answered my questions quickly.",
    ]
    bad = [
        "Took ten days to arrive.",
        "Smelled of smoke when it came.",
        "Smaller than expected.",
        "Packaging was ripped open.",
    ]
    out = []
    for i in range(n):
        rating = int(rng.choice([1, 2, 3, 4, 5, 5, 5, 4]))
        text = str(rng.choice(good if rating >= 4 else bad))
        out.append(
            {
                "review_id": 5001 + i,
                "item_id": f"SL-{int(rng.integers(10000, 11200))}",
                "rating": rating,
                "text": text,
                "verified": bool(rng.random() < 0.9),
            }
        )
    return out


SHOP_DOCS = {
    "shop_docs/returns_policy.md": """
# Second Loop returns policy

You can return any item within 14 days of delivery. The return window starts on the day the
parcel is delivered, not the day it was posted.

## How to return

Start a return from your order page and choose a reason. We email a prepaid label within one
working day. Items must be sent back in the condition they arrived, with the Second Loop tag
still attached.

## Refunds

A refund is issued to the original payment method within 5 working days of the item reaching our
warehouse. Postage is refunded only when the item is faulty or not as described. For Klarna
orders, Klarna updates the payment plan when the refund is processed.

## Items that cannot be returned

Underwear, swimwear without the hygiene strip and earrings cannot be returned. Items marked as
final sale cannot be returned unless they are faulty.

## Faulty or not as described

An item is not as described when its brand, size, material or condition differs from the
listing. A faulty item is an item with damage that was not shown in the photos. Send a photo of
the fault with the return request, because the photo speeds up the refund.
""",
    "shop_docs/condition_grading.md": """
# Condition grading guide for sellers

Every listing on Second Loop has one of four condition grades. The grade is checked by our
warehouse team when an item is sent in for listing.

## New with tags

New with tags means the item has never been worn and the original brand tags are attached.

## Excellent

Excellent means the item has been worn a few times and shows no signs of wear. There is no
bobbling, fading, stretching or marking.

## Good

Good means the item has light signs of wear, such as slight bobbling or a little fading. Any
flaw must be shown in a close-up photo.

## Fair

Fair means the item has visible wear, such as a small stain, a repaired seam or a missing spare
button. Fair items are priced at no more than 20 percent of the original retail price.

## Items we do not accept

We do not accept items with holes, broken zips or strong odours, because these items are
usually returned by buyers.
""",
    "shop_docs/seller_faq.txt": """
Second Loop - seller FAQ

How much does it cost to sell? Listing is free. Second Loop takes a commission of 15 percent of
the sale price when an item sells, plus a payment fee of 30 pence.

When do I get paid? Sellers are paid 3 days after the buyer's return window closes. Payments go
to the bank account saved in your seller settings.

How many photos should I add? Listings with at least five photos sell faster. The first photo
should show the whole item on a plain background.

What happens if an item does not sell? An item that has not sold after 30 days gets a reminder
to lower the price. After 90 days the listing is archived and you can relist it.

Can I ship abroad? Yes. Second Loop ships to the UK, Ireland, France and Germany. Buyers outside
the UK pay import duties where they apply.
""",
}


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # dental
    appts = dental_appointments(rng, 1300, 104000)
    _csv(appts.iloc[:900], out / "appointments_2023.csv")
    _csv(appts.iloc[900:1150].reset_index(drop=True), out / "appointments_jan24.csv")
    upcoming = appts.iloc[1150:].drop(columns=["DNA", "late_cancel", "paid_on_day"])
    _csv(upcoming.reset_index(drop=True), out / "appointments_next_2wks.csv")
    fb, fb_gold = dental_feedback(rng, 420)
    _csv(fb, out / "patient_feedback.csv")
    _csv(fb_gold, out / "feedback_handlabels.csv")
    _json(out / "feedback_theme_rules.json", dental_rules())
    _csv(dental_lab_invoices(rng, 300), out / "lab_invoices_2023.csv")
    for name, text in DENTAL_DOCS.items():
        _text(out / name, text)

    # airport
    w_h1 = [0.17, 0.16, 0.17, 0.16, 0.17, 0.17, 0.0, 0.0]
    _csv(airport_turns(rng, 950, 1, w_h1, outcome=True), out / "turnarounds_jan_jun.csv")
    _csv(
        airport_turns(rng, 260, 2001, [0, 0, 0, 0, 0, 0, 1.0, 0], outcome=True),
        out / "turnarounds_july.csv",
    )
    _csv(
        airport_turns(rng, 110, 3001, [0, 0, 0, 0, 0, 0, 0, 1.0], outcome=False),
        out / "turns_next_week.csv",
    )
    bags, bags_gold = airport_bags(rng, 480)
    _csv(bags, out / "mishandled_bags.csv")
    _csv(bags_gold, out / "mishandled_gold.csv")
    _json(out / "bag_fault_rules.json", airport_rules())
    _csv(airport_gse(rng), out / "gse_weekly_readings.csv")
    for name, text in AIRPORT_DOCS.items():
        _text(out / name, text)

    # clothing shop
    listings = shop_listings(rng, 1250, 10001, outcome=True)
    _csv(listings.iloc[:950], out / "listings_train.csv")
    _csv(listings.iloc[950:].reset_index(drop=True), out / "listings_test.csv")
    _csv(shop_listings(rng, 120, 12001, outcome=False), out / "new_listings.csv")
    rets, rets_gold = shop_returns(rng, 450)
    _csv(rets, out / "return_messages.csv")
    _csv(rets_gold, out / "return_reasons_handlabelled.csv")
    _json(out / "return_reason_rules.json", shop_rules())
    _csv(shop_orders(rng, 360), out / "orders_sept.csv")
    reviews = shop_reviews(rng, 300)
    (out / "customer_reviews.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in reviews), encoding="utf-8"
    )
    for name, text in SHOP_DOCS.items():
        _text(out / name, text)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
