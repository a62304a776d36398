"""Write the fresh39 corpus files into DIR: a school canteen service, a taxi co-operative,
a chain of yoga studios and a bookbinding workshop.

Run: python make_data.py DIR   (deterministic, offline, numpy + pandas only)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 3939


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n", float_format="%.2f")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def write_json(path: Path, obj: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def comment(rng: np.random.Generator, parts: dict[str, list[str]], cls: str) -> str:
    """One free-text comment: an opening of its class, maybe a detail, maybe a filler."""
    text = pick(rng, parts[cls])
    if rng.random() < 0.5:
        text += " " + pick(rng, parts["_filler"])
    if rng.random() < 0.08:  # some noise: a sentence of another class
        other = pick(rng, [k for k in parts if not k.startswith("_") and k != cls])
        text += " " + pick(rng, parts[other])
    return text


def blank_most(rng: np.random.Generator, values: list[str], keep: float) -> list[str]:
    return [v if rng.random() < keep else "" for v in values]


# ---------------------------------------------------------------- school canteen service
CANTEEN_TEXT = {
    "cold_food": [
        "The pasta was stone cold by the time second sitting got it.",
        "Jacket potatoes lukewarm again, my son said the middle was cold.",
        "Soup arrived barely warm, the hot cupboard must be broken.",
        "Food was cold on Tuesday, kids at the back of the queue get cold plates.",
        "Fish fingers were cold and soggy, not heated through.",
        "Gravy had a skin on it and the roast was cold.",
    ],
    "small_portion": [
        "Portion was tiny, year 6 are still hungry at 2pm.",
        "Only three nuggets each, that is not enough for a growing child.",
        "Ran out of seconds and the first helping was small.",
        "My daughter says the scoop of rice is half what it used to be.",
        "Portions for juniors are the same as reception, far too small.",
        "Not enough food on the plate, he came home starving.",
    ],
    "allergen_concern": [
        "My child has a nut allergy and the flapjack had no label.",
        "Please check the crumble, it may contain sesame and nobody could tell us.",
        "Gluten free option was served with the same spoon as the normal pasta.",
        "Dairy free child was given custard, we need the allergen sheet followed.",
        "No allergen info on the new curry, is there egg in it?",
        "Coeliac pupil was offered the wrong bread roll today.",
    ],
    "taste": [
        "The curry was bland and watery, nobody finished it.",
        "Too much salt in the bolognese, kids left most of it.",
        "Veggie burger tasted of cardboard, please change the recipe.",
        "Rice pudding was lumpy and had a burnt taste.",
        "Chilli was far too spicy for the little ones.",
        "Cabbage overcooked and smelled awful, no one ate it.",
    ],
    "positive": [
        "Lovely roast dinner today, the kids loved it, thank you!",
        "The new pizza Friday is a big hit with my twins.",
        "Thank you to the dinner ladies, always smiling and the food is great.",
        "Best shepherd's pie ever according to my son.",
        "Fruit pots are fresh and the salad bar is brilliant.",
        "Really good choice of vegetarian dishes this term, well done.",
    ],
    "_filler": [
        "This is the second time this half term.",
        "Could someone look into it please.",
        "Year 3 class rep.",
        "Sent via the parent app.",
        "Pupil council feedback.",
        "Thanks.",
        "From the lunchtime supervisor.",
    ],
}
SCHOOLS = ["Oakfield Primary", "St Brigid's RC", "Hillcrest Juniors", "Riverside Academy"]
DISHES = [
    "roast chicken",
    "veg lasagne",
    "fish fingers",
    "bean chilli",
    "jacket potato",
    "pasta bake",
    "shepherd's pie",
    "veggie burger",
    "tomato soup",
    "pizza",
]
STARS = {"cold_food": 2, "small_portion": 2, "allergen_concern": 1, "taste": 2, "positive": 5}


def canteen(out: Path, rng: np.random.Generator) -> None:
    n = 560
    classes = list(STARS)
    probs = [0.22, 0.2, 0.12, 0.24, 0.22]
    truth = [classes[i] for i in rng.choice(len(classes), size=n, p=probs)]
    rows = []
    for i, cls in enumerate(truth):
        day = pd.Timestamp("2024-09-04") + pd.Timedelta(days=int(rng.integers(0, 200)))
        stars = int(np.clip(STARS[cls] + rng.integers(-1, 2), 1, 5))
        rows.append(
            {
                "fb_id": f"MF-{i + 1:04d}",
                "school": pick(rng, SCHOOLS),
                "service_date": day.strftime("%Y-%m-%d"),
                "dish": pick(rng, DISHES),
                "sent_by": pick(rng, ["parent", "pupil council", "staff", "parent", "governor"]),
                "comment": comment(rng, CANTEEN_TEXT, cls),
                "stars": stars,
            }
        )
    fb = pd.DataFrame(rows)
    fb["issue"] = blank_most(rng, truth, 0.14)
    write_csv(fb, out / "meal_feedback.csv")
    gold_idx = sorted(rng.choice(n, size=90, replace=False))
    write_csv(
        pd.DataFrame({"fb_id": fb.fb_id[gold_idx], "issue_checked": [truth[i] for i in gold_idx]}),
        out / "feedback_checked_by_maria.csv",
    )
    rules = [
        {
            "name": "cold_words",
            "label": "cold_food",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["cold", "lukewarm", "barely warm", "not heated"],
        },
        {
            "name": "portion_words",
            "label": "small_portion",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["portion", "tiny", "hungry", "starving", "not enough"],
        },
        {
            "name": "allergen_words",
            "label": "allergen_concern",
            "kind": "regex",
            "column": "comment",
            "pattern": r"allerg|gluten|dairy|coeliac|sesame|nut ",
            "ignore_case": True,
        },
        {
            "name": "taste_words",
            "label": "taste",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["bland", "salt", "spicy", "lumpy", "tasted", "overcooked", "burnt"],
        },
        {
            "name": "praise_words",
            "label": "positive",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["thank you", "loved", "brilliant", "best", "well done", "big hit"],
        },
        {
            "name": "five_stars",
            "label": "positive",
            "kind": "threshold",
            "column": "stars",
            "op": ">=",
            "value": 5,
        },
    ]
    write_json(out / "rules" / "canteen_issue_rules.json", rules)

    def waste(n_rows: int, start: str, with_outcomes: bool) -> pd.DataFrame:
        school = [pick(rng, SCHOOLS) for _ in range(n_rows)]
        roll = np.array(
            [
                {
                    "Oakfield Primary": 410,
                    "St Brigid's RC": 260,
                    "Hillcrest Juniors": 330,
                    "Riverside Academy": 520,
                }[s]
                for s in school
            ]
        )
        main = [pick(rng, ["meat", "veg", "fish", "pasta", "meat", "veg"]) for _ in range(n_rows)]
        temp = np.round(rng.normal(12, 6, n_rows), 1)
        rainy = rng.random(n_rows) < 0.35
        trip = rng.random(n_rows) < 0.06
        ordered = np.round(roll * rng.uniform(0.55, 0.85, n_rows)).astype(int)
        served = np.minimum(ordered, np.round(ordered * rng.uniform(0.85, 1.08, n_rows))).astype(
            int
        )
        days = pd.bdate_range(start, periods=n_rows)
        df = pd.DataFrame(
            {
                "day_id": [f"D{start[2:4]}{i:04d}" for i in range(n_rows)],
                "school": school,
                "weekday": [d.day_name() for d in days],
                "main_dish_type": main,
                "pudding": [
                    pick(rng, ["fruit", "sponge", "yoghurt", "cookie"]) for _ in range(n_rows)
                ],
                "pupils_on_roll": roll,
                "meals_ordered": ordered,
                "meals_served": served,
                "outside_temp_c": temp,
                "rainy_day": np.where(rainy, "y", "n"),
                "trip_day": np.where(trip, "y", "n"),
            }
        )
        if with_outcomes:
            fish_veg = np.isin(main, ["fish", "veg"])
            kg = (ordered - served) * 0.09 + fish_veg * 6 + trip * 9 + rng.normal(8, 3, n_rows)
            kg = np.round(np.clip(kg, 0.5, None), 1)
            df["waste_kg"] = kg
            df["waste_band"] = np.where(kg > 17, "high", np.where(kg > 10, "normal", "low"))
            run_out = (served >= ordered) & (rainy | (temp < 8)) | (rng.random(n_rows) < 0.08)
            df["ran_out_of_main"] = np.where(run_out, "yes", "no")
        return df

    write_csv(waste(420, "2023-09-04", True), out / "plate_waste_autumn.csv")
    write_csv(waste(140, "2024-01-08", True), out / "plate_waste_spring.csv")
    write_csv(waste(20, "2024-06-03", False), out / "next_fortnight_menu.csv")

    m = 300
    fridge = pd.DataFrame(
        {
            "reading_id": [f"FT{i:05d}" for i in range(m)],
            "site": [pick(rng, SCHOOLS) for _ in range(m)],
            "unit": [
                pick(rng, ["walk-in fridge", "dairy fridge", "freezer 1", "salad chiller"])
                for _ in range(m)
            ],
            "logged_hour": rng.integers(7, 15, m),
            "door_open_min": np.round(rng.gamma(2, 1.5, m), 1),
            "staff_initials": [pick(rng, ["MK", "JO", "PB", "SR", "LT"]) for _ in range(m)],
        }
    )
    base = np.where(fridge.unit == "freezer 1", -19.0, 3.5)
    fridge["temp_c"] = np.round(base + rng.normal(0, 0.8, m), 1)
    for j, t in [(17, 11.8), (88, 9.4), (143, -2.0), (201, 14.2), (260, 8.9)]:
        fridge.loc[j, "temp_c"] = t
        fridge.loc[j, "door_open_min"] = float(rng.integers(25, 60))
    write_csv(fridge, out / "fridge_temps_log.csv")

    write_text(
        out / "docs" / "canteen" / "allergen_procedure.md",
        """
# Allergen procedure for school kitchens

## Who this is for
Every cook, kitchen assistant and lunchtime supervisor in the four schools we serve.

## Registering a pupil
A pupil with a food allergy is registered by the school office using the medical form signed
by a parent and a doctor. The cook manager keeps the allergy register in the red folder by the
hatch and checks it every morning before service.

## The fourteen allergens
Every recipe card lists the fourteen regulated allergens, including celery, cereals containing
gluten, crustaceans, eggs, fish, lupin, milk, molluscs, mustard, tree nuts, peanuts, sesame,
soya and sulphites. If a supplier changes a product, the recipe card is updated before the dish
is served again.

## Serving a registered pupil
Registered pupils are served first from a separate, labelled tray. Purple utensils are used
only for allergen-free meals and are washed separately. If the correct meal is not available,
the pupil is offered the standby meal from the freezer, never a substitute chosen at the hatch.

## When something goes wrong
If a pupil eats something they are allergic to, the supervisor calls the school first aider
and the parent at once. The cook manager fills in the incident form the same day and the area
manager reviews it within two working days.
""",
    )
    write_text(
        out / "docs" / "canteen" / "kitchen_hygiene_checklist.md",
        """
# Kitchen hygiene checklist

## Opening
Fridge temperatures are logged at 8am and must read between 0 and 5 degrees. Freezers must
read minus 18 or colder. A reading outside these limits is reported to the cook manager, who
moves the stock and calls the engineer.

## During service
Hot food is held above 63 degrees for no longer than two hours. Food is probed before the
first sitting and again before the second sitting. A dish below 63 degrees is reheated to 75
degrees once only, or thrown away.

## Closing
Surfaces are cleaned with the green sanitiser and left to air dry. Cloths are changed daily
and boiled on Fridays. The deep clean of the extraction hood happens every half term.

## Inspections
The environmental health officer may visit without notice. The current food hygiene rating is
five, and the last inspection was in March.
""",
    )


# ---------------------------------------------------------------- taxi co-operative
TAXI_TEXT = {
    "driver_behaviour": [
        "Driver was rude and shouted at me when I asked to turn the music down.",
        "He was on his phone the whole trip and ignored what I said.",
        "Driver made inappropriate comments, I did not feel safe.",
        "Very aggressive driving and he swore at a cyclist.",
        "The driver refused to help with my wheelchair.",
    ],
    "fare_dispute": [
        "Charged 38 pounds for a trip that is always 20, the meter was running before I got in.",
        "Quoted fare was 14 but the card was charged 22.",
        "I was overcharged, he took the long way round to bump up the fare.",
        "Double charged on my card for the same ride.",
        "Driver said the card machine was broken and demanded cash plus extra.",
    ],
    "lateness": [
        "Booked for 6am to the airport, cab turned up 25 minutes late and I nearly missed my flight.",
        "Waited 40 minutes, the app kept saying 2 minutes away.",
        "No show for my school pick up, had to call twice.",
        "Car was very late and the controller did not call back.",
        "Driver arrived late and then said he had another job.",
    ],
    "vehicle": [
        "The car smelled of smoke and the seat was ripped.",
        "Back seat belt was broken, could not strap my child in.",
        "Filthy cab, crumbs everywhere and a sticky floor.",
        "Air con not working and the windows would not open.",
        "Warning light on the dashboard the whole journey, felt unsafe.",
    ],
    "lost_item": [
        "I left my phone in the back of cab 41 last night, please help.",
        "Lost a black umbrella and a scarf after my ride from the station.",
        "My son left his school bag in the taxi, has anyone handed it in?",
        "Left my glasses case in the car, blue case with my name inside.",
        "Forgot my shopping bags in the boot.",
    ],
    "_filler": [
        "Ref from the app attached.",
        "Not the first time with your firm.",
        "Please call me back.",
        "Trip from the station to Elm Road.",
        "I am a regular customer.",
        "Sent by email.",
    ],
}
ZONES = [
    "Central",
    "Station",
    "Hospital",
    "University",
    "Airport",
    "Docklands",
    "Eastfield",
    "Westmoor",
]


def taxi(out: Path, rng: np.random.Generator) -> None:
    def rides(n: int, prefix: str, month: int, with_outcomes: bool) -> pd.DataFrame:
        hour = rng.integers(0, 24, n)
        via = [pick(rng, ["app", "app", "phone", "rank", "account"]) for _ in range(n)]
        km = np.round(rng.gamma(2.2, 3.0, n) + 0.8, 1)
        surge = np.round(np.where(rng.random(n) < 0.2, rng.uniform(1.2, 1.8, n), 1.0), 2)
        fare = np.round((3.2 + km * 1.9) * surge, 2)
        hist = np.round(np.clip(rng.normal(4.5, 0.4, n), 2.5, 5), 2)
        df = pd.DataFrame(
            {
                "ride_ref": [f"{prefix}{i:05d}" for i in range(n)],
                "driver_no": rng.integers(101, 165, n),
                "pickup_zone": [pick(rng, ZONES) for _ in range(n)],
                "dropoff_zone": [pick(rng, ZONES) for _ in range(n)],
                "booked_via": via,
                "booking_hour": hour,
                "weekday": [
                    pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) for _ in range(n)
                ],
                "month": month,
                "est_km": km,
                "quoted_fare": fare,
                "surge_multiplier": surge,
                "lead_time_min": rng.integers(0, 600, n),
                "rider_rating_hist": hist,
                "payment": [pick(rng, ["card", "cash", "account", "card"]) for _ in range(n)],
            }
        )
        if with_outcomes:
            late_night = (hour >= 22) | (hour <= 3)
            logit = (
                -2.2
                + 1.4 * late_night
                + 0.004 * df.lead_time_min.to_numpy()
                - 1.5 * (hist - 4.5)
                + 0.8 * (np.array(via) == "phone")
            )
            df["no_show"] = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
            tip_logit = -0.5 + 0.9 * (np.array(via) == "account") + 0.08 * km - 0.9 * (surge > 1)
            df["tipped"] = np.where(rng.random(n) < 1 / (1 + np.exp(-tip_logit)), "y", "n")
        return df

    write_csv(rides(800, "MR", 3, True), out / "rides_march.csv")
    write_csv(rides(260, "AP", 4, True), out / "rides_april.csv")
    write_csv(rides(45, "TN", 5, False), out / "bookings_tonight.csv")

    n = 480
    classes = ["driver_behaviour", "fare_dispute", "lateness", "vehicle", "lost_item"]
    truth = [classes[i] for i in rng.choice(5, size=n, p=[0.22, 0.24, 0.26, 0.14, 0.14])]
    cp = pd.DataFrame(
        {
            "case_no": [f"C-{2400 + i}" for i in range(n)],
            "ride_ref": [f"MR{int(x):05d}" for x in rng.integers(0, 800, n)],
            "received_via": [
                pick(rng, ["email", "app form", "phone note", "facebook"]) for _ in range(n)
            ],
            "complaint_text": [comment(rng, TAXI_TEXT, c) for c in truth],
        }
    )
    cp["category"] = blank_most(rng, truth, 0.12)
    write_csv(cp, out / "complaints_log.csv")
    gi = sorted(rng.choice(n, size=80, replace=False))
    write_csv(
        pd.DataFrame({"case_no": cp.case_no[gi], "category": [truth[i] for i in gi]}),
        out / "complaints_reviewed_by_committee.csv",
    )
    k = 40
    tnew = ["lateness", "fare_dispute", "vehicle", "lost_item", "driver_behaviour"]
    write_csv(
        pd.DataFrame(
            {
                "case_no": [f"C-{3100 + i}" for i in range(k)],
                "received_via": [pick(rng, ["email", "app form", "phone note"]) for _ in range(k)],
                "complaint_text": [comment(rng, TAXI_TEXT, pick(rng, tnew)) for _ in range(k)],
            }
        ),
        out / "complaints_new_week.csv",
    )
    write_json(
        out / "rules" / "complaint_rules.json",
        [
            {
                "name": "rude",
                "label": "driver_behaviour",
                "kind": "keyword",
                "column": "complaint_text",
                "keywords": ["rude", "swore", "shouted", "aggressive", "inappropriate"],
            },
            {
                "name": "money",
                "label": "fare_dispute",
                "kind": "regex",
                "column": "complaint_text",
                "pattern": r"overcharg|charged|fare|\bcash\b",
                "ignore_case": True,
            },
            {
                "name": "late",
                "label": "lateness",
                "kind": "keyword",
                "column": "complaint_text",
                "keywords": ["late", "waited", "no show", "minutes"],
            },
            {
                "name": "car_state",
                "label": "vehicle",
                "kind": "keyword",
                "column": "complaint_text",
                "keywords": ["smelled", "seat belt", "filthy", "air con", "warning light"],
            },
            {
                "name": "left_behind",
                "label": "lost_item",
                "kind": "keyword",
                "column": "complaint_text",
                "keywords": ["left my", "lost", "forgot", "handed in"],
            },
        ],
    )

    m = 360
    km = np.round(rng.normal(210, 40, m), 0)
    meter = pd.DataFrame(
        {
            "shift_id": [f"S{i:05d}" for i in range(m)],
            "cab_no": rng.integers(1, 60, m),
            "shift": [pick(rng, ["day", "night", "late"]) for _ in range(m)],
            "km_driven": km,
            "trips_count": np.round(km / rng.uniform(8, 12, m)).astype(int),
            "fare_total_gbp": np.round(km * rng.uniform(1.3, 1.6, m), 2),
            "fuel_litres": np.round(km * rng.uniform(0.06, 0.075, m), 1),
        }
    )
    for j in (12, 77, 150, 233, 301, 340):
        meter.loc[j, "fare_total_gbp"] = round(float(meter.loc[j, "km_driven"]) * 4.1, 2)
    meter.loc[77, "fuel_litres"] = 61.0
    meter.loc[233, "trips_count"] = 2
    write_csv(meter, out / "meter_shift_totals.csv")

    write_text(
        out / "docs" / "coop" / "driver_handbook.md",
        """
# Driver handbook

## Joining the co-operative
Every driver is a member of the co-operative and holds one share. A new member pays the share
price of 500 pounds, which is returned when the member leaves in good standing. New members
shadow an experienced driver for two shifts before taking jobs from the dispatch app.

## Accepting jobs
Jobs are offered in the dispatch app to the nearest free cab. A driver may decline three jobs
per shift without penalty. A fourth declined job moves the driver to the back of the queue
for thirty minutes.

## Fares
The meter must be started when the passenger is seated, never before. Fixed airport fares are
published on the rate card and apply from every zone. Surge pricing is set by the dispatch
committee and never by an individual driver.

## Lost property
Items left in a cab are handed in at the Station Road office by the end of the shift. The
office logs them and keeps them for ninety days.

## Complaints
A complaint about a driver is reviewed by the members' committee within fourteen days. The
driver is told the complaint and may answer it in writing before the committee decides.
""",
    )
    write_text(
        out / "docs" / "coop" / "members_agreement.txt",
        """
Members agreement of the Riverside Cab Co-operative

1. Each member holds one share and has one vote at the general meeting, whatever the number
of cabs they run.

2. The weekly dispatch fee is 95 pounds per cab. A member who falls four weeks behind with the
fee is suspended from dispatch until the arrears are paid.

3. The general meeting elects a committee of seven members every two years. The committee sets
the rate card, hears complaints and signs off the accounts.

4. Surplus at the end of the financial year is shared between members in proportion to the
dispatch fees they paid, after ten percent is put into the reserve fund.

5. A member may leave with three months notice. Their share is repaid within sixty days of
leaving.
""",
    )


# ---------------------------------------------------------------- yoga studios
YOGA_TEXT = {
    "positive": [
        "Loved the slow flow with Priya, my back feels so much better.",
        "Such a calm class, the teacher gave great adjustments.",
        "Really welcoming studio, the hot room was perfect tonight.",
        "Best yin class I have been to, will definitely come back.",
        "Clear cues and a lovely playlist, thank you Tom.",
        "Beginner friendly and never made me feel out of place.",
    ],
    "negative": [
        "Class was overbooked, mats were touching and I could not move.",
        "The hot room was freezing, heating must have been off.",
        "Teacher arrived ten minutes late and rushed the savasana.",
        "Changing rooms were dirty and the showers were cold.",
        "Far too advanced for a class labelled all levels, I hurt my wrist.",
        "Booking app cancelled my spot without telling me.",
    ],
    "_filler": [
        "Monday 7pm.",
        "Came with a friend.",
        "First time at this studio.",
        "I have been a member for two years.",
        "Lunchtime class.",
    ],
}
STUDIOS = ["Canal Street", "Northgate", "Harbour", "Old Mill"]


def yoga(out: Path, rng: np.random.Generator) -> None:
    def members(n: int, prefix: str, with_outcomes: bool) -> pd.DataFrame:
        plan = [
            pick(
                rng, ["drop_in_pack", "monthly_unlimited", "monthly_unlimited", "annual", "student"]
            )
            for _ in range(n)
        ]
        months = rng.integers(1, 60, n)
        last = rng.poisson(6, n)
        prev = rng.poisson(7, n)
        late = rng.poisson(1.2, n)
        df = pd.DataFrame(
            {
                "member_no": [f"{prefix}{i:05d}" for i in range(n)],
                "home_studio": [pick(rng, STUDIOS) for _ in range(n)],
                "plan": plan,
                "months_member": months,
                "visits_last_4wk": last,
                "visits_prev_4wk": prev,
                "fav_style": [
                    pick(rng, ["vinyasa", "hatha", "yin", "hot", "ashtanga", "pregnancy"])
                    for _ in range(n)
                ],
                "late_cancels_90d": late,
                "workshops_booked": rng.poisson(0.6, n),
                "paused_before": np.where(rng.random(n) < 0.2, "y", "n"),
                "age_group": [
                    pick(rng, ["18-25", "26-35", "36-45", "46-60", "60+"]) for _ in range(n)
                ],
            }
        )
        if with_outcomes:
            drop = (prev - last) / (prev + 1)
            logit = (
                -1.6
                + 2.2 * drop
                + 0.35 * late
                - 0.03 * months
                + 0.7 * (np.array(plan) == "drop_in_pack")
                - 0.9 * (np.array(plan) == "annual")
            )
            df["left_within_3m"] = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
            up = -2.0 + 0.15 * last + 0.8 * (df.workshops_booked.to_numpy() > 0)
            df["upgraded_plan"] = np.where(rng.random(n) < 1 / (1 + np.exp(-up)), "yes", "no")
        return df

    write_csv(members(720, "Y23", True), out / "members_2023.csv")
    write_csv(members(220, "Y24", True), out / "members_2024_h1.csv")
    write_csv(members(60, "NOW", False), out / "members_active_now.csv")

    n = 520
    truth = ["positive" if rng.random() < 0.58 else "negative" for _ in range(n)]
    fb = pd.DataFrame(
        {
            "fb_ref": [f"YF{i + 1:04d}" for i in range(n)],
            "studio": [pick(rng, STUDIOS) for _ in range(n)],
            "class_style": [
                pick(rng, ["vinyasa", "hatha", "yin", "hot", "ashtanga"]) for _ in range(n)
            ],
            "teacher": [
                pick(rng, ["Priya", "Tom", "Aoife", "Marcus", "Lin", "Beth"]) for _ in range(n)
            ],
            "feedback_text": [comment(rng, YOGA_TEXT, c) for c in truth],
        }
    )
    fb["mood"] = blank_most(rng, truth, 0.12)
    write_csv(fb, out / "class_feedback.csv")
    gi = sorted(rng.choice(n, size=70, replace=False))
    write_csv(
        pd.DataFrame({"fb_ref": fb.fb_ref[gi], "mood": [truth[i] for i in gi]}),
        out / "feedback_labels_jo.csv",
    )
    k = 130
    spring = ["positive" if rng.random() < 0.55 else "negative" for _ in range(k)]
    write_csv(
        pd.DataFrame(
            {
                "fb_ref": [f"YS{i + 1:04d}" for i in range(k)],
                "studio": [pick(rng, STUDIOS) for _ in range(k)],
                "class_style": [pick(rng, ["vinyasa", "hatha", "yin", "hot"]) for _ in range(k)],
                "teacher": [pick(rng, ["Priya", "Tom", "Aoife", "Lin"]) for _ in range(k)],
                "feedback_text": [comment(rng, YOGA_TEXT, c) for c in spring],
                "mood": spring,
            }
        ),
        out / "class_feedback_spring.csv",
    )
    write_json(
        out / "rules" / "studio_mood_rules.json",
        [
            {
                "name": "happy_words",
                "label": "positive",
                "kind": "keyword",
                "column": "feedback_text",
                "keywords": [
                    "loved",
                    "lovely",
                    "great",
                    "best",
                    "welcoming",
                    "thank you",
                    "perfect",
                ],
            },
            {
                "name": "unhappy_words",
                "label": "negative",
                "kind": "keyword",
                "column": "feedback_text",
                "keywords": [
                    "overbooked",
                    "freezing",
                    "late",
                    "dirty",
                    "hurt",
                    "cancelled",
                    "rushed",
                ],
            },
        ],
    )

    m = 330
    energy = pd.DataFrame(
        {
            "log_id": [f"E{i:04d}" for i in range(m)],
            "studio": [pick(rng, STUDIOS) for _ in range(m)],
            "room": [pick(rng, ["hot room", "main room", "small room"]) for _ in range(m)],
            "classes_run": rng.integers(3, 9, m),
            "attendance": rng.integers(20, 120, m),
        }
    )
    hot = (energy.room == "hot room").to_numpy()
    energy["heater_kwh"] = np.round(np.where(hot, 48, 12) + rng.normal(0, 3, m), 1)
    energy["room_temp_c"] = np.round(np.where(hot, 38, 22) + rng.normal(0, 1, m), 1)
    for j, kwh, t in [(9, 140.0, 39.0), (120, 51.0, 24.0), (222, 3.0, 37.5), (301, 95.0, 22.0)]:
        energy.loc[j, "heater_kwh"] = kwh
        energy.loc[j, "room_temp_c"] = t
    write_csv(energy, out / "studio_energy_daily.csv")

    write_text(
        out / "docs" / "studio" / "teacher_handbook.md",
        """
# Teacher handbook

## Before class
Teachers arrive fifteen minutes before the class starts to set the room temperature and check
the register in the booking app. The hot room is heated to 38 degrees for hot classes and
never above 40 degrees.

## Injuries and health
Every teacher asks new students about injuries and pregnancy before class begins. A student
who feels faint in the hot room is helped to the cool-down area and offered water. Any injury
is written in the incident book the same day.

## Cover
A teacher who cannot teach a class posts it in the cover group at least 48 hours ahead. The
studio manager finds cover when nobody takes it within a day.

## Pay
Teachers are paid a base rate of 35 pounds per class plus 2 pounds for every student above
twelve. Workshops are paid at half of the ticket income.
""",
    )
    write_text(
        out / "docs" / "studio" / "membership_terms.md",
        """
# Membership terms

## Plans
The monthly unlimited plan renews every month until cancelled. The annual plan is paid up
front and includes two guest passes. A drop-in pack holds ten classes and expires after four
months.

## Pausing
Members may pause a monthly plan once a year for up to two months, for travel, illness or
pregnancy. A pause must be requested before the next renewal date.

## Cancelling
A monthly plan is cancelled with thirty days notice in the app or at the desk. Annual plans
are refunded only for medical reasons, pro rata, with a doctor's note.

## Late cancellation
A class cancelled less than twelve hours before it starts counts as a late cancel. Three late
cancels within ninety days suspend online booking for one week.
""",
    )
    write_text(
        out / "docs" / "studio" / "hot_room_safety.txt",
        """
Hot room safety notes

The hot room runs at 38 degrees with humidity around 40 percent. Students are asked to drink
water before class and to bring a towel.

If the thermostat reads above 41 degrees the teacher opens the vents and reports it to the
studio manager. The heater is serviced every six months by an approved engineer.

Students with heart conditions, high blood pressure or in the first trimester of pregnancy
are advised to choose a room at normal temperature instead.
""",
    )


# ---------------------------------------------------------------- bookbinding workshop
BIND_TEXT = {
    "spine": [
        "Spine cracked right through at the centre, boards hanging on by the mull.",
        "Broken spine, text block split in two sections.",
        "Spine leather crumbling, red rot along the joints.",
        "Hollow back has collapsed and the spine label is lifting.",
    ],
    "water": [
        "Water damage on the lower edge, tide lines on every page.",
        "Pages cockled from a flood, some stuck together.",
        "Coffee spill across the fore edge, staining into the text.",
        "Damp stored, pages wavy and boards warped.",
    ],
    "loose_pages": [
        "Several leaves loose, sewing thread broken in the middle signatures.",
        "Pages falling out, the perfect binding glue has dried out.",
        "Loose plates at the back, tipped-in illustrations detached.",
        "Section 4 has come away from the text block completely.",
    ],
    "cover": [
        "Cloth cover torn at the head, corners bumped and frayed.",
        "Front board detached, cover cloth faded from sunlight.",
        "Dust jacket missing, cover scuffed with a large tear.",
        "Corners worn through to the board, title blocking rubbed off.",
    ],
    "pest": [
        "Bookworm holes through the first fifty pages.",
        "Silverfish grazing on the paste-downs, small holes in the cloth.",
        "Signs of mould spots and insect frass inside the boards.",
        "Woodworm tunnels in the boards, live insects found.",
    ],
    "_filler": [
        "Family bible, sentimental value.",
        "Customer wants it back for Christmas.",
        "Library stock, barcode on inside cover.",
        "Estimate requested before work starts.",
        "Brought in by post.",
    ],
}


def bindery(out: Path, rng: np.random.Generator) -> None:
    def jobs(n: int, start: int, with_outcomes: bool) -> pd.DataFrame:
        binding = [
            pick(rng, ["case", "coptic", "perfect", "japanese_stab", "limp_vellum", "case"])
            for _ in range(n)
        ]
        pages = rng.integers(24, 640, n)
        rush = rng.random(n) < 0.18
        hours = np.round(
            pages / 60
            + np.array(
                [
                    {"case": 4, "coptic": 3, "perfect": 1, "japanese_stab": 2, "limp_vellum": 6}[b]
                    for b in binding
                ]
            )
            + rng.normal(0, 1, n),
            1,
        )
        hours = np.clip(hours, 0.5, None)
        gilt = rng.random(n) < 0.15
        df = pd.DataFrame(
            {
                "job_no": [f"B{start + i}" for i in range(n)],
                "binding": binding,
                "pages": pages,
                "paper_gsm": [pick(rng, ["80", "90", "120", "150", "300"]) for _ in range(n)],
                "cover": [
                    pick(rng, ["cloth", "leather", "paper", "vellum", "cloth"]) for _ in range(n)
                ],
                "gilt_edges": np.where(gilt, "y", "n"),
                "copies": rng.integers(1, 40, n),
                "quoted_hours": hours,
                "quote_gbp": np.round(hours * 32 + gilt * 60 + rng.normal(20, 8, n), 2),
                "client": [
                    pick(rng, ["private", "library", "university", "artist", "private"])
                    for _ in range(n)
                ],
                "rush": np.where(rush, "y", "n"),
            }
        )
        if with_outcomes:
            logit = (
                -2.0
                + 1.3 * rush
                + 0.02 * df.copies.to_numpy()
                + 0.15 * hours
                + 0.6 * (np.array(binding) == "limp_vellum")
            )
            late = rng.random(n) < 1 / (1 + np.exp(-logit))
            df["delivered_late"] = np.where(late, "yes", "no")
            sat = np.where(
                late & (rng.random(n) < 0.6),
                "unhappy",
                np.where(rng.random(n) < 0.7, "happy", "neutral"),
            )
            df["client_satisfaction"] = sat
        return df

    write_csv(jobs(360, 2200, True), out / "commissions_2022_2023.csv")
    write_csv(jobs(120, 2600, True), out / "commissions_2024.csv")
    write_csv(jobs(30, 2800, False), out / "quotes_pending.csv")

    n = 320
    classes = ["spine", "water", "loose_pages", "cover", "pest"]
    truth = [classes[i] for i in rng.choice(5, size=n, p=[0.25, 0.18, 0.25, 0.22, 0.1])]
    items = [
        "family bible",
        "1920s atlas",
        "school hymn book",
        "parish register",
        "cookery book",
        "poetry chapbook",
        "ledger",
        "photo album",
        "law reports vol 3",
    ]
    rep = pd.DataFrame(
        {
            "intake_no": [f"R{i + 1:03d}" for i in range(n)],
            "item": [pick(rng, items) for _ in range(n)],
            "year_printed": rng.integers(1820, 1995, n),
            "condition_notes": [comment(rng, BIND_TEXT, c) for c in truth],
            "binder": [pick(rng, ["Hannah", "Olu", "Greta"]) for _ in range(n)],
        }
    )
    rep["damage"] = blank_most(rng, truth, 0.15)
    write_csv(rep, out / "repair_intake.csv")
    gi = sorted(rng.choice(n, size=60, replace=False))
    write_csv(
        pd.DataFrame({"intake_no": rep.intake_no[gi], "damage_type": [truth[i] for i in gi]}),
        out / "repair_damage_gold.csv",
    )

    m = 220
    leather = pd.DataFrame(
        {
            "batch_id": [f"LB{i:04d}" for i in range(m)],
            "supplier": [pick(rng, ["Harmatan", "J Hewit", "Tannery North"]) for _ in range(m)],
            "skin": [pick(rng, ["goat", "calf", "sheep"]) for _ in range(m)],
            "thickness_mm": np.round(rng.normal(1.0, 0.12, m), 2),
            "area_sqft": np.round(rng.normal(7.5, 1.2, m), 1),
        }
    )
    leather["price_gbp"] = np.round(leather.area_sqft * rng.normal(11, 1, m), 2)
    for j, th, price in [(14, 2.9, 84.0), (66, 1.0, 410.0), (130, 0.2, 80.0), (199, 1.1, 9.5)]:
        leather.loc[j, "thickness_mm"] = th
        leather.loc[j, "price_gbp"] = price
    write_csv(leather, out / "leather_deliveries.csv")

    write_text(
        out / "docs" / "bindery" / "paste_and_glue_notes.md",
        """
# Paste and glue notes

## Wheat starch paste
Wheat starch paste is made from one part starch to five parts water, cooked for twenty minutes
while stirring. It is reversible with moisture, which is why it is used for conservation
repairs. Fresh paste keeps for three days in the fridge.

## PVA
PVA is a synthetic adhesive that dries fast and stays flexible. It is used on spines of new
case bindings, never on conservation work, because it cannot be removed later.

## Mixtures
A mix of paste and PVA gives a longer working time than PVA alone. The workshop mixes them
half and half for covering boards with cloth.

## Safety
Hot glue pots are switched off at the end of each day. Spills of PVA are wiped while wet,
because dried PVA ruins the cloth.
""",
    )
    write_text(
        out / "docs" / "bindery" / "conservation_notes.md",
        """
# Conservation notes for repairs

## Assessment
Every book that comes in for repair is photographed and assessed before any work. The
assessment records the binding structure, the paper condition and the damage, and the
customer approves the estimate before the binder starts.

## Red rot
Red rot is the powdery decay of vegetable tanned leather. It is consolidated with a klucel
solution before any rebacking, so that the old leather does not crumble further.

## Water damaged books
A water damaged book is interleaved with blotting paper and dried under light weight. Books
with mould are isolated in the quarantine cupboard and cleaned with a soft brush outside.

## Insect damage
Books with live insects are sealed in bags and frozen at minus 30 degrees for seventy-two
hours before they enter the workshop.
""",
    )
    write_text(
        out / "docs" / "bindery" / "apprentice_guide.txt",
        """
Apprentice guide

The apprenticeship lasts three years. In the first year the apprentice learns folding,
sewing on tapes and making simple case bindings. In the second year the apprentice learns
leather paring, rebacking and gold tooling. In the third year the apprentice takes on repair
jobs under supervision and completes a final piece for assessment.

Bone folders, paring knives and the lying press are shared tools and are cleaned after use.
Paring knives are sharpened on the strop every morning.

The workshop is open from nine until five. Apprentices attend the guild evening class once a
month.
""",
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    canteen(out, rng)
    taxi(out, rng)
    yoga(out, rng)
    bindery(out, rng)


if __name__ == "__main__":
    main()
