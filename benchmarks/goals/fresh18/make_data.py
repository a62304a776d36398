"""Write the fresh18 corpus's invented marketplace data into a folder (python make_data.py DIR)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

TICKET_TEXT = {
    "billing": [
        "I was charged twice for order {o}, please refund the second charge",
        "my card got billed {a} eur but the invoice says less",
        "why is there a service fee on my invoice for {o}",
        "payment went through but the app says payment failed, was I charged?",
        "need a VAT invoice for order {o} for my company",
    ],
    "delivery": [
        "parcel for order {o} still not arrived, tracking stuck for {d} days",
        "courier says delivered but nothing at my door",
        "the tracking number for {o} does not work on the carrier site",
        "package arrived damaged, box was crushed",
        "delivery was promised yesterday, where is my parcel",
    ],
    "refund": [
        "I sent the item back {d} days ago and still no refund",
        "how long does a refund take? returned order {o} last week",
        "seller refused my return although it is within 30 days",
        "refund was only partial, shipping was not refunded",
        "I want to return the shoes, they are the wrong size",
    ],
    "account": [
        "cannot log in, password reset email never comes",
        "please delete my account and all my data",
        "my account was locked after changing phone number",
        "how do I change the email address on my account",
        "two factor code does not arrive by sms",
    ],
    "fraud": [
        "seller asked me to pay outside the platform by bank transfer",
        "I think my account was hacked, orders I did not place",
        "the item I got is a fake, not the brand in the listing",
        "someone is using my card on your site, order {o} is not mine",
        "buyer sent a fake payment screenshot and wants the item shipped",
    ],
}
MOOD = ["", " this is unacceptable", " thanks", " please help asap", " third time I write!!", ""]
POST_TEXT = {
    "remove": [
        "buy followers cheap dm me now",
        "click this link for free gift cards {n}",
        "you are an idiot and everyone on this board hates you",
        "selling prescription pills no questions asked",
        "this seller is a scammer, here is his home address",
    ],
    "warn": [
        "this product is garbage and so is the seller honestly",
        "stop posting the same question, are you stupid",
        "anyone know where to get the replica version cheaper",
        "shut up about shipping times already",
    ],
    "keep": [
        "great quality, arrived in {n} days, recommend",
        "does anyone know if this charger works in the UK",
        "the seller was friendly and answered fast",
        "size runs small, order one up",
        "packaging could be better but item is fine",
    ],
}
HEADLINES = {
    "politics": [
        "Council votes on new {x} budget",
        "Minister resigns over {x} row",
        "Election turnout in {x} hits record",
        "Coalition talks stall on {x}",
    ],
    "economy": [
        "Inflation slows as {x} prices fall",
        "Marketplace sellers face new {x} tax",
        "Jobless rate in {x} edges up",
        "Shipping costs rise for {x} importers",
    ],
    "sport": [
        "{x} win derby in extra time",
        "Coach of {x} sacked after losing run",
        "{x} sign striker on loan",
        "Marathon in {x} draws 20,000 runners",
    ],
    "culture": [
        "Museum in {x} reopens after repairs",
        "Festival line-up for {x} announced",
        "Novelist from {x} wins prize",
        "Film shot in {x} tops box office",
    ],
    "tech": [
        "Startup in {x} raises funds for AI tool",
        "Data breach hits {x} retailer",
        "New phone factory planned near {x}",
        "Chip shortage delays {x} car plant",
    ],
}
PLACES = ["Lyon", "Porto", "Gdansk", "Leeds", "Graz", "Bergen", "Turin", "Ghent", "Brno", "Cork"]


def tickets(rng: np.random.Generator, n: int, start: int, labelled: bool) -> pd.DataFrame:
    """Support tickets; the team's tag filled on some rows, whether each escalated."""
    cats = list(TICKET_TEXT)
    cat = rng.choice(cats, size=n, p=[0.24, 0.28, 0.22, 0.16, 0.10])
    rows = []
    for i, c in enumerate(cat):
        text = rng.choice(TICKET_TEXT[c]).format(
            o=f"MK-{rng.integers(100000, 999999)}",
            a=int(rng.integers(15, 400)),
            d=int(rng.integers(2, 20)),
        ) + str(rng.choice(MOOD))
        tier = rng.choice(["standard", "plus", "business"], p=[0.7, 0.2, 0.1])
        total = round(float(rng.lognormal(3.6, 0.8)), 2)
        reply = int(rng.gamma(2.0, 90))
        reopened = int(rng.poisson(0.4))
        z = (
            -2.2
            + 1.4 * (c == "fraud")
            + 0.6 * (c == "refund")
            + 0.004 * reply
            + 0.8 * reopened
            + 0.5 * (tier == "business")
            + 1.0 * ("!!" in text)
        )
        esc = rng.random() < 1 / (1 + np.exp(-z))
        rows.append(
            {
                "ticket_id": f"T{start + i}",
                "created": str(
                    pd.Timestamp("2026-01-05") + pd.Timedelta(hours=int(rng.integers(0, 24 * 80)))
                ),
                "channel": rng.choice(["email", "chat", "app_form", "phone_note"]),
                "tier": tier,
                "subject": text[:40],
                "body": text,
                "order_total_eur": total,
                "first_reply_mins": reply,
                "reopened": reopened,
                "team_tag": c,
                "escalated": "yes" if esc else "no",
            }
        )
    df = pd.DataFrame(rows)
    if not labelled:
        df = df.drop(columns=["team_tag", "escalated"])
    return df


def main(out: Path) -> None:
    rng = np.random.default_rng(1818)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)

    full = tickets(rng, 1600, 40000, labelled=True)
    tags = full["team_tag"].copy()
    full.loc[rng.random(len(full)) > 0.18, "team_tag"] = None
    full.to_csv(out / "support_tickets.csv", index=False)
    tickets(rng, 250, 41600, labelled=False).to_csv(out / "tickets_this_week.csv", index=False)
    # QA lead's checked sample: the true tag of tickets the team left blank.
    blank = full["team_tag"].isna()
    gold = pd.DataFrame({"ticket_id": full.loc[blank, "ticket_id"], "checked_tag": tags[blank]})
    gold = gold.sample(160, random_state=3)
    gold.to_csv(out / "gold" / "ticket_tags_checked.csv", index=False)

    # Flagged posts with moderator decisions on some rows.
    n = 1200
    dec = rng.choice(["remove", "warn", "keep"], size=n, p=[0.35, 0.2, 0.45])
    posts = pd.DataFrame(
        {
            "post_id": [f"P-{7000 + i}" for i in range(n)],
            "posted_at": [
                str(pd.Timestamp("2026-02-01") + pd.Timedelta(minutes=int(m)))
                for m in rng.integers(0, 60 * 24 * 40, n)
            ],
            "board": rng.choice(["electronics", "fashion", "home", "general"], n),
            "post_text": [
                str(rng.choice(POST_TEXT[d])).format(n=int(rng.integers(2, 9))) for d in dec
            ],
            "times_reported": [
                int(rng.poisson(6 if d == "remove" else 3 if d == "warn" else 1)) for d in dec
            ],
            "author_age_days": [int(rng.gamma(1.5 if d == "remove" else 4, 60)) for d in dec],
            "mod_decision": dec,
        }
    )
    audited = posts.sample(150, random_state=5)[["post_id", "mod_decision"]].rename(
        columns={"mod_decision": "audit_decision"}
    )
    posts.loc[rng.random(n) > 0.22, "mod_decision"] = None
    posts.to_csv(out / "flagged_posts.csv", index=False)
    audited.to_csv(out / "gold" / "moderation_audit.csv", index=False)

    # Seller listings (JSONL); a few absurd prices and shipping times.
    n = 900
    cat = rng.choice(["phones", "sneakers", "furniture", "toys", "books"], n)
    base = {"phones": 320, "sneakers": 90, "furniture": 210, "toys": 25, "books": 12}
    listings = []
    for i in range(n):
        price = round(float(base[cat[i]] * rng.lognormal(0, 0.35)), 2)
        ship = int(rng.integers(1, 6))
        if i % 97 == 13:
            price, ship = round(price * 0.08, 2), int(rng.integers(25, 60))
        listings.append(
            {
                "listing_id": f"L{300000 + i}",
                "seller": f"s{int(rng.integers(1, 160)):04d}",
                "title": f"{cat[i]} item {int(rng.integers(1, 999))}",
                "category": str(cat[i]),
                "price_eur": price,
                "ship_days": ship,
                "seller_score": round(float(rng.uniform(2.5, 5)), 2),
                "reviews": int(rng.poisson(40)),
                "photos": int(rng.integers(0, 9)),
                "status": "removed" if (i % 97 == 13 or rng.random() < 0.06) else "live",
            }
        )
    with open(out / "seller_listings.jsonl", "w", encoding="utf-8") as fh:
        for row in listings:
            fh.write(json.dumps(row) + "\n")

    # Newsroom article metadata (JSONL); the topic filled by hand on some rows.
    n = 700
    topics = rng.choice(list(HEADLINES), n)
    arts = []
    for i in range(n):
        t = str(topics[i])
        views = int(rng.lognormal(8, 1.0)) * (40 if i % 113 == 7 else 1)
        arts.append(
            {
                "article_id": 9000 + i,
                "headline": str(rng.choice(HEADLINES[t])).format(x=rng.choice(PLACES)),
                "desk": rng.choice(["news", "business", "sport", "weekend"]),
                "byline": f"reporter_{int(rng.integers(1, 25))}",
                "published": f"2026-0{int(rng.integers(1, 4))}-{int(rng.integers(10, 28))}",
                "words": int(rng.normal(750, 250)),
                "pageviews": views,
                "avg_read_sec": int(rng.gamma(3, 30)),
                "shares": int(views * rng.uniform(0.001, 0.02)),
                "paywalled": bool(rng.random() < 0.4),
                "topic": t if rng.random() < 0.15 else None,
            }
        )
    with open(out / "article_meta.jsonl", "w", encoding="utf-8") as fh:
        for row in arts:
            fh.write(json.dumps(row) + "\n")

    # Shipment logs: a parquet with outcomes, and February's still-open shipments as CSV.
    def ships(n: int, start: int, outcomes: bool) -> pd.DataFrame:
        wh = rng.choice(["DUS1", "LEJ2", "WRO1"], n)
        carrier = rng.choice(["PostNord", "DPD", "GLS", "InPost"], n)
        weight = np.round(rng.gamma(2, 3, n), 2)
        dist = np.round(rng.uniform(20, 1400, n), 0)
        promised = rng.choice([1, 2, 3, 5], n)
        df = pd.DataFrame(
            {
                "shipment_id": [f"SH{start + i}" for i in range(n)],
                "wh": wh,
                "carrier": carrier,
                "service": rng.choice(["standard", "express"], n, p=[0.8, 0.2]),
                "weight_kg": weight,
                "parcels": rng.integers(1, 5, n),
                "distance_km": dist,
                "promised_days": promised,
                "cost_eur": np.round(3 + 0.4 * weight + 0.004 * dist + rng.normal(0, 1, n), 2),
            }
        )
        if outcomes:
            actual = promised + rng.poisson(0.05 + 0.0005 * dist + 0.4 * (carrier == "PostNord"))
            df["actual_days"] = actual
            df["late"] = (actual > promised).astype(int)
            df["damaged"] = (rng.random(n) < 0.03 + 0.01 * (weight > 10)).astype(int)
            odd = np.arange(n) % 151 == 42
            df.loc[odd, "cost_eur"] = df.loc[odd, "cost_eur"] * 12
        return df

    ships(3000, 500000, True).to_parquet(out / "shipments_q1.parquet", index=False)
    ships(400, 503000, False).to_csv(out / "shipment_log_feb_open.csv", index=False)

    (out / "docs" / "moderation_policy.md").write_text(POLICY, encoding="utf-8")
    (out / "docs" / "returns_faq.txt").write_text(FAQ, encoding="utf-8")


POLICY = """# Community moderation policy (marketplace boards)

## 1. Scope
This policy covers posts, replies and reviews on the marketplace boards (electronics, fashion,
home, general). It applies to buyers, sellers and visitors. Moderators act on reported posts
within 24 hours; posts with five or more reports are hidden automatically until reviewed.

## 2. Decisions
Moderators choose one of three decisions. **Remove**: the post breaks a hard rule and is deleted;
the author gets a strike. **Warn**: the post is rude or borderline; it stays up and the author
gets a written warning. **Keep**: the post is allowed; the reports are closed.

## 3. Hard rules (always remove)
- Spam: selling followers, likes, gift cards or links to outside shops.
- Prohibited goods: prescription drugs, weapons, counterfeits and replicas offered for sale.
- Doxxing: posting another person's address, phone number or documents.
- Threats and slurs against a person or a group.

## 4. Borderline content (warn)
Insults that are not slurs, asking where to buy replicas without offering them, and repeated
off-topic posts get a warning first. Three warnings within 90 days become a 7-day posting ban.

## 5. Appeals
An author may appeal a removal once, within 14 days, from the help centre. A second moderator who
did not take the first decision reviews the appeal within 5 working days. The decision after
appeal is final.

## 6. Accounts younger than 7 days
New accounts cannot post links. Their posts with two or more reports are hidden until reviewed.
"""

FAQ = """Returns and refunds - frequently asked questions

How long do I have to return an item?
You can return most items within 30 days of delivery. Sellers may offer longer windows; the
listing shows the return window under "Delivery and returns".

Which items cannot be returned?
Opened hygiene products, personalised items, perishable food and digital codes cannot be returned
unless they arrived faulty.

Who pays for return shipping?
If the item is faulty or not as described, the seller pays and you get a prepaid label. If you
changed your mind, you pay for return shipping unless the listing says free returns.

How do I start a return?
Open the order in "My purchases", choose "Return an item", pick a reason and print the label. Drop
the parcel at any partner point within 7 days of printing the label.

When do I get my refund?
The seller has 3 working days after the parcel arrives to check it. The refund then goes to your
original payment method; card refunds take up to 5 working days to show, wallet refunds are
instant.

What if the seller refuses my return?
Open a dispute from the order page within 14 days of the refusal. Our support team decides within
10 days, and Buyer Protection refunds you if the seller does not follow the decision.

Is shipping refunded?
The original shipping cost is refunded when you return the whole order. For partial returns only
the item price is refunded.

Can I exchange for another size?
Exchanges are not handled by the platform. Return the item and place a new order.
"""

if __name__ == "__main__":
    main(Path(sys.argv[1]))
