"""Write fresh23's invented data (bakery, airline, museum, pharmacy) into the folder given."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SHOPS = ["Altstadt", "Bahnhof", "Hafen", "Uni"]
PRODUCTS = ["sourdough", "croissant", "rye_loaf", "cinnamon_roll", "pretzel", "apple_cake"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _sales(rng: np.random.Generator, start: str, days: int, with_outcome: bool) -> pd.DataFrame:
    rows = []
    dates = pd.date_range(start, periods=days, freq="D")
    row_id = 1
    for date in dates:
        weekday = WEEKDAYS[date.day_of_week]
        holiday = int(rng.random() < 0.05)
        temp = round(float(rng.normal(14, 6)), 1)
        rain = round(float(max(0.0, rng.normal(1.5, 3))), 1)
        for shop in SHOPS:
            for product in PRODUCTS:
                base = {
                    "sourdough": 40,
                    "croissant": 60,
                    "rye_loaf": 25,
                    "cinnamon_roll": 35,
                    "pretzel": 50,
                    "apple_cake": 18,
                }[product]
                shop_f = {"Altstadt": 1.2, "Bahnhof": 1.4, "Hafen": 0.8, "Uni": 1.0}[shop]
                day_f = 1.35 if weekday in ("Sat", "Sun") else 1.0
                demand = base * shop_f * day_f * (1.25 if holiday else 1.0)
                demand *= 0.85 if rain > 4 else 1.0
                demand = max(0, int(rng.normal(demand, demand * 0.18)))
                baked = int(base * shop_f * (1.2 if weekday in ("Sat", "Sun") else 1.0))
                row = {
                    "row_id": row_id,
                    "date": date.date().isoformat(),
                    "shop": shop,
                    "product": product,
                    "weekday": weekday,
                    "is_holiday": holiday,
                    "temp_c": temp,
                    "rain_mm": rain,
                    "units_baked": baked,
                }
                if with_outcome:
                    sold = min(demand, baked)
                    out = sold >= baked or (sold >= baked - 2 and rng.random() < 0.3)
                    row["units_sold"] = sold
                    row["sold_out"] = "yes" if out else "no"
                rows.append(row)
                row_id += 1
    return pd.DataFrame(rows)


COMPLAINTS = {
    "freshness": [
        "the {p} was stale and dry",
        "bread tasted like yesterday's",
        "{p} hard as a rock",
        "mouldy spot on the {p} I bought",
        "the {p} was not fresh at all",
    ],
    "price": [
        "{p} costs too much now",
        "prices went up again, {p} is 4 euro",
        "too expensive for a small {p}",
        "why is the {p} more expensive than last month",
        "overpriced, I go elsewhere",
    ],
    "service": [
        "staff was rude at the counter",
        "waited 20 minutes, nobody served me",
        "the cashier gave wrong change",
        "very slow queue in the morning",
        "nobody said hello, unfriendly",
    ],
    "allergen": [
        "there were nuts in the {p} but the label said none",
        "my son reacted, is there sesame in the {p}?",
        "no gluten info on the {p}",
        "label missing milk warning on {p}",
        "allergy list was not up to date",
    ],
    "no_complaint": [
        "lovely {p}, thank you!",
        "best {p} in town",
        "friendly team, great coffee",
        "the {p} was perfect today",
        "always happy with your {p}",
    ],
}


def _comments(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    kinds = list(COMPLAINTS)
    for i in range(1, 481):
        kind = kinds[int(rng.choice(len(kinds), p=[0.22, 0.16, 0.2, 0.1, 0.32]))]
        product = PRODUCTS[int(rng.integers(len(PRODUCTS)))].replace("_", " ")
        text = COMPLAINTS[kind][int(rng.integers(5))].format(p=product)
        if rng.random() < 0.4:
            text += [
                " Shop was busy.",
                " Bought it at 8am.",
                " Please check.",
                " Regards, a regular.",
                " Will come back anyway.",
            ][int(rng.integers(5))]
        rows.append(
            {
                "comment_id": f"C{i:04d}",
                "shop": SHOPS[int(rng.integers(4))],
                "channel": ["app", "comment_card", "email"][int(rng.integers(3))],
                "comment": text,
                "complaint_type": kind if rng.random() < 0.14 else "",
            }
        )
    return pd.DataFrame(rows)


GUIDE = """# Recipe and allergen guide (all shops)

## Sourdough
Our sourdough is a wheat and rye bread raised with a natural starter called Max. The dough rests
for 18 hours in the cold room before baking. Sourdough contains gluten (wheat, rye). It contains no
milk and no eggs. If the starter smells of acetone, it is fed twice before use.

## Croissant
The croissant is a laminated dough made with butter folded in three times. Croissants contain
gluten, milk and eggs. The egg wash is applied 10 minutes before baking. Almond croissants are a
separate product because they contain tree nuts.

## Rye loaf
The rye loaf is 80 percent rye flour and 20 percent wheat flour. It contains gluten. Caraway seeds
are added on Tuesdays and Fridays only. The rye loaf is baked at 230 degrees for 50 minutes.

## Cinnamon roll
The cinnamon roll is an enriched dough with milk, butter, eggs and sugar. The icing contains milk.
Cinnamon rolls are made in the Bahnhof shop and delivered to the other shops by 7am.

## Pretzel
The pretzel is dipped in a food-grade lye solution before baking, which gives the brown crust.
Pretzels contain gluten. Sesame pretzels contain sesame and are stored on a separate tray.

## Apple cake
The apple cake is made with a shortcrust base, apples from the Hafen market and a crumble top.
It contains gluten, milk and eggs. The apple cake may contain traces of hazelnuts because it is
cut on the same board as the hazelnut torte.

## Allergen rules for staff
An allergen question is always answered with the printed guide, never from memory. When a
customer reports a reaction, the shop manager writes an incident note the same day. Labels are
checked every Monday against this guide.
"""

TOPICS = {
    "refund": [
        "I want my money back for booking {r}, the flight was cancelled",
        "please refund the ticket {r}, I could not travel",
        "how long does the refund for {r} take? still nothing on my card",
        "requesting refund of unused return leg {r}",
    ],
    "delay_compensation": [
        "my flight {f} was {h} hours late, I ask for compensation under the rules",
        "delay of {h} hours on {f}, what compensation do I get",
        "arrived {h} hours late with {f}, claim for compensation please",
        "EU261 claim, {f} delayed {h}h",
    ],
    "lost_baggage": [
        "my suitcase did not arrive after {f}",
        "bag lost on {f}, tag number unknown",
        "baggage damaged and one bag missing from {f}",
        "where is my luggage, flight {f}",
    ],
    "rebooking": [
        "can you move booking {r} to next week",
        "I need to change the date of {r}",
        "missed connection, please rebook me from {f}",
        "change name spelling and date on {r}",
    ],
    "staff_complaint": [
        "crew member on {f} was very impolite",
        "the gate agent shouted at my mother",
        "rude behaviour at check-in for {f}",
        "cabin staff ignored my call button on {f}",
    ],
}


def _emails(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, labels = [], []
    topics = list(TOPICS)
    for i in range(1, 421):
        topic = topics[int(rng.choice(5, p=[0.22, 0.28, 0.18, 0.2, 0.12]))]
        ref = "".join(rng.choice(list("ABCDEFGHJKLMNPQRSTUVWXYZ"), 6))
        flight = f"FF{int(rng.integers(100, 999))}"
        body = TOPICS[topic][int(rng.integers(4))].format(
            r=ref, f=flight, h=int(rng.integers(2, 9))
        )
        greet = ["Hello,", "Dear team,", "Hi", "Good day,", ""][int(rng.integers(5))]
        rows.append(
            {
                "email_id": f"E{i:04d}",
                "received": f"2026-10-{int(rng.integers(1, 31)):02d}",
                "subject": ["Booking " + ref, "Flight " + flight, "Urgent", "Question", "Claim"][
                    int(rng.integers(5))
                ],
                "body": f"{greet} {body}. Thanks".strip(),
            }
        )
        if i % 9 == 0:
            labels.append({"email_id": f"E{i:04d}", "topic": topic})
    return pd.DataFrame(rows), pd.DataFrame(labels)


POLICY = """# Passenger compensation policy (customer service, version 7)

## Scope
This policy applies to every flight operated by our airline departing from or arriving in the EU.
Codeshare flights operated by partners follow the partner's policy.

## Delay compensation
A passenger is entitled to compensation when the flight arrives three hours or more after the
scheduled arrival time. The amount is 250 euro for flights up to 1500 km, 400 euro for flights
between 1500 and 3500 km, and 600 euro for longer flights. Compensation is not owed when the delay
is caused by extraordinary circumstances such as severe weather or air traffic control strikes.

## Care during delays
When a delay exceeds two hours, the passenger receives a meal voucher. When the delay runs
overnight, the airline books a hotel room and the transfer. Vouchers are issued at the gate.

## Cancellations
If a flight is cancelled less than 14 days before departure, the passenger may choose a refund or
rebooking. A refund is paid within seven days to the original payment method.

## Baggage
A lost bag must be reported at the airport within 21 days using a property irregularity report.
The airline pays up to 1300 special drawing rights for a lost bag. Damaged bags are reported within
seven days.

## Tone of replies
Agents answer within 48 hours. A reply always names the booking reference and the next step.
"""


def _flights(rng: np.random.Generator, n: int, start_id: int) -> pd.DataFrame:
    routes = [
        ("MUC", "LIS", 1980),
        ("MUC", "BER", 500),
        ("FRA", "ATH", 1800),
        ("HAM", "PMI", 1650),
        ("BER", "TFS", 3700),
        ("FRA", "OSL", 1100),
        ("MUC", "DXB", 4550),
        ("HAM", "VIE", 750),
    ]
    rows = []
    for k in range(n):
        o, d, km = routes[int(rng.integers(len(routes)))]
        weather = ["clear", "rain", "storm", "snow", "fog"][
            int(rng.choice(5, p=[0.55, 0.2, 0.1, 0.07, 0.08]))
        ]
        crew_swap = int(rng.random() < 0.2)
        hour = int(rng.integers(5, 23))
        cause_p = np.array(
            [
                0.15 + 0.5 * (weather in ("storm", "snow", "fog")),
                0.2,
                0.15 + 0.3 * crew_swap,
                0.2,
                0.25 + 0.02 * (hour - 5),
            ]
        )
        cause = ["weather", "technical", "crew", "atc", "late_inbound"][
            int(rng.choice(5, p=cause_p / cause_p.sum()))
        ]
        delay = int(max(0, rng.gamma(1.3, 40 + 50 * (cause == "technical") + 3 * (hour - 5))))
        due = delay >= 180 and cause not in ("weather", "atc")
        rows.append(
            {
                "flight_id": start_id + k,
                "flight_no": f"FF{int(rng.integers(100, 999))}",
                "origin": o,
                "destination": d,
                "distance_km": km,
                "sched_hour": hour,
                "weekday": WEEKDAYS[int(rng.integers(7))],
                "aircraft": ["A320", "A321", "B737", "E190"][int(rng.integers(4))],
                "weather_origin": weather,
                "crew_swap": crew_swap,
                "delay_minutes": delay,
                "cause": cause,
                "compensation_due": "yes" if due else "no",
            }
        )
    return pd.DataFrame(rows)


def _visitors(rng: np.random.Generator) -> pd.DataFrame:
    galleries = ["Old Masters", "Harbour History", "Natural Science", "Modern Wing"]
    rows = []
    for date in pd.date_range("2026-03-01", periods=180, freq="D"):
        weekday = WEEKDAYS[date.day_of_week]
        if weekday == "Mon":
            continue
        rain = int(rng.random() < 0.3)
        event = int(rng.random() < 0.08)
        free = int(date.day == 1)
        for g in galleries:
            base = {
                "Old Masters": 320,
                "Harbour History": 210,
                "Natural Science": 400,
                "Modern Wing": 180,
            }[g]
            v = base * (1.4 if weekday in ("Sat", "Sun") else 1.0) * (1.3 if rain else 1.0)
            v *= 1.6 if event else 1.0
            v *= 1.8 if free else 1.0
            visitors = int(rng.normal(v, v * 0.15))
            school = int(rng.poisson(3 if weekday in ("Tue", "Wed", "Thu") else 0.3))
            visitors += school * 25
            if rng.random() < 0.012:
                visitors = [0, 99999, -40][int(rng.integers(3))]
            crowd = (
                "high" if visitors > base * 1.6 else ("low" if visitors < base * 0.8 else "normal")
            )
            rows.append(
                {
                    "date": date.date().isoformat(),
                    "weekday": weekday,
                    "gallery": g,
                    "visitors": visitors,
                    "school_groups": school,
                    "rainy_day": rain,
                    "special_event": event,
                    "free_entry": free,
                    "crowding": crowd,
                }
            )
    return pd.DataFrame(rows)


GUEST = {
    ("positive", "exhibits"): [
        "the clock room was magical",
        "wonderful old harbour maps, we stayed for hours",
        "kids loved the dinosaur bones",
    ],
    ("negative", "exhibits"): [
        "half the glass room was closed",
        "boring labels, too much text",
        "the modern wing felt empty",
    ],
    ("positive", "staff"): [
        "the guide Anna explained everything so kindly",
        "friendly guard helped my grandmother",
    ],
    ("negative", "staff"): ["guard was rude to my children", "nobody at the info desk"],
    ("positive", "cafe"): ["great cake in the museum cafe", "cafe with a view, lovely"],
    ("negative", "cafe"): ["cafe coffee was cold and expensive", "cafe closed at 3pm, why"],
    ("neutral", "accessibility"): [
        "lift to second floor works, ramp is steep",
        "where are the audio guides in braille?",
    ],
    ("negative", "accessibility"): [
        "no lift to the harbour room, I could not go up",
        "wheelchair entrance was locked",
    ],
    ("neutral", "price"): ["ticket 14 euro, family ticket would be nice", "paid by card, ok"],
    ("negative", "price"): ["too expensive for one hour", "16 euro for the special show is a lot"],
}


def _guestbook(rng: np.random.Generator) -> list[dict[str, object]]:
    keys = list(GUEST)
    out = []
    for i in range(1, 361):
        s, t = keys[int(rng.integers(len(keys)))]
        text = GUEST[(s, t)][int(rng.integers(len(GUEST[(s, t)])))]
        if rng.random() < 0.35:
            text += [
                " - family from Lyon",
                " (school class 7b)",
                " greetings from Poland",
                " will come again",
                " thanks!",
            ][int(rng.integers(5))]
        out.append(
            {
                "entry_id": i,
                "date": f"2026-{int(rng.integers(3, 9)):02d}-{int(rng.integers(1, 29)):02d}",
                "text": text,
                "sentiment": s if rng.random() < 0.12 else None,
                "topic": t if rng.random() < 0.1 else None,
            }
        )
    return out


EXHIBITIONS = {
    "harbour_history.md": """# The Harbour Through Five Centuries

## The first quay
The first stone quay was built in 1512 by the merchants' guild. Before the quay, ships were unloaded
by small rowing boats called lighters. The guild paid for the quay with a tax on salt.

## The great fire
In 1786 a fire in the rope warehouse destroyed forty houses along the water. The fire started
because a lamp fell into a pile of tarred rope. After the fire, the city banned wooden roofs near
the harbour.

## Steam and rail
The railway reached the harbour in 1861. Steam cranes replaced the old treadwheel crane, which is
now shown in the museum courtyard. The treadwheel crane was powered by two workers walking inside
the wheel.

## The harbour today
Today the harbour handles ferries and small cargo ships. The old customs house is the home of this
museum since 1954.
""",
    "clockmakers_workshop.md": """# The Clockmakers' Workshop

## The Becker family
The Becker family made clocks in our city from 1702 to 1911. Their workshop stood in the Glockengasse.
Johann Becker is known for the astronomical clock of the town hall, finished in 1748.

## How a pendulum clock works
A pendulum clock keeps time because a pendulum of fixed length swings at a steady rate. The escapement
releases the gear train one tooth at a time. A longer pendulum swings more slowly, so the clock is
adjusted by moving the weight on the pendulum rod.

## Tools of the trade
The wheel-cutting engine is a machine that cuts the teeth of brass gears. The museum shows a
wheel-cutting engine from 1780. Clockmakers also used a turns, a small lathe held in a vice.

## Restoration
The astronomical clock was restored in 1998. During the restoration the team found a note from 1748
inside the case, signed by Johann Becker.
""",
    "glass_and_light.md": """# Glass and Light

## Stained glass
Stained glass is coloured glass cut into shapes and joined with strips of lead called cames. The
colour comes from metal oxides added to the molten glass: cobalt gives blue and gold gives ruby red.

## The north window
The north window of the old chapel dates from 1420 and is the oldest glass in the collection. It was
taken out during the war in 1942 and stored in a salt mine, which kept it safe.

## Modern glass art
In the Modern Wing, glass artist Mira Solberg shows hanging glass sculptures. Her works change colour
when the light changes, because she uses dichroic glass. Dichroic glass reflects one colour and lets
another pass through.

## Caring for glass
Old glass is cleaned only with distilled water and soft brushes. If the lead cames are weak, the panel
is supported by a steel frame rather than releaded.
""",
}


def _stock(rng: np.random.Generator) -> pd.DataFrame:
    cats = {
        "otc_pain": ["ibuprofen 400 20pc", "paracetamol 500 20pc"],
        "vitamins": ["vitamin D 1000", "magnesium 300"],
        "skincare": ["sun cream 50", "hand cream urea"],
        "baby": ["baby wipes", "nappy cream"],
        "first_aid": ["plasters mixed", "elastic bandage"],
        "cold_flu": ["throat lozenges", "nasal spray saline"],
        "cold_chain": ["insulin pen storage box", "probiotic drops"],
    }
    rows = []
    rid = 1
    for day in pd.date_range("2026-09-01", periods=60, freq="D"):
        for cat, products in cats.items():
            for j, prod in enumerate(products):
                sales = max(0, int(rng.normal(30 if cat in ("otc_pain", "cold_flu") else 12, 5)))
                system = int(rng.integers(10, 120))
                shelf = system - int(rng.poisson(1.5))
                temp = round(float(rng.normal(5 if cat == "cold_chain" else 21, 0.8)), 1)
                expiry = int(rng.integers(10, 700))
                if rng.random() < 0.02:
                    kind = int(rng.integers(4))
                    if kind == 0:
                        shelf = -int(rng.integers(5, 50))
                    elif kind == 1:
                        shelf = 9999
                    elif kind == 2:
                        temp = round(float(rng.uniform(30, 48)), 1)
                    else:
                        expiry = -int(rng.integers(1, 90))
                reorder = "yes" if shelf < sales * 1.2 else "no"
                recount = "yes" if abs(shelf - system) > 3 or rng.random() < 0.05 else "no"
                rows.append(
                    {
                        "reading_id": rid,
                        "date": day.date().isoformat(),
                        "sku": f"SKU-{cat[:3].upper()}{j}",
                        "product": prod,
                        "category": cat,
                        "shelf_count": shelf,
                        "system_count": system,
                        "storage_temp_c": temp,
                        "days_to_expiry": expiry,
                        "weekly_sales": sales,
                        "reorder_flag": reorder,
                        "recount_flag": recount,
                    }
                )
                rid += 1
    return pd.DataFrame(rows)


def _orders(rng: np.random.Generator) -> list[dict[str, object]]:
    suppliers = {"MedLogistik": 0.1, "PharmaNord": 0.25, "VitaSupply": 0.4, "QuickHealth": 0.15}
    out = []
    for i in range(1, 401):
        sup = list(suppliers)[int(rng.integers(4))]
        express = bool(rng.random() < 0.25)
        qty = int(rng.integers(5, 300))
        weekday = WEEKDAYS[int(rng.integers(5))]
        p = (
            suppliers[sup]
            + (0.15 if qty > 200 else 0)
            + (0.12 if weekday == "Fri" else 0)
            - (0.1 if express else 0)
        )
        out.append(
            {
                "order_id": f"PO-{2026}{i:04d}",
                "supplier": sup,
                "category": ["otc_pain", "vitamins", "skincare", "baby", "first_aid", "cold_flu"][
                    int(rng.integers(6))
                ],
                "qty": qty,
                "unit_price_eur": round(float(rng.uniform(0.8, 25)), 2),
                "order_weekday": weekday,
                "promised_days": int(rng.integers(1, 6)),
                "express": express,
                "arrived_late": "yes" if rng.random() < max(0.02, p) else "no",
            }
        )
    return out


def main(out: Path) -> None:
    rng = np.random.default_rng(2323)
    (out / "bakery").mkdir(parents=True, exist_ok=True)
    _sales(rng, "2026-09-01", 30, True).to_csv(out / "bakery" / "daily_sales.csv", index=False)
    _sales(rng, "2026-10-01", 7, False).to_csv(out / "bakery" / "sales_next_week.csv", index=False)
    _comments(rng).to_csv(out / "bakery" / "customer_comments.csv", index=False)
    (out / "bakery" / "recipe_allergen_guide.md").write_text(GUIDE, encoding="utf-8")

    (out / "airline").mkdir(exist_ok=True)
    _flights(rng, 900, 1).to_csv(out / "airline" / "flight_delays.csv", index=False)
    _flights(rng, 240, 5001).to_csv(out / "airline" / "flights_october.csv", index=False)
    emails, labels = _emails(rng)
    emails.to_csv(out / "airline" / "passenger_emails.csv", index=False)
    labels.to_csv(out / "airline" / "email_hand_labels.csv", index=False)
    (out / "airline" / "compensation_policy.md").write_text(POLICY, encoding="utf-8")

    (out / "museum" / "exhibitions").mkdir(parents=True, exist_ok=True)
    _visitors(rng).to_csv(out / "museum" / "visitor_counts.csv", index=False)
    with open(out / "museum" / "guestbook.jsonl", "w", encoding="utf-8") as fh:
        for entry in _guestbook(rng):
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    for name, text in EXHIBITIONS.items():
        (out / "museum" / "exhibitions" / name).write_text(text, encoding="utf-8")

    (out / "pharmacy").mkdir(exist_ok=True)
    _stock(rng).to_csv(out / "pharmacy" / "stock_levels.csv", index=False)
    with open(out / "pharmacy" / "supplier_orders.jsonl", "w", encoding="utf-8") as fh:
        for order in _orders(rng):
            fh.write(json.dumps(order) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
