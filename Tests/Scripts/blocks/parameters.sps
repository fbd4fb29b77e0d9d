# A block written as a value may take parameters: `{ a b -> … }`, called like a def.
f = { x y -> x * 10 + y }
# expect: 12
print (f 1 2)
g = { x ->
  z = x + 1
  z * 2
}
# expect: 8
print (g 3)
# A parameter shadows a variable of the same name outside; the outer one is unchanged.
a = 5
k = { a -> a + 1 }
# expect: 8 5
print (k 7) a
# An ordinary block still reads `{ x - y }` as a subtraction, with no parameters.
x = 3
y = 1
d = { x - y }
# expect: 2
print d()
# Called with the wrong number of arguments:
# expect error: a block takes at most 2 arguments, got 3
f 1 2 3
