t = zeros 2 2
t[0, 1] = 5
t[1] = [7, 8]
print (sum t) t[0, 1] t[1, 0]  # expect: 20 5 7
