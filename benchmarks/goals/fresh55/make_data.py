"""Write the fresh55 corpus's files into DIR (deterministic, offline, seed 5555).

People: a car-wash chain (wash logs, memberships, machine faults, customer reviews), a
stamp-collectors' society (catalogue entries, auction results, condition grades, a members'
handbook) and a hospital kitchen (meal orders, allergen incidents, waste weights, supplier
notes).

Run: python make_data.py DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5555


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


def _write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def _write_json(obj: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _blank_some(values: list, keep: np.ndarray) -> list:
    return [v if k else "" for v, k in zip(values, keep, strict=True)]


# ----- car-wash chain ---------------------------------------------------------------------------
SITES = ["Northgate", "Riverside", "Airport Rd", "Millbrook", "Station Sq"]


def wash_logs(rng: np.random.Generator) -> pd.DataFrame:
    n = 900
    program = rng.choice(
        ["basic", "deluxe", "ultimate", "undercarriage"], n, p=[0.4, 0.3, 0.2, 0.1]
    )
    vehicle = rng.choice(
        ["hatchback", "saloon", "suv", "van", "pickup"], n, p=[0.3, 0.3, 0.25, 0.1, 0.05]
    )
    base_water = {"basic": 90, "deluxe": 130, "ultimate": 170, "undercarriage": 110}
    size = {"hatchback": 0.9, "saloon": 1.0, "suv": 1.2, "van": 1.35, "pickup": 1.3}
    water = np.array([base_water[p] * size[v] for p, v in zip(program, vehicle, strict=True)])
    water = np.round(water + rng.normal(0, 8, n), 1)
    chem = np.round(water * 0.35 + rng.normal(0, 4, n), 1)
    cycle = np.round(water * 2.1 + rng.normal(0, 15, n)).astype(int)
    temp = np.round(rng.normal(9, 6, n), 1)
    price = {"basic": 7.0, "deluxe": 11.0, "ultimate": 15.0, "undercarriage": 9.0}
    paid = np.array([price[p] for p in program]) * rng.choice([1.0, 1.0, 1.0, 0.8], n)
    member = rng.choice(["Y", "N"], n, p=[0.45, 0.55])
    rewash_p = 0.05 + 0.15 * (temp < 2) + 0.1 * (cycle < 200)
    rewash = np.where(rng.random(n) < rewash_p, "yes", "no")
    frame = pd.DataFrame(
        {
            "wash_id": [f"W{100000 + i}" for i in range(n)],
            "site": rng.choice(SITES, n),
            "bay": rng.integers(1, 5, n),
            "wash_date": pd.date_range("2026-09-01", periods=n, freq="107min").strftime("%Y-%m-%d"),
            "wash_program": program,
            "vehicle_type": vehicle,
            "water_litres": water,
            "chem_ml": chem,
            "cycle_secs": cycle,
            "ambient_temp_c": temp,
            "paid_eur": np.round(paid, 2),
            "member_yn": member,
            "rewash_requested": rewash,
        }
    )
    odd = [37, 212, 455, 608, 781, 860]
    frame.loc[odd[0], "water_litres"] = 1480.0
    frame.loc[odd[1], "chem_ml"] = 0.0
    frame.loc[odd[2], "cycle_secs"] = 14
    frame.loc[odd[3], ["wash_program", "paid_eur"]] = ["ultimate", 0.5]
    frame.loc[odd[4], "ambient_temp_c"] = 61.0
    frame.loc[odd[5], ["vehicle_type", "water_litres", "chem_ml"]] = ["hatchback", 402.0, 9.0]
    return frame


def memberships(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    n = 620
    tier = rng.choice(["bronze", "silver", "gold", "fleet"], n, p=[0.4, 0.3, 0.2, 0.1])
    months = rng.integers(1, 48, n)
    washes = rng.poisson(5, n)
    gap = np.round(90 / (washes + 1) + rng.normal(0, 3, n), 1)
    card_fails = rng.poisson(0.4, n)
    app = rng.choice(["yes", "no"], n, p=[0.6, 0.4])
    fee = {"bronze": 14.99, "silver": 22.99, "gold": 34.99, "fleet": 89.0}
    logit = -1.2 - 0.35 * washes + 0.9 * card_fails - 0.03 * months + 0.6 * (app == "no")
    churned = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
    up_logit = -2.0 + 0.25 * washes + 0.5 * (tier == "bronze") + 0.4 * (app == "yes")
    upgraded = np.where(rng.random(n) < 1 / (1 + np.exp(-up_logit)), "Y", "N")
    notes_pool = [
        "asked about family plan",
        "complained about queue at weekends",
        "card expired, updated by phone",
        "moved house, uses other site now",
        "very happy with ultimate wash",
        "",
        "",
        "",
        "wants receipt by email",
        "brush marks on bonnet, compensated",
    ]
    frame = pd.DataFrame(
        {
            "member_no": [f"M-{5000 + i}" for i in range(n)],
            "plan_tier": tier,
            "home_site": rng.choice(SITES, n),
            "months_active": months,
            "washes_last_90d": washes,
            "avg_days_between": gap,
            "card_fails_6m": card_fails,
            "uses_app": app,
            "monthly_fee_eur": [fee[t] for t in tier],
            "desk_notes": rng.choice(notes_pool, n),
            "churned": churned,
            "upgraded_tier": upgraded,
        }
    )
    train = frame.iloc[:440].reset_index(drop=True)
    test = frame.iloc[440:560].reset_index(drop=True)
    new = frame.iloc[560:].drop(columns=["churned", "upgraded_tier"]).reset_index(drop=True)
    return train, test, new


FAULT_TEXT = {
    "mechanical": [
        "brush arch jammed, bearing grinding noise",
        "conveyor chain slipped off sprocket",
        "dryer fan belt snapped",
        "roller bent after SUV mirror strike",
        "bearing worn on side brush, wobbling",
    ],
    "electrical": [
        "breaker tripped on dryer circuit",
        "PLC lost power, display blank",
        "contactor burnt out, smell of burning",
        "wiring chafed in gantry, short to earth",
        "fuse blown on pump motor",
    ],
    "chemical": [
        "foam dosing pump empty, no foam",
        "wax nozzle clogged, streaks on glass",
        "pre-soak concentration too strong, customer complained of residue",
        "detergent drum leaking onto bay floor",
        "chemical line air-locked, dosing stopped",
    ],
    "sensor": [
        "photo eye misaligned, car not detected",
        "proximity sensor false trigger",
        "vehicle profile sensor dirty, arch hits roof box",
        "entry loop not reading, barrier stuck",
        "ultrasonic sensor reading zero",
    ],
}


def machine_faults(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 520
    kinds = list(FAULT_TEXT)
    true = rng.choice(kinds, n, p=[0.35, 0.25, 0.2, 0.2])
    extra = [
        "",
        " again",
        ", second time this week",
        ", tech on site 40 min",
        ", reset fixed it",
        "",
    ]
    notes = [rng.choice(FAULT_TEXT[k]) + rng.choice(extra) for k in true]
    downtime = np.round(rng.gamma(2.0, 35, n)).astype(int)
    severity = np.where(downtime > 120, "bay_closed", np.where(downtime > 45, "degraded", "minor"))
    keep = rng.random(n) < 0.18
    frame = pd.DataFrame(
        {
            "fault_id": [f"F{2600 + i}" for i in range(n)],
            "site": rng.choice(SITES, n),
            "machine": rng.choice(["brush arch", "dryer", "hp pump", "conveyor", "pay station"], n),
            "reported_by": rng.choice(["shift lead", "tech", "customer", "remote alarm"], n),
            "tech_note": notes,
            "downtime_mins": downtime,
            "severity": severity,
            "fault_type": _blank_some(list(true), keep),
        }
    )
    gold_idx = np.flatnonzero(~keep)[:90]
    gold = pd.DataFrame({"fault_id": frame.loc[gold_idx, "fault_id"], "fault_type": true[gold_idx]})
    return frame, gold.reset_index(drop=True)


REVIEW_TEXT = {
    "wait_time": [
        "queued for forty minutes, only one bay open",
        "waited ages behind a van, staff did nothing",
        "the line was so long I nearly left",
    ],
    "damage": [
        "brush scratched my bonnet and nobody cares",
        "wing mirror knocked off by the arch",
        "aerial snapped in the wash, want compensation",
    ],
    "dirty_result": [
        "car still dirty on the sills after ultimate wash",
        "streaks all over the windscreen, dryer useless",
        "bird mess still on the roof, what a waste",
    ],
    "praise": [
        "spotless, quick and friendly staff",
        "great value membership, car gleaming",
        "best wash in town, the wax lasts weeks",
    ],
    "price": [
        "too expensive for what you get",
        "price went up again without notice",
        "charged twice on my card for one wash",
    ],
}


def reviews(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 480
    topics = list(REVIEW_TEXT)
    true = rng.choice(topics, n, p=[0.2, 0.15, 0.25, 0.25, 0.15])
    tail = ["", " never again", " will be back", " (Saturday morning)", " 2/10", " thanks Dave"]
    text = [rng.choice(REVIEW_TEXT[t]) + rng.choice(tail) for t in true]
    stars = np.where(true == "praise", rng.integers(4, 6, n), rng.integers(1, 4, n))
    keep = rng.random(n) < 0.2
    frame = pd.DataFrame(
        {
            "review_id": [f"R{8800 + i}" for i in range(n)],
            "site": rng.choice(SITES, n),
            "posted_on": rng.choice(["google", "app", "facebook", "email"], n),
            "stars": stars,
            "review_text": text,
            "complaint_about": _blank_some(list(true), keep),
            "replied": rng.choice(["yes", "no"], n, p=[0.3, 0.7]),
        }
    )
    gold_idx = np.flatnonzero(~keep)[:80]
    gold = pd.DataFrame(
        {"review_id": frame.loc[gold_idx, "review_id"], "complaint_about": true[gold_idx]}
    )
    return frame, gold.reset_index(drop=True)


def fault_rules() -> list[dict]:
    return [
        {
            "name": "bearing_or_belt",
            "label": "mechanical",
            "kind": "keyword",
            "column": "tech_note",
            "keywords": ["bearing", "belt", "chain", "roller", "sprocket"],
        },
        {
            "name": "power_words",
            "label": "electrical",
            "kind": "keyword",
            "column": "tech_note",
            "keywords": ["breaker", "fuse", "contactor", "wiring", "PLC"],
        },
        {
            "name": "dosing_words",
            "label": "chemical",
            "kind": "keyword",
            "column": "tech_note",
            "keywords": ["foam", "wax", "detergent", "dosing", "pre-soak"],
        },
        {
            "name": "sensor_regex",
            "label": "sensor",
            "kind": "regex",
            "column": "tech_note",
            "pattern": r"(photo eye|sensor|loop)",
            "ignore_case": True,
        },
    ]


# ----- stamp-collectors' society -----------------------------------------------------------------
COUNTRIES = ["Great Britain", "France", "Germany", "Netherlands", "Canada", "India", "Australia"]
GRADE_TEXT = {
    "MNH": [
        "unmounted mint, full original gum",
        "never hinged, post office fresh",
        "u/m mint, og intact",
    ],
    "MM": ["mounted mint, light hinge remnant", "hinged, gum disturbed", "lightly mounted mint"],
    "FU": ["fine used, neat cds", "fine used, light circular postmark", "clean cancel, good perfs"],
    "PU": [
        "heavily cancelled, thin at top",
        "short perf, creased",
        "faded, small tear, space filler",
    ],
}


def catalogue(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 560
    grades = list(GRADE_TEXT)
    true = rng.choice(grades, n, p=[0.25, 0.25, 0.3, 0.2])
    extra = ["", "; watermark inverted", "; shade variety", "; on piece", "; plate 12", ""]
    desc = [rng.choice(GRADE_TEXT[g]) + rng.choice(extra) for g in true]
    year = rng.integers(1840, 1971, n)
    keep = rng.random(n) < 0.15
    frame = pd.DataFrame(
        {
            "cat_no": [f"SC{30000 + i}" for i in range(n)],
            "country": rng.choice(COUNTRIES, n),
            "issue_year": year,
            "denomination": rng.choice(["1d", "2d", "6d", "1s", "5c", "10c", "1 anna", "2½d"], n),
            "perforation": rng.choice(["14", "14x15", "12½", "imperf", "13"], n),
            "watermark": rng.choice(["crown", "none", "multiple crown", "star", "posthorn"], n),
            "colour": rng.choice(["red", "blue", "green", "violet", "brown", "black"], n),
            "description": desc,
            "condition_grade": _blank_some(list(true), keep),
            "catalogue_value_gbp": np.round(rng.lognormal(2.5, 1.2, n), 2),
        }
    )
    gold_idx = np.flatnonzero(~keep)[:70]
    gold = pd.DataFrame({"cat_no": frame.loc[gold_idx, "cat_no"], "grade": true[gold_idx]})
    return frame, gold.reset_index(drop=True)


def auctions(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    n = 700
    grade = rng.choice(["MNH", "MM", "FU", "PU"], n, p=[0.25, 0.25, 0.3, 0.2])
    cat_val = np.round(rng.lognormal(3.0, 1.0, n), 2)
    centering = np.round(rng.uniform(1, 10, n), 1)
    cert = rng.choice(["Y", "N"], n, p=[0.2, 0.8])
    estimate = np.round(cat_val * 0.3, 0) + 5
    mult = {"MNH": 0.45, "MM": 0.3, "FU": 0.25, "PU": 0.08}
    hammer = np.round(
        cat_val
        * np.array([mult[g] for g in grade])
        * (0.7 + centering / 15)
        * (1 + 0.3 * (cert == "Y"))
        * rng.lognormal(0, 0.25, n),
        0,
    )
    above = np.where(hammer > estimate, "yes", "no")
    unsold = np.where(rng.random(n) < 0.08 + 0.2 * (grade == "PU"), "Y", "N")
    hammer = np.where(unsold == "Y", 0, hammer)
    above = np.where(unsold == "Y", "no", above)
    frame = pd.DataFrame(
        {
            "lot_no": [f"L{1200 + i}" for i in range(n)],
            "sale": rng.choice(["Spring 2025", "Autumn 2025", "Spring 2026", "Autumn 2026"], n),
            "country": rng.choice(COUNTRIES, n),
            "issue_year": rng.integers(1840, 1971, n),
            "condition_grade": grade,
            "centering_score": centering,
            "gum": rng.choice(["original", "regummed", "no gum"], n, p=[0.6, 0.1, 0.3]),
            "certificate": cert,
            "catalogue_value_gbp": cat_val,
            "estimate_gbp": estimate,
            "lot_notes": rng.choice(
                [
                    "fresh colour",
                    "tiny thin",
                    "ex-Hamilton collection",
                    "pulled perf",
                    "",
                    "",
                    "well centred",
                ],
                n,
            ),
            "hammer_gbp": hammer,
            "beat_estimate": above,
            "unsold": unsold,
        }
    )
    odd = [44, 301, 517]
    frame.loc[odd[0], "hammer_gbp"] = 48000.0
    frame.loc[odd[1], ["catalogue_value_gbp", "condition_grade", "centering_score"]] = [
        2.1,
        "MNH",
        0.2,
    ]
    frame.loc[odd[2], "issue_year"] = 1799
    train = frame.iloc[:480].reset_index(drop=True)
    test = frame.iloc[480:640].reset_index(drop=True)
    upcoming = frame.iloc[640:].drop(columns=["hammer_gbp", "beat_estimate", "unsold"])
    return train, test, upcoming.reset_index(drop=True)


def grade_rules() -> list[dict]:
    return [
        {
            "name": "unmounted",
            "label": "MNH",
            "kind": "keyword",
            "column": "description",
            "keywords": ["unmounted", "never hinged", "u/m", "post office fresh"],
        },
        {
            "name": "hinged",
            "label": "MM",
            "kind": "keyword",
            "column": "description",
            "keywords": ["mounted mint", "hinged", "hinge remnant"],
        },
        {
            "name": "fine_used",
            "label": "FU",
            "kind": "regex",
            "column": "description",
            "pattern": r"fine used|cds|clean cancel",
            "ignore_case": True,
        },
        {
            "name": "faults",
            "label": "PU",
            "kind": "keyword",
            "column": "description",
            "keywords": ["thin", "crease", "creased", "tear", "space filler", "short perf"],
        },
    ]


HANDBOOK = """
# Members' Handbook: Wexford Vale Philatelic Society

## Membership
Membership runs from 1 January to 31 December. The annual subscription is £28 for full members,
£14 for juniors under 18 and £40 for a household. New members joining after 1 October pay half
the subscription for the rest of that year. Members receive the quarterly journal *The Perforator*
and may use the society library.

## Meetings
The society meets on the second Tuesday of each month at 7.30 pm in the Church Hall, Mill Lane.
The August meeting is replaced by a summer swap-fair on the first Saturday of August.
Visitors may attend two meetings free before being asked to join.

## Auctions
The society holds two postal-and-room auctions a year, in spring and autumn. Members may enter up
to 40 lots per sale. Commission is 10% of the hammer price to the vendor, with a minimum of 50p
per lot; buyers pay no premium. Unsold lots are returned at the next meeting or posted at the
vendor's cost. Lots with a catalogue value over £250 must carry an expert certificate.

## Condition grades
The society uses four grades: MNH (unmounted mint, never hinged, full original gum), MM (mounted
mint, hinge mark or remnant), FU (fine used, light neat cancellation, all perforations intact)
and PU (poor used: thins, tears, creases, heavy cancels, short perforations). Centering is scored
from 1 to 10 by the grading committee; a score under 4 lowers a lot's estimate by a third.

## The packet
The exchange packet circulates monthly. Books must be priced in pencil, and each member on the
circuit has 5 days to make purchases and pass it on. Payment is due within 14 days of the packet's
return to the packet secretary. Members who lose a book are liable for its full value.

## Expertising
The expert committee examines suspected forgeries, regummed stamps and repairs. A certificate costs
£12 for members and £20 for non-members, and takes about six weeks.
"""

AUCTION_RULES = """
Wexford Vale PS - Conditions of Sale (room and postal auctions)

1. The highest bidder is the buyer. The auctioneer may refuse any bid and settles disputes.
2. Postal bids must reach the auction secretary by noon on the day before the sale.
3. Bidding increments: up to £20 in £1 steps; £20 to £100 in £5 steps; above £100 in £10 steps.
4. Lots are sold as described. A lot may be returned within 14 days only if an expert certificate
shows it was wrongly described; lots described as "faults" or "as is" cannot be returned.
5. Payment is due within 10 days, by bank transfer or cheque. Lots are posted once paid; postage
is charged at cost, minimum £1.50 per parcel.
6. Vendors are paid six weeks after the sale, less 10% commission.
"""


# ----- hospital kitchen --------------------------------------------------------------------------
WARDS = [
    "Ward 3 (cardiac)",
    "Ward 5 (ortho)",
    "Ward 7 (elderly)",
    "Ward 9 (maternity)",
    "Childrens",
]


def meal_orders(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    n = 980
    diet = rng.choice(["regular", "diabetic", "soft", "gluten_free", "renal", "halal"], n)
    slot = rng.choice(["breakfast", "lunch", "supper"], n, p=[0.3, 0.4, 0.3])
    ward = rng.choice(WARDS, n)
    age = rng.choice(["<18", "18-64", "65-79", "80+"], n, p=[0.1, 0.4, 0.3, 0.2])
    kcal = np.round(rng.normal(620, 120, n)).astype(int)
    minutes = np.round(rng.gamma(3, 6, n)).astype(int)
    dishes = [
        "shepherds pie",
        "vegetable curry",
        "fish in parsley sauce",
        "chicken casserole",
        "cheese omelette",
        "minced beef and mash",
        "lentil soup and roll",
        "porridge",
    ]
    uneaten = np.clip(
        np.round(
            20 + 15 * (age == "80+") + 12 * (diet == "soft") + 0.4 * minutes + rng.normal(0, 12, n)
        ),
        0,
        100,
    ).astype(int)
    mostly_left = np.where(uneaten >= 50, "yes", "no")
    late = np.where(minutes > 25, "Y", "N")
    frame = pd.DataFrame(
        {
            "order_ref": [f"MO-{70000 + i}" for i in range(n)],
            "ward": ward,
            "meal_slot": slot,
            "diet_code": diet,
            "patient_age_band": age,
            "dish": rng.choice(dishes, n),
            "portion": rng.choice(["small", "standard", "large"], n, p=[0.3, 0.55, 0.15]),
            "kcal": kcal,
            "mins_plate_to_bed": minutes,
            "nurse_comment": rng.choice(
                [
                    "",
                    "",
                    "",
                    "pt asleep at delivery",
                    "pt nil by mouth later",
                    "asked for extra gravy",
                    "too hard to chew",
                    "cold on arrival",
                    "ate well",
                ],
                n,
            ),
            "plate_left_pct": uneaten,
            "mostly_uneaten": mostly_left,
            "arrived_late": late,
        }
    )
    train = frame.iloc[:640].reset_index(drop=True)
    test = frame.iloc[640:860].reset_index(drop=True)
    new = frame.iloc[860:].drop(columns=["plate_left_pct", "mostly_uneaten", "arrived_late"])
    return train, test, new.reset_index(drop=True)


ALLERGEN_TEXT = {
    "nuts": [
        "almond flakes found on dessert sent to nut-free patient",
        "peanut satay sauce served in error",
        "walnut in the coffee cake, label missing",
    ],
    "gluten": [
        "regular bread roll on coeliac tray",
        "soup thickened with wheat flour went to GF diet",
        "breaded fish served instead of plain to coeliac",
    ],
    "dairy": [
        "milk in mashed potato for dairy-free patient",
        "butter on veg for CMPA child",
        "cheese sauce not flagged, lactose reaction",
    ],
    "egg": [
        "mayonnaise in sandwich, egg allergy on wristband",
        "quiche served to egg-allergic patient",
        "egg wash on pastry not on the recipe card",
    ],
    "sesame": [
        "sesame seeds on burger bun",
        "hummus with tahini given to sesame allergy",
        "sesame oil in stir fry not declared",
    ],
}


def allergen_incidents(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 360
    kinds = list(ALLERGEN_TEXT)
    true = rng.choice(kinds, n)
    tail = [
        "",
        "; caught at bedside",
        "; patient given antihistamine",
        "; Datix raised",
        "; near miss",
    ]
    text = [rng.choice(ALLERGEN_TEXT[k]) + rng.choice(tail) for k in true]
    outcome = rng.choice(
        ["near_miss", "no_harm", "minor_harm", "moderate_harm"], n, p=[0.4, 0.3, 0.2, 0.1]
    )
    keep = rng.random(n) < 0.2
    frame = pd.DataFrame(
        {
            "incident_no": [f"AI-{400 + i}" for i in range(n)],
            "reported": pd.date_range("2025-01-03", periods=n, freq="2D").strftime("%Y-%m-%d"),
            "ward": rng.choice(WARDS, n),
            "meal_slot": rng.choice(["breakfast", "lunch", "supper", "snack"], n),
            "what_happened": text,
            "harm_level": outcome,
            "allergen": _blank_some(list(true), keep),
        }
    )
    gold_idx = np.flatnonzero(~keep)[:60]
    gold = pd.DataFrame(
        {"incident_no": frame.loc[gold_idx, "incident_no"], "allergen": true[gold_idx]}
    )
    return frame, gold.reset_index(drop=True)


def allergen_rules() -> list[dict]:
    return [
        {
            "name": "nut_words",
            "label": "nuts",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["almond", "peanut", "walnut", "nut-free", "satay"],
        },
        {
            "name": "gluten_words",
            "label": "gluten",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["coeliac", "wheat", "bread", "breaded", "GF"],
        },
        {
            "name": "dairy_words",
            "label": "dairy",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["milk", "butter", "cheese", "lactose", "CMPA"],
        },
        {
            "name": "egg_words",
            "label": "egg",
            "kind": "regex",
            "column": "what_happened",
            "pattern": r"\begg|mayonnaise|quiche",
            "ignore_case": True,
        },
        {
            "name": "sesame_words",
            "label": "sesame",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["sesame", "tahini"],
        },
    ]


def waste_weights(rng: np.random.Generator) -> pd.DataFrame:
    n = 420
    prepared = np.round(rng.normal(38, 6, n), 2)
    served = np.round(prepared * rng.uniform(0.8, 0.95, n), 2)
    plate = np.round(served * rng.uniform(0.15, 0.4, n), 2)
    frame = pd.DataFrame(
        {
            "log_id": [f"WW{i + 1:04d}" for i in range(n)],
            "log_date": pd.date_range("2026-06-01", periods=n, freq="8h").strftime("%Y-%m-%d"),
            "meal_slot": np.tile(["breakfast", "lunch", "supper"], n // 3),
            "ward": rng.choice(WARDS, n),
            "prepared_kg": prepared,
            "served_kg": served,
            "plate_waste_kg": plate,
            "bin_kg": np.round(prepared - served + plate + rng.normal(0, 0.5, n), 2),
            "blast_chiller_temp_c": np.round(rng.normal(3, 0.6, n), 1),
            "weighed_by": rng.choice(["porter A", "porter B", "chef", "night porter"], n),
        }
    )
    frame.loc[17, "bin_kg"] = 240.0
    frame.loc[98, ["served_kg", "plate_waste_kg"]] = [61.0, 0.0]
    frame.loc[203, "blast_chiller_temp_c"] = 19.5
    frame.loc[311, ["meal_slot", "prepared_kg"]] = ["breakfast", 2.1]
    frame.loc[366, "plate_waste_kg"] = -4.0
    return frame


SUPPLIER_NOTES = """
# Supplier notes - St Brendan's Hospital catering

## Fresh Fields Produce (fruit and vegetables)
Deliveries Monday, Wednesday and Friday before 7 am to the goods-in door. Orders must be placed by
2 pm two days before delivery. Minimum order £150. Prepared vegetables (peeled potatoes, diced
onion) come in 5 kg vacuum bags with a three-day shelf life. Contact: order desk 01632 960111.

## Hartley Dairies
Milk, butter, cheese and yoghurt. Daily delivery at 6 am, including weekends. Lactose-free milk
must be ordered separately with the code LF-1L. Temperature on arrival must be 5 °C or lower; the
porter rejects and records any crate above 8 °C.

## Castle Bakery
Bread and rolls daily. Gluten-free bread is baked on a separate line on Tuesdays and Thursdays and
delivered frozen; it keeps 3 months frozen and 2 days once thawed. The bakery's allergen matrix is
updated each January and must be filed with the diet kitchen.

## Northern Protein Ltd
Fresh and frozen meat and fish, twice weekly (Tuesday, Friday). All poultry arrives chilled below
4 °C with batch numbers. Halal chicken is certified by the regional authority; certificates are
renewed every 12 months and a copy is kept in the supplier file.

## Complaints and credits
Short or damaged deliveries are reported to the supplier within 24 hours with photos; credits
appear on the next invoice. Three rejected deliveries in a quarter trigger a supplier review
with the catering manager.
"""

HACCP = """
# Kitchen food-safety procedures (HACCP summary)

## Cooking and holding
Core temperature of cooked food must reach 75 °C for at least 30 seconds, checked with a probe and
written in the cooking log. Hot food is held above 63 °C on the trolleys for no more than 90 minutes
before service on the ward.

## Cooling
Food to be chilled goes into the blast chiller within 30 minutes of cooking and must be below 5 °C
within 90 minutes. The blast chiller's temperature is logged at every meal service; a reading
above 8 °C is reported to the duty chef at once.

## Allergens
Every dish has a recipe card listing the 14 regulated allergens. Special-diet meals are plated in
the diet kitchen, sealed, labelled with the patient's name and bed, and checked against the
wristband by the nurse at the bedside. Any allergen incident is reported on Datix the same day.

## Waste
Plate waste, preparation waste and unserved food are weighed separately each meal. Figures go to
the sustainability lead monthly. Target: plate waste under 20% of food served.
"""


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: make_data.py DIR")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)

    _write_csv(wash_logs(rng), out / "wash_logs.csv")
    train, test, new = memberships(rng)
    _write_csv(train, out / "memberships_train.csv")
    _write_csv(test, out / "memberships_test.csv")
    _write_csv(new, out / "memberships_new.csv")
    faults, fault_gold = machine_faults(rng)
    _write_csv(faults, out / "machine_faults.csv")
    _write_csv(fault_gold, out / "fault_handlabels.csv")
    _write_json(fault_rules(), out / "fault_rules.json")
    revs, rev_gold = reviews(rng)
    _write_csv(revs, out / "customer_reviews.csv")
    _write_csv(rev_gold, out / "reviews_gold.csv")

    cat, cat_gold = catalogue(rng)
    _write_csv(cat, out / "stamps/catalogue_entries.csv")
    _write_csv(cat_gold, out / "stamps/grading_committee.csv")
    _write_json(grade_rules(), out / "stamps/grade_rules.json")
    a_train, a_test, a_new = auctions(rng)
    _write_csv(a_train, out / "stamps/auction_results.csv")
    _write_csv(a_test, out / "stamps/auction_results_2026.csv")
    _write_csv(a_new, out / "stamps/upcoming_lots.csv")
    _write_text(HANDBOOK, out / "stamps/members_handbook.md")
    _write_text(AUCTION_RULES, out / "stamps/conditions_of_sale.txt")

    m_train, m_test, m_new = meal_orders(rng)
    _write_csv(m_train, out / "kitchen/meal_orders_q1.csv")
    _write_csv(m_test, out / "kitchen/meal_orders_q2.csv")
    _write_csv(m_new, out / "kitchen/meal_orders_this_week.csv")
    inc, inc_gold = allergen_incidents(rng)
    _write_csv(inc, out / "kitchen/allergen_incidents.csv")
    _write_csv(inc_gold, out / "kitchen/allergen_checked.csv")
    _write_json(allergen_rules(), out / "kitchen/allergen_rules.json")
    _write_csv(waste_weights(rng), out / "kitchen/waste_weights.csv")
    _write_text(SUPPLIER_NOTES, out / "kitchen/supplier_notes.md")
    _write_text(HACCP, out / "kitchen/haccp_procedures.md")


if __name__ == "__main__":
    main()
