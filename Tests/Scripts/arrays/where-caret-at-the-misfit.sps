# The caret of a broadcast error in `where` is under the first argument that does not fit the ones before it:
# here a (shape [2]) does not fit the condition (shape [3]); b would have fitted.
x = tensor [1, -2, 3]
print (where (x > 0) (tensor [1, 2]) x)  # expect error col 23: where: the condition [3], a [2] and b [3] cannot be broadcast together
