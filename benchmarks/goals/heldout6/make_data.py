"""Write heldout6's invented small-business files (bakery, bike rental, vet clinic, recruiter)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

BRANCHES = ["Northgate", "Riverside", "Old Town", "Station Road"]


def _pick(
    rng: np.random.Generator, options: list[str], n: int, p: list[float] | None = None
) -> np.ndarray:
    """n random choices from options."""
    return rng.choice(options, size=n, p=p)


def bakery(out: Path, rng: np.random.Generator) -> None:
    """Orders, customer history, current customers, comments, web orders."""
    n = 1400
    orders = pd.DataFrame(
        {
            "order_id": [f"ORD-{10000 + i}" for i in range(n)],
            "customer_id": [f"C{int(c):04d}" for c in rng.integers(1, 700, n)],
            "branch": _pick(rng, BRANCHES, n),
            "order_date": pd.to_datetime("2024-01-01")
            + pd.to_timedelta(rng.integers(0, 180, n), unit="D"),
            "channel": _pick(rng, ["counter", "phone", "website"], n, [0.6, 0.15, 0.25]),
            "n_items": rng.integers(1, 12, n),
            "paid_with": _pick(rng, ["card", "cash", "voucher"], n, [0.7, 0.25, 0.05]),
            "pickup_slot": _pick(rng, ["morning", "midday", "afternoon"], n),
        }
    )
    orders["total_eur"] = (orders["n_items"] * rng.uniform(1.8, 4.5, n)).round(2)
    orders.loc[rng.choice(n, 40, replace=False), "pickup_slot"] = np.nan
    orders["order_date"] = orders["order_date"].dt.strftime("%Y-%m-%d")
    orders.to_csv(out / "bakery_orders.csv", index=False)

    web = orders[orders["channel"] == "website"].head(200)
    with open(out / "web_orders.jsonl", "w", encoding="utf-8") as fh:
        for rec in web.to_dict(orient="records"):
            fh.write(json.dumps(rec) + "\n")

    def customers(m: int, start: int, with_label: bool) -> pd.DataFrame:
        orders_count = rng.poisson(6, m) + 1
        days = rng.integers(1, 200, m)
        loyalty = _pick(rng, ["yes", "no"], m, [0.4, 0.6])
        complaints = rng.poisson(0.4, m)
        frame = pd.DataFrame(
            {
                "customer_id": [f"C{start + i:04d}" for i in range(m)],
                "home_branch": _pick(rng, BRANCHES, m),
                "first_order_month": _pick(rng, [f"2023-{k:02d}" for k in range(1, 13)], m),
                "orders_count": orders_count,
                "avg_basket_eur": rng.gamma(4, 3.5, m).round(2),
                "days_since_last_order": days,
                "loyalty_card": loyalty,
                "complaints_filed": complaints,
                "newsletter": _pick(rng, ["yes", "no"], m),
            }
        )
        if with_label:
            score = (
                0.25 * orders_count
                - 0.02 * days
                + 1.2 * (loyalty == "yes")
                - 0.9 * complaints
                + rng.normal(0, 1, m)
            )
            frame["came_back"] = np.where(score > 0.3, "yes", "no")
        return frame

    customers(620, 1, True).to_csv(out / "customer_history.csv", index=False)
    customers(140, 2001, False).to_csv(out / "current_customers.csv", index=False)

    praise = [
        "the sourdough was perfect, still warm when I picked it up",
        "lovely staff at the counter, always remember my order",
        "best cinnamon buns in town, my kids adore them",
        "birthday cake looked exactly like the picture, thank you",
        "croissants flaky and buttery, worth the queue",
    ]
    complaint = [
        "bread was stale and dry by lunchtime",
        "waited twenty minutes and the order was still wrong",
        "cake arrived squashed and the icing had melted",
        "charged twice on my card, nobody called me back",
        "found a hair in the rye loaf, not acceptable",
        "rude person on the phone, hung up on me",
    ]
    question = [
        "do you have gluten free options on saturdays?",
        "can I order a wedding cake three months ahead?",
        "are the vegan muffins made without nuts?",
        "what time does the Riverside shop open on sundays?",
        "is there parking near the Old Town branch?",
    ]
    extras = ["", " will come again", " honestly", " as usual", " this week", " again"]
    m = 520
    topic = _pick(rng, ["praise", "complaint", "question"], m, [0.45, 0.35, 0.2])
    pools = {"praise": praise, "complaint": complaint, "question": question}
    texts = [str(rng.choice(pools[t])) + str(rng.choice(extras)) for t in topic]
    stars = np.where(
        topic == "praise",
        rng.integers(4, 6, m),
        np.where(topic == "complaint", rng.integers(1, 3, m), rng.integers(3, 5, m)),
    ).astype(float)
    stars[rng.choice(m, 90, replace=False)] = np.nan
    comments = pd.DataFrame(
        {
            "comment_id": np.arange(1, m + 1),
            "branch": _pick(rng, BRANCHES, m),
            "date": (
                pd.to_datetime("2024-02-01") + pd.to_timedelta(rng.integers(0, 120, m), unit="D")
            ).strftime("%Y-%m-%d"),
            "comment": texts,
            "stars": stars,
        }
    )
    keep = np.zeros(m, dtype=bool)
    keep[rng.choice(m, 70, replace=False)] = True
    comments["topic"] = np.where(keep, topic, None)
    comments.to_csv(out / "customer_comments.csv", index=False)


def bikes(out: Path, rng: np.random.Generator) -> None:
    """Rentals (with a few broken rows), damage reports, mechanic checks, rules."""
    n = 900
    stations = ["Harbour", "Central Square", "University", "Lakeside", "Museum Quarter"]
    bike_type = _pick(rng, ["city", "e-bike", "mountain", "kids"], n, [0.45, 0.3, 0.15, 0.1])
    duration = rng.gamma(2.2, 45, n).round().astype(int) + 10
    speed = np.where(bike_type == "e-bike", 16, 11) + rng.normal(0, 2, n)
    distance = (duration / 60 * speed * rng.uniform(0.3, 0.8, n)).round(1)
    rate = pd.Series(bike_type).map({"city": 4, "e-bike": 7, "mountain": 6, "kids": 3}).to_numpy()
    price = (np.ceil(duration / 60) * rate).astype(float)
    customer = _pick(rng, ["tourist", "local", "member"], n, [0.5, 0.3, 0.2])
    late_score = 0.012 * duration + 0.8 * (customer == "tourist") + rng.normal(0, 1, n)
    rentals = pd.DataFrame(
        {
            "rental_id": [f"R{5000 + i}" for i in range(n)],
            "bike_id": [f"B{int(b):03d}" for b in rng.integers(1, 160, n)],
            "bike_type": bike_type,
            "start_station": _pick(rng, stations, n),
            "end_station": _pick(rng, stations, n),
            "start_hour": rng.integers(7, 21, n),
            "duration_min": duration,
            "distance_km": distance,
            "price_eur": price,
            "customer_type": customer,
            "helmet_rented": _pick(rng, ["yes", "no"], n, [0.35, 0.65]),
            "returned_late": np.where(late_score > 2.6, "yes", "no"),
        }
    )
    odd = rng.choice(n, 8, replace=False)
    rentals.loc[odd[:3], "distance_km"] = [212.0, 188.5, 240.3]
    rentals.loc[odd[3:5], "price_eur"] = 0.0
    rentals.loc[odd[5:], "duration_min"] = [2880, 3100, 4015]
    rentals.to_csv(out / "rentals.csv", index=False)

    minor = [
        "scratch on the frame near the pedal",
        "bell missing, otherwise fine",
        "front light loose, tightened it",
        "saddle cover torn a little",
        "mudguard rattles",
        "chain a bit squeaky, needs oil",
    ]
    major = [
        "brakes not working at all, rear cable snapped",
        "front wheel bent after a crash, cannot ride",
        "frame cracked at the fork, unsafe",
        "battery will not charge, display dead",
        "handlebar came off while riding, customer fell",
        "rear tyre burst and rim is damaged",
    ]
    m = 420
    sev = _pick(rng, ["minor", "major"], m, [0.65, 0.35])
    notes = [
        str(rng.choice(minor if s == "minor" else major))
        + str(rng.choice(["", ", reported at return", ", customer apologised", ", photo taken"]))
        for s in sev
    ]
    cost = np.where(sev == "minor", rng.gamma(2, 6, m), rng.gamma(4, 30, m)).round(2)
    cost[rng.choice(m, 120, replace=False)] = np.nan
    reports = pd.DataFrame(
        {
            "report_id": [f"DR-{300 + i}" for i in range(m)],
            "rental_id": rng.choice(rentals["rental_id"], m),
            "bike_type": _pick(rng, ["city", "e-bike", "mountain", "kids"], m),
            "reported_by": _pick(rng, ["staff", "customer"], m, [0.7, 0.3]),
            "note": notes,
            "repair_cost_eur": cost,
        }
    )
    reports.to_csv(out / "damage_reports.csv", index=False)
    checked = rng.choice(m, 60, replace=False)
    pd.DataFrame({"report_id": reports["report_id"].iloc[checked], "verdict": sev[checked]}).to_csv(
        out / "mechanic_checks.csv", index=False
    )
    k = 80
    sev2 = _pick(rng, ["minor", "major"], k, [0.6, 0.4])
    pd.DataFrame(
        {
            "report_id": [f"DR-{900 + i}" for i in range(k)],
            "rental_id": rng.choice(rentals["rental_id"], k),
            "bike_type": _pick(rng, ["city", "e-bike", "mountain", "kids"], k),
            "reported_by": _pick(rng, ["staff", "customer"], k),
            "note": [str(rng.choice(minor if s == "minor" else major)) for s in sev2],
            "repair_cost_eur": np.nan,
        }
    ).to_csv(out / "damage_reports_june.csv", index=False)
    rules = [
        {
            "name": "brakes_or_frame",
            "label": "major",
            "kind": "keyword",
            "column": "note",
            "keywords": ["brakes", "cracked", "bent", "unsafe", "snapped"],
        },
        {
            "name": "battery_dead",
            "label": "major",
            "kind": "keyword",
            "column": "note",
            "keywords": ["battery", "display dead"],
        },
        {
            "name": "cosmetic",
            "label": "minor",
            "kind": "keyword",
            "column": "note",
            "keywords": ["scratch", "bell", "squeaky", "rattles", "torn"],
        },
    ]
    (out / "damage_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")


def clinic(out: Path, rng: np.random.Generator) -> None:
    """Vet visits with notes, appointments with no-shows, next week's bookings."""
    n = 650
    species = _pick(rng, ["dog", "cat", "rabbit", "guinea pig"], n, [0.5, 0.35, 0.1, 0.05])
    urgent = rng.random(n) < 0.3
    routine_notes = [
        "annual vaccination, healthy weight, no concerns",
        "nail trim and ear check, all normal",
        "dental check, mild tartar, advised brushing",
        "weight check after diet change, doing well",
        "booster given, owner asked about flea treatment",
    ]
    urgent_notes = [
        "vomiting since last night, lethargic, not eating",
        "bleeding paw after stepping on glass",
        "difficulty breathing, gums pale",
        "hit by a car, limping badly",
        "ate chocolate, owner panicked, induced vomiting",
        "straining to urinate, crying in litter box",
    ]
    notes = [str(rng.choice(urgent_notes if u else routine_notes)) for u in urgent]
    age = rng.gamma(2, 2.5, n).round(1)
    visits = pd.DataFrame(
        {
            "visit_id": [f"V{7000 + i}" for i in range(n)],
            "pet_name": _pick(rng, ["Bella", "Max", "Luna", "Milo", "Coco", "Nala", "Oscar"], n),
            "species": species,
            "age_years": age,
            "weight_kg": np.where(
                species == "dog",
                rng.normal(18, 8, n),
                np.where(species == "cat", rng.normal(4.5, 1, n), rng.normal(1.8, 0.5, n)),
            )
            .clip(0.4)
            .round(1),
            "vet": _pick(rng, ["Dr. Haas", "Dr. Okafor", "Dr. Lindqvist"], n),
            "notes": notes,
        }
    )
    visits.loc[rng.choice(n, 50, replace=False), "weight_kg"] = np.nan
    lab1 = np.zeros(n, dtype=bool)
    lab1[rng.choice(n, 80, replace=False)] = True
    visits["urgency"] = np.where(lab1, np.where(urgent, "urgent", "routine"), None)
    follow = (urgent | (age > 9)) ^ (rng.random(n) < 0.1)
    lab2 = np.zeros(n, dtype=bool)
    lab2[rng.choice(n, 60, replace=False)] = True
    visits["follow_up_needed"] = np.where(lab2, np.where(follow, "yes", "no"), None)
    visits.to_csv(out / "vet_visits.csv", index=False)

    def appts(m: int, start: int, with_label: bool) -> pd.DataFrame:
        ahead = rng.integers(0, 45, m)
        reminder = _pick(rng, ["yes", "no"], m, [0.6, 0.4])
        prev = rng.poisson(0.5, m)
        frame = pd.DataFrame(
            {
                "appointment_id": [f"A{start + i}" for i in range(m)],
                "species": _pick(rng, ["dog", "cat", "rabbit"], m, [0.55, 0.35, 0.1]),
                "booked_days_ahead": ahead,
                "slot": _pick(rng, ["morning", "afternoon", "evening"], m),
                "weekday": _pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], m),
                "reminder_sms": reminder,
                "previous_no_shows": prev,
                "first_visit": _pick(rng, ["yes", "no"], m, [0.25, 0.75]),
                "distance_km": rng.gamma(2, 4, m).round(1),
            }
        )
        if with_label:
            score = 0.05 * ahead + 0.9 * prev - 1.0 * (reminder == "yes") + rng.normal(0, 1, m)
            frame["no_show"] = np.where(score > 1.0, "yes", "no")
        return frame

    appts(1100, 1, True).to_csv(out / "appointments.csv", index=False)
    appts(64, 5001, False).to_csv(out / "appointments_next_week.csv", index=False)


def recruiting(out: Path, rng: np.random.Generator) -> None:
    """Candidates (CV text, partly tagged sector), placements and a later quarter's placements."""
    cv = {
        "hospitality": "worked as waiter and barista, cash handling, food hygiene certificate",
        "logistics": "forklift licence, warehouse picking and packing, night shifts, HGV class 2",
        "office": "receptionist, excel and outlook, answering phones, invoices and filing",
        "care": "care assistant in nursing home, personal care, medication rounds, dementia",
    }
    extra = [
        "fluent in Polish",
        "driving licence",
        "available weekends",
        "looking for part time",
        "team leader for two years",
        "",
    ]
    n = 360
    sector = _pick(rng, list(cv), n)
    text = [f"{cv[s]}; {rng.choice(extra)}; {rng.integers(1, 15)} years" for s in sector]
    cands = pd.DataFrame(
        {
            "candidate_id": [f"CAND-{i:04d}" for i in range(1, n + 1)],
            "full_name": [f"Person {i}" for i in range(1, n + 1)],
            "cv_text": text,
            "years_experience": rng.integers(0, 25, n),
            "desired_salary_k": rng.normal(28, 6, n).round(1),
            "notice_weeks": rng.integers(0, 9, n),
        }
    )
    tagged = np.zeros(n, dtype=bool)
    tagged[rng.choice(n, 48, replace=False)] = True
    cands["sector"] = np.where(tagged, sector, None)
    cands.to_csv(out / "candidates.csv", index=False)

    def placements(m: int, start: int) -> pd.DataFrame:
        commute = rng.gamma(2, 7, m).round(1)
        interviews = rng.integers(1, 6, m)
        salary = rng.normal(30, 7, m).round(1)
        score = -0.06 * commute + 0.08 * (salary - 30) + 0.3 * interviews + rng.normal(0, 1, m)
        return pd.DataFrame(
            {
                "placement_id": [f"PL-{start + i}" for i in range(m)],
                "candidate_id": [f"CAND-{int(c):04d}" for c in rng.integers(1, 361, m)],
                "client": _pick(
                    rng, ["Hotel Meridian", "FastFreight", "Greenleaf Care", "Ortiz & Co"], m
                ),
                "sector": _pick(rng, list(cv), m),
                "role_level": _pick(rng, ["entry", "mid", "senior"], m, [0.5, 0.35, 0.15]),
                "salary_k": salary,
                "weeks_to_fill": rng.integers(1, 12, m),
                "interviews": interviews,
                "commute_km": commute,
                "stayed_6_months": np.where(score > 0.2, "yes", "no"),
                "client_satisfaction": np.clip(
                    np.round(3 + score + rng.normal(0, 0.7, m)), 1, 5
                ).astype(int),
            }
        )

    placements(520, 1).to_csv(out / "placements.csv", index=False)
    placements(130, 2001).to_csv(out / "placements_q4.csv", index=False)


HANDBOOK = """# Crumb & Co. staff handbook

## Opening the shop

The first baker arrives at 4:30 and switches on the deck ovens before anything else. The ovens
need 45 minutes to reach 230 degrees. The shop door opens at 7:00 on weekdays and 8:00 on
Saturdays; Sunday opening is only at the Riverside branch, from 8:00 to 13:00.

The float in each till is 150 euros, counted by the shift lead and signed in the till book.

## Food safety

Every member of staff must hold a food hygiene certificate before working behind the counter.
Allergen labels are printed from the recipe system; a handwritten label is never allowed.
If a customer asks about allergens and you are not sure, you call the shift lead rather than
guess. Products containing nuts are stored on the top shelf of the cold room, sealed.

Fridges are checked twice a day, at opening and at 14:00. A fridge above 5 degrees is reported
to the branch manager at once and its contents are moved to the spare fridge.

## Orders and cakes

Celebration cakes need at least 72 hours notice. Wedding cakes are booked with a 30 percent
deposit, which is refunded in full only if the order is cancelled more than four weeks ahead.
Phone orders are written in the order book and repeated back to the customer.

When an order goes wrong, the customer is offered a replacement or a full refund, and the
incident is written in the complaints log the same day.

## Leftovers and waste

Bread that is not sold by closing is given to the Harbour food bank, which collects at 18:30.
Cakes and cream products are never donated; they are weighed and logged as waste.

## Holidays and shifts

Holiday requests go to the branch manager at least three weeks ahead. Shift swaps are allowed
when both people agree and the manager is told by message. Staff get one free loaf per shift.
"""

FAQ = """Velo Rent - frequently asked questions

How old do I have to be to rent a bike?
You must be 16 to rent an adult bike on your own. Children's bikes are rented by a parent or
guardian, who signs the rental form.

What do I need to bring?
A photo ID and a bank card. We block a deposit of 100 euros on the card for a city bike and 250
euros for an e-bike. The deposit is released when the bike comes back undamaged.

What happens if I return the bike late?
A late return costs the hourly rate for every started hour, plus a 10 euro late fee after the
first 30 minutes. If a bike is more than 24 hours late without a call, we report it as stolen.

What if the bike is damaged?
Small damage such as scratches or a missing bell is covered by the rental price. Damage that
needs a new part is charged at the cost of the part, up to the deposit. Report any damage at
the counter when you return the bike, and take a photo if you can.

Do e-bikes need charging during a rental?
A full battery lasts about 70 kilometres. Rentals longer than one day include a charger. Never
open the battery case yourself.

Are helmets included?
Helmets are 2 euros per rental and are required for riders under 18. Helmets are cleaned after
every use.

Can I drop the bike at a different station?
Yes, at any of our five stations: Harbour, Central Square, University, Lakeside and Museum
Quarter. A drop-off at a different station costs 5 euros.

What are your opening hours?
All stations are open from 7:00 to 21:00 from April to October, and from 9:00 to 18:00 in winter.
"""


def main() -> None:
    """Write every file into the folder given as the only argument."""
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    bakery(out, np.random.default_rng(61))
    bikes(out, np.random.default_rng(62))
    clinic(out, np.random.default_rng(63))
    recruiting(out, np.random.default_rng(64))
    (out / "docs" / "staff_handbook.md").write_text(HANDBOOK, encoding="utf-8")
    (out / "docs" / "rental_faq.txt").write_text(FAQ, encoding="utf-8")


if __name__ == "__main__":
    main()
