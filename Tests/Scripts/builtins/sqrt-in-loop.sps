s = 0
for i in 0..<4 { s = s + sqrt (i * i) }
print s  # expect: 6
