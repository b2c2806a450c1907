"""The bilingual demo site that `manage.py load_demo` builds.

- content/: the texts, in English and Spanish side by side (from the seeds)
- tree.py, catalogue.py, blocks.py: that content as page and snippet specs
- builder.py: get-or-create of each spec, found again by its translation key
- translation.py: the Spanish version of each object, through wagtail-localize
- generated/: images, PDFs and a video made with Pillow, reportlab and PyAV
- accounts.py, site.py: demo accounts and groups; locales, site root, settings
- load.py: the steps, in dependency order; the command runs each atomically
"""
