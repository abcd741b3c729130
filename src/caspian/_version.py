"""The library version (read by the build) and the data version (cited with the records)."""

__version__ = "0.3.0.dev0"

#: The version of the packaged data (year.month.serial); cite it with the records you use.
__data_version__ = "2026.12.1"
