seed 0
w = zeros 2 3
m = linear 3 1
label = "run"
vars
# expect: name   type    shape         memory
# expect: w      tensor  [2, 3]        24 B
# expect: m      Model   4 parameters  32 B
# expect: label  string  3 chars       3 B
# expect: 3 variables, about 59 B
