"""Write the fresh24 corpus's invented data (telecom, real estate, wildlife, recycling)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def telecom(out: Path, rng: np.random.Generator) -> None:
    """Call logs with churned yes/no, a test split, new customers, transcript snippets."""

    def customers(n: int, start: int, with_label: bool) -> pd.DataFrame:
        tenure = rng.integers(1, 72, n)
        plan = rng.choice(["prepaid", "postpaid", "family", "business"], n, p=[0.3, 0.4, 0.2, 0.1])
        contract = rng.choice(["monthly", "one_year", "two_year"], n, p=[0.55, 0.3, 0.15])
        charge = np.round(rng.normal(48, 14, n).clip(12, 120), 2)
        dropped = rng.poisson(2.0, n)
        support = rng.poisson(1.2, n)
        data_gb = np.round(rng.gamma(2.0, 4.0, n), 1)
        minutes = rng.integers(20, 900, n)
        score = (
            -0.04 * tenure
            + 0.35 * dropped
            + 0.55 * support
            + 0.02 * (charge - 48)
            + np.where(contract == "monthly", 1.0, -0.8)
            + np.where(plan == "prepaid", 0.4, 0.0)
            + rng.normal(0, 0.9, n)
            - 0.6
        )
        df = pd.DataFrame(
            {
                "customer_id": [f"C{start + i:05d}" for i in range(n)],
                "tenure_months": tenure,
                "plan": plan,
                "contract": contract,
                "monthly_charge": charge,
                "dropped_calls": dropped,
                "support_calls": support,
                "data_gb": data_gb,
                "minutes_used": minutes,
            }
        )
        if with_label:
            df["churned"] = np.where(score > 0, "yes", "no")
        return df

    customers(620, 10000, True).to_csv(out / "calls.csv", index=False)
    customers(160, 20000, True).to_csv(out / "calls_test.csv", index=False)
    customers(90, 30000, False).to_csv(out / "new_customers.csv", index=False)

    snippets = {
        "billing": [
            "my bill is higher than last month and I don't know why",
            "I was charged twice for the same top up",
            "there is a roaming fee on my invoice I never agreed to",
            "why did my direct debit go out early this month",
            "the discount I was promised is not on the bill",
            "can you explain the late payment charge",
        ],
        "network": [
            "calls keep dropping when I'm at home",
            "no signal in the kitchen since the mast work",
            "mobile data is really slow in the evenings",
            "I can't make calls, it says no service",
            "4g disappears every time I get on the train",
            "texts arrive hours late",
        ],
        "cancellation": [
            "I want to cancel my contract and move to another provider",
            "how do I get my PAC code to leave",
            "please close my account at the end of the month",
            "I'm thinking of switching, what is the exit fee",
            "end my plan, I found a cheaper deal elsewhere",
            "I'd like to terminate the line for my late father",
        ],
        "device": [
            "my new phone won't turn on after the update",
            "the handset screen cracked and I have insurance",
            "sim card not detected in the phone you sent",
            "the router you posted has a blinking red light",
            "how do I unlock my handset for travel",
            "battery drains in two hours on the phone I bought",
        ],
    }
    openers = ["", "hi, ", "hello, ", "yeah so ", "ok ", "good morning, "]
    closers = ["", " thanks", " please help", " this is the third time I call", " asap"]
    rows = []
    classes = list(snippets)
    for i in range(420):
        cls = classes[rng.integers(0, 4)]
        text = (
            openers[rng.integers(0, len(openers))]
            + snippets[cls][rng.integers(0, 6)]
            + closers[rng.integers(0, len(closers))]
        )
        rows.append(
            {
                "call_id": 5000 + i,
                "customer_id": f"C{10000 + int(rng.integers(0, 620)):05d}",
                "agent": rng.choice(["Amira", "Ben", "Chloe", "Dev", "Ellis"]),
                "duration_s": int(rng.integers(40, 1500)),
                "snippet": text,
                "reason_code": cls if i % 6 == 0 else "",
            }
        )
    pd.DataFrame(rows).to_csv(out / "transcripts.csv", index=False)
    rules = [
        {
            "name": "kw_bill",
            "label": "billing",
            "kind": "keyword",
            "column": "snippet",
            "keywords": ["bill", "charged", "invoice", "fee", "payment"],
        },
        {
            "name": "kw_signal",
            "label": "network",
            "kind": "keyword",
            "column": "snippet",
            "keywords": ["signal", "dropping", "data", "no service", "4g"],
        },
        {
            "name": "kw_cancel",
            "label": "cancellation",
            "kind": "keyword",
            "column": "snippet",
            "keywords": ["cancel", "PAC", "close my account", "switching", "terminate"],
        },
        {
            "name": "kw_phone",
            "label": "device",
            "kind": "keyword",
            "column": "snippet",
            "keywords": ["handset", "phone", "sim", "router", "battery"],
        },
    ]
    (out / "reason_rules.json").write_text(json.dumps(rules, indent=1), encoding="utf-8")


def real_estate(out: Path, rng: np.random.Generator) -> None:
    """Listings with sold_within_30_days, viewing feedback, hand labels, a buyer's guide."""

    def listings(n: int, start: int) -> pd.DataFrame:
        suburb = rng.choice(["Northgate", "Riverside", "Old Town", "Hillcrest", "Bayview"], n)
        ptype = rng.choice(["flat", "terraced", "semi", "detached"], n, p=[0.35, 0.3, 0.2, 0.15])
        beds = rng.integers(1, 6, n)
        area = np.round(beds * 24 + rng.normal(25, 12, n), 1).clip(28, None)
        station = np.round(rng.gamma(2.0, 0.8, n), 2)
        garden = rng.choice(["yes", "no"], n, p=[0.5, 0.5])
        price = np.round(
            area * rng.normal(3100, 400, n) + np.where(suburb == "Bayview", 60000, 0), -3
        )
        expected = area * 3100 + np.where(suburb == "Bayview", 60000, 0)
        score = (
            -3.0 * (price - expected) / expected
            - 0.5 * station
            + np.where(garden == "yes", 0.4, 0.0)
            + np.where(ptype == "flat", 0.3, 0.0)
            + rng.normal(0, 0.7, n)
            + 0.1
        )
        return pd.DataFrame(
            {
                "listing_id": [f"L{start + i}" for i in range(n)],
                "suburb": suburb,
                "property_type": ptype,
                "bedrooms": beds,
                "bathrooms": np.maximum(1, beds // 2 + rng.integers(0, 2, n)),
                "floor_area_m2": area,
                "asking_price": price.astype(int),
                "has_garden": garden,
                "distance_to_station_km": station,
                "energy_rating": rng.choice(list("ABCDEFG"), n),
                "sold_within_30_days": np.where(score > 0, "yes", "no"),
            }
        )

    listings(520, 1000).to_csv(out / "listings.csv", index=False)
    listings(130, 3000).to_csv(out / "listings_holdout.csv", index=False)

    good = [
        "lovely light kitchen, we'd like to make an offer",
        "really liked the garden, booking a second viewing",
        "perfect size for us and close to the school",
        "spacious rooms, will speak to the mortgage adviser today",
        "great location, the asking price seems fair",
        "we loved it, can we see it again on Saturday",
    ]
    bad = [
        "too small for the price, not for us",
        "the damp in the bathroom put us off",
        "road noise was terrible, we will pass",
        "needs far too much work, not interested",
        "stairs too steep for my mother, no thanks",
        "overpriced compared with the street, we'll keep looking",
    ]
    rows, gold = [], []
    for i in range(360):
        keen = rng.random() < 0.45
        text = (good if keen else bad)[rng.integers(0, 6)]
        if rng.random() < 0.3:
            text += rng.choice([". agent was helpful", ". parking was easy", ". viewing ran late"])
        fid = 700 + i
        rows.append(
            {
                "feedback_id": fid,
                "listing_id": f"L{1000 + int(rng.integers(0, 520))}",
                "viewing_date": f"2026-0{int(rng.integers(3, 10))}-{int(rng.integers(10, 29))}",
                "comment": text,
            }
        )
        if i % 5 == 0:
            gold.append(
                {"feedback_id": fid, "interest": "interested" if keen else "not_interested"}
            )
    pd.DataFrame(rows).to_csv(out / "viewing_feedback.csv", index=False)
    pd.DataFrame(gold).to_csv(out / "feedback_handlabels.csv", index=False)

    guide = """# Buying your first home with Keystone Lettings & Sales

## Before you start
A mortgage agreement in principle is a letter from a lender saying how much it would
probably lend you. Most sellers expect to see one before they accept an offer. It usually
lasts 90 days and does not affect your credit score when the lender uses a soft search.

## Viewings
A first viewing normally takes twenty minutes. We recommend a second viewing at a different
time of day, because traffic noise and light change a lot between morning and evening.
If a property has been on the market for more than 30 days, the seller is often more open to
negotiation. Always check the windows, the boiler's age and signs of damp in the bathroom.

## Making an offer
An offer is made through the agent, never directly to the seller. When you make an offer,
the agent must pass it on in writing within one working day. A typical first offer in
Riverside and Old Town is between 3 and 5 percent under the asking price. Gazumping happens
when a seller accepts a higher offer from someone else after agreeing to yours.

## Surveys
A level 2 survey is suitable for conventional homes in reasonable condition. A level 3
survey is recommended for older properties, homes built before 1900, or anywhere you plan
major works. The survey is paid by the buyer and usually costs between 400 and 1,000 pounds.

## Conveyancing and completion
Conveyancing is the legal transfer of ownership from the seller to you. It usually takes
eight to twelve weeks. Exchange of contracts is the point at which the sale becomes legally
binding; the deposit, typically 10 percent, is paid on exchange. Completion is the day the
money reaches the seller's solicitor and you collect the keys from our office.

## Costs to budget for
Stamp duty is a tax paid on homes above a threshold; first-time buyers pay none on the first
300,000 pounds. Budget also for solicitor fees, the survey, removals and about 1 percent of the
price each year for maintenance.
"""
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "buyers_guide.md").write_text(guide, encoding="utf-8")


def wildlife(out: Path, rng: np.random.Generator) -> None:
    """Camera-trap records, volunteer sighting notes (partly labelled), a field handbook."""
    profiles = {
        "red_fox": (62, 38, 1.2, [21, 22, 23, 0, 1, 2, 3, 4]),
        "badger": (75, 28, 1.6, [22, 23, 0, 1, 2, 3]),
        "roe_deer": (110, 70, 2.2, [5, 6, 7, 19, 20]),
        "hedgehog": (22, 12, 1.0, [22, 23, 0, 1, 2]),
        "grey_squirrel": (25, 15, 1.1, [8, 9, 10, 11, 14, 15, 16]),
        "domestic_cat": (46, 25, 1.0, [18, 19, 20, 21, 22]),
    }

    def records(n: int, start: int) -> pd.DataFrame:
        names = list(profiles)
        rows = []
        for i in range(n):
            sp = names[int(rng.choice(len(names), p=[0.25, 0.15, 0.15, 0.15, 0.2, 0.1]))]
            length, height, grp, hours = profiles[sp]
            rows.append(
                {
                    "record_id": start + i,
                    "site": rng.choice(["Oak Wood", "Mill Meadow", "Quarry Edge", "Church Lane"]),
                    "camera_id": f"CAM-{int(rng.integers(1, 13)):02d}",
                    "hour": int(rng.choice(hours)),
                    "temperature_c": round(float(rng.normal(9, 5)), 1),
                    "est_body_length_cm": round(float(rng.normal(length, length * 0.12)), 1),
                    "est_height_cm": round(float(rng.normal(height, height * 0.12)), 1),
                    "group_size": int(max(1, rng.poisson(grp))),
                    "behaviour": rng.choice(["foraging", "travelling", "resting", "vigilant"]),
                    "species": sp,
                }
            )
        return pd.DataFrame(rows)

    records(540, 1).to_csv(out / "camera_traps.csv", index=False)
    records(140, 9001).to_csv(out / "camera_traps_test.csv", index=False)

    notes = {
        "bird": [
            "pair of bullfinches feeding on the hedge buds",
            "barn owl quartering the meadow at dusk",
            "heard a tawny owl calling twice near the car park",
            "three swallows nesting in the old barn",
            "kingfisher flash of blue along the brook",
            "wren singing loudly from the bramble",
        ],
        "mammal": [
            "fresh badger latrine by the fence line",
            "fox cub playing near the earth entrance",
            "two roe deer grazing at the wood edge",
            "hedgehog crossing the path after rain",
            "bat roost counted at sunset, about 40 leaving",
            "otter spraint on the rock under the bridge",
        ],
        "amphibian": [
            "common toads migrating across the lane",
            "frogspawn clumps in the shallow pond",
            "great crested newt under a log, photographed",
            "palmate newts in the ditch, several adults",
            "lots of froglets in the long grass",
            "toad tadpoles in the reservoir margin",
        ],
        "reptile": [
            "slow worm under the corrugated sheet",
            "adder basking on the south bank in sunshine",
            "grass snake swimming in the pond",
            "common lizard on the boardwalk",
            "two slow worms under refuge mat 4",
            "young adder coiled by the heather",
        ],
    }
    rows = []
    groups = list(notes)
    for i in range(300):
        g = groups[int(rng.integers(0, 4))]
        text = notes[g][int(rng.integers(0, 6))]
        if rng.random() < 0.35:
            text += rng.choice([", weather dry", ", light drizzle", ", windy", ", grid ref noted"])
        rows.append(
            {
                "note_id": f"N{400 + i}",
                "volunteer": rng.choice(["Priya", "Tom", "Gwen", "Olu", "Marta", "Sam"]),
                "date": f"2026-0{int(rng.integers(3, 9))}-{int(rng.integers(10, 29))}",
                "note": text,
                "animal_group": g if i % 6 == 0 else "",
            }
        )
    pd.DataFrame(rows).to_csv(out / "volunteer_notes.csv", index=False)

    handbook = """# Field Handbook for Volunteers - Greenhollow Wildlife Trust

## Safety first
Always tell the site coordinator where you are going and when you expect to be back. Carry a
charged phone, water and a first aid kit. Volunteers must not handle any wild animal except
when trained and licensed to do so. Great crested newts are a protected species and must
never be lifted without a licence.

## Camera traps
A camera trap is a motion-triggered camera fixed to a post or tree at knee height. Set the
camera about 40 centimetres above the ground and point it along a path, not across it.
Batteries are changed every four weeks, and the SD card is swapped at the same visit. If a
camera records more than 500 empty triggers in a week, the grass in front of it needs cutting.

## Recording sightings
Every sighting note needs a date, a grid reference, the observer's name and the number of
animals seen. Write what you saw, not what you expected to see. If you are not sure of the
species, record the group (bird, mammal, amphibian or reptile) and add a photo.

## Reptile refuges
Refuge mats are squares of roofing felt laid in sunny spots. Check them in the morning
between 8 and 11 o'clock when the air is between 9 and 18 degrees. Lift the mat slowly and
put it back exactly where it was. Adders are venomous and must be left alone.

## Pond surveys
Pond surveys take place from March to June. Torch surveys start one hour after sunset.
Because newts are easily disturbed, a pond is visited at most once a week. Netting is done
only by licensed surveyors.

## Data protection
Sighting records of badger setts are confidential because of the risk of persecution. They
are shared only with the county recorder and never posted online.
"""
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "field_handbook.md").write_text(handbook, encoding="utf-8")


def recycling(out: Path, rng: np.random.Generator) -> None:
    """Sorting-line sensor readings with faults, a second week, contamination reports (jsonl)."""

    def readings(n: int, start: int, with_fault: bool) -> pd.DataFrame:
        fault = rng.choice(
            ["none", "jam", "sensor_drift", "overheating"], n, p=[0.82, 0.07, 0.06, 0.05]
        )
        speed = rng.normal(1.8, 0.08, n) - np.where(fault == "jam", 0.9, 0.0)
        temp = rng.normal(54, 3, n) + np.where(fault == "overheating", 18, 0.0)
        vib = rng.gamma(3, 0.7, n) + np.where(fault == "jam", 4.0, 0.0)
        conf = rng.beta(18, 2, n) - np.where(fault == "sensor_drift", 0.35, 0.0)
        df = pd.DataFrame(
            {
                "reading_id": np.arange(start, start + n),
                "timestamp": pd.date_range("2026-05-04 06:00", periods=n, freq="5min").strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "line": rng.choice(["A", "B"], n),
                "material": rng.choice(["PET", "HDPE", "aluminium", "cardboard", "glass"], n),
                "belt_speed_mps": np.round(speed, 3),
                "motor_temp_c": np.round(temp, 1),
                "vibration_mm_s": np.round(vib, 2),
                "optical_confidence": np.round(conf.clip(0, 1), 3),
                "air_pressure_bar": np.round(rng.normal(6.2, 0.15, n), 2),
                "throughput_kg_h": np.round(rng.normal(2400, 180, n) * speed / 1.8),
            }
        )
        if with_fault:
            df["fault"] = fault
        return df

    readings(900, 1, True).to_csv(out / "sorting_line.csv", index=False)
    readings(300, 5001, False).to_csv(out / "sorting_line_week2.csv", index=False)

    phrases = {
        "high": [
            "bale full of food waste and nappies, rejected",
            "heavy contamination with garden waste and soil",
            "mixed glass shards through the whole paper bale",
            "liquid still in most bottles, bale leaking",
        ],
        "medium": [
            "some plastic film wrapped around the cardboard",
            "a few greasy pizza boxes in the fibre bale",
            "handful of coloured glass in the clear stream",
            "several aluminium cans in the PET bale",
        ],
        "low": [
            "clean bale, only a couple of labels loose",
            "very good quality, no visible contamination",
            "minor dust, otherwise clean",
            "one stray bottle cap, acceptable",
        ],
    }
    levels = list(phrases)
    with (out / "contamination_reports.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(240):
            lvl = levels[int(rng.choice(3, p=[0.25, 0.35, 0.4]))]
            text = phrases[lvl][int(rng.integers(0, 4))]
            text += rng.choice(["", ". inspector signed off", ". photo attached", ". line B"])
            fh.write(
                json.dumps(
                    {
                        "report_id": f"R{2000 + i}",
                        "bale_id": f"B{int(rng.integers(10000, 99999))}",
                        "shift": str(rng.choice(["early", "late", "night"])),
                        "material": str(rng.choice(["PET", "HDPE", "cardboard", "paper", "glass"])),
                        "inspector_text": text,
                        "contamination_level": lvl if i % 5 == 0 else None,
                    }
                )
                + "\n"
            )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    telecom(out, np.random.default_rng(2401))
    real_estate(out, np.random.default_rng(2402))
    wildlife(out, np.random.default_rng(2403))
    recycling(out, np.random.default_rng(2404))


if __name__ == "__main__":
    main()
