print (range 5) (range 2 5)  # expect: 0..<5 2..<5
print (range 0 10 3)  # expect: [0, 3, 6, 9]
print (range 5 0 -2)  # expect: [5, 3, 1]
