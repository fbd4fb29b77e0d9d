def a {
  x = 1
  def b {
    def c { x = x + 1; x }
    return c
  }
  return b()
}
f = a()
f(); print (f())  # expect: 3
