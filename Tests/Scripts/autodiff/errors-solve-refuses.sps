# An operation that cannot be differentiated refuses a tensor that carries gradients, at the argument, naming detach.
w = param (tensor [1, 2, 3])
print (det (detach (diag w)))  # expect: 6
print (solve (eye 3) w)  # expect error col 22: argument 'b' of solve carries gradients, and this cannot be differentiated; use its value without gradients: detach
