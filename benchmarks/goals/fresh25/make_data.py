"""Write fresh25's data files into the folder given as the only argument.

Invented, deterministic (fixed seeds), offline, small. Four groups of people:
a fishing co-operative, a community radio station, a municipal swimming pool and a
bicycle repair chain.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def fishing(out: Path, rng: np.random.Generator) -> None:
    species = pd.DataFrame(
        {
            "species": [
                "cod",
                "haddock",
                "mackerel",
                "herring",
                "plaice",
                "sole",
                "hake",
                "pollock",
            ],
            "family": [
                "gadidae",
                "gadidae",
                "scombridae",
                "clupeidae",
                "pleuronectidae",
                "soleidae",
                "merlucciidae",
                "gadidae",
            ],
            "min_size_cm": [35, 30, 20, 20, 27, 24, 27, 30],
            "quota_kg_per_month": [9000, 7000, 20000, 25000, 5000, 2500, 6000, 8000],
            "price_eur_kg": [6.2, 5.1, 2.0, 1.4, 4.8, 14.5, 5.9, 3.7],
        }
    )
    species.to_csv(out / "species.csv", index=False)
    boats = ["Maria Helena", "Stella Maris", "Nordlys", "Bonne Chance", "Kittiwake", "Sea Urchin"]
    gears = ["trawl", "gillnet", "longline", "handline"]
    n = 640
    sp = rng.choice(species["species"], n, p=[0.18, 0.14, 0.2, 0.16, 0.1, 0.05, 0.09, 0.08])
    days_on_ice = rng.integers(0, 6, n)
    temp = np.round(rng.normal(1.5, 1.2, n) + days_on_ice * 0.4, 1)
    length = np.round(rng.normal(40, 9, n), 1)
    gill = rng.choice(
        ["bright red", "red", "pinkish", "brown", "grey"], n, p=[0.3, 0.3, 0.2, 0.12, 0.08]
    )
    score = (
        days_on_ice * 1.0
        + temp * 0.6
        + (gill == "brown") * 2
        + (gill == "grey") * 3
        - (gill == "bright red") * 1
        + rng.normal(0, 0.8, n)
    )
    grade = np.where(score < 1.8, "A", np.where(score < 4.2, "B", "C"))
    df = pd.DataFrame(
        {
            "trip_id": [f"T{24000 + i}" for i in range(n)],
            "boat": rng.choice(boats, n),
            "landed": pd.date_range("2024-03-01", periods=n, freq="7h").strftime("%Y-%m-%d"),
            "species": sp,
            "gear": rng.choice(gears, n),
            "weight_kg": np.round(rng.gamma(2.0, 90, n), 1),
            "avg_length_cm": length,
            "days_on_ice": days_on_ice,
            "core_temp_c": temp,
            "gill_colour": gill,
            "quality_grade": grade,
        }
    )
    hidden = rng.random(n) > 0.15
    df.loc[hidden, "quality_grade"] = ""
    df.iloc[:560].to_csv(out / "catch_records.csv", index=False)
    new = df.iloc[560:].drop(columns=["quality_grade"])
    new.to_csv(out / "new_landings.csv", index=False)
    hand = pd.DataFrame({"trip_id": df["trip_id"], "grade": grade})
    hand.iloc[rng.choice(560, 90, replace=False)].sort_values("trip_id").to_csv(
        out / "grading_by_inspector.csv", index=False
    )
    notes = [
        "nets torn on wreck, lost two hours",
        "good haul near the bank",
        "engine overheating again",
        "fog all morning, came back early",
        "sold part of catch at sea to buyer",
        "all normal",
        "crew member sick, short handed",
        "ice machine broke, catch kept on slurry",
        "bycatch of dogfish released",
        "fuel pump making noise",
    ]
    logs = []
    for i in range(180):
        fuel = float(np.round(rng.normal(420, 60), 0))
        hours = float(np.round(rng.normal(11, 2), 1))
        if i in (17, 66, 131):
            fuel = fuel * 3.1
        if i in (44, 150):
            hours = 41.0
        logs.append(
            {
                "log_id": i + 1,
                "boat": str(rng.choice(boats)),
                "date": str(pd.Timestamp("2024-03-01") + pd.Timedelta(days=int(i // 2))).split()[0],
                "engine_hours": hours,
                "fuel_litres": fuel,
                "crew": int(rng.integers(2, 7)),
                "note": str(rng.choice(notes)),
            }
        )
    with (out / "boat_logs.jsonl").open("w", encoding="utf-8") as fh:
        for row in logs:
            fh.write(json.dumps(row) + "\n")


def radio(out: Path, rng: np.random.Generator) -> None:
    texts = {
        "request": [
            "can you play {song} please",
            "please play something by {artist} tonight",
            "requesting {song} for my mum's birthday",
            "any chance of hearing {artist} on the morning show",
            "pls play {song} again, loved it",
        ],
        "complaint": [
            "the signal keeps dropping in {town}",
            "too many adverts during the jazz hour",
            "presenter talked over the whole song, annoying",
            "volume was way too low yesterday",
            "why was the {show} cancelled without notice",
        ],
        "shoutout": [
            "big shout out to the {town} football team",
            "hello to everyone at the {town} care home",
            "greetings to my nan listening in {town}",
            "shout out to the night shift at the bakery",
            "congrats to Sam and Priya on the wedding",
        ],
        "question": [
            "how can I volunteer at the station",
            "what time does {show} start on sunday",
            "is the {show} repeated anywhere online",
            "do you accept demo tapes from local bands",
            "where can I find the podcast of {show}",
        ],
        "spam": [
            "WIN a free phone click here now",
            "cheap followers for your page visit our site",
            "crypto investment guaranteed returns dm me",
            "you have been selected for a prize claim",
            "best loans no credit check call now",
        ],
    }
    fill = {
        "song": ["Dancing Queen", "Hey Jude", "Wonderwall", "Jolene", "Africa"],
        "artist": ["Fleetwood Mac", "Nina Simone", "the Beatles", "Bob Marley", "ABBA"],
        "town": ["Eastbridge", "Millford", "Harrow Hill", "Southport", "Kelby"],
        "show": ["Breakfast Club", "Jazz Hour", "Folk Roots", "Sunday Soul", "Late Night Talk"],
    }
    cats = list(texts)
    n = 520
    rows = []
    for i in range(n):
        cat = str(rng.choice(cats, p=[0.32, 0.18, 0.2, 0.18, 0.12]))
        t = str(rng.choice(texts[cat]))
        for key, values in fill.items():
            t = t.replace("{" + key + "}", str(rng.choice(values)))
        if rng.random() < 0.25:
            t = (
                t
                + " "
                + str(rng.choice(["thanks!", "x", "from a long time listener", ":)", "cheers"]))
            )
        rows.append(
            {
                "msg_id": 5000 + i,
                "received": str(pd.Timestamp("2024-05-01") + pd.Timedelta(hours=int(i * 3))),
                "channel": str(rng.choice(["sms", "email", "whatsapp", "web form"])),
                "message": t,
                "category": cat,
            }
        )
    df = pd.DataFrame(rows)
    gold = df[["msg_id", "category"]].sample(70, random_state=3).sort_values("msg_id")
    gold.to_csv(out / "messages_sorted_by_hand.csv", index=False)
    df.iloc[:440].assign(category="").to_csv(out / "listener_messages.csv", index=False)
    df.iloc[440:].to_csv(out / "messages_test.csv", index=False)
    sched = pd.DataFrame(
        {
            "show": [
                "Breakfast Club",
                "Jazz Hour",
                "Folk Roots",
                "Sunday Soul",
                "Late Night Talk",
                "Kids Corner",
                "Local News",
                "Metal Mayhem",
                "Classical Morning",
                "Reggae Roots",
            ],
            "host": [
                "Dee",
                "Marcus",
                "Aoife",
                "Lena",
                "Tomasz",
                "Ravi",
                "Helen",
                "Gaz",
                "Ingrid",
                "Kofi",
            ],
            "day": ["Mon-Fri", "Wed", "Thu", "Sun", "Fri", "Sat", "Mon-Fri", "Sat", "Sun", "Tue"],
            "start": [
                "07:00",
                "20:00",
                "19:00",
                "14:00",
                "23:00",
                "09:00",
                "12:00",
                "22:00",
                "08:00",
                "21:00",
            ],
            "minutes": [180, 60, 90, 120, 120, 60, 30, 120, 120, 90],
            "genre": [
                "talk",
                "jazz",
                "folk",
                "soul",
                "talk",
                "kids",
                "news",
                "metal",
                "classical",
                "reggae",
            ],
            "avg_listeners": [2300, 640, 410, 880, 350, 520, 1900, 300, 700, 450],
        }
    )
    sched.to_csv(out / "show_schedule.csv", index=False)


HANDBOOK = """# Eastbridge Community Radio: volunteer handbook

## Welcome

Eastbridge Community Radio is a not-for-profit station run almost entirely by volunteers. The
station broadcasts on 97.4 FM and streams online twenty-four hours a day. Every volunteer is
expected to complete the induction before presenting or producing a show.

## Induction

The induction is a three-hour session held on the first Saturday of each month. It covers studio
safety, the broadcasting code, and how to use the mixing desk. A volunteer who misses the
induction cannot book studio time. New presenters shadow an experienced host for at least two
shows before going live on their own.

## Studio bookings

Studio A is the live studio and Studio B is the production studio. Bookings are made through the
shared calendar at least forty-eight hours in advance. If a booking is not used, the volunteer
must cancel it so another show can use the room. Food and drink are not allowed near the desk
because spills have damaged equipment in the past.

## On air

Presenters must play the station ident at the top of every hour. Swearing before 21:00 is not
permitted under the broadcasting code. When a listener message is read on air, the presenter
should use first names only. If a caller becomes abusive, the presenter fades the line and plays
a pre-recorded track.

## Music and licences

The station holds a licence that covers most commercial music. Tracks must be logged in the
playout system so royalties are reported correctly. Unlicensed material, such as recordings
from a live gig without the band's permission, is not allowed on air.

## Complaints and listener messages

Listener complaints are answered by the station manager within seven days. Requests and
shout-outs are passed to the presenter of the relevant show. Spam messages are deleted without a
reply. Questions about volunteering are forwarded to the volunteer coordinator.

## Leaving the station

A volunteer who wishes to leave should give two weeks' notice so their show can be covered. Keys
and studio passes are returned to the station manager on the last day.
"""

GUIDE = """# Spokes & Sprockets repair guide

## Intake

Every bike that comes in gets a ticket. The mechanic writes what the customer says in the
description field and checks the bike on the stand before quoting. A quote above 80 euros needs
the customer's approval by phone or text before work starts.

## Brakes

Rim brakes are adjusted when the lever pulls more than halfway to the bar. Worn pads are replaced
when the groove is gone. Hydraulic disc brakes are bled when the lever feels spongy; a bleed takes
about forty minutes. Contaminated disc pads cannot be cleaned and must be replaced together with
a cleaned rotor.

## Drivetrain

A chain is replaced when the checker shows 0.75 percent wear on eleven-speed and above, or 1.0
percent on older drivetrains. A worn chain left too long wears the cassette and chainrings, so the
repair then costs three times as much. Skipping gears under load usually means a worn cassette or
a stretched chain. Indexing is adjusted with the barrel adjuster before any part is replaced.

## Wheels and tyres

A puncture repair includes a check of the tyre for glass and thorns. Tubeless tyres are topped up
with sealant every three months. A wheel is trued when the rim moves more than one millimetre at
the brake track. Broken spokes on the drive side need the cassette removed.

## Electric bikes

E-bike tickets go to a certified mechanic only. Battery faults are diagnosed with the
manufacturer's software before any part is ordered. A battery that has been dropped is never
charged in the shop; it is sent back to the supplier in a fire-safe bag.

## Parts and stock

Every part used is logged against the ticket in the parts sheet. When stock of a part falls below
five, the shop lead orders more on Monday. Customers may bring their own parts, but the shop does
not guarantee the work then.
"""


def pool(out: Path, rng: np.random.Generator) -> None:
    n = 900
    hour = rng.integers(6, 22, n)
    ticket = rng.choice(["adult", "child", "senior", "family", "season pass", "school"], n)
    visits = pd.DataFrame(
        {
            "visit_id": np.arange(1, n + 1),
            "date": pd.date_range("2024-06-01", periods=n, freq="2h").strftime("%Y-%m-%d"),
            "entry_hour": hour,
            "ticket_type": ticket,
            "age_group": rng.choice(["under 12", "12-17", "18-39", "40-64", "65+"], n),
            "area": rng.choice(["main pool", "learner pool", "lanes", "sauna", "slide"], n),
            "minutes_stayed": np.clip(np.round(rng.normal(75, 25, n)), 10, 240).astype(int),
            "paid_eur": np.round(rng.choice([4.5, 2.5, 3.0, 11.0, 0.0, 1.5], n), 2),
            "returned_within_30d": rng.choice(["yes", "no"], n, p=[0.45, 0.55]),
        }
    )
    visits.to_csv(out / "pool_visits.csv", index=False)
    m = 1200
    ts = pd.date_range("2024-07-01", periods=m, freq="20min")
    ph = np.round(rng.normal(7.4, 0.1, m), 2)
    cl = np.round(rng.normal(1.5, 0.2, m), 2)
    temp = np.round(rng.normal(27.5, 0.4, m), 1)
    turb = np.round(rng.gamma(2, 0.1, m), 2)
    faults = rng.choice(m, 30, replace=False)
    ph[faults[:10]] = np.round(rng.uniform(5.5, 6.4, 10), 2)
    cl[faults[10:20]] = np.round(rng.uniform(0.0, 0.2, 10), 2)
    temp[faults[20:]] = np.round(rng.uniform(35, 45, 10), 1)
    status = np.array(["ok"] * m, dtype=object)
    status[faults] = "fault"
    status[rng.random(m) > 0.3] = ""
    sensors = pd.DataFrame(
        {
            "reading_id": np.arange(1, m + 1),
            "timestamp": ts.astype(str),
            "sensor": rng.choice(["S1-main", "S2-learner", "S3-lanes"], m),
            "ph": ph,
            "chlorine_mg_l": cl,
            "water_temp_c": temp,
            "turbidity_ntu": turb,
            "status": status,
        }
    )
    sensors.to_csv(out / "water_sensors.csv", index=False)
    kinds = {
        "minor": [
            "child slipped on wet tiles near the showers, small graze, plaster given",
            "swimmer got cramp in lane 3, helped out, fine after rest",
            "lost locker key, spare issued",
            "small cut on foot from broken tile edge, cleaned",
            "kid bumped head on slide exit, ice pack, parents informed",
        ],
        "moderate": [
            "adult fainted in sauna, recovered with water, advised to see doctor",
            "allergic reaction to chlorine suspected, rash on arms, left early",
            "two teenagers fighting on the deck, separated, banned for a week",
            "swimmer hit head on wall during turn, dizzy, first aider called",
            "chemical smell near plant room, area closed for 30 minutes",
        ],
        "serious": [
            "non swimmer pulled from deep end unconscious, CPR given, ambulance called",
            "suspected spinal injury after dive in shallow end, ambulance",
            "chlorine gas leak alarm, building evacuated, fire brigade attended",
            "child missing for 20 minutes, found in car park, police informed",
            "heart attack in the lanes, defibrillator used, taken to hospital",
        ],
    }
    with (out / "incident_reports.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(260):
            sev = str(rng.choice(list(kinds), p=[0.6, 0.3, 0.1]))
            text = str(rng.choice(kinds[sev]))
            if rng.random() < 0.3:
                text += str(
                    rng.choice(
                        [". lifeguard on duty: Jo", ". reported by reception", ". CCTV checked"]
                    )
                )
            row = {
                "report_id": f"IR-{1000 + i}",
                "date": str(pd.Timestamp("2024-05-01") + pd.Timedelta(days=int(i // 2))).split()[0],
                "area": str(
                    rng.choice(
                        [
                            "main pool",
                            "learner pool",
                            "sauna",
                            "changing rooms",
                            "deck",
                            "plant room",
                        ]
                    )
                ),
                "report": text,
                "severity": sev if rng.random() < 0.3 else None,
            }
            fh.write(json.dumps(row) + "\n")


def bikes(out: Path, rng: np.random.Generator) -> None:
    desc = {
        "brakes": [
            "brakes squeal and dont stop well",
            "front brake lever spongy goes to the bar",
            "rear disc rubbing, pads worn down",
            "brake cable snapped",
            "v brakes need new pads",
        ],
        "drivetrain": [
            "chain skips under load on hills",
            "gears wont shift to big cog",
            "chain keeps falling off front ring",
            "clicking noise from crank when pedalling",
            "cassette worn, chain stretched",
        ],
        "wheel": [
            "back wheel wobbles, rim rubbing",
            "broken spoke on rear wheel",
            "front hub has play, bearings gritty",
            "wheel buckled after crash",
            "rim cracked near valve",
        ],
        "puncture": [
            "flat tyre again, slow leak",
            "puncture, glass in tyre",
            "tube burst overnight",
            "tubeless losing air, needs sealant",
            "flat front tyre, valve broken",
        ],
        "electrical": [
            "ebike battery not charging",
            "display shows error 21",
            "motor cuts out on hills",
            "lights dont work, wiring loose",
            "battery drains in 10 km",
        ],
    }
    cats = list(desc)
    n = 700
    rows = []
    for i in range(n):
        cat = str(rng.choice(cats, p=[0.25, 0.27, 0.16, 0.22, 0.10]))
        text = str(rng.choice(desc[cat]))
        if rng.random() < 0.35:
            text += str(
                rng.choice(
                    [
                        ", customer in a hurry",
                        ", bought it second hand",
                        ", also wants a wash",
                        ", commuter bike",
                        ", kids bike",
                    ]
                )
            )
        btype = (
            "e-bike"
            if cat == "electrical" or rng.random() < 0.1
            else str(rng.choice(["road", "mtb", "city", "kids", "gravel"]))
        )
        labour = {"brakes": 35, "drivetrain": 50, "wheel": 45, "puncture": 15, "electrical": 70}[
            cat
        ]
        rows.append(
            {
                "ticket_id": f"R{30000 + i}",
                "shop": str(rng.choice(["Centre", "Northside", "Harbour", "Uni Campus"])),
                "opened": str(pd.Timestamp("2024-02-01") + pd.Timedelta(hours=int(i * 5))).split()[
                    0
                ],
                "bike_type": btype,
                "description": text,
                "labour_min": int(max(5, rng.normal(labour, 12))),
                "parts_cost_eur": float(np.round(max(0, rng.normal(labour * 0.6, 10)), 2)),
                "repair_type": cat,
            }
        )
    df = pd.DataFrame(rows)
    train = df.iloc[:520].copy()
    keep = rng.random(520) < 0.2
    train.loc[~keep, "repair_type"] = ""
    train.to_csv(out / "repair_tickets.csv", index=False)
    df.iloc[520:640].to_csv(out / "repair_tickets_test.csv", index=False)
    df.iloc[640:].drop(columns=["repair_type"]).to_csv(out / "tickets_this_week.csv", index=False)
    parts = [
        "chain",
        "cassette",
        "brake pads",
        "inner tube",
        "tyre",
        "spoke",
        "brake cable",
        "battery",
        "sealant",
        "bearings",
        "gear cable",
        "rotor",
    ]
    pu = pd.DataFrame(
        {
            "ticket_id": rng.choice(df["ticket_id"].iloc[:640], 950),
            "part": rng.choice(parts, 950),
            "qty": rng.integers(1, 4, 950),
            "unit_cost_eur": np.round(rng.uniform(3, 60, 950), 2),
            "shop": rng.choice(["Centre", "Northside", "Harbour", "Uni Campus"], 950),
        }
    )
    pu.loc[rng.choice(950, 6, replace=False), "qty"] = [40, 55, 60, 38, 75, 50]
    pu.to_csv(out / "parts_usage.csv", index=False)
    lfs = [
        {
            "name": "brake_words",
            "label": "brakes",
            "kind": "keyword",
            "column": "description",
            "keywords": ["brake", "brakes", "pads", "squeal"],
        },
        {
            "name": "chain_words",
            "label": "drivetrain",
            "kind": "keyword",
            "column": "description",
            "keywords": ["chain", "gears", "cassette", "crank"],
        },
        {
            "name": "wheel_words",
            "label": "wheel",
            "kind": "keyword",
            "column": "description",
            "keywords": ["wobbles", "spoke", "hub", "buckled", "rim"],
        },
        {
            "name": "flat_words",
            "label": "puncture",
            "kind": "keyword",
            "column": "description",
            "keywords": ["flat", "puncture", "tube", "sealant"],
        },
        {
            "name": "ebike",
            "label": "electrical",
            "kind": "category",
            "column": "bike_type",
            "values": ["e-bike"],
        },
    ]
    (out / "repair_rules.json").write_text(json.dumps(lfs, indent=2), encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    rng = np.random.default_rng(25)
    fishing(out, rng)
    radio(out, rng)
    pool(out, rng)
    bikes(out, rng)
    (out / "docs" / "volunteer_handbook.md").write_text(HANDBOOK, encoding="utf-8")
    (out / "docs" / "repair_guide.md").write_text(GUIDE, encoding="utf-8")


if __name__ == "__main__":
    main()
