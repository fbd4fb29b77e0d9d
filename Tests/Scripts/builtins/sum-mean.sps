print (sum [1, 2, 3]) (mean [1, 2, 3, 4])  # expect: 6 2.5
