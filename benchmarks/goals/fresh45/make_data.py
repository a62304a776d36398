"""Write the fresh45 corpus's files into a folder: python make_data.py DIR.

Four invented teams: a solar-farm operations team, a ski resort, a pet-insurance start-up and an
escape-room business. Deterministic (one fixed seed), offline, small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 45_2718


def pick(rng: np.random.Generator, options: list[str]) -> str:
    return options[int(rng.integers(len(options)))]


def sentence(rng: np.random.Generator, parts: list[list[str]]) -> str:
    return " ".join(pick(rng, p) for p in parts if p).strip()


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def write_json(data: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- solar farm

FAULT_NOTES = {
    "none": [
        ["Routine check.", "Walked the row.", "Quarterly visit.", "Checked on schedule."],
        ["All strings reading normal,", "Output in line with neighbours,", "No alarms on SCADA,"],
        ["nothing to report.", "no action needed.", "panels look clean.", "all good."],
    ],
    "soiling": [
        ["Output down a few percent.", "Yield below the next row.", "Low output after dry spell."],
        ["Heavy dust film on modules,", "Bird droppings on lower edge,", "Pollen and dust layer,"],
        ["booked the cleaning crew.", "needs washing.", "wash scheduled.", "dirty panels."],
    ],
    "string_fault": [
        ["String 4 reading zero amps.", "One string dead.", "Open circuit on a string."],
        ["MC4 connector melted,", "blown string fuse,", "damaged DC cable near combiner,"],
        ["replace fuse and connector.", "isolate the string.", "insulation fault suspected."],
    ],
    "overheating": [
        ["Inverter derating at midday.", "Cabinet hot to touch.", "Over-temperature alarm."],
        ["cooling fan not spinning,", "air filter clogged,", "heat sink blocked by debris,"],
        ["fan replacement needed.", "thermal derate again.", "clean filter and check fan."],
    ],
    "grid_trip": [
        ["Tripped on grid fault.", "Disconnected overnight.", "Anti-islanding trip logged."],
        [
            "grid voltage out of range,",
            "frequency excursion from the DNO side,",
            "AC breaker open,",
        ],
        ["reset and reconnected.", "waiting on DNO.", "manual restart done."],
    ],
}
SITES = ["Kestrel Flats", "Marsh Lane", "Hollow Ridge"]


def solar_rows(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    classes = list(FAULT_NOTES)
    probs = [0.5, 0.18, 0.12, 0.11, 0.09]
    rows = []
    for i in range(n):
        fault = classes[int(rng.choice(len(classes), p=probs))]
        irr = float(rng.uniform(150, 1000))
        amb = float(rng.normal(18, 7))
        mod = amb + irr * 0.028 + float(rng.normal(0, 2))
        dc = irr * 0.095 * float(rng.normal(1, 0.04))
        eff = float(rng.normal(97.2, 0.6))
        current = irr / 100 * float(rng.normal(1, 0.05))
        downtime = float(rng.exponential(0.3))
        if fault == "soiling":
            dc *= 0.85
        elif fault == "string_fault":
            dc *= 0.8
            current *= 0.3
            downtime += rng.uniform(1, 6)
        elif fault == "overheating":
            mod += 14
            eff -= 2.5
            downtime += rng.uniform(0.5, 3)
        elif fault == "grid_trip":
            downtime += rng.uniform(2, 10)
            eff -= 1.0
        ac = dc * eff / 100
        truck = "yes" if fault in ("string_fault", "overheating") or downtime > 4 else "no"
        if rng.random() < 0.07:
            truck = "no" if truck == "yes" else "yes"
        day = pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(rng.integers(0, 366)))
        rows.append(
            {
                "reading_id": f"INV-{start + i:05d}",
                "site": pick(rng, SITES),
                "inverter_no": int(rng.integers(1, 25)),
                "reading_date": day.strftime("%Y-%m-%d"),
                "irradiance_Wm2": round(irr, 1),
                "ambient_C": round(amb, 1),
                "module_temp_C": round(mod, 1),
                "dc_power_kW": round(dc, 2),
                "ac_power_kW": round(ac, 2),
                "conv_eff_pct": round(eff, 2),
                "string_current_A": round(current, 2),
                "tech_notes": sentence(rng, FAULT_NOTES[fault]),
                "fault_type": fault,
                "truck_roll_needed": truck,
                "downtime_h": round(downtime, 2),
            }
        )
    return pd.DataFrame(rows)


def solar(rng: np.random.Generator, out: Path) -> None:
    pool = solar_rows(rng, 480, 1)
    hand = rng.random(len(pool)) < 0.2
    gold_idx = np.flatnonzero(~hand)[:90]
    gold = pool.loc[gold_idx, ["reading_id", "fault_type"]].rename(columns={"fault_type": "fault"})
    pool["fault_type"] = pool["fault_type"].where(hand, "")
    write_csv(pool, out / "inverter_faults_2024.csv")
    write_csv(gold, out / "fault_handlabels.csv")

    train = solar_rows(rng, 420, 10001)
    test = solar_rows(rng, 130, 20001)
    new = solar_rows(rng, 60, 30001).drop(columns=["fault_type", "truck_roll_needed", "downtime_h"])
    write_csv(train, out / "inverter_train.csv")
    write_csv(test, out / "inverter_test.csv")
    write_csv(new, out / "inverter_new_week.csv")

    n = 420
    ts = pd.date_range("2025-03-01 06:00", periods=n, freq="10min")
    irr = np.clip(800 * np.sin(np.linspace(0, 6 * np.pi, n)) ** 2 + rng.normal(0, 30, n), 0, None)
    scada = pd.DataFrame(
        {
            "ts": ts.strftime("%Y-%m-%d %H:%M"),
            "inverter_id": [f"KF-{int(k):02d}" for k in rng.integers(1, 13, n)],
            "irradiance_Wm2": irr.round(1),
            "ac_power_kW": (irr * 0.09 + rng.normal(0, 2, n)).clip(0).round(2),
            "dc_voltage_V": rng.normal(720, 12, n).round(1),
            "grid_freq_Hz": rng.normal(50.0, 0.02, n).round(3),
            "cabinet_temp_C": rng.normal(38, 4, n).round(1),
        }
    )
    odd = rng.choice(n, 9, replace=False)
    scada.loc[odd[0], "ac_power_kW"] = 0.0
    scada.loc[odd[0], "irradiance_Wm2"] = 910.0
    scada.loc[odd[1], "cabinet_temp_C"] = 91.5
    scada.loc[odd[2], "grid_freq_Hz"] = 48.71
    scada.loc[odd[3], "dc_voltage_V"] = 212.0
    scada.loc[odd[4], "ac_power_kW"] = 240.0
    scada.loc[odd[5], "cabinet_temp_C"] = -12.0
    scada.loc[odd[6], "dc_voltage_V"] = 1105.0
    scada.loc[odd[7], "grid_freq_Hz"] = 51.6
    scada.loc[odd[8], "irradiance_Wm2"] = 1890.0
    write_csv(scada, out / "scada_10min_march.csv")

    rules = [
        {
            "name": "dirty_words",
            "label": "soiling",
            "kind": "keyword",
            "column": "tech_notes",
            "keywords": ["dust", "droppings", "pollen", "washing", "dirty", "wash"],
        },
        {
            "name": "string_words",
            "label": "string_fault",
            "kind": "keyword",
            "column": "tech_notes",
            "keywords": ["string", "fuse", "MC4", "connector", "insulation"],
        },
        {
            "name": "fan_or_heat",
            "label": "overheating",
            "kind": "regex",
            "column": "tech_notes",
            "pattern": r"\b(fan|derat\w*|over-temperature|heat sink|filter)\b",
            "ignore_case": True,
        },
        {
            "name": "hot_module",
            "label": "overheating",
            "kind": "threshold",
            "column": "module_temp_C",
            "op": ">",
            "value": 65,
        },
        {
            "name": "grid_words",
            "label": "grid_trip",
            "kind": "keyword",
            "column": "tech_notes",
            "keywords": ["grid", "DNO", "tripped", "anti-islanding", "breaker"],
        },
        {
            "name": "all_fine",
            "label": "none",
            "kind": "keyword",
            "column": "tech_notes",
            "keywords": ["nothing to report", "no action needed", "all good", "no alarms"],
        },
    ]
    write_json(rules, out / "fault_rules.json")

    write_text(
        """
# Inverter O&M manual (Kestrel Flats, Marsh Lane, Hollow Ridge)

## Daily checks
The duty technician reviews the SCADA overview every morning before 8:00. An inverter is
flagged when its AC output is more than 10 percent below the median of its neighbours for two
consecutive hours. A flagged inverter gets a site visit within 48 hours.

## Derating and temperature
Derating is the automatic reduction of output when the inverter cabinet gets too hot. The
inverters start derating at a cabinet temperature of 60 degrees Celsius and shut down at 75
degrees Celsius. If derating happens on more than three days in one week, the cooling fans and
air filters must be inspected. Air filters are replaced every six months, or sooner on dusty
sites such as Hollow Ridge.

## String faults
A string fault is an open circuit or earth fault on one of the DC strings. When a string reads
zero amps while its neighbours produce normally, the technician isolates the string at the
combiner box before touching any connector. Blown string fuses are replaced with 15 A gPV fuses
only. Melted MC4 connectors are always replaced in pairs.

## Grid trips
A grid trip happens when the grid voltage or frequency leaves the allowed window. The inverter
reconnects on its own after 180 seconds if the grid is back in range. If an inverter trips more
than twice in a day, the control room calls the distribution network operator (DNO) before any
manual restart.

## Soiling and cleaning
Soiling is the loss of yield caused by dust, pollen or bird droppings on the modules. The
cleaning crew washes a site when the soiling loss estimate exceeds 4 percent. Washing uses
demineralised water only, never detergent, and is done before 10:00 or after 16:00 to avoid
thermal shock to the glass.
""",
        out / "docs/solar/inverter_om_manual.md",
    )
    write_text(
        """
# Site safety rules for solar technicians

## Permits
Every job inside a fenced array needs a permit to work issued by the control room. The permit
names the inverters and strings that are isolated. Work without a permit is a disciplinary
matter.

## Electrical isolation
DC cables stay live whenever there is daylight, even when the inverter is switched off. Because
modules cannot be switched off, technicians treat every DC conductor as live and wear class 0
insulating gloves. Lock-out tags are applied at the AC breaker and the DC isolator.

## Lone working
Lone working is not allowed on Hollow Ridge because the site has no mobile signal. On the other
sites a lone worker checks in with the control room every 60 minutes.

## Weather
Work on the arrays stops when lightning is within 10 kilometres. High winds above 60 km/h stop
any work on the tracker rows.
""",
        out / "docs/solar/site_safety_rules.md",
    )
    write_text(
        """
Cleaning schedule notes - 2025 season

Hollow Ridge is washed every four weeks from May to September because the quarry road throws
dust onto rows 1 to 14. Marsh Lane is washed twice a year, in April and in August, since rain
keeps it clean most of the year. Kestrel Flats has a bird problem near the pond: rows 20 to 26
are checked for droppings every two weeks.

The cleaning contractor is paid per megawatt washed. A wash of Kestrel Flats takes two days
with two rigs. The contractor must report any cracked module they find, with the row and
position, in the shared sheet the same day.

If the soiling loss estimate is above 4 percent outside the schedule, the site manager can
order an extra wash. Extra washes need approval from the asset manager when they cost more
than 3000 euros.
""",
        out / "docs/solar/cleaning_schedule.txt",
    )


# --------------------------------------------------------------------------- ski resort

COMMENT_TOPICS = {
    "queues": [
        ["Waited", "Stood", "Queued"],
        ["forty minutes", "ages", "half an hour", "way too long"],
        ["at the gondola.", "for Chair 3.", "at the ticket desk.", "in the lift line."],
    ],
    "grooming": [
        ["The pistes", "Blue 7", "The red run", "The home run"],
        ["were icy and rutted", "had not been groomed", "were full of moguls by 10", "felt bumpy"],
        ["this morning.", "all week.", "after the snowfall.", ""],
    ],
    "staff": [
        ["The instructor", "Lift staff", "The rental guy", "Our ski teacher"],
        ["was super friendly", "was rude to my kids", "was really patient", "ignored us"],
        ["and helpful.", "at the desk.", "during the lesson.", ""],
    ],
    "prices": [
        ["Day pass is", "Lunch was", "Parking costs", "Rental was"],
        ["way too expensive", "a rip-off", "overpriced", "far too pricey"],
        ["for what you get.", "compared to last year.", "for a family of four.", ""],
    ],
    "facilities": [
        [
            "Toilets at the top station",
            "The locker room",
            "Wifi in the lodge",
            "The heated benches",
        ],
        ["were dirty", "were broken", "did not work", "were great"],
        ["again.", "all day.", "on Saturday.", ""],
    ],
}
AREAS = {
    "queues": "Lifts",
    "grooming": "Slopes",
    "staff": "Ski school",
    "prices": "Ticketing",
    "facilities": "Restaurants",
}


def ski(rng: np.random.Generator, out: Path) -> None:
    def passes(n: int, start: int, outcomes: bool) -> pd.DataFrame:
        rows = []
        for i in range(n):
            dist = float(rng.gamma(2.0, 45))
            days = int(rng.poisson(9 if dist < 60 else 4)) + 1
            tier = pick(rng, ["Valley", "Valley", "Peak", "Peak+"])
            lessons = int(rng.poisson(1.2))
            rental = round(float(rng.gamma(2, 60)) * (1 if rng.random() < 0.6 else 0), 2)
            fnb = round(days * float(rng.gamma(3, 9)), 2)
            family = "Y" if rng.random() < 0.35 else "N"
            logit = -0.6 + 0.18 * days - 0.008 * dist + 0.4 * (family == "Y")
            renewed = "Y" if rng.random() < 1 / (1 + np.exp(-logit)) else "N"
            upgraded = (
                "Y"
                if renewed == "Y" and tier != "Peak+" and days > 10 and rng.random() < 0.5
                else "N"
            )
            happy = renewed == "Y"
            comment = sentence(
                rng,
                [
                    ["Great season,", "Loved the snow,", "Fantastic winter,"]
                    if happy
                    else ["Disappointing season,", "Too few snow days,", "Not worth it this year,"],
                    ["will be back.", "the kids loved ski school.", "queues were fine."]
                    if happy
                    else ["too far to drive.", "lifts closed a lot.", "too pricey for us."],
                ],
            )
            row = {
                "pass_id": f"SP{start + i:05d}",
                "age_band": pick(rng, ["U16", "16-25", "26-40", "41-60", "60+"]),
                "home_distance_km": round(dist, 1),
                "ski_days": days,
                "lessons_booked": lessons,
                "rental_spend_chf": rental,
                "FnB_spend_chf": fnb,
                "pass_tier": tier,
                "family_pass": family,
                "survey_comment": comment if rng.random() < 0.7 else "",
            }
            if outcomes:
                row["renewed"] = renewed
                row["upgraded"] = upgraded
            else:
                row["survey_comment"] = ""
            rows.append(row)
        return pd.DataFrame(rows)

    write_csv(passes(460, 1, True), out / "season_pass_2023_24.csv")
    write_csv(passes(160, 5001, True), out / "season_pass_2024_25.csv")
    write_csv(passes(80, 9001, False), out / "pass_prospects_2025_26.csv")

    topics = list(COMMENT_TOPICS)
    rows = []
    for i in range(420):
        topic = pick(rng, topics)
        text = sentence(rng, COMMENT_TOPICS[topic])
        neg = any(
            w in text
            for w in [
                "rude",
                "dirty",
                "broken",
                "not",
                "icy",
                "rip",
                "over",
                "too",
                "ages",
                "ignored",
                "Waited",
                "Queued",
                "Stood",
                "bumpy",
                "moguls",
                "pricey",
            ]
        )
        day = pd.Timestamp("2024-12-14") + pd.Timedelta(days=int(rng.integers(0, 110)))
        rows.append(
            {
                "comment_id": 7000 + i,
                "date": day.strftime("%d/%m/%Y"),
                "area": AREAS[topic] if rng.random() < 0.8 else pick(rng, list(AREAS.values())),
                "channel": pick(rng, ["app", "email", "kiosk", "google"]),
                "comment": text,
                "topic": topic,
                "mood": "neg" if neg else "pos",
            }
        )
    comments = pd.DataFrame(rows)
    topic_known = rng.random(len(comments)) < 0.18
    mood_known = rng.random(len(comments)) < 0.25
    gold_idx = np.flatnonzero(~topic_known)[:80]
    gold = comments.loc[gold_idx, ["comment_id", "topic"]]
    comments["topic"] = comments["topic"].where(topic_known, "")
    comments["mood"] = comments["mood"].where(mood_known, "")
    write_csv(comments, out / "guest_comments_winter.csv")
    write_csv(gold, out / "comments_gold.csv")

    rules = [
        {
            "name": "waiting",
            "label": "queues",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["waited", "queued", "queue", "lift line", "stood"],
        },
        {
            "name": "snow_surface",
            "label": "grooming",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["icy", "groomed", "moguls", "bumpy", "pistes", "run"],
        },
        {
            "name": "people",
            "label": "staff",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["instructor", "staff", "teacher", "guy", "rude", "patient"],
        },
        {
            "name": "money",
            "label": "prices",
            "kind": "regex",
            "column": "comment",
            "pattern": r"(expensive|rip-off|overpriced|pricey|costs)",
            "ignore_case": True,
        },
        {
            "name": "buildings",
            "label": "facilities",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["toilets", "locker", "wifi", "benches"],
        },
    ]
    write_json(rules, out / "comment_rules.json")

    n = 360
    lifts = ["Gondola Alpha", "Chair 3", "T-bar Nord"]
    tele = pd.DataFrame(
        {
            "reading_time": pd.date_range("2025-02-01 08:30", periods=n, freq="15min").strftime(
                "%Y-%m-%d %H:%M"
            ),
            "lift": [pick(rng, lifts) for _ in range(n)],
            "wind_kmh": rng.gamma(3, 6, n).round(1),
            "motor_temp_C": rng.normal(46, 5, n).round(1),
            "vibration_mm_s": rng.gamma(4, 0.6, n).round(2),
            "rope_speed_ms": rng.normal(5.0, 0.15, n).round(2),
            "riders_per_hr": rng.normal(1450, 220, n).round(0).astype(int),
        }
    )
    odd = rng.choice(n, 8, replace=False)
    tele.loc[odd[0], "vibration_mm_s"] = 19.4
    tele.loc[odd[1], "motor_temp_C"] = 97.0
    tele.loc[odd[2], "rope_speed_ms"] = 0.4
    tele.loc[odd[3], "wind_kmh"] = 118.0
    tele.loc[odd[4], "riders_per_hr"] = 6100
    tele.loc[odd[5], "motor_temp_C"] = -8.0
    tele.loc[odd[6], "rope_speed_ms"] = 8.9
    tele.loc[odd[7], "vibration_mm_s"] = 14.1
    write_csv(tele, out / "lift_telemetry_feb.csv")

    write_text(
        """
# Avalanche safety briefing for patrol and guests

## Danger scale
The resort follows the European avalanche danger scale from 1 (low) to 5 (very high). The
danger level is posted at every lift base station by 8:00 each morning. At level 4 all
off-piste gates are closed and the freeride zone on the north face stays shut.

## Off-piste gates
Off-piste gates open only when the patrol leader signs the daily snow report. Guests who pass a
closed gate lose their season pass for the rest of the winter. Every guest going through an
open gate must carry a transceiver, a shovel and a probe.

## Control work
Avalanche control is done with gas exploders on the Rotgrat ridge before the lifts open. The
Rotgrat chair stays closed until the patrol radios an all-clear to the lift operator.

## Transceiver park
The transceiver training park next to the Gondola Alpha top station is free to use. A patrol
member runs a one-hour search practice every Saturday at 14:00.
""",
        out / "docs/ski/avalanche_briefing.md",
    )
    write_text(
        """
# Ski school instructor handbook

## Group sizes
Children's groups have at most eight pupils per instructor. Adult beginner groups have at most
ten. Private lessons are one to three people from the same booking.

## Meeting points
Kids meet at the Snowflake Garden at 9:30. Adults meet at the ski school flag by the gondola
base at 9:45. An instructor who is late to a meeting point must call the office, because
parents wait outside the garden fence.

## Levels
Level 1 pupils have never skied. Level 2 pupils can snowplough and stop. Level 3 pupils link
parallel turns on blue runs. A pupil moves up a level when the instructor signs the progress
card, which the parents can see in the app.

## Injuries
If a pupil is injured, the instructor stays with the group and radios the patrol on channel 4.
The instructor fills in an incident form before the end of the day.
""",
        out / "docs/ski/ski_school_instructor_handbook.md",
    )
    write_text(
        """
Lift operations SOP - summary for new lift staff

Every lift runs a morning check before opening: the operator walks the loading area, tests the
emergency stop and runs the lift empty for one full rope cycle. The check is signed in the lift
log.

Wind limits: Gondola Alpha stops when the gusts exceed 75 km/h, Chair 3 at 65 km/h and the T-bar
Nord at 80 km/h. When a lift stops for wind, the operator informs patrol and the ticket office
so that the status board is updated within five minutes.

Evacuation: if a chairlift cannot be restarted within 30 minutes, the patrol leader starts a
rope evacuation. Lift staff count the chairs on the line and report the number of guests to the
patrol leader.

Vibration alarms on the drive are logged with the time and the rope speed, and the lift
mechanic must clear the alarm before the lift reopens.
""",
        out / "docs/ski/lift_operations_sop.txt",
    )


# --------------------------------------------------------------------------- pet insurance

VET_NOTES = {
    "clean": [
        ["Presented with", "Owner reports", "Seen for"],
        [
            "vomiting for two days,",
            "limping on left fore,",
            "ear infection,",
            "itchy skin,",
            "dental tartar,",
            "a cut paw,",
        ],
        [
            "bloods run, meds dispensed.",
            "treated and discharged.",
            "x-ray clear, rest advised.",
            "follow-up in 10 days.",
        ],
    ],
    "suspicious": [
        [
            "Invoice handwritten,",
            "Treatment date before policy start?",
            "Owner insisted on cash,",
            "Second claim this month for same issue,",
        ],
        [
            "no clinical notes attached,",
            "vet practice not on register,",
            "amount altered on invoice,",
            "pre-existing condition noted in history,",
        ],
        ["refer to fraud team.", "query with practice.", "check history.", "pending docs."],
    ],
}
BREEDS = {
    "dog": ["Labrador", "French Bulldog", "Cockapoo", "Border Collie", "Dachshund", "mixed"],
    "cat": ["Domestic Shorthair", "Maine Coon", "Bengal", "Ragdoll"],
    "rabbit": ["Lop", "Netherland Dwarf"],
}


def petinsure(rng: np.random.Generator, out: Path) -> None:
    def claims(n: int, start: int) -> pd.DataFrame:
        rows = []
        for i in range(n):
            species = pick(rng, ["dog", "dog", "dog", "cat", "cat", "rabbit"])
            verdict = "suspicious" if rng.random() < 0.17 else "clean"
            amount = float(rng.gamma(2.2, 260)) * (1.8 if verdict == "suspicious" else 1.0)
            days = int(rng.integers(1, 900))
            if verdict == "suspicious" and rng.random() < 0.5:
                days = int(rng.integers(1, 30))
            treat = pick(rng, ["illness", "accident", "dental", "routine"])
            outcome = "paid"
            if verdict == "suspicious":
                outcome = pick(rng, ["declined", "declined", "part-paid", "paid"])
            elif treat == "routine" or rng.random() < 0.1:
                outcome = pick(rng, ["declined", "part-paid"])
            rows.append(
                {
                    "claim_id": f"CLM-{start + i}",
                    "policy_no": f"PP{int(rng.integers(100000, 999999))}",
                    "species": species,
                    "breed": pick(rng, BREEDS[species]),
                    "pet_age_yrs": round(
                        float(rng.uniform(0.3, 14 if species != "rabbit" else 9)), 1
                    ),
                    "claim_amt_gbp": round(amount, 2),
                    "days_since_inception": days,
                    "prior_claims": int(rng.poisson(0.8 + (verdict == "suspicious"))),
                    "vet_practice": pick(
                        rng,
                        [
                            "Greenway Vets",
                            "Paws & Claws",
                            "Riverside Animal Hosp",
                            "City Vet Clinic",
                            "Oakfield Vets",
                        ],
                    ),
                    "treatment_cat": treat,
                    "vet_notes": sentence(rng, VET_NOTES[verdict]),
                    "claim_outcome": outcome,
                    "fraud_suspect": verdict,
                }
            )
        return pd.DataFrame(rows)

    pool = claims(500, 240001)
    known = rng.random(len(pool)) < 0.15
    gold_idx = np.flatnonzero(~known)[:100]
    gold = pool.loc[gold_idx, ["claim_id", "fraud_suspect"]].rename(
        columns={"fraud_suspect": "analyst_verdict"}
    )
    pool["fraud_suspect"] = pool["fraud_suspect"].where(known, "")
    odd = rng.choice(len(pool), 7, replace=False)
    pool.loc[odd[0], ["species", "pet_age_yrs"]] = ["cat", 38.0]
    pool.loc[odd[1], "claim_amt_gbp"] = 48250.0
    pool.loc[odd[2], ["species", "breed"]] = ["rabbit", "Labrador"]
    pool.loc[odd[3], "days_since_inception"] = -45
    pool.loc[odd[4], "prior_claims"] = 31
    pool.loc[odd[5], "claim_amt_gbp"] = 0.5
    pool.loc[odd[6], ["species", "breed"]] = ["dog", "Maine Coon"]
    write_csv(pool, out / "claims_2024.csv")
    write_csv(gold, out / "fraud_review_sample.csv")

    write_csv(claims(420, 250001), out / "claims_train.csv")
    write_csv(claims(140, 260001), out / "claims_holdout.csv")
    week = claims(55, 270001).drop(columns=["claim_outcome", "fraud_suspect"])
    write_csv(week, out / "claims_this_week.csv")

    def policies(n: int, start: int, outcomes: bool) -> pd.DataFrame:
        rows = []
        for i in range(n):
            species = pick(rng, ["dog", "dog", "cat", "cat", "rabbit"])
            plan = pick(rng, ["Basic", "Plus", "Plus", "Lifetime"])
            premium = {"Basic": 14, "Plus": 27, "Lifetime": 46}[plan] * float(rng.uniform(0.7, 1.6))
            channel = pick(
                rng, ["comparison site", "vet referral", "instagram", "direct", "breeder pack"]
            )
            n_claims = int(rng.poisson(0.9))
            logit = (
                -1.3
                + 0.04 * premium
                - 0.5 * (plan == "Lifetime")
                + 0.8 * (channel == "comparison site")
                + 0.5 * (n_claims == 0)
            )
            cancelled = "Y" if rng.random() < 1 / (1 + np.exp(-logit)) else "N"
            reason = ""
            if cancelled == "Y" and outcomes:
                reason = pick(
                    rng,
                    [
                        "found cheaper elsewhere",
                        "premium went up at renewal",
                        "pet passed away",
                        "claim was declined, not happy",
                        "moved abroad",
                        "too expensive for what it covers",
                    ],
                )
            row = {
                "policy_no": f"PP{start + i}",
                "species": species,
                "breed_group": pick(
                    rng, ["small", "medium", "large", "giant", "pedigree cat", "moggy"]
                ),
                "pet_age_yrs": round(float(rng.uniform(0.2, 11)), 1),
                "monthly_premium_gbp": round(premium, 2),
                "excess_gbp": int(pick(rng, ["0", "99", "99", "150", "250"])),
                "plan": plan,
                "acq_channel": channel,
                "n_claims_yr1": n_claims,
            }
            if outcomes:
                row["cancelled_yr1"] = cancelled
                row["upgraded_plan"] = (
                    "Y" if cancelled == "N" and plan != "Lifetime" and rng.random() < 0.2 else "N"
                )
                row["cancel_reason"] = reason
            rows.append(row)
        return pd.DataFrame(rows)

    write_csv(policies(400, 500001, True), out / "policies_2023.csv")
    write_csv(policies(150, 600001, True), out / "policies_2024.csv")
    write_csv(policies(70, 700001, False), out / "quotes_new.csv")

    rules = [
        {
            "name": "no_notes",
            "label": "suspicious",
            "kind": "keyword",
            "column": "vet_notes",
            "keywords": ["handwritten", "no clinical notes", "not on register", "altered", "cash"],
        },
        {
            "name": "early_claim",
            "label": "suspicious",
            "kind": "threshold",
            "column": "days_since_inception",
            "op": "<",
            "value": 21,
        },
        {
            "name": "pre_existing",
            "label": "suspicious",
            "kind": "regex",
            "column": "vet_notes",
            "pattern": r"pre-existing|before policy start|second claim",
            "ignore_case": True,
        },
        {
            "name": "normal_treatment",
            "label": "clean",
            "kind": "keyword",
            "column": "vet_notes",
            "keywords": ["discharged", "x-ray clear", "meds dispensed", "follow-up"],
        },
        {
            "name": "small_amount",
            "label": "clean",
            "kind": "threshold",
            "column": "claim_amt_gbp",
            "op": "<",
            "value": 300,
        },
    ]
    write_json(rules, out / "fraud_rules.json")

    write_text(
        """
# Policy wording - Plus plan

## What is covered
The Plus plan covers vet fees for accidents and illnesses up to 5000 pounds per condition per
policy year. Dental treatment is covered only when it follows an accident. Routine care such as
vaccinations, flea treatment and neutering is not covered.

## Excess
The excess is the amount you pay towards each claim. You choose an excess of 0, 99, 150 or 250
pounds when you buy the policy. Pets aged 9 or older pay a co-payment of 20 percent on top of
the excess.

## Waiting periods
Illnesses that start in the first 14 days of the policy are not covered. Accidents are covered
from the day after the policy starts. Cruciate ligament problems have a waiting period of six
months.

## Pre-existing conditions
A pre-existing condition is any illness or injury that showed signs before the policy started.
Pre-existing conditions are excluded unless the pet has been symptom-free and treatment-free
for 24 months.

## Making a claim
Claims are made in the app within 90 days of treatment. The vet practice completes its part of
the claim form online, and we pay the practice directly when the owner asks us to.
""",
        out / "docs/petinsure/policy_wording_plus.md",
    )
    write_text(
        """
# Claims handling FAQ for the ops team

## How long does a claim take?
A complete claim is decided within five working days. A claim is complete when the invoice, the
clinical history for the last 12 months and the vet's claim form are all attached.

## When is a claim referred to the fraud team?
A claim is referred when the invoice looks altered, when the practice is not on the RCVS
register, or when the treatment date falls before the policy start. Referred claims are
decided within 20 working days.

## What happens when a claim is declined?
The customer gets an email that names the policy clause. The customer can ask for a review
within 30 days, and a senior handler who did not see the claim before makes the review.

## Part-paid claims
A claim is part-paid when some items on the invoice are not covered, for example a flea
treatment added to an illness visit. The letter lists every item that was not paid.
""",
        out / "docs/petinsure/claims_handling_faq.md",
    )
    write_text(
        """
Exclusions list (all plans)

We do not pay for: routine and preventive care; cosmetic procedures such as tail docking or ear
cropping; breeding, pregnancy and whelping costs; behavioural treatment unless the Lifetime plan
includes it; food, including prescription diets, after the first 30 days.

Rabbits are covered for accidents and illness, but myxomatosis and RVHD are excluded unless the
rabbit was vaccinated in the 12 months before the illness started.

Claims for pets used for racing, guarding or working are excluded on the Basic and Plus plans.
""",
        out / "docs/petinsure/exclusions.txt",
    )


# --------------------------------------------------------------------------- escape rooms

ROOMS = ["The Vault", "Pharaoh's Curse", "Ward 13", "Das Boot"]
REVIEW_THEMES = {
    "puzzles": [
        ["The puzzles were", "Riddles were", "The final lock was", "The clue chain was"],
        ["really clever", "way too hard", "super satisfying", "a bit confusing", "so creative"],
        ["and logical.", "to be honest.", "for a first timer.", ""],
    ],
    "staff": [
        ["Our game master", "The host", "Jamie at the desk", "The GM"],
        ["was brilliant", "gave great hints", "was friendly and funny", "seemed bored"],
        ["throughout.", "when we got stuck.", "from start to finish.", ""],
    ],
    "scary": [
        ["Properly terrifying,", "So creepy,", "Jump scares everywhere,", "Genuinely scary,"],
        ["the actor in the dark", "the noises in the corridor", "the lights going out"],
        ["made my friend scream.", "was too much for the kids.", "got us good.", ""],
    ],
    "price": [
        ["Bit pricey", "Expensive", "Good value", "Worth the money"],
        ["for 60 minutes", "per person", "for a group of six", "with the voucher"],
        ["honestly.", "in my opinion.", "", "compared to others in town."],
    ],
    "cleanliness": [
        ["The room was", "Props were", "The toilets were", "Lobby was"],
        ["dusty", "sticky", "spotless", "smelly", "falling apart"],
        ["which spoiled it.", "and well kept.", "unfortunately.", ""],
    ],
}


def escape(rng: np.random.Generator, out: Path) -> None:
    def bookings(n: int, start: int, outcomes: bool) -> pd.DataFrame:
        rows = []
        for i in range(n):
            lead = int(rng.gamma(1.6, 6))
            deposit = "Y" if rng.random() < 0.55 else "N"
            corporate = "Y" if rng.random() < 0.15 else "N"
            channel = pick(rng, ["website", "phone", "voucher", "groupon", "walk-in"])
            logit = -2.2 + 0.05 * lead - 1.4 * (deposit == "Y") + 1.0 * (channel == "groupon")
            row = {
                "booking_ref": f"ER{start + i:05d}",
                "room": pick(rng, ROOMS),
                "weekday": pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sat", "Sun"]),
                "start_hour": int(pick(rng, ["10", "12", "14", "16", "18", "20", "20"])),
                "group_size": int(rng.integers(2, 9)),
                "lead_days": lead,
                "corporate": corporate,
                "deposit_paid": deposit,
                "booking_channel": channel,
                "promo_code": pick(rng, ["", "", "", "SPOOKY10", "XMAS15", "STUDENT"]),
            }
            if outcomes:
                row["no_show"] = "Y" if rng.random() < 1 / (1 + np.exp(-logit)) else "N"
                back = -1.5 + 0.9 * (corporate == "Y") + 0.5 * (channel == "website")
                row["came_back"] = "Y" if rng.random() < 1 / (1 + np.exp(-back)) else "N"
            rows.append(row)
        return pd.DataFrame(rows)

    write_csv(bookings(460, 1, True), out / "bookings_2024.csv")
    write_csv(bookings(150, 20001, True), out / "bookings_jan_feb25.csv")
    write_csv(bookings(90, 30001, False), out / "bookings_next_month.csv")

    rows = []
    for i in range(400):
        room = pick(rng, ROOMS)
        size = int(rng.integers(2, 9))
        first = int(rng.integers(0, size + 1))
        hints = int(rng.poisson(2.5 + (room == "Das Boot")))
        skill = 0.8 - 0.25 * first / size + 0.1 * min(size, 6) / 6 - 0.08 * hints
        escaped = "yes" if rng.random() < 1 / (1 + np.exp(-3 * skill)) else "no"
        finish = round(float(rng.uniform(38, 60)) if escaped == "yes" else 60.0, 1)
        stars = int(np.clip(round(rng.normal(4.3 if escaped == "yes" else 3.6, 0.7)), 1, 5))
        rows.append(
            {
                "session_id": f"S-{4100 + i}",
                "room": room,
                "gm_name": pick(rng, ["Jamie", "Priya", "Tomasz", "Lou", "Ade"]),
                "group_size": size,
                "first_timers": first,
                "hints_used": hints,
                "finish_min": finish,
                "escaped": escaped,
                "star_rating": stars,
            }
        )
    write_csv(pd.DataFrame(rows), out / "game_sessions.csv")

    themes = list(REVIEW_THEMES)
    rows = []
    for i in range(380):
        theme = pick(rng, themes)
        rows.append(
            {
                "review_id": f"R{9000 + i}",
                "room": pick(rng, ROOMS),
                "platform": pick(rng, ["Google", "TripAdvisor", "Facebook"]),
                "stars": int(rng.integers(1, 6)),
                "review_text": sentence(rng, REVIEW_THEMES[theme]),
                "theme": theme,
            }
        )
    reviews = pd.DataFrame(rows)
    known = rng.random(len(reviews)) < 0.2
    gold_idx = np.flatnonzero(~known)[:70]
    gold = reviews.loc[gold_idx, ["review_id", "theme"]].rename(columns={"theme": "my_theme"})
    reviews["theme"] = reviews["theme"].where(known, "")
    write_csv(reviews, out / "reviews_all.csv")
    write_csv(gold, out / "review_theme_gold.csv")

    rules = [
        {
            "name": "puzzle_words",
            "label": "puzzles",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["puzzles", "riddles", "lock", "clue"],
        },
        {
            "name": "host_words",
            "label": "staff",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["game master", "host", "GM", "Jamie", "hints"],
        },
        {
            "name": "fear_words",
            "label": "scary",
            "kind": "regex",
            "column": "review_text",
            "pattern": r"(terrif|creepy|scar|scream|jump)",
            "ignore_case": True,
        },
        {
            "name": "money_words",
            "label": "price",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["pricey", "expensive", "value", "money", "voucher"],
        },
        {
            "name": "dirt_words",
            "label": "cleanliness",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["dusty", "sticky", "spotless", "smelly", "toilets"],
        },
    ]
    write_json(rules, out / "review_theme_rules.json")

    n = 300
    props = pd.DataFrame(
        {
            "log_id": np.arange(1, n + 1),
            "room": [pick(rng, ROOMS) for _ in range(n)],
            "prop": [
                pick(rng, ["maglock_door", "laser_grid", "keypad", "sarcophagus_lid", "periscope"])
                for _ in range(n)
            ],
            "triggers_per_game": rng.poisson(6, n),
            "reset_sec": rng.normal(42, 6, n).round(1),
            "battery_V": rng.normal(11.9, 0.2, n).round(2),
            "lock_release_ms": rng.normal(180, 25, n).round(0).astype(int),
        }
    )
    odd = rng.choice(n, 7, replace=False)
    props.loc[odd[0], "battery_V"] = 6.1
    props.loc[odd[1], "reset_sec"] = 410.0
    props.loc[odd[2], "lock_release_ms"] = 4200
    props.loc[odd[3], "triggers_per_game"] = 95
    props.loc[odd[4], "battery_V"] = 15.8
    props.loc[odd[5], "reset_sec"] = 0.2
    props.loc[odd[6], "lock_release_ms"] = 2
    write_csv(props, out / "prop_sensor_log.csv")

    write_text(
        """
# Game master handbook

## Before the game
The game master resets the room at least 15 minutes before the booking. The reset checklist is
on the tablet by the door and every item must be ticked. A room that fails the reset check is
not opened; the group is offered another room or a refund.

## Briefing
The briefing lasts five minutes. The game master explains the safety button, the hint screen
and the rule that nothing above head height is part of the game. Groups with children under 12
must have an adult inside the room at all times.

## Hints
Each group gets three free hints. A hint is given when the group asks, or when the group has
been stuck on one puzzle for more than ten minutes. Further hints cost two minutes each on the
leaderboard time.

## After the game
The game master takes the team photo, asks for a review and logs the finish time, the hints
used and whether the group escaped. Broken props are logged in the prop sheet straight away.
""",
        out / "docs/escape/gamemaster_handbook.md",
    )
    write_text(
        """
# The Vault - room walkthrough (staff only)

## Story
The players are a crew of thieves with sixty minutes to crack a bank vault before the guards
change shift. The room opens in the manager's office.

## Puzzle chain
The first puzzle is the desk drawer, which opens with the four-digit code hidden in the calendar.
The drawer holds a UV torch. The UV torch shows arrows on the carpet that point to the safe
combination. The safe holds the keycard, and the keycard opens the maglock door to the vault.
Inside the vault, the laser grid must be crossed without breaking a beam; breaking a beam adds
one minute to the clock.

## Common problems
The maglock door sometimes releases late when the battery is low. If the door takes more than
two seconds to open, the game master swaps the battery pack after the game. Groups often miss
the calendar code, so the first hint usually points to the calendar.
""",
        out / "docs/escape/vault_room_walkthrough.md",
    )
    write_text(
        """
Health and safety notes - escape rooms

Every room has a green safety button by the door that unlocks all maglocks at once. The button is
tested every morning and the test is signed in the safety log.

Ward 13 uses a fog machine and flashing lights. Groups are warned at booking and again in the
briefing, and the effects are switched off for anyone who says they have epilepsy.

Maximum group size is eight in The Vault and Das Boot, and six in Pharaoh's Curse and Ward 13,
because of the fire escape capacity.

First aid kits are kept behind the front desk. At least one first-aider is on shift whenever a
game is running.
""",
        out / "docs/escape/health_and_safety.txt",
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    solar(rng, out)
    ski(rng, out)
    petinsure(rng, out)
    escape(rng, out)


if __name__ == "__main__":
    main()
