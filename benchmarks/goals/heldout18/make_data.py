"""Write the heldout18 corpus's files into a folder: python make_data.py DIR.

Three invented businesses: a regional ferry operator, a community pharmacy group and a
water-sports rental centre on a lake. Deterministic (seed 1818), offline, numpy/pandas only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1818


def pick(rng: np.random.Generator, options: list, size: int | None = None, p=None):
    """One choice (or `size` choices) from a list, as plain Python values."""
    idx = rng.choice(len(options), size=size, p=p)
    if size is None:
        return options[int(idx)]
    return [options[int(i)] for i in idx]


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def yes_no(flags: np.ndarray) -> list[str]:
    return ["yes" if f else "no" for f in flags]


def sentence(rng: np.random.Generator, parts: list[list[str]]) -> str:
    """Join one random piece from each list of pieces (empty pieces are skipped)."""
    words = [pick(rng, options) for options in parts]
    text = " ".join(w for w in words if w)
    return text[0].upper() + text[1:]


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


# --------------------------------------------------------------------------- ferry
ROUTES = ["Kilbrae-Inchmore", "Portlach-Sgeir", "Kilbrae-Dunmorrow", "Portlach-Ronsay"]
VESSELS = ["MV Kittiwake", "MV Skerry Belle", "MV Ardnish", "MV Morven Lass"]
REMARKS = [
    "",
    "",
    "",
    "ramp slow to lower",
    "late HGV held loading",
    "swell on the bar, reduced speed",
    "crew change at Kilbrae",
    "fuel taken on before departure",
    "school trip aboard",
    "livestock trailer loaded last",
    "fog patch mid channel",
    "coastguard exercise nearby",
    "passenger medical, berthed late",
    "linkspan fault reported",
]


def crossings(rng: np.random.Generator, n: int, year: int, outcomes: bool) -> pd.DataFrame:
    start = pd.Timestamp(f"{year}-01-01") if year else pd.Timestamp("2025-03-10")
    days = rng.integers(0, 365 if year else 7, size=n)
    dates = sorted(start + pd.to_timedelta(days, unit="D"))
    route = pick(rng, ROUTES, n, p=[0.35, 0.25, 0.25, 0.15])
    month = np.array([d.month for d in dates])
    winter = np.isin(month, [11, 12, 1, 2, 3]).astype(float)
    beaufort = np.clip(np.round(rng.normal(3.2 + 1.8 * winter, 1.6)), 0, 10).astype(int)
    wind = np.clip(np.round(beaufort * 4.6 + rng.normal(0, 3, n)), 0, None).astype(int)
    swell = np.round(np.clip(0.25 * beaufort + rng.normal(0, 0.35, n), 0.1, None), 1)
    summer = np.isin(month, [6, 7, 8]).astype(float)
    cars = np.clip(np.round(rng.normal(28 + 18 * summer, 9, n)), 0, 70).astype(int)
    vans = np.clip(np.round(rng.normal(6, 3, n)), 0, 20).astype(int)
    hgv = np.clip(np.round(rng.normal(3 - 1.5 * summer, 1.6, n)), 0, 9).astype(int)
    foot = np.clip(np.round(rng.normal(60 + 90 * summer, 35, n)), 0, 400).astype(int)
    deck = np.clip(np.round((cars * 5 + vans * 7 + hgv * 17) / 4.2, 1), 5, 100)
    dep_time = pick(rng, ["07:05", "09:30", "11:45", "14:10", "16:40", "19:15"], n)
    remarks = pick(rng, REMARKS, n)
    frame = pd.DataFrame(
        {
            "crossing_id": [f"CR{(year or 2025) % 100:02d}-{i + 1:04d}" for i in range(n)],
            "route": route,
            "sail_date": [d.strftime("%Y-%m-%d") for d in dates],
            "dep_time": dep_time,
            "day_of_week": [d.strftime("%a") for d in dates],
            "vessel": pick(rng, VESSELS, n),
            "beaufort": beaufort,
            "wind_kts": wind,
            "swell_m": swell,
            "cars_booked": cars,
            "vans_booked": vans,
            "hgv_booked": hgv,
            "foot_pax": foot,
            "deck_fill_pct": deck,
            "master_remarks": remarks,
        }
    )
    if outcomes:
        late_load = np.array(["HGV" in r or "ramp" in r or "linkspan" in r for r in remarks])
        z = -2.2 + 0.45 * (beaufort - 3) + 0.025 * (deck - 50) + 1.4 * late_load
        z += 0.5 * np.array([r == "Portlach-Sgeir" for r in route])
        delayed = rng.random(n) < sigmoid(z)
        cancel_p = sigmoid(-4.6 + 0.9 * np.clip(beaufort - 4, 0, None) + 1.0 * (swell > 2.0))
        cancelled = rng.random(n) < cancel_p
        delayed = delayed & ~cancelled
        frame["delayed"] = yes_no(delayed)
        frame["cancelled"] = yes_no(cancelled)
    return frame


FEEDBACK = {
    "refund": [
        [
            "still waiting for my refund",
            "I asked for my money back",
            "refund not received",
            "where is the refund for",
        ],
        [
            "for the cancelled sailing",
            "after you cancelled",
            "for the crossing I could not take",
            "from three weeks ago",
        ],
        [
            "please sort it",
            "it has been weeks",
            "my bank shows nothing",
            "",
            "I was told 5 working days",
        ],
    ],
    "delay": [
        ["the boat left", "we sat at the pier", "departure was", "the ferry arrived"],
        ["over an hour late", "forty minutes late", "late again", "very late with no notice"],
        [
            "and nobody told us why",
            "and we missed our connecting bus",
            "no announcement at all",
            "",
            "third time this month",
        ],
    ],
    "vehicle_deck": [
        ["my campervan", "our car with a roof box", "the trailer", "my van"],
        [
            "was refused boarding because of height",
            "got scraped on the car deck",
            "was parked so tight we could not open the doors",
            "was put in the wrong lane",
        ],
        ["by the deck crew", "at the linkspan", "", "and the marshal was rude about it"],
    ],
    "booking_system": [
        ["the website", "the booking page", "your app", "online booking"],
        [
            "crashed at payment",
            "took my card twice",
            "would not let me add a vehicle",
            "showed no space but the boat was half empty",
            "logged me out",
        ],
        ["when I tried to book", "", "on my phone", "and the reference never arrived"],
    ],
    "staff": [
        [
            "the lady at the ticket office",
            "the purser",
            "the steward in the cafe",
            "the young man on the gangway",
        ],
        [
            "was really helpful and kind",
            "was rude to my elderly mother",
            "went out of his way for us",
            "ignored us for ten minutes",
        ],
        ["", "please pass this on", "thank you", "not good enough"],
    ],
}


def booking_feedback(rng: np.random.Generator, n: int, fill: float, prefix: str, start: int):
    topics = list(FEEDBACK)
    chosen = pick(rng, topics, n, p=[0.22, 0.26, 0.18, 0.18, 0.16])
    comments = [sentence(rng, FEEDBACK[t]) for t in chosen]
    filled = rng.random(n) < fill
    frame = pd.DataFrame(
        {
            "feedback_id": [f"{prefix}{start + i}" for i in range(n)],
            "received": [
                (pd.Timestamp("2024-04-01") + pd.Timedelta(days=int(d))).strftime("%Y-%m-%d")
                for d in rng.integers(0, 200, n)
            ],
            "route": pick(rng, ROUTES, n),
            "channel": pick(rng, ["email", "web form", "phone", "social"], n),
            "booking_ref": [f"KB{int(x):06d}" for x in rng.integers(100000, 999999, n)],
            "comment": comments,
            "topic": [t if f else "" for t, f in zip(chosen, filled, strict=True)],
        }
    )
    return frame, chosen


VEHICLES = {
    "car": (4.3, 0.35, 1.55, 0.08, 1450, 250),
    "van": (5.4, 0.5, 2.3, 0.2, 2600, 400),
    "motorhome": (7.2, 0.8, 3.1, 0.2, 3900, 500),
    "hgv": (15.5, 1.2, 4.0, 0.2, 28000, 6000),
    "motorbike": (2.1, 0.2, 1.2, 0.1, 230, 40),
    "car_trailer": (8.4, 1.0, 1.9, 0.3, 2300, 400),
}


def vehicle_deck(rng: np.random.Generator, n: int, outcomes: bool, start: int) -> pd.DataFrame:
    kinds = pick(rng, list(VEHICLES), n, p=[0.55, 0.14, 0.08, 0.07, 0.06, 0.10])
    rows = []
    for i, kind in enumerate(kinds):
        length, sl, height, sh, weight, sw = VEHICLES[kind]
        declared = int(max(100, round(rng.normal(weight, sw), -1)))
        rows.append(
            {
                "booking_ref": f"KB{start + i:06d}",
                "crossing_id": f"CR24-{int(rng.integers(1, 400)):04d}",
                "vehicle_type": kind,
                "length_m": round(max(1.5, rng.normal(length, sl)), 1),
                "height_m": round(max(0.9, rng.normal(height, sh)), 2),
                "declared_kg": declared,
                "weighbridge_kg": int(round(declared * rng.normal(1.0, 0.04), -1)),
                "lane": pick(rng, ["A", "B", "C", "D", "mezz"]),
                "booked_days_ahead": int(rng.integers(0, 90)),
                "checkin_mins_before": int(np.clip(rng.normal(35, 15), 0, 120)),
                "booking_channel": pick(rng, ["web", "phone", "agent", "port office"]),
            }
        )
    frame = pd.DataFrame(rows)
    if outcomes:
        z = -2.0 + 0.03 * frame["booked_days_ahead"] - 0.02 * frame["checkin_mins_before"]
        z += np.where(frame["booking_channel"] == "agent", 0.9, 0.0)
        frame["no_show"] = yes_no(rng.random(n) < sigmoid(z.to_numpy()))
        odd = rng.choice(n, size=9, replace=False)
        frame.loc[odd[0], ["vehicle_type", "length_m"]] = ["motorbike", 13.8]
        frame.loc[odd[1], ["weighbridge_kg"]] = [frame.loc[odd[1], "declared_kg"] * 4]
        frame.loc[odd[2], ["height_m"]] = [0.31]
        frame.loc[odd[3], ["vehicle_type", "declared_kg", "weighbridge_kg"]] = ["car", 31000, 30850]
        frame.loc[odd[4], ["checkin_mins_before"]] = [-45]
        frame.loc[odd[5], ["length_m", "height_m"]] = [24.0, 5.9]
        frame.loc[odd[6], ["vehicle_type", "lane"]] = ["hgv", "mezz"]
        frame.loc[odd[7], ["declared_kg"]] = [12]
        frame.loc[odd[8], ["booked_days_ahead"]] = [730]
    return frame


# --------------------------------------------------------------------------- pharmacy
BRANCHES = ["Harbour Road", "Millbrook", "Station Street", "Castle View"]
DRUG_GROUPS = [
    "antibiotic",
    "statin",
    "inhaler",
    "analgesic",
    "antidepressant",
    "dressing",
    "controlled",
    "antihypertensive",
]


def prescriptions(
    rng: np.random.Generator, n: int, month0: int, months: int, outcomes: bool, start: int
) -> pd.DataFrame:
    days = rng.integers(0, 30 * months, n)
    dates = sorted(pd.Timestamp(f"2024-{month0:02d}-01") + pd.to_timedelta(days, unit="D"))
    age = pick(rng, ["0-17", "18-39", "40-64", "65-79", "80+"], n, p=[0.1, 0.2, 0.3, 0.25, 0.15])
    repeat = rng.random(n) < 0.62
    group = pick(rng, DRUG_GROUPS, n)
    items = np.clip(rng.poisson(2.2, n) + 1, 1, 12)
    exempt = np.array([a in ("0-17", "65-79", "80+") for a in age]) | (rng.random(n) < 0.25)
    sms = rng.random(n) < 0.55
    eps = rng.random(n) < 0.8
    frame = pd.DataFrame(
        {
            "rx_id": [f"RX{start + i:06d}" for i in range(n)],
            "branch": pick(rng, BRANCHES, n),
            "issued": [d.strftime("%Y-%m-%d") for d in dates],
            "age_band": age,
            "repeat_rx": yes_no(repeat),
            "drug_group": group,
            "items": items,
            "exempt": yes_no(exempt),
            "electronic": yes_no(eps),
            "sms_reminder": yes_no(sms),
            "surgery_distance_km": np.round(rng.gamma(2.0, 1.6, n), 1),
        }
    )
    if outcomes:
        z = -1.6 - 1.1 * sms + 0.5 * repeat + 0.25 * (frame["surgery_distance_km"] - 3)
        z = z + np.where(frame["age_band"] == "18-39", 0.6, 0.0)
        z = z - np.where(frame["drug_group"] == "controlled", 1.0, 0.0)
        frame["uncollected_14d"] = yes_no(rng.random(n) < sigmoid(z.to_numpy()))
        owing_z = -2.3 + 0.25 * items + np.where(frame["drug_group"] == "inhaler", 1.1, 0.0)
        frame["owing_issued"] = yes_no(rng.random(n) < sigmoid(owing_z))
    return frame


QUERIES = {
    "stock_check": [
        ["do you have", "is there any", "have you got", "can you check if you have"],
        [
            "Piriton",
            "the children's Calpol sachets",
            "hay fever tablets",
            "Voltarol gel",
            "the 50mg sertraline",
            "Ventolin inhalers",
        ],
        ["in stock", "at the Millbrook branch", "today", "on the shelf", ""],
    ],
    "rx_status": [
        ["is my prescription", "has my repeat", "my mum's prescription", "the script from the GP"],
        [
            "ready to collect",
            "come through from the surgery yet",
            "been sent over",
            "still waiting to be made up",
        ],
        ["", "it was ordered on Monday", "name is on the bag", "please ring me back"],
    ],
    "side_effects": [
        ["since starting", "after taking", "I've been on", "my dad started"],
        ["the new tablets", "amlodipine", "the antibiotics", "citalopram"],
        [
            "I feel dizzy",
            "my ankles are swollen",
            "I get a rash",
            "I can't sleep",
            "is it normal to feel sick",
        ],
    ],
    "delivery": [
        ["can you deliver", "the delivery driver", "is home delivery available", "my delivery"],
        ["to my house", "didn't come yesterday", "for housebound patients", "to the care home"],
        ["", "on Thursday", "what time does the van come", "it was meant to be before noon"],
    ],
    "complaint": [
        ["I waited", "very unhappy that", "I want to complain because", "not impressed,"],
        [
            "forty minutes in the queue",
            "the pharmacist was dismissive",
            "I was given the wrong item",
            "nobody answers the phone",
        ],
        ["", "this keeps happening", "I expect an apology", "at the Castle View shop"],
    ],
}


def customer_queries(rng: np.random.Generator, n: int, start: int):
    kinds = list(QUERIES)
    chosen = pick(rng, kinds, n, p=[0.26, 0.28, 0.14, 0.16, 0.16])
    messages = [sentence(rng, QUERIES[k]) for k in chosen]
    escalate = np.array([k in ("complaint", "side_effects") for k in chosen])
    escalated = rng.random(n) < np.where(escalate, 0.55, 0.08)
    frame = pd.DataFrame(
        {
            "query_id": [f"Q{start + i:05d}" for i in range(n)],
            "branch": pick(rng, BRANCHES, n),
            "channel": pick(rng, ["phone", "email", "counter", "app chat"], n),
            "received_at": [
                (pd.Timestamp("2024-09-02 08:30") + pd.Timedelta(minutes=int(m))).strftime(
                    "%Y-%m-%d %H:%M"
                )
                for m in np.sort(rng.integers(0, 60 * 24 * 40, n))
            ],
            "message": messages,
            "escalated": yes_no(escalated),
        }
    )
    return frame, chosen


PRODUCTS = {
    "cold_and_flu": ["Lemsip Max", "Sudafed", "Strepsils", "Benylin Chesty"],
    "pain_relief": [
        "Paracetamol 500mg 16",
        "Ibuprofen 200mg 24",
        "Nurofen Express",
        "Voltarol gel",
    ],
    "allergy": ["Piriton", "Cetirizine 10mg", "Beconase", "Loratadine 30"],
    "baby": ["Calpol sachets", "Sudocrem", "Infacol", "Teething gel"],
    "skincare": ["E45 cream", "Aveeno lotion", "Sun cream SPF50", "Hydrocortisone 1%"],
    "first_aid": ["Plasters assorted", "Crepe bandage", "Antiseptic wipes", "Burn gel"],
}


def stock_levels(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for branch in BRANCHES:
        for category, products in PRODUCTS.items():
            for product in products:
                for pack in ("std", "large"):
                    weekly = max(0.5, rng.gamma(2.5, 4.0))
                    on_hand = int(max(0, rng.normal(weekly * 2.5, weekly)))
                    rows.append(
                        {
                            "sku": "",
                            "branch": branch,
                            "product": f"{product} ({pack})",
                            "category": category,
                            "on_hand": on_hand,
                            "avg_weekly_sales": round(weekly, 1),
                            "reorder_level": int(round(weekly * 1.5)),
                            "unit_cost_gbp": round(rng.uniform(0.6, 9.5), 2),
                            "supplier": pick(rng, ["Alliance", "Phoenix", "AAH"]),
                            "lead_time_days": int(rng.integers(1, 6)),
                        }
                    )
    frame = pd.DataFrame(rows)
    frame["sku"] = [f"{c[:3].upper()}-{i + 1:04d}" for i, c in enumerate(frame["category"])]
    cover = frame["on_hand"] / frame["avg_weekly_sales"]
    z = 1.2 - 1.3 * cover + 0.3 * frame["lead_time_days"]
    frame["ran_out_last_month"] = yes_no(rng.random(len(frame)) < sigmoid(z.to_numpy()))
    odd = rng.choice(len(frame), size=8, replace=False)
    frame.loc[odd[0], "on_hand"] = -14
    frame.loc[odd[1], "unit_cost_gbp"] = 999.0
    frame.loc[odd[2], ["on_hand", "avg_weekly_sales"]] = [640, 0.5]
    frame.loc[odd[3], "lead_time_days"] = 45
    frame.loc[odd[4], ["avg_weekly_sales", "reorder_level"]] = [310.0, 2]
    frame.loc[odd[5], ["category", "unit_cost_gbp"]] = ["baby", 0.01]
    frame.loc[odd[6], ["on_hand", "ran_out_last_month"]] = [500, "yes"]
    frame.loc[odd[7], "reorder_level"] = 900
    return frame


# --------------------------------------------------------------------------- lake rentals
KIT = ["kayak", "double_kayak", "sup", "windsurf", "dinghy", "pedalo"]


def rentals(
    rng: np.random.Generator, n: int, year: int, outcomes: bool, start: int, odd_rows: bool = False
) -> pd.DataFrame:
    if year:
        days = rng.integers(0, 170, n)
        dates = sorted(pd.Timestamp(f"{year}-04-15") + pd.to_timedelta(days, unit="D"))
    else:
        dates = sorted(pd.Timestamp("2025-06-14") + pd.to_timedelta(rng.integers(0, 2, n), "D"))
    kit = pick(rng, KIT, n, p=[0.25, 0.12, 0.28, 0.1, 0.1, 0.15])
    experience = pick(rng, ["none", "some", "certified"], n, p=[0.45, 0.4, 0.15])
    hours = pick(rng, [1, 1, 2, 2, 3, 4, 8], n)
    group = np.clip(rng.poisson(1.6, n) + 1, 1, 12)
    wind = np.round(np.clip(rng.gamma(2.2, 3.5, n), 0, 35), 0).astype(int)
    water = np.round(rng.normal(17.5, 3.0, n), 1)
    lead_age = np.clip(np.round(rng.normal(36, 13, n)), 12, 80).astype(int)
    via = pick(
        rng, ["walk-in", "website", "hotel desk", "school group"], n, p=[0.4, 0.35, 0.15, 0.1]
    )
    price = np.array(
        [
            {
                "kayak": 18,
                "double_kayak": 28,
                "sup": 20,
                "windsurf": 35,
                "dinghy": 45,
                "pedalo": 15,
            }[k]
            for k in kit
        ]
    ) * np.array(hours)
    price = np.round(price * np.where(np.array(hours) >= 8, 0.7, 1.0), 2)
    frame = pd.DataFrame(
        {
            "rental_id": [f"L{(year or 2025) % 100:02d}-{start + i:05d}" for i in range(n)],
            "date": [d.strftime("%Y-%m-%d") for d in dates],
            "kit": kit,
            "hours": hours,
            "group_size": group,
            "lead_age": lead_age,
            "experience": experience,
            "wind_kn": wind,
            "water_temp_c": water,
            "booked_via": via,
            "price_eur": price,
            "deposit_eur": pick(rng, [0, 50, 100, 150], n),
        }
    )
    if outcomes:
        novice = np.array([e == "none" for e in experience])
        tricky = np.isin(kit, ["windsurf", "dinghy", "sup"])
        z = -2.6 + 0.09 * (wind - 8) + 0.9 * novice + 0.7 * tricky
        z = z + np.where(np.array(via) == "school group", 0.8, 0.0)
        frame["damage_reported"] = yes_no(rng.random(n) < sigmoid(z))
        late_z = -1.8 + 0.35 * (group - 2) + 0.5 * (np.array(hours) <= 1) - 0.03 * (lead_age - 36)
        frame["returned_late"] = yes_no(rng.random(n) < sigmoid(late_z))
    if odd_rows:
        odd = rng.choice(n, size=8, replace=False)
        frame.loc[odd[0], "hours"] = 40
        frame.loc[odd[1], "price_eur"] = -20.0
        frame.loc[odd[2], ["kit", "group_size"]] = ["sup", 11]
        frame.loc[odd[3], "water_temp_c"] = 41.5
        frame.loc[odd[4], ["lead_age", "experience", "kit"]] = [12, "none", "windsurf"]
        frame.loc[odd[5], "price_eur"] = 1800.0
        frame.loc[odd[6], "wind_kn"] = 68
        frame.loc[odd[7], ["kit", "price_eur", "hours"]] = ["pedalo", 315.0, 1]
    return frame


INCIDENTS = {
    "minor": [
        ["customer", "child", "a guest", "paddler"],
        [
            "dropped a paddle in the shallows",
            "got a small blister from the paddle",
            "fell in near the jetty but was fine",
            "lost a sunhat overboard",
            "scraped the hull on the slipway",
            "needed a tow back, no injury",
        ],
        ["no first aid needed", "", "back out after a rest", "logged for the record"],
    ],
    "moderate": [
        ["customer", "teenager in the school group", "windsurfer", "man on a sup"],
        [
            "cut his foot on the rocks by the island",
            "capsized and swallowed water",
            "twisted an ankle getting off the pontoon",
            "was stung and had a swelling",
            "hit his head on the boom",
        ],
        [
            "first aid given at the hut",
            "plaster and ice pack",
            "parents called",
            "sent home early, advised to see a GP",
        ],
    ],
    "serious": [
        ["customer", "a young woman", "elderly guest", "instructor"],
        [
            "was pulled from the water unresponsive",
            "was taken to hospital by ambulance",
            "suffered a suspected broken arm",
            "went missing for 40 minutes in the wind",
            "showed signs of hypothermia",
        ],
        ["rescue boat launched", "ambulance called", "police informed", "RIDDOR report made"],
    ],
}


def incident_log(rng: np.random.Generator, n: int, fill: float) -> pd.DataFrame:
    classes = list(INCIDENTS)
    chosen = pick(rng, classes, n, p=[0.55, 0.3, 0.15])
    filled = rng.random(n) < fill
    return pd.DataFrame(
        {
            "incident_no": [f"INC-{i + 1:04d}" for i in range(n)],
            "date": [
                (pd.Timestamp("2023-05-01") + pd.Timedelta(days=int(d))).strftime("%Y-%m-%d")
                for d in np.sort(rng.integers(0, 520, n))
            ],
            "kit": pick(rng, KIT, n),
            "staff_on_duty": pick(rng, ["Jonas", "Mira", "Pete", "Alba", "Kuba"], n),
            "what_happened": [sentence(rng, INCIDENTS[c]) for c in chosen],
            "severity": [c if f else "" for c, f in zip(chosen, filled, strict=True)],
        }
    )


# --------------------------------------------------------------------------- rules and docs
FEEDBACK_RULES = [
    {
        "name": "mentions_refund",
        "label": "refund",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["refund", "money back"],
    },
    {
        "name": "mentions_late",
        "label": "delay",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["late", "missed our connecting"],
    },
    {
        "name": "mentions_deck",
        "label": "vehicle_deck",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["car deck", "deck crew", "lane", "campervan", "trailer"],
    },
    {
        "name": "mentions_website",
        "label": "booking_system",
        "kind": "regex",
        "column": "comment",
        "pattern": r"\b(website|app|booking page|online booking)\b",
        "ignore_case": True,
    },
    {
        "name": "mentions_people",
        "label": "staff",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["purser", "steward", "ticket office", "gangway"],
    },
]

QUERY_RULES = [
    {
        "name": "asks_in_stock",
        "label": "stock_check",
        "kind": "keyword",
        "column": "message",
        "keywords": ["in stock", "have you got", "do you have", "on the shelf"],
    },
    {
        "name": "asks_ready",
        "label": "rx_status",
        "kind": "keyword",
        "column": "message",
        "keywords": ["ready to collect", "repeat", "surgery", "made up"],
    },
    {
        "name": "symptoms",
        "label": "side_effects",
        "kind": "keyword",
        "column": "message",
        "keywords": ["dizzy", "rash", "swollen", "sick", "sleep"],
    },
    {
        "name": "mentions_delivery",
        "label": "delivery",
        "kind": "keyword",
        "column": "message",
        "keywords": ["deliver", "delivery", "van", "housebound"],
    },
    {
        "name": "unhappy",
        "label": "complaint",
        "kind": "keyword",
        "column": "message",
        "keywords": ["complain", "unhappy", "not impressed", "apology", "wrong item"],
    },
]

INCIDENT_RULES = [
    {
        "name": "ambulance_or_hospital",
        "label": "serious",
        "kind": "keyword",
        "column": "what_happened",
        "keywords": ["ambulance", "hospital", "hypothermia", "missing", "unresponsive", "broken"],
    },
    {
        "name": "first_aid_given",
        "label": "moderate",
        "kind": "keyword",
        "column": "what_happened",
        "keywords": ["first aid", "ice pack", "GP", "twisted", "cut"],
    },
    {
        "name": "no_harm",
        "label": "minor",
        "kind": "keyword",
        "column": "what_happened",
        "keywords": ["no injury", "no first aid", "was fine", "blister", "sunhat"],
    },
]

DOCS = {
    "ferry_docs/vehicle_deck_rules.md": """# Vehicle deck rules for passengers and deck crew

## Before boarding
Vehicles must report to the marshalling lanes at least 30 minutes before departure. A vehicle
that arrives after check-in closes may lose its deck space to the standby queue. The height
limit on the main deck is 4.2 metres; the mezzanine deck takes cars under 1.9 metres only.

## Heavy goods and trailers
Heavy goods vehicles are weighed at the port weighbridge. A vehicle whose weighbridge reading
is more than 10 percent above the declared weight is charged the difference and may be held
for the next sailing. Livestock trailers are loaded last and parked nearest the stern door.

## During the crossing
Passengers are not allowed on the car deck while the vessel is at sea. If you need something
from your vehicle, ask the purser, who will arrange for a crew member to escort you. Engines
must be switched off and handbrakes applied once the vehicle is parked.

## Damage on deck
Damage caused by the deck crew must be reported to the purser before leaving the vessel. A
claim is only accepted when it is reported on the day of travel with the booking reference.
""",
    "ferry_docs/refunds_and_disruption.md": """# Refunds and disruption policy

## Cancelled sailings
When a sailing is cancelled by the company, passengers may travel on the next available
sailing at no extra cost or receive a full refund. Refunds are paid to the original card within
ten working days. A sailing cancelled because of weather is treated the same way as any other
cancellation.

## Delays
If a sailing departs more than 60 minutes late, passengers can claim a voucher worth 25 percent
of the fare. The claim is made through the web form with the booking reference. Missed
onward connections are not covered unless the connection was booked as a through ticket.

## Changing a booking
Bookings can be changed up to two hours before departure. A change fee of 8 pounds applies to
vehicle bookings; foot passengers change free of charge. No-shows are not refunded.
""",
    "ferry_docs/winter_timetable_notes.txt": """Winter timetable notes (November to March)

The Portlach to Sgeir route runs two return sailings a day instead of four. The first sailing
leaves Portlach at 09:30 and the last return leaves Sgeir at 16:40.

The Kilbrae to Inchmore route keeps its full timetable, but the 19:15 sailing only runs on
Fridays and Sundays.

Dry-dock: MV Skerry Belle is out of service for three weeks in February. MV Morven Lass covers
her sailings, which means the vehicle deck capacity on that route drops from 60 cars to 42 cars.

When the forecast is Beaufort 8 or above, the duty master decides by 06:00 whether the morning
sailings run. Passengers are told by text message when their booking has a mobile number.
""",
    "pharmacy_docs/home_delivery_service.md": """# Home delivery service

## Who can use it
Home delivery is free for housebound patients and for patients over 75 who are registered with
a surgery in the delivery area. Other patients can use the service for a charge of 3 pounds per
delivery.

## Delivery days
Each branch delivers on fixed days. Harbour Road and Millbrook deliver on Monday, Wednesday and
Friday. Station Street and Castle View deliver on Tuesday and Thursday. The van leaves the
branch at 13:00 and deliveries are made before 18:00.

## Controlled drugs
Controlled drugs are delivered only to the patient or a named representative, who must sign
for them. If nobody is home, the medicine goes back to the branch and a card is left.

## Failed deliveries
After two failed deliveries the prescription is moved to collection and the patient is sent a
text message. Fridge items are never left with a neighbour.
""",
    "pharmacy_docs/owings_procedure.md": """# Owings procedure

An owing is issued when a prescription item cannot be supplied in full. The patient receives
an owing slip that shows the item, the quantity still owed and the expected date.

## Recording an owing
The dispenser records the owing in the patient medication record and on the branch owings
sheet. Each owing is checked every morning against the wholesaler delivery.

## Chasing stock
If an item is still unavailable after three working days, the pharmacist contacts the
prescriber to discuss an alternative. Inhalers and insulin are chased on the same day because
patients cannot safely go without them.

## Closing an owing
An owing is closed when the patient collects the balance or when the prescriber changes the
item. Owings older than 28 days are reviewed by the branch manager.
""",
    "pharmacy_docs/counter_faq.txt": """Counter staff frequently asked questions

Opening hours: Harbour Road opens 08:30 to 18:30 on weekdays and 09:00 to 13:00 on Saturday.
Castle View is closed on Sundays. Station Street opens until 21:00 on Thursdays.

A repeat prescription takes two working days from the surgery to the pharmacy. Patients who
order through the app get a text message when their bag is ready to collect.

Emergency supply: a pharmacist can make an emergency supply of a regular medicine when the
patient cannot reach the surgery. The patient pays a fee unless they are exempt.

Returns: medicines cannot be returned for resale once they have left the pharmacy. Unwanted
medicines can be handed in for safe disposal at any branch.
""",
    "lake_docs/safety_briefing.md": """# Safety briefing for hirers

## Buoyancy aids
Everyone on the water wears a buoyancy aid, whatever their swimming ability. Children under 12
must be accompanied by an adult in the same boat.

## Wind limits
Stand-up paddleboards and kayaks are not hired when the wind is above 15 knots. Windsurf
boards and dinghies are hired up to 22 knots to certified sailors only. The red flag on the
boathouse means all hire is suspended.

## Where you can go
Stay inside the yellow buoys. The channel east of the island is used by the ferry to the
campsite and is closed to hire craft. The shallow bay by the reeds is a bird nesting area from
April to July.

## If you capsize
Stay with your craft and wave a paddle above your head. The rescue boat is on the water at all
times during hire hours and will reach any point of the hire area within five minutes.
""",
    "lake_docs/rental_terms.md": """# Rental terms and conditions

## Deposits
A deposit is taken for every hire over one hour. The deposit is refunded when the equipment is
returned undamaged. Damage found at return is charged at the repair cost, up to the deposit.

## Late returns
Equipment returned more than 15 minutes late is charged for an extra full hour. Repeated late
returns can lead to a ban from future hire.

## Cancellations
Online bookings cancelled 48 hours before the hire are refunded in full. Bookings cancelled by
the centre because of wind or storms are refunded or moved to another day.

## Age limits
The lead hirer must be 18 or over. Hirers aged 14 to 17 may take a kayak or a pedalo with a
signed parental consent form.
""",
    "lake_docs/kit_care_guide.txt": """Kit care guide for staff

Rinse every board and kayak with fresh water at the end of the day. Sand left on a
paddleboard deck pad wears it down quickly.

Inflatable paddleboards are pumped to 15 psi. A board that loses more than 2 psi overnight is
taken out of service and sent for repair.

Dinghy sails are dried before they are folded; a wet sail left folded grows mildew within a
week. Windsurf rigs are stored with the downhaul released.

Damaged kit is tagged with a red label and recorded in the damage book with the rental number,
so the deposit decision can be checked later.
""",
}


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # ferry
    write_csv(crossings(rng, 430, 2023, True), out / "crossings_2023.csv")
    write_csv(crossings(rng, 170, 2024, True), out / "crossings_2024.csv")
    write_csv(crossings(rng, 36, 0, False), out / "sailings_next_week.csv")
    feedback, _ = booking_feedback(rng, 520, 0.16, "FB", 3001)
    write_csv(feedback, out / "booking_feedback.csv")
    fb_test, _ = booking_feedback(rng, 140, 1.0, "FT", 8001)
    write_csv(fb_test, out / "feedback_checked_q3.csv")
    write_csv(vehicle_deck(rng, 620, True, 410000), out / "vehicle_deck.csv")

    # pharmacy
    write_csv(prescriptions(rng, 700, 1, 6, True, 100001), out / "prescriptions_jan_jun.csv")
    write_csv(prescriptions(rng, 220, 7, 1, True, 200001), out / "prescriptions_july.csv")
    write_csv(prescriptions(rng, 45, 8, 1, False, 300001), out / "prescriptions_waiting.csv")
    queries, kinds = customer_queries(rng, 460, 1)
    write_csv(queries, out / "customer_queries.csv")
    labelled = rng.choice(len(queries), size=90, replace=False)
    labelled.sort()
    gold = pd.DataFrame(
        {
            "query_id": queries["query_id"].iloc[labelled].to_list(),
            "query_type": [kinds[i] for i in labelled],
        }
    )
    write_csv(gold, out / "queries_handlabelled.csv")
    write_csv(stock_levels(rng), out / "stock_levels.csv")

    # lake rentals
    write_csv(rentals(rng, 560, 2023, True, 1, odd_rows=True), out / "rentals_2023.csv")
    write_csv(rentals(rng, 210, 2024, True, 1), out / "rentals_2024.csv")
    write_csv(rentals(rng, 40, 0, False, 1), out / "weekend_bookings.csv")
    web = rentals(rng, 60, 2024, False, 5001)
    web = web.drop(columns=["deposit_eur"])
    (out / "webshop_orders.jsonl").write_text(
        "".join(json.dumps(r, sort_keys=False) + "\n" for r in web.to_dict(orient="records")),
        encoding="utf-8",
    )
    write_csv(incident_log(rng, 380, 0.22), out / "incident_log.csv")

    rules = {
        "feedback_rules.json": FEEDBACK_RULES,
        "query_rules.json": QUERY_RULES,
        "incident_rules.json": INCIDENT_RULES,
    }
    for name, lfs in rules.items():
        (out / name).write_text(json.dumps(lfs, indent=2) + "\n", encoding="utf-8")
    for rel, text in DOCS.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
