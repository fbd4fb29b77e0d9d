r = collect {
  a = 1
  b = a + 1
}
print r  # expect: {a: 1, b: 2}
