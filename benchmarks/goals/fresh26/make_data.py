"""Invented data for the fresh26 corpus: a cinema chain, beekeepers, a tram depot, tax advisers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2626

CINEMAS = ["Riverside", "Northgate", "Old Mill Quarter", "Harbour Point"]
FILMS = [
    ("The Last Lighthouse", "drama", "12A"),
    ("Paws of Thunder", "family", "U"),
    ("Neon Requiem", "thriller", "15"),
    ("Star Orchard", "sci-fi", "12A"),
    ("Grandma's Heist", "comedy", "PG"),
    ("The Hollow Pier", "horror", "18"),
    ("Midnight at Ferris Row", "romance", "12A"),
    ("Iron Tide", "action", "15"),
    ("Little Moth", "animation", "U"),
    ("A Quiet Inventory", "documentary", "PG"),
]

COMMENT_PARTS = {
    "positive": [
        "absolutely loved it",
        "the sound in screen 3 was amazing",
        "staff were friendly and quick at the kiosk",
        "comfy recliners, great night out",
        "brilliant film, will come back with the kids",
        "lovely clean auditorium",
        "best popcorn in town",
        "the IMAX picture was stunning",
        "booking online was easy and the seats were great",
        "really enjoyed the members screening",
    ],
    "negative": [
        "the film started twenty minutes late",
        "sticky floor and broken seat in row F",
        "people on their phones the whole time and nobody did anything",
        "sound kept cutting out",
        "way too expensive for a drink and nachos",
        "the projector was out of focus",
        "air con was freezing",
        "queue at the kiosk took forever and we missed the start",
        "toilets were disgusting",
        "rude usher, won't be back",
    ],
    "neutral": [
        "went on a tuesday afternoon",
        "saw it with my sister",
        "parking was where it always is",
        "it was the 7pm showing",
        "the film was about two hours long",
        "we had the standard seats",
        "bought tickets at the door",
        "first time at this cinema",
        "screen 2 this time",
        "came for the matinee",
    ],
}

FAULT_PARTS = {
    "doors": [
        "door 3 nearside not closing fully, obstruction alarm keeps tripping",
        "passenger door B2 slow to open at stops",
        "door interlock fault, tram would not take power until doors cycled",
        "door edge rubber torn on car C",
        "step/door fault light on at every stop",
        "door motor noisy and sticking halfway",
    ],
    "brakes": [
        "track brake not dropping on test",
        "brake pad wear warning on bogie 2",
        "wheel slide during braking in the wet near Market St",
        "emergency brake applied itself twice on the viaduct",
        "hydraulic brake pressure low after depot exit",
        "squealing from brakes on approach to terminus",
    ],
    "traction": [
        "traction motor overtemp alarm, lost power uphill",
        "converter tripped, tram coasted to stop",
        "jerky acceleration from standstill",
        "loss of traction on gradient, wheel spin",
        "inverter fault code on DMI, reset cleared it",
        "traction cut out at 40 km/h",
    ],
    "pantograph": [
        "pantograph arcing under the overhead at the junction",
        "pan not raising on first attempt",
        "carbon strip chipped, heard a bang under the wires",
        "pantograph dropped in service, OLE contact lost",
        "pan head bouncing at speed",
        "pantograph air pressure low, slow to rise",
    ],
    "hvac": [
        "saloon heating not working, passengers complaining of cold",
        "cab air con blowing warm",
        "HVAC unit on car A making loud rattle",
        "condensation dripping from saloon vent",
        "driver cab heater stuck on full",
        "smell of burning from saloon heater",
    ],
}

FAULT_NOISE = [
    "reported by driver",
    "on route 2",
    "at Castle Gate stop",
    "during evening peak",
    "seen again today",
    "first time on this unit",
    "ref previous defect",
    "",
    "controller informed",
    "tram taken out of service",
]

ENQUIRY_PARTS = {
    "self_assessment": [
        "I need help with my self assessment tax return",
        "when is the deadline for the online tax return",
        "I got a late filing penalty for my return",
        "do I need to register for self assessment if I rent out a room",
        "can you check my payments on account",
        "I forgot my UTR number for the tax return",
    ],
    "vat": [
        "should I register for VAT, my turnover is near the threshold",
        "question about the flat rate VAT scheme",
        "my VAT return for the quarter is due next week",
        "can we reclaim VAT on the van",
        "Making Tax Digital for VAT software question",
        "we were charged VAT on an invoice from the EU",
    ],
    "payroll": [
        "new starter next month, can you add her to payroll",
        "question about employer national insurance",
        "how do I set up a workplace pension for my staff",
        "the payslips for March look wrong",
        "RTI submission rejected by HMRC",
        "need a P45 for an employee who left",
    ],
    "capital_gains": [
        "I sold my buy to let flat, how much capital gains tax",
        "selling some shares, what is the annual exempt amount",
        "do I pay CGT on gifting the holiday cottage to my son",
        "private residence relief question for my old house",
        "sold crypto last year, do I need to report the gain",
        "business asset disposal relief on selling my company",
    ],
    "inheritance_tax": [
        "my father passed away, do we need to pay inheritance tax",
        "question on the nil rate band and the residence allowance",
        "gifts made seven years before death, how are they taxed",
        "can I put the house in trust to avoid inheritance tax",
        "probate form and the IHT400",
        "we are executors of my aunt's estate and need advice",
    ],
}


def _pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def _comment(rng: np.random.Generator, label: str) -> str:
    parts = [_pick(rng, COMMENT_PARTS[label])]
    if rng.random() < 0.6:
        parts.append(_pick(rng, COMMENT_PARTS["neutral"]))
    rng.shuffle(parts)
    if rng.random() < 0.12:  # some mixed feelings
        other = "negative" if label == "positive" else "positive"
        parts.append("but " + _pick(rng, COMMENT_PARTS[other]))
    text = ", ".join(parts)
    return text[0].upper() + text[1:] + rng.choice([".", "!", "", " :)", "..."])


def cinema(out: Path, rng: np.random.Generator) -> None:
    """Screenings with attendance, audience comments, a hand-sorted file and a test file."""
    rows = []
    start = pd.Timestamp("2026-09-01")
    for i in range(900):
        film, genre, cert = FILMS[int(rng.integers(len(FILMS)))]
        cinema_name = _pick(rng, CINEMAS)
        fmt = rng.choice(["2D", "2D", "2D", "3D", "IMAX"])
        seats = int(rng.choice([80, 120, 160, 220, 300 if fmt == "IMAX" else 180]))
        hour = int(rng.choice([11, 13, 15, 17, 18, 19, 20, 21]))
        base = 0.25 + 0.35 * (hour >= 18) + 0.1 * (genre in ("action", "family"))
        sold = int(np.clip(rng.normal(base, 0.15) * seats, 0, seats))
        conc = round(sold * rng.normal(6.5, 1.2), 2)
        rows.append(
            {
                "screening_id": f"SCR-{10000 + i}",
                "cinema": cinema_name,
                "screen": int(rng.integers(1, 9)),
                "film_title": film,
                "genre": genre,
                "certificate": cert,
                "format": fmt,
                "show_date": (start + pd.Timedelta(days=int(rng.integers(0, 61)))).date(),
                "show_time": f"{hour:02d}:{int(rng.choice([0, 15, 30, 45])):02d}",
                "seats": seats,
                "tickets_sold": sold,
                "concessions_gbp": max(conc, 0.0),
            }
        )
    df = pd.DataFrame(rows)
    bad = rng.choice(len(df), 14, replace=False)
    df.loc[bad[:5], "tickets_sold"] = df.loc[bad[:5], "seats"] * 3  # double-counted imports
    df.loc[bad[5:9], "concessions_gbp"] = 9999.0  # till error
    df.loc[bad[9:], "tickets_sold"] = -1  # failed sync
    df.to_csv(out / "screenings.csv", index=False)

    labels = ["positive", "negative", "neutral"]
    probs = [0.45, 0.35, 0.20]

    def comments(n: int, first: int) -> pd.DataFrame:
        recs = []
        for k in range(n):
            lab = str(rng.choice(labels, p=probs))
            film = FILMS[int(rng.integers(len(FILMS)))][0]
            recs.append(
                {
                    "comment_id": first + k,
                    "cinema": _pick(rng, CINEMAS),
                    "film_title": film,
                    "posted_on": (start + pd.Timedelta(days=int(rng.integers(0, 61)))).date(),
                    "comment": _comment(rng, lab),
                    "_label": lab,
                }
            )
        return pd.DataFrame(recs)

    pool = comments(1200, 50001)
    pool["sentiment"] = ""
    pool.drop(columns="_label").to_csv(out / "audience_comments.csv", index=False)
    sorted_idx = np.sort(rng.choice(len(pool), 60, replace=False))
    hand = pool.iloc[sorted_idx][["comment_id", "_label"]].rename(columns={"_label": "sentiment"})
    hand.to_csv(out / "comments_handsorted.csv", index=False)
    test = comments(200, 70001)
    test = test.rename(columns={"_label": "sentiment"})
    test.to_csv(out / "comments_test.csv", index=False)


def bees(out: Path, rng: np.random.Generator) -> None:
    """Hive scale/temperature logs with sensor faults and a partly filled colony status."""
    apiaries = ["Orchard Lane", "Moor End", "Church Field", "Allotments"]
    statuses = ["healthy", "weak", "queenless", "swarm_risk"]
    hives = [f"H{n:02d}" for n in range(1, 41)]
    hive_status = {h: str(rng.choice(statuses, p=[0.55, 0.17, 0.13, 0.15])) for h in hives}
    rows = []
    start = pd.Timestamp("2026-05-01 06:00")
    rid = 1
    for h in hives:
        apiary = apiaries[int(h[1:]) % 4]
        st = hive_status[h]
        weight = {"healthy": 42, "weak": 28, "queenless": 35, "swarm_risk": 55}[st]
        weight += rng.normal(0, 3)
        for day in range(50):
            for hour in (6, 18):
                ts = start + pd.Timedelta(days=day, hours=hour - 6)
                trend = {"healthy": 0.25, "weak": -0.05, "queenless": -0.2, "swarm_risk": 0.3}[st]
                w = weight + trend * day + rng.normal(0, 0.6) + (0.8 if hour == 18 else 0)
                brood = {"healthy": 34.8, "weak": 33.2, "queenless": 31.5, "swarm_risk": 35.6}[st]
                spread = 0.4 if st in ("healthy", "swarm_risk") else 1.6
                outside = 12 + 6 * (hour == 18) + rng.normal(0, 3) + day * 0.1
                rows.append(
                    {
                        "reading_id": rid,
                        "hive_id": h,
                        "apiary": apiary,
                        "logged_at": ts.strftime("%Y-%m-%d %H:%M"),
                        "weight_kg": round(w, 2),
                        "brood_temp_c": round(brood + rng.normal(0, spread), 2),
                        "humidity_pct": round(float(np.clip(rng.normal(62, 6), 30, 95)), 1),
                        "outside_temp_c": round(outside, 1),
                        "battery_v": round(3.9 - day * 0.008 + rng.normal(0, 0.03), 3),
                        "colony_status": st if rng.random() < 0.18 else "",
                    }
                )
                rid += 1
    df = pd.DataFrame(rows)
    n = len(df)
    faults = rng.choice(n, 45, replace=False)
    df.loc[faults[:10], "weight_kg"] = 0.0  # scale dropped out
    df.loc[faults[10:18], "weight_kg"] = 248.6  # load cell saturated
    df.loc[faults[18:28], "brood_temp_c"] = 85.0  # probe stuck high
    df.loc[faults[28:35], "brood_temp_c"] = -40.0  # probe disconnected
    df.loc[faults[35:40], "humidity_pct"] = 0.0
    df.loc[faults[40:], "battery_v"] = 0.4
    df.to_csv(out / "hive_sensor_readings.csv", index=False)

    guide = """# Hive inspection guide (Vale & District Beekeepers' Association)

This guide is for members who keep bees at the association apiaries. Read it before your
first inspection of the season.

## When to inspect

A routine inspection is a look through every brood frame of a colony. Inspections are done
every seven to nine days from April to the end of July, because a colony can raise a new
queen and swarm within that time. If the outside temperature is below 14 degrees, keep the
inspection short or postpone it. Inspections are never done in rain or high wind.

## What to take

The smoker is lit before you open the apiary gate. A hive tool, a frame rest and a spare
brood box are kept in the apiary shed. Members must wear a full suit and gloves at the
association apiaries.

## Queen and brood

A queenright colony is a colony that has a laying queen. Eggs standing upright in the cells
mean the queen was present within the last three days. If you see no eggs and no young
larvae, the colony may be queenless. A queenless colony often sounds louder and the bees are
more defensive. Drone brood in worker cells means a drone laying queen or laying workers.

## Swarm control

Queen cells on the bottom bars of the frames are swarm cells. When you find charged queen
cells, do an artificial swarm the same day. The artificial swarm is done by moving the old
queen to a new box on the original site. A colony that has swarmed loses around half its
weight in bees and stores within an hour, which the hive scales show as a sharp drop.

## Hive scales and sensors

The association hive scales log weight and brood temperature twice a day. A healthy colony
keeps the brood nest between 34 and 36 degrees. Brood temperature that swings by several
degrees means the colony is weak or queenless. A steady weight gain in May and June shows a
nectar flow. A reading of zero kilograms or more than 200 kilograms is a scale fault, not
the bees. Report sensor faults to the apiary manager.

## Disease

American foulbrood is a notifiable disease. If you suspect foulbrood, close the hive and
call the seasonal bee inspector. Varroa is monitored with a sticky board under the open
mesh floor. Treatment for varroa is done in August after the honey is taken off.

## Records

Every inspection is recorded on the hive record card and in the shared colony status column:
healthy, weak, queenless or swarm risk. The apiary manager reviews the records every month.
"""
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "hive_inspection_guide.md").write_text(guide, encoding="utf-8")


def _fault_text(rng: np.random.Generator, label: str) -> str:
    text = _pick(rng, FAULT_PARTS[label])
    if rng.random() < 0.1:
        other = str(rng.choice([k for k in FAULT_PARTS if k != label]))
        text += "; also " + _pick(rng, FAULT_PARTS[other])
    noise = _pick(rng, FAULT_NOISE)
    return f"{text}, {noise}" if noise else text


def trams(out: Path, rng: np.random.Generator) -> None:
    """Fault reports, a labelled test file, new reports, axle/brake readings, labeling rules."""
    types = list(FAULT_PARTS)
    p = [0.28, 0.22, 0.2, 0.14, 0.16]
    trams_ = [f"T{n}" for n in range(301, 333)]

    def reports(n: int, first: int) -> pd.DataFrame:
        recs = []
        for k in range(n):
            lab = str(rng.choice(types, p=p))
            recs.append(
                {
                    "report_id": f"FR-{first + k}",
                    "tram_no": _pick(rng, trams_),
                    "reported_on": (
                        pd.Timestamp("2026-07-01") + pd.Timedelta(hours=int(rng.integers(0, 2900)))
                    ).strftime("%Y-%m-%d %H:%M"),
                    "line": str(rng.choice(["1", "2", "3", "4"])),
                    "reported_by": str(rng.choice(["driver", "fitter", "controller", "cleaner"])),
                    "description": _fault_text(rng, lab),
                    "_label": lab,
                }
            )
        return pd.DataFrame(recs)

    pool = reports(800, 24001)
    pool["fault_type"] = np.where(rng.random(len(pool)) < 0.15, pool["_label"], "")
    pool.drop(columns="_label").to_csv(out / "fault_reports.csv", index=False)
    test = reports(200, 26001).rename(columns={"_label": "fault_type"})
    test.to_csv(out / "fault_reports_test.csv", index=False)
    new = reports(120, 27001).drop(columns="_label")
    new.to_csv(out / "new_fault_reports.csv", index=False)

    rules = [
        {
            "name": "door_words",
            "label": "doors",
            "kind": "keyword",
            "column": "description",
            "keywords": ["door", "doors", "interlock", "obstruction"],
        },
        {
            "name": "brake_words",
            "label": "brakes",
            "kind": "keyword",
            "column": "description",
            "keywords": ["brake", "brakes", "braking", "wheel slide"],
        },
        {
            "name": "pan_words",
            "label": "pantograph",
            "kind": "regex",
            "column": "description",
            "pattern": r"\bpan(tograph)?\b|OLE|carbon strip",
            "ignore_case": True,
        },
        {
            "name": "traction_words",
            "label": "traction",
            "kind": "keyword",
            "column": "description",
            "keywords": ["traction", "converter", "inverter", "acceleration"],
        },
        {
            "name": "hvac_words",
            "label": "hvac",
            "kind": "keyword",
            "column": "description",
            "keywords": ["heating", "heater", "air con", "hvac", "vent"],
        },
    ]
    (out / "fault_rules.json").write_text(json.dumps(rules, indent=2), encoding="utf-8")

    recs = []
    for i in range(1500):
        km = float(rng.uniform(0, 120000))
        recs.append(
            {
                "reading_id": 900001 + i,
                "tram_no": _pick(rng, trams_),
                "bogie": str(rng.choice(["A", "B", "C"])),
                "axle": int(rng.integers(1, 3)),
                "measured_on": (
                    pd.Timestamp("2026-06-01") + pd.Timedelta(days=int(rng.integers(0, 150)))
                ).date(),
                "axle_bearing_temp_c": round(rng.normal(38, 4) + km / 40000, 1),
                "brake_pad_mm": round(float(np.clip(24 - km / 8000 + rng.normal(0, 1), 3, 25)), 1),
                "brake_pressure_bar": round(rng.normal(52, 2.5), 1),
                "wheel_diameter_mm": round(680 - km / 2500 + rng.normal(0, 1.2), 1),
                "vibration_mm_s": round(abs(rng.normal(2.2, 0.5)) + km / 100000, 2),
                "km_since_overhaul": int(km),
            }
        )
    ax = pd.DataFrame(recs)
    bad = rng.choice(len(ax), 24, replace=False)
    ax.loc[bad[:6], "axle_bearing_temp_c"] = rng.uniform(95, 130, 6).round(1)  # hot box
    ax.loc[bad[6:11], "brake_pressure_bar"] = rng.uniform(5, 15, 5).round(1)  # leak
    ax.loc[bad[11:16], "vibration_mm_s"] = rng.uniform(11, 18, 5).round(2)  # flat wheel
    ax.loc[bad[16:20], "brake_pad_mm"] = 31.0  # worn pads logged as new
    ax.loc[bad[16:20], "km_since_overhaul"] = 118000
    ax.loc[bad[20:], "wheel_diameter_mm"] = 6.8  # mm typed as cm
    ax.to_csv(out / "axle_brake_readings.csv", index=False)


def tax(out: Path, rng: np.random.Generator) -> None:
    """Client enquiries (partly typed), clients with renewals, and an FAQ."""
    types = list(ENQUIRY_PARTS)
    recs = []
    openers = ["Hi,", "Hello", "Dear team,", "Good morning,", "", "Quick one -"]
    closers = ["Thanks", "Many thanks, Sam", "Regards", "", "Please call me back", "cheers"]
    for k in range(700):
        lab = str(rng.choice(types, p=[0.32, 0.24, 0.2, 0.14, 0.1]))
        body = _pick(rng, ENQUIRY_PARTS[lab])
        msg = " ".join(x for x in (_pick(rng, openers), body + ".", _pick(rng, closers)) if x)
        recs.append(
            {
                "enquiry_id": f"ENQ-{5001 + k}",
                "client_id": f"C{int(rng.integers(1001, 1601))}",
                "received": (
                    pd.Timestamp("2026-01-05") + pd.Timedelta(days=int(rng.integers(0, 300)))
                ).date(),
                "channel": str(rng.choice(["email", "phone note", "web form", "walk-in"])),
                "message": msg,
                "enquiry_type": lab if rng.random() < 0.12 else "",
            }
        )
    pd.DataFrame(recs).to_csv(out / "client_enquiries.csv", index=False)

    def clients(n: int, first: int, with_label: bool) -> pd.DataFrame:
        rows = []
        for k in range(n):
            ctype = str(
                rng.choice(
                    ["sole_trader", "limited_company", "partnership", "landlord", "individual"]
                )
            )
            years = int(rng.integers(0, 15))
            fee = round(float(rng.normal(1400 if ctype == "limited_company" else 650, 200)), 2)
            late = int(rng.poisson(0.6))
            dd = str(rng.choice(["yes", "no"], p=[0.6, 0.4]))
            sat = int(np.clip(round(rng.normal(3.8, 0.9)), 1, 5))
            row = {
                "client_id": f"C{first + k}",
                "client_type": ctype,
                "sector": str(
                    rng.choice(["retail", "construction", "hospitality", "property", "creative"])
                ),
                "region": str(rng.choice(["North", "South", "East", "West", "City"])),
                "years_as_client": years,
                "annual_fee_gbp": fee,
                "enquiries_last_year": int(rng.poisson(3)),
                "late_submissions": late,
                "on_direct_debit": dd,
                "satisfaction_score": sat,
            }
            if with_label:
                z = -0.5 + 0.12 * years + 0.7 * (sat - 3) + 0.8 * (dd == "yes") - 0.6 * late
                row["renewed"] = "yes" if rng.random() < 1 / (1 + np.exp(-z)) else "no"
            rows.append(row)
        return pd.DataFrame(rows)

    clients(600, 1001, True).to_csv(out / "clients.csv", index=False)
    clients(80, 2001, False).to_csv(out / "clients_up_for_renewal.csv", index=False)

    faq = """# Client FAQ - Harcourt & Wynn Tax Advisers

Answers to the questions our clients ask most. For anything not covered here, book a call
with your adviser.

## Self assessment

Self assessment is the system HMRC uses to collect income tax from people whose income is not
taxed at source. The online tax return deadline is 31 January after the end of the tax year.
If you file late, HMRC charges a penalty of 100 pounds even when no tax is owed. Payments on
account are advance payments towards next year's bill, made on 31 January and 31 July.
Your UTR is the ten digit Unique Taxpayer Reference that HMRC sends when you register.

## VAT

VAT registration is compulsory when your taxable turnover goes over the threshold in any
rolling twelve month period. The flat rate scheme is a simplified scheme where you pay a fixed
percentage of your gross turnover. Making Tax Digital means VAT records must be kept and
returns filed with compatible software. If you miss a VAT return, penalty points are added
to your account.

## Payroll

Our payroll service runs monthly and sends payslips by email. A new starter is added to
payroll once we have their starter checklist and bank details. Employers must enrol eligible
staff into a workplace pension, which is called auto enrolment. RTI stands for Real Time
Information, the report sent to HMRC every time you pay your staff. A P45 is issued when an
employee leaves.

## Capital gains tax

Capital gains tax is charged on the profit when you sell or give away an asset that has
increased in value. The annual exempt amount is the part of your gains each year on which no
tax is due. Private residence relief means you usually pay no capital gains tax on your own
main home. Gains on residential property must be reported within 60 days of completion.
Business asset disposal relief reduces the rate on qualifying business sales.

## Inheritance tax

Inheritance tax is a tax on the estate of someone who has died. The nil rate band is the
amount of an estate on which no inheritance tax is paid. If you leave your home to your
children or grandchildren, the residence nil rate band may also apply. Gifts made more than
seven years before death are normally free of inheritance tax. The IHT400 is the full
inheritance tax account that executors send to HMRC.

## Working with us

Your engagement letter is renewed every April. If you pay by direct debit, your fee is spread
over twelve monthly instalments. Documents are uploaded through the client portal, which is
checked every working day.
"""
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "tax_faq.md").write_text(faq, encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    cinema(out, rng)
    bees(out, rng)
    trams(out, rng)
    tax(out, rng)


if __name__ == "__main__":
    main()
