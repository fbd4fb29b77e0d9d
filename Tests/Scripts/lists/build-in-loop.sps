xs = []
for i in 0..<5 { xs = append xs (i * i) }
print xs  # expect: [0, 1, 4, 9, 16]
