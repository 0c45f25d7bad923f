"""The translation workflow of a content folder: export what there is to translate (XLIFF 2.0
for CAT tools, XLSX or CSV for spreadsheets), check a translated file, and merge it into the
folder's ``translations/*.csv``. Qt-free; the CLI is ``khojaly-kiosk translations``."""
