x = 1 )  # expect error: unexpected ')' with no matching opening bracket
