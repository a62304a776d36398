"""Write the fresh36 corpus's files into a folder: python make_data.py DIR.

Four people's files, all invented (fixed seeds, offline, well under 3 MB):
Fernhollow Nursery & Glasshouses, BrightPath online tutoring, the Maple Row craft fair and
the Millbrook Courier's advertising desk.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 3636


def _pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def _sentence(rng: np.random.Generator, parts: list[list[str]]) -> str:
    return " ".join(_pick(rng, p) for p in parts).strip()


def _blank_out(rng: np.random.Generator, values: list[str], keep: float) -> list[str]:
    return [v if rng.random() < keep else "" for v in values]


# ---------------------------------------------------------------- nursery
CARE_TEXT = {
    "pests": [
        [
            "Found tiny green aphids all over the new shoots of my",
            "There are little white flies under the leaves of the",
            "Something is chewing holes in my",
            "Spotted mealybugs on the stems of the",
        ],
        [
            "rose you sold me",
            "fuchsia from last week",
            "tomato plug plants",
            "citrus tree",
            "hosta",
        ],
        [
            "- is a spray safe for kids and pets?",
            ", what do you recommend?",
            "and I think it is spreading.",
            "- slugs maybe?",
        ],
    ],
    "watering": [
        ["The leaves on my", "My", "The lower leaves of the", "Soil on the"],
        ["olive tree", "fiddle leaf fig", "lavender", "peace lily", "acer in a pot"],
        [
            "are going yellow and the pot feels soggy, how often should I water?",
            "are crispy and dry even though I water twice a week.",
            "keep drooping in the afternoon heat, more water or less?",
            "stays wet for days, should I repot into grittier compost?",
        ],
    ],
    "delivery": [
        ["My order", "The hedging order", "Our trolley order", "Delivery for order"],
        [
            "hasn't arrived yet",
            "came with two broken pots",
            "was left at the wrong house",
            "is missing three of the trays",
        ],
        [
            "and the tracking link does not work.",
            "- the driver said it was delivered.",
            ", can you rebook the van for Saturday?",
            "and the courier never called.",
        ],
    ],
    "billing": [
        [
            "I was charged twice for",
            "Can I get a refund for",
            "The invoice for",
            "Your card machine took payment for",
        ],
        [
            "the bare-root hedging",
            "my gift voucher",
            "the trade account order",
            "the compost bulk bags",
        ],
        [
            "and the VAT looks wrong.",
            "- please cancel the second payment.",
            "but the discount code didn't apply.",
            "and I need a receipt for my accountant.",
        ],
    ],
}


def nursery(out: Path, rng: np.random.Generator) -> None:
    # customer care inbox: partly filled topic, a gold file, a rules file
    rows = []
    topics = list(CARE_TEXT)
    for i in range(420):
        topic = topics[int(rng.choice(4, p=[0.3, 0.3, 0.22, 0.18]))]
        msg = _sentence(rng, CARE_TEXT[topic])
        if rng.random() < 0.25:
            msg += " " + _pick(rng, ["Thanks, Jo", "Cheers.", "Many thanks!", "Regards, Pat", "x"])
        rows.append(
            {
                "enquiry_no": f"FH-{5100 + i}",
                "received": str(pd.Timestamp("2024-03-01") + pd.Timedelta(days=int(i // 6))),
                "channel": _pick(rng, ["email", "web form", "phone note", "instagram"]),
                "message": msg,
                "topic": topic,
            }
        )
    care = pd.DataFrame(rows)
    gold_idx = rng.choice(len(care), 60, replace=False)
    gold = care.iloc[sorted(gold_idx)][["enquiry_no", "topic"]].rename(
        columns={"topic": "checked_topic"}
    )
    care["topic"] = [t if j in set(gold_idx[:45]) else "" for j, t in enumerate(care["topic"])]
    care.to_csv(out / "care_inbox.csv", index=False)
    gold.to_csv(out / "care_inbox_checked.csv", index=False)
    rules = [
        {
            "name": "bugs",
            "label": "pests",
            "kind": "keyword",
            "column": "message",
            "keywords": ["aphids", "white flies", "mealybugs", "slugs", "chewing"],
        },
        {
            "name": "soggy_or_dry",
            "label": "watering",
            "kind": "keyword",
            "column": "message",
            "keywords": ["water", "soggy", "drooping", "crispy", "wet"],
        },
        {
            "name": "van_and_courier",
            "label": "delivery",
            "kind": "keyword",
            "column": "message",
            "keywords": ["arrived", "tracking", "driver", "courier", "delivery", "van"],
        },
        {
            "name": "money",
            "label": "billing",
            "kind": "regex",
            "column": "message",
            "pattern": r"(?i)\b(charged|refund|invoice|vat|receipt|payment)\b",
        },
    ]
    (out / "rules").mkdir(exist_ok=True)
    (out / "rules" / "care_topic_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    # seedling batches: grade A / B / cull, train / test / new
    n = 640
    variety = rng.choice(["basil", "tomato", "pepper", "lettuce", "marigold", "petunia"], n)
    substrate = rng.choice(["peat-free", "coir", "rockwool"], n, p=[0.5, 0.3, 0.2])
    germ = np.round(rng.normal(7, 2, n).clip(2, 16), 1)
    height = np.round(rng.normal(48, 12, n).clip(10, 95), 1)
    leaves = rng.poisson(5, n) + 2
    water = np.round(rng.normal(35, 8, n).clip(10, 70), 0)
    heat = np.round(rng.normal(21, 2.5, n), 1)
    score = (height - 48) / 12 + (leaves - 7) / 2 - (germ - 7) / 2 + (substrate == "coir") * 0.4
    score = score + rng.normal(0, 0.8, n)
    grade = np.where(score > 0.6, "A", np.where(score > -1.0, "B", "cull"))
    seed = pd.DataFrame(
        {
            "batch_code": [f"SB{24000 + i}" for i in range(n)],
            "variety": variety,
            "tray_cells": rng.choice([24, 40, 84, 128], n),
            "substrate": substrate,
            "germination_days": germ,
            "height_mm_day21": height,
            "true_leaves": leaves,
            "water_ml_per_day": water,
            "bench_temp_c": heat,
            "grower_note": [
                _pick(
                    rng,
                    [
                        "even stand",
                        "a few leggy",
                        "damping off in corner",
                        "lush",
                        "patchy tray",
                        "strong roots",
                        "",
                    ],
                )
                for _ in range(n)
            ],
            "grade": grade,
        }
    )
    seed.iloc[:440].to_csv(out / "seedling_batches_2023.csv", index=False)
    seed.iloc[440:580].to_csv(out / "seedling_batches_holdout.csv", index=False)
    seed.iloc[580:].drop(columns=["grade"]).to_csv(out / "seedlings_this_week.csv", index=False)

    # glasshouse sensor log with a few faulty readings
    m = 720
    house = rng.choice(["GH1", "GH2", "GH3", "polytunnel"], m)
    temp = np.round(rng.normal(22, 3, m), 1)
    hum = np.round((80 - (temp - 22) * 2 + rng.normal(0, 4, m)).clip(35, 99), 1)
    sensors = pd.DataFrame(
        {
            "reading_id": np.arange(1, m + 1),
            "logged_at": [
                str(pd.Timestamp("2024-05-01") + pd.Timedelta(hours=int(h))) for h in range(m)
            ],
            "house": house,
            "air_temp_c": temp,
            "humidity_pct": hum,
            "soil_moisture_pct": np.round(rng.normal(42, 6, m).clip(5, 80), 1),
            "light_klux": np.round(rng.gamma(4, 6, m), 1),
            "co2_ppm": np.round(rng.normal(650, 80, m), 0),
            "vents": rng.choice(["shut", "half", "open"], m),
            "botrytis_seen": rng.choice(["no", "yes"], m, p=[0.9, 0.1]),
        }
    )
    odd = rng.choice(m, 9, replace=False)
    sensors.loc[odd[:3], "air_temp_c"] = [58.0, -7.5, 61.2]
    sensors.loc[odd[3:6], "humidity_pct"] = [3.0, 0.0, 2.5]
    sensors.loc[odd[6:], "co2_ppm"] = [4100.0, 3900.0, 15.0]
    sensors.to_csv(out / "glasshouse_sensor_log.csv", index=False)

    # wholesale customers: churn-like outcomes (two candidate outcomes)
    k = 380
    trade = pd.DataFrame(
        {
            "account_ref": [f"TR-{700 + i}" for i in range(k)],
            "business_type": rng.choice(
                ["landscaper", "garden centre", "florist", "council", "school"], k
            ),
            "orders_last_12m": rng.poisson(9, k),
            "avg_order_gbp": np.round(rng.gamma(3, 120, k), 2),
            "late_payments": rng.poisson(0.8, k),
            "complaints": rng.poisson(0.5, k),
            "months_as_customer": rng.integers(1, 96, k),
            "uses_trolley_delivery": rng.choice(["yes", "no"], k),
        }
    )
    risk = (
        -0.15 * trade["orders_last_12m"] + 0.8 * trade["complaints"] + 0.5 * trade["late_payments"]
    )
    trade["lapsed"] = np.where(risk + rng.normal(0, 0.8, k) > -0.6, "yes", "no")
    trade["took_spring_offer"] = np.where(
        trade["avg_order_gbp"] / 200 + rng.normal(0, 0.6, k) > 1.9, "yes", "no"
    )
    trade.to_csv(out / "trade_accounts.csv", index=False)

    docs = out / "docs" / "nursery"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "repotting_and_aftercare.md").write_text(NURSERY_CARE_DOC)
    (docs / "glasshouse_procedures.md").write_text(GLASSHOUSE_DOC)


NURSERY_CARE_DOC = """# Repotting and aftercare guide

## When to repot

A plant needs repotting when roots circle the base of the pot or grow out of the drainage
holes. Spring is the best time to repot most shrubs, because new root growth starts as the
soil warms. Citrus trees are repotted every two to three years into a pot one size larger.

## Compost

Fernhollow uses peat-free compost for all retail plants. Peat-free compost dries out faster on
the surface, so customers should check moisture a finger's depth down before watering.
Ericaceous compost is used for acid-loving plants such as camellias, blueberries and azaleas.

## Watering after repotting

Water thoroughly straight after repotting, then let the top two centimetres dry before watering
again. If the leaves turn yellow and the pot feels heavy, the plant is being overwatered.
Olive trees in pots need water once a week in summer and once a month in winter.

## Feeding

Feed flowering plants every two weeks from April to September with a high-potash liquid feed.
Slow-release granules last about six months and are mixed into the compost when repotting.

## Returns and plant guarantee

Hardy plants bought from Fernhollow are guaranteed for twelve months. The guarantee does not
cover plants that were frozen in pots, left unwatered, or planted in the wrong aspect. A
customer who wants a replacement brings the plant back with the receipt.
"""

GLASSHOUSE_DOC = """# Glasshouse procedures

## Daily checks

Staff record air temperature, humidity, soil moisture, light level and CO2 in every house at
the start of each shift. A reading above 35 degrees means the vents must be opened fully and
the shade screens drawn. Humidity above 90 percent for more than six hours raises the risk of
botrytis, so the fans are switched on and watering is moved to the morning.

## Botrytis and mildew

Botrytis is a grey mould that spreads on damp, dead leaves. Infected trays are moved to the
quarantine bench and never returned to the sales area. Powdery mildew is treated with a
potassium bicarbonate spray, which is safe for the biological controls used in GH2.

## Biological controls

Encarsia wasps are released in GH1 and GH2 in April to control whitefly. Nematodes are watered
into the polytunnel beds against vine weevil when the soil is above five degrees. Yellow sticky
traps are changed every fortnight and the counts are written on the bench card.

## Sensor faults

If a sensor shows a value that is physically impossible, such as humidity of zero or CO2 above
three thousand parts per million, the reading is treated as a fault. The grower on duty resets
the logger and reports the fault to the site manager before the next watering cycle.
"""

# ---------------------------------------------------------------- tutoring
COMMENT = {
    "positive": [
        [
            "Really helpful session,",
            "Loved it!",
            "Great tutor -",
            "My daughter finally gets it,",
            "Brilliant as always,",
        ],
        [
            "Ms Okafor explained quadratics so clearly",
            "the essay plan we made is so useful",
            "he was patient with my questions",
            "the practice questions were spot on",
            "we went through the past paper step by step",
        ],
        ["and I feel ready for the test.", "- thank you!", "would book again.", "10/10."],
    ],
    "negative": [
        [
            "Tutor joined 15 minutes late",
            "The video kept freezing",
            "Honestly a waste of time,",
            "Felt rushed and",
            "Not happy:",
        ],
        [
            "and we never covered the homework",
            "the tutor didn't seem to know the syllabus",
            "my son was talked over the whole hour",
            "the whiteboard tool crashed twice",
            "nobody followed up on the missed session",
        ],
        ["- I want a refund.", "and we might cancel.", ", very disappointing.", "again."],
    ],
    "mixed": [
        ["Session was ok,", "Fine I guess,", "Decent but", "Good content although", "Mostly fine,"],
        [
            "a bit slow at the start",
            "we ran out of time for the last topic",
            "the audio was quiet",
            "the worksheet came late",
            "some bits went over my head",
        ],
        ["but overall useful.", "- not sure yet.", "will see next week.", "average."],
    ],
}


def tutoring(out: Path, rng: np.random.Generator) -> None:
    rows = []
    for i in range(500):
        s = ["positive", "negative", "mixed"][int(rng.choice(3, p=[0.5, 0.25, 0.25]))]
        rows.append(
            {
                "session_id": 90000 + i,
                "subject": _pick(
                    rng, ["maths", "english", "chemistry", "physics", "french", "biology"]
                ),
                "tutor": _pick(
                    rng, ["T-okafor", "T-brennan", "T-liu", "T-haddad", "T-novak", "T-reyes"]
                ),
                "minutes": int(_pick(rng, ["30", "45", "60", "60", "90"])),
                "parent_or_student": _pick(rng, ["parent", "student"]),
                "feedback_text": _sentence(rng, COMMENT[s]),
                "stars": int(
                    np.clip(
                        rng.normal({"positive": 4.6, "negative": 1.8, "mixed": 3.2}[s], 0.6), 1, 5
                    ).round()
                ),
                "tone": s,
            }
        )
    fb = pd.DataFrame(rows)
    gold_idx = rng.choice(len(fb), 80, replace=False)
    gold = fb.iloc[sorted(gold_idx)][["session_id", "tone"]]
    gold.to_csv(out / "feedback_tone_handlabels.csv", index=False)
    fb = fb.drop(columns=["tone"])
    fb.to_csv(out / "session_feedback_q2.csv", index=False)

    # students: two candidate outcomes (cancelled, upgraded); train / test / new
    n = 900
    plan = rng.choice(["pay-as-you-go", "monthly 4", "monthly 8", "exam bootcamp"], n)
    booked = rng.poisson(10, n) + 1
    missed = rng.binomial(booked, 0.12)
    rating = np.round(rng.normal(4.1, 0.6, n).clip(1, 5), 2)
    weeks = rng.integers(1, 60, n)
    logins = rng.poisson(3, n)
    hw = np.round(rng.beta(5, 2, n) * 100, 0)
    risk = 0.35 * missed - 0.9 * (rating - 4) - 0.02 * hw - 0.03 * weeks + rng.normal(0, 0.9, n)
    students = pd.DataFrame(
        {
            "student_id": [f"ST{31000 + i}" for i in range(n)],
            "year_group": rng.choice(["Y7", "Y8", "Y9", "Y10", "Y11", "Y12", "Y13"], n),
            "main_subject": rng.choice(["maths", "english", "science", "languages"], n),
            "plan": plan,
            "sessions_booked": booked,
            "sessions_missed": missed,
            "avg_rating_given": rating,
            "weeks_enrolled": weeks,
            "parent_portal_logins": logins,
            "homework_done_pct": hw,
            "referral_source": rng.choice(["google", "school newsletter", "friend", "facebook"], n),
            "cancelled": np.where(risk > -1.6, "yes", "no"),
            "upgraded_plan": np.where(
                (plan == "monthly 4") & (rating > 4.2) | (rng.random(n) < 0.08), "yes", "no"
            ),
        }
    )
    students.iloc[:600].to_csv(out / "students_jan_jun.csv", index=False)
    students.iloc[600:780].to_csv(out / "students_jul_aug.csv", index=False)
    students.iloc[780:].drop(columns=["cancelled", "upgraded_plan"]).to_csv(
        out / "students_enrolled_sept.csv", index=False
    )

    docs = out / "docs" / "tutoring"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "tutor_handbook.md").write_text(TUTOR_DOC)
    (docs / "refunds_and_cancellations.txt").write_text(REFUND_DOC)


TUTOR_DOC = """# BrightPath tutor handbook

## Before a session

Tutors open the virtual classroom five minutes before the start time and check the student's
notes from the previous session. A session that starts more than ten minutes late is logged as
a late start and the family is offered a free fifteen-minute top-up.

## During a session

Every session begins with a two-minute recap of the last topic. Tutors use the shared
whiteboard for worked examples and upload the board as a PDF afterwards. Students under
thirteen must have a parent or guardian in the house during the session.

## Safeguarding

BrightPath's safeguarding lead is the first contact for any concern about a student's welfare.
Tutors never share personal phone numbers or social media accounts with students. All sessions
are recorded and recordings are kept for ninety days.

## Pay and scheduling

Tutors are paid on the fifteenth of each month for sessions completed in the previous month.
A tutor who cancels with less than twenty-four hours' notice twice in one term is reviewed by
the scheduling team. Exam bootcamp sessions pay a higher rate because they need extra
preparation.
"""

REFUND_DOC = """BrightPath refunds and cancellations

Families can cancel a single session free of charge up to twenty-four hours before it starts.
A session cancelled later than that is charged in full, unless the student is ill and a note is
sent to the support team.

Monthly plans renew on the first day of each month. A family that cancels a monthly plan keeps
access until the end of the month they have paid for; unused sessions do not roll over.

If a tutor is more than fifteen minutes late or the session is cut short by a technical fault on
BrightPath's side, the family receives a full credit for that session. Credits expire after six
months.

Refunds to a card take five to seven working days. The exam bootcamp is refundable only before
the first session has taken place.
"""

# ---------------------------------------------------------------- craft fair
VENDOR_TEXT = {
    "accept": [
        [
            "Hand-thrown stoneware mugs and bowls,",
            "Handwoven wool scarves from our own flock,",
            "Letterpress cards printed in my garden studio,",
            "Small-batch beeswax candles,",
            "Hand-forged garden tools,",
        ],
        [
            "every piece made by me,",
            "all made locally,",
            "made start to finish in the workshop,",
            "each one signed,",
        ],
        [
            "selling at fairs for 6 years.",
            "public liability insurance attached.",
            "photos of my stall attached.",
            "demo at the stall if space allows.",
        ],
    ],
    "reject": [
        [
            "Phone cases and chargers",
            "Imported resin keyrings",
            "Mass-produced fidget toys",
            "Wholesale scented sachets",
            "Branded sunglasses",
        ],
        [
            "bought in bulk from a supplier,",
            "from an online wholesaler,",
            "resold from a catalogue,",
        ],
        ["cheap prices.", "no insurance yet.", "can bring a gazebo.", "need a plug socket."],
    ],
    "waitlist": [
        [
            "Knitted toys and baby hats,",
            "Pressed flower bookmarks,",
            "Crochet plant hangers,",
            "Painted pebbles and driftwood signs,",
            "Macrame wall hangings,",
        ],
        ["mostly handmade,", "made with my sister,", "new to fairs,"],
        [
            "first fair this year.",
            "insurance pending.",
            "happy to share a table.",
            "small pitch is fine.",
        ],
    ],
}


def craft_fair(out: Path, rng: np.random.Generator) -> None:
    rows = []
    for i in range(360):
        d = ["accept", "reject", "waitlist"][int(rng.choice(3, p=[0.45, 0.2, 0.35]))]
        rows.append(
            {
                "app_id": f"MR25-{i + 1:03d}",
                "maker_name": f"maker {i + 1}",
                "craft": _pick(
                    rng,
                    ["ceramics", "textiles", "paper", "candles", "woodwork", "jewellery", "other"],
                ),
                "pitch_size": _pick(rng, ["3x3m", "3x3m", "half table", "double"]),
                "years_trading": int(rng.integers(0, 20)),
                "what_you_sell": _sentence(rng, VENDOR_TEXT[d]),
                "panel_decision": d,
            }
        )
    apps = pd.DataFrame(rows)
    keep = rng.random(len(apps)) < 0.18
    apps["panel_decision"] = np.where(keep, apps["panel_decision"], "")
    apps.to_csv(out / "vendor_applications_2025.csv", index=False)
    gold_ids = rng.choice(len(rows), 50, replace=False)
    pd.DataFrame(
        {
            "app_id": [rows[j]["app_id"] for j in sorted(gold_ids)],
            "decision": [rows[j]["panel_decision"] for j in sorted(gold_ids)],
        }
    ).to_csv(out / "panel_rulings_sample.csv", index=False)
    rules = [
        {
            "name": "handmade_words",
            "label": "accept",
            "kind": "keyword",
            "column": "what_you_sell",
            "keywords": [
                "hand-thrown",
                "handwoven",
                "hand-forged",
                "letterpress",
                "made by me",
                "workshop",
            ],
        },
        {
            "name": "resold",
            "label": "reject",
            "kind": "keyword",
            "column": "what_you_sell",
            "keywords": [
                "wholesale",
                "wholesaler",
                "imported",
                "supplier",
                "catalogue",
                "mass-produced",
            ],
        },
        {
            "name": "newcomers",
            "label": "waitlist",
            "kind": "keyword",
            "column": "what_you_sell",
            "keywords": ["first fair", "new to fairs", "insurance pending", "share a table"],
        },
        {
            "name": "old_hands",
            "label": "accept",
            "kind": "threshold",
            "column": "years_trading",
            "op": ">=",
            "value": 12,
        },
    ]
    (out / "rules").mkdir(exist_ok=True)
    (out / "rules" / "fair_screening_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    # stall takings per stall per fair day, with a few odd ones
    n = 540
    category = rng.choice(["ceramics", "textiles", "food", "paper", "woodwork", "jewellery"], n)
    footfall = rng.normal(900, 200, n).clip(200, 1800).round()
    weather = rng.choice(["sunny", "overcast", "rain"], n, p=[0.4, 0.4, 0.2])
    tx = np.round(footfall * rng.uniform(0.02, 0.06, n) * np.where(weather == "rain", 0.7, 1.0))
    avg_ticket = np.round(rng.normal(18, 5, n).clip(3, 60), 2)
    takings = pd.DataFrame(
        {
            "stall_day_id": np.arange(1, n + 1),
            "fair_date": rng.choice(
                ["2024-06-08", "2024-07-13", "2024-09-14", "2024-11-30", "2024-12-07"], n
            ),
            "stall_category": category,
            "indoor_or_marquee": rng.choice(["hall", "marquee"], n),
            "weather": weather,
            "gate_footfall": footfall,
            "transactions": tx,
            "avg_spend_gbp": avg_ticket,
            "takings_gbp": np.round(tx * avg_ticket, 2),
            "card_share_pct": np.round(rng.uniform(40, 95, n), 0),
        }
    )
    takings["good_day"] = np.where(
        takings["takings_gbp"] > takings["takings_gbp"].median(), "yes", "no"
    )
    bad = rng.choice(n, 8, replace=False)
    takings.loc[bad[:3], "takings_gbp"] = [9850.0, 0.0, 12400.0]
    takings.loc[bad[3:5], "transactions"] = [0, 900]
    takings.loc[bad[5:], "avg_spend_gbp"] = [410.0, 0.2, 355.0]
    takings.to_csv(out / "stall_takings_2024.csv", index=False)

    docs = out / "docs" / "craftfair"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "stallholder_pack.md").write_text(STALL_DOC)


STALL_DOC = """# Maple Row Craft Fair: stallholder pack

## Setting up

The hall opens to stallholders at seven in the morning and the doors open to the public at ten.
Vehicles must leave the loading bay by half past nine. Each pitch is three metres by three
metres unless a half table or a double pitch was booked.

## What we accept

Maple Row is a handmade fair. Every item on a stall must be made, designed or substantially
finished by the stallholder. Resold, imported or mass-produced goods are not allowed and a
stall found selling them is asked to pack up without a refund. Food stalls need a food hygiene
rating of four or five.

## Insurance and safety

Every stallholder needs public liability insurance of at least five million pounds. Gazebos in
the marquee field must be weighted with at least ten kilograms on each leg. Candles may be
displayed but never lit inside the hall.

## Fees and refunds

A standard pitch costs sixty-five pounds for one day and a double pitch costs one hundred and
ten pounds. Fees are refunded in full if the fair is cancelled by the organisers. A stallholder
who cancels more than thirty days before the fair gets half the fee back.

## Payments

Most visitors pay by card, so stallholders should bring a card reader with a charged battery.
The hall has free wifi, but the signal is weak in the marquee, so offline card payments are
recommended there.
"""

# ---------------------------------------------------------------- newspaper ad desk
CLASSIFIED = {
    "jobs": [
        "Part-time cleaner wanted for village hall, 6 hrs per week, call Sue",
        "Experienced barista needed at the Millbrook Tea Rooms, weekends",
        "Farm hand required for lambing season, accommodation possible",
        "Delivery driver wanted, own van, good rates",
    ],
    "property": [
        "Two-bed cottage to let on Mill Lane, 850 pcm, no pets",
        "Garage to rent near the station, dry and secure",
        "Room available in shared house, bills included",
        "Plot of land for sale with outline planning permission",
    ],
    "for_sale": [
        "Oak dining table and six chairs, buyer collects, 120 ono",
        "Child's bike, 16 inch wheels, barely used, 30",
        "Ride-on mower, serviced last spring, offers",
        "Logs for sale, seasoned ash, 60 a load delivered",
    ],
    "notices": [
        "In loving memory of Arthur Penhale, sadly missed by all the family",
        "Millbrook WI jumble sale Saturday 10am, church hall",
        "Lost: black cat with white paws near the green, reward",
        "Thank you to everyone who supported the fete raffle",
    ],
}


def ad_desk(out: Path, rng: np.random.Generator) -> None:
    rows = []
    cats = list(CLASSIFIED)
    for i in range(460):
        c = cats[int(rng.integers(4))]
        text = _pick(rng, CLASSIFIED[c])
        text += " " + _pick(
            rng,
            [
                "Tel 01632 960" + f"{int(rng.integers(100, 999))}",
                "Box no. " + str(int(rng.integers(10, 99))),
                "",
                "Email in office.",
            ],
        )
        rows.append(
            {
                "ad_ref": f"CL{8800 + i}",
                "issue_date": _pick(rng, ["2024-09-05", "2024-09-12", "2024-09-19", "2024-09-26"]),
                "words": len(text.split()),
                "ad_text": text.strip(),
                "section": c,
            }
        )
    cl = pd.DataFrame(rows)
    cl["section"] = _blank_out(rng, list(cl["section"]), 0.15)
    cl.to_csv(out / "classifieds_sept.csv", index=False)
    gold_idx = sorted(rng.choice(len(rows), 70, replace=False))
    pd.DataFrame(
        {
            "ad_ref": [rows[j]["ad_ref"] for j in gold_idx],
            "section": [rows[j]["section"] for j in gold_idx],
        }
    ).to_csv(out / "classifieds_desk_labels.csv", index=False)
    rules = [
        {
            "name": "wanted_hiring",
            "label": "jobs",
            "kind": "keyword",
            "column": "ad_text",
            "keywords": ["wanted", "needed", "required", "hrs per week"],
        },
        {
            "name": "to_let",
            "label": "property",
            "kind": "keyword",
            "column": "ad_text",
            "keywords": ["to let", "to rent", "pcm", "planning permission", "bills included"],
        },
        {
            "name": "prices",
            "label": "for_sale",
            "kind": "regex",
            "column": "ad_text",
            "pattern": r"(?i)\b(ono|offers|for sale|buyer collects)\b",
        },
        {
            "name": "memorials_and_events",
            "label": "notices",
            "kind": "keyword",
            "column": "ad_text",
            "keywords": ["in loving memory", "jumble sale", "lost", "thank you"],
        },
    ]
    (out / "rules").mkdir(exist_ok=True)
    (out / "rules" / "classified_sections.json").write_text(json.dumps(rules, indent=2) + "\n")

    # display ad bookings: renewed? paid late? train / test / new
    n = 760
    adv = rng.choice(
        ["estate agent", "pub/restaurant", "garage", "council", "retailer", "charity", "trades"], n
    )
    size = rng.choice(["eighth", "quarter", "half", "full page"], n, p=[0.4, 0.3, 0.2, 0.1])
    weeks = rng.integers(1, 13, n)
    colour = rng.choice(["mono", "colour"], n)
    rate = {"eighth": 45, "quarter": 85, "half": 160, "full page": 300}
    price = np.array([rate[s] for s in size]) * weeks * np.where(colour == "colour", 1.3, 1.0)
    disc = rng.choice([0, 5, 10, 15, 20], n)
    lead = rng.integers(0, 30, n)
    copy_bits = [
        "Autumn sale now on",
        "New menu, book your table",
        "MOT and servicing, free collection",
        "Public consultation notice",
        "Sponsored walk for the hospice",
        "Roofing and guttering, free quotes",
        "Open house this weekend",
    ]
    book = pd.DataFrame(
        {
            "booking_no": [f"DA-{40100 + i}" for i in range(n)],
            "advertiser_type": adv,
            "ad_size": size,
            "weeks_booked": weeks,
            "colour": colour,
            "ratecard_price": np.round(price, 2),
            "discount_pct": disc,
            "days_before_deadline": lead,
            "online_bundle": rng.choice(["yes", "no"], n, p=[0.35, 0.65]),
            "copy_headline": [_pick(rng, copy_bits) for _ in range(n)],
        }
    )
    s = 0.12 * weeks + 0.8 * (book["online_bundle"] == "yes") + 0.05 * disc - 0.03 * lead
    book["rebooked"] = np.where(s + rng.normal(0, 0.7, n) > 1.0, "yes", "no")
    late = (
        (adv == "pub/restaurant") * 0.9
        + (adv == "trades") * 0.6
        - 0.02 * lead
        + rng.normal(0, 0.7, n)
    )
    book["paid_late"] = np.where(late > 0.5, "yes", "no")
    book.iloc[:520].to_csv(out / "display_bookings_h1.csv", index=False)
    book.iloc[520:680].to_csv(out / "display_bookings_q3.csv", index=False)
    book.iloc[680:].drop(columns=["rebooked", "paid_late"]).to_csv(
        out / "display_bookings_pending.csv", index=False
    )

    docs = out / "docs" / "courier"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "rate_card_2025.md").write_text(RATE_DOC)
    (docs / "advertising_standards_notes.txt").write_text(STANDARDS_DOC)


RATE_DOC = """# Millbrook Courier rate card 2025

## Display advertising

An eighth-page mono advert costs forty-five pounds per week. A quarter page costs eighty-five
pounds, a half page one hundred and sixty pounds and a full page three hundred pounds. Colour
adds thirty percent to any size. Bookings of eight weeks or more get a ten percent series
discount.

## Classifieds

Classified adverts cost six pounds for the first twenty words and twenty pence for each word
after that. Private sellers of items under fifty pounds advertise free. Box numbers cost an
extra three pounds and replies are forwarded weekly.

## Deadlines

Copy for display adverts must reach the desk by noon on Monday for Thursday's paper. Classified
adverts close at five o'clock on Tuesday. Late copy is held for the following issue unless the
editor agrees otherwise.

## Online bundle

The online bundle puts a display advert on the Courier's website for the same weeks as the
print run. It costs twenty pounds per week and includes a link to the advertiser's own page.
"""

STANDARDS_DOC = """Millbrook Courier - notes on advertising standards

Every advert must be legal, decent, honest and truthful. The desk checks that prices in an
advert include VAT when the advertiser sells to the public.

Job adverts must not state a preferred age, sex or ethnicity, because that is unlawful
discrimination. Phrases such as young and energetic are rewritten before the advert is printed.

Property adverts for lettings must show the rent per calendar month and say whether pets are
allowed. Estate agents must give their registration with a redress scheme.

Memorial notices are checked with the family by phone before they are printed. The desk never
prints a memorial notice sent by someone outside the family without that call.

Political adverts are accepted only from registered parties and candidates, and they carry an
imprint naming who paid for the advert.
"""


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    nursery(out, np.random.default_rng(SEED))
    tutoring(out, np.random.default_rng(SEED + 1))
    craft_fair(out, np.random.default_rng(SEED + 2))
    ad_desk(out, np.random.default_rng(SEED + 3))


if __name__ == "__main__":
    main()
