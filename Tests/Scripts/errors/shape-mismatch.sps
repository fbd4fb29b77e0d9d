a = zeros 2 3
b = zeros 4 5
print (a + b)  # expect error: [2, 3]
