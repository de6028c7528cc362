"""A batch manifest of many pairs with inline texts, built from the repository's own text
pairs (the sample, the report fixture, the real-copy evaluation pairs as raw text and as
one sentence per line) and seeded synthetic news pairs with dropped and merged
sentences. Ids are unique strings."""

import json
import random

from conftest import ROOT

MONTHS = [("January", "января"), ("March", "марта"), ("June", "июня"), ("October", "октября")]
CITIES = [("Minsk", "Минске"), ("Gomel", "Гомеле"), ("Brest", "Бресте"), ("Vitebsk", "Витебске")]
PEOPLE = [("Aleksandr Lukashenko", "Александр Лукашенко"), ("Roman Golovchenko", "Роман Головченко")]


def line(id_: str, a: str, b: str, langs=None, presegmented=None) -> str:
    item = {"id": id_, "a": {"text": a}, "b": {"text": b}}
    if langs is not None:
        item["langs"] = langs
    if presegmented is not None:
        item["presegmented"] = presegmented
    return json.dumps(item, ensure_ascii=False)


def repository_pairs() -> list[str]:
    lines = []
    sample = ROOT / "samples" / "belta-kursk"
    for en in ("en", "en-inconsistent"):
        for orig in ("ru", "be"):
            a, b = (sample / f"{en}.txt").read_text(), (sample / f"{orig}.txt").read_text()
            lines.append(line(f"sample-{en}-{orig}", a, b, ["en", orig]))
    fixture = ROOT / "tests" / "fixtures" / "report"
    lines.append(line("fixture", (fixture / "en.txt").read_text(), (fixture / "ru.txt").read_text(), ["en", "ru"], True))
    for folder in sorted((ROOT / "eval" / "realcopy").glob("*/*/")):
        other = next((lang for lang in ("ru", "be", "en2") if (folder / f"{lang}.txt").exists()), None)
        if other is None or not (folder / "en.txt").exists():
            continue
        langs = ["en", "en" if other == "en2" else other]
        name = f"{folder.parent.name}-{folder.name}"
        for kind, presegmented in (("txt", None), ("segs", True)):
            a, b = folder / f"en.{kind}", folder / f"{other}.{kind}"
            if a.exists() and b.exists():
                lines.append(line(f"{name}-{kind}", a.read_text(), b.read_text(), langs, presegmented))
    return lines


def synthetic_pairs(n: int, seed: int = 19) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for k in range(n):
        en, ru = [], []
        for i in range(rng.randint(3, 12)):
            (month, month_ru), (city, city_ru), (person, person_ru) = (
                rng.choice(MONTHS), rng.choice(CITIES), rng.choice(PEOPLE))
            day, tonnes, share = rng.randint(1, 28), rng.randint(2, 900), rng.randint(2, 40)
            e = f"On {day} {month} {person} visited a plant in {city} that shipped {tonnes} tonnes of goods."
            r = f"{day} {month_ru} {person_ru} посетил в {city_ru} предприятие, отгрузившее {tonnes} тонн продукции."
            e2 = f"Output grew by {share}% compared with last year."
            r2 = f"Выпуск вырос на {share}% по сравнению с прошлым годом."
            roll = rng.random()
            if roll < 0.1:
                ru += [r, r2]  # the translation drops both
            elif roll < 0.25:
                en.append(e[:-1] + ", and " + e2[0].lower() + e2[1:])  # merged
                ru += [r, r2]
            else:
                en += [e, e2]
                ru += [r, r2]
        sep = "\n" if k % 3 else " "
        langs = None if k % 5 == 0 else ["en", "ru"]
        lines.append(line(f"synthetic-{k:03}", sep.join(en), sep.join(ru), langs, True if sep == "\n" else None))
    return lines


def manifest(size: int = 240) -> list[str]:
    lines = repository_pairs()
    return lines + synthetic_pairs(max(0, size - len(lines)))
