from django.apps import AppConfig


class ShopConfig(AppConfig):
    name = "snippets.django_patterns.shop"
    # The label names the tables (dp_shop_product, ...); it must be unique in a project.
    label = "dp_shop"
    default_auto_field = "django.db.models.BigAutoField"
