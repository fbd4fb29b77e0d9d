# Elementwise math on numbers and tensors
x = tensor [-2, 0, 3]
print (abs x)[0] (sign x)[0] (sign 0) (relu x)[0] (relu x)[2] (sigmoid 0)  # expect: 2 -1 0 0 3 0.5
print (round (sigmoid 2) digits=4) (round (sigmoid (tensor [2]))[0] digits=4) (sigmoid -1000) (sigmoid 1000)  # expect: 0.8808 0.8808 0 1
print (minimum x 1)[2] (maximum x 1)[0] (minimum 2 5) (maximum (tensor [1, 9]) (tensor [[5], [0]])).shape  # expect: 1 1 2 [2, 2]
print (pow x 2)[0] (pow 2 10) (pow (tensor [4, 9]) 0.5)[1]  # expect: 4 1024 3
print (minimum (tensor [1, 0 / 0]) 0)[1]  # expect: nan
print (sqrt (tensor [4]))[0] (exp (tensor [0]))[0] (log (tensor [1]))[0] (tanh (tensor [0]))[0]  # expect: 2 1 0 0
print (minimum x (tensor [1, 2]))  # expect error: minimum: shapes [3] and [2] cannot be broadcast together
