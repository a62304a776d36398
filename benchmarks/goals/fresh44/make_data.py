"""Write the fresh44 corpus's files into DIR (deterministic, offline, small).

Four invented organisations: a language school (Brightwater Languages), a lift maintenance
firm (Kessler Lifts), an artisan cheese maker (Hollow Oak Creamery) and a network of charity
shops (Second Chance shops).

Run: python make_data.py DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 4419


def sentence(rng: np.random.Generator, parts: list[list[str]]) -> str:
    """One free-text note made of a pick from each phrase list, in order."""
    return " ".join(str(rng.choice(p)) for p in parts).replace(" ,", ",").strip()


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


# ---------------------------------------------------------------- language school


COMMENT_BITS = {
    "yes": [
        "Very motivated, always does the extra reading.",
        "Strong speaker, confident in class discussions.",
        "Good progress this term, writing is much clearer.",
        "Reliable and participates every lesson.",
        "Excellent listening scores in the mocks.",
    ],
    "no": [
        "Often late and misses homework deadlines.",
        "Struggles with grammar, needs more support.",
        "Quiet, rarely speaks, mock results weak.",
        "Missed several weeks because of work shifts.",
        "Finds the pace too fast, considering dropping a level.",
    ],
}
COURSES = ["General English", "IELTS Prep", "Business English", "Spanish A1-A2", "German Evening"]
LEVELS = ["A1", "A2", "B1", "B2", "C1"]
NATIONALITIES = [
    "Brazil",
    "Japan",
    "Poland",
    "Italy",
    "Turkey",
    "Vietnam",
    "Colombia",
    "Saudi Arabia",
]


def enrolments(rng: np.random.Generator, n: int, start: int, outcomes: bool) -> pd.DataFrame:
    course = rng.choice(COURSES, n)
    level = rng.choice(LEVELS, n, p=[0.15, 0.25, 0.3, 0.2, 0.1])
    hours = rng.choice([4, 6, 9, 12, 15, 20], n)
    attendance = np.clip(rng.normal(82, 12, n), 30, 100).round(0)
    homework = np.clip(rng.normal(70, 20, n), 0, 100).round(0)
    placement = np.clip(rng.normal(55, 15, n), 10, 100).round(0)
    age = rng.integers(16, 61, n)
    logit = 0.06 * (attendance - 80) + 0.03 * (homework - 70) + 0.02 * (placement - 55)
    passed = rng.random(n) < 1 / (1 + np.exp(-logit))
    reenrol = rng.random(n) < 1 / (1 + np.exp(-(0.04 * (attendance - 75) + 0.5 * passed - 0.3)))
    comments = [
        sentence(rng, [COMMENT_BITS["yes" if p else "no"], COMMENT_BITS["yes" if p else "no"]])
        if rng.random() < 0.85
        else sentence(rng, [COMMENT_BITS["no" if p else "yes"]])
        for p in passed
    ]
    df = pd.DataFrame(
        {
            "Student Ref": [f"BW{start + i:05d}" for i in range(n)],
            "course": course,
            "level_start": level,
            "hrs_per_week": hours,
            "attendance_pct": attendance,
            "homework_done_pct": homework,
            "placement_score": placement,
            "age": age,
            "nationality": rng.choice(NATIONALITIES, n),
            "teacher_comment": comments,
        }
    )
    if outcomes:
        up = np.where(passed, 1, 0)
        end_idx = [min(LEVELS.index(lv) + u, 4) for lv, u in zip(level, up, strict=True)]
        df["passed_final"] = np.where(passed, "yes", "no")
        df["reenrolled"] = np.where(reenrol, "Y", "N")
        df["level_end"] = [LEVELS[i] for i in end_idx]
    return df


FEEDBACK = {
    "teacher": [
        "our teacher explains really clearly",
        "the teacher was changed three times this term",
        "teacher is patient and funny",
        "the tutor often arrives late to class",
    ],
    "timetable": [
        "the evening slot clashes with my work",
        "classes moved to Saturday with no warning",
        "the timetable keeps changing",
        "morning lessons start too early",
    ],
    "price": [
        "the course fee went up again",
        "too expensive compared to other schools",
        "the exam fee was not included in the price",
        "no discount for paying the full term",
    ],
    "materials": [
        "the coursebook is out of date",
        "the online workbook login never works",
        "photocopies are hard to read",
        "we need more listening materials",
    ],
    "facilities": [
        "room 4 is freezing in winter",
        "the wifi in the building is terrible",
        "the coffee machine is always broken",
        "the lift to the second floor is out of order",
    ],
}
OPENERS = ["Honestly,", "Overall good but", "Just to say", "", "Feedback:", "Please note"]


def feedback(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 320
    areas = list(FEEDBACK)
    true = rng.choice(areas, n)
    comments = [sentence(rng, [OPENERS, FEEDBACK[a], ["", ".", "!", " - thanks"]]) for a in true]
    filled = rng.random(n) < 0.22
    df = pd.DataFrame(
        {
            "fb_id": np.arange(1001, 1001 + n),
            "course": rng.choice(COURSES, n),
            "term": rng.choice(["Autumn 23", "Spring 24", "Summer 24"], n),
            "comment": comments,
            "stars": rng.integers(1, 6, n),
            "complaint_area": np.where(filled, true, ""),
        }
    )
    gold_idx = rng.choice(np.where(~filled)[0], 70, replace=False)
    gold = pd.DataFrame({"fb_id": df["fb_id"].iloc[gold_idx].values, "area": true[gold_idx]})
    return df, gold.sort_values("fb_id").reset_index(drop=True)


# ---------------------------------------------------------------- lift maintenance


NOTES = {
    "doors": [
        "landing door not closing fully, adjusted door operator",
        "door reopening repeatedly, safety edge dirty",
        "car door track full of grit, cleaned rollers",
        "door lock contact intermittent on floor 3",
    ],
    "drive": [
        "motor running hot, brake drag noted",
        "rope slippage on traction sheave, noisy",
        "gearbox oil low, grinding noise on start",
        "drive inverter tripped overcurrent",
    ],
    "controller": [
        "controller fault code E31, reset and logged",
        "car calls not registering, replaced button board",
        "PCB relay chattering in machine room",
        "lost floor position after power dip, re-learned",
    ],
    "hydraulics": [
        "oil leak at ram seal, pit has oil",
        "car sinking overnight, valve block suspect",
        "pump noisy and slow on up travel",
        "hydraulic oil temp high, tank low",
    ],
    "no fault found": [
        "attended, lift working on arrival",
        "tested all floors, no fault found",
        "vandalism call, panel fine",
        "caretaker reported noise, could not reproduce",
    ],
}
MAKES = ["Otis", "Kone", "Schindler", "TK Elevator", "Stannah"]
SITES = [
    "Riverside Flats",
    "Mercer House",
    "St Anne's Hospital",
    "Kingsway Car Park",
    "Oakfield Shopping Centre",
    "Harbour View Hotel",
    "Northgate Offices",
    "Elm Court Care Home",
]


def callouts(rng: np.random.Generator, n: int, start: int, fill: float, outcomes: bool):
    faults = list(NOTES)
    true = rng.choice(faults, n, p=[0.3, 0.2, 0.2, 0.12, 0.18])
    notes = [
        sentence(rng, [NOTES[f], ["", "- parts ordered", "- revisit booked", "ok now"]])
        for f in true
    ]
    since = rng.integers(3, 200, n)
    vibr = (
        np.where(true == "drive", rng.normal(4.5, 1.0, n), rng.normal(2.0, 0.7, n))
        .clip(0.3)
        .round(2)
    )
    temp = np.where(true == "drive", rng.normal(72, 8, n), rng.normal(55, 7, n)).round(1)
    repeat = rng.random(n) < np.where(true == "no fault found", 0.35, 0.12) + since / 1000
    trapped = rng.random(n) < np.where(np.isin(true, ["doors", "controller"]), 0.25, 0.06)
    df = pd.DataFrame(
        {
            "job_no": [f"KL-{start + i}" for i in range(n)],
            "site_name": rng.choice(SITES, n),
            "lift_make": rng.choice(MAKES, n),
            "install_year": rng.integers(1978, 2022, n),
            "floors_served": rng.integers(2, 18, n),
            "trips_day": rng.integers(40, 900, n),
            "days_since_service": since,
            "door_cycles_k": rng.integers(5, 400, n),
            "vibr_mm_s": vibr,
            "motor_temp_c": temp,
            "engineer_notes": notes,
        }
    )
    df["fault_cat"] = np.where(rng.random(n) < fill, true, "")
    if outcomes:
        df["repeat_visit_30d"] = repeat.astype(int)
        df["passenger_trapped"] = np.where(trapped, "Y", "N")
    return df, true


def telemetry(rng: np.random.Generator) -> pd.DataFrame:
    n = 640
    lifts = rng.choice([f"LIFT-{k:03d}" for k in range(1, 25)], n)
    times = pd.date_range("2024-03-01", periods=n, freq="37min").strftime("%Y-%m-%d %H:%M")
    df = pd.DataFrame(
        {
            "lift_id": lifts,
            "reading_time": times,
            "car_speed_m_s": rng.normal(1.0, 0.05, n).round(3),
            "door_close_s": rng.normal(3.2, 0.3, n).round(2),
            "motor_current_a": rng.normal(18, 2, n).round(1),
            "vibr_mm_s": rng.normal(1.8, 0.4, n).round(2),
            "cabin_temp_c": rng.normal(21, 2, n).round(1),
        }
    )
    odd = rng.choice(n, 12, replace=False)
    df.loc[odd[:4], "door_close_s"] = [11.5, 14.2, 0.4, 9.8]
    df.loc[odd[4:8], "motor_current_a"] = [55.0, 61.3, 2.1, 48.7]
    df.loc[odd[8:10], "vibr_mm_s"] = [9.6, 12.1]
    df.loc[odd[10:], "car_speed_m_s"] = [0.21, 1.95]
    return df


# ---------------------------------------------------------------- cheese maker


GRADER = {
    "A": [
        "clean lactic nose, supple paste",
        "lovely even rind, buttery finish",
        "good eye formation, nutty and long",
        "textbook bloom, mushroomy, no faults",
    ],
    "B": [
        "slightly chalky centre, fine otherwise",
        "a bit salty, rind patchy in places",
        "flavour ok but short finish",
        "some cracking on the rind, paste fine",
    ],
    "C": [
        "bitter aftertaste, paste too firm",
        "uneven mould, ammonia on the nose",
        "gassy, slits in the paste",
        "dry and crumbly, flat flavour",
    ],
    "reject": [
        "black mould under the rind, discard",
        "slip skin and off odour, not sellable",
        "mites found on wheels, reject batch",
        "coliform count over limit, destroy",
    ],
}
CHEESES = ["Oak Tomme", "Little Brie", "Hollow Blue", "Goat Crottin", "Smoked Gouda"]


def batches(rng: np.random.Generator, n: int, start: int, fill: float, outcomes: bool):
    grades = np.array(list(GRADER))
    salt = rng.normal(1.8, 0.3, n).round(2)
    rh = rng.normal(90, 4, n).round(1)
    ph = rng.normal(6.6, 0.08, n).round(2)
    cave_t = rng.normal(11, 1.2, n).round(1)
    score = -0.8 * np.abs(salt - 1.8) / 0.3 - 0.4 * np.abs(rh - 90) / 4 - 0.5 * np.abs(cave_t - 11)
    score = score + rng.normal(0, 0.8, n)
    grade = np.where(
        score > -0.6, "A", np.where(score > -1.6, "B", np.where(score > -2.6, "C", "reject"))
    )
    notes = [
        sentence(rng, [GRADER[g], ["", "(JH)", "(panel)", "- recheck at 8 wks"]]) for g in grade
    ]
    mould = rng.random(n) < np.where(rh > 93, 0.45, 0.1)
    df = pd.DataFrame(
        {
            "batch_no": [f"HO{start + i:04d}" for i in range(n)],
            "cheese": rng.choice(CHEESES, n),
            "milk": rng.choice(["cow", "goat", "sheep"], n, p=[0.6, 0.25, 0.15]),
            "milk_pH": ph,
            "fat_pct": rng.normal(3.9, 0.3, n).round(2),
            "rennet_ml_100L": rng.normal(22, 3, n).round(1),
            "cook_temp_C": rng.normal(36, 2, n).round(1),
            "salt_pct": salt,
            "cave_days": rng.integers(14, 240, n),
            "cave_RH_pct": rh,
            "cave_temp_C": cave_t,
            "wheel_kg": rng.normal(2.5, 0.8, n).clip(0.2).round(2),
            "grader_notes": notes,
        }
    )
    df["grade"] = np.where(rng.random(n) < fill, grade, "")
    if outcomes:
        df["mould_issue"] = np.where(mould, "yes", "no")
        df["sold_within_2wks"] = (rng.random(n) < np.where(grade == "A", 0.8, 0.35)).astype(int)
    return df, grade, grades


def cave_sensors(rng: np.random.Generator) -> pd.DataFrame:
    n = 500
    df = pd.DataFrame(
        {
            "cave": rng.choice(["cave 1", "cave 2", "blue room"], n),
            "logged_at": pd.date_range("2024-01-01", periods=n, freq="3h").strftime(
                "%Y-%m-%d %H:%M"
            ),
            "temp_C": rng.normal(11, 0.6, n).round(2),
            "RH_pct": rng.normal(91, 2, n).round(1),
            "CO2_ppm": rng.normal(900, 120, n).round(0),
            "ammonia_ppm": rng.normal(4, 1, n).clip(0).round(2),
        }
    )
    odd = rng.choice(n, 10, replace=False)
    df.loc[odd[:3], "temp_C"] = [19.4, 3.1, 17.8]
    df.loc[odd[3:6], "RH_pct"] = [62.0, 99.9, 58.5]
    df.loc[odd[6:8], "CO2_ppm"] = [4200, 3900]
    df.loc[odd[8:], "ammonia_ppm"] = [25.0, 31.5]
    return df


# ---------------------------------------------------------------- charity shops


ITEMS = {
    "clothing": [
        "ladies wool coat size 12",
        "mens denim jacket M",
        "kids school jumper age 8",
        "silk scarf floral",
        "winter boots size 6",
    ],
    "books": [
        "paperback crime novel",
        "hardback cookbook Delia",
        "set of Harry Potter books",
        "vintage atlas 1970s",
        "children's picture book",
    ],
    "bric-a-brac": [
        "china teapot with roses",
        "brass candlestick pair",
        "glass vase blue",
        "ornament dog figurine",
        "wooden jewellery box",
    ],
    "homeware": [
        "set of six dinner plates",
        "duvet cover double",
        "cutlery set boxed",
        "cushion covers x2",
        "picture frame large",
    ],
    "toys": [
        "Lego bag mixed bricks",
        "jigsaw 1000 pieces complete",
        "soft toy teddy bear",
        "board game Monopoly",
        "toy train set",
    ],
    "electricals": [
        "kettle working PAT tested",
        "DVD player with remote",
        "hair dryer untested",
        "table lamp needs PAT",
        "digital radio",
    ],
}
SHOPS = ["Market St", "Leeds Rd", "High St Otley", "Station Parade", "Chapel Allerton"]
CONDITION = ["new with tags", "very good", "good", "fair", "poor"]


def donations(rng: np.random.Generator, n: int, start: int, fill: float, outcomes: bool):
    depts = list(ITEMS)
    true = rng.choice(depts, n, p=[0.35, 0.2, 0.15, 0.12, 0.1, 0.08])
    desc = [
        sentence(rng, [ITEMS[d], ["", ", bagged", "- donated Sat", "(needs steam)", ", boxed"]])
        for d in true
    ]
    cond = rng.choice(CONDITION, n, p=[0.08, 0.22, 0.4, 0.2, 0.1])
    base = {
        "clothing": 4,
        "books": 1.5,
        "bric-a-brac": 3,
        "homeware": 5,
        "toys": 4,
        "electricals": 8,
    }
    price = np.array([base[d] for d in true]) * rng.uniform(0.5, 2.0, n)
    cond_w = np.array(
        [
            {"new with tags": 1.0, "very good": 0.8, "good": 0.5, "fair": 0.2, "poor": -0.6}[c]
            for c in cond
        ]
    )
    sold = rng.random(n) < 1 / (1 + np.exp(-(cond_w * 2 - 0.15 * price + 0.6)))
    df = pd.DataFrame(
        {
            "item_no": np.arange(start, start + n),
            "shop": rng.choice(SHOPS, n),
            "description": desc,
            "condition": cond,
            "price_gbp": price.round(2),
            "days_on_rail": rng.integers(1, 60, n),
            "giftaid": rng.choice(["Y", "N"], n, p=[0.55, 0.45]),
        }
    )
    df["dept"] = np.where(rng.random(n) < fill, true, "")
    if outcomes:
        df["sold_4wks"] = np.where(sold, "yes", "no")
        df["sent_to_rag"] = np.where(~sold & (cond_w < 0.3), "yes", "no")
    return df, true


def till_log(rng: np.random.Generator) -> pd.DataFrame:
    n = 700
    items = rng.integers(1, 7, n)
    total = (items * rng.uniform(1.5, 6, n)).round(2)
    df = pd.DataFrame(
        {
            "txn_id": [f"T{900000 + i}" for i in range(n)],
            "shop": rng.choice(SHOPS, n),
            "till": rng.choice(["till 1", "till 2"], n),
            "date": pd.date_range("2024-04-01", periods=n, freq="2h").strftime("%Y-%m-%d"),
            "hour": rng.integers(9, 17, n),
            "items": items,
            "total_gbp": total,
            "discount_gbp": np.where(rng.random(n) < 0.1, (total * 0.1).round(2), 0.0),
            "refund": (rng.random(n) < 0.03).astype(int),
            "vol_code": rng.choice([f"V{k:02d}" for k in range(1, 31)], n),
        }
    )
    odd = rng.choice(n, 9, replace=False)
    df.loc[odd[:3], "total_gbp"] = [412.0, 0.01, 289.5]
    df.loc[odd[3:5], "discount_gbp"] = [45.0, 60.0]
    df.loc[odd[5:7], "hour"] = [2, 23]
    df.loc[odd[7:], "items"] = [48, 55]
    return df


COMMENTS = {
    "pricing": [
        "prices have gone up a lot",
        "£12 for a used jumper is too much",
        "great bargains today",
    ],
    "staff": [
        "the volunteer on the till was so kind",
        "staff were chatting and ignored me",
        "lovely helpful lady",
    ],
    "stock": [
        "never any mens clothes in my size",
        "brilliant book section",
        "toys are always broken",
    ],
    "cleanliness": ["changing room was dirty", "shop smells musty", "floor was spotless"],
}


def customer_comments(rng: np.random.Generator) -> pd.DataFrame:
    n = 240
    topics = list(COMMENTS)
    true = rng.choice(topics, n)
    text = [
        sentence(rng, [["", "Visited Saturday,", "Just a note:", "Regular here -"], COMMENTS[t]])
        for t in true
    ]
    return pd.DataFrame(
        {
            "comment_id": np.arange(1, n + 1),
            "shop": rng.choice(SHOPS, n),
            "left_via": rng.choice(["card", "email", "facebook"], n),
            "comment": text,
            "topic": np.where(rng.random(n) < 0.25, true, ""),
        }
    )


# ---------------------------------------------------------------- documents and rules


DOCS = {
    "docs/student_handbook.md": """# Brightwater Languages - Student Handbook 2024

## Attendance
Students must attend at least 80% of lessons to receive a certificate. Absences should be
reported to reception before 9am on the day. Three unexplained absences in a row trigger a
call from the Director of Studies.

## Levels and placement
Every new student sits a 40-minute placement test (grammar, reading and a short interview).
Levels follow the CEFR scale from A1 to C1. A student may move up a level at the end of any
four-week block if the teacher and the Director of Studies agree.

## Exams
IELTS Prep students take a full mock exam in week 6 and week 10. The school registers
students for the official exam; the exam fee is paid separately and is not refundable by the
school once the registration is confirmed.

## Homework and the online workbook
Homework is set twice a week through the online workbook. Login details are sent by email in
the first week. Lost passwords can be reset at reception.

## Complaints
Complaints go first to the class teacher, then to the Director of Studies. We answer written
complaints within 10 working days.
""",
    "docs/refund_policy.md": """# Refund and cancellation policy

## Before the course starts
A full refund minus a 50 GBP administration fee is given if a student cancels at least 14
days before the start date. Cancellations within 14 days receive a 50% refund.

## After the course starts
No refunds are given after the first week, except for documented medical reasons. Students
may instead freeze their course once for up to 8 weeks.

## Visa refusals
If a student visa is refused, the school refunds all tuition fees on receipt of the refusal
letter, minus the administration fee. Accommodation deposits are refunded in full.

## How refunds are paid
Refunds are paid to the original payment method within 30 days.
""",
    "docs/ielts_faq.txt": """IELTS Prep - frequently asked questions

How long is the IELTS Prep course? Twelve weeks, fifteen hours a week, mornings only.

What score can I expect? Most students who attend over 85% of lessons improve by half a band
to one band. We do not guarantee scores.

Are mock exams included? Yes, two full mock exams are included in the course fee. Extra
speaking mocks cost 25 GBP each.

Can I change from General English to IELTS Prep? Yes, at the start of any four-week block, if
your level is B1 or above.
""",
    "docs/loler_thorough_exam.md": """# LOLER thorough examination - Kessler Lifts procedure

## Frequency
Passenger lifts are thoroughly examined every 6 months. Goods-only lifts are examined every
12 months. An examination is also due after any major alteration or repair.

## Before the examination
The engineer confirms the lift is out of service, places barriers at every landing and
informs the building manager. The machine room must be locked while work is in progress.

## Checks
The examination covers suspension ropes, sheaves, brakes, the overspeed governor, safety
gear, door locks and landing door interlocks, the buffers and the alarm system. Ropes with
more than 10% broken wires in one lay length must be replaced.

## Defects
Defects are graded A (immediate danger: lift taken out of use), B (repair within 1 month) and
C (repair at the next service). The report is sent to the duty holder within 28 days.
""",
    "docs/entrapment_procedure.md": """# Passenger entrapment - response procedure

## Response times
A trapped passenger call is top priority. The target response time is 45 minutes in the city
and 90 minutes for rural sites. The call centre stays on the line through the lift alarm.

## On arrival
The engineer speaks to the passengers through the car door, isolates the main power and
checks the car position. Release is done by hand winding only when the car is within 500 mm of
a landing, otherwise by brake release under the second engineer's supervision.

## After the release
The lift stays out of service until the cause is found. An entrapment report goes to the
customer within 24 hours and to the safety manager the same day.
""",
    "docs/brie_make_sheet.md": """# Little Brie - make sheet

## Milk
Pasteurised cow's milk, standardised to 3.9% fat. Warm to 32 C, add mesophilic starter and
Penicillium candidum, ripen 60 minutes.

## Coagulation
Add rennet at 20 ml per 100 litres. Flocculation at about 15 minutes; cut at three times the
flocculation time into 2 cm cubes.

## Moulding and salting
Ladle into hoops, turn at 1, 3 and 6 hours. Dry salt at 1.8% of wheel weight next morning.

## Ripening
Cave at 11-12 C and 92-95% relative humidity. Turn every two days. Bloom appears around day
7; wrap at day 12; sell from day 28. Ammonia above 10 ppm in the room means over-ripening.
""",
    "docs/haccp_plan.md": """# HACCP plan - Hollow Oak Creamery

## Critical control points
CCP1 Pasteurisation: 72 C for 15 seconds, chart recorder checked daily.
CCP2 Acidification: pH must fall below 5.3 within 6 hours of renneting, else the batch is held.
CCP3 Cave storage: temperature 10-13 C; a reading above 15 C for more than 2 hours is a
deviation to record.

## Testing
Every batch is tested for E. coli and Listeria before release. A coliform count over limit
means the batch is destroyed and the cause investigated.

## Records
Batch sheets, cave logs and test results are kept for 3 years.
""",
    "docs/affinage_notes.txt": """Affinage notes - Hollow Blue and Oak Tomme

Hollow Blue is pierced at day 21 and day 35 so the blue mould gets air. Salt is rubbed on by
hand twice in the first week. Too much humidity gives slip skin; too little and the rind
cracks.

Oak Tomme is brushed weekly and turned twice a week for the first month. It is ready from 90
days but the best wheels go to 180 days. Mites are controlled by brushing and by keeping the
cave clean; any wheel with mites is isolated at once.
""",
    "docs/volunteer_handbook.md": """# Second Chance shops - Volunteer handbook

## Your first shift
Sign in at the till with your volunteer code. A shift lead shows you the stock room, the
fire exits and how to use the till.

## Sorting donations
Bags are sorted within 48 hours. Clothing is steamed and hung, books are priced by the book
team, electricals must be PAT tested before sale and untested electricals go to recycling.
Torn or stained clothing goes in the rag bags, which are sold by weight.

## Gift Aid
Ask every donor whether they are a UK taxpayer. Gift Aid items get a barcode label so the
sale can be reported to the donor and claimed.

## Till and money
Refunds need the shift lead's code. Discounts above 10% need the shop manager's approval.
Cash is counted by two people at closing.
""",
    "docs/pricing_guide.txt": """Pricing guide for volunteers

Paperbacks 1.50 GBP, hardbacks 2.50 GBP, children's books 50p.
Ladies and mens coats from 8 GBP, designer labels priced online first.
Bric-a-brac: check for chips; branded china (Royal Doulton, Denby) goes to the window.
Anything unsold after 4 weeks is reduced by half; after 6 weeks it is passed to another shop or
sent to rag.
""",
    "docs/gift_aid_guide.md": """# Gift Aid guide

## What Gift Aid is
Gift Aid lets the charity claim an extra 25p for every 1 GBP raised from donated goods, when
the donor is a UK taxpayer and has signed a declaration.

## Declarations
The declaration is taken once and covers all future donations. Donors are written to at the
end of each tax year with the amount raised, and may opt out at any time.

## Records
Each Gift Aid item carries a label with the donor number. Sales are matched to donors at the
end of each month by the office team.
""",
}

RULES_FEEDBACK = [
    {
        "name": "kw_teacher",
        "label": "teacher",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["teacher", "tutor"],
    },
    {
        "name": "kw_timetable",
        "label": "timetable",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["timetable", "slot", "saturday", "morning lessons"],
    },
    {
        "name": "kw_price",
        "label": "price",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["fee", "expensive", "price", "discount"],
    },
    {
        "name": "kw_materials",
        "label": "materials",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["coursebook", "workbook", "photocopies", "materials"],
    },
    {
        "name": "kw_facilities",
        "label": "facilities",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["wifi", "room", "coffee", "lift"],
    },
]
RULES_FAULTS = [
    {
        "name": "doors_words",
        "label": "doors",
        "kind": "keyword",
        "column": "engineer_notes",
        "keywords": ["door", "landing door", "safety edge"],
    },
    {
        "name": "drive_words",
        "label": "drive",
        "kind": "keyword",
        "column": "engineer_notes",
        "keywords": ["motor", "gearbox", "sheave", "inverter"],
    },
    {
        "name": "drive_hot",
        "label": "drive",
        "kind": "threshold",
        "column": "motor_temp_c",
        "op": ">",
        "value": 70,
    },
    {
        "name": "controller_words",
        "label": "controller",
        "kind": "regex",
        "column": "engineer_notes",
        "pattern": "(controller|PCB|relay|E\\d\\d)",
        "ignore_case": True,
    },
    {
        "name": "hyd_words",
        "label": "hydraulics",
        "kind": "keyword",
        "column": "engineer_notes",
        "keywords": ["oil", "ram", "valve", "pump"],
    },
    {
        "name": "nff_words",
        "label": "no fault found",
        "kind": "keyword",
        "column": "engineer_notes",
        "keywords": ["no fault found", "working on arrival", "could not reproduce"],
    },
]
RULES_GRADES = [
    {
        "name": "reject_words",
        "label": "reject",
        "kind": "keyword",
        "column": "grader_notes",
        "keywords": ["discard", "reject", "destroy", "not sellable"],
    },
    {
        "name": "c_words",
        "label": "C",
        "kind": "keyword",
        "column": "grader_notes",
        "keywords": ["bitter", "gassy", "crumbly", "ammonia"],
    },
    {
        "name": "b_words",
        "label": "B",
        "kind": "keyword",
        "column": "grader_notes",
        "keywords": ["chalky", "salty", "short finish", "cracking"],
    },
    {
        "name": "a_words",
        "label": "A",
        "kind": "keyword",
        "column": "grader_notes",
        "keywords": ["buttery", "textbook", "nutty", "supple"],
    },
    {
        "name": "humid_cave",
        "label": "C",
        "kind": "threshold",
        "column": "cave_RH_pct",
        "op": ">",
        "value": 97,
    },
]
RULES_DEPT = [
    {
        "name": "clothes",
        "label": "clothing",
        "kind": "keyword",
        "column": "description",
        "keywords": ["coat", "jacket", "jumper", "scarf", "boots"],
    },
    {
        "name": "books",
        "label": "books",
        "kind": "keyword",
        "column": "description",
        "keywords": ["book", "books", "novel", "paperback", "hardback", "atlas"],
    },
    {
        "name": "brica",
        "label": "bric-a-brac",
        "kind": "keyword",
        "column": "description",
        "keywords": ["teapot", "candlestick", "vase", "ornament", "figurine"],
    },
    {
        "name": "home",
        "label": "homeware",
        "kind": "keyword",
        "column": "description",
        "keywords": ["plates", "duvet", "cutlery", "cushion", "frame"],
    },
    {
        "name": "toys",
        "label": "toys",
        "kind": "keyword",
        "column": "description",
        "keywords": ["lego", "jigsaw", "teddy", "game", "toy"],
    },
    {
        "name": "elec",
        "label": "electricals",
        "kind": "keyword",
        "column": "description",
        "keywords": ["kettle", "dvd", "dryer", "lamp", "radio", "PAT"],
    },
]


def write_json(obj: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2) + "\n", encoding="utf-8")


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # language school
    write_csv(enrolments(rng, 420, 1, True), out / "enrolments_2023.csv")
    write_csv(enrolments(rng, 160, 2001, True), out / "enrolments_2024.csv")
    write_csv(enrolments(rng, 55, 3001, False), out / "new_students_sept.csv")
    fb, fb_gold = feedback(rng)
    write_csv(fb, out / "course_feedback.csv")
    write_csv(fb_gold, out / "feedback_gold.csv")
    write_json(RULES_FEEDBACK, out / "feedback_rules.json")

    # lift maintenance
    calls, calls_true = callouts(rng, 460, 23001, 0.25, True)
    write_csv(calls, out / "callouts_2023.csv")
    gold_idx = rng.choice(np.where(calls["fault_cat"] == "")[0], 90, replace=False)
    gold_idx.sort()
    write_csv(
        pd.DataFrame(
            {"job_no": calls["job_no"].iloc[gold_idx].values, "fault": calls_true[gold_idx]}
        ),
        out / "fault_handlabels.csv",
    )
    write_csv(callouts(rng, 150, 24001, 1.0, True)[0], out / "callouts_2024_H1.csv")
    write_csv(
        callouts(rng, 48, 24501, 0.0, False)[0].drop(columns=["fault_cat"]), out / "open_jobs.csv"
    )
    write_csv(telemetry(rng), out / "lift_telemetry.csv")
    write_json(RULES_FAULTS, out / "fault_keywords.json")

    # cheese maker
    b23, b23_grade, _ = batches(rng, 380, 1, 0.4, True)
    write_csv(b23, out / "batch_log_2023.csv")
    write_csv(batches(rng, 140, 501, 1.0, True)[0], out / "batch_log_2024.csv")
    cave = batches(rng, 40, 701, 0.0, False)[0]
    write_csv(cave.drop(columns=["grade", "grader_notes"]), out / "wheels_in_cave.csv")
    pick = rng.choice(np.where(b23["grade"] == "")[0], 60, replace=False)
    pick.sort()
    write_csv(
        pd.DataFrame(
            {"batch_no": b23["batch_no"].iloc[pick].values, "panel_grade": b23_grade[pick]}
        ),
        out / "tasting_panel.csv",
    )
    write_csv(cave_sensors(rng), out / "cave_sensors.csv")
    write_json(RULES_GRADES, out / "grading_rules.json")

    # charity shops
    don, don_true = donations(rng, 520, 10001, 0.2, True)
    write_csv(don, out / "donations_jan_mar.csv")
    gold_idx = rng.choice(np.where(don["dept"] == "")[0], 80, replace=False)
    gold_idx.sort()
    write_csv(
        pd.DataFrame({"item_no": don["item_no"].iloc[gold_idx].values, "dept": don_true[gold_idx]}),
        out / "dept_labels_volunteers.csv",
    )
    write_csv(donations(rng, 200, 20001, 1.0, True)[0], out / "donations_apr_jun.csv")
    write_csv(
        donations(rng, 60, 30001, 0.0, False)[0].drop(columns=["dept"]), out / "stock_in_july.csv"
    )
    write_csv(till_log(rng), out / "till_log.csv")
    write_csv(customer_comments(rng), out / "customer_comments.csv")
    write_json(RULES_DEPT, out / "dept_rules.json")

    for name, text in DOCS.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_data.py DIR")
    main(Path(sys.argv[1]))
