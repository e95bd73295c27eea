from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated

from snippets.django_patterns.shop.models import Product
from snippets.django_patterns.shop.permissions import IsStaffOrReadOnly
from snippets.django_patterns.shop.serializers import ProductSerializer


class ProductViewSet(viewsets.ModelViewSet):
    serializer_class = ProductSerializer
    permission_classes = (IsAuthenticated, IsStaffOrReadOnly)
    # select_related: the serializer reads product.category.name for every row.
    queryset = Product.objects.with_category()

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.request.user.is_staff else queryset.active()
