"""Write fresh22's invented data (courier, gyms, game studio, parking office) into a folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def deliveries(rng: np.random.Generator, n: int, start: int, labeled: bool) -> pd.DataFrame:
    """Courier delivery records; late depends on distance, slot, weight and weather notes."""
    depots = ["North", "Harbour", "Airport", "Old Town"]
    slots = ["08-10", "10-12", "12-14", "14-16", "16-18", "18-20"]
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    notes = {
        "none": [
            "left with customer, signed",
            "handed over at front door, all fine",
            "customer collected at van, no issues",
            "delivered to reception desk",
            "left in safe place as agreed",
        ],
        "crushed": [
            "box corner caved in, crushed under other parcels",
            "outer carton squashed flat on one side",
            "parcel crushed in the cage, customer took photos",
        ],
        "water": [
            "box soaked from rain, label smudged",
            "parcel wet, left in porch during downpour",
            "water damage on the bottom, van roof leaking",
        ],
        "dropped": [
            "dropped it on the stairs, rattling inside",
            "fell off the trolley, dent on the side",
            "parcel dropped while unloading, glass sound",
        ],
    }
    extra = ["traffic jam on ring road", "had to wait for lift", "road works on main street", ""]
    rows = []
    for i in range(n):
        distance = round(float(rng.gamma(3.0, 4.0)), 1)
        weight = round(float(rng.gamma(2.0, 2.5)), 2)
        slot = _pick(rng, slots)
        reason = str(rng.choice(["none", "crushed", "water", "dropped"], p=[0.7, 0.1, 0.1, 0.1]))
        note = _pick(rng, notes[reason])
        jam = _pick(rng, extra)
        if jam:
            note = f"{note}; {jam}"
        score = 0.08 * distance + 0.1 * weight + (0.9 if slot in ("16-18", "18-20") else 0.0)
        score += 1.2 if "traffic" in note or "road works" in note else 0.0
        late = "yes" if score + rng.normal(0, 0.6) > 2.4 else "no"
        row = {
            "delivery_id": f"D{start + i:05d}",
            "depot": _pick(rng, depots),
            "weekday": _pick(rng, days),
            "slot": slot,
            "distance_km": distance,
            "parcel_kg": weight,
            "driver_id": f"DR{int(rng.integers(1, 40)):03d}",
            "stops_on_route": int(rng.integers(8, 60)),
            "driver_note": note,
        }
        if labeled:
            row["late"] = late
            row["damage_reason"] = reason if rng.random() < 0.22 else ""
        rows.append(row)
    return pd.DataFrame(rows)


def gyms(rng: np.random.Generator, n: int, start: int, labeled: bool) -> pd.DataFrame:
    """Gym member sign-ups; cancelled depends on visits, plan and age."""
    rows = []
    for i in range(n):
        plan = str(rng.choice(["monthly", "annual", "student", "off-peak"]))
        visits = int(rng.poisson(6))
        classes = int(rng.poisson(2))
        age = int(rng.integers(17, 70))
        score = -0.35 * visits - 0.4 * classes + (1.5 if plan == "monthly" else 0.0)
        score += 0.6 if plan == "student" else 0.0
        row = {
            "member_id": f"M{start + i:05d}",
            "branch": _pick(rng, ["Riverside", "Central", "Eastgate", "Parkview"]),
            "age": age,
            "plan": plan,
            "joined_month": _pick(rng, ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]),
            "visits_first_month": visits,
            "classes_booked": classes,
            "referred_by_friend": _pick(rng, ["yes", "no", "no"]),
            "monthly_fee": {"monthly": 39.0, "annual": 29.0, "student": 22.0, "off-peak": 25.0}[
                plan
            ],
        }
        if labeled:
            row["cancelled"] = "yes" if score + rng.normal(0, 1.0) > -0.5 else "no"
        rows.append(row)
    return pd.DataFrame(rows)


FEEDBACK = {
    "instructor": [
        "the instructor was brilliant and really motivating",
        "coach kept checking our form, great teacher",
        "trainer arrived late and seemed bored",
        "our instructor explained every move clearly",
    ],
    "crowding": [
        "class was packed, no space to move",
        "way too crowded, people queuing for bikes",
        "overbooked again, twenty people in a tiny room",
        "too many people, could not find a mat",
    ],
    "cleanliness": [
        "changing rooms were dirty and smelled",
        "mats were sticky and nobody wiped the bikes",
        "showers not cleaned, hair everywhere",
        "the studio smelled of sweat, needs cleaning",
    ],
    "schedule": [
        "please add an evening slot, 6pm is too early",
        "class got cancelled last minute with no notice",
        "timetable changed again without telling us",
        "would love a weekend morning session",
    ],
}


def feedback(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Class feedback comments and a separate hand-label sheet for 70 of them."""
    openers = ["", "honestly ", "just saying, ", "as a regular, ", "", "hmm "]
    rows, labels = [], []
    for i in range(420):
        topic = _pick(rng, list(FEEDBACK))
        text = _pick(rng, openers) + _pick(rng, FEEDBACK[topic])
        if rng.random() < 0.3:
            text += ". " + _pick(rng, FEEDBACK[_pick(rng, list(FEEDBACK))])
        cid = 3000 + i
        rows.append(
            {
                "comment_id": cid,
                "branch": _pick(rng, ["Riverside", "Central", "Eastgate", "Parkview"]),
                "class_type": _pick(rng, ["spin", "yoga", "hiit", "pilates", "boxing"]),
                "comment": text,
            }
        )
        if i % 6 == 0:
            labels.append({"comment_id": cid, "topic": topic})
    return pd.DataFrame(rows), pd.DataFrame(labels)


def sessions(rng: np.random.Generator) -> pd.DataFrame:
    """Mobile game player sessions with two yes/no outcomes and a few broken rows."""
    rows = []
    for i in range(900):
        minutes = round(float(rng.gamma(2.0, 9.0)), 1)
        level = int(rng.integers(1, 80))
        crashes = int(rng.poisson(0.3))
        ads = int(rng.poisson(4))
        purchases = int(rng.poisson(0.2))
        returned = 0.05 * minutes + 0.02 * level - 1.0 * crashes - 0.1 * ads + rng.normal(0, 0.7)
        rows.append(
            {
                "session_id": f"S{i:06d}",
                "player_id": f"P{int(rng.integers(1, 300)):04d}",
                "platform": _pick(rng, ["ios", "android", "android"]),
                "country": _pick(rng, ["DE", "FR", "US", "BR", "JP", "IN"]),
                "level_reached": level,
                "session_minutes": minutes,
                "crashes": crashes,
                "ad_views": ads,
                "purchases": purchases,
                "returned_next_day": "yes" if returned > 0.6 else "no",
                "paying_player": "yes" if purchases > 0 else "no",
            }
        )
    df = pd.DataFrame(rows)
    df.loc[[17, 240, 611], "session_minutes"] = [1440.0, 980.5, -3.0]
    df.loc[[55, 402], "crashes"] = [37, 25]
    return df


REVIEWS = {
    "bugs": [
        "game crashes every time I open the shop",
        "froze on level 12 and I lost my progress",
        "black screen after the last update",
    ],
    "ads": [
        "an ad after every single level, unplayable",
        "way too many ads, thirty seconds each",
        "ads pop up in the middle of a run",
    ],
    "pricing": [
        "gems are far too expensive",
        "pay to win, the bundles cost a fortune",
        "subscription price doubled, not worth it",
    ],
    "gameplay": [
        "levels feel repetitive after a while",
        "love the puzzles, clever level design",
        "controls are smooth and the boss fights are fun",
    ],
}


def reviews(rng: np.random.Generator) -> pd.DataFrame:
    """App-store reviews with stars and a partly filled complaint_type."""
    rows = []
    for i in range(480):
        kind = _pick(rng, list(REVIEWS))
        text = _pick(rng, REVIEWS[kind])
        if rng.random() < 0.4:
            text += ". " + _pick(rng, ["otherwise ok", "fix it please", "5 stars if fixed", "meh"])
        good = kind == "gameplay" and ("love" in text or "fun" in text)
        stars = int(np.clip(rng.normal(4.5 if good else 2.0, 0.8), 1, 5).round())
        rows.append(
            {
                "review_id": 9000 + i,
                "store": _pick(rng, ["app_store", "play_store"]),
                "app_version": _pick(rng, ["3.1.0", "3.2.0", "3.2.1"]),
                "stars": stars,
                "review_text": text,
                "complaint_type": kind if rng.random() < 0.18 else "",
            }
        )
    return pd.DataFrame(rows)


def fines(rng: np.random.Generator, n: int, start: int, decided: bool) -> pd.DataFrame:
    """Parking fines with appeal text; appeal_outcome upheld / cancelled."""
    reasons = {
        "cancelled": [
            "the meter was broken, I have a photo of the error screen",
            "my blue badge was on the dashboard, clearly visible",
            "the sign was covered by a tree branch",
            "I paid by app, the receipt shows the time",
        ],
        "upheld": [
            "I was only gone five minutes",
            "I did not see the sign",
            "everyone parks there",
            "I was dropping off shopping for my mum",
        ],
    }
    rows = []
    for i in range(n):
        outcome = str(rng.choice(["upheld", "cancelled"], p=[0.6, 0.4]))
        row = {
            "fine_id": f"PF{start + i:06d}",
            "zone": _pick(rng, ["A", "B", "C", "D", "E"]),
            "violation": _pick(
                rng, ["expired_meter", "no_permit", "loading_bay", "double_parked", "disabled_bay"]
            ),
            "vehicle": _pick(rng, ["car", "van", "motorbike"]),
            "amount_eur": float(_pick(rng, ["30", "50", "70", "120"])),
            "issued_hour": int(rng.integers(7, 22)),
            "appeal_text": _pick(rng, reasons[outcome]),
            "days_to_appeal": int(rng.integers(1, 28)),
        }
        if decided:
            row["appeal_outcome"] = outcome
        rows.append(row)
    return pd.DataFrame(rows)


def sensors(rng: np.random.Generator) -> pd.DataFrame:
    """Parking-bay sensor readings with some odd values."""
    n = 1200
    df = pd.DataFrame(
        {
            "reading_id": np.arange(1, n + 1),
            "sensor_id": [f"SN-{int(x):03d}" for x in rng.integers(1, 120, n)],
            "zone": rng.choice(list("ABCDE"), n),
            "hour": rng.integers(0, 24, n),
            "occupancy_pct": rng.normal(62, 18, n).clip(0, 100).round(1),
            "battery_v": rng.normal(3.6, 0.08, n).round(3),
            "signal_dbm": rng.normal(-78, 6, n).round(1),
            "temperature_c": rng.normal(14, 6, n).round(1),
        }
    )
    df.loc[[14, 333, 808], "occupancy_pct"] = [187.0, -40.0, 250.0]
    df.loc[[90, 701], "battery_v"] = [0.0, 9.9]
    df.loc[[456, 1001], "temperature_c"] = [88.0, -51.0]
    df.loc[[222], "signal_dbm"] = [12.0]
    return df


DESIGN_DOC = """# Starfall Rush: game design notes

## Core loop

A run lasts about three minutes. The player steers a comet through a lane of asteroids and
collects stardust. Stardust is spent in the workshop on upgrades for the comet's shield,
magnet and boost. When the shield breaks, the run ends and the score is saved.

## Levels and difficulty

The game has 80 levels grouped into eight sectors. Each sector ends with a boss fight. The
difficulty curve is tuned so that an average player reaches sector three in the first week.
If a player fails the same level five times, the game offers a free shield upgrade for that
level only.

## Monetisation

Gems are the premium currency. Gems are bought in bundles from 0.99 to 49.99 euros. An
optional rewarded ad gives 20 gems and may be watched at most five times a day. Interstitial
ads are shown after every third run, never during a run, and never to paying players.

## Events

A weekly event runs from Friday 18:00 to Monday 18:00 UTC. Event levels use special
asteroid patterns and give a badge that is shown on the player's profile.
"""

FAQ = """# Starfall Rush FAQ

## I lost my progress, what can I do?

Progress is saved to the cloud when the player is signed in. If the game was installed
without signing in, progress is stored only on the device and is lost when the app is
removed. Support can restore progress from the cloud save within 30 days.

## Why do I see so many ads?

Interstitial ads appear after every third run. Players who buy any gem bundle never see
interstitial ads again. Rewarded ads are always optional.

## How do refunds work?

Refunds for gem bundles are handled by the app store where the purchase was made. The
studio cannot refund purchases directly, but support can restore gems lost because of a
bug.

## The game crashes on start

A crash on start is usually caused by an outdated version. Update to version 3.2.1 or later.
If the crash continues, clear the app cache and send the crash report from the settings
screen.
"""

POLICY = """City of Alderbrook - Parking Enforcement and Appeals Policy

1. Scope. This policy covers on-street parking in zones A to E and the municipal car parks.
Parking sensors are installed in zones A, B and C and report bay occupancy every five minutes.

2. Penalty amounts. An expired meter costs 30 euros. Parking without a valid resident permit
costs 50 euros. Parking in a loading bay costs 70 euros. Double parking or parking in a
disabled bay without a badge costs 120 euros. A fine paid within 14 days is reduced by half.

3. Appeals. A driver may appeal a fine within 28 days of the date it was issued. An appeal
must be made in writing through the online form and should include evidence such as photos
or payment receipts. The appeals officer decides within 21 days. A fine is cancelled when the
meter or payment app was faulty, when the signage was missing or hidden, or when a valid blue
badge was displayed. Being away for a short time is not a ground for cancellation.

4. Second stage. If the appeal is refused, the driver may ask for an independent review by the
regional traffic tribunal within 28 days of the refusal. The tribunal's decision is final.

5. Sensor data. Sensor readings are used for occupancy statistics and tariff planning only.
A sensor reading alone is never evidence for issuing a fine. Faulty sensors are reported to
the maintenance contractor, who must repair them within ten working days.
"""

FEEDBACK_LFS = [
    {
        "name": "dirty_words",
        "label": "cleanliness",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["dirty", "smelled", "sticky", "cleaning"],
    },
    {
        "name": "crowd_words",
        "label": "crowding",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["packed", "crowded", "overbooked", "too many people"],
    },
    {
        "name": "coach_words",
        "label": "instructor",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["instructor", "coach", "trainer"],
    },
    {
        "name": "time_words",
        "label": "schedule",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["slot", "timetable", "cancelled", "session"],
    },
]


def main(out: Path) -> None:
    rng = np.random.default_rng(22)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    (out / "policy").mkdir(exist_ok=True)
    (out / "rules").mkdir(exist_ok=True)
    deliveries(rng, 640, 1, True).to_csv(out / "deliveries.csv", index=False)
    deliveries(rng, 160, 5001, True).drop(columns=["damage_reason"]).to_csv(
        out / "deliveries_march.csv", index=False
    )
    deliveries(rng, 90, 8001, False).to_csv(out / "tomorrow_routes.csv", index=False)
    gyms(rng, 560, 1, True).to_csv(out / "signups.csv", index=False)
    gyms(rng, 70, 7001, False).to_csv(out / "new_members.csv", index=False)
    comments, labels = feedback(rng)
    comments.to_csv(out / "class_feedback.csv", index=False)
    labels.to_csv(out / "feedback_labels.csv", index=False)
    sessions(rng).to_csv(out / "sessions.csv", index=False)
    reviews(rng).to_csv(out / "app_reviews.csv", index=False)
    fines(rng, 520, 1, True).to_csv(out / "fines.csv", index=False)
    fines(rng, 60, 9001, False).to_csv(out / "pending_appeals.csv", index=False)
    sensors(rng).to_csv(out / "sensor_readings.csv", index=False)
    (out / "docs" / "design_doc.md").write_text(DESIGN_DOC, encoding="utf-8")
    (out / "docs" / "faq.md").write_text(FAQ, encoding="utf-8")
    (out / "policy" / "parking_policy.txt").write_text(POLICY, encoding="utf-8")
    (out / "rules" / "feedback_rules.json").write_text(
        json.dumps(FEEDBACK_LFS, indent=2), encoding="utf-8"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
