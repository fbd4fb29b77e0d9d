def counter {
  n = 0
  def inc { n = n + 1; n }
  return inc
}
c = counter()
c(); c()
print (c())  # expect: 3
d = counter()
print (d())  # expect: 1
