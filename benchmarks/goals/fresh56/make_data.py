"""Write the fresh56 corpus files into DIR: a tattoo studio, a classified-ads desk, a drone firm.

Run: python make_data.py DIR   (deterministic, seed 5656, offline, well under 3 MB)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5656


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def dates(rng: np.random.Generator, start: str, days: int, n: int) -> list[str]:
    base = pd.Timestamp(start)
    offs = np.sort(rng.integers(0, days, n))
    return [(base + pd.Timedelta(days=int(d))).strftime("%Y-%m-%d") for d in offs]


# ---------------------------------------------------------------- tattoo studio

STYLES = ["fineline", "traditional", "blackwork", "realism", "lettering", "coverup"]
PLACES = ["forearm", "upper arm", "ribs", "back", "ankle", "hand", "neck", "thigh", "calf"]
ARTISTS = ["Mags", "Tomasz", "Jules", "Rin"]
NOTE_GOOD = [
    "Sent reference pics, really excited",
    "Second piece with Mags, loved the first",
    "Happy with the stencil draft, confirmed the date",
    "Paid deposit straight away, asked about numbing cream",
    "Wants to add to existing sleeve",
]
NOTE_RISK = [
    "Asked twice if the date can move, not sure about work",
    "No reply to the design draft yet",
    "Said she might be travelling that week",
    "Booked via insta DM, no phone number given",
    "Changed the design three times, still unsure",
]


def bookings(rng: np.random.Generator, n: int, start: str, with_outcome: bool) -> pd.DataFrame:
    rows = []
    for i, day in enumerate(dates(rng, start, 300 if with_outcome else 40, n)):
        style = pick(rng, STYLES)
        hours = float(np.round(rng.gamma(2.0, 1.2) + 0.5, 1))
        lead = int(rng.integers(2, 90))
        paid_days = int(min(lead, rng.integers(0, 30)))
        deposit = int(rng.choice([0, 30, 50, 80, 100]))
        first = rng.random() < 0.4
        reminders = int(rng.integers(0, 3))
        risk = (
            -1.2
            + 1.1 * (deposit == 0)
            + 0.015 * lead
            + 0.5 * first
            - 0.6 * reminders
            + rng.normal(0, 0.6)
        )
        note = pick(rng, NOTE_RISK) if risk > 0 else pick(rng, NOTE_GOOD)
        row = {
            "booking_id": f"BK-{26000 + i if not with_outcome else 10000 + i}",
            "booked_for": day,
            "artist": pick(rng, ARTISTS),
            "style": style,
            "placement": pick(rng, PLACES),
            "approx_size_cm": int(rng.integers(4, 40)),
            "est_hours": hours,
            "quote_gbp": int(round(hours * 110 + rng.normal(0, 30))),
            "deposit_gbp": deposit,
            "deposit_paid_days_before": paid_days if deposit else "",
            "lead_time_days": lead,
            "first_tattoo": "Y" if first else "N",
            "reminders_sent": reminders,
            "client_note": note,
        }
        if with_outcome:
            row["no_show"] = "yes" if risk > 0.2 else "no"
            touch = (
                0.2
                + 0.3 * (style in ("fineline", "lettering"))
                + 0.2 * (row["placement"] in ("hand", "ankle"))
            )
            row["touch_up_requested"] = "yes" if rng.random() < touch else "no"
        rows.append(row)
    return pd.DataFrame(rows)


REPLY_OK = [
    "all good, peeling a bit now but no redness",
    "healing lovely thanks, using the balm twice a day",
    "looks great, bit itchy but not touching it",
    "no problems at all, colours look bright",
    "fine thanks, second skin came off on day 3 as told",
]
REPLY_CONCERN = [
    "some raised bits around the lines, is that normal?",
    "it's still a bit red around the edges after a week",
    "ink looks patchy in one spot, might need a touch up",
    "bit of weeping on day 2, stopped now I think",
    "the scab came off early in the shower, worried",
]
REPLY_URGENT = [
    "really hot and swollen and it hurts more than yesterday",
    "there is yellow pus and a red line going up my arm",
    "I have a fever since last night and the skin is throbbing",
    "rash spreading past the tattoo, very itchy and hot",
]


def aftercare(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i in range(n):
        r = rng.random()
        cls = "ok" if r < 0.62 else ("concern" if r < 0.9 else "urgent")
        pool = {"ok": REPLY_OK, "concern": REPLY_CONCERN, "urgent": REPLY_URGENT}[cls]
        reply = pick(rng, pool)
        if rng.random() < 0.3:
            reply = reply + " " + pick(rng, ["x", "thanks!", "cheers", "- sent from my phone"])
        fid = f"AF-{i + 1:04d}"
        rows.append(
            {
                "followup_id": fid,
                "booking_id": f"BK-{10000 + int(rng.integers(0, 600))}",
                "day_after_session": int(rng.choice([2, 3, 7, 14])),
                "client_reply": reply,
                "photo_sent": "Y" if rng.random() < 0.45 else "N",
                "healing": cls if i % 8 == 0 else "",
            }
        )
        if i % 8 != 0 and i % 5 == 1:
            gold.append(
                {"followup_id": fid, "checked_healing": cls, "checked_by": pick(rng, ARTISTS)}
            )
    return pd.DataFrame(rows), pd.DataFrame(gold)


MSG = {
    "booking": [
        "hi, do you have any slots in january for a small fineline piece?",
        "can I book a consult with Jules next week",
        "is there a waitlist for Rin? would love a blackwork sleeve",
    ],
    "pricing": [
        "how much roughly for a palm sized rose on the forearm?",
        "whats your hourly rate and minimum charge",
        "do you do a discount for a full day sitting",
    ],
    "aftercare": [
        "my tattoo is peeling loads, can I put moisturiser on it yet",
        "how long should I keep the second skin on",
        "can I go swimming 10 days after my session",
    ],
    "complaint": [
        "the lines on my wrist have blown out and I am not happy",
        "I waited 45 minutes past my slot and nobody told me why",
        "my deposit was taken twice, please sort this out",
    ],
    "cancellation": [
        "need to cancel saturday, can I get my deposit back",
        "sorry I have to move my appointment, I'm ill",
        "cant make it tomorrow, please cancel",
    ],
}


def messages(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    topics = list(MSG)
    for i, day in enumerate(dates(rng, "2026-06-01", 180, n)):
        topic = topics[int(rng.choice(5, p=[0.3, 0.25, 0.2, 0.1, 0.15]))]
        text = pick(rng, MSG[topic])
        if rng.random() < 0.35:
            text = (
                pick(rng, ["hey! ", "Hello, ", "hiya ", ""])
                + text
                + pick(rng, [" :)", " thanks", "", " x"])
            )
        rows.append(
            {
                "msg_id": 5000 + i,
                "received": day,
                "channel": pick(rng, ["instagram", "email", "sms", "website form"]),
                "message": text,
                "topic": topic if i % 7 == 0 else "",
            }
        )
    return pd.DataFrame(rows)


def deposits(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        amount = float(rng.choice([30, 50, 80, 100]))
        method = pick(rng, ["card", "card", "bank transfer", "paypal", "cash"])
        fee = round(
            amount * (0.014 if method == "card" else 0.029 if method == "paypal" else 0.0), 2
        )
        rows.append(
            {
                "payment_id": f"DEP-{7000 + i}",
                "booking_id": f"BK-{10000 + int(rng.integers(0, 600))}",
                "paid_on": (pd.Timestamp("2025-01-05") + pd.Timedelta(days=int(i * 1.1))).strftime(
                    "%Y-%m-%d"
                ),
                "amount_gbp": amount,
                "method": method,
                "processing_fee_gbp": fee,
                "days_before_session": int(rng.integers(1, 40)),
                "refunded": "Y" if rng.random() < 0.08 else "N",
            }
        )
    frame = pd.DataFrame(rows)
    odd = {
        17: {"amount_gbp": 1500.0, "processing_fee_gbp": 21.0},
        58: {"days_before_session": 410},
        103: {"processing_fee_gbp": -12.5},
        150: {"amount_gbp": 0.01, "method": "card"},
        211: {"amount_gbp": 100.0, "method": "cash", "processing_fee_gbp": 9.99},
        260: {"days_before_session": -3, "refunded": "Y"},
    }
    for idx, change in odd.items():
        for key, value in change.items():
            frame.loc[idx, key] = value
    return frame


# ---------------------------------------------------------------- classifieds desk

SECTIONS = ["motors", "property", "jobs", "pets", "for sale", "notices"]
AD_OK = {
    "motors": "2014 Ford Fiesta 1.2, 68k miles, full service history, MOT to June. {price}. Tel 01632 {tel}.",
    "property": "Two bed terraced house to let, Ashby Road, unfurnished, no agency fees. {price} pcm. Tel 01632 {tel}.",
    "jobs": "Part-time kitchen porter wanted, evenings and weekends, The Old Mill Inn. Apply in person or call 01632 {tel}.",
    "pets": "Border collie puppies, KC registered, wormed and microchipped, ready now. {price}. Tel 01632 {tel}.",
    "for sale": "Oak dining table and six chairs, good condition, buyer collects. {price} ono. Tel 01632 {tel}.",
    "notices": "HARGREAVES, Eileen. Peacefully at home aged 91. Funeral at St Mary's, Friday 2pm. Family flowers only.",
}
AD_REJECT = [
    "Air rifle and pellets, no licence needed, cash only, no questions. {price}",
    "Room to let, professionals only, no DSS, no foreigners. {price} pcm",
    "Earn £5000 a week from home!!! No experience, send £50 registration fee",
    "Puppies for sale 6 weeks old, vaccinations not done yet, {price} each",
    "Designer handbags brand new copies, cheapest in town, {price}",
    "Young female wanted for cleaning job, under 25 only",
]
AD_AMEND = [
    "Ford Focus for sale, good runner, {price}. ring me",
    "HOUSE TO RENT!!! CALL NOW!!! BEST PRICE IN TOWN!!! {price}",
    "Sofa free to good home, collect asap",
    "Guitar lessons, all ages, v reasonable rates, text for info",
    "Lost cat, black and white, answers to Moss, Elm Street area",
]


def ad_copy(rng: np.random.Generator, section: str, kind: str) -> str:
    price = f"£{int(rng.integers(20, 900)) * 10:,}"
    tel = f"{int(rng.integers(100000, 999999))}"
    if kind == "accept":
        return AD_OK[section].format(price=price, tel=tel)
    if kind == "reject":
        return pick(rng, AD_REJECT).format(price=price)
    return pick(rng, AD_AMEND).format(price=price)


def ad_queue(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i, day in enumerate(dates(rng, "2026-09-01", 90, n)):
        kind = ["accept", "reject", "amend"][int(rng.choice(3, p=[0.6, 0.15, 0.25]))]
        section = pick(rng, SECTIONS)
        text = ad_copy(rng, section, kind)
        ref = f"CL-26-{i + 1:05d}"
        rows.append(
            {
                "ad_ref": ref,
                "submitted_on": day,
                "section": section,
                "advertiser_type": "trade" if rng.random() < 0.3 else "private",
                "word_count": len(text.split()),
                "photo": "Y" if rng.random() < 0.4 else "N",
                "ad_copy": text,
                "desk_decision": kind if i % 9 == 0 else "",
            }
        )
        if i % 9 != 0 and i % 6 == 2:
            gold.append({"ad_ref": ref, "verdict": kind})
    return pd.DataFrame(rows), pd.DataFrame(gold)


REASONS = {
    "prohibited_item": [
        "Air rifle and pellets, no licence needed",
        "Fireworks for sale, category 4, no ID",
        "Designer handbags brand new copies",
    ],
    "discriminatory": [
        "Room to let, no DSS, no foreigners",
        "Young female wanted for cleaning job, under 25 only",
        "Flat share, English only please",
    ],
    "misleading": [
        "Earn £5000 a week from home, send registration fee",
        "Guaranteed loan, no credit checks, pay fee first",
        "Miracle weight loss pills, results in 3 days",
    ],
    "missing_contact": [
        "Ford Focus for sale, good runner",
        "Sofa free to good home",
        "Guitar lessons, all ages, reasonable rates",
    ],
    "animal_welfare": [
        "Puppies 6 weeks old, no vaccinations yet",
        "Kittens free, need gone today",
        "Rabbits, cheap, buy two get one",
    ],
}


def rejected_ads(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    reasons = list(REASONS)
    for i in range(n):
        reason = pick(rng, reasons)
        text = pick(rng, REASONS[reason])
        text += pick(
            rng,
            [
                "",
                ". Cash only.",
                ". Call after 6.",
                ". Genuine reason for sale.",
                " - first to see will buy",
            ],
        )
        rows.append(
            {
                "ad_ref": f"CL-25-R{i + 1:04d}",
                "section": pick(rng, SECTIONS),
                "ad_copy": text,
                "rejected_by": pick(rng, ["DK", "PW", "SM"]),
                "reject_reason": reason,
            }
        )
    return pd.DataFrame(rows)


def classifieds(
    rng: np.random.Generator, n: int, start: str, with_outcome: bool, base: int
) -> pd.DataFrame:
    rows = []
    for i, day in enumerate(dates(rng, start, 330 if with_outcome else 7, n)):
        section = pick(rng, SECTIONS)
        trade = rng.random() < 0.3
        run_days = int(rng.choice([1, 3, 7, 14, 28]))
        words = int(rng.integers(12, 70))
        photo = rng.random() < 0.4
        price = round(4.5 + words * 0.35 * run_days**0.6 + 6 * photo, 2)
        row = {
            "ad_ref": f"CL-{base + i}",
            "placed_on": day,
            "section": section,
            "advertiser_type": "trade" if trade else "private",
            "word_count": words,
            "run_days": run_days,
            "photo": "Y" if photo else "N",
            "price_paid_gbp": price,
            "ad_copy": ad_copy(rng, section, "accept"),
        }
        if with_outcome:
            score = -0.8 + 1.6 * trade + 0.5 * photo + 0.03 * run_days + rng.normal(0, 0.7)
            row["renewed"] = "yes" if score > 0.3 else "no"
            row["reader_replies"] = (
                "many" if (photo and rng.random() < 0.7) or rng.random() < 0.2 else "few"
            )
        rows.append(row)
    return pd.DataFrame(rows)


def ad_payments(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        words = int(rng.integers(12, 70))
        days = int(rng.choice([1, 3, 7, 14, 28]))
        amount = round(4.5 + words * 0.35 * days**0.6, 2)
        rows.append(
            {
                "txn_id": f"TX{880000 + i}",
                "ad_ref": f"CL-{30000 + int(rng.integers(0, 800))}",
                "method": pick(rng, ["card", "card", "phone", "invoice", "counter cash"]),
                "word_count": words,
                "run_days": days,
                "amount_gbp": amount,
                "days_to_pay": int(rng.integers(0, 20)),
                "refund_gbp": 0.0,
            }
        )
    frame = pd.DataFrame(rows)
    odd = {
        9: {"amount_gbp": 2.1, "word_count": 65, "run_days": 28},
        77: {"refund_gbp": 480.0},
        140: {"days_to_pay": 365},
        201: {"amount_gbp": 9999.0},
        288: {"word_count": 0, "amount_gbp": 55.0},
        333: {"refund_gbp": -40.0, "method": "invoice"},
    }
    for idx, change in odd.items():
        for key, value in change.items():
            frame.loc[idx, key] = value
    return frame


# ---------------------------------------------------------------- drone survey firm

SITE_TYPES = ["quarry", "farm", "solar farm", "riverbank", "construction"]
DRONES = ["M300 RTK", "M30T", "Mavic 3E", "Phantom 4 RTK"]
PILOTS = ["Ade", "Kasia", "Lorcan", "Priya"]
NOTES_OK = [
    "clean flight, good overlap, RTK fix whole time",
    "light breeze, all lines flown, no issues",
    "GCPs laid and checked, smooth mission",
    "finished early, light even, crisp images",
]
NOTES_BAD = [
    "gusty on the ridge, drone drifted off line twice",
    "lost RTK fix mid mission, swapped to GPS only",
    "low sun glare on panels, some frames washed out",
    "battery warning on leg 3, cut the mission short",
    "rain started near the end, lens spotted",
]


def flights(
    rng: np.random.Generator, n: int, start: str, with_outcome: bool, base: int
) -> pd.DataFrame:
    rows = []
    for i, day in enumerate(dates(rng, start, 330 if with_outcome else 7, n)):
        wind = float(np.round(rng.gamma(3, 5), 1))
        gust = float(np.round(wind + rng.gamma(2, 3), 1))
        sats = int(rng.integers(8, 24))
        area = float(np.round(rng.gamma(2, 12), 1))
        bad = -2.2 + 0.06 * gust + 0.12 * (14 - sats) + 0.01 * area + rng.normal(0, 0.7)
        row = {
            "flight_id": f"FL-{base + i}",
            "flown_on": day,
            "site_type": pick(rng, SITE_TYPES),
            "pilot": pick(rng, PILOTS),
            "drone": pick(rng, DRONES),
            "wind_kmh": wind,
            "gust_kmh": gust,
            "temp_c": float(np.round(rng.normal(12, 7), 1)),
            "gps_sats": sats,
            "planned_area_ha": area,
            "flight_min": float(np.round(8 + area * 0.9 + rng.normal(0, 4), 1)),
            "battery_start_pct": int(rng.integers(88, 101)),
            "battery_end_pct": int(rng.integers(12, 45)),
            "photos": int(area * 38 + rng.integers(0, 120)),
            "pilot_notes": pick(rng, NOTES_BAD) if bad > 0 else pick(rng, NOTES_OK),
        }
        if with_outcome:
            row["reflight_needed"] = "yes" if bad > 0.4 else "no"
            row["data_quality"] = "poor" if bad > 0.8 else ("usable" if bad > -0.6 else "good")
        rows.append(row)
    return pd.DataFrame(rows)


def batteries(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        cycles = int(rng.integers(5, 400))
        res = float(np.round(18 + cycles * 0.05 + rng.normal(0, 2), 1))
        cap = float(np.round(100 - cycles * 0.045 + rng.normal(0, 1.5), 1))
        spread = int(abs(rng.normal(12 + cycles * 0.05, 6)))
        status = (
            "retire" if cap < 84 or spread > 40 else ("watch" if cap < 90 or spread > 28 else "ok")
        )
        rows.append(
            {
                "reading_id": 20000 + i,
                "pack_id": f"TB65-{int(rng.integers(1, 41)):02d}",
                "cycle_count": cycles,
                "voltage_v": float(np.round(rng.normal(52.6, 0.25), 2)),
                "cell_spread_mv": spread,
                "pack_temp_c": float(np.round(rng.normal(27, 4), 1)),
                "internal_res_mohm": res,
                "capacity_pct": cap,
                "pack_status": status,
            }
        )
    frame = pd.DataFrame(rows)
    odd = {
        33: {"voltage_v": 38.2},
        121: {"pack_temp_c": 71.5},
        260: {"cell_spread_mv": 310},
        377: {"capacity_pct": 131.0},
        455: {"internal_res_mohm": 3.1, "cycle_count": 390},
        512: {"voltage_v": 61.9, "pack_temp_c": -18.0},
    }
    for idx, change in odd.items():
        for key, value in change.items():
            frame.loc[idx, key] = value
    return frame


BRIEFS = {
    "orthomosaic": [
        "We need an up to date aerial map of the whole estate for the planning application.",
        "Please provide a georeferenced orthophoto of the new housing plot, 5cm resolution.",
        "Looking for a high resolution aerial image of our farm boundaries for the land registry.",
    ],
    "volumetrics": [
        "Monthly stockpile volumes at the quarry, aggregate heaps by the crusher.",
        "We need cut and fill quantities for the road embankment before the contractor invoices.",
        "How many tonnes of topsoil are on site? Need stockpile measurement this week.",
    ],
    "thermal": [
        "Thermal scan of the solar farm to find hot spots and dead strings.",
        "Roof heat loss survey of the school buildings, infrared please.",
        "Check the substation connections with a thermal camera, suspect a hot joint.",
    ],
    "inspection": [
        "Close visual inspection of the church spire, loose stonework reported.",
        "We need photos of the wind turbine blades, leading edge erosion suspected.",
        "Bridge underside inspection for cracks, closeup photos of the bearings.",
    ],
}


def briefs(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    kinds = list(BRIEFS)
    for i, day in enumerate(dates(rng, "2026-03-01", 250, n)):
        kind = pick(rng, kinds)
        text = pick(rng, BRIEFS[kind])
        if rng.random() < 0.4:
            text += pick(
                rng,
                [
                    " Budget is tight.",
                    " Site access from 8am.",
                    " Can you quote by Friday?",
                    " Contact the site manager on arrival.",
                ],
            )
        bid = f"BR-{i + 1:03d}"
        rows.append(
            {
                "brief_id": bid,
                "client": pick(
                    rng,
                    [
                        "Hanson Aggregates",
                        "Brook Farm",
                        "Sunfield Energy",
                        "Diocese of Elm",
                        "Castell Homes",
                        "County Highways",
                    ],
                ),
                "received": day,
                "area_ha": float(np.round(rng.gamma(2, 10), 1)),
                "budget_gbp": int(rng.integers(6, 80)) * 100,
                "brief_text": text,
                "job_type": kind if i % 6 == 0 else "",
            }
        )
        if i % 6 != 0 and i % 4 == 1:
            gold.append({"brief_id": bid, "job_type": kind})
    return pd.DataFrame(rows), pd.DataFrame(gold)


def rules() -> dict[str, list[dict[str, object]]]:
    return {
        "rules/aftercare_rules.json": [
            {
                "name": "pus_or_fever",
                "label": "urgent",
                "kind": "keyword",
                "column": "client_reply",
                "keywords": ["pus", "fever", "red line", "swollen"],
            },
            {
                "name": "spreading_rash",
                "label": "urgent",
                "kind": "regex",
                "column": "client_reply",
                "pattern": "rash spread",
                "ignore_case": True,
            },
            {
                "name": "worried_words",
                "label": "concern",
                "kind": "keyword",
                "column": "client_reply",
                "keywords": ["normal", "worried", "patchy", "weeping", "raised"],
            },
            {
                "name": "happy_words",
                "label": "ok",
                "kind": "keyword",
                "column": "client_reply",
                "keywords": ["all good", "lovely", "looks great", "no problems", "fine"],
            },
        ],
        "rules/message_topics.json": [
            {
                "name": "mentions_cancel",
                "label": "cancellation",
                "kind": "keyword",
                "column": "message",
                "keywords": ["cancel", "move my appointment", "cant make it"],
            },
            {
                "name": "mentions_price",
                "label": "pricing",
                "kind": "keyword",
                "column": "message",
                "keywords": ["how much", "rate", "discount", "price"],
            },
            {
                "name": "mentions_slot",
                "label": "booking",
                "kind": "keyword",
                "column": "message",
                "keywords": ["slots", "book", "waitlist", "consult"],
            },
            {
                "name": "healing_question",
                "label": "aftercare",
                "kind": "keyword",
                "column": "message",
                "keywords": ["peeling", "second skin", "swimming", "moisturiser"],
            },
            {
                "name": "unhappy",
                "label": "complaint",
                "kind": "keyword",
                "column": "message",
                "keywords": ["not happy", "waited", "taken twice", "blown out"],
            },
        ],
        "rules/ad_screening.json": [
            {
                "name": "weapons",
                "label": "reject",
                "kind": "keyword",
                "column": "ad_copy",
                "keywords": ["air rifle", "pellets", "copies"],
            },
            {
                "name": "no_dss",
                "label": "reject",
                "kind": "regex",
                "column": "ad_copy",
                "pattern": "no (dss|foreigners)|under 25 only|female wanted",
                "ignore_case": True,
            },
            {
                "name": "fee_scam",
                "label": "reject",
                "kind": "keyword",
                "column": "ad_copy",
                "keywords": ["registration fee", "earn"],
            },
            {
                "name": "shouting",
                "label": "amend",
                "kind": "regex",
                "column": "ad_copy",
                "pattern": "!!!",
            },
            {
                "name": "no_phone",
                "label": "amend",
                "kind": "not",
                "condition": {
                    "kind": "regex",
                    "column": "ad_copy",
                    "pattern": "Tel 01632|call 01632",
                },
            },
            {
                "name": "has_phone",
                "label": "accept",
                "kind": "regex",
                "column": "ad_copy",
                "pattern": "Tel 01632 \\d{6}",
            },
        ],
        "rules/brief_types.json": [
            {
                "name": "thermal_words",
                "label": "thermal",
                "kind": "keyword",
                "column": "brief_text",
                "keywords": ["thermal", "infrared", "hot spots", "heat loss"],
            },
            {
                "name": "volume_words",
                "label": "volumetrics",
                "kind": "keyword",
                "column": "brief_text",
                "keywords": ["stockpile", "volumes", "tonnes", "cut and fill"],
            },
            {
                "name": "map_words",
                "label": "orthomosaic",
                "kind": "keyword",
                "column": "brief_text",
                "keywords": ["aerial map", "orthophoto", "aerial image"],
            },
            {
                "name": "inspect_words",
                "label": "inspection",
                "kind": "keyword",
                "column": "brief_text",
                "keywords": ["inspection", "cracks", "closeup", "blades"],
            },
        ],
    }


DOCS = {
    "studio/aftercare_guide.md": """
# Black Lotus Tattoo: aftercare guide

## The first 48 hours
Second skin is a clear adhesive film that protects the fresh tattoo. Keep the second skin on for
three to five days unless fluid builds up under it. If the film lifts at the edges, trim the loose
part with clean scissors rather than peeling the whole piece off.

## Washing
Wash the tattoo twice a day with lukewarm water and an unscented soap. Pat it dry with kitchen
roll, because bath towels carry bacteria. A thin layer of balm is applied after washing; too much
balm suffocates the skin and slows healing.

## Peeling and itching
Peeling starts around day four and lasts about a week. Itching is normal while the skin peels.
If you scratch the scabs, ink can come out with them and the tattoo will need a touch up.

## Swimming and sun
Swimming pools, the sea and hot tubs are off limits for two weeks. Sunbeds fade fresh ink, so
keep the tattoo covered and use SPF 50 once it has healed.

## When to call us or a doctor
Redness that spreads, heat, swelling that gets worse after day three, pus or a fever are signs
of infection. If you have a fever or a red line spreading from the tattoo, see a doctor the
same day and then message the studio.
""",
    "studio/deposit_policy.md": """
# Deposits and cancellations

A deposit of 30 to 100 pounds secures every booking. The deposit comes off the final price of
the tattoo. Deposits are non-refundable when a client cancels with less than 72 hours notice.

If a client moves the appointment with more than 72 hours notice, the deposit is carried over
once. A second move forfeits the deposit. No-shows lose the deposit and must pay a new deposit
to rebook.

Design drawing time is covered by the deposit. Large custom pieces need a deposit of 100 pounds
because the artist draws for several hours before the session.

If the studio cancels, the deposit is always refunded in full within five working days.
""",
    "studio/faq.txt": """
Do you tattoo under 18s? No. UK law forbids tattooing anyone under 18, even with a parent's
consent, and we ask for photo ID at every first session.

How much does a tattoo cost? Our minimum charge is 80 pounds and the hourly rate is 110 pounds.
Full day sittings are charged at a day rate of 650 pounds.

Can I bring a friend? One guest is allowed in the studio, because the room is small.

How long does a tattoo take to heal? The surface heals in two to three weeks, while the deeper
skin takes around two months to settle.
""",
    "desk/style_guide.md": """
# Classified advertising style guide (Northern Echo Weekly)

## Layout
Every ad starts with the item or heading in capitals for the first word only. Prices are written
with the pound sign and no pence, for example £450. The abbreviation ono means or nearest offer.

## Contact details
Every private ad must carry a contact number or address. An ad without contact details is
returned to the advertiser for amendment. Mobile numbers are printed in groups of five and six
digits.

## Prohibited content
Ads for weapons, replica goods, fireworks or prescription drugs are refused. Ads that
discriminate by race, sex, age or benefit status are refused under the Equality Act. Job ads
must not state an age or sex unless a genuine occupational requirement applies.

## Animals
Puppies and kittens must be at least eight weeks old when sold. The advertiser's licence number
is required for breeders selling three or more litters a year.

## Shouting
Repeated exclamation marks and whole words in capitals are removed by the desk, because they
make the page hard to read.
""",
    "desk/rate_card.txt": """
Classified rate card 2026

A private lineage ad costs 35 pence per word per day, with a minimum charge of 4 pounds 50.
A photo adds 6 pounds per insertion. Trade advertisers pay 50 pence per word per day.

Runs of seven days get a 15 percent discount. Runs of twenty-eight days get a 30 percent
discount. Notices such as births, marriages and deaths are charged at a flat rate of 25 pounds.

Payment is due before the first insertion unless the advertiser holds a trade account. Trade
accounts are invoiced monthly and must pay within 30 days.
""",
    "reports/quarry_volumetrics_march.md": """
# Hanson Aggregates, Leyburn Quarry: stockpile volumetrics, March 2026

## Method
The survey was flown with the M300 RTK at 80 metres above ground, with 75 percent front overlap
and 70 percent side overlap. Eight ground control points were laid and measured with a GNSS rover.
The point cloud was processed in Pix4D and the stockpile bases were drawn by hand.

## Results
Stockpile A (20mm aggregate) holds 14,820 cubic metres. Stockpile B (dust) holds 3,410 cubic
metres. The total volume on site is 18,230 cubic metres, which is 6 percent less than February.

## Accuracy
The vertical error at the check points was 2.8 centimetres RMS. Volumes are reported to within
plus or minus 3 percent because the stockpile toes are hard to see under the conveyor.

## Recommendations
A repeat survey is recommended in April. If the crusher moves, new ground control points are needed.
""",
    "reports/solar_thermal_inspection.md": """
# Sunfield Energy, Marsh Lane solar farm: thermal inspection

## Conditions
The inspection was flown with the M30T at midday, when irradiance was above 700 watts per square
metre. Wind was light and the panels were dry.

## Findings
Forty-one hot spots were found on 12 strings. A hot spot is a cell that runs at least 10 degrees
hotter than its neighbours. Three strings were completely dead because of a failed combiner fuse.
Bird droppings caused nine of the hot spots.

## Actions
The dead strings should be repaired first, because they lose around 2 percent of the farm's
output. Panels with hot spots above 20 degrees are a fire risk and should be replaced within a month.
""",
    "reports/river_erosion_survey.md": """
# County Highways: River Ure bank erosion survey

The riverbank was surveyed twice, in October and again in February, to measure erosion after the
winter floods. The Phantom 4 RTK flew at 60 metres along a 2.4 kilometre stretch of the bank.

Between the two surveys the bank retreated by up to 1.9 metres at the outside of the meander.
The footpath is now 0.6 metres from the bank edge at its closest point. Erosion is fastest
where the willow roots were cleared in 2024.

The survey recommends closing the footpath section near the meander and installing rock armour
before next winter.
""",
    "ops/flight_ops_manual.md": """
# Flight operations manual (extract)

## Weather limits
Flights are not started when the mean wind is above 38 km/h or gusts are above 45 km/h. Rain
stops all flights because the cameras are not sealed. Batteries lose capacity below 5 degrees,
so packs are warmed to 20 degrees before take-off in winter.

## Batteries
A battery pack is retired when its capacity falls below 84 percent or the spread between cells is
above 40 millivolts. Packs are stored at 50 to 60 percent charge. Swollen packs are quarantined in
the fire safe and never flown.

## GNSS
RTK missions need at least 12 satellites and a fixed solution. If the fix is lost for more than
30 seconds, the pilot lands and the affected lines are reflown.

## Reflights
A reflight is booked when image overlap falls below 65 percent, when more than 5 percent of frames
are blurred, or when the client's accuracy target is missed at the check points.
""",
}


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    # tattoo studio
    write_csv(bookings(rng, 600, "2025-01-06", True), out / "bookings_2025.csv")
    write_csv(bookings(rng, 200, "2026-01-05", True), out / "bookings_jan_mar26.csv")
    write_csv(bookings(rng, 80, "2026-12-07", False), out / "bookings_upcoming.csv")
    follow, follow_gold = aftercare(rng, 480)
    write_csv(follow, out / "aftercare_followups.csv")
    write_csv(follow_gold, out / "aftercare_checked.csv")
    write_csv(messages(rng, 420), out / "client_messages.csv")
    write_csv(deposits(rng, 300), out / "deposits.csv")
    # classifieds desk
    queue, queue_gold = ad_queue(rng, 720)
    write_csv(queue, out / "ad_submissions.csv")
    write_csv(queue_gold, out / "ads_handchecked.csv")
    write_csv(rejected_ads(rng, 260), out / "rejected_ads.csv")
    write_csv(classifieds(rng, 800, "2025-01-02", True, 30000), out / "classifieds_2025.csv")
    write_csv(classifieds(rng, 240, "2026-01-05", True, 40000), out / "classifieds_2026.csv")
    write_csv(classifieds(rng, 60, "2026-11-30", False, 50000), out / "classifieds_this_week.csv")
    write_csv(ad_payments(rng, 400), out / "ad_payments.csv")
    # drone survey firm
    write_csv(flights(rng, 520, "2025-01-10", True, 25000), out / "flight_logs_2025.csv")
    write_csv(flights(rng, 160, "2026-01-08", True, 26000), out / "flight_logs_2026.csv")
    write_csv(flights(rng, 40, "2026-12-07", False, 26900), out / "flights_next_week.csv")
    write_csv(batteries(rng, 600), out / "battery_readings.csv")
    brief, brief_gold = briefs(rng, 240)
    write_csv(brief, out / "client_briefs.csv")
    write_csv(brief_gold, out / "briefs_tagged.csv")
    for name, lfs in rules().items():
        write_text(json.dumps(lfs, indent=2), out / name)
    for name, text in DOCS.items():
        write_text(text, out / name)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
