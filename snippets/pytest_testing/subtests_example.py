def test_every_port_is_a_number(subtests):
    for text in ["80", "443", "http", "8080"]:
        with subtests.test(msg="port", text=text):
            assert int(text) > 0
