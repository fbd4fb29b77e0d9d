def adder k { def add x { x + k }; return add }
add5 = adder 5
print (add5 10)  # expect: 15
