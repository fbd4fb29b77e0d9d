# A def inside another def can call itself (it used to fail with "internal error: captured variable missing").
def outer n {
  def fact k { if k < 2 { return 1 }; return k * fact(k - 1) }
  fact n
}
print (outer 5)  # expect: 120

# Each call makes its own local def.
def counter {
  def countdown k { if k == 0 { return [] }; append (countdown (k - 1)) k }
  return countdown
}
c = counter()
print (c 3)  # expect: [1, 2, 3]
