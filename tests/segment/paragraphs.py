"""Two paragraphs of invented article prose, for the segment tests that need prose around a line."""

P1 = (
    "The council voted on Tuesday to close the old bridge for repairs, and the work is expected to "
    "take most of the summer, according to the engineers who inspected it in the spring."
)
P2 = (
    "Residents who live on the east side of the river said that they would have to drive for an "
    "extra twenty minutes each way, and some of them asked the council to run a ferry instead."
)
