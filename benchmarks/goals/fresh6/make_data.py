"""Write the fresh6 corpus's files into DIR (deterministic, offline, small).

Run: python make_data.py DIR

Files (all invented here, fixed seeds):
  listings_train.csv, listings_test.csv, listings_new.csv  real-estate listings, label pr_band
  headlines.csv            news headlines, topic filled in on about one row in ten
  headline_gold.csv        hand labels for other headlines: HeadlineID, topic
  headlines_test.csv       labeled headlines for testing
  line_qc.csv              production-line QC measurements, qc_fail Y/N, a few broken units
  line_qc_new.csv          the next batch, no qc_fail
  inspections.csv          restaurant health inspections, grade A/B/C and outcome pass/fail
  inspections_q4.csv       new inspections, no grade/outcome
  risk_audit.csv           an auditor's hand labels for 90 inspections: inspection_no, risk_level
  docs/city_guide.md       a travel guide to an invented city
  docs/press_manual.txt    a maintenance manual for an invented hydraulic press
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

# --------------------------------------------------------------------------- listings

NEIGHBOURHOODS = {
    # name: (price level multiplier, typical distance to transit km)
    "Harborview": (1.45, 0.6),
    "Old Town": (1.30, 0.4),
    "Cedar Hill": (1.15, 1.8),
    "Millbrook": (0.95, 2.5),
    "Eastgate": (0.80, 1.2),
    "Riverside Flats": (0.75, 3.0),
}
PROP_TYPES = ["apartment", "condo", "townhouse", "detached"]
BLURB_GOOD = [
    "renovated chef's kitchen",
    "water views from the balcony",
    "quartz counters and oak floors",
    "rooftop terrace",
    "walk to the marina",
    "smart home throughout",
    "vaulted ceilings",
]
BLURB_PLAIN = [
    "needs some TLC",
    "original kitchen",
    "great starter home",
    "close to the bus line",
    "carpet in bedrooms",
    "investor special",
    "cozy layout",
]
BLURB_ANY = [
    "sunny living room",
    "quiet street",
    "in-unit laundry",
    "freshly painted",
    "storage unit included",
    "near schools and parks",
]


def _listings(rng: np.random.Generator, n: int, start: int, labeled: bool) -> pd.DataFrame:
    names = list(NEIGHBOURHOODS)
    nb = rng.choice(names, size=n, p=[0.14, 0.14, 0.18, 0.2, 0.18, 0.16])
    ptype = rng.choice(PROP_TYPES, size=n, p=[0.3, 0.2, 0.2, 0.3])
    base_area = {"apartment": 780, "condo": 980, "townhouse": 1450, "detached": 2100}
    area = np.array([rng.normal(base_area[t], base_area[t] * 0.22) for t in ptype]).clip(350, 5200)
    beds = np.clip(np.round(area / 600 + rng.normal(0, 0.6, n)), 0, 6).astype(int)
    baths = np.clip(np.round(beds * 0.6 + rng.normal(0.5, 0.4, n) * 2) / 2, 1, 4.5)
    year = rng.integers(1924, 2025, n).astype(float)
    lot = np.where(
        np.isin(ptype, ["townhouse", "detached"]),
        rng.normal(4200, 1500, n).clip(900, 15000),
        np.nan,
    )
    garage = np.where(ptype == "detached", rng.integers(1, 4, n), rng.integers(0, 2, n))
    dist = np.array([max(0.05, rng.gamma(2.0, NEIGHBOURHOODS[x][1] / 2)) for x in nb])
    hoa = np.where(
        np.isin(ptype, ["condo", "apartment"]), rng.normal(320, 110, n).clip(40, 900), np.nan
    )
    level = np.array([NEIGHBOURHOODS[x][0] for x in nb])
    age_pen = np.where(year < 1960, 0.93, 1.0) * np.where(year > 2012, 1.08, 1.0)
    quality = rng.normal(0, 1, n)
    value = area * 310 * level * age_pen * (1 + 0.12 * quality) * (1 - 0.03 * dist)
    value += rng.normal(0, 25000, n)
    blurbs = []
    for q in quality:
        pool = BLURB_GOOD if q > 0.3 else BLURB_PLAIN if q < -0.3 else BLURB_ANY
        parts = list(rng.choice(pool, size=2, replace=False)) + [str(rng.choice(BLURB_ANY))]
        rng.shuffle(parts)
        blurbs.append(", ".join(parts).capitalize() + ".")
    frame = pd.DataFrame(
        {
            "listing_id": [f"L{start + i:05d}" for i in range(n)],
            "nbhd": nb,
            "prop_type": ptype,
            "liv_sqft": area.round().astype(int),
            "beds": beds,
            "baths": baths,
            "yr_built": year,
            "lot_sqft": np.round(lot),
            "garage_spaces": garage,
            "dist_transit_km": dist.round(2),
            "hoa_monthly": np.round(hoa),
            "agent_blurb": blurbs,
        }
    )
    # missing values: some build years and some HOA fees never recorded
    frame.loc[rng.random(n) < 0.07, "yr_built"] = np.nan
    frame.loc[rng.random(n) < 0.05, "hoa_monthly"] = np.nan
    frame["yr_built"] = frame["yr_built"].astype("Int64")
    if labeled:
        cuts = [0, 330_000, 620_000, np.inf]
        frame["pr_band"] = pd.cut(value, cuts, labels=["budget", "mid", "premium"]).astype(str)
    return frame


# --------------------------------------------------------------------------- headlines

TOPIC_WORDS = {
    "sports": (
        [
            "Striker",
            "Coach",
            "Goalkeeper",
            "Rookie",
            "Captain",
            "Veteran pitcher",
            "Sprinter",
            "Title holders",
            "Underdogs",
            "Home side",
        ],
        [
            "scores twice in",
            "signs extension after",
            "suspended for",
            "returns from injury for",
            "sets record in",
            "benched ahead of",
            "celebrates win in",
            "knocked out of",
        ],
        [
            "derby",
            "playoff opener",
            "cup final",
            "league table",
            "semifinal",
            "season finale",
            "transfer window",
            "marathon",
            "grand slam",
        ],
    ),
    "business": (
        [
            "Retailer",
            "Shares",
            "Startup",
            "Central bank",
            "Airline",
            "Chipmaker",
            "Bank",
            "Carmaker",
            "Investors",
            "Grocer",
        ],
        [
            "cuts forecast after",
            "posts record profit on",
            "lays off staff amid",
            "raises prices over",
            "announces merger despite",
            "slides on",
            "rallies after",
            "misses estimates on",
        ],
        [
            "quarterly earnings",
            "weak demand",
            "interest rate hike",
            "supply costs",
            "IPO filing",
            "inflation data",
            "dividend",
            "market selloff",
            "revenue",
        ],
    ),
    "politics": (
        [
            "Senator",
            "Mayor",
            "Parliament",
            "Prime minister",
            "Opposition",
            "Governor",
            "Council",
            "Ministers",
            "Lawmakers",
            "Cabinet",
        ],
        [
            "vows to block",
            "wins vote on",
            "faces backlash over",
            "unveils plan for",
            "calls snap election over",
            "resigns amid",
            "debates",
            "rejects",
        ],
        [
            "budget bill",
            "election reform",
            "coalition talks",
            "tax package",
            "immigration law",
            "campaign funding",
            "referendum",
            "border policy",
            "ballot measure",
        ],
    ),
    "tech": (
        [
            "App maker",
            "Researchers",
            "Chip designer",
            "Phone giant",
            "Hackers",
            "Social network",
            "Cloud provider",
            "Robotics firm",
            "Browser team",
            "Engineers",
        ],
        [
            "launch",
            "patch flaw in",
            "unveil",
            "delay rollout of",
            "open-source",
            "test new",
            "recall",
            "pilot",
        ],
        [
            "AI model",
            "smartphone",
            "software update",
            "data breach",
            "quantum chip",
            "encryption",
            "chatbot",
            "battery tech",
            "satellite internet",
        ],
    ),
}
TOPICS = list(TOPIC_WORDS)
OUTLETS = ["Daily Ledger", "Metro Wire", "The Courier", "Northside Post", "Evening Star"]
# A few shared words make some headlines hard (a business story about a football club, ...).
CROSSOVER = [
    ("sports", "business", "Football club posts record profit on transfer window"),
    ("business", "tech", "Chipmaker shares rally after AI model launch"),
    ("politics", "tech", "Lawmakers grill social network over data breach"),
    ("politics", "sports", "Mayor backs stadium plan ahead of cup final"),
]


def _headline(rng: np.random.Generator, topic: str) -> str:
    subj, verb, obj = TOPIC_WORDS[topic]
    if rng.random() < 0.12:
        # borrow the object from another topic: a harder row
        other = TOPICS[int(rng.integers(len(TOPICS)))]
        obj = TOPIC_WORDS[other][2]
    text = f"{rng.choice(subj)} {rng.choice(verb)} {rng.choice(obj)}"
    if rng.random() < 0.25:
        text += (
            f", {rng.choice(['report says', 'sources say', 'officials confirm', 'analysts warn'])}"
        )
    return text


def _headlines(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    topic = rng.choice(TOPICS, size=n, p=[0.27, 0.27, 0.24, 0.22])
    texts = [_headline(rng, t) for t in topic]
    for i in rng.choice(n, size=max(1, n // 60), replace=False):
        true, _, text = CROSSOVER[int(rng.integers(len(CROSSOVER)))]
        topic[i], texts[i] = true, text
    days = rng.integers(0, 120, n)
    dates = (pd.Timestamp("2026-06-01") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d")
    return pd.DataFrame(
        {
            "headline_id": np.arange(start, start + n),
            "outlet": rng.choice(OUTLETS, size=n),
            "pub_date": dates,
            "headline": texts,
            "topic": topic,
        }
    )


# --------------------------------------------------------------------------- production line QC


def _line_qc(
    rng: np.random.Generator, n: int, start: int, labeled: bool, broken: int
) -> pd.DataFrame:
    line = rng.choice(["L1", "L2", "L3"], size=n, p=[0.4, 0.35, 0.25])
    shift = rng.choice(["day", "swing", "night"], size=n, p=[0.45, 0.3, 0.25])
    temp = rng.normal(182, 4, n) + np.where(line == "L3", 3.0, 0.0)
    press = rng.normal(410, 18, n)
    torque = 0.11 * press + rng.normal(0, 1.2, n)  # follows pressure
    cyc = 38 + 0.15 * (temp - 182) + rng.normal(0, 0.9, n) + np.where(shift == "night", 0.8, 0.0)
    vib = np.abs(rng.normal(1.1, 0.25, n)) + np.where(line == "L2", 0.15, 0.0)
    hum = rng.normal(46, 6, n)
    risk = (
        0.35 * np.abs(temp - 182) / 4
        + 0.5 * np.maximum(vib - 1.4, 0) * 4
        + 0.3 * np.abs(torque - 0.11 * press) / 1.2
        + np.where(shift == "night", 0.3, 0.0)
        + rng.normal(0, 0.45, n)
    )
    fail = risk > np.quantile(risk, 0.9)
    frame = pd.DataFrame(
        {
            "unit_sn": [f"SN-{start + i:06d}" for i in range(n)],
            "line": line,
            "shift": shift,
            "oven_temp_c": temp.round(1),
            "press_kpa": press.round(1),
            "torque_nm": torque.round(2),
            "cyc_t": cyc.round(2),
            "vib_rms": vib.round(3),
            "humidity_pct": hum.round(1),
        }
    )
    # broken units: values that are extreme or break the torque/pressure and temp/cycle links
    idx = rng.choice(n, size=broken, replace=False)
    for k, i in enumerate(idx):
        kind = k % 4
        if kind == 0:
            frame.loc[i, "torque_nm"] = round(float(frame.loc[i, "press_kpa"]) * 0.05, 2)
        elif kind == 1:
            frame.loc[i, "oven_temp_c"] = round(float(rng.normal(214, 3)), 1)
            frame.loc[i, "cyc_t"] = round(float(rng.normal(33, 0.5)), 2)
        elif kind == 2:
            frame.loc[i, "vib_rms"] = round(float(rng.normal(4.8, 0.4)), 3)
        else:
            frame.loc[i, "press_kpa"] = round(float(rng.normal(290, 6)), 1)
        fail[i] = True
    # sensor dropouts
    frame.loc[rng.random(n) < 0.04, "humidity_pct"] = np.nan
    frame.loc[rng.random(n) < 0.015, "vib_rms"] = np.nan
    if labeled:
        frame["qc_fail"] = np.where(fail, "Y", "N")
    return frame


# --------------------------------------------------------------------------- inspections

DISTRICTS = ["Northgate", "Canal Ward", "Southbank", "Hillcrest", "Market Square"]
CUISINES = ["pizza", "sushi", "taqueria", "bakery", "diner", "thai", "indian", "cafe", "bbq"]
NAME_A = ["Golden", "Little", "Blue", "Happy", "Old", "Corner", "Lucky", "Green", "Royal", "Sunny"]
NAME_B = [
    "Spoon",
    "Dragon",
    "Oven",
    "Garden",
    "Kitchen",
    "Grill",
    "Bowl",
    "Table",
    "Lantern",
    "Fork",
]
NOTES_CLEAN = [
    "Kitchen clean and well organised.",
    "Handwashing station stocked.",
    "Cold holding at correct temperature.",
    "Staff food handler cards current.",
    "No pest activity observed.",
]
NOTES_MINOR = [
    "Wiping cloths not stored in sanitizer.",
    "Light fixture missing cover in prep area.",
    "Floor tiles cracked near dish station.",
    "Food containers not labelled with dates.",
]
NOTES_CRITICAL = [
    "Raw chicken stored above ready-to-eat salad.",
    "Mouse droppings found behind dry storage shelves.",
    "Walk-in cooler at 52F, food discarded.",
    "No hot water at handwashing sink.",
    "Employee handled food with bare hands after handling cash.",
    "Cockroaches observed near fryer.",
]


def _inspections(rng: np.random.Generator, n: int, start: int, labeled: bool) -> pd.DataFrame:
    names = [f"{rng.choice(NAME_A)} {rng.choice(NAME_B)}" for _ in range(n)]
    kind = rng.choice(["routine", "follow-up", "complaint"], size=n, p=[0.65, 0.2, 0.15])
    crit = rng.poisson(np.where(kind == "complaint", 1.6, np.where(kind == "follow-up", 0.9, 0.5)))
    minor = rng.poisson(2.2, n)
    days = rng.integers(30, 700, n).astype(float)
    temp_ok = np.where(rng.random(n) < 0.15 + 0.1 * crit, "no", "yes")
    notes = []
    for c, m in zip(crit, minor, strict=True):
        parts = list(rng.choice(NOTES_CRITICAL, size=min(c, 2), replace=False)) if c else []
        parts += list(rng.choice(NOTES_MINOR, size=min(m, 2), replace=False)) if m else []
        if not parts or rng.random() < 0.4:
            parts.append(str(rng.choice(NOTES_CLEAN)))
        rng.shuffle(parts)
        notes.append(" ".join(parts))
    score = 3 * crit + minor + np.where(temp_ok == "no", 2, 0) + rng.normal(0, 1.2, n)
    frame = pd.DataFrame(
        {
            "insp_id": np.arange(start, start + n),
            "establishment": names,
            "district": rng.choice(DISTRICTS, size=n),
            "cuisine": rng.choice(CUISINES, size=n),
            "insp_type": kind,
            "n_critical": crit,
            "n_violations": crit + minor,
            "days_since_prev": days,
            "temp_log_ok": temp_ok,
            "inspector_notes": notes,
        }
    )
    frame.loc[rng.random(n) < 0.08, "days_since_prev"] = np.nan
    frame["days_since_prev"] = frame["days_since_prev"].astype("Int64")
    if labeled:
        frame["grade"] = np.where(score < 4, "A", np.where(score < 8, "B", "C"))
        frame["outcome"] = np.where(score < 7.5, "pass", "fail")
        # the auditor's own view of risk (not stored in the table): critical findings,
        # complaint visits and broken temperature logs weigh most
        risk = 2.5 * crit + np.where(kind == "complaint", 2.0, 0.0) + 0.4 * minor
        risk += np.where(temp_ok == "no", 2.5, 0.0) + rng.normal(0, 1.0, n)
        frame.attrs["risk_level"] = np.where(risk >= 4.0, "high", "low")
    return frame


# --------------------------------------------------------------------------- documents

CITY_GUIDE = """# Velmora: A Visitor's Guide

Velmora is a harbour city of about 410,000 people on the southern coast of the Lirran Gulf.
It was founded as a salt-trading post in 1312 and is known today for its tiled facades, its
covered markets and the cable tramway that climbs the Brennet Hills.

## Getting there

Velmora Sorrel Airport is 14 kilometres north-east of the old town. The Airport Shuttle Line
runs every 12 minutes from 5:30 to 23:45 and takes 22 minutes to Central Station. A single
ticket costs 3.80 lira. Taxis charge a flat fare of 28 lira to anywhere inside the ring road.

If you arrive by ferry, you land at the Weststrand terminal, which is a ten-minute walk from
the Cathedral of Saint Oriel. Ferries from Port Analys arrive twice a day in summer and once a
day between November and March.

## Getting around

The Velmora Pass is a contactless card that covers trams, buses, the cable tramway and the
harbour water-bus. It is sold in 24-hour, 72-hour and 7-day versions; the 72-hour pass costs
19 lira. Children under six ride free on every line.

Tram line 9 is the most scenic route in the city. It runs from Central Station along the
waterfront to the lighthouse at Cape Mirel and takes 35 minutes end to end. When the wind from
the gulf is stronger than 60 kilometres per hour, the water-bus is suspended and tram line 9
runs extra services.

The Brennet cable tramway is a funicular built in 1898. It climbs 180 metres in four minutes
and carries up to 60 passengers per car. The cable tramway closes for maintenance every year
during the first two weeks of February.

Cycling is popular along the harbour. The city bike scheme, called VelBike, has 140 docking
stations; the first 30 minutes of every ride are free with a Velmora Pass.

## Neighbourhoods

The Old Town is the walled district around the cathedral. Its streets are too narrow for
cars, so deliveries are made by small electric carts before 10:00 each morning.

Saltmarket is the former warehouse district east of the harbour. It is now home to galleries,
breweries and the Saltmarket Food Hall, which is open until midnight on Fridays and Saturdays.

Brennet Heights is a quiet residential area at the top of the cable tramway. The Heights
Observatory offers free stargazing evenings on the first Thursday of every month because the
city council funds it as a public education programme.

## Food and drink

The signature dish of Velmora is brasca, a slow-cooked stew of octopus, white beans and smoked
paprika. Brasca is traditionally served on Sundays with flatbread baked in a wood oven.

The covered market on Rua Telles opens at 7:00 and sells fish landed the same morning. Most
stalls close by 14:00, so visitors should arrive early. Tipping is not expected in Velmora;
a service charge of 10 percent is already included in restaurant bills.

## Museums and sights

The Maritime Museum is housed in the old customs building. It holds the Orsenna, a 17th-century
merchant ship that was raised from the harbour floor in 1987. Entry is free on Wednesdays.

The Lighthouse at Cape Mirel is 52 metres tall and can be climbed in summer. The climb has 243
steps, and the gallery at the top is closed when it rains.

The Cathedral of Saint Oriel took 140 years to build. Its bell, called the Great Marta, weighs
nine tonnes and rings at noon every day.

## Festivals

The Lantern Festival takes place on the last weekend of September. During the festival, the
harbour is lit by thousands of paper lanterns and the trams run all night.

The Salt Fair is held in May in Saltmarket. It celebrates the city's founding trade with
markets, boat races and a parade of decorated barges.

## Practical information

The local currency is the lira. Most shops accept cards, but the covered market stalls often
take cash only. Tap water in Velmora is safe to drink. The emergency number is 112, and the
tourist information office at Central Station is open every day from 8:00 to 20:00.

Summer temperatures average 29 degrees Celsius in July. Winters are mild but wet, with most rain
falling between November and February. If you visit in winter, pack a waterproof jacket because
the gulf wind makes umbrellas nearly useless.
"""

PRESS_MANUAL = """HX-400 HYDRAULIC PRESS - MAINTENANCE MANUAL
Revision 3.2

1. INTRODUCTION

The HX-400 is a four-column hydraulic press rated for a maximum force of 400 kilonewtons. It
is used for forming, punching and assembly of sheet-metal parts up to 6 millimetres thick. This
manual describes routine maintenance, inspection intervals and fault finding. Only trained
maintenance technicians may carry out the procedures in this manual.

2. SAFETY

Before any maintenance, the press must be locked out. Lockout means switching the main isolator
to OFF, attaching a personal padlock and tag, and releasing stored hydraulic pressure through
the bleed valve. The pressure gauge must read zero before any guard is removed.

The light curtain is a safety device that stops the ram when an operator's hand enters the
working zone. The light curtain must be tested at the start of every shift by passing the test
rod through the beam at three heights. If the ram does not stop within 180 milliseconds, the
press must not be used.

Never stand under a raised ram that is not supported by the mechanical safety blocks.

3. HYDRAULIC SYSTEM

The hydraulic oil is ISO VG 46 mineral oil. The reservoir holds 180 litres. The oil level
should be checked daily with the ram fully raised; the level must sit between the two marks on
the sight glass.

The oil temperature must stay between 30 and 55 degrees Celsius during operation. If the oil
temperature exceeds 60 degrees Celsius, the press controller stops the pump and shows alarm
code E-17. An overheating pump is usually caused by a clogged cooler fin pack or by a low oil
level.

The return-line filter must be replaced every 1,000 operating hours or when the clogging
indicator turns red, whichever comes first. The oil itself must be changed every 4,000 operating
hours. A sample of oil should be sent for particle analysis every 2,000 hours.

4. DAILY CHECKS

At the start of each shift, the operator performs the daily checks:
- check the oil level on the sight glass;
- test the light curtain and the two-hand control;
- look for oil leaks around the cylinder and the hoses;
- listen for unusual pump noise during the first stroke;
- confirm that the emergency stop button latches and resets.

Any fault found during the daily checks must be recorded in the machine logbook and reported to
the shift supervisor before the press is used.

5. WEEKLY AND MONTHLY MAINTENANCE

Every week, the column guides are cleaned and lubricated with lithium grease. The ram guide
clearance should be between 0.05 and 0.12 millimetres; a larger clearance causes uneven parts
and faster tool wear.

Every month, the technician inspects the hydraulic hoses. A hose must be replaced when its
outer cover is cracked, when the wire braid is visible, or when it is more than six years old.
The accumulator pre-charge pressure is checked monthly with a charging kit and must be 90 bar
plus or minus 5 bar.

6. TOOLING CHANGES

The quick-change die clamps hold the upper and lower tools. Clamping pressure is 210 bar. When
a die is changed, the shut height must be set again using the height adjustment screen on the
controller, because a wrong shut height can overload the frame.

After a tool change, the first five parts are inspected with the go/no-go gauge before the batch
is released.

7. FAULT FINDING

Alarm E-17 means the oil temperature is too high. Clean the cooler, check the oil level, then
let the press cool for 30 minutes before restarting.

Alarm E-22 means the ram did not reach the bottom position within the set time. The most common
cause is a worn seal in the main cylinder, which lets oil bypass the piston.

Alarm E-31 means the light curtain was interrupted during a stroke. The ram returns to the top
position automatically. If E-31 appears with no obstruction in the beam, the emitter and
receiver lenses should be cleaned with a soft cloth.

If the ram moves slowly on the downstroke, the proportional valve may be sticking. Flushing the
valve is described in the service bulletin SB-114.

8. RECORDS

Every maintenance task is logged with the date, the operating hours shown on the controller, the
technician's name and the parts replaced. Logbooks are kept for at least five years because the
insurance inspection in April each year reviews them.
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(6001)
    _listings(rng, 640, 1, True).to_csv(out / "listings_train.csv", index=False)
    _listings(rng, 220, 5001, True).to_csv(out / "listings_test.csv", index=False)
    _listings(rng, 40, 9001, False).to_csv(out / "listings_new.csv", index=False)

    rng = np.random.default_rng(6002)
    pool = _headlines(rng, 900, 1)
    labeled = rng.random(len(pool)) < 0.11
    gold_rows = rng.choice(np.flatnonzero(~labeled), size=150, replace=False)
    gold = pd.DataFrame(
        {
            "HeadlineID": pool.loc[gold_rows, "headline_id"].to_numpy(),
            "topic": pool.loc[gold_rows, "topic"].to_numpy(),
        }
    )
    pool["topic"] = pool["topic"].where(labeled, "")
    pool.to_csv(out / "headlines.csv", index=False)
    gold.sort_values("HeadlineID").to_csv(out / "headline_gold.csv", index=False)
    _headlines(rng, 240, 2001).to_csv(out / "headlines_test.csv", index=False)

    rng = np.random.default_rng(6003)
    _line_qc(rng, 1200, 100001, True, broken=16).to_csv(out / "line_qc.csv", index=False)
    _line_qc(rng, 150, 200001, False, broken=4).to_csv(out / "line_qc_new.csv", index=False)

    rng = np.random.default_rng(6004)
    insp = _inspections(rng, 520, 70001, True)
    insp.to_csv(out / "inspections.csv", index=False)
    audited = np.sort(rng.choice(len(insp), size=90, replace=False))
    pd.DataFrame(
        {
            "inspection_no": insp["insp_id"].to_numpy()[audited],
            "risk_level": insp.attrs["risk_level"][audited],
        }
    ).to_csv(out / "risk_audit.csv", index=False)
    _inspections(rng, 80, 80001, False).to_csv(out / "inspections_q4.csv", index=False)

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "city_guide.md").write_text(CITY_GUIDE, encoding="utf-8")
    (docs / "press_manual.txt").write_text(PRESS_MANUAL, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
