"""Write the files the development goals talk about into a folder (deterministic, offline)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.datasets import load_digits, load_wine
from sklearn.model_selection import train_test_split

SEED = 11

PRODUCTS = ["blender", "headphones", "desk lamp", "backpack", "kettle", "phone case", "keyboard"]
POSITIVE = [
    "works great",
    "love it",
    "excellent quality",
    "arrived fast and well packed",
    "would buy again",
    "five stars",
    "exactly as described",
    "super comfortable",
    "really good value for the money",
    "my kids love it",
]
NEGATIVE = [
    "broke after a week",
    "terrible quality",
    "waste of money",
    "stopped working",
    "arrived damaged",
    "very disappointed",
    "returned it",
    "cheap plastic, feels flimsy",
    "customer service never answered",
    "does not work as advertised",
]
NEUTRAL_FILLER = [
    "I bought it for my office.",
    "Got it on sale last month.",
    "Ordered the black one.",
    "This is my second one.",
    "Used it every day so far.",
    "",
]


def _review(rng: np.random.Generator, positive: bool) -> tuple[str, str]:
    """One invented product review and its product."""
    product = str(rng.choice(PRODUCTS))
    main = POSITIVE if positive else NEGATIVE
    other = NEGATIVE if positive else POSITIVE
    parts = [f"The {product}", str(rng.choice(main)) + "."]
    if rng.random() < 0.5:
        parts.append(str(rng.choice(main)).capitalize() + ".")
    if rng.random() < 0.15:  # a mixed review: one phrase of the other side
        parts.append("Only thing: " + str(rng.choice(other)) + ".")
    parts.append(str(rng.choice(NEUTRAL_FILLER)))
    return " ".join(p for p in parts if p).strip(), product


def reviews(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    """Product reviews with a positive/negative label."""
    rows = []
    for i in range(n):
        positive = bool(rng.random() < 0.55)
        text, product = _review(rng, positive)
        rows.append(
            {
                "id": start + i,
                "product": product,
                "text": text,
                "label": "positive" if positive else "negative",
            }
        )
    return pd.DataFrame(rows)


def write_reviews(out: Path, rng: np.random.Generator) -> None:
    """reviews.csv (label filled on ~12% of rows) and reviews_test.csv (all labeled)."""
    pool = reviews(rng, 1200, 1)
    keep = rng.random(len(pool)) < 0.12
    pool.loc[~keep, "label"] = None
    pool.to_csv(out / "reviews.csv", index=False)
    reviews(rng, 300, 5001).to_csv(out / "reviews_test.csv", index=False)


def write_wine(out: Path) -> None:
    """scikit-learn's wine, split 70/30, the target named `cultivar` (1, 2, 3)."""
    data = load_wine(as_frame=True)
    frame = data.frame.rename(
        columns={"target": "cultivar", "od280/od315_of_diluted_wines": "od280_od315"}
    )
    frame["cultivar"] = frame["cultivar"] + 1
    train, test = train_test_split(
        frame, test_size=0.3, random_state=SEED, stratify=frame["cultivar"]
    )
    train.to_csv(out / "wine_train.csv", index=False)
    test.to_csv(out / "wine_test.csv", index=False)


def write_digits(out: Path) -> None:
    """scikit-learn's digits: 64 pixel columns and `digit`."""
    data = load_digits()
    frame = pd.DataFrame(data.data.astype(int), columns=[f"pixel_{i}" for i in range(64)])
    frame["digit"] = data.target
    frame.to_csv(out / "digits.csv", index=False)


def census(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    """Invented census-like people with an `income` (>50K / <=50K) drawn from their features."""
    education = ["HS-grad", "Some-college", "Bachelors", "Masters", "Doctorate", "11th"]
    edu_years = {
        "11th": 7,
        "HS-grad": 9,
        "Some-college": 10,
        "Bachelors": 13,
        "Masters": 14,
        "Doctorate": 16,
    }
    occupations = [
        "Sales",
        "Tech-support",
        "Craft-repair",
        "Exec-managerial",
        "Adm-clerical",
        "Other-service",
    ]
    marital = ["Never-married", "Married-civ-spouse", "Divorced", "Widowed"]
    workclass = ["Private", "Self-emp", "Local-gov", "State-gov"]
    edu = rng.choice(education, n, p=[0.3, 0.22, 0.2, 0.12, 0.04, 0.12])
    age = rng.integers(18, 75, n)
    hours = np.clip(rng.normal(40, 10, n).round(), 5, 90).astype(int)
    occ = rng.choice(occupations, n)
    mar = rng.choice(marital, n, p=[0.33, 0.45, 0.15, 0.07])
    gain = np.where(rng.random(n) < 0.08, rng.integers(2000, 40000, n), 0)
    years = np.array([edu_years[e] for e in edu])
    logit = (
        -9.0
        + 0.45 * years
        + 0.03 * age
        + 0.04 * hours
        + 1.2 * (mar == "Married-civ-spouse")
        + 0.9 * (occ == "Exec-managerial")
        + 0.0002 * gain
    )
    income = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), ">50K", "<=50K")
    return pd.DataFrame(
        {
            "person_id": np.arange(start, start + n),
            "age": age,
            "workclass": rng.choice(workclass, n, p=[0.7, 0.12, 0.1, 0.08]),
            "education": edu,
            "education_years": years,
            "marital_status": mar,
            "occupation": occ,
            "hours_per_week": hours,
            "capital_gain": gain,
            "income": income,
        }
    )


def write_census(out: Path, rng: np.random.Generator) -> None:
    """census.csv (no income, a few blanks), hand_labels.csv (person_id, income for 250 people), census_holdout.csv."""
    people = census(rng, 3000, 100001)
    pool = people.drop(columns=["income"])
    pool.loc[rng.random(len(pool)) < 0.04, "occupation"] = None  # some blanks to find
    pool.loc[rng.random(len(pool)) < 0.02, "workclass"] = None
    pool.to_csv(out / "census.csv", index=False)
    labeled = people.sample(250, random_state=SEED)[["person_id", "income"]]
    labeled.to_csv(out / "hand_labels.csv", index=False)
    census(rng, 600, 900001).to_csv(out / "census_holdout.csv", index=False)


TICKETS = {
    "billing": (
        ["Charged twice", "Refund request", "Invoice question", "Wrong amount on my bill"],
        [
            "I was charged twice for my subscription this month.",
            "Please refund the last payment.",
            "My invoice shows the wrong VAT number.",
            "Why did my card get billed again?",
        ],
    ),
    "technical": (
        ["App crashes", "Cannot sync", "Error 500", "Login page frozen"],
        [
            "The app crashes every time I open settings.",
            "Sync fails with a timeout error.",
            "I get error 500 when I upload a file.",
            "The page freezes after I click save.",
        ],
    ),
    "account": (
        ["Change email", "Delete my account", "Reset password", "Two-factor issue"],
        [
            "How do I change the email on my account?",
            "Please close my account and delete my data.",
            "The password reset link never arrives.",
            "I lost my phone and cannot pass two-factor.",
        ],
    ),
    "shipping": (
        ["Where is my order", "Package lost", "Late delivery", "Wrong address"],
        [
            "My order has not arrived after two weeks.",
            "Tracking says delivered but no package.",
            "The courier is late again.",
            "I need to change the delivery address.",
        ],
    ),
}


def tickets(rng: np.random.Generator, n: int, start: int, labeled: bool) -> pd.DataFrame:
    """Support tickets with a subject, a body, a priority and (optionally) their category."""
    rows = []
    names = list(TICKETS)
    for i in range(n):
        category = str(rng.choice(names, p=[0.3, 0.35, 0.2, 0.15]))
        subjects, bodies = TICKETS[category]
        body = str(rng.choice(bodies))
        if rng.random() < 0.4:
            body += " " + str(
                rng.choice(
                    [
                        "Thanks.",
                        "This is urgent!",
                        "Order #" + str(rng.integers(1000, 9999)),
                        "Regards, Sam",
                    ]
                )
            )
        row = {
            "ticket_id": f"T{start + i:05d}",
            "subject": str(rng.choice(subjects)),
            "body": body,
            "priority": str(rng.choice(["low", "normal", "high"], p=[0.3, 0.5, 0.2])),
        }
        if labeled:
            row["category"] = category
        rows.append(row)
    return pd.DataFrame(rows)


def write_sensors(out: Path, rng: np.random.Generator) -> None:
    """sensors.csv: correlated machine readings with 15 odd rows mixed in."""
    n = 2000
    rpm = rng.normal(1500, 120, n)
    temperature = 40 + 0.02 * (rpm - 1500) + rng.normal(0, 1.5, n)
    vibration = 0.5 + 0.0008 * (rpm - 1500) + rng.normal(0, 0.05, n)
    pressure = rng.normal(101.3, 0.8, n)
    humidity = rng.normal(45, 5, n)
    odd = rng.choice(n, 15, replace=False)
    temperature[odd[:5]] += rng.uniform(25, 40, 5)
    vibration[odd[5:10]] *= 4
    rpm[odd[10:]] = rng.uniform(200, 400, 5)  # slow spin but normal heat: a broken correlation
    frame = pd.DataFrame(
        {
            "reading_id": np.arange(1, n + 1),
            "machine": rng.choice(["press_a", "press_b", "lathe_1"], n),
            "rpm": rpm.round(1),
            "temperature": temperature.round(2),
            "vibration": vibration.round(3),
            "pressure": pressure.round(2),
            "humidity": humidity.round(1),
        }
    )
    frame.to_csv(out / "sensors.csv", index=False)


def write_transactions(out: Path, rng: np.random.Generator) -> None:
    """transactions.csv: card payments, a few of them unusual (no fraud label)."""
    n = 2500
    amount = np.round(rng.lognormal(3.5, 0.8, n), 2)
    hour = rng.integers(7, 23, n)
    country = rng.choice(["DE", "FR", "NL", "ES"], n, p=[0.6, 0.2, 0.1, 0.1])
    odd = rng.choice(n, 12, replace=False)
    amount[odd[:6]] = np.round(rng.uniform(4000, 9000, 6), 2)
    hour[odd[6:]] = rng.integers(2, 5, 6)
    country = country.astype(object)
    country[odd[6:]] = "KY"
    pd.DataFrame(
        {
            "txn_id": [f"tx{i:06d}" for i in range(n)],
            "amount": amount,
            "hour": hour,
            "merchant_category": rng.choice(
                ["grocery", "fuel", "online", "restaurant", "travel"], n
            ),
            "country": country,
            "card_present": rng.random(n) < 0.7,
        }
    ).to_csv(out / "transactions.csv", index=False)


def write_churn(out: Path, rng: np.random.Generator) -> None:
    """churn.csv: telecom customers with `churned` (yes/no)."""
    n = 1500
    tenure = rng.integers(1, 72, n)
    contract = rng.choice(["month-to-month", "one-year", "two-year"], n, p=[0.55, 0.25, 0.2])
    charges = np.round(rng.uniform(20, 120, n), 2)
    calls = rng.poisson(1.5, n)
    logit = (
        -1.0 - 0.04 * tenure + 0.015 * charges + 0.4 * calls + 1.2 * (contract == "month-to-month")
    )
    churned = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
    pd.DataFrame(
        {
            "customer_id": [f"C{i:05d}" for i in range(n)],
            "tenure_months": tenure,
            "contract": contract,
            "monthly_charges": charges,
            "support_calls": calls,
            "churned": churned,
        }
    ).to_csv(out / "churn.csv", index=False)


TWEETS = {
    "positive": [
        "best concert ever",
        "so happy with the new update",
        "great game tonight",
        "loving this weather",
    ],
    "negative": [
        "worst service ever",
        "my train is late again",
        "this update broke everything",
        "so annoyed right now",
    ],
    "neutral": [
        "heading to the office",
        "meeting at 3pm",
        "new blog post is up",
        "watching the news",
    ],
}


def write_tweets(out: Path, rng: np.random.Generator) -> None:
    """tweets.csv (tweet_id, user, text; no labels) and tweet_labels.csv (120 hand labels)."""
    rows, truth = [], []
    for i in range(900):
        sentiment = str(rng.choice(list(TWEETS), p=[0.4, 0.35, 0.25]))
        text = str(rng.choice(TWEETS[sentiment]))
        if rng.random() < 0.5:
            text += " " + str(rng.choice(["#monday", "lol", ":)", "@friend", "#news", "!!"]))
        rows.append({"tweet_id": 7000 + i, "user": f"user{rng.integers(1, 300)}", "text": text})
        truth.append(sentiment)
    frame = pd.DataFrame(rows)
    frame.to_csv(out / "tweets.csv", index=False)
    chosen = rng.choice(len(frame), 120, replace=False)
    pd.DataFrame(
        {
            "tweet_id": frame["tweet_id"].iloc[chosen].to_numpy(),
            "sentiment": np.array(truth)[chosen],
        }
    ).to_csv(out / "tweet_labels.csv", index=False)


def write_orders(out: Path, rng: np.random.Generator) -> None:
    """orders.jsonl: shop orders, one JSON object a line (a table to convert)."""
    with (out / "orders.jsonl").open("w", encoding="utf-8") as handle:
        for i in range(400):
            record = {
                "order_id": 50000 + i,
                "customer": f"C{rng.integers(0, 1500):05d}",
                "item": str(rng.choice(PRODUCTS)),
                "quantity": int(rng.integers(1, 5)),
                "unit_price": round(float(rng.uniform(5, 150)), 2),
            }
            handle.write(json.dumps(record) + "\n")


GUIDE = """# Brightwater Hub: user guide

## Overview

Brightwater Hub is a home energy controller that connects the heat pump, the solar inverter and
the battery in one app. The hub measures consumption every ten seconds and stores 400 days of
history on the device.

## Installation

The hub is installed by a certified electrician because it is wired into the main distribution
board. After installation the status light turns green within two minutes. If the light stays
red, the hub has no network connection and the installer checks the Ethernet cable.

## Schedules

A schedule is a list of time windows in which the heat pump may run. The default schedule allows
heating from 06:00 to 22:00. When electricity prices are negative, the hub charges the battery
first and then heats the water tank to 60 degrees.

## Eco mode

Eco mode lowers the target room temperature by two degrees while nobody is at home. Presence is
detected from the phones paired with the app. Eco mode is switched off automatically when the
outdoor temperature falls below minus ten degrees, because the heat pump then needs a long time
to recover.

## Updates

Firmware updates are downloaded at night and installed between 02:00 and 04:00. An update never
interrupts heating for more than five minutes. The changelog of every release is shown in the app.

## Battery control

The battery controller is the part of the hub that decides when the home battery charges and
discharges. It charges from solar surplus first and from the grid only when the price is below
the threshold set in the app. The default threshold is 10 cents per kilowatt hour. When the
battery is full, surplus solar power is exported to the grid.

## Solar forecast

The solar forecast is an estimate of tomorrow's production based on the weather service and the
orientation of the panels. The hub updates the forecast every six hours. If the forecast predicts
a sunny day, the hub leaves room in the battery instead of charging it from the grid overnight.

## Alerts

An alert is a message the hub sends to every paired phone. Alerts are sent when the heat pump
reports a fault, when the battery temperature exceeds 45 degrees, or when the hub loses its grid
meter connection for more than ten minutes. Alerts can be muted for up to 24 hours.

## Tariffs

A dynamic tariff is an electricity price that changes every hour. The hub downloads the next
day's prices at 14:00 and plans heating and battery charging around the cheapest hours. With a
fixed tariff, the hub only optimises for self-consumption of solar power.

## Users and roles

The owner is the person who registered the hub. The owner can invite up to five other users.
Guests can change the room temperature but cannot edit schedules, tariffs or battery settings.
Removing a user revokes access on their phone within one minute.

## Energy reports

The monthly energy report is a summary of consumption, solar production, grid import and export.
Reports are generated on the first day of each month and can be exported as CSV from the app.
The report compares the month with the same month of the previous year when that history exists.
"""

FAQ = """# Frequently asked questions

## Does the hub work without internet?

Yes. Schedules, eco mode and battery control run locally on the hub. Without internet the app
cannot reach the hub from outside the home, and price-based optimisation uses the last prices
that were downloaded.

## How do I reset the hub?

Press the reset button for ten seconds until the status light blinks blue. A reset keeps the
consumption history but removes the paired phones and the Wi-Fi settings.

## Which heat pumps are supported?

The hub supports heat pumps with a Modbus or SG-Ready interface. A list of tested models is
published on the support site and is updated every quarter.

## What does the warranty cover?

The warranty covers the hub for five years from the date of installation. Damage caused by
lightning or by opening the housing is not covered.

## How is my data protected?

Consumption data is encrypted on the device and in transit. Brightwater never sells personal
data, and the owner can export or delete all history from the app settings.

## Why does the heat pump run at night?

The heat pump runs at night when night-time electricity is cheaper or when the outdoor
temperature is low enough that the house would cool down too much by morning. The schedule in
the app shows the planned hours for the next day.

## Can I use the hub with an electric car charger?

Yes. Chargers that support OCPP 1.6 can be added in the app. The hub then shifts car charging to
hours with solar surplus or low prices, unless the driver presses the boost button.

## What happens during a power cut?

During a power cut the hub keeps its settings and history. If the battery supports backup mode,
the hub switches the house to battery power within two seconds. When the grid returns, the hub
resumes the normal schedule automatically.

## How do I move the hub to a new home?

Before moving, the owner removes the hub from the account in the app. The installer at the new
home adds it again, and the consumption history of the old home is kept in the owner's account.

## Who do I contact for support?

Support is reachable by chat in the app from 8:00 to 20:00 on weekdays. Warranty claims are
handled by the installer who fitted the hub.
"""

RELEASE_NOTES = """Brightwater Hub release notes

Version 3.2 adds support for dynamic grid tariffs in Belgium and Austria. The hub now reads the
day-ahead price at 14:00 and plans battery charging for the next day.

Version 3.1 fixes a bug where eco mode stayed active after the first phone came home. It also
reduces the time needed to pair a new phone from thirty seconds to about ten seconds.

Version 3.0 introduced the battery-first strategy. When solar production exceeds consumption,
the surplus charges the battery before it is exported to the grid.
"""


DEVICES = [
    ("Aero 7", "air-to-water heat pump", 7, "Modbus"),
    ("Aero 11", "air-to-water heat pump", 11, "Modbus"),
    ("Geo 9", "ground-source heat pump", 9, "SG-Ready"),
    ("Sol 5", "hybrid solar inverter", 5, "SunSpec"),
    ("Sol 10", "hybrid solar inverter", 10, "SunSpec"),
    ("Cell 8", "lithium iron phosphate battery", 8, "CAN bus"),
    ("Cell 16", "lithium iron phosphate battery", 16, "CAN bus"),
    ("Volt 22", "wall-mounted car charger", 22, "OCPP 1.6"),
    ("Tank 300", "hot water tank with an immersion heater", 3, "relay"),
    ("Meter P1", "smart meter reader", 0, "P1 port"),
]
ERRORS = [
    ("E01", "the hub cannot reach the grid meter", "check the meter cable and restart the hub"),
    ("E02", "the heat pump did not answer three requests in a row", "check the Modbus wiring"),
    (
        "E03",
        "the battery reported a cell temperature above 45 degrees",
        "let the battery cool down",
    ),
    (
        "E04",
        "the inverter firmware is older than the minimum version",
        "update the inverter firmware",
    ),
    (
        "E05",
        "the tariff download failed",
        "check the internet connection; the last prices stay in use",
    ),
    (
        "E06",
        "a paired phone has not connected for 90 days",
        "remove the phone or open the app on it",
    ),
    ("E07", "the car charger refused a schedule", "check that the charger is set to OCPP mode"),
    ("E08", "the water tank sensor reads below zero degrees", "replace the tank sensor"),
    (
        "E09",
        "the hub clock drifted by more than one minute",
        "the hub resynchronises the clock by itself",
    ),
    ("E10", "the storage of the hub is almost full", "export and delete old history in the app"),
]


def device_reference() -> str:
    """A generated reference section: one paragraph per supported device."""
    parts = ["\n## Supported devices\n"]
    for name, kind, power, interface in DEVICES:
        size = (
            f"Its rated capacity is {power} kilowatts." if power else "It draws less than one watt."
        )
        parts.append(
            f"The {name} is a {kind} that the hub controls over {interface}. {size} "
            f"When the {name} is added in the app, the hub reads its model number and firmware "
            f"version and shows it on the devices page. If the {name} goes offline, the hub "
            f"raises an alert after ten minutes and keeps the last schedule running.\n"
        )
    return "\n".join(parts)


def error_codes() -> str:
    """A generated FAQ section: one question per error code."""
    parts = []
    for code, meaning, fix in ERRORS:
        parts.append(
            f"\n## What does error {code} mean?\n\nError {code} means that {meaning}. "
            f"To clear it, {fix}. The error disappears from the app once the cause is gone, "
            f"and every occurrence is kept in the event log for 400 days.\n"
        )
    return "".join(parts)


def write_docs(out: Path) -> None:
    """docs/guide.md, docs/faq.md and docs/release_notes.txt about an invented product."""
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "guide.md").write_text(GUIDE + device_reference(), encoding="utf-8")
    (docs / "faq.md").write_text(FAQ + error_codes(), encoding="utf-8")
    (docs / "release_notes.txt").write_text(RELEASE_NOTES, encoding="utf-8")


def main(out: Path) -> None:
    """Write every file into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    write_reviews(out, rng)
    write_wine(out)
    write_digits(out)
    write_census(out, rng)
    tickets(rng, 800, 1, labeled=True).to_csv(out / "tickets.csv", index=False)
    tickets(rng, 120, 2001, labeled=False).to_csv(out / "tickets_new.csv", index=False)
    write_sensors(out, rng)
    write_transactions(out, rng)
    write_churn(out, rng)
    write_tweets(out, rng)
    write_orders(out, rng)
    write_docs(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
