print (1 + "a")  # expect error: cannot add a string and a number
