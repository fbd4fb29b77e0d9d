b = { 1 }
b(1)  # expect error: a block takes no arguments, got 1
