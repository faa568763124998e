"""Plugin steps with awkward needs, for the analyzer's ordering and refusals."""

from __future__ import annotations

from newstrace.analyze import ArticleWork, Step


class _Noting(Step[str]):
    """Notes its own name, so a test can see the order steps ran in."""

    def find(self, work: ArticleWork) -> str:
        return self.name

    def attach(self, work: ArticleWork, found: str) -> None:
        order = work.notes.setdefault("order", [])
        assert isinstance(order, list)
        order.append(found)


class Early(_Noting):
    name = "early"


class NeedsEarly(_Noting):
    name = "needs_early"
    needs = ("early",)


class Chicken(_Noting):
    name = "chicken"
    needs = ("egg",)


class Egg(_Noting):
    name = "egg"
    needs = ("chicken",)


class Dates(_Noting):
    name = "dates"  # clashes with the built-in step


EARLY, NEEDS_EARLY, CHICKEN, EGG, DATES = Early(), NeedsEarly(), Chicken(), Egg(), Dates()
NOT_A_STEP = "just a string"
