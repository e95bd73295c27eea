from prices import price


def test_member_discount():
    assert price(20, member=True) == 18
