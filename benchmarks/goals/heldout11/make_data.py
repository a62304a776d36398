"""Data for the heldout11 corpus: a regional bus company, a family vineyard, an online fashion shop.

Run: python make_data.py DIR  (deterministic, offline, small)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROUTES = ["R1", "R2", "R5", "R7", "R12", "X30", "X31", "N4"]
WEATHER = ["dry", "rain", "snow", "fog"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def trips(rng: np.random.Generator, n: int, start: int, labeled: bool = True) -> pd.DataFrame:
    route = rng.choice(ROUTES, n)
    weekday = rng.choice(WEEKDAYS, n)
    hour = rng.integers(5, 24, n)
    weather = rng.choice(WEATHER, n, p=[0.6, 0.25, 0.05, 0.1])
    roadworks = rng.choice(["yes", "no"], n, p=[0.15, 0.85])
    passengers = np.clip(rng.normal(35, 15, n) + np.isin(hour, [7, 8, 16, 17]) * 20, 2, 95).round()
    scheduled = rng.integers(18, 75, n)
    rush = np.isin(hour, [7, 8, 16, 17, 18]).astype(float)
    delay = (
        rng.gamma(2.0, 1.5, n)
        + 4 * rush
        + 5 * (weather == "snow")
        + 2 * (weather == "rain")
        + 4 * (roadworks == "yes")
        + 0.05 * passengers
        + 2 * np.isin(route, ["X30", "R12"])
    ).round(1)
    df = pd.DataFrame(
        {
            "trip_id": [f"T{start + i:05d}" for i in range(n)],
            "route": route,
            "weekday": weekday,
            "hour": hour,
            "weather": weather,
            "roadworks": roadworks,
            "passengers": passengers.astype(int),
            "scheduled_minutes": scheduled,
        }
    )
    if labeled:
        df["delay_minutes"] = delay
        df["late"] = np.where(delay > 8, "late", "on_time")
    return df


COMPLAINT_TEMPLATES = {
    "delay": [
        "the {r} bus was {m} minutes late again this morning, I missed my train",
        "waited at the stop for ages, {r} never showed up on time",
        "{r} is always late in the evening, timetable means nothing",
        "bus came {m} min after schedule, made me late for work",
    ],
    "driver": [
        "the driver on {r} was very rude when I asked about the stop",
        "driver drove off while I was running to the door of the {r}",
        "driver on the {r} was on his phone while driving",
        "unfriendly driver, shouted at an elderly lady on route {r}",
    ],
    "cleanliness": [
        "seats on the {r} were dirty and sticky, disgusting",
        "rubbish everywhere on the {r} bus, nobody cleans it",
        "the {r} smelled awful, windows filthy",
        "floor of the bus was wet and dirty on {r} today",
    ],
    "fare": [
        "charged twice on my card for one {r} ticket",
        "the ticket machine on {r} did not give change",
        "why did the fare go up again, {r} is too expensive",
        "my monthly pass was not accepted on the {r}, had to pay again",
    ],
    "safety": [
        "a group was fighting at the back of the {r} and nobody did anything",
        "driver braked hard on {r}, I fell and hurt my knee",
        "the rear door of the {r} closed on my child's arm",
        "felt unsafe on the late {r}, no lights working upstairs",
    ],
}


def complaints(rng: np.random.Generator, n: int) -> pd.DataFrame:
    cats = list(COMPLAINT_TEMPLATES)
    cat = rng.choice(cats, n, p=[0.35, 0.2, 0.15, 0.18, 0.12])
    msgs, routes = [], []
    for c in cat:
        t = rng.choice(COMPLAINT_TEMPLATES[c])
        r = str(rng.choice(ROUTES))
        routes.append(r)
        msgs.append(t.format(r=r, m=int(rng.integers(10, 40))))
    filled = rng.random(n) < 0.2
    dates = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 300, n), unit="D")
    return pd.DataFrame(
        {
            "complaint_id": [f"C{i:04d}" for i in range(1, n + 1)],
            "received": dates.strftime("%Y-%m-%d"),
            "channel": rng.choice(["web", "email", "phone", "app"], n),
            "route": routes,
            "message": msgs,
            "category": np.where(filled, cat, ""),
        }
    )


def ridership(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2025-03-01", periods=120, freq="D")
    rows = []
    for d in days:
        for r in ROUTES:
            base = {
                "R1": 2400,
                "R2": 1800,
                "R5": 1500,
                "R7": 900,
                "R12": 2100,
                "X30": 1300,
                "X31": 1100,
                "N4": 300,
            }[r]
            weekend = d.day_of_week >= 5
            rain = float(max(0, rng.normal(2, 4)))
            b = base * (0.6 if weekend else 1.0) * (1 - 0.02 * rain) + rng.normal(0, base * 0.05)
            rows.append((d.strftime("%Y-%m-%d"), r, round(rain, 1), int(weekend), int(b)))
    df = pd.DataFrame(rows, columns=["date", "route", "rain_mm", "weekend", "boardings"])
    idx = rng.choice(len(df), 12, replace=False)
    df.loc[idx[:6], "boardings"] = df.loc[idx[:6], "boardings"] * 4
    df.loc[idx[6:], "boardings"] = 0
    return df


VARIETIES = ["Riesling", "Pinot Noir", "Chardonnay", "Gewurztraminer"]


def harvest(rng: np.random.Generator, n: int, start: int, labeled: bool = True) -> pd.DataFrame:
    variety = rng.choice(VARIETIES, n)
    block = rng.choice([f"B{i}" for i in range(1, 13)], n)
    brix = rng.normal(22, 2.0, n).round(1)
    ph = rng.normal(3.3, 0.15, n).round(2)
    ta = rng.normal(7.0, 1.2, n).round(2)
    berry = rng.normal(1.4, 0.25, n).round(2)
    rain = np.clip(rng.normal(40, 25, n), 0, None).round()
    yield_kg = np.clip(rng.normal(3.0, 0.8, n), 0.8, None).round(2)
    slope = rng.choice(["south", "east", "west", "flat"], n)
    score = (
        0.6 * (brix - 22)
        - 1.5 * (yield_kg - 3)
        - 0.03 * (rain - 40)
        - 4 * np.abs(ph - 3.3)
        + 0.8 * (slope == "south")
        + rng.normal(0, 0.8, n)
    )
    df = pd.DataFrame(
        {
            "sample_id": [f"S{start + i:04d}" for i in range(n)],
            "block": block,
            "variety": variety,
            "slope": slope,
            "brix": brix,
            "ph": ph,
            "acidity_g_l": ta,
            "berry_weight_g": berry,
            "rain_30d_mm": rain,
            "yield_kg_per_vine": yield_kg,
        }
    )
    if labeled:
        df["quality"] = np.select([score > 1.0, score < -1.0], ["premium", "bulk"], "standard")
    return df


def tank_log(rng: np.random.Generator) -> list[dict]:
    rows = []
    t0 = pd.Timestamp("2025-09-20 00:00")
    for tank in ["T1", "T2", "T3", "T4", "T5", "T6"]:
        sugar = 230.0
        for h in range(0, 24 * 12, 6):
            sugar = max(2.0, sugar - rng.uniform(2, 6))
            temp = rng.normal(17 if tank in ("T1", "T2", "T3") else 24, 0.7)
            rows.append(
                {
                    "tank": tank,
                    "time": (t0 + pd.Timedelta(hours=h)).strftime("%Y-%m-%d %H:%M"),
                    "temp_c": round(float(temp), 2),
                    "sugar_g_l": round(float(sugar), 1),
                    "density": round(float(0.99 + sugar / 2400 + rng.normal(0, 0.001)), 4),
                }
            )
    for i in rng.choice(len(rows), 8, replace=False):
        rows[i]["temp_c"] = round(rows[i]["temp_c"] + float(rng.choice([-9, 11])), 2)
    return rows


CATEGORIES = ["dresses", "jeans", "tops", "shoes", "outerwear", "accessories"]


def orders(rng: np.random.Generator, n: int) -> pd.DataFrame:
    cat = rng.choice(CATEGORIES, n)
    n_items = rng.integers(1, 7, n)
    value = (n_items * rng.uniform(15, 70, n)).round(2)
    discount = rng.choice([0, 10, 20, 30, 50], n, p=[0.45, 0.2, 0.15, 0.12, 0.08])
    first = rng.choice(["yes", "no"], n, p=[0.35, 0.65])
    sizes = rng.integers(1, 4, n)
    logit = (
        -1.6
        + 0.35 * (n_items - 2)
        + 0.8 * (sizes - 1)
        + 0.9 * np.isin(cat, ["dresses", "shoes", "jeans"])
        + 0.015 * discount
        + 0.4 * (first == "yes")
    )
    returned = rng.random(n) < 1 / (1 + np.exp(-logit))
    dates = pd.Timestamp("2025-02-01") + pd.to_timedelta(rng.integers(0, 240, n), unit="D")
    return pd.DataFrame(
        {
            "order_id": [f"O{10000 + i}" for i in range(n)],
            "customer_id": [f"CU{int(c):04d}" for c in rng.integers(1, 400, n)],
            "order_date": dates.strftime("%Y-%m-%d"),
            "main_category": cat,
            "n_items": n_items,
            "sizes_of_same_item": sizes,
            "basket_value_eur": value,
            "discount_pct": discount,
            "first_order": first,
            "payment": rng.choice(["card", "paypal", "klarna", "voucher"], n),
            "returned": np.where(returned, "yes", "no"),
        }
    )


RETURN_REASONS = [
    "too small, I normally wear a M but this was tight",
    "way too big around the waist",
    "colour looks completely different than on the website",
    "fabric feels cheap and thin",
    "seam came apart after one wash",
    "arrived damaged, hole in the sleeve",
    "ordered two sizes to try, keeping the other one",
    "changed my mind",
    "delivery took too long, I needed it for an event",
    "wrong item sent, I ordered the black one",
    "the shoes hurt, narrow fit",
    "not as pictured, the print is smaller",
    "",
]

REVIEW_TEXT = {
    "fit": [
        "runs small, size up",
        "perfect fit, true to size",
        "too long in the legs for me",
        "sleeves are tight, had to return",
        "fits like a glove",
        "the waist is huge, sizing is off",
    ],
    "quality": [
        "fabric pilled after two washes",
        "great quality stitching, feels expensive",
        "zip broke on the first day",
        "thin material, you can see through it",
        "solid leather, well made",
        "colour faded quickly in the wash",
    ],
    "delivery": [
        "arrived in two days, well packed",
        "parcel took three weeks to arrive",
        "courier left it in the rain",
        "fast shipping, thank you",
        "box was crushed on arrival",
        "tracking never updated, late delivery",
    ],
    "style": [
        "looks gorgeous, got so many compliments",
        "the colour is lovely in real life",
        "very trendy cut, love the design",
        "looks a bit dated in person",
        "the print is beautiful",
        "elegant and simple, goes with everything",
    ],
}


def reviews(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    topics = list(REVIEW_TEXT)
    topic = rng.choice(topics, n)
    texts, stars = [], []
    for t in topic:
        a = str(rng.choice(REVIEW_TEXT[t]))
        extra = str(
            rng.choice(
                ["", " would buy again", " not sure yet", " for my daughter", " overall ok", " meh"]
            )
        )
        texts.append(a + extra)
        stars.append(int(rng.integers(1, 6)))
    df = pd.DataFrame(
        {
            "review_id": [f"RV{i:04d}" for i in range(1, n + 1)],
            "product": rng.choice(
                ["linen dress", "slim jeans", "wool coat", "sneakers", "silk scarf", "basic tee"], n
            ),
            "stars": stars,
            "review_text": texts,
        }
    )
    pick = rng.choice(n, 70, replace=False)
    gold = pd.DataFrame({"review_id": df.loc[pick, "review_id"].values, "topic": topic[pick]})
    return df, gold


REVIEW_LFS = [
    {
        "name": "fit_words",
        "label": "fit",
        "kind": "keyword",
        "column": "review_text",
        "keywords": ["size", "fit", "small", "tight", "waist", "fits"],
    },
    {
        "name": "quality_words",
        "label": "quality",
        "kind": "keyword",
        "column": "review_text",
        "keywords": ["fabric", "stitching", "zip", "thin", "faded", "leather", "pilled"],
    },
    {
        "name": "delivery_words",
        "label": "delivery",
        "kind": "keyword",
        "column": "review_text",
        "keywords": ["arrived", "shipping", "parcel", "courier", "delivery", "tracking"],
    },
    {
        "name": "style_words",
        "label": "style",
        "kind": "keyword",
        "column": "review_text",
        "keywords": ["gorgeous", "colour", "trendy", "design", "print", "elegant", "dated"],
    },
]

RETURNS_POLICY = """# Returns policy

Last updated: 1 March 2025

## How long do I have?

You can return any item within **30 days** of delivery for a full refund. Sale items bought
with a discount of 50% or more can be returned within **14 days** and are refunded as store
credit only. Underwear, swimwear with a removed hygiene strip and pierced-earring jewellery
cannot be returned.

## Condition of returned items

Items must be unworn, unwashed and have all tags attached. Shoes must be returned in their
original box. We inspect every return within 5 working days of receiving it; items that were
worn or damaged by the customer are sent back at the customer's cost.

## How to return

Start a return in your account under "My orders", print the free return label and drop the
parcel at any partner post office. Customers outside Germany, Austria and the Netherlands pay
a flat return fee of 6.95 EUR, deducted from the refund.

## Refunds

Refunds go back to the original payment method within 10 days of the inspection. Klarna
invoices are adjusted automatically. Voucher payments are refunded as a new voucher valid for
two years.

## Exchanges

We do not offer direct exchanges. Please return the item and place a new order; if the size
you want is sold out we can reserve one for 48 hours on request via customer service.

## Faulty items

If an item is faulty (broken zip, seam coming apart, colour bleeding), you can return it within
**12 months**. We pay the return shipping and refund or replace it, your choice. Please add a
photo of the fault in the return form.
"""

HARVEST_GUIDE = """# Harvest guide (family notes)

## When to pick

We pick Riesling when brix is between 20 and 22 and total acidity is still above 7 g/l. Pinot
Noir is picked later, at 23 to 24.5 brix, and never when the pH is above 3.6. Chardonnay for
the sparkling base is picked early, around 19 brix.

## Sampling

Every block is sampled twice a week from mid-August: 200 berries from both sides of the row,
from top and bottom of the clusters. The sample is crushed the same day and measured for brix
(refractometer), pH and titratable acidity. Berry weight is the weight of 100 berries divided
by 100.

## Quality grades

- premium: goes to the single-vineyard bottling, usually from the south slope, low yield
  (under 2.5 kg per vine)
- standard: estate wine
- bulk: sold to the co-operative

## Fermentation

White wines ferment at 15 to 18 C in steel tanks T1 to T3; reds at 24 to 28 C in tanks T4 to
T6. A tank more than 4 degrees off its range must be checked by hand the same hour. Sugar is
measured every six hours until it drops under 4 g/l.

## After heavy rain

After more than 30 mm of rain in a day, wait two days before picking and resample. Split
berries mean botrytis risk: pick those blocks first.
"""


def main(out: Path) -> None:
    rng = np.random.default_rng(11)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    trips(rng, 900, 1).to_csv(out / "bus_trips.csv", index=False)
    trips(rng, 220, 5001).to_csv(out / "bus_trips_2024.csv", index=False)
    trips(rng, 120, 9001, labeled=False).to_csv(out / "next_week_trips.csv", index=False)
    complaints(rng, 420).to_csv(out / "complaints.csv", index=False)
    ridership(rng).to_parquet(out / "ridership.parquet", index=False)
    harvest(rng, 360, 1).to_csv(out / "harvest_samples.csv", index=False)
    harvest(rng, 64, 3001, labeled=False).to_csv(out / "harvest_2025.csv", index=False)
    with open(out / "tank_log.jsonl", "w", encoding="utf-8") as fh:
        for row in tank_log(rng):
            fh.write(json.dumps(row) + "\n")
    o = orders(rng, 700)
    o.to_csv(out / "orders.csv", index=False)
    ret_orders = o[o["returned"] == "yes"].sample(220, random_state=3)
    pd.DataFrame(
        {
            "return_id": [f"RT{i:04d}" for i in range(1, 221)],
            "order_id": ret_orders["order_id"].values,
            "product_category": ret_orders["main_category"].values,
            "reason_text": rng.choice(RETURN_REASONS, 220),
            "refund_eur": (ret_orders["basket_value_eur"].values * rng.uniform(0.2, 1, 220)).round(
                2
            ),
        }
    ).to_csv(out / "returns.csv", index=False)
    rv, gold = reviews(rng, 520)
    rv.to_csv(out / "reviews.csv", index=False)
    gold.to_csv(out / "review_labels.csv", index=False)
    (out / "review_lfs.json").write_text(json.dumps(REVIEW_LFS, indent=1), encoding="utf-8")
    (out / "returns_policy.md").write_text(RETURNS_POLICY, encoding="utf-8")
    (out / "docs" / "harvest_guide.md").write_text(HARVEST_GUIDE, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
