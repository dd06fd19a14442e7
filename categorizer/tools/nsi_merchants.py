#!/usr/bin/env python3
"""Builds the categorizer's merchant dictionary from the OpenStreetMap name-suggestion-index (BSD-3-Clause).

Usage: npm pack name-suggestion-index@8.0.20260918 && tar xzf name-suggestion-index-*.tgz
       categorizer/tools/nsi_merchants.py package/dist/json/nsi.json \
           > categorizer/src/main/resources/categorizer/merchants/nsi-merchants.csv

Each brand's names (display name, brand tag, match names), folded the way DescriptorNormalizer folds text, are
mapped to the training label of its OSM category. A name claimed by brands of several labels goes to the label of
most of its entries (a chain's supermarkets outnumber its fuel stations) and is left out on a tie; a name shorter
than 3 characters or one of NSI's generic words is left out: it would mislead more than it helps.
"""
import csv
import json
import re
import sys
import unicodedata

LABELS = {
    "Groceries": ["shop/supermarket", "shop/convenience", "shop/greengrocer", "shop/butcher", "shop/deli",
                  "shop/frozen_food", "shop/dairy", "shop/health_food", "shop/wholesale", "shop/alcohol"],
    "Restaurants": ["amenity/restaurant", "amenity/fast_food", "amenity/cafe", "amenity/bar", "amenity/pub",
                    "amenity/ice_cream", "amenity/food_court", "shop/bakery", "shop/coffee", "shop/pastry"],
    "Transportation": ["amenity/fuel", "amenity/charging_station", "amenity/parking", "amenity/bicycle_rental",
                       "amenity/car_sharing", "amenity/taxi"],
    "Healthcare": ["amenity/pharmacy", "amenity/clinic", "amenity/doctors", "amenity/dentist", "amenity/hospital",
                   "shop/optician", "shop/hearing_aids", "shop/medical_supply", "healthcare/"],
    "Shopping": ["shop/clothes", "shop/shoes", "shop/department_store", "shop/electronics", "shop/furniture",
                 "shop/doityourself", "shop/hardware", "shop/sports", "shop/toys", "shop/books", "shop/variety_store",
                 "shop/jewelry", "shop/gift", "shop/pet", "shop/bag", "shop/computer", "shop/houseware",
                 "shop/garden_centre", "shop/outdoor", "shop/general", "shop/mobile_phone", "shop/cosmetics",
                 "shop/chemist", "shop/stationery", "shop/fabric", "shop/craft", "shop/video_games", "shop/interior_decoration"],
    "Travel": ["tourism/hotel", "tourism/motel", "tourism/hostel", "tourism/guest_house", "amenity/car_rental"],
    "Personal Care": ["shop/hairdresser", "shop/beauty", "shop/massage", "shop/laundry", "shop/dry_cleaning",
                      "leisure/fitness_centre", "leisure/sports_centre", "shop/tattoo", "shop/nail_salon"],
    "Entertainment": ["amenity/cinema", "amenity/theatre", "leisure/amusement_arcade", "leisure/bowling_alley",
                      "amenity/casino", "leisure/escape_game"],
    "Insurance": ["office/insurance"],
    "Utilities": ["office/telecommunication", "office/energy_supplier"],
    "Education": ["amenity/driving_school", "amenity/language_school", "amenity/music_school", "amenity/university",
                  "amenity/college"],
}


def fold(name):
    s = unicodedata.normalize("NFKD", name.lower().replace("ß", "ss"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", s).split())


def main(path):
    data = json.load(open(path, encoding="utf-8"))["nsi"]
    generic = set()
    try:
        generic = {fold(w) for w in json.load(open(path.replace("nsi.json", "genericWords.json")))["genericWords"]}
    except (OSError, KeyError):
        pass
    names = {}
    for key, value in data.items():
        if not key.startswith(("brands/", "operators/")):
            continue
        category = key.split("/", 1)[1]
        label = next((l for l, cats in LABELS.items() if any(category.startswith(c) for c in cats)), None)
        if label is None:
            continue
        for item in value["items"]:
            tags = item.get("tags", {})
            for name in [item.get("displayName"), tags.get("brand"), tags.get("name")] + item.get("matchNames", []):
                if not name:
                    continue
                folded = fold(name)
                if len(folded) < 3 or folded in generic or not re.search(r"[a-z]", folded):
                    continue
                names.setdefault(folded, {}).setdefault(label, set()).add(item.get("id"))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["name", "label"])
    for name in sorted(names):
        counts = sorted(((len(ids), label) for label, ids in names[name].items()), reverse=True)
        if len(name.split()) <= 4 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
            out.writerow([name, counts[0][1]])


if __name__ == "__main__":
    main(sys.argv[1])
