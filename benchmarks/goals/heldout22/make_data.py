"""Write the heldout22 corpus files (bike share, blood donation, second-hand bookshop) into DIR."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2222


def pick(rng: np.random.Generator, items: list[str], n: int) -> list[str]:
    return [items[i] for i in rng.integers(0, len(items), n)]


def bike(rng: np.random.Generator, out: Path) -> None:
    docks = [f"D{n:03d}" for n in range(1, 41)]
    n = 900
    trips = pd.DataFrame(
        {
            "trip_id": [f"T{100000 + i}" for i in range(n)],
            "start_dock": pick(rng, docks, n),
            "end_dock": pick(rng, docks, n),
            "hour": rng.integers(0, 24, n),
            "weekday": pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], n),
            "member_type": pick(rng, ["annual", "monthly", "day_pass", "casual"], n),
            "bike_type": pick(rng, ["classic", "ebike"], n),
            "temp_c": rng.normal(14, 7, n).round(1),
            "rain_mm": np.clip(rng.exponential(1.2, n) - 0.6, 0, None).round(1),
            "distance_km": np.clip(rng.gamma(2.0, 1.3, n), 0.2, None).round(2),
        }
    )
    trips["duration_min"] = (trips["distance_km"] * rng.normal(5, 1.2, n) + 2).round(1)
    score = (
        0.05 * trips["duration_min"]
        + 0.8 * (trips["member_type"].isin(["day_pass", "casual"]))
        + 0.15 * trips["rain_mm"]
        - 2.2
    )
    trips["returned_late"] = np.where(rng.random(n) < 1 / (1 + np.exp(-score)), "yes", "no")
    trips["ended_at_full_dock"] = np.where(rng.random(n) < 0.12, "yes", "no")
    trips.iloc[:600].to_csv(out / "bike_trips_train.csv", index=False)
    trips.iloc[600:800].to_csv(out / "bike_trips_test.csv", index=False)
    new = trips.iloc[800:].drop(columns=["returned_late", "ended_at_full_dock"])
    new.to_csv(out / "bike_trips_new.csv", index=False)

    m = 500
    dock = pd.DataFrame(
        {
            "reading_id": range(1, m + 1),
            "dock_id": pick(rng, docks, m),
            "reading_time": pd.date_range("2026-10-01", periods=m, freq="37min").astype(str),
            "bikes_available": rng.integers(0, 20, m),
            "capacity": 20,
            "battery_volts": rng.normal(12.4, 0.2, m).round(2),
            "lock_errors": rng.poisson(0.3, m),
            "signal_dbm": rng.normal(-70, 5, m).round(0),
        }
    )
    dock["empty_slots"] = dock["capacity"] - dock["bikes_available"]
    odd = rng.choice(m, 12, replace=False)
    dock.loc[odd[:4], "battery_volts"] = [3.1, 0.0, 19.8, 2.4]
    dock.loc[odd[4:8], "lock_errors"] = [17, 23, 31, 14]
    dock.loc[odd[8:], "empty_slots"] = [-3, 27, -1, 40]
    dock.to_csv(out / "dock_status.csv", index=False)

    faults = {
        "brakes": [
            "brakes don't work",
            "brake lever loose",
            "front brake squeals and barely stops",
        ],
        "tyre": ["flat tyre", "rear tyre punctured", "tire totally flat, rim on ground"],
        "chain": ["chain keeps slipping", "chain came off", "gears jump and chain rattles"],
        "battery": ["ebike battery dead", "motor cuts out, battery says 0%", "won't charge"],
        "lock": ["dock won't release the bike", "lock stuck", "could not return, lock jammed"],
    }
    rows = []
    for i in range(420):
        f = list(faults)[rng.integers(0, 5)]
        text = faults[f][rng.integers(0, 3)]
        extra = pick(
            rng, ["", " at the station by the park", " near the uni", " pls fix", " again!"], 1
        )[0]
        rows.append(
            {
                "report_id": f"BR{5000 + i}",
                "bike_id": f"B{rng.integers(1000, 1900)}",
                "dock_id": pick(rng, docks, 1)[0],
                "reported_via": pick(rng, ["app", "phone", "staff"], 1)[0],
                "report_text": text + extra,
                "fault_type": f if rng.random() < 0.3 else "",
                "true": f,
            }
        )
    rep = pd.DataFrame(rows)
    rep.drop(columns=["true"]).to_csv(out / "broken_bike_reports.csv", index=False)
    gold = rep.sample(80, random_state=SEED)[["report_id", "true"]]
    gold.columns = ["report_id", "fault_type"]
    gold.to_csv(out / "broken_bike_checked.csv", index=False)
    rules = [
        {
            "name": "brake_words",
            "label": "brakes",
            "kind": "keyword",
            "column": "report_text",
            "keywords": ["brake", "brakes"],
        },
        {
            "name": "flat",
            "label": "tyre",
            "kind": "keyword",
            "column": "report_text",
            "keywords": ["flat", "tyre", "tire", "punctured"],
        },
        {
            "name": "chain",
            "label": "chain",
            "kind": "keyword",
            "column": "report_text",
            "keywords": ["chain", "gears"],
        },
        {
            "name": "battery",
            "label": "battery",
            "kind": "regex",
            "column": "report_text",
            "pattern": "batter|charge|motor",
            "ignore_case": True,
        },
        {
            "name": "lock",
            "label": "lock",
            "kind": "keyword",
            "column": "report_text",
            "keywords": ["lock", "release", "jammed"],
        },
    ]
    (out / "bike_fault_rules.json").write_text(json.dumps(rules, indent=1), encoding="utf-8")

    good = [
        "love the ebikes",
        "quick and easy ride to work",
        "app works great",
        "docks always have bikes near me",
    ]
    bad = [
        "no bikes at my dock again",
        "charged twice for one ride",
        "seat broken and app crashed",
        "rude phone support",
    ]
    fb = []
    for i in range(300):
        pos = rng.random() < 0.55
        text = pick(rng, good if pos else bad, 1)[0]
        fb.append(
            {
                "feedback_id": f"F{i + 1:04d}",
                "submitted": str(
                    pd.Timestamp("2026-09-01") + pd.Timedelta(days=int(rng.integers(0, 90)))
                ),
                "member_type": pick(rng, ["annual", "monthly", "day_pass", "casual"], 1)[0],
                "comment": text,
                "stars": int(rng.integers(4, 6) if pos else rng.integers(1, 3)),
                "sentiment": ("positive" if pos else "negative") if rng.random() < 0.4 else "",
            }
        )
    pd.DataFrame(fb).to_csv(out / "rider_feedback.csv", index=False)


def blood(rng: np.random.Generator, out: Path) -> None:
    n = 1000
    v = pd.DataFrame(
        {
            "visit_id": [f"V{70000 + i}" for i in range(n)],
            "donor_id": [f"DN{rng.integers(10000, 99999)}" for _ in range(n)],
            "site": pick(rng, ["Northgate", "Riverside", "mobile_bus", "Hospital_Rd"], n),
            "age": rng.integers(18, 70, n),
            "sex": pick(rng, ["F", "M"], n),
            "weight_kg": rng.normal(74, 13, n).round(1),
            "hb_g_dl": rng.normal(14, 1.4, n).round(1),
            "pulse_bpm": rng.normal(72, 10, n).round(0),
            "months_since_last": rng.integers(2, 60, n),
            "prior_donations": rng.poisson(6, n),
            "travelled_abroad": pick(rng, ["yes", "no", "no", "no"], n),
        }
    )
    odd = rng.choice(650, 8, replace=False)
    v.loc[odd[:3], "hb_g_dl"] = [4.1, 23.5, 6.0]
    v.loc[odd[3:6], "weight_kg"] = [212.0, 31.0, 8.5]
    v.loc[odd[6:], "pulse_bpm"] = [190.0, 22.0]
    s = -0.9 * (v["hb_g_dl"] - 12.8) + 0.6 * (v["travelled_abroad"] == "yes") - 1.0
    v["deferred"] = np.where(rng.random(n) < 1 / (1 + np.exp(-s)), "yes", "no")
    reasons = ["low_haemoglobin", "travel", "medication", "low_weight", "recent_tattoo"]
    v["deferral_reason"] = [pick(rng, reasons, 1)[0] if d == "yes" else "" for d in v["deferred"]]
    r = 0.08 * v["prior_donations"] - 0.03 * v["months_since_last"]
    v["returned_within_12m"] = np.where(rng.random(n) < 1 / (1 + np.exp(-r)), 1, 0)
    v.iloc[:650].to_csv(out / "donor_visits.csv", index=False)
    v.iloc[650:850].to_csv(out / "donor_visits_test.csv", index=False)
    v.iloc[850:].drop(columns=["deferred", "deferral_reason", "returned_within_12m"]).to_csv(
        out / "donor_visits_upcoming.csv", index=False
    )

    m = 700
    a = pd.DataFrame(
        {
            "appointment_id": [f"A{30000 + i}" for i in range(m)],
            "site": pick(rng, ["Northgate", "Riverside", "mobile_bus", "Hospital_Rd"], m),
            "booked_days_ahead": rng.integers(0, 45, m),
            "slot_hour": rng.integers(8, 20, m),
            "reminder_sms": pick(rng, ["yes", "no"], m),
            "first_time_donor": pick(rng, ["yes", "no", "no"], m),
            "distance_km": rng.gamma(2, 4, m).round(1),
            "previous_no_shows": rng.poisson(0.5, m),
        }
    )
    z = (
        0.04 * a["booked_days_ahead"]
        + 0.6 * a["previous_no_shows"]
        - 0.8 * (a["reminder_sms"] == "yes")
        - 1.3
    )
    a["no_show"] = (rng.random(m) < 1 / (1 + np.exp(-z))).astype(int)
    a.iloc[:600].to_csv(out / "appointments_2026.csv", index=False)
    a.iloc[600:].drop(columns=["no_show"]).to_csv(out / "appointments_next_week.csv", index=False)

    topics = {
        "eligibility": [
            "Can I donate if I am on antibiotics?",
            "I had a tattoo in May, can I still give blood?",
            "am I too old to donate at 68",
        ],
        "booking": [
            "How do I move my appointment to Friday?",
            "need to cancel my slot tomorrow",
            "is the bus at the market on Saturday",
        ],
        "results": [
            "What is my blood type?",
            "did my last donation get used",
            "my iron was low, what does it mean",
        ],
        "complaint": [
            "waited two hours, really not ok",
            "nurse was rough with the needle",
            "the parking at Riverside is awful",
        ],
    }
    rows = []
    for i in range(360):
        t = list(topics)[rng.integers(0, 4)]
        rows.append(
            {
                "email_id": f"E{i + 1:04d}",
                "received": str(
                    pd.Timestamp("2026-08-01") + pd.Timedelta(hours=int(rng.integers(0, 2400)))
                ),
                "subject": pick(rng, ["question", "Re: appointment", "help", "donation"], 1)[0],
                "body": topics[t][rng.integers(0, 3)]
                + pick(rng, ["", " Thanks.", " Regards, Sam", " cheers"], 1)[0],
                "topic": t if rng.random() < 0.25 else "",
                "true": t,
            }
        )
    em = pd.DataFrame(rows)
    em.drop(columns=["true"]).to_csv(out / "donor_emails.csv", index=False)
    g = em.sample(70, random_state=SEED)[["email_id", "true"]]
    g.columns = ["email_id", "topic"]
    g.to_csv(out / "donor_emails_hand_tagged.csv", index=False)
    rules = [
        {
            "name": "elig",
            "label": "eligibility",
            "kind": "regex",
            "column": "body",
            "pattern": "can i|tattoo|antibiotic|too old",
            "ignore_case": True,
        },
        {
            "name": "book",
            "label": "booking",
            "kind": "keyword",
            "column": "body",
            "keywords": ["appointment", "cancel", "slot", "move"],
        },
        {
            "name": "res",
            "label": "results",
            "kind": "keyword",
            "column": "body",
            "keywords": ["blood type", "iron", "used"],
        },
        {
            "name": "comp",
            "label": "complaint",
            "kind": "keyword",
            "column": "body",
            "keywords": ["waited", "rough", "awful", "not ok"],
        },
    ]
    (out / "email_topic_rules.json").write_text(json.dumps(rules, indent=1), encoding="utf-8")
    rules[2]["keywords"] = ["blood type", "iron", "used", "result", "haemoglobin"]
    rules[3]["keywords"] = ["waited", "rough", "awful", "not ok", "parking", "complaint"]
    (out / "email_topic_rules_v2.json").write_text(json.dumps(rules, indent=1), encoding="utf-8")


def books(rng: np.random.Generator, out: Path) -> None:
    n = 800
    o = pd.DataFrame(
        {
            "order_id": [f"ORD-{20000 + i}" for i in range(n)],
            "channel": pick(rng, ["website", "abebooks", "ebay", "shop_counter"], n),
            "n_items": rng.integers(1, 6, n),
            "order_total_gbp": rng.gamma(2, 9, n).round(2),
            "shipping_gbp": pick(rng, ["0", "2.99", "4.50", "9.00"], n),
            "oldest_book_year": rng.integers(1890, 2024, n),
            "listed_condition": pick(rng, ["fine", "very_good", "good", "fair", "poor"], n),
            "country": pick(rng, ["UK", "UK", "UK", "IE", "DE", "US", "FR"], n),
            "days_to_dispatch": rng.integers(0, 8, n),
        }
    )
    z = 0.8 * (o["listed_condition"].isin(["fair", "poor"])) + 0.2 * o["days_to_dispatch"] - 2.3
    o["returned"] = np.where(rng.random(n) < 1 / (1 + np.exp(-z)), "yes", "no")
    o["late_delivery"] = np.where(rng.random(n) < 0.2 + 0.05 * o["days_to_dispatch"], "yes", "no")
    o["left_review"] = np.where(rng.random(n) < 0.3, "yes", "no")
    odd = rng.choice(550, 8, replace=False)
    o.loc[odd[:3], "order_total_gbp"] = [1450.0, 2210.5, 980.0]
    o.loc[odd[3:6], "oldest_book_year"] = [1520, 1611, 1488]
    o.loc[odd[6:], "days_to_dispatch"] = [45, 60]
    o.iloc[:550].to_csv(out / "orders.csv", index=False)
    o.iloc[550:720].to_csv(out / "orders_holdout.csv", index=False)
    o.iloc[720:].drop(columns=["returned", "late_delivery", "left_review"]).to_csv(
        out / "orders_december.csv", index=False
    )

    grades = {
        "fine": [
            "as new, tight binding, no marks",
            "crisp pages, unread copy",
            "pristine dust jacket",
        ],
        "good": [
            "light shelf wear, clean text",
            "minor foxing to edges",
            "name on flyleaf, otherwise clean",
        ],
        "fair": [
            "spine creased, some underlining",
            "water stain on lower corner",
            "jacket torn, pages tanned",
        ],
        "poor": [
            "loose pages, cover detached",
            "heavy mould smell",
            "missing title page, heavy annotations",
        ],
    }
    rows = []
    for i in range(400):
        gr = list(grades)[rng.integers(0, 4)]
        rows.append(
            {
                "listing_id": f"L{8000 + i}",
                "title": pick(
                    rng,
                    [
                        "Middlemarch",
                        "Dune",
                        "The Hobbit",
                        "Atlas of Birds",
                        "Penguin Poets 12",
                        "Rebecca",
                    ],
                    1,
                )[0],
                "year": int(rng.integers(1900, 2020)),
                "price_gbp": round(float(rng.gamma(2, 6)), 2),
                "condition_note": grades[gr][rng.integers(0, 3)],
                "grade": gr if rng.random() < 0.3 else "",
                "true": gr,
            }
        )
    c = pd.DataFrame(rows)
    c.drop(columns=["true"]).to_csv(out / "book_condition_notes.csv", index=False)
    g = c.sample(80, random_state=SEED)[["listing_id", "true"]]
    g.columns = ["listing_id", "grade"]
    g.to_csv(out / "condition_graded_by_hand.csv", index=False)

    reasons = {
        "not_as_described": "condition worse than the listing said",
        "damaged_in_post": "arrived with crushed corner, box wet",
        "wrong_book": "you sent the wrong edition",
        "changed_mind": "don't need it anymore sorry",
    }
    ret = []
    for i in range(250):
        rr = list(reasons)[rng.integers(0, 4)]
        ret.append(
            {
                "return_id": f"R{i + 1:04d}",
                "order_id": f"ORD-{20000 + int(rng.integers(0, 800))}",
                "days_after_delivery": int(rng.integers(1, 40)),
                "refund_gbp": round(float(rng.gamma(2, 7)), 2),
                "customer_reason": reasons[rr],
                "return_reason": rr if rng.random() < 0.35 else "",
            }
        )
    pd.DataFrame(ret).to_csv(out / "returns.csv", index=False)

    kinds = {
        "where_is_my_order": "hi where is my order, its been 10 days",
        "do_you_have": "do you have a first edition of this?",
        "refund": "I want my money back for the damaged book",
        "praise": "lovely copy, beautifully wrapped, thank you",
    }
    msgs = []
    for i in range(300):
        k = list(kinds)[rng.integers(0, 4)]
        msgs.append(
            {
                "message_id": f"M{i + 1:04d}",
                "channel": pick(rng, ["email", "website_chat", "ebay"], 1)[0],
                "message": kinds[k],
                "category": k if rng.random() < 0.3 else "",
                "urgent": pick(rng, ["yes", "no", "no"], 1)[0],
            }
        )
    pd.DataFrame(msgs).to_csv(out / "customer_messages.csv", index=False)


DOCS = {
    "docs/bike_share_rider_guide.md": "# Rider guide\n\nAnnual and monthly members ride free for the first 45 minutes; day-pass riders get 30 minutes. After that each extra 15 minutes costs 1 pound.\n\n## Returning a bike\n\nPush the bike firmly into an empty dock until the light turns green. If the dock is full, the app gives 15 extra minutes to find another dock.\n\n## E-bikes\n\nE-bikes are charged at the dock. Do not ride an e-bike showing under 10% battery.\n\n## Reporting a fault\n\nTap Report in the app, pick the bike number and describe the problem. Faulty bikes are locked out until a mechanic checks them, usually within 24 hours.\n",
    "docs/donor_eligibility.md": "# Who can give blood\n\nDonors must be 17 to 65 for a first donation and weigh at least 50 kg. Regular donors may continue to 70.\n\n## Haemoglobin\n\nA finger-prick test is done before each donation. The minimum is 12.5 g/dL for women and 13.5 g/dL for men. Donors below it are deferred and advised to return in three months.\n\n## Travel and tattoos\n\nAfter travel to a malaria area wait six months. After a tattoo or piercing wait four months.\n\n## Medication\n\nMost medicines are fine. Antibiotics: wait seven days after the last dose.\n",
    "docs/donation_day_faq.md": "# On the day\n\nEat a proper meal and drink 500 ml of water before you come. The whole visit takes about an hour; the donation itself 5 to 10 minutes.\n\n## After donating\n\nRest 15 minutes and have a drink and a snack. Avoid heavy exercise for the rest of the day. Men can donate every 12 weeks, women every 16 weeks.\n\n## Missed appointments\n\nIf you cannot come, please cancel at least 24 hours ahead so another donor can take the slot.\n",
    "docs/bookshop_grading_guide.md": "# How we grade books\n\nFine: as new, no defects. Very good: minimal wear, no writing. Good: average used copy, some wear, may have a name on the flyleaf. Fair: worn, may have underlining or stains, complete text. Poor: reading copy only, loose or missing pages noted.\n\nDust jackets are graded separately. Foxing (brown spots) is always mentioned.\n",
    "docs/bookshop_shipping_and_returns.md": "# Shipping and returns\n\nUK orders ship by Royal Mail in 1 to 3 working days; orders over 25 pounds ship free. Europe 5 to 10 days, rest of world up to 3 weeks.\n\n## Returns\n\nBooks may be returned within 30 days if not as described. Damaged in post: send a photo within 7 days and we refund in full, including postage. Change of mind returns are accepted at the customer's cost.\n",
}


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    rng = np.random.default_rng(SEED)
    bike(rng, out)
    blood(rng, out)
    books(rng, out)
    for name, text in DOCS.items():
        (out / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
