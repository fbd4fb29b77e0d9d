print (1 == "1") (nil == nil) ([1] == 1)  # expect: false true false
