def find xs target {
  for i in 0..<len xs {
    if xs[i] == target { return i }
  }
  return -1
}
print (find [5, 6, 7] 7) (find [5] 1)  # expect: 2 -1
