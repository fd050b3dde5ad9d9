"""Orders: the database of store orders, its import format, and private look-ups.

`models` maps the tables, `db` makes engines, `repository` is the only code that knows
SQL, `importer` reads the JSON Lines import format, `demo` makes a demo set, and
`python -m bot.orders` is the command line. Nothing here knows Rasa.
"""
