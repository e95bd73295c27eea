"""The shop's own tests, run by Django's runner (``manage.py test``) in a fresh process."""

import io
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import AsyncClient, TestCase
from rest_framework.test import APIClient

from snippets.django_patterns.shop.models import (
    Category,
    Order,
    OrderLine,
    OutOfStock,
    Product,
)


class ShopTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        books, games = Category.objects.bulk_create(
            [Category(name="Books"), Category(name="Games")]
        )
        Product.objects.bulk_create(
            [
                Product(name="Dune", category=books, price=Decimal("9.99"), stock=5),
                Product(name="Emma", category=books, price=Decimal("7.50"), stock=0),
                Product(name="Go", category=games, price=Decimal("25.00"), stock=2),
                Product(
                    name="Saw", category=games, price=Decimal("21.00"), is_active=False
                ),
            ]
        )
        users = get_user_model().objects
        cls.customer = users.create_user("customer")
        cls.staff = users.create_user("staff", is_staff=True)

    def test_queryset_methods_chain(self):
        names = Product.objects.active().in_stock().values_list("name", flat=True)
        self.assertEqual(list(names), ["Dune", "Go"])

    def test_select_related_ends_n_plus_one(self):
        with self.assertNumQueries(1):
            [product.category.name for product in Product.objects.with_category()]
        with self.assertNumQueries(5):
            [product.category.name for product in Product.objects.all()]

    def test_order_is_all_or_nothing(self):
        dune = Product.objects.get(name="Dune")
        order = Order.place(self.customer, dune, 2)
        self.assertEqual(order.total(), Decimal("19.98"))
        self.assertEqual(OrderLine.objects.get(pk=(order.pk, dune.pk)).quantity, 2)
        with self.assertRaises(OutOfStock):
            Order.place(self.customer, dune, 10)
        self.assertEqual(Order.objects.count(), 1)

    def test_buy_view(self):
        dune = Product.objects.get(name="Dune")
        self.client.force_login(self.customer)
        response = self.client.post(f"/shop/{dune.pk}/buy/", {"quantity": 1})
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json()["total"], "9.99")

    def test_api_permissions_and_pagination(self):
        api = APIClient()
        self.assertEqual(api.get("/api/products/").status_code, 403)
        api.force_authenticate(self.customer)
        with self.assertNumQueries(2):
            body = api.get("/api/products/").json()
        self.assertEqual(sorted(body), ["count", "next", "previous", "results"])
        self.assertEqual(body["count"], 3)
        new = {"name": "Risk", "category": "Games", "price": "29.50"}
        self.assertEqual(api.post("/api/products/", new).status_code, 403)
        api.force_authenticate(self.staff)
        self.assertEqual(api.post("/api/products/", new).status_code, 201)

    def test_customers_see_only_their_own_orders(self):
        dune = Product.objects.get(name="Dune")
        own = Order.place(self.customer, dune, 1)
        other = Order.place(self.staff, dune, 1)
        api = APIClient()
        api.force_authenticate(self.customer)
        listed = [order["id"] for order in api.get("/api/orders/").json()["results"]]
        self.assertEqual(listed, [own.pk])
        self.assertEqual(api.get(f"/api/orders/{other.pk}/").status_code, 404)
        api.force_authenticate(self.staff)
        self.assertEqual(api.delete(f"/api/orders/{own.pk}/").status_code, 403)

    async def test_async_views(self):
        client = AsyncClient()
        summary = (await client.get("/shop/summary/")).json()
        self.assertEqual(summary["in_stock"], 2)
        self.assertEqual((await client.get("/shop/999999/")).status_code, 404)

    def test_no_missing_migrations(self):
        out = io.StringIO()
        call_command("makemigrations", check=True, stdout=out)
        self.assertIn("No changes detected", out.getvalue())
