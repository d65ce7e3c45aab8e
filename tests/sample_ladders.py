"""A small valid ladder file that tests import, export and show."""

TEAM_LADDER_TOML = """\
id = "team"
name = "Team ladder"
version = "2"

[[levels]]
id = "junior"
title = "Junior"

[[levels]]
id = "senior"
title = "Senior"

[[competencies]]
id = "delivery"
name = "Delivery"
category = "Impact"

[competencies.expectations.junior]
summary = "Delivers given tasks."
signals = ["Closes the tickets it is given", "Asks early when blocked"]

[competencies.expectations.senior]
"""
