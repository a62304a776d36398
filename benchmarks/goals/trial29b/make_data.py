"""Trial 29b data: a town library and a small food-delivery kitchen. Fixed seed.
Usage: python make_data.py OUTDIR
"""

import csv
import datetime as dt
import json
import os
import random
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
R = random.Random(2929)


def d(start, n):
    return (dt.date(2025, 1, 6) + dt.timedelta(days=R.randint(0, n))).isoformat()


mtypes = ["Adult", "adult", "Child", "Senior", "student", "Student"]
branches = ["Main", "Riverside", "riverside", "Oak Hill", "Northgate"]
genres = ["fiction", "mystery", "children", "history", "science", "cookbook"]
rows = []
for i in range(600):
    mt = R.choice(mtypes)
    br = R.choice(branches)
    g = R.choice(genres)
    days = max(1, int(R.gauss(16 if mt.lower() != "student" else 22, 7)))
    renew = R.randint(0, 2)
    p_late = (
        0.15 + 0.02 * max(0, days - 14) + (0.15 if mt.lower() == "student" else 0) - 0.1 * renew
    )
    late = R.random() < min(0.9, max(0.03, p_late))
    rows.append(
        {
            "loan_id": f"L{10000 + i}",
            "loan_date": d(0, 300),
            "member_type": mt,
            "branch": br,
            "genre": g,
            "days_borrowed": days,
            "renewals": renew,
            "late_returns_last_year": R.choice([0, 0, 0, 1, 1, 2, 3, 5]),
            "fine_eur": round(max(0, days - 21) * 0.25, 2),
            "overdue": "yes" if late else "no",
        }
    )
with open(f"{out}/library_loans.csv", "w", newline="") as f:
    w = csv.DictWriter(f, rows[0].keys())
    w.writeheader()
    w.writerows(rows[:520])
with open(f"{out}/new_loans.csv", "w", newline="") as f:
    keys = [k for k in rows[0] if k != "overdue"]
    w = csv.DictWriter(f, keys)
    w.writeheader()
    for r in rows[520:]:
        w.writerow({k: r[k] for k in keys})
tmpl = {
    "mystery": [
        "Couldn't put it down, the detective twist at the end got me",
        "a proper whodunnit, guessed the killer by ch 5 tho",
        "murder in a small village, clever clues",
        "the inspector is great, plot twists everywhere",
    ],
    "children": [
        "read it with my 6 yr old every night, she loved the pictures",
        "great for kids, the dragon is so cute",
        "my son learned to read with this one",
        "bedtime story favourite, lovely illustrations",
    ],
    "history": [
        "fascinating account of the war years",
        "well researched about the roman empire",
        "dense but good on medieval trade",
        "biography of a forgotten queen, lots of history",
    ],
    "science": [
        "explains black holes really clearly",
        "good intro to genetics and evolution",
        "the chapter on climate physics was excellent",
        "math heavy but the experiments are fun",
    ],
    "cookbook": [
        "recipes work, the lasagne was a hit",
        "too many exotic ingredients for our shop",
        "baking section is brilliant, bread turned out great",
        "nice vegetarian recipes, easy dinners",
    ],
    "fiction": [
        "beautiful novel about two sisters",
        "the characters felt real, lovely writing",
        "romance was a bit slow but the ending made me cry",
        "long novel, family saga over 3 generations",
    ],
}
rev = []
for i in range(420):
    g = R.choice(list(tmpl))
    t = R.choice(tmpl[g])
    if R.random() < 0.3:
        t = (
            t.upper()
            if R.random() < 0.2
            else t + R.choice([" !!", ". 4 stars", " would reccomend", ""])
        )
    known = R.random() < 0.35
    rev.append(
        {
            "review_id": i + 1,
            "date": d(0, 330),
            "branch": R.choice(branches),
            "stars": R.choice([2, 3, 4, 4, 5, 5]),
            "review_text": t,
            "genre": (g if R.random() < 0.8 else g.capitalize()) if known else "",
        }
    )
with open(f"{out}/book_reviews.csv", "w", newline="") as f:
    w = csv.DictWriter(f, rev[0].keys())
    w.writeheader()
    w.writerows(rev)
rules = "# Greenfield Town Library — Lending Rules\n\nThese rules apply at all branches: Main, Riverside, Oak Hill and Northgate.\n\n## Membership\n\nMembership is free for everyone who lives, works or studies in Greenfield. Adults must show a photo ID and proof of address when they join. Children under 14 join with a parent or guardian, who signs the application and is responsible for the child's loans. Students of Greenfield College can join with their student card. Seniors aged 65 and over get the same borrowing rights as adults and pay no fines on late returns of large-print books.\n\nA membership card is valid for three years. It is renewed at any branch desk free of charge. A lost card is replaced for 2 euros.\n\n## Borrowing limits\n\nAdults and seniors may borrow up to 15 items at a time. Children may borrow up to 8 items. Students may borrow up to 20 items during term time. No more than 4 of the items on one card may be DVDs or games.\n\n## Loan periods\n\nBooks are lent for 21 days. DVDs and games are lent for 7 days. New releases marked with a red sticker are lent for 14 days and cannot be renewed. Interlibrary loans are lent for the period the lending library sets, usually 28 days.\n\n## Renewals\n\nAn item may be renewed twice, online, by phone or at any branch, as long as nobody has reserved it. Each renewal adds a full loan period counted from the day of renewal. Items that are already overdue can still be renewed, but the fine for the days already late is kept.\n\n## Returns and late fees\n\nItems can be returned to any branch or to the outdoor book drop at Main, which is emptied every morning at 9 am. An item returned after its due date is overdue. The late fee is 25 cents per item per day, up to a maximum of 10 euros per item. Children's items have no late fees. Fines are paid at the desk by card or cash, or online through the library account.\n\nA member with more than 20 euros of unpaid fines cannot borrow until the balance is paid below that amount. A member who has three or more late returns in one year is sent a reminder letter by the branch manager.\n\n## Lost and damaged items\n\nIf an item is lost, the member pays the replacement cost shown in the catalogue plus a processing fee of 5 euros. If a lost item is found and returned within six months, the replacement cost is refunded but the processing fee is not. Damaged items are assessed by the branch librarian, who decides whether the item can be repaired. Water damage and torn pages usually mean the item must be replaced.\n\n## Reservations\n\nMembers may reserve up to 10 items. A reservation costs nothing. When a reserved item arrives, the member is told by email or text message and the item is held at the chosen branch for 7 days. Items not collected after 7 days go to the next person on the list.\n\n## Computers and Wi-Fi\n\nEvery branch has public computers. Members may book a computer for up to two hours a day. Visitors without a membership can use a computer for 30 minutes with a guest pass from the desk. Wi-Fi is free in all branches and needs no password. Printing costs 10 cents per black and white page and 50 cents per colour page.\n\n## Behaviour in the library\n\nThe library is a shared space. Quiet study areas are on the first floor of Main and in the reading room at Oak Hill. Food is not allowed near the computers or in the local history room. Covered drinks are allowed elsewhere. Staff may ask anyone who disturbs other users to leave for the rest of the day.\n\n## Local history room\n\nThe local history room at Main holds maps, parish records and old newspapers. Items from this room cannot be borrowed. The room is open on Tuesdays and Thursdays from 10 am to 4 pm. Photographs of documents may be taken without flash.\n\n## Opening hours\n\nMain is open Monday to Saturday from 9 am to 8 pm. Riverside, Oak Hill and Northgate are open Tuesday to Saturday from 10 am to 5 pm. All branches are closed on public holidays.\n\n## Privacy\n\nThe library keeps a record of current loans only. When an item is returned, the link between the member and the item is deleted after 30 days, unless a fine is still unpaid. Staff never share a member's borrowing history with anyone except the member.\n\n## Complaints\n\nComplaints are made in writing to the branch manager, who answers within 14 days. If the member is not satisfied, the complaint goes to the Head of Library Services.\n"
open(f"{out}/library_rules.md", "w").write(rules)
areas = ["Centre", "centre", "North", "Harbour", "Uni Campus"]
orders = []
for i in range(500):
    items = R.randint(1, 7)
    area = R.choice(areas)
    prep = round(max(4, R.gauss(8 + 2.2 * items, 3)), 1)
    dist = round(R.uniform(0.5, 8.0), 2)
    deliv = round(max(5, 6 + 3.1 * dist + R.gauss(0, 4) + (6 if area == "Harbour" else 0)), 1)
    orders.append(
        {
            "order_id": 5000 + i,
            "order_date": d(200, 120),
            "area": area,
            "n_items": items,
            "distance_km": dist,
            "prep_min": prep,
            "delivery_min": deliv,
            "paid_online": R.choice(["Yes", "yes", "No", "no", "YES"]),
            "late": "yes" if prep + deliv > 45 else "no",
            "total_eur": round(items * R.uniform(6, 14), 2),
        }
    )
with open(f"{out}/orders.csv", "w", newline="") as f:
    w = csv.DictWriter(f, orders[0].keys())
    w.writeheader()
    w.writerows(orders)
ct = {
    "late": [
        "food came 50 min late, driver got lost",
        "waited over an hour!!",
        "order was so late it was cold by then",
        "delivery took forever, app said 20 min",
    ],
    "missing item": [
        "no drinks in the bag",
        "the garlic bread was missing",
        "ordered 3 pizzas got 2",
        "missing the sauce again",
    ],
    "wrong order": [
        "got someone elses order",
        "this is not what i ordered, chicken instead of tofu",
        "wrong pizza, we asked for margherita",
        "they sent the wrong curry",
    ],
    "food quality": [
        "burger was raw in the middle",
        "pasta was cold and soggy",
        "way too salty",
        "found a hair in my salad",
    ],
    "allergy": [
        "said NO NUTS and there were nuts in it",
        "my kid reacted, it had sesame although we wrote allergy",
        "dairy free order had cheese on it",
        "gluten in the 'gluten free' wrap",
    ],
}
comp = []
for i in range(300):
    t = R.choice(list(ct))
    txt = R.choice(ct[t])
    if R.random() < 0.25:
        txt = txt + R.choice([" not happy", ". refund pls", " :(", " - never again"])
    comp.append(
        {
            "complaint_id": f"C{i + 1:04d}",
            "order_id": R.randint(5000, 5499),
            "date": d(200, 120),
            "text": txt,
            "refund_given": R.choice(["yes", "no", "No"]),
            "complaint_type": (t if R.random() < 0.85 else t.title()) if R.random() < 0.4 else "",
        }
    )
with open(f"{out}/complaints.csv", "w", newline="") as f:
    w = csv.DictWriter(f, comp[0].keys())
    w.writeheader()
    w.writerows(comp)
couriers = ["Ahmed", "Bea", "Carlos M.", "dimitri", "Eva", "Femi"]
with open(f"{out}/courier_shifts.jsonl", "w") as f:
    for i in range(240):
        hrs = round(R.uniform(3, 9), 1)
        n = R.randint(4, 25)
        km = round(n * R.uniform(2.0, 4.5), 1)
        rec = {
            "shift_id": i + 1,
            "courier": R.choice(couriers),
            "date": d(200, 120),
            "vehicle": R.choice(["bike", "e-bike", "scooter", "Scooter"]),
            "hours": hrs,
            "deliveries": n,
            "distance_km": km,
            "tips_eur": round(R.uniform(0, 30), 2),
        }
        if i in (17, 88):
            rec["distance_km"] = -abs(km)
        if i == 140:
            rec["hours"] = 20.0
        if i == 201:
            rec.update(deliveries=0, distance_km=412.0)
        if i == 55:
            rec["hours"] = 0.1
            rec["deliveries"] = 31
        f.write(json.dumps(rec) + "\n")
allergen = "# Allergen Policy — Little Ember Kitchen\n\nEvery member of staff reads this policy before their first shift and signs it.\n\n## The 14 allergens\n\nWe track the 14 major allergens: celery, cereals containing gluten, crustaceans, eggs, fish, lupin, milk, molluscs, mustard, tree nuts, peanuts, sesame, soya and sulphites. Each dish on the menu lists the allergens it contains on the allergen matrix, which the head chef updates whenever a recipe changes.\n\n## Taking an order\n\nWhen a customer writes an allergy in the order note, the order is flagged red on the kitchen screen. The shift lead reads the note aloud to the cook before the order is started. If a dish cannot be made safe, the shift lead calls the customer within 5 minutes and offers a different dish or a full refund.\n\n## Preparing allergy orders\n\nAllergy orders are prepared on the purple board with purple knives. The cook washes hands and changes gloves before starting. Nut-free orders are never fried in the shared fryer. Gluten-free wraps are stored sealed on the top shelf of the cold room, above all other bread. Each allergy order is packed in a bag sealed with a red sticker, and the sticker is signed by the cook.\n\n## Delivery\n\nCouriers never open a sealed allergy bag. If the seal is broken on arrival, the customer is told not to eat the food and a new order is sent at no cost.\n\n## When something goes wrong\n\nIf a customer reports a reaction, staff tell them to call emergency services first. The shift lead writes an incident report the same day and sends it to the owner. The dish is taken off the menu until the head chef has checked the recipe and the supplier labels. All incident reports are kept for three years.\n\n## Training\n\nNew staff complete allergen training in their first week. All staff repeat the training every 12 months. The owner keeps a list of who was trained and when.\n"
open(f"{out}/allergen_policy.md", "w").write(allergen)
print("wrote", sorted(os.listdir(out)))
