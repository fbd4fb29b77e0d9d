n = 3
for i in 0..<n - 1 { print i }
# expect: 0
# expect: 1
