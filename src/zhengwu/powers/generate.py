"""Generate a realistic demo powers list (the published Nanshan list has 8,091 items).

Deterministic for a given seed. Names come from each body's subject matter, legal
bases cite real law names, and the category mix follows power-categories.tsv; the
vocabulary is data in ``data/generator.toml``.
"""

import random
import tomllib
from collections import Counter
from pathlib import Path

from zhengwu.powers.categories import power_categories

GENERATOR_DATA = Path(__file__).parent / "data" / "generator.toml"
DIGITS = "零一二三四五六七八九"


def chinese_number(number):
    """1..999 as written in Chinese article numbers: 23 → 二十三, 110 → 一百一十."""
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    text = f"{DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    if ones:
        text += DIGITS[ones]
    return text


def category_counts(total):
    """Items per category code: the shares of power-categories.tsv, summing to total."""
    categories = power_categories()
    shares = sum(category.share for category in categories)
    raw = {c.code: total * c.share / shares for c in categories}
    counts = {code: int(value) for code, value in raw.items()}
    leftovers = sorted(raw, key=lambda code: raw[code] - counts[code], reverse=True)
    for code in leftovers[: total - sum(counts.values())]:
        counts[code] += 1
    return counts


class PowersGenerator:
    """Builds rows (dicts keyed by spreadsheet column) for a district's bodies."""

    def __init__(self, departments, prefix="NS", seed=2026, data=None):
        self.departments = departments
        self.prefix = prefix
        self.random = random.Random(seed)  # noqa: S311 - reproducible demo data
        self.data = data or tomllib.loads(GENERATOR_DATA.read_text(encoding="utf-8"))
        self.sequence = Counter()
        self.names_used = set()
        self.phones = {
            department.id: f"0755-2{self.random.randrange(6000000, 9999999):07d}"
            for department in departments
        }

    def _vocabulary_key(self, department):
        return "subdistrict" if department.kind == "subdistrict" else department.id

    def _weight(self, category, department):
        weights = self.data["weights"].get(category, {})
        key = self._vocabulary_key(department)
        return weights.get(department.id, weights.get(key, 1.0))

    def _name(self, category, department):
        key = self._vocabulary_key(department)
        body = self.data["bodies"][key]
        parties = self.data["parties"]
        for _attempt in range(40):
            template = self.random.choice(self.data["names"][category])
            subject = self.random.choice(body["subjects"])
            name = template.format(
                subject=subject,
                party=self.random.choice(parties.get(key, parties["default"])),
            )
            if (department.id, name) not in self.names_used:
                break
        else:
            # Real lists repeat a power per legal basis; say which one.
            name = f"{name}（{self.random.choice(body['laws'])}）"
        self.names_used.add((department.id, name))
        return name, subject

    def _legal_basis(self, department, subject):
        laws = self.data["bodies"][self._vocabulary_key(department)]["laws"]
        # Cite first the laws whose names share a word with the subject matter.
        pairs = {subject[i : i + 2] for i in range(len(subject) - 1)}
        related = [law for law in laws if any(pair in law for pair in pairs)]
        chosen = self.random.sample(laws, k=self.random.choice((1, 1, 2)))
        if related:
            others = [law for law in chosen if law not in related]
            chosen = [self.random.choice(related), *others[:1]]
        return "\n".join(
            f"《{law}》第{chinese_number(self.random.randrange(2, 120))}条"
            for law in chosen
        )

    def item(self, category, department):
        """One row of the given category for the given body."""
        self.sequence[department.id, category] += 1
        serial = self.sequence[department.id, category]
        code = f"{self.prefix}-{department.id.upper()}-{category}-{serial:04d}"
        responsibilities = self.data["responsibilities"]
        sub_items = self.data["sub_items"].get(category, [])
        name, subject = self._name(category, department)
        return {
            "code": code,
            "name": name,
            "category": category,
            "department": department.id,
            "sub_items": (
                [f"{name}（{sub}）" for sub in sub_items]
                if sub_items and self.random.random() < 0.2
                else []
            ),
            "legal_basis": self._legal_basis(department, subject),
            "responsibilities": list(
                responsibilities.get(category, responsibilities["default"])
            ),
            "accountability": self.data["accountability"]["text"],
            "supervising_phone": self.phones[department.id],
            "guide": "",
            "next_review": "",
        }

    def rows(self, total):
        """``total`` rows over all bodies, ordered by code."""
        rows = []
        for category, count in category_counts(total).items():
            weights = [self._weight(category, d) for d in self.departments]
            for department in self.random.choices(self.departments, weights, k=count):
                rows.append(self.item(category, department))
        return sorted(rows, key=lambda row: row["code"])


def generate_powers(departments, total, prefix="NS", seed=2026):
    """The rows of a demo list of ``total`` items over ``departments``."""
    return PowersGenerator(departments, prefix=prefix, seed=seed).rows(total)
