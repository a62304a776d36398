"""Write the heldout19 corpus's files into DIR: an auction house, a climbing gym, a broadband desk.

Run: python make_data.py DIR  (deterministic: seed 1919, offline, invented data)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1919


def pick(rng: np.random.Generator, items: list, n: int | None = None, p=None):
    """One item (n None) or n items of a list, by index so any objects work."""
    idx = rng.choice(len(items), size=n, p=p)
    if n is None:
        return items[int(idx)]
    return [items[int(i)] for i in idx]


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


# ----------------------------------------------------------------------------- auction house

CATEGORIES = {
    "furniture": (
        [
            "Georgian mahogany bureau",
            "Victorian walnut loo table",
            "oak coffer",
            "pine dresser",
            "Regency rosewood card table",
            "Edwardian inlaid display cabinet",
        ],
        ["18th c.", "19th c.", "early 20th c."],
    ),
    "ceramics": (
        [
            "Meissen figure group",
            "Moorcroft vase",
            "Worcester tea bowl",
            "Chinese blue and white charger",
            "Clarice Cliff bizarre jug",
            "Staffordshire flatback dog",
        ],
        ["18th c.", "19th c.", "20th c."],
    ),
    "silver": (
        [
            "George III silver teapot",
            "set of six apostle spoons",
            "Victorian silver salver",
            "Art Deco cocktail shaker",
            "silver vesta case",
            "pair of silver candlesticks",
        ],
        ["18th c.", "19th c.", "20th c."],
    ),
    "jewellery": (
        [
            "diamond solitaire ring",
            "Victorian mourning brooch",
            "gold albert chain",
            "sapphire and diamond cluster ring",
            "Art Nouveau enamel pendant",
            "cameo bracelet",
        ],
        ["19th c.", "20th c."],
    ),
    "paintings": (
        [
            "oil on canvas, coastal scene",
            "watercolour of a Cotswold village",
            "portrait of a lady, oil on panel",
            "still life with game birds",
            "pastel study of a horse",
            "modern British abstract",
        ],
        ["19th c.", "20th c.", "contemporary"],
    ),
    "clocks": (
        [
            "longcase clock, 8-day movement",
            "French ormolu mantel clock",
            "bracket clock",
            "carriage clock with repeat",
            "Vienna regulator",
            "skeleton clock under dome",
        ],
        ["18th c.", "19th c."],
    ),
    "toys": (
        [
            "Hornby O gauge locomotive",
            "Steiff teddy bear",
            "Dinky Toys boxed set",
            "tinplate clockwork car",
            "Britains lead soldiers",
            "rocking horse",
        ],
        ["20th c."],
    ),
    "coins": (
        [
            "George V gold sovereign",
            "Victorian crown",
            "Roman denarius",
            "proof set 1953",
            "Charles I half crown",
            "collection of farthings",
        ],
        ["ancient", "17th c.", "19th c.", "20th c."],
    ),
}
COND_GOOD = [
    "no visible damage",
    "original finish",
    "crisp detail throughout",
    "working order",
    "retains original box",
    "bright and clean",
    "untouched condition",
]
COND_BAD = [
    "hairline crack to rim",
    "some restoration to base",
    "minor chips",
    "rubbed gilding",
    "later replaced handles",
    "foxing to margins",
    "split to top panel",
    "not tested",
    "worn, commensurate with age",
    "dent to body",
    "movement requires service",
]
MAKERS = [
    "unmarked",
    "attributed to workshop",
    "signed",
    "maker's mark rubbed",
    "stamped",
    "hallmarked London",
    "hallmarked Birmingham",
    "label to reverse",
]


def auction(rng: np.random.Generator, out: Path) -> None:
    n = 640
    cats = pick(rng, list(CATEGORIES), n)
    rows = []
    for i, cat in enumerate(cats):
        items, periods = CATEGORIES[cat]
        item = pick(rng, items)
        period = pick(rng, periods)
        good = rng.random() < 0.55
        notes = ", ".join(pick(rng, COND_GOOD if good else COND_BAD, int(rng.integers(1, 3))))
        grade = (
            pick(rng, ["excellent", "good"], p=[0.4, 0.6])
            if good
            else pick(rng, ["fair", "poor"], p=[0.65, 0.35])
        )
        base = float(np.exp(rng.normal(6.3, 1.1)))
        low = int(round(base / 10) * 10) or 20
        high = int(low * pick(rng, [1.4, 1.5, 1.6, 2.0]))
        reserve = int(low * 0.8) if rng.random() < 0.7 else None
        bids = int(rng.poisson(4 if good else 2))
        watchers = int(rng.poisson(6 + bids * 2))
        mult = np.exp(rng.normal(0.15 if good else -0.25, 0.45) + 0.05 * bids)
        hammer = low * mult
        result = "sold" if (bids > 0 and (reserve is None or hammer >= reserve)) else "bought in"
        if result == "sold":
            vs = "below" if hammer < low else ("above" if hammer > high else "within")
            hammer_price = int(round(hammer / 5) * 5)
        else:
            vs = "unsold"
            hammer_price = None
        rows.append(
            {
                "lot_no": f"L{24000 + i}",
                "sale_id": pick(rng, ["S2401", "S2402", "S2403", "S2404", "S2405"]),
                "department": cat,
                "period": period,
                "title": item,
                "maker_marks": pick(rng, MAKERS),
                "condition_notes": f"{item.capitalize()}; {notes}.",
                "condition_grade": grade,
                "low_estimate": low,
                "high_estimate": high,
                "reserve": reserve,
                "online_watchers": watchers,
                "pre_sale_enquiries": int(rng.poisson(1 + bids / 2)),
                "photos": int(rng.integers(2, 12)),
                "bids": bids,
                "result": result,
                "vs_estimate": vs,
                "hammer_price": hammer_price,
            }
        )
    lots = pd.DataFrame(rows)
    # a few odd rows for anomaly checks: typos in estimates, impossible values
    lots.loc[17, ["low_estimate", "high_estimate"]] = [250000, 40]
    lots.loc[203, "photos"] = 140
    lots.loc[388, ["bids", "online_watchers"]] = [95, 0]
    lots.loc[512, "low_estimate"] = 3
    lots.loc[600, "pre_sale_enquiries"] = 60
    # condition_grade only filled on about a quarter of the lots (cataloguers' hand grades)
    blank = rng.random(n) > 0.25
    lots.loc[blank, "condition_grade"] = None
    write_csv(lots, out / "lots.csv")
    full = lots.copy()
    full["condition_grade"] = [r["condition_grade"] for r in rows]
    order = rng.permutation(n)
    train, test, upcoming = order[:440], order[440:560], order[560:]
    write_csv(full.iloc[sorted(train)], out / "lots_past_sales.csv")
    write_csv(full.iloc[sorted(test)], out / "lots_spring_sale.csv")
    nxt = full.iloc[sorted(upcoming)].drop(
        columns=["bids", "result", "vs_estimate", "hammer_price"]
    )
    nxt["lot_no"] = [f"L25{k:03d}" for k in range(len(nxt))]
    write_csv(nxt, out / "lots_next_catalogue.csv")
    auction_queries(rng, out, lots)


QUERY_TEMPLATES = {
    "condition": [
        "Could you send a full condition report for lot {lot}? Any restoration?",
        "Is there any damage to lot {lot} not shown in the photos?",
        "Hi, does lot {lot} have any cracks or repairs? thanks",
        "Please can I have more pictures of the underside of {lot}, worried about chips",
        "What is the condition of the movement on lot {lot}, does it run?",
    ],
    "shipping": [
        "Do you ship lot {lot} to Germany and what would delivery cost?",
        "Can my courier collect lot {lot} next week? Need packing too",
        "How long does shipping to the US take for {lot}",
        "Is international delivery available, I am bidding on {lot} from Canada",
    ],
    "payment": [
        "What is the buyer's premium on lot {lot} and do you take card?",
        "I won lot {lot}, can I pay by bank transfer in two instalments?",
        "Invoice for {lot} shows VAT on the hammer, is that right?",
        "Payment failed for lot {lot}, please resend the invoice link",
    ],
    "bidding": [
        "How do I leave a commission bid on lot {lot}?",
        "Can I book a telephone bid for lot {lot}, I can't attend",
        "Registered to bid online but cannot see the bid button for {lot}",
        "What are the bidding increments around the estimate of {lot}?",
    ],
    "provenance": [
        "Is there any provenance or history of ownership for lot {lot}?",
        "Where did lot {lot} come from, any exhibition history or certificate?",
        "Can you confirm the hallmarks on {lot} and whether it has been authenticated?",
        "Was lot {lot} ever in a named collection? The catalogue doesn't say",
    ],
}


def auction_queries(rng: np.random.Generator, out: Path, lots: pd.DataFrame) -> None:
    n = 520
    kinds = pick(rng, list(QUERY_TEMPLATES), n, p=[0.3, 0.2, 0.17, 0.18, 0.15])
    rows = []
    for i, kind in enumerate(kinds):
        lot = pick(rng, list(lots["lot_no"]))
        text = pick(rng, QUERY_TEMPLATES[kind]).format(lot=lot)
        if rng.random() < 0.25:
            text += " " + pick(
                rng,
                [
                    "Many thanks.",
                    "Kind regards, J.",
                    "Urgent please!",
                    "Sent from my phone",
                    "Thank you in advance",
                ],
            )
        rows.append(
            {
                "query_id": f"Q{7000 + i}",
                "received": f"2025-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}",
                "channel": pick(rng, ["email", "web form", "phone note", "live chat"]),
                "lot_no": lot,
                "message": text,
                "query_type": kind,
                "answered_within_24h": pick(rng, ["yes", "no"], p=[0.7, 0.3]),
            }
        )
    q = pd.DataFrame(rows)
    gold_idx = rng.choice(n, size=70, replace=False)
    gold = q.iloc[sorted(gold_idx)][["query_id", "query_type"]]
    write_csv(gold, out / "buyer_queries_handlabels.csv")
    q["query_type"] = None
    write_csv(q, out / "buyer_queries.csv")
    rules = [
        {
            "name": "mentions_condition",
            "label": "condition",
            "kind": "keyword",
            "column": "message",
            "keywords": ["condition", "damage", "cracks", "chips", "restoration"],
        },
        {
            "name": "mentions_shipping",
            "label": "shipping",
            "kind": "keyword",
            "column": "message",
            "keywords": ["ship", "shipping", "courier", "delivery"],
        },
        {
            "name": "mentions_payment",
            "label": "payment",
            "kind": "keyword",
            "column": "message",
            "keywords": ["pay", "invoice", "premium", "payment", "VAT"],
        },
        {
            "name": "mentions_bid",
            "label": "bidding",
            "kind": "regex",
            "column": "message",
            "pattern": r"\bbid(s|ding)?\b",
            "ignore_case": True,
        },
        {
            "name": "mentions_provenance",
            "label": "provenance",
            "kind": "keyword",
            "column": "message",
            "keywords": ["provenance", "collection", "authenticated", "history"],
        },
    ]
    (out / "query_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- climbing gym

INCIDENTS = {
    "minor": [
        "Member grazed knuckles on a crimp in the boulder cave, cleaned and plastered.",
        "Small blister on finger, first aid kit used at front desk.",
        "Climber rolled ankle slightly stepping off the mat, iced, carried on.",
        "Child bumped head on low volume in kids area, no lasting issue, parent informed.",
        "Chalk bag spilled on stairs, slip, no injury.",
    ],
    "moderate": [
        "Fall from top of boulder problem onto mat edge, twisted knee, left early to see GP.",
        "Belayer short-roped lead climber, climber hit wall, bruised hip and elbow.",
        "Hold spun on overhang, climber fell awkwardly and hurt shoulder, advised physio.",
        "Finger pulley pop reported on campus board, strapped and sent home.",
        "Auto-belay not clipped, climber noticed at 3 m and downclimbed, shaken, staff debrief.",
    ],
    "serious": [
        "Ground fall from lead wall due to belay error, ambulance called, suspected broken wrist.",
        "Member fell from top of boulder wall and landed on head, unconscious briefly, "
        "ambulance called.",
        "Dropped climber on top rope after belayer let go of brake strand, back injury, "
        "taken to hospital.",
        "Chest pains after climbing, paramedics attended and took member to A&E.",
    ],
}


def gym(rng: np.random.Generator, out: Path) -> None:
    n = 900
    mtype = pick(
        rng,
        ["monthly", "annual", "10-visit pass", "student", "off-peak"],
        n,
        p=[0.35, 0.2, 0.15, 0.15, 0.15],
    )
    age = np.clip(rng.normal(31, 9, n), 14, 72).round().astype(int)
    tenure = rng.integers(1, 60, n)
    visits = rng.poisson(np.where(np.isin(mtype, ["annual", "monthly"]), 18, 8))
    session = np.clip(rng.normal(95, 25, n), 30, 240).round().astype(int)
    classes = rng.poisson(1.2, n)
    boulder = np.clip(rng.beta(4, 2, n), 0, 1).round(2)
    lead = pick(rng, ["yes", "no"], n, p=[0.3, 0.7])
    freeze = rng.poisson(0.3, n)
    complaints = rng.poisson(0.25, n)
    z = (
        -0.09 * visits
        + 0.6 * freeze
        + 0.8 * complaints
        - 0.02 * tenure
        + np.where(np.isin(mtype, ["10-visit pass", "student"]), 0.8, 0)
        + rng.normal(0, 0.8, n)
    )
    churned = np.where(z > np.quantile(z, 0.72), "yes", "no")
    upgrade = np.where((visits > 14) & (rng.random(n) < 0.5), "took upgrade", "no upgrade")
    members = pd.DataFrame(
        {
            "member_id": [f"M{30000 + i}" for i in range(n)],
            "membership_type": mtype,
            "age": age,
            "months_member": tenure,
            "visits_last_90d": visits,
            "avg_session_min": session,
            "classes_taken": classes,
            "bouldering_share": boulder,
            "lead_certified": lead,
            "freezes": freeze,
            "complaints_logged": complaints,
            "home_wall": pick(rng, ["Northside", "Riverside", "Old Mill"], n),
            "churned": churned,
            "upgrade_offer": upgrade,
        }
    )
    write_csv(members, out / "members.csv")
    order = rng.permutation(n)
    write_csv(members.iloc[sorted(order[:600])], out / "members_2024.csv")
    write_csv(members.iloc[sorted(order[600:780])], out / "members_2025q1.csv")
    new = members.iloc[sorted(order[780:])].drop(columns=["churned", "upgrade_offer"])
    write_csv(new, out / "members_renewing_soon.csv")

    # visits log with odd rows
    nv = 1500
    vis = pd.DataFrame(
        {
            "visit_id": [f"V{i:05d}" for i in range(nv)],
            "member_id": pick(rng, list(members["member_id"]), nv),
            "checkin_hour": rng.integers(6, 23, nv),
            "weekday": pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], nv),
            "duration_min": np.clip(rng.normal(100, 30, nv), 20, 260).round().astype(int),
            "area": pick(rng, ["bouldering", "lead", "top rope", "auto-belay", "gym floor"], nv),
            "shoe_hire": pick(rng, ["yes", "no"], nv, p=[0.2, 0.8]),
            "guests": rng.poisson(0.2, nv),
            "spend_cafe_gbp": np.round(np.abs(rng.normal(4, 3, nv)), 2),
        }
    )
    vis.loc[44, ["checkin_hour", "duration_min"]] = [3, 1320]
    vis.loc[410, "guests"] = 25
    vis.loc[777, "spend_cafe_gbp"] = 812.0
    vis.loc[1234, ["duration_min", "area"]] = [2, "lead"]
    vis.loc[1399, ["checkin_hour", "shoe_hire", "guests"]] = [23, "yes", 14]
    write_csv(vis, out / "gym_visits.csv")

    # route setting log
    nr = 420
    grades = ["V0", "V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8"]
    g = rng.integers(0, 9, nr)
    soft_bias = rng.normal(0, 1, nr)
    consensus = np.where(soft_bias > 0.7, "soft", np.where(soft_bias < -0.7, "sandbagged", "fair"))
    routes = pd.DataFrame(
        {
            "route_id": [f"R{i:04d}" for i in range(nr)],
            "wall": pick(rng, ["cave", "slab", "overhang", "arete", "comp wall", "kids wall"], nr),
            "setter": pick(rng, ["Ana", "Tomasz", "Jo", "Kwame", "Li", "Priya"], nr),
            "set_date": [
                f"2025-{int(m):02d}-{int(d):02d}"
                for m, d in zip(rng.integers(1, 13, nr), rng.integers(1, 29, nr), strict=False)
            ],
            "grade": [grades[i] for i in g],
            "hold_colour": pick(
                rng, ["red", "blue", "green", "yellow", "black", "white", "purple"], nr
            ),
            "style": pick(
                rng, ["crimpy", "slopey", "dynamic", "balancy", "powerful", "technical"], nr
            ),
            "ascents_logged": rng.poisson(40, nr) + (9 - g) * 6,
            "flash_rate": np.clip(
                0.7 - g * 0.07 + soft_bias * 0.08 + rng.normal(0, 0.05, nr), 0.01, 0.99
            ).round(2),
            "avg_star_rating": np.clip(rng.normal(3.4, 0.7, nr), 1, 5).round(1),
            "days_up": rng.integers(7, 60, nr),
            "grade_consensus": consensus,
        }
    )
    write_csv(routes, out / "route_log.csv")

    # incident notes, severity partly filled
    ni = 300
    sev = pick(rng, ["minor", "moderate", "serious"], ni, p=[0.6, 0.3, 0.1])
    inc = pd.DataFrame(
        {
            "incident_no": [f"INC-{500 + i}" for i in range(ni)],
            "date": [
                f"2025-{int(m):02d}-{int(d):02d}"
                for m, d in zip(rng.integers(1, 13, ni), rng.integers(1, 29, ni), strict=False)
            ],
            "area": pick(
                rng, ["bouldering", "lead", "top rope", "auto-belay", "kids area", "cafe"], ni
            ),
            "staff_on_duty": rng.integers(2, 7, ni),
            "what_happened": [pick(rng, INCIDENTS[s]) for s in sev],
            "first_aid": pick(rng, ["yes", "no"], ni, p=[0.6, 0.4]),
            "severity": sev,
        }
    )
    inc.loc[rng.random(ni) > 0.3, "severity"] = None
    write_csv(inc, out / "incident_log.csv")
    inc_rules = [
        {
            "name": "ambulance",
            "label": "serious",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["ambulance", "hospital", "paramedics", "A&E", "unconscious"],
        },
        {
            "name": "went_to_doctor",
            "label": "moderate",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["GP", "physio", "sent home", "left early"],
        },
        {
            "name": "plaster_or_ice",
            "label": "minor",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["plastered", "blister", "iced", "no injury", "no lasting"],
        },
    ]
    (out / "incident_rules.json").write_text(
        json.dumps(inc_rules, indent=2) + "\n", encoding="utf-8"
    )
    gym_feedback(rng, out)


FEEDBACK = {
    "routes": [
        "The new blue circuit in the cave is brilliant, more slab please",
        "Grades on the overhang feel really soft this set",
        "Not enough easy routes for beginners on the lead wall",
        "Love the setting lately, the comp wall problems are so creative",
    ],
    "crowding": [
        "Way too busy on Tuesday evenings, queues for every problem",
        "Can't get on the auto-belays after 6pm, it's packed",
        "Weekend mornings are rammed with birthday parties",
    ],
    "facilities": [
        "Showers were cold again and the changing room floor was dirty",
        "Please fix the broken locker by the door",
        "Mats in the cave have a split, someone will twist an ankle",
        "Cafe coffee has got much better, thanks",
    ],
    "staff": [
        "Front desk staff were really friendly and helpful",
        "The instructor on the intro course was fantastic with my kids",
        "Staff ignored me when I asked about belay checks",
        "Nobody was at the desk for 10 minutes",
    ],
    "pricing": [
        "Membership went up again, it's getting too expensive",
        "Student discount should apply to off-peak too",
        "10-visit pass is good value compared to other walls",
        "Why do I pay for shoe hire on top of the day pass?",
    ],
}


def gym_feedback(rng: np.random.Generator, out: Path) -> None:
    n = 480
    topic = pick(rng, list(FEEDBACK), n, p=[0.3, 0.2, 0.2, 0.15, 0.15])
    fb = pd.DataFrame(
        {
            "feedback_id": [f"FB{i:04d}" for i in range(n)],
            "member_id": [f"M{30000 + int(k)}" for k in rng.integers(0, 900, n)],
            "submitted": [
                f"2025-{int(m):02d}-{int(d):02d}"
                for m, d in zip(rng.integers(1, 13, n), rng.integers(1, 29, n), strict=False)
            ],
            "source": pick(rng, ["app", "comment box", "google review", "email"], n),
            "comment": [
                pick(rng, FEEDBACK[t]) + pick(rng, ["", "", ".", "!", " :)", " tbh"]) for t in topic
            ],
            "stars": rng.integers(1, 6, n),
            "topic": topic,
        }
    )
    gold_idx = sorted(rng.choice(n, size=60, replace=False))
    write_csv(fb.iloc[gold_idx][["feedback_id", "topic"]], out / "feedback_tagged.csv")
    fb["topic"] = None
    write_csv(fb, out / "member_feedback.csv")


# ----------------------------------------------------------------------------- broadband desk

TICKETS = {
    "no_connection": [
        "Internet completely down since last night, router lights flashing red",
        "No broadband at all, DSL light off, tried rebooting twice",
        "Lost connection this morning, phone line also dead",
        "Router says no internet, PPP authentication failing",
    ],
    "slow_speed": [
        "Speeds are terrible in the evenings, getting 3 Mbps on a 70 plan",
        "Download speed dropped a lot since last week, speedtest attached",
        "Video calls keep buffering, speed way below what I pay for",
        "Fibre is slow, only 20 down, used to be 60",
    ],
    "intermittent": [
        "Connection drops every few minutes then comes back",
        "Line keeps disconnecting at night, router resyncs constantly",
        "Wifi and wired both cut out randomly several times a day",
    ],
    "billing": [
        "I was charged twice this month, please refund",
        "Why has my bill gone up, no one told me about a price rise",
        "Direct debit taken after I cancelled",
        "Need a copy of my invoice for work expenses",
    ],
    "equipment": [
        "Router is dead, no power light at all, need a replacement",
        "The new hub keeps overheating and rebooting",
        "Lost my router power cable, can you send one",
    ],
}
REGIONS = ["North Valley", "Coastline", "Hill District", "Market Town", "Lakeside"]


def broadband(rng: np.random.Generator, out: Path) -> None:
    n = 700
    cat = pick(rng, list(TICKETS), n, p=[0.25, 0.25, 0.18, 0.2, 0.12])
    tk = pd.DataFrame(
        {
            "ticket_id": [f"T-{81000 + i}" for i in range(n)],
            "opened": [
                f"2025-{int(m):02d}-{int(d):02d}"
                for m, d in zip(rng.integers(1, 13, n), rng.integers(1, 29, n), strict=False)
            ],
            "account_no": [f"A{int(k)}" for k in rng.integers(100000, 100900, n)],
            "region": pick(rng, REGIONS, n),
            "product": pick(rng, ["FTTP 150", "FTTC 70", "ADSL 17", "Fixed wireless 30"], n),
            "contact_channel": pick(rng, ["phone", "chat", "email", "social"], n),
            "customer_text": [
                pick(rng, TICKETS[c])
                + pick(
                    rng,
                    [
                        "",
                        " Please help.",
                        " This is the third time I've called!",
                        " thx",
                        " Very frustrated.",
                    ],
                )
                for c in cat
            ],
            "agent_notes": pick(
                rng,
                [
                    "line test run",
                    "escalated to L2",
                    "advised reboot",
                    "engineer booked",
                    "credit applied",
                    "",
                ],
                n,
            ),
            "issue_category": cat,
            "hours_to_resolve": np.round(np.abs(rng.gamma(2, 14, n)), 1),
            "sla_breached": pick(rng, ["yes", "no"], n, p=[0.22, 0.78]),
        }
    )
    gold_idx = sorted(rng.choice(n, size=90, replace=False))
    write_csv(tk.iloc[gold_idx][["ticket_id", "issue_category"]], out / "tickets_gold.csv")
    keep = rng.random(n) < 0.15
    tk.loc[~keep, "issue_category"] = None
    write_csv(tk, out / "support_tickets.csv")
    rules = [
        {
            "name": "down",
            "label": "no_connection",
            "kind": "keyword",
            "column": "customer_text",
            "keywords": ["down", "no broadband", "lost connection", "no internet", "dead"],
        },
        {
            "name": "slow",
            "label": "slow_speed",
            "kind": "keyword",
            "column": "customer_text",
            "keywords": ["slow", "speed", "buffering", "Mbps"],
        },
        {
            "name": "drops",
            "label": "intermittent",
            "kind": "regex",
            "column": "customer_text",
            "pattern": r"drop|disconnect|cut out|resync",
            "ignore_case": True,
        },
        {
            "name": "money",
            "label": "billing",
            "kind": "keyword",
            "column": "customer_text",
            "keywords": ["charged", "bill", "refund", "invoice", "direct debit"],
        },
        {
            "name": "kit",
            "label": "equipment",
            "kind": "keyword",
            "column": "customer_text",
            "keywords": ["router", "hub", "power cable", "replacement"],
        },
    ]
    (out / "ticket_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")

    # line tests, with faults and odd readings
    nl = 800
    length = np.clip(rng.normal(1400, 700, nl), 100, 5000).round()
    atten = (length / 100 * 1.4 + rng.normal(0, 2, nl)).round(1)
    fault = rng.random(nl) < 0.2
    snr = np.clip(rng.normal(9, 2.5, nl) - fault * 4, -2, 20).round(1)
    crc = (rng.poisson(40, nl) + fault * rng.poisson(900, nl)).astype(int)
    lt = pd.DataFrame(
        {
            "test_id": [f"LT{i:05d}" for i in range(nl)],
            "account_no": [f"A{int(k)}" for k in rng.integers(100000, 100900, nl)],
            "exchange": pick(rng, ["EX-NV1", "EX-NV2", "EX-CL1", "EX-HD1", "EX-MT1", "EX-LS1"], nl),
            "line_length_m": length,
            "attenuation_db": atten,
            "snr_margin_db": snr,
            "sync_down_mbps": np.clip(
                80 - atten * 1.2 - fault * 20 + rng.normal(0, 6, nl), 0.5, 80
            ).round(1),
            "sync_up_mbps": np.clip(20 - atten * 0.3 + rng.normal(0, 2, nl), 0.2, 20).round(1),
            "crc_errors_24h": crc,
            "retrains_24h": (rng.poisson(1, nl) + fault * rng.poisson(8, nl)).astype(int),
            "test_result": np.where(fault, "fault", "pass"),
        }
    )
    lt.loc[55, ["line_length_m", "attenuation_db"]] = [120, 71.0]
    lt.loc[301, "sync_down_mbps"] = 940.0
    lt.loc[612, ["snr_margin_db", "crc_errors_24h"]] = [35.0, 0]
    lt.loc[700, "retrains_24h"] = 400
    write_csv(lt, out / "line_tests.csv")

    # churn tables
    nc = 1000
    tenure = rng.integers(1, 96, nc)
    tickets90 = rng.poisson(0.8, nc)
    outages = rng.poisson(0.5, nc)
    speed_ratio = np.clip(rng.normal(0.8, 0.15, nc), 0.2, 1.1).round(2)
    plan = pick(rng, ["FTTP 150", "FTTP 500", "FTTC 70", "ADSL 17", "Fixed wireless 30"], nc)
    contract = pick(rng, ["in contract", "out of contract", "rolling monthly"], nc)
    fee = np.array(
        [
            {"FTTP 150": 35, "FTTP 500": 50, "FTTC 70": 30, "ADSL 17": 24, "Fixed wireless 30": 32}[
                p
            ]
            for p in plan
        ]
    ) + rng.integers(-3, 6, nc)
    z = (
        0.5 * tickets90
        + 0.6 * outages
        - 2.5 * speed_ratio
        - 0.015 * tenure
        + np.where(contract == "out of contract", 0.9, 0)
        + rng.normal(0, 0.7, nc)
    )
    cust = pd.DataFrame(
        {
            "account_no": [f"A{100000 + i}" for i in range(nc)],
            "region": pick(rng, REGIONS, nc),
            "plan": plan,
            "monthly_fee": fee,
            "tenure_months": tenure,
            "contract_status": contract,
            "tickets_90d": tickets90,
            "outages_90d": outages,
            "speed_vs_advertised": speed_ratio,
            "paperless_billing": pick(rng, ["yes", "no"], nc),
            "churned": np.where(z > np.quantile(z, 0.75), "left", "stayed"),
        }
    )
    order = rng.permutation(nc)
    write_csv(cust.iloc[sorted(order[:650])], out / "churn_history.csv")
    write_csv(cust.iloc[sorted(order[650:850])], out / "churn_holdout.csv")
    write_csv(
        cust.iloc[sorted(order[850:])].drop(columns=["churned"]), out / "accounts_to_score.csv"
    )

    # outages list
    no = 60
    outage = pd.DataFrame(
        {
            "outage_ref": [f"OUT-{i:03d}" for i in range(no)],
            "region": pick(rng, REGIONS, no),
            "started": [
                f"2025-{int(m):02d}-{int(d):02d} {int(h):02d}:00"
                for m, d, h in zip(
                    rng.integers(1, 13, no),
                    rng.integers(1, 29, no),
                    rng.integers(0, 24, no),
                    strict=False,
                )
            ],
            "duration_h": np.round(rng.gamma(2, 3, no), 1),
            "customers_affected": rng.integers(20, 4000, no),
            "cause": pick(
                rng,
                [
                    "fibre cut",
                    "power failure",
                    "exchange fault",
                    "planned work",
                    "storm damage",
                    "core router",
                ],
                no,
            ),
            "summary": pick(
                rng,
                [
                    "Contractor dug through duct, splice team sent",
                    "Mains power lost at cabinet, batteries ran out",
                    "Line card failure at exchange, swapped",
                    "Planned upgrade overran by two hours",
                    "Wind brought down overhead cable on the coast road",
                ],
                no,
            ),
        }
    )
    write_csv(outage, out / "outages_2025.csv")


# ----------------------------------------------------------------------------- documents

DOCS = {
    "auction_docs/conditions_of_sale.md": """# Conditions of Sale

## Buyer's premium
The buyer's premium is 25% of the hammer price up to 500,000 and 20% above that. VAT is charged
on the premium. The hammer price is the last bid accepted by the auctioneer.

## Estimates and reserves
Estimates are the auctioneer's opinion of the likely price range and do not include the premium.
A reserve is the confidential minimum price agreed with the seller. The reserve never exceeds the
low estimate. When a lot does not reach its reserve it is bought in and returned to the seller or
re-offered in a later sale.

## Condition
Lots are sold as seen. Condition reports are given as a courtesy and are an opinion, not a
statement of fact. Buyers should inspect lots at the viewing days before bidding. Restoration,
repairs and replacements are noted where the cataloguer has seen them.

## Payment
Payment is due within seven days of the sale. We accept bank transfer, debit card and credit card
up to 10,000. Lots are released only when payment has cleared. Storage is charged at 5 per lot
per day after fourteen days.
""",
    "auction_docs/bidding_guide.md": """# How to bid

## Commission bids
A commission bid is a maximum bid left with the auction house before the sale. The auctioneer
bids on your behalf up to that amount, as cheaply as the other bids allow. Commission bids must
be received by 5pm the day before the sale.

## Telephone bids
Telephone bids are offered on lots with a low estimate of 500 or more. A member of staff calls you
a few lots before yours and bids for you in the room.

## Online bidding
Online bidders register through the live bidding platform at least 24 hours before the sale.
A surcharge of 3% applies to lots bought online. If the bid button is missing, your registration
has not been approved yet.

## Increments
Bids rise in increments of about ten percent: by 10 up to 200, by 20 up to 500, by 50 up to 1,000
and by 100 up to 2,000.
""",
    "gym_docs/safety_induction.md": """# Safety induction

## Bouldering
Always fall onto the matting and land on your feet with knees bent. Never walk under someone who
is climbing. Keep the mats clear of bags, bottles and chalk buckets. Children under 14 must be
supervised by an adult at all times.

## Roped climbing
Every climber ties in with a figure-of-eight knot finished with a stopper. Partners check each
other's knot, harness buckles and belay device before every climb. A belayer keeps the brake hand
on the rope at all times. Lead climbing requires a lead certificate from our staff.

## Auto-belays
Clip the auto-belay to your harness belay loop before leaving the ground. The red gate in front of
each auto-belay must be opened only by a clipped-in climber.

## Incidents
All incidents must be reported to the duty manager, who completes an incident note the same day.
Serious incidents, where an ambulance is called, are reported to the operations manager within an
hour.
""",
    "gym_docs/route_setting_standards.md": """# Route setting standards

## Grades
Boulder problems are graded on the V scale from V0 to V8. Each new set is forerun by two setters,
and the grade is the average of their opinions. A problem is regraded when the flash rate after two
weeks differs strongly from the target for its grade.

## Rotation
Each wall is reset every six weeks. The cave and the comp wall rotate first because they get the
most traffic. Holds are washed before they go back on the wall.

## Safety
Volumes are fixed with at least two bolts. Setters check every hold with a torque wrench after
setting. A spinning hold is reported in the setting log and fixed before the wall reopens.
""",
    "broadband_docs/fault_handling_runbook.md": """# Fault handling runbook

## First line checks
Ask the customer to restart the router and check that the DSL or fibre light is solid. Run a line
test from the support console. A line test reports sync speed, attenuation, SNR margin, CRC errors
and retrains.

## Reading a line test
An SNR margin below 6 dB usually means noise on the line. More than 500 CRC errors in a day
points to a faulty joint or a damaged cable. Frequent retrains cause the connection to drop.
Attenuation grows with the length of the line, roughly 1.4 dB per 100 metres.

## Escalation
When the line test shows a fault, book an engineer within two working days. When many customers
in one area report loss of service, check the outage board before booking engineers. Outages
affecting more than 500 customers are escalated to the network operations centre.

## Compensation
Customers get automatic compensation of 9.33 per day when a repair takes more than two full
working days.
""",
    "broadband_docs/customer_faq.txt": """Why is my broadband slow in the evening?
Evening slowdowns happen when many people in your area use the network at the same time. Your
router's position also matters: a router in a cupboard loses Wi-Fi signal.

What is the minimum guaranteed speed?
Every plan has a minimum guaranteed speed. If your speed stays below it for three days, you may
leave your contract without a fee.

How do I cancel my contract?
You can cancel by phone or chat. Customers out of contract give thirty days notice. Customers in
contract pay an early termination charge unless the minimum speed was not met.

What happens during a planned outage?
Planned work is announced seven days in advance by email. Service is usually restored within
four hours.
""",
}


def documents(out: Path) -> None:
    for name, text in DOCS.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    auction(rng, out)
    gym(rng, out)
    broadband(rng, out)
    documents(out)


if __name__ == "__main__":
    main()
