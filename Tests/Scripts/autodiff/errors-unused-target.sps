# grad with respect to a param the value does not depend on.
w = param (tensor [1, 2, 3])
v = param (tensor [1])
print (grad (sum (w * 2)) [w, v] unused=true)[1][0]  # expect: 0
print (grad (sum (w * 2)) v)  # expect error col 27: the value does not depend on target 1
