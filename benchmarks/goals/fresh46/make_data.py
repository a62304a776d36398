"""Write the fresh46 corpus's files into a folder: python make_data.py DIR.

Four invented organisations and their own files: a municipal waste-collection department, a
dance school, an e-bike courier firm and a small indie record label. Deterministic (seed 4646),
offline, a few hundred KB in all.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 4646


def pick(rng: random.Random, items: list[str]) -> str:
    return items[rng.randrange(len(items))]


def days(start: date, rng: random.Random, span: int) -> str:
    return (start + timedelta(days=rng.randrange(span))).isoformat()


def typo(text: str, rng: random.Random, rate: float = 0.08) -> str:
    """Sometimes swap two letters of one word, as hurried people do."""
    if rng.random() > rate:
        return text
    words = text.split(" ")
    i = rng.randrange(len(words))
    w = words[i]
    if len(w) > 4:
        j = rng.randrange(1, len(w) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def compose(rng: random.Random, parts: dict[str, list[str]], cls: str, filler: list[str]) -> str:
    core = pick(rng, parts[cls])
    bits = [pick(rng, filler[:6]), core]
    if rng.random() < 0.5:
        other = pick(rng, [c for c in parts if c != cls])
        if rng.random() < 0.25:
            bits.append(pick(rng, parts[other]).split(",")[0].lower())
    bits.append(pick(rng, filler[6:]))
    return typo(" ".join(b for b in bits if b).strip(), rng)


# ----- waste collection ------------------------------------------------------------------------

WARDS = ["Northgate", "Riverside", "Hillcrest", "Old Town", "Marsh Lane", "Eastfield", "Kingsmead"]
COMPLAINT_PARTS = {
    "missed_collection": [
        "Our bin was not emptied on collection day, it is still full at the kerb.",
        "The recycling lorry skipped our street again this week.",
        "Green bin missed for the second fortnight running, nobody came.",
        "Food caddy was left unemptied while the neighbours were done.",
        "Bins were out by 7am but the crew never turned up on our road.",
        "Whole cul-de-sac missed, garden waste still sitting there.",
    ],
    "spillage": [
        "The crew spilled rubbish all over the pavement and left it.",
        "Glass and litter dropped on the road when they tipped the bin.",
        "There is leaking bin juice across the drive after the lorry came.",
        "Rubbish blew everywhere because the lid was left open, litter in the hedge.",
        "Broken bag split on the path and nobody picked it up.",
    ],
    "bin_damaged": [
        "Our wheelie bin came back with a cracked lid and a broken hinge.",
        "The bin wheel snapped off after collection, need a replacement bin.",
        "Lorry lift damaged the bin, there is a hole in the bottom now.",
        "We need a new bin, ours was crushed by the truck.",
        "Bin handle broken and the lid will not shut anymore.",
    ],
    "crew_behaviour": [
        "One of the operatives was rude and swore at my elderly mother.",
        "Crew blocked the driveway for twenty minutes and shouted at me.",
        "The driver was speeding down the road and nearly hit a child.",
        "Staff threw the bins back into the road and were very rude.",
        "The binmen were smoking and playing loud music at 6am.",
    ],
}
COMPLAINT_FILLER = [
    "Hello,",
    "Hi,",
    "To whom it may concern,",
    "",
    "Complaint:",
    "Again!",
    "Please sort this out.",
    "This is not acceptable for the council tax we pay.",
    "Thanks.",
    "Can someone call me back?",
    "Ref my earlier email.",
    "",
]


def waste(out: Path, rng: random.Random, npr: np.random.Generator) -> None:
    classes = list(COMPLAINT_PARTS)
    weights = [0.45, 0.2, 0.2, 0.15]
    rows, gold = [], []
    for i in range(420):
        cls = rng.choices(classes, weights)[0]
        text = compose(rng, COMPLAINT_PARTS, cls, COMPLAINT_FILLER)
        escalated = (
            "yes"
            if (cls == "crew_behaviour" and rng.random() < 0.6) or rng.random() < 0.1
            else "no"
        )
        rows.append(
            {
                "complaint_id": f"WC-{10001 + i}",
                "received": days(date(2024, 1, 8), rng, 180),
                "ward": pick(rng, WARDS),
                "channel": rng.choices(["phone", "webform", "app", "email"], [3, 4, 2, 1])[0],
                "property_type": rng.choices(["house", "flat", "business"], [6, 3, 1])[0],
                "complaint_text": text,
                "category": cls if i % 6 == 0 else "",
                "escalated": escalated,
                "days_to_close": int(
                    max(1, npr.gamma(2.0, 3.0 if cls != "crew_behaviour" else 6.0))
                ),
            }
        )
        if i % 6 != 0 and rng.random() < 0.22:
            gold.append({"complaint_id": f"WC-{10001 + i}", "correct_category": cls})
    pd.DataFrame(rows).to_csv(out / "complaints.csv", index=False)
    pd.DataFrame(gold).to_csv(out / "complaints_checked.csv", index=False)
    rules = [
        {
            "name": "missed_words",
            "label": "missed_collection",
            "kind": "keyword",
            "column": "complaint_text",
            "keywords": ["missed", "not emptied", "never turned up", "skipped", "unemptied"],
        },
        {
            "name": "spill_words",
            "label": "spillage",
            "kind": "keyword",
            "column": "complaint_text",
            "keywords": ["spilled", "litter", "leaking", "split", "everywhere"],
        },
        {
            "name": "damage_words",
            "label": "bin_damaged",
            "kind": "keyword",
            "column": "complaint_text",
            "keywords": ["cracked", "broken", "snapped", "crushed", "new bin", "replacement"],
        },
        {
            "name": "rude_words",
            "label": "crew_behaviour",
            "kind": "keyword",
            "column": "complaint_text",
            "keywords": ["rude", "swore", "shouted", "speeding", "smoking"],
        },
    ]
    (out / "complaint_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")

    depots = ["North depot", "South depot", "Canal Road"]
    weeks = []
    for r in range(1, 31):
        depot = depots[r % 3]
        base_stops = rng.randrange(600, 1400)
        for w in range(1, 21):
            stops = int(base_stops * npr.uniform(0.92, 1.08))
            km = round(stops * npr.uniform(0.045, 0.06), 1)
            hours = round(stops / npr.uniform(95, 125) + npr.normal(0, 0.3), 2)
            fuel = round(km * npr.uniform(0.55, 0.7), 1)
            tonnage = round(stops * npr.uniform(0.0085, 0.011), 2)
            missed = int(npr.poisson(3 + max(0.0, hours - 9) * 4))
            weeks.append(
                {
                    "route_id": f"R{r:02d}",
                    "week": w,
                    "depot": depot,
                    "crew_size": rng.choice([2, 3, 3, 3]),
                    "stops": stops,
                    "km_driven": km,
                    "fuel_litres": fuel,
                    "hours_on_route": hours,
                    "tonnage": tonnage,
                    "bins_missed": missed,
                    "finished_late": "yes" if hours > 9.5 or rng.random() < 0.07 else "no",
                }
            )
    odd = [
        (13, {"fuel_litres": 410.0}),
        (77, {"hours_on_route": 0.4}),
        (150, {"tonnage": -3.2}),
        (222, {"km_driven": 980.0}),
        (301, {"bins_missed": 240}),
        (388, {"stops": 12, "tonnage": 14.5}),
        (455, {"crew_size": 9}),
        (519, {"hours_on_route": 23.5, "bins_missed": 0}),
        (560, {"fuel_litres": 0.0, "km_driven": 61.0}),
    ]
    for idx, change in odd:
        weeks[idx].update(change)
    pd.DataFrame(weeks).to_csv(out / "route_weeks.csv", index=False)


# ----- dance school ----------------------------------------------------------------------------

STYLES = ["ballet", "tap", "contemporary", "hip hop", "jazz", "street"]
FEEDBACK_PARTS = {
    "positive": [
        "My daughter loves the class, the teacher is so encouraging.",
        "Brilliant session, the new routine is great fun.",
        "Really good progress this term, she is so much more confident.",
        "Lovely atmosphere and the warm-up is very well planned.",
        "Fantastic teacher, patient and clear, we are very happy.",
    ],
    "negative": [
        "The class was overcrowded and the studio too cold.",
        "Teacher cancelled twice with no notice, very disappointing.",
        "My son feels ignored and is bored, thinking of leaving.",
        "Too expensive for what we get, the class started late again.",
        "Changing rooms are dirty and the music was far too loud.",
    ],
    "suggestion": [
        "Could you add a Saturday class for beginners?",
        "It would be nice to have a parents viewing week each term.",
        "Maybe split the group by age, the little ones struggle.",
        "Please share the showcase music so we can practise at home.",
        "Would love an extra stretching session before exams.",
    ],
}
FEEDBACK_FILLER = [
    "",
    "Hi!",
    "Feedback:",
    "",
    "Just to say,",
    "",
    "Thanks",
    "x",
    "",
    "Cheers.",
    "",
    "Regards",
]


def dance(out: Path, rng: random.Random, npr: np.random.Generator) -> None:
    def student(i: int) -> dict:
        age = int(npr.integers(4, 19)) if rng.random() < 0.85 else int(npr.integers(19, 55))
        style = pick(rng, STYLES)
        years = int(min(age - 3, npr.integers(0, 9)))
        per_week = rng.choice([1, 1, 1, 2, 2, 3])
        attendance = float(np.clip(npr.normal(82, 12), 25, 100))
        plan = rng.choices(["termly", "monthly", "pay_as_you_go"], [4, 4, 2])[0]
        sibling = "yes" if rng.random() < 0.25 else "no"
        missed_pay = int(npr.poisson(0.4 if plan != "pay_as_you_go" else 1.2))
        travel = int(npr.integers(5, 50))
        score = int(np.clip(round(npr.normal(4.0, 0.9)), 1, 5))
        z = (
            -1.2
            - 0.05 * (attendance - 80)
            + 0.45 * missed_pay
            + 0.025 * (travel - 20)
            - 0.5 * (score - 4)
            - 0.4 * (sibling == "yes")
            + 0.6 * (plan == "pay_as_you_go")
            - 0.15 * years
        )
        dropped = "yes" if rng.random() < 1 / (1 + np.exp(-z)) else "no"
        up = "yes" if dropped == "no" and attendance > 85 and rng.random() < 0.5 else "no"
        show = "yes" if dropped == "no" and rng.random() < 0.35 + 0.1 * per_week else "no"
        return {
            "student_id": f"DS-{2001 + i}",
            "age": age,
            "dance_style": style,
            "level": rng.choices(
                ["beginner", "improver", "intermediate", "advanced"], [4, 3, 2, 1]
            )[0],
            "years_dancing": max(0, years),
            "classes_per_week": per_week,
            "attendance_pct": round(attendance, 1),
            "fee_plan": plan,
            "sibling_enrolled": sibling,
            "missed_payments": missed_pay,
            "travel_minutes": travel,
            "last_feedback_score": score,
            "dropped_out": dropped,
            "moved_up_level": up,
            "joined_showcase": show,
        }

    every = [student(i) for i in range(710)]
    frame = pd.DataFrame(every)
    frame.iloc[:500].to_csv(out / "enrolments_train.csv", index=False)
    frame.iloc[500:650].to_csv(out / "enrolments_test.csv", index=False)
    frame.iloc[650:].drop(columns=["dropped_out", "moved_up_level", "joined_showcase"]).to_csv(
        out / "enrolments_new.csv", index=False
    )

    teachers = ["Miss Kate", "Mr Jonah", "Ms Priya", "Sofia", "Mr Ade"]
    rows = []
    for i in range(360):
        cls = rng.choices(list(FEEDBACK_PARTS), [5, 3, 2])[0]
        rows.append(
            {
                "feedback_id": 501 + i,
                "term": rng.choice(["autumn 2023", "spring 2024", "summer 2024"]),
                "class_name": f"{pick(rng, STYLES)} {rng.choice(['grade 1', 'grade 2', 'grade 3', 'teens', 'adults', 'tots'])}",
                "teacher": pick(rng, teachers),
                "comment": compose(rng, FEEDBACK_PARTS, cls, FEEDBACK_FILLER),
                "stars": int(
                    np.clip(
                        round(
                            npr.normal(
                                {"positive": 4.6, "negative": 2.2, "suggestion": 3.8}[cls], 0.6
                            )
                        ),
                        1,
                        5,
                    )
                ),
                "tone": cls if rng.random() < 0.17 else "",
            }
        )
    pd.DataFrame(rows).to_csv(out / "class_feedback.csv", index=False)


# ----- e-bike couriers -------------------------------------------------------------------------

FAULT_PARTS = {
    "battery": [
        "Battery died at 40 percent halfway through the shift.",
        "Charge drops really fast, range is maybe 15 km now.",
        "Battery gets hot while charging and the display shows err 21.",
        "Bike will not power on even after a full charge overnight.",
        "Battery indicator jumps from 80 to 20, had to swap packs.",
    ],
    "brakes": [
        "Front brake squeals and takes ages to stop in the rain.",
        "Rear brake lever goes all the way to the handlebar.",
        "Brake pads worn out, grinding metal noise.",
        "Brakes feel soft, not safe on the hill down to the station.",
    ],
    "motor": [
        "Motor cuts out when going uphill with a heavy load.",
        "Clicking noise from the hub motor and no assist on level 3.",
        "Pedal assist kicks in late and then surges forward.",
        "Motor makes a grinding whine above 20 km/h.",
    ],
    "tyre": [
        "Rear tyre flat again, third puncture this month.",
        "Front tyre has a bulge in the sidewall.",
        "Slow puncture, have to pump the tyre every morning.",
        "Tyre tread is bald, slipping on wet cobbles.",
    ],
}
FAULT_FILLER = [
    "",
    "Bike",
    "Hi mechanics,",
    "",
    "FYI",
    "",
    "pls check",
    "asap",
    "",
    "thx",
    "",
    "before my shift tomorrow",
]
ZONES = ["centre", "docks", "university", "north hills", "retail park", "old quarter"]


def couriers(out: Path, rng: random.Random, npr: np.random.Generator) -> None:
    def delivery(i: int) -> dict:
        zone = pick(rng, ZONES)
        distance = round(float(npr.gamma(3.0, 1.6)), 1)
        stops = int(npr.integers(1, 9))
        parcel = round(float(npr.gamma(2.0, 2.5)), 1)
        hour = int(npr.integers(7, 23))
        rain = round(float(npr.exponential(1.2)) if rng.random() < 0.35 else 0.0, 1)
        temp = round(float(npr.normal(11, 6)), 1)
        battery = int(np.clip(npr.normal(70, 20), 5, 100))
        climb = int(npr.gamma(2.0, 30 if zone != "north hills" else 90))
        z = (
            -3.6
            + 0.18 * distance
            + 0.25 * stops
            + 0.5 * rain
            + 0.01 * climb
            - 0.02 * (battery - 60)
            + 0.8 * (hour in (12, 13, 18, 19))
            + 0.04 * parcel
        )
        late = "yes" if rng.random() < 1 / (1 + np.exp(-z)) else "no"
        swap = "yes" if battery < 30 and distance > 6 or rng.random() < 0.05 else "no"
        rating = (
            ""
            if rng.random() < 0.3
            else int(np.clip(round(npr.normal(4.4 - 1.2 * (late == "yes"), 0.7)), 1, 5))
        )
        return {
            "delivery_id": f"DLV-{70001 + i}",
            "rider_id": f"RD{rng.randrange(1, 46):03d}",
            "bike_model": rng.choices(["Urbanista 2", "CargoPro", "Urbanista 3"], [4, 2, 3])[0],
            "zone": zone,
            "distance_km": distance,
            "stops": stops,
            "parcel_kg": parcel,
            "hour": hour,
            "weekday": pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
            "rain_mm": rain,
            "temp_c": temp,
            "battery_start_pct": battery,
            "climb_m": climb,
            "late": late,
            "battery_swap": swap,
            "customer_rating": rating,
        }

    every = pd.DataFrame([delivery(i) for i in range(980)])
    every.iloc[:700].to_csv(out / "deliveries_train.csv", index=False)
    every.iloc[700:900].to_csv(out / "deliveries_test.csv", index=False)
    every.iloc[900:].drop(columns=["late", "battery_swap", "customer_rating"]).to_csv(
        out / "deliveries_new.csv", index=False
    )

    rows, gold = [], []
    for i in range(380):
        cls = rng.choices(list(FAULT_PARTS), [4, 2, 2, 2])[0]
        rows.append(
            {
                "report_id": 9001 + i,
                "bike_id": f"EB-{rng.randrange(100, 160)}",
                "reported_on": days(date(2024, 2, 1), rng, 150),
                "rider_note": compose(rng, FAULT_PARTS, cls, FAULT_FILLER),
                "odometer_km": int(npr.integers(300, 9000)),
                "fault_type": cls if rng.random() < 0.13 else "",
            }
        )
        if not rows[-1]["fault_type"] and rng.random() < 0.2:
            gold.append({"report_id": 9001 + i, "fault_type": cls})
    pd.DataFrame(rows).to_csv(out / "fault_reports.csv", index=False)
    pd.DataFrame(gold).to_csv(out / "fault_reports_checked.csv", index=False)

    log = []
    for b in range(100, 160):
        cycles = rng.randrange(40, 700)
        for d in range(9):
            cap = round(float(np.clip(100 - cycles * 0.05 + npr.normal(0, 2), 55, 101)), 1)
            log.append(
                {
                    "bike_id": f"EB-{b}",
                    "log_date": (date(2024, 5, 1) + timedelta(days=d * 3)).isoformat(),
                    "charge_cycles": cycles + d * 2,
                    "start_voltage": round(float(npr.normal(41.5, 0.6)), 2),
                    "end_voltage": round(float(npr.normal(34.2, 0.8)), 2),
                    "max_temp_c": round(float(npr.normal(31, 4)), 1),
                    "charge_minutes": int(npr.normal(210, 25)),
                    "capacity_pct": cap,
                    "km_since_charge": round(float(npr.normal(38, 9) * cap / 100), 1),
                    "pack_type": "13s4p" if b % 3 else "13s5p",
                    "fault_logged": "yes"
                    if (cap < 78 and rng.random() < 0.5) or rng.random() < 0.03
                    else "no",
                }
            )
    for idx, change in [
        (17, {"max_temp_c": 78.5}),
        (96, {"start_voltage": 52.9}),
        (141, {"charge_minutes": 9}),
        (233, {"capacity_pct": 131.0}),
        (302, {"end_voltage": 12.4, "km_since_charge": 3.1}),
        (377, {"km_since_charge": 210.0}),
        (415, {"max_temp_c": -12.0}),
        (488, {"charge_minutes": 1440}),
    ]:
        log[idx].update(change)
    pd.DataFrame(log).to_csv(out / "battery_log.csv", index=False)


# ----- record label ----------------------------------------------------------------------------

MAIL_PARTS = {
    "praise": [
        "Your last EP got me through a rough winter, thank you so much.",
        "Saw the band live in Leeds, best gig of my year!",
        "That single is on repeat, the bassline is unreal.",
        "Just wanted to say I love everything you put out.",
        "The vinyl pressing sounds amazing, worth every penny.",
    ],
    "booking": [
        "We run a small venue and would love to book the band for October.",
        "Is the artist available for a festival slot next summer? Fee details attached.",
        "Booking enquiry: support slot on our UK tour in March.",
        "Could we book a DJ set for our launch party, what are your rates?",
    ],
    "demo": [
        "Please find my demo attached, three tracks of lo-fi indie.",
        "I'm a producer from Lisbon, here is a link to my demo on SoundCloud.",
        "Our band recorded an EP and we would love you to listen to the demo.",
        "Sending my demo tape, hope it fits the label's sound.",
    ],
    "complaint": [
        "My vinyl order arrived warped and the sleeve was torn.",
        "I paid for the bundle six weeks ago and nothing has shipped.",
        "The download code on the cassette does not work.",
        "Wrong size t-shirt in the merch parcel, I want a refund.",
    ],
}
MAIL_FILLER = [
    "",
    "Hey!",
    "Hello there,",
    "",
    "Hi team,",
    "",
    "x",
    "Cheers",
    "",
    "Best wishes",
    "",
    "Thanks!",
]
ARTISTS = [
    "Moth Parade",
    "June Lakes",
    "Static Orchard",
    "Velma Rye",
    "The Low Ceilings",
    "Ossie K",
]


def label_records(out: Path, rng: random.Random, npr: np.random.Generator) -> None:
    def release(i: int, upcoming: bool) -> dict:
        fmt = rng.choices(["single", "EP", "album"], [6, 3, 2])[0]
        presaves = int(npr.gamma(2.0, 400))
        playlists = int(npr.poisson(presaves / 150))
        press = int(npr.poisson(2 if fmt != "album" else 5))
        tiktok = int(npr.gamma(1.2, 300))
        budget = int(npr.integers(3, 60) * 100) * (3 if fmt == "album" else 1)
        row = {
            "release_id": f"REL-{(340 if upcoming else 100) + i}",
            "artist": pick(rng, ARTISTS),
            "genre": pick(rng, ["indie rock", "dream pop", "folk", "electronic", "post-punk"]),
            "format": fmt,
            "release_month": rng.randrange(1, 13),
            "tracks": {"single": 1, "EP": rng.randrange(4, 7), "album": rng.randrange(9, 14)}[fmt],
            "presaves": presaves,
            "playlist_adds_week1": playlists,
            "press_mentions": press,
            "tiktok_uses": tiktok,
            "marketing_budget_eur": budget,
        }
        if not upcoming:
            streams = int(
                presaves * npr.uniform(20, 60)
                + playlists * 3000
                + tiktok * 40
                + npr.normal(0, 8000)
            )
            streams = max(streams, 800)
            row["first_month_streams"] = streams
            row["broke_even"] = "yes" if streams * 0.004 * 10 > budget * 0.9 else "no"
            row["charted"] = "yes" if streams > 90000 and rng.random() < 0.7 else "no"
        return row

    pd.DataFrame([release(i, False) for i in range(240)]).to_csv(out / "releases.csv", index=False)
    pd.DataFrame([release(i, True) for i in range(18)]).to_csv(
        out / "releases_upcoming.csv", index=False
    )

    tracks = [
        (
            f"TR-{t}",
            f"{pick(rng, ['Glass', 'Paper', 'Summer', 'Night', 'Static', 'Harbour'])} {pick(rng, ['Lungs', 'Bus', 'Tides', 'Saints', 'Radio', 'Weather'])}",
            pick(rng, ARTISTS),
        )
        for t in range(1, 15)
    ]
    streams = []
    for d in range(50):
        day = (date(2024, 3, 1) + timedelta(days=d)).isoformat()
        for tid, name, artist in tracks:
            listeners = int(npr.gamma(3.0, 600))
            plays = int(listeners * npr.uniform(1.3, 2.1))
            streams.append(
                {
                    "day": day,
                    "track_id": tid,
                    "track_title": name,
                    "artist": artist,
                    "top_country": rng.choices(
                        ["GB", "DE", "US", "NL", "PT", "SE"], [5, 2, 2, 1, 1, 1]
                    )[0],
                    "streams": plays,
                    "listeners": listeners,
                    "saves": int(listeners * npr.uniform(0.03, 0.09)),
                    "skip_rate_pct": round(float(np.clip(npr.normal(28, 6), 5, 60)), 1),
                    "avg_listen_sec": int(npr.normal(142, 20)),
                }
            )
    for idx in (55, 190, 333, 402, 578, 611):
        streams[idx].update(
            {
                "streams": streams[idx]["streams"] * 40,
                "listeners": 31,
                "saves": 0,
                "skip_rate_pct": 0.0,
                "avg_listen_sec": 31,
            }
        )
    streams[250].update({"avg_listen_sec": 2400})
    streams[470].update({"skip_rate_pct": 97.0, "streams": 12})
    pd.DataFrame(streams).to_csv(out / "daily_streams.csv", index=False)

    mail = []
    for i in range(300):
        cls = rng.choices(list(MAIL_PARTS), [5, 2, 3, 2])[0]
        mail.append(
            {
                "mail_id": f"FM{3001 + i}",
                "received": days(date(2024, 1, 2), rng, 200),
                "artist": pick(rng, ARTISTS),
                "message": compose(rng, MAIL_PARTS, cls, MAIL_FILLER),
                "mail_type": cls if rng.random() < 0.15 else "",
            }
        )
    pd.DataFrame(mail).to_csv(out / "fan_mail.csv", index=False)
    rules = [
        {
            "name": "love_it",
            "label": "praise",
            "kind": "keyword",
            "column": "message",
            "keywords": ["love", "amazing", "best gig", "on repeat", "thank you"],
        },
        {
            "name": "wants_to_book",
            "label": "booking",
            "kind": "regex",
            "column": "message",
            "pattern": r"\b(book|booking|festival slot|rates)\b",
            "ignore_case": True,
        },
        {
            "name": "sent_demo",
            "label": "demo",
            "kind": "keyword",
            "column": "message",
            "keywords": ["demo", "soundcloud", "producer"],
        },
        {
            "name": "order_problem",
            "label": "complaint",
            "kind": "keyword",
            "column": "message",
            "keywords": ["refund", "warped", "does not work", "nothing has shipped", "wrong size"],
        },
    ]
    (out / "fanmail_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")


# ----- documents -------------------------------------------------------------------------------

DOCS = {
    "docs/collection_policy.md": """# Household waste collection policy

## Collection days

Each property is on a fortnightly cycle. The general waste bin is collected in week A and the
recycling bin is collected in week B. Food caddies are emptied every week. Garden waste is a
paid subscription service that runs from March to November.

A missed collection is a bin that was presented correctly but not emptied on the scheduled day.
If a bin is reported as missed within two working days, the crew returns within 48 hours.
When a bin was not presented by 7am, it is not treated as a missed collection.

## Presenting bins

Bins must be left at the kerbside with the lid closed. Side waste is extra rubbish left beside
the bin, and it is not collected. If the lid does not close, the crew may leave the bin unemptied
and put a tag on the handle.

## Assisted collections

An assisted collection is a service for residents who cannot move their bins because of age,
disability or illness. The crew collects the bin from the property and returns it afterwards.
Applications are reviewed every two years.

## Damaged and replacement bins

A replacement bin is free when the damage was caused by the collection vehicle. Residents pay
a delivery charge of 25 pounds when a bin is lost or stolen. Damaged bins are replaced within
ten working days.

## Complaints

Complaints are answered within 10 working days. A complaint is escalated to the operations
manager when it concerns staff conduct or when the same address reports three missed
collections in eight weeks.
""",
    "docs/dance_school_handbook.md": """# Studio handbook for families

## Terms and fees

The school year has three terms of twelve weeks. Termly fees are paid before the first class
of term. Monthly plans are paid by direct debit on the first day of each month. Pay-as-you-go
is a drop-in rate for adult classes only.

If a payment is more than fourteen days late, the place is released to the waiting list.
A sibling discount of 10 percent applies to the second child and every child after that.

## Attendance

Students are expected to attend at least 80 percent of classes to be entered for exams. When a
student misses three classes in a row, the teacher contacts the family. Make-up classes are
offered within the same term.

## Grades and exams

Exams are held in June. A student moves up a level when the teacher recommends it after
assessment week. The showcase is the end-of-year performance at the town theatre, and every
student in a performance class takes part.

## Uniform and studio rules

Ballet students wear a black leotard and pink tights. Hair must be tied back for every class.
Food and drink other than water are not allowed in the studios.

## Leaving the school

Families must give one full month of notice in writing. Fees already paid for the term are not
refunded, because places are held for the whole term.
""",
    "docs/rider_safety_manual.md": """# Rider safety and battery manual

## Before every shift

Every rider checks the brakes, the tyres and the battery level before leaving the hub. A bike
with less than 30 percent charge must not start a delivery longer than 6 km. The pre-ride check
takes about five minutes.

## Battery care

A battery pack is a lithium-ion unit of 13 cells in series. Packs are charged only at the hub
charging wall, never at home. If a pack gets hotter than 60 degrees, the rider stops, switches
the bike off and calls the workshop. A swollen pack is a safety hazard and is taken out of
service immediately.

Battery capacity falls as the charge cycles go up. A pack is replaced when its capacity drops
below 70 percent of the original.

## Brakes and tyres

Brake pads are replaced every 1,500 km or sooner in wet months. Tyres are inflated to 3.5 bar.
When a rider reports three punctures in a month, the wheel is rebuilt with puncture-resistant
tyres.

## Late deliveries

A delivery counts as late when it arrives more than 15 minutes after the promised slot. Riders
report delays in the app, because customers are then told automatically. Rain does not excuse a
late delivery, but the route planner adds ten minutes per order when heavy rain is forecast.

## Reporting faults

Faults are reported through the app with a short note. The workshop answers within one shift.
A bike with a brake fault is locked out of the booking system until it is repaired.
""",
    "docs/artist_faq.md": """# Artist FAQ

## Royalties

Net receipts are the money the label receives from streaming services and sales, minus
distribution fees. Artists receive 50 percent of net receipts once the release has recouped its
costs. Royalty statements are sent twice a year, in March and September.

## Recoupment

A release is recouped when its share of net receipts has paid back the recording and
marketing budget. If a release does not recoup within three years, the remaining balance is
written off and never charged to the artist.

## Release planning

Singles are delivered eight weeks before release day. Pre-saves are collected from the
announcement onward, because playlist editors look at them. An album campaign usually has three
singles before the album itself.

## Demos

The label listens to every demo sent through the website form. Demos sent by email attachment
are not opened. A reply is sent within six weeks when the label wants to hear more.

## Merchandise

Merch is printed on demand and ships within ten days. Artists receive 30 percent of merch
profit.
""",
    "notes/press_release_spring.txt": """Spring releases from the label

Moth Parade return on 12 April with their second album, recorded in a converted chapel in
Yorkshire over three weeks. The album has eleven tracks and was produced by the band's drummer.

June Lakes release a four-track EP in May. The EP is a collection of songs written on tour,
and the lead single has already been added to several editorial playlists.

Static Orchard play a run of eight UK dates in June. Tickets go on sale on Friday at 10am,
and every show is an all-ages show.

The label's spring sampler is a free cassette given with every order over 30 pounds while
stocks last.
""",
}


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    npr = np.random.default_rng(SEED)
    waste(out, rng, npr)
    dance(out, rng, npr)
    couriers(out, rng, npr)
    label_records(out, rng, npr)
    for name, text in DOCS.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
