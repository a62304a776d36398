"""Write the fresh47 corpus's files into DIR: a hotel, a science museum, a council roads team.

Run: python make_data.py DIR   (deterministic, offline, numpy + pandas only)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 4747


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def yn(flag: bool) -> str:
    return "yes" if flag else "no"


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def write_json(obj: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2) + "\n", encoding="utf-8")


# ----- hotel: guest feedback ------------------------------------------------------------------
FEEDBACK_TEXT = {
    "cleanliness": [
        "hair in the shower and the bathroom floor was sticky",
        "found dust under the bed and the bin had not been emptied",
        "towels smelled damp and there was a stain on the pillowcase",
        "room was not cleaned on day two even though we asked",
        "the carpet looked dirty and the mirror was smeared",
        "mould around the bath sealant, not acceptable",
    ],
    "noise": [
        "could hear the lift all night from our room",
        "wedding party in the bar kept us awake until 2am",
        "very thin walls, the people next door were loud",
        "street noise and a rattling window, hardly slept",
        "the air conditioning unit was banging all night",
        "housekeeping trolleys in the corridor woke us at 7",
    ],
    "staff": [
        "the receptionist was rude when we checked in late",
        "night porter was brilliant and helped with our bags",
        "staff at the front desk were friendly and quick",
        "nobody answered the phone at reception for ages",
        "concierge booked us a great restaurant, very helpful",
        "the duty manager ignored our complaint",
    ],
    "billing": [
        "we were charged twice for the minibar",
        "the final bill had a parking charge we never used",
        "deposit still not refunded after two weeks",
        "room rate on the invoice did not match the booking",
        "card was pre-authorised for far too much",
        "city tax was added without any explanation",
    ],
    "breakfast": [
        "breakfast ran out of eggs by 9 o'clock",
        "cold toast and the coffee machine was broken",
        "lovely breakfast buffet with lots of choice",
        "queue for breakfast tables was 20 minutes",
        "no gluten free options at breakfast",
        "fresh pastries every morning, great start to the day",
    ],
}
OPENERS = ["", "Overall ok but ", "Stayed 3 nights. ", "Business trip - ", "Our anniversary. ", ""]
CLOSERS = ["", " Would come back.", " Please sort this out.", " Not impressed.", " Thanks!", ""]


def guest_feedback(rng: np.random.Generator, out: Path) -> None:
    topics = list(FEEDBACK_TEXT)
    rows = []
    for i in range(640):
        topic = topics[int(rng.choice(5, p=[0.3, 0.2, 0.2, 0.15, 0.15]))]
        text = pick(rng, OPENERS) + pick(rng, FEEDBACK_TEXT[topic]) + pick(rng, CLOSERS)
        if rng.random() < 0.25:
            other = pick(rng, topics)
            text += " Also " + pick(rng, FEEDBACK_TEXT[other]) + "."
        bad = topic in ("cleanliness", "noise", "billing") or "rude" in text or "ignored" in text
        rating = int(np.clip(rng.normal(2.2 if bad else 4.0, 0.9), 1, 5).round())
        rows.append(
            {
                "feedback_id": f"GF-{10001 + i}",
                "stay_month": f"2024-{int(rng.integers(1, 13)):02d}",
                "room_type": pick(rng, ["standard double", "twin", "superior king", "suite"]),
                "channel": pick(
                    rng, ["email survey", "in-room tablet", "comment card", "review site"]
                ),
                "nights": int(rng.integers(1, 8)),
                "rating": rating,
                "comment": text,
                "topic": topic if rng.random() < 0.2 else "",
                "follow_up_needed": yn(rating <= 2 or rng.random() < 0.05),
                "_topic": topic,
            }
        )
    frame = pd.DataFrame(rows)
    gold_idx = rng.choice(len(frame), size=130, replace=False)
    gold = frame.iloc[np.sort(gold_idx)][["feedback_id", "_topic"]].rename(
        columns={"_topic": "topic"}
    )
    write_csv(gold, out / "feedback_gold.csv")
    write_csv(frame.drop(columns=["_topic"]), out / "guest_feedback.csv")
    rules = [
        {
            "name": "dirty_words",
            "label": "cleanliness",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["dirty", "dust", "stain", "mould", "hair", "sticky", "smeared"],
        },
        {
            "name": "not_cleaned",
            "label": "cleanliness",
            "kind": "regex",
            "column": "comment",
            "pattern": r"not (been )?(cleaned|emptied)",
            "ignore_case": True,
        },
        {
            "name": "loud",
            "label": "noise",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["noise", "loud", "awake", "banging", "hardly slept", "thin walls"],
        },
        {
            "name": "front_desk",
            "label": "staff",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["receptionist", "porter", "concierge", "front desk", "duty manager"],
        },
        {
            "name": "money",
            "label": "billing",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["charged", "bill", "invoice", "refunded", "deposit", "tax"],
        },
        {
            "name": "brekkie",
            "label": "breakfast",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["breakfast", "toast", "coffee", "pastries", "eggs"],
        },
    ]
    write_json(rules, out / "feedback_rules.json")


# ----- hotel: room inspections -----------------------------------------------------------------
NOTES_PASS = [
    "all good, bed made to standard",
    "bathroom spotless, amenities restocked",
    "quick turnaround, no issues",
    "minor crease on duvet, fixed on the spot",
    "checked minibar and kettle, fine",
]
NOTES_FAIL = [
    "hair on bathroom floor, sent back",
    "bin not emptied and glasses unwashed",
    "dust on headboard and TV unit",
    "towels missing, bed sheet stained",
    "toilet not cleaned properly, reclean",
    "balcony door left open, leaves on carpet",
]


def room_inspections(rng: np.random.Generator, out: Path) -> None:
    rows = []
    for i in range(520):
        room = int(rng.integers(1, 7)) * 100 + int(rng.integers(1, 31))
        kind = pick(rng, ["checkout", "stayover"])
        minutes = float(np.round(rng.normal(32 if kind == "checkout" else 18, 7), 1))
        rookie = rng.random() < 0.25
        fail = rng.random() < (0.12 + 0.25 * rookie + (0.15 if minutes < 15 else 0))
        rows.append(
            {
                "inspection_id": 5001 + i,
                "room_no": room,
                "floor": room // 100,
                "room_type": pick(rng, ["standard double", "twin", "superior king", "suite"]),
                "clean_type": kind,
                "attendant": f"RA{int(rng.integers(1, 19)):02d}",
                "months_in_job": int(rng.integers(0, 4)) if rookie else int(rng.integers(4, 80)),
                "minutes_to_clean": max(minutes, 4.0),
                "items_restocked": int(rng.integers(0, 12)),
                "inspector_note": pick(rng, NOTES_FAIL if fail else NOTES_PASS),
                "inspection_result": ("fail" if fail else "pass") if rng.random() < 0.35 else "",
                "guest_complaint": yn(fail and rng.random() < 0.4),
            }
        )
    write_csv(pd.DataFrame(rows), out / "room_inspections.csv")


# ----- hotel: bookings ---------------------------------------------------------------------------
def bookings(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    lead = rng.gamma(1.6, 35, n).round().astype(int)
    plan = rng.choice(["flexible", "non-refundable", "B&B", "corporate", "package"], n)
    channel = rng.choice(
        ["direct web", "OTA", "phone", "travel agent", "walk-in"], n, p=[0.35, 0.4, 0.1, 0.1, 0.05]
    )
    prev = rng.poisson(0.25, n)
    requests = rng.poisson(0.8, n)
    loyalty = rng.random(n) < 0.3
    z = (
        0.012 * lead
        - 1.6
        + 0.9 * (channel == "OTA")
        - 1.5 * (plan == "non-refundable")
        + 0.7 * prev
        - 0.35 * requests
        - 0.6 * loyalty
        + rng.normal(0, 0.8, n)
    )
    cancelled = rng.random(n) < 1 / (1 + np.exp(-z))
    u = -2.2 + 1.4 * loyalty + 0.3 * requests + rng.normal(0, 0.7, n)
    upgraded = (rng.random(n) < 1 / (1 + np.exp(-u))) & ~cancelled
    return pd.DataFrame(
        {
            "booking_ref": [f"BK{start + i:06d}" for i in range(n)],
            "lead_time_days": lead,
            "nights": rng.integers(1, 9, n),
            "adults": rng.integers(1, 4, n),
            "children": rng.poisson(0.3, n),
            "rate_plan": plan,
            "booking_channel": channel,
            "room_type": rng.choice(["standard double", "twin", "superior king", "suite"], n),
            "arrival_day": rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], n),
            "previous_cancellations": prev,
            "special_requests": requests,
            "loyalty_member": np.where(loyalty, "yes", "no"),
            "deposit_paid": np.where(
                (plan == "non-refundable") | (rng.random(n) < 0.2), "yes", "no"
            ),
            "cancelled": np.where(cancelled, "yes", "no"),
            "upgraded": np.where(upgraded, "yes", "no"),
        }
    )


def hotel_bookings(rng: np.random.Generator, out: Path) -> None:
    write_csv(bookings(rng, 900, 1), out / "bookings_train.csv")
    write_csv(bookings(rng, 300, 901), out / "bookings_test.csv")
    upcoming = bookings(rng, 160, 1201).drop(columns=["cancelled", "upgraded"])
    write_csv(upcoming, out / "bookings_next_month.csv")


# ----- hotel: night audit (odd rows) -------------------------------------------------------------
def night_audit(rng: np.random.Generator, out: Path) -> None:
    n = 420
    nights = rng.integers(1, 6, n)
    rate = rng.choice([89.0, 109.0, 129.0, 189.0], n)
    room = nights * rate
    minibar = np.where(rng.random(n) < 0.3, rng.gamma(2, 9, n), 0).round(2)
    food = np.where(rng.random(n) < 0.5, rng.gamma(2, 22, n), 0).round(2)
    laundry = np.where(rng.random(n) < 0.08, rng.gamma(2, 7, n), 0).round(2)
    discount = np.where(rng.random(n) < 0.15, (room * 0.1).round(2), 0)
    frame = pd.DataFrame(
        {
            "folio_no": [f"F{70001 + i}" for i in range(n)],
            "room_no": rng.integers(1, 7, n) * 100 + rng.integers(1, 31, n),
            "nights": nights,
            "room_rate": rate,
            "room_charges": room,
            "minibar": minibar,
            "restaurant_bar": food,
            "laundry": laundry,
            "discount": discount,
            "payment": rng.choice(
                ["card", "cash", "invoice", "voucher"], n, p=[0.7, 0.1, 0.15, 0.05]
            ),
            "clerk": rng.choice(["AB", "CK", "DM", "JP", "SL"], n),
        }
    )
    frame["total_charged"] = (room + minibar + food + laundry - discount).round(2)
    odd = rng.choice(n, size=9, replace=False)
    frame.loc[odd[0], "minibar"] = 940.0
    frame.loc[odd[1], "discount"] = 380.0
    frame.loc[odd[2], "total_charged"] = 4.5
    frame.loc[odd[3], "room_rate"] = 1290.0
    frame.loc[odd[4], "nights"] = 41
    frame.loc[odd[5], "laundry"] = 610.0
    frame.loc[odd[6], "payment"] = "voucher"
    frame.loc[odd[6], "total_charged"] = 2875.0
    frame.loc[odd[7], "restaurant_bar"] = 1520.0
    frame.loc[odd[8], "room_charges"] = 0.0
    frame["total_charged"] = frame["total_charged"].round(2)
    write_csv(frame, out / "night_audit.csv")


HOTEL_DOCS = {
    "docs/housekeeping_standards.md": """
# Housekeeping standards

## Checkout cleans
A checkout clean is a full clean of a room after the guest has left. A checkout clean should
take between 25 and 35 minutes for a standard double. Every checkout clean includes fresh bed
linen, fresh towels, a full bathroom clean and a restock of tea, coffee and toiletries.

## Stayover cleans
A stayover clean is a lighter service while the guest is still staying. Towels are changed only
when the guest leaves them on the floor, because the hotel follows a green towel policy. Bed
linen is changed every third night of a stay.

## Inspections
The floor supervisor inspects at least one in five rooms each shift. If a room fails inspection,
the attendant must reclean it before it is released to the front desk. A room that fails twice in
one week is reported to the executive housekeeper.

## Lost property
Lost property is bagged, labelled with the room number and the date, and logged in the lost
property book. Items are kept for 90 days. Valuables such as passports and jewellery go straight
to the front office safe.
""",
    "docs/front_desk_procedures.md": """
# Front desk procedures

## Check-in
Check-in starts at 3pm. Early check-in is free when the room is ready, otherwise the guest may
leave luggage with the porter. The receptionist must take a card pre-authorisation of one night's
rate plus 50 pounds for incidentals.

## Late arrivals
A guaranteed booking is held until 8am on the day after arrival. A non-guaranteed booking is
released at 6pm if the guest has not called.

## No-shows
A no-show is a guaranteed booking where the guest does not arrive and does not cancel. No-shows
are charged one night, unless the rate plan is non-refundable, in which case the full stay is
charged.

## Complaints
When a guest complains at the desk, the receptionist apologises, logs the complaint in the
system and informs the duty manager. The duty manager may offer a drink voucher, a late checkout
or up to 20 percent off one night. Refunds above that need the general manager's approval.

## Night audit
The night auditor balances every open folio after midnight. Any folio where the total charged
does not match the posted charges is flagged for the accounts team the next morning.
""",
}


# ----- museum: visits ----------------------------------------------------------------------------
def museum_visits(rng: np.random.Generator, out: Path) -> None:
    n = 820
    ticket = rng.choice(
        ["adult", "child", "family", "school", "member", "concession"],
        n,
        p=[0.25, 0.1, 0.25, 0.15, 0.15, 0.1],
    )
    party = np.where(
        ticket == "family",
        rng.integers(3, 7, n),
        np.where(ticket == "school", rng.integers(15, 36, n), rng.integers(1, 3, n)),
    )
    minutes = rng.normal(140, 40, n).clip(30, 330).round()
    planet = rng.random(n) < 0.35
    cafe = np.where(rng.random(n) < 0.55, rng.gamma(2, 4, n) * np.sqrt(party), 0).round(2)
    shop = np.where(rng.random(n) < 0.3, rng.gamma(2, 6, n), 0).round(2)
    z = -1.2 + 1.6 * (ticket == "member") + 0.004 * (minutes - 140) + 0.5 * planet
    back = rng.random(n) < 1 / (1 + np.exp(-z))
    days = pd.date_range("2024-01-02", periods=365, freq="D")
    dates = days[rng.integers(0, 365, n)]
    frame = pd.DataFrame(
        {
            "visit_id": [f"V{240001 + i}" for i in range(n)],
            "visit_date": dates.strftime("%Y-%m-%d"),
            "day_of_week": dates.strftime("%a"),
            "ticket_type": ticket,
            "party_size": party,
            "minutes_on_site": minutes,
            "galleries_visited": rng.integers(1, 9, n),
            "planetarium_show": np.where(planet, "yes", "no"),
            "cafe_spend": cafe,
            "shop_spend": shop,
            "came_back_within_90_days": np.where(back, "yes", "no"),
        }
    )
    odd = rng.choice(n, size=8, replace=False)
    frame.loc[odd[0], "minutes_on_site"] = 1440
    frame.loc[odd[1], "party_size"] = 240
    frame.loc[odd[2], "cafe_spend"] = 875.0
    frame.loc[odd[3], "shop_spend"] = 1999.0
    frame.loc[odd[4], "galleries_visited"] = 0
    frame.loc[odd[4], "minutes_on_site"] = 2
    frame.loc[odd[5], "ticket_type"] = "school"
    frame.loc[odd[5], "party_size"] = 1
    frame.loc[odd[6], "minutes_on_site"] = 3
    frame.loc[odd[6], "planetarium_show"] = "yes"
    frame.loc[odd[7], "ticket_type"] = "child"
    frame.loc[odd[7], "party_size"] = 60
    write_csv(frame, out / "visits_2024.csv")


# ----- museum: memberships -----------------------------------------------------------------------
def members(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    tier = rng.choice(["individual", "joint", "family", "patron"], n, p=[0.35, 0.2, 0.38, 0.07])
    years = rng.integers(1, 16, n)
    visits = rng.poisson(3.2, n)
    events = rng.poisson(0.9, n)
    opens = rng.integers(0, 13, n)
    distance = rng.gamma(2, 6, n).round(1)
    paid = rng.choice(["direct debit", "card", "gift"], n, p=[0.5, 0.4, 0.1])
    z = (
        -0.4
        + 0.35 * visits
        + 0.4 * events
        + 0.08 * years
        + 0.12 * opens
        - 0.05 * distance
        + 1.0 * (paid == "direct debit")
        - 1.4 * (paid == "gift")
        + rng.normal(0, 0.8, n)
    )
    renewed = rng.random(n) < 1 / (1 + np.exp(-z))
    u = -3 + 0.5 * events + 0.9 * (tier == "joint") + rng.normal(0, 0.6, n)
    upgraded = (rng.random(n) < 1 / (1 + np.exp(-u))) & renewed
    return pd.DataFrame(
        {
            "member_no": [f"M{start + i:05d}" for i in range(n)],
            "tier": tier,
            "years_as_member": years,
            "visits_last_12m": visits,
            "events_booked": events,
            "household_size": np.where(
                tier == "family", rng.integers(3, 7, n), np.where(tier == "joint", 2, 1)
            ),
            "distance_miles": distance,
            "newsletter_opens": opens,
            "donated_last_year": np.where(rng.random(n) < 0.2, "yes", "no"),
            "payment_method": paid,
            "renewed": np.where(renewed, "yes", "no"),
            "upgraded_tier": np.where(upgraded, "yes", "no"),
        }
    )


def memberships(rng: np.random.Generator, out: Path) -> None:
    write_csv(members(rng, 720, 1), out / "memberships_train.csv")
    write_csv(members(rng, 260, 721), out / "memberships_test.csv")
    due = members(rng, 130, 981).drop(columns=["renewed", "upgraded_tier"])
    write_csv(due, out / "renewals_due_march.csv")


# ----- museum: visitor comments ------------------------------------------------------------------
COMMENTS = {
    "positive": [
        "the kids loved the dinosaur hall and the robot workshop",
        "fantastic planetarium show, we learned so much",
        "staff explainers were brilliant with our children",
        "amazing hands-on exhibits, best day out this year",
        "really enjoyed the space gallery, will come again",
        "great value with the family ticket",
    ],
    "negative": [
        "half the interactive screens were broken",
        "far too crowded, could not get near the exhibits",
        "cafe prices are a rip off and the queue was awful",
        "toilets were dirty and the baby change was out of order",
        "rude staff at the ticket desk, very disappointing",
        "too expensive for what you get, boring for teenagers",
    ],
    "mixed": [
        "good exhibits but the cafe was overpriced",
        "loved the planetarium though the queue was long",
        "nice staff, shame the lift was broken",
        "interesting galleries, however it was very busy",
        "fun for little ones but not much for adults",
        "the new gallery is great but signage is confusing",
    ],
}
ABOUT = {
    "dinosaur": "exhibits",
    "planetarium": "exhibits",
    "exhibits": "exhibits",
    "gallery": "exhibits",
    "galleries": "exhibits",
    "screens": "exhibits",
    "cafe": "facilities",
    "toilets": "facilities",
    "lift": "facilities",
    "signage": "facilities",
    "staff": "staff",
    "explainers": "staff",
    "crowded": "crowds",
    "busy": "crowds",
    "queue": "crowds",
    "expensive": "prices",
    "value": "prices",
    "overpriced": "prices",
}


def visitor_comments(rng: np.random.Generator, out: Path) -> None:
    kinds = list(COMMENTS)
    rows = []
    for i in range(820):
        kind = kinds[int(rng.choice(3, p=[0.5, 0.3, 0.2]))]
        text = pick(rng, COMMENTS[kind])
        if rng.random() < 0.3:
            text = text[0].upper() + text[1:] + pick(rng, ["!", ".", "!!", " :)", ""])
        about = next((v for k, v in ABOUT.items() if k in text.lower()), "exhibits")
        rows.append(
            {
                "comment_id": 30001 + i,
                "left_on": f"2024-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}",
                "where_left": pick(
                    rng, ["feedback kiosk", "online survey", "visitor book", "email"]
                ),
                "gallery": pick(rng, ["Space", "Dinosaurs", "Robots", "Human Body", "Energy"]),
                "comment": text,
                "sentiment": kind if rng.random() < 0.15 else "",
                "about": about if rng.random() < 0.1 else "",
                "_kind": kind,
            }
        )
    frame = pd.DataFrame(rows)
    test = frame.iloc[700:].drop(columns=["sentiment", "about"])
    test = test.rename(columns={"_kind": "sentiment"})
    write_csv(test, out / "comments_test.csv")
    frame = frame.iloc[:700]
    idx = np.sort(rng.choice(len(frame), size=150, replace=False))
    gold = frame.iloc[idx][["comment_id", "_kind"]].rename(columns={"_kind": "sentiment"})
    write_csv(gold, out / "comments_hand_labels.csv")
    write_csv(frame.drop(columns=["_kind"]), out / "visitor_comments.csv")
    rules = [
        {
            "name": "praise",
            "label": "positive",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["loved", "fantastic", "brilliant", "amazing", "great value", "enjoyed"],
        },
        {
            "name": "moan",
            "label": "negative",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["broken", "rip off", "awful", "dirty", "rude", "boring", "disappointing"],
        },
        {
            "name": "but_however",
            "label": "mixed",
            "kind": "regex",
            "column": "comment",
            "pattern": r"\b(but|however|though|shame)\b",
            "ignore_case": True,
        },
    ]
    write_json(rules, out / "comment_rules.json")


MUSEUM_DOCS = {
    "docs/space_gallery_guide.md": """
# Space Gallery: explainer guide

## The Moon rock
The Moon rock on display was collected during the Apollo 15 mission in 1971. It is on loan from
a national space agency and is kept in a nitrogen-filled case. Visitors may touch the replica
beside the case but never the real sample.

## The planetarium
The planetarium seats 120 people. Shows run every 45 minutes from 10:30 until 15:45. A show lasts
about 30 minutes. Children under three go free but must sit on a lap. Latecomers are not admitted
once the dome lights are down, because opening the doors spoils the projection.

## The rocket engine
The rocket engine is a real test engine donated in 1998. It weighs about two tonnes. The engine is
mounted on a steel frame that is bolted to the floor, so explainers should stop children climbing
the barrier.

## Talking to schools
When a school group arrives, the explainer introduces the gallery in under five minutes. Key stage
two groups get the Moon phases demonstration. Key stage three groups get the rocket equation
demonstration.
""",
    "docs/membership_faq.md": """
# Membership FAQ

## What does membership include?
Membership includes unlimited general admission for a year, 10 percent off in the shop and cafe,
and priority booking for planetarium shows and late events.

## Which tiers are there?
There are four tiers. Individual membership covers one adult. Joint membership covers two adults
at the same address. Family membership covers two adults and up to four children. Patron
membership adds two guest passes per visit and invitations to exhibition previews.

## How does renewal work?
Members paying by direct debit renew automatically each year. Members paying by card receive a
renewal reminder 30 days before expiry. Gift memberships do not renew automatically, so the
recipient must renew in person or online.

## Can I get a refund?
A refund is possible within 14 days of joining if the card has not been used. After that,
membership is non-refundable but can be transferred to another person at the same address.
""",
    "docs/school_visits_info.txt": """
School visits

School groups must book at least three weeks in advance. One adult is required for every six
pupils in key stage one and for every ten pupils in key stage two or above. Adults accompanying
a school group go free.

Lunch can be eaten in the picnic room, which holds 90 pupils at a time. Groups are given a
30 minute lunch slot when they book. Bags and coats are left on the trolleys at the group
entrance.

If a pupil gets lost, staff take them to the information desk and page the group leader. A
group that cancels with less than seven days notice is charged half of the booking fee.
""",
}


# ----- roads: pothole reports --------------------------------------------------------------------
REPORT_TEXT = {
    "P1": [
        "huge hole right in the wheel track, car tyre burst this morning",
        "deep pothole on the bend, cyclists swerving into traffic",
        "hole about 8 inches deep by the school crossing, dangerous",
        "collapsed road surface near bus stop, cones needed urgently",
        "manhole cover sunk and rocking, vehicles hitting it hard",
    ],
    "P2": [
        "pothole growing quickly after the rain, about 2 inches deep",
        "several holes along the kerb line, getting worse",
        "broken edge of the road, verge crumbling into the lane",
        "pothole on the approach to the roundabout",
        "crater in the middle of the lane, cars driving round it",
    ],
    "P3": [
        "small pothole outside number 12",
        "cracks in the surface spreading across the road",
        "shallow dip in the tarmac by the junction",
        "patch from last year breaking up a bit",
        "worn surface with loose chippings",
    ],
}


def pothole_reports(rng: np.random.Generator, out: Path) -> None:
    rows = []
    for i in range(970):
        pri = ["P1", "P2", "P3"][int(rng.choice(3, p=[0.2, 0.35, 0.45]))]
        depth = {"P1": rng.normal(70, 20), "P2": rng.normal(45, 12), "P3": rng.normal(25, 10)}[pri]
        text = pick(rng, REPORT_TEXT[pri])
        if rng.random() < 0.2:
            text = text.upper() if rng.random() < 0.3 else text + " - reported before, nothing done"
        rows.append(
            {
                "report_id": f"PH-24-{i + 1:04d}",
                "date_reported": f"2024-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}",
                "ward": pick(
                    rng,
                    ["Northgate", "Riverside", "Hillcrest", "Old Town", "Meadowbank", "Eastfield"],
                ),
                "road_class": pick(rng, ["A road", "B road", "C road", "unclassified", "footway"]),
                "reported_via": pick(rng, ["app", "phone", "inspector", "email", "councillor"]),
                "description": text,
                "depth_mm": int(max(depth, 5)),
                "width_mm": int(max(rng.normal(350 if pri != "P3" else 200, 120), 50)),
                "bus_route": yn(rng.random() < 0.3),
                "near_school": yn(rng.random() < (0.35 if pri == "P1" else 0.15)),
                "priority": pri if rng.random() < 0.2 else "",
                "_pri": pri,
            }
        )
    frame = pd.DataFrame(rows)
    checked = frame.iloc[820:].drop(columns=["priority"]).rename(columns={"_pri": "priority"})
    write_csv(checked, out / "potholes_inspected.csv")
    frame = frame.iloc[:820]
    idx = np.sort(rng.choice(len(frame), size=140, replace=False))
    gold = frame.iloc[idx][["report_id", "_pri"]].rename(columns={"_pri": "priority"})
    write_csv(gold, out / "priority_gold.csv")
    write_csv(frame.drop(columns=["_pri"]), out / "pothole_reports.csv")
    rules = [
        {
            "name": "deep_hole",
            "label": "P1",
            "kind": "threshold",
            "column": "depth_mm",
            "op": ">=",
            "value": 60,
        },
        {
            "name": "danger_words",
            "label": "P1",
            "kind": "keyword",
            "column": "description",
            "keywords": ["dangerous", "urgently", "burst", "collapsed", "swerving"],
        },
        {
            "name": "medium_depth",
            "label": "P2",
            "kind": "threshold",
            "column": "depth_mm",
            "op": "between",
            "value": 35,
            "high": 59,
        },
        {
            "name": "getting_worse",
            "label": "P2",
            "kind": "keyword",
            "column": "description",
            "keywords": ["growing", "getting worse", "crater", "roundabout"],
        },
        {
            "name": "shallow",
            "label": "P3",
            "kind": "threshold",
            "column": "depth_mm",
            "op": "<",
            "value": 30,
        },
        {
            "name": "cosmetic",
            "label": "P3",
            "kind": "keyword",
            "column": "description",
            "keywords": ["small", "cracks", "shallow", "worn", "chippings"],
        },
    ]
    write_json(rules, out / "pothole_rules.json")


# ----- roads: repairs ----------------------------------------------------------------------------
def repairs(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    method = rng.choice(
        ["temporary patch", "permanent patch", "spray injection", "hot box", "inlay"],
        n,
        p=[0.3, 0.3, 0.15, 0.15, 0.1],
    )
    depth = rng.gamma(3, 15, n).round()
    area = rng.gamma(2, 0.8, n).round(2)
    temp = rng.normal(9, 6, n).round(1)
    wet = rng.random(n) < 0.35
    z = (
        -1.5
        + 1.8 * (method == "temporary patch")
        + 0.6 * (method == "spray injection")
        - 1.0 * (method == "inlay")
        + 0.9 * wet
        - 0.05 * temp
        + 0.01 * depth
        + rng.normal(0, 0.7, n)
    )
    failed = rng.random(n) < 1 / (1 + np.exp(-z))
    o = -2 + 0.5 * area + 0.8 * (method == "inlay") + rng.normal(0, 0.6, n)
    over = rng.random(n) < 1 / (1 + np.exp(-o))
    return pd.DataFrame(
        {
            "job_no": [f"RJ{start + i:05d}" for i in range(n)],
            "road_class": rng.choice(["A road", "B road", "C road", "unclassified"], n),
            "defect": rng.choice(
                ["pothole", "edge break", "sunken cover", "surface crack"],
                n,
                p=[0.6, 0.15, 0.1, 0.15],
            ),
            "depth_mm": depth,
            "area_m2": area,
            "surface": rng.choice(
                ["asphalt", "concrete", "surface dressing", "block paving"],
                n,
                p=[0.7, 0.1, 0.15, 0.05],
            ),
            "repair_method": method,
            "air_temp_c": temp,
            "wet_at_repair": np.where(wet, "Y", "N"),
            "gang": rng.choice(["G1", "G2", "G3", "G4", "contractor"], n),
            "traffic_management": rng.choice(["none", "signs", "stop/go", "lights", "closure"], n),
            "days_to_repair": rng.integers(0, 40, n),
            "failed_within_6_months": np.where(failed, "Y", "N"),
            "over_budget": np.where(over, "Y", "N"),
        }
    )


def road_repairs(rng: np.random.Generator, out: Path) -> None:
    write_csv(repairs(rng, 800, 1), out / "repairs_2023.csv")
    write_csv(repairs(rng, 260, 801), out / "repairs_2024_q1.csv")
    upcoming = repairs(rng, 150, 1061).drop(
        columns=["failed_within_6_months", "over_budget", "days_to_repair"]
    )
    write_csv(upcoming, out / "repairs_planned.csv")


def contractor_invoices(rng: np.random.Generator, out: Path) -> None:
    n = 360
    area = rng.gamma(2, 0.9, n).round(2)
    hours = (area * rng.normal(2.5, 0.4, n) + 1).round(1)
    tonnes = (area * 0.12 + rng.normal(0, 0.02, n)).clip(0.02).round(3)
    labour = (hours * 38.5).round(2)
    materials = (tonnes * 95).round(2)
    tm = rng.choice([0, 45, 180, 420], n, p=[0.4, 0.3, 0.2, 0.1]).astype(float)
    frame = pd.DataFrame(
        {
            "invoice_no": [f"INV-{9001 + i}" for i in range(n)],
            "job_no": [f"RJ{int(j):05d}" for j in rng.integers(1, 1061, n)],
            "contractor": rng.choice(["Tarmac Bros", "Kerbline Ltd", "RoadFix", "Hollis & Son"], n),
            "ward": rng.choice(
                ["Northgate", "Riverside", "Hillcrest", "Old Town", "Meadowbank", "Eastfield"], n
            ),
            "area_m2": area,
            "labour_hours": hours,
            "material_tonnes": tonnes,
            "labour_cost": labour,
            "materials_cost": materials,
            "traffic_mgmt_cost": tm,
        }
    )
    frame["invoice_total"] = (labour + materials + tm).round(2)
    odd = rng.choice(n, size=8, replace=False)
    frame.loc[odd[0], "labour_hours"] = 96.0
    frame.loc[odd[1], "materials_cost"] = 7450.0
    frame.loc[odd[2], "invoice_total"] = 18900.0
    frame.loc[odd[3], "area_m2"] = 0.01
    frame.loc[odd[3], "invoice_total"] = 3200.0
    frame.loc[odd[4], "material_tonnes"] = 12.5
    frame.loc[odd[5], "traffic_mgmt_cost"] = 6000.0
    frame.loc[odd[6], "labour_cost"] = 0.0
    frame.loc[odd[7], "area_m2"] = 64.0
    write_csv(frame, out / "contractor_invoices.csv")


ROAD_DOCS = {
    "docs/highway_inspection_policy.md": """
# Highway safety inspection policy

## Inspection frequency
A road is inspected on foot or from a slow-moving vehicle at a frequency set by its hierarchy.
Strategic A roads are inspected monthly. B roads and busy C roads are inspected every three
months. Unclassified residential roads are inspected every twelve months. Busy footways in town
centres are inspected monthly.

## Investigatory levels
A pothole on the carriageway becomes actionable when it is 40 mm deep or more and at least 300 mm
across. A trip hazard on a footway becomes actionable at 20 mm. Anything below these levels is
recorded and looked at again on the next inspection.

## Response categories
A category 1 defect is an immediate hazard and must be made safe within 24 hours. Making safe can
mean coning off the defect, a temporary patch or a road closure. A category 2 defect is repaired
within 28 days, or at the next programmed works if that is sooner. Category 2 defects near schools
or on bus routes are moved up to 7 days.

## Public reports
Reports from the public are checked by an inspector within two working days. The inspector sets
the category on site. A report that turns out to be below the investigatory level is closed with a
letter explaining why.
""",
    "docs/pothole_repair_methods.md": """
# Pothole repair methods

## Temporary patch
A temporary patch is cold-lay material pressed into the hole with a shovel and a hand rammer. It
is quick and cheap, and it is used to make a category 1 defect safe. A temporary patch usually
fails within six months, so it is followed by a permanent repair.

## Permanent patch
A permanent patch is cut square with a saw, the edges are sealed with bitumen emulsion and hot
material is laid and compacted in layers. A permanent patch should last at least five years when
it is laid in dry weather above 5 degrees.

## Spray injection
Spray injection blows out the hole with compressed air, sprays emulsion and then fills it with
coated chippings. It is fast and needs no excavation, which makes it good for clusters of small
potholes on rural roads.

## Hot box
A hot box keeps asphalt hot for a whole shift, so gangs can do permanent patches in winter. Hot box
repairs cost more per square metre because the vehicle is expensive to run.

## Inlay
An inlay replaces a whole section of the surface course, usually 40 mm deep, when the road has too
many defects to patch one by one. An inlay needs a road closure and is planned weeks ahead.
""",
}


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    guest_feedback(rng, out)
    room_inspections(rng, out)
    hotel_bookings(rng, out)
    night_audit(rng, out)
    museum_visits(rng, out)
    memberships(rng, out)
    visitor_comments(rng, out)
    pothole_reports(rng, out)
    road_repairs(rng, out)
    contractor_invoices(rng, out)
    for docs in (HOTEL_DOCS, MUSEUM_DOCS, ROAD_DOCS):
        for name, text in docs.items():
            write_text(text, out / name)


if __name__ == "__main__":
    main()
