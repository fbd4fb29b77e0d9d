print (1 + 1..2 + 2)  # expect: 2..4
