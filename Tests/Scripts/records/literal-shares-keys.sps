# Records made by one literal share their keys until one of them changes its own; setting through one place in the
# code reaches the right field of each.
def mk i { {a: i, b: i * 10} }
def setb r v {
  r.b = v
  r
}
x = mk 1
y = mk 2
x.c = 3
y.b = 20
print x y  # expect: {a: 1, b: 10, c: 3} {a: 2, b: 20}
print (setb {b: 1, a: 2} 5) (setb {a: 2, b: 1} 6) (setb {a: 2} 7)  # expect: {b: 5, a: 2} {a: 2, b: 6} {a: 2, b: 7}
print (keys (mk 3))  # expect: ["a", "b"]
