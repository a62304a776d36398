"""Write the heldout9 data (a water utility, a public library, a bike-sharing operator) into DIR.

Run: python make_data.py DIR. Deterministic (fixed seeds), offline, invented rows and text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

DISTRICTS = ["Northgate", "Riverside", "Old Town", "Hillcrest", "Harbour"]


def meter_readings(rng: np.random.Generator) -> pd.DataFrame:
    """Monthly meter readings; 12 planted spikes (huge use, or use at a property marked vacant)."""
    n = 900
    ptype = rng.choice(["house", "flat", "shop", "vacant"], n, p=[0.5, 0.3, 0.15, 0.05])
    base = {"house": 14.0, "flat": 8.0, "shop": 22.0, "vacant": 0.4}
    prev = np.array([max(0.0, rng.normal(base[t], base[t] * 0.2 + 0.2)) for t in ptype])
    cur = np.clip(prev * rng.normal(1.0, 0.08, n), 0, None)
    frame = pd.DataFrame(
        {
            "reading_id": [f"R{100000 + i}" for i in range(n)],
            "meter_id": [f"M-{rng.integers(10000, 99999)}" for _ in range(n)],
            "district": rng.choice(DISTRICTS, n),
            "property_type": ptype,
            "days_in_period": rng.integers(28, 32, n),
            "previous_m3": prev.round(2),
            "consumption_m3": cur.round(2),
            "read_method": rng.choice(["smart", "manual", "estimated"], n, p=[0.6, 0.3, 0.1]),
        }
    )
    spikes = rng.choice(np.flatnonzero(ptype != "vacant"), 8, replace=False)
    frame.loc[spikes, "consumption_m3"] = (frame.loc[spikes, "previous_m3"] * 25).round(2)
    vacant = np.flatnonzero(ptype == "vacant")[:4]
    frame.loc[vacant, "consumption_m3"] = [61.5, 74.2, 58.9, 80.3]
    return frame


COMPLAINT_TEXT = {
    "billing": [
        "My bill this quarter is double the usual amount and nobody at home changed anything",
        "I was charged twice for the standing charge, please refund the extra payment",
        "The direct debit took the wrong amount from my account this month",
        "Why does my invoice show an estimated reading when the meter is smart",
        "I moved out in May but I still receive bills for the old address",
    ],
    "leak": [
        "Water is bubbling up through the pavement outside number 14",
        "There is a puddle that never dries near the hydrant on our street",
        "I can hear water running under the floor even with all taps closed",
        "A pipe in the verge is leaking and the road is flooding slightly",
        "Water is gushing from the stop valve cover by the bus stop",
    ],
    "pressure": [
        "The shower barely trickles in the morning, pressure is very low",
        "Upstairs taps have almost no flow since the works last week",
        "Pressure drops every evening around seven and the boiler cuts out",
        "Very weak flow from the kitchen tap, it takes ages to fill a kettle",
        "The water pressure is so high that the pipes bang at night",
    ],
    "quality": [
        "The tap water is brown and smells of metal this morning",
        "Our water tastes strongly of chlorine since Tuesday",
        "White particles float in the glass after it stands a while",
        "The water looks cloudy and milky when I run the cold tap",
        "There is a musty earthy taste to the drinking water",
    ],
}
OPENERS = ["Hello,", "Dear team,", "Hi there.", "Good morning,", "To whom it may concern,", ""]
CLOSERS = ["Thanks.", "Please advise.", "Regards.", "This is urgent.", "Kind regards.", ""]


def texts(rng: np.random.Generator, bank: dict[str, list[str]], n: int) -> tuple[list, list]:
    classes = list(bank)
    labels = rng.choice(classes, n)
    out = []
    for label in labels:
        body = rng.choice(bank[label])
        extra = rng.choice(bank[rng.choice(classes)]) if rng.random() < 0.12 else ""
        parts = [
            rng.choice(OPENERS),
            body + ".",
            extra + ("." if extra else ""),
            rng.choice(CLOSERS),
        ]
        out.append(" ".join(p for p in parts if p))
    return out, list(labels)


def complaints(rng: np.random.Generator) -> pd.DataFrame:
    """Customer emails, topic filled on 120 of 700."""
    n = 700
    body, topic = texts(rng, COMPLAINT_TEXT, n)
    keep = np.zeros(n, dtype=bool)
    keep[rng.choice(n, 120, replace=False)] = True
    return pd.DataFrame(
        {
            "complaint_id": [f"C-{5000 + i}" for i in range(n)],
            "received": pd.date_range("2024-01-02", periods=n, freq="9h").strftime("%Y-%m-%d"),
            "channel": rng.choice(["email", "web form"], n, p=[0.7, 0.3]),
            "message": body,
            "topic": [t if k else None for t, k in zip(topic, keep, strict=True)],
        }
    )


def pipe_bursts(rng: np.random.Generator, n: int, labelled: bool) -> pd.DataFrame:
    """Burst records; severity major when old cast iron, wide pipe or high pressure."""
    material = rng.choice(["cast iron", "ductile iron", "PVC", "asbestos cement", "PE"], n)
    age = rng.integers(2, 95, n)
    diameter = rng.choice([75, 100, 150, 225, 300, 450], n)
    pressure = rng.normal(4.5, 1.2, n).round(1)
    risk = (
        (material == "cast iron") * 1.2
        + (material == "asbestos cement") * 0.8
        + age / 40
        + diameter / 200
        + (pressure - 4.5) * 0.6
        + rng.normal(0, 0.7, n)
    )
    frame = pd.DataFrame(
        {
            "burst_id": [f"B{(3000 if labelled else 9000) + i}" for i in range(n)],
            "district": rng.choice(DISTRICTS, n),
            "pipe_material": material,
            "pipe_age_years": age,
            "diameter_mm": diameter,
            "pressure_bar": pressure,
            "soil": rng.choice(["clay", "sand", "chalk", "made ground"], n),
            "month": rng.integers(1, 13, n),
        }
    )
    if labelled:
        frame["severity"] = np.where(risk > 3.2, "major", "minor")
    return frame


def loans(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    """Loans with an overdue flag driven by item type, renewals and member history."""
    item = rng.choice(
        ["book", "dvd", "audiobook", "magazine", "laptop"], n, p=[0.6, 0.12, 0.1, 0.13, 0.05]
    )
    age = rng.choice(["child", "teen", "adult", "senior"], n, p=[0.2, 0.15, 0.45, 0.2])
    renewals = rng.integers(0, 4, n)
    years = rng.integers(0, 30, n)
    late_before = rng.poisson(0.8, n)
    score = (
        (item == "dvd") * 0.9
        + (item == "laptop") * 1.2
        + (age == "teen") * 0.6
        + renewals * 0.35
        + late_before * 0.7
        - years * 0.04
        + rng.normal(0, 0.8, n)
    )
    return pd.DataFrame(
        {
            "loan_id": [f"L{start + i}" for i in range(n)],
            "branch": rng.choice(["Central", "Eastfield", "Mill Lane", "Bookbus"], n),
            "item_type": item,
            "member_age_group": age,
            "member_years": years,
            "renewals": renewals,
            "previous_late_returns": late_before,
            "loan_days": rng.choice([7, 14, 21, 28], n),
            "overdue": np.where(score > 1.9, "yes", "no"),
        }
    )


def event_signups(rng: np.random.Generator) -> pd.DataFrame:
    """Event sign-ups and whether the person came."""
    n = 640
    kind = rng.choice(
        ["storytime", "author talk", "coding club", "knit and natter", "film night"], n
    )
    ahead = rng.integers(0, 45, n)
    reminder = rng.choice([True, False], n)
    free = rng.choice([True, False], n, p=[0.7, 0.3])
    score = 1.2 - ahead * 0.03 + reminder * 0.9 + (~free) * 0.7 + (kind == "storytime") * 0.5
    score = score + rng.normal(0, 0.8, n)
    return pd.DataFrame(
        {
            "signup_id": range(1, n + 1),
            "event_type": kind,
            "branch": rng.choice(["Central", "Eastfield", "Mill Lane"], n),
            "weekday": rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], n),
            "days_booked_ahead": ahead,
            "reminder_sent": reminder,
            "free_event": free,
            "attended": np.where(score > 0.9, "yes", "no"),
        }
    )


SUGGESTION_TEXT = {
    "buy_this": [
        "Please order more graphic novels for the teen shelf",
        "Could you get the new crime series by that Icelandic author",
        "We need large print copies of the book club titles",
        "Add more Polish language children's books to the collection",
        "Please stock audiobooks of the classics for the app",
    ],
    "building": [
        "The toilets on the first floor are out of order again",
        "It is too cold in the reading room, the heating seems off",
        "More power sockets near the study desks would help",
        "The lift was broken for a week, hard with a pushchair",
        "The chairs in the quiet area are falling apart",
    ],
    "opening_hours": [
        "Please open on Sunday afternoons for families",
        "Closing at five on weekdays is too early for workers",
        "Could the Bookbus stop stay longer on Thursdays",
        "Open earlier on Saturday so students can revise",
        "Late opening one evening a week would be great",
    ],
    "events": [
        "More coding club sessions for younger children please",
        "A board game night for adults would be fun",
        "Bring back the local history talks",
        "Could you run a CV writing workshop",
        "A knitting group in the evenings would be lovely",
    ],
}


def suggestions(rng: np.random.Generator) -> pd.DataFrame:
    """Reader suggestions, category filled on 80 of 520."""
    n = 520
    body, cat = texts(rng, SUGGESTION_TEXT, n)
    keep = np.zeros(n, dtype=bool)
    keep[rng.choice(n, 80, replace=False)] = True
    return pd.DataFrame(
        {
            "suggestion_id": range(1, n + 1),
            "branch": rng.choice(["Central", "Eastfield", "Mill Lane", "Bookbus"], n),
            "suggestion": body,
            "category": [c if k else None for c, k in zip(cat, keep, strict=True)],
        }
    )


STATIONS = [
    "Market Square",
    "Canal Basin",
    "University Gate",
    "Central Station",
    "Park Road",
    "Hospital East",
    "Riverside Walk",
    "Old Brewery",
    "Stadium",
    "Library Corner",
]


def trips(rng: np.random.Generator, month: int, days: int, planted: bool) -> pd.DataFrame:
    """Hourly trips per station for one month (07-20h); April holds 6 planted odd rows."""
    rows = []
    for day in range(1, days + 1):
        date = pd.Timestamp(2024, month, day)
        rain_day = rng.random() < 0.3
        temp_day = rng.normal(9 if month == 3 else 13, 3)
        for s, name in enumerate(STATIONS):
            for hour in range(7, 21, 3):
                peak = 1.8 if hour in (7, 16) and date.weekday() < 5 else 1.0
                mean = (6 + s % 4 * 3) * peak * (0.6 if rain_day else 1.0)
                rows.append(
                    {
                        "station_id": 100 + s,
                        "station": name,
                        "date": date.strftime("%Y-%m-%d"),
                        "hour": hour,
                        "weekday": date.strftime("%a"),
                        "raining": rain_day,
                        "temperature_c": round(temp_day + rng.normal(0, 1), 1),
                        "trips": int(rng.poisson(mean)),
                        "bikes_available": int(rng.integers(2, 25)),
                    }
                )
    frame = pd.DataFrame(rows)
    if planted:
        odd = rng.choice(len(frame), 6, replace=False)
        frame.loc[odd, "trips"] = [310, 0, 275, 402, 288, 351]
        frame.loc[odd, "bikes_available"] = [0, 0, 1, 0, 0, 1]
    return frame


FAULT_TEXT = {
    "brakes": [
        "rear brake does nothing, lever goes all the way to the bar",
        "front brake squeals badly and barely stops",
        "brakes rubbing on the wheel, hard to pedal",
        "brake cable snapped on the left lever",
    ],
    "chain": [
        "chain keeps falling off when changing gear",
        "chain is rusty and skips under load",
        "pedals spin but the bike does not move, chain off",
        "grinding noise from the chain and the gears slip",
    ],
    "tyre": [
        "front tyre flat, cannot ride",
        "back tyre has a puncture and goes soft after a minute",
        "tyre tread worn through, visible canvas",
        "wheel wobbles, tyre not seated properly",
    ],
    "lock": [
        "bike will not release from the dock, lock stuck",
        "cannot lock the bike at the end of my trip, app says still riding",
        "the lock beeps but never opens",
        "dock refused to lock the bike and I was charged extra",
    ],
    "electrical": [
        "ebike battery drains in ten minutes",
        "front light does not work at night",
        "motor assist cuts out on hills",
        "display screen is blank and no assist",
    ],
}


def fault_reports(rng: np.random.Generator) -> pd.DataFrame:
    """Bike fault reports by riders, fault_category filled on 90 of 610."""
    n = 610
    classes = list(FAULT_TEXT)
    cats = rng.choice(classes, n, p=[0.22, 0.18, 0.25, 0.2, 0.15])
    prefix = ["", "bike 4471: ", "hi, ", "urgent - ", "not happy, ", "again! "]
    body = [rng.choice(prefix) + rng.choice(FAULT_TEXT[c]) for c in cats]
    keep = np.zeros(n, dtype=bool)
    keep[rng.choice(n, 90, replace=False)] = True
    return pd.DataFrame(
        {
            "report_id": [f"F{20000 + i}" for i in range(n)],
            "bike_id": rng.integers(1000, 1600, n),
            "station_id": rng.choice(range(100, 110), n),
            "reported_via": rng.choice(["app", "phone", "staff"], n, p=[0.75, 0.15, 0.1]),
            "description": body,
            "fault_category": [c if k else None for c, k in zip(cats, keep, strict=True)],
        }
    )


def dock_log(rng: np.random.Generator) -> list[dict]:
    """Dock maintenance visits (jsonl); 5 planted visits with absurd durations or parts."""
    n = 380
    issue = rng.choice(["lock sensor", "card reader", "cleaning", "paint", "bollard loose"], n)
    minutes = {
        "lock sensor": 45,
        "card reader": 35,
        "cleaning": 15,
        "paint": 60,
        "bollard loose": 50,
    }
    rows = []
    for i in range(n):
        rows.append(
            {
                "visit_id": i + 1,
                "dock_id": f"D{int(rng.integers(100, 110))}-{int(rng.integers(1, 21)):02d}",
                "visit_date": str(
                    (
                        pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(rng.integers(0, 120)))
                    ).date()
                ),
                "technician": str(rng.choice(["Aziz", "Bea", "Carlos", "Dana"])),
                "issue": str(issue[i]),
                "minutes_spent": int(max(5, rng.normal(minutes[issue[i]], 8))),
                "parts_replaced": int(
                    rng.poisson(0.5 if issue[i] in ("lock sensor", "card reader") else 0.05)
                ),
                "fixed": bool(rng.random() < 0.9),
            }
        )
    for idx, mins, parts in [
        (17, 900, 0),
        (88, 5, 9),
        (150, 1440, 12),
        (233, 720, 0),
        (301, 610, 7),
    ]:
        rows[idx]["minutes_spent"] = mins
        rows[idx]["parts_replaced"] = parts
        rows[idx]["issue"] = "cleaning"
    return rows


FAQ = """# Customer questions about your water supply

## Reading your bill

Your bill is issued every quarter. A quarterly bill covers the water you used plus a fixed
standing charge of 38 pounds per quarter. If we could not read your meter, the bill is based
on an estimated reading, which is marked with the letter E. You can send us your own reading
through the online account to replace an estimate.

## Payment options

Direct debit is the easiest way to pay. Customers who pay by direct debit can spread the cost
over twelve monthly payments. If you are struggling to pay, the WaterAssist scheme caps your
bill at 50 percent of the average household charge. Applications for WaterAssist are reviewed
within 20 working days.

## Leaks on your property

You are responsible for the supply pipe between the boundary of your property and your home.
We are responsible for the pipes in the street up to the boundary. If a leak is found on your
supply pipe, we offer one free repair every five years. A leak allowance is applied to your
bill when the leak is repaired within 30 days of being found.

## Low pressure

Normal pressure at the boundary is at least 1 bar. Low pressure is often caused by a partly
closed stop tap inside the home. If your neighbours also have low pressure, the cause is
usually work on the network, and you can check the live incidents map on our website.

## Discoloured water

Brown or orange water is usually caused by iron sediment stirred up in old cast iron mains.
If the water is discoloured, run the cold kitchen tap for 20 minutes. If it does not clear,
call the 24 hour line on 0800 555 0199. Cloudy white water is caused by tiny air bubbles and
is safe to drink.

## Burst mains and interruptions

When a main bursts, our network team aims to restore supply within 12 hours. Customers whose
supply is interrupted for more than 12 hours receive an automatic payment of 30 pounds.
Bottled water stations are opened when an interruption is expected to last longer than 24 hours.
"""

POLICY = """Eastfield and District Public Libraries - Lending and Membership Policy

1. Membership
Membership is free for everyone who lives, works or studies in the district. Children under 12
need a parent or carer to sign the application form. A membership card is replaced free of
charge once a year; further replacements cost 2 pounds.

2. Loan periods
Books are lent for 21 days. DVDs are lent for 7 days. Laptops are lent for 14 days and may only
be borrowed by adult members who have held a card for at least six months. Magazines may not
be borrowed in the week they are published.

3. Renewals
An item can be renewed up to three times unless another member has reserved it. Renewals can
be made online, by phone or at any branch. Laptops cannot be renewed.

4. Overdue items
Adult members pay a late fee of 20 pence per day for each overdue book. Children and members
over 65 do not pay late fees. A member who owes more than 10 pounds cannot borrow further
items until the amount is paid. An item that is overdue for 60 days is treated as lost and the
replacement cost is charged.

5. Reservations
Reservations are free for books. A reservation for an item from another library authority
costs 3 pounds. Reserved items are kept at the collection branch for 7 days.

6. Events
Most library events are free. Places at storytime and coding club are limited to 20 and must
be booked in advance. A member who books three events and does not attend any of them may be
asked to book no more than one event at a time for the following three months.

7. Reader suggestions
The library welcomes suggestions for new stock, services and events. Every suggestion is read
by the branch manager and a reply is sent within 15 working days when contact details are
given.
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    rng = np.random.default_rng(20240909)
    meter_readings(rng).to_csv(out / "meter_readings.csv", index=False)
    complaints(rng).to_csv(out / "complaints.csv", index=False)
    pipe_bursts(rng, 560, labelled=True).to_csv(out / "pipe_bursts.csv", index=False)
    pipe_bursts(rng, 40, labelled=False).to_csv(out / "bursts_to_rate.csv", index=False)
    loans(rng, 1400, 70000).to_csv(out / "loans.csv", index=False)
    loans(rng, 300, 90000).to_csv(out / "loans_recent.csv", index=False)
    event_signups(rng).to_csv(out / "event_signups.csv", index=False)
    suggestions(rng).to_csv(out / "reader_suggestions.csv", index=False)
    trips(rng, 3, 31, planted=False).to_csv(out / "trips_march.csv", index=False)
    trips(rng, 4, 30, planted=True).to_csv(out / "trips_april.csv", index=False)
    fault_reports(rng).to_csv(out / "fault_reports.csv", index=False)
    with (out / "dock_maintenance.jsonl").open("w", encoding="utf-8") as fh:
        for row in dock_log(rng):
            fh.write(json.dumps(row) + "\n")
    (out / "docs" / "customer_faq.md").write_text(FAQ, encoding="utf-8")
    (out / "docs" / "library_policy.txt").write_text(POLICY, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
