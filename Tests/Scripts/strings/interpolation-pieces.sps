# Interpolation with expressions at either end, next to each other, and alone; values of every kind print as
# `print` shows them.
a = 1
b = "two"
print "{a}{b}"  # expect: 1two
print "{a}"  # expect: 1
print "x{a}"  # expect: x1
print "{b}x"  # expect: twox
print "<{a} {b} {[1, 2]} {nil} {true} {2.5}>"  # expect: <1 two [1, 2] nil true 2.5>
print "no pieces"  # expect: no pieces
s = ""
for i in 0..<3 { s += "{i};" }
print s  # expect: 0;1;2;
