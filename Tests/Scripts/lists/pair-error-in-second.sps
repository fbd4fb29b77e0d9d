# An error in the second element of a two-element list is reported at that element (its line and column).

z = ["ok",
     [1] * nil]  # expect error: '*' cannot be applied to list and nil
