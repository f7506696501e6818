"""The window's languages, each named in itself (Qt-free, for the command line's choices;
lvm_gui.i18n installs them)."""

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
