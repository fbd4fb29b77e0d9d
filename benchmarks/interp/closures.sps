# Closures and counters: 6,000 counters (a def capturing its own variable and the step it was made with), each
# called 300 times, and an adder made and passed to a def for each. Same program in closures.py and closures.lua.
def counter step {
  n = 0
  def next {
    n = n + step
    n
  }
  return next
}
def adder k {
  def add x { x + k }
  return add
}
def apply f x { f x }
def run k {
  total = 0
  for i in 0..<k {
    c = counter (i % 7)
    for j in 0..<300 { total = total + c() }
    total = total + apply((adder i), i)
  }
  return total
}
print (run 6000)
