"""Write fresh58's files: a greenhouse grower, a small-claims mediation service, a coach tour firm.

Run: python make_data.py DIR  (deterministic, offline, seed 5858)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5858


def _write(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def greenhouse(out: Path, rng: np.random.Generator) -> None:
    g = out / "greenhouse"
    n = 600
    zones = ["GH1-A", "GH1-B", "GH2-A", "GH2-B", "GH3"]
    log = pd.DataFrame(
        {
            "sensor_id": [f"S{rng.integers(1, 21):02d}" for _ in range(n)],
            "reading_time": pd.date_range("2026-09-01", periods=n, freq="h").strftime(
                "%Y-%m-%d %H:%M"
            ),
            "zone": rng.choice(zones, n),
            "air_temp_c": np.round(rng.normal(22, 2.5, n), 1),
            "rh_pct": np.round(np.clip(rng.normal(75, 6, n), 40, 99), 1),
            "co2_ppm": np.round(rng.normal(800, 90, n)).astype(int),
            "par_umol": np.round(np.clip(rng.normal(450, 180, n), 0, None)).astype(int),
            "substrate_ec": np.round(rng.normal(2.6, 0.3, n), 2),
        }
    )
    odd = rng.choice(n, 12, replace=False)
    log.loc[odd[:4], "air_temp_c"] = [41.5, 3.2, 38.9, -1.0]
    log.loc[odd[4:8], "co2_ppm"] = [2950, 120, 3100, 60]
    log.loc[odd[8:], "rh_pct"] = [12.0, 99.9, 15.5, 8.0]
    _write(log, g / "climate_log.csv")

    crops = ["tomato", "cucumber", "sweet pepper", "lettuce", "basil"]

    def batches(m: int, start: int, labeled: bool = True) -> pd.DataFrame:
        temp = np.round(rng.normal(22, 2, m), 1)
        rh = np.round(rng.normal(74, 6, m), 1)
        ec = np.round(rng.normal(2.5, 0.4, m), 2)
        ph = np.round(rng.normal(5.9, 0.3, m), 2)
        pest_days = rng.integers(0, 12, m)
        score = -abs(temp - 22) * 0.6 - abs(ec - 2.5) * 2 - pest_days * 0.25 + rng.normal(0, 1, m)
        grade = np.where(score > -1.5, "A", np.where(score > -3.5, "B", "reject"))
        df = pd.DataFrame(
            {
                "batch_id": [f"B{start + i:05d}" for i in range(m)],
                "crop": rng.choice(crops, m),
                "zone": rng.choice(zones, m),
                "sow_week": rng.integers(1, 53, m),
                "avg_temp_c": temp,
                "avg_rh_pct": rh,
                "feed_ec": ec,
                "feed_ph": ph,
                "pest_days": pest_days,
                "days_to_harvest": rng.integers(35, 95, m),
                "yield_kg_m2": np.round(np.clip(8 + score + rng.normal(0, 1, m), 1, None), 2),
                "grower_notes": rng.choice(
                    [
                        "good set, even ripening",
                        "some blossom end rot seen",
                        "heating fault week 3",
                        "",
                        "uneven fruit size",
                        "strong plants, minor leaf curl",
                    ],
                    m,
                ),
            }
        )
        if labeled:
            df["grade"] = grade
            df["shelf_life_ok"] = np.where(score + rng.normal(0, 1, m) > -2.5, "yes", "no")
        return df

    _write(batches(400, 10000), g / "crop_batches_train.csv")
    _write(batches(120, 20000), g / "crop_batches_test.csv")
    _write(batches(60, 30000, labeled=False), g / "crop_batches_new.csv")

    pests = {
        "whitefly": [
            "tiny white flies on leaf undersides",
            "sticky honeydew, white insects fly up",
        ],
        "thrips": ["silver streaks on leaves, black specks", "thrips on blue sticky cards"],
        "aphid": ["green aphid colony on growing tips", "curled leaves with aphids and ants"],
        "spider_mite": ["fine webbing, yellow stippling", "red spider mite on lower leaves"],
        "none": ["clean crop, nothing on cards", "checked row, no pests found"],
    }
    m = 500
    kinds = rng.choice(list(pests), m, p=[0.25, 0.2, 0.2, 0.15, 0.2])
    notes = [
        rng.choice(pests[k]) + rng.choice(["", " row 12", " near door", " bay 4, mild", " heavy"])
        for k in kinds
    ]
    pest_type = np.where(rng.random(m) < 0.3, kinds, "")
    sight = pd.DataFrame(
        {
            "sighting_id": [f"P{i:04d}" for i in range(1, m + 1)],
            "scout_date": pd.date_range("2026-06-01", periods=m, freq="8h").strftime("%Y-%m-%d"),
            "zone": rng.choice(zones, m),
            "scout": rng.choice(["Marta", "Joost", "Anil", "Bea"], m),
            "scout_note": notes,
            "count_per_card": rng.integers(0, 60, m),
            "pest_type": pest_type,
        }
    )
    _write(sight, g / "pest_sightings.csv")
    gold_idx = rng.choice(m, 80, replace=False)
    _write(
        pd.DataFrame({"sighting_id": sight["sighting_id"].iloc[gold_idx], "pest": kinds[gold_idx]}),
        g / "pest_gold.csv",
    )
    rules = [
        {
            "name": "white_flies",
            "label": "whitefly",
            "kind": "keyword",
            "column": "scout_note",
            "keywords": ["white flies", "honeydew", "white insects"],
        },
        {
            "name": "silver_streaks",
            "label": "thrips",
            "kind": "keyword",
            "column": "scout_note",
            "keywords": ["thrips", "silver streaks"],
        },
        {
            "name": "aphid_word",
            "label": "aphid",
            "kind": "regex",
            "column": "scout_note",
            "pattern": "aphid",
            "ignore_case": True,
        },
        {
            "name": "webbing",
            "label": "spider_mite",
            "kind": "keyword",
            "column": "scout_note",
            "keywords": ["webbing", "spider mite", "stippling"],
        },
        {
            "name": "clean",
            "label": "none",
            "kind": "keyword",
            "column": "scout_note",
            "keywords": ["no pests", "clean crop"],
        },
    ]
    (g / "pest_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    issues = {
        "quality": ["tomatoes soft on arrival", "cucumbers bent and yellow", "peppers wrinkled"],
        "late": [
            "truck came four hours late",
            "delivery missed the dock slot",
            "order arrived a day late",
        ],
        "short": [
            "two boxes missing from the pallet",
            "weight short by 20 kg",
            "invoice says 50 crates, got 44",
        ],
        "packaging": ["crates broken", "labels wrong on boxes", "wet cardboard, boxes collapsed"],
    }
    m = 240
    cats = rng.choice(list(issues), m)
    comp = pd.DataFrame(
        {
            "complaint_id": [f"C-{i:04d}" for i in range(1, m + 1)],
            "buyer": rng.choice(
                ["FreshMart", "Groenland Veiling", "Hotel Aurora", "Kaaswinkel De Berg", "CityBox"],
                m,
            ),
            "crop": rng.choice(crops, m),
            "complaint_text": [
                rng.choice(issues[c])
                + rng.choice(["", ", please call", ", again!", ", want credit"])
                for c in cats
            ],
            "refund_eur": np.round(rng.gamma(2, 60, m), 2),
            "issue_category": np.where(rng.random(m) < 0.4, cats, ""),
            "resolved": rng.choice(["yes", "no"], m),
        }
    )
    _write(comp, g / "buyer_complaints.csv")
    d = g / "docs"
    d.mkdir(parents=True, exist_ok=True)
    (d / "ipm_handbook.md").write_text(
        "# Integrated pest management handbook\n\n## Scouting\n\nScouts walk every fifth row twice a week"
        " and change the yellow and blue sticky cards every Monday. Counts above 30 per card are reported"
        " to the head grower the same day.\n\n## Biological control\n\nEncarsia formosa is released against"
        " whitefly at 3 per square metre weekly. Amblyseius cucumeris sachets are hung for thrips. Phytoseiulus"
        " persimilis is used on spider mite hot spots.\n\n## Chemical rescue\n\nOnly products on the approved"
        " list may be sprayed, with a 3-day re-entry interval and records kept for 2 years.\n"
    )
    (d / "climate_setpoints.md").write_text(
        "# Climate setpoints\n\n## Tomato\n\nDay 21-23 C, night 17 C, humidity 70-80 %, CO2 800-1000 ppm"
        " when vents are closed.\n\n## Cucumber\n\nDay 24 C, night 19 C. Screens close when radiation"
        " exceeds 700 W/m2.\n\n## Alarms\n\nA temperature alarm sounds above 32 C or below 10 C. The duty"
        " grower must respond within 20 minutes.\n"
    )


def mediation(out: Path, rng: np.random.Generator) -> None:
    md = out / "mediation"
    types = ["deposit", "unpaid invoice", "faulty goods", "neighbour damage", "wages", "car repair"]

    def cases(m: int, start: int, labeled: bool = True) -> pd.DataFrame:
        amount = np.round(rng.gamma(2.2, 1400, m), 2)
        days = rng.integers(5, 120, m)
        rep = rng.choice(["neither", "claimant", "respondent", "both"], m)
        sessions = rng.integers(1, 5, m)
        z = -amount / 4000 - days / 80 + (rep == "neither") * 0.8 + rng.normal(0, 0.9, m)
        df = pd.DataFrame(
            {
                "case_no": [f"SC{start + i}" for i in range(m)],
                "claim_type": rng.choice(types, m),
                "claim_amount": amount,
                "days_to_session": days,
                "sessions_held": sessions,
                "represented": rep,
                "language_support": rng.choice(["yes", "no"], m, p=[0.2, 0.8]),
                "mediator": rng.choice(["R. Okafor", "L. Mendes", "T. Haug", "S. Kaur"], m),
                "mediator_summary": rng.choice(
                    [
                        "both sides wanted to keep working together",
                        "respondent denied owing anything",
                        "claimant angry, refused to lower amount",
                        "agreed a payment plan in principle",
                        "respondent did not attend second session",
                    ],
                    m,
                ),
            }
        )
        if labeled:
            df["outcome"] = np.where(
                z > -0.6, "settled", np.where(z > -1.6, "no_agreement", "withdrawn")
            )
            df["paid_in_full"] = np.where(z + rng.normal(0, 0.8, m) > -0.8, "yes", "no")
        return df

    _write(cases(450, 24001), md / "cases_train.csv")
    _write(cases(130, 25001), md / "cases_test.csv")
    _write(cases(50, 26001, labeled=False), md / "cases_new.csv")

    tones = {
        "hostile": [
            "this is a scam and I will see them in court",
            "they are liars, I want every penny",
            "absolutely refuse to pay a cent",
        ],
        "neutral": [
            "the invoice was dated 3 March",
            "I returned the item on the 12th",
            "the deposit was 900 pounds",
        ],
        "conciliatory": [
            "happy to meet halfway",
            "I understand their position and want to settle",
            "willing to pay in instalments",
        ],
    }
    m = 420
    t = rng.choice(list(tones), m)
    st = pd.DataFrame(
        {
            "statement_id": [f"ST{i:04d}" for i in range(1, m + 1)],
            "case_no": [f"SC{rng.integers(24001, 24451)}" for _ in range(m)],
            "party_role": rng.choice(["claimant", "respondent"], m),
            "statement_text": [
                rng.choice(tones[k]) + rng.choice(["", ".", " - said on the phone", " (written)"])
                for k in t
            ],
            "words": rng.integers(20, 400, m),
            "tone": np.where(rng.random(m) < 0.3, t, ""),
        }
    )
    _write(st, md / "party_statements.csv")
    gi = rng.choice(m, 70, replace=False)
    _write(
        pd.DataFrame({"statement_id": st["statement_id"].iloc[gi], "tone": t[gi]}),
        md / "statements_gold.csv",
    )
    rules = [
        {
            "name": "court_threat",
            "label": "hostile",
            "kind": "keyword",
            "column": "statement_text",
            "keywords": ["court", "scam", "liars", "refuse"],
        },
        {
            "name": "halfway",
            "label": "conciliatory",
            "kind": "keyword",
            "column": "statement_text",
            "keywords": ["halfway", "settle", "instalments"],
        },
        {
            "name": "dates_amounts",
            "label": "neutral",
            "kind": "regex",
            "column": "statement_text",
            "pattern": "\\d",
            "ignore_case": False,
        },
    ]
    (md / "tone_rules.json").write_text(json.dumps(rules, indent=2) + "\n")
    d = md / "docs"
    d.mkdir(parents=True, exist_ok=True)
    (d / "mediation_procedure.md").write_text(
        "# Small-claims mediation procedure\n\n## Eligibility\n\nClaims up to 10,000 pounds can be mediated"
        " free of charge. Both parties must agree in writing.\n\n## Sessions\n\nA session lasts up to three"
        " hours by telephone. The mediator speaks to each party separately and never decides the case.\n\n"
        "## Settlement\n\nAn agreed settlement is written down and binding. If a party does not pay, the"
        " other may ask the court to enforce it.\n"
    )
    (d / "mediator_code_of_conduct.txt").write_text(
        "Mediator code of conduct\n\nMediators stay impartial and declare any conflict of interest before"
        " the first session.\n\nEverything said in mediation is confidential, except threats of harm.\n\n"
        "Notes are kept for six months and then destroyed.\n"
    )


def tours(out: Path, rng: np.random.Generator) -> None:
    t = out / "tours"
    codes = ["HIGH5", "LAKES3", "CORN4", "EDIN2", "WALES6", "YORK3"]

    def bookings(m: int, start: int, labeled: bool = True) -> pd.DataFrame:
        ahead = rng.integers(1, 200, m)
        size = rng.integers(1, 7, m)
        deposit = rng.choice(["yes", "no"], m, p=[0.7, 0.3])
        z = -ahead / 90 + (deposit == "no") * 1.1 + rng.normal(0, 0.8, m)
        df = pd.DataFrame(
            {
                "booking_ref": [f"BK{start + i}" for i in range(m)],
                "tour_code": rng.choice(codes, m),
                "departure_month": rng.choice(["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"], m),
                "days_booked_ahead": ahead,
                "party_size": size,
                "price_gbp": np.round(size * rng.normal(420, 90, m), 2),
                "avg_age": rng.integers(24, 82, m),
                "channel": rng.choice(["phone", "website", "travel agent", "coach club"], m),
                "deposit_paid": deposit,
                "special_requests": rng.choice(
                    [
                        "",
                        "wheelchair space",
                        "front seat please",
                        "vegetarian meals",
                        "travelling with grandson",
                    ],
                    m,
                ),
            }
        )
        if labeled:
            df["cancelled"] = np.where(z > 0.2, "yes", "no")
            df["no_show"] = np.where((z < 0.2) & (rng.random(m) < 0.08), "yes", "no")
        return df

    _write(bookings(500, 70001), t / "bookings_2025.csv")
    _write(bookings(150, 80001), t / "bookings_2026_h1.csv")
    _write(bookings(70, 90001, labeled=False), t / "upcoming_bookings.csv")

    sent = {
        "positive": [
            "driver was brilliant and the hotel lovely",
            "great guide, learned so much",
            "wonderful scenery, well organised",
        ],
        "negative": [
            "coach was dirty and the aircon broke",
            "guide was rude, late every morning",
            "hotel was awful, would not book again",
        ],
        "mixed": [
            "nice views but too much time on the coach",
            "good guide, poor food",
            "lovely trip apart from the breakdown",
        ],
    }
    m = 450
    k = rng.choice(list(sent), m, p=[0.5, 0.25, 0.25])
    rev = pd.DataFrame(
        {
            "review_id": [f"R{i:05d}" for i in range(1, m + 1)],
            "tour_code": rng.choice(codes, m),
            "review_text": [
                rng.choice(sent[s]) + rng.choice(["", "!", ". Thanks", ", 2nd time with you"])
                for s in k
            ],
            "stars": [
                int(rng.integers(4, 6))
                if s == "positive"
                else int(rng.integers(1, 3))
                if s == "negative"
                else 3
                for s in k
            ],
            "sentiment": np.where(rng.random(m) < 0.35, k, ""),
        }
    )
    _write(rev, t / "traveller_reviews.csv")
    gi = rng.choice(m, 75, replace=False)
    _write(
        pd.DataFrame({"review_id": rev["review_id"].iloc[gi], "sentiment": k[gi]}),
        t / "reviews_handlabelled.csv",
    )
    rules = [
        {
            "name": "praise",
            "label": "positive",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["brilliant", "great", "wonderful", "lovely"],
        },
        {
            "name": "complaint",
            "label": "negative",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["dirty", "rude", "awful", "broke"],
        },
        {
            "name": "but_words",
            "label": "mixed",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["but", "apart from"],
        },
        {
            "name": "low_stars",
            "label": "negative",
            "kind": "threshold",
            "column": "stars",
            "op": "<=",
            "value": 2,
        },
    ]
    (t / "review_rules.json").write_text(json.dumps(rules, indent=2) + "\n")
    m = 300
    gr = pd.DataFrame(
        {
            "report_id": [f"GR{i:04d}" for i in range(1, m + 1)],
            "tour_code": rng.choice(codes, m),
            "guide": rng.choice(["Fiona", "Dafydd", "Hamish", "Priya", "Tom"], m),
            "coach_reg": rng.choice(["YX19 KLM", "BV21 ODE", "SN68 TRU", "LK70 PAS"], m),
            "km_driven": np.round(rng.normal(310, 60, m)).astype(int),
            "fuel_litres": np.round(rng.normal(95, 15, m), 1),
            "delay_minutes": rng.integers(0, 40, m),
            "passengers": rng.integers(18, 50, m),
            "report_text": rng.choice(
                [
                    "smooth day, all on time",
                    "one passenger unwell, waited at services",
                    "roadworks near Keswick",
                    "lost luggage sorted at hotel",
                    "coach warning light, checked ok",
                ],
                m,
            ),
        }
    )
    odd = rng.choice(m, 10, replace=False)
    gr.loc[odd[:3], "km_driven"] = [1450, 12, 980]
    gr.loc[odd[3:6], "fuel_litres"] = [410.0, 2.5, 330.0]
    gr.loc[odd[6:], "delay_minutes"] = [480, 365, 600, 300]
    _write(gr, t / "guide_reports.csv")
    d = t / "docs"
    d.mkdir(parents=True, exist_ok=True)
    (d / "cancellation_policy.md").write_text(
        "# Cancellation policy\n\n## By the traveller\n\nMore than 60 days before departure: the deposit of 100"
        " pounds is kept. 30-60 days: 50 % of the price. Under 30 days: no refund.\n\n## By us\n\nIf we cancel a"
        " tour, travellers get a full refund or a free transfer to another date.\n\n## Insurance\n\nWe strongly"
        " advise travel insurance from the day of booking.\n"
    )
    (d / "driver_guide_handbook.md").write_text(
        "# Driver and guide handbook\n\n## Driving hours\n\nDrivers may drive at most 9 hours a day with a 45"
        " minute break after 4.5 hours.\n\n## Head counts\n\nGuides count passengers at every stop before the"
        " coach leaves.\n\n## Incidents\n\nAny accident, illness or complaint goes into the daily guide report"
        " before 9 pm.\n"
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    greenhouse(out, rng)
    mediation(out, rng)
    tours(out, rng)


if __name__ == "__main__":
    main()
