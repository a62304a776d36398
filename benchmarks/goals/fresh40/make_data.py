"""Write the fresh40 corpus's files: a lift maintenance firm, a seed bank, a chess club and a
student-housing office. Deterministic (fixed seed), offline, small.

Run: python make_data.py DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 40


def _sentence(rng: np.random.Generator, parts: list[list[str]]) -> str:
    """One free-text note: a phrase picked from each list, joined."""
    return " ".join(str(rng.choice(p)) for p in parts if p).strip()


def _blank_some(values: pd.Series, rng: np.random.Generator, keep: float) -> pd.Series:
    """Keep about `keep` of the values, blank the rest (partly filled label column)."""
    mask = rng.random(len(values)) < keep
    return values.where(mask, "")


def _write(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


# ---------------------------------------------------------------- lifts (Liftwise Services)

FAULT_TEXT = {
    "doors": [
        ["landing door", "car door", "door operator", "door on 3rd floor", "doors"],
        [
            "not closing fully",
            "reopening repeatedly",
            "safety edge kept tripping",
            "door lock contact dirty",
            "track full of grit",
            "slow to close, gibs worn",
        ],
        ["cleaned track and adjusted", "replaced gib", "adjusted door lock", "relubed hangers", ""],
    ],
    "drive": [
        ["motor", "gearbox", "drive unit", "brake", "traction sheave"],
        [
            "running hot and noisy",
            "grinding on start",
            "brake slow to lift",
            "rope slipping on sheave",
            "VFD overcurrent trip",
            "oil leak at gearbox seal",
        ],
        [
            "topped oil, monitor",
            "ordered new brake pads",
            "reset inverter",
            "needs re-rope quote",
            "",
        ],
    ],
    "controller": [
        ["controller", "control panel", "PCB", "landing call buttons", "fault log"],
        [
            "showing error E42 after power dip",
            "board relay chattering",
            "lift parked itself out of service",
            "call buttons not registering",
            "firmware lost after outage",
            "intermittent comms fault",
        ],
        [
            "rebooted and cleared log",
            "swapped relay board",
            "reflashed firmware",
            "call back if again",
            "",
        ],
    ],
    "levelling": [
        ["car", "lift", "car at ground floor", "car at basement"],
        [
            "stopping 3cm proud of floor",
            "trip hazard at landing, mis-levelling",
            "stops short of the floor",
            "re-levelling bounce",
            "levelling vane loose",
            "floor sensor out of line",
        ],
        [
            "adjusted levelling vane",
            "recalibrated encoder",
            "told building manager trip hazard",
            "",
        ],
    ],
    "no_fault": [
        ["attended", "on site", "called out by caretaker", "concierge reported"],
        [
            "lift working on arrival",
            "no fault found, tested ok",
            "misuse, someone held doors with trolley",
            "power had been switched off by cleaner",
            "alarm pressed by kids",
            "ran 20 test trips, all normal",
        ],
        ["no action", "advised client", "left running", ""],
    ],
}


def lifts(out: Path, rng: np.random.Generator) -> None:
    n = 520
    classes = list(FAULT_TEXT)
    probs = [0.3, 0.2, 0.18, 0.14, 0.18]
    fault = rng.choice(classes, size=n, p=probs)
    notes = [_sentence(rng, FAULT_TEXT[f]) for f in fault]
    # a little cross-talk: some notes mention a second thing
    for i in rng.choice(n, 40, replace=False):
        other = classes[(classes.index(fault[i]) + 1) % len(classes)]
        notes[i] += " also checked " + str(rng.choice(FAULT_TEXT[other][0]))
    building = rng.choice(
        ["office", "residential block", "hospital", "retail", "car park"],
        n,
        p=[0.3, 0.35, 0.1, 0.15, 0.1],
    )
    age = rng.gamma(4, 4, n).round(1)
    entrap = np.where(
        (fault == "doors") | (fault == "controller"), rng.random(n) < 0.3, rng.random(n) < 0.06
    )
    callouts = pd.DataFrame(
        {
            "callout_ref": [f"CO-{24000 + i}" for i in range(n)],
            "site_code": [f"S{rng.integers(100, 190)}" for _ in range(n)],
            "building_type": building,
            "lift_make": rng.choice(["Kone", "Otis", "Schindler", "Stannah", "ThyssenKrupp"], n),
            "lift_age_yrs": age,
            "floors_served": rng.integers(2, 22, n),
            "hrs_to_attend": rng.gamma(2, 1.6, n).round(1),
            "engineer_notes": notes,
            "fault_area": _blank_some(pd.Series(fault), rng, 0.12),
            "passenger_trapped": np.where(entrap, "Y", "N"),
            "return_visit_30d": np.where(rng.random(n) < 0.15 + 0.02 * (age > 20), "Y", "N"),
        }
    )
    _write(callouts, out / "callouts_2024.csv")
    gold_idx = rng.choice(np.flatnonzero(callouts["fault_area"] == ""), 70, replace=False)
    gold = pd.DataFrame({"callout_ref": callouts["callout_ref"][gold_idx], "area": fault[gold_idx]})
    _write(gold, out / "fault_handlabels.csv")
    rules = [
        {
            "name": "door_words",
            "label": "doors",
            "kind": "keyword",
            "column": "engineer_notes",
            "keywords": ["door", "doors", "gib", "safety edge", "door lock"],
        },
        {
            "name": "drive_words",
            "label": "drive",
            "kind": "keyword",
            "column": "engineer_notes",
            "keywords": ["motor", "gearbox", "brake", "sheave", "VFD", "rope"],
        },
        {
            "name": "controller_words",
            "label": "controller",
            "kind": "regex",
            "column": "engineer_notes",
            "pattern": r"\b(E\d{2}|PCB|firmware|relay|controller)\b",
            "ignore_case": True,
        },
        {
            "name": "level_words",
            "label": "levelling",
            "kind": "keyword",
            "column": "engineer_notes",
            "keywords": ["levelling", "proud", "trip hazard", "stops short"],
        },
        {
            "name": "nff",
            "label": "no_fault",
            "kind": "keyword",
            "column": "engineer_notes",
            "keywords": ["no fault found", "working on arrival", "misuse", "tested ok"],
        },
    ]
    (out / "fault_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")

    # condition-monitoring table: will the lift break down in the next quarter?
    m = 900
    age = rng.gamma(4, 4, m).round(1)
    trips = rng.integers(80, 1400, m)
    vib = (rng.gamma(2, 0.6, m) + 0.02 * age).round(2)
    temp = (rng.normal(48, 6, m) + 0.004 * trips).round(1)
    since = rng.integers(5, 200, m)
    door_k = (trips * rng.uniform(0.8, 1.3, m) / 10).round(1)
    z = -4.2 + 0.06 * age + 0.9 * vib + 0.05 * (temp - 48) + 0.008 * since + rng.normal(0, 0.6, m)
    breakdown = np.where(1 / (1 + np.exp(-z)) > rng.random(m), "yes", "no")
    contract = rng.choice(["comprehensive", "semi-comp", "PAYG"], m, p=[0.5, 0.3, 0.2])
    units = pd.DataFrame(
        {
            "lift_id": [f"L{3000 + i}" for i in range(m)],
            "contract_type": contract,
            "drive_type": rng.choice(["traction", "hydraulic", "MRL"], m, p=[0.5, 0.25, 0.25]),
            "lift_age_yrs": age,
            "trips_per_day": trips,
            "door_cycles_k": door_k,
            "vibration_mm_s": vib,
            "motor_temp_c": temp,
            "days_since_service": since,
            "callouts_last_yr": rng.poisson(1 + 0.05 * age, m),
            "breakdown_next_qtr": breakdown,
            "modernisation_quoted": np.where(age + rng.normal(0, 5, m) > 22, "yes", "no"),
        }
    )
    _write(units.iloc[:600], out / "lift_condition_train.csv")
    _write(units.iloc[600:800], out / "lift_condition_test.csv")
    _write(
        units.iloc[800:].drop(columns=["breakdown_next_qtr", "modernisation_quoted"]),
        out / "lift_condition_q3.csv",
    )

    # telemetry with odd rows
    k = 400
    tele = pd.DataFrame(
        {
            "reading_id": np.arange(1, k + 1),
            "lift_id": rng.choice(units["lift_id"][:60], k),
            "car_speed_ms": rng.normal(1.6, 0.05, k).round(2),
            "door_close_s": rng.normal(3.2, 0.3, k).round(2),
            "motor_current_a": rng.normal(22, 2, k).round(1),
            "shaft_temp_c": rng.normal(24, 2.5, k).round(1),
            "load_kg": rng.integers(0, 900, k),
        }
    )
    odd = rng.choice(k, 8, replace=False)
    tele.loc[odd[:3], "car_speed_ms"] = [2.9, 0.2, 3.4]
    tele.loc[odd[3:5], "door_close_s"] = [14.5, 0.4]
    tele.loc[odd[5:7], "motor_current_a"] = [71.0, 66.5]
    tele.loc[odd[7], ["shaft_temp_c", "load_kg"]] = [61.0, 1450]
    _write(tele, out / "telemetry_june.csv")

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "lift_service_manual.md").write_text(LIFT_MANUAL, encoding="utf-8")
    (docs / "entrapment_procedure.txt").write_text(ENTRAPMENT, encoding="utf-8")


LIFT_MANUAL = """# Liftwise Services: engineer's service manual

## Routine service visit

Every lift on a comprehensive or semi-comprehensive contract gets a routine service visit every
eight weeks, or every four weeks for hospitals and any lift making more than 1,000 trips a day.
The engineer signs in with the site contact, puts the lift on inspection control and fixes the
"lift under maintenance" barrier at the main landing before opening any landing door.

A routine visit covers the door equipment on every landing, the car top, the pit, the machine
room or machine space, the brake and the emergency alarm. The alarm must be tested with the
call centre at every visit; a failed alarm test means the lift stays out of service until it
is fixed.

## Doors

Doors cause roughly a third of all call-outs. Clean the sill tracks on every floor, check the
door gibs for wear (replace when the gap exceeds 4 mm), and test the safety edge or light
curtain with the test rod. Door close time should be between 2.5 and 4 seconds; outside that
range, adjust the door operator and note the new setting in the log book.

## Drive and brake

For traction lifts check the rope tension on all ropes with the tension gauge and the sheave
groove wear with the profile gauge. The brake must hold 125 percent of rated load; the brake
test is done every twelve months and recorded with the load used. Motor temperature above
70 degrees Celsius at the winding sensor is reported to the technical office the same day.

Hydraulic lifts: check the oil level, look for leaks at the ram seal and valve block, and note
any creep greater than 10 mm in ten minutes.

## Levelling

A car stopping more than 10 mm from the landing floor is a trip hazard. Adjust the levelling
vanes or recalibrate the encoder, then run at least ten test trips in each direction. If
the car still mis-levels, leave the lift in service only with the building manager's written
agreement and a hazard notice at each affected landing.

## Paperwork

Each visit ends with the job sheet completed in the app: parts used, time on site, faults
found and the next recommended action. Photographs of defects go into the job as attachments.
"""

ENTRAPMENT = """LIFTWISE SERVICES - PASSENGER ENTRAPMENT PROCEDURE (rev. 7)

Priority. A trapped passenger is always a priority one call. The call centre gives the
engineer the site address, the lift number and whether anyone vulnerable is in the car
(children, elderly, medical condition). Target attendance is 45 minutes in the city zone and
90 minutes in the outer zone.

Communication. The call centre stays on the alarm line with the passengers until the engineer
arrives, tells them help is coming and reminds them not to force the doors.

On arrival. The engineer confirms the car position from the controller display, isolates the
main power at the machine room switch and locks it off. Releasing passengers by hand winding
is allowed only for engineers holding the hand-winding certificate, and only after the brake
release procedure has been read from the card on the machine.

Fire service. If the engineer cannot reach the site within 90 minutes, or a passenger is
unwell, the call centre calls the fire service. Firefighters may open landing doors with the
emergency key; the engineer must then inspect the door lock before the lift returns to service.

After release. The lift stays out of service until the cause is found. The engineer writes the
cause, the release time and the names of any responders in the job sheet, and the contract
manager phones the client within one working day.
"""


# ---------------------------------------------------------------- seed bank (Hollow Oak Seed Bank)

NOTE_TEXT = {
    "pest": [
        ["weevil holes in", "bruchid damage to", "insect frass found with", "live beetles in"],
        ["several seeds", "about a tenth of the sample", "the packet", "the lot"],
        ["- freeze 72h before return to store", "- isolate", "- check neighbours on shelf", ""],
    ],
    "mould": [
        ["white fungal growth on", "musty smell and mould on", "grey mycelium over", "mouldy"],
        ["seed coats", "the envelope", "chaff left in the sample", "a few seeds"],
        ["- sample was above 8% moisture", "- redry and retest", "- possible fusarium", ""],
    ],
    "low_vigour": [
        ["germination slow,", "seedlings weak,", "radicles stunted,", "poor emergence,"],
        [
            "many abnormal seedlings",
            "vigour well down on last test",
            "only half reached day 14 count",
            "uneven growth",
        ],
        ["- flag for regeneration", "- consider rescue grow-out", "- compare with 2019 test", ""],
    ],
    "data_issue": [
        [
            "label on packet does not match database",
            "wrong accession number written",
            "species name misspelt on",
            "collection date missing from",
        ],
        ["envelope", "record", "the jar", "field sheet"],
        ["- send to curator", "- check herbarium voucher", "- fix in database", ""],
    ],
    "ok": [
        ["clean sample,", "routine check,", "viability test fine,", "looks good,"],
        [
            "no issues seen",
            "seeds plump and dry",
            "counted and resealed",
            "germination in line with last test",
        ],
        ["", "- back to cold room", "- next test as scheduled"],
    ],
}


def seeds(out: Path, rng: np.random.Generator) -> None:
    n = 700
    families = {
        "Fabaceae": ["Lathyrus japonicus", "Vicia sylvatica", "Trifolium ochroleucon"],
        "Poaceae": ["Melica nutans", "Bromopsis benekenii", "Hordelymus europaeus"],
        "Asteraceae": ["Centaurea scabiosa", "Hieracium holosericeum", "Arnica montana"],
        "Primulaceae": ["Primula farinosa", "Lysimachia thyrsiflora"],
        "Orchidaceae": ["Spiranthes spiralis", "Dactylorhiza incarnata"],
    }
    fam = rng.choice(list(families), n, p=[0.3, 0.25, 0.2, 0.15, 0.1])
    species = [str(rng.choice(families[f])) for f in fam]
    years = rng.integers(1, 38, n)
    moisture = rng.normal(6.0, 1.3, n).clip(3, 12).round(1)
    mass = np.where(fam == "Orchidaceae", rng.gamma(1, 0.005, n), rng.gamma(2, 2.5, n)).round(3)
    temp = rng.choice([-20, -18, 4], n, p=[0.6, 0.3, 0.1])
    z = 3.0 - 0.07 * years - 0.5 * (moisture - 6) - 0.03 * (temp + 20) + rng.normal(0, 0.8, n)
    germ = (100 / (1 + np.exp(-z))).round(0)
    viability = np.where(germ >= 85, "high", np.where(germ >= 60, "medium", "low"))
    regen = np.where((germ < 70) | (rng.random(n) < 0.05), "yes", "no")
    acc = pd.DataFrame(
        {
            "accession_no": [
                f"HOSB-{1990 + int(y)}-{i:04d}" for i, y in enumerate(rng.integers(0, 34, n))
            ],
            "species": species,
            "family": fam,
            "country_of_origin": rng.choice(["UK", "Norway", "Poland", "Spain", "Romania"], n),
            "seed_mass_mg": mass,
            "moisture_content_pct": moisture,
            "storage_temp_c": temp,
            "years_in_store": years,
            "seeds_remaining": rng.integers(80, 20000, n),
            "dormancy": rng.choice(["none", "physical", "physiological", "morphophysiological"], n),
            "last_germination_pct": germ,
            "viability_band": viability,
            "regenerate": regen,
        }
    )
    _write(acc.iloc[:480].drop(columns=["last_germination_pct"]), out / "accessions_train.csv")
    _write(acc.iloc[480:600].drop(columns=["last_germination_pct"]), out / "accessions_holdout.csv")
    _write(
        acc.iloc[600:].drop(columns=["last_germination_pct", "viability_band", "regenerate"]),
        out / "accessions_to_test_2025.csv",
    )

    # curator notes with partly filled issue type
    k = 460
    kinds = list(NOTE_TEXT)
    issue = rng.choice(kinds, k, p=[0.17, 0.17, 0.22, 0.12, 0.32])
    notes = pd.DataFrame(
        {
            "note_id": [f"N{5100 + i}" for i in range(k)],
            "accession_no": rng.choice(acc["accession_no"], k),
            "checked_by": rng.choice(["MB", "TK", "RS", "AJ", "volunteer"], k),
            "check_date": pd.date_range("2023-01-09", periods=k, freq="18h").strftime("%Y-%m-%d"),
            "note": [_sentence(rng, NOTE_TEXT[x]) for x in issue],
            "issue_type": _blank_some(pd.Series(issue), rng, 0.1),
        }
    )
    _write(notes, out / "curator_notes.csv")
    idx = rng.choice(np.flatnonzero(notes["issue_type"] == ""), 60, replace=False)
    _write(
        pd.DataFrame({"note_id": notes["note_id"][idx], "issue": issue[idx]}),
        out / "notes_checked_by_mb.csv",
    )

    # cold room log with odd rows
    h = 24 * 14
    log = pd.DataFrame(
        {
            "logged_at": pd.date_range("2024-02-01", periods=h, freq="h").strftime(
                "%Y-%m-%d %H:%M"
            ),
            "room": rng.choice(["CR1", "CR2"], h),
            "air_temp_c": rng.normal(-19.5, 0.6, h).round(2),
            "rel_humidity_pct": rng.normal(15, 2, h).round(1),
            "door_open_min": rng.poisson(1.2, h),
            "compressor_duty_pct": rng.normal(55, 6, h).round(1),
        }
    )
    odd = rng.choice(h, 7, replace=False)
    log.loc[odd[:3], "air_temp_c"] = [-6.5, -9.1, -4.0]
    log.loc[odd[3:5], "rel_humidity_pct"] = [48.0, 52.5]
    log.loc[odd[5], ["door_open_min", "compressor_duty_pct"]] = [45, 99.0]
    log.loc[odd[6], "compressor_duty_pct"] = 2.0
    _write(log, out / "coldroom_feb.csv")

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "seed_drying_protocol.md").write_text(DRYING, encoding="utf-8")
    (docs / "germination_test_sop.md").write_text(GERM_SOP, encoding="utf-8")


DRYING = """# Hollow Oak Seed Bank - seed drying protocol

## Why we dry

Orthodox seeds live longer the drier and colder they are kept. As a rule of thumb, every one
percent drop in seed moisture content doubles storage life, and so does every five degree drop
in temperature. We aim to bring every orthodox collection to equilibrium with 15 percent
relative humidity at 15 degrees Celsius before it goes to the cold room.

## Arrival

Collections arriving from the field are logged within 24 hours. Fleshy fruits are cleaned the
same week; dry fruits wait in open paper bags in the receiving room, never in plastic. A sample
of 20 seeds is cut to check fill; a collection with less than 50 percent filled seeds is
discussed with the curator before drying.

## The drying room

The drying room is held at 15 degrees and 15 percent relative humidity. Seeds are spread in
single layers in muslin bags on open racks. Small-seeded collections (under 1 mg per seed)
dry in about two weeks, large-seeded legumes may need six weeks or more.

## Checking the moisture

Equilibrium relative humidity is measured with the hygrometer in a sealed chamber for one
hour. Collections read below 20 percent eRH are ready to pack. Readings must be written on
the drying sheet with the date and the initials of the person who measured.

## Packing

Seeds are packed in laminated foil bags, heat-sealed in the drying room so that they do not
take up moisture, labelled with the accession number and moved to the cold room at minus 20
degrees within the same day.
"""

GERM_SOP = """# Germination testing SOP

## When we test

Each accession is tested when it enters the bank and then every ten years, or every five years
for species known to be short-lived (many Asteraceae and all orchids). A test uses 50 seeds,
or 25 for accessions with fewer than 1,000 seeds left.

## Setting up

Seeds are sown on 1 percent agar in Petri dishes, two replicates of 25. Physical dormancy is
broken by chipping the seed coat with a scalpel; physiological dormancy by eight weeks of cold
stratification at 5 degrees before the test. Dishes go into the incubator at the regime on the
species sheet, usually 20 degrees with eight hours of light.

## Scoring

Germination is scored weekly: a seed counts as germinated when the radicle is at least 2 mm
long. At the end of the test (normally 42 days) the ungerminated seeds are cut open: firm, white
embryos are counted as viable but dormant, soft or empty seeds as dead.

## Decisions

An accession below 85 percent of its initial germination is flagged. Below 70 percent it is put
on the regeneration list and grown out at the nursery. Results go into the database the same
week, with the tester's initials.
"""


# ---------------------------------------------------------------- chess club (Knightsbridge Lane CC)

FEEDBACK_TEXT = {
    "venue": [
        ["the hall is", "the back room was", "our venue is", "the upstairs room is"],
        [
            "freezing in winter",
            "too noisy when the pub quiz is on",
            "badly lit for the clocks",
            "cramped with the new tables",
        ],
        ["please sort it", "can we move?", "not great for concentration", ""],
    ],
    "coaching": [
        [
            "the junior coaching",
            "Tuesday's endgame lessons",
            "the opening prep sessions",
            "coaching for improvers",
        ],
        [
            "have been brilliant",
            "are too advanced for beginners",
            "need a second coach",
            "could use more rook endings",
        ],
        ["thanks Marek", "my son loves them", "more please", ""],
    ],
    "scheduling": [
        [
            "league nights clash with",
            "the rapidplay was moved to",
            "start time of 7pm is hard with",
            "rounds overlapping with",
        ],
        ["school pickups", "a bank holiday", "work", "the county match"],
        [
            "can we start at 7:30",
            "please publish the fixture list earlier",
            "I missed two games",
            "",
        ],
    ],
    "fees": [
        ["the subscription", "annual membership fee", "tournament entry fee", "the junior rate"],
        [
            "went up too much this year",
            "is fair for what we get",
            "should have a student discount",
            "is hard to pay in one go",
        ],
        ["monthly option?", "compared to other clubs", "just my view", ""],
    ],
    "tournaments": [
        ["the club championship", "the blitz arena", "our summer congress", "the Swiss pairings"],
        ["was run really well", "had too many byes", "needs better arbiters", "was great fun"],
        ["more rated events please", "grading took ages", "loved the prizes", ""],
    ],
}


def chess(out: Path, rng: np.random.Generator) -> None:
    # games
    n = 1100
    white = rng.normal(1650, 260, n).round()
    black = rng.normal(1650, 260, n).round()
    tc = rng.choice(["blitz", "rapid", "classical"], n, p=[0.4, 0.35, 0.25])
    diff = white - black
    p_white = 1 / (1 + 10 ** (-(diff + 35) / 400))
    drawish = np.where(tc == "classical", 0.3, np.where(tc == "rapid", 0.18, 0.08))
    u = rng.random(n)
    result = np.where(u < drawish, "draw", np.where(rng.random(n) < p_white, "white", "black"))
    games = pd.DataFrame(
        {
            "game_no": np.arange(1, n + 1),
            "event": rng.choice(
                ["club champs", "league div 1", "league div 2", "friday blitz", "rapidplay"], n
            ),
            "time_control": tc,
            "white_elo": white.astype(int),
            "black_elo": black.astype(int),
            "elo_gap": diff.astype(int),
            "eco": [f"{rng.choice(list('ABCDE'))}{rng.integers(0, 100):02d}" for _ in range(n)],
            "opening_family": rng.choice(
                [
                    "Sicilian",
                    "Queen's Gambit",
                    "Ruy Lopez",
                    "French",
                    "King's Indian",
                    "London",
                    "Caro-Kann",
                ],
                n,
            ),
            "move_count": (rng.gamma(6, 7, n) + np.where(result == "draw", 15, 0)).astype(int),
            "white_think_min": rng.gamma(3, 6, n).round(1),
            "black_think_min": rng.gamma(3, 6, n).round(1),
            "result": result,
            "decisive": np.where(result == "draw", "no", "yes"),
        }
    )
    _write(games.iloc[:750], out / "club_games_train.csv")
    _write(games.iloc[750:1000], out / "club_games_test.csv")
    _write(games.iloc[1000:].drop(columns=["result", "decisive"]), out / "next_round_pairings.csv")

    # members
    m = 380
    yrs = rng.integers(0, 30, m)
    games_played = rng.poisson(14, m)
    late = rng.poisson(0.5, m)
    z = 0.8 + 0.05 * yrs + 0.07 * games_played - 0.8 * late + rng.normal(0, 1, m)
    renewed = np.where(1 / (1 + np.exp(-z)) > 0.5, "Y", "N")
    members = pd.DataFrame(
        {
            "member_no": [f"KL{700 + i}" for i in range(m)],
            "membership": rng.choice(["adult", "junior", "senior", "student", "family"], m),
            "years_at_club": yrs,
            "club_rating": rng.normal(1500, 300, m).round().astype(int),
            "games_last_season": games_played,
            "tournaments_entered": rng.poisson(2, m),
            "volunteer_hours": rng.poisson(3, m),
            "late_payments": late,
            "attends_coaching": rng.choice(["yes", "no"], m, p=[0.3, 0.7]),
            "renewed_2024": renewed,
            "joined_league_team": rng.choice(["yes", "no"], m),
        }
    )
    _write(members, out / "membership_2024.csv")
    renew_due = members.sample(60, random_state=SEED).drop(
        columns=["renewed_2024", "joined_league_team"]
    )
    renew_due["member_no"] = [f"KL{1200 + i}" for i in range(60)]
    _write(renew_due, out / "renewals_due_2025.csv")

    # feedback survey
    k = 340
    topics = list(FEEDBACK_TEXT)
    topic = rng.choice(topics, k, p=[0.22, 0.2, 0.2, 0.16, 0.22])
    fb = pd.DataFrame(
        {
            "response_id": np.arange(1, k + 1),
            "submitted": pd.date_range("2024-05-01", periods=k, freq="5h").strftime("%Y-%m-%d"),
            "member_type": rng.choice(["adult", "junior parent", "senior", "student"], k),
            "comment": [_sentence(rng, FEEDBACK_TEXT[t]) for t in topic],
            "topic": _blank_some(pd.Series(topic), rng, 0.15),
            "stars": rng.integers(1, 6, k),
        }
    )
    _write(fb, out / "survey_responses.csv")
    idx = rng.choice(np.flatnonzero(fb["topic"] == ""), 55, replace=False)
    _write(
        pd.DataFrame({"response_id": fb["response_id"][idx], "topic": topic[idx]}),
        out / "survey_topics_committee.csv",
    )
    rules = [
        {
            "name": "venue",
            "label": "venue",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["hall", "room", "venue", "noisy", "freezing", "lit"],
        },
        {
            "name": "coach",
            "label": "coaching",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["coaching", "coach", "lessons", "sessions"],
        },
        {
            "name": "sched",
            "label": "scheduling",
            "kind": "regex",
            "column": "comment",
            "pattern": r"(clash|moved to|start time|\d+(:\d+)?pm|fixture)",
            "ignore_case": True,
        },
        {
            "name": "money",
            "label": "fees",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["fee", "subscription", "discount", "pay", "rate"],
        },
        {
            "name": "events",
            "label": "tournaments",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["championship", "blitz", "congress", "Swiss", "arbiters", "byes"],
        },
        {
            "name": "low_stars_fees",
            "label": "fees",
            "kind": "and",
            "conditions": [
                {"kind": "threshold", "column": "stars", "op": "<=", "value": 2},
                {"kind": "keyword", "column": "comment", "keywords": ["up", "expensive"]},
            ],
        },
    ]
    (out / "survey_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")

    # rating changes with odd rows (sandbagging, typos)
    r = 300
    rc = pd.DataFrame(
        {
            "entry_id": np.arange(1, r + 1),
            "member_no": rng.choice(members["member_no"], r),
            "games_in_period": rng.integers(3, 20, r),
            "rating_before": rng.normal(1550, 250, r).round().astype(int),
            "score_pct": rng.uniform(20, 80, r).round(1),
        }
    )
    rc["rating_change"] = ((rc["score_pct"] - 50) * 0.8 + rng.normal(0, 6, r)).round().astype(int)
    rc["avg_opp_rating"] = (rc["rating_before"] + rng.normal(0, 80, r)).round().astype(int)
    odd = rng.choice(r, 7, replace=False)
    rc.loc[odd[:2], "rating_change"] = [310, -280]
    rc.loc[odd[2:4], "score_pct"] = [2.0, 99.0]
    rc.loc[odd[4], "rating_before"] = 3450
    rc.loc[odd[5:7], "avg_opp_rating"] = [400, 2900]
    _write(rc, out / "rating_updates.csv")

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "club_handbook.md").write_text(CLUB_HANDBOOK, encoding="utf-8")
    (docs / "league_rules.txt").write_text(LEAGUE_RULES, encoding="utf-8")


CLUB_HANDBOOK = """# Knightsbridge Lane Chess Club - members' handbook

## Club nights

The club meets every Tuesday and Thursday from 7pm to 10:30pm in the upstairs room of the
Railway Tavern. Tuesday is coaching and casual play; Thursday is league matches and the club
championship. Sets and clocks belong to the club and must be packed away by the last players.

## Membership

Adult membership is 85 pounds a year, students and seniors pay 50, juniors under 18 pay 30,
and a family membership covering two adults and their children is 150. Membership runs from
1 September; renewals not paid by 31 October lapse, and lapsed members lose their league team
place. Members may pay in three instalments by arrangement with the treasurer.

## Coaching

Junior coaching runs on Tuesdays from 6pm to 7pm in term time. Improvers' sessions for adults
under 1400 are on the first Tuesday of the month. The head coach assigns juniors to groups by
rating and age after a short assessment game.

## Club championship

The championship is a seven-round Swiss played on Thursdays from October to March, at a time
control of 75 minutes plus 30 seconds a move. Two half-point byes may be requested before the
fifth round. Ties for first place are broken by a rapid play-off.

## Conduct

Mobile phones must be switched off in the playing area. Touch-move applies in every rated
game. Disputes go to the arbiter on duty, whose decision is final on the night; appeals go to
the committee in writing within seven days.
"""

LEAGUE_RULES = """CITY AND DISTRICT CHESS LEAGUE - RULES FOR TEAM CAPTAINS (2024-25)

1. Teams. Division one teams have six boards, division two teams have four. Players must be
listed in rating order; a player rated more than 80 points below the player on the board below
may not be placed above them.

2. Fixtures. Home captains must confirm the venue and start time with the away captain at least
seven days before the match. Matches start at 7:30pm; a player who arrives more than 45 minutes
late loses the game by default.

3. Time control. All games are played at 90 minutes each with a 15 second increment from move
one. Digital clocks are required and are provided by the home team.

4. Results. The winning captain (or the home captain after a drawn match) submits the result on
the league website within 48 hours. Late results cost the team one match point.

5. Defaults. A team defaulting a board loses that board and is fined ten pounds. A team that
defaults three boards in one match forfeits the whole match.

6. Eligibility. A player may represent only one club in the league in a season. Juniors under
12 need written consent from a parent to play in evening matches.

7. Disputes. Disputes are referred to the league controller within seven days; the controller's
decision may be appealed to the league committee, whose decision is final.
"""


# ---------------------------------------------------------------- student housing (Eastgate Residences)

REQUEST_TEXT = {
    "plumbing": [
        ["the shower", "kitchen sink", "toilet in flat 4", "bathroom tap", "the radiator valve"],
        [
            "is leaking all over the floor",
            "won't drain",
            "keeps running",
            "drips constantly",
            "is blocked again",
        ],
        ["please come asap", "water going into the room below", "it smells", "since monday", ""],
    ],
    "heating": [
        ["heating", "radiators", "the boiler", "hot water", "storage heater"],
        [
            "not working at all",
            "cold since the weekend",
            "only lukewarm",
            "making banging noises",
            "stuck on max",
        ],
        ["freezing in here", "we have exams", "tried bleeding it", "whole corridor affected", ""],
    ],
    "electrical": [
        ["sockets by the desk", "the ceiling light", "fuse box", "oven", "fire alarm"],
        [
            "tripping the power",
            "sparking when plugged in",
            "flickering",
            "stopped working",
            "beeping low battery",
        ],
        [
            "smell of burning",
            "nothing works in the kitchen",
            "please send an electrician",
            "dark at night",
            "",
        ],
    ],
    "pest": [
        ["mice", "cockroaches", "ants", "bedbugs", "a rat"],
        [
            "in the kitchen",
            "under the bed",
            "in the cupboards",
            "coming through the skirting",
            "seen twice now",
        ],
        [
            "droppings everywhere",
            "it's disgusting",
            "need pest control",
            "neighbours have them too",
            "",
        ],
    ],
    "furniture": [
        ["desk chair", "wardrobe door", "bed frame", "the mattress", "curtain rail"],
        ["is broken", "came off its hinges", "collapsed", "has a big stain", "fell down"],
        [
            "can I get a new one",
            "was like this when I moved in",
            "please replace",
            "not my fault",
            "",
        ],
    ],
}


def housing(out: Path, rng: np.random.Generator) -> None:
    n = 640
    cats = list(REQUEST_TEXT)
    cat = rng.choice(cats, n, p=[0.26, 0.2, 0.18, 0.14, 0.22])
    text = [_sentence(rng, REQUEST_TEXT[c]) for c in cat]
    urgent = np.where(
        np.isin(cat, ["plumbing", "electrical", "heating"]),
        rng.random(n) < 0.45,
        rng.random(n) < 0.1,
    )
    req = pd.DataFrame(
        {
            "ticket_no": [f"EG{60000 + i}" for i in range(n)],
            "hall": rng.choice(["Marlowe House", "Beech Court", "Riverside", "Tanner's Yard"], n),
            "flat": rng.integers(1, 40, n),
            "reported_via": rng.choice(
                ["portal", "email", "reception", "phone"], n, p=[0.5, 0.2, 0.2, 0.1]
            ),
            "date_reported": pd.date_range("2024-09-02", periods=n, freq="7h").strftime("%d/%m/%Y"),
            "description": text,
            "category": _blank_some(pd.Series(cat), rng, 0.1),
            "urgent": _blank_some(pd.Series(np.where(urgent, "yes", "no")), rng, 0.15),
            "days_to_close": rng.gamma(2, 3, n).round(0).astype(int),
        }
    )
    _write(req, out / "repair_tickets.csv")
    idx = rng.choice(np.flatnonzero(req["category"] == ""), 80, replace=False)
    _write(
        pd.DataFrame({"ticket_no": req["ticket_no"][idx], "category": cat[idx]}),
        out / "tickets_labelled_by_hannah.csv",
    )
    rules = [
        {
            "name": "water",
            "label": "plumbing",
            "kind": "keyword",
            "column": "description",
            "keywords": ["leak", "leaking", "drain", "blocked", "tap", "toilet", "sink"],
        },
        {
            "name": "cold",
            "label": "heating",
            "kind": "keyword",
            "column": "description",
            "keywords": ["heating", "boiler", "radiators", "hot water", "cold"],
        },
        {
            "name": "power",
            "label": "electrical",
            "kind": "keyword",
            "column": "description",
            "keywords": ["socket", "sockets", "light", "fuse", "sparking", "power", "alarm"],
        },
        {
            "name": "critters",
            "label": "pest",
            "kind": "keyword",
            "column": "description",
            "keywords": ["mice", "rat", "cockroaches", "ants", "bedbugs", "droppings"],
        },
        {
            "name": "broken_stuff",
            "label": "furniture",
            "kind": "regex",
            "column": "description",
            "pattern": r"\b(chair|wardrobe|bed frame|mattress|curtain|desk)\b",
            "ignore_case": True,
        },
    ]
    (out / "ticket_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")

    # tenancies: two outcomes (left early, rebooked)
    m = 820
    year = rng.choice(["1st", "2nd", "3rd", "postgrad"], m, p=[0.45, 0.25, 0.15, 0.15])
    intl = rng.choice(["yes", "no"], m, p=[0.3, 0.7])
    rent = rng.choice([128, 145, 162, 189, 215], m)
    late = rng.poisson(0.6, m)
    complaints = rng.poisson(0.4, m)
    dist = rng.gamma(2, 60, m).round(0)
    z = (
        -2.3
        + 0.7 * late
        + 0.6 * complaints
        + 0.006 * (rent - 160)
        + 0.4 * (year == "1st")
        + rng.normal(0, 0.7, m)
    )
    left = np.where(1 / (1 + np.exp(-z)) > rng.random(m), "yes", "no")
    z2 = (
        -0.4
        + 0.5 * (intl == "yes")
        - 0.4 * complaints
        + 0.8 * (year == "1st")
        - 0.01 * (rent - 160)
    )
    rebook = np.where((left == "no") & (1 / (1 + np.exp(-z2)) > rng.random(m)), "yes", "no")
    ten = pd.DataFrame(
        {
            "tenant_ref": [f"T24-{i:04d}" for i in range(m)],
            "hall": rng.choice(["Marlowe House", "Beech Court", "Riverside", "Tanner's Yard"], m),
            "room_type": rng.choice(["standard", "ensuite", "studio"], m, p=[0.4, 0.45, 0.15]),
            "weekly_rent_gbp": rent,
            "study_year": year,
            "international": intl,
            "home_distance_km": dist,
            "contract_weeks": rng.choice([40, 44, 51], m),
            "late_rent_count": late,
            "complaints_logged": complaints,
            "guarantor": rng.choice(["parent", "scheme", "none"], m, p=[0.6, 0.25, 0.15]),
            "left_early": left,
            "rebooked_next_year": rebook,
        }
    )
    _write(ten.iloc[:560], out / "tenancies_2023_24.csv")
    _write(ten.iloc[560:720], out / "tenancies_test.csv")
    _write(
        ten.iloc[720:].drop(columns=["left_early", "rebooked_next_year"]),
        out / "incoming_tenants.csv",
    )

    # energy readings with odd rows
    k = 360
    meters = pd.DataFrame(
        {
            "meter_read_id": np.arange(1, k + 1),
            "hall": rng.choice(["Marlowe House", "Beech Court", "Riverside", "Tanner's Yard"], k),
            "flat": rng.integers(1, 40, k),
            "kwh_week": rng.normal(58, 9, k).round(1),
            "water_m3_week": rng.normal(1.9, 0.3, k).round(2),
            "occupants": rng.integers(4, 8, k),
        }
    )
    odd = rng.choice(k, 6, replace=False)
    meters.loc[odd[:2], "kwh_week"] = [212.0, 3.1]
    meters.loc[odd[2:4], "water_m3_week"] = [9.8, 0.0]
    meters.loc[odd[4:6], "occupants"] = [0, 0]
    _write(meters, out / "meter_readings_nov.csv")

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "residents_handbook.md").write_text(RESIDENTS, encoding="utf-8")
    (docs / "deposit_policy.md").write_text(DEPOSIT, encoding="utf-8")


RESIDENTS = """# Eastgate Residences - residents' handbook 2024/25

## Moving in

Keys are collected from the reception of your hall between 10am and 6pm on your arrival day.
Bring photo ID and your booking reference. You have seven days to complete the room inventory
in the portal; anything you do not report as damaged on arrival may be charged to you when you
leave.

## Reporting repairs

Report repairs through the residents' portal. Emergencies - flooding, no heating in winter, no
power to the flat, a broken external door or window, or a fire alarm fault - must be phoned
through to reception or, out of hours, to the duty manager on 01632 960 421. We aim to attend
emergencies within 4 hours, urgent repairs within 2 working days and routine repairs within 10
working days.

## Fire safety

Never cover or disconnect a smoke detector. Fire doors must stay closed. Candles, incense and
portable heaters are not allowed. Fire alarm tests take place every Wednesday at 11am; any
other alarm means leave the building at once by the nearest exit.

## Quiet hours

Quiet hours are 11pm to 8am every day, and all day during the summer exam period. Repeated
noise complaints lead to a written warning and, after a second warning, a meeting with the
residence life team.

## Leaving early

Tenancy agreements run for the whole contract length. A resident who wants to leave early must
find a replacement tenant approved by the office or keep paying rent until the room is relet.
The office charges a 50 pound administration fee for each replacement.
"""

DEPOSIT = """# Damage deposit policy

## How much

Every resident pays a damage deposit of 250 pounds, protected in a government approved
tenancy deposit scheme within 30 days of receipt. International students without a UK
guarantor pay the guarantor scheme fee instead of a larger deposit.

## Checking out

At the end of the tenancy staff inspect each room within five working days against the
inventory completed on arrival. Fair wear and tear is never charged: faded paint, light marks
on carpets and worn furniture after normal use are expected.

## Deductions

Deductions are made for damage beyond fair wear and tear, missing items, rubbish left in the
room (35 pounds per bag), professional cleaning where the room is left dirty (up to 80 pounds)
and unpaid rent. Shared kitchen damage that cannot be traced to one resident is split equally
between the flat's residents.

## Disputes

Residents receive an itemised list of proposed deductions by email. They have 14 days to
reply with evidence such as photographs. If we cannot agree, either side can refer the dispute
to the scheme's free adjudication service, whose decision is binding.

## Repayment

Deposits with no deductions are returned within 10 days of the end of the tenancy; others
within 10 days of the deductions being agreed.
"""


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    lifts(out, rng)
    seeds(out, rng)
    chess(out, rng)
    housing(out, rng)


if __name__ == "__main__":
    main()
