"""Write the fresh33 corpus's files: a textile mill's quality lab, an air-cargo handling desk
and a community theatre's box office.

Run: python make_data.py DIR   (deterministic, offline, a few hundred KB)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 33


def _pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


# ----- textile mill quality lab ---------------------------------------------------------------
DEFECT_PHRASES = {
    "none": [
        "all within spec, shade ok",
        "clean lot, no remarks",
        "passes, hand feel good",
        "ok to ship",
        "no visible faults, within tolerance",
    ],
    "dye_streak": [
        "streaky shade across width",
        "visible dye streak near selvedge",
        "uneven dyeing, barre marks",
        "shade variation end to end, streaks",
        "colour bleeding in wash test, streaks",
    ],
    "weak_yarn": [
        "low tensile on weft, yarn breaks",
        "slubs and thin places, weak yarn",
        "broken ends noted, strength low",
        "tear at jaw, yarn weak",
        "pilling heavy, yarn hairy and weak",
    ],
    "shrinkage": [
        "shrank badly after wash",
        "dimensional change out of tolerance",
        "length shrink over limit, relax again",
        "puckering after laundering, shrinkage",
        "width shrinkage high, needs compacting",
    ],
}


def textile(rng: np.random.Generator, n: int = 420) -> pd.DataFrame:
    kinds = list(DEFECT_PHRASES)
    probs = [0.5, 0.18, 0.17, 0.15]
    rows = []
    for i in range(n):
        d = kinds[int(rng.choice(4, p=probs))]
        fabric = _pick(rng, ["poplin", "twill", "denim", "jersey", "canvas", "voile"])
        gsm = float(rng.normal({"denim": 340, "canvas": 300, "voile": 80}.get(fabric, 160), 12))
        warp = rng.normal(620 if d != "weak_yarn" else 430, 60)
        weft = rng.normal(480 if d != "weak_yarn" else 320, 50)
        shrink = rng.normal(2.0 if d != "shrinkage" else 5.8, 0.8)
        wash = int(np.clip(round(rng.normal(4.2 if d != "dye_streak" else 2.6, 0.6)), 1, 5))
        rub = int(np.clip(round(rng.normal(4.0 if d != "dye_streak" else 3.0, 0.7)), 1, 5))
        pill = int(np.clip(round(rng.normal(4.0 if d != "weak_yarn" else 2.8, 0.7)), 1, 5))
        comment = _pick(rng, DEFECT_PHRASES[d])
        if rng.random() < 0.25:
            comment += "; " + _pick(
                rng, ["rechecked by QC", "sample 2 of 3", "urgent lot", "buyer spec B"]
            )
        pass_fail = (
            "pass" if d == "none" and rng.random() < 0.93 else ("fail" if d != "none" else "pass")
        )
        if d != "none" and rng.random() < 0.12:
            pass_fail = "pass"
        rows.append(
            {
                "lot_id": f"LT{24000 + i}",
                "fabric_type": fabric,
                "mill_line": _pick(rng, ["L1", "L2", "L3", "L4"]),
                "gsm": round(gsm, 1),
                "tensile_warp_n": round(float(warp), 1),
                "tensile_weft_n": round(float(weft), 1),
                "shrinkage_pct": round(float(shrink), 2),
                "cf_wash_grade": wash,
                "cf_rub_grade": rub,
                "pilling_grade": pill,
                "inspector": _pick(rng, ["RK", "MS", "AJ", "PD", "TL"]),
                "inspector_comment": comment,
                "defect_class": d,
                "pass_fail": pass_fail,
                "rework_needed": "yes"
                if d in ("shrinkage", "dye_streak") and rng.random() < 0.8
                else "no",
            }
        )
    return pd.DataFrame(rows)


# ----- air cargo desk -------------------------------------------------------------------------
DELAY_TEXT = {
    "none": ["on time", "no issue", "departed as planned", "", "flown as booked"],
    "documentation": [
        "AWB data mismatch with manifest",
        "missing commercial invoice, held",
        "customs docs incomplete",
        "shipper declaration wrong, docs returned",
        "no DG declaration attached",
    ],
    "capacity": [
        "offloaded due to payload restriction",
        "flight overbooked, bumped to next",
        "ULD space short, rolled over",
        "aircraft swap, lower belly capacity",
        "weight restriction on sector",
    ],
    "handling": [
        "pallet damaged at build-up",
        "late tender at warehouse",
        "screening queue, xray backlog",
        "forklift breakdown, late to ramp",
        "mis-sorted to wrong ULD",
    ],
}


def cargo(rng: np.random.Generator, n: int = 520) -> pd.DataFrame:
    kinds = list(DELAY_TEXT)
    rows = []
    for _i in range(n):
        k = kinds[int(rng.choice(4, p=[0.45, 0.18, 0.2, 0.17]))]
        pieces = int(rng.integers(1, 40))
        weight = float(np.round(rng.gamma(2.0, 120.0) * (1 + pieces / 20), 1))
        volume = float(np.round(weight / rng.uniform(120, 300), 3))
        chargeable = round(max(weight, volume * 166.67), 1)
        offloaded = (
            "yes" if (k == "capacity" and rng.random() < 0.8) or rng.random() < 0.05 else "no"
        )
        delay_h = (
            0.0
            if k == "none"
            else float(np.round(rng.gamma(2.0, 4.0 if k != "capacity" else 9.0), 1))
        )
        rows.append(
            {
                "awb_no": f"176-{int(rng.integers(10000000, 99999999))}",
                "flight_no": _pick(rng, ["EK9012", "QR8840", "LH8400", "CX2071", "TK6321"]),
                "origin": _pick(rng, ["FRA", "DXB", "HKG", "ORD", "NBO"]),
                "dest": _pick(rng, ["LHR", "JFK", "SIN", "GRU", "JNB"]),
                "commodity": _pick(rng, ["GEN", "PER", "DGR", "VAL", "PHARMA", "AVI"]),
                "pieces": pieces,
                "gross_wt_kg": weight,
                "volume_m3": volume,
                "chargeable_wt_kg": chargeable,
                "shc_code": _pick(rng, ["", "COL", "ELI", "RCL", "PIL", "EAP"]),
                "delay_reason": _pick(rng, DELAY_TEXT[k]),
                "delay_cat": k if rng.random() < 0.35 else "",
                "delay_hrs": delay_h,
                "offloaded": offloaded,
            }
        )
    return pd.DataFrame(rows)


def scanner(rng: np.random.Generator, n: int = 600) -> pd.DataFrame:
    rows = []
    for i in range(n):
        declared = float(np.round(rng.gamma(2.0, 60.0) + 5, 1))
        scanned = declared * rng.normal(1.0, 0.02)
        length, width, height = rng.uniform(30, 120), rng.uniform(30, 100), rng.uniform(20, 90)
        status = "OK"
        if i % 47 == 13:
            scanned *= rng.choice([0.1, 4.5, 9.0])
            status = _pick(rng, ["OK", "RESCAN", "OK"])
        if i % 83 == 5:
            height = 410.0
        if i % 101 == 50:
            scanned = -3.2
        rows.append(
            {
                "scan_id": f"SC{500000 + i}",
                "scanner_station": _pick(rng, ["DWS-1", "DWS-2", "DWS-3", "HANDHELD"]),
                "shift": _pick(rng, ["early", "late", "night"]),
                "declared_kg": declared,
                "scanned_kg": round(float(scanned), 2),
                "len_cm": round(float(length), 1),
                "wid_cm": round(float(width), 1),
                "hgt_cm": round(float(height), 1),
                "read_status": status,
            }
        )
    return pd.DataFrame(rows)


# ----- community theatre box office ------------------------------------------------------------
REQUEST_TEXT = {
    "refund": [
        "I can no longer attend, could I get my money back for the tickets",
        "please refund my order, we are ill and cannot come",
        "the show was cancelled, how do I claim a refund",
        "requesting a refund for two seats, double booked by mistake",
    ],
    "exchange": [
        "can I swap my Friday tickets to the Saturday matinee",
        "is it possible to change the date of my booking",
        "I'd like to exchange my seats for a later performance",
        "could you move my tickets to another night please",
    ],
    "access": [
        "we need a wheelchair space and a companion seat",
        "is there step-free access and a hearing loop",
        "my mother uses a walker, are there aisle seats",
        "do you have captioned or relaxed performances for access needs",
    ],
    "group_booking": [
        "we are a school party of 30, do you do group rates",
        "booking for our choir, about 18 people, any discount",
        "can we reserve a block of seats for a club outing",
        "group of 12 from the WI, what is the group price",
    ],
}


def theatre_sales(rng: np.random.Generator, n: int = 640) -> pd.DataFrame:
    shows = ["Blithe Spirit", "Our Town", "The Wind in the Willows", "Cabaret", "Twelfth Night"]
    rows = []
    for i in range(n):
        seats = int(rng.integers(1, 7))
        band = _pick(rng, ["A", "B", "C", "concession"])
        price = {"A": 22.0, "B": 18.0, "C": 14.0, "concession": 10.0}[band]
        days = int(rng.integers(0, 60))
        member = "Y" if rng.random() < 0.3 else "N"
        refund_p = 0.04 + 0.1 * (days > 40) + 0.05 * (seats > 4)
        rows.append(
            {
                "order_ref": f"BO{70000 + i}",
                "show": _pick(rng, shows),
                "perf_date": str(
                    pd.Timestamp("2026-02-01") + pd.Timedelta(days=int(rng.integers(0, 90)))
                )[:10],
                "channel": _pick(rng, ["online", "phone", "walk-in", "online"]),
                "price_band": band,
                "seats": seats,
                "total_gbp": round(price * seats, 2),
                "days_before_show": days,
                "friends_member": member,
                "refunded": "yes" if rng.random() < refund_p else "no",
            }
        )
    return pd.DataFrame(rows)


def theatre_emails(rng: np.random.Generator, n: int = 380) -> pd.DataFrame:
    kinds = list(REQUEST_TEXT)
    rows = []
    for i in range(n):
        k = _pick(rng, kinds)
        body = _pick(rng, REQUEST_TEXT[k])
        greet = _pick(rng, ["Hi,", "Dear box office,", "Hello there,", ""])
        sign = _pick(rng, ["Thanks, Jan", "Kind regards, Mr Patel", "Cheers, Sue", "Best, Oliver"])
        rows.append(
            {
                "email_id": f"EM{3000 + i}",
                "received": str(
                    pd.Timestamp("2026-01-05") + pd.Timedelta(hours=int(rng.integers(0, 2000)))
                ),
                "subject": _pick(
                    rng, ["tickets", "booking query", "help please", "Re: your order", "question"]
                ),
                "body": f"{greet} {body}. {sign}".strip(),
                "request_kind": k if rng.random() < 0.3 else "",
            }
        )
    return pd.DataFrame(rows)


def theatre_reviews(rng: np.random.Generator, n: int = 300) -> pd.DataFrame:
    good = [
        "superb cast",
        "loved every minute",
        "brilliant staging",
        "funny and moving",
        "great value night out",
    ]
    bad = [
        "could not hear the actors",
        "dragged in the second half",
        "cold hall and hard seats",
        "forgot lines",
        "poor sound",
    ]
    rows = []
    for i in range(n):
        pos = rng.random() < 0.65
        text = (
            _pick(rng, good if pos else bad)
            + ", "
            + _pick(rng, good if pos and rng.random() < 0.8 else bad)
        )
        stars = int(np.clip(round(rng.normal(4.3 if pos else 2.2, 0.7)), 1, 5))
        rows.append(
            {
                "review_id": f"RV{900 + i}",
                "show": _pick(rng, ["Blithe Spirit", "Our Town", "Cabaret", "Twelfth Night"]),
                "stars": stars,
                "review_text": text,
                "would_recommend": "yes" if pos else "no",
            }
        )
    return pd.DataFrame(rows)


DOCS = {
    "lab_docs/test_methods.md": """# Fabric test methods (QC lab)

## Tensile strength
Strip test to ISO 13934-1. Five specimens warp way, five weft way. Report the mean breaking
force in newtons. Woven shirting must reach 400 N warp and 300 N weft; denim 700 N warp.

## Dimensional change (shrinkage)
Three domestic wash cycles at 40 C, line dry. Measure marked 50 cm gauge lengths. Limit is
3 percent in length and width for woven goods, 5 percent for jersey.

## Colour fastness
Wash fastness to ISO 105-C06, rubbing to ISO 105-X12 (dry and wet). Grades 1 (poor) to 5
(excellent) read on the grey scale under D65 light. Minimum grade 4 for export lots, 3-4 for
the home market.

## Pilling
Martindale, 2000 rubs, graded 1 to 5 against photographic standards.
""",
    "lab_docs/defect_grading.md": """# Defect classes and lot disposition

Each inspected lot gets one defect class:

- **none**: within all limits.
- **dye_streak**: streaks, barre, shade variation or wash fastness below grade 3.
- **weak_yarn**: tensile below limit, slubs, broken ends, heavy pilling.
- **shrinkage**: dimensional change over the limit after washing.

Lots with dye streaks or shrinkage go to rework (re-dye or compacting). Weak yarn lots are
rejected back to spinning. The inspector's comment must say what was seen and where.

## Sampling
One metre from the head and one from the tail of every roll; a lot is up to 40 rolls.
""",
    "sop/dg_acceptance.md": """# SOP 4.2 Dangerous goods acceptance

1. Check the shipper's declaration against the AWB: UN number, proper shipping name, class,
   packing group, net quantity.
2. Inspect every package for leaks, damage and correct labels (hazard and handling).
3. Complete the DG checklist; any 'no' answer means the shipment is refused.
4. Lithium batteries (ELI/ELM) need the section and state of charge stated.
5. Record the NOTOC data before build-up. Keep copies for two years.

Refused shipments are kept in the DG cage and the forwarder is told within one hour.
""",
    "sop/uld_build_up.md": """# SOP 5.1 ULD build-up

Contour and weight limits depend on the ULD type and position. A PMC on the main deck takes up
to 6,804 kg; lower-deck AKE containers up to 1,588 kg. Heavy pieces go at the bottom and in the
centre; tie-down straps every 60 cm. Perishables (PER) are built last and staged in the cold
room. The build-up sheet lists every AWB and piece count; the supervisor signs it before the
ULD is weighed on the certified scale. A weight difference over 3 percent from the sheet means
a re-weigh and a check of every AWB in it.
""",
    "sop/offload_procedure.txt": """OFFLOAD PROCEDURE (ramp and desk)

When the load controller restricts payload, offload in this order: general cargo with the latest
booking, then mail, then consolidated shipments. Never offload PER, AVI, HUM or VAL without the
duty manager. Each offloaded AWB gets a reason code and is rebooked on the next available
flight. Tell the forwarder within two hours. The offload log records AWB, pieces, weight, flight,
reason and who approved it.
""",
    "theatre/box_office_handbook.md": """# Box office handbook

## Refunds and exchanges
Tickets are not refundable unless a performance is cancelled. Exchanges to another performance
of the same show are free up to 48 hours before the show, then 2 pounds per ticket.

## Access
Four wheelchair spaces at every performance, each with a free companion seat. The hall has a
hearing loop; Saturday matinees are captioned. Ask patrons about access needs when booking.

## Groups
Groups of 10 or more get 10 percent off band A and B. Schools get one free teacher seat per 10
pupils. Group bookings must be paid two weeks before the performance.

## Friends of the theatre
Members book a week before general sale and pay no booking fee.
""",
    "theatre/faq.txt": """Frequently asked questions

Where do I park? The church car park opposite is free after 6pm.
When do doors open? Forty minutes before curtain up; the bar opens at the same time.
Can I bring food? Only drinks bought at the bar may be taken into the hall.
Are children welcome? Yes, but under 12s must sit with an adult. Some shows are 12+.
How long is the interval? Twenty minutes. Pre-order interval drinks at the bar.
""",
}


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    fab = textile(rng)
    gold = fab.sample(70, random_state=SEED)[["lot_id", "defect_class"]]
    gold = gold.rename(columns={"defect_class": "checked_defect"})
    fab_pool = fab.copy()
    known = rng.random(len(fab_pool)) < 0.3
    fab_pool.loc[~known, "defect_class"] = ""
    fab_pool.to_csv(out / "fabric_tests.csv", index=False)
    gold.to_csv(out / "inspected_lots_gold.csv", index=False)
    full = fab.drop(columns=["inspector"])
    full.iloc[:300].to_csv(out / "fabric_tests_train.csv", index=False)
    full.iloc[300:390].to_csv(out / "fabric_tests_test.csv", index=False)
    full.iloc[390:].drop(columns=["defect_class", "pass_fail", "rework_needed"]).to_csv(
        out / "fabric_new_lots.csv", index=False
    )
    fab_rules = [
        {
            "name": "streak_word",
            "label": "dye_streak",
            "kind": "keyword",
            "column": "inspector_comment",
            "keywords": ["streak", "streaks", "barre", "shade variation"],
        },
        {
            "name": "low_wash_grade",
            "label": "dye_streak",
            "kind": "threshold",
            "column": "cf_wash_grade",
            "op": "<=",
            "value": 2,
        },
        {
            "name": "weak_words",
            "label": "weak_yarn",
            "kind": "keyword",
            "column": "inspector_comment",
            "keywords": ["weak", "slubs", "broken ends", "tensile"],
        },
        {
            "name": "low_weft",
            "label": "weak_yarn",
            "kind": "threshold",
            "column": "tensile_weft_n",
            "op": "<",
            "value": 340,
        },
        {
            "name": "shrink_words",
            "label": "shrinkage",
            "kind": "keyword",
            "column": "inspector_comment",
            "keywords": ["shrank", "shrink", "shrinkage", "dimensional"],
        },
        {
            "name": "high_shrink",
            "label": "shrinkage",
            "kind": "threshold",
            "column": "shrinkage_pct",
            "op": ">",
            "value": 4.5,
        },
        {
            "name": "clean_words",
            "label": "none",
            "kind": "keyword",
            "column": "inspector_comment",
            "keywords": ["ok", "clean", "passes", "within spec"],
        },
    ]
    (out / "defect_rules.json").write_text(json.dumps(fab_rules, indent=2) + "\n", encoding="utf-8")

    man = cargo(rng)
    man.to_csv(out / "manifests.csv", index=False)
    full_m = man.drop(columns=["delay_cat"])
    full_m.iloc[:380].to_csv(out / "manifests_train.csv", index=False)
    full_m.iloc[380:470].to_csv(out / "manifests_test.csv", index=False)
    full_m.iloc[470:].drop(columns=["offloaded", "delay_hrs"]).to_csv(
        out / "manifests_pending.csv", index=False
    )
    scanner(rng).to_csv(out / "scanner_log.csv", index=False)
    delay_rules = [
        {
            "name": "docs",
            "label": "documentation",
            "kind": "keyword",
            "column": "delay_reason",
            "keywords": ["docs", "invoice", "declaration", "AWB data", "customs"],
        },
        {
            "name": "space",
            "label": "capacity",
            "kind": "keyword",
            "column": "delay_reason",
            "keywords": ["payload", "overbooked", "space", "capacity", "weight restriction"],
        },
        {
            "name": "ramp",
            "label": "handling",
            "kind": "regex",
            "column": "delay_reason",
            "pattern": "damag|late tender|screening|forklift|mis-sorted",
            "ignore_case": True,
        },
        {
            "name": "ontime",
            "label": "none",
            "kind": "regex",
            "column": "delay_reason",
            "pattern": "on time|no issue|as planned|as booked",
            "ignore_case": True,
        },
        {"name": "blank_reason", "label": "none", "kind": "missing", "column": "delay_reason"},
    ]
    (out / "delay_rules.json").write_text(
        json.dumps(delay_rules, indent=2) + "\n", encoding="utf-8"
    )

    sales = theatre_sales(rng)
    sales.to_csv(out / "ticket_sales.csv", index=False)
    emails = theatre_emails(rng)
    gold_e = emails.sample(60, random_state=SEED)[["email_id"]].copy()
    emails.to_csv(out / "patron_emails.csv", index=False)
    truth = {}
    for kind, texts in REQUEST_TEXT.items():
        for t in texts:
            truth[t] = kind
    gold_e["request_kind"] = [
        next(k for t, k in truth.items() if t in body)
        for body in emails.set_index("email_id").loc[gold_e["email_id"], "body"]
    ]
    gold_e.to_csv(out / "request_kind_gold.csv", index=False)
    reviews = theatre_reviews(rng)
    reviews.iloc[:240].to_csv(out / "show_reviews.csv", index=False)
    reviews.iloc[240:].drop(columns=["would_recommend"]).to_json(
        out / "new_reviews.jsonl", orient="records", lines=True
    )

    for rel, text in DOCS.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
