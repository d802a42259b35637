"""The demo content of the site (`manage.py load_demo_content`): data modules and builder."""
