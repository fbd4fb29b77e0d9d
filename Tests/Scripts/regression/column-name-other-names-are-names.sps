# A bare name in a column-name position that is not a local variable — a global, or a name defined nowhere — is
# the column name itself, also inside a def; a string is always the name.
col = "x1"
print (noise col)  # expect: noise col std=1
x3 = 5
def j { noise x3 }
print (j())  # expect: noise x3 std=1
def k { noise undefined_anywhere }
print (k())  # expect: noise undefined_anywhere std=1
def m col { noise "col" }
print (m "x1")  # expect: noise col std=1
