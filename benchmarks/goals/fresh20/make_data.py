"""Write the fresh20 corpus's invented files (hotel, lab, bookshop, farm co-op) into a folder.

Run: python make_data.py DIR   (deterministic, offline, numpy/pandas only)
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2020


def _pick(
    rng: np.random.Generator, items: list[str], n: int, p: list[float] | None = None
) -> list[str]:
    return [items[i] for i in rng.choice(len(items), size=n, p=p)]


def _blank_most(rng: np.random.Generator, values: list[str], keep: int) -> list[str | None]:
    """Keep `keep` labels (spread over the rows), blank the rest."""
    kept = set(rng.choice(len(values), size=keep, replace=False).tolist())
    return [v if i in kept else None for i, v in enumerate(values)]


# ----------------------------------------------------------------------------- hotel
def bookings(rng: np.random.Generator) -> pd.DataFrame:
    n = 900
    hotel = _pick(rng, ["Harbour View", "Old Town", "Airport Inn"], n, [0.4, 0.35, 0.25])
    channel = _pick(rng, ["direct", "OTA", "corporate", "travel_agent"], n, [0.3, 0.45, 0.12, 0.13])
    room = _pick(rng, ["standard", "deluxe", "suite", "family"], n, [0.5, 0.25, 0.08, 0.17])
    deposit = _pick(rng, ["none", "refundable", "non_refundable"], n, [0.7, 0.18, 0.12])
    lead = rng.gamma(2.0, 35.0, n).round().astype(int)
    nights = rng.integers(1, 9, n)
    adults = rng.integers(1, 4, n)
    children = rng.choice([0, 0, 0, 1, 2], n)
    repeat = (rng.random(n) < 0.12).astype(int)
    requests = rng.poisson(0.8, n)
    base = {"standard": 95, "deluxe": 140, "suite": 260, "family": 150}
    adr = np.array([base[r] for r in room]) * rng.normal(1.0, 0.12, n)
    arrival = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 366, n), unit="D")
    logit = (
        -1.6
        + 0.012 * lead
        + np.array([0.9 if c == "OTA" else (-0.6 if c == "corporate" else 0.0) for c in channel])
        + np.array(
            [
                -1.4 if d == "non_refundable" else (-0.3 if d == "refundable" else 0.2)
                for d in deposit
            ]
        )
        - 0.9 * repeat
        - 0.35 * requests
    )
    cancelled = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
    return pd.DataFrame(
        {
            "booking_id": [f"BK{10400 + i}" for i in range(n)],
            "hotel": hotel,
            "arrival_date": arrival.strftime("%Y-%m-%d"),
            "nights": nights,
            "adults": adults,
            "children": children,
            "room_type": room,
            "channel": channel,
            "lead_time_days": lead,
            "avg_daily_rate_eur": adr.round(2),
            "deposit": deposit,
            "repeat_guest": repeat,
            "special_requests": requests,
            "cancelled": cancelled,
        }
    )


REVIEW_BITS = {
    "positive": [
        "Lovely stay, the staff at reception were so friendly",
        "Room was spotless and the bed very comfortable",
        "Breakfast buffet was excellent with lots of fresh fruit",
        "Great location, we walked everywhere",
        "Check-in took two minutes and they upgraded us for free",
        "Quiet room with a beautiful view of the harbour",
        "Would definitely come back, best hotel in town",
        "The concierge booked us a great restaurant",
    ],
    "negative": [
        "The room smelled of smoke and nobody fixed it",
        "Waited forty minutes to check in, awful",
        "Air conditioning broken for three nights, no apology",
        "Dirty bathroom and hair in the shower",
        "Charged twice on my card and still waiting for the refund",
        "Very noisy, construction from 7am, could not sleep",
        "Rude night manager, never again",
        "Wifi did not work at all and breakfast was cold",
    ],
}
MIXED_JOIN = [" but ", ", however ", " although ", " - on the other hand "]


def guest_reviews(rng: np.random.Generator) -> pd.DataFrame:
    n = 480
    hotel = _pick(rng, ["Harbour View", "Old Town", "Airport Inn"], n)
    sentiment = _pick(rng, ["positive", "negative", "mixed"], n, [0.45, 0.3, 0.25])
    texts = []
    for s in sentiment:
        if s == "mixed":
            good = REVIEW_BITS["positive"][rng.integers(8)]
            bad = REVIEW_BITS["negative"][rng.integers(8)].lower()
            texts.append(good + MIXED_JOIN[rng.integers(4)] + bad + ".")
        else:
            bits = rng.choice(8, size=2, replace=False)
            texts.append(". ".join(REVIEW_BITS[s][b] for b in bits) + ".")
    months = pd.period_range("2024-01", "2024-12", freq="M").strftime("%Y-%m").tolist()
    return pd.DataFrame(
        {
            "review_id": np.arange(5001, 5001 + n),
            "hotel": hotel,
            "stay_month": _pick(rng, months, n),
            "review_text": texts,
            "sentiment": _blank_most(rng, sentiment, 75),
        }
    )


def room_rates() -> pd.DataFrame:
    rng = np.random.default_rng(SEED + 3)
    days = pd.date_range("2024-01-01", "2024-06-30", freq="D")
    base = {"standard": 95, "deluxe": 140, "suite": 260, "family": 150}
    rows = []
    for hotel, mult in [("Harbour View", 1.15), ("Old Town", 1.0), ("Airport Inn", 0.8)]:
        for room, price in base.items():
            for d in days:
                weekend = d.day_of_week >= 4
                occ = float(np.clip(rng.normal(78 if weekend else 64, 9), 15, 100))
                rate = (
                    price
                    * mult
                    * (1.18 if weekend else 1.0)
                    * (0.8 + occ / 250)
                    * rng.normal(1, 0.04)
                )
                plan = (
                    "BAR"
                    if rng.random() < 0.8
                    else ("promo" if rng.random() < 0.6 else "corporate")
                )
                rows.append(
                    [d.strftime("%Y-%m-%d"), hotel, room, plan, round(rate, 2), round(occ, 1)]
                )
    frame = pd.DataFrame(
        rows, columns=["date", "hotel", "room_type", "rate_plan", "rate_eur", "occupancy_pct"]
    )
    # Planted: a zero rate, a fat-finger rate, an impossible occupancy, a suite priced as a standard.
    frame.loc[137, "rate_eur"] = 0.0
    frame.loc[905, "rate_eur"] = 11950.0
    frame.loc[1460, "occupancy_pct"] = 164.0
    frame.loc[1670, "rate_eur"] = 19.0
    return frame


FRONT_DESK = """# Front desk procedures (all three hotels)

## Check-in

Standard check-in time is 15:00 and check-out time is 11:00. Early check-in is free when the
room is ready; a guarantee of early check-in before 12:00 costs 35 euros. Every guest shows a
photo ID at check-in, and guests from outside the EU fill in the police registration card.

A pre-authorisation of 50 euros per night is taken on the guest's card for incidentals. The
pre-authorisation is released within 3 working days of check-out.

## Cancellations and no-shows

Flexible rate bookings can be cancelled free of charge until 18:00 on the day before arrival.
Non-refundable bookings are charged in full at the time of booking and cannot be changed.
If a guest does not arrive by 02:00, the booking is marked as a no-show and the first night is
charged. Group bookings of more than 8 rooms follow the group contract, not this policy.

## Complaints

When a guest complains, the receptionist listens without interrupting, apologises and writes
the complaint in the duty log. A complaint about cleanliness is passed to housekeeping within
10 minutes. The duty manager may offer a compensation of up to one night's room rate; anything
higher needs the general manager's approval.

## Overbooking

If the hotel is overbooked, the duty manager walks the guest to a partner hotel of the same
category or better. The hotel pays the first night at the partner hotel and the taxi there.
Loyalty members and guests staying more than 3 nights are never walked.

## Lost property

Lost property is logged with the room number, date and finder. Items are kept for 90 days;
valuables are kept in the safe. Guests pay the postage when an item is sent home.

## Cash handling

The float at each desk is 300 euros. Cash is counted at every shift change by both
receptionists, and a difference above 10 euros is reported to the duty manager.
"""


# ----------------------------------------------------------------------------- lab
def instrument_readings(rng: np.random.Generator) -> pd.DataFrame:
    n = 720
    instrument = _pick(rng, ["WQ-probe-A", "WQ-probe-B", "WQ-probe-C"], n)
    taken = pd.Timestamp("2024-09-02 08:00") + pd.to_timedelta(
        np.sort(rng.integers(0, 60 * 24 * 90, n)), unit="min"
    )
    days = ((taken - taken[0]).total_seconds() / 86400).to_numpy()
    ph = rng.normal(7.2, 0.35, n)
    drift = np.array([0.018 if i == "WQ-probe-B" else 0.0 for i in instrument]) * days
    ph = ph + drift
    temp = rng.normal(21.0, 1.2, n)
    cond = rng.normal(450, 60, n)
    do = rng.normal(8.1, 0.6, n)
    absorb = np.abs(rng.normal(0.32, 0.08, n))
    frame = pd.DataFrame(
        {
            "reading_id": [f"R{i:05d}" for i in range(1, n + 1)],
            "instrument": instrument,
            "taken_at": taken.strftime("%Y-%m-%d %H:%M"),
            "operator": _pick(rng, ["mk", "jt", "ls", "ap"], n),
            "ph": ph.round(2),
            "water_temp_c": temp.round(1),
            "conductivity_us_cm": cond.round(0),
            "dissolved_oxygen_mg_l": do.round(2),
            "absorbance_600nm": absorb.round(3),
        }
    )
    # Planted impossible values.
    frame.loc[44, "ph"] = 15.8
    frame.loc[203, "water_temp_c"] = -41.0
    frame.loc[388, "absorbance_600nm"] = -0.42
    frame.loc[512, "dissolved_oxygen_mg_l"] = 61.0
    frame.loc[600, "conductivity_us_cm"] = -120.0
    frame.loc[655, "ph"] = -1.3
    return frame


def sample_log(rng: np.random.Generator) -> pd.DataFrame:
    n = 350
    kind = _pick(rng, ["river water", "soil extract", "serum", "tissue"], n, [0.4, 0.25, 0.2, 0.15])
    storage = {
        "river water": "fridge 4C",
        "soil extract": "fridge 4C",
        "serum": "freezer -80C",
        "tissue": "freezer -20C",
    }
    return pd.DataFrame(
        {
            "sample_id": [f"S24-{i:04d}" for i in range(1, n + 1)],
            "received_on": (
                pd.Timestamp("2024-09-01") + pd.to_timedelta(rng.integers(0, 100, n), unit="D")
            ).strftime("%Y-%m-%d"),
            "project": _pick(rng, ["RIVERWATCH", "SOILCARB", "IMMUNO-7", "FISHGILL"], n),
            "sample_type": kind,
            "storage": [storage[k] for k in kind],
            "volume_ml": rng.uniform(0.5, 50, n).round(1),
            "technician": _pick(rng, ["M. Kowalska", "J. Tan", "L. Silva", "A. Petrov"], n),
            "status": _pick(
                rng, ["received", "in analysis", "done", "discarded"], n, [0.2, 0.25, 0.5, 0.05]
            ),
        }
    )


FAULT_NOTES = {
    "electrical": [
        "unit will not power on after the weekend",
        "fuse blown again on the {i}",
        "power light flickers and the display resets",
        "smell of burning from the power supply of the {i}",
        "tripped the breaker when the heater started",
    ],
    "mechanical": [
        "rotor makes a grinding noise above 4000 rpm",
        "door latch of the {i} is stuck, cannot open",
        "pump tubing cracked, leaking buffer on the bench",
        "lid hinge broken, lid falls off",
        "strong vibration during the run, {i} walks across the bench",
    ],
    "software": [
        "export to USB freezes the {i} software",
        "firmware update failed, stuck on boot screen",
        "method files disappeared after the update",
        "software says licence expired on the {i} PC",
        "results table shows wrong dates since the clock change",
    ],
    "calibration": [
        "readings drift by 0.3 units over the day on the {i}",
        "standard buffer 7.00 reads 7.41, needs recalibration",
        "blank gives non zero absorbance after warm up",
        "balance off by 2 mg with the check weight",
        "slope out of range after two point calibration",
    ],
}


def equipment_faults(rng: np.random.Generator) -> pd.DataFrame:
    n = 260
    instruments = ["centrifuge", "pH meter", "spectrophotometer", "balance", "HPLC", "incubator"]
    category = _pick(rng, list(FAULT_NOTES), n, [0.22, 0.28, 0.2, 0.3])
    inst = _pick(rng, instruments, n)
    notes = [
        FAULT_NOTES[c][rng.integers(5)].format(i=i) for c, i in zip(category, inst, strict=True)
    ]
    return pd.DataFrame(
        {
            "fault_id": np.arange(1, n + 1),
            "reported_on": (
                pd.Timestamp("2024-01-08") + pd.to_timedelta(rng.integers(0, 330, n), unit="D")
            ).strftime("%Y-%m-%d"),
            "instrument": inst,
            "reported_by": _pick(rng, ["mk", "jt", "ls", "ap", "student"], n),
            "note": notes,
            "category": _blank_most(rng, category, 40),
        }
    )


SAFETY = """# Laboratory safety manual (wet lab, building C)

## Personal protective equipment

A lab coat, safety glasses and nitrile gloves are worn at all times in the wet lab. Face
shields are required when pouring liquid nitrogen or handling acids above 1 molar. Open shoes
and shorts are not allowed past the yellow line.

## Chemical spills

A small spill is less than 100 millilitres of a non-volatile chemical. Small spills are
absorbed with the spill kit under the sink and the waste goes in the solid chemical bin. For a
large spill, evacuate the room, close the door and call the safety officer on extension 4455.
Never wash acids down the drain.

## Centrifuge rules

The rotor is balanced before every run: tubes opposite each other must differ by less than
0.1 grams. If the centrifuge vibrates or makes a grinding noise, stop the run at once and tag
the unit out of service. Only the technicians may open the rotor chamber after a tube breaks.

## Freezers and liquid nitrogen

The minus 80 freezers are checked every morning and the temperature is written in the log. An
alarm above minus 65 degrees means samples are moved to the backup freezer within one hour.
Liquid nitrogen is only filled by two people, never alone and never in the cold room.

## Waste

Sharps go in the yellow sharps bin, which is closed when three quarters full. Biological waste
is autoclaved at 121 degrees for 20 minutes before disposal. Solvent waste is collected in
separate halogenated and non-halogenated containers.

## Incidents and first aid

Every incident, even without injury, is reported on the incident form within 24 hours. Eye
contact with a chemical is treated at the eye wash for at least 15 minutes. The first aid kit
is next to the main door and the nearest defibrillator is in the corridor by the lifts.

## Calibration

The pH meters are calibrated every morning with buffers 4, 7 and 10. The balances are checked
weekly with the 200 gram check weight, and a balance off by more than 1 milligram is taken out
of use until service.
"""


# ----------------------------------------------------------------------------- bookshop
TITLES = [
    ("The Salt Road", "fiction"),
    ("Quiet Engines", "science"),
    ("A Small Map of Rain", "poetry"),
    ("Cooking with Smoke", "food"),
    ("The Glass Orchard", "fiction"),
    ("Counting Stars", "science"),
    ("Little Fox Goes Home", "children"),
    ("The Long Ledger", "history"),
    ("Night Ferry", "crime"),
    ("Bread and Bones", "food"),
    ("The Ninth Harbour", "crime"),
    ("Paper Kingdoms", "history"),
    ("Moss and Mountain", "travel"),
    ("Tiny Dragons", "children"),
    ("Deep Time Diaries", "science"),
]


def orders(rng: np.random.Generator, quarter: int, n: int) -> pd.DataFrame:
    start = pd.Timestamp(f"2024-{3 * (quarter - 1) + 1:02d}-01")
    pick = rng.integers(0, len(TITLES), n)
    fmt = _pick(rng, ["paperback", "hardback", "ebook", "audiobook"], n, [0.45, 0.25, 0.2, 0.1])
    country = _pick(
        rng, ["UK", "Ireland", "France", "Germany", "USA"], n, [0.55, 0.1, 0.1, 0.1, 0.15]
    )
    delivery = np.where(
        np.isin(fmt, ["ebook", "audiobook"]),
        0,
        rng.integers(1, 6, n) + np.isin(country, ["USA"]) * 6,
    )
    price = {"paperback": 9.99, "hardback": 18.99, "ebook": 6.99, "audiobook": 14.99}
    logit = (
        -3.0
        + 0.35 * delivery
        + np.isin(fmt, ["hardback"]) * 0.6
        - np.isin(fmt, ["ebook", "audiobook"]) * 1.5
    )
    returned = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
    first = 70001 if quarter == 1 else 80001
    return pd.DataFrame(
        {
            "order_id": np.arange(first, first + n),
            "order_date": (start + pd.to_timedelta(rng.integers(0, 90, n), unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "customer_id": [f"C{c:05d}" for c in rng.integers(1, 900, n)],
            "title": [TITLES[i][0] for i in pick],
            "genre": [TITLES[i][1] for i in pick],
            "format": fmt,
            "quantity": rng.choice([1, 1, 1, 1, 2, 3], n),
            "unit_price_gbp": [price[f] for f in fmt],
            "ship_country": country,
            "delivery_days": delivery,
            "gift_wrap": np.where(rng.random(n) < 0.15, "yes", "no"),
            "returned": returned,
        }
    )


def returns(rng: np.random.Generator, both: pd.DataFrame) -> pd.DataFrame:
    back = both[both["returned"] == "yes"].reset_index(drop=True)
    reason = _pick(rng, ["damaged", "wrong item", "arrived late", "changed mind"], len(back))
    return pd.DataFrame(
        {
            "return_id": [f"RT{i:04d}" for i in range(1, len(back) + 1)],
            "order_id": back["order_id"],
            "requested_on": (
                pd.to_datetime(back["order_date"])
                + pd.to_timedelta(rng.integers(3, 30, len(back)), unit="D")
            ).dt.strftime("%Y-%m-%d"),
            "reason": reason,
            "refund_gbp": (back["unit_price_gbp"] * back["quantity"]).round(2),
        }
    )


MESSAGES = {
    "refund": [
        "I sent the book back two weeks ago, when do I get my money back?",
        "please refund order {o}, I cancelled it",
        "still no refund for the returned hardback, this is ridiculous",
        "Can I have my money back for the audiobook, it was not what I expected",
        "you charged me but the order was cancelled, I want a refund",
        "how long does a refund take to reach my card?",
    ],
    "delivery": [
        "where is my order {o}? it has been 10 days",
        "tracking says delivered but nothing in my letterbox",
        "my parcel is stuck in customs, can you help",
        "the courier never came, order {o}",
        "when will my books arrive? ordered last monday",
        "can you change the delivery address for order {o}",
    ],
    "wrong_item": [
        "I ordered Night Ferry but got a cookbook instead",
        "received the paperback, I paid for the hardback",
        "wrong book in the parcel for order {o}",
        "you sent me two copies of the same title and not the other one",
        "the book I received is in German, I ordered English",
        "this is not the edition on the website",
    ],
    "other": [
        "do you have gift cards?",
        "is The Salt Road coming out in audiobook?",
        "please remove me from the newsletter",
        "can I pay by bank transfer",
        "do you ship to Norway?",
        "love the shop, any author events this spring?",
    ],
}


def _messages(rng: np.random.Generator, n: int) -> tuple[list[str], list[str]]:
    intent = _pick(rng, list(MESSAGES), n, [0.27, 0.33, 0.2, 0.2])
    openers = ["", "", "Hi, ", "Hello, ", "Dear team, ", "hey "]
    closers = ["", "", " Thanks.", " thank you", " Regards, a customer", "!!"]
    text = [
        openers[rng.integers(6)]
        + MESSAGES[i][rng.integers(6)].format(o=int(rng.integers(70001, 80600)))
        + closers[rng.integers(6)]
        for i in intent
    ]
    return intent, text


def customer_messages(rng: np.random.Generator) -> pd.DataFrame:
    n = 520
    intent, text = _messages(rng, n)
    return pd.DataFrame(
        {
            "message_id": [f"M{i:04d}" for i in range(1, n + 1)],
            "received_at": (
                pd.Timestamp("2024-04-01")
                + pd.to_timedelta(rng.integers(0, 60 * 24 * 120, n), unit="min")
            ).strftime("%Y-%m-%d %H:%M"),
            "channel": _pick(rng, ["email", "chat", "contact form"], n),
            "message": text,
            "intent": _blank_most(rng, intent, 90),
        }
    )


def messages_test(rng: np.random.Generator) -> pd.DataFrame:
    n = 120
    intent, text = _messages(rng, n)
    return pd.DataFrame(
        {"message_id": [f"T{i:04d}" for i in range(1, n + 1)], "message": text, "intent": intent}
    )


# ----------------------------------------------------------------------------- farm co-op
def milk_yield(rng: np.random.Generator) -> pd.DataFrame:
    n = 700
    breed = _pick(rng, ["Holstein", "Jersey", "Brown Swiss", "Ayrshire"], n, [0.5, 0.2, 0.15, 0.15])
    base = {"Holstein": 31.0, "Jersey": 21.0, "Brown Swiss": 26.0, "Ayrshire": 24.0}
    fat = {"Holstein": 3.8, "Jersey": 5.2, "Brown Swiss": 4.1, "Ayrshire": 4.0}
    parity = rng.integers(1, 7, n)
    dim = rng.integers(5, 330, n)
    scc = np.exp(rng.normal(4.7, 0.8, n))  # thousands of cells per ml
    litres = (
        np.array([base[b] for b in breed])
        * (1.15 - dim / 700)
        * (1 + 0.04 * np.minimum(parity, 4))
        * rng.normal(1, 0.1, n)
    )
    litres = litres - 0.012 * np.maximum(scc - 200, 0)
    logit = -4.0 + 0.012 * (scc - 150) + 0.25 * parity
    mastitis = np.where(rng.random(n) < 1 / (1 + np.exp(-np.clip(logit, -30, 30))), "yes", "no")
    frame = pd.DataFrame(
        {
            "record_id": np.arange(1, n + 1),
            "cow_tag": [f"IE{t:06d}" for t in rng.integers(100000, 999999, n)],
            "farm": _pick(rng, ["Ballyglen", "Hillcrest", "Rushmoor", "Oakbank", "Millford"], n),
            "breed": breed,
            "parity": parity,
            "days_in_milk": dim,
            "milk_litres": np.maximum(litres, 2.0).round(1),
            "fat_pct": (np.array([fat[b] for b in breed]) + rng.normal(0, 0.25, n)).round(2),
            "protein_pct": rng.normal(3.4, 0.18, n).round(2),
            "scc_thousands": scc.round(0),
            "mastitis": mastitis,
        }
    )
    # Planted: impossible yield, zero yield with a healthy udder, an absurd fat content, a calf-age cow.
    frame.loc[77, "milk_litres"] = 148.0
    frame.loc[301, "milk_litres"] = 0.0
    frame.loc[456, "fat_pct"] = 19.5
    frame.loc[620, "days_in_milk"] = 2900
    return frame


def soil_samples(rng: np.random.Generator) -> pd.DataFrame:
    n = 240
    ph = rng.normal(6.3, 0.6, n)
    frame = pd.DataFrame(
        {
            "sample_id": [f"SOIL-{i:03d}" for i in range(1, n + 1)],
            "member_farm": _pick(
                rng, ["Ballyglen", "Hillcrest", "Rushmoor", "Oakbank", "Millford"], n
            ),
            "field": [f"F{f}" for f in rng.integers(1, 13, n)],
            "sampled_on": (
                pd.Timestamp("2024-02-15") + pd.to_timedelta(rng.integers(0, 60, n), unit="D")
            ).strftime("%Y-%m-%d"),
            "texture": _pick(rng, ["clay", "loam", "sandy", "silt"], n),
            "ph": ph.round(1),
            "nitrogen_mg_kg": rng.normal(28, 7, n).round(1),
            "phosphorus_mg_kg": rng.normal(6.5, 2.0, n).round(1),
            "potassium_mg_kg": rng.normal(120, 30, n).round(0),
            "organic_matter_pct": rng.normal(4.2, 1.1, n).round(1),
        }
    )
    frame["lime_needed"] = np.where(frame["ph"] < 6.0, "yes", "no")
    frame.loc[19, "ph"] = 0.4
    frame.loc[133, "potassium_mg_kg"] = -55.0
    frame.loc[207, "organic_matter_pct"] = 87.0
    return frame


HANDBOOK = """Members' handbook - Glenvale Farmers' Co-operative

About the co-operative

Glenvale Farmers' Co-operative was founded in 1961 and has 212 member farms. Each member
holds one vote at the annual general meeting, whatever the size of the farm. The board has
nine directors elected for three years.

Milk collection

Milk is collected every second day between 05:00 and 11:00. The bulk tank must be cooled to
4 degrees or lower within two hours of milking. A tank above 6 degrees at collection is
refused and the member is told by text message.

Milk price and quality bonus

The base milk price is set each month by the board. Milk with a somatic cell count below 200
thousand cells per millilitre earns a quality bonus of 1.2 cents per litre. Milk with a cell
count above 400 thousand for three months in a row loses the bonus until two clean tests.
Antibiotic residues in a tank lead to a penalty equal to the value of the whole tanker load.

Soil testing service

Members may send soil samples to the co-op laboratory twice a year at no charge. One sample
covers at most 4 hectares. Results include pH, phosphorus, potassium and organic matter, and a
lime recommendation is given when the pH is below 6.0.

Shares and leaving the co-op

A member buys 500 shares at 1 euro each when joining. A member who stops supplying milk for
two years is asked to sell the shares back at the price set by the board. Dividends are paid
in December.

Animal health

The co-op vet visits each member farm once a year for free. Members report any suspected
notifiable disease to the co-op office within 24 hours.
"""


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    bookings(rng).to_csv(out / "bookings.csv", index=False)
    guest_reviews(rng).to_csv(out / "guest_reviews.csv", index=False)
    room_rates().to_csv(out / "room_rates.csv", index=False)
    (out / "docs" / "front_desk_procedures.md").write_text(FRONT_DESK, encoding="utf-8")
    instrument_readings(rng).to_csv(out / "instrument_readings.csv", index=False)
    sample_log(rng).to_csv(out / "sample_log.csv", index=False)
    equipment_faults(rng).to_csv(out / "equipment_faults.csv", index=False)
    (out / "docs" / "lab_safety_manual.md").write_text(SAFETY, encoding="utf-8")
    q1 = orders(rng, 1, 600)
    q2 = orders(rng, 2, 640)
    q1.to_csv(out / "orders_q1.csv", index=False)
    q2.to_csv(out / "orders_q2.csv", index=False)
    returns(rng, pd.concat([q1, q2])).to_csv(out / "returns.csv", index=False)
    customer_messages(rng).to_csv(out / "customer_messages.csv", index=False)
    messages_test(rng).to_csv(out / "messages_test.csv", index=False)
    milk_yield(rng).to_csv(out / "milk_yield.csv", index=False)
    soil_samples(rng).to_csv(out / "soil_samples.csv", index=False)
    (out / "docs" / "members_handbook.txt").write_text(HANDBOOK, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
