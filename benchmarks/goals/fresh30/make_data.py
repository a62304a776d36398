"""Write fresh30's files: a car-rental company, a public-health lab, a wedding agency, a roaster.

Run: python make_data.py DIR  (deterministic, offline, invented data)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

RNG = np.random.default_rng(3030)


def pick(options, n, p=None):
    return RNG.choice(options, size=n, p=p)


def sentence(parts_by_class, cls, fillers):
    core = RNG.choice(parts_by_class[cls])
    extra = RNG.choice(fillers)
    return f"{core} {extra}".strip() if RNG.random() < 0.7 else str(core)


def blank_most(values, keep):
    out = np.array(values, dtype=object)
    mask = np.ones(len(out), dtype=bool)
    mask[RNG.choice(len(out), size=keep, replace=False)] = False
    out[mask] = ""
    return out


# ---------------------------------------------------------------- car rental
def bookings(n):
    branch = pick(["Airport T1", "Airport T2", "Central Station", "Harbour", "Old Town"], n)
    car_class = pick(["mini", "compact", "estate", "suv", "van", "premium"], n)
    channel = pick(["website", "app", "broker", "phone", "walk_in"], n, [0.35, 0.2, 0.3, 0.1, 0.05])
    lead = RNG.integers(0, 120, n)
    days = RNG.integers(1, 21, n)
    age = RNG.integers(19, 78, n)
    insurance = pick(["basic", "full", "none"], n, [0.5, 0.35, 0.15])
    base = {"mini": 28, "compact": 35, "estate": 48, "suv": 62, "van": 70, "premium": 95}
    price = np.array([base[c] for c in car_class]) * days * RNG.uniform(0.8, 1.3, n)
    notes_pool = [
        "flight lands late, please wait",
        "need child seat",
        "first time renting with you",
        "can we pick up earlier?",
        "business trip, invoice to company",
        "",
        "",
        "travelling with dog",
        "will cross border to neighbouring country",
        "booked via broker, voucher attached",
        "maybe change dates later",
        "please automatic gearbox",
    ]
    note = pick(notes_pool, n)
    z = (
        0.02 * lead
        + (channel == "broker") * 0.9
        - (insurance == "full") * 0.7
        + np.array(["maybe change" in t for t in note]) * 1.2
        - 2.2
    )
    cancelled = np.where(RNG.random(n) < 1 / (1 + np.exp(-z)), "yes", "no")
    z2 = (channel == "broker") * 1.0 + (age < 25) * 0.8 - 2.8 + (lead > 90) * 0.6
    no_show = np.where((RNG.random(n) < 1 / (1 + np.exp(-z2))) & (cancelled == "no"), "yes", "no")
    z3 = (car_class == "compact") * 0.8 + (days > 7) * 0.7 - 1.6 + (channel == "app") * 0.5
    upgraded = np.where(RNG.random(n) < 1 / (1 + np.exp(-z3)), "yes", "no")
    start = pd.Timestamp("2025-01-01")
    dates = [
        (start + pd.Timedelta(days=int(d))).date().isoformat() for d in RNG.integers(0, 360, n)
    ]
    return pd.DataFrame(
        {
            "branch": branch,
            "car_class": car_class,
            "channel": channel,
            "pickup_date": dates,
            "rental_days": days,
            "lead_time_days": lead,
            "driver_age": age,
            "insurance": insurance,
            "price_eur": price.round(2),
            "customer_note": note,
            "cancelled": cancelled,
            "no_show": no_show,
            "upgraded": upgraded,
        }
    )


DAMAGE = {
    "minor": [
        "small scratch on rear bumper",
        "light scuff on wing mirror",
        "tiny chip in paint near door handle",
        "hubcap scraped on kerb",
        "small dent passenger door, barely visible",
        "stone chip on windscreen, under 5mm",
    ],
    "moderate": [
        "dent in rear door and paint damage",
        "cracked tail light, needs replacing",
        "windscreen crack across driver side",
        "bumper cracked after parking collision",
        "alloy wheel badly scuffed and bent",
        "side mirror housing broken off",
    ],
    "major": [
        "front end collision, bonnet and radiator damaged",
        "airbag deployed, car not driveable",
        "flood damage inside, seats wet and electrics failing",
        "axle bent after hitting pothole at speed, towed back",
        "roof caved in from fallen tree",
        "engine warning and smoke after accident, written off probably",
    ],
}
DAMAGE_FILL = [
    "customer says it was already there",
    "photos taken at return",
    "noticed at handover",
    "customer signed the form",
    "reported by night shift",
    "",
]


def damage_reports(n):
    sev = pick(["minor", "moderate", "major"], n, [0.55, 0.32, 0.13])
    desc = [sentence(DAMAGE, s, DAMAGE_FILL) for s in sev]
    cost = np.array([{"minor": 120, "moderate": 650, "major": 4200}[s] for s in sev]) * RNG.uniform(
        0.5, 1.8, n
    )
    liability = np.where(
        np.array(["already there" in d for d in desc]),
        "wear_and_tear",
        pick(["customer", "third_party", "wear_and_tear"], n, [0.6, 0.2, 0.2]),
    )
    df = pd.DataFrame(
        {
            "report_id": [f"DR-{7000 + i}" for i in range(n)],
            "plate": [
                f"KR-{RNG.integers(100, 999)}-{chr(65 + RNG.integers(0, 26))}{chr(65 + RNG.integers(0, 26))}"
                for _ in range(n)
            ],
            "branch": pick(
                ["Airport T1", "Airport T2", "Central Station", "Harbour", "Old Town"], n
            ),
            "km_at_return": RNG.integers(3000, 160000, n),
            "checked_by": pick(["Marta", "Jonas", "Piotr", "Aylin", "Sven"], n),
            "photos": RNG.integers(0, 12, n),
            "description": desc,
            "repair_cost_eur": cost.round(0),
            "severity": blank_most(sev, 75),
            "liability": blank_most(liability, 60),
        }
    )
    return df, sev


def fleet_telemetry(n):
    model = pick(
        ["Fiat 500", "VW Golf", "Skoda Octavia", "Toyota RAV4", "Ford Transit", "BMW 5"], n
    )
    fuel = np.where(
        np.isin(model, ["Toyota RAV4"]),
        "hybrid",
        np.where(model == "Ford Transit", "diesel", "petrol"),
    )
    km = RNG.gamma(4, 120, n).round(0)
    df = pd.DataFrame(
        {
            "vehicle_id": [f"V{100 + i % 260:04d}" for i in range(n)],
            "model": model,
            "fuel_type": fuel,
            "week": [f"2025-W{(i // 260) + 30:02d}" for i in range(n)],
            "km_driven": km,
            "avg_speed_kmh": RNG.normal(52, 9, n).round(1),
            "harsh_brakes": RNG.poisson(2, n),
            "fuel_l_100km": RNG.normal(7.2, 1.0, n).round(2),
            "engine_temp_max_c": RNG.normal(96, 4, n).round(1),
            "battery_v_min": RNG.normal(12.4, 0.15, n).round(2),
            "tyre_pressure_bar": RNG.normal(2.4, 0.08, n).round(2),
            "idle_minutes": RNG.integers(5, 180, n),
        }
    )
    odd = RNG.choice(n, 12, replace=False)
    df.loc[odd[:3], "engine_temp_max_c"] = [131.0, 127.5, 139.2]
    df.loc[odd[3:6], "battery_v_min"] = [9.1, 8.7, 10.2]
    df.loc[odd[6:8], "km_driven"] = [9800.0, 12450.0]
    df.loc[odd[8:10], "fuel_l_100km"] = [31.5, 0.4]
    df.loc[odd[10:], "tyre_pressure_bar"] = [0.9, 4.6]
    service = (df["km_driven"] > 600) | (df["harsh_brakes"] > 4) | (df["engine_temp_max_c"] > 103)
    flip = RNG.random(n) < 0.08
    df["service_flag"] = np.where(service ^ flip, "yes", "no")
    return df


# ---------------------------------------------------------------- public-health lab
def sample_results(n):
    stype = pick(["drinking_water", "pool_water", "food_swab", "ice"], n, [0.45, 0.2, 0.25, 0.1])
    transit = RNG.gamma(3, 5, n).round(1)
    temp = RNG.normal(6, 2.5, n).round(1)
    ph = RNG.normal(7.3, 0.35, n).round(2)
    turb = RNG.gamma(1.5, 0.6, n).round(2)
    chlorine = (
        np.where(stype == "pool_water", RNG.normal(1.4, 0.4, n), RNG.normal(0.35, 0.15, n))
        .clip(0)
        .round(2)
    )
    coli = RNG.poisson(np.where(chlorine < 0.2, 8, 1.2)).astype(int)
    ecoli = np.where(RNG.random(n) < 0.04 + 0.06 * (coli > 3), "detected", "not_detected")
    fail = (coli > 4) | (ecoli == "detected") | (turb > 2.5) | (ph < 6.5) | (ph > 8.5)
    fail = fail ^ (RNG.random(n) < 0.05)
    retest = np.where((transit > 24) | (temp > 10) | (RNG.random(n) < 0.05), "yes", "no")
    start = pd.Timestamp("2025-03-01")
    return pd.DataFrame(
        {
            "sample_id": [f"PH25-{10000 + i}" for i in range(n)],
            "site_code": [f"S{RNG.integers(1, 60):03d}" for _ in range(n)],
            "sample_type": stype,
            "collected_on": [
                (start + pd.Timedelta(days=int(d))).date().isoformat()
                for d in RNG.integers(0, 270, n)
            ],
            "hours_in_transit": transit,
            "temp_on_arrival_c": temp,
            "ph": ph,
            "turbidity_ntu": turb,
            "free_chlorine_mg_l": chlorine,
            "coliforms_cfu_100ml": coli,
            "ecoli": ecoli,
            "bench": pick(["micro-1", "micro-2", "chem-A"], n),
            "outcome": np.where(fail, "fail", "pass"),
            "retest_required": retest,
        }
    )


NOTES = {
    "contamination": [
        "growth on negative control plate, batch repeated",
        "blank showed colonies, suspect contaminated media",
        "possible cross contamination between wells 3 and 4",
        "fungal growth on plates from incubator B",
        "control swab positive, all samples of the run to redo",
    ],
    "equipment": [
        "incubator 2 temperature drifted to 39C overnight",
        "pipette P200 out of calibration, swapped",
        "autoclave cycle aborted, error code E14",
        "turbidimeter gave unstable readings, recalibrated",
        "fridge alarm at 3am, door not closed properly",
    ],
    "paperwork": [
        "chain of custody form missing signature",
        "sample label does not match request form",
        "collection time not written on the bottle",
        "request form illegible, phoned the sampler",
        "two samples with same ID received, clarified with site",
    ],
    "none": [
        "routine run, all controls within limits",
        "batch completed as planned, results entered",
        "QC passed, no issues",
        "normal day, 24 samples processed",
        "all plates read and recorded, nothing to report",
    ],
}
NOTE_FILL = [
    "",
    "informed supervisor",
    "see LIMS entry",
    "handover to late shift",
    "will check tomorrow",
]


def lab_notes(n):
    cls = pick(list(NOTES), n, [0.2, 0.25, 0.25, 0.3])
    start = pd.Timestamp("2025-04-01")
    df = pd.DataFrame(
        {
            "note_id": np.arange(1, n + 1),
            "written_on": [
                (start + pd.Timedelta(days=int(d))).date().isoformat()
                for d in RNG.integers(0, 200, n)
            ],
            "analyst": pick(["HK", "RB", "LM", "TS", "AO"], n),
            "bench": pick(["micro-1", "micro-2", "chem-A"], n),
            "note_text": [sentence(NOTES, c, NOTE_FILL) for c in cls],
            "issue_type": blank_most(cls, 70),
        }
    )
    return df, cls


# ---------------------------------------------------------------- wedding agency
ENQ = {
    "hot": [
        "We have the venue booked for next June and want full planning, budget is flexible",
        "Ready to sign, can you send the contract and deposit details?",
        "Venue confirmed, 120 guests, looking for a planner to start asap",
        "Loved your portfolio, we want to book a consultation this week",
    ],
    "warm": [
        "Engaged last month, just starting to look at options",
        "Could you send your price list for partial planning?",
        "We are comparing a few planners, what is included in day coordination?",
        "Thinking about a 2027 wedding, still deciding on the location",
    ],
    "cold": [
        "How much does a wedding cost roughly?",
        "just browsing, no date yet",
        "Do you also do birthday parties?",
        "Is it possible to do a wedding for under 2000 pounds with 150 guests?",
    ],
}
ENQ_FILL = ["Thanks!", "Many thanks, Sarah & Tom", "x", "Sent from my phone", ""]


def enquiries(n, with_outcomes=True):
    cls = pick(list(ENQ), n, [0.25, 0.45, 0.3])
    budget = np.array([{"hot": 28000, "warm": 18000, "cold": 7000}[c] for c in cls]) * RNG.uniform(
        0.5, 1.6, n
    )
    df = pd.DataFrame(
        {
            "enquiry_id": [f"ENQ{3000 + i}" for i in range(n)],
            "received": [
                (pd.Timestamp("2025-01-05") + pd.Timedelta(days=int(d))).date().isoformat()
                for d in RNG.integers(0, 330, n)
            ],
            "source": pick(["instagram", "website_form", "wedding_fair", "referral", "hitched"], n),
            "wedding_month": pick(["May", "June", "July", "August", "September", "December"], n),
            "guest_count": RNG.integers(20, 220, n),
            "budget_gbp": (budget / 100).round(0) * 100,
            "venue_booked": np.where((cls == "hot") | (RNG.random(n) < 0.2), "yes", "no"),
            "message": [sentence(ENQ, c, ENQ_FILL) for c in cls],
        }
    )
    if with_outcomes:
        p = np.array([{"hot": 0.6, "warm": 0.25, "cold": 0.05}[c] for c in cls])
        df["lead_quality"] = blank_most(cls, 90)
        df["consultation_booked"] = np.where(RNG.random(n) < p + 0.15, "yes", "no")
        df["signed_contract"] = np.where(RNG.random(n) < p, "yes", "no")
    return df, cls


def supplier_invoices(n):
    cat = pick(["florist", "catering", "venue", "band", "photographer", "cake", "stationery"], n)
    base = {
        "florist": 1800,
        "catering": 9000,
        "venue": 7000,
        "band": 2500,
        "photographer": 2200,
        "cake": 600,
        "stationery": 400,
    }
    guests = RNG.integers(30, 200, n)
    amount = np.array([base[c] for c in cat]) * (0.6 + guests / 150) * RNG.uniform(0.85, 1.15, n)
    df = pd.DataFrame(
        {
            "invoice_no": [f"INV-{24000 + i}" for i in range(n)],
            "supplier": [f"{c.title()} Co {RNG.integers(1, 9)}" for c in cat],
            "category": cat,
            "wedding_ref": [f"W{RNG.integers(100, 400)}" for _ in range(n)],
            "guests": guests,
            "amount_gbp": amount.round(2),
            "vat_gbp": (amount * 0.2).round(2),
            "line_items": RNG.integers(1, 15, n),
            "days_to_pay": RNG.integers(7, 45, n),
        }
    )
    odd = RNG.choice(n, 10, replace=False)
    df.loc[odd[:3], "amount_gbp"] = [58200.0, 44100.0, 61000.0]
    df.loc[odd[3:5], "vat_gbp"] = [0.0, 9999.0]
    df.loc[odd[5:7], "days_to_pay"] = [190, 365]
    df.loc[odd[7:], "line_items"] = [88, 120, 0]
    df["disputed"] = np.where((RNG.random(n) < 0.08) | df.index.isin(odd[:5]), "yes", "no")
    return df


REV = {
    "positive": [
        "Absolutely amazing, the day ran perfectly and our planner was calm the whole time",
        "Could not recommend more, every detail was looked after",
        "Best decision we made, the flowers and timing were perfect",
        "Stress free from start to finish, thank you so much",
    ],
    "negative": [
        "Planner stopped answering emails two weeks before the wedding",
        "The caterer they recommended was late and the food was cold",
        "Very disappointed, hidden fees on the final invoice",
        "Disorganised on the day, the band did not know the schedule",
    ],
    "mixed": [
        "Lovely venue suggestions but communication was slow at times",
        "The day was beautiful though the invoice was higher than quoted",
        "Great ideas, a few mix ups with the seating plan",
        "Good value overall, but the photographer they booked was average",
    ],
}
REV_FILL = [
    "",
    "5 stars for the flowers though",
    "would maybe use again",
    "thanks to the whole team",
    "x",
]


def reviews(n):
    cls = pick(list(REV), n, [0.55, 0.2, 0.25])
    stars = np.array([{"positive": 5, "negative": 2, "mixed": 3}[c] for c in cls]) + RNG.integers(
        -1, 1, n
    )
    return pd.DataFrame(
        {
            "review_id": [f"R{500 + i}" for i in range(n)],
            "platform": pick(["google", "hitched", "facebook", "bridebook"], n),
            "posted": [
                (pd.Timestamp("2024-06-01") + pd.Timedelta(days=int(d))).date().isoformat()
                for d in RNG.integers(0, 500, n)
            ],
            "stars": stars.clip(1, 5),
            "review_text": [sentence(REV, c, REV_FILL) for c in cls],
            "sentiment": blank_most(cls, 80),
        }
    )


# ---------------------------------------------------------------- coffee roaster
def roast_logs(n):
    level = pick(["light", "medium", "dark"], n, [0.35, 0.45, 0.2])
    drop = np.array([{"light": 205, "medium": 214, "dark": 224}[x] for x in level]) + RNG.normal(
        0, 2.5, n
    )
    dev = np.array([{"light": 15, "medium": 19, "dark": 24}[x] for x in level]) + RNG.normal(
        0, 2, n
    )
    loss = np.array([{"light": 12.5, "medium": 14.5, "dark": 17}[x] for x in level]) + RNG.normal(
        0, 0.8, n
    )
    df = pd.DataFrame(
        {
            "roast_id": [f"RB{5000 + i}" for i in range(n)],
            "roast_date": [
                (pd.Timestamp("2025-02-01") + pd.Timedelta(days=int(d))).date().isoformat()
                for d in RNG.integers(0, 280, n)
            ],
            "machine": pick(["Probat P12", "Giesen W15"], n),
            "origin": pick(["Ethiopia", "Colombia", "Brazil", "Kenya", "Guatemala", "Sumatra"], n),
            "process": pick(["washed", "natural", "honey"], n, [0.55, 0.35, 0.1]),
            "batch_kg": RNG.choice([6, 8, 10, 12], n),
            "charge_temp_c": RNG.normal(200, 4, n).round(1),
            "first_crack_min": RNG.normal(8.6, 0.5, n).round(2),
            "drop_temp_c": drop.round(1),
            "dev_time_pct": dev.round(1),
            "weight_loss_pct": loss.round(2),
            "humidity_pct": RNG.normal(48, 8, n).round(0),
            "roast_level": level,
        }
    )
    score = (
        86
        - np.abs(df["dev_time_pct"] - 19) * 0.4
        - (df["humidity_pct"] > 60) * 1.5
        + RNG.normal(0, 1, n)
    )
    df["cupping_score"] = score.round(1)
    df["qc"] = np.where(score > 83.5, "pass", "fail")
    odd = RNG.choice(n, 10, replace=False)
    df.loc[odd[:3], "drop_temp_c"] = [246.0, 181.0, 251.5]
    df.loc[odd[3:5], "weight_loss_pct"] = [4.1, 26.3]
    df.loc[odd[5:7], "first_crack_min"] = [2.1, 17.8]
    df.loc[odd[7:], "batch_kg"] = [45, 60, 1]
    return df


def wholesale(n, with_outcomes=True):
    seg = pick(["cafe", "restaurant", "office", "hotel", "deli"], n)
    months = RNG.integers(1, 72, n)
    last = RNG.integers(2, 120, n)
    complaints = RNG.poisson(0.6, n)
    df = pd.DataFrame(
        {
            "account_id": [f"WH{200 + i}" for i in range(n)],
            "cafe_name": [
                f"{RNG.choice(['Bean', 'Cup', 'Corner', 'Crema', 'Daily', 'Grind'])} {RNG.choice(['House', 'Bar', 'Club', 'Lab', 'Spot'])} {i}"
                for i in range(n)
            ],
            "city": pick(["Leeds", "York", "Hull", "Sheffield", "Harrogate"], n),
            "segment": seg,
            "months_as_customer": months,
            "avg_kg_month": RNG.gamma(2.5, 6, n).round(1),
            "days_since_last_order": last,
            "orders_last_quarter": RNG.poisson(4, n),
            "discount_pct": RNG.choice([0, 5, 10, 15], n),
            "main_blend": pick(
                ["House Espresso", "Northern Light", "Decaf Swiss", "Single Origin Rotation"], n
            ),
            "complaints_12m": complaints,
        }
    )
    if with_outcomes:
        z = 0.03 * last - 0.03 * months + 0.6 * complaints - 1.5 - 0.05 * df["discount_pct"]
        df["churned"] = np.where(RNG.random(n) < 1 / (1 + np.exp(-z)), "yes", "no")
        df["upsell_taken"] = np.where(RNG.random(n) < 0.25 + 0.2 * (seg == "hotel"), "yes", "no")
    return df


TASTE = {
    "fruity": [
        "bright blueberry and strawberry jam",
        "juicy stone fruit, peach, apricot",
        "red berries, winey acidity",
        "tropical mango and passion fruit",
    ],
    "chocolatey": [
        "dark chocolate and cocoa, heavy body",
        "milk chocolate, brownie, low acidity",
        "cocoa nibs and molasses",
        "chocolate fudge sweetness, syrupy",
    ],
    "floral": [
        "jasmine and bergamot, tea like",
        "delicate rose and honeysuckle",
        "lavender aroma, light body",
        "orange blossom, elegant and clean",
    ],
    "nutty": [
        "roasted hazelnut and almond",
        "peanut brittle, caramel",
        "toasted walnut, mild and round",
        "marzipan, nutty finish",
    ],
}
TASTE_FILL = [
    "",
    "long finish",
    "slightly astringent when cooling",
    "good as espresso",
    "clean cup",
    "bit flat on day 2",
]


def tasting_notes(n):
    cls = pick(list(TASTE), n, [0.3, 0.35, 0.15, 0.2])
    return pd.DataFrame(
        {
            "cup_id": [f"C{800 + i}" for i in range(n)],
            "coffee": pick(
                [
                    "Yirgacheffe Kochere",
                    "Huila Pink Bourbon",
                    "Cerrado Natural",
                    "Nyeri AA",
                    "Huehue",
                    "House Espresso",
                ],
                n,
            ),
            "taster": pick(["Ola", "Dev", "Kasia", "Rui"], n),
            "cupped_on": [
                (pd.Timestamp("2025-05-01") + pd.Timedelta(days=int(d))).date().isoformat()
                for d in RNG.integers(0, 180, n)
            ],
            "notes": [sentence(TASTE, c, TASTE_FILL) for c in cls],
            "score": RNG.normal(85, 1.8, n).round(1),
            "flavour_family": blank_most(cls, 70),
        }
    ), cls


# ---------------------------------------------------------------- documents
MANUAL = """# Sample Handling Procedures Manual (PHL-SOP-01, rev 7)

## 1. Scope

This manual covers the receipt, storage, testing and reporting of drinking water, pool water,
food swab and ice samples at the regional public-health laboratory. It applies to all analysts
and sample reception staff.

## 2. Sample reception

Every sample is logged in the LIMS within 30 minutes of arrival. The receiving officer checks the
chain of custody form, the label and the temperature on arrival. Water samples must arrive below
10 degrees Celsius. A sample that arrives above 10 degrees Celsius is accepted only with a
deviation note and is flagged for retest. Samples older than 24 hours at the time of testing are
rejected for microbiology.

## 3. Microbiology testing

Coliforms and E. coli are tested by membrane filtration on chromogenic agar. Plates are incubated
at 37 degrees Celsius for 21 to 24 hours. A negative control and a positive control are run with
every batch. If the negative control shows growth, the whole batch is repeated and the media lot is
quarantined.

## 4. Chemistry

The pH is measured with a calibrated meter; calibration uses buffers 4, 7 and 10 every morning.
Turbidity is measured in NTU; drinking water above 1 NTU is reported to the water supplier the same
day. Free chlorine for pool water should be between 1.0 and 3.0 mg/l.

## 5. Reporting

A failed drinking-water sample is phoned to the duty public-health officer within two hours. The
written report follows within one working day. Results are released only after a second analyst
has checked the entry.

## 6. Equipment

Incubators are checked twice a day and the readings are written in the equipment log. A reading
outside 35 to 39 degrees Celsius is an equipment deviation. Pipettes are calibrated every six
months by an external service.
"""

RECEPTION = """# Sample reception checklist

Sample reception is the first point of contact for samplers and couriers.

## Opening the cool box

Check the temperature logger before opening. The logger reading is written on the reception form.
If the cool box arrives without ice packs, the receiving officer records this as a deviation.

## Labels

Each bottle carries the sample ID, the site code, the collection date and time and the sampler's
initials. A bottle with a missing or illegible label is held in quarantine and the sampler is
phoned. Two bottles with the same sample ID are never tested until the site confirms which is which.

## Out of hours

Samples delivered out of hours go into the reception fridge at 2 to 8 degrees Celsius. The duty
analyst logs them first thing in the morning.
"""

BIOSAFETY = """Biosafety notes for the microbiology benches

Lab coats and gloves are worn at all times at the micro benches. Plates with E. coli growth are
autoclaved before disposal. The autoclave runs at 121 degrees Celsius for at least 15 minutes.
A spill of a positive culture is covered with paper towels and 1 percent hypochlorite for 10
minutes before cleaning. Any spill is reported to the biosafety officer the same day.

Visitors are not allowed in the microbiology room without the lab manager's permission.
Eating and drinking in the laboratory is forbidden.
"""

SUPPLIER_TERMS = """# Supplier terms and payment guide

## Deposits

Most suppliers take a deposit of 25 to 50 percent when the booking is confirmed. The venue deposit
is usually non-refundable. The agency pays supplier deposits only after the couple has paid the
agency's own planning deposit.

## Invoices

Supplier invoices are checked against the quote before payment. An invoice more than 10 percent
above the quote is queried with the supplier and marked as disputed until it is resolved. VAT is
charged at 20 percent unless the supplier is not VAT registered.

## Payment timing

Final balances are paid 14 days before the wedding. Caterers are paid their final balance after
the final guest numbers are confirmed, usually 21 days before the date.

## Cancellations

If a couple cancels more than 12 months before the date, only deposits are lost. Cancellation
within 3 months of the date means the full supplier fees are due.
"""

CLIENT_HANDBOOK = """# Client handbook

## Our packages

Full planning covers everything from the first meeting to the last dance and starts 12 to 18
months before the wedding. Partial planning starts 6 months before and covers supplier booking and
the timeline. Day coordination starts 6 weeks before the date and covers the day itself.

## Consultations

The first consultation is free and lasts one hour. It can be held at our studio or online.
A planner is assigned after the contract is signed and the planning deposit is paid.

## On the day

The lead planner arrives two hours before the ceremony. An assistant planner is included for
weddings with more than 100 guests. The team stays until the first dance unless the couple books
extra hours.
"""

ROAST_GUIDE = """# Roasting guide for the production team

## Before the first batch

The roaster is preheated for 30 minutes. The charge temperature for a 10 kg batch on the Probat
is 200 degrees Celsius. On the Giesen the charge temperature is 5 degrees lower.

## Development

Development time is the time from first crack to drop, as a percentage of the total roast time.
Light roasts are dropped at 15 to 17 percent development. Medium roasts are dropped at 18 to 21
percent. Dark roasts go above 22 percent and are dropped before second crack gets rolling.

## Weight loss

Weight loss is measured on every batch. A light roast loses about 12 to 13 percent of its weight,
a medium roast 14 to 15 percent and a dark roast 16 to 18 percent. A batch outside these ranges is
held for cupping before it is packed.

## Quality control

Every batch is cupped the next morning. A batch that scores below 83.5 fails quality control and is
sold only as a seconds blend. Humid days above 60 percent humidity need a longer drying phase.
"""

GREEN_STORAGE = """Green coffee storage notes

Green coffee is stored in GrainPro bags inside jute sacks, off the floor on pallets. The storage
room is kept between 15 and 20 degrees Celsius and below 60 percent relative humidity. New-crop
coffee is used within 12 months of arrival. Each pallet carries a card with the lot number, the
arrival date and the moisture reading. Moisture above 12.5 percent is reported to the green buyer
because the coffee can grow mould.
"""


def rules():
    damage = [
        {
            "name": "kw_major",
            "label": "major",
            "kind": "keyword",
            "column": "description",
            "keywords": ["airbag", "towed", "flood", "written off", "not driveable", "collision"],
        },
        {
            "name": "kw_moderate",
            "label": "moderate",
            "kind": "keyword",
            "column": "description",
            "keywords": ["cracked", "crack", "broken", "bent", "dent in"],
        },
        {
            "name": "kw_minor",
            "label": "minor",
            "kind": "keyword",
            "column": "description",
            "keywords": ["scratch", "scuff", "chip", "tiny", "small"],
        },
        {
            "name": "cost_high",
            "label": "major",
            "kind": "threshold",
            "column": "repair_cost_eur",
            "op": ">",
            "value": 2500,
        },
        {
            "name": "cost_low",
            "label": "minor",
            "kind": "threshold",
            "column": "repair_cost_eur",
            "op": "<",
            "value": 200,
        },
    ]
    lab = [
        {
            "name": "contam_words",
            "label": "contamination",
            "kind": "keyword",
            "column": "note_text",
            "keywords": ["contaminated", "contamination", "growth", "colonies", "fungal"],
        },
        {
            "name": "equip_words",
            "label": "equipment",
            "kind": "keyword",
            "column": "note_text",
            "keywords": [
                "incubator",
                "pipette",
                "autoclave",
                "calibration",
                "fridge",
                "recalibrated",
            ],
        },
        {
            "name": "paper_words",
            "label": "paperwork",
            "kind": "keyword",
            "column": "note_text",
            "keywords": ["form", "label", "signature", "illegible", "same ID"],
        },
        {
            "name": "ok_words",
            "label": "none",
            "kind": "regex",
            "column": "note_text",
            "pattern": r"(no issues|nothing to report|within limits|as planned)",
            "ignore_case": True,
        },
    ]
    tasting = [
        {
            "name": "fruit",
            "label": "fruity",
            "kind": "keyword",
            "column": "notes",
            "keywords": [
                "blueberry",
                "strawberry",
                "peach",
                "apricot",
                "berries",
                "mango",
                "fruit",
            ],
        },
        {
            "name": "choc",
            "label": "chocolatey",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["chocolate", "cocoa", "brownie", "fudge", "molasses"],
        },
        {
            "name": "flower",
            "label": "floral",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["jasmine", "rose", "lavender", "blossom", "bergamot"],
        },
        {
            "name": "nut",
            "label": "nutty",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["hazelnut", "almond", "peanut", "walnut", "marzipan"],
        },
    ]
    return damage, lab, tasting


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    # car rental
    b = bookings(1000)
    b.insert(0, "booking_id", [f"BK{250000 + i}" for i in range(len(b))])
    b.iloc[:700].to_csv(out / "bookings.csv", index=False)
    b.iloc[700:880].to_csv(out / "bookings_test.csv", index=False)
    b.iloc[880:].drop(columns=["cancelled", "no_show", "upgraded"]).to_csv(
        out / "bookings_upcoming.csv", index=False
    )
    dmg, sev = damage_reports(520)
    dmg.to_csv(out / "damage_reports.csv", index=False)
    gold_idx = RNG.choice(len(dmg), 130, replace=False)
    pd.DataFrame(
        {"report_id": dmg["report_id"].to_numpy()[gold_idx], "severity_checked": sev[gold_idx]}
    ).to_csv(out / "damage_checked_by_fleet_mgr.csv", index=False)
    fleet_telemetry(780).to_csv(out / "fleet_telemetry.csv", index=False)
    # lab
    s = sample_results(1000)
    s.iloc[:640].to_csv(out / "results_train.csv", index=False)
    s.iloc[640:880].to_csv(out / "results_test.csv", index=False)
    s.iloc[880:].drop(columns=["outcome", "retest_required"]).to_csv(
        out / "results_pending.csv", index=False
    )
    notes, ncls = lab_notes(480)
    notes.to_csv(out / "lab_notes.csv", index=False)
    g = RNG.choice(len(notes), 150, replace=False)
    pd.DataFrame({"note_id": notes["note_id"].to_numpy()[g], "issue": ncls[g]}).to_csv(
        out / "lab_notes_gold.csv", index=False
    )
    # wedding
    e, _ = enquiries(760)
    e.iloc[:600].to_csv(out / "enquiries.csv", index=False)
    e.iloc[600:].drop(columns=["lead_quality"]).to_csv(out / "enquiries_holdout.csv", index=False)
    new, _ = enquiries(70, with_outcomes=False)
    new["enquiry_id"] = [f"ENQ{4000 + i}" for i in range(len(new))]
    new.to_csv(out / "enquiries_new_week.csv", index=False)
    supplier_invoices(420).to_csv(out / "supplier_invoices.csv", index=False)
    reviews(520).to_csv(out / "reviews.csv", index=False)
    # coffee
    roast_logs(720).to_csv(out / "roast_logs.csv", index=False)
    w = wholesale(720)
    w.iloc[:540].to_csv(out / "wholesale_accounts.csv", index=False)
    w.iloc[540:].to_csv(out / "wholesale_accounts_test.csv", index=False)
    wholesale(60, with_outcomes=False).assign(
        account_id=[f"WH{900 + i}" for i in range(60)]
    ).to_csv(out / "wholesale_prospects.csv", index=False)
    t, _ = tasting_notes(460)
    t.to_csv(out / "tasting_notes.csv", index=False)
    # rules
    damage, lab, tasting = rules()
    (out / "damage_rules.json").write_text(json.dumps(damage, indent=2) + "\n", encoding="utf-8")
    (out / "lab_note_rules.json").write_text(json.dumps(lab, indent=2) + "\n", encoding="utf-8")
    (out / "tasting_rules.json").write_text(json.dumps(tasting, indent=2) + "\n", encoding="utf-8")
    # documents
    for folder, name, text in [
        ("manual", "procedures_manual.md", MANUAL),
        ("manual", "sample_reception.md", RECEPTION),
        ("manual", "biosafety_notes.txt", BIOSAFETY),
        ("agency", "supplier_terms.md", SUPPLIER_TERMS),
        ("agency", "client_handbook.md", CLIENT_HANDBOOK),
        ("roastery", "roasting_guide.md", ROAST_GUIDE),
        ("roastery", "green_storage.txt", GREEN_STORAGE),
    ]:
        (out / folder).mkdir(exist_ok=True)
        (out / folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
