"""Write the fresh49 corpus's files into a folder: python make_data.py DIR.

Three kinds of people: a forestry survey team (tree plots, disease notes, drone counts), a
franchise of coffee kiosks (sales, waste, staff shifts) and a home-insurance claims desk
(claims, adjuster notes, fraud flags). Deterministic (seed 4949), offline, small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 4949


def _write(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def _pick(rng: np.random.Generator, options: list[str]) -> str:
    return options[int(rng.integers(len(options)))]


def _note(rng: np.random.Generator, core: list[str], extra: list[str], p_extra: float) -> str:
    text = _pick(rng, core)
    if rng.random() < p_extra:
        text = (
            f"{text}; {_pick(rng, extra)}" if rng.random() < 0.5 else f"{_pick(rng, extra)}, {text}"
        )
    return text


# ----------------------------------------------------------------------------- forestry
SPECIES = ["oak", "ash", "beech", "birch", "scots_pine", "sitka_spruce", "larch"]
CONIFERS = {"scots_pine", "sitka_spruce", "larch"}
BARK = {
    "healthy": [
        "full crown, no visible defects",
        "good vigour, minor deadwood only",
        "crown dense and bark intact",
        "healthy, some ivy at base",
        "nothing of note",
        "looks fine, small storm snap on one limb",
        "strong leader, good leaf colour",
        "no issues seen from ground",
    ],
    "dieback": [
        "diamond lesions on bark, crown thinning at tips",
        "leaf wilt and dead shoots in upper crown",
        "bare twigs at top, lesions on side branches",
        "crown dieback about 40 pct, dark bark lesions",
        "epicormic shoots on stem, upper crown dying back",
        "blackened leaves hanging on, thin crown",
    ],
    "root_rot": [
        "fungal brackets at base",
        "bleeding canker near root collar",
        "soft wood at stem base, mushrooms around roots",
        "leaning, root plate lifting, fruiting bodies present",
        "bootlaces under bark at base, smells of mushroom",
        "hollow sound at base when tapped, brackets",
    ],
    "bark_beetle": [
        "small exit holes in bark, resin bleeding",
        "boring dust at base, galleries under loose bark",
        "needles turning red-brown, frass in bark crevices",
        "woodpecker stripping and bore holes",
        "shot holes all round stem, resin tubes",
        "bark peeling in sheets, beetle galleries",
    ],
}
BARK_EXTRA = [
    "checked from north side",
    "tag faded, retagged",
    "near ride edge",
    "deer browsing on regen nearby",
    "photo taken",
    "recheck next visit",
    "access hard, brash",
]


def _health_for(rng: np.random.Generator, species: str) -> str:
    if species == "ash":
        p = [0.45, 0.4, 0.1, 0.05]
    elif species in CONIFERS:
        p = [0.5, 0.03, 0.17, 0.3]
    else:
        p = [0.7, 0.08, 0.17, 0.05]
    return ["healthy", "dieback", "root_rot", "bark_beetle"][int(rng.choice(4, p=p))]


def tree_rows(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        species = _pick(rng, SPECIES)
        health = _health_for(rng, species)
        dbh = float(np.clip(rng.normal(38 if species in {"oak", "beech"} else 28, 11), 6, 120))
        height = float(np.clip(dbh * 0.55 + rng.normal(4, 3), 3, 42))
        dieback_pct = {
            "healthy": rng.uniform(0, 12),
            "dieback": rng.uniform(25, 85),
            "root_rot": rng.uniform(5, 45),
            "bark_beetle": rng.uniform(10, 70),
        }[health]
        soil = _pick(rng, ["dry", "moist", "moist", "waterlogged"])
        if health == "root_rot" and rng.random() < 0.5:
            soil = "waterlogged"
        lean = float(rng.uniform(0, 6) + (rng.uniform(5, 20) if health == "root_rot" else 0))
        near_path = "yes" if rng.random() < 0.3 else "no"
        score = dieback_pct / 20 + (lean > 12) * 1.5 + (near_path == "yes") * 1.0
        score += (health != "healthy") * 0.8 + rng.normal(0, 0.6)
        fell = "yes" if score > 3.2 else "no"
        risk = "high" if score > 3.6 else ("medium" if score > 1.8 else "low")
        rows.append(
            {
                "tree_tag": f"T-{start + i:05d}",
                "plot_no": f"P{int(rng.integers(1, 41)):02d}",
                "species": species,
                "dbh_cm": round(dbh, 1),
                "height_m": round(height, 1),
                "crown_dieback_pct": round(float(dieback_pct), 0),
                "lean_deg": round(lean, 1),
                "soil": soil,
                "near_footpath": near_path,
                "elevation_m": int(rng.integers(60, 420)),
                "surveyor": _pick(rng, ["AK", "JM", "RD", "SO", "TW"]),
                "bark_notes": _note(rng, BARK[health], BARK_EXTRA, 0.45),
                "health_status": health,
                "fell_recommended": fell,
                "risk_band": risk,
            }
        )
    return pd.DataFrame(rows)


FIELD = {
    "chalara": [
        "Ash with diamond-shaped lesions spreading from dead side shoots and wilted black leaves "
        "held on the twigs.",
        "Crown thinning from the top, dead shoots with orange-brown bark staining; typical of "
        "dieback on young ash.",
        "Leaves wilting mid-summer, lesions at branch junctions, several epicormic shoots lower "
        "down the stem.",
        "Saplings in the regen patch have dead tops and brown streaks in the wood under the bark.",
    ],
    "phytophthora": [
        "Tarry black bleeding from the lower stem, the inner bark below is red-brown and dead.",
        "Wet soil, yellowing sparse foliage, bleeding cankers near ground level on two sides.",
        "Larch needles dropped early, resinous bleeding on the trunk, dead shoot tips on the "
        "lower branches.",
        "Stream side tree with a lesion at the collar weeping dark fluid; crown small for its age.",
    ],
    "ips_beetle": [
        "Spruce with fine orange boring dust at the base and entry holes in bark flakes.",
        "Needles going red from the top, woodpeckers stripping bark, galleries seen under a loose "
        "piece.",
        "Windblown stems nearby; standing trees show resin flow and small round exit holes.",
        "Bark comes away easily, gallery pattern in star shape, adults found in the frass.",
    ],
    "abiotic": [
        "Scorched leaf margins on the south side after the dry spell; no lesions or holes found.",
        "Frost damage on new shoots in the hollow, the rest of the crown is healthy.",
        "Storm broke two limbs, bark torn at the wound but otherwise sound and no fungus seen.",
        "Leaves small and pale on the compacted car park edge; looks like root compaction and "
        "drought.",
    ],
}
FIELD_EXTRA = [
    "Sample bagged for the lab.",
    "GPS point saved.",
    "Photos 114-118.",
    "Neighbour trees look similar.",
    "Owner asked for a call back.",
    "Will revisit in spring.",
]


def disease_notes(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    classes = list(FIELD)
    rows, truth = [], []
    for i in range(n):
        diag = classes[int(rng.choice(4, p=[0.3, 0.2, 0.25, 0.25]))]
        text = _pick(rng, FIELD[diag])
        if rng.random() < 0.6:
            text = f"{text} {_pick(rng, FIELD_EXTRA)}"
        if rng.random() < 0.1:  # a note that reads like another class
            text = f"{text} {_pick(rng, FIELD[_pick(rng, classes)])}"
        rows.append(
            {
                "note_id": f"DN{1000 + i}",
                "tree_tag": f"T-{int(rng.integers(1, 1400)):05d}",
                "visit_date": str(
                    pd.Timestamp("2024-04-01") + pd.Timedelta(days=int(rng.integers(0, 200)))
                )[:10],
                "woodland": _pick(rng, ["Hollins Wood", "Bracken Ghyll", "Low Park", "Carr Side"]),
                "field_note": text,
            }
        )
        truth.append(diag)
    notes = pd.DataFrame(rows)
    lab_idx = rng.choice(n, size=90, replace=False)
    lab = pd.DataFrame(
        {
            "note_id": notes["note_id"].iloc[lab_idx].to_numpy(),
            "lab_result": [truth[j] for j in lab_idx],
        }
    ).sort_values("note_id")
    return notes, lab


def drone_counts(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        altitude = float(rng.normal(90, 12))
        wind = float(abs(rng.normal(12, 6)))
        cloud = float(rng.uniform(0, 100))
        images = int(rng.integers(180, 520))
        trees = int(images * rng.uniform(0.9, 1.6))
        dead = int(trees * rng.uniform(0.0, 0.12))
        gap = float(rng.gamma(3, 140))
        recount_ok = (
            "yes"
            if (wind < 20 and cloud < 80 and rng.random() < 0.9) or rng.random() < 0.2
            else "no"
        )
        rows.append(
            {
                "flight_id": f"FL-{2400 + i}",
                "plot_no": f"P{int(rng.integers(1, 41)):02d}",
                "flight_date": str(
                    pd.Timestamp("2024-03-01") + pd.Timedelta(days=int(rng.integers(0, 240)))
                )[:10],
                "pilot": _pick(rng, ["Gwen", "Tariq", "Luis", "Maja"]),
                "drone_model": _pick(rng, ["M3E", "M3E", "P4RTK"]),
                "altitude_m": round(altitude, 1),
                "wind_kmh": round(wind, 1),
                "cloud_pct": round(cloud, 0),
                "images": images,
                "trees_counted": trees,
                "dead_crowns": dead,
                "canopy_gap_m2": round(gap, 1),
                "recount_agreed": recount_ok,
            }
        )
    df = pd.DataFrame(rows)
    odd = rng.choice(n, size=7, replace=False)
    df.loc[odd[0], "altitude_m"] = 910.0
    df.loc[odd[1], "trees_counted"] = 0
    df.loc[odd[2], "dead_crowns"] = int(df.loc[odd[2], "trees_counted"]) + 240
    df.loc[odd[3], "canopy_gap_m2"] = -55.0
    df.loc[odd[4], "wind_kmh"] = 96.0
    df.loc[odd[5], "images"] = 4
    df.loc[odd[6], "trees_counted"] = 9800
    return df


# ----------------------------------------------------------------------------- coffee kiosks
SITES = {"station": 1.3, "campus": 1.0, "mall": 0.9, "office_park": 1.1, "hospital": 0.8}
KIOSKS = {f"K{i:02d}": list(SITES)[i % 5] for i in range(1, 15)}
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def kiosk_days(rng: np.random.Generator, n: int, start: int, labelled: bool) -> pd.DataFrame:
    rows = []
    base_date = pd.Timestamp("2024-01-08") + pd.Timedelta(days=start // 14)
    for i in range(n):
        kiosk = f"K{int(rng.integers(1, 15)):02d}"
        site = KIOSKS[kiosk]
        date = base_date + pd.Timedelta(days=int(rng.integers(0, 120)))
        weekday = DAYS[date.day_of_week]
        temp = float(rng.normal(11, 6))
        rain = float(max(0.0, rng.normal(1.5, 3)))
        footfall = int(
            rng.normal(2400, 600)
            * SITES[site]
            * (0.6 if weekday in {"Sat", "Sun"} and site == "office_park" else 1)
        )
        promo = _pick(rng, ["none", "none", "loyalty_double", "two_for_one"])
        staff = int(rng.integers(1, 4))
        event = "yes" if rng.random() < 0.15 else "no"
        demand = footfall / 2400 + (promo != "none") * 0.25 + (event == "yes") * 0.4 - rain * 0.04
        demand += (temp < 5) * 0.15 + staff * 0.08 + rng.normal(0, 0.18)
        row = {
            "day_id": f"KD{start + i:05d}",
            "kiosk_id": kiosk,
            "site_type": site,
            "date": str(date)[:10],
            "weekday": weekday,
            "temp_c": round(temp, 1),
            "rain_mm": round(rain, 1),
            "footfall_est": max(footfall, 150),
            "promo": promo,
            "baristas_on": staff,
            "event_nearby": event,
        }
        if labelled:
            row["hit_daily_target"] = "yes" if demand > 1.25 else "no"
            row["busy_level"] = (
                "rush" if demand > 1.45 else ("normal" if demand > 0.95 else "quiet")
            )
        rows.append(row)
    return pd.DataFrame(rows)


WASTE = {
    "over_ordered": [
        "too many croissants came in, quiet day",
        "ordered for the office event that got cancelled",
        "double delivery from bakery again",
        "rain kept people away, leftover sandwiches",
        "overestimated for bank holiday",
        "par level too high for a monday",
    ],
    "expired": [
        "past use by at close",
        "milk out of date this morning",
        "sandwiches hit their date",
        "opened oat milk over 3 days, binned",
        "cakes past best before",
        "yesterdays pastries, date gone",
    ],
    "spilled": [
        "dropped a tray of cups",
        "customer knocked over cold brew",
        "jug slipped while steaming",
        "spilt during delivery unload",
        "box fell off the counter",
        "kid bumped the stand, drinks on floor",
    ],
    "equipment_fault": [
        "fridge was at 9 degrees overnight",
        "grinder jammed, shots pulled wrong",
        "espresso machine pressure low, remade drinks",
        "fridge door seal broken, dairy binned",
        "power cut, chiller off for hours",
        "steam wand faulty, milk burnt",
    ],
}
WASTE_EXTRA = ["told manager", "logged late", "photo on whatsapp", "2nd time this week", "ok"]
ITEMS = ["whole milk", "oat milk", "croissant", "banana bread", "cold brew", "ham sandwich", "cups"]


def waste_log(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        reason = list(WASTE)[int(rng.choice(4, p=[0.35, 0.3, 0.2, 0.15]))]
        units = int(rng.integers(1, 25 if reason == "over_ordered" else 10))
        item = _pick(rng, ITEMS)
        rows.append(
            {
                "waste_id": f"W{5000 + i}",
                "kiosk_id": f"K{int(rng.integers(1, 15)):02d}",
                "logged_on": str(
                    pd.Timestamp("2024-02-01") + pd.Timedelta(days=int(rng.integers(0, 150)))
                )[:10],
                "item": item,
                "units": units,
                "value_eur": round(units * rng.uniform(0.4, 3.2), 2),
                "staff_note": _note(rng, WASTE[reason], WASTE_EXTRA, 0.35),
                "waste_reason": reason if rng.random() < 0.18 else "",
            }
        )
    return pd.DataFrame(rows)


COMMENTS = {
    "coffee_quality": [
        "flat white was burnt and bitter",
        "best espresso at the station, lovely crema",
        "latte was lukewarm and watery today",
        "the beans taste stale lately",
        "cold brew is really smooth",
    ],
    "wait_time": [
        "queue took 15 minutes, missed my train",
        "waited ages for one americano",
        "super quick even at rush hour",
        "only one person serving and a long line",
        "order was forgotten, had to ask twice",
    ],
    "staff": [
        "the barista was rude when I asked for oat milk",
        "lovely staff, always remember my order",
        "staff chatting on phones instead of serving",
        "friendly team, made my morning",
        "manager sorted my refund nicely",
    ],
    "price": [
        "4.20 for a small cappuccino is too much",
        "prices went up again",
        "loyalty card deal is great value",
        "charged for extra shot I didnt ask for",
        "cheaper than the chains, happy",
    ],
    "cleanliness": [
        "sticky counter and milk on the floor",
        "bins overflowing next to the kiosk",
        "cups and lids everywhere, messy",
        "always spotless, nice",
        "saw a wasp in the pastry cabinet",
    ],
}


def customer_comments(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    topics = list(COMMENTS)
    rows, truth = [], []
    for i in range(n):
        topic = _pick(rng, topics)
        text = _pick(rng, COMMENTS[topic])
        if rng.random() < 0.3:
            text = f"{text}. {_pick(rng, ['will be back', 'not impressed', 'thanks', 'pls fix', 'just saying'])}"
        rows.append(
            {
                "comment_id": 8000 + i,
                "kiosk_id": f"K{int(rng.integers(1, 15)):02d}",
                "channel": _pick(rng, ["app", "google", "qr_card", "email"]),
                "stars": int(np.clip(rng.normal(3.5, 1.2), 1, 5)),
                "comment": text,
            }
        )
        truth.append(topic)
    df = pd.DataFrame(rows)
    idx = np.sort(rng.choice(n, size=75, replace=False))
    gold = pd.DataFrame(
        {"comment_id": df["comment_id"].iloc[idx].to_numpy(), "topic": [truth[j] for j in idx]}
    )
    return df, gold


def shifts(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        role = _pick(rng, ["barista", "barista", "barista", "shift_lead", "trainee"])
        hours = float(rng.choice([4, 5, 6, 7.5, 8]))
        served = int(hours * rng.normal(24 if role != "trainee" else 15, 4))
        rows.append(
            {
                "shift_id": f"S{30000 + i}",
                "kiosk_id": f"K{int(rng.integers(1, 15)):02d}",
                "staff_id": f"B{int(rng.integers(100, 190))}",
                "shift_date": str(
                    pd.Timestamp("2024-03-04") + pd.Timedelta(days=int(rng.integers(0, 90)))
                )[:10],
                "role": role,
                "start_hour": int(rng.choice([6, 7, 7, 8, 11, 12])),
                "hours": hours,
                "customers_served": max(served, 5),
                "voids": int(rng.poisson(1.2)),
                "refunds": int(rng.poisson(0.5)),
                "till_diff_eur": round(float(rng.normal(0, 2.5)), 2),
                "late_min": int(max(0, rng.normal(-2, 6))),
            }
        )
    df = pd.DataFrame(rows)
    odd = rng.choice(n, size=8, replace=False)
    df.loc[odd[0], "till_diff_eur"] = -184.5
    df.loc[odd[1], "hours"] = 19.0
    df.loc[odd[2], "refunds"] = 27
    df.loc[odd[3], "voids"] = 41
    df.loc[odd[4], "customers_served"] = 912
    df.loc[odd[5], "till_diff_eur"] = 96.0
    df.loc[odd[6], "late_min"] = 240
    df.loc[odd[7], ["role", "customers_served"]] = ["trainee", 388]
    return df


def baristas(rng: np.random.Generator, n: int, start: int, labelled: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        tenure = int(rng.integers(1, 60))
        hours = float(rng.normal(26, 8))
        late = int(rng.poisson(2))
        sick = int(rng.poisson(3))
        band = _pick(rng, ["A", "A", "B", "C"])
        commute = float(abs(rng.normal(7, 5)))
        score = int(np.clip(rng.normal(3.6, 0.9), 1, 5))
        risk = -0.04 * tenure + 0.25 * late + 0.12 * sick + 0.06 * commute - 0.5 * score
        risk += (band == "A") * 0.6 + rng.normal(0, 0.7)
        row = {
            "staff_id": f"B{start + i}",
            "home_kiosk": f"K{int(rng.integers(1, 15)):02d}",
            "tenure_months": tenure,
            "avg_weekly_hours": round(float(np.clip(hours, 8, 45)), 1),
            "late_count_90d": late,
            "sick_days_90d": sick,
            "pay_band": band,
            "latte_art_trained": "yes" if rng.random() < 0.5 else "no",
            "manager_score": score,
            "commute_km": round(commute, 1),
            "student": "yes" if rng.random() < 0.4 else "no",
        }
        if labelled:
            row["left_within_6m"] = "yes" if risk > -1.0 else "no"
        rows.append(row)
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- insurance
PERILS = ["escape_of_water", "storm", "fire", "theft", "accidental_damage", "subsidence"]
NOTE_GENUINE = {
    "escape_of_water": [
        "Insured called same day, plumber invoice supplied, damage consistent with burst pipe.",
        "Tenant reported leak promptly, adjuster visited, cause traced to washing machine hose.",
    ],
    "storm": [
        "Storm damage to roof tiles confirmed by photos and local weather report.",
        "Tree fell on garage during gale, neighbour confirms.",
    ],
    "fire": [
        "Kitchen fire from pan, fire brigade attended, report on file.",
        "Electrical fault in consumer unit, electrician report on file.",
    ],
    "theft": [
        "Police crime reference provided, forced entry at back door, receipts for laptop.",
        "Shed broken into, crime reference given, bike receipts supplied.",
    ],
    "accidental_damage": [
        "Accidental spill on carpet, small claim, photos clear.",
        "TV knocked off stand by child, photos and purchase invoice supplied.",
    ],
    "subsidence": [
        "Cracks over doors monitored for 3 months, engineer report confirms movement.",
        "Clay soil and nearby oak, structural engineer report on file.",
    ],
}
NOTE_FRAUD = [
    "Insured reluctant to give receipts, story changed on second call.",
    "Items claimed bought for cash, no proof of ownership, policy only 3 weeks old.",
    "Damage looks older than reported date, rust and mould staining.",
    "Cover increased shortly before the loss, claimant pushing for quick cash settlement.",
    "Same phone number linked to two other claims this year.",
    "Jewellery claimed not mentioned at inception, invoices appear edited.",
    "Late notification, no police report for theft, inconsistent dates.",
]


def claim_rows(
    rng: np.random.Generator, n: int, start: int, labelled: bool, fraud_rate: float
) -> pd.DataFrame:
    rows = []
    for i in range(n):
        peril = _pick(rng, PERILS)
        fraud = rng.random() < fraud_rate
        tenure = float(
            rng.uniform(0.05, 1.0) if fraud and rng.random() < 0.6 else rng.uniform(0.2, 18)
        )
        days = int(rng.integers(8, 90) if fraud and rng.random() < 0.6 else rng.integers(0, 12))
        amount = float(rng.lognormal(8.6 if fraud else 8.0, 0.8))
        prior = int(rng.poisson(1.6 if fraud else 0.4))
        suspicious = (fraud and rng.random() < 0.75) or (not fraud and rng.random() < 0.05)
        note = _pick(rng, NOTE_FRAUD if suspicious else NOTE_GENUINE[peril])
        row = {
            "claim_ref": f"CLM-{start + i:06d}",
            "policy_no": f"HH{int(rng.integers(100000, 999999))}",
            "peril": peril,
            "region": _pick(
                rng, ["north_west", "midlands", "london", "south_east", "scotland", "wales"]
            ),
            "property_type": _pick(rng, ["detached", "semi", "terrace", "flat", "bungalow"]),
            "property_age_yrs": int(rng.integers(2, 130)),
            "sum_insured": int(rng.choice([150000, 250000, 350000, 500000, 750000])),
            "claim_amount": round(amount, 2),
            "days_to_report": days,
            "prior_claims_5y": prior,
            "policy_tenure_yrs": round(tenure, 2),
            "out_of_hours_call": "yes" if rng.random() < 0.2 else "no",
            "adjuster_note": note,
        }
        if labelled:
            row["fraud_flag"] = "yes" if fraud else "no"
            if fraud:
                decision = "declined" if rng.random() < 0.7 else "part_paid"
            else:
                decision = "paid" if rng.random() < 0.75 else _pick(rng, ["part_paid", "declined"])
            row["claim_decision"] = decision
        rows.append(row)
    return pd.DataFrame(rows)


ACTIONS = {
    "settle": [
        "All docs in, estimate agreed with contractor, ok to pay.",
        "Liability accepted, settle at quoted figure less excess.",
        "Customer accepted cash offer, close file after payment.",
    ],
    "request_docs": [
        "Waiting on plumber report and photos of the damage.",
        "Need proof of ownership for the TV and the bike.",
        "Asked for police reference and receipts, chased by email.",
    ],
    "refer_siu": [
        "Inconsistencies in the account, refer to special investigations.",
        "Possible staged loss, previous claims at other address, refer.",
        "Invoice looks altered, passing to SIU for review.",
    ],
    "decline": [
        "Gradual leak over months, excluded under the policy wording.",
        "Wear and tear, not an insured event, decline letter drafted.",
        "Unoccupied over 60 days at time of loss, cover not in force.",
    ],
}


def adjuster_notes(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        action = list(ACTIONS)[int(rng.choice(4, p=[0.4, 0.3, 0.12, 0.18]))]
        rows.append(
            {
                "note_id": f"AN-{70000 + i}",
                "claim_ref": f"CLM-{int(rng.integers(1, 2000)):06d}",
                "adjuster": _pick(
                    rng, ["P. Okafor", "L. Brandt", "S. Iqbal", "M. Rossi", "C. Dunn"]
                ),
                "note_date": str(
                    pd.Timestamp("2024-05-01") + pd.Timedelta(days=int(rng.integers(0, 120)))
                )[:10],
                "note_text": _note(
                    rng,
                    ACTIONS[action],
                    ["tel call", "visit booked", "diary 7 days", "vm left"],
                    0.4,
                ),
                "next_action": action if rng.random() < 0.2 else "",
            }
        )
    return pd.DataFrame(rows)


def payments(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        payee = _pick(
            rng, ["policyholder", "contractor", "contractor", "loss_adjuster", "supplier"]
        )
        amount = float(rng.lognormal(7.4, 0.7))
        rows.append(
            {
                "payment_id": f"PAY{90000 + i}",
                "claim_ref": f"CLM-{int(rng.integers(1, 2000)):06d}",
                "payee_type": payee,
                "method": _pick(rng, ["bacs", "bacs", "bacs", "cheque"]),
                "amount_gbp": round(amount, 2),
                "days_after_fnol": int(rng.integers(3, 70)),
                "approval_level": 1 if amount < 2500 else (2 if amount < 10000 else 3),
                "payments_on_claim": int(rng.integers(1, 4)),
            }
        )
    df = pd.DataFrame(rows)
    odd = rng.choice(n, size=7, replace=False)
    df.loc[odd[0], ["amount_gbp", "approval_level"]] = [48500.0, 1]
    df.loc[odd[1], "days_after_fnol"] = 0
    df.loc[odd[2], "payments_on_claim"] = 19
    df.loc[odd[3], ["payee_type", "method", "amount_gbp"]] = ["policyholder", "cheque", 39990.0]
    df.loc[odd[4], "amount_gbp"] = 0.5
    df.loc[odd[5], "days_after_fnol"] = 720
    df.loc[odd[6], ["amount_gbp", "approval_level"]] = [9999.99, 3]
    return df


# ----------------------------------------------------------------------------- rules
DISEASE_RULES = [
    {
        "name": "lesions",
        "label": "chalara",
        "kind": "keyword",
        "column": "field_note",
        "keywords": ["diamond-shaped lesions", "dead side shoots", "dead tops", "epicormic shoots"],
    },
    {
        "name": "ash_named",
        "label": "chalara",
        "kind": "regex",
        "column": "field_note",
        "pattern": r"\b[Aa]sh\b",
    },
    {
        "name": "bleeding",
        "label": "phytophthora",
        "kind": "keyword",
        "column": "field_note",
        "keywords": ["bleeding", "weeping", "tarry"],
    },
    {
        "name": "boring_dust",
        "label": "ips_beetle",
        "kind": "keyword",
        "column": "field_note",
        "keywords": ["boring dust", "exit holes", "galleries", "gallery", "frass"],
    },
    {
        "name": "weather",
        "label": "abiotic",
        "kind": "keyword",
        "column": "field_note",
        "keywords": ["frost", "drought", "storm", "scorched", "compaction"],
    },
]
WASTE_RULES = [
    {
        "name": "date_gone",
        "label": "expired",
        "kind": "keyword",
        "column": "staff_note",
        "keywords": ["use by", "out of date", "best before", "date gone", "hit their date"],
    },
    {
        "name": "spill_words",
        "label": "spilled",
        "kind": "keyword",
        "column": "staff_note",
        "keywords": ["dropped", "spilt", "knocked over", "slipped", "fell"],
    },
    {
        "name": "kit_broken",
        "label": "equipment_fault",
        "kind": "keyword",
        "column": "staff_note",
        "keywords": ["fridge", "grinder", "machine", "power cut", "steam wand", "chiller"],
    },
    {
        "name": "too_much",
        "label": "over_ordered",
        "kind": "keyword",
        "column": "staff_note",
        "keywords": [
            "too many",
            "double delivery",
            "leftover",
            "cancelled",
            "par level",
            "overestimated",
        ],
    },
    {
        "name": "big_bin",
        "label": "over_ordered",
        "kind": "threshold",
        "column": "units",
        "op": ">=",
        "value": 12,
    },
]
FRAUD_RULES = [
    {
        "name": "new_policy",
        "label": "fraud",
        "kind": "threshold",
        "column": "policy_tenure_yrs",
        "op": "<",
        "value": 0.25,
    },
    {
        "name": "slow_report",
        "label": "fraud",
        "kind": "threshold",
        "column": "days_to_report",
        "op": ">",
        "value": 30,
    },
    {
        "name": "no_proof",
        "label": "fraud",
        "kind": "keyword",
        "column": "adjuster_note",
        "keywords": [
            "no proof",
            "reluctant",
            "story changed",
            "edited",
            "inconsistent",
            "cash settlement",
        ],
    },
    {
        "name": "serial",
        "label": "fraud",
        "kind": "threshold",
        "column": "prior_claims_5y",
        "op": ">=",
        "value": 3,
    },
    {
        "name": "backed_up",
        "label": "genuine",
        "kind": "keyword",
        "column": "adjuster_note",
        "keywords": [
            "invoice supplied",
            "report on file",
            "confirmed",
            "crime reference",
            "neighbour confirms",
        ],
    },
    {
        "name": "quick_call",
        "label": "genuine",
        "kind": "threshold",
        "column": "days_to_report",
        "op": "<=",
        "value": 2,
    },
]


# ----------------------------------------------------------------------------- documents
DOCS = {
    "docs/plot_survey_protocol.md": """# Permanent plot survey protocol

## Purpose

The permanent plot survey is the annual check of every tagged tree in the 40 monitoring plots.
A monitoring plot is a circle of 12.6 metres radius, which gives an area of 0.05 hectares.
The survey records growth, health and safety so that felling and treatment can be planned.

## Measuring a tree

Diameter at breast height (DBH) is measured at 1.3 metres above the ground on the uphill side.
If the stem forks below 1.3 metres, each stem is measured and recorded as a separate tree.
Height is measured with the laser hypsometer from a point where the top is clearly visible.
Crown dieback is the share of the crown that is dead, estimated in steps of 5 percent.

## Tags and plot numbers

Every tree carries an aluminium tag with a number of the form T- followed by five digits.
When a tag is missing, the surveyor fixes a new tag and writes "retagged" in the notes.
Plot numbers run from P01 to P40 and are painted on the centre post of each plot.

## Safety and felling advice

A tree is recommended for felling when it is dead, leans more than 15 degrees with a lifting
root plate, or has more than 50 percent crown dieback within reach of a footpath or road.
Trees near footpaths are surveyed first because the owner is liable for falling limbs.
If a tree is recommended for felling, the surveyor must photograph it and mark it with a
blue dot at eye level.

## Data entry

Notes are typed into the field tablet on the day of the visit.
The health status column is filled in only when the surveyor is certain of the cause.
Uploads happen every evening when the tablet is back on the office wifi.
""",
    "docs/biosecurity_ash_dieback.md": """# Biosecurity and ash dieback guidance

## What ash dieback is

Ash dieback is a disease of ash trees caused by the fungus Hymenoscyphus fraxineus.
The fungus spreads by wind-blown spores released from fallen leaf stalks in summer.
Young trees die quickly, while mature trees usually decline over several years.

## Signs in the field

Diamond-shaped lesions form on the bark where side shoots join the stem.
Leaves wilt and turn black in mid-summer and often stay attached to the twigs.
Epicormic shoots appear lower on the stem when the upper crown is dying back.

## Other threats to tell apart

Phytophthora is a water mould that causes bleeding cankers near the base of the tree.
It is most common on wet soils and along streams.
Bark beetles leave small round exit holes, boring dust and galleries under the bark.
Drought and frost damage are called abiotic damage, because no pest or pathogen is involved.

## Cleaning kit between sites

Boots, tyres and tools are cleaned before leaving a site with a confirmed outbreak.
Cleaning means removing all mud and plant material and spraying with the approved disinfectant.
If a vehicle has driven through a wet ride on an infected site, the tyres must be washed
before the next visit.

## Reporting

Suspected new outbreaks are reported to the plant health service within 48 hours.
A sample is sent to the laboratory when the field signs are not clear.
""",
    "docs/kiosk_operations_manual.md": """# Kiosk operations manual

## Opening the kiosk

The opening barista arrives 30 minutes before the first customer.
The espresso machine is switched on first, because it needs 20 minutes to reach pressure.
The grinder is calibrated each morning by pulling two test shots of 18 grams in and 36 grams out.
If a test shot runs faster than 25 seconds, the grind is made finer.

## Stock and ordering

Each kiosk has a par level for every item, which is the stock it should hold at opening.
Orders for the bakery are placed by 2 pm for delivery the next morning.
On bank holidays the par level for pastries is reduced by one third.
The shift lead checks the delivery against the delivery note before signing.

## Waste recording

Every item that is thrown away is recorded in the waste log with the reason and the units.
Milk that has been opened is discarded after 3 days, even if the date has not passed.
If the fridge temperature is above 8 degrees for more than two hours, all dairy is discarded.
Waste over 40 euros in one day is reported to the area manager.

## Cash handling

The till is counted at the end of every shift by the barista and the shift lead together.
A till difference of more than 10 euros is written up on the incident form.
Refunds over 15 euros need the shift lead's code.

## Closing

The steam wand is purged and wiped after every drink and soaked at close.
Bins are emptied when they are three-quarters full and always at close.
""",
    "docs/milk_and_food_safety.txt": """Milk and food safety for kiosk staff

Dairy milk is stored between 1 and 5 degrees in the under-counter fridge.
Plant milks are kept at room temperature until opened, then stored in the fridge.
An opened carton is labelled with the date it was opened.
Allergen information is displayed on the counter card and in the app.
If a customer asks about allergens, the barista shows the allergen folder and never guesses.
Sandwiches are delivered chilled and must be sold by the use-by date printed on the pack.
When the fridge fails, the shift lead moves dairy to the backup cool box and calls maintenance.
A probe thermometer is used to check the fridge at opening, midday and close.
Hand washing is required before handling food and after touching bins or cash.
""",
    "docs/claims_handling_guide.md": """# Home claims handling guide

## First notification of loss

First notification of loss (FNOL) is the first contact in which the customer reports a claim.
The handler records the date of loss, the peril, a description and the contact details.
Claims reported more than 30 days after the date of loss are reviewed by a senior handler.

## Perils

Escape of water is damage caused by water leaking from a fixed installation such as a pipe,
tank or appliance.
Storm is defined as winds of at least 55 miles per hour, or heavy rain or snow.
Subsidence is the downward movement of the ground beneath the building.
Accidental damage is sudden and unexpected damage that is not deliberate.

## Excess and settlement

The excess is the first part of any claim that the customer pays.
The standard excess is 250 pounds, and escape of water claims carry an extra 200 pounds.
Claims below 2,500 pounds can be settled by the handler without approval.
Claims between 2,500 and 10,000 pounds need a team leader's approval.
Claims above 10,000 pounds need a claims manager's approval.

## Loss adjusters

A loss adjuster is appointed when the claim is expected to exceed 15,000 pounds or the cause
is unclear.
The adjuster visits the property, confirms the cause and agrees the scope of repairs.

## Complaints

If the customer is unhappy with a decision, the handler logs a complaint on the same day.
A final response letter is sent within eight weeks.
""",
    "docs/fraud_indicators.txt": """Fraud indicators for home claims

A fraud indicator is a sign that a claim needs a closer look; it is not proof of fraud.
Handlers refer a claim to the special investigations unit (SIU) when two or more indicators apply.

Common indicators:
The policy was taken out or the cover increased shortly before the loss.
The claim is reported late without a good reason.
The customer cannot provide receipts or proof of ownership for expensive items.
The story of the loss changes between calls.
The same address, phone number or bank account appears on other recent claims.
Invoices or photos appear to have been edited.
The customer pushes for a quick cash settlement instead of repair.

The SIU reviews a referral within 10 working days.
If the SIU confirms fraud, the claim is declined and the policy is cancelled from the date of
the fraudulent act.
Handlers must never accuse a customer of fraud; they only ask for further information.
""",
    "docs/escape_of_water_cover.md": """# Escape of water cover

## What is covered

The policy covers sudden escape of water from fixed water or heating installations.
The cost of tracing the source of the leak is covered up to 5,000 pounds.
Damage to floors, walls and contents caused by the water is covered.

## What is not covered

Damage caused by a gradual leak over weeks or months is excluded.
Failed grout or sealant around baths and showers is excluded.
Damage while the home is unoccupied for more than 60 days is excluded.

## Drying and repair

Drying is carried out by an approved drying contractor before any repairs start.
Drying usually takes between two and four weeks.
If mould is found, the contractor treats it before the walls are replastered.
""",
}


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # forestry
    pool = tree_rows(rng, 600, 1)
    keep = rng.random(len(pool)) < 0.16
    pool["health_status"] = pool["health_status"].where(keep, "")
    _write(pool.drop(columns=["fell_recommended", "risk_band"]), out / "tree_survey_2024.csv")
    _write(tree_rows(rng, 520, 2001), out / "tree_plots_train.csv")
    _write(tree_rows(rng, 160, 3001), out / "tree_plots_test.csv")
    unsurveyed = tree_rows(rng, 110, 4001).drop(
        columns=["health_status", "fell_recommended", "risk_band"]
    )
    _write(unsurveyed, out / "trees_to_assess.csv")
    notes, lab = disease_notes(rng, 420)
    _write(notes, out / "disease_notes.csv")
    _write(lab, out / "lab_results.csv")
    _write(drone_counts(rng, 320), out / "drone_counts.csv")

    # coffee kiosks
    _write(kiosk_days(rng, 700, 0, True), out / "kiosk_days_train.csv")
    _write(kiosk_days(rng, 200, 1000, True), out / "kiosk_days_test.csv")
    _write(kiosk_days(rng, 98, 2000, False), out / "kiosk_days_next_week.csv")
    _write(waste_log(rng, 520), out / "waste_log.csv")
    comments, tagged = customer_comments(rng, 460)
    _write(comments, out / "customer_comments.csv")
    _write(tagged, out / "comments_tagged.csv")
    _write(shifts(rng, 640), out / "staff_shifts.csv")
    _write(baristas(rng, 380, 100, True), out / "barista_history.csv")
    _write(baristas(rng, 90, 600, False), out / "barista_current.csv")

    # insurance
    _write(claim_rows(rng, 720, 1, True, 0.18), out / "claims_2023.csv")
    _write(claim_rows(rng, 210, 1001, True, 0.18), out / "claims_holdout.csv")
    _write(claim_rows(rng, 130, 1501, False, 0.18), out / "claims_incoming.csv")
    open_claims = claim_rows(rng, 650, 3001, True, 0.2)
    siu_idx = np.sort(rng.choice(len(open_claims), size=110, replace=False))
    siu = pd.DataFrame(
        {
            "claim_ref": open_claims["claim_ref"].iloc[siu_idx].to_numpy(),
            "siu_outcome": np.where(
                open_claims["fraud_flag"].iloc[siu_idx] == "yes", "fraud", "genuine"
            ),
        }
    )
    _write(open_claims.drop(columns=["fraud_flag", "claim_decision"]), out / "open_claims.csv")
    _write(siu, out / "siu_review.csv")
    _write(adjuster_notes(rng, 480), out / "adjuster_notes.csv")
    _write(payments(rng, 420), out / "claim_payments.csv")

    # rules and documents
    for name, rules in (
        ("disease_rules.json", DISEASE_RULES),
        ("waste_rules.json", WASTE_RULES),
        ("fraud_rules.json", FRAUD_RULES),
    ):
        (out / name).write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")
    for rel, text in DOCS.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
