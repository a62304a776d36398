"""Write the fresh8 corpus's files into DIR (deterministic, offline, all invented).

Run: python make_data.py DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def coop(out: Path) -> None:
    """A farm co-operative's grain deliveries, graded at the intake pit."""
    rng = np.random.default_rng(801)

    def rows(n: int, start: int) -> pd.DataFrame:
        crop = rng.choice(["wheat", "barley", "canola", "oats"], n, p=[0.4, 0.25, 0.2, 0.15])
        region = rng.choice(["north flats", "river", "hill", "south"], n)
        moisture = np.round(rng.normal(13.0, 1.6, n), 1)
        protein = np.round(
            np.where(crop == "canola", rng.normal(20, 1.5, n), rng.normal(11.5, 1.4, n)), 1
        )
        test_weight = np.round(rng.normal(76, 3.5, n), 1)
        fm = np.round(np.abs(rng.normal(1.2, 0.9, n)), 2)
        falling = rng.normal(330, 50, n).round().astype(int)
        load = np.round(rng.uniform(8, 32, n), 2)
        score = (
            -0.9 * np.clip(moisture - 13.5, 0, None)
            - 1.1 * fm
            + 0.15 * (test_weight - 76)
            + 0.004 * (falling - 300)
            + rng.normal(0, 0.5, n)
        )
        grade = np.select([score > -0.5, score > -1.7, score > -3.0], ["A", "B", "C"], "feed")
        days = rng.integers(0, 120, n)
        dates = (pd.Timestamp("2026-07-15") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d")
        return pd.DataFrame(
            {
                "delivery_id": [f"D{start + i:05d}" for i in range(n)],
                "member_id": [f"M{int(m):03d}" for m in rng.integers(1, 140, n)],
                "delivery_date": dates,
                "region": region,
                "crop": crop,
                "load_tonnes": load,
                "moisture_pct": moisture,
                "protein_pct": protein,
                "test_weight_kg_hl": test_weight,
                "foreign_material_pct": fm,
                "falling_number_s": falling,
                "grade": grade,
            }
        )

    rows(600, 10001).to_csv(out / "coop_deliveries.csv", index=False)
    new = rows(80, 20001).drop(columns=["grade"])
    new.to_csv(out / "coop_new_loads.csv", index=False)


def gym(out: Path) -> None:
    """A gym chain's members (who cancelled) and the free-text reasons of cancellations."""
    rng = np.random.default_rng(802)

    def members(n: int, start: int) -> pd.DataFrame:
        plan = rng.choice(
            ["monthly", "annual", "student", "family", "off-peak"], n, p=[0.4, 0.2, 0.15, 0.1, 0.15]
        )
        fee = (
            pd.Series(plan)
            .map({"monthly": 49, "annual": 39, "student": 29, "family": 89, "off-peak": 25})
            .to_numpy()
        )
        tenure = rng.integers(1, 60, n)
        visits = rng.poisson(7, n)
        prev = np.clip(visits + rng.integers(-4, 6, n), 0, None)
        classes = rng.poisson(4, n)
        pt = rng.poisson(0.6, n)
        failures = rng.poisson(0.3, n)
        logins = rng.poisson(5, n)
        age = rng.integers(17, 72, n)
        logit = (
            1.3
            - 0.22 * visits
            + 0.12 * (prev - visits)
            + 0.9 * failures
            - 0.02 * tenure
            + 0.8 * (plan == "monthly")
            - 0.9 * (plan == "annual")
            - 0.1 * classes
            + rng.normal(0, 0.6, n)
        )
        cancelled = np.where(rng.uniform(0, 1, n) < 1 / (1 + np.exp(-logit)), "yes", "no")
        return pd.DataFrame(
            {
                "member_id": [f"G{start + i:05d}" for i in range(n)],
                "age": age,
                "plan": plan,
                "home_branch": rng.choice(["Docklands", "Eastgate", "Old Town", "Parkside"], n),
                "monthly_fee": fee,
                "tenure_months": tenure,
                "visits_last_30d": visits,
                "visits_prev_30d": prev,
                "classes_booked_90d": classes,
                "pt_sessions_90d": pt,
                "payment_failures_12m": failures,
                "app_logins_30d": logins,
                "cancelled": cancelled,
            }
        )

    members(700, 1).to_csv(out / "gym_members.csv", index=False)
    members(150, 5001).to_csv(out / "gym_members_holdout.csv", index=False)

    reasons = {
        "price": [
            "too expensive since the fee went up",
            "can't afford it anymore, the new price is a joke",
            "found a cheaper gym down the road",
            "money is tight this year, cutting costs",
            "the price increase in september was the last straw",
        ],
        "relocation": [
            "moving to another city for work",
            "we relocated abroad",
            "moved house, no branch near me now",
            "new job in another town, too far to commute",
            "leaving the country in march",
        ],
        "health": [
            "knee injury, doctor says no training for months",
            "pregnant, will come back later maybe",
            "surgery coming up and long recovery",
            "back problems, physio told me to stop",
            "health reasons",
        ],
        "service": [
            "the changing rooms are always dirty",
            "broken machines never get fixed",
            "too crowded in the evenings, cannot get a rack",
            "rude staff at the front desk",
            "classes get cancelled all the time without notice",
        ],
        "schedule": [
            "no time with the new baby",
            "work shifts changed, can't make it during opening hours",
            "too busy with studies this semester",
            "never manage to go, no time",
            "my schedule is chaos right now",
        ],
    }
    extras = [
        "",
        "",
        " thanks for everything",
        " sorry",
        " might rejoin next year",
        " please confirm by email",
    ]
    n = 220
    cats = rng.choice(list(reasons), n, p=[0.3, 0.2, 0.15, 0.2, 0.15])
    text = [pick(rng, reasons[c]) + pick(rng, extras) for c in cats]
    labelled = rng.permutation(n)[:40]
    cat_col = np.array([""] * n, dtype=object)
    cat_col[labelled] = cats[labelled]
    days = rng.integers(0, 200, n)
    pd.DataFrame(
        {
            "cancel_id": np.arange(1, n + 1),
            "member_id": [f"G{int(m):05d}" for m in rng.integers(1, 700, n)],
            "cancel_date": (pd.Timestamp("2026-03-01") + pd.to_timedelta(days, unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "reason_text": text,
            "reason_category": cat_col,
        }
    ).to_csv(out / "gym_cancellations.csv", index=False)


def complaints(out: Path) -> None:
    """A city's 311 service requests (free text) and a reviewed sample with categories."""
    rng = np.random.default_rng(803)
    streets = [
        "Maple Ave",
        "5th St",
        "Harbor Rd",
        "Linden Blvd",
        "Mill Lane",
        "Cedar Ct",
        "Grand Pkwy",
        "Oak St",
    ]
    templates = {
        "noise": [
            "loud music from the apartment above every night past 2am on {s}",
            "construction crew starts jackhammering at 5am on {s}",
            "barking dog left outside all day at a house on {s}, very loud",
            "party with speakers blasting in the parking lot near {s}",
            "leaf blowers and generators running nonstop near {s}, so much noise",
        ],
        "pothole": [
            "huge pothole on {s} near the bus stop, blew my tire",
            "road surface broken and sinking on {s}",
            "deep hole in the street at {s} and Main, cars swerving",
            "pothole keeps getting bigger on {s}, someone will crash",
            "asphalt crumbling in the bike lane on {s}",
        ],
        "graffiti": [
            "graffiti sprayed all over the underpass on {s}",
            "someone tagged the school wall on {s} again",
            "spray paint on the bus shelter at {s}",
            "vandalism, tags on the library windows near {s}",
            "offensive graffiti on a fence along {s}",
        ],
        "trash": [
            "garbage not picked up for two weeks on {s}",
            "overflowing trash cans at the park on {s}, rats everywhere",
            "someone dumped a mattress and bags of rubbish on {s}",
            "recycling bins missed again on {s}",
            "illegal dumping behind the shops on {s}",
        ],
        "streetlight": [
            "streetlight out on {s}, very dark at night",
            "lamp post flickering on and off on {s}",
            "three street lights not working along {s}, feels unsafe",
            "light pole knocked over at {s}",
            "the light at the crosswalk on {s} has been dark for a week",
        ],
        "water": [
            "water gushing from a broken main on {s}",
            "hydrant leaking for days on {s}",
            "flooding in the street on {s} after every rain, drain blocked",
            "brown water coming out of taps on {s}",
            "sewer smell and water bubbling up from a manhole on {s}",
        ],
    }
    openers = ["", "", "", "Hi, ", "Please help: ", "Again!! ", "Reporting that ", "FYI "]
    closers = [
        "",
        "",
        "",
        " thanks",
        " please fix asap",
        " this is the third time I report this",
        " kids walk here",
    ]
    n = 480
    cats = rng.choice(list(templates), n, p=[0.24, 0.2, 0.12, 0.2, 0.12, 0.12])
    text = [
        pick(rng, openers)
        + pick(rng, templates[c]).format(s=pick(rng, streets))
        + pick(rng, closers)
        for c in cats
    ]
    days = rng.integers(0, 90, n)
    ids = [f"SR-{260000 + i}" for i in range(n)]
    pd.DataFrame(
        {
            "complaint_id": ids,
            "opened": (pd.Timestamp("2026-08-01") + pd.to_timedelta(days, unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "neighborhood": rng.choice(
                ["Riverside", "Northgate", "Old Port", "Hillcrest", "Midtown"], n
            ),
            "channel": rng.choice(["phone", "app", "web", "walk-in"], n, p=[0.35, 0.4, 0.2, 0.05]),
            "description": text,
        }
    ).to_csv(out / "complaints_311.csv", index=False)
    reviewed = rng.permutation(n)[:70]
    pd.DataFrame({"complaint_id": [ids[i] for i in reviewed], "category": cats[reviewed]}).to_csv(
        out / "complaints_311_reviewed.csv", index=False
    )


def turbines(out: Path) -> None:
    """Ten-minute SCADA readings of 12 wind turbines, with a status and a few broken rows."""
    rng = np.random.default_rng(804)
    n = 1000
    wind = np.round(np.clip(rng.weibull(2.0, n) * 8.5, 0.3, 26), 2)
    rated = 2300.0
    power = np.where(
        wind < 3, 0.0, np.where(wind > 25, 0.0, rated * np.clip((wind - 3) / 9.5, 0, 1) ** 2.2)
    )
    status = rng.choice(["normal", "derated", "fault"], n, p=[0.82, 0.12, 0.06])
    power = np.where(status == "derated", power * rng.uniform(0.4, 0.7, n), power)
    power = np.where(status == "fault", power * rng.uniform(0.0, 0.15, n), power)
    power = np.round(np.clip(power + rng.normal(0, 25, n), 0, None), 1)
    rpm = np.round(np.clip(wind * 1.55 + rng.normal(0, 0.6, n), 0, 17), 2)
    pitch = np.round(
        np.where(wind > 12, (wind - 12) * 2.1, 0.5)
        + rng.normal(0, 0.4, n)
        + (status == "derated") * 6,
        2,
    )
    ambient = np.round(rng.normal(11, 5, n), 1)
    gearbox = np.round(
        ambient + 35 + power / 120 + rng.normal(0, 2, n) + (status == "fault") * 14, 1
    )
    generator = np.round(gearbox + 8 + rng.normal(0, 2, n), 1)
    vib = np.round(
        np.abs(rng.normal(2.2, 0.5, n)) + (status == "fault") * rng.uniform(1.5, 4, n), 2
    )
    ts = pd.Timestamp("2026-10-01") + pd.to_timedelta(
        np.sort(rng.integers(0, 30 * 144, n)) * 10, unit="min"
    )
    df = pd.DataFrame(
        {
            "reading_id": np.arange(1, n + 1),
            "turbine_id": [f"WT{int(t):02d}" for t in rng.integers(1, 13, n)],
            "timestamp": ts.strftime("%Y-%m-%d %H:%M"),
            "wind_speed_ms": wind,
            "rotor_rpm": rpm,
            "power_kw": power,
            "blade_pitch_deg": pitch,
            "ambient_temp_c": ambient,
            "gearbox_temp_c": gearbox,
            "generator_temp_c": generator,
            "vibration_mm_s": vib,
            "status": status,
        }
    )
    # Broken rows: a stuck temperature sensor, power at calm wind, a vibration spike, rpm at zero wind.
    df.loc[57, "gearbox_temp_c"] = -40.0
    df.loc[212, ["wind_speed_ms", "power_kw"]] = [1.1, 2150.0]
    df.loc[388, "vibration_mm_s"] = 38.5
    df.loc[503, ["wind_speed_ms", "rotor_rpm"]] = [0.4, 16.8]
    df.loc[671, "generator_temp_c"] = 151.0
    df.loc[845, ["power_kw", "blade_pitch_deg"]] = [3900.0, 0.2]
    df.to_csv(out / "turbine_readings.csv", index=False)


def manuscripts(out: Path) -> None:
    """A publisher's manuscript submissions; editors decided on a few of them so far."""
    rng = np.random.default_rng(805)
    genres = ["literary", "crime", "romance", "sci-fi", "memoir", "children"]
    notes = {
        "accept": [
            "fresh voice, gripping from page one",
            "tight plot and a distinctive narrator, strong debut",
            "beautifully written, clear market for it",
            "compelling premise and polished prose",
            "I could not put it down, ready for an editor",
        ],
        "revise": [
            "promising but the middle sags, needs restructuring",
            "good idea, pacing problems, ask for a rewrite",
            "strong characters but overlong, cut 20k words",
            "interesting but the ending feels rushed, revise and resubmit",
            "voice is there, plot needs work",
        ],
        "reject": [
            "cliched and derivative, nothing new",
            "sloppy prose, many typos, not for us",
            "flat characters and no stakes",
            "does not fit our list at all",
            "predictable plot, weak opening chapters",
        ],
    }
    hooks = [
        "a retired detective returns to the island where her sister vanished",
        "two rival bakers fall for each other during a village fair",
        "a colony ship wakes its crew three centuries too early",
        "growing up above a laundromat in 1980s Glasgow",
        "a boy and his grandmother build a raft to cross the flooded town",
        "a translator discovers a forged letter in a dead poet's archive",
        "a heist inside a museum during a blackout",
        "an AI gardener on a generation ship starts to dream",
        "letters between two nurses during the war",
        "a small dragon who is afraid of the dark",
        "a chef loses her sense of taste before the biggest night of her career",
        "a family secret surfaces at a funeral in rural Portugal",
    ]
    n = 320
    decision = rng.choice(list(notes), n, p=[0.2, 0.35, 0.45])
    prior = rng.poisson(np.where(decision == "accept", 2.0, 0.8))
    agented = np.where(rng.uniform(0, 1, n) < np.where(decision == "accept", 0.7, 0.3), "yes", "no")
    genre = rng.choice(genres, n)
    words = np.where(
        genre == "children", rng.integers(800, 12000, n), rng.integers(45000, 140000, n)
    )
    shown = np.array([""] * n, dtype=object)
    decided = rng.permutation(n)[:60]
    shown[decided] = decision[decided]
    days = rng.integers(0, 300, n)
    pd.DataFrame(
        {
            "ms_id": [f"MS-{3000 + i}" for i in range(n)],
            "received": (pd.Timestamp("2026-01-05") + pd.to_timedelta(days, unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "genre": genre,
            "word_count": words,
            "author_prior_books": prior,
            "agented": agented,
            "synopsis": [pick(rng, hooks) for _ in range(n)],
            "reader_note": [pick(rng, notes[d]) for d in decision],
            "decision": shown,
        }
    ).to_csv(out / "manuscripts.csv", index=False)


def prescriptions(out: Path) -> None:
    """A pharmacy's filled prescriptions, with two review flags set by the pharmacists."""
    rng = np.random.default_rng(806)
    drugs = {
        "opioid": ["oxycodone", "hydrocodone", "tramadol"],
        "benzodiazepine": ["alprazolam", "diazepam", "lorazepam"],
        "stimulant": ["methylphenidate", "amphetamine salts"],
        "antibiotic": ["amoxicillin", "azithromycin", "doxycycline"],
        "statin": ["atorvastatin", "simvastatin"],
        "ssri": ["sertraline", "fluoxetine", "escitalopram"],
        "antihypertensive": ["lisinopril", "amlodipine", "losartan"],
    }
    controlled = {"opioid", "benzodiazepine", "stimulant"}
    n = 500
    cls = rng.choice(list(drugs), n, p=[0.1, 0.08, 0.07, 0.2, 0.2, 0.15, 0.2])
    records = []
    for i in range(n):
        c = str(cls[i])
        days_supply = int(pick(rng, ["7", "14", "30", "30", "90"]))
        since = int(max(1, rng.normal(days_supply, 6)))
        early = since < 0.75 * days_supply
        is_ctrl = c in controlled
        prescribers = [
            "general practice",
            "pain clinic",
            "psychiatry",
            "dentistry",
            "cardiology",
            "emergency",
        ]
        prescriber = pick(rng, prescribers)
        review = (
            is_ctrl and (early or prescriber in ("emergency", "dentistry") or rng.uniform() < 0.25)
        ) or (early and rng.uniform() < 0.3)
        note = pick(
            rng,
            [
                "",
                "",
                "patient asked about side effects",
                "paid cash",
                "new prescriber",
                "insurance rejected first attempt",
                "lost previous supply, per patient",
                "counselled on interactions",
            ],
        )
        records.append(
            {
                "rx_id": f"RX{70000 + i}",
                "filled_on": str(
                    (
                        pd.Timestamp("2026-09-01") + pd.Timedelta(days=int(rng.integers(0, 75)))
                    ).date()
                ),
                "patient_age": int(rng.integers(4, 93)),
                "drug_name": pick(rng, drugs[c]),
                "drug_class": c,
                "dose_mg": float(pick(rng, ["5", "10", "20", "25", "50", "250", "500"])),
                "quantity": int(pick(rng, ["10", "14", "28", "30", "60", "90"])),
                "days_supply": days_supply,
                "days_since_last_fill": since,
                "refills_left": int(rng.integers(0, 6)),
                "prescriber_specialty": prescriber,
                "insurance": pick(rng, ["private", "medicare", "medicaid", "cash"]),
                "pharmacist_note": note,
                "needs_review": "yes" if review else "no",
                "early_refill": "yes" if early else "no",
            }
        )
    with open(out / "prescriptions.jsonl", "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")


def fleet(out: Path) -> None:
    """A car-rental fleet (parquet) and the inspectors' notes when cars come back."""
    rng = np.random.default_rng(807)
    n = 360
    vclass = rng.choice(
        ["economy", "compact", "suv", "van", "luxury"], n, p=[0.3, 0.25, 0.25, 0.1, 0.1]
    )
    makes = {
        "economy": ["Fiat 500", "Kia Picanto"],
        "compact": ["VW Golf", "Toyota Corolla"],
        "suv": ["Kia Sportage", "Toyota RAV4"],
        "van": ["Ford Transit", "VW Transporter"],
        "luxury": ["BMW 5", "Mercedes E"],
    }
    year = rng.integers(2019, 2027, n)
    odo = np.round(np.clip((2027 - year) * rng.normal(24000, 6000, n), 500, None)).astype(int)
    since_service = rng.integers(0, 400, n)
    damage = rng.poisson(0.3 + (2027 - year) * 0.15, n)
    util = np.round(rng.uniform(35, 95, n), 1)
    retire_score = 0.00002 * odo + 0.004 * since_service + 0.5 * damage + rng.normal(0, 0.6, n)
    status = np.select([retire_score > 5.2, retire_score > 3.5], ["retire", "service"], "keep")
    df = pd.DataFrame(
        {
            "vehicle_id": [f"V{1000 + i}" for i in range(n)],
            "model": [pick(rng, makes[c]) for c in vclass],
            "vehicle_class": vclass,
            "model_year": year,
            "odometer_km": odo,
            "branch": rng.choice(["Airport", "Central Station", "Harbour", "North Mall"], n),
            "days_since_service": since_service,
            "damage_reports_12m": damage,
            "utilization_pct": util,
            "rentals_90d": rng.poisson(util / 6).astype(int),
            "fuel": rng.choice(
                ["petrol", "diesel", "hybrid", "electric"], n, p=[0.4, 0.2, 0.25, 0.15]
            ),
            "fleet_action": status,
        }
    )
    df.to_parquet(out / "fleet.parquet", index=False)

    notes = {
        "damage": [
            "small dent on rear door",
            "scratch along passenger side",
            "windscreen chip, driver side",
            "cracked tail light",
            "bumper scraped, paint missing",
            "alloy wheel kerbed badly",
        ],
        "cleaning": [
            "sand everywhere in the boot",
            "dog hair all over back seats",
            "smells of smoke",
            "coffee stain on the seat",
            "muddy floor mats, needs valet",
            "food wrappers left inside",
        ],
        "ok": [
            "all fine",
            "clean, no issues",
            "returned on time, full tank",
            "no damage found",
            "minor dust only, ok to rent",
            "checked, good condition",
        ],
    }
    m = 300
    kind = rng.choice(list(notes), m, p=[0.25, 0.25, 0.5])
    text = []
    for k in kind:
        t = pick(rng, notes[k])
        if rng.uniform() < 0.15:
            t += ", fuel low"
        text.append(t)
    pd.DataFrame(
        {
            "return_id": np.arange(1, m + 1),
            "vehicle_id": [f"V{1000 + int(v)}" for v in rng.integers(0, n, m)],
            "returned": (
                pd.Timestamp("2026-11-01") + pd.to_timedelta(rng.integers(0, 30, m), unit="D")
            ).strftime("%Y-%m-%d"),
            "km_driven": rng.integers(20, 2400, m),
            "inspector_note": text,
        }
    ).to_csv(out / "fleet_return_notes.csv", index=False)


HANDBOOK = """# Ironworks Fitness: Member Handbook

## Opening hours

All four branches (Docklands, Eastgate, Old Town, Parkside) open at 05:30 and close at 23:00 on
weekdays. On weekends and public holidays they open at 07:00 and close at 20:00. Off-peak members
may train between 10:00 and 16:00 on weekdays and at any time on weekends.

## Membership plans

The monthly plan costs 49 euros a month and can be cancelled with one month's notice. The annual
plan costs 39 euros a month, paid yearly in advance, and cannot be cancelled before the end of the
year except for relocation or a medical reason. The student plan costs 29 euros a month and needs a
valid student card shown every September. The family plan costs 89 euros a month for two adults and
up to three children aged 12 to 17.

## Freezing a membership

A membership can be frozen once per calendar year for between 2 and 12 weeks. A freeze costs 5
euros a month and must be requested at the front desk or in the app at least 7 days before it
starts. A medical freeze is free with a doctor's note and has no minimum length.

## Cancelling

Cancellation requests must be made in writing, in the app or by email to members@ironworks.example.
The notice period is one calendar month from the first day of the next month. Members who move more
than 25 km from every branch may leave an annual plan early by showing proof of their new address.
Outstanding payments must be settled before the cancellation is confirmed.

## Guests

Each member may bring one guest per month for free. Further guest passes cost 12 euros. Guests must
be at least 16 years old, sign the waiver and bring a photo ID.

## Classes and booking

Group classes can be booked up to 7 days ahead in the app. A booking cancelled less than 2 hours
before the class counts as a no-show; three no-shows within 30 days block booking for one week.
Spin, yoga, HIIT and boxing classes are included in every plan; reformer pilates costs 8 euros per
class.

## Personal training

Personal trainers are self-employed and set their own rates, usually 45 to 70 euros per hour. Every
new member is offered one free 30-minute induction with a trainer in the first month.

## Lockers and lost property

Day lockers are free and must be emptied by closing time; items left overnight are removed and kept
for 14 days. Monthly lockers cost 10 euros. Lost property is kept at the front desk for 30 days and
then donated.

## Conduct and safety

Members must wipe down equipment after use, re-rack weights and wear closed shoes on the gym floor.
Chalk is allowed only in the strength zone. Staff may suspend a membership for unsafe or abusive
behaviour. Defibrillators are at every front desk, and every shift has at least one staff member
trained in first aid.
"""

FAQ = """Riverside Community Pharmacy: Frequently Asked Questions

Q: What are your opening hours?
A: We are open Monday to Friday from 08:00 to 20:00, Saturday from 09:00 to 17:00, and Sunday from
10:00 to 14:00. On public holidays the nearest on-call pharmacy is posted on our door.

Q: How long does it take to fill a new prescription?
A: Most prescriptions are ready within 20 minutes. Compounded medicines and items we must order
from the wholesaler take until the next working day; we send a text message when they are ready.

Q: Can I get a refill early?
A: A refill can normally be collected when at least three quarters of the days' supply has passed.
For controlled medicines such as opioids, benzodiazepines and stimulants, early refills need the
prescriber's approval, and a lost or stolen supply needs a police report.

Q: Do you accept e-prescriptions?
A: Yes. Electronic prescriptions from any prescriber in the country arrive directly in our system.
Bring your health card so we can find them.

Q: Can someone else collect my medicine?
A: Yes, with a signed note from you and their own photo ID. Controlled medicines can only be
collected by a person named in writing, and we record their ID number.

Q: What does a prescription cost?
A: Insured patients pay the co-payment set by their plan, usually between 3 and 10 euros per item.
Patients paying cash pay the list price; we will tell you the price before we fill it.

Q: Do you offer vaccinations?
A: We give flu vaccines from October to March and travel vaccines all year by appointment. Children
under 12 are vaccinated by their doctor, not at the pharmacy.

Q: How should I dispose of old medicines?
A: Bring them to the counter in any bag. We accept tablets, liquids and inhalers; needles and
syringes must be in a closed sharps container, which we give out free.

Q: Can the pharmacist review all my medicines?
A: Patients taking five or more regular medicines can book a free 20-minute medication review
with a pharmacist. We check for interactions, doses and things you may no longer need.

Q: What if my medicine is out of stock?
A: We can usually order it for the next morning. If there is a national shortage, the pharmacist
may offer an equivalent generic after calling your prescriber.

Q: Do you deliver?
A: Free home delivery is available for patients over 70 and for housebound patients within 5 km.
Other deliveries cost 4 euros and are made on weekday afternoons.
"""


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    coop(out)
    gym(out)
    complaints(out)
    turbines(out)
    manuscripts(out)
    prescriptions(out)
    fleet(out)
    (out / "docs" / "gym_handbook.md").write_text(HANDBOOK, encoding="utf-8")
    (out / "docs" / "pharmacy_faq.txt").write_text(FAQ, encoding="utf-8")


if __name__ == "__main__":
    main()
