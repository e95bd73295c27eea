import pytest


class TestReport:
    @pytest.fixture(scope="class")
    @classmethod
    def report(cls) -> list[str]:
        # Runs once for the class. Each test gets a new TestReport instance, so only
        # what is set on the class itself reaches them all.
        cls.lines = ["header"]
        return cls.lines

    def test_header(self, report: list[str]) -> None:
        assert report == ["header"]
        report.append("total")

    def test_the_same_report(self, report: list[str]) -> None:
        assert report is self.lines
        assert report == ["header", "total"]
