def price(amount: float, *, member: bool = False) -> float:
    if member:
        amount = amount * 0.9
    if amount < 0:
        raise ValueError(f"a price cannot be negative: {amount}")
    return round(amount, 2)
