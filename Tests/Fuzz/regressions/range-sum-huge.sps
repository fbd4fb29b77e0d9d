print (sum (range 1000000000000000))
