assert (1 > 2) "one is not above two"  # expect error: one is not above two
