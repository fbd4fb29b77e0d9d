r = {
  a: 1,
  b: [1, 2],
}
print r.b  # expect: [1, 2]
