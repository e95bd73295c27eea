"""Async views on the async ORM: aget, acount, async for. No sync_to_async needed."""

from django.http import Http404, JsonResponse

from snippets.django_patterns.shop.models import Product


async def product_detail(request, pk: int):
    """An async view using the async ORM directly: no sync_to_async."""
    try:
        product = await Product.objects.with_category().aget(pk=pk)
    except Product.DoesNotExist:
        raise Http404("no such product") from None
    return JsonResponse(
        {
            "name": product.name,
            "category": product.category.name,
            "stock": product.stock,
        }
    )


async def catalogue_summary(request):
    in_stock = Product.objects.active().in_stock()
    return JsonResponse(
        {
            "products": await Product.objects.acount(),
            "in_stock": await in_stock.acount(),
            "cheapest": [p.name async for p in in_stock.order_by("price")[:3]],
        }
    )
