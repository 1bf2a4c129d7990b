"""Invented but valid personal details: Chinese names, GB 11643 ID numbers with Henan area codes, phones."""

from __future__ import annotations

import random
from datetime import date, timedelta

from rfdesk.services.validation import id_check_char

SURNAMES = ("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁宋谢韩唐冯于董程曹袁邓许傅沈彭吕苏卢蒋蔡"
            "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭邹金陆郝孔白崔康毛秦江史顾侯邵孟段雷钱尹常武乔贺")
MALE_CHARS = "伟刚勇军国建明永强志海峰磊涛斌波辉鹏杰庆东亮文华新平广宏振兵超林松浩利民保卫红彬俊晓中长春跃"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲桂英华慧燕琳颖雪梅洁莉萍红丹倩婷晶妍璐佳欣瑞雯岚蕾琴"

# County-level area codes (GB/T 2260) of Henan, by city; a person's code is where the ID was first issued.
AREA_CODES: dict[str, tuple[str, ...]] = {
    "郑州": ("410102", "410103", "410104", "410105", "410122", "410181", "410184"),
    "洛阳": ("410302", "410303", "410305", "410311", "410323", "410325"),
    "开封": ("410202", "410203", "410204", "410212", "410225"),
    "新乡": ("410702", "410703", "410704", "410711", "410724", "410727"),
    "南阳": ("411302", "411303", "411321", "411323", "411325", "411326"),
    "elsewhere": ("410402", "410502", "410602", "410802", "410902", "411002", "411102", "411202",
                  "411402", "411502", "411602", "411702", "411527"),
}
MOBILE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
                   "158", "159", "176", "177", "182", "183", "185", "186", "187", "188", "189", "198")


class Identities:
    """Hands out names, ID numbers and phones, never the same one twice."""

    def __init__(self, rng: random.Random, reserved_names: set[str]) -> None:
        self.rng = rng
        self.names: set[str] = set(reserved_names)
        self.ids: set[str] = set()
        self.phones: set[str] = set()

    def name(self, gender: str) -> str:
        chars = MALE_CHARS if gender == "M" else FEMALE_CHARS
        while True:
            given = self.rng.choice(chars)
            if self.rng.random() < 0.7:
                given += self.rng.choice(chars)
            name = self.rng.choice(SURNAMES) + given
            if name not in self.names:
                self.names.add(name)
                return name

    def birth_date(self, age_lo: int, age_hi: int, on: date = date(2020, 1, 1)) -> date:
        first = date(on.year - age_hi - 1, on.month, on.day) + timedelta(days=1)
        last = date(on.year - age_lo, on.month, on.day)
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def id_number(self, city: str, birth: date, gender: str) -> str:
        codes = AREA_CODES.get(city, AREA_CODES["郑州"])
        if self.rng.random() < 0.35:  # many staff were born elsewhere in the province
            codes = AREA_CODES["elsewhere"]
        while True:
            seq = self.rng.randint(0, 99) * 10 + self.rng.choice((1, 3, 5, 7, 9) if gender == "M" else (0, 2, 4, 6, 8))
            first17 = f"{self.rng.choice(codes)}{birth:%Y%m%d}{seq:03d}"
            number = first17 + id_check_char(first17)
            if number not in self.ids:
                self.ids.add(number)
                return number

    def phone(self) -> str:
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randint(0, 99_999_999):08d}"
            if number not in self.phones:
                self.phones.add(number)
                return number
