"""Write the fresh53 corpus's files into DIR: a print shop, a county records archive and a
volunteer mountain-rescue team (all invented, offline, deterministic: seed 5353).

Run: python make_data.py DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5353


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n", float_format="%.6g")


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def pick(rng: np.random.Generator, items: list, p: list | None = None):
    return items[int(rng.choice(len(items), p=p))]


# --------------------------------------------------------------------------- print shop

PRODUCTS = ["business cards", "flyers", "posters", "banners", "booklets", "wedding invites"]
STOCKS = {
    "silk": [130, 170, 250, 350],
    "gloss": [130, 170, 300],
    "uncoated": [100, 120, 300],
    "recycled": [120, 300],
    "vinyl": [440],
}
CUSTOMERS = [
    "Harbour Cafe",
    "Greenlea Primary",
    "Mossgiel Estates",
    "Tarn Yoga",
    "Bellwood FC",
    "Rowan & Co Solicitors",
    "The Old Forge Gallery",
    "Kestrel Cycles",
    "St Aidan's Church",
    "Pippa Loft Weddings",
    "Northgate Dental",
    "Lantern Theatre",
    "Brackenridge Farm Shop",
    "Citrus Hair Studio",
    "Dunmore Rotary",
]
NOTE_BITS = [
    "customer supplied artwork as RGB, converted to CMYK",
    "logo low res, warned customer",
    "no bleed on supplied PDF, extended background",
    "fonts not embedded, outlined before plating",
    "second proof after colour query on the green",
    "repeat of last year's job, same files",
    "rush job promised for Friday",
    "spot UV on front only",
    "fold marks requested, crease before folding",
    "customer approved proof by phone",
    "trimmed to A5, 3mm bleed all round",
    "double sided, same artwork both sides",
    "barcode on back needs to scan",
    "pantone match requested for brand colour",
    "laminate matt both sides",
    "collect from counter, no delivery",
]
TOPIC_TEXT = {
    "proof_change": [
        "Hi, can you move the logo up a bit on the proof and change the phone number to {n}?",
        "The proof looks great but the date is wrong, should be the {d}th not the {e}th",
        "Please swap the photo on page {p} of the booklet proof, wrong one used",
        "Small typo on the proof, Ceasar should be Caesar. otherwise approved",
        "can the text on the proof be a bit bigger? my mum can't read it",
        "Colour on the proof looks too dark compared to our website, can you lighten it",
    ],
    "delivery": [
        "Where is my order? It was meant to arrive {day} and nothing yet",
        "Can the delivery go to our other address instead, unit {n} on the industrial estate",
        "Courier says delivered but we have not received the boxes",
        "What time will the van come on {day}? nobody is in after 3",
        "Is it possible to collect the banners ourselves rather than have them posted",
        "tracking number doesn't work, any update on dispatch?",
    ],
    "quote": [
        "How much for {q} {prod} on {g}gsm silk, double sided?",
        "Could you quote for {q} A5 {prod}, we need them by the end of the month",
        "Price for a pull up banner plus {q} leaflets please",
        "What would {q} {prod} cost if we supply print ready PDFs?",
        "Do you do discounts for charities? Looking at {q} {prod}",
        "need a price for reprinting our menus, roughly {q} copies",
    ],
    "complaint": [
        "Very disappointed, the {prod} came back with the colours completely off",
        "The cards are cut wonky, the border is thicker on one side. Not acceptable",
        "Half the {prod} are smudged, we can't hand these out",
        "We paid for express and it came {n} days late, the event has been and gone",
        "Wrong paper used, we ordered uncoated and got gloss. Please sort this",
        "box arrived crushed and the corners of the {prod} are bent",
    ],
    "artwork": [
        "Attached is the artwork, is the resolution OK for a poster?",
        "Can you design a simple flyer for us, we only have the logo",
        "Our designer sent the files in RGB, will that be a problem?",
        "Do you need bleed on the PDF? Not sure what that means",
        "Can you use our brand font, I can send the file",
        "I only have the logo as a jpeg, can you make it work for a banner",
    ],
}
CHANNELS = ["email", "web form", "phone note", "facebook"]


def print_shop(rng: np.random.Generator, out: Path) -> None:
    n = 880
    rows = []
    for i in range(n):
        product = pick(rng, PRODUCTS, [0.25, 0.25, 0.15, 0.1, 0.15, 0.1])
        paper = (
            "vinyl"
            if product == "banners"
            else pick(rng, ["silk", "gloss", "uncoated", "recycled"])
        )
        gsm = int(rng.choice(STOCKS[paper]))
        qty = int(rng.choice([50, 100, 250, 500, 1000, 2500, 5000]))
        if product == "banners":
            qty = int(rng.integers(1, 6))
        rush = rng.random() < 0.22
        turnaround = int(rng.integers(1, 4) if rush else rng.integers(3, 11))
        proof_rounds = int(rng.poisson(1.2))
        colour = pick(rng, ["CMYK", "CMYK", "CMYK", "spot", "mono"])
        finish = pick(rng, ["none", "matt lam", "gloss lam", "spot UV", "none"])
        rgb = rng.random() < 0.25
        notes = list(rng.choice(NOTE_BITS, size=int(rng.integers(1, 4)), replace=False))
        if rgb and NOTE_BITS[0] not in notes:
            notes.append(NOTE_BITS[0])
        price = round(
            12
            + qty
            * {
                "business cards": 0.03,
                "flyers": 0.05,
                "posters": 0.9,
                "banners": 45,
                "booklets": 1.6,
                "wedding invites": 0.8,
            }[product]
            * (1.3 if rush else 1.0)
            * (1 + gsm / 1000)
            + float(rng.normal(0, 4)),
            2,
        )
        risk = -2.6 + 0.7 * rush + 0.45 * proof_rounds + 0.9 * rgb + 0.5 * (paper == "recycled")
        risk += 0.4 * (finish == "spot UV") + float(rng.normal(0, 0.6))
        reprint = rng.random() < 1 / (1 + np.exp(-risk))
        late_p = (
            -2.2 + 1.1 * (turnaround <= 2) + 0.35 * proof_rounds + 0.4 * (product == "booklets")
        )
        late = rng.random() < 1 / (1 + np.exp(-late_p))
        complaint = rng.random() < (0.55 if reprint else 0.05) + (0.15 if late else 0)
        rows.append(
            {
                "order_no": f"PO-{24000 + i}",
                "order_date": str(pd.Timestamp("2024-01-02") + pd.Timedelta(days=int(i * 0.4))),
                "customer": pick(rng, CUSTOMERS),
                "product": product,
                "paper_stock": paper,
                "gsm": gsm,
                "quantity": qty,
                "colour_mode": colour,
                "finish": finish,
                "rush": "yes" if rush else "no",
                "turnaround_days": turnaround,
                "proof_rounds": proof_rounds,
                "price_gbp": price,
                "job_notes": "; ".join(notes),
                "reprint_needed": "yes" if reprint else "no",
                "late_delivery": "yes" if late else "no",
                "complaint_raised": "yes" if complaint else "no",
            }
        )
    df = pd.DataFrame(rows)
    df["order_date"] = df["order_date"].str[:10]
    write_csv(df.iloc[:600], out / "print_orders_2024.csv")
    write_csv(df.iloc[600:800], out / "print_orders_q4_check.csv")
    new = df.iloc[800:].drop(columns=["reprint_needed", "late_delivery", "complaint_raised"])
    write_csv(new, out / "incoming_orders.csv")

    # customer messages: topic partly filled, plus a separate hand-labelled sample
    msgs = []
    topics = list(TOPIC_TEXT)
    for i in range(520):
        topic = pick(rng, topics, [0.22, 0.2, 0.25, 0.15, 0.18])
        text = pick(rng, TOPIC_TEXT[topic]).format(
            n=int(rng.integers(2, 40)),
            d=int(rng.integers(10, 28)),
            e=int(rng.integers(1, 9)),
            p=int(rng.integers(2, 16)),
            day=pick(rng, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
            q=int(rng.choice([100, 250, 500, 1000, 2000])),
            prod=pick(rng, PRODUCTS),
            g=int(rng.choice([250, 350, 400])),
        )
        if rng.random() < 0.3:
            text += pick(rng, [" Thanks!", " Cheers, Dave", " Regards", " x", " ASAP please"])
        msgs.append(
            {
                "msg_id": f"M{7000 + i}",
                "received": str(
                    pd.Timestamp("2024-03-01 08:00") + pd.Timedelta(minutes=int(i * 97))
                ),
                "channel": pick(rng, CHANNELS),
                "customer": pick(rng, CUSTOMERS),
                "message": text,
                "true_topic": topic,
            }
        )
    m = pd.DataFrame(msgs)
    filled = rng.random(len(m)) < 0.13
    m["topic"] = np.where(filled, m["true_topic"], "")
    gold_idx = rng.choice(np.where(~filled)[0], size=70, replace=False)
    gold = m.iloc[np.sort(gold_idx)][["msg_id", "true_topic"]].rename(
        columns={"true_topic": "topic"}
    )
    m = m.drop(columns=["true_topic"])
    write_csv(m, out / "customer_messages.csv")
    write_csv(gold, out / "messages_tagged_by_sam.csv")
    rules = [
        {
            "name": "mentions_proof",
            "label": "proof_change",
            "kind": "keyword",
            "column": "message",
            "keywords": ["proof", "typo"],
        },
        {
            "name": "where_is_it",
            "label": "delivery",
            "kind": "keyword",
            "column": "message",
            "keywords": ["courier", "delivery", "tracking", "dispatch", "collect", "van"],
        },
        {
            "name": "asks_price",
            "label": "quote",
            "kind": "regex",
            "column": "message",
            "pattern": r"\b(how much|quote|price|cost)\b",
            "ignore_case": True,
        },
        {
            "name": "unhappy",
            "label": "complaint",
            "kind": "keyword",
            "column": "message",
            "keywords": [
                "disappointed",
                "not acceptable",
                "smudged",
                "wonky",
                "crushed",
                "wrong paper",
            ],
        },
        {
            "name": "file_talk",
            "label": "artwork",
            "kind": "keyword",
            "column": "message",
            "keywords": ["artwork", "RGB", "bleed", "font", "jpeg", "design"],
        },
    ]
    write_text(json.dumps(rules, indent=2), out / "message_rules.json")

    # paper stock with a few odd rows
    stock = []
    for i in range(160):
        paper = pick(rng, list(STOCKS))
        gsm = int(rng.choice(STOCKS[paper]))
        use = int(rng.integers(200, 4000))
        stock.append(
            {
                "sku": f"PAP-{paper[:3].upper()}-{gsm}-{i:03d}",
                "paper": paper,
                "gsm": gsm,
                "sheet_size": pick(rng, ["SRA3", "SRA3", "A4", "B2", "roll"]),
                "sheets_on_hand": int(use * rng.uniform(0.5, 3)),
                "reorder_level": int(use * 0.6),
                "monthly_use": use,
                "unit_cost_p": round(gsm / 40 * rng.uniform(0.8, 1.2), 2),
                "supplier": pick(rng, ["Antalis", "Premier Paper", "GF Smith", "Denmaur"]),
            }
        )
    st = pd.DataFrame(stock)
    st.loc[17, ["sheets_on_hand", "unit_cost_p"]] = [980000, 0.01]
    st.loc[64, ["gsm", "unit_cost_p"]] = [35, 48.5]
    st.loc[101, ["paper", "sheet_size"]] = ["vinyl", "A4"]
    st.loc[133, "monthly_use"] = 91000
    write_csv(st, out / "paper_stock.csv")

    # reprints log (fault partly filled)
    rp = []
    reasons = {
        "ours": [
            "misregistration on press",
            "guillotine cut off the edge",
            "wrong stock loaded",
            "colour drift on the second run",
            "missed the spot UV layer",
        ],
        "customer": [
            "customer typo approved on proof",
            "customer sent wrong file version",
            "customer changed mind on wording after approval",
            "low res logo supplied",
        ],
        "supplier": [
            "damp paper from supplier",
            "lamination film bubbled",
            "courier crushed box",
            "ink batch fault reported by supplier",
        ],
    }
    for i in range(240):
        fault = pick(rng, ["ours", "customer", "supplier"], [0.45, 0.35, 0.2])
        rp.append(
            {
                "reprint_id": f"RP{300 + i}",
                "order_no": f"PO-{24000 + int(rng.integers(0, 880))}",
                "what_happened": pick(rng, reasons[fault])
                + pick(rng, ["", ", rerun same day", ", customer upset", ", half the batch"]),
                "reprint_cost_gbp": round(float(rng.gamma(2, 40)), 2),
                "fault": fault if rng.random() < 0.25 else "",
            }
        )
    write_csv(pd.DataFrame(rp), out / "reprints_log.csv")

    write_text(
        """
# House style guide (Inkwell Print Co.)

## Files we accept

Print ready PDF is the preferred format. Artwork must be supplied in CMYK; RGB files are converted
by the studio and colours may shift, especially bright greens and blues. Images should be 300 dpi
at the printed size. Logos supplied as jpeg under 150 dpi are flagged to the customer before proof.

## Bleed and safe area

Every job that prints to the edge needs 3mm bleed on all sides. Text and logos stay 5mm inside the
trim line, the safe area. Booklets need 5mm bleed because the cover wraps the spine.

## Proofs

A PDF proof is sent for every job. The customer must approve the proof in writing before plating.
Changes after approval are charged at 15 pounds per round. A hard copy proof costs 25 pounds and adds
one working day. Errors the customer approved on the proof are not reprinted free of charge.

## Turnaround

Standard turnaround is five working days from proof approval. Rush jobs are two working days and
carry a 30 percent surcharge. Orders approved after 2pm count from the next working day.
""",
        out / "shop_docs/house_style_guide.md",
    )
    write_text(
        """
# Reprints and complaints policy

When a customer reports a fault, the counter staff log it in the reprints log within one working
day. The production manager decides the fault: ours, customer or supplier.

If the fault is ours, the job is reprinted free and sent by express. If the fault is the customer's,
for example a typo they approved on the proof, we offer a reprint at 50 percent of the original
price. Supplier faults are reprinted free and the cost is claimed back from the supplier within 30
days.

Smudging usually means the sheets were stacked before the ink dried. Wonky trimming means the
guillotine was not squared after a blade change. Colour drift on long runs is checked every 500
sheets against the approved proof.

Complaints must be answered within 48 hours. A complaint that is not resolved in two weeks goes to
the owner, Mrs Ellen Booth.
""",
        out / "shop_docs/reprints_policy.md",
    )


# --------------------------------------------------------------------------- archive

READER_TYPES = [
    "family historian",
    "academic",
    "student",
    "local author",
    "solicitor",
    "house historian",
]
SERIES = {
    "parish": ["PR/ASH", "PR/BEL", "PR/CRO", "PR/DUN"],
    "court": ["QS/OB", "QS/RO", "PS/NW"],
    "estate": ["D/MOS", "D/BRA", "D/HAL"],
    "council": ["CC/MIN", "UDC/TAR", "RDC/NOR"],
    "school": ["SL/GRE", "SL/STA"],
    "photograph": ["PH/LOC", "PH/AER"],
}
DESC = {
    "parish": [
        "Register of baptisms, marriages and burials for the parish of {place}",
        "Churchwardens' accounts, {place}, with vestry minutes",
        "Bishop's transcripts of {place} parish registers",
        "Banns book of {place} parish church",
    ],
    "court": [
        "Quarter sessions order book, {place} division",
        "Petty sessions minute book, {place} bench, summary convictions",
        "Recognizances to keep the peace, {place}",
        "Calendar of prisoners committed for trial at the assizes",
    ],
    "estate": [
        "Rentals and tenancy agreements of the {place} estate",
        "Estate maps and field books, {place} manor",
        "Letters of the steward of the {place} estate to the family solicitor",
        "Title deeds to farms at {place}",
    ],
    "council": [
        "Minutes of {place} urban district council, highways committee",
        "Rate books for {place} township",
        "Council housing allocation register, {place}",
        "Minutes of the county council finance committee",
    ],
    "school": [
        "Admission register of {place} board school",
        "Log book kept by the headmaster of {place} national school",
        "Punishment book, {place} council school",
    ],
    "photograph": [
        "Glass plate negatives of {place} high street",
        "Aerial photographs of {place} and surrounding farms",
        "Photograph album of the {place} carnival",
    ],
}
PLACES = [
    "Ashby Fell",
    "Bellwood",
    "Crossthwaite",
    "Dunmore",
    "Greenlea",
    "Mossgiel",
    "Tarnside",
    "Northgate",
]
REQ_NOTES = [
    "looking for my great grandmother's baptism",
    "researching enclosure of common land for a thesis",
    "need the original, the microfilm is unreadable",
    "checking boundary of a property for a client",
    "writing a village history book",
    "school project on the workhouse",
    "would like to photograph the maps",
    "comparing rentals over several decades",
    "tracing a conviction mentioned in a newspaper",
    "house history, who lived here in 1881",
]


def archive(rng: np.random.Generator, out: Path) -> None:
    # catalogue entries: record_type partly filled, separate hand-labelled sample
    cat = []
    types = list(DESC)
    for i in range(720):
        rt = pick(rng, types, [0.24, 0.16, 0.18, 0.18, 0.12, 0.12])
        start = int(rng.integers(1560, 1960))
        span = int(rng.integers(0, 60))
        place = pick(rng, PLACES)
        desc = pick(rng, DESC[rt]).format(place=place)
        if rng.random() < 0.35:
            desc += pick(
                rng,
                [
                    ". Some pages water damaged",
                    ". Index at back",
                    ". Bound volume",
                    ". Closed for 75 years under data protection",
                    ". Incomplete",
                ],
            )
        cat.append(
            {
                "ref_code": f"{pick(rng, SERIES[rt])}/{int(rng.integers(1, 400))}/{i}",
                "title": desc.split(",")[0][:60],
                "covering_dates": f"{start}-{start + span}",
                "extent": pick(
                    rng, ["1 volume", "2 volumes", "1 bundle", "1 file", "12 items", "1 roll"]
                ),
                "description": desc,
                "true_type": rt,
            }
        )
    c = pd.DataFrame(cat)
    filled = rng.random(len(c)) < 0.1
    c["record_type"] = np.where(filled, c["true_type"], "")
    g_idx = rng.choice(np.where(~filled)[0], size=80, replace=False)
    gold = c.iloc[np.sort(g_idx)][["ref_code", "true_type"]].rename(
        columns={"ref_code": "ref", "true_type": "type_checked"}
    )
    write_csv(c.drop(columns=["true_type"]), out / "catalogue_entries.csv")
    write_csv(gold, out / "catalogue_checked_by_archivist.csv")
    rules = [
        {
            "name": "parish_words",
            "label": "parish",
            "kind": "keyword",
            "column": "description",
            "keywords": ["baptisms", "banns", "churchwardens", "parish registers", "burials"],
        },
        {
            "name": "court_words",
            "label": "court",
            "kind": "keyword",
            "column": "description",
            "keywords": ["sessions", "assizes", "recognizances", "convictions"],
        },
        {
            "name": "estate_words",
            "label": "estate",
            "kind": "keyword",
            "column": "description",
            "keywords": ["estate", "rentals", "deeds", "manor", "steward"],
        },
        {
            "name": "council_words",
            "label": "council",
            "kind": "regex",
            "column": "description",
            "pattern": r"(council|rate books|committee)",
            "ignore_case": True,
        },
        {
            "name": "school_words",
            "label": "school",
            "kind": "keyword",
            "column": "description",
            "keywords": ["admission register", "log book", "punishment book", "school"],
        },
        {
            "name": "photo_words",
            "label": "photograph",
            "kind": "keyword",
            "column": "description",
            "keywords": ["photographs", "negatives", "photograph album"],
        },
        {
            "name": "series_is_photo",
            "label": "photograph",
            "kind": "regex",
            "column": "ref_code",
            "pattern": r"^PH/",
        },
    ]
    write_text(json.dumps(rules, indent=2), out / "catalogue_rules.json")

    # reading-room requests over three periods
    reqs = []
    for i in range(760):
        rt = pick(rng, types)
        reader = pick(rng, READER_TYPES)
        fmt = pick(rng, ["original", "original", "microfilm", "digital surrogate"])
        age = 2024 - int(rng.integers(1560, 1960))
        items = int(rng.integers(1, 9))
        fragile = rng.random() < (0.15 + 0.25 * (age > 250))
        cond_score = -2.4 + 1.6 * fragile + 0.9 * (fmt == "original") + 0.004 * age + 0.15 * items
        needs_check = rng.random() < 1 / (1 + np.exp(-cond_score + float(rng.normal(0, 0.4))))
        prod_p = 0.9 - 0.3 * needs_check - 0.03 * items + 0.05 * (fmt != "original")
        produced = rng.random() < prod_p
        reqs.append(
            {
                "request_id": f"RR{10000 + i}",
                "visit_date": str(pd.Timestamp("2023-01-09") + pd.Timedelta(days=int(i * 0.9)))[
                    :10
                ],
                "reader_type": reader,
                "item_ref": f"{pick(rng, SERIES[rt])}/{int(rng.integers(1, 400))}",
                "record_type": rt,
                "item_age_years": age,
                "items_requested": items,
                "format_requested": fmt,
                "marked_fragile": "Y" if fragile else "N",
                "reader_note": pick(rng, REQ_NOTES),
                "conservation_check": "needed" if needs_check else "not needed",
                "produced_same_day": "yes" if produced else "no",
            }
        )
    r = pd.DataFrame(reqs)
    write_csv(r.iloc[:480], out / "reading_room_requests_2023.csv")
    write_csv(r.iloc[480:680], out / "reading_room_requests_2024.csv")
    write_csv(
        r.iloc[680:].drop(columns=["conservation_check", "produced_same_day"]),
        out / "requests_booked_next_month.csv",
    )

    # conservation notes (free text + priority partly filled)
    cn_text = {
        "urgent": [
            "active mould on the fore edge, isolate",
            "spine detached and text block loose, pages falling out",
            "severe water damage, leaves stuck together",
            "red rot crumbling on handling",
        ],
        "routine": [
            "minor tears at folds, repair with Japanese tissue",
            "surface dirt, dry clean with smoke sponge",
            "old sellotape on two leaves, remove when time allows",
            "foxing throughout, stable",
        ],
        "none": [
            "good condition, no action",
            "stable, rehoused in new box last year",
            "condition fine for production",
            "recently repaired, fit to handle",
        ],
    }
    notes = []
    for i in range(300):
        pr = pick(rng, ["urgent", "routine", "none"], [0.2, 0.45, 0.35])
        notes.append(
            {
                "note_id": f"CN{500 + i}",
                "item_ref": f"{pick(rng, SERIES[pick(rng, types)])}/{int(rng.integers(1, 400))}",
                "checked_by": pick(rng, ["JH", "RK", "AP"]),
                "condition_note": pick(rng, cn_text[pr])
                + pick(rng, ["", ". Do not produce", ". Photograph first", ""]),
                "treatment_priority": pr if rng.random() < 0.3 else "",
            }
        )
    write_csv(pd.DataFrame(notes), out / "conservation_notes.csv")

    # strongroom environment readings with a few odd rows
    env = []
    for i in range(400):
        room = pick(rng, ["Strongroom A", "Strongroom B", "Map store", "Photo cold store"])
        base_t, base_rh = {
            "Strongroom A": (16, 50),
            "Strongroom B": (16.5, 48),
            "Map store": (17, 52),
            "Photo cold store": (8, 35),
        }[room]
        env.append(
            {
                "reading_id": i + 1,
                "room": room,
                "logged_at": str(pd.Timestamp("2024-01-01") + pd.Timedelta(hours=int(i * 21)))[:16],
                "temp_c": round(base_t + float(rng.normal(0, 0.6)), 1),
                "rh_percent": round(base_rh + float(rng.normal(0, 2)), 1),
                "lux": round(abs(float(rng.normal(30, 10))), 0),
            }
        )
    e = pd.DataFrame(env)
    e.loc[55, ["temp_c", "rh_percent"]] = [24.5, 71.0]
    e.loc[190, ["room", "temp_c"]] = ["Photo cold store", 19.2]
    e.loc[301, "lux"] = 900
    e.loc[344, ["rh_percent"]] = [12.0]
    write_csv(e, out / "strongroom_readings.csv")

    # visitor enquiries (free text)
    enq = {
        "genealogy": [
            "I am trying to find my grandfather who was born in {p} around 1890",
            "Do you hold burial records for {p}? my ancestor died there",
        ],
        "copies": [
            "How much to get a scan of the {p} tithe map?",
            "Can I order a certified copy of an entry",
        ],
        "access": [
            "Is the searchroom wheelchair accessible?",
            "Do I need a reader's ticket to visit on Saturday?",
        ],
        "donation": [
            "We found old deeds in the loft of a house in {p}, would you like them?",
            "My late father kept the minutes of the {p} cricket club, can we deposit them",
        ],
    }
    rows = []
    for i in range(260):
        t = pick(rng, list(enq))
        rows.append(
            {
                "enquiry_no": 9000 + i,
                "received": str(pd.Timestamp("2024-02-01") + pd.Timedelta(hours=int(i * 11)))[:10],
                "via": pick(rng, ["email", "letter", "phone", "front desk"]),
                "enquiry_text": pick(rng, enq[t]).format(p=pick(rng, PLACES)),
                "enquiry_type": t if rng.random() < 0.2 else "",
            }
        )
    write_csv(pd.DataFrame(rows), out / "visitor_enquiries.csv")

    write_text(
        """
# Reading room rules

Readers must hold a county archive reader's ticket. Tickets are issued on the first visit on
production of proof of address and are valid for four years.

Only pencils may be used in the reading room. Bags and coats go in the lockers. Food and drink are
not allowed anywhere in the searchroom.

Up to three items may be produced at a time, and no more than twelve items per day. Orders for
original documents must be placed before 3.30pm. Items stored at the outstore need two working days'
notice.

Documents marked fragile are produced only after a conservation check. Where a microfilm or digital
surrogate exists, the reader is given the surrogate and the original is not produced.

Photography for private research is allowed without flash with a self-service photography permit,
which costs 10 pounds a day. Maps larger than A2 may not be photographed by readers.
""",
        out / "archive_docs/reading_room_rules.md",
    )
    write_text(
        """
Handling guidance for staff and volunteers

Always wash and dry your hands before handling documents. Nitrile gloves are worn for photographs
and glass plate negatives only; for paper and parchment clean dry hands are better because gloves
reduce dexterity.

Bound volumes are supported on foam wedges and never opened beyond 120 degrees. Snake weights hold
pages open. Rolled maps are unrolled on a clean table with weights at each corner.

If mould is found, the item is bagged, labelled and taken to the conservation studio the same day.
Active mould is soft and smudges; inactive mould is dry and powdery. Staff with asthma must not
handle mouldy items.

The strongrooms are kept at 16 degrees and 45 to 55 percent relative humidity. The photographic
cold store is kept at 8 degrees. A reading outside these ranges for more than 24 hours is reported
to the conservator.
""",
        out / "archive_docs/handling_guidance.txt",
    )
    write_text(
        """
# Copying charges 2024

## Scans

A standard scan of a document up to A3 costs 6 pounds. Scans of maps larger than A3 cost 18 pounds.
Scans are delivered by email as 400 dpi TIFF or PDF within ten working days.

## Certified copies

A certified copy of a register entry costs 12 pounds and is posted within five working days.

## Research service

The archive offers a paid research service at 30 pounds per half hour, for readers who cannot
visit. The first half hour is paid in advance.

## Commercial use

Publication of an image requires a licence. Licences for a book print run under 2000 copies cost 40
pounds per image. Charities and local history societies receive a 50 percent discount.
""",
        out / "archive_docs/copying_charges.md",
    )


# --------------------------------------------------------------------------- mountain rescue

AREAS = [
    "Scafell massif",
    "Helvellyn ridges",
    "Langdale Pikes",
    "Great Gable",
    "Coniston fells",
    "Blencathra",
    "Skiddaw",
    "High Street",
    "Fairfield horseshoe",
]
ACTIVITIES = [
    "hillwalking",
    "scrambling",
    "climbing",
    "fell running",
    "mountain biking",
    "wild camping",
]
REPORT_BITS = {
    "slip_trip": [
        "Casualty slipped on wet rock descending {a} and suspected lower leg fracture",
        "female walker tripped on path, ankle injury, unable to weight bear",
        "slip on snow patch, slid approx 20m, minor injuries, walked off with team",
        "fell on scree, wrist injury, splinted on scene",
    ],
    "lost": [
        "Party of {n} lost in cloud near {a}, located via SARLOC and walked off",
        "Overdue walker, phone battery flat, found at the wrong tarn",
        "Walkers became disorientated in mist, no map or compass, guided down",
        "lost the path in darkness, no torch, located by search dog",
    ],
    "medical": [
        "Male in his sixties with chest pains near summit of {a}, airlifted",
        "Walker collapsed, suspected cardiac event, CPR by bystanders",
        "diabetic episode on the ridge, given glucose, stretchered to road",
        "hypothermic casualty, wet and cold, warmed in casualty bag before evac",
    ],
    "cragfast": [
        "Two scramblers cragfast on {a}, unable to move up or down, lowered by rope team",
        "climber stuck on ledge after missing route, rope rescue",
        "dog and owner cragfast on gully, both recovered by rope",
        "walker strayed onto steep ground and froze, talked down then roped",
    ],
}


def mountain_rescue(rng: np.random.Generator, out: Path) -> None:
    rows = []
    for i in range(720):
        area = pick(rng, AREAS)
        act = pick(rng, ACTIVITIES, [0.55, 0.15, 0.1, 0.08, 0.07, 0.05])
        month = int(rng.integers(1, 13))
        winter = month in (11, 12, 1, 2, 3)
        wind = round(float(rng.gamma(3, 8 if winter else 5)), 0)
        vis = int(max(20, rng.normal(600 if winter else 2500, 900)))
        temp = round(float(rng.normal(2 if winter else 12, 4)), 1)
        hour = int(rng.integers(6, 24))
        dark = hour >= 18 or (winter and hour >= 16)
        kind = pick(rng, list(REPORT_BITS), [0.45, 0.25, 0.15, 0.15])
        if act in ("scrambling", "climbing") and rng.random() < 0.4:
            kind = "cragfast"
        age = int(np.clip(rng.normal(45, 16), 9, 88))
        s = -1.5 + 1.2 * (kind == "medical") + 0.03 * (age - 45) + 0.04 * (wind - 20)
        s += (
            0.8 * dark
            + 0.5 * (kind == "cragfast")
            - 0.001 * (vis - 1000)
            + float(rng.normal(0, 0.7))
        )
        severity = "major" if s > 0.9 else ("serious" if s > -0.6 else "minor")
        heli = rng.random() < (0.65 if severity == "major" and vis > 400 else 0.08)
        deployed = int(
            np.clip(rng.normal(10 + 6 * (severity == "major") + 4 * (kind == "cragfast"), 3), 3, 34)
        )
        duration = round(
            float(np.clip(rng.normal(3 + 2 * dark + 1.5 * (severity == "major"), 1.2), 0.5, 14)), 1
        )
        report = pick(rng, REPORT_BITS[kind]).format(a=area.split()[0], n=int(rng.integers(2, 7)))
        if rng.random() < 0.4:
            report += pick(
                rng,
                [
                    ". Handed to NWAS at the road head",
                    ". Team stood down 22:40",
                    ". Weather poor on the tops",
                    ". Casualty well equipped",
                    ". Inappropriate footwear, trainers",
                ],
            )
        rows.append(
            {
                "callout_id": f"CO-{2019 + i // 150}-{i % 150 + 1:03d}",
                "date": f"{2019 + i // 150}-{month:02d}-{int(rng.integers(1, 29)):02d}",
                "time_of_call": f"{hour:02d}:{int(rng.integers(0, 60)):02d}",
                "area": area,
                "activity": act,
                "party_size": int(rng.integers(1, 7)),
                "casualty_age": age,
                "wind_mph": wind,
                "visibility_m": vis,
                "temp_c": temp,
                "after_dark": "Y" if dark else "N",
                "team_deployed": deployed,
                "hours_on_job": duration,
                "incident_type": kind,
                "severity": severity,
                "helicopter": "yes" if heli else "no",
                "narrative": report,
            }
        )
    df = pd.DataFrame(rows)
    write_csv(df.iloc[:450], out / "callouts_2019_2021.csv")
    write_csv(df.iloc[450:600], out / "callouts_2022.csv")
    write_csv(
        df.iloc[600:].drop(
            columns=["incident_type", "severity", "helicopter", "hours_on_job", "team_deployed"]
        ),
        out / "callouts_this_winter.csv",
    )

    # free-text incident log from the team leaders, category partly filled + separate gold
    logs = []
    for i in range(480):
        kind = pick(rng, list(REPORT_BITS), [0.4, 0.25, 0.17, 0.18])
        text = pick(rng, REPORT_BITS[kind]).format(
            a=pick(rng, AREAS).split()[0], n=int(rng.integers(2, 7))
        )
        if rng.random() < 0.5:
            text += pick(
                rng,
                [
                    ". TL: Mike",
                    ". 14 team members",
                    ". Cas care by Jo and Priya",
                    ". Stretcher carry 2km",
                    ". Rendezvous at Seathwaite",
                    ". Rain heavy",
                ],
            )
        logs.append(
            {
                "log_ref": f"IR{2000 + i}",
                "team_leader": pick(rng, ["Mike", "Sian", "Tom", "Ade"]),
                "report_text": text,
                "true": kind,
            }
        )
    lg = pd.DataFrame(logs)
    filled = rng.random(len(lg)) < 0.12
    lg["incident_category"] = np.where(filled, lg["true"], "")
    g_idx = rng.choice(np.where(~filled)[0], size=60, replace=False)
    gold = lg.iloc[np.sort(g_idx)][["log_ref", "true"]].rename(
        columns={"true": "incident_category"}
    )
    write_csv(lg.drop(columns=["true"]), out / "incident_reports.csv")
    write_csv(gold, out / "incident_reports_reviewed.csv")
    rules = [
        {
            "name": "fell_or_slipped",
            "label": "slip_trip",
            "kind": "keyword",
            "column": "report_text",
            "keywords": ["slipped", "slip", "tripped", "fell", "ankle", "fracture"],
        },
        {
            "name": "lost_words",
            "label": "lost",
            "kind": "keyword",
            "column": "report_text",
            "keywords": ["lost", "overdue", "disorientated", "located", "no map"],
        },
        {
            "name": "medical_words",
            "label": "medical",
            "kind": "keyword",
            "column": "report_text",
            "keywords": ["chest pains", "cardiac", "collapsed", "diabetic", "hypothermic", "CPR"],
        },
        {
            "name": "stuck_words",
            "label": "cragfast",
            "kind": "keyword",
            "column": "report_text",
            "keywords": ["cragfast", "stuck", "ledge", "lowered", "roped", "rope rescue"],
        },
    ]
    write_text(json.dumps(rules, indent=2), out / "incident_rules.json")

    # kit checks with a few odd rows
    kit = []
    items = {
        "radio": (0.4, 95),
        "headtorch": (0.2, 90),
        "defib": (2.1, 98),
        "vacuum mattress": (6.5, 0),
        "bell stretcher": (17, 0),
        "rope 50m": (3.8, 0),
        "casualty bag": (2.4, 0),
        "GPS unit": (0.3, 88),
    }
    for i in range(300):
        item = pick(rng, list(items))
        w, batt = items[item]
        kit.append(
            {
                "check_id": f"KC{i + 1:04d}",
                "check_date": str(pd.Timestamp("2024-01-07") + pd.Timedelta(days=int(i * 1.2)))[
                    :10
                ],
                "item": item,
                "base": pick(rng, ["Keswick", "Wasdale", "Langdale"]),
                "weight_kg": round(w * rng.uniform(0.97, 1.03), 2),
                "battery_pct": int(np.clip(rng.normal(batt, 4), 0, 100)) if batt else np.nan,
                "days_since_service": int(rng.integers(1, 180)),
                "checked_by": pick(rng, ["AB", "CD", "EF", "GH", "JK"]),
                "result": pick(rng, ["pass", "pass", "pass", "pass", "advisory", "fail"]),
            }
        )
    k = pd.DataFrame(kit)
    k.loc[21, "weight_kg"] = 42.0
    k.loc[88, ["days_since_service"]] = [1450]
    k.loc[150, ["item", "weight_kg"]] = ["radio", 17.2]
    k.loc[260, ["battery_pct", "result"]] = [3, "pass"]
    write_csv(k, out / "kit_checks.csv")

    # weather at the base station
    w = []
    for i in range(365):
        day = pd.Timestamp("2023-01-01") + pd.Timedelta(days=i)
        winter = day.month in (11, 12, 1, 2, 3)
        wind = round(float(rng.gamma(3, 7 if winter else 4.5)), 1)
        rain = round(float(rng.gamma(1.2, 6 if winter else 3)), 1)
        vis = int(max(50, rng.normal(3000 - 40 * rain - 20 * wind, 800)))
        busy = (
            -1.6 + 0.5 * (day.day_of_week >= 5) + 0.6 * (not winter) - 0.00015 * vis + 0.01 * wind
        )
        w.append(
            {
                "date": str(day)[:10],
                "summit_temp_c": round((1 if winter else 9) + float(rng.normal(0, 3.5)), 1),
                "wind_mph": wind,
                "gust_mph": round(wind * rng.uniform(1.2, 1.9), 1),
                "rain_mm": rain,
                "cloud_base_m": int(np.clip(rng.normal(700 - 8 * rain, 250), 100, 1500)),
                "visibility_m": vis,
                "weekend": "yes" if day.day_of_week >= 5 else "no",
                "callout_that_day": "yes" if rng.random() < 1 / (1 + np.exp(-busy)) else "no",
            }
        )
    wd = pd.DataFrame(w)
    wd.loc[40, ["wind_mph", "gust_mph"]] = [3.0, 96.0]
    wd.loc[200, "summit_temp_c"] = 31.5
    write_csv(wd, out / "weather_log_2023.csv")

    write_text(
        """
# Casualty care standard operating procedure

## Primary survey

On reaching a casualty, the first team member makes the scene safe and then follows the
catastrophic bleeding, airway, breathing, circulation, disability and exposure sequence. Anyone
with a suspected spinal injury is kept in line until the vacuum mattress is fitted.

## Hypothermia

A cold casualty is insulated from the ground first, then placed in a casualty bag with heat pads at
the armpits and chest. Wet clothing is removed only inside shelter. A casualty who has stopped
shivering is treated as severely hypothermic and handled gently.

## Pain relief

Team members holding the casualty care certificate may give Entonox and paracetamol. Morphine is
given only by the team doctor or paramedic. Every dose is written on the casualty card with the
time.

## Handover

Casualties are handed to the ambulance service at the road head with the casualty card. The team
leader records the handover time in the incident log.
""",
        out / "mrt_docs/casualty_care_sop.md",
    )
    write_text(
        """
# Radio procedures

Every team member carries a handheld radio on the team channel. Call signs are the base name
followed by the member's number, for example Wasdale 14. Control is always called Base.

A message starts with the call sign of the station called, then your own. Keep messages short and
wait for the reply before sending again. Grid references are sent as six figures, letter by letter.

In a dead spot, relay through the highest team member or the vehicle on the road. The repeater on
the pass covers most of the valley but not the north face.

At the end of a callout every radio goes back on charge at the base. A radio left below 20 percent
battery is logged as a fault in the kit checks.
""",
        out / "mrt_docs/radio_procedures.md",
    )
    write_text(
        """
# New member handbook

Trainees join on a twelve month probation. During probation a trainee attends at least two
training evenings a month and one weekend exercise every quarter.

A trainee becomes a full team member after passing the hill assessment, the navigation assessment
and the casualty care certificate. The hill assessment is a day on the fells with two senior
members, in any weather.

Full members must attend 30 percent of callouts in a year and keep their casualty care certificate
current. The certificate is renewed every three years.

Personal kit is the member's own responsibility: boots, waterproofs, headtorch with spare
batteries, and a rucksack of at least 35 litres. The team provides the radio, the helmet and the
team jacket.
""",
        out / "mrt_docs/new_member_handbook.md",
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    print_shop(rng, out)
    archive(rng, out)
    mountain_rescue(rng, out)


if __name__ == "__main__":
    main()
