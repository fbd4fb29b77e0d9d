print (round (std [1, 2, 3, 4]) digits=4)  # expect: 1.291
