"""Write the fresh34 corpus's files: a city parking authority and a bike-share operator.

Run: python make_data.py DIR (deterministic, offline, a few hundred KB).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 3434

ZONES = ["Downtown-A", "Downtown-B", "Harbor", "University", "Old Town", "Medical District"]
VIOLATIONS = {
    "EXP-METER": 45,
    "NO-PERMIT": 60,
    "LOADING": 75,
    "HYDRANT": 110,
    "STREET-CLEAN": 55,
    "DOUBLE-PARK": 90,
}
UPHELD_NOTES = [
    "meter expired {m} min before arrival, photo of display taken",
    "vehicle parked in loading bay, no commercial plate, photos attached",
    "within 3 ft of hydrant, chalk mark and two photos",
    "no permit visible on dash, checked windshield and rear window",
    "street cleaning sign clearly posted at both ends of block",
    "double parked with hazards on, driver not present for {m} min",
    "plate matches, meter receipt expired, time stamped photo",
]
OVERTURNED_NOTES = [
    "sign partly hidden by tree branches, could not photograph sign",
    "meter display blank, possibly broken, issued anyway",
    "handheld printer error, time on ticket may be wrong",
    "permit may have fallen off mirror, driver returned and showed it",
    "no photo taken, camera battery dead",
    "curb paint faded, zone marking unclear",
    "plate partly obscured by snow, entered by hand",
]
NEUTRAL_NOTES = [
    "routine patrol",
    "issued during evening sweep",
    "driver argued, left scene",
    "second ticket this week for this plate",
    "",
]

STATIONS = [
    ("ST01", "Central Station"),
    ("ST02", "Riverside Park"),
    ("ST03", "City Hall"),
    ("ST04", "Museum Quarter"),
    ("ST05", "Harbor Front"),
    ("ST06", "Tech Campus"),
    ("ST07", "Market Square"),
    ("ST08", "Stadium North"),
    ("ST09", "Library Plaza"),
    ("ST10", "Westgate"),
    ("ST11", "Hospital East"),
    ("ST12", "Beach Road"),
]
COMPLAINT_TEXT = {
    "billing": [
        "I was charged twice for the same ride, please refund",
        "my card got billed an overtime fee but I docked on time",
        "the monthly pass renewed without asking me, want my money back",
        "app shows a charge of 18 dollars for a 10 minute trip",
        "promo code did not apply and I paid full price",
        "refund still not received after two weeks",
    ],
    "bike_condition": [
        "brakes barely work on bike {b}, dangerous",
        "the chain kept slipping the whole way",
        "flat tyre on the ebike I unlocked, had to walk it back",
        "seat is broken and will not stay up",
        "bell missing and the front light flickers",
        "ebike battery died after five minutes",
    ],
    "station": [
        "dock at {s} would not accept my bike, full of broken docks",
        "no bikes at {s} again this morning",
        "station {s} kiosk screen is cracked and unreadable",
        "all docks full at {s} so I had to ride to another station",
        "the dock light stayed red and the bike never locked at {s}",
    ],
    "app": [
        "app crashes when I try to unlock",
        "the map in the app shows bikes that are not there",
        "cannot log in after the update, password reset email never arrives",
        "QR scanner in the app does not open the camera",
        "app froze at end of ride and I could not end the trip",
    ],
}
FILLERS = ["", " Very annoying.", " Please fix.", " Third time this month!", " thanks", " ugh"]


def citations(rng: np.random.Generator, n: int, start: int, fill_share: float) -> pd.DataFrame:
    rows = []
    for i in range(n):
        code = rng.choice(list(VIOLATIONS))
        zone = rng.choice(ZONES)
        appealed = rng.random() < 0.55
        # The outcome leans on the officer's notes, the zone and the fine.
        score = rng.normal(0.0, 1.0)
        kind = rng.random()
        if kind < 0.45:
            note = rng.choice(UPHELD_NOTES)
            score += 1.6
        elif kind < 0.8:
            note = rng.choice(OVERTURNED_NOTES)
            score -= 1.6
        else:
            note = rng.choice(NEUTRAL_NOTES)
        note = note.format(m=int(rng.integers(5, 90)))
        if zone == "Medical District":
            score -= 0.5
        outcome = "upheld" if score > 0 else "overturned"
        fine = VIOLATIONS[code] + int(rng.choice([0, 0, 0, 25]))
        day = pd.Timestamp("2025-01-01") + pd.Timedelta(days=int(rng.integers(0, 150)))
        hour = int(rng.integers(7, 22))
        paid = "yes" if rng.random() < (0.75 if not appealed else 0.35) else "no"
        collections = "yes" if paid == "no" and rng.random() < 0.4 else "no"
        rows.append(
            {
                "citation_id": f"PC-{start + i:06d}",
                "issued_at": f"{day.date()} {hour:02d}:{int(rng.integers(0, 60)):02d}",
                "zone": zone,
                "violation_code": code,
                "fine_amount": fine,
                "vehicle_type": rng.choice(["car", "car", "car", "van", "motorcycle", "truck"]),
                "officer_id": f"OFC-{int(rng.integers(101, 131))}",
                "officer_notes": note,
                "prior_citations_12m": int(rng.poisson(1.2)),
                "appeal_filed": "yes" if appealed else "no",
                "appeal_outcome": outcome if (appealed and rng.random() < fill_share) else "",
                "paid_within_30d": paid,
                "sent_to_collections": collections,
            }
        )
    return pd.DataFrame(rows)


def meters(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        needs = rng.random() < 0.12
        battery = rng.normal(6.1 if not needs else 5.2, 0.25)
        temp = rng.normal(14, 7)
        jams = int(rng.poisson(0.3 if not needs else 3.0))
        rows.append(
            {
                "meter_id": f"MTR-{2000 + i % 180}",
                "zone": rng.choice(ZONES),
                "read_at": str(
                    pd.Timestamp("2025-03-01") + pd.Timedelta(hours=int(rng.integers(0, 24 * 30)))
                ),
                "battery_v": round(float(battery), 2),
                "housing_temp_c": round(float(temp), 1),
                "coin_jams_24h": jams,
                "card_txns_24h": int(rng.poisson(38 if not needs else 12)),
                "occupancy_pct": round(float(np.clip(rng.normal(68, 18), 0, 100)), 1),
                "meter_status": "needs_service" if needs else "ok",
            }
        )
    frame = pd.DataFrame(rows)
    odd = rng.choice(len(frame), size=9, replace=False)
    frame.loc[odd[0], "battery_v"] = 0.0
    frame.loc[odd[1], "battery_v"] = 48.7
    frame.loc[odd[2], "housing_temp_c"] = -61.0
    frame.loc[odd[3], "housing_temp_c"] = 88.5
    frame.loc[odd[4], "occupancy_pct"] = 143.0
    frame.loc[odd[5], "card_txns_24h"] = 4120
    frame.loc[odd[6], "coin_jams_24h"] = 57
    frame.loc[odd[7], ["battery_v", "card_txns_24h"]] = [6.3, 0]
    frame.loc[odd[8], "occupancy_pct"] = -12.0
    return frame


def trips(rng: np.random.Generator, n: int, start: int, labeled: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        a, b = rng.choice(len(STATIONS), size=2, replace=False)
        member = rng.choice(["member", "casual"], p=[0.62, 0.38])
        bike = rng.choice(["classic", "ebike"], p=[0.7, 0.3])
        hour = int(rng.integers(5, 24))
        dist = round(float(rng.gamma(2.0, 1.3)), 2)
        speed = 14 if bike == "classic" else 19
        duration = round(dist / speed * 60 + float(rng.gamma(2, 4 if member == "casual" else 2)), 1)
        rain = round(float(max(0.0, rng.normal(-1, 2.5))), 1)
        limit = 45 if member == "member" else 30
        overtime = "yes" if duration > limit else "no"
        damage = "yes" if rng.random() < 0.04 + 0.05 * (rain > 2) else "no"
        off_dock = "yes" if rng.random() < 0.06 + 0.1 * (bike == "ebike") else "no"
        row = {
            "trip_id": f"T{start + i:07d}",
            "start_station": STATIONS[a][0],
            "end_station": STATIONS[b][0],
            "start_hour": hour,
            "weekday": rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
            "member_type": member,
            "bike_type": bike,
            "distance_km": dist,
            "duration_min": duration,
            "temp_c": round(float(rng.normal(19, 6)), 1),
            "rain_mm": rain,
        }
        if labeled:
            row.update(
                {"overtime_fee": overtime, "damage_reported": damage, "ended_off_dock": off_dock}
            )
        rows.append(row)
    return pd.DataFrame(rows)


def stations(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        sid, name = STATIONS[i % len(STATIONS)]
        cap = int([19, 23, 27, 31, 15, 35, 23, 39, 19, 23, 27, 15][i % len(STATIONS)])
        disabled = int(rng.poisson(0.6))
        bikes = int(rng.integers(0, cap - disabled + 1))
        ebikes = int(rng.integers(0, bikes + 1) // 3)
        rows.append(
            {
                "station_id": sid,
                "station_name": name,
                "captured_at": str(
                    pd.Timestamp("2025-07-01 06:00") + pd.Timedelta(minutes=30 * (i // 12))
                ),
                "capacity": cap,
                "bikes_available": bikes,
                "ebikes_available": ebikes,
                "docks_available": cap - disabled - bikes,
                "docks_disabled": disabled,
                "mins_since_last_report": int(rng.integers(1, 12)),
            }
        )
    frame = pd.DataFrame(rows)
    odd = rng.choice(len(frame), size=7, replace=False)
    frame.loc[odd[0], "bikes_available"] = 88
    frame.loc[odd[1], "docks_available"] = -4
    frame.loc[odd[2], "mins_since_last_report"] = 9999
    frame.loc[odd[3], ["bikes_available", "docks_available"]] = [0, 0]
    frame.loc[odd[4], "ebikes_available"] = 40
    frame.loc[odd[5], "docks_disabled"] = 31
    frame.loc[odd[6], "capacity"] = 2
    return frame


def complaints(rng: np.random.Generator, n: int, start: int, tag_share: float) -> pd.DataFrame:
    cats = list(COMPLAINT_TEXT)
    rows = []
    for i in range(n):
        cat = rng.choice(cats, p=[0.3, 0.3, 0.22, 0.18])
        text = rng.choice(COMPLAINT_TEXT[cat]).format(
            b=int(rng.integers(1000, 9999)), s=rng.choice([s[1] for s in STATIONS])
        )
        if rng.random() < 0.15:  # a stray mention of another topic
            other = rng.choice([c for c in cats if c != cat])
            text += ". also " + rng.choice(COMPLAINT_TEXT[other]).format(b=1234, s="Westgate")
        text += rng.choice(FILLERS)
        urgent = cat == "bike_condition" and rng.random() < 0.5
        rows.append(
            {
                "complaint_id": f"C-{start + i}",
                "submitted_on": str(
                    (
                        pd.Timestamp("2025-06-01") + pd.Timedelta(days=int(rng.integers(0, 90)))
                    ).date()
                ),
                "channel": rng.choice(["app", "email", "phone", "twitter"]),
                "station_id": STATIONS[int(rng.integers(0, len(STATIONS)))][0],
                "complaint_text": text,
                "category": cat if rng.random() < tag_share else "",
                "priority": "urgent" if urgent else rng.choice(["normal", "normal", "low"]),
                "resolved_48h": "yes" if rng.random() < 0.6 else "no",
                "_true": cat,
            }
        )
    return pd.DataFrame(rows)


POLICY_APPEALS = """# Citation Appeals Procedure

Issued by the City Parking Authority, Enforcement Division. Revision 7, January 2025.

## Who may appeal

An appeal is a written request by the registered owner to cancel or reduce a parking citation.
An appeal must be filed within 21 calendar days of the issue date. Appeals filed after 21 days
are rejected without review unless the owner shows the notice was never delivered.

## Grounds

A citation is overturned when the signage was missing, obscured or contradictory at the time
of issue. A citation is also overturned when the officer's evidence is incomplete, for example
when no photograph was taken of a meter violation. If the meter was malfunctioning, the owner
must report the meter number; the Authority checks the meter's fault log for that day.

## Review

The hearing officer is an Authority employee who did not issue the citation. The hearing officer
decides on the written record within 30 days. When the appeal is upheld the fine remains due
within 14 days of the decision. A second-level appeal goes to the Municipal Administrative Court
and costs a filing fee of 35 dollars.

## Reductions

A reduced fine is a fine lowered to 50 percent when the owner shows financial hardship. Repeat
offenders with more than five citations in 12 months are not eligible for reductions.
"""

POLICY_ENFORCEMENT = """# Enforcement Officer Handbook (excerpt)

## Evidence standard

Every citation must carry at least two photographs: one of the vehicle with its plate and one
of the sign, meter or curb marking that shows the violation. Officer notes are free text and
should state what was seen, the time observed and any fault with equipment.

## Handheld devices

The handheld printer stamps the time from the city time server. When the printer shows an error
the officer must write the time by hand and note the error in the officer notes. A citation
with a printer error is reviewed by a supervisor before it is mailed.

## Hydrants and loading zones

Parking within 15 feet of a fire hydrant is a violation at all hours. A loading zone is a curb
segment reserved for commercial vehicles between 7 am and 6 pm on weekdays. Private cars in a
loading zone receive a 75 dollar fine.

## Street cleaning

Street cleaning restrictions apply on the posted day between 8 am and 11 am. Signs must be posted
at both ends of the block; if one sign is missing, the citation should not be issued.
"""

METER_GUIDE = """Parking meter fault guide (field technicians)

A healthy meter reports a battery voltage between 5.6 and 6.6 volts. A battery below 5.4 volts
means the solar panel is dirty or the battery is failing, and the meter is marked needs_service.

Coin jams are counted by the coin validator. More than three coin jams in 24 hours means the
validator must be cleaned. The housing temperature sensor reads between minus 20 and 50 degrees
Celsius in normal weather; readings outside that range come from a faulty sensor.

Card transactions are uploaded every night. A meter that reports zero card transactions for a
whole day while occupancy is above 50 percent usually has a broken card reader or modem.

Occupancy percent is estimated from the in-ground bay sensors and cannot exceed 100 percent or be
negative; such values mean the bay sensor must be recalibrated.
"""

RIDER_AGREEMENT = """# Rider Agreement (summary)

## Passes and fees

A member is a rider with an annual or monthly pass. A casual rider pays per ride with a card.
Members may ride for 45 minutes per trip at no extra charge; casual riders may ride for 30
minutes. An overtime fee is charged at 0.25 dollars per extra minute on classic bikes and 0.35
dollars per extra minute on ebikes.

## Ending a trip

A trip ends when the bike is locked into a dock and the dock light turns green. If the dock
light stays red, the rider must try another dock or call support within 10 minutes. Ebikes may
also be ended off dock inside a geofenced parking zone, for a fee of 2 dollars.

## Damage and safety

Riders must check the brakes, tyres and lights before riding. Damage is reported with the
wrench button in the app or at the station kiosk. A rider who reports damage within 5 minutes of
unlocking is never charged for that trip.

## Refunds

Refund requests are answered within 5 business days. A double charge is refunded automatically
when support confirms it.
"""

STATION_SOP = """# Station Maintenance SOP

## Daily checks

A rebalancing van visits every station with fewer than 3 bikes or fewer than 3 free docks.
Station status is reported by each station controller every 5 minutes. A station that has not
reported for more than 60 minutes is flagged as offline and the field team is paged.

## Docks

A disabled dock is a dock taken out of service because its lock or its light failed. When more
than a quarter of a station's docks are disabled, the station is closed for repair. Capacity is
the number of docks at the station and never changes without a work order.

## Ebikes

Ebike batteries are swapped when charge falls under 20 percent. The swap crew carries 12
batteries per van. Ebikes reported with a dead battery are moved to the depot the same day.

## Kiosks

The kiosk is the payment terminal at the station. A cracked kiosk screen is replaced within
48 hours because riders without the app cannot pay without it.
"""

APPEAL_RULES = [
    {
        "name": "photo_evidence",
        "label": "upheld",
        "kind": "keyword",
        "column": "officer_notes",
        "keywords": ["photo", "photos", "photographed"],
    },
    {
        "name": "sign_posted",
        "label": "upheld",
        "kind": "keyword",
        "column": "officer_notes",
        "keywords": ["clearly posted", "chalk mark"],
    },
    {
        "name": "no_photo",
        "label": "overturned",
        "kind": "keyword",
        "column": "officer_notes",
        "keywords": ["no photo", "could not photograph"],
    },
    {
        "name": "equipment_fault",
        "label": "overturned",
        "kind": "regex",
        "column": "officer_notes",
        "pattern": r"printer error|broken|blank|battery dead",
        "ignore_case": True,
    },
    {
        "name": "unclear_marking",
        "label": "overturned",
        "kind": "keyword",
        "column": "officer_notes",
        "keywords": ["hidden", "faded", "unclear", "obscured"],
    },
]

COMPLAINT_RULES = [
    {
        "name": "money_words",
        "label": "billing",
        "kind": "keyword",
        "column": "complaint_text",
        "keywords": ["charged", "refund", "billed", "fee", "paid"],
    },
    {
        "name": "bike_parts",
        "label": "bike_condition",
        "kind": "keyword",
        "column": "complaint_text",
        "keywords": ["brakes", "chain", "tyre", "seat", "battery", "light"],
    },
    {
        "name": "dock_station",
        "label": "station",
        "kind": "keyword",
        "column": "complaint_text",
        "keywords": ["dock", "docks", "kiosk", "no bikes"],
    },
    {
        "name": "app_problems",
        "label": "app",
        "kind": "regex",
        "column": "complaint_text",
        "pattern": r"\bapp\b.*(crash|froze|map|scanner)|log in|password",
        "ignore_case": True,
    },
]


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # City parking authority.
    park = out
    (park / "policy").mkdir(parents=True, exist_ok=True)
    cit = citations(rng, 620, 410001, fill_share=0.35)
    cit.to_csv(park / "citations_2025.csv", index=False)
    test = citations(rng, 160, 470001, fill_share=1.0)
    test = test[test["appeal_outcome"] != ""].reset_index(drop=True)
    test.to_csv(park / "citations_test.csv", index=False)
    new = citations(rng, 90, 480001, fill_share=0.0)
    new = new.drop(columns=["appeal_outcome", "paid_within_30d", "sent_to_collections"])
    new.to_csv(park / "citations_new_june.csv", index=False)
    meters(rng, 420).to_csv(park / "meter_readings_march.csv", index=False)
    (park / "appeal_rules.json").write_text(json.dumps(APPEAL_RULES, indent=2) + "\n")
    (park / "policy" / "appeals_procedure.md").write_text(POLICY_APPEALS)
    (park / "policy" / "enforcement_handbook.md").write_text(POLICY_ENFORCEMENT)
    (park / "policy" / "meter_fault_guide.txt").write_text(METER_GUIDE)

    # Bike-share operator.
    bike = out
    (bike / "bikeshare_docs").mkdir(parents=True, exist_ok=True)
    trips(rng, 900, 1, labeled=True).to_csv(bike / "trips_q3.csv", index=False)
    trips(rng, 220, 5001, labeled=True).to_csv(bike / "trips_holdout.csv", index=False)
    trips(rng, 120, 9001, labeled=False).to_csv(bike / "trips_october_new.csv", index=False)
    stations(rng, 360).to_csv(bike / "station_status.csv", index=False)
    comp = complaints(rng, 540, 10001, tag_share=0.22)
    untagged = comp[comp["category"] == ""]
    gold_idx = rng.choice(untagged.index.to_numpy(), size=140, replace=False)
    gold = pd.DataFrame(
        {
            "complaint_id": comp.loc[gold_idx, "complaint_id"].to_numpy(),
            "reviewed_category": comp.loc[gold_idx, "_true"].to_numpy(),
            "reviewer": rng.choice(["dana", "luis", "mei"], size=len(gold_idx)),
        }
    ).sort_values("complaint_id")
    gold.to_csv(bike / "complaints_reviewed_gold.csv", index=False)
    comp.drop(columns=["_true"]).to_csv(bike / "rider_complaints.csv", index=False)
    fresh = complaints(rng, 70, 20001, tag_share=0.0).drop(columns=["_true", "category"])
    fresh.to_csv(bike / "complaints_new_week.csv", index=False)
    (bike / "complaint_rules.json").write_text(json.dumps(COMPLAINT_RULES, indent=2) + "\n")
    (bike / "bikeshare_docs" / "rider_agreement.md").write_text(RIDER_AGREEMENT)
    (bike / "bikeshare_docs" / "station_maintenance_sop.md").write_text(STATION_SOP)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
