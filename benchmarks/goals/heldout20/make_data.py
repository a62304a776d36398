"""Write the heldout20 corpus files: a sailing school, a cheese dairy, a university IT helpdesk.

Run: python make_data.py DIR   (deterministic, seed 2020, offline, well under 3 MB)
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2020


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _yes(flags: np.ndarray) -> list[str]:
    return ["yes" if f else "no" for f in flags]


def _days(rng: np.random.Generator, start: date, span: int, n: int) -> list[str]:
    return [(start + timedelta(days=int(d))).isoformat() for d in rng.integers(0, span, n)]


def _write(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


def _text(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body.strip() + "\n", encoding="utf-8")


def _json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- sailing school
COURSES = [
    "Dinghy Level 1",
    "Dinghy Level 2",
    "Keelboat Crew",
    "Day Skipper Practical",
    "Kids Oppie Club",
    "Windsurf Taster",
]
BOATS = {
    "Dinghy Level 1": "Pico",
    "Dinghy Level 2": "RS Quest",
    "Keelboat Crew": "J/80",
    "Day Skipper Practical": "Bavaria 34",
    "Kids Oppie Club": "Optimist",
    "Windsurf Taster": "Starboard Start",
}
# Wind limit (knots of gust) above which each course is usually called off.
GUST_LIMIT = {
    "Dinghy Level 1": 18,
    "Dinghy Level 2": 22,
    "Keelboat Crew": 28,
    "Day Skipper Practical": 32,
    "Kids Oppie Club": 15,
    "Windsurf Taster": 20,
}
INSTRUCTORS = ["Maren", "Joost", "Kai", "Liesbeth", "Tomasz", "Ines"]
DIRS = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]


def sessions(rng: np.random.Generator, n: int, start: date, span: int, prefix: str) -> pd.DataFrame:
    course = rng.choice(COURSES, n, p=[0.24, 0.16, 0.14, 0.1, 0.22, 0.14])
    wind = np.round(np.clip(rng.gamma(3.2, 4.0, n), 0, 45), 1)
    gust = np.round(wind * rng.uniform(1.15, 1.7, n), 1)
    wave = np.round(np.clip(0.06 * wind + rng.normal(0, 0.3, n), 0.1, 4.0), 1)
    vis = np.round(np.clip(rng.normal(14, 6, n), 0.3, 30), 1)
    temp = np.round(rng.normal(17, 5, n), 1)
    limit = np.array([GUST_LIMIT[c] for c in course])
    thunder = rng.random(n) < 0.04
    score = 0.45 * (gust - limit) + 1.4 * (wave - 1.2) + 1.5 * (vis < 2) + 4 * thunder - 0.5
    called = rng.random(n) < _sigmoid(score)
    return pd.DataFrame(
        {
            "session_id": [f"{prefix}-{i + 1:04d}" for i in range(n)],
            "date": _days(rng, start, span, n),
            "course": course,
            "boat_type": [BOATS[c] for c in course],
            "instructor": rng.choice(INSTRUCTORS, n),
            "wind_kts": wind,
            "gust_kts": gust,
            "wind_dir": rng.choice(DIRS, n),
            "wave_m": wave,
            "visibility_km": vis,
            "air_temp_c": temp,
            "tide": rng.choice(["spring", "neap", "mid"], n),
            "thunder_warning": _yes(thunder),
            "students_booked": rng.integers(1, 9, n),
            "called_off": _yes(called),
        }
    )


def bookings(rng: np.random.Generator, n: int) -> pd.DataFrame:
    course = rng.choice(COURSES, n)
    age = np.clip(rng.normal(31, 14, n), 7, 74).astype(int)
    age[np.isin(course, ["Kids Oppie Club"])] = rng.integers(
        7, 14, (course == "Kids Oppie Club").sum()
    )
    prior = rng.poisson(0.8, n)
    group = rng.random(n) < 0.3
    deposit = rng.random(n) < 0.7
    lead = rng.integers(1, 120, n)
    price = np.array(
        [{"Day Skipper Practical": 690, "Keelboat Crew": 420}.get(c, 210) for c in course]
    )
    price = price + rng.integers(-20, 40, n)
    fc_wind = np.round(np.clip(rng.gamma(3, 4, n), 0, 40), 1)
    no_show = rng.random(n) < _sigmoid(-2.2 + 1.3 * ~deposit - 0.02 * age + 0.008 * lead)
    by_student = rng.random(n) < _sigmoid(-2.0 + 0.015 * lead - 0.8 * group + 0.9 * ~deposit)
    weather = rng.random(n) < _sigmoid(0.3 * (fc_wind - 20))
    booked = [
        (date(2026, 1, 5) + timedelta(days=int(d))).isoformat() for d in rng.integers(0, 200, n)
    ]
    start = [
        (date.fromisoformat(b) + timedelta(days=int(x))).isoformat()
        for b, x in zip(booked, lead, strict=True)
    ]
    return pd.DataFrame(
        {
            "booking_id": [f"B26-{i + 1:04d}" for i in range(n)],
            "booked_on": booked,
            "course": course,
            "course_start": start,
            "student_age": age,
            "prior_courses": prior,
            "group_booking": _yes(group),
            "deposit_paid": _yes(deposit),
            "price_eur": price,
            "lead_days": lead,
            "forecast_wind_kts": fc_wind,
            "how_heard": rng.choice(["website", "friend", "instagram", "club notice", "repeat"], n),
            "no_show": no_show.astype(int),
            "cancelled_by_student": _yes(by_student),
            "weather_cancelled": _yes(weather),
        }
    )


FB_POS = [
    "{i} was so patient with me, I finally got the tacking",
    "great day on the water, learned loads and the capsize drill was fun",
    "brilliant course, would recommend to anyone, boats in good shape",
    "my kids loved the oppie club and came home smiling every day",
    "very well organised, briefing was clear and {i} explained the knots nicely",
    "amazing sunset sail on the last evening, thank you {i}",
    "friendly team, warm showers and hot chocolate after, perfect",
    "felt safe the whole time, the rescue boat was always near",
]
FB_NEG = [
    "course was cancelled twice for wind and nobody phoned me, only an email at 7am",
    "wetsuit was too small and smelled bad, please replace them",
    "too many students per boat, I barely got to helm",
    "{i} was shouting a lot and it made me nervous",
    "refund for the cancelled weekend still not arrived after 6 weeks",
    "boat had a broken cleat and the jib sheet was frayed, not great",
    "felt rushed, the theory part was skipped because of the tide",
    "waited an hour on the pontoon because the rescue boat would not start",
]
FB_FILL = [
    "",
    " overall",
    " to be honest",
    ", see you next year maybe",
    " !!",
    ". Thanks",
    " but the coffee machine is broken",
]


def feedback(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    pos = rng.random(n) < 0.62
    instr = rng.choice(INSTRUCTORS, n)
    text = []
    for p, i in zip(pos, instr, strict=True):
        pool = FB_POS if p else FB_NEG
        first = pool[int(rng.integers(len(pool)))].format(i=i)
        extra = ""
        if rng.random() < 0.35:
            other = FB_NEG if p and rng.random() < 0.3 else pool
            extra = ". Also " + other[int(rng.integers(len(other)))].format(i=i)
        text.append(first[0].upper() + first[1:] + extra + FB_FILL[int(rng.integers(len(FB_FILL)))])
    stars = np.where(pos, rng.choice([4, 5, 5, 3], n), rng.choice([1, 2, 2, 3], n)).astype(float)
    stars[rng.random(n) < 0.15] = np.nan
    mood = np.where(pos, "positive", "negative").astype(object)
    shown = mood.copy()
    shown[rng.random(n) > 0.22] = None
    frame = pd.DataFrame(
        {
            "fb_id": [f"FB{i + 1:04d}" for i in range(n)],
            "submitted": _days(rng, date(2026, 4, 1), 180, n),
            "course": rng.choice(COURSES, n),
            "instructor": instr,
            "stars": stars,
            "comment": text,
            "mood": shown,
        }
    )
    unlabeled = np.flatnonzero(pd.isna(shown))
    pick = np.sort(rng.choice(unlabeled, 70, replace=False))
    gold = pd.DataFrame({"fb_id": frame["fb_id"].iloc[pick].values, "mood": mood[pick]})
    return frame, gold


FEEDBACK_RULES = [
    {
        "name": "praise_words",
        "label": "positive",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["patient", "brilliant", "loved", "great day", "recommend", "perfect"],
    },
    {
        "name": "felt_safe",
        "label": "positive",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["felt safe", "well organised", "friendly"],
    },
    {
        "name": "complaint_words",
        "label": "negative",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["refund", "broken", "smelled", "nobody", "shouting", "rushed", "frayed"],
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
        "value": 4,
    },
]


# ----------------------------------------------------------------------------- cheese dairy
CHEESES = ["Tomme", "Alpine", "Blue", "Bloomy rind", "Brine feta"]
TARGET_DAYS = {"Tomme": 90, "Alpine": 240, "Blue": 70, "Bloomy rind": 28, "Brine feta": 45}
MAKERS = ["Griet", "Hannes", "Aoife", "Bram"]


def batches(rng: np.random.Generator, n: int, year0: int, span: int, graded: bool) -> pd.DataFrame:
    cheese = rng.choice(CHEESES, n, p=[0.3, 0.2, 0.2, 0.2, 0.1])
    fat = np.round(rng.normal(3.9, 0.35, n), 2)
    protein = np.round(rng.normal(3.4, 0.2, n), 2)
    curd_t = np.round(rng.normal(34, 2.2, n), 1)
    ph = np.round(rng.normal(5.25, 0.15, n), 2)
    salt = np.round(np.clip(rng.normal(1.7, 0.35, n), 0.6, 3.5), 2)
    cellar_t = np.round(rng.normal(11.5, 1.6, n), 1)
    rh = np.round(np.clip(rng.normal(90, 4, n), 70, 99), 1)
    target = np.array([TARGET_DAYS[c] for c in cheese])
    days = np.clip((target * rng.uniform(0.7, 1.3, n)).astype(int), 14, 400)
    loss = np.round(np.clip(8 + 0.03 * days - 0.25 * (rh - 90) + rng.normal(0, 2, n), 2, 40), 1)
    bad = (
        1.8 * np.abs(ph - 5.25) / 0.15
        + 0.9 * np.abs(cellar_t - 11.5)
        + 0.6 * np.abs(salt - 1.7) / 0.35
        + 0.12 * np.maximum(0, 86 - rh)
        + rng.normal(0, 1.1, n)
    )
    grade = np.where(bad < 2.6, "A", np.where(bad < 4.4, "B", "C"))
    rejected = (bad > 4.8) | (rng.random(n) < 0.03)
    start = date(year0, 1, 10)
    made = [(start + timedelta(days=int(d))).isoformat() for d in np.sort(rng.integers(0, span, n))]
    codes = {"Tomme": "TM", "Alpine": "AL", "Blue": "BL", "Bloomy rind": "BR", "Brine feta": "FE"}
    frame = pd.DataFrame(
        {
            "batch_no": [
                f"{codes[c]}-{m[2:4]}-{i + 1:03d}"
                for i, (c, m) in enumerate(zip(cheese, made, strict=True))
            ],
            "make_date": made,
            "cheese": cheese,
            "cheesemaker": rng.choice(MAKERS, n),
            "milk_litres": rng.integers(180, 620, n),
            "milk_fat_pct": fat,
            "milk_protein_pct": protein,
            "starter": rng.choice(["MA4001", "Flora Danica", "TA61", "Kazu mix"], n),
            "rennet_ml": np.round(rng.normal(55, 8, n), 0).astype(int),
            "curd_temp_c": curd_t,
            "ph_at_moulding": ph,
            "salt_pct": salt,
            "cellar": rng.choice(["Kelder 1", "Kelder 2", "Cave"], n),
            "cellar_temp_c": cellar_t,
            "cellar_rh_pct": rh,
            "ripening_days": days,
            "weight_loss_pct": loss,
        }
    )
    if graded:
        frame["grade"] = grade
        frame["rejected"] = _yes(rejected)
    return frame


def ripening_log(rng: np.random.Generator, batch_nos: list[str], n: int) -> pd.DataFrame:
    batch = rng.choice(batch_nos, n)
    day = rng.integers(1, 180, n)
    weight = np.round(np.clip(4.2 - 0.006 * day + rng.normal(0, 0.25, n), 1.5, 6), 3)
    ph = np.round(rng.normal(5.2, 0.12, n) + 0.002 * day, 2)
    temp = np.round(rng.normal(11.5, 0.8, n), 1)
    rh = np.round(np.clip(rng.normal(90, 2.5, n), 80, 98), 1)
    turned = rng.random(n) < 0.8
    who = rng.choice(MAKERS, n)
    odd = rng.choice(n, 12, replace=False)
    weight[odd[:3]] = [0.042, 41.0, 0.0]
    ph[odd[3:6]] = [9.8, 2.1, 7.9]
    temp[odd[6:9]] = [31.5, -4.0, 24.8]
    rh[odd[9:12]] = [12.0, 100.0, 35.5]
    return pd.DataFrame(
        {
            "reading_id": [f"R{i + 1:05d}" for i in range(n)],
            "batch_no": batch,
            "wheel": rng.integers(1, 25, n),
            "day": day,
            "weight_kg": weight,
            "core_ph": ph,
            "rind_temp_c": temp,
            "cellar_rh_pct": rh,
            "turned": _yes(turned),
            "recorded_by": who,
        }
    )


def shop_orders(rng: np.random.Generator, n: int) -> pd.DataFrame:
    channel = rng.choice(
        ["farm shop", "webshop", "market stall", "restaurant"], n, p=[0.35, 0.3, 0.2, 0.15]
    )
    kg = np.round(np.where(channel == "restaurant", rng.gamma(4, 2.5, n), rng.gamma(2, 0.45, n)), 2)
    price_kg = rng.normal(31, 4, n)
    total = np.round(kg * price_kg, 2)
    disc = np.where(rng.random(n) < 0.15, rng.choice([5, 10, 15], n), 0)
    frame = pd.DataFrame(
        {
            "order_id": [f"ORD-{26000 + i}" for i in range(n)],
            "order_date": _days(rng, date(2026, 1, 2), 320, n),
            "channel": channel,
            "customer_type": np.where(
                channel == "restaurant", "trade", rng.choice(["private", "private", "deli"], n)
            ),
            "n_items": np.maximum(1, (kg * rng.uniform(1.5, 3, n)).astype(int)),
            "kg_total": kg,
            "discount_pct": disc,
            "total_eur": total,
            "payment": np.where(
                channel == "restaurant", "invoice", rng.choice(["card", "cash", "ideal"], n)
            ),
            "postcode_area": rng.choice(["1011", "2512", "3511", "6811", "8911", "9711"], n),
            "delivered": _yes(channel == "webshop"),
            "repeat_customer": _yes(rng.random(n) < 0.45),
        }
    )
    odd = rng.choice(n, 8, replace=False)
    frame.loc[odd[0], ["kg_total", "total_eur"]] = [0.05, 812.0]
    frame.loc[odd[1], ["kg_total", "total_eur"]] = [95.0, 14.5]
    frame.loc[odd[2], "discount_pct"] = 90
    frame.loc[odd[3], "total_eur"] = -120.0
    frame.loc[odd[4], ["channel", "payment"]] = ["market stall", "invoice"]
    frame.loc[odd[5], "n_items"] = 340
    frame.loc[odd[6], ["channel", "delivered"]] = ["farm shop", "yes"]
    frame.loc[odd[7], ["kg_total", "total_eur", "n_items"]] = [60.0, 1900.0, 120]
    return frame


COMPLAINT_TEXT = {
    "quality": [
        "the {p} tasted bitter and a bit soapy",
        "found blue mould inside the {p}, it is not a blue cheese",
        "the {p} was chalky in the middle, not ripe at all",
        "rind on the {p} was slimy and it smelled of ammonia",
        "the {p} was much saltier than last time",
    ],
    "delivery": [
        "parcel with the {p} arrived two days late and warm",
        "courier left the box in the rain, {p} sweating",
        "ordered on monday, still no {p} on friday, no tracking",
        "delivery driver never came, had to pick up the {p} myself",
    ],
    "packaging": [
        "vacuum bag on the {p} was leaking",
        "the wax on the {p} was cracked when it came",
        "label on the {p} had the wrong best-before date",
        "cool pack was missing and the wrapping was torn",
    ],
    "billing": [
        "charged twice for one {p} on my card",
        "invoice says 2 kg of {p} but we got 1.5 kg",
        "the discount code did not work and I paid full price for the {p}",
        "restaurant invoice has the wrong VAT rate",
    ],
}
COMPLAINT_OPEN = ["Hello,", "Hi there.", "Dear dairy team,", "", "Not happy.", "Goedemiddag,"]
COMPLAINT_CLOSE = [
    "",
    " Please call me back.",
    " I want a refund.",
    " Disappointed.",
    " Regards, a regular",
    " What will you do about it?",
]


def complaints(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    kinds = rng.choice(list(COMPLAINT_TEXT), n, p=[0.4, 0.25, 0.2, 0.15])
    product = rng.choice(CHEESES, n)
    text = []
    for k, p in zip(kinds, product, strict=True):
        pool = COMPLAINT_TEXT[k]
        body = pool[int(rng.integers(len(pool)))].format(p=p.lower())
        text.append(
            f"{COMPLAINT_OPEN[int(rng.integers(len(COMPLAINT_OPEN)))]} {body}."
            f"{COMPLAINT_CLOSE[int(rng.integers(len(COMPLAINT_CLOSE)))]}".strip()
        )
    shown = kinds.astype(object).copy()
    shown[rng.random(n) > 0.3] = None
    frame = pd.DataFrame(
        {
            "complaint_id": [f"CPL-{i + 1:03d}" for i in range(n)],
            "received": _days(rng, date(2026, 1, 3), 330, n),
            "channel": rng.choice(["email", "shop counter", "phone", "review site"], n),
            "product": product,
            "customer_message": text,
            "issue_type": shown,
            "refund_given": _yes(rng.random(n) < np.where(kinds == "quality", 0.6, 0.3)),
        }
    )
    unlabeled = np.flatnonzero(pd.isna(shown))
    pick = np.sort(rng.choice(unlabeled, 60, replace=False))
    gold = pd.DataFrame(
        {"complaint_id": frame["complaint_id"].iloc[pick].values, "issue_type": kinds[pick]}
    )
    return frame, gold


COMPLAINT_RULES = [
    {
        "name": "taste_or_mould",
        "label": "quality",
        "kind": "keyword",
        "column": "customer_message",
        "keywords": ["bitter", "mould", "chalky", "slimy", "ammonia", "saltier", "soapy"],
    },
    {
        "name": "late_or_courier",
        "label": "delivery",
        "kind": "keyword",
        "column": "customer_message",
        "keywords": ["late", "courier", "tracking", "driver", "delivery"],
    },
    {
        "name": "bag_wax_label",
        "label": "packaging",
        "kind": "regex",
        "column": "customer_message",
        "pattern": r"\b(leak\w*|wax|wrapping|cool pack|best-before)\b",
        "ignore_case": True,
    },
    {
        "name": "money_words",
        "label": "billing",
        "kind": "keyword",
        "column": "customer_message",
        "keywords": ["charged", "invoice", "discount code", "VAT", "paid"],
    },
]


# ----------------------------------------------------------------------------- IT helpdesk
PHISH_SUBJ = [
    "Your mailbox is almost full - verify now",
    "URGENT: payroll update required",
    "Shared document: Q3 grant budget.xlsx",
    "Account suspension notice",
    "You have (3) undelivered voicemail",
    "Microsoft 365 password expires today",
]
PHISH_BODY = [
    "click here to keep your account active within 24 hours or it will be deleted",
    "please confirm your login and bank details for the salary run",
    "open the attached invoice and enable macros to view",
    "your university credentials need revalidation, sign in at the link below",
    "a package is waiting, pay the customs fee of 1.99 euro",
]
SPAM_SUBJ = [
    "Conference invitation - Journal of Advanced Sciences",
    "50% off printer toner",
    "Win an iPad survey",
    "Call for papers, fast publication",
]
SPAM_BODY = [
    "we invite you to submit your paper, publication fee applies",
    "special offer for your department, unsubscribe at any time",
    "answer three questions and win a prize",
]
LEGIT_SUBJ = [
    "IT maintenance Saturday 02:00-06:00",
    "Library: book due",
    "Canvas course enrolment",
    "Your parcel at the mailroom",
    "Timesheet reminder",
]
LEGIT_BODY = [
    "planned maintenance on the VPN, no action needed",
    "your loan is due next week, renew in the library portal",
    "you are now enrolled, see the course page on canvas",
    "reminder from HR to submit the monthly timesheet in the staff portal",
]
DEPTS = ["Physics", "Law", "Library", "HR", "Medicine", "Economics", "Student union", "Facilities"]


def phishing(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    verdict = rng.choice(["phish", "spam", "legit"], n, p=[0.5, 0.22, 0.28])
    subj, body, domain = [], [], []
    for v in verdict:
        if v == "phish":
            s, b = PHISH_SUBJ, PHISH_BODY
            d = rng.choice(
                [
                    "uni-verify-login.com",
                    "secure-m365-help.net",
                    "payroll-portal.info",
                    "gmail.com",
                    "outlook-helpdesk.co",
                ]
            )
        elif v == "spam":
            s, b = SPAM_SUBJ, SPAM_BODY
            d = rng.choice(["sciencepub-journals.org", "tonerdeals.eu", "surveyprize.biz"])
        else:
            s, b = LEGIT_SUBJ, LEGIT_BODY
            d = rng.choice(
                [
                    "uni.example.edu",
                    "library.uni.example.edu",
                    "hr.uni.example.edu",
                    "instructure.com",
                ]
            )
        subj.append(s[int(rng.integers(len(s)))])
        body.append(b[int(rng.integers(len(b)))])
        domain.append(str(d))
    ph = verdict == "phish"
    links = np.where(ph, rng.integers(1, 6, n), rng.integers(0, 3, n))
    attach = rng.random(n) < np.where(ph, 0.35, 0.15)
    mismatch = rng.random(n) < np.where(ph, 0.7, 0.08)
    shown = verdict.astype(object).copy()
    shown[rng.random(n) > 0.2] = None
    frame = pd.DataFrame(
        {
            "report_id": [f"PR26-{i + 1:04d}" for i in range(n)],
            "reported_at": _days(rng, date(2026, 2, 1), 280, n),
            "reporter_dept": rng.choice(DEPTS, n),
            "sender_domain": domain,
            "subject": subj,
            "body_snippet": body,
            "n_links": links,
            "has_attachment": _yes(attach),
            "reply_to_mismatch": _yes(mismatch),
            "verdict": shown,
        }
    )
    unlabeled = np.flatnonzero(pd.isna(shown))
    pick = np.sort(rng.choice(unlabeled, 80, replace=False))
    gold = pd.DataFrame(
        {"report_id": frame["report_id"].iloc[pick].values, "verdict": verdict[pick]}
    )
    return frame, gold


PHISH_RULES = [
    {
        "name": "urgent_credentials",
        "label": "phish",
        "kind": "keyword",
        "column": "body_snippet",
        "keywords": [
            "credentials",
            "bank details",
            "enable macros",
            "within 24 hours",
            "customs fee",
        ],
    },
    {
        "name": "lookalike_domain",
        "label": "phish",
        "kind": "regex",
        "column": "sender_domain",
        "pattern": r"(verify|m365|helpdesk|payroll)",
        "ignore_case": True,
    },
    {
        "name": "reply_to_trick",
        "label": "phish",
        "kind": "category",
        "column": "reply_to_mismatch",
        "values": ["yes"],
    },
    {
        "name": "own_domain",
        "label": "legit",
        "kind": "regex",
        "column": "sender_domain",
        "pattern": r"(uni\.example\.edu|instructure\.com)$",
        "ignore_case": True,
    },
    {
        "name": "marketing",
        "label": "spam",
        "kind": "keyword",
        "column": "body_snippet",
        "keywords": ["unsubscribe", "publication fee", "win a prize", "special offer"],
    },
]

TICKET_TEXT = {
    "accounts": [
        "cannot log in to my account after password change",
        "locked out of eduroam account",
        "need access to the shared drive for my new phd student",
        "MFA app lost with old phone, need reset",
    ],
    "network": [
        "wifi keeps dropping in the lecture hall",
        "no internet on ethernet port in room B2.14",
        "VPN connects but no intranet pages load",
        "eduroam very slow in the library third floor",
    ],
    "security": [
        "I clicked a link in a strange email and typed my password",
        "laptop shows a ransom message",
        "someone logged in to my mailbox from abroad",
        "received a USB stick in the mail, plugged it in",
    ],
    "hardware": [
        "printer on floor 2 jams every page",
        "laptop battery swollen",
        "monitor flickers after docking",
        "projector in lecture hall 4 has no signal",
    ],
    "software": [
        "matlab licence expired",
        "teams crashes when sharing screen",
        "need SPSS installed on lab pc",
        "outlook calendar not syncing on phone",
    ],
}
PRIO = {
    "security": [0.45, 0.4, 0.15, 0.0],
    "network": [0.1, 0.35, 0.4, 0.15],
    "accounts": [0.05, 0.3, 0.5, 0.15],
    "hardware": [0.02, 0.2, 0.5, 0.28],
    "software": [0.0, 0.15, 0.5, 0.35],
}


def tickets(
    rng: np.random.Generator, n: int, prefix: int, start: date, span: int, known: bool
) -> pd.DataFrame:
    queue = rng.choice(list(TICKET_TEXT), n, p=[0.27, 0.2, 0.13, 0.2, 0.2])
    summary = []
    for q in queue:
        pool = TICKET_TEXT[q]
        s = pool[int(rng.integers(len(pool)))]
        if rng.random() < 0.3:
            s += rng.choice(
                [
                    " asap please",
                    " since this morning",
                    " (urgent, exam tomorrow)",
                    " again",
                    " - tried restarting",
                ]
            )
        summary.append(s)
    prio = np.array([rng.choice(["P1", "P2", "P3", "P4"], p=PRIO[q]) for q in queue])
    role = rng.choice(["student", "staff", "faculty", "guest"], n, p=[0.5, 0.25, 0.2, 0.05])
    frame = pd.DataFrame(
        {
            "ticket_no": [f"INC{prefix + i:07d}" for i in range(n)],
            "opened": _days(rng, start, span, n),
            "channel": rng.choice(["portal", "email", "phone", "walk-in"], n),
            "requester_role": role,
            "building": rng.choice(
                ["Main", "Science Park", "Law Faculty", "Library", "Medical Campus"], n
            ),
            "summary": summary,
        }
    )
    if known:
        frame["queue"] = queue
        frame["priority"] = prio
        esc = rng.random(n) < np.where(np.isin(prio, ["P1", "P2"]), 0.45, 0.08)
        frame["escalated"] = _yes(esc)
        frame["hours_to_resolve"] = np.round(rng.gamma(2, np.where(prio == "P1", 2, 10)), 1)
    return frame


def logins(rng: np.random.Generator, n: int) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "event_id": [f"EV{i + 1:06d}" for i in range(n)],
            "user_ref": [f"u{int(x):05d}" for x in rng.integers(1, 900, n)],
            "hour_utc": np.clip(rng.normal(12, 3.5, n), 0, 23).astype(int),
            "country": rng.choice(["NL", "NL", "NL", "NL", "DE", "BE", "UK"], n),
            "failed_before_success": rng.poisson(0.3, n),
            "mb_downloaded": np.round(rng.gamma(2, 40, n), 1),
            "device": rng.choice(["windows", "mac", "iphone", "android", "linux"], n),
            "vpn": _yes(rng.random(n) < 0.3),
            "mfa": rng.choice(["push", "push", "sms", "totp"], n),
        }
    )
    odd = rng.choice(n, 10, replace=False)
    frame.loc[odd[0], ["hour_utc", "country", "mb_downloaded"]] = [3, "RU", 9200.0]
    frame.loc[odd[1], "failed_before_success"] = 37
    frame.loc[odd[2], ["country", "mfa"]] = ["KP", "none"]
    frame.loc[odd[3], "mb_downloaded"] = 15400.0
    frame.loc[odd[4], ["hour_utc", "failed_before_success"]] = [4, 19]
    frame.loc[odd[5], ["country", "device"]] = ["BR", "linux"]
    frame.loc[odd[6], "mfa"] = "none"
    frame.loc[odd[7], ["mb_downloaded", "hour_utc"]] = [7300.0, 2]
    frame.loc[odd[8], ["failed_before_success", "country"]] = [12, "CN"]
    frame.loc[odd[9], ["device", "mb_downloaded"]] = ["android", 5100.0]
    return frame


# ----------------------------------------------------------------------------- documents
DOCS = {
    "school_docs/cancellation_policy.md": """
# Weather and cancellation policy

## When we call off a session
A session is called off when the forecast gust at the harbour mouth is above the limit of the course.
The limit for Dinghy Level 1 is 18 knots of gust, for the Kids Oppie Club it is 15 knots, and for the Keelboat Crew course it is 28 knots.
The duty instructor makes the final call at 07:30 on the morning of the session, after reading the harbour master's forecast.
If thunder is forecast within the sailing area, every session is called off regardless of the wind.

## How students are told
Students are told by text message and by email before 08:00.
A phone call is made to every parent of a Kids Oppie Club sailor.
If a student does not receive a message, the office phone is staffed from 08:00 to 17:00.

## Refunds and rebooking
A weather cancellation is never charged.
Students may rebook the session free of charge within twelve months, or ask for a full refund.
A refund is paid within 14 days to the card used for the booking.
When a student cancels less than 7 days before the course, the deposit of 50 euros is kept.
A no-show is a student who does not arrive and did not tell the office; no refund is given for a no-show.
""",
    "school_docs/safety_briefing.md": """
# Safety briefing for students

## Before going afloat
Every student wears a buoyancy aid that is checked by the instructor.
A buoyancy aid is a foam vest that keeps a conscious sailor afloat; a lifejacket is an inflating vest that turns an unconscious person face up.
Children under 12 always wear a lifejacket on the keelboats.
The rescue boat is launched before the first dinghy leaves the slipway.

## Capsize drill
A capsize is when the dinghy tips over until the sail lies on the water.
When the dinghy capsizes, stay with the boat, because a boat is easier to see than a swimmer.
The student swims to the centreboard, pulls it down and the boat comes upright.
Each student practises the capsize drill in the first session of Dinghy Level 1.

## Cold water
Cold water shock happens when a person falls into water under 15 degrees.
The first minute is the most dangerous, because breathing is hard to control.
Float on your back and wait for the rescue boat rather than swimming hard.
""",
    "school_docs/instructor_handbook.txt": """
Instructor handbook (short version, 2026 season)

The ratio on Dinghy Level 1 is one instructor for six students. On the Kids Oppie Club the ratio is one instructor for five children, and a second adult stays on the pontoon.

The duty instructor is the senior instructor on shift. The duty instructor signs the daily log, checks the rescue boat fuel and reads the forecast to the group at the briefing.

Incident forms are filled in on the same day. An incident is any injury, any boat damage over 50 euros, and any near miss with another vessel.

Wetsuits are washed in fresh water after each session and hung in the drying room. A wetsuit that smells or has a torn seam is taken out of use and put in the red crate.

Feedback forms are sent to every student two days after the course. Instructors read their feedback at the monthly team meeting.
""",
    "dairy_docs/cellar_procedure.md": """
# Cellar procedure (HACCP)

## Temperatures and humidity
Kelder 1 is kept at 11 to 12 degrees and 88 to 92 percent relative humidity.
The Cave is a natural cellar that is colder in winter, at 8 to 10 degrees.
Relative humidity is the amount of water in the air compared with the most it could hold at that temperature.
When the humidity drops below 85 percent, the rind cracks and the wheels lose weight too fast.

## Turning and brushing
Young wheels are turned every day for the first two weeks, then twice a week.
Alpine wheels are brushed with brine because brushing keeps unwanted moulds off the rind.
Every turn and brush is written in the ripening log with the reading of weight and core pH.

## Critical control points
A critical control point is a step where a hazard can be prevented or reduced to a safe level.
The pH at moulding must be between 5.0 and 5.5; a batch outside this range is put on hold.
A batch that shows a core pH above 6.5 after 30 days is tested for Listeria before it is sold.
Rejected batches are logged with the reason and the wheels are destroyed, never sold as seconds.
""",
    "dairy_docs/cheese_care_for_customers.txt": """
Looking after your cheese at home

Keep cheese in the vegetable drawer of the fridge, wrapped in wax paper, not in cling film. Cling film traps moisture, and trapped moisture makes the rind slimy.

Take the cheese out of the fridge one hour before eating, because flavour comes back at room temperature.

A white bloom on the Bloomy rind is normal: it is the Penicillium candidum mould that makes the rind. Blue veins are only expected in our Blue. Blue or green spots on a Tomme or Alpine can be cut away with one centimetre of cheese around them.

A smell of ammonia means a bloomy rind cheese is over-ripe. Unwrap it and let it breathe for half an hour.

Brine feta is kept in its own brine, in a closed jar, for up to four weeks after opening.
""",
    "dairy_docs/allergens_and_labelling.md": """
# Allergens and labelling

## What every label shows
Every label shows the name of the cheese, the batch number, the best-before date, the weight and the allergens.
Milk is the allergen in all our cheeses and it is printed in bold.
The batch number links each wheel to the day of making and the cheesemaker.

## Raw milk
Our Alpine is made from raw milk, which means the milk is not heated above 40 degrees.
Raw milk cheese is not advised for pregnant women and small children, and the label says so.

## Best-before dates
The best-before date is set at 60 days after cutting for hard cheese and 21 days for Bloomy rind.
A wrong date on a label is a packaging complaint and the batch labels are reprinted.
""",
    "incident_notes/INC-2026-014_vpn_credential_phish.md": """
# INC-2026-014: credential phish pretending to be the VPN portal

## Summary
On 12 March 2026 about 400 staff received an email that asked them to revalidate their VPN access.
The link led to a copy of the university sign-in page hosted on uni-verify-login.com.
Eleven people entered their password before the page was taken down.

## Response
The security team blocked the domain at the mail gateway within 40 minutes.
All eleven accounts had their passwords reset and their sessions revoked.
Multi-factor authentication stopped every login attempt with the stolen passwords, because the attacker could not answer the push prompt.

## Lessons
A lookalike domain is a domain name that imitates a real one with small changes.
Reports through the phishing button arrived within four minutes of the first email, which is why the block was fast.
The helpdesk now tags every phishing report with a verdict of phish, spam or legit within one working day.
""",
    "incident_notes/INC-2026-031_ransomware_false_alarm.md": """
# INC-2026-031: ransom message on a lab laptop (false alarm)

## Summary
On 2 July 2026 a PhD student reported a ransom message on a laptop in the Physics lab.
The message came from a browser pop-up on an advertising site, not from malware on the disk.
No files were encrypted and the laptop was returned the same afternoon.

## Response
The laptop was taken off the network and a full scan was run.
A browser pop-up that imitates a ransom note is called scareware.
The student was told to close the browser with the task manager and never call the number in the pop-up.

## Lessons
Every ransom message is treated as priority P1 until a security analyst has looked at the machine.
Walk-in reports should be logged as tickets straight away, because the phone queue hid this one for an hour.
""",
    "incident_notes/INC-2026-040_compromised_mailbox.md": """
# INC-2026-040: compromised mailbox sending invoice fraud

## Summary
On 18 September 2026 a mailbox in Facilities sent 230 emails with a fake invoice to suppliers.
The account was compromised through a password reused on a breached shopping site.
Sign-ins came from two countries within ten minutes, an impossible travel pattern.

## Response
The account was disabled, forwarding rules set by the attacker were removed and suppliers were warned.
Impossible travel means two sign-ins from places too far apart to travel between in the time between them.
The login events of the whole department were checked for odd hours, failed attempts and large downloads.

## Lessons
SMS as a second factor is being replaced by the authenticator app, because SMS codes can be phished.
Staff are reminded that the helpdesk never asks for a password by email.
""",
    "helpdesk_handbook.md": """
# Helpdesk handbook

## Queues
Every ticket goes to one queue: accounts, network, security, hardware or software.
The security queue is staffed by the CERT team from 08:00 to 20:00 and by the on-call analyst at night.

## Priorities
Priority P1 means teaching, research or security is stopped for many people, and the target is a response within 30 minutes.
Priority P2 means one important person or a whole room is blocked, with a response within 4 hours.
P3 is the normal priority, with a response within one working day, and P4 is a question or a wish.

## Escalation
A ticket is escalated when the first line cannot solve it within the response target.
Escalated tickets go to the second line team of the queue, who own them until they are closed.
""",
}


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    random.seed(SEED)

    # sailing school
    _write(sessions(rng, 420, date(2025, 4, 1), 200, "S25"), out / "sessions_2025.csv")
    _write(sessions(rng, 140, date(2026, 4, 1), 200, "S26"), out / "sessions_2026.csv")
    nxt = sessions(rng, 24, date(2026, 12, 7), 7, "NXT").drop(columns=["called_off"])
    _write(nxt, out / "sessions_next_week.csv")
    _write(bookings(rng, 520), out / "course_bookings.csv")
    fb, fb_gold = feedback(rng, 320)
    _write(fb, out / "student_feedback.csv")
    _write(fb_gold, out / "feedback_checked_anna.csv")
    _json(out / "feedback_rules.json", FEEDBACK_RULES)

    # cheese dairy
    train = batches(rng, 320, 2024, 700, True)
    _write(train, out / "batches_2024_2025.csv")
    _write(batches(rng, 90, 2026, 250, True), out / "batches_2026.csv")
    _write(batches(rng, 28, 2026, 320, False), out / "batches_in_cellar.csv")
    _write(ripening_log(rng, list(train["batch_no"][-80:]), 640), out / "ripening_log.csv")
    _write(shop_orders(rng, 460), out / "shop_orders.csv")
    cp, cp_gold = complaints(rng, 260)
    _write(cp, out / "complaints.csv")
    _write(cp_gold, out / "complaints_handchecked.csv")
    _json(out / "complaint_rules.json", COMPLAINT_RULES)

    # IT helpdesk
    ph, ph_gold = phishing(rng, 420)
    _write(ph, out / "phishing_reports.csv")
    _write(ph_gold, out / "phish_verdicts_cert.csv")
    _json(out / "phish_rules.json", PHISH_RULES)
    _write(tickets(rng, 540, 26001, date(2026, 1, 5), 270, True), out / "tickets_jan_sep.csv")
    _write(tickets(rng, 160, 27001, date(2026, 10, 1), 31, True), out / "tickets_october.csv")
    _write(tickets(rng, 40, 28001, date(2026, 12, 1), 3, False), out / "tickets_unassigned.csv")
    _write(logins(rng, 720), out / "login_events.csv")

    for name, body in DOCS.items():
        _text(out / name, body)


if __name__ == "__main__":
    main()
