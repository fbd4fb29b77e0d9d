def run body { body() }
run {
  a = 1
  b = 2
  print (a + b)
}
# expect: 3
