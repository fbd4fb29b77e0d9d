def pair {
  v = 0
  def get { v }
  def set x { v = x }
  [get, set]
}
p = pair()
p[1](42)
print (p[0]())  # expect: 42
