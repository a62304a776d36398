"""Write the fresh32 corpus's files: a print shop, a campsite, a blood bank, a hardware store.

Run: python make_data.py DIR  (deterministic, offline, well under 3 MB)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 3232


def _pick(rng: np.random.Generator, items: list, p: list[float] | None = None):
    return items[int(rng.choice(len(items), p=p))]


def _blank_out(rng: np.random.Generator, values: list, keep: float) -> list:
    """Keep a share of the cells filled (a partly filled label column)."""
    return [v if rng.random() < keep else "" for v in values]


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def _write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def _write_json(obj, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- print shop


def print_shop(rng: np.random.Generator, out: Path) -> None:
    products = ["flyers", "business cards", "banners", "posters", "booklets", "stickers"]
    stocks = [
        "130gsm silk",
        "170gsm gloss",
        "350gsm matt",
        "400gsm uncoated",
        "vinyl",
        "80gsm bond",
    ]
    customers = [
        "Harbour Cafe",
        "Smith & Daughters",
        "Riverside Dental",
        "Kestrel Gym",
        "Oakfield School",
        "Mo's Barbers",
        "Green Fork Deli",
        "Lakeside Church",
        "Bright Spark Electrics",
        "Penny Lane Vintage",
        "Northgate Estates",
        "Bloom Florist",
        "City Judo Club",
    ]
    rows = []
    n = 620
    for i in range(n):
        product = _pick(rng, products, [0.3, 0.22, 0.1, 0.15, 0.13, 0.1])
        qty = int(rng.choice([50, 100, 250, 500, 1000, 2500, 5000]))
        colour = _pick(rng, ["cmyk", "black only"], [0.8, 0.2])
        sides = int(rng.choice([1, 2]))
        rush = _pick(rng, ["yes", "no"], [0.25, 0.75])
        coverage = round(float(np.clip(rng.normal(45, 20), 3, 100)), 1)
        artwork = _pick(
            rng, ["print ready", "needed fixes", "designed in house"], [0.55, 0.3, 0.15]
        )
        turnaround = int(max(1, rng.normal(2 if rush == "yes" else 5, 1.2)))
        machine = _pick(rng, ["Indigo", "Ricoh", "Roland wide", "Konica"])
        price = round(
            {
                "flyers": 0.06,
                "business cards": 0.05,
                "banners": 18.0,
                "posters": 1.2,
                "booklets": 2.4,
                "stickers": 0.15,
            }[product]
            * qty**0.85
            * (1.3 if rush == "yes" else 1)
            + rng.normal(10, 4),
            2,
        )
        risk = (
            0.9 * (artwork == "needed fixes") + 0.7 * (rush == "yes") + 0.02 * (coverage - 45) - 1.6
        )
        stock = _pick(rng, stocks)
        if stock == "vinyl":
            risk += 0.5
        reprint = "yes" if rng.random() < 1 / (1 + np.exp(-risk)) else "no"
        late_risk = (
            0.8 * (turnaround < 3) + 0.5 * (qty >= 2500) + 0.6 * (machine == "Roland wide") - 1.4
        )
        late = "late" if rng.random() < 1 / (1 + np.exp(-late_risk)) else "on time"
        rows.append(
            {
                "job_id": f"PJ-{24001 + i}",
                "customer": _pick(rng, customers),
                "product": product,
                "paper_stock": stock,
                "qty": qty,
                "colour": colour,
                "sides": sides,
                "rush": rush,
                "ink_coverage_pct": coverage,
                "artwork": artwork,
                "machine": machine,
                "turnaround_days": turnaround,
                "price_gbp": price,
                "reprint_needed": reprint,
                "delivered": late,
            }
        )
    jobs = pd.DataFrame(rows)
    _write_csv(jobs.iloc[:420], out / "print_jobs.csv")
    _write_csv(jobs.iloc[420:540], out / "print_jobs_test.csv")
    _write_csv(
        jobs.iloc[540:].drop(columns=["reprint_needed", "delivered"]), out / "print_jobs_new.csv"
    )

    quotes = []
    for i in range(380):
        product = _pick(rng, products)
        qty = int(rng.choice([100, 250, 500, 1000, 2500, 5000]))
        quoted = round(float(rng.uniform(40, 900)), 2)
        disc = int(rng.choice([0, 0, 5, 10, 15]))
        reply_h = round(float(rng.exponential(20)), 1)
        ctype = _pick(rng, ["new", "returning", "agency"], [0.4, 0.45, 0.15])
        how = _pick(rng, ["email", "phone", "walk in", "website form"])
        z = 0.05 * disc - 0.03 * reply_h + 0.9 * (ctype == "returning") - 0.0012 * quoted + 0.3
        won = "won" if rng.random() < 1 / (1 + np.exp(-z)) else "lost"
        quotes.append(
            {
                "quote_no": f"Q{7100 + i}",
                "product": product,
                "qty": qty,
                "quoted_price": quoted,
                "discount_pct": disc,
                "hours_to_reply": reply_h,
                "customer_type": ctype,
                "came_in_by": how,
                "outcome": won if i < 330 else "",
            }
        )
    _write_csv(pd.DataFrame(quotes), out / "quotes.csv")

    topics = {
        "complaint": [
            "The {p} arrived with the colours way off, the blue looks purple. Not happy.",
            "Half of the {p} were cut crooked, we can't hand these out. Please sort it.",
            "Order {j} is smudged on the back side, ink rubbed off in the box.",
            "We paid for {s} but the {p} feel thin and cheap, this is not what we ordered.",
            "Really disappointed, the {p} have a typo that was NOT on our proof.",
        ],
        "quote request": [
            "Could you give me a price for {q} {p}, double sided, on {s}?",
            "How much would {q} {p} cost? Need them by end of month.",
            "Looking for a quote on {q} {p} with rounded corners please.",
            "Can you quote {q} {p}, we are a charity if that helps with price.",
        ],
        "artwork": [
            "Attached is the PDF for the {p}, is 3mm bleed enough or do you need more?",
            "Our logo is only a jpg, will it print ok on the {p} or is it too low res?",
            "Can you check the fonts are embedded in the {p} file before printing?",
            "Which colour profile do you want the {p} artwork in, CMYK or RGB?",
        ],
        "delivery": [
            "Where is order {j}? Tracking hasn't moved since Tuesday.",
            "Can the {p} be delivered to our second site instead of the office?",
            "Is it possible to collect the {p} on Saturday morning?",
            "The courier left the {p} outside in the rain, box is soaked.",
        ],
        "payment": [
            "Can I get an invoice for order {j} with our VAT number on it?",
            "We were charged twice for the {p}, please refund one payment.",
            "Do you take payment by bank transfer for {q} {p}?",
            "Our accounts team needs a receipt for the {p} job.",
        ],
    }
    emails = []
    gold = []
    names = list(topics)
    for i in range(480):
        t = _pick(rng, names, [0.25, 0.25, 0.17, 0.18, 0.15])
        body = _pick(rng, topics[t]).format(
            p=_pick(rng, products),
            s=_pick(rng, stocks),
            q=int(rng.choice([100, 250, 500, 1000])),
            j=f"PJ-{24001 + int(rng.integers(0, 620))}",
        )
        if rng.random() < 0.3:
            body += " " + _pick(
                rng, ["Thanks, Dave", "Cheers", "Kind regards, Priya", "ta", "Sent from my iPhone"]
            )
        urgent = (
            "yes"
            if (t in ("complaint", "delivery") and rng.random() < 0.6) or rng.random() < 0.1
            else "no"
        )
        eid = f"E{50001 + i}"
        emails.append(
            {
                "email_id": eid,
                "received": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "from_domain": _pick(
                    rng, ["gmail.com", "outlook.com", "btinternet.com", "company"]
                ),
                "subject": body.split(",")[0][:40],
                "body": body,
                "topic": t if rng.random() < 0.15 else "",
                "urgent": urgent if rng.random() < 0.2 else "",
            }
        )
        if rng.random() < 0.25:
            gold.append({"email_id": eid, "topic": t})
    _write_csv(pd.DataFrame(emails), out / "customer_emails.csv")
    _write_csv(pd.DataFrame(gold), out / "email_topics_handlabelled.csv")
    _write_json(
        [
            {
                "name": "money_words",
                "label": "payment",
                "kind": "keyword",
                "column": "body",
                "keywords": ["invoice", "refund", "receipt", "charged", "bank transfer", "VAT"],
            },
            {
                "name": "price_ask",
                "label": "quote request",
                "kind": "regex",
                "column": "body",
                "pattern": "(how much|quote|price for)",
                "ignore_case": True,
            },
            {
                "name": "file_talk",
                "label": "artwork",
                "kind": "keyword",
                "column": "body",
                "keywords": ["pdf", "bleed", "fonts", "jpg", "cmyk", "rgb", "logo"],
            },
            {
                "name": "where_is_it",
                "label": "delivery",
                "kind": "keyword",
                "column": "body",
                "keywords": ["tracking", "courier", "collect", "delivered"],
            },
            {
                "name": "unhappy",
                "label": "complaint",
                "kind": "keyword",
                "column": "body",
                "keywords": ["disappointed", "smudged", "crooked", "not happy", "typo", "thin"],
            },
        ],
        out / "email_rules.json",
    )

    _write_text(PRICE_GUIDE, out / "shop_docs" / "price_guide.md")
    _write_text(ARTWORK_GUIDE, out / "shop_docs" / "artwork_checklist.md")


PRICE_GUIDE = """
# Inkwell Print Co. - price guide for counter staff

## Standard turnaround

Standard turnaround is five working days from artwork approval. Rush jobs are printed within
two working days and carry a 30% surcharge on the whole job. A job is only scheduled once the
customer has signed the digital proof.

## Business cards

Business cards are printed on 350gsm matt or 400gsm uncoated board. The minimum order is 100
cards. Rounded corners add 8 pounds per 250 cards. Spot UV is quoted by the print manager
because it needs a separate varnish plate.

## Flyers and posters

Flyers are printed on 130gsm silk unless the customer asks otherwise. Orders above 2,500 flyers
go on the Konica press, which is cheaper per sheet but needs an extra day for drying.
Posters up to A2 are printed on the Indigo; anything larger goes on the Roland wide-format
printer.

## Banners

Banners are printed on 440gsm vinyl with hemmed edges and brass eyelets every 50cm. Mesh
banners are recommended for fences because wind passes through them. Banners over 5 metres
are quoted individually.

## Discounts

Registered charities get 10% off. Returning customers with more than five jobs in a year get
5% off, which cannot be combined with the charity discount. Discounts above 15% need the
owner's approval.

## Reprints

If a fault is ours (colour, cutting, smudging) the reprint is free and goes to the front of the
queue. If the fault was in the customer's approved proof, the reprint is charged at 50%.
"""

ARTWORK_GUIDE = """
# Artwork checklist

Every file is checked before it goes to the press. The checker signs the job ticket.

## Bleed and safe area

Artwork needs 3mm bleed on every edge. Text and logos must sit at least 4mm inside the trim
line, because the guillotine can drift by up to 1mm on a large stack.

## Resolution

Images should be 300dpi at final size. A logo saved as a small jpg will look blurred; ask the
customer for a vector file (PDF, EPS or SVG). Anything under 150dpi is sent back.

## Colour

Files must be supplied in CMYK. RGB files are converted with the house profile, which makes
bright blues and greens look duller. Rich black is 40/30/30/100 and is used for large black
areas only.

## Fonts

Fonts must be embedded or outlined. If a font is missing the RIP substitutes Courier, which is
the most common cause of free reprints after colour problems.

## Proofs

A digital proof is emailed for every job. The customer must approve it in writing. Once
approved, spelling mistakes in the proof are the customer's responsibility.
"""


# ---------------------------------------------------------------- campsite


def campsite(rng: np.random.Generator, out: Path) -> None:
    pitch_types = ["tent", "caravan", "campervan", "glamping pod", "bell tent"]
    channels = ["website", "phone", "pitchup", "walk up", "repeat guest email"]
    rows = []
    for i in range(900):
        year = 2024 if i < 560 else (2025 if i < 780 else 2026)
        pt = _pick(rng, pitch_types, [0.35, 0.2, 0.2, 0.15, 0.1])
        nights = int(rng.choice([1, 2, 2, 3, 3, 4, 5, 7, 10]))
        party = int(rng.choice([1, 2, 2, 3, 4, 4, 5, 6]))
        lead = int(rng.exponential(40))
        ch = _pick(rng, channels, [0.4, 0.15, 0.25, 0.1, 0.1])
        deposit = _pick(rng, ["yes", "no"], [0.7, 0.3])
        dogs = int(rng.choice([0, 0, 0, 1, 2]))
        hookup = "y" if pt in ("caravan", "campervan") or rng.random() < 0.1 else "n"
        price = round(
            nights
            * {"tent": 22, "caravan": 32, "campervan": 30, "glamping pod": 75, "bell tent": 90}[pt]
            * (1 + 0.1 * (party > 4))
            + 3 * dogs,
            2,
        )
        z = (
            0.02 * lead
            - 1.2 * (deposit == "yes")
            + 0.6 * (ch == "pitchup")
            - 0.9 * (ch == "repeat guest email")
            - 1.0
        )
        cancelled = "yes" if rng.random() < 1 / (1 + np.exp(-z)) else "no"
        z2 = -1.2 * (deposit == "yes") + 0.9 * (ch == "walk up") - 0.01 * lead - 2.2
        no_show = "yes" if cancelled == "no" and rng.random() < 1 / (1 + np.exp(-z2)) else "no"
        rows.append(
            {
                "booking_ref": f"BK{year % 100}{i:04d}",
                "arrival": f"{year}-{4 + i % 6:02d}-{1 + (i * 7) % 28:02d}",
                "nights": nights,
                "party_size": party,
                "pitch_type": pt,
                "electric_hookup": hookup,
                "dogs": dogs,
                "booked_via": ch,
                "days_booked_ahead": lead,
                "deposit_paid": deposit,
                "total_price": price,
                "cancelled": cancelled,
                "no_show": no_show,
            }
        )
    bk = pd.DataFrame(rows)
    _write_csv(bk.iloc[:560], out / "bookings_2024.csv")
    _write_csv(bk.iloc[560:780], out / "bookings_2025.csv")
    _write_csv(bk.iloc[780:].drop(columns=["cancelled", "no_show"]), out / "bookings_upcoming.csv")

    good = [
        "Lovely flat pitch with a view of the lake, kids loved the play area.",
        "Quiet site, spotless showers, friendly warden. Will be back next summer.",
        "Great hardstanding for the van and the hookup worked perfectly.",
        "The glamping pod was cosy and warm, proper bed and fairy lights.",
        "Beautiful spot, loads of space between pitches, dogs welcome everywhere.",
    ]
    bad = [
        "Toilet block was filthy and ran out of hot water two mornings in a row.",
        "Pitch was waterlogged after one night of rain, had to move at midnight.",
        "Group next to us played music till 2am and nobody from staff came.",
        "Hookup kept tripping, warden was rude when we asked for help.",
        "Overpriced for what it is, muddy pitch and broken showers.",
    ]
    mixed = [
        "Nice location but the showers were cold, the shop was handy though.",
        "Pitch was fine, a bit sloped, but the staff were really helpful.",
        "Good for a night, noisy road nearby, clean toilets.",
    ]
    issue_words = {
        "toilets": ["toilet", "showers", "hot water"],
        "noise": ["music", "noisy"],
        "pitch": ["waterlogged", "muddy", "sloped"],
        "staff": ["rude", "warden"],
    }
    reviews, gold = [], []
    for i in range(520):
        kind = _pick(rng, ["happy", "unhappy", "mixed"], [0.5, 0.3, 0.2])
        text = _pick(rng, {"happy": good, "unhappy": bad, "mixed": mixed}[kind])
        if rng.random() < 0.35:
            text += " " + _pick(
                rng,
                [
                    "Stayed 3 nights.",
                    "Came with the grandkids.",
                    "Second visit.",
                    "Booked last minute.",
                    "Wifi patchy by the top field.",
                ],
            )
        stars = {
            "happy": int(rng.choice([4, 5, 5])),
            "unhappy": int(rng.choice([1, 1, 2])),
            "mixed": int(rng.choice([2, 3, 3, 4])),
        }[kind]
        issue = "none"
        for name, words in issue_words.items():
            if any(w in text.lower() for w in words) and kind != "happy":
                issue = name
                break
        rid = f"R{3001 + i}"
        reviews.append(
            {
                "review_id": rid,
                "pitch_no": f"{_pick(rng, ['A', 'B', 'C', 'Lake', 'Woods'])}{int(rng.integers(1, 30))}",
                "stay_month": _pick(rng, ["Apr", "May", "Jun", "Jul", "Aug", "Sep"]),
                "stars": stars,
                "review_text": text,
                "mood": kind if rng.random() < 0.18 else "",
                "main_issue": issue if rng.random() < 0.18 else "",
            }
        )
        if rng.random() < 0.22:
            gold.append({"review_id": rid, "mood": kind})
    _write_csv(pd.DataFrame(reviews), out / "pitch_reviews.csv")
    _write_csv(pd.DataFrame(gold), out / "reviews_checked_by_sam.csv")
    _write_json(
        [
            {
                "name": "praise",
                "label": "happy",
                "kind": "keyword",
                "column": "review_text",
                "keywords": ["lovely", "spotless", "cosy", "beautiful", "will be back", "great"],
            },
            {
                "name": "moan",
                "label": "unhappy",
                "kind": "keyword",
                "column": "review_text",
                "keywords": ["filthy", "waterlogged", "rude", "overpriced", "broken"],
            },
            {
                "name": "but_clause",
                "label": "mixed",
                "kind": "regex",
                "column": "review_text",
                "pattern": "\\b(but|though)\\b",
                "ignore_case": True,
            },
            {
                "name": "low_stars",
                "label": "unhappy",
                "kind": "threshold",
                "column": "stars",
                "op": "<=",
                "value": 2,
            },
            {
                "name": "high_stars",
                "label": "happy",
                "kind": "threshold",
                "column": "stars",
                "op": ">=",
                "value": 5,
            },
        ],
        out / "review_rules.json",
    )

    areas = [
        "top field",
        "lake pitches",
        "toilet block A",
        "toilet block B",
        "play area",
        "car park",
        "shop",
        "woods",
        "reception",
    ]
    cats = {
        "slip/trip": "Guest slipped on wet floor near {a}, {x}.",
        "noise": "Complaint about noise from pitch near {a} after 11pm, {x}.",
        "damage": "Fence panel by {a} found broken, {x}.",
        "medical": "Child cut knee in the {a}, first aid given, {x}.",
        "lost property": "Wallet handed in at {a}, {x}.",
        "animal": "Loose dog reported in {a}, owner found, {x}.",
    }
    incidents = []
    for i in range(300):
        cat = _pick(rng, list(cats))
        area = _pick(rng, areas)
        desc = cats[cat].format(
            a=area,
            x=_pick(
                rng,
                ["warden attended", "logged by night staff", "sorted same day", "guest informed"],
            ),
        )
        hours = round(float(rng.gamma(2, 3)), 1)
        injured = int(cat in ("slip/trip", "medical") and rng.random() < 0.6)
        sev = "minor"
        if injured and rng.random() < 0.3:
            sev = "moderate"
        if hours > 12 and rng.random() < 0.4:
            sev = "serious" if injured else "moderate"
        incidents.append(
            {
                "incident_no": 1001 + i,
                "logged": f"2025-{4 + i % 6:02d}-{1 + (i * 3) % 28:02d}",
                "area": area,
                "category": cat,
                "description": desc,
                "people_injured": injured,
                "hours_to_resolve": hours,
                "staff_on_shift": int(rng.choice([1, 2, 2, 3, 4])),
                "guests_on_site": int(rng.normal(180, 40)),
                "severity": sev if rng.random() < 0.6 else "",
            }
        )
    # odd rows
    incidents[41].update(hours_to_resolve=340.0, staff_on_shift=0)
    incidents[128].update(people_injured=7, category="lost property", guests_on_site=12)
    incidents[203].update(guests_on_site=2900, hours_to_resolve=0.0)
    incidents[266].update(category="noise", area="reception", people_injured=3, severity="minor")
    _write_csv(pd.DataFrame(incidents), out / "incident_log.csv")

    _write_text(SITE_RULES, out / "site_rules.md")
    _write_text(WARDEN_HANDBOOK, out / "warden_handbook.txt")


SITE_RULES = """
# Willow Bend Campsite - site rules

## Arrival and departure

Check-in is from 2pm and check-out is by 11am. Late arrivals after 9pm must phone ahead so the
warden can leave the barrier code. The barrier closes at 11pm and opens at 7am.

## Quiet hours

Quiet hours run from 10:30pm to 7am. Music must not be audible from the next pitch at any time.
Groups of more than six adults need the manager's approval before booking.

## Dogs

Dogs are welcome on every pitch except the glamping pods. Dogs must be kept on a lead no longer
than two metres and must never be left alone in a tent or car. The dog walk is the path behind
the woods; dog waste bins are by the car park.

## Fires and barbecues

Open fires are not allowed. Fire pits can be hired from reception for 8 pounds a night and
must be raised off the grass. Disposable barbecues are banned because they scorch the pitches.

## Electric hookup

Hookup is 16 amp. Kettles and heaters over 2kW will trip the supply. If the hookup trips,
reset the switch on the bollard once; if it trips again, call the warden.

## Cancellations

Cancellations more than 14 days before arrival get a full refund minus a 10 pound admin fee.
Within 14 days the deposit is kept. No-shows are charged the first night in full.
"""

WARDEN_HANDBOOK = """
Warden handbook - Willow Bend

Every incident is written in the incident log before the end of the shift. An incident is
anything that causes injury, damage, a complaint or a call to the emergency services.

First aid kits are kept at reception, in toilet block A and in the warden's buggy. The
defibrillator is on the outside wall of the shop. Every warden must do the first aid refresher
each March.

When a guest reports noise after quiet hours, the warden visits the pitch once and explains the
rule. If the noise continues, the manager is called and the group can be asked to leave without
a refund.

Lost property is bagged, labelled with the date and place it was found, and kept at reception
for 30 days. Wallets and phones go in the safe.

If the lake pitches flood, guests are moved to the top field, which drains fastest. The warden
checks the lake gauge after any night with more than 20mm of rain.
"""


# ---------------------------------------------------------------- blood bank


def blood_bank(rng: np.random.Generator, out: Path) -> None:
    clinics = ["Central", "Northside mobile", "University", "Riverside", "Airport industrial"]
    rows = []
    for i in range(700):
        sex = _pick(rng, ["F", "M"])
        age = int(rng.integers(17, 70))
        weight = round(float(rng.normal(68 if sex == "F" else 82, 11)), 1)
        hb = round(float(rng.normal(13.4 if sex == "F" else 14.9, 1.0)), 1)
        dtype = _pick(rng, ["whole blood", "plasma", "platelets"], [0.7, 0.2, 0.1])
        vol = int(rng.normal({"whole blood": 470, "plasma": 650, "platelets": 250}[dtype], 15))
        minutes = round(
            float(rng.normal({"whole blood": 10, "plasma": 45, "platelets": 80}[dtype], 3)), 1
        )
        pulse = int(rng.normal(72, 9))
        sys_bp = int(rng.normal(124, 13))
        dia_bp = int(sys_bp * 0.65 + rng.normal(0, 5))
        first = _pick(rng, ["yes", "no"], [0.2, 0.8])
        z = 1.2 * (first == "yes") - 0.04 * (weight - 60) - 0.3 * (hb - 13) + 0.4 * (age < 20) - 2.3
        reaction = "none"
        if rng.random() < 1 / (1 + np.exp(-z)):
            reaction = _pick(rng, ["faint", "bruise", "dizzy"])
        discard = (
            "yes"
            if rng.random() < 0.04 + 0.1 * (minutes > ({"whole blood": 14}.get(dtype, 999)))
            else "no"
        )
        rows.append(
            {
                "donation_id": f"DN{880000 + i}",
                "donor_id": f"D{int(rng.integers(10000, 99999))}",
                "clinic": _pick(rng, clinics),
                "sex": sex,
                "age": age,
                "weight_kg": weight,
                "first_time": first,
                "donation_type": dtype,
                "volume_ml": vol,
                "haemoglobin_g_dl": hb,
                "pulse_bpm": pulse,
                "bp_systolic": sys_bp,
                "bp_diastolic": dia_bp,
                "collection_minutes": minutes,
                "reaction": reaction,
                "unit_discarded": discard,
            }
        )
    rows[17].update(volume_ml=1450, collection_minutes=2.0)
    rows[233].update(haemoglobin_g_dl=24.8, pulse_bpm=31)
    rows[402].update(age=16, weight_kg=39.0, donation_type="platelets", volume_ml=640)
    rows[588].update(bp_systolic=212, bp_diastolic=55)
    rows[650].update(weight_kg=182.0, haemoglobin_g_dl=8.1, reaction="none")
    dn = pd.DataFrame(rows)
    _write_csv(dn.iloc[:600], out / "donations.csv")
    _write_csv(
        dn.iloc[600:].drop(columns=["reaction", "unit_discarded"]), out / "donations_this_week.csv"
    )

    meds = [
        "none",
        "paracetamol",
        "antibiotics finished last week",
        "blood pressure tablets",
        "isotretinoin for acne",
        "iron supplements",
        "antihistamines",
        "none",
        "none",
    ]
    trips = [
        "no travel",
        "holiday in Spain",
        "visited family in Nigeria",
        "work trip to Brazil",
        "no travel",
        "camping in Scotland",
        "backpacking Thailand",
    ]
    q = []
    for i in range(640):
        age = int(rng.integers(17, 72))
        sex = _pick(rng, ["F", "M"])
        hb = round(float(rng.normal(13.5 if sex == "F" else 14.8, 1.1)), 1)
        med = _pick(rng, meds)
        trip = _pick(rng, trips)
        tattoo = _pick(rng, ["yes", "no"], [0.1, 0.9])
        cold = _pick(rng, ["yes", "no"], [0.08, 0.92])
        last_gap = int(rng.choice([0, 8, 12, 16, 20, 30, 52]))
        deferred = (
            hb < (12.5 if sex == "F" else 13.5)
            or med in ("antibiotics finished last week", "isotretinoin for acne")
            or trip in ("visited family in Nigeria", "work trip to Brazil", "backpacking Thailand")
            or tattoo == "yes"
            or cold == "yes"
            or (0 < last_gap < 12)
        )
        if rng.random() < 0.05:
            deferred = not deferred
        q.append(
            {
                "form_id": f"Q{20250 + i}",
                "age": age,
                "sex": sex,
                "weight_kg": round(float(rng.normal(75, 13)), 1),
                "haemoglobin_fingerprick": hb,
                "weeks_since_last_donation": last_gap,
                "tattoo_or_piercing_4m": tattoo,
                "cold_or_flu_2w": cold,
                "medication": med,
                "travel_last_6m": trip,
                "donor_comments": _pick(
                    rng,
                    [
                        "feeling fine",
                        "a bit tired today",
                        "nervous about needles",
                        "had a big breakfast",
                        "slept badly",
                        "first time donating",
                        "",
                        "",
                        "came with my sister",
                    ],
                ),
                "outcome": "deferred" if deferred else "accepted",
                "follow_up_call": _pick(rng, ["yes", "no"], [0.3, 0.7]),
            }
        )
    qdf = pd.DataFrame(q)
    _write_csv(qdf.iloc[:460], out / "donor_questionnaires.csv")
    _write_csv(qdf.iloc[460:580], out / "questionnaires_march.csv")
    _write_csv(
        qdf.iloc[580:].drop(columns=["outcome", "follow_up_call"]), out / "questionnaires_today.csv"
    )

    reasons = {
        "low iron": [
            "Hb {h} on fingerprick, below threshold. Advised iron rich diet, return in 3 months.",
            "Failed copper sulphate drop test twice, venous Hb {h}. Deferred, GP letter given.",
        ],
        "travel": [
            "Donor returned from {c} {w} weeks ago, malaria risk area. Deferred until 6 months after return.",
            "Recent trip to {c}, travel deferral applied per guidelines.",
        ],
        "medication": [
            "Currently taking {m}, must wait until course finished plus 7 days.",
            "Donor on {m}, deferral per medication list, check again next visit.",
        ],
        "tattoo": [
            "New tattoo on forearm {w} weeks ago, 4 month deferral.",
            "Ear piercing done at a market stall {w} weeks ago, deferred 4 months.",
        ],
        "illness": [
            "Reports cold and sore throat since Monday, come back when well for 2 weeks.",
            "Had a fever {w} days ago, temporary deferral.",
        ],
    }
    notes, dgold = [], []
    for i in range(420):
        r = _pick(rng, list(reasons), [0.35, 0.2, 0.15, 0.15, 0.15])
        note = _pick(rng, reasons[r]).format(
            h=round(float(rng.normal(11.6, 0.5)), 1),
            c=_pick(rng, ["Ghana", "Kenya", "Brazil", "India", "Thailand"]),
            w=int(rng.integers(1, 10)),
            m=_pick(rng, ["antibiotics", "isotretinoin", "finasteride", "methotrexate"]),
        )
        if rng.random() < 0.25:
            note += " " + _pick(
                rng, ["Donor upset.", "Explained reasons.", "Leaflet given.", "Nurse KB."]
            )
        nid = f"N{6100 + i}"
        notes.append(
            {
                "note_id": nid,
                "donor_id": f"D{int(rng.integers(10000, 99999))}",
                "written_by": _pick(rng, ["KB", "RT", "AM", "JL"]),
                "note": note,
                "reason": r if rng.random() < 0.2 else "",
                "length": ("permanent" if "methotrexate" in note else "temporary")
                if rng.random() < 0.5
                else "",
            }
        )
        if rng.random() < 0.2:
            dgold.append({"note_id": nid, "reason": r})
    _write_csv(pd.DataFrame(notes), out / "deferral_notes.csv")
    _write_csv(pd.DataFrame(dgold), out / "deferral_reasons_gold.csv")
    _write_json(
        [
            {
                "name": "hb_words",
                "label": "low iron",
                "kind": "regex",
                "column": "note",
                "pattern": "\\b(hb|haemoglobin|iron|copper sulphate)\\b",
                "ignore_case": True,
            },
            {
                "name": "went_abroad",
                "label": "travel",
                "kind": "keyword",
                "column": "note",
                "keywords": ["malaria", "trip", "returned from", "travel"],
            },
            {
                "name": "on_meds",
                "label": "medication",
                "kind": "keyword",
                "column": "note",
                "keywords": [
                    "antibiotics",
                    "isotretinoin",
                    "finasteride",
                    "methotrexate",
                    "medication",
                ],
            },
            {
                "name": "ink",
                "label": "tattoo",
                "kind": "keyword",
                "column": "note",
                "keywords": ["tattoo", "piercing"],
            },
            {
                "name": "poorly",
                "label": "illness",
                "kind": "keyword",
                "column": "note",
                "keywords": ["cold", "fever", "sore throat", "flu"],
            },
        ],
        out / "deferral_rules.json",
    )

    _write_text(ELIGIBILITY, out / "guides" / "donor_eligibility.md")
    _write_text(SESSION_SOP, out / "guides" / "session_sop.md")


ELIGIBILITY = """
# Donor eligibility - quick guide for session nurses

## Age and weight

Donors must be aged 17 to 65 for a first donation. Regular donors may continue until their 70th
birthday. Every donor must weigh at least 50kg.

## Haemoglobin

The fingerprick haemoglobin must be at least 12.5 g/dL for women and 13.5 g/dL for men. If the
fingerprick fails, a venous sample is taken; if that also fails, the donor is deferred for three
months and given an iron leaflet.

## Intervals between donations

Men may give whole blood every 12 weeks and women every 16 weeks. Plasma donors may give every
two weeks. Platelet donors may give every four weeks, up to 24 times a year.

## Travel

Donors who have been to a malaria risk area are deferred for six months after their return.
Donors born or raised in a malaria area need a malaria antibody test before every donation.

## Tattoos and piercings

A tattoo, piercing or semi-permanent make-up means a four month deferral from the date it was
done, whether it was done in a licensed studio or not.

## Medication

Antibiotics: wait seven days after the course has finished. Isotretinoin and finasteride: wait
one month after the last dose. Methotrexate is a permanent deferral for whole blood.
Paracetamol, antihistamines and the contraceptive pill are acceptable.
"""

SESSION_SOP = """
# Session standard operating procedure

## Before the session

The session lead checks the cold chain boxes and the blood bag lot numbers. Every bag lot is
written on the session sheet.

## During collection

A whole blood donation should take between 5 and 15 minutes. If it runs over 15 minutes the unit
is marked for discard because platelets and clotting factors degrade. The target volume is
470ml; a unit under 405ml is discarded.

## Adverse reactions

If a donor feels faint, stop the donation, lower the chair and raise the legs. Record every
faint, bruise or dizzy spell on the reaction form. First-time donors under 20kg of body weight
per litre of blood volume are more likely to faint, so they are given an extra drink of water.

## After the session

Units are packed at 20 to 24 degrees for platelets and 2 to 6 degrees for whole blood, and must
reach the processing centre within 8 hours.
"""


# ---------------------------------------------------------------- hardware store


def hardware_store(rng: np.random.Generator, out: Path) -> None:
    depts = {
        "paint": [
            "PT-1001 matt emulsion 5L",
            "PT-1002 gloss white 750ml",
            "PT-1003 masonry paint 10L",
        ],
        "tools": [
            "TL-2001 claw hammer",
            "TL-2002 cordless drill 18V",
            "TL-2003 spirit level 600mm",
        ],
        "fixings": [
            "FX-3001 wood screws 4x40 box",
            "FX-3002 wall plugs red 100",
            "FX-3003 M8 bolts 10",
        ],
        "garden": ["GD-4001 compost 50L", "GD-4002 hose 30m", "GD-4003 lawn seed 1kg"],
        "plumbing": ["PL-5001 PTFE tape", "PL-5002 15mm compression elbow", "PL-5003 basin tap"],
        "electrical": [
            "EL-6001 LED bulb B22",
            "EL-6002 extension lead 4 way",
            "EL-6003 fuse 13A x4",
        ],
    }
    base_price = {
        "paint": 24,
        "tools": 35,
        "fixings": 6,
        "garden": 14,
        "plumbing": 9,
        "electrical": 8,
    }
    sales = []
    for i in range(800):
        dept = _pick(rng, list(depts))
        item = _pick(rng, depts[dept])
        units = int(rng.choice([1, 1, 1, 2, 2, 3, 5, 10]))
        price = round(base_price[dept] * float(rng.uniform(0.6, 1.6)), 2)
        ctype = _pick(rng, ["trade", "retail"], [0.35, 0.65])
        disc = int(rng.choice([0, 0, 0, 5, 10])) + (10 if ctype == "trade" else 0)
        pay = _pick(rng, ["card", "cash", "trade account"], [0.6, 0.2, 0.2])
        z = (
            0.9 * (dept == "tools")
            + 0.6 * (dept == "electrical")
            - 0.8 * (ctype == "trade")
            + 0.02 * price
            - 2.4
        )
        returned = "yes" if rng.random() < 1 / (1 + np.exp(-z)) else "no"
        sales.append(
            {
                "sale_id": 400000 + i,
                "date": f"2025-{1 + i % 12:02d}-{1 + (i * 5) % 28:02d}",
                "branch": _pick(rng, ["Market St", "Retail Park", "Docklands"]),
                "department": dept,
                "sku": item.split(" ")[0],
                "item": item.split(" ", 1)[1],
                "units": units,
                "unit_price": price,
                "discount_pct": disc,
                "payment": pay,
                "customer_type": ctype,
                "till_operator": _pick(rng, ["Gaz", "Bev", "Tomasz", "Leah", "self checkout"]),
                "returned": returned,
            }
        )
    sdf = pd.DataFrame(sales)
    _write_csv(sdf, out / "till_sales_2025.csv")

    stock = []
    for i in range(360):
        dept = _pick(rng, list(depts))
        item = _pick(rng, depts[dept])
        sys_q = int(rng.integers(5, 240))
        counted = int(sys_q + rng.normal(0, 3))
        stock.append(
            {
                "count_id": f"SC{9000 + i}",
                "sku": item.split(" ")[0],
                "department": dept,
                "aisle": f"{int(rng.integers(1, 19))}{_pick(rng, ['A', 'B'])}",
                "system_qty": sys_q,
                "counted_qty": counted,
                "variance": counted - sys_q,
                "unit_cost": round(base_price[dept] * 0.55 * float(rng.uniform(0.8, 1.2)), 2),
                "counted_by": _pick(rng, ["Bev", "Tomasz", "Leah", "Amir"]),
                "count_minutes": round(float(rng.normal(6, 1.5)), 1),
            }
        )
    stock[22].update(counted_qty=2, variance=2 - stock[22]["system_qty"])
    stock[97].update(counted_qty=1900, variance=1900 - stock[97]["system_qty"])
    stock[150].update(unit_cost=412.0)
    stock[211].update(count_minutes=95.0, counted_qty=stock[211]["system_qty"], variance=0)
    stock[300].update(department="garden", sku="EL-6002")
    _write_csv(pd.DataFrame(stock), out / "stock_count_march.csv")

    qa_pairs = [
        (
            "PT-1001",
            "Can I use this emulsion in a bathroom?",
            "It is fine for a well ventilated bathroom but we recommend the kitchen and bathroom range for steamy rooms.",
        ),
        (
            "PT-1003",
            "How long does the masonry paint need before rain?",
            "It needs about two hours of dry weather to be shower proof and 24 hours to fully cure.",
        ),
        (
            "TL-2002",
            "Does the drill come with a battery?",
            "Yes, it comes with one 2Ah battery and a charger in a carry case.",
        ),
        (
            "TL-2002",
            "Will it drill into brick?",
            "It has a hammer setting so it will drill brick and block with a masonry bit.",
        ),
        (
            "FX-3002",
            "What size screw goes with the red plugs?",
            "Red plugs take 3.5 to 5mm screws, drill a 6mm hole.",
        ),
        (
            "GD-4002",
            "Is the hose kink resistant?",
            "It has a braided layer that resists kinking, though it can still kink if folded tight.",
        ),
        (
            "GD-4003",
            "When should I sow the lawn seed?",
            "Sow in spring or early autumn when the soil is warm and moist.",
        ),
        (
            "PL-5001",
            "How many wraps of PTFE tape?",
            "Five to seven wraps clockwise as you look at the end of the thread.",
        ),
        (
            "PL-5002",
            "Does the elbow need soldering?",
            "No, it is a compression fitting, you just tighten the nuts with two spanners.",
        ),
        (
            "EL-6001",
            "Is the LED bulb dimmable?",
            "This one is not dimmable; the dimmable version has a D on the box.",
        ),
        (
            "EL-6002",
            "Can I run a heater off the extension lead?",
            "Only one heater at a time, the lead is rated 13A in total.",
        ),
        (
            "TL-2003",
            "Is the spirit level magnetic?",
            "No, the 600mm level is not magnetic; the 400mm one is.",
        ),
    ]
    tips = [
        "If you are unsure, bring the old part or a photo into any branch and a member of staff will match it for you.",
        "The full technical data sheet is on the product page under the downloads tab, including safety information.",
        "Trade customers can ask at the trade counter for bulk pricing and next day delivery to site.",
        "We always keep spares of this in the Market St and Retail Park branches, so you can check stock online before you travel.",
        "Please keep your receipt, because the manufacturer will ask for it if you need to make a warranty claim.",
        "Our staff run a free demonstration on Saturday mornings if you would like to see it used before you buy.",
    ]
    qa_rows = []
    for i in range(150):
        sku, qtext, atext = qa_pairs[i % len(qa_pairs)]
        by = _pick(rng, ["store staff", "manufacturer", "customer"])
        qa_rows.append(
            {
                "question_id": 700 + i,
                "sku": sku,
                "question": qtext,
                "answer": atext + " " + _pick(rng, tips),
                "answered_by": by,
                "helpful_votes": int(rng.poisson(4 if by != "customer" else 1.5)),
                "was_helpful": _pick(
                    rng, ["yes", "no"], [0.85, 0.15] if by != "customer" else [0.45, 0.55]
                ),
            }
        )
    _write_csv(pd.DataFrame(qa_rows), out / "product_questions.csv")

    _write_text(RETURNS, out / "store_policies" / "returns_and_refunds.md")
    _write_text(PAINT_FAQ, out / "store_policies" / "paint_mixing_faq.txt")


RETURNS = """
# Returns and refunds

## Standard returns

Unused items in their original packaging can be returned within 28 days with a receipt for a
full refund to the original payment method. Without a receipt we offer a credit note at the
lowest price the item was sold for in the last 28 days.

## Items we cannot take back

Paint mixed to order, cut lengths of timber, chain, rope and cable, and opened bags of compost
or cement cannot be returned unless they are faulty.

## Faulty power tools

Power tools that develop a fault within 12 months are repaired or replaced under the
manufacturer's warranty. The customer must bring the tool, the battery and the charger. Trade
customers get a loan tool while theirs is away for repair.

## Trade accounts

Trade account returns are credited to the account, not refunded in cash. Returns over 200
pounds need the branch manager's signature.
"""

PAINT_FAQ = """
Paint mixing - counter FAQ

The tinting machine can match any colour from a sample at least the size of a two pence coin.
A mixed colour is saved on the customer's record so it can be matched again later.

Mixed paint cannot be returned, so always show the customer the dab sample on the lid and ask
them to confirm it before mixing the full tin.

Base A is used for pale colours and base C for deep colours. Deep colours may need an extra coat
to cover, and the customer should be told this at the counter.

Masonry paint can be tinted in the same way but only up to the mid-tone bases; very dark
masonry colours fade in sunlight and are not recommended.

The machine is cleaned every evening; the nozzle cap must be left on overnight or the tints dry
out and block it.
"""


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    print_shop(rng, out)
    campsite(rng, out)
    blood_bank(rng, out)
    hardware_store(rng, out)


if __name__ == "__main__":
    main()
