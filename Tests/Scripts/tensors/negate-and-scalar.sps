t = tensor [1, 2]
print (sum (-t)) (sum (2 * t)) (sum (t / 2))  # expect: -3 6 1.5
