"""rfdesk: registers, official notices and backups for civil air defence offices."""

__version__ = "0.1.0"
APP_NAME = "rfdesk"
