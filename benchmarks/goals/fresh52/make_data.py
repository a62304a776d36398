"""Write the fresh52 corpus's files: a taxi dispatch firm, a language school, a solar installer.

Run: python make_data.py DIR  (deterministic, offline, seed 5252)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5252

ZONES = [
    "Centre",
    "Station",
    "Airport",
    "Northgate",
    "Riverside",
    "Hospital",
    "Uni Campus",
    "Eastfield",
]


def pick(rng: np.random.Generator, options: list, n: int, p: list[float] | None = None) -> list:
    return list(rng.choice(np.array(options, dtype=object), size=n, p=p))


def blank_some(rng: np.random.Generator, values: list, keep: float) -> list:
    return [v if rng.random() < keep else "" for v in values]


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


# ---------------------------------------------------------------- taxi / minicab dispatch

COMPLAINT_TEXT = {
    "late": [
        "driver turned up {m} minutes late and I missed my train",
        "booked for 6am, car came at {h}, nobody called me",
        "waited outside in the rain for ages, the app said 3 min for {m} min",
        "pickup was late again, second time this week",
        "car never arrived on time for the airport run, had to get another cab",
    ],
    "overcharge": [
        "charged {f} pounds for a trip that is normally 12",
        "the fare was way more than the quote on the app",
        "driver took a long route and the meter ran up, overcharged",
        "I was billed twice on my card for the same journey",
        "quoted price was {q} but I paid {f}, please refund the difference",
    ],
    "driver_behaviour": [
        "driver was rude and on his phone the whole time",
        "driver was shouting at other cars and speeding, felt unsafe",
        "very rude driver, refused to help with my bags",
        "driver smoked in the car before picking me up and was impolite",
        "the driver made inappropriate comments, not acceptable",
    ],
    "lost_property": [
        "left my phone on the back seat, trip around {h}",
        "forgot a black umbrella and a laptop bag in the car",
        "I lost my keys in the cab last night, has anyone handed them in",
        "left my wallet in the taxi from the station",
        "my daughter left her school bag in the car, can the driver check",
    ],
    "vehicle_condition": [
        "car was dirty and smelled awful, seats were stained",
        "the seatbelt in the back was broken",
        "no air con, windows would not open, car was filthy",
        "vehicle had a warning light on the whole trip and made a noise",
        "the car was not the estate I booked, no room for the buggy and it was messy",
    ],
}
COMPLAINT_CLASSES = list(COMPLAINT_TEXT)


def taxi(out: Path, rng: np.random.Generator) -> None:
    n = 520
    hours = rng.integers(0, 24, n)
    channel = pick(rng, ["phone", "app", "web", "account"], n, [0.3, 0.45, 0.1, 0.15])
    lead = np.round(rng.gamma(2.0, 25, n)).astype(int)
    dist = np.round(rng.gamma(2.2, 3.5, n) + 0.8, 1)
    night = (hours < 5) | (hours >= 22)
    p_cancel = 0.08 + 0.12 * (channel == np.array("app", dtype=object)) + 0.1 * (lead > 90)
    p_noshow = 0.03 + 0.08 * night
    u = rng.random(n)
    status = np.where(
        u < p_cancel, "cancelled", np.where(u < p_cancel + p_noshow, "no_show", "completed")
    )
    notes_pool = [
        "please ring when outside",
        "wheelchair user, needs ramp",
        "2 large suitcases",
        "regular customer, usual address",
        "meet at arrivals gate B",
        "child seat needed",
        "",
        "",
        "",
        "account job - sign the docket",
    ]
    bookings = pd.DataFrame(
        {
            "booking_ref": [f"BK{24000 + i}" for i in range(n)],
            "booked_at": [
                f"2026-0{1 + int(m)}-{1 + int(d):02d} {h:02d}:{int(mi):02d}"
                for m, d, h, mi in zip(
                    rng.integers(0, 6, n),
                    rng.integers(0, 28, n),
                    hours,
                    rng.integers(0, 60, n),
                    strict=False,
                )
            ],
            "channel": channel,
            "pickup_zone": pick(rng, ZONES, n),
            "dropoff_zone": pick(rng, ZONES, n),
            "passengers": rng.integers(1, 7, n),
            "luggage_items": rng.poisson(0.8, n),
            "vehicle_requested": pick(
                rng, ["saloon", "estate", "mpv", "executive"], n, [0.6, 0.2, 0.15, 0.05]
            ),
            "lead_time_min": lead,
            "est_distance_km": dist,
            "quoted_fare": np.round(3.2 + 1.9 * dist + rng.normal(0, 1.2, n), 2),
            "driver_notes": pick(rng, notes_pool, n),
            "booking_status": status,
        }
    )
    write_csv(bookings, out / "bookings.csv")

    def trips(k: int, start: int, with_outcomes: bool) -> pd.DataFrame:
        hour = rng.integers(0, 24, k)
        d = np.round(rng.gamma(2.2, 3.5, k) + 0.8, 1)
        wait = np.round(
            rng.gamma(2, 3, k)
            + 2 * ((hour >= 7) & (hour <= 9))
            + 3 * ((hour >= 16) & (hour <= 18)),
            1,
        )
        rain = rng.integers(0, 2, k)
        dur = np.round(d * 2.1 + rng.normal(4, 3, k) + 3 * rain, 1).clip(3)
        fare = np.round(3.2 + 1.9 * d + 0.25 * dur + 2.5 * ((hour < 6) | (hour >= 22)), 2)
        late = np.where(wait + 3 * rain + rng.normal(0, 2, k) > 11, "yes", "no")
        pay = pick(
            rng, ["card_in_app", "cash", "account", "card_terminal"], k, [0.45, 0.25, 0.15, 0.15]
        )
        df = pd.DataFrame(
            {
                "trip_id": [f"T{start + i}" for i in range(k)],
                "driver_id": [f"D{int(x):03d}" for x in rng.integers(1, 61, k)],
                "pickup_zone": pick(rng, ZONES, k),
                "hour_of_day": hour,
                "weekday": pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], k),
                "raining": rain,
                "wait_min": wait,
                "distance_km": d,
                "duration_min": dur,
                "vehicle_type": pick(
                    rng, ["saloon", "estate", "mpv", "executive"], k, [0.6, 0.2, 0.15, 0.05]
                ),
                "fare_gbp": fare,
            }
        )
        if with_outcomes:
            df["tip_gbp"] = np.round(np.where(rng.random(k) < 0.3, rng.gamma(1.5, 1.2, k), 0), 2)
            df["payment_method"] = pay
            df["late_pickup"] = late
            df["passenger_rating"] = np.clip(
                np.round(5 - 1.5 * (late == "yes") + rng.normal(0, 0.7, k)), 1, 5
            ).astype(int)
        return df

    write_csv(trips(600, 80000, True), out / "trips_train.csv")
    write_csv(trips(200, 81000, True), out / "trips_test.csv")
    write_csv(trips(60, 82000, False), out / "trips_new.csv")

    m = 400
    hours_logged = np.round(rng.normal(9, 1.6, m).clip(3, 13), 1)
    trips_done = np.round(hours_logged * rng.normal(2.1, 0.3, m)).astype(int)
    km = np.round(trips_done * rng.normal(7.5, 1.2, m), 1)
    shifts = pd.DataFrame(
        {
            "shift_id": [f"S{5000 + i}" for i in range(m)],
            "driver_id": [f"D{int(x):03d}" for x in rng.integers(1, 61, m)],
            "shift_date": [f"2026-03-{1 + int(d):02d}" for d in rng.integers(0, 28, m)],
            "shift_type": pick(rng, ["day", "night", "split"], m, [0.55, 0.3, 0.15]),
            "hours_logged": hours_logged,
            "trips_done": trips_done,
            "km_driven": km,
            "idle_min": np.round(rng.gamma(3, 25, m)).astype(int),
            "fuel_litres": np.round(km * rng.normal(0.075, 0.006, m), 1),
            "takings_gbp": np.round(trips_done * rng.normal(14, 2, m), 2),
        }
    )
    odd = [17, 88, 151, 240, 333, 377]
    shifts.loc[odd[0], ["hours_logged", "trips_done"]] = [2.5, 41]
    shifts.loc[odd[1], "km_driven"] = 1480.0
    shifts.loc[odd[2], ["trips_done", "takings_gbp"]] = [3, 1220.0]
    shifts.loc[odd[3], "fuel_litres"] = 96.0
    shifts.loc[odd[4], ["hours_logged", "idle_min"]] = [13.0, 760]
    shifts.loc[odd[5], ["km_driven", "fuel_litres"]] = [4.0, 38.5]
    write_csv(shifts, out / "driver_shifts.csv")

    c = 360
    cats = pick(rng, COMPLAINT_CLASSES, c, [0.3, 0.2, 0.2, 0.15, 0.15])
    texts = []
    for cat in cats:
        t = str(rng.choice(COMPLAINT_TEXT[cat]))
        t = t.format(
            m=int(rng.integers(15, 50)),
            h=f"{int(rng.integers(6, 12))}:{int(rng.integers(10, 59))}",
            f=int(rng.integers(25, 60)),
            q=int(rng.integers(10, 20)),
        )
        if rng.random() < 0.3:
            t += " " + str(
                rng.choice(
                    [
                        "booking ref in my email.",
                        "very disappointed.",
                        "please call me back.",
                        "I use you every week.",
                        "not happy at all",
                    ]
                )
            )
        texts.append(t)
    labelled = rng.random(c) < 0.22
    complaints = pd.DataFrame(
        {
            "complaint_id": [f"C{3100 + i}" for i in range(c)],
            "received": [
                f"2026-0{1 + int(mo)}-{1 + int(d):02d}"
                for mo, d in zip(rng.integers(0, 6, c), rng.integers(0, 28, c), strict=False)
            ],
            "via": pick(rng, ["email", "phone", "app", "twitter"], c, [0.4, 0.3, 0.2, 0.1]),
            "trip_id": [f"T{int(x)}" for x in rng.integers(80000, 80600, c)],
            "what_happened": texts,
            "complaint_type": [
                cat if keep else "" for cat, keep in zip(cats, labelled, strict=False)
            ],
            "refund_given": pick(rng, ["yes", "no"], c, [0.35, 0.65]),
        }
    )
    write_csv(complaints, out / "complaints.csv")
    gold_idx = [i for i in range(c) if not labelled[i]][:70]
    write_csv(
        pd.DataFrame(
            {
                "complaint_id": complaints.complaint_id[gold_idx],
                "complaint_type": [cats[i] for i in gold_idx],
            }
        ),
        out / "complaints_handlabels.csv",
    )
    rules = [
        {
            "name": "late_words",
            "label": "late",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["late", "waited", "never arrived", "on time"],
        },
        {
            "name": "money_words",
            "label": "overcharge",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["charged", "overcharged", "fare", "refund", "billed", "quote"],
        },
        {
            "name": "rude_driver",
            "label": "driver_behaviour",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["rude", "shouting", "unsafe", "speeding", "impolite", "inappropriate"],
        },
        {
            "name": "left_item",
            "label": "lost_property",
            "kind": "regex",
            "column": "what_happened",
            "pattern": r"\b(left|lost|forgot)\b",
            "ignore_case": True,
        },
        {
            "name": "dirty_car",
            "label": "vehicle_condition",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["dirty", "filthy", "smelled", "broken", "warning light", "messy"],
        },
    ]
    (out / "complaint_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "driver_handbook.md").write_text(
        "# Driver handbook\n\n## Shifts\n\nA day shift runs from 06:00 to 16:00 and a night shift from 18:00 to 04:00. "
        "Drivers must log on in the dispatch app at the start of every shift. A driver who logs more than 12 hours in "
        "one day is stopped by the system until the next morning. Breaks of 30 minutes are required after 6 hours.\n\n"
        "## Pickups\n\nIf a passenger is not at the pickup point, the driver waits 5 minutes for a street pickup and 15 "
        "minutes at the airport. After that the driver calls the passenger through the app. A job is marked no-show "
        "only when dispatch agrees. Drivers never leave a vulnerable passenger alone at night.\n\n"
        "## Payments\n\nCash fares are paid into the office every Friday. Account jobs are signed on the docket and "
        "invoiced monthly. Card terminals must be charged before the shift; a driver without a working terminal "
        "tells dispatch at once.\n\n## Vehicle standards\n\nThe vehicle is cleaned inside every day. A warning light "
        "on the dashboard means the car goes off the road until it is checked by the garage. Child seats are kept "
        "in the office and booked in advance.\n"
    )
    (docs / "lost_property_policy.md").write_text(
        "# Lost property\n\nItems found in a vehicle are handed in to the office at the end of the shift. The office "
        "keeps items for 28 days. Phones, wallets and keys are logged on the same day and the passenger is contacted "
        "when the booking has a phone number.\n\nA passenger can collect an item from the office between 09:00 and "
        "17:00 with photo ID. Delivery by a driver costs the normal fare for the distance. After 28 days unclaimed "
        "items are given to charity, and bank cards are destroyed.\n"
    )
    (docs / "fare_tariff.txt").write_text(
        "FARE TARIFF 2026\n\nThe flag fall is 3.20 pounds. Each kilometre costs 1.90 pounds and each minute of "
        "waiting costs 0.25 pounds. Between 22:00 and 06:00 a night supplement of 2.50 pounds is added.\n\n"
        "Airport pickups add a parking charge of 4 pounds. Bookings for an MPV or estate cost 20 percent more than a "
        "saloon. Account customers are invoiced at the end of the month and pay within 30 days.\n\n"
        "A cancellation within 10 minutes of the pickup time is charged at the flag fall. Soiling of a vehicle is "
        "charged at 80 pounds because the car must be cleaned before it can work again.\n"
    )


# ---------------------------------------------------------------- language school

FEEDBACK_TEXT = {
    "positive": [
        "the teacher was brilliant and the lessons were really fun",
        "I improved my speaking a lot, great course",
        "very helpful teacher, clear explanations, I will come back next term",
        "loved the conversation classes, friendly group",
        "excellent materials and I passed my IELTS, thank you",
    ],
    "negative": [
        "the class was too big and the teacher did not correct us",
        "boring lessons, we only did worksheets",
        "the room was cold and lessons often started late, waste of money",
        "level was too easy, I learned nothing new",
        "teacher changed three times, very disorganised course",
    ],
    "mixed": [
        "good teacher but the evening time is hard for me",
        "I liked the grammar part but the listening was too fast",
        "nice group, however the price is high for what you get",
        "the course was ok, some lessons great and some boring",
        "useful for work English, but the book was old",
    ],
}


def school(out: Path, rng: np.random.Generator) -> None:
    n = 480
    score = np.round(rng.normal(55, 18, n).clip(5, 100)).astype(int)
    level = np.select(
        [score < 25, score < 45, score < 62, score < 78, score < 90],
        ["A1", "A2", "B1", "B2", "C1"],
        "C2",
    )
    course = pick(
        rng,
        [
            "General English",
            "IELTS Prep",
            "Business English",
            "Conversation Club",
            "Evening Intensive",
        ],
        n,
    )
    hours = rng.choice([2, 4, 6, 10, 15], n)
    plan = pick(rng, ["upfront", "monthly", "employer"], n, [0.4, 0.45, 0.15])
    p_done = (
        0.45
        + 0.02 * hours
        + 0.2 * (plan == np.array("employer", dtype=object))
        - 0.15 * (plan == np.array("monthly", dtype=object))
    )
    completed = np.where(rng.random(n) < p_done.clip(0.05, 0.95), "yes", "no")
    filled = rng.random(n) < 0.75
    enrol = pd.DataFrame(
        {
            "student_no": [f"ST{7000 + i}" for i in range(n)],
            "enrolled_on": [
                f"2025-{1 + int(m):02d}-{1 + int(d):02d}"
                for m, d in zip(rng.integers(0, 12, n), rng.integers(0, 28, n), strict=False)
            ],
            "age": rng.integers(18, 67, n),
            "first_language": pick(
                rng,
                [
                    "Spanish",
                    "Polish",
                    "Arabic",
                    "Mandarin",
                    "Portuguese",
                    "Italian",
                    "Turkish",
                    "Vietnamese",
                ],
                n,
            ),
            "course": course,
            "placement_score": score,
            "level_placed": level,
            "hours_per_week": hours,
            "payment_plan": plan,
            "heard_about_us": pick(
                rng, ["friend", "google", "instagram", "employer", "walk-in"], n
            ),
            "fee_gbp": hours * 12 * 10 + rng.integers(-50, 50, n),
            "completed_course": [c if f else "" for c, f in zip(completed, filled, strict=False)],
        }
    )
    write_csv(enrol, out / "enrolments.csv")

    def placement(k: int, start: int, with_level: bool) -> pd.DataFrame:
        ability = rng.normal(0, 1, k)
        g = np.round(50 + 18 * ability + rng.normal(0, 7, k)).clip(0, 100).astype(int)
        v = np.round(50 + 17 * ability + rng.normal(0, 8, k)).clip(0, 100).astype(int)
        li = np.round(50 + 15 * ability + rng.normal(0, 10, k)).clip(0, 100).astype(int)
        rd = np.round(50 + 16 * ability + rng.normal(0, 9, k)).clip(0, 100).astype(int)
        words = np.round(150 + 60 * ability + rng.normal(0, 30, k)).clip(20).astype(int)
        total = (g + v + li + rd) / 4
        lvl = np.select(
            [total < 30, total < 45, total < 58, total < 72], ["A1", "A2", "B1", "B2"], "C1"
        )
        df = pd.DataFrame(
            {
                "test_id": [f"PT{start + i}" for i in range(k)],
                "test_mode": pick(rng, ["online", "in_person"], k),
                "grammar": g,
                "vocab": v,
                "listening": li,
                "reading": rd,
                "writing_words": words,
                "speaking_examiner": pick(rng, ["Ana", "Tom", "Priya", "Marek"], k),
            }
        )
        if with_level:
            df["cefr_level"] = lvl
            df["needs_interview"] = np.where(np.abs(g - li) > 22, "yes", "no")
        return df

    write_csv(placement(500, 1000, True), out / "placement_train.csv")
    write_csv(placement(150, 2000, True), out / "placement_test.csv")
    write_csv(placement(40, 3000, False), out / "placement_new.csv")

    m = 420
    booked = rng.integers(4, 21, m)
    attended = np.minimum(booked, np.round(booked * rng.beta(6, 1.5, m))).astype(int)
    att = pd.DataFrame(
        {
            "student_no": [f"ST{7000 + int(x)}" for x in rng.integers(0, n, m)],
            "term": pick(rng, ["autumn", "spring", "summer"], m),
            "sessions_booked": booked,
            "sessions_attended": attended,
            "avg_minutes_late": np.round(rng.gamma(1.2, 3, m), 1),
            "homework_handed_in": np.minimum(
                attended, np.round(attended * rng.beta(4, 2, m))
            ).astype(int),
            "class_size": rng.integers(6, 15, m),
            "room": pick(rng, ["R1", "R2", "R3", "Online"], m),
        }
    )
    for i, (col, val) in zip(
        [12, 77, 140, 219, 301, 388],
        [
            ("sessions_attended", 45),
            ("avg_minutes_late", 95.0),
            ("class_size", 60),
            ("homework_handed_in", 30),
            ("sessions_booked", 0),
            ("avg_minutes_late", 140.0),
        ],
        strict=False,
    ):
        att.loc[i, col] = val
    write_csv(att, out / "attendance.csv")

    concerns = {
        "attendance": [
            "missed most of the last four lessons",
            "keeps coming late and leaving early",
            "absent again, no message",
        ],
        "level_too_hard": [
            "struggles to follow, maybe move down a level",
            "cannot keep up with the reading tasks",
            "lost in the listening, too hard for her",
        ],
        "level_too_easy": [
            "finishes everything early, bored, should go up a level",
            "far above the rest of the group",
            "too strong for this class",
        ],
        "no_concern": [
            "participates well, good progress",
            "steady work, homework always done",
            "confident speaker, happy in the group",
        ],
    }
    k = 300
    cc = pick(rng, list(concerns), k, [0.25, 0.2, 0.15, 0.4])
    notes = pd.DataFrame(
        {
            "note_id": [f"N{400 + i}" for i in range(k)],
            "student_no": [f"ST{7000 + int(x)}" for x in rng.integers(0, n, k)],
            "teacher": pick(rng, ["Ana", "Tom", "Priya", "Marek", "Jules"], k),
            "week": rng.integers(1, 13, k),
            "note": [str(rng.choice(concerns[c])) for c in cc],
            "concern": blank_some(rng, list(cc), 0.3),
        }
    )
    write_csv(notes, out / "teacher_notes.csv")

    f = 340
    sent = pick(rng, list(FEEDBACK_TEXT), f, [0.5, 0.25, 0.25])
    fb = pd.DataFrame(
        {
            "response_id": [f"FB{900 + i}" for i in range(f)],
            "course": pick(
                rng,
                [
                    "General English",
                    "IELTS Prep",
                    "Business English",
                    "Conversation Club",
                    "Evening Intensive",
                ],
                f,
            ),
            "term": pick(rng, ["autumn", "spring", "summer"], f),
            "stars": [
                int(
                    np.clip(
                        {"positive": 5, "negative": 2, "mixed": 3}[s] + rng.integers(-1, 2), 1, 5
                    )
                )
                for s in sent
            ],
            "comments": [str(rng.choice(FEEDBACK_TEXT[s])) for s in sent],
            "would_recommend": [
                ("yes" if (s == "positive" or (s == "mixed" and rng.random() < 0.5)) else "no")
                for s in sent
            ],
        }
    )
    write_csv(fb, out / "course_feedback.csv")
    gold_rows = rng.choice(f, 60, replace=False)
    write_csv(
        pd.DataFrame(
            {
                "response_id": fb.response_id[sorted(gold_rows)],
                "tone": [sent[i] for i in sorted(gold_rows)],
            }
        ),
        out / "feedback_gold.csv",
    )
    rules = [
        {
            "name": "praise",
            "label": "positive",
            "kind": "keyword",
            "column": "comments",
            "keywords": ["brilliant", "great", "excellent", "loved", "helpful"],
        },
        {
            "name": "gripes",
            "label": "negative",
            "kind": "keyword",
            "column": "comments",
            "keywords": ["boring", "waste", "disorganised", "too big", "learned nothing"],
        },
        {
            "name": "but_however",
            "label": "mixed",
            "kind": "regex",
            "column": "comments",
            "pattern": r"\b(but|however)\b",
            "ignore_case": True,
        },
        {
            "name": "low_stars",
            "label": "negative",
            "kind": "threshold",
            "column": "stars",
            "op": "<=",
            "value": 2,
        },
    ]
    (out / "feedback_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    docs = out / "docs"
    (docs / "student_handbook.md").write_text(
        "# Student handbook\n\n## Attendance\n\nStudents are expected to attend at least 80 percent of their lessons. "
        "A student who misses three lessons in a row is contacted by the course manager. Visa students must "
        "attend 90 percent, because the school reports attendance to the Home Office every month.\n\n"
        "## Levels\n\nEvery new student takes a placement test with grammar, vocabulary, listening and reading "
        "parts, followed by a short speaking interview. The level is confirmed after the first week. A student "
        "can ask to change level once per term.\n\n## Certificates\n\nA certificate of attendance is issued when "
        "the course ends. It shows the CEFR level reached and the number of hours studied.\n"
    )
    (docs / "cancellation_policy.md").write_text(
        "# Cancellations and refunds\n\nA course can be cancelled within 14 days of enrolment for a full refund. "
        "After 14 days the school refunds 50 percent of the unused lessons. Lessons cancelled by the student with "
        "less than 24 hours notice are not refunded.\n\nIf the school cancels a lesson, it is rescheduled within two "
        "weeks. Employer-paid courses are refunded to the employer, not to the student.\n"
    )
    (docs / "level_descriptors.txt").write_text(
        "LEVEL DESCRIPTORS\n\nA1 means the student can understand and use familiar everyday expressions. A2 means "
        "the student can communicate in simple and routine tasks.\n\nB1 means the student can deal with most "
        "situations while travelling and can describe experiences. B2 means the student can interact with a "
        "degree of fluency with native speakers.\n\nC1 means the student can express ideas fluently and "
        "spontaneously without much searching for expressions. IELTS 6.5 is usually reached at a strong B2 level.\n"
    )


# ---------------------------------------------------------------- rooftop solar installer

FAULT_TEXT = {
    "inverter": [
        "inverter showing red light and error code",
        "inverter keeps tripping off at midday",
        "inverter display blank, no generation",
        "inverter fan very loud and hot",
    ],
    "panel": [
        "cracked panel on the south roof after the hail",
        "one panel looks burnt at the corner",
        "bird mess and a hot spot on a panel",
        "panel frame came loose in the wind",
    ],
    "wiring": [
        "isolator switch sparking",
        "burning smell near the DC cable",
        "cable hanging off the roof edge",
        "RCD trips when the system starts",
    ],
    "monitoring": [
        "app shows zero since the wifi change",
        "monitoring portal not updating",
        "cannot log in to the monitoring app",
        "data logger offline after router swap",
    ],
    "battery": [
        "battery not charging from the panels",
        "battery drains overnight to zero",
        "battery warning beep in the garage",
        "battery stuck at 20 percent",
    ],
}


def solar(out: Path, rng: np.random.Generator) -> None:
    def surveys(k: int, start: int, with_outcome: bool) -> pd.DataFrame:
        orient = pick(rng, ["S", "SE", "SW", "E", "W", "N"], k, [0.3, 0.18, 0.18, 0.14, 0.14, 0.06])
        shading = pick(rng, ["none", "light", "heavy"], k, [0.5, 0.35, 0.15])
        area = np.round(rng.normal(32, 9, k).clip(8, 70), 1)
        use = np.round(rng.normal(3800, 1100, k).clip(1200, 9000)).astype(int)
        notes_pool = [
            "chimney on the south side",
            "customer keen, wants battery too",
            "tiles fragile, slate roof",
            "tree in neighbour garden",
            "asked about grants",
            "price shopping, has two other quotes",
            "loft access difficult",
            "flat roof section over kitchen",
            "",
        ]
        df = pd.DataFrame(
            {
                "survey_ref": [f"SV{start + i}" for i in range(k)],
                "postcode_area": pick(rng, ["BS", "BA", "GL", "SN", "TA", "EX"], k),
                "roof_facing": orient,
                "roof_pitch_deg": rng.integers(10, 50, k),
                "usable_roof_m2": area,
                "shading": shading,
                "roof_material": pick(
                    rng, ["concrete tile", "clay tile", "slate", "metal", "felt"], k
                ),
                "house_built": rng.integers(1900, 2024, k),
                "annual_use_kwh": use,
                "surveyor_notes": pick(rng, notes_pool, k),
            }
        )
        if with_outcome:
            good = (
                np.isin(orient, ["S", "SE", "SW"]).astype(float)
                + (shading == np.array("none", dtype=object))
                + area / 40
                + use / 6000
                + rng.normal(0, 0.6, k)
            )
            df["quote_outcome"] = np.where(good > 2.0, "accepted", "declined")
            df["system_kwp_quoted"] = np.round((area / 5.5).clip(1.5, 10), 1)
        return df

    write_csv(surveys(450, 100, True), out / "surveys_2025.csv")
    write_csv(surveys(150, 700, True), out / "surveys_holdout.csv")
    write_csv(surveys(50, 900, False), out / "surveys_this_week.csv")

    n = 260
    panels = rng.integers(6, 24, n)
    installs = pd.DataFrame(
        {
            "job_no": [f"J{2200 + i}" for i in range(n)],
            "survey_ref": [f"SV{100 + int(x)}" for x in rng.integers(0, 450, n)],
            "panels": panels,
            "kwp": np.round(panels * 0.43, 2),
            "inverter_model": pick(
                rng, ["SolarEdge SE3K", "GivEnergy 5kW", "Growatt 3600", "Fox H1"], n
            ),
            "battery_fitted": pick(rng, ["yes", "no"], n, [0.4, 0.6]),
            "scaffold_days": rng.integers(1, 6, n),
            "crew_size": rng.integers(2, 5, n),
            "job_value_gbp": np.round(panels * 420 + rng.normal(1500, 400, n)).astype(int),
            "signed_off": pick(rng, ["yes", "no"], n, [0.85, 0.15]),
        }
    )
    write_csv(installs, out / "installs.csv")

    m = 500
    irr = np.round(rng.uniform(50, 950, m)).astype(int)
    kwh = np.round(irr * rng.normal(0.022, 0.003, m), 2)
    readings = pd.DataFrame(
        {
            "reading_id": [f"R{60000 + i}" for i in range(m)],
            "job_no": [f"J{2200 + int(x)}" for x in rng.integers(0, n, m)],
            "date": [
                f"2026-0{4 + int(mo)}-{1 + int(d):02d}"
                for mo, d in zip(rng.integers(0, 4, m), rng.integers(0, 28, m), strict=False)
            ],
            "irradiance_wm2": irr,
            "kwh_today": kwh,
            "peak_kw": np.round(kwh / rng.normal(5.5, 0.7, m), 2),
            "dc_volts": np.round(rng.normal(360, 25, m), 1),
            "ac_volts": np.round(rng.normal(240, 3, m), 1),
            "inverter_temp_c": np.round(rng.normal(38, 7, m), 1),
            "status_code": pick(rng, ["OK", "OK", "OK", "OK", "W12", "E07"], m),
        }
    )
    for i, (col, val) in zip(
        [9, 70, 133, 256, 311, 402, 470],
        [
            ("kwh_today", 95.0),
            ("ac_volts", 198.0),
            ("dc_volts", 12.0),
            ("inverter_temp_c", 91.0),
            ("kwh_today", 0.0),
            ("peak_kw", 14.0),
            ("ac_volts", 262.0),
        ],
        strict=False,
    ):
        readings.loc[i, col] = val
    write_csv(readings, out / "inverter_readings.csv")

    k = 320
    ft = pick(rng, list(FAULT_TEXT), k, [0.3, 0.15, 0.15, 0.25, 0.15])
    faults = pd.DataFrame(
        {
            "ticket": [f"F{100 + i}" for i in range(k)],
            "job_no": [f"J{2200 + int(x)}" for x in rng.integers(0, n, k)],
            "logged": [
                f"2026-0{1 + int(mo)}-{1 + int(d):02d}"
                for mo, d in zip(rng.integers(0, 6, k), rng.integers(0, 28, k), strict=False)
            ],
            "customer_says": [
                str(rng.choice(FAULT_TEXT[t]))
                + str(rng.choice(["", "", " - please come soon", " since monday", " again"]))
                for t in ft
            ],
            "fault_area": blank_some(rng, list(ft), 0.2),
            "engineer_visit": pick(rng, ["yes", "no"], k, [0.55, 0.45]),
            "days_to_fix": rng.integers(0, 21, k),
        }
    )
    write_csv(faults, out / "faults.csv")
    rules = [
        {
            "name": "inverter_mention",
            "label": "inverter",
            "kind": "keyword",
            "column": "customer_says",
            "keywords": ["inverter"],
        },
        {
            "name": "panel_damage",
            "label": "panel",
            "kind": "keyword",
            "column": "customer_says",
            "keywords": ["cracked", "burnt", "hot spot", "panel frame"],
        },
        {
            "name": "electrics",
            "label": "wiring",
            "kind": "keyword",
            "column": "customer_says",
            "keywords": ["isolator", "cable", "RCD", "sparking", "burning smell"],
        },
        {
            "name": "app_wifi",
            "label": "monitoring",
            "kind": "regex",
            "column": "customer_says",
            "pattern": r"\b(app|wifi|portal|logger|router)\b",
            "ignore_case": True,
        },
        {
            "name": "batt",
            "label": "battery",
            "kind": "keyword",
            "column": "customer_says",
            "keywords": ["battery"],
        },
    ]
    (out / "fault_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    qs = {
        "billing": [
            "when do I pay the second half of the invoice",
            "can I pay by instalments",
            "my invoice has the wrong VAT",
        ],
        "performance": [
            "is 9 kWh on a sunny day normal for my size",
            "why is generation lower in winter",
            "should I clean the panels",
        ],
        "export_payments": [
            "how do I register for the export payment",
            "which energy supplier pays most for export",
            "my SEG payments have not started",
        ],
        "warranty": [
            "how long is the inverter warranty",
            "is storm damage covered",
            "who do I call if a panel breaks in year 8",
        ],
    }
    q = 220
    qt = pick(rng, list(qs), q)
    questions = pd.DataFrame(
        {
            "question_id": [f"Q{i + 1}" for i in range(q)],
            "asked_via": pick(rng, ["email", "phone", "webchat"], q),
            "question": [str(rng.choice(qs[t])) for t in qt],
            "topic": blank_some(rng, list(qt), 0.35),
        }
    )
    write_csv(questions, out / "customer_questions.csv")

    docs = out / "docs"
    (docs / "warranty_terms.md").write_text(
        "# Warranty terms\n\n## Panels\n\nPanels carry a 25 year performance warranty from the manufacturer and a 12 "
        "year product warranty. A cracked panel is replaced free when the crack is caused by a manufacturing fault. "
        "Storm damage is covered by the home insurance, not by the warranty.\n\n## Inverters\n\nThe inverter warranty "
        "is 10 years. An inverter that shows an error code for more than two days is replaced by an engineer within "
        "10 working days.\n\n## Workmanship\n\nOur workmanship guarantee is 10 years and covers roof leaks caused by the "
        "installation. The guarantee is insurance backed, so it stays valid if the company stops trading.\n"
    )
    (docs / "after_install_guide.md").write_text(
        "# After your installation\n\n## Monitoring\n\nThe monitoring app shows generation every five minutes. If the "
        "app shows zero for a whole sunny day, restart the data logger by switching it off for 30 seconds. A new "
        "router means the logger must be connected to the new wifi network.\n\n## Cleaning\n\nRain keeps most "
        "panels clean. Panels with a pitch below 15 degrees collect dirt and should be cleaned once a year by a "
        "professional.\n\n## Export payments\n\nThe Smart Export Guarantee pays for electricity sent to the grid. "
        "Customers register with their energy supplier and send the MCS certificate, which arrives by email "
        "within four weeks of the installation.\n"
    )
    (docs / "faq_solar.txt").write_text(
        "FREQUENTLY ASKED QUESTIONS\n\nA 4 kWp system in the south west generates about 3,800 kWh per year. Generation "
        "in December is about one fifth of generation in June because the days are short and the sun is low.\n\n"
        "A battery stores surplus electricity for the evening. A 5 kWh battery usually raises self-use from 35 "
        "percent to about 70 percent. Installation takes one or two days and scaffolding is removed within a week.\n"
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    taxi(out, rng)
    school(out, rng)
    solar(out, rng)


if __name__ == "__main__":
    main()
