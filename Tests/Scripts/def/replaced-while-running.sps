# A def or block whose global is given another value while it runs finishes with what it captured; the new value
# is what the next call finds. (A call through a global counts no reference to the closure: the global holds it.)
f = nil
def make k {
  return { n ->
    f = nil
    junk = []
    for i in 0..<1000 { junk = append junk { x -> x + i } }
    n * k + (len junk)
  }
}
f = make 10
print (f 2)  # expect: 1020
print f  # expect: nil

def countdown n {
  if n == 0 {
    countdown = 0
    return "done"
  }
  return countdown (n - 1)
}
print (countdown 5)  # expect: done
print countdown  # expect: 0

def g x {
  def g y { return y * 100 }
  return x + 1
}
print (g 1)  # expect: 2
print (g 1)  # expect: 100
