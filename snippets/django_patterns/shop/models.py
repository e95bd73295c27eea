"""Fat models: the business rules live here, next to the data they protect."""

from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q, Sum

CENT = Decimal("0.01")


class OutOfStock(Exception):
    """Raised when an order asks for more than the shelf holds."""


class ProductQuerySet(models.QuerySet):
    """Named, chainable filters: views say what they want, not how to find it."""

    def active(self):
        return self.filter(is_active=True)

    def in_stock(self):
        return self.filter(stock__gt=0)

    def with_category(self):
        return self.select_related("category")


class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ("name",)
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    name = models.CharField(max_length=200, unique=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="products"
    )
    price = models.DecimalField(max_digits=10, decimal_places=2)
    stock = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ("name",)
        constraints = (
            models.CheckConstraint(
                condition=Q(price__gte=0), name="dp_shop_price_not_negative"
            ),
        )

    def __str__(self) -> str:
        return self.name

    def sell(self, quantity: int) -> None:
        """Take `quantity` off the shelf in one conditional UPDATE (no race)."""
        if quantity < 1:
            raise ValueError("quantity must be at least 1")
        taken = Product.objects.filter(pk=self.pk, stock__gte=quantity).update(
            stock=F("stock") - quantity
        )
        self.refresh_from_db(fields=["stock"])
        if not taken:
            raise OutOfStock(f"{self.name}: {self.stock} left, {quantity} wanted")


class Order(models.Model):
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders"
    )

    @classmethod
    def place(cls, customer, product: Product, quantity: int) -> "Order":
        """A new order for one product, or nothing at all if the shelf is short."""
        with transaction.atomic():
            order = cls.objects.create(customer=customer)
            order.add(product, quantity)
        return order

    def add(self, product: Product, quantity: int) -> "OrderLine":
        """Sell the product and record the line, or do neither."""
        with transaction.atomic():
            product.sell(quantity)
            return OrderLine.objects.create(
                order=self, product=product, quantity=quantity, unit_price=product.price
            )

    def total(self) -> Decimal:
        """The sum of the lines, computed by the database, rounded to cents."""
        total = self.lines.aggregate(total=Sum(F("quantity") * F("unit_price")))
        return (total["total"] or Decimal(0)).quantize(CENT)


class OrderLine(models.Model):
    """A link table: the pair (order, product) is the identity, no surrogate id."""

    pk = models.CompositePrimaryKey("order", "product")
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)
