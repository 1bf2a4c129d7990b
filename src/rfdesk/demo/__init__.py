"""The demonstration database: the Henan civil air defence system's 2020 epidemic response.

Built from the facts of a 2020 report (names, titles, counts and totals). What the report does not give
(ID numbers, phones, dates of single donations, further staff) is invented from a fixed random seed, so every
build holds the same data. Everything is written through the register services, so the demo obeys the same
rules as a clerk's entries; totals are never typed in, they come out of the rows.
"""

from rfdesk.demo.build import build_demo

__all__ = ["build_demo"]
