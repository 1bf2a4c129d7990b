"""Backups, restore, Excel and CSV import and export."""
