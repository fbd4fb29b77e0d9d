# param makes trainable tensors with PyTorch's initializations, drawn from the session's initialization stream.
seed 3
w = param [1, 3]
seed 3
m = linear 3 1
# init=linear (the default for a matrix) is nn.Linear's: the same draws as the linear command's weight.
# expect: 0
print (max (abs ((detach w) - m.weight)))
# seed replays the draws.
seed 1
a = param [4, 5] init=kaiming_normal nonlinearity=relu
seed 1
b = param [4, 5] init=kaiming_normal nonlinearity=relu
# expect: 0 [4, 5] true
print (max (abs ((detach a) - (detach b)))) a.shape a.is_param
# Bounds: linear U(±1/√fan_in); kaiming_uniform U(±gain·√(3/fan_in)); xavier_uniform U(±gain·√(6/(fan_in+fan_out))).
big = detach (param [200, 50])
# expect: true
print ((max (abs big)) <= 1 / (sqrt 50))
k = detach (param [200, 50] init=kaiming_uniform nonlinearity=relu)
# expect: true
print ((max (abs k)) <= (sqrt 2) * (sqrt (3 / 50)))
x = detach (param [200, 50] init=xavier_uniform gain=2)
# expect: true
print ((max (abs x)) <= 2 * (sqrt (6 / 250)))
# kaiming_normal with mode=fan_out: std √2/√fan_out.
n = detach (param [400, 100] init=kaiming_normal mode=fan_out)
# expect: true
print ((abs ((std n) - (sqrt 2) / (sqrt 400))) < 0.002)
# normal and uniform with their settings; zeros and ones.
u = detach (param [1000] init=uniform low=2 high=3)
# expect: true true
print ((min u) >= 2) ((max u) < 3)
z = detach (param [2, 2] init=normal mean=5 std=0)
# expect: 5 5
print (min z) (max z)
# expect: 0 1
print (sum (detach (param [3] init=zeros))) (mean (detach (param [2, 3] init=ones)))
# A bias: nn.Linear's bias is uniform in ±1/√fan_in, so it needs fan_in=; a vector alone starts at zeros.
bias = detach (param [64] fan_in=4)
# expect: true
print ((max (abs bias)) <= 0.5)
# expect: 0
print (sum (detach (param [5])))
# From a value, with a name.
s = param 1.5 name="scale"
# expect: 1.5 (param scale)
print s
# expect: 2-element Tensor{Float32} (param):
# expect:  1  2
print (param (tensor [1, 2]))
