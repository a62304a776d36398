"""Write the fresh51 corpus's files into DIR: a ceramics studio, an arborist firm, a veg-box scheme.

Run: python make_data.py DIR   (deterministic, offline, seed 5151)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5151


def pick(rng: np.random.Generator, items: list, p: list | None = None) -> object:
    return items[int(rng.choice(len(items), p=p))]


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- ceramics studio

FIRING_NOTES = {
    "ok": [
        "all pieces came out fine, even glaze on the bowls",
        "good firing, colours true to test tiles",
        "clean load, no runs, cones bent nicely",
        "bisque sound, rings when tapped",
        "nice result, celadon came out glassy and even",
    ],
    "cracked": [
        "two mugs cracked at the handle join",
        "dunting crack across the big platter, cooled too fast?",
        "base crack on thick pots, probably still damp",
        "hairline cracks on several plates near the foot ring",
        "one vase split in half, thick bottom",
    ],
    "glaze_fault": [
        "glaze crawled on the inside of bowls",
        "pinholing all over the tenmoku pieces",
        "glaze ran onto the shelf, needs grinding",
        "crazing on the liner glaze, student mugs",
        "blistered glaze on the top shelf",
    ],
    "underfired": [
        "cones barely bent, glaze dry and matt where it should be glossy",
        "underfired, glaze still rough and sugary",
        "top shelf underfired, bottom ok",
        "kiln tripped near the end, glaze not matured",
    ],
}


def ceramics(rng: np.random.Generator, out: Path) -> None:
    n = 640
    kilns = ["big_electric", "small_electric", "gas_reduction", "raku"]
    rows = []
    for i in range(n):
        kiln = pick(rng, kilns, [0.45, 0.3, 0.18, 0.07])
        program = pick(rng, ["bisque", "glaze"], [0.45, 0.55]) if kiln != "raku" else "raku"
        cone = {"bisque": "04", "glaze": pick(rng, ["6", "10"]), "raku": "010"}[program]
        peak = {"04": 1060, "6": 1222, "10": 1285, "010": 900}[cone] + rng.normal(0, 12)
        load = round(float(rng.uniform(8, 95)), 1)
        pieces = int(max(1, load * rng.uniform(0.4, 0.9)))
        ramp = round(float(rng.choice([60, 80, 100, 120, 150, 200])) + rng.normal(0, 4), 0)
        hold = int(rng.choice([0, 10, 15, 20, 30]))
        cool = round(float(rng.uniform(6, 20)), 1)
        damp = pick(rng, ["bone_dry", "leather_hard_some", "unknown"], [0.7, 0.1, 0.2])
        owner = pick(rng, ["student", "member", "outside_customer"], [0.45, 0.35, 0.2])
        # outcome depends on features
        risk_crack = 0.05 + (ramp > 140) * 0.2 + (cool < 9) * 0.15 + (damp != "bone_dry") * 0.2
        risk_glaze = 0.05 + (program == "glaze") * 0.12 + (hold == 0) * 0.1
        risk_under = 0.03 + (peak < {"04": 1050, "6": 1210, "10": 1272, "010": 890}[cone]) * 0.4
        r = rng.uniform()
        if r < risk_under:
            outcome = "underfired"
        elif r < risk_under + risk_crack:
            outcome = "cracked"
        elif r < risk_under + risk_crack + risk_glaze and program != "bisque":
            outcome = "glaze_fault"
        else:
            outcome = "ok"
        pieces_broken = 0 if outcome != "cracked" else int(rng.integers(1, max(2, pieces // 4)))
        rows.append(
            {
                "firing_id": f"KF-{2400 + i}",
                "fired_on": str(
                    pd.Timestamp("2025-01-06")
                    + pd.Timedelta(days=int(i * 0.6 + rng.integers(0, 2)))
                )[:10],
                "kiln": kiln,
                "program": program,
                "cone": cone,
                "peak_temp_c": round(float(peak), 0),
                "ramp_c_per_hr": ramp,
                "hold_min": hold,
                "cool_hours": cool,
                "load_kg": load,
                "pieces": pieces,
                "ware_dryness": damp,
                "work_owner": owner,
                "pieces_broken": pieces_broken,
                "refire_needed": "yes"
                if outcome in ("underfired", "glaze_fault") and rng.uniform() < 0.7
                else "no",
                "firing_notes": pick(rng, FIRING_NOTES[outcome]),
                "outcome": outcome,
            }
        )
    df = pd.DataFrame(rows)
    # odd rows for anomaly detection
    odd = [
        (17, {"peak_temp_c": 2310.0}),
        (88, {"load_kg": 0.4, "pieces": 61}),
        (150, {"cool_hours": 0.2, "ramp_c_per_hr": 900.0}),
        (301, {"kiln": "raku", "cone": "10", "peak_temp_c": 1290.0}),
        (422, {"hold_min": 600}),
        (555, {"pieces": 400}),
    ]
    for idx, changes in odd:
        for k, v in changes.items():
            df.loc[idx, k] = v
    log = df.copy()
    log["outcome"] = log["outcome"].where(rng.uniform(size=n) < 0.18, "")
    write_csv(
        log.drop(columns=["firing_notes"]).assign(firing_notes=df["firing_notes"]),
        out / "kiln_log.csv",
    )
    full = df.drop(columns=["firing_notes"])
    write_csv(full.iloc[:420], out / "firings_train.csv")
    write_csv(full.iloc[420:560], out / "firings_test.csv")
    write_csv(
        full.iloc[560:].drop(columns=["outcome", "pieces_broken", "refire_needed"]),
        out / "firings_to_come.csv",
    )

    # student feedback
    comments = {
        "happy": [
            "Loved the wheel class, {t} was so patient and I finally centred a pot",
            "Brilliant evening, the glaze demo was really clear",
            "Great atmosphere, I have booked the next term already",
            "Really enjoyed it, my bowls came back from the kiln beautifully",
            "{t} explained trimming so well, best class yet",
        ],
        "mixed": [
            "Good teaching but the room was cold and crowded",
            "Enjoyed the throwing but waited three weeks for my pieces to be fired",
            "Nice class, though too short to finish anything",
            "{t} is lovely but the wheels kept stalling",
            "Fun but a bit pricey for what we got",
        ],
        "unhappy": [
            "My mug came back cracked and nobody told me why",
            "Class was cancelled twice with no refund offered",
            "Too many people, {t} barely got round to me",
            "Lost two of my pieces, really disappointed",
            "Disorganised, no clay ready and we started late",
        ],
    }
    tutors = ["Maggie", "Tom", "Priya", "Hamid"]
    courses = [
        "wheel_beginners",
        "wheel_improvers",
        "handbuilding",
        "glaze_workshop",
        "kids_saturday",
    ]
    fb = []
    for i in range(520):
        s = pick(rng, ["happy", "mixed", "unhappy"], [0.55, 0.28, 0.17])
        t = pick(rng, tutors)
        stars = {
            "happy": rng.integers(4, 6),
            "mixed": rng.integers(3, 5),
            "unhappy": rng.integers(1, 3),
        }[s]
        fb.append(
            {
                "feedback_id": 9000 + i,
                "course": pick(rng, courses),
                "tutor": t,
                "term": pick(rng, ["spring25", "summer25", "autumn25"]),
                "stars": int(stars),
                "comment": pick(rng, comments[s]).format(t=t),
                "would_rebook": "yes"
                if s == "happy" or (s == "mixed" and rng.uniform() < 0.5)
                else "no",
                "mood": s,
            }
        )
    fbd = pd.DataFrame(fb)
    gold_idx = rng.choice(len(fbd), 70, replace=False)
    write_csv(
        fbd.iloc[sorted(gold_idx)][["feedback_id", "mood"]], out / "feedback_handlabelled.csv"
    )
    keep = rng.uniform(size=len(fbd)) < 0.12
    fbd["mood"] = fbd["mood"].where(keep, "")
    write_csv(fbd, out / "student_feedback.csv")
    write_json(
        out / "feedback_rules.json",
        [
            {
                "name": "loved",
                "label": "happy",
                "kind": "keyword",
                "column": "comment",
                "keywords": ["loved", "brilliant", "great", "best class"],
            },
            {
                "name": "booked_again",
                "label": "happy",
                "kind": "keyword",
                "column": "comment",
                "keywords": ["booked the next"],
            },
            {
                "name": "but_clause",
                "label": "mixed",
                "kind": "regex",
                "column": "comment",
                "pattern": r"\b(but|though)\b",
                "ignore_case": True,
            },
            {
                "name": "lost_cracked",
                "label": "unhappy",
                "kind": "keyword",
                "column": "comment",
                "keywords": ["cracked", "lost", "cancelled", "disorganised", "disappointed"],
            },
            {
                "name": "low_stars",
                "label": "unhappy",
                "kind": "threshold",
                "column": "stars",
                "op": "<=",
                "value": 2,
            },
        ],
    )

    # bookings
    bk = []
    for i in range(700):
        course = pick(rng, courses)
        lead = int(rng.integers(0, 60))
        paid = pick(rng, ["full", "deposit", "none"], [0.6, 0.3, 0.1])
        p_no = 0.05 + (paid == "none") * 0.35 + (lead > 40) * 0.1 + (paid == "deposit") * 0.08
        status = (
            "no_show"
            if rng.uniform() < p_no
            else pick(rng, ["attended", "cancelled"], [0.88, 0.12])
        )
        bk.append(
            {
                "booking_id": f"BK{31000 + i}",
                "course": course,
                "session_day": pick(rng, ["mon", "tue", "wed", "thu", "sat"]),
                "days_booked_ahead": lead,
                "payment": paid,
                "price_gbp": {
                    "wheel_beginners": 240,
                    "wheel_improvers": 260,
                    "handbuilding": 180,
                    "glaze_workshop": 95,
                    "kids_saturday": 60,
                }[course],
                "returning_student": pick(rng, ["yes", "no"], [0.4, 0.6]),
                "booked_via": pick(
                    rng, ["website", "phone", "walk_in", "gift_voucher"], [0.6, 0.2, 0.1, 0.1]
                ),
                "status": status,
            }
        )
    write_csv(pd.DataFrame(bk), out / "bookings.csv")

    d = out / "studio_docs"
    write_text(
        d / "kiln_safety.md",
        """
# Kiln room safety

## Who may load the kilns
Only studio technicians and members who have passed the kiln induction may load or unload the
electric kilns. Students never enter the kiln room while a kiln is above 200 C.

## Firing temperatures
A bisque firing goes to cone 04, which is about 1060 C. A stoneware glaze firing goes to cone 6
(about 1222 C) or cone 10 (about 1285 C) in the gas kiln. The raku kiln is fired to about 900 C
and pieces are pulled out hot with tongs.

## Ventilation
The extraction fan must be running from the start of a firing until the kiln drops below 300 C.
If the fan fails, the firing is stopped and the technician on duty is called.

## Opening the kiln
Kilns are opened only below 100 C. Opening a kiln too early causes dunting, which is cracking
caused by thermal shock during cooling.

## Breakages
If a piece breaks in the kiln, the technician photographs the shelf before cleaning it. Glaze
that runs onto a shelf is ground off the same week, and the owner of the piece is told.
""",
    )
    write_text(
        d / "firing_service_terms.md",
        """
# Kiln firing service: terms for outside customers

## Prices
A bisque firing is charged at 12 pounds per shelf. A glaze firing is charged at 15 pounds per
shelf. A whole big kiln costs 95 pounds for bisque and 120 pounds for glaze.

## What we accept
We fire only bone dry greenware for bisque. Work must be made from clay rated for the cone you
book. Pieces with glaze on the base are refused, because glaze on the base welds the piece to
the shelf.

## Breakages and liability
Clay and glaze behave unpredictably, so the studio is not liable for cracks, glaze faults or
underfiring. If a firing is underfired because of a kiln fault, the studio refires the work free
of charge. Shelf damage caused by runny glaze is charged at 20 pounds.

## Collection
Work must be collected within 14 days of the firing. Uncollected work is kept for a further month
and then recycled.
""",
    )
    write_text(
        d / "glaze_handbook.md",
        """
# Studio glaze handbook

## Crawling
Crawling is when glaze pulls back from the clay and leaves bare patches. It is caused by dust or
grease on the bisque, or by glaze applied too thickly. Wipe bisque with a damp sponge before
glazing.

## Pinholing
Pinholing means small holes in the fired glaze surface. It happens when gases escape from the clay
late in the firing. A 15 minute hold at peak temperature helps the glaze heal over.

## Crazing
Crazing is a network of fine cracks in the glaze. It is caused by the glaze shrinking more than
the clay body when it cools. Crazed glaze on functional ware is not food safe.

## Runs
Glaze runs when it is applied too thickly near the foot. Leave 5 millimetres of bare clay above
the foot ring of every piece.
""",
    )


# ---------------------------------------------------------------- arborist firm

ENQ_TEXT = {
    "felling": [
        "Large {s} in back garden leaning towards the house, want it taken down",
        "Can you fell a dead {s} near our fence, roughly {h}m tall",
        "Need a {s} removed completely, roots lifting the drive",
        "quote for felling 3 conifers along boundary please",
    ],
    "pruning": [
        "Crown reduction on an overgrown {s}, blocking light",
        "Could someone thin the crown of our {s} and lift it off the roof",
        "Need branches cut back from the phone line, {s} tree",
        "deadwooding on a mature {s} before winter",
    ],
    "stump_grinding": [
        "Old stump left from a {s}, can you grind it out",
        "Two stumps in the lawn need grinding before we returf",
        "stump removal please, about 60cm across",
    ],
    "survey": [
        "Mortgage lender wants a tree report for the {s} next to the house",
        "Need a BS5837 survey for a planning application",
        "Is our {s} safe? fungus growing at the base",
        "Insurance company asked for a tree condition survey",
    ],
    "hedge": [
        "Laurel hedge about 30m long needs cutting down to 2m",
        "Annual trim of privet and beech hedges",
        "leylandii hedge out of control, reduce height please",
    ],
}
SPECIES = [
    "oak",
    "ash",
    "sycamore",
    "beech",
    "birch",
    "willow",
    "horse chestnut",
    "leylandii",
    "lime",
    "cherry",
]


def arborist(rng: np.random.Generator, out: Path) -> None:
    rows = []
    for i in range(620):
        jt = pick(rng, list(ENQ_TEXT), [0.28, 0.3, 0.12, 0.15, 0.15])
        s = pick(rng, SPECIES)
        text = pick(rng, ENQ_TEXT[jt]).format(s=s, h=int(rng.integers(8, 25)))
        storm = rng.uniform() < 0.1
        if storm:
            text = "URGENT " + text + ", storm damage, branch hanging over the road"
        rows.append(
            {
                "enquiry_id": f"ENQ-{5000 + i}",
                "received": str(
                    pd.Timestamp("2025-02-01")
                    + pd.Timedelta(hours=int(i * 11 + rng.integers(0, 9)))
                )[:16],
                "channel": pick(
                    rng, ["phone", "web_form", "email", "checkatrade"], [0.3, 0.4, 0.2, 0.1]
                ),
                "postcode_area": pick(rng, ["GL1", "GL2", "GL50", "GL51", "GL52", "GL6", "WR12"]),
                "message": text,
                "job_type": jt,
                "urgency": "emergency"
                if storm
                else pick(rng, ["this_month", "whenever"], [0.5, 0.5]),
                "converted": "yes"
                if rng.uniform() < (0.35 + storm * 0.4 + (jt == "felling") * 0.1)
                else "no",
            }
        )
    enq = pd.DataFrame(rows)
    gi = rng.choice(len(enq), 80, replace=False)
    write_csv(enq.iloc[sorted(gi)][["enquiry_id", "job_type"]], out / "enquiries_tagged_by_sam.csv")
    enq["job_type"] = enq["job_type"].where(rng.uniform(size=len(enq)) < 0.15, "")
    enq["urgency"] = enq["urgency"].where(rng.uniform(size=len(enq)) < 0.3, "")
    write_csv(enq, out / "customer_enquiries.csv")
    write_json(
        out / "enquiry_rules.json",
        [
            {
                "name": "fell_words",
                "label": "felling",
                "kind": "keyword",
                "column": "message",
                "keywords": ["fell", "felling", "taken down", "removed completely"],
            },
            {
                "name": "prune_words",
                "label": "pruning",
                "kind": "keyword",
                "column": "message",
                "keywords": ["crown", "thin", "deadwooding", "cut back"],
            },
            {
                "name": "stump_words",
                "label": "stump_grinding",
                "kind": "keyword",
                "column": "message",
                "keywords": ["stump", "stumps", "grind"],
            },
            {
                "name": "survey_words",
                "label": "survey",
                "kind": "regex",
                "column": "message",
                "pattern": r"(report|survey|BS5837|safe\?)",
                "ignore_case": True,
            },
            {
                "name": "hedge_words",
                "label": "hedge",
                "kind": "keyword",
                "column": "message",
                "keywords": ["hedge", "hedges", "laurel", "privet"],
            },
        ],
    )

    # quotes
    q = []
    for i in range(560):
        s = pick(rng, SPECIES)
        h = round(float(rng.uniform(4, 28)), 1)
        dbh = int(h * rng.uniform(2.5, 4.5))
        access = pick(
            rng, ["open", "side_gate", "through_house", "crane_needed"], [0.4, 0.35, 0.15, 0.1]
        )
        work = pick(rng, ["fell", "reduce", "thin", "deadwood", "grind"])
        crew = int(rng.integers(2, 5))
        hours = round(float(h * 0.4 + (access == "crane_needed") * 6 + rng.uniform(1, 5)), 1)
        price = round(hours * crew * 38 + (access == "crane_needed") * 650 + rng.normal(0, 60), -1)
        tpo = pick(rng, ["yes", "no"], [0.15, 0.85])
        comp = int(rng.integers(1, 5))
        p_win = 0.55 - (price > 2000) * 0.2 - (comp >= 3) * 0.15 + (tpo == "yes") * 0.1
        q.append(
            {
                "quote_ref": f"Q25-{700 + i}",
                "species": s,
                "height_m": h,
                "trunk_dbh_cm": dbh,
                "work": work,
                "access": access,
                "near_structure": pick(rng, ["yes", "no"], [0.4, 0.6]),
                "tpo_or_conservation": tpo,
                "crew_size": crew,
                "est_hours": hours,
                "quote_gbp": price,
                "other_quotes_known": comp,
                "days_to_send_quote": int(rng.integers(0, 12)),
                "client_type": pick(
                    rng,
                    ["homeowner", "landlord", "council", "school", "business"],
                    [0.6, 0.12, 0.08, 0.05, 0.15],
                ),
                "won": "won" if rng.uniform() < p_win else "lost",
            }
        )
    qd = pd.DataFrame(q)
    write_csv(qd.iloc[:380], out / "quotes_2025.csv")
    write_csv(qd.iloc[380:500], out / "quotes_jan_mar_2026.csv")
    write_csv(qd.iloc[500:].drop(columns=["won"]), out / "quotes_outstanding.csv")

    # site surveys
    sv = []
    for i in range(420):
        s = pick(rng, SPECIES)
        h = round(float(rng.uniform(5, 30)), 1)
        dieback = int(rng.choice([0, 5, 10, 20, 40, 60]))
        fungus = pick(rng, ["yes", "no"], [0.2, 0.8])
        cavity = pick(rng, ["yes", "no"], [0.15, 0.85])
        lean = int(abs(rng.normal(4, 6)))
        target = pick(rng, ["road", "house", "garden", "field", "footpath"])
        score = (
            dieback / 20
            + (fungus == "yes") * 1.5
            + (cavity == "yes") * 1.2
            + lean / 10
            + (target in ("road", "house", "footpath")) * 0.8
        )
        risk = "high" if score > 3 else ("moderate" if score > 1.5 else "low")
        notes = {
            "high": [
                "significant decay at base, recommend felling",
                "major deadwood over highway, urgent works",
                "bracket fungus and cavity, structural failure likely",
            ],
            "moderate": [
                "some deadwood, reinspect in 12 months",
                "minor lean, crown reduction advised",
                "early dieback in upper crown, monitor",
            ],
            "low": [
                "healthy tree, no works needed",
                "good vitality, minor deadwood only",
                "sound, routine inspection",
            ],
        }[risk]
        sv.append(
            {
                "survey_id": f"SV{1100 + i}",
                "site": pick(
                    rng,
                    [
                        "private garden",
                        "school grounds",
                        "churchyard",
                        "park",
                        "roadside verge",
                        "farm",
                    ],
                ),
                "species": s,
                "height_m": h,
                "stem_diameter_cm": int(h * rng.uniform(2.5, 4.5)),
                "lean_degrees": lean,
                "crown_dieback_pct": dieback,
                "fungal_bodies": fungus,
                "cavity": cavity,
                "target_below": target,
                "surveyor": pick(rng, ["J. Pike", "R. Osei", "K. Mallory"]),
                "surveyor_notes": pick(rng, notes),
                "risk_rating": risk,
            }
        )
    svd = pd.DataFrame(sv)
    for idx, ch in [
        (33, {"height_m": 95.0}),
        (140, {"lean_degrees": 80}),
        (207, {"stem_diameter_cm": 2}),
        (311, {"crown_dieback_pct": 100, "surveyor_notes": "healthy tree, no works needed"}),
        (388, {"species": "leylandii", "height_m": 41.0, "stem_diameter_cm": 310}),
    ]:
        for k, v in ch.items():
            svd.loc[idx, k] = v
    svd["risk_rating"] = svd["risk_rating"].where(rng.uniform(size=len(svd)) < 0.25, "")
    write_csv(svd, out / "site_surveys.csv")

    d = out / "arb_docs"
    write_text(
        d / "safety_notes.md",
        """
# Site safety notes

## Before work starts
The team leader walks the site and fills in the site risk assessment before any saw is started.
The drop zone is marked with cones and tape, and it extends to twice the height of the tree for
felling.

## Personal protective equipment
Every climber wears a helmet with visor and ear defenders, chainsaw trousers, chainsaw boots and
gloves. Chainsaw trousers are replaced after any cut through the protective layer.

## Aerial rescue
At least two people on site must hold the aerial rescue certificate when anyone climbs. The rescue
kit is kept at the base of the tree being worked on.

## Overhead power lines
No work is done within 3 metres of an overhead power line without the network operator's
approval. If a branch touches a line, everyone stays clear and the operator is phoned at once.

## Weather
Climbing stops when the wind is above 30 miles per hour or during lightning.
""",
    )
    write_text(
        d / "customer_faq.txt",
        """
Do I need permission to cut my tree?
If the tree has a Tree Preservation Order or stands in a conservation area, you must give the
council notice or get consent before work starts. We check this for every quote.

How long is a quote valid?
A quote is valid for 90 days from the date it is sent.

Do you take the wood away?
Wood and brash are removed unless you ask us to leave logs. Chipped brash can be left as mulch at
no cost.

Are you insured?
We carry 10 million pounds of public liability insurance and 5 million pounds of employer's
liability insurance.

When can you come out for emergencies?
Storm damage and dangerous trees are attended within 24 hours, seven days a week.
""",
    )
    write_text(
        d / "chainsaw_procedures.md",
        """
# Chainsaw procedures

## Daily checks
The chain brake, chain catcher, throttle lock and chain tension are checked before the first cut of
each day. A saw that fails a check is tagged and not used.

## Refuelling
Saws are refuelled only when cold, at least 4 metres from where the saw is started.

## Felling cuts
A directional notch of about a quarter of the trunk diameter is cut first. The back cut is made
slightly above the notch and leaves a hinge of about a tenth of the diameter.

## Working alone
Nobody operates a chainsaw alone. A second trained person stays within sight and hearing.
""",
    )


# ---------------------------------------------------------------- veg box scheme

COMPLAINTS = {
    "late": [
        "box arrived after 8pm again",
        "delivery came a day late and the salad wilted",
        "driver never came until Thursday",
        "still waiting, it is 9pm",
    ],
    "damaged": [
        "box was crushed and the eggs broke",
        "tomatoes squashed, box soaked",
        "bag split and the potatoes were all over the porch",
    ],
    "missing_item": [
        "no carrots in my box though they were listed",
        "the bread was missing",
        "missing the fruit bag this week",
        "I paid for eggs and got none",
    ],
    "quality": [
        "the kale was yellow and limp",
        "mouldy strawberries at the bottom",
        "courgettes were soft and bitter",
        "leeks full of grit and slugs",
    ],
    "billing": [
        "charged twice this month",
        "I skipped the week but was still charged",
        "direct debit took the wrong amount",
        "price went up without any notice",
    ],
}


def vegbox(rng: np.random.Generator, out: Path) -> None:
    zones = ["Stroud", "Nailsworth", "Painswick", "Minchinhampton", "Dursley", "Cheltenham_south"]
    subs = []
    for i in range(900):
        size = pick(rng, ["solo", "small", "medium", "large", "family"], [0.1, 0.3, 0.3, 0.2, 0.1])
        months = int(rng.integers(1, 48))
        skips = int(rng.poisson(1.2))
        comp = int(rng.poisson(0.4))
        rating = round(float(np.clip(rng.normal(4.1 - comp * 0.5, 0.6), 1, 5)), 1)
        p_churn = 0.08 + skips * 0.06 + comp * 0.12 + (months < 4) * 0.12 - (rating > 4.3) * 0.05
        churned = "yes" if rng.uniform() < np.clip(p_churn, 0.02, 0.9) else "no"
        subs.append(
            {
                "subscriber_id": f"VB{10400 + i}",
                "box_size": size,
                "frequency": pick(rng, ["weekly", "fortnightly"], [0.65, 0.35]),
                "zone": pick(rng, zones),
                "months_subscribed": months,
                "skips_last_8_weeks": skips,
                "complaints_12m": comp,
                "avg_box_rating": rating,
                "adds_extras": pick(rng, ["yes", "no"], [0.35, 0.65]),
                "pays_by": pick(rng, ["direct_debit", "card", "invoice"], [0.6, 0.35, 0.05]),
                "dietary_swaps": pick(
                    rng,
                    ["none", "no_mushrooms", "no_alliums", "vegan_extras"],
                    [0.7, 0.1, 0.1, 0.1],
                ),
                "upgraded_box": pick(rng, ["yes", "no"], [0.12, 0.88]),
                "cancelled": churned,
            }
        )
    sd = pd.DataFrame(subs)
    write_csv(sd, out / "subscribers.csv")
    write_csv(sd.iloc[:620], out / "subs_history_2025.csv")
    write_csv(sd.iloc[620:800], out / "subs_holdout.csv")
    write_csv(sd.iloc[800:].drop(columns=["cancelled", "upgraded_box"]), out / "subs_current.csv")

    cp = []
    for i in range(540):
        cat = pick(rng, list(COMPLAINTS), [0.25, 0.15, 0.25, 0.2, 0.15])
        sev = pick(rng, ["minor", "serious"], [0.7, 0.3])
        cp.append(
            {
                "complaint_no": 70000 + i,
                "subscriber_id": f"VB{10400 + int(rng.integers(0, 900))}",
                "logged": str(pd.Timestamp("2025-03-03") + pd.Timedelta(days=int(i * 0.6)))[:10],
                "how": pick(
                    rng, ["email", "phone", "app", "doorstep_note"], [0.45, 0.25, 0.25, 0.05]
                ),
                "what_they_said": pick(rng, COMPLAINTS[cat]),
                "refund_gbp": round(float(rng.choice([0, 0, 2.5, 5, 8, 12.5])), 2),
                "category": cat,
                "severity": sev,
            }
        )
    cd = pd.DataFrame(cp)
    gi = rng.choice(len(cd), 75, replace=False)
    write_csv(cd.iloc[sorted(gi)][["complaint_no", "category"]], out / "complaints_checked.csv")
    cd["category"] = cd["category"].where(rng.uniform(size=len(cd)) < 0.12, "")
    cd["severity"] = cd["severity"].where(rng.uniform(size=len(cd)) < 0.12, "")
    write_csv(cd, out / "complaints.csv")
    write_json(
        out / "complaint_rules.json",
        [
            {
                "name": "late_words",
                "label": "late",
                "kind": "regex",
                "column": "what_they_said",
                "pattern": r"(late|\d+pm|never came|still waiting)",
                "ignore_case": True,
            },
            {
                "name": "damage_words",
                "label": "damaged",
                "kind": "keyword",
                "column": "what_they_said",
                "keywords": ["crushed", "squashed", "broke", "split", "soaked"],
            },
            {
                "name": "missing_words",
                "label": "missing_item",
                "kind": "keyword",
                "column": "what_they_said",
                "keywords": ["missing", "no carrots", "got none"],
            },
            {
                "name": "quality_words",
                "label": "quality",
                "kind": "keyword",
                "column": "what_they_said",
                "keywords": ["mouldy", "limp", "soft", "grit", "slugs", "yellow"],
            },
            {
                "name": "billing_words",
                "label": "billing",
                "kind": "keyword",
                "column": "what_they_said",
                "keywords": ["charged", "direct debit", "price"],
            },
        ],
    )

    dv = []
    for i in range(460):
        stops = int(rng.integers(18, 55))
        km = round(float(stops * rng.uniform(1.1, 2.2)), 1)
        late = max(0, int(rng.normal(10, 15) + (stops > 45) * 20))
        dv.append(
            {
                "run_id": f"R{2025}-{i:04d}",
                "day": pick(rng, ["tue", "wed", "thu", "fri"]),
                "route": pick(rng, ["north_loop", "valleys", "town_centre", "hills"]),
                "driver": pick(rng, ["Dave", "Ola", "Bex", "Marek", "Sunita"]),
                "stops": stops,
                "boxes": int(stops * rng.uniform(1.0, 1.3)),
                "km": km,
                "van_temp_c": round(float(rng.normal(7, 1.5)), 1),
                "fuel_litres": round(km * rng.uniform(0.09, 0.12), 1),
                "missed_drops": int(rng.poisson(0.5)),
                "minutes_late": late,
                "on_time": "yes" if late < 20 else "no",
            }
        )
    dd = pd.DataFrame(dv)
    for idx, ch in [
        (12, {"van_temp_c": 24.5}),
        (77, {"km": 620.0}),
        (190, {"stops": 20, "boxes": 140}),
        (256, {"fuel_litres": 95.0}),
        (333, {"missed_drops": 31}),
        (401, {"km": 3.1, "stops": 52}),
    ]:
        for k, v in ch.items():
            dd.loc[idx, k] = v
    write_csv(dd, out / "delivery_runs.csv")

    sk = []
    reasons = {
        "away": ["on holiday in Cornwall", "away for half term", "visiting family abroad"],
        "too_much_veg": [
            "still have loads from last week",
            "fridge full of veg",
            "too much to get through",
        ],
        "money": ["tight month, skipping", "need to save this week", "can't afford it this month"],
        "other": ["eating out a lot", "having building work done", "trying a different supplier"],
    }
    for i in range(480):
        r = pick(rng, list(reasons), [0.4, 0.3, 0.15, 0.15])
        sk.append(
            {
                "skip_id": i + 1,
                "subscriber_id": f"VB{10400 + int(rng.integers(0, 900))}",
                "week": f"2025-W{int(rng.integers(1, 53)):02d}",
                "note": pick(rng, reasons[r]),
                "skip_reason": r if rng.uniform() < 0.2 else "",
            }
        )
    write_csv(pd.DataFrame(sk), out / "skipped_boxes.csv")

    d = out / "vegbox_docs"
    write_text(
        d / "produce_notes.md",
        """
# Produce notes for packers

## Storing greens
Kale, chard and spinach are kept in the cold room at 4 C and packed last. Wilted greens are
refreshed in cold water for ten minutes before packing, never packed wet.

## Potatoes and roots
Potatoes are stored in the dark, because light turns them green and green potatoes contain
solanine. Carrots are packed unwashed, since washing shortens their life.

## Tomatoes
Tomatoes are never refrigerated, because cold makes them mealy. They go in the top of the box so
they are not crushed.

## Substitutions
When an item runs short, packers substitute an item of the same value from the swap list.
Customers with a no mushrooms or no alliums swap never receive those items as substitutes.

## Organic certification
All produce is certified organic by the Soil Association. Bought-in fruit is certified organic by
the supplier, and the certificate is checked every spring.
""",
    )
    write_text(
        d / "delivery_faq.md",
        """
# Delivery questions

## When will my box arrive?
Boxes are delivered between 7am and 6pm on your delivery day. You get a text when the driver is
one stop away.

## How do I skip a week?
You can skip a box in the app or on the website until midnight on the Sunday before your delivery.
Skipped boxes are not charged.

## What if I am not in?
Tell us a safe place when you sign up. Drivers leave boxes in the shade and never on the road side
of a wall.

## Returning boxes
Please leave last week's empty box out for the driver. Boxes are reused about 20 times before
they are recycled.

## Complaints and refunds
Missing or damaged items are refunded in full when reported within 48 hours with a photo.
""",
    )
    write_text(
        d / "storage_guide.txt",
        """
Keeping your box fresh

Leafy greens keep best in a damp tea towel in the salad drawer and should be eaten within three
days.

Root vegetables such as beetroot and carrots last two weeks in the fridge once the leafy tops are
cut off, because the tops draw moisture from the root.

Onions and garlic are stored somewhere cool, dark and dry, and never next to potatoes, because
potatoes release moisture that makes onions sprout.

Apples give off ethylene, which ripens other fruit faster, so keep apples away from bananas and
avocados unless you want them to ripen.
""",
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    ceramics(rng, out)
    arborist(rng, out)
    vegbox(rng, out)


if __name__ == "__main__":
    main()
