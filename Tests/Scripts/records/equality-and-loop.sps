print ({a: 1} == {a: 1})  # expect: true
for k in {x: 1, y: 2} { print k }
# expect: x
# expect: y
