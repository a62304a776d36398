"""Write the fresh41 corpus's files into a folder: python make_data.py DIR.

Four invented places, all data made up here (fixed seed, offline):
- Old Weir Brewing Co. (a craft brewery with a taproom): brew batches, taproom feedback.
- QuickFix Mobile (six phone-repair shops): repair tickets, parts orders.
- Wexbury County Record Office (an archive): enquiries, a condition survey, accessions.
- Northgate Ice Arena & Skating Club: members, incident log, ice-plant readings.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 4141


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def pick(rng: np.random.RandomState, items: list, p: list | None = None):
    return items[rng.choice(len(items), p=p)]


def days_after(start: date, n: int) -> str:
    return (start + timedelta(days=int(n))).isoformat()


# ----------------------------------------------------------------------------- brewery

STYLES = {
    # style: (OG, FG, IBU, ferm temp C, typical days, lager?)
    "West Coast IPA": (1.064, 1.011, 65, 19.0, 12, False),
    "Hazy Pale": (1.052, 1.013, 30, 19.5, 10, False),
    "Best Bitter": (1.042, 1.010, 35, 19.0, 9, False),
    "Oatmeal Stout": (1.056, 1.016, 38, 18.5, 12, False),
    "Pilsner": (1.048, 1.009, 34, 11.0, 24, True),
    "Saison": (1.054, 1.005, 25, 24.0, 14, False),
    "Kettle Sour": (1.046, 1.008, 6, 20.0, 11, False),
    "Robust Porter": (1.060, 1.015, 40, 18.5, 13, False),
}
YEAST = {
    "West Coast IPA": "US-05",
    "Hazy Pale": "Verdant",
    "Best Bitter": "Windsor",
    "Oatmeal Stout": "S-04",
    "Pilsner": "W-34/70",
    "Saison": "Belle Saison",
    "Kettle Sour": "US-05",
    "Robust Porter": "S-04",
}
BREWERS = ["Dan", "Priya", "Gaz", "Mo"]

NOTE_OK = [
    "clean ferment, hit gravity on day {d}",
    "smooth brew day, mash pH 5.3, good runoff",
    "tasted bright and clean at crash",
    "all to plan, dry hop went in at {dh} g/L",
    "good attenuation, no surprises",
    "sparge a bit slow but nothing to worry about",
]
NOTE_BY_FLAVOUR = {
    "diacetyl": [
        "buttery note at tasting, left on yeast longer",
        "bit of butterscotch on the nose, d-rest cut short",
        "slick mouthfeel, possible diacetyl",
    ],
    "acetaldehyde": [
        "green apple on tasting, transferred early",
        "tastes green, crashed before gravity was stable",
        "cidery edge, yeast looked tired",
    ],
    "DMS": [
        "creamed corn smell after boil, lid was half on",
        "short boil because of the power cut, sweetcorn aroma",
    ],
    "oxidised": [
        "cardboard note after dry hop, tank was opened twice",
        "papery and dull, oxygen pickup at transfer",
        "hop aroma faded fast, O2 reading high",
    ],
    "infected": [
        "pellicle on top of FV, sour smell",
        "gushing samples, ropey texture, funky",
        "vinegar smell, gasket on the racking arm was cracked",
    ],
}


def brew_batches(rng: np.random.RandomState, n: int, start: date, first_no: int) -> pd.DataFrame:
    rows = []
    styles = list(STYLES)
    for i in range(n):
        style = pick(rng, styles)
        og, fg, ibu, temp, days, lager = STYLES[style]
        og_v = og + rng.normal(0, 0.0025)
        ferm_temp = temp + rng.normal(0, 1.2)
        ferm_days = max(5, int(round(days + rng.normal(0, 2.5))))
        dry_hop = (
            round(float(max(0, rng.normal(8 if "IPA" in style or "Pale" in style else 0.5, 2))), 1)
            if style != "Pilsner"
            else 0.0
        )
        mash = round(66 + rng.normal(0, 1.1), 1)
        tank = f"FV{rng.randint(1, 9)}"
        # the off-flavour risk rises with a short or warm ferment, heavy dry hop, FV7's gasket
        risk = {
            "diacetyl": 0.06 + 0.25 * (ferm_days < days - 2) + 0.15 * lager,
            "acetaldehyde": 0.02 + 0.2 * (ferm_days < days - 3),
            "DMS": 0.02 + 0.08 * lager,
            "oxidised": 0.03 + 0.02 * dry_hop,
            "infected": 0.01 + 0.12 * (tank == "FV7") + 0.05 * (style == "Kettle Sour"),
        }
        flavour = "none"
        for name, p in risk.items():
            if rng.rand() < p:
                flavour = name
                break
        fg_v = (
            fg + rng.normal(0, 0.0015) + (0.004 if flavour in ("diacetyl", "acetaldehyde") else 0)
        )
        if flavour == "infected":
            fg_v -= 0.004
        abv = (og_v - fg_v) * 131.25
        if flavour == "none":
            note = pick(rng, NOTE_OK).format(d=ferm_days, dh=dry_hop)
            if rng.rand() < 0.15:
                note += "; " + pick(rng, NOTE_OK).format(d=ferm_days, dh=dry_hop)
        else:
            note = pick(rng, NOTE_BY_FLAVOUR[flavour])
            if rng.rand() < 0.4:
                note = pick(rng, NOTE_OK).format(d=ferm_days, dh=dry_hop) + ", but " + note
        if flavour == "none":
            qc = "pass" if rng.rand() < 0.93 else "rework"
        elif flavour == "infected":
            qc = "dump" if rng.rand() < 0.8 else "rework"
        elif flavour in ("diacetyl", "acetaldehyde"):
            qc = "rework" if rng.rand() < 0.7 else "pass"
        else:
            qc = "rework" if rng.rand() < 0.5 else ("dump" if rng.rand() < 0.3 else "pass")
        rows.append(
            {
                "batch_no": f"B{first_no + i}",
                "brew_date": days_after(start, i * 1.7 + rng.randint(0, 2)),
                "style": style,
                "brewer": pick(rng, BREWERS),
                "yeast": YEAST[style],
                "tank": tank,
                "OG": round(og_v, 3),
                "FG": round(fg_v, 3),
                "ABV_pct": round(abv, 1),
                "IBU": int(round(ibu + rng.normal(0, 4))),
                "mash_temp_C": mash,
                "ferm_temp_C": round(ferm_temp, 1),
                "ferm_days": ferm_days,
                "dry_hop_g_per_L": dry_hop,
                "brewer_notes": note,
                "qc_outcome": qc,
                "off_flavour": flavour,
            }
        )
    return pd.DataFrame(rows)


FEEDBACK = {
    "positive": [
        "Lovely {beer}, really fresh and the staff were brilliant",
        "Best {beer} I've had in ages, will be back",
        "Great atmosphere on quiz night and the {beer} was spot on",
        "Friendly bar team, {beer} was gorgeous, dog friendly too",
        "Cracking pint of {beer}, perfectly clear and cold",
        "Loved the flight, the {beer} stood out. Lovely spot by the river",
        "Really good value tasting paddle and super helpful staff",
    ],
    "negative": [
        "{beer} was flat and warm, waited 20 minutes to be served",
        "Sour taste in the {beer}, sent it back, barman was rude about it",
        "Way too expensive for a half, and the toilets were dirty",
        "Glass was dirty and the {beer} tasted off, disappointed",
        "Music far too loud, could not hear ourselves, {beer} was cloudy",
        "Booked a table and it was given away, terrible service",
        "Card machine down again and they would not take cash, shambles",
    ],
    "mixed": [
        "{beer} was great but the wait at the bar was far too long",
        "Nice place, shame the food truck had run out by 7",
        "Good beer, bit pricey, seating is uncomfortable",
        "Staff lovely but the {beer} was a bit flat tonight",
        "Decent {beer} though it was too busy to find a seat",
    ],
}
BEERS = ["IPA", "Weir Pale", "stout", "pils", "saison", "sour", "porter", "bitter"]


def taproom_feedback(rng: np.random.RandomState, n: int) -> pd.DataFrame:
    rows = []
    start = date(2023, 3, 1)
    for i in range(n):
        mood = pick(rng, ["positive", "negative", "mixed"], [0.55, 0.28, 0.17])
        beer = pick(rng, BEERS)
        text = pick(rng, FEEDBACK[mood]).format(beer=beer)
        if rng.rand() < 0.2:
            text += pick(rng, [" !!", ".", " - cheers", " x", " 👍", ""])
        stars = {
            "positive": pick(rng, [4, 5, 5]),
            "negative": pick(rng, [1, 1, 2]),
            "mixed": pick(rng, [2, 3, 3, 4]),
        }[mood]
        rows.append(
            {
                "fb_id": 5001 + i,
                "date": days_after(start, rng.randint(0, 420)),
                "source": pick(rng, ["Google", "Untappd", "comment card", "Facebook"]),
                "beer_mentioned": beer,
                "stars": stars,
                "comment": text,
                "sentiment": mood,
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- phone repair

SHOPS = [
    "Leeds Kirkgate",
    "Bradford Broadway",
    "York Coney St",
    "Wakefield Trinity",
    "Hull Prospect",
    "Harrogate",
]
BRANDS = {
    "Apple": ["iPhone 11", "iPhone 12", "iPhone 13", "iPhone 14", "iPhone SE"],
    "Samsung": ["Galaxy S21", "Galaxy S22", "Galaxy A52", "Galaxy A13"],
    "Google": ["Pixel 6", "Pixel 7a"],
    "Xiaomi": ["Redmi Note 11", "Redmi 10"],
    "Motorola": ["Moto G31", "Moto G52"],
}
ISSUES = {
    "screen": [
        "dropped it, screen cracked across the top",
        "touch not responding on the left side, glass smashed",
        "display has green lines and flickers",
        "screen shattered, black patches spreading",
        "cracked screen after fall, still turns on",
    ],
    "battery": [
        "battery drains in a couple of hours",
        "phone shuts off at 30 percent",
        "battery swollen, back is lifting",
        "won't hold charge, gets hot",
        "battery health 71%, dies by lunchtime",
    ],
    "charging_port": [
        "charger keeps falling out, only charges at an angle",
        "not charging at all with any cable",
        "lint in port? charging very slow",
        "charging port loose, says accessory not supported",
    ],
    "water_damage": [
        "dropped in the bath, no power",
        "got wet in the rain, speaker muffled and screen foggy",
        "fell in the toilet, turns on then dies",
        "spilled coffee over it, buttons sticky and no sound",
    ],
    "software": [
        "stuck on the logo, boot loop",
        "keeps restarting after update",
        "forgot passcode, locked out",
        "apps crashing, very laggy after update",
    ],
    "camera": [
        "rear camera blurry, won't focus",
        "camera app black screen",
        "lens cracked, photos have a smudge",
    ],
}
PARTS = {
    "screen": 55,
    "battery": 22,
    "charging_port": 14,
    "water_damage": 30,
    "software": 0,
    "camera": 35,
}
LABOUR = {
    "screen": 45,
    "battery": 35,
    "charging_port": 50,
    "water_damage": 90,
    "software": 40,
    "camera": 40,
}
TECHS = ["RK", "SJ", "AB", "LM", "TP", "HN", "CW"]


def repair_rows(
    rng: np.random.RandomState, n: int, start: date, first_no: int, outcome: bool
) -> pd.DataFrame:
    rows = []
    cats = list(ISSUES)
    for i in range(n):
        cat = pick(rng, cats, [0.34, 0.22, 0.13, 0.09, 0.12, 0.10])
        brand = pick(rng, list(BRANDS), [0.42, 0.3, 0.1, 0.1, 0.08])
        model = pick(rng, BRANDS[brand])
        text = pick(rng, ISSUES[cat])
        if rng.rand() < 0.25:
            text = pick(rng, ["cust says ", "customer: ", "", "walk-in, "]) + text
        part_grade = pick(
            rng, ["OEM", "premium aftermarket", "budget aftermarket"], [0.35, 0.4, 0.25]
        )
        if cat == "software":
            part_grade = "none"
        parts = PARTS[cat] * (
            1.6 if part_grade == "OEM" else 1.0 if part_grade.startswith("premium") else 0.6
        )
        parts = round(max(0.0, parts * (1.3 if brand == "Apple" else 1.0) + rng.normal(0, 4)), 2)
        labour = int(max(10, LABOUR[cat] + rng.normal(0, 12)))
        tech = pick(rng, TECHS)
        shop = pick(rng, SHOPS)
        turnaround = round(
            max(0.5, labour / 60 + rng.exponential(5 if cat == "water_damage" else 2)), 1
        )
        quoted = round(parts + labour * 0.9 + 15, 0)
        p_return = (
            0.05 + 0.18 * (part_grade == "budget aftermarket") + 0.12 * (cat == "water_damage")
        )
        p_return += 0.08 * (tech == "TP") + 0.05 * (cat == "charging_port")
        row = {
            "ticket_id": f"QF-{first_no + i}",
            "shop": shop,
            "date_in": days_after(start, rng.randint(0, 300)),
            "brand": brand,
            "model": model,
            "customer_issue": text,
            "tech": tech,
            "part_grade": part_grade,
            "parts_cost_gbp": parts,
            "labour_mins": labour,
            "turnaround_hrs": turnaround,
            "quoted_price_gbp": quoted,
            "fault_category": cat,
        }
        if outcome:
            row["warranty_return"] = "Y" if rng.rand() < p_return else "N"
        rows.append(row)
    return pd.DataFrame(rows)


def parts_orders(rng: np.random.RandomState, n: int) -> pd.DataFrame:
    parts = {
        "iPhone 13 screen (OEM)": 118.0,
        "iPhone 12 screen (aftermarket)": 42.0,
        "Galaxy S22 screen": 96.0,
        "iPhone battery": 19.5,
        "Samsung battery": 14.0,
        "USB-C port flex": 6.5,
        "Lightning port flex": 8.0,
        "rear camera module": 31.0,
        "adhesive strips (pack 50)": 9.0,
    }
    suppliers = ["MobileParts UK", "FixSource", "ShenPart Direct", "Repair Hub Wholesale"]
    rows = []
    start = date(2023, 1, 4)
    for i in range(n):
        part = pick(rng, list(parts))
        unit = parts[part] * (1 + rng.normal(0, 0.07))
        qty = int(max(1, rng.poisson(8)))
        supplier = pick(rng, suppliers)
        ship = int(max(1, rng.normal(9 if supplier == "ShenPart Direct" else 3, 1.5)))
        rows.append(
            {
                "order_ref": f"PO-{23000 + i}",
                "ordered_on": days_after(start, i // 2),
                "shop": pick(rng, SHOPS),
                "supplier": supplier,
                "part": part,
                "qty": qty,
                "unit_cost_gbp": round(unit, 2),
                "order_total_gbp": round(unit * qty, 2),
                "ship_days": ship,
                "faulty_on_arrival": int(
                    rng.poisson(0.2 if supplier != "ShenPart Direct" else 0.8)
                ),
            }
        )
    df = pd.DataFrame(rows)
    # a few odd rows: typo'd price, huge quantity, negative qty, impossible shipping time
    df.loc[17, ["unit_cost_gbp", "order_total_gbp"]] = [1180.0, 1180.0 * df.loc[17, "qty"]]
    df.loc[88, ["qty", "order_total_gbp"]] = [400, round(400 * df.loc[88, "unit_cost_gbp"], 2)]
    df.loc[141, ["qty", "order_total_gbp"]] = [-6, round(-6 * df.loc[141, "unit_cost_gbp"], 2)]
    df.loc[203, "ship_days"] = 64
    df.loc[251, ["supplier", "ship_days"]] = ["FixSource", 0]
    df.loc[262, "faulty_on_arrival"] = 19
    return df


# ----------------------------------------------------------------------------- archive

ENQ = {
    "family_history": [
        "Looking for the baptism of my great grandmother Ellen {name}, born around 18{yy} in {parish}",
        "Do you hold the parish registers for {parish}? Trying to trace the {name} family",
        "Researching my family tree, need burial records for {parish} 18{yy}-18{yy2}",
        "Could you check the 1841 census entries for the {name} household in {parish}",
    ],
    "property_land": [
        "Need the tithe map and apportionment for {parish} to show a field boundary",
        "Seeking title deeds for a cottage on Mill Lane, {parish}, pre 1900",
        "Enclosure award for {parish} please, dispute over a right of way",
        "Do you have estate plans showing the drainage ditch at {parish} farm",
    ],
    "legal_probate": [
        "Acting for the executors, we require a copy of the will of Arthur {name} of {parish}",
        "Solicitor enquiry: quarter sessions papers relating to a 19{yy} case",
        "Please confirm whether a probate inventory survives for {name}, d. 17{yy}",
        "We need certified copies of the coroner's inquest file for our client",
    ],
    "local_history": [
        "Writing a history of the {parish} village school, do you have log books",
        "Any photographs of the old railway station at {parish}?",
        "Researching the workhouse at Wexbury for a community exhibition",
        "Looking at parish council minutes from the 1950s for a talk",
    ],
}
URGENT_TAIL = [
    " - hearing is next week",
    " urgently, completion date is Friday",
    " as soon as possible please, court deadline",
    " for a tribunal on the 14th",
]
PARISHES = [
    "Ashby Parva",
    "Long Wexbury",
    "Hatherden",
    "Coldharbour",
    "St Mary Stoke",
    "Fenwick Marsh",
]
SURNAMES = ["Holloway", "Pratt", "Ashdown", "Mercer", "Tilley", "Quayle", "Beddoes"]


def enquiries(rng: np.random.RandomState, n: int) -> pd.DataFrame:
    rows = []
    start = date(2023, 1, 3)
    req_for = {
        "family_history": ["member of public", "genealogist"],
        "property_land": ["solicitor", "member of public", "local authority"],
        "legal_probate": ["solicitor", "solicitor", "executor"],
        "local_history": ["academic", "member of public", "local society"],
    }
    for i in range(n):
        topic = pick(rng, list(ENQ), [0.42, 0.2, 0.15, 0.23])
        text = pick(rng, ENQ[topic]).format(
            name=pick(rng, SURNAMES),
            parish=pick(rng, PARISHES),
            yy=rng.randint(10, 60),
            yy2=rng.randint(60, 99),
        )
        urgent = rng.rand() < (0.45 if topic in ("legal_probate", "property_land") else 0.05)
        if urgent:
            text += pick(rng, URGENT_TAIL)
        pages = int(max(1, rng.lognormal(2.0 if topic != "family_history" else 1.2, 0.7)))
        days = int(max(1, rng.normal(9 + pages / 6 - (5 if urgent else 0), 4)))
        rows.append(
            {
                "enquiry_id": f"ENQ/23/{1000 + i}",
                "received": days_after(start, rng.randint(0, 360)),
                "channel": pick(
                    rng,
                    ["email", "post", "in person", "phone", "web form"],
                    [0.5, 0.1, 0.12, 0.1, 0.18],
                ),
                "requester": pick(rng, req_for[topic]),
                "enquiry_text": text,
                "est_pages": pages,
                "days_to_answer": days,
                "answered_in_target": "Y" if days <= 15 else "N",
                "topic": topic,
                "urgency": "urgent" if urgent else "routine",
            }
        )
    return pd.DataFrame(rows)


FORMATS = ["bound volume", "loose bundle", "map/plan", "photograph", "parchment roll", "box file"]
SERIES = ["PR/ASH", "PR/LWX", "QS/1", "DDX/14", "TM/3", "EST/HAT", "BG/WEX", "SCH/7"]


def condition_survey(
    rng: np.random.RandomState, n: int, first: int, with_outcome: bool
) -> pd.DataFrame:
    rows = []
    for i in range(n):
        fmt = pick(rng, FORMATS, [0.3, 0.22, 0.14, 0.1, 0.06, 0.18])
        y0 = int(rng.randint(1580, 1965))
        y1 = y0 + int(rng.randint(0, 40))
        cond = int(np.clip(round(3.6 - (1900 - y0) / 160 + rng.normal(0, 0.9)), 1, 5))
        mould = rng.rand() < (0.12 if fmt in ("loose bundle", "box file") else 0.05)
        handled = int(max(0, rng.exponential(6)))
        rh = round(float(rng.normal(52, 6)), 1)
        score = (
            (5 - cond) * 0.9
            + 2.2 * mould
            + 0.7 * (fmt in ("map/plan", "parchment roll"))
            + (rh - 52) / 10
        )
        row = {
            "item_ref": f"{pick(rng, SERIES)}/{first + i}",
            "format": fmt,
            "date_from_yr": y0,
            "date_to_yr": y1,
            "extent_pages": int(max(1, rng.lognormal(4.5, 1.0))) if fmt != "photograph" else 1,
            "condition_1to5": cond,
            "mould_seen": "yes" if mould else "no",
            "store_RH_pct": rh,
            "times_produced_last_5y": handled,
            "surveyor": pick(rng, ["JT", "MB", "AK"]),
            "surveyor_comment": pick(
                rng,
                [
                    "sound",
                    "spine split",
                    "foxing throughout",
                    "tears at folds",
                    "ink flaking",
                    "some dust",
                    "water stain lower edge",
                    "fragile, do not produce",
                    "",
                ],
            ),
        }
        if with_outcome:
            row["needs_conservation"] = "yes" if score + rng.normal(0, 0.9) > 2.4 else "no"
        rows.append(row)
    return pd.DataFrame(rows)


def accessions(rng: np.random.RandomState, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        y0 = int(rng.randint(1650, 1990))
        boxes = int(max(1, rng.poisson(4)))
        rows.append(
            {
                "accession_no": f"ACC {2019 + i // 80}/{i % 80 + 1:03d}",
                "depositor_type": pick(
                    rng, ["parish", "solicitors", "family", "council", "society", "business"]
                ),
                "date_from": y0,
                "date_to": y0 + int(rng.randint(0, 60)),
                "boxes": boxes,
                "linear_m": round(boxes * 0.13 + rng.normal(0, 0.03), 2),
                "items_listed": int(boxes * rng.randint(15, 40)),
                "cataloguing_hrs": round(boxes * 2.5 + rng.normal(0, 2), 1),
            }
        )
    df = pd.DataFrame(rows)
    df.loc[23, "date_to"] = df.loc[23, "date_from"] - 140  # ends before it starts
    df.loc[77, ["boxes", "linear_m"]] = [3, 41.0]  # 41 m for 3 boxes
    df.loc[130, "items_listed"] = 9800
    df.loc[191, "cataloguing_hrs"] = -12.0
    df.loc[240, ["date_from", "date_to"]] = [2031, 2040]
    return df


# ----------------------------------------------------------------------------- ice rink

COACHES = ["Irina", "Stuart", "Megan", "Tomasz", "none"]


def members(
    rng: np.random.RandomState, n: int, first: int, start: date, outcomes: bool
) -> pd.DataFrame:
    rows = []
    for i in range(n):
        discipline = pick(
            rng, ["figure", "ice hockey", "speed", "recreational"], [0.38, 0.3, 0.07, 0.25]
        )
        age = int(np.clip(rng.gamma(3.0, 5.0) + 4, 4, 72))
        plan = pick(rng, ["monthly DD", "term", "annual", "pay as you go"], [0.35, 0.3, 0.15, 0.2])
        sessions = int(rng.poisson(14 if discipline != "recreational" else 6))
        lessons = int(rng.poisson(5 if discipline == "figure" else 2))
        coach = pick(rng, COACHES) if lessons else "none"
        owed = round(float(max(0, rng.normal(-10, 25))), 2)
        level = pick(
            rng,
            [
                "Skate UK 1-3",
                "Skate UK 4-6",
                "Skate UK 7-8",
                "Bronze",
                "Silver",
                "Gold",
                "adult learn",
            ],
        )
        row = {
            "member_id": f"NIA{first + i:05d}",
            "joined": days_after(start, rng.randint(0, 900)),
            "age": age,
            "discipline": discipline,
            "level": level,
            "plan": plan,
            "sessions_last_90d": sessions,
            "lessons_booked": lessons,
            "coach": coach,
            "fees_owed_gbp": owed,
            "comp_entered": "Y" if rng.rand() < (0.3 if discipline == "figure" else 0.1) else "N",
            "newsletter_opt_in": pick(rng, ["Y", "N"]),
        }
        if outcomes:
            z = (
                0.12 * sessions
                + 0.2 * lessons
                - 0.04 * owed
                + 0.8 * (plan == "annual")
                - 0.6 * (plan == "pay as you go")
                - 1.1
            )
            row["renewed"] = "yes" if rng.rand() < 1 / (1 + np.exp(-z)) else "no"
            z2 = (
                0.35 * lessons
                + 0.04 * sessions
                - 0.04 * max(0, age - 16)
                + 0.5 * (coach == "Irina")
                - 2.0
            )
            row["passed_next_level"] = "yes" if rng.rand() < 1 / (1 + np.exp(-z2)) else "no"
        rows.append(row)
    return pd.DataFrame(rows)


INCIDENTS = {
    "minor": [
        "child fell on public skate, bumped knee, back on ice after a few minutes",
        "skater grazed hand on the barrier, plaster given",
        "blister from hire skates, given a plaster and swapped size",
        "slipped on wet floor by skate hire, no injury",
        "small cut on finger from skate blade while lacing, cleaned and dressed",
    ],
    "moderate": [
        "collision between two skaters, one with a nosebleed, sat out rest of session",
        "hockey player took a puck to the shin, ice pack applied, parent collected",
        "fell backwards during lesson, banged head, no loss of consciousness, monitored 30 min",
        "twisted ankle coming off the ice, could not weight bear, parent took to walk-in centre",
    ],
    "serious": [
        "skater fell and could not move wrist, suspected fracture, ambulance called",
        "head injury with brief loss of consciousness, 999 called, taken to A&E",
        "deep cut to leg from blade, heavy bleeding, ambulance attended",
        "adult collapsed on ice during disco night, defib brought out, paramedics took over",
    ],
}


def incident_log(rng: np.random.RandomState, n: int) -> pd.DataFrame:
    rows = []
    start = datetime(2023, 9, 2, 10, 0)
    for i in range(n):
        sev = pick(rng, ["minor", "moderate", "serious"], [0.66, 0.25, 0.09])
        text = pick(rng, INCIDENTS[sev])
        if rng.rand() < 0.2:
            text = text.capitalize() + pick(
                rng, [". Steward on duty: KB", ". CCTV saved", "", ". Form 3 filled"]
            )
        when = start + timedelta(days=int(rng.randint(0, 330)), hours=int(rng.randint(0, 12)))
        rows.append(
            {
                "incident_no": f"INC-{2300 + i}",
                "date_time": when.strftime("%Y-%m-%d %H:%M"),
                "session_type": pick(
                    rng,
                    [
                        "public skate",
                        "learn to skate",
                        "hockey training",
                        "figure patch",
                        "disco night",
                    ],
                ),
                "location": pick(
                    rng,
                    ["main pad", "studio pad", "skate hire", "changing rooms", "cafe"],
                    [0.55, 0.2, 0.1, 0.1, 0.05],
                ),
                "what_happened": text,
                "first_aider": pick(rng, ["KB", "JS", "RT", "duty manager"]),
                "ambulance": "Y" if sev == "serious" and rng.rand() < 0.85 else "N",
                "severity": sev,
            }
        )
    return pd.DataFrame(rows)


def ice_plant(rng: np.random.RandomState, n: int) -> pd.DataFrame:
    rows = []
    start = datetime(2024, 1, 8, 6, 0)
    for i in range(n):
        t = start + timedelta(hours=i)
        busy = 9 <= t.hour <= 22
        pad = "main" if i % 2 == 0 else "studio"
        air = 9 + 4 * busy + rng.normal(0, 1)
        brine_out = -9.5 + rng.normal(0, 0.3)
        ice = -4.2 + 0.08 * (air - 10) + rng.normal(0, 0.2)
        rows.append(
            {
                "reading_id": 70000 + i,
                "logged_at": t.strftime("%Y-%m-%d %H:%M"),
                "pad": pad,
                "ice_surface_C": round(ice, 2),
                "brine_out_C": round(brine_out, 2),
                "brine_return_C": round(brine_out + 1.6 + 0.1 * busy + rng.normal(0, 0.15), 2),
                "air_temp_C": round(air, 1),
                "humidity_pct": round(float(rng.normal(55 + 8 * busy, 4)), 1),
                "compressor_kW": round(float(62 + 10 * busy + rng.normal(0, 3)), 1),
                "hrs_since_resurface": round(float(rng.uniform(0, 3.5)), 1),
            }
        )
    df = pd.DataFrame(rows)
    df.loc[45, "ice_surface_C"] = 1.8  # soft ice
    df.loc[119, ["brine_out_C", "brine_return_C"]] = [-3.1, -8.9]  # return colder than supply
    df.loc[200, "compressor_kW"] = 171.0
    df.loc[301, "humidity_pct"] = 97.0
    df.loc[388, "hrs_since_resurface"] = 41.0
    df.loc[455, ["air_temp_C", "compressor_kW"]] = [24.5, 35.0]
    return df


# ----------------------------------------------------------------------------- documents

BREW_CIP = """
# CIP cleaning SOP: fermenters and brite tanks

Owner: Production (Dan). Last reviewed March 2024.

## When to clean

Every fermenter (FV1 to FV8) is cleaned in place after each transfer and before every new
brew. A brite tank is cleaned after every packaging run. If a tank has held a Kettle Sour it is
cleaned twice and its gaskets are swapped before it holds a clean beer again.

## The cycle

1. Pre-rinse with warm water at 45 C for 10 minutes until the run-off is clear.
2. Caustic wash with 2% sodium hydroxide at 70 C for 30 minutes through the spray ball.
3. Rinse with cold water until the pH of the run-off is neutral (pH strips in the drawer).
4. Acid rinse with 1% phosphoric/nitric blend at ambient temperature for 15 minutes.
5. Sanitise with peracetic acid at 200 ppm immediately before filling; no rinse afterwards.

If the caustic is below 1.5% the cycle is repeated, because a weak caustic does not remove
beerstone. Caustic is replaced every fifth cycle or when it turns dark brown.

## Safety

Caustic and acid are never mixed. Goggles, gloves and an apron are worn for every chemical
step. A tank is never sealed during a hot caustic cycle, because the cooling vapour can pull a
vacuum and crush the tank. The pressure relief valve is checked before each cycle.

## Records

Each cycle is logged on the tank sheet with the date, the caustic strength, the operator's
initials and the ATP swab reading. An ATP reading above 150 RLU means the tank is cleaned again.
"""

BREW_HANDBOOK = """
# Taproom staff handbook

Welcome to the Old Weir taproom. This handbook covers opening, serving and closing.

## Opening

The taproom opens at 4pm Wednesday to Friday and at noon on weekends. The opener checks the
cellar temperature, which should be between 10 and 12 C, and pulls a half pint through every
line before service. Any line that pours cloudy or flat is turned off and reported to the
brewer on shift.

## Serving

Every pint is poured into a clean, rinsed glass. A flight is four thirds of a pint on a
paddle. Staff check ID for anyone who looks under 25, which is the Challenge 25 policy. Dogs
are welcome but must stay on a lead. Children are allowed until 8pm when with an adult.

Complaints about a beer are taken seriously: the pint is replaced or refunded without argument
and the line is tasted. If two complaints come in about the same beer in one shift, the beer is
pulled and the brewer is messaged.

## Allergens

All of our beers contain barley and most contain wheat or oats. The Hazy Pale contains oats
and lactose is never used. Gluten-free cans from a partner brewery are kept in the bottom
fridge. Staff never guess about allergens; the allergen folder behind the bar has every recipe.

## Closing

Lines are capped, drip trays emptied and washed, and the glass washer is drained. The till is
counted by two people. The closer sets the alarm and messages the group chat when the building
is locked.
"""

ALLERGEN_FAQ = """
Old Weir Brewing - allergen questions we get asked

Is any beer gluten free? No. Every Old Weir beer is brewed with malted barley, which contains
gluten. We stock gluten-free cans from a partner brewery instead.

Do you use fish finings? No. Our beers are unfined and suitable for vegans, except the
Honey Porter special, which contains honey.

Does the Hazy Pale contain oats? Yes. The Hazy Pale is brewed with malted oats and wheat, so it
is not suitable for people with a wheat allergy.

Is there lactose in the stout? No. The Oatmeal Stout gets its body from oats and crystal malt,
not from milk sugar.

What about sulphites? Sulphites occur naturally in beer at low levels, below 10 mg per litre,
so they do not have to be declared.
"""

WARRANTY = """
# QuickFix Mobile repair warranty

## What is covered

Every repair carries a 90-day warranty on the part fitted and the labour. If the same fault
comes back within 90 days, the repair is redone free of charge at any QuickFix shop. Screens
fitted with OEM parts carry a 12-month warranty instead.

## What is not covered

The warranty does not cover new accidental damage, such as a fresh crack or a drop in water.
It is void if the phone has been opened by anyone else after our repair. Water-damaged phones
are repaired on a best-efforts basis and carry a 30-day warranty only, because corrosion can
keep spreading after the repair.

## How a claim works

The customer brings the phone and the ticket number to any shop. The technician checks the
repair sticker and the ticket history. If the claim is accepted, the job is logged as a
warranty return against the original ticket, and the original technician is told. A claim is
rejected if the repair sticker is broken.

## Refunds

A refund is given when a warranty repair fails a second time. Refunds are paid back to the
original card within five working days. Data on the phone is never covered: customers are
asked to back up before every repair.
"""

BATTERY_PROC = """
Battery replacement procedure (all shops)

Before starting, the technician records the battery health shown in settings and asks the
customer to back up. A swollen battery is never punctured or bent; it is lifted slowly with
plastic tools and isopropyl alcohol to soften the adhesive.

The phone is powered down and the battery connector is disconnected first, before any other
connector, because a live battery can short the logic board.

New adhesive strips are always fitted. The replacement battery is charged to at least 50
percent and the phone is tested for ten minutes before the customer is called.

Old batteries go in the fire-safe bin behind the counter. The bin is collected by the recycling
contractor every second Tuesday. A battery that is hot or hissing is put in the sand bucket and
the shop manager is called.

Apple devices show a non-genuine battery message after a third-party battery is fitted. The
technician tells the customer about this message before the repair, and it is noted on the
ticket.
"""

READING_ROOM = """
# Reading room rules

Wexbury County Record Office, Castle Street. Open Tuesday to Friday, 9.30 to 4.30, and the
first Saturday of each month.

## Before you visit

A reader's ticket is needed to see original documents. Tickets are issued on arrival with
proof of name and address and are valid for four years. Documents should be ordered in advance
by email, because items stored off site take three working days to arrive.

## In the room

Only pencils are allowed; pens of any kind are not, because ink cannot be removed from paper.
Bags and coats are left in the lockers. Laptops, tablets and phones on silent are welcome.
Readers may order up to six items at a time, and a maximum of twelve items per day.

Volumes are read on the foam supports and held open with snake weights, never with hands or
elbows. Maps and large plans are viewed at the map table with a member of staff.

## Photography

Readers may take photographs without flash for private research after buying a daily
photography permit, which costs 8 pounds. Photographs may not be published without the
Office's written permission. Some items, such as documents deposited by solicitors, cannot be
photographed at all.

## Closed records

Records containing personal data about living people are closed for 100 years from their last
date. Coroners' inquest files are closed for 75 years. A reader may apply to the County
Archivist for access to a closed record for research purposes.
"""

HANDLING = """
# Handling and conservation guidelines for staff

## Assessing condition

Every item in the annual survey gets a condition score from 1 (unfit for production) to 5
(sound). A score of 1 or 2 means the item is referred to the conservator before it can be
produced again. Mould of any kind means the item is isolated in the quarantine room at once.

## Environment

The strongrooms are kept at 13 to 19 C and 45 to 55 percent relative humidity. Readings are
taken by the data loggers every 30 minutes. If the humidity stays above 60 percent for more than
48 hours, the dehumidifiers are checked and the conservator is told, because mould grows above
65 percent.

## Parchment and seals

Parchment reacts quickly to changes in humidity and cockles when it is damp. Parchment rolls
are unrolled only by conservation staff. Wax seals are supported from below and never lifted
by their tags.

## Photographs

Photographs are handled with nitrile gloves because fingerprints etch the emulsion. Glass plate
negatives are stored upright in four-flap enclosures.

## Digitisation

Items with a condition score of 3 or above may be digitised on the overhead scanner. Items
scoring 1 or 2 are digitised only after conservation.
"""

PARISH_GUIDE = """
Guide to parish registers at Wexbury

Parish registers record baptisms, marriages and burials. Registers for the county's 143
ancient parishes are held here, most from the 1560s onwards.

Before 1754 baptisms, marriages and burials are often written in the same volume. After
Hardwicke's Marriage Act of 1753, marriages are recorded in separate printed registers. From
1813 baptisms and burials are also kept in printed registers, which give the father's
occupation and the family's address.

Bishop's transcripts are annual copies of the registers sent to the bishop. They are useful
when a register has been lost or damaged, and they are held at the diocesan record office, not
here.

Most registers have been filmed, so readers use the digital copies in the search room rather
than the originals. An original register is produced only if the digital copy is illegible.

Civil registration of births, marriages and deaths began on 1 July 1837. Certificates are
ordered from the General Register Office, not from the Record Office.
"""

CLUB_HANDBOOK = """
# Northgate Skating Club handbook

## Membership

Club membership runs from 1 September to 31 August. Members pay either monthly by direct debit,
by the term, or annually. Annual members get two free guest passes for public sessions. Skate UK
learners join the club once they pass Skate UK level 8.

## Ice time

Club ice is on Tuesday and Thursday evenings from 6 to 8pm and Saturday mornings from 7 to 9am.
Patch sessions are booked through the app at least 24 hours ahead. A skater who misses three
booked sessions in a row without cancelling loses their booking rights for two weeks.

## Coaching

Private lessons are booked directly with a coach and paid to the coach. Lessons are 20 minutes
long. Coaches must hold a valid British Ice Skating licence and an enhanced DBS check.

## Tests and competitions

Members take level tests when their coach says they are ready. Test days are held four times a
year and the entry fee is 25 pounds. Skaters who enter a competition must wear club colours on
the podium.

## Behaviour

No food or drink is allowed on the ice. Skaters move in an anticlockwise direction on club ice
unless a coach says otherwise. Helmets are required for all skaters under 8 and for every
learner in the Skate UK programme.
"""

RESURFACER = """
# Ice resurfacer checklist

## Before the first cut of the day

Check the blade for nicks and that the blade height is set to 3 mm. Check the hydraulic oil
level and look for leaks under the machine. Fill the wash-water tank with cold water and the
ice-making tank with hot water at 60 to 70 C.

## During the resurface

Drive in overlapping laps, starting on the outside edge. The conditioner should leave a thin,
even sheet of water. Turn the water off before the last lap so no puddle is left by the doors.
A full resurface of the main pad takes about 12 minutes.

## After each resurface

Dump the snow in the snow pit, never in the car park. Log the time, the operator and the ice
surface temperature on the sheet. If the ice surface is warmer than -3 C, tell the plant room
before the next session starts.

## Weekly

Sharpen or change the blade every 40 hours of use. Clean the conditioner and the water jets.
Charge the batteries overnight on the electric machine and never leave it on charge for the
weekend unattended.
"""

SAFEGUARDING = """
Northgate Ice Arena - safeguarding in brief

Everyone who coaches, volunteers or works at a session with under-18s must have an enhanced DBS
check and complete the British Ice Skating safeguarding course every three years.

The club's welfare officer is the first point of contact for any concern about a child. If a
child is in immediate danger, staff call 999 first and tell the welfare officer afterwards.

Coaches do not give lifts to skaters alone, do not message skaters under 16 directly, and never
coach a child alone in a closed room. Parents may watch lessons from the balcony at any time.

Photographs of skaters are taken only with written consent from a parent. Consent is recorded
on the member's record and renewed each season.

All concerns are written down on the day, signed and dated, and passed to the welfare officer.
Records are kept securely for at least six years.
"""


# ----------------------------------------------------------------------------- rules files

TAPROOM_RULES = [
    {
        "name": "kw_positive",
        "label": "positive",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["lovely", "brilliant", "best", "gorgeous", "cracking", "spot on", "loved"],
    },
    {
        "name": "kw_negative",
        "label": "negative",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["rude", "dirty", "shambles", "terrible", "disappointed", "flat and warm"],
    },
    {
        "name": "kw_mixed_but",
        "label": "mixed",
        "kind": "regex",
        "column": "comment",
        "pattern": r"\b(but|shame|though|bit pricey)\b",
        "ignore_case": True,
    },
    {
        "name": "low_stars",
        "label": "negative",
        "kind": "threshold",
        "column": "stars",
        "op": "<=",
        "value": 1,
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
FAULT_RULES = [
    {
        "name": "screen_words",
        "label": "screen",
        "kind": "keyword",
        "column": "customer_issue",
        "keywords": ["screen", "display", "glass", "touch", "shattered"],
    },
    {
        "name": "battery_words",
        "label": "battery",
        "kind": "keyword",
        "column": "customer_issue",
        "keywords": ["battery", "drains", "hold charge", "shuts off"],
    },
    {
        "name": "port_words",
        "label": "charging_port",
        "kind": "keyword",
        "column": "customer_issue",
        "keywords": ["charger", "port", "cable", "charging"],
    },
    {
        "name": "wet_words",
        "label": "water_damage",
        "kind": "keyword",
        "column": "customer_issue",
        "keywords": ["bath", "wet", "toilet", "spilled", "rain"],
    },
    {
        "name": "software_words",
        "label": "software",
        "kind": "regex",
        "column": "customer_issue",
        "pattern": r"boot ?loop|restart|update|passcode|locked out|crashing",
        "ignore_case": True,
    },
    {
        "name": "camera_words",
        "label": "camera",
        "kind": "keyword",
        "column": "customer_issue",
        "keywords": ["camera", "lens", "focus", "photos"],
    },
]
SEVERITY_RULES = [
    {
        "name": "ambulance_called",
        "label": "serious",
        "kind": "category",
        "column": "ambulance",
        "values": ["Y"],
    },
    {
        "name": "serious_words",
        "label": "serious",
        "kind": "keyword",
        "column": "what_happened",
        "keywords": [
            "fracture",
            "999",
            "A&E",
            "defib",
            "paramedics",
            "heavy bleeding",
            "loss of consciousness",
        ],
    },
    {
        "name": "moderate_words",
        "label": "moderate",
        "kind": "keyword",
        "column": "what_happened",
        "keywords": [
            "ice pack",
            "nosebleed",
            "walk-in",
            "monitored",
            "parent collected",
            "sat out",
        ],
    },
    {
        "name": "minor_words",
        "label": "minor",
        "kind": "keyword",
        "column": "what_happened",
        "keywords": ["plaster", "no injury", "grazed", "blister", "back on ice"],
    },
]


# ----------------------------------------------------------------------------- main


def blank_some(
    rng: np.random.RandomState, df: pd.DataFrame, column: str, keep: int
) -> pd.DataFrame:
    """Keep `keep` filled cells of `column` (a spread over classes), blank the rest."""
    df = df.copy()
    keep_idx = rng.choice(len(df), size=keep, replace=False)
    mask = np.ones(len(df), dtype=bool)
    mask[keep_idx] = False
    df[column] = df[column].astype(object)
    df.loc[mask, column] = None
    return df


def main(out: Path) -> None:
    rng = np.random.RandomState(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # brewery -----------------------------------------------------------------
    allb = brew_batches(rng, 500, date(2022, 1, 10), 2201)
    past, test, now = allb.iloc[:380], allb.iloc[380:470], allb.iloc[470:]
    past = blank_some(rng, past, "off_flavour", 120)
    write_csv(past, out / "brew_batches.csv")
    write_csv(test, out / "batches_2024.csv")
    write_csv(
        now.drop(columns=["qc_outcome", "off_flavour", "FG", "ABV_pct"]), out / "tanks_now.csv"
    )

    fb = taproom_feedback(rng, 520)
    gold_idx = rng.choice(len(fb), size=150, replace=False)
    gold = fb.iloc[np.sort(gold_idx)][["fb_id", "sentiment"]].rename(columns={"sentiment": "mood"})
    write_csv(fb.drop(columns=["sentiment"]), out / "taproom_feedback.csv")
    write_csv(gold, out / "taproom_handlabels.csv")
    (out / "taproom_rules.json").write_text(
        json.dumps(TAPROOM_RULES, indent=2) + "\n", encoding="utf-8"
    )

    write_text(BREW_CIP, out / "brewery_docs" / "cip_cleaning_sop.md")
    write_text(BREW_HANDBOOK, out / "brewery_docs" / "taproom_handbook.md")
    write_text(ALLERGEN_FAQ, out / "brewery_docs" / "allergen_faq.txt")

    # phone repair ------------------------------------------------------------
    pool = repair_rows(rng, 640, date(2024, 2, 1), 40001, outcome=False)
    pool = blank_some(rng, pool, "fault_category", 90)
    write_csv(pool, out / "repair_tickets.csv")
    tk = repair_rows(rng, 700, date(2023, 1, 2), 30001, outcome=True)
    write_csv(tk.iloc[:520], out / "tickets_2023.csv")
    write_csv(tk.iloc[520:660], out / "tickets_2024_h1.csv")
    write_csv(
        tk.iloc[660:].drop(columns=["warranty_return", "fault_category", "turnaround_hrs"]),
        out / "open_jobs.csv",
    )
    (out / "fault_rules.json").write_text(
        json.dumps(FAULT_RULES, indent=2) + "\n", encoding="utf-8"
    )
    write_csv(parts_orders(rng, 300), out / "parts_orders.csv")
    write_text(WARRANTY, out / "repair_docs" / "warranty_terms.md")
    write_text(BATTERY_PROC, out / "repair_docs" / "battery_swap_procedure.txt")

    # archive -----------------------------------------------------------------
    enq = enquiries(rng, 460)
    enq_gold_idx = np.sort(rng.choice(len(enq), size=120, replace=False))
    enq_gold = enq.iloc[enq_gold_idx][["enquiry_id", "topic"]]
    enq_main = blank_some(rng, enq, "topic", 55)
    enq_main = blank_some(rng, enq_main, "urgency", 60)
    write_csv(enq_main, out / "enquiries.csv")
    write_csv(enq_gold, out / "enquiry_topics_checked.csv")
    write_csv(condition_survey(rng, 420, 1, True), out / "condition_survey_2023.csv")
    write_csv(condition_survey(rng, 130, 600, True), out / "condition_survey_2024.csv")
    write_csv(condition_survey(rng, 60, 900, False), out / "unsurveyed_items.csv")
    write_csv(accessions(rng, 260), out / "accessions_register.csv")
    write_text(READING_ROOM, out / "archive_docs" / "reading_room_rules.md")
    write_text(HANDLING, out / "archive_docs" / "handling_guidelines.md")
    write_text(PARISH_GUIDE, out / "archive_docs" / "parish_registers_guide.txt")

    # ice rink ----------------------------------------------------------------
    write_csv(members(rng, 480, 1, date(2021, 9, 1), True), out / "members_2023.csv")
    write_csv(members(rng, 150, 2000, date(2022, 9, 1), True), out / "members_2024.csv")
    write_csv(members(rng, 45, 3000, date(2024, 6, 1), False), out / "trial_signups.csv")
    inc = incident_log(rng, 380)
    inc_main = blank_some(rng, inc, "severity", 65)
    write_csv(inc_main, out / "incident_log.csv")
    (out / "severity_rules.json").write_text(
        json.dumps(SEVERITY_RULES, indent=2) + "\n", encoding="utf-8"
    )
    write_csv(ice_plant(rng, 480), out / "ice_plant_log.csv")
    write_text(CLUB_HANDBOOK, out / "rink_docs" / "club_handbook.md")
    write_text(RESURFACER, out / "rink_docs" / "resurfacer_checklist.md")
    write_text(SAFEGUARDING, out / "rink_docs" / "safeguarding_policy.txt")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
