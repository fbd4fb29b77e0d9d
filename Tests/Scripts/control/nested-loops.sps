n = 0
for i in 0..<3 {
  for j in 0..<3 {
    if j > i { break }
    n += 1
  }
}
print n  # expect: 6
