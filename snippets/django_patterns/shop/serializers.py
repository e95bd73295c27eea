from rest_framework import serializers

from snippets.django_patterns.shop.models import Category, Order, Product


class ProductSerializer(serializers.ModelSerializer):
    # Read and written as the category's name; resolved with one query on write.
    category = serializers.SlugRelatedField(
        slug_field="name", queryset=Category.objects.all()
    )

    class Meta:
        model = Product
        fields = ("id", "name", "category", "price", "stock", "is_active")


class OrderSerializer(serializers.ModelSerializer):
    customer = serializers.StringRelatedField()
    # Computed by the database in the viewset's query, not one query per order.
    total = serializers.DecimalField(max_digits=12, decimal_places=2, read_only=True)

    class Meta:
        model = Order
        fields = ("id", "customer", "total")
