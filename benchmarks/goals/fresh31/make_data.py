"""Write the fresh31 corpus's files into DIR (deterministic, offline).

People: a plumbing and heating firm, an e-sports league, a cosmetics brand and a
disaster-relief NGO. Usage: python make_data.py DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 31


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


# --------------------------------------------------------------------------- plumbing / heating

ENGINEERS = ["Dave K", "Priya S", "Tomasz W", "Gareth B", "Leanne M", "Sunil R"]
MAKES = ["Worcester", "Vaillant", "Baxi", "Ideal", "Glow-worm", "Viessmann"]
JOB_TEXT = {
    "leak": [
        "water dripping from under the boiler casing",
        "leak on the pipe under the kitchen sink, puddle on the floor",
        "customer says radiator valve weeping onto carpet",
        "damp patch on ceiling below the bathroom, suspect leaking joint",
        "drip from pressure relief pipe outside",
    ],
    "no_heat": [
        "radiators stone cold, boiler fires then cuts out",
        "no heating at all since last night, hot water fine",
        "heating not coming on, thermostat calling but nothing",
        "rads only warm at the bottom, house freezing",
        "boiler locks out when heating demanded",
    ],
    "no_hot_water": [
        "no hot water from taps, heating works",
        "hot water runs lukewarm then cold after a minute",
        "combi not firing for hot water, diverter valve suspected",
        "shower goes cold mid use, no hot water upstairs",
    ],
    "pressure": [
        "pressure gauge keeps dropping below 0.5 bar",
        "boiler pressure too high, reading nearly 3 bar",
        "has to repressurise every day, losing pressure",
        "low pressure warning on display, topped up twice this week",
    ],
    "noise": [
        "loud banging in the pipes when heating starts",
        "kettling noise from boiler, whistling sound",
        "gurgling in radiators and pump humming loud",
        "boiler rumbling and vibrating, neighbours complaining about noise",
    ],
}
FAULTS = {
    "leak": ["none", "F22", "none", "EA"],
    "no_heat": ["F28", "EA", "L2", "F29", "E133"],
    "no_hot_water": ["none", "F75", "L6", "E119"],
    "pressure": ["F22", "E119", "F75", "none"],
    "noise": ["none", "F28", "none", "L6"],
}
EXTRA_NOTES = [
    "customer elderly, please call ahead",
    "dog in the house",
    "parking tricky, use the side road",
    "landlord paying",
    "second visit this month",
    "",
    "",
    "",
]
ENG_NOTES = [
    "replaced PCB",
    "bled rads and topped up to 1.2 bar",
    "new diverter valve fitted",
    "swapped pump, tested ok",
    "resealed joint with PTFE",
    "flushed system, added inhibitor",
    "ordered part, return visit booked",
    "cleaned condensate trap",
    "replaced expansion vessel",
    "no fault found on arrival",
]


def jobsheets(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    rows = []
    cats = list(JOB_TEXT)
    for i in range(n):
        cat = cats[int(rng.choice(len(cats), p=[0.22, 0.3, 0.2, 0.16, 0.12]))]
        text = pick(rng, JOB_TEXT[cat])
        extra = pick(rng, EXTRA_NOTES)
        if extra:
            text = f"{text}. {extra}"
        age = int(rng.integers(1, 22))
        callout = pick(rng, ["emergency", "routine", "service", "emergency", "routine"])
        hours = round(float(rng.gamma(2.0, 0.8)) + 0.25, 2)
        parts = round(float(rng.gamma(1.6, 45.0)) if rng.random() < 0.7 else 0.0, 2)
        miles = round(float(rng.gamma(2.5, 4.0)), 1)
        p_fix = 0.85 - 0.02 * age / 2 - (0.15 if parts > 120 else 0) + (0.05 if hours < 1.5 else 0)
        ftf = "yes" if rng.random() < min(max(p_fix, 0.1), 0.95) else "no"
        p_cb = 0.08 + (0.3 if ftf == "no" else 0) + 0.01 * age
        rows.append(
            {
                "job_ref": f"HP-{start + i:05d}",
                "visit_date": str(
                    pd.Timestamp("2026-01-05") + pd.Timedelta(days=int(rng.integers(0, 300)))
                )[:10],
                "engineer": pick(rng, ENGINEERS),
                "callout_type": callout,
                "boiler_make": pick(rng, MAKES),
                "boiler_age_yrs": age,
                "fault_code": pick(rng, FAULTS[cat]),
                "customer_description": text,
                "engineer_notes": pick(rng, ENG_NOTES),
                "hours_on_site": hours,
                "parts_cost_gbp": parts,
                "travel_miles": miles,
                "job_category": cat,
                "first_time_fix": ftf,
                "callback_30d": int(rng.random() < min(p_cb, 0.9)),
            }
        )
    return pd.DataFrame(rows)


FAULT_DOC = """# Boiler fault codes: quick reference for Hartley Heat & Plumb engineers

Keep this on the van tablet. Codes differ by manufacturer; always confirm against the
installer manual before replacing parts.

## Ignition and flame faults

F28 is an ignition failure on Vaillant boilers. It means the boiler tried to light five times
and never detected a flame. Check the gas supply at the meter first, then the ignition
electrode gap, which should be 3 to 4 mm.

F29 is a flame loss during operation. It usually happens because the gas pressure drops when
another appliance starts. If the customer has a prepayment meter, check the credit before
anything else.

EA on Worcester boilers refers to a flame not detected at start-up. The most common cause is
a frozen condensate pipe in winter. When the condensate pipe is frozen, pour warm (not
boiling) water over the external section and reset the boiler.

## Water pressure faults

F22 is a low water pressure lockout. The system pressure should sit between 1.0 and 1.5 bar
when cold. If the customer repressurises more than once a week, there is a leak somewhere on
the system or the expansion vessel has lost its charge.

E119 on Baxi and Potterton boilers means the water pressure switch has not made. A pressure
switch that reads low while the gauge shows 1.2 bar is usually faulty and must be replaced.

The expansion vessel should be charged to 0.75 to 1 bar with the system drained down. A flat
vessel makes the pressure rise to 3 bar when the heating is on and fall when it cools.

## Hot water faults

F75 is a pump or pressure sensor fault on Vaillant combis. It is raised when no pressure rise
is detected as the pump starts. Bleed the pump and check it spins before condemning the sensor.

L6 on Ideal boilers means a false flame was detected. It is often caused by a damp PCB or a
leaking heat exchanger dripping onto the electronics.

## Safety rules

Engineers must never bypass a flue safety device. If a flue is damaged or the carbon monoxide
alarm has sounded, the appliance is capped off, labelled "Do Not Use" and the customer signs
the warning notice. A gas safe registration card must be shown to the customer on request.

Callbacks within 30 days are logged against the original job and count against the first-time
fix rate, which the firm reports monthly. The target first-time fix rate is 82 percent.
"""

SERVICE_TXT = """Hartley Heat & Plumb - annual service checklist (internal)

An annual service takes about 45 minutes for a standard combi boiler. The engineer checks the
flue gas analysis with a calibrated analyser, and the combustion ratio must be below 0.004 on
most modern condensing boilers.

The condensate trap is cleaned at every service because sludge in the trap causes lockouts in
cold weather. Magnetic filters are emptied and the inhibitor level is tested with a dip kit.

If a system has black water or sludge, a power flush is recommended. A power flush takes most
of a day and costs the customer between 400 and 600 pounds depending on the number of radiators.

Warranty registration depends on an annual service. When a customer misses a service, the
manufacturer warranty can be void, so the office sends reminders at eleven months.
"""

# --------------------------------------------------------------------------- e-sports league

ROLES = ["entry", "support", "awper", "igl", "lurker"]
TEAMS = ["Night Owls", "Copper Foxes", "Static Pulse", "Red Kites", "Glass Cannons", "Tidal"]


def match_stats(rng: np.random.Generator, n: int, start: int, odd: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        role = pick(rng, ROLES)
        skill = rng.normal(0, 1)
        kills = max(0, int(rng.normal(17 + 4 * skill + (3 if role == "entry" else 0), 4)))
        deaths = max(1, int(rng.normal(16 - 2 * skill, 3.5)))
        assists = max(0, int(rng.normal(5 + (3 if role == "support" else 0), 2.5)))
        adr = round(max(20.0, rng.normal(75 + 12 * skill, 14)), 1)
        hs = round(float(np.clip(rng.normal(0.42 + 0.04 * skill, 0.08), 0.05, 0.9)), 3)
        util = round(max(0.0, rng.normal(30 + (12 if role == "support" else 0), 9)), 1)
        ping = int(np.clip(rng.normal(28, 9), 5, 90))
        apm = int(rng.normal(180 + 20 * skill, 30))
        team_edge = skill + rng.normal(0, 1.2)
        rows.append(
            {
                "match_id": f"M{start + i:05d}",
                "player_handle": f"p_{int(rng.integers(100, 999))}",
                "team": pick(rng, TEAMS),
                "role": role,
                "map": pick(rng, ["Dust", "Mirage", "Inferno", "Nuke", "Ancient"]),
                "kills": kills,
                "deaths": deaths,
                "assists": assists,
                "adr": adr,
                "headshot_pct": hs,
                "utility_dmg": util,
                "ping_ms": ping,
                "apm": apm,
                "result": "win" if team_edge > 0 else "loss",
                "mvp_award": "yes"
                if (kills - deaths + 0.2 * adr + rng.normal(0, 6)) > 22
                else "no",
            }
        )
    df = pd.DataFrame(rows)
    for j in range(odd):
        k = int(rng.integers(len(df)))
        if j % 3 == 0:
            df.loc[k, ["kills", "headshot_pct", "adr"]] = [71, 0.97, 310.0]
        elif j % 3 == 1:
            df.loc[k, ["apm", "ping_ms"]] = [2900, 1]
        else:
            df.loc[k, ["deaths", "kills", "utility_dmg"]] = [0, 0, 0.0]
    return df


CHAT = {
    "toxic": [
        "uninstall the game you absolute trash",
        "ur mom should have kept u off the pc",
        "kys noob",
        "report this idiot, worst player alive",
        "go back to bronze you braindead clown",
        "shut up nobody asked, you are garbage",
    ],
    "spam": [
        "FREE SKINS at skinz-drop dot gg click now",
        "follow my stream twitch slash xx_pro_xx",
        "cheap boosting service dm me 5$ per rank",
        "WIN A KNIFE visit giveaway link in bio",
        "buy coins cheap coinzz shop discount code",
    ],
    "clean": [
        "gg wp everyone",
        "nice clutch on B site",
        "anyone know what time the playoffs start",
        "rotate mid next round",
        "that flash was insane lol",
        "good luck in the final lads",
        "ref can we pause for a sec, my mouse died",
        "well played, close game",
    ],
}


def chat_logs(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        verdict = ["clean", "toxic", "spam"][int(rng.choice(3, p=[0.6, 0.25, 0.15]))]
        msg = pick(rng, CHAT[verdict])
        if rng.random() < 0.3:
            msg = msg + pick(rng, [" !!", " lmao", " fr", " ...", " xD"])
        if rng.random() < 0.15:
            msg = msg.upper()
        rows.append(
            {
                "msg_id": 50000 + i,
                "channel": pick(rng, ["#match-chat", "#general", "#lfg", "#finals-watch"]),
                "sender": f"user{int(rng.integers(1, 400))}",
                "sent_at": str(
                    pd.Timestamp("2026-09-01 18:00")
                    + pd.Timedelta(minutes=int(rng.integers(0, 9000)))
                ),
                "message": msg,
                "sender_prior_warnings": int(rng.poisson(0.6 if verdict == "clean" else 1.8)),
                "mod_verdict": verdict if rng.random() < 0.12 else "",
            }
        )
    return pd.DataFrame(rows)


REPORT_TEXT = {
    "upheld": [
        "player was spinning with aimbot, instant flicks through smoke",
        "wallhacking, prefired every corner all half, clip attached",
        "threw the match on purpose, walked into enemy spawn five rounds",
        "used a slur in voice chat, recorded demo tick 4410",
        "smurf account, new account with 2000 hours of aim",
    ],
    "dismissed": [
        "he was just better than us tbh but seems sus",
        "bad teammate, didnt buy when I asked",
        "lag killed me, maybe his fault?",
        "they were rude in all chat i think",
        "idk he got lucky headshots",
    ],
}

RULEBOOK = """# Northern Frag League: rulebook (season 9)

## Match format

All regular season matches are best of three. Playoff matches are best of five, and the grand
final is best of five with a map advantage for the upper bracket winner. A team that does not
show up within 15 minutes of the scheduled start forfeits the map.

## Rosters

A roster has five starters and up to two substitutes. Roster changes lock at the end of week
six. A player who is registered on two teams at once is banned for the rest of the season.

## Conduct and chat moderation

Toxic language in match chat is punished with a warning for the first offence and a one-match
mute for the second. Slurs are an automatic ban of two matches. Advertising links or boosting
services in any league channel is treated as spam and the message is removed without warning.

Moderators must log every action in the moderation sheet with the message id and the verdict.
A verdict can be appealed within 48 hours by opening a ticket with the league admins.

## Anti-cheat

Every player runs the league anti-cheat client during official matches. If the client is not
running, the round is replayed once and the player gets a formal warning. A confirmed cheating
report results in a season ban and the team forfeits every map the player played.

Ping above 80 ms for more than three rounds allows the team captain to request a pause. The
maximum total pause time per team per map is five minutes.

## Prize pool

The prize pool is 12,000 euros. The champion receives half of it, the runner-up a quarter, and
the rest is shared between the two semi-finalists.
"""

# --------------------------------------------------------------------------- cosmetics brand

PRODUCTS = {
    "serum": ["Glow Drops Vit C", "Night Repair Retinol", "Hydra B5 Serum"],
    "moisturiser": ["Cloud Cream", "Barrier Balm", "Oil-Free Gel Cream"],
    "cleanser": ["Gentle Foam Wash", "Clay Detox Cleanser"],
    "spf": ["Daily Shield SPF50", "Tinted Mineral SPF30"],
}
REVIEW_TEXT = {
    "positive": [
        "absolutely love this, my skin feels so soft",
        "holy grail product, glowing after a week",
        "smells lovely and sinks in fast, will repurchase",
        "finally something that does not break me out",
        "texture is gorgeous and a little goes a long way",
    ],
    "negative": [
        "broke me out in tiny bumps, returning it",
        "burned and stung on application, red for hours",
        "pilled under makeup and left a white cast",
        "waste of money, did nothing for my dry patches",
        "smell is overpowering and it made my eyes water",
    ],
    "mixed": [
        "nice texture but the pump broke after two weeks",
        "works ok but too pricey for the size",
        "good for summer, not hydrating enough for winter",
        "helped my redness a bit but slight tingling at first",
    ],
}


def reviews(rng: np.random.Generator, n: int, start: int, with_sent: float) -> pd.DataFrame:
    rows = []
    for i in range(n):
        sent = ["positive", "negative", "mixed"][int(rng.choice(3, p=[0.55, 0.25, 0.2]))]
        line = pick(rng, list(PRODUCTS))
        stars = {"positive": [4, 5, 5], "negative": [1, 1, 2], "mixed": [3, 3, 4]}[sent]
        star = int(stars[int(rng.integers(3))])
        skin = pick(rng, ["dry", "oily", "combination", "sensitive", "normal"])
        reaction = int(sent == "negative" and (skin == "sensitive" or rng.random() < 0.35))
        rows.append(
            {
                "review_id": f"RV{start + i:06d}",
                "product_line": line,
                "product_name": pick(rng, PRODUCTS[line]),
                "skin_type": skin,
                "age_band": pick(rng, ["18-24", "25-34", "35-44", "45-54", "55+"]),
                "star_rating": star,
                "review_text": pick(rng, REVIEW_TEXT[sent]),
                "verified_buyer": pick(rng, ["Y", "Y", "N"]),
                "helpful_votes": int(rng.poisson(3)),
                "sentiment": sent if rng.random() < with_sent else "",
                "skin_reaction_reported": reaction,
                "would_repurchase": "yes"
                if (sent == "positive" or (sent == "mixed" and rng.random() < 0.4))
                else "no",
            }
        )
    return pd.DataFrame(rows)


INCI_BASE = ["Aqua", "Glycerin", "Butylene Glycol", "Niacinamide", "Squalane", "Panthenol"]
INCI_RISK = ["Parfum", "Linalool", "Limonene", "Alcohol Denat.", "Citral", "Methylisothiazolinone"]


def formulas(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        line = pick(rng, list(PRODUCTS))
        k = int(rng.integers(0, 3))
        risk = list(rng.choice(INCI_RISK, size=k, replace=False))
        inci = INCI_BASE[: int(rng.integers(3, 7))] + risk + ["Phenoxyethanol"]
        frag = round(float(rng.uniform(0.1, 1.2)) if "Parfum" in risk else 0.0, 2)
        ph = round(float(rng.normal(5.5 if line != "cleanser" else 6.5, 0.5)), 2)
        complaints = int(rng.poisson(0.5 + 2.0 * len(risk) + 3 * frag))
        rows.append(
            {
                "batch_no": f"B{26000 + i}",
                "product_line": line,
                "ingredients_inci": ", ".join(inci),
                "ph": ph,
                "viscosity_cps": int(rng.normal(8000 if line == "moisturiser" else 2500, 600)),
                "fragrance_pct": frag,
                "fill_weight_g": round(float(rng.normal(50, 0.8)), 2),
                "stability_weeks_40c": int(rng.integers(8, 13)),
                "complaints_per_10k": complaints,
                "qc_status": "pass" if complaints < 5 and 4.5 < ph < 7.5 else "review",
            }
        )
    df = pd.DataFrame(rows)
    df.loc[7, ["ph", "fill_weight_g"]] = [11.8, 31.0]
    df.loc[44, ["viscosity_cps", "fragrance_pct"]] = [95000, 6.5]
    df.loc[101, ["ph", "stability_weeks_40c"]] = [1.2, 1]
    return df


COMPLAINT = {
    "allergic_reaction": [
        "My face swelled up and went red after using the {p}. I had to take antihistamines.",
        "Used the {p} twice and now have an itchy rash on my cheeks and neck, very upset.",
        "The {p} gave me hives and burning around the eyes, my doctor said contact dermatitis.",
    ],
    "delivery": [
        "Order still not arrived after 12 days, tracking says it is stuck at the depot.",
        "Courier left my parcel in the rain and the box with the {p} was soaked.",
        "I received someone else's order instead of my {p}, please send the right one.",
    ],
    "packaging": [
        "The pump on the {p} stopped working after a week, half the product is stuck inside.",
        "Lid of the {p} cracked in transit and product leaked all over the box.",
        "The seal on my {p} was already broken when it arrived, is it safe to use?",
    ],
    "billing": [
        "I was charged twice for the same order containing the {p}, please refund one payment.",
        "My discount code was not applied at checkout and I paid full price.",
        "Cancelled my subscription last month but you charged my card again.",
    ],
}


def complaints(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    names = [p for ps in PRODUCTS.values() for p in ps]
    for i in range(n):
        issue = ["allergic_reaction", "delivery", "packaging", "billing"][
            int(rng.choice(4, p=[0.2, 0.35, 0.25, 0.2]))
        ]
        prod = pick(rng, names)
        body = pick(rng, COMPLAINT[issue]).format(p=prod)
        body = pick(rng, ["Hi, ", "Hello team, ", "To whom it may concern, ", ""]) + body
        body += pick(rng, [" Thanks.", " Regards, a loyal customer", " Not happy.", ""])
        rows.append(
            {
                "email_id": f"CE-{7000 + i}",
                "received": str(
                    pd.Timestamp("2026-06-01") + pd.Timedelta(hours=int(rng.integers(0, 3000)))
                ),
                "subject": pick(
                    rng, ["Complaint", "Problem with my order", "URGENT", "re: order", "help"]
                ),
                "body": body,
                "product": prod,
                "customer_tier": pick(rng, ["standard", "standard", "vip"]),
                "issue_type": issue if rng.random() < 0.1 else "",
                "escalated": "Y" if issue == "allergic_reaction" or rng.random() < 0.1 else "N",
            }
        )
    return pd.DataFrame(rows)


GLOSSARY = """# Lumen & Leaf ingredient glossary (customer care edition)

This glossary helps the care team answer questions about what is in our products. It is not
medical advice; customers with a reaction are always told to stop using the product.

## Actives

Niacinamide is a form of vitamin B3 that helps reduce redness and supports the skin barrier. Our
Hydra B5 Serum contains 4 percent niacinamide.

Retinol is a vitamin A derivative used in Night Repair Retinol. It can cause dryness and peeling
in the first two weeks, which is called retinisation. Customers should use it at night only and
always wear SPF during the day.

Ascorbic acid is pure vitamin C. It oxidises when exposed to air, so Glow Drops Vit C is packed in
an amber airless bottle. A serum that turns dark orange has oxidised and should be replaced.

## Fragrance and allergens

Parfum means a fragrance blend. Linalool and limonene are fragrance allergens that must be listed
on the label when they exceed 0.001 percent in leave-on products. Sensitive skin customers are
directed to our fragrance-free range.

Methylisothiazolinone is a preservative we removed from all leave-on products in 2024 because it
is a common contact allergen.

## Sunscreen filters

Daily Shield SPF50 uses chemical filters, while Tinted Mineral SPF30 uses zinc oxide. Zinc oxide
can leave a white cast on deeper skin tones, which is why the mineral version is tinted.

## Complaints procedure

If a customer reports swelling, hives or breathing difficulty, the email is escalated to the
safety officer within 24 hours. The batch number printed on the crimp of the tube is recorded so
that the quality team can check the retained sample.
"""

# --------------------------------------------------------------------------- disaster-relief NGO

REGIONS = {
    "North Delta": ["Kessa", "Mbari", "Ulo"],
    "Highlands": ["Tarem", "Gushi"],
    "Coastal Strip": ["Port Anya", "Seli", "Bonu"],
}
FIELD_TEXT = {
    "P1": [
        "cholera cases reported at the camp, no clean water for three days",
        "bridge collapsed, families trapped on the far bank, injured need evacuation",
        "children showing signs of severe malnutrition, clinic out of supplies",
        "flood water still rising, people sheltering on roofs",
    ],
    "P2": [
        "shelters damaged by wind, families sleeping under tarps",
        "water point working but queues of four hours",
        "food distribution missed this village last week",
        "latrines overflowing after the rain, risk of disease",
    ],
    "P3": [
        "situation stable, school reopened in the church hall",
        "request for more hygiene kits for next month",
        "road repaired, markets open again",
        "community committee asks for seeds for the planting season",
    ],
}
NEEDS = {
    "P1": ["medical", "water", "shelter"],
    "P2": ["shelter", "water", "food"],
    "P3": ["food", "hygiene", "livelihoods"],
}


def field_reports(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        pr = ["P1", "P2", "P3"][int(rng.choice(3, p=[0.25, 0.4, 0.35]))]
        region = pick(rng, list(REGIONS))
        hh = int(rng.gamma(2, {"P1": 220, "P2": 120, "P3": 60}[pr]))
        rows.append(
            {
                "report_id": f"FR-{2026}-{i + 1:04d}",
                "region": region,
                "district": pick(rng, REGIONS[region]),
                "reported_by": pick(
                    rng, ["field officer", "community volunteer", "partner NGO", "health post"]
                ),
                "report_text": pick(rng, FIELD_TEXT[pr]),
                "households_affected": hh,
                "water_l_per_person": round(
                    float(np.clip(rng.normal({"P1": 6, "P2": 11, "P3": 17}[pr], 3), 0.5, 30)), 1
                ),
                "days_since_event": int(rng.integers(0, {"P1": 5, "P2": 14, "P3": 40}[pr])),
                "road_access": pick(
                    rng,
                    {
                        "P1": ["closed", "limited", "closed"],
                        "P2": ["limited", "open"],
                        "P3": ["open"],
                    }[pr],
                ),
                "needs_category": pick(rng, NEEDS[pr]),
                "priority": pr if rng.random() < 0.15 else "",
            }
        )
    return pd.DataFrame(rows)


ITEMS = [
    ("water purification tablets", 0.02),
    ("family tent", 180.0),
    ("hygiene kit", 14.0),
    ("jerrycan 20L", 4.5),
    ("ORS sachets", 0.08),
    ("blanket", 6.0),
    ("RUTF carton", 52.0),
    ("solar lamp", 11.0),
]


def supply_requests(
    rng: np.random.Generator, n: int, start: int, odd: int, labelled: bool
) -> pd.DataFrame:
    rows = []
    for i in range(n):
        item, cost = ITEMS[int(rng.integers(len(ITEMS)))]
        qty = int(rng.gamma(2.0, 120 if cost < 1 else 25)) + 1
        stock = int(rng.gamma(2.0, 80))
        lead = int(rng.integers(2, 30))
        urgent = rng.random() < 0.3
        score = (
            (0.8 if urgent else 0)
            + (0.6 if stock >= qty else -0.4)
            - 0.02 * lead
            + rng.normal(0, 0.5)
        )
        row = {
            "request_id": f"SR{start + i:05d}",
            "site_code": f"{pick(rng, ['KES', 'MBA', 'TAR', 'GUS', 'PAN', 'SEL'])}-{int(rng.integers(1, 9))}",
            "item": item,
            "qty_requested": qty,
            "qty_in_stock": stock,
            "unit_cost_usd": cost,
            "lead_time_days": lead,
            "urgent_flag": int(urgent),
            "requester_note": pick(
                rng,
                [
                    "needed before the next distribution",
                    "replacing stock lost in the flood",
                    "new arrivals at the camp this week",
                    "routine monthly top-up",
                    "health post request, cholera response",
                    "",
                ],
            ),
        }
        if labelled:
            row["approval"] = "approved" if score > 0 else "rejected"
            row["delivered_on_time"] = "yes" if lead < 15 and rng.random() < 0.8 else "no"
        rows.append(row)
    df = pd.DataFrame(rows)
    for j in range(odd):
        k = int(rng.integers(len(df)))
        if j % 3 == 0:
            df.loc[k, ["qty_requested", "unit_cost_usd"]] = [250000, 180.0]
        elif j % 3 == 1:
            df.loc[k, ["unit_cost_usd", "lead_time_days"]] = [-14.0, 0]
        else:
            df.loc[k, ["qty_in_stock", "lead_time_days"]] = [99999, 365]
    return df


HANDBOOK = """# Field handbook: Relief Bridge International

## 1. Rapid assessment

A rapid assessment is completed within 72 hours of a new emergency. The assessment team records
the number of households affected, access conditions, and the water available per person per day.

The minimum emergency water standard is 15 litres per person per day for drinking, cooking and
basic hygiene. A site below 7.5 litres per person is classed as critical and reported as priority
P1.

## 2. Priority levels

P1 means life-threatening needs: disease outbreak, people trapped, severe malnutrition, or no
safe water. P1 reports are sent to the regional coordinator by satellite phone within two hours.

P2 means urgent but not immediately life-threatening needs, such as damaged shelters or long
queues at water points. P2 reports are reviewed at the daily coordination meeting.

P3 means stable situations and recovery needs. P3 requests go into the weekly supply plan.

## 3. Supply requests

Every supply request needs a site code, the item, the quantity and a short justification. The
logistics officer approves requests when stock is available or the lead time is under two weeks.
Requests above 10,000 US dollars must be countersigned by the country director.

## 4. Safety and security

Staff never travel after dark outside the main towns. Convoys carry a satellite phone and a
first aid kit, and the movement plan is shared with the security focal point before departure.

When a road is reported closed, teams wait for the logistics cluster update rather than trying
alternative routes through unassessed areas.

## 5. Cholera response

Oral rehydration salts are the first treatment for cholera. Every health post keeps enough ORS
sachets for at least 200 patients, and chlorine tablets are distributed to every household within
one kilometre of a confirmed case.
"""

WASH_TXT = """Relief Bridge - water, sanitation and hygiene notes for volunteers

A latrine must be at least 30 metres from any water source and uphill of it when possible. One
latrine is needed for every 20 people in the first phase of an emergency.

Water purification tablets treat 20 litres each, and the water must stand for 30 minutes before
drinking. Turbid water is filtered through a clean cloth first, because the tablets work poorly in
muddy water.

Hygiene kits contain soap, a bucket with a lid, sanitary pads and a jerrycan. They are distributed
once per household each month, and families of more than six people receive two kits.
"""

# --------------------------------------------------------------------------- rules files

CALLOUT_RULES = [
    {
        "name": "kw_leak",
        "label": "leak",
        "kind": "keyword",
        "column": "customer_description",
        "keywords": ["leak", "leaking", "dripping", "drip", "weeping", "damp patch", "puddle"],
    },
    {
        "name": "kw_no_heat",
        "label": "no_heat",
        "kind": "keyword",
        "column": "customer_description",
        "keywords": ["radiators", "rads", "no heating", "heating not", "freezing"],
    },
    {
        "name": "kw_hot_water",
        "label": "no_hot_water",
        "kind": "keyword",
        "column": "customer_description",
        "keywords": ["hot water", "lukewarm", "shower", "diverter"],
    },
    {
        "name": "kw_pressure",
        "label": "pressure",
        "kind": "keyword",
        "column": "customer_description",
        "keywords": ["pressure", "bar", "repressurise"],
    },
    {
        "name": "kw_noise",
        "label": "noise",
        "kind": "keyword",
        "column": "customer_description",
        "keywords": ["banging", "kettling", "gurgling", "noise", "rumbling", "whistling"],
    },
    {
        "name": "code_f22_pressure",
        "label": "pressure",
        "kind": "category",
        "column": "fault_code",
        "values": ["F22", "E119"],
    },
]

CHAT_RULES = [
    {
        "name": "insults",
        "label": "toxic",
        "kind": "keyword",
        "column": "message",
        "keywords": ["trash", "idiot", "garbage", "clown", "braindead", "kys", "noob"],
    },
    {
        "name": "links_and_ads",
        "label": "spam",
        "kind": "regex",
        "column": "message",
        "pattern": r"(free|cheap|buy|giveaway|follow my|dm me|\$)",
        "ignore_case": True,
    },
    {
        "name": "friendly",
        "label": "clean",
        "kind": "keyword",
        "column": "message",
        "keywords": ["gg", "wp", "nice", "good luck", "well played"],
    },
    {
        "name": "repeat_offender",
        "label": "toxic",
        "kind": "threshold",
        "column": "sender_prior_warnings",
        "op": ">=",
        "value": 4,
    },
]

TRIAGE_RULES = [
    {
        "name": "life_threat_words",
        "label": "P1",
        "kind": "keyword",
        "column": "report_text",
        "keywords": ["cholera", "trapped", "malnutrition", "evacuation", "roofs"],
    },
    {
        "name": "critical_water",
        "label": "P1",
        "kind": "threshold",
        "column": "water_l_per_person",
        "op": "<",
        "value": 7.5,
    },
    {
        "name": "road_closed",
        "label": "P1",
        "kind": "category",
        "column": "road_access",
        "values": ["closed"],
    },
    {
        "name": "damage_words",
        "label": "P2",
        "kind": "keyword",
        "column": "report_text",
        "keywords": ["damaged", "queues", "missed", "overflowing", "tarps"],
    },
    {
        "name": "stable_words",
        "label": "P3",
        "kind": "keyword",
        "column": "report_text",
        "keywords": ["stable", "reopened", "repaired", "seeds", "next month"],
    },
]


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "rules").mkdir(parents=True, exist_ok=True)

    # plumbing
    jobs = jobsheets(rng, 720, 1)
    hand = rng.random(len(jobs)) < 0.12
    jobs_pool = jobs.copy()
    jobs_pool.loc[~hand, "job_category"] = ""
    jobs_pool.iloc[:520].to_csv(out / "job_sheets_2026.csv", index=False)
    jobs.iloc[520:640].to_csv(out / "job_sheets_test.csv", index=False)
    jobs.iloc[640:].drop(columns=["job_category", "first_time_fix", "callback_30d"]).to_csv(
        out / "callouts_this_week.csv", index=False
    )
    gold_idx = rng.choice(520, size=90, replace=False)
    jobs.iloc[np.sort(gold_idx)][["job_ref", "job_category"]].rename(
        columns={"job_category": "category_checked"}
    ).to_csv(out / "callout_categories_checked.csv", index=False)
    (out / "docs" / "boiler_fault_codes.md").write_text(FAULT_DOC, encoding="utf-8")
    (out / "docs" / "service_checklist.txt").write_text(SERVICE_TXT, encoding="utf-8")
    (out / "rules" / "callout_rules.json").write_text(
        json.dumps(CALLOUT_RULES, indent=1), encoding="utf-8"
    )

    # e-sports
    match_stats(rng, 700, 1, 9).to_csv(out / "match_stats_s9.csv", index=False)
    match_stats(rng, 180, 2001, 0).to_csv(out / "match_stats_playoffs.csv", index=False)
    match_stats(rng, 60, 3001, 3).drop(columns=["result", "mvp_award"]).to_csv(
        out / "match_stats_week10.csv", index=False
    )
    chat = chat_logs(rng, 900)
    chat.to_csv(out / "chat_log_sept.csv", index=False)
    reps = []
    for i in range(240):
        outcome = "upheld" if rng.random() < 0.4 else "dismissed"
        reps.append(
            {
                "report_no": 900 + i,
                "reported_player": f"p_{int(rng.integers(100, 999))}",
                "reporter_team": pick(rng, TEAMS),
                "reason_category": pick(rng, ["cheating", "griefing", "abuse", "smurfing"]),
                "report_text": pick(rng, REPORT_TEXT[outcome]),
                "demo_attached": pick(rng, ["yes", "no"]) if outcome == "dismissed" else "yes",
                "admin_decision": outcome if rng.random() < 0.2 else "",
            }
        )
    pd.DataFrame(reps).to_csv(out / "player_reports.csv", index=False)
    (out / "docs" / "league_rulebook.md").write_text(RULEBOOK, encoding="utf-8")
    (out / "rules" / "chat_mod_rules.json").write_text(
        json.dumps(CHAT_RULES, indent=1), encoding="utf-8"
    )

    # cosmetics
    reviews(rng, 800, 1, 0.15).to_csv(out / "product_reviews.csv", index=False)
    reviews(rng, 200, 5001, 1.0).to_csv(out / "product_reviews_test.csv", index=False)
    reviews(rng, 80, 9001, 0.0).drop(
        columns=["sentiment", "skin_reaction_reported", "would_repurchase"]
    ).to_csv(out / "reviews_new_batch.csv", index=False)
    formulas(rng, 260).to_csv(out / "batch_formulas.csv", index=False)
    comp = complaints(rng, 420)
    comp.to_csv(out / "complaint_emails.csv", index=False)
    (out / "docs" / "ingredient_glossary.md").write_text(GLOSSARY, encoding="utf-8")

    # NGO
    fr = field_reports(rng, 560)
    fr.to_csv(out / "field_reports.csv", index=False)
    # the triage desk's checked priorities (from the report texts) for a sample of reports
    sample = np.sort(rng.choice(len(fr), size=110, replace=False))
    texts = fr.loc[sample, "report_text"]
    checked = [next(p for p, ts in FIELD_TEXT.items() if t in ts) for t in texts]
    pd.DataFrame(
        {"report_id": fr.loc[sample, "report_id"].to_numpy(), "triage_priority": checked}
    ).to_csv(out / "triage_checked.csv", index=False)
    supply_requests(rng, 600, 1, 9, True).to_csv(out / "supply_requests.csv", index=False)
    supply_requests(rng, 150, 7001, 0, True).to_csv(out / "supply_requests_q3.csv", index=False)
    supply_requests(rng, 70, 9001, 2, False).to_csv(
        out / "supply_requests_pending.csv", index=False
    )
    (out / "docs" / "field_handbook.md").write_text(HANDBOOK, encoding="utf-8")
    (out / "docs" / "wash_notes.txt").write_text(WASH_TXT, encoding="utf-8")
    (out / "rules" / "triage_rules.json").write_text(
        json.dumps(TRIAGE_RULES, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
