from rest_framework import serializers

from snippets.django_patterns.shop.models import Category, Product


class ProductSerializer(serializers.ModelSerializer):
    # Read and written as the category's name; resolved with one query on write.
    category = serializers.SlugRelatedField(
        slug_field="name", queryset=Category.objects.all()
    )

    class Meta:
        model = Product
        fields = ("id", "name", "category", "price", "stock", "is_active")
